"""The console and the halls' terminals together, on the rig: a county administrator creates a
clerk in the console; the clerk's township terminal pulls the account and, with the centre down,
signs them in at its desk (their own password chosen there), while the neighbouring township's
terminal never keeps it; disabled in the console, the clerk is refused at the desk after the
terminal's next pull. Two real `sskiosk serve` syncing with a real `sskiosk centre serve`. Run
under the rig's lock."""

import sqlite3
import unittest

from selenium.webdriver.common.by import By

import browser
from browser import check_screen, click, text_of, wait, wait_screen
from centre import Centre
from rig import rig_is_up

COUNTY = "430121"
HOME = "430121101"
NEIGHBOUR = "430121102"
CLERK = "clerk-101"


@unittest.skipUnless(browser.have_browser(), "chromium and chromium-driver are not installed")
class ConsoleTerminalsTests(unittest.TestCase):
    def setUp(self):
        if not rig_is_up():
            self.fail("the virtual rig is not up: run hardware/rig/rig up (under the rig lock)")
        self.centre = Centre(terminals=["T-101", "T-102"])
        self.addCleanup(self.centre.stop)
        self.home = self.centre.start_terminal("T-101", HOME, 60, 10)
        self.neighbour = self.centre.start_terminal("T-102", NEIGHBOUR, 60, 10)
        self.centre.add_staff("admin-1", "county-administrator", COUNTY, "first-pass-1")
        self.centre.change_password("admin-1", "first-pass-1", "admin-secret-1")
        self.driver = browser.open_browser(insecure=True)
        self.addCleanup(self.driver.quit)

    def kept_at(self, terminal_id):
        """The clerk's account as the terminal keeps it: (mustChangePassword, disabled), or None."""
        with sqlite3.connect(f"file:{self.centre.terminal_database(terminal_id)}?mode=ro", uri=True) as db:
            return db.execute("SELECT mustChangePassword, disabled FROM staff WHERE id = ?", (CLERK,)).fetchone()

    def at_centre(self):
        """The clerk's account at the centre: (mustChangePassword, disabled)."""
        with sqlite3.connect(f"file:{self.centre.database}?mode=ro", uri=True) as db:
            return db.execute("SELECT mustChangePassword, disabled FROM centreStaff WHERE id = ?", (CLERK,)).fetchone()

    def console(self):
        self.driver.get(self.centre.url + "/console")
        wait_screen(self.driver, "screen-login")
        self.driver.find_element(By.ID, "login-id").send_keys("admin-1")
        self.driver.find_element(By.ID, "login-password").send_keys("admin-secret-1")
        click(self.driver, "#login-form button[type=submit]")
        wait_screen(self.driver, "screen-console")
        click(self.driver, "#tab-staff")
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#staff-form"), what="the staff tab")

    def click_listed(self, selector):
        """Clicks a button of a list the console draws again as its data comes in: a button found
        just before the list was redrawn is clicked again in the new one."""
        def attempt():
            self.driver.find_element(By.CSS_SELECTOR, selector).click()
            return True
        wait(attempt, what=f"a click on {selector}")

    def desk_sign_in(self, password):
        driver = self.driver
        driver.get(self.home + "/desk")
        wait(lambda: driver.find_element(By.ID, "login-id").is_displayed(), what="the desk's sign-in form")
        driver.find_element(By.ID, "login-id").send_keys(CLERK)
        driver.find_element(By.ID, "login-password").send_keys(password)
        click(driver, '#login-form button[type="submit"]')

    def test_a_clerk_made_in_the_console_signs_in_offline_and_is_refused_once_disabled(self):
        driver = self.driver
        self.console()
        driver.find_element(By.ID, "staff-new-id").send_keys(CLERK)
        driver.find_element(By.ID, "staff-new-name").send_keys("王经办")
        driver.find_element(By.CSS_SELECTOR, '#staff-new-role option[value="clerk"]').click()
        area = driver.find_element(By.ID, "staff-new-area")
        area.clear()
        area.send_keys(HOME)
        click(driver, "#staff-form button[type=submit]")
        first = wait(lambda: driver.find_element(By.ID, "issued-password").text, what="the first password")

        # The home township's terminal keeps it, to be changed at the first sign-in; the
        # neighbour's, which pulls the same change, does not.
        wait(lambda: self.kept_at("T-101") == (1, 0), timeout=60, what="the clerk at T-101")
        self.assertIsNone(self.kept_at("T-102"))

        # The centre down: the terminal signs the clerk in from what it pulled.
        self.centre.stop_serving()
        self.desk_sign_in(first)
        wait(lambda: driver.find_element(By.ID, "password-form").is_displayed(), what="the new password form")
        driver.find_element(By.ID, "password-new").send_keys("wang's own 7")
        driver.find_element(By.ID, "password-again").send_keys("wang's own 7")
        click(driver, '#password-form button[type="submit"]')
        wait(lambda: driver.find_element(By.ID, "screen-desk").is_displayed(), what="the desk, offline")
        self.assertEqual(text_of(driver, "#staff-name"), "王经办")
        check_screen(self, driver, "console-17-clerk-at-the-desk-offline")

        # The centre back: the password chosen at the desk reaches it (the terminal's command);
        # the administrator disables the clerk, and the terminal forgets them at its next pull.
        self.centre.serve()
        wait(lambda: self.at_centre() == (0, 0), timeout=90, what="the desk's password at the centre")
        status, body = self.centre.request("POST", "/console/api/session", {"id": CLERK, "password": "wang's own 7"})
        self.assertEqual((status, body.get("code")), (403, "terminal-only-account"))
        self.console()
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'[data-disable="{CLERK}"]'), what="the clerk listed")
        self.click_listed(f'[data-disable="{CLERK}"]')
        driver.switch_to.alert.accept()
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'[data-enable="{CLERK}"]'), what="the clerk disabled")
        # The terminal keeps the account disabled (or forgets it): (0, 0) was the clerk at work.
        wait(lambda: self.kept_at("T-101") != (0, 0), timeout=90, what="the clerk disabled at T-101")
        self.desk_sign_in("wang's own 7")
        wait(lambda: "停用" in text_of(driver, "#login-error"), what="the refusal at the desk: disabled")
        self.assertFalse(driver.find_element(By.ID, "screen-desk").is_displayed())
        check_screen(self, driver, "console-18-disabled-clerk-refused")

    def test_a_terminal_revoked_in_the_console_is_shown_revoked_and_refused(self):
        driver = self.driver
        log = self.centre.directory / "T-102.log"
        self.console()
        click(driver, "#tab-terminals")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, '[data-revoke="T-102"]'), what="T-102 listed")
        before = len(log.read_bytes())
        self.click_listed('[data-revoke="T-102"]')
        driver.switch_to.alert.accept()
        wait(lambda: not driver.find_elements(By.CSS_SELECTOR, '[data-revoke="T-102"]'), what="T-102 revoked")
        state = driver.find_element(By.XPATH, "//td[text()='T-102']/..//span[@data-state]")
        self.assertEqual(state.get_attribute("data-state"), "revoked")
        # The terminal itself is refused from its next pull on; the other goes on.
        since = lambda: log.read_bytes()[before:].decode(errors="replace")
        wait(lambda: "pull from the centre failed" in since(), timeout=90, what="T-102 refused by the centre")
        self.assertIn("terminal-revoked", since(), since()[-2000:])
        status, rows = self.centre.request("GET", "/console/api/terminals", token=self.console_token())
        self.assertEqual(status, 200, rows)
        self.assertEqual({row["id"]: row.get("revokedAt") is not None for row in rows}, {"T-101": False, "T-102": True})

    def console_token(self):
        status, body = self.centre.request("POST", "/console/api/session", {"id": "admin-1", "password": "admin-secret-1"})
        self.assertEqual(status, 200, body)
        return body["token"]


if __name__ == "__main__":
    unittest.main()
