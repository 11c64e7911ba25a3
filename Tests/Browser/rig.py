"""The rig and the terminal service as the browser tests use them: the real `sskiosk serve` on a
port of its own with demo data, and simulated cards put in and pulled out through the rig script."""

import datetime
import json
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RIG = ROOT / "hardware" / "rig" / "rig"
RIG_KEYS = ROOT / "hardware" / "rig" / "test-keys.json"
SSKIOSK = Path(os.environ.get("SSKIOSK_BIN", ROOT / ".build" / "debug" / "sskiosk"))
SPOOL = Path(os.environ.get("SSKIOSK_RIG_SPOOL", "/var/lib/sskiosk-rig/spool"))
# The rig's readers and printer queues, as `make run` names them to `sskiosk serve`.
RIG_CONFIGURATION = ROOT / "hardware" / "rig" / "terminal.json"
READER0 = "Virtual PCD 00 00"
READER1 = "Virtual PCD 00 01"
PIN = "123456"

# The terminal counts days in China's time (UTC+8, no summer time): from 16:00 UTC its day is the
# next one, whatever this machine's zone.
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def china_today():
    """The day it is at the terminal."""
    return datetime.datetime.now(CHINA).date()


def wait_until_answering(process, healthy, what, log):
    """Waits up to 60 s for `healthy()` while `process` runs; otherwise fails, naming `what` and its `log`."""
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if healthy():
                return
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError(f"{what} did not answer; see {log}")


def stop_process(process):
    """SIGTERM, and SIGKILL if it has not ended within 10 s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def rig(*arguments):
    """Runs the rig script; a failure fails the test with the script's words."""
    result = subprocess.run(["/bin/bash", str(RIG), *arguments], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"rig {' '.join(arguments)} failed: {result.stdout}{result.stderr}")
    return result.stdout


def rig_is_up():
    """Both virtual readers listed by pcscd, and the A4 printer's queue known to cupsd."""
    readers = subprocess.run([str(SSKIOSK), "readers"], capture_output=True, text=True).stdout
    queues = subprocess.run(["lpstat", "-p", "rig-a4"], capture_output=True, text=True)
    return READER0 in readers and READER1 in readers and queues.returncode == 0


def private_keys(directory):
    """The rig's test keys in `directory`, private to their owner as sskiosk requires of a key set
    (git checks the rig's copy out 0644)."""
    path = Path(directory) / "test-keys.json"
    if not path.exists():
        shutil.copyfile(RIG_KEYS, path)
        path.chmod(0o600)
    return path


def card_image(seed, directory, blank=False):
    """A fresh card image of the rig's synthetic person `seed`: PIN tries spent stay in this copy."""
    path = Path(directory) / f"card-{seed}-{random.randrange(1 << 30)}.json"
    keys = private_keys(directory)
    subprocess.run(
        [str(SSKIOSK), "sim", "image", "--seed", str(seed), "--keys", str(keys), "--output", str(path)]
        + (["--blank"] if blank else []),
        check=True, capture_output=True)
    return str(path)


def card_data(seed, directory):
    """(ID number, card number) of the rig's synthetic person `seed`, read from a personalised image
    (items 08 and 07 of the card's files, ASCII)."""
    image = json.loads(Path(card_image(seed, directory)).read_text())
    items = {}
    for records in image["files"].values():
        for record in records.get("records", {}).get("_0", []):
            data = bytes.fromhex(record)
            items[data[0]] = data[2:2 + data[1]]
    return items[0x08].decode("ascii"), items[0x07].decode("ascii")


def call(base, method, path, body=None, token=None):
    """(status, JSON body) of a call to a terminal's API at `base`."""
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Terminal:
    """`sskiosk serve` with demo data in a directory of its own; stopped by `stop()`."""

    def __init__(self, idle_timeout=120, staff_idle_lock=300):
        self.directory = tempfile.mkdtemp(prefix="browser-terminal-")
        self.port = 19000 + random.randrange(900)
        self.log = open(Path(self.directory) / "server.log", "wb")
        self.process = subprocess.Popen(
            [str(SSKIOSK), "serve", "--config", str(RIG_CONFIGURATION), "--demo",
             "--database", f"{self.directory}/terminal.sqlite", "--port", str(self.port),
             "--psam-reader", READER1, "--journal", f"{self.directory}/journal",
             "--idle-timeout", str(idle_timeout), "--staff-idle-lock", str(staff_idle_lock),
             "--ledger-key", f"{self.directory}/ledger.key"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            wait_until_answering(self.process, lambda: self.get("/api/health")[0] == 200, "the terminal service",
                                 f"{self.directory}/server.log")
        except AssertionError:
            self.stop()
            raise

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def get(self, path, token=None):
        """(status, headers, body) of a GET."""
        request = urllib.request.Request(self.url + path)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def post(self, path, body, token=None):
        return call(self.url, "POST", path, body, token)

    def login(self, staff_id):
        status, body = self.post("/api/staff/login", {"id": staff_id, "password": "demo-password"})
        assert status == 200, body
        return body["token"]

    def add_staff(self, staff_id, role, first_password):
        """A new account through `sskiosk staff add`, its first password on standard input."""
        subprocess.run(
            [str(SSKIOSK), "staff", "add", staff_id, "--database", f"{self.directory}/terminal.sqlite",
             "--ledger-key", f"{self.directory}/ledger.key", "--name", "新同事", "--role", role],
            input=first_password + "\n", text=True, check=True, capture_output=True)

    def stop(self):
        stop_process(self.process)
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def spooled(printer, key, terminal="T-DEMO"):
    """Files the rig's printer kept for `terminal`'s job `key` (names are lower-cased)."""
    name = f"{terminal}-{key}".lower()
    folder = SPOOL / printer
    return [path for path in folder.iterdir() if name in path.name] if folder.is_dir() else []


def card_photo(directory):
    """A card photo as a studio frames it (358 x 441, a light plain background, a head near the top
    in the middle), drawn in grey and made a JPEG with cjpeg; its path."""
    width, height, centre, top, half = 358, 441, 179, 24, 105
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            dx, dy = (x - centre) / half, (y - top - half * 1.3) / (half * 1.3)
            shoulders = y > top + half * 1.3 * 1.8 and abs(x - centre) < 2 * half
            row.append(90 if dx * dx + dy * dy <= 1 or shoulders else 245)
        rows.append(bytes(row))
    pgm = Path(directory) / "photo.pgm"
    pgm.write_bytes(f"P5 {width} {height} 255\n".encode() + b"".join(rows))
    jpeg = Path(directory) / "photo.jpg"
    subprocess.run(["cjpeg", "-quality", "90", "-outfile", str(jpeg), str(pgm)], check=True)
    return jpeg

