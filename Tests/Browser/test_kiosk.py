"""The resident's kiosk in chromium on the rig: a simulated card in slot 0, the real service."""

import datetime
import json
import sqlite3
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from selenium.webdriver.common.by import By

import browser
from browser import check_screen, click, page_text, screenshot, text_of, wait, wait_screen
from rig import PIN, Terminal, card_data, card_image, china_today, rig, spooled


def receipt_code(pdf):
    """The QR code on a printed receipt's first page, read as a scanner would."""
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run(["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(pdf), f"{directory}/page"], check=True)
        pages = sorted(Path(directory).glob("page*.png"))
        codes = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(pages[0])],
                               capture_output=True, text=True, check=True).stdout.splitlines()
    return next(code for code in codes if code.startswith("SSK1:"))


def enter_pin(driver, pin):
    for digit in pin:
        driver.find_element(By.CSS_SELECTOR, f'#pin-pad [data-digit="{digit}"]').click()
    click(driver, "#pin-ok")


def pad_order(driver):
    return [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#pin-pad .digit")]


class KioskCase(unittest.TestCase):
    """Each test starts its own service, leaves both slots empty and the browser closed."""

    idle_timeout = 120

    def setUp(self):
        # Each resource's cleanup is registered as soon as it exists, so that a setUp that fails half
        # way (a browser that does not start) leaves no service holding the readers for later tests.
        self.directory = tempfile.mkdtemp(prefix="browser-cards-")
        rig("card", "remove", "0")
        self.addCleanup(rig, "card", "remove", "1")
        self.addCleanup(rig, "card", "remove", "0")
        rig("card", "insert", "psam", "1")
        self.terminal = Terminal(idle_timeout=self.idle_timeout)
        self.addCleanup(lambda: self.terminal.stop())
        self.driver = browser.open_browser()
        self.addCleanup(lambda: self.driver.quit())

    def open_kiosk(self):
        self.driver.get(self.terminal.url + "/kiosk")
        wait_screen(self.driver, "screen-attract")

    def insert(self, seed=1):
        rig("card", "insert", "ss-card", "0", card_image(seed, self.directory))

    def sign_in(self, seed=1):
        self.insert(seed)
        wait_screen(self.driver, "screen-pin")
        enter_pin(self.driver, PIN)
        wait_screen(self.driver, "screen-menu")

    def wait_answer(self):
        """Waits for a query's answer to replace the "looking it up" line."""
        loading = self.driver.execute_script("return Pages.t('loading')")
        wait(lambda: loading not in text_of(self.driver, "#result-body"), what="the query's answer")


class KioskTests(KioskCase):
    def test_resident_journey(self):
        """Card in, shuffled PIN pad, each query, an application, its receipt printed, card out."""
        driver = self.driver
        self.open_kiosk()
        check_screen(self, driver, "01-attract")
        self.insert()
        wait_screen(driver, "screen-pin")
        first = pad_order(driver)
        self.assertEqual(sorted(first), list("0123456789"))
        for digit in PIN[:3]:
            driver.find_element(By.CSS_SELECTOR, f'#pin-pad [data-digit="{digit}"]').click()
        self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "#pin-dots .dot.filled")), 3)
        self.assertNotIn(PIN[:3], text_of(driver, "#pin-dots"), "the PIN is shown masked")
        check_screen(self, driver, "02-pin")
        click(driver, "#pin-clear")
        enter_pin(driver, PIN)
        wait_screen(driver, "screen-menu")
        check_screen(self, driver, "03-menu")

        click(driver, '[data-action="person"]')
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#result-body dl.person"), what="the person's overview")
        name = driver.find_element(By.CSS_SELECTOR, "#result-body dl.person dd").text
        masked_id = driver.find_elements(By.CSS_SELECTOR, "#result-body dl.person dd")[1].text
        self.assertTrue(name)
        self.assertIn("*", masked_id, "the ID number is masked on screen")
        self.assertIn("养老保险", text_of(driver, "#result-body"))
        check_screen(self, driver, "04-person")

        click(driver, "#screen-result .back")
        click(driver, '[data-action="contributions"]')
        wait(lambda: "2024-03" in text_of(driver, "#result-body"), what="the contributions table")
        check_screen(self, driver, "05-contributions")

        click(driver, "#screen-result .back")
        click(driver, '[data-action="payments"]')
        self.wait_answer()
        check_screen(self, driver, "06-payments")

        click(driver, "#screen-result .back")
        click(driver, '[data-action="apply"]')
        wait_screen(driver, "screen-result")
        check_screen(self, driver, "07-apply")
        click(driver, '[data-kind="employment-registration"]')
        application = wait(lambda: driver.find_element(By.ID, "application-id").text, what="the application's id")
        check_screen(self, driver, "08-applied")

        click(driver, "#result-actions button")
        wait_screen(driver, "screen-printing")
        check_screen(self, driver, "09-printing")
        wait(lambda: "打印完成" in text_of(driver, "#print-message"), timeout=90, what="the receipt to print")
        check_screen(self, driver, "10-printed")
        key = driver.find_element(By.ID, "screen-printing").get_attribute("data-job")
        # The roll printer may still be writing its spool file when cupsd calls the job done.
        files = wait(lambda: spooled("receipt", key), timeout=10, what="the receipt in the roll printer's spool")
        self.assertEqual(len(files), 1, f"the receipt {key} printed once, on the kiosk's receipt roll")
        receipt = subprocess.run(["pdftotext", str(files[0]), "-"], capture_output=True, text=True).stdout
        self.assertIn(application, receipt)
        self.assertIn("就业登记", receipt)

        # The application just made, with its step and time limit, under "my applications".
        click(driver, "#screen-printing .back")
        click(driver, '[data-action="progress"]')
        row = wait(lambda: driver.find_element(By.CSS_SELECTOR, f'[data-application="{application}"]'),
                   what="the application in the resident's list")
        self.assertEqual(row.get_attribute("data-status"), "submitted")
        self.assertIn("已受理", row.text)
        check_screen(self, driver, "10b-my-applications")
        # Finishing asks for a rating of the service first; a "not satisfied" asks why.
        click(driver, '#screen-result [data-action="finish"]')
        wait_screen(driver, "screen-rating")
        check_screen(self, driver, "10c-rating")
        click(driver, '[data-rating="dissatisfied"]')
        wait(lambda: driver.find_element(By.ID, "rating-reasons").is_displayed(), what="the reasons offered")
        click(driver, '[data-reason="reasonWaiting"]')
        wait(lambda: "谢谢" in text_of(driver, "#rating-thanks"), what="the thanks")
        wait_screen(driver, "screen-take")
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            self.assertEqual(db.execute("SELECT level, reason, channel, servedBy FROM satisfactionRating").fetchall(),
                             [("dissatisfied", "等候时间太长", "kiosk", None)])
        check_screen(self, driver, "11-take-card")
        self.assertNotIn(name, page_text(driver))
        rig("card", "remove", "0")
        wait_screen(driver, "screen-attract")
        for secret in [name, masked_id, application]:
            self.assertNotIn(secret, page_text(driver))

        # The receipt's code, typed in by the scanner with no card in: the application's step and
        # the holder's name masked, gone again when the resident leaves the screen.
        click(driver, "#receipt-open")
        wait_screen(driver, "screen-receipt")
        driver.find_element(By.ID, "receipt-code").send_keys(receipt_code(files[0]) + "\n")
        row = wait(lambda: driver.find_element(By.CSS_SELECTOR, f'#receipt-answer [data-application="{application}"]'),
                   what="the scanned receipt's application")
        self.assertEqual(row.get_attribute("data-status"), "submitted")
        holder = text_of(driver, "#receipt-holder")
        self.assertIn("*", holder, "the holder's name is masked")
        self.assertNotIn(name, holder)
        check_screen(self, driver, "12-receipt-status")
        click(driver, "#receipt-close")
        wait_screen(driver, "screen-attract")
        self.assertNotIn(application, page_text(driver))

    def test_privacy_after_the_session(self):
        """Back, refresh and the next person's card show nothing of the person before."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in()
        click(driver, '[data-action="person"]')
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#result-body dl.person"), what="the person's overview")
        name = driver.find_element(By.CSS_SELECTOR, "#result-body dl.person dd").text
        masked_id = driver.find_elements(By.CSS_SELECTOR, "#result-body dl.person dd")[1].text
        secrets = [name, masked_id]
        # No personal data in the address, the history or the browser's storage.
        self.assertEqual(driver.current_url, self.terminal.url + "/kiosk")
        self.assertEqual(driver.execute_script("return history.length"), 2)
        self.assertEqual(driver.execute_script("return history.state"), None)
        self.assertEqual(driver.execute_script("return localStorage.length + sessionStorage.length"), 0)
        self.assertEqual(driver.execute_script("return document.cookie"), "")

        rig("card", "remove", "0")
        wait_screen(driver, "screen-attract")
        for secret in secrets:
            self.assertNotIn(secret, page_text(driver))
        screenshot(driver, "20-after-removal")

        driver.back()
        time.sleep(1)
        for secret in secrets:
            self.assertNotIn(secret, page_text(driver), "after Back")
        driver.forward()
        wait(lambda: browser.visible_screen(driver) == "screen-attract", what="the attract screen after Forward")
        for secret in secrets:
            self.assertNotIn(secret, page_text(driver), "after Forward")
        driver.refresh()
        wait_screen(driver, "screen-attract")
        for secret in secrets:
            self.assertNotIn(secret, page_text(driver), "after a refresh")

        # Every page and personal answer is marked not to be stored.
        for path in ["/kiosk", "/static/kiosk.js", "/api/session"]:
            status, headers, _ = self.terminal.get(path)
            self.assertEqual(headers.get("Cache-Control"), "no-store", path)
        status, headers, _ = self.terminal.get("/api/me")
        self.assertEqual(status, 401)
        self.assertEqual(headers.get("Cache-Control"), "no-store")

        # A second person: a different card; nothing of the first shows on any screen.
        self.insert(seed=2)
        wait_screen(driver, "screen-pin")
        enter_pin(driver, PIN)
        wait_screen(driver, "screen-menu")
        click(driver, '[data-action="person"]')
        self.wait_answer()
        screenshot(driver, "21-second-person")
        for secret in secrets:
            self.assertNotIn(secret, page_text(driver), "the second person's session")

    def test_a_retiree_certifies_with_card_and_pin(self):
        """The year's check offered to a retiree only; certified with card and PIN, the next due a year on."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in(seed=1)
        self.assertFalse(driver.find_element(By.ID, "menu-retiree").is_displayed(),
                         "someone who draws no pension is not offered the check")
        click(driver, '#screen-menu [data-action="finish"]')
        wait_screen(driver, "screen-rating")
        click(driver, "#rating-skip")
        wait_screen(driver, "screen-take")
        rig("card", "remove", "0")
        wait_screen(driver, "screen-attract")

        self.sign_in(seed=6)
        wait(lambda: driver.find_element(By.ID, "menu-retiree").is_displayed(), what="the check offered to a retiree")
        click(driver, "#menu-retiree")
        self.wait_answer()
        self.assertEqual(text_of(driver, "#retiree-state"), "待认证")
        due = text_of(driver, "#retiree-next")
        self.assertRegex(due, r"^\d{4}-12-31$")
        check_screen(self, driver, "22-retiree-check-due")
        click(driver, "#retiree-certify")
        wait(lambda: text_of(driver, "#retiree-state") == "已认证", what="the check certified")
        self.assertEqual(text_of(driver, "#retiree-next"), f"{int(due[:4]) + 1}-12-31")
        self.assertFalse(driver.find_elements(By.ID, "retiree-certify"), "nothing more to press")
        self.assertNotIn(card_data(6, self.directory)[0], page_text(driver), "the ID number never shows in full")
        check_screen(self, driver, "23-retiree-certified")
        status, body = self.terminal.post("/api/staff/login", {"id": "clerk1", "password": "demo-password"})
        self.assertEqual(status, 200, body)
        status, headers, answer = self.terminal.get("/api/retirees?state=certified", token=body["token"])
        self.assertEqual(status, 200)
        self.assertIn('"method":"kiosk"', answer.decode())

    def test_job_board_narrowed_by_kind_skill_and_place(self):
        """Jobs a clerk posted at the desk on the idle kiosk's board, narrowed by touching a kind, a
        skill or a place."""
        driver = self.driver
        token = self.terminal.login("clerk1")
        status, headers, body = self.terminal.get("/api/jobs")
        township = json.loads(body)[0]["regionCode"]
        until = (china_today() + datetime.timedelta(days=30)).isoformat()
        for posting in [
            {"title": "采茶工", "employer": "演示茶业合作社", "place": "东山村", "regionCode": township + "003",
             "kind": "seasonal", "skills": ["采茶"], "monthlyWageFromFen": 300000, "monthlyWageToFen": 400000},
            {"title": "叉车司机", "employer": "演示物流有限公司", "place": "镇工业园", "kind": "full-time",
             "skills": ["叉车", "电脑操作"], "monthlyWageFromFen": 450000, "monthlyWageToFen": 600000},
        ]:
            status, answer = self.terminal.post("/api/jobs", {**posting, "until": until, "contact": "13812345678"}, token)
            self.assertEqual(status, 201, answer)
        self.open_kiosk()
        click(driver, "#jobs-open")

        def titles():
            return [job.text for job in driver.find_elements(By.CSS_SELECTOR, "#guides-body [data-job]")]

        wait(lambda: {"采茶工", "叉车司机"} <= set(titles()), what="both postings on the board")
        self.assertEqual(text_of(driver, "#guides-title"), "招聘信息")
        check_screen(self, driver, "26-jobs")
        click(driver, '#guides-body [data-filter="kind"][data-value="seasonal"]')
        wait(lambda: titles() == ["采茶工"], what="the seasonal jobs only")
        click(driver, '#guides-body [data-filter="kind"][data-value=""]')
        wait(lambda: len(titles()) >= 2, what="every kind again")
        click(driver, '#guides-body [data-filter="skill"][data-value="叉车"]')
        wait(lambda: titles() == ["叉车司机"], what="the jobs asking for a forklift licence")
        self.assertEqual(driver.find_element(
            By.CSS_SELECTOR, '#guides-body [data-filter="skill"][data-value="叉车"]').get_attribute("aria-pressed"), "true")
        click(driver, '#guides-body [data-filter="skill"][data-value=""]')
        # Each choice asks the service again and draws the board anew: wait for it before the next.
        wait(lambda: len(titles()) >= 2, what="every skill again")
        click(driver, f'#guides-body [data-filter="village"][data-value="{township}003"]')
        wait(lambda: titles() == ["采茶工"], what="the jobs in 东山村")
        check_screen(self, driver, "26b-jobs-in-a-village")

    def test_training_course_on_the_board_and_signed_up_for_with_the_card(self):
        """A course the clerk posted is on the idle kiosk's board; the resident signs up for it with
        card and PIN, and the seat is taken."""
        driver = self.driver
        token = self.terminal.login("clerk1")
        day = lambda days: (china_today() + datetime.timedelta(days=days)).isoformat()
        status, course = self.terminal.post("/api/courses", {
            "title": "电工技能培训", "provider": "县职业技能培训学校", "place": "镇文化站", "startsOn": day(10),
            "endsOn": day(20), "signUpUntil": day(5), "seats": 2}, token)
        self.assertEqual(status, 201, course)
        self.open_kiosk()
        click(driver, "#courses-open")
        wait(lambda: "电工技能培训" in text_of(driver, "#guides-body"), what="the course on the board")
        self.assertEqual(text_of(driver, "#guides-title"), "培训课程")
        check_screen(self, driver, "27-courses")
        click(driver, "#guides-back")
        wait_screen(driver, "screen-attract")

        self.sign_in()
        click(driver, '[data-action="apply"]')
        wait_screen(driver, "screen-result")
        click(driver, '[data-kind="training-sign-up"]')
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'[data-course="{course["id"]}"]'), what="the course to choose")
        check_screen(self, driver, "28-choose-course")
        click(driver, f'[data-course="{course["id"]}"]')
        wait(lambda: driver.find_element(By.ID, "application-id").text, what="the sign-up's application")
        status, headers, body = self.terminal.get("/api/courses")
        line = [c for c in json.loads(body) if c["id"] == course["id"]][0]
        self.assertEqual(line["seatsLeft"], 1, "the resident's seat is taken")

    def test_appointment_booked_and_cancelled_with_the_card(self):
        """The resident books a half-hour at the hall for a service, sees it among their appointments,
        and cancels it; the place is free again."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in()
        click(driver, '[data-action="appointments"]')
        wait(lambda: driver.find_elements(By.ID, "appointment-new"), what="the appointments screen")
        click(driver, "#appointment-new")
        click(driver, '[data-service="card-application"]')
        days = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "[data-day]"), what="the days")
        # The first day offered on which the hall works (a holiday is refused in plain words).
        day = next(d for d in (b.get_attribute("data-day") for b in days)
                   if self.terminal.get(f"/api/appointments/slots?day={d}")[0] == 200)
        click(driver, f'[data-day="{day}"]')
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, '[data-slot="10:00"]'), what="the day's slots")
        check_screen(self, driver, "29-appointment-slots")
        click(driver, '[data-slot="10:00"]')
        wait(lambda: driver.find_elements(By.ID, "appointment-booked"), what="the booking")
        self.assertEqual(text_of(driver, "#appointment-when"), f"{day} 10:00")
        status, headers, body = self.terminal.get(f"/api/appointments/slots?day={day}")
        self.assertEqual([s["left"] for s in json.loads(body) if s["slot"] == "10:00"], [1])
        click(driver, "#screen-result .back")
        click(driver, '[data-action="appointments"]')
        cancel = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "[data-cancel]"), what="the booking listed")
        cancel[0].click()
        wait(lambda: "您没有待办的预约" in text_of(driver, "#result-body"), what="the booking cancelled")
        status, headers, body = self.terminal.get(f"/api/appointments/slots?day={day}")
        self.assertEqual([s["left"] for s in json.loads(body) if s["slot"] == "10:00"], [2])

    def test_residents_pension_account_year_by_year(self):
        """The resident's personal account in the residents' pension: seven years of 500 yuan, each with
        the 60-yuan subsidy of the 500-yuan grade, without interest; printed as a statement."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in()
        click(driver, '[data-action="pensionAccount"]')
        self.wait_answer()
        self.assertEqual(text_of(driver, "#pension-balance"), "账户累计（元）: 3920.00")
        rows = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#result-body tbody tr")]
        self.assertEqual(len(rows), 7, rows)
        self.assertEqual(rows[0].split(), ["2020", "1", "500.00", "60.00", "560.00"])
        self.assertIn("不含利息", text_of(driver, "#result-body"))
        check_screen(self, driver, "30-pension-account")
        click(driver, '[data-print="pension-account-statement"]')
        wait_screen(driver, "screen-printing")
        wait(lambda: "打印完成" in text_of(driver, "#print-message"), timeout=90, what="the statement to print")
        key = driver.find_element(By.ID, "screen-printing").get_attribute("data-job")
        files = wait(lambda: spooled("a4", key), timeout=10, what="the statement in the A4 printer's spool")
        statement = subprocess.run(["pdftotext", str(files[0]), "-"], capture_output=True, text=True).stdout
        for expected in ["城乡居民养老保险个人账户对账单", "3,920.00", "2020", "不含利息"]:
            self.assertIn(expected, statement)

    def test_service_guides_with_no_card_in(self):
        """The county's guides browsed by touch on the idle kiosk, read aloud on request, and left for
        the card when one goes in."""
        driver = self.driver
        self.open_kiosk()
        click(driver, "#guides-open")
        wait_screen(driver, "screen-guides")
        buttons = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#guides-body [data-guide]"), what="the guides")
        self.assertEqual([b.get_attribute("data-guide") for b in buttons],
                         ["resident-pension-enrolment", "unemployment-registration", "card-application"])
        check_screen(self, driver, "24-guides")
        click(driver, '#guides-body [data-guide="card-application"]')
        wait(lambda: text_of(driver, "#guide-service") == "社会保障卡申领", what="the card's guide")
        self.assertEqual(text_of(driver, "#guide-limit"), "20 个工作日")
        self.assertIn("居民身份证原件", text_of(driver, "#guides-body"))
        check_screen(self, driver, "25-guide")
        click(driver, "#guide-read")
        status, headers, body = self.terminal.get("/kiosk/speech/guide/card-application")
        self.assertEqual((status, headers.get("Content-Type")), (200, "audio/wav"))
        self.assertTrue(body.startswith(b"RIFF"))
        click(driver, "#guides-back")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#guides-body [data-guide]"), what="the list again")
        # The county's notice of the year, read aloud on request.
        click(driver, "#guides-back")
        wait_screen(driver, "screen-attract")
        click(driver, "#notices-open")
        notices = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#guides-body [data-notice]"), what="the notices")
        notice = notices[0].get_attribute("data-notice")
        notices[0].click()
        wait(lambda: "城乡居民养老保险缴费" in text_of(driver, "#notice-title"), what="the notice")
        check_screen(self, driver, "27-notice")
        click(driver, "#guide-read")
        status, headers, _ = self.terminal.get(f"/kiosk/speech/notice/{notice}")
        self.assertEqual((status, headers.get("Content-Type")), (200, "audio/wav"))
        click(driver, "#guides-back")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#guides-body [data-notice]"), what="the notices again")
        # A card going in takes the kiosk to the PIN, whatever the guide screen showed.
        self.insert()
        wait_screen(driver, "screen-pin")

    def test_wrong_and_blocked_pin(self):
        """A wrong PIN says how many tries are left; a blocked PIN sends the resident to the desk."""
        driver = self.driver
        self.open_kiosk()
        self.insert()
        wait_screen(driver, "screen-pin")
        first = pad_order(driver)
        enter_pin(driver, "000000")
        wait(lambda: "还可以再试" in text_of(driver, "#pin-error"), what="the tries-left message")
        tries = int("".join(c for c in text_of(driver, "#pin-error") if c.isdigit()))
        self.assertGreater(tries, 0)
        self.assertNotEqual(pad_order(driver), first, "the pad is shuffled again after a wrong PIN")
        check_screen(self, driver, "12-wrong-pin")
        for _ in range(tries):
            enter_pin(driver, "000000")
            time.sleep(0.5)
        wait_screen(driver, "screen-blocked")
        self.assertIn("柜台", text_of(driver, "#screen-blocked"))
        check_screen(self, driver, "13-pin-blocked")

    def test_printer_fault_in_plain_words(self):
        """Paper out: the page says so in plain words while the job waits, and prints once it is loaded."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in()
        rig("printer", "fault", "a4", "media-empty")
        try:
            click(driver, '[data-action="print"]')
            click(driver, '[data-document="proof-of-insurance"]')
            wait_screen(driver, "screen-printing")
            wait(lambda: "error" in driver.find_element(By.ID, "print-message").get_attribute("class"), timeout=60,
                 what="the printer's fault on the page")
            said = text_of(driver, "#print-message")
            self.assertRegex(said, "[\u4e00-\u9fff]", "said in Chinese")
            self.assertNotRegex(said, "media-empty|IPP|cups|[0-9]{3}", "in plain words, with no codes")
            check_screen(self, driver, "18-printer-fault")
        finally:
            rig("printer", "fault", "a4", "none")
        wait(lambda: "打印完成" in text_of(driver, "#print-message"), timeout=120, what="the job to finish")

    def test_pin_change_and_loss_report(self):
        """The PIN changed on the card through the pad (twice the new one), then the card reported lost."""
        driver = self.driver
        self.open_kiosk()
        self.sign_in()
        click(driver, '[data-action="pin"]')
        wait_screen(driver, "screen-pin")
        self.assertEqual(text_of(driver, "#pin-title"), "请输入原密码")
        enter_pin(driver, PIN)
        wait(lambda: text_of(driver, "#pin-title") == "请输入新密码（6位数字）", what="the new PIN's step")
        enter_pin(driver, "246810")
        wait(lambda: text_of(driver, "#pin-title") == "请再次输入新密码", what="the confirmation step")
        enter_pin(driver, "246810")
        wait(lambda: "密码已修改" in text_of(driver, "#result-body"), what="the PIN changed")
        click(driver, "#screen-result .back")
        click(driver, '[data-action="loss"]')
        check_screen(self, driver, "19-loss-confirm")
        click(driver, "#loss-confirm")
        wait(lambda: "已挂失" in text_of(driver, "#result-body"), what="the loss report")
        click(driver, '#screen-result [data-action="finish"]')
        wait_screen(driver, "screen-rating")
        click(driver, "#rating-skip")
        wait_screen(driver, "screen-take")
        rig("card", "remove", "0")
        wait_screen(driver, "screen-attract")

    def test_display_options(self):
        """English, high contrast and spoken prompts, each from a button on every screen."""
        driver = self.driver
        self.open_kiosk()
        click(driver, "#toggle-language")
        self.assertIn("insert your social security card", text_of(driver, "#screen-attract"))
        self.assertEqual(driver.execute_script("return document.documentElement.lang"), "en")
        check_screen(self, driver, "14-attract-english")
        click(driver, "#toggle-contrast")
        check_screen(self, driver, "15-attract-contrast")
        click(driver, "#toggle-speech")
        audio = driver.execute_async_script("""
            const done = arguments[0];
            fetch('/kiosk/speech/insertCard?lang=zh').then(async r =>
                done([r.status, r.headers.get('Content-Type'), new Uint8Array(await r.arrayBuffer()).length]));
        """)
        self.assertEqual(audio[0], 200)
        self.assertEqual(audio[1], "audio/wav")
        self.assertGreater(audio[2], 1000)
        spoken = wait(lambda: driver.execute_script(
            "return performance.getEntriesByType('resource').filter(e => e.name.includes('/kiosk/speech/')).length"),
            what="the page to ask for a spoken prompt")
        self.assertGreater(spoken, 0)


class IdleTimeoutTests(KioskCase):
    """A short idle timeout: the countdown shows, then the session ends by itself."""

    idle_timeout = 16

    def test_idle_timeout_with_countdown(self):
        driver = self.driver
        driver.get(self.terminal.url + "/kiosk")
        wait_screen(driver, "screen-attract")
        rig("card", "insert", "ss-card", "0", card_image(1, self.directory))
        wait_screen(driver, "screen-pin")
        enter_pin(driver, PIN)
        wait_screen(driver, "screen-menu")
        click(driver, '[data-action="contributions"]')
        wait(lambda: "2024-03" in text_of(driver, "#result-body"), what="the contributions table")
        wait(lambda: driver.find_element(By.ID, "idle").is_displayed(), timeout=20, what="the idle countdown")
        first = int(text_of(driver, "#idle-seconds"))
        check_screen(self, driver, "16-idle-countdown")
        wait(lambda: int(text_of(driver, "#idle-seconds") or first) < first, timeout=5, what="the countdown to count")
        wait(lambda: browser.visible_screen(driver) == "screen-take", timeout=20, what="the session to end")
        self.assertEqual(driver.find_element(By.ID, "result-body").get_attribute("innerHTML"), "")
        self.assertFalse(driver.find_element(By.ID, "idle").is_displayed())
        check_screen(self, driver, "17-idle-ended")
        rig("card", "remove", "0")
        wait_screen(driver, "screen-attract")


if __name__ == "__main__":
    unittest.main()
