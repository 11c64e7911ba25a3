#ifndef SSKIOSK_CPCSCLITE_SHIM_H
#define SSKIOSK_CPCSCLITE_SHIM_H
#include <PCSC/winscard.h>
#include <PCSC/reader.h>
#endif
