#ifndef SSKIOSK_CSYSTEMD_SHIM_H
#define SSKIOSK_CSYSTEMD_SHIM_H
#include <systemd/sd-daemon.h>
#endif
