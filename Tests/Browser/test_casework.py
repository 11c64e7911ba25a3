"""Case work at the desk in chromium: the worklist (overdue first, filters), a case taken by the
first clerk (首问负责), refused to a second with the reason shown, approved by a supervisor and
completed by its owner; the Day tab's completions match the worklist and its ledger reads in words;
the supervisor's end-of-day review closes a refused command and signs the day off."""

import subprocess
import tempfile
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import check_screen, click, text_of, wait
from rig import Terminal, card_data, rig


class CaseWorkTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="browser-cases-")
        rig("card", "insert", "psam", "1")
        self.addCleanup(rig, "card", "remove", "1")
        self.terminal = Terminal()
        self.addCleanup(self.terminal.stop)
        self.driver = browser.open_browser()
        self.addCleanup(self.driver.quit)
        self.driver.get(self.terminal.url + "/desk")
        wait(lambda: self.driver.find_element(By.ID, "login-id").is_displayed(), what="the sign-in form")
        self.holder, _ = card_data(1, self.directory)
        clerk = self.terminal.login("clerk2")
        self.cases = {}
        for kind in ["resident-pension-enrolment", "training-sign-up"]:
            status, body = self.terminal.post("/api/applications", {"kind": kind, "idNumber": self.holder}, clerk)
            self.assertEqual(status, 201, body)
            self.cases[kind] = body["id"]

    def sign_in(self, staff_id):
        driver = self.driver
        driver.find_element(By.ID, "login-id").clear()
        driver.find_element(By.ID, "login-id").send_keys(staff_id)
        driver.find_element(By.ID, "login-password").send_keys("demo-password")
        click(driver, '#login-form button[type="submit"]')
        wait(lambda: driver.find_element(By.ID, "screen-desk").is_displayed(), what=f"the desk for {staff_id}")

    def sign_out(self):
        click(self.driver, "#logout")
        wait(lambda: self.driver.find_element(By.ID, "login-id").is_displayed(), what="the sign-in form")

    def worklist_ids(self):
        return [button.get_attribute("data-case")
                for button in self.driver.find_elements(By.CSS_SELECTOR, "#worklist [data-case]")]

    def open_case(self, case_id):
        click(self.driver, "#tab-cases")
        wait(lambda: case_id in self.worklist_ids(), what=f"{case_id} in the worklist")
        click(self.driver, f'#worklist [data-case="{case_id}"]')
        wait(lambda: text_of(self.driver, "#case-id") == case_id, what=f"case {case_id} opened")

    def case_status(self):
        return self.driver.execute_script("return document.getElementById('case-status')?.dataset.status")

    def offered(self):
        return [b.get_attribute("data-action") for b in self.driver.find_elements(By.CSS_SELECTOR, "#case-offers [data-action]")]

    def refusal(self, action):
        return text_of(self.driver, f'#case-refusals [data-refused="{action}"]')

    def act(self, action):
        click(self.driver, f'#case-offers [data-action="{action}"]')

    def test_worklist_take_approve_complete_and_the_day(self):
        driver = self.driver
        pension, training = self.cases["resident-pension-enrolment"], self.cases["training-sign-up"]
        self.sign_in("clerk1")
        click(driver, "#tab-cases")
        wait(lambda: len(self.worklist_ids()) == 2, what="both cases in the worklist")
        # Due today comes before due in five working days; the person shows masked.
        self.assertEqual(self.worklist_ids(), [training, pension])
        masked = self.holder[:4] + "*" * 10 + self.holder[-4:]
        self.assertIn(masked, text_of(driver, "#worklist"))
        self.assertNotIn(self.holder, driver.page_source)
        Select(driver.find_element(By.ID, "filter-kind")).select_by_value("training-sign-up")
        click(driver, '#worklist-form button[type="submit"]')
        wait(lambda: self.worklist_ids() == [training], what="the worklist by service")
        check_screen(self, driver, "50-desk-worklist")

        # clerk1 opens the case: not taken yet, so only taking (and the like) is offered; approving
        # is a supervisor's, and the page says so.
        self.open_case(training)
        self.assertEqual(text_of(driver, "#case-id-number"), masked)
        self.assertIn("take", self.offered())
        self.assertNotIn("approve", self.offered())
        self.assertIn("岗位", self.refusal("approve"))
        self.assertIn("认领", self.refusal("complete"))
        self.act("take")
        wait(lambda: text_of(driver, "#case-owner") == "clerk1", what="the case taken")
        self.assertIn("withdraw", self.offered())
        self.assertIn("认领申请", text_of(driver, "#case-history"))
        # Filed at the township, the case is at its route's deciding step: there is no level to report it up to.
        self.assertEqual(text_of(driver, "#case-level"), "村（社区） → 【乡镇（街道）】")
        self.assertIn("不能再上报", self.refusal("report-up"))
        check_screen(self, driver, "51-desk-case-taken")
        self.sign_out()

        # clerk2 took the application in, but clerk1 owns the case: clerk2 is told why not.
        self.sign_in("clerk2")
        self.open_case(training)
        self.assertNotIn("take", self.offered())
        self.assertIn("clerk1", self.refusal("take"))
        self.sign_out()

        self.sign_in("supervisor1")
        self.open_case(training)
        self.assertIn("approve", self.offered())
        self.act("approve")
        wait(lambda: self.case_status() == "approved", what="the case approved")
        self.assertIn("clerk1", self.refusal("complete"), "completing is the owner's")
        self.sign_out()

        self.sign_in("clerk1")
        self.open_case(training)
        self.act("complete")
        wait(lambda: self.case_status() == "completed", what="the case completed")
        self.assertIn("已办结", text_of(driver, "#case-history"))
        check_screen(self, driver, "52-desk-case-completed")
        self.sign_out()

        # The Day tab's completions are the worklist's completed cases of today.
        self.sign_in("supervisor1")
        click(driver, "#tab-cases")
        Select(driver.find_element(By.ID, "filter-status")).select_by_value("completed")
        click(driver, '#worklist-form button[type="submit"]')
        wait(lambda: self.worklist_ids() == [training], what="the completed cases")
        click(driver, "#tab-day")
        wait(lambda: driver.find_elements(By.ID, "day-completed"), what="the day's figures")
        self.assertEqual(int(text_of(driver, "#day-completed")), len(self.worklist_ids()))
        self.assertEqual(text_of(driver, "#same-day-rate"), "100%")

        # The ledger in words: no action codes, columns named for what they hold, an ID number
        # (masked) only on lines about a person.
        wait(lambda: "工作人员登录" in text_of(driver, "#day-ledger"), what="the ledger in words")
        ledger = text_of(driver, "#day-ledger")
        for code in ["staff.login", "application.move", "card:", "staff:"]:
            self.assertNotIn(code, ledger)
        self.assertIn("申请状态变更: 已办结", ledger)
        headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#day-ledger th")]
        self.assertEqual(headers, ["时间", "经办人", "办理事项", "办理对象", "身份证号码"])
        for row in driver.find_elements(By.CSS_SELECTOR, "#day-ledger tbody tr"):
            cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
            self.assertEqual(cells[4] != "", cells[3] == "个人", cells)
            if cells[4]:
                self.assertRegex(cells[4], r"^\d{4}\*{10}[\dX]{4}$")
        check_screen(self, driver, "53-desk-day-in-words")


    def test_supervisor_reviews_the_day(self):
        """A possible duplicate, a command the centre refused (closed for a reason from the list),
        and the day signed off: each on the ledger."""
        driver = self.driver
        clerk = self.terminal.login("clerk1")
        status, duplicate = self.terminal.post(
            "/api/applications", {"kind": "training-sign-up", "idNumber": self.holder}, clerk)
        self.assertEqual((status, duplicate["status"]), (201, "needs-review"), duplicate)
        # The centre refused the first command: as the sync sender records a refusal.
        database = Path(self.terminal.directory) / "terminal.sqlite"
        subprocess.run(["sqlite3", str(database), "PRAGMA busy_timeout=5000; UPDATE outbox SET status='needs-review', "
                        "lastError='duplicate-application' WHERE sequence=(SELECT min(sequence) FROM outbox)"],
                       check=True, capture_output=True)

        self.sign_in("supervisor1")
        click(driver, "#tab-review")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'#review-duplicates [data-review-case="{duplicate["id"]}"]'),
             what="the possible duplicate")
        forms = driver.find_elements(By.CSS_SELECTOR, "#review-refused [data-refused-key]")
        self.assertEqual(len(forms), 1)
        self.assertIn("duplicate-application", text_of(driver, "#review-refused"))
        self.assertIn("台账完整", text_of(driver, "#review-ledger"))
        check_screen(self, driver, "54-desk-review")
        Select(forms[0].find_element(By.TAG_NAME, "select")).select_by_value("superseded")
        forms[0].find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        wait(lambda: not driver.find_elements(By.CSS_SELECTOR, "#review-refused [data-refused-key]"),
             what="the refused command closed")
        click(driver, "#review-sign-off")
        wait(lambda: "已签字" in text_of(driver, "#review-signed"), what="the sign-off")

        # The duplicate opens as a case the supervisor can decide.
        click(driver, f'#review-duplicates [data-review-case="{duplicate["id"]}"]')
        wait(lambda: text_of(driver, "#case-id") == duplicate["id"], what="the duplicate opened")
        self.assertIn("reject", self.offered())

        click(driver, "#tab-day")
        wait(lambda: "主管日终复核签字" in text_of(driver, "#day-ledger"), what="the sign-off on the ledger")
        self.assertIn("关闭中心拒绝的指令", text_of(driver, "#day-ledger"))


if __name__ == "__main__":
    unittest.main()
