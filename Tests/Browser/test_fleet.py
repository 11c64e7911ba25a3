"""The fleet's health in the console, on the rig: a real `sskiosk serve` syncing with a real
`sskiosk centre serve` sends its heartbeat; the rig's A4 printer put out of paper shows as an alert
with its fix within two heartbeats, and clears when the paper is back. Run under the rig's lock."""

import time
import unittest

from selenium.webdriver.common.by import By

import browser
from browser import check_screen, click, wait, wait_screen
from centre import Centre
from rig import rig, rig_is_up

COUNTY = "430121"
HOME = "430121101"
TERMINAL = "T-fleet-1"
# Short, so that the test takes seconds: the console's own refresh is 10 s.
HEARTBEAT = 10
LOOK = 2


@unittest.skipUnless(browser.have_browser(), "chromium and chromium-driver are not installed")
class FleetTests(unittest.TestCase):
    def setUp(self):
        if not rig_is_up():
            self.fail("the virtual rig is not up: run hardware/rig/rig up (under the rig lock)")
        rig("printer", "fault", "a4", "none")
        self.centre = Centre(terminals=[TERMINAL])
        self.addCleanup(self.centre.stop)
        self.centre.start_terminal(TERMINAL, HOME, HEARTBEAT, LOOK)
        self.centre.add_staff("tech-1", "technician", COUNTY, "first-pass-1")
        self.centre.change_password("tech-1", "first-pass-1", "tech-secret-1")
        self.token = self.centre.request("POST", "/console/api/session", {"id": "tech-1", "password": "tech-secret-1"})[1]["token"]
        self.driver = browser.open_browser(insecure=True)
        self.addCleanup(self.driver.quit)

    def fleet(self):
        status, rows = self.centre.request("GET", "/console/api/fleet", token=self.token)
        self.assertEqual(status, 200, rows)
        return {row["terminal"]["id"]: row for row in rows}

    def alerts(self):
        row = self.fleet().get(TERMINAL)
        return [alert["kind"] for alert in row["alerts"]] if row else None

    def shown_alerts(self):
        return [item.get_attribute("data-alert")
                for item in self.driver.find_elements(By.CSS_SELECTOR, f'#fleet-alerts [data-terminal="{TERMINAL}"]')]

    def test_a_printer_out_of_paper_is_an_alert_until_the_paper_is_back(self):
        wait(lambda: self.fleet()[TERMINAL].get("heartbeat"), timeout=60, what="the terminal's first heartbeat")
        self.assertEqual(self.alerts(), [], self.fleet()[TERMINAL])
        devices = {d["name"]: d for d in self.fleet()[TERMINAL]["heartbeat"]["devices"]}
        self.assertEqual(devices["rig-a4"]["state"], "online")
        self.assertEqual(devices["Virtual PCD 00 00"]["kind"], "cardReader")

        self.driver.get(self.centre.url + "/console")
        wait_screen(self.driver, "screen-login")
        self.driver.find_element(By.ID, "login-id").send_keys("tech-1")
        self.driver.find_element(By.ID, "login-password").send_keys("tech-secret-1")
        click(self.driver, "#login-form button[type=submit]")
        wait_screen(self.driver, "screen-console")
        click(self.driver, "#tab-fleet")
        wait(lambda: self.driver.find_element(By.CSS_SELECTOR, "#fleet-alerts .notice"), what="no alerts")
        tile = f'#fleet-map [data-township="{HOME}"]'
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, tile).get_attribute("data-state"), "ok")
        check_screen(self, self.driver, "console-14-fleet-healthy")

        self.addCleanup(rig, "printer", "fault", "a4", "none")
        rig("printer", "fault", "a4", "media-empty")
        started = time.time()
        wait(lambda: "paper-out" in self.alerts(), timeout=2 * HEARTBEAT, what="the paper-out alert at the centre")
        print(f"\npaper-out reached the centre after {time.time() - started:.1f} s")
        wait(lambda: "paper-out" in self.shown_alerts(), timeout=15, what="the paper-out alert on the page")
        alert = self.driver.find_element(By.CSS_SELECTOR, f'#fleet-alerts [data-alert="paper-out"]')
        self.assertIn("rig-a4", alert.text)
        # The fix in the console's language, and the terminal's own diagnosis beside it.
        self.assertIn("处理办法：装入纸张", alert.text.replace(": ", "："))
        self.assertIn("Load paper", alert.text)
        state = self.driver.find_element(By.CSS_SELECTOR, '[data-device="rig-a4"]').get_attribute("data-state")
        self.assertEqual(state, "userError")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, tile).get_attribute("data-state"), "alert")
        check_screen(self, self.driver, "console-15-fleet-paper-out")

        rig("printer", "fault", "a4", "none")
        wait(lambda: self.alerts() == [], timeout=2 * HEARTBEAT, what="the alert cleared at the centre")
        wait(lambda: self.shown_alerts() == [], timeout=15, what="the alert cleared on the page")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, tile).get_attribute("data-state"), "ok")
        check_screen(self, self.driver, "console-16-fleet-cleared")


if __name__ == "__main__":
    unittest.main()
