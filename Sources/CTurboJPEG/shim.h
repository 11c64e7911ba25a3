#ifndef SSKIOSK_CTURBOJPEG_SHIM_H
#define SSKIOSK_CTURBOJPEG_SHIM_H
#include <turbojpeg.h>
#endif
