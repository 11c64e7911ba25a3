"""The county centre's console in Debian's chromium against a real `sskiosk centre serve`:
sign-in with the forced change of a first password, each role kept to its own jurisdiction,
a county administrator issuing an enrolment code and revoking a terminal. Every screen is
photographed and audited."""

import sqlite3
import time
import unittest

from selenium.webdriver.common.by import By

import browser
from browser import check_screen, click, page_text, text_of, wait, wait_screen
from centre import Centre

COUNTY = "430121"
HOME = "430121101"
NEIGHBOUR = "430121102"


@unittest.skipUnless(browser.have_browser(), "chromium and chromium-driver are not installed")
class ConsoleTests(unittest.TestCase):
    def setUp(self):
        self.centre = Centre(terminals=("T-101",))
        self.addCleanup(self.centre.stop)
        self.tokens = {}
        for terminal, area in [("T-101", HOME), ("T-102", NEIGHBOUR)]:
            registered = self.centre.sskiosk(
                "register-terminal", "--id", terminal, "--jurisdiction", area, "--name", f"{area}服务大厅")
            self.tokens[terminal] = registered.stdout.strip().splitlines()[-1]
        self.driver = browser.open_browser(insecure=True)
        self.addCleanup(self.driver.quit)

    def open_console(self):
        self.driver.get(self.centre.url + "/console")
        wait_screen(self.driver, "screen-login")

    def sign_in(self, staff_id, password):
        self.driver.find_element(By.ID, "login-id").send_keys(staff_id)
        self.driver.find_element(By.ID, "login-password").send_keys(password)
        click(self.driver, "#login-form button[type=submit]")

    def signed_in_as(self, staff_id, role, area, password):
        """The console open and signed in as a new member whose first password is already changed."""
        self.centre.add_staff(staff_id, role, area, "first-pass-1")
        self.centre.change_password(staff_id, "first-pass-1", password)
        self.open_console()
        self.sign_in(staff_id, password)
        wait_screen(self.driver, "screen-console")

    def terminal_ids(self):
        return [cell.text for cell in self.driver.find_elements(By.CSS_SELECTOR, "#terminals-list tbody tr td:first-child")]

    def test_first_sign_in_chooses_a_password_and_an_administrator_issues_and_revokes(self):
        self.centre.add_staff("admin-1", "county-administrator", COUNTY, "first-pass-1")
        self.open_console()
        check_screen(self, self.driver, "console-01-sign-in")
        self.sign_in("admin-1", "first-pass-1")
        wait(lambda: self.driver.find_element(By.ID, "password-form").is_displayed(), what="the password form")
        check_screen(self, self.driver, "console-02-choose-password")
        self.driver.find_element(By.ID, "password-new").send_keys("admin-1")
        self.driver.find_element(By.ID, "password-again").send_keys("admin-1")
        click(self.driver, "#password-form button[type=submit]")
        wait(lambda: self.driver.find_element(By.ID, "password-error").text, what="the weak password refused")
        self.driver.find_element(By.ID, "password-new").send_keys("my-own-secret")
        self.driver.find_element(By.ID, "password-again").send_keys("my-own-secret")
        click(self.driver, "#password-form button[type=submit]")
        wait_screen(self.driver, "screen-console")
        wait(lambda: self.terminal_ids() == ["T-101", "T-102"], what="the county's two terminals")
        self.assertIn("县级管理员", self.driver.find_element(By.ID, "staff-role").text)
        check_screen(self, self.driver, "console-03-terminals-administrator")

        self.driver.find_element(By.ID, "issue-id").send_keys("T-101-2")
        area = self.driver.find_element(By.ID, "issue-area")
        area.clear()
        area.send_keys(HOME)
        self.driver.find_element(By.ID, "issue-name").send_keys("新屋场村服务点")
        click(self.driver, "#issue-form button[type=submit]")
        code = wait(lambda: self.driver.find_element(By.ID, "issued-code").text, what="the issued code")
        self.assertRegex(code, r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        check_screen(self, self.driver, "console-04-code-issued")

        click(self.driver, '[data-revoke="T-101"]')
        self.driver.switch_to.alert.accept()
        wait(lambda: self.driver.find_element(By.CSS_SELECTOR, '[data-rotate="T-101"]')
             and not self.driver.find_elements(By.CSS_SELECTOR, '[data-revoke="T-101"]'), what="T-101 revoked")
        state = self.driver.find_element(By.XPATH, "//td[text()='T-101']/..//span[@data-state]")
        self.assertEqual(state.get_attribute("data-state"), "revoked")
        check_screen(self, self.driver, "console-05-terminal-revoked")

    def test_a_township_supervisor_sees_only_its_township_and_manages_nothing(self):
        self.centre.add_staff("sup-101", "county-supervisor", HOME, "first-pass-1")
        status, _ = self.centre.request(
            "POST", "/console/api/password", {"id": "sup-101", "password": "first-pass-1", "newPassword": "sup-secret-9"})
        self.assertEqual(status, 200)
        self.open_console()
        self.sign_in("sup-101", "sup-secret-9")
        wait_screen(self.driver, "screen-console")
        wait(lambda: self.terminal_ids() == ["T-101"], what="only the township's terminal")
        self.assertFalse(self.driver.find_element(By.ID, "issue-form").is_displayed())
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "[data-revoke]"), [])
        self.assertNotIn("T-102", page_text(self.driver))
        check_screen(self, self.driver, "console-06-terminals-township-supervisor")
        click(self.driver, "#logout")
        wait_screen(self.driver, "screen-login")
        self.assertEqual(self.driver.find_element(By.ID, "terminals-list").text, "")

    def test_a_supervisor_previews_and_publishes_a_guide_and_a_notice(self):
        """The county's supervisor writes a guide, sees what is wrong with it and how the kiosk will show
        it before anything is published, publishes it, then a notice; an auditor is not offered it."""
        driver = self.driver
        self.signed_in_as("sup-1", "county-supervisor", COUNTY, "sup-secret-9")
        click(driver, "#tab-information")
        wait(lambda: driver.find_element(By.ID, "guides-list").text, what="the published guides (none yet)")
        driver.find_element(By.ID, "guide-kind").send_keys("社会保障卡申领")
        driver.find_element(By.ID, "guide-materials").send_keys("居民身份证原件\n近期免冠彩色照片")
        driver.find_element(By.ID, "guide-fee").send_keys("不收费")
        driver.find_element(By.ID, "guide-basis").send_keys("《社会保障卡管理办法》")
        click(driver, "#guide-preview")
        problems = wait(lambda: driver.find_elements(By.CSS_SELECTOR, '#guide-preview-box [data-preview="problems"]'),
                        what="the missing steps said")
        self.assertIn("办理流程应为1至20步", problems[0].text)
        self.assertIn("1. 居民身份证原件；2. 近期免冠彩色照片", text_of(driver, '#guide-preview-box [data-preview="text"]'))
        check_screen(self, driver, "console-07-guide-preview")
        click(driver, "#guide-form button[type=submit]")
        wait(lambda: "未发布" in text_of(driver, "#guide-preview-box"), what="the wrong guide refused")
        driver.find_element(By.ID, "guide-steps").send_keys("窗口受理\n制卡\n领卡激活")
        click(driver, "#guide-form button[type=submit]")
        wait(lambda: "已发布" in text_of(driver, "#guide-preview-box"), what="the guide published")
        wait(lambda: "社会保障卡申领" in text_of(driver, "#guides-list"), what="the guide in the list")

        driver.find_element(By.ID, "notice-id").send_keys("2027-card-fee")
        driver.find_element(By.ID, "notice-title").send_keys("社会保障卡补换卡工本费调整公告")
        driver.find_element(By.ID, "notice-body").send_keys("自2027年1月1日起，补换社会保障卡不再收取工本费。")
        driver.execute_script(
            "document.getElementById('notice-from').value = '2026-12-01';"
            "document.getElementById('notice-until').value = '2027-01-31';")
        click(driver, "#notice-preview")
        wait(lambda: "不再收取工本费" in text_of(driver, "#notice-preview-box"), what="the notice previewed")
        self.assertEqual(driver.find_elements(By.CSS_SELECTOR, '#notice-preview-box [data-preview="problems"]'), [])
        click(driver, "#notice-form button[type=submit]")
        wait(lambda: "2027-card-fee" in text_of(driver, "#notices-list"), what="the notice published")
        check_screen(self, driver, "console-08-information-published")
        status, guides = self.centre.request("GET", "/console/api/guides", token=None)
        self.assertEqual(status, 401, "nothing without a session")

        click(driver, "#logout")
        wait_screen(driver, "screen-login")
        self.centre.add_staff("audit-1", "county-auditor", COUNTY, "first-pass-1")
        self.centre.change_password("audit-1", "first-pass-1", "audit-secret-9")
        self.sign_in("audit-1", "audit-secret-9")
        wait_screen(driver, "screen-console")
        self.assertFalse(driver.find_element(By.ID, "tab-information").is_displayed(), "an auditor publishes nothing")

    def test_an_administrator_adds_resets_and_disables_the_staff_of_their_area(self):
        self.centre.add_staff("admin-1", "county-administrator", COUNTY, "first-pass-1")
        self.centre.change_password("admin-1", "first-pass-1", "my-own-secret")
        self.centre.add_staff("sup-101", "county-supervisor", HOME, "first-pass-1")
        self.open_console()
        self.sign_in("admin-1", "my-own-secret")
        wait_screen(self.driver, "screen-console")
        click(self.driver, "#tab-staff")
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, '[data-disable="sup-101"]'), what="the staff list")
        # Their own row offers nothing: an administrator never disables or resets themselves.
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, '[data-disable="admin-1"]'), [])

        self.driver.find_element(By.ID, "staff-new-id").send_keys("tech-101")
        self.driver.find_element(By.ID, "staff-new-name").send_keys("李技术员")
        area = self.driver.find_element(By.ID, "staff-new-area")
        area.clear()
        area.send_keys(HOME)
        click(self.driver, "#staff-form button[type=submit]")
        first = wait(lambda: self.driver.find_element(By.ID, "issued-password").text, what="the first password")
        self.assertRegex(first, r"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, '[data-reset="tech-101"]'), what="tech-101 listed")
        self.assertIn("待改初始密码", self.driver.find_element(By.CSS_SELECTOR, '[data-staff-state="tech-101"]').text)
        check_screen(self, self.driver, "console-07-staff-added")
        status, body = self.centre.request("POST", "/console/api/session", {"id": "tech-101", "password": first})
        self.assertEqual((status, body.get("code")), (403, "password-change-required"))

        # The supervisor is signed in elsewhere; disabling ends that session and refuses the next sign-in.
        self.centre.change_password("sup-101", "first-pass-1", "sup-secret-9")
        _, session = self.centre.request("POST", "/console/api/session", {"id": "sup-101", "password": "sup-secret-9"})
        self.assertEqual(self.centre.request("GET", "/console/api/terminals", token=session["token"])[0], 200)
        click(self.driver, '[data-disable="sup-101"]')
        self.driver.switch_to.alert.accept()
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, '[data-enable="sup-101"]'), what="sup-101 disabled")
        self.assertEqual(self.centre.request("GET", "/console/api/terminals", token=session["token"])[0], 401)
        status, body = self.centre.request("POST", "/console/api/session", {"id": "sup-101", "password": "sup-secret-9"})
        self.assertEqual(body.get("code"), "staff-disabled")

        click(self.driver, '[data-reset="sup-101"]')
        again = wait(lambda: self.driver.find_element(By.ID, "issued-password").text, what="the reset password")
        self.assertNotEqual(again, first)
        check_screen(self, self.driver, "console-08-staff-reset")

    def test_card_production_sends_the_waiting_cards_and_records_them_delivered(self):
        self.centre.sskiosk("generate", "--county", COUNTY, "--townships", "1", "--people", "3", "--months", "1")
        with sqlite3.connect(self.centre.database) as database:
            people = [row[0] for row in database.execute("SELECT idNumber FROM person ORDER BY idNumber LIMIT 2")]
        self.assertEqual(len(people), 2)
        cards = ["Z30000001", "Z30000002"]
        now = int(time.time() * 1000)
        results = self.centre.push("T-101", self.tokens["T-101"], [
            ("card.request", f"T-101-card-{index}",
             {"cardNumber": card, "idNumber": person, "status": "applied",
              "steps": [{"status": "applied", "by": "clerk1", "at": now}]})
            for index, (card, person) in enumerate(zip(cards, people))])
        self.assertEqual([result["outcome"] for result in results], ["applied", "applied"], results)

        self.signed_in_as("sup-101", "county-supervisor", HOME, "sup-secret-9")
        click(self.driver, "#tab-production")
        waiting = wait(lambda: [item.get_attribute("data-card") for item in
                                self.driver.find_elements(By.CSS_SELECTOR, "#production-waiting [data-card]")] or None,
                       what="the cards waiting for production")
        self.assertEqual(waiting, cards)
        check_screen(self, self.driver, "console-09-production-waiting")

        click(self.driver, "#batch-form button[type=submit]")
        batch = wait(lambda: self.driver.find_element(By.CSS_SELECTOR, "[data-deliver]").get_attribute("data-deliver"),
                     what="the batch sent")
        wait(lambda: self.driver.find_elements(By.ID, "no-waiting"), what="no card left waiting")
        states = {item.get_attribute("data-card"): item.get_attribute("data-status")
                  for item in self.driver.find_elements(By.CSS_SELECTOR, "#production-batches [data-card]")}
        self.assertEqual(states, {card: "in-production" for card in cards})
        self.assertIn(batch, text_of(self.driver, "#production-notice"))
        check_screen(self, self.driver, "console-10-production-batch")

        click(self.driver, f'[data-deliver="{batch}"]')
        self.driver.switch_to.alert.accept()
        wait(lambda: self.driver.find_element(By.CSS_SELECTOR, f'[data-batch-state="{batch}"]').text == "已到货",
             what="the batch delivered")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "[data-deliver]"), [])
        states = {item.get_attribute("data-card"): item.get_attribute("data-status")
                  for item in self.driver.find_elements(By.CSS_SELECTOR, "#production-batches [data-card]")}
        self.assertEqual(states, {card: "ready-at-desk" for card in cards})
        check_screen(self, self.driver, "console-11-production-delivered")

        # A technician is not offered the tab, and the centre refuses them anyway.
        self.centre.add_staff("tech-101", "technician", HOME, "first-pass-1")
        self.centre.change_password("tech-101", "first-pass-1", "tech-secret-9")
        _, session = self.centre.request("POST", "/console/api/session", {"id": "tech-101", "password": "tech-secret-9"})
        status, body = self.centre.request("GET", "/console/api/card-production", token=session["token"])
        self.assertEqual((status, body.get("code")), (403, "console-forbidden"))

    def test_figures_as_a_table_and_a_chart_and_an_audited_export(self):
        self.centre.sskiosk("generate", "--county", COUNTY, "--townships", "1", "--people", "10", "--months", "1")
        # This year's retirees' checks, long overdue: each a candidate for the county to decide on.
        self.centre.sskiosk("retirees", "publish", "2026", "--due-by", "2026-01-31")
        with sqlite3.connect(self.centre.database) as database:
            people = list(database.execute("SELECT idNumber, regionCode FROM person ORDER BY idNumber LIMIT 3"))
        now = int(time.time() * 1000)
        # Two cases of this month, and one of two months ago, long past its limit: late, for the county to chase.
        submitted = [now, now, now - 60 * 86_400_000]
        results = self.centre.push("T-101", self.tokens["T-101"], [
            ("application.submit", f"T-101-app-{index}",
             {"id": f"T-101-{index}", "kind": "resident-pension-enrolment", "idNumber": person, "status": "submitted",
              "submittedBy": "clerk1", "submittedAt": submitted[index], "deadline": submitted[index] + 7 * 86_400_000,
              "details": {}, "terminalID": "T-101", "regionCode": region})
            for index, (person, region) in enumerate(people)])
        self.assertEqual([result["outcome"] for result in results], ["applied", "applied", "applied"], results)
        # Residents' ratings: two at the desk for clerk1, one at a kiosk.
        ratings = [("satisfied", "clerk1"), ("dissatisfied", "clerk1"), ("satisfied", None)]
        results = self.centre.push("T-101", self.tokens["T-101"], [
            ("satisfaction.rating", f"T-101-rating-{index}",
             {"id": f"T-101-R{index}", "level": level, "channel": "desk" if clerk else "kiosk",
              "regionCode": HOME, "at": now, **({"servedBy": clerk} if clerk else {})})
            for index, (level, clerk) in enumerate(ratings)])
        self.assertEqual([result["outcome"] for result in results], ["applied"] * 3, results)

        self.signed_in_as("audit-1", "county-auditor", COUNTY, "audit-secret-9")
        click(self.driver, "#tab-figures")
        bar = wait(lambda: self.driver.find_element(
            By.CSS_SELECTOR, f'#figures-chart rect[data-group="{HOME}"][data-series="received"]'), what="the chart")
        self.assertEqual(bar.get_attribute("data-value"), "2")
        first_row = [cell.text for cell in self.driver.find_elements(By.CSS_SELECTOR, "#figures-table tbody tr:first-child td")]
        self.assertEqual(first_row[:2], [HOME, "2"])
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#output-table tbody tr"), what="the cards and documents")
        late = wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, "#late-table [data-late-case]"), what="the late cases")
        self.assertEqual([cell.text for cell in late], ["T-101-2"])
        self.assertIn("办结超时", text_of(self.driver, "#late-table"))
        self.assertNotIn(people[2][0], self.driver.page_source)
        with sqlite3.connect(self.centre.database) as database:
            retirees = [row[0] for row in database.execute("SELECT idNumber FROM retireeCheck")]
        self.assertTrue(retirees, "the generated township has retirees")
        candidates = wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, '#candidates-table [data-candidate]'),
                          what="the suspension candidates")
        self.assertEqual(len(candidates), len(retirees))
        self.assertEqual({cell.get_attribute("data-candidate") for cell in candidates}, {"overdue"})
        self.assertIn("逾期未认证", text_of(self.driver, "#candidates-table"))
        self.assertFalse([number for number in retirees if number in self.driver.page_source], "ID numbers masked")
        satisfaction = wait(lambda: [cell.text for cell in self.driver.find_elements(
            By.CSS_SELECTOR, "#satisfaction-table tbody tr:last-child td")] or None, what="the ratings")
        self.assertEqual(satisfaction[1:4], ["2", "0", "1"])
        check_screen(self, self.driver, "console-12-figures")

        # Coverage against the people on record, and the list of those without a pension to reach.
        with sqlite3.connect(self.centre.database) as database:
            population, without = database.execute(
                "SELECT COUNT(*), SUM(NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.idNumber = p.idNumber"
                " AND e.status = 'active' AND e.insurance IN ('110', '120', '170'))) FROM person p").fetchone()
        total = wait(lambda: [cell.text for cell in self.driver.find_elements(
            By.CSS_SELECTOR, "#coverage-table tbody tr:last-child td")] or None, what="the coverage table")
        self.assertEqual(total[:2], ["合计", str(population)])
        click(self.driver, '[data-uncovered="pension"]')
        wait(lambda: self.driver.find_elements(By.CSS_SELECTOR, '#uncovered-list h3[data-scheme="pension"]'),
             what="the list of people without a pension")
        if without:
            rows = self.driver.find_elements(By.CSS_SELECTOR, "#uncovered-list tbody tr")
            self.assertEqual(len(rows), without)
            self.assertIn("*", rows[0].find_elements(By.CSS_SELECTOR, "td")[1].text, "ID numbers masked")
        check_screen(self, self.driver, "console-13-coverage")

        select = self.driver.find_element(By.ID, "figures-group")
        select.find_element(By.CSS_SELECTOR, 'option[value="service"]').click()
        click(self.driver, "#figures-form button[type=submit]")
        wait(lambda: self.driver.find_elements(
            By.CSS_SELECTOR, '#figures-chart rect[data-group="resident-pension-enrolment"]'), what="figures by service")

        click(self.driver, "#figures-export")
        log = self.centre.directory / "server.log"
        wait(lambda: "figures exported from the console" in log.read_text(errors="replace"), what="the export in the log")
        self.assertIn("audit-1", log.read_text(errors="replace"))
        click(self.driver, "#figures-export-xlsx")
        wait(lambda: "format=xlsx" in log.read_text(errors="replace"), what="the workbook export in the log")
        self.assertIn("people without cover listed from the console", log.read_text(errors="replace"))
        self.assertEqual(text_of(self.driver, "#figures-error"), "")


if __name__ == "__main__":
    unittest.main()
