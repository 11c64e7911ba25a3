/*
 * The floor for an APDU round trip on this rig: plain SCardTransmit in a loop, one receive
 * buffer for the whole run, nothing between the calls but the check of the answer.
 *
 *   apdu_loop READER ITERATIONS WARMUP
 *
 * Prints "sample c NS" per timed round trip and "loop c ITERATIONS ELAPSED_NS" at the end,
 * the format every peer of this benchmark shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <winscard.h>

/* ECHO (00 EE 00 00 Lc data): the test card answers data + 90 00. */
static const BYTE command[] = {0x00, 0xEE, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8};
enum { header_length = 5, data_length = 8 };

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int fail(const char *what, LONG rv) {
    const char *reason = rv == SCARD_S_SUCCESS ? "the answer is not the echo" : pcsc_stringify_error(rv);
    fprintf(stderr, "apdu_loop: %s: %s (0x%08lX)\n", what, reason, (unsigned long)rv);
    return 1;
}

/* Whether a transmit succeeded with the echoed data and 90 00. */
static int echoed(LONG rv, const BYTE *received, DWORD length) {
    return rv == SCARD_S_SUCCESS && length == data_length + 2
        && memcmp(received, command + header_length, data_length) == 0
        && received[data_length] == 0x90 && received[data_length + 1] == 0x00;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: apdu_loop READER ITERATIONS WARMUP\n");
        return 2;
    }
    const char *reader = argv[1];
    long iterations = atol(argv[2]), warmup = atol(argv[3]);

    SCARDCONTEXT context;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &context);
    if (rv != SCARD_S_SUCCESS) return fail("SCardEstablishContext", rv);
    SCARDHANDLE card;
    DWORD protocol;
    rv = SCardConnect(context, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
    if (rv != SCARD_S_SUCCESS) return fail("SCardConnect", rv);
    const SCARD_IO_REQUEST *pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;

    /* 64 KiB data plus the status word: the capacity the Swift API offers, so pcscd sees the same requests. */
    static BYTE received[65536 + 2];

    DWORD length;
    for (long i = 0; i < warmup; i++) {
        length = sizeof received;
        rv = SCardTransmit(card, pci, command, sizeof command, NULL, received, &length);
        if (!echoed(rv, received, length)) return fail("warmup transmit", rv);
    }

    long long *samples = malloc(sizeof *samples * (size_t)(iterations > 0 ? iterations : 1));
    if (!samples) return fail("malloc", SCARD_E_NO_MEMORY);
    long long start = now_ns();
    for (long i = 0; i < iterations; i++) {
        length = sizeof received;
        long long before = now_ns();
        rv = SCardTransmit(card, pci, command, sizeof command, NULL, received, &length);
        samples[i] = now_ns() - before;
        if (!echoed(rv, received, length)) return fail("transmit", rv);
    }
    long long elapsed = now_ns() - start;

    /* Printing after the loop keeps stdout out of the measurement. */
    for (long i = 0; i < iterations; i++) printf("sample c %lld\n", samples[i]);
    printf("loop c %ld %lld\n", iterations, elapsed);

    free(samples);
    SCardDisconnect(card, SCARD_LEAVE_CARD);
    SCardReleaseContext(context);
    return 0;
}
