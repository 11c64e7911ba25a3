"""APDU round trips through pcscd with pyscard's connection API, the way Python programs use it.

    /usr/bin/python3 apdu_loop.py READER ITERATIONS WARMUP

Prints "sample pyscard NS" per timed round trip and "loop pyscard ITERATIONS ELAPSED_NS" at the
end, the format every peer of this benchmark shares.
"""
import sys
import time

from smartcard.System import readers

# ECHO (00 EE 00 00 Lc data): the test card answers data + 90 00.
DATA = [1, 2, 3, 4, 5, 6, 7, 8]
COMMAND = [0x00, 0xEE, 0x00, 0x00, len(DATA)] + DATA
EXPECTED = (DATA, 0x90, 0x00)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: apdu_loop.py READER ITERATIONS WARMUP")
    name, iterations, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    reader = next((r for r in readers() if str(r) == name), None)
    if reader is None:
        sys.exit(f"apdu_loop.py: no reader named {name!r}")
    connection = reader.createConnection()
    connection.connect()

    for _ in range(warmup):
        if connection.transmit(COMMAND) != EXPECTED:
            sys.exit("apdu_loop.py: the card's answer is not the echo")
    # monotonic_ns reads CLOCK_MONOTONIC, as the C and Swift peers do.
    now = time.monotonic_ns
    samples = []
    start = now()
    for _ in range(iterations):
        before = now()
        answer = connection.transmit(COMMAND)
        samples.append(now() - before)
        if answer != EXPECTED:
            sys.exit("apdu_loop.py: the card's answer is not the echo")
    elapsed = now() - start

    lines = [f"sample pyscard {sample}" for sample in samples]
    lines.append(f"loop pyscard {iterations} {elapsed}")
    print("\n".join(lines))
    connection.disconnect()


if __name__ == "__main__":
    main()
