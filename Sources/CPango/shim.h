#ifndef SSKIOSK_CPANGO_SHIM_H
#define SSKIOSK_CPANGO_SHIM_H
#include <pango/pangocairo.h>
#endif
