"""An independent reader of a social security card (generations 1.00 and 2.00) over pyscard.

    /usr/bin/python3 read_card.py --reader "Virtual PCD 00 00" [--show-id-number] [--per-tag]

Written from ../shared/CARD.md alone, not from the Swift code, so that the two readers agreeing
means both follow the card as documented. Prints JSON with the keys `sskiosk card read --json`
uses (the ID number masked unless --show-id-number). Exits 1 with a message when the card cannot
be read; 3.00 cards need the read key before EF06, which this script does not hold.

Importable: `read_card(connection)` returns the fields and the number of APDUs sent.
"""
import argparse
import json
import sys

from smartcard.Exceptions import SmartcardException
from smartcard.System import readers

# "sx1.sh." + GBK "社会保障"
SSSE_AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")
ALGORITHMS = {0x01: "DES/3DES", 0x02: "SSF33", 0x03: "SM4"}
ISSUER_MARK = bytes.fromhex("D156000005")

# SFI and tags of the two record files under SSSE; 4E only on 2.00 and later.
EF05 = (5, [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])
EF06 = (6, [0x08, 0x09, 0x4E, 0x0A, 0x0B, 0x0C, 0x0D])

# Status words with which a card says it does not read from a record to the end.
REFUSES_READ_TO_END = {0x6A86, 0x6B00, 0x6A81, 0x6981}
STATUS = {
    0x6982: "security status not satisfied",
    0x6983: "PIN blocked",
    0x6A82: "file not found",
    0x6A83: "record not found",
    0x9303: "application locked",
}


class CardError(Exception):
    pass


class Card:
    """APDUs to the card, with 61xx (GET RESPONSE) and 6Cxx (resend with Le = xx) handled."""

    def __init__(self, connection):
        self.connection = connection
        self.apdus = 0

    def _send(self, apdu):
        self.apdus += 1
        data, sw1, sw2 = self.connection.transmit(list(apdu))
        return bytes(data), sw1 << 8 | sw2

    def exchange(self, apdu):
        """Sends a command whose last byte is Le (or that has none) and returns (data, status word)."""
        data, sw = self._send(apdu)
        if sw >> 8 == 0x6C:
            data, sw = self._send(apdu[:-1] + bytes([sw & 0xFF]))
        while sw >> 8 == 0x61:
            more, sw = self._send(bytes([0x00, 0xC0, 0x00, 0x00, sw & 0xFF]))
            data += more
        return data, sw

    def expect(self, apdu, what):
        data, sw = self.exchange(apdu)
        if sw != 0x9000:
            raise CardError(f"{what}: the card answered {sw:04X} ({STATUS.get(sw, 'see ISO 7816-4')})")
        return data


def select_ssse(card):
    """SELECT 3F00 (some cards need it; where SSSE is the MF it may fail), then SSSE by AID.
    Returns tag 86 of the FCI, the algorithm."""
    card.exchange(bytes.fromhex("00A40000023F00"))
    fci = card.expect(bytes([0x00, 0xA4, 0x04, 0x00, len(SSSE_AID)]) + SSSE_AID + b"\x00", "selecting SSSE")
    algorithm = find_tag(fci, 0x86)
    if algorithm is None or len(algorithm) != 1:
        raise CardError("the SSSE's FCI has no tag 86 (algorithm)")
    return algorithm[0]


def find_tag(data, wanted):
    """Tag `wanted` in BER-TLV `data` (ISO 7816-4: multi-byte tags, 00/FF padding), looking into
    constructed tags (6F, A5) and into 9F0C, where real 3.0 cards put tag 86."""
    position = 0
    while position < len(data):
        if data[position] in (0x00, 0xFF):
            position += 1
            continue
        tag, position = read_tag(data, position)
        length, position = read_length(data, position)
        value = data[position:position + length]
        position += length
        if tag == wanted:
            return value
        if tag == 0x9F0C or (tag >> 8 * ((tag.bit_length() - 1) // 8)) & 0x20:
            inner = find_tag(value, wanted)
            if inner is not None:
                return inner
    return None


def read_tag(data, position):
    tag = data[position]
    position += 1
    if tag & 0x1F == 0x1F:
        while True:
            tag = tag << 8 | data[position]
            position += 1
            if not data[position - 1] & 0x80:
                break
    return tag, position


def read_length(data, position):
    first = data[position]
    if first == 0x81:
        return data[position + 1], position + 2
    if first == 0x82:
        return data[position + 1] << 8 | data[position + 2], position + 3
    return first, position + 1


def parse_records(data):
    """Records are simple TLVs (one-byte tag, length), back to back; the first of a tag wins."""
    items = {}
    position = 0
    while position < len(data) and data[position] not in (0x00, 0xFF):
        tag = data[position]
        length, position = read_length(data, position + 1)
        if position + length > len(data):
            raise CardError(f"record {tag:02X} is cut short")
        items.setdefault(tag, data[position:position + length])
        position += length
    return items


def read_file(card, sfi, tags, per_tag):
    """All records in one READ RECORD (P1 = 1, mode 101), or one READ RECORD per tag (mode 000)
    when asked or when the card refuses to read to the end."""
    if not per_tag:
        data, sw = card.exchange(bytes([0x00, 0xB2, 0x01, sfi << 3 | 0b101, 0x00]))
        if sw == 0x9000:
            return parse_records(data)
        if sw not in REFUSES_READ_TO_END:
            raise CardError(f"reading EF0{sfi}: the card answered {sw:04X} ({STATUS.get(sw, 'see ISO 7816-4')})")
    items = {}
    for tag in tags:
        data = card.expect(bytes([0x00, 0xB2, tag, sfi << 3, 0x00]), f"reading item {tag:02X} of EF0{sfi}")
        items.update((t, v) for t, v in parse_records(data).items() if t not in items)
    return items


def cn(value):
    """BCD digits, right-padded with F."""
    digits = value.hex().upper().rstrip("F")
    if not digits.isdigit():
        raise CardError(f"cn item {value.hex()} is not BCD")
    return digits


def an(value):
    """Bytes right-padded with 00."""
    return value.rstrip(b"\x00").decode("ascii")


def date(value):
    digits = cn(value)
    if len(digits) != 8:
        raise CardError(f"date {value.hex()} is not YYYYMMDD")
    return f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}"


def required(items, tag, file):
    if tag not in items:
        raise CardError(f"{file} has no item {tag:02X}")
    return items[tag]


def read_card(connection, per_tag=False):
    """Reads EF05 and EF06 and returns (fields, number of APDUs sent)."""
    card = Card(connection)
    algorithm = select_ssse(card)
    issuer = read_file(card, *EF05, per_tag)
    version = an(required(issuer, 0x03, "EF05"))
    if version not in ("1.00", "2.00"):
        raise CardError(f"a {version} card: this reader reads 1.00 and 2.00 cards (3.00 wants the read key)")
    sfi, tags = EF06
    if version == "1.00":
        tags = [tag for tag in tags if tag != 0x4E]
    holder = read_file(card, sfi, tags, per_tag)

    identifier = required(issuer, 0x01, "EF05")
    if len(identifier) != 16 or identifier[3:8] != ISSUER_MARK:
        raise CardError(f"card identifier {identifier.hex()} is not region + D156000005 + serial + code")
    name = required(holder, 0x09, "EF06").rstrip(b"\x00")
    if version != "1.00":
        name += holder.get(0x4E, b"").rstrip(b"\x00")
    fields = {
        "name": name.decode("gbk"),
        "socialSecurityNumber": an(required(holder, 0x08, "EF06")),
        "sex": an(required(holder, 0x0A, "EF06")),
        "ethnicity": cn(required(holder, 0x0B, "EF06")),
        "birthplace": cn(required(holder, 0x0C, "EF06")),
        "birthDate": date(required(holder, 0x0D, "EF06")),
        "cardNumber": an(required(issuer, 0x07, "EF05")),
        "cardIdentifier": " ".join(
            [cn(identifier[0:3]), identifier[3:8].hex().upper(), identifier[8:12].hex().upper(),
             identifier[12:16].hex().upper()]),
        "cardType": an(required(issuer, 0x02, "EF05")),
        "specVersion": version,
        "algorithm": ALGORITHMS.get(algorithm, f"algorithm {algorithm:02X}"),
        "issueDate": date(required(issuer, 0x05, "EF05")),
        "expiryDate": date(required(issuer, 0x06, "EF05")),
    }
    return fields, card.apdus


def connect(name):
    reader = next((r for r in readers() if str(r) == name), None)
    if reader is None:
        raise CardError(f"no reader named {name!r}; readers: {[str(r) for r in readers()]}")
    connection = reader.createConnection()
    connection.connect()
    return connection


def main():
    parser = argparse.ArgumentParser(description="Read a 1.00/2.00 social security card through PC/SC.")
    parser.add_argument("--reader", required=True, help="PC/SC reader name")
    parser.add_argument("--show-id-number", action="store_true", help="print the full social security number")
    parser.add_argument("--per-tag", action="store_true", help="one READ RECORD per item instead of per file")
    arguments = parser.parse_args()
    try:
        connection = connect(arguments.reader)
        fields, _ = read_card(connection, per_tag=arguments.per_tag)
        connection.disconnect()
    except (CardError, SmartcardException) as error:
        sys.exit(f"read_card.py: {error}")
    if not arguments.show_id_number:
        number = fields["socialSecurityNumber"]
        fields["socialSecurityNumber"] = number[:4] + "*" * (len(number) - 8) + number[-4:]
    print(json.dumps(fields, ensure_ascii=False, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
