#ifndef SSKIOSK_CQRENCODE_SHIM_H
#define SSKIOSK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
