"""The county centre as the console's browser tests use it: the real `sskiosk centre serve` on a
port of its own, with the test CA of hardware/rig/centre-ca and a SQLite store, its staff added
through `sskiosk centre staff add`; and terminals (`sskiosk serve`) that sync and send their
heartbeat to it."""

import base64
import json
import random
import shutil
import ssl
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from rig import RIG_CONFIGURATION, ROOT, SSKIOSK, stop_process, wait_until_answering

CENTRE_CA = ROOT / "hardware" / "rig" / "centre-ca"


class Centre:
    """`sskiosk centre serve` in a directory of its own; stopped by `stop()`."""

    def __init__(self, terminals=()):
        """A centre whose CA has issued client certificates to `terminals` (ids)."""
        self.directory = Path(tempfile.mkdtemp(prefix="browser-centre-"))
        self.port = 20000 + random.randrange(900)
        self.database = self.directory / "centre.sqlite"
        self.terminals = []
        subprocess.run([str(CENTRE_CA), str(self.directory), *terminals], check=True, capture_output=True)
        self.log = open(self.directory / "server.log", "wb")
        self.context = ssl.create_default_context(cafile=str(self.directory / "ca.pem"))
        self.process = None
        try:
            self.serve()
        except AssertionError:
            self.stop()
            raise

    def serve(self):
        """Starts `sskiosk centre serve` on the centre's port and store, and waits until it answers."""
        self.process = subprocess.Popen(
            [str(SSKIOSK), "centre", "serve", "--database", str(self.database), "--host", "127.0.0.1",
             "--port", str(self.port), "--certificate", str(self.directory / "centre.pem"),
             "--key", str(self.directory / "centre.key"), "--client-ca", str(self.directory / "ca.pem"),
             "--terminal-ca", str(self.directory / "terminal-ca")],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_until_answering(self.process, lambda: self.request("GET", "/health")[0] == 200, "the centre",
                             f"{self.directory}/server.log")

    def stop_serving(self):
        """Stops the centre alone: its terminals go on, offline, until `serve()` starts it again."""
        stop_process(self.process)
        self.process = None

    @property
    def url(self):
        return f"https://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, token=None):
        """(status, JSON body) of a call to the centre."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30, context=self.context) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def push(self, terminal_id, token, commands):
        """Results of `commands` ((kind, idempotency key, payload) triples) pushed to /sync/v1/commands
        as `terminal_id`'s outbox pushes them: over its client certificate (the centre's CA issued it
        when the centre was made with it in `terminals`), with its token."""
        now = int(time.time() * 1000)
        body = {"commands": [
            {"idempotencyKey": key, "kind": kind, "createdAt": now,
             "payload": base64.b64encode(json.dumps(payload).encode()).decode()}
            for kind, key, payload in commands]}
        context = ssl.create_default_context(cafile=str(self.directory / "ca.pem"))
        context.load_cert_chain(str(self.directory / f"{terminal_id}.pem"), str(self.directory / f"{terminal_id}.key"))
        request = urllib.request.Request(self.url + "/sync/v1/commands", data=json.dumps(body).encode(), method="POST")
        request.add_header("Content-Type", "application/json")
        request.add_header("Authorization", f"Bearer {token}")
        with urllib.request.urlopen(request, timeout=30, context=context) as response:
            return json.loads(response.read())["results"]

    def sskiosk(self, *arguments, input_text=None):
        """`sskiosk centre ARGUMENTS --database …` on this centre's store."""
        return subprocess.run(
            [str(SSKIOSK), "centre", *arguments, "--database", str(self.database)],
            input=input_text, text=True, check=True, capture_output=True)

    def add_staff(self, staff_id, role, jurisdiction, first_password):
        """A console account through `sskiosk centre staff add`, its first password on standard input."""
        self.sskiosk("staff", "add", staff_id, "--name", f"测试{staff_id}", "--role", role,
                     "--jurisdiction", jurisdiction, input_text=first_password + "\n")

    def change_password(self, staff_id, first_password, password):
        """The forced first change, done through the API, so a test can start at the console's own screens."""
        status, body = self.request(
            "POST", "/console/api/password", {"id": staff_id, "password": first_password, "newPassword": password})
        assert status == 200, body

    def start_terminal(self, terminal_id, jurisdiction, heartbeat_interval, device_look_interval):
        """Registers `terminal_id` and starts `sskiosk serve` for it on the rig's devices, syncing with
        this centre and sending its heartbeat every `heartbeat_interval` seconds; stopped with the centre.
        Answers the terminal's address; its database is `terminal_database(terminal_id)`."""
        token = self.sskiosk("register-terminal", "--id", terminal_id, "--jurisdiction", jurisdiction,
                             "--name", f"{terminal_id} 服务大厅").stdout.strip().splitlines()[-1]
        token_file = self.directory / f"{terminal_id}.token"
        token_file.write_text(token)
        token_file.chmod(0o600)
        port = 21000 + random.randrange(900)
        log = open(self.directory / f"{terminal_id}.log", "wb")
        process = subprocess.Popen(
            [str(SSKIOSK), "serve", "--config", str(RIG_CONFIGURATION), "--no-resident-reader",
             "--database", str(self.directory / f"{terminal_id}.sqlite"), "--port", str(port),
             "--ledger-key", str(self.directory / f"{terminal_id}.ledger.key"),
             "--journal", str(self.directory / f"{terminal_id}.journal"),
             "--terminal-id", terminal_id, "--jurisdiction", jurisdiction, "--centre", self.url,
             "--centre-ca", str(self.directory / "ca.pem"),
             "--centre-certificate", str(self.directory / f"{terminal_id}.pem"),
             "--centre-key", str(self.directory / f"{terminal_id}.key"), "--centre-token-file", str(token_file),
             "--heartbeat-interval", str(heartbeat_interval), "--device-look-interval", str(device_look_interval)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.terminals.append((process, log))
        wait_until_answering(process, lambda: self._answers(f"http://127.0.0.1:{port}/api/health"),
                             f"terminal {terminal_id}", f"{self.directory}/{terminal_id}.log")
        return f"http://127.0.0.1:{port}"

    def terminal_database(self, terminal_id):
        return self.directory / f"{terminal_id}.sqlite"

    @staticmethod
    def _answers(url):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status == 200
        except (urllib.error.URLError, ConnectionError):
            return False

    def stop(self):
        for process, log in self.terminals:
            stop_process(process)
            log.close()
        if self.process:
            stop_process(self.process)
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)

