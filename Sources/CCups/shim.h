#ifndef SSKIOSK_CCUPS_SHIM_H
#define SSKIOSK_CCUPS_SHIM_H
#include <cups/cups.h>
#endif
