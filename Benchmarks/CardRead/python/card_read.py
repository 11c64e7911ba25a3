"""Card inserted -> cardholder with the independent pyscard reader, Tests/pyscard/read_card.py.

    /usr/bin/python3 card_read.py READER ITERATIONS WARMUP

Prints "sample pyscard NS CONNECT_NS" per timed run (from SCardConnect to the decoded fields, and
SCardConnect alone) and "apdus pyscard CARD 0", the format the Swift peers share.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "Tests", "pyscard"))

from read_card import read_card  # noqa: E402
from smartcard.System import readers  # noqa: E402


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: card_read.py READER ITERATIONS WARMUP")
    name, iterations, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    reader = next((r for r in readers() if str(r) == name), None)
    if reader is None:
        sys.exit(f"card_read.py: no reader named {name!r}")
    # One PC/SC context for the run, made here, as the Swift peers make theirs before timing.
    connection = reader.createConnection()

    now = time.monotonic_ns
    samples, first, counts = [], None, set()
    for run in range(warmup + iterations):
        start = now()
        connection.connect()
        connected = now()
        fields, apdus = read_card(connection)
        elapsed = now() - start
        connection.disconnect()
        if first is None:
            first = fields
        elif fields != first:
            sys.exit("card_read.py: two runs read different cards")
        counts.add(apdus)
        if run >= warmup:
            samples.append((elapsed, connected - start))
    if len(counts) != 1:
        sys.exit(f"card_read.py: runs sent different numbers of APDUs: {sorted(counts)}")

    lines = [f"sample pyscard {total} {connect}" for total, connect in samples]
    lines.append(f"apdus pyscard {counts.pop()} 0")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
