#ifndef SSKIOSK_CCAIRO_SHIM_H
#define SSKIOSK_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
