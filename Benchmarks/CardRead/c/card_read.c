/*
 * The floor for a card read on this rig: the same APDUs the product's read sends (`swift` peer),
 * to the same card, in plain C. Each run connects, sends the exchanges in order with one receive
 * buffer for the whole run, checks each answer against the recorded one, and disconnects.
 *
 *   card_read READER ITERATIONS WARMUP EXCHANGES reset|leave
 *
 * EXCHANGES is `CardReadBenchmark exchanges`' output: "COMMAND RESPONSE" in hex, one exchange a
 * line, recorded from one read by the session on the card's image. `reset` disconnects with
 * SCARD_RESET_CARD, as the product does after every card operation, so each run starts from a card
 * just reset, as the product's reads do; `leave` leaves the card as it is (SCARD_LEAVE_CARD).
 * Prints "sample PEER NS CONNECT_NS" per timed run (from SCardConnect to the last answer, and
 * SCardConnect alone), then "apdus PEER CARD 0", the format every peer of this benchmark shares;
 * PEER is c-read after `reset`, c-read-leave after `leave`.
 *
 * With TURN_WAIT and TURN_PASS set (two FIFOs), each run, warm-up included, first waits for a byte
 * on TURN_WAIT and passes one on TURN_PASS once it has disconnected: the run script's paired phase,
 * where this floor and a Swift peer take turns read by read, so that whatever else the machine is
 * doing falls on both alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <winscard.h>

enum { max_exchanges = 64, max_apdu = 65536 + 2 };

struct exchange {
    BYTE *command, *response;
    DWORD command_length, response_length;
};

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int fail(const char *what, LONG rv) {
    const char *reason = rv == SCARD_S_SUCCESS ? "the answer is not the recorded one" : pcsc_stringify_error(rv);
    fprintf(stderr, "card_read: %s: %s (0x%08lX)\n", what, reason, (unsigned long)rv);
    return 1;
}

/* Decodes the hex word `hex` into a fresh buffer; -1 if it is not whole bytes of hex. */
static long unhex(const char *hex, BYTE **bytes) {
    size_t digits = strlen(hex);
    if (digits % 2 || digits / 2 > max_apdu) return -1;
    *bytes = malloc(digits / 2 + 1);
    if (!*bytes) return -1;
    for (size_t i = 0; i < digits / 2; i++) {
        unsigned value;
        if (sscanf(hex + 2 * i, "%2x", &value) != 1) return -1;
        (*bytes)[i] = (BYTE)value;
    }
    return (long)(digits / 2);
}

/* Reads the exchanges file; returns how many, or -1 with a message. */
static long load(const char *path, struct exchange *exchanges) {
    FILE *file = fopen(path, "r");
    if (!file) {
        perror(path);
        return -1;
    }
    static char command[2 * max_apdu + 1], response[2 * max_apdu + 1];
    long count = 0;
    while (fscanf(file, "%131076s %131076s", command, response) == 2) {
        if (count == max_exchanges) break;
        long command_length = unhex(command, &exchanges[count].command);
        long response_length = unhex(response, &exchanges[count].response);
        if (command_length < 4 || response_length < 2) {
            fprintf(stderr, "card_read: %s: exchange %ld is not two words of hex\n", path, count + 1);
            fclose(file);
            return -1;
        }
        exchanges[count].command_length = (DWORD)command_length;
        exchanges[count].response_length = (DWORD)response_length;
        count++;
    }
    fclose(file);
    if (count == 0 || count == max_exchanges) {
        fprintf(stderr, "card_read: %s: expected 1 to %d exchanges\n", path, max_exchanges - 1);
        return -1;
    }
    return count;
}

/* The FIFO named by environment variable `name`, opened for reading and writing (which on Linux
 * never waits for the other end); -1 when the variable is unset, -2 when it cannot be opened. */
static int turn(const char *name) {
    const char *path = getenv(name);
    if (!path) return -1;
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        perror(path);
        return -2;
    }
    return fd;
}

int main(int argc, char **argv) {
    int reset = argc == 6 && strcmp(argv[5], "reset") == 0;
    if (argc != 6 || (!reset && strcmp(argv[5], "leave") != 0)) {
        fprintf(stderr, "usage: card_read READER ITERATIONS WARMUP EXCHANGES reset|leave\n");
        return 2;
    }
    const char *reader = argv[1], *peer = reset ? "c-read" : "c-read-leave";
    long iterations = atol(argv[2]), warmup = atol(argv[3]);
    static struct exchange exchanges[max_exchanges];
    long count = load(argv[4], exchanges);
    if (count < 0) return 1;

    int turn_wait = turn("TURN_WAIT"), turn_pass = turn("TURN_PASS");
    if (turn_wait == -2 || turn_pass == -2) return 1;
    char token = 't';

    SCARDCONTEXT context;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &context);
    if (rv != SCARD_S_SUCCESS) return fail("SCardEstablishContext", rv);

    /* 64 KiB data plus the status word: the capacity the Swift API offers, so pcscd sees the same requests. */
    static BYTE received[max_apdu];
    long long *samples = malloc(sizeof *samples * 2 * (size_t)(iterations > 0 ? iterations : 1));
    if (!samples) return fail("malloc", SCARD_E_NO_MEMORY);

    for (long run = 0; run < warmup + iterations; run++) {
        SCARDHANDLE card;
        DWORD protocol;
        if (turn_wait >= 0 && read(turn_wait, &token, 1) != 1) return fail("waiting for the turn", SCARD_F_UNKNOWN_ERROR);
        long long start = now_ns();
        rv = SCardConnect(context, reader, SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
        if (rv != SCARD_S_SUCCESS) return fail("SCardConnect", rv);
        long long connected = now_ns();
        const SCARD_IO_REQUEST *pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
        for (long i = 0; i < count; i++) {
            DWORD length = sizeof received;
            rv = SCardTransmit(card, pci, exchanges[i].command, exchanges[i].command_length, NULL, received, &length);
            if (rv != SCARD_S_SUCCESS || length != exchanges[i].response_length
                || memcmp(received, exchanges[i].response, length) != 0)
                return fail("transmit", rv);
        }
        long long done = now_ns();
        rv = SCardDisconnect(card, reset ? SCARD_RESET_CARD : SCARD_LEAVE_CARD);
        if (rv != SCARD_S_SUCCESS) return fail("SCardDisconnect", rv);
        if (turn_pass >= 0 && write(turn_pass, &token, 1) != 1) return fail("passing the turn", SCARD_F_UNKNOWN_ERROR);
        if (run >= warmup) {
            samples[2 * (run - warmup)] = done - start;
            samples[2 * (run - warmup) + 1] = connected - start;
        }
    }

    /* Printing after the runs keeps stdout out of the measurement. */
    for (long i = 0; i < iterations; i++) printf("sample %s %lld %lld\n", peer, samples[2 * i], samples[2 * i + 1]);
    printf("apdus %s %ld 0\n", peer, count);

    free(samples);
    SCardReleaseContext(context);
    return 0;
}
