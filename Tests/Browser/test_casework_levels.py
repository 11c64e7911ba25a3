"""A case up the levels with two real terminals and a real centre, on the rig: a village clerk
takes an application at the village's terminal, checks it and reports it up; at the township's
terminal, after the sync, the supervisor finds it at the township's step and approves it; back at
the village, the decision has come down, and the resident's receipt scanned at the village's kiosk
says it is approved, the name masked. Run under the rig's lock."""

import sqlite3
import unittest
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import check_screen, click, text_of, wait, wait_screen
from centre import Centre
from rig import call, rig_is_up, spooled
from test_kiosk import receipt_code

COUNTY = "430121"
TOWNSHIP = "430121101"
PASSWORD = "level-password-1"


@unittest.skipUnless(browser.have_browser(), "chromium and chromium-driver are not installed")
class CaseWorkLevelsTests(unittest.TestCase):
    def setUp(self):
        if not rig_is_up():
            self.fail("the virtual rig is not up: run hardware/rig/rig up (under the rig lock)")
        self.centre = Centre(terminals=["T-201", "T-101"])
        self.addCleanup(self.centre.stop)
        self.centre.sskiosk("generate", "--county", COUNTY, "--townships", "1", "--people", "3", "--months", "1")
        with sqlite3.connect(f"file:{self.centre.database}?mode=ro", uri=True) as db:
            self.person, self.village = db.execute(
                "SELECT idNumber, regionCode FROM person ORDER BY idNumber LIMIT 1").fetchone()
        self.centre.add_staff("vclerk", "clerk", self.village, "first-v-1")
        self.centre.add_staff("tsuper", "supervisor", TOWNSHIP, "first-t-1")
        self.village_desk = self.centre.start_terminal("T-201", self.village, 60, 10)
        self.township_desk = self.centre.start_terminal("T-101", TOWNSHIP, 60, 10)
        self.first_password(self.village_desk, "vclerk", "first-v-1")
        self.first_password(self.township_desk, "tsuper", "first-t-1")
        self.driver = browser.open_browser()
        self.addCleanup(self.driver.quit)

    def first_password(self, terminal, staff_id, first):
        """The account pulled from the centre, and its forced first change made through the API."""
        def changed():
            status, _ = call(terminal, "POST", "/api/staff/password",
                             {"id": staff_id, "password": first, "newPassword": PASSWORD})
            return status == 200
        wait(changed, timeout=60, what=f"{staff_id}'s account at {terminal}")

    def at(self, terminal_id, sql):
        with sqlite3.connect(f"file:{self.centre.terminal_database(terminal_id)}?mode=ro", uri=True) as db:
            return db.execute(sql).fetchone()

    def sign_in(self, terminal, staff_id):
        driver = self.driver
        driver.get(terminal + "/desk")
        wait(lambda: driver.find_element(By.ID, "login-id").is_displayed(), what="the desk's sign-in form")
        driver.find_element(By.ID, "login-id").send_keys(staff_id)
        driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
        click(driver, '#login-form button[type="submit"]')
        wait(lambda: driver.find_element(By.ID, "screen-desk").is_displayed(), what=f"the desk for {staff_id}")

    def open_case(self, case_id, level):
        driver = self.driver
        click(driver, "#tab-cases")
        Select(driver.find_element(By.ID, "filter-level")).select_by_value(level)
        click(driver, '#worklist-form button[type="submit"]')
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'#worklist [data-case="{case_id}"]'),
             what=f"{case_id} in the worklist at the {level}'s step")
        click(driver, f'#worklist [data-case="{case_id}"]')
        wait(lambda: text_of(driver, "#case-id") == case_id, what=f"case {case_id} opened")

    def act(self, action):
        click(self.driver, f'#case-offers [data-action="{action}"]')

    def offered(self):
        return [b.get_attribute("data-action")
                for b in self.driver.find_elements(By.CSS_SELECTOR, "#case-offers [data-action]")]

    def test_a_case_goes_up_from_the_village_and_its_approval_comes_back_down(self):
        driver = self.driver
        status, body = call(self.village_desk, "POST", "/api/staff/login", {"id": "vclerk", "password": PASSWORD})
        self.assertEqual(status, 200, body)
        token = body["token"]
        status, body = call(self.village_desk, "POST", "/api/applications",
                            {"kind": "resident-pension-enrolment", "idNumber": self.person}, token)
        self.assertEqual(status, 201, body)
        case = body["id"]
        # A key of this run's own: the rig's spool keeps earlier runs' receipts, signed with their keys.
        receipt = f"levels-{uuid.uuid4().hex[:12]}"
        status, job = call(self.village_desk, "POST", "/api/print",
                           {"key": receipt, "document": "application-receipt", "applicationId": case}, token)
        self.assertIn(status, (200, 201), job)

        # The village clerk checks it first (村初审) and reports it up; the village cannot approve it.
        self.sign_in(self.village_desk, "vclerk")
        self.open_case(case, "village")
        self.assertEqual(text_of(driver, "#case-level"), "【村（社区）】 → 乡镇（街道）")
        self.act("take")
        wait(lambda: "report-up" in self.offered(), what="report up offered to the owner")
        self.assertNotIn("approve", self.offered())
        self.act("report-up")
        wait(lambda: text_of(driver, "#case-level") == "村（社区） → 【乡镇（街道）】", what="the case at the township")
        self.assertIn("上报上一级", text_of(driver, "#case-history"))
        self.assertEqual(self.offered(), [], "nothing is left for the village to do")
        check_screen(self, driver, "57-desk-case-reported-up")

        # The township's terminal pulls it at its step; its supervisor approves it.
        wait(lambda: self.at("T-101", f"SELECT level FROM application WHERE id = '{case}'") == ("township",),
             timeout=60, what="the case at the township's terminal")
        self.sign_in(self.township_desk, "tsuper")
        self.open_case(case, "township")
        self.act("approve")
        wait(lambda: driver.execute_script("return document.getElementById('case-status')?.dataset.status")
             == "approved", what="the case approved at the township")
        check_screen(self, driver, "58-desk-case-approved-above")

        # The decision comes down to the village's terminal, and the receipt scanned at its kiosk says so.
        wait(lambda: self.at("T-201", f"SELECT status, approvedBy FROM application WHERE id = '{case}'")
             == ("approved", "tsuper"), timeout=60, what="the approval at the village's terminal")
        files = wait(lambda: spooled("a4", receipt, "T-201"),
                     timeout=60, what="the receipt printed at the village")
        driver.get(self.village_desk + "/kiosk")
        wait_screen(driver, "screen-attract")
        click(driver, "#receipt-open")
        wait_screen(driver, "screen-receipt")
        driver.find_element(By.ID, "receipt-code").send_keys(receipt_code(files[0]) + "\n")
        wait(lambda: text_of(driver, "#receipt-answer") not in ("", "正在查询，请稍候……"), what="the receipt's answer")
        rows = driver.find_elements(By.CSS_SELECTOR, f'#receipt-answer [data-application="{case}"]')
        self.assertTrue(rows, text_of(driver, "#receipt-answer"))
        row = rows[0]
        self.assertEqual(row.get_attribute("data-status"), "approved")
        self.assertIn("*", text_of(driver, "#receipt-holder"))
        check_screen(self, driver, "59-kiosk-receipt-approved")


if __name__ == "__main__":
    unittest.main()
