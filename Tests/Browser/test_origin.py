"""A page of another origin, open in the terminal's browser, tries to use the localhost API."""

import http.server
import json
import threading
import time
import unittest
from pathlib import Path

from browser import wait
from rig import card_image, rig
from test_kiosk import KioskCase

ATTACK = """<!doctype html>
<meta charset="utf-8">
<title>attack</title>
<form id="form" method="post" target="sink" action="{api}/api/session/pin"><input name="pin" value="000000"></form>
<iframe name="sink"></iframe>
<script>
(async () => {{
  const api = "{api}";
  const quiet = (p) => p.catch(() => null);
  for (let i = 0; i < 3; i++) {{
    // No preflight for text/plain, and no-cors hides the answer but sends the request.
    await quiet(fetch(api + "/api/session/pin", {{method: "POST", mode: "no-cors",
      headers: {{"Content-Type": "text/plain"}}, body: JSON.stringify({{pin: "000000"}})}}));
    // JSON needs a preflight, which the service does not answer for another origin.
    await quiet(fetch(api + "/api/session/pin", {{method: "POST",
      headers: {{"Content-Type": "application/json"}}, body: JSON.stringify({{pin: "000000"}})}}));
  }}
  for (let i = 0; i < 8; i++) {{
    await quiet(fetch(api + "/api/staff/login", {{method: "POST", mode: "no-cors",
      headers: {{"Content-Type": "text/plain"}}, body: JSON.stringify({{id: "clerk1", password: "wrong"}})}}));
  }}
  document.getElementById("form").submit();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  document.title = "done";
}})();
</script>
"""


class OriginTests(KioskCase):
    def serve_attack(self, api):
        """The attack page, from a second local origin (another port)."""
        page = ATTACK.format(api=api).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *arguments):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    def test_another_origin_spends_no_pin_try_and_locks_no_account(self):
        image = card_image(1, self.directory)
        rig("card", "insert", "ss-card", "0", image)
        wait(lambda: self.terminal.get("/api/session")[0] == 200
             and json.loads(self.terminal.get("/api/session")[2]).get("state") == "pin-required",
             what="the kiosk to ask for the PIN")
        tries_before = json.loads(Path(image).read_text())["pinTriesLeft"]

        for api in [self.terminal.url, f"http://localhost:{self.terminal.port}"]:
            self.driver.get(self.serve_attack(api))
            wait(lambda: self.driver.title == "done", what="the attack page to finish")
        time.sleep(1)

        self.assertEqual(json.loads(Path(image).read_text())["pinTriesLeft"], tries_before,
                         "a page of another origin spent the card's PIN tries")
        self.assertEqual(tries_before, 3)
        status, body = self.terminal.post("/api/staff/login", {"id": "clerk1", "password": "demo-password"})
        self.assertEqual(status, 200, f"a page of another origin locked the clerk's account: {body}")


if __name__ == "__main__":
    unittest.main()
