"""The clerk's desk in chromium on the rig: sign-in and lockout, intake with validation as typed,
the issuance queue, a blank card personalised in the desk reader (pulled midway and resumed), its
face printed, issued and activated; the day's figures; the holder's full ID number read for a
purpose; the idle lock."""

import datetime
import json
import sqlite3
import subprocess
import tempfile
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import browser
from browser import check_screen, click, page_text, screenshot, text_of, wait
from rig import Terminal, card_data, card_image, card_photo, china_today, rig, spooled


class DeskTests(unittest.TestCase):
    def setUp(self):
        # Each resource's cleanup is registered as soon as it exists, so that a setUp that fails half
        # way (a browser that does not start) leaves no service holding the readers for later tests;
        # it stops the terminal the test ends with (a test may start another in its place).
        self.directory = tempfile.mkdtemp(prefix="browser-desk-")
        rig("card", "remove", "0")
        self.addCleanup(rig, "card", "remove", "1")
        self.addCleanup(rig, "card", "remove", "0")
        rig("card", "insert", "psam", "1")
        self.terminal = Terminal()
        self.addCleanup(lambda: self.terminal.stop())
        self.driver = browser.open_browser()
        self.addCleanup(lambda: self.driver.quit())
        self.driver.get(self.terminal.url + "/desk")
        wait(lambda: self.driver.find_element(By.ID, "login-id").is_displayed(), what="the sign-in form")

    def sign_in(self, staff_id, password="demo-password"):
        driver = self.driver
        driver.find_element(By.ID, "login-id").clear()
        driver.find_element(By.ID, "login-id").send_keys(staff_id)
        driver.find_element(By.ID, "login-password").send_keys(password)
        click(driver, '#login-form button[type="submit"]')

    def signed_in(self):
        wait(lambda: self.driver.find_element(By.ID, "screen-desk").is_displayed(), what="the desk after sign-in")

    def sign_out(self):
        click(self.driver, "#logout")
        wait(lambda: self.driver.find_element(By.ID, "login-id").is_displayed(), what="the sign-in form")

    def open_card(self, number):
        driver = self.driver
        click(driver, "#tab-card")
        field = driver.find_element(By.ID, "card-number")
        field.clear()
        field.send_keys(number)
        click(driver, '#card-form button[type="submit"]')
        wait(lambda: self.card_status(), what=f"card {number}")

    def card_status(self):
        return self.driver.execute_script("return document.getElementById('card-status')?.dataset.status")

    def retirees(self, state):
        driver = self.driver
        Select(driver.find_element(By.ID, "retiree-state")).select_by_value(state)
        wait(lambda: text_of(driver, "#retirees") and "正在" not in text_of(driver, "#retirees"), what=f"the {state} list")
        return [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#retirees tbody tr")]

    def test_retirees_home_visit_and_reported_death(self):
        """The village's due list; a home visit certifies one, a death reported by the family makes
        another a candidate, whose pension the county's supervisor (the demo terminal is the county's)
        suspends."""
        driver = self.driver
        retiree, _ = card_data(6, self.directory)
        self.sign_in("clerk1")
        self.signed_in()
        self.assertFalse(driver.find_element(By.ID, "suspension-form").is_displayed(), "a clerk suspends nothing")
        click(driver, "#tab-retirees")
        due = wait(lambda: [row for row in self.retirees("due") if "陈梓涵" in row], what="the retiree on the due list")
        self.assertIn("*", due[0], "the list masks ID numbers")
        self.assertNotIn(retiree, page_text(driver))
        check_screen(self, driver, "3b-desk-retirees-due")

        driver.find_element(By.ID, "visit-id").send_keys(retiree)
        driver.find_element(By.ID, "visit-note").send_keys("本人在家，卧床，精神好")
        click(driver, '#visit-form button[type="submit"]')
        wait(lambda: "已认证" in text_of(driver, "#retiree-result"), what="the home visit recorded")
        self.assertTrue([row for row in self.retirees("certified") if "陈梓涵" in row and "上门认证" in row])

        # A death reported by the family, who bring the retiree's papers with the full number.
        other = self.first_due_other_than(retiree)
        driver.find_element(By.ID, "life-event-id").send_keys(other)
        Select(driver.find_element(By.ID, "life-event-kind")).select_by_value("death")
        driver.execute_script("document.getElementById('life-event-on').value = '2026-11-20'")
        driver.find_element(By.ID, "life-event-relation").send_keys("子女")
        click(driver, '#life-event-form button[type="submit"]')
        wait(lambda: "已报告死亡或迁出" in text_of(driver, "#retiree-result"), what="the death recorded")
        self.assertEqual(len(self.retirees("reported")), 1)
        check_screen(self, driver, "3c-desk-retiree-reported")

        self.sign_out()
        self.sign_in("supervisor1")
        self.signed_in()
        click(driver, "#tab-retirees")
        driver.find_element(By.ID, "suspension-id").send_keys(other)
        driver.find_element(By.ID, "suspension-reason").send_keys("死亡")
        click(driver, '#suspension-form button[type="submit"]')
        wait(lambda: "已暂停发放" in text_of(driver, "#retiree-result"), what="the pension suspended")
        self.assertEqual(len(self.retirees("suspended")), 1)
        self.assertEqual(len(self.retirees("reported")), 0)
        check_screen(self, driver, "3d-desk-pension-suspended")

    def jobseekers(self, filter_value):
        driver = self.driver
        Select(driver.find_element(By.ID, "jobseeker-filter")).select_by_value(filter_value)
        wait(lambda: text_of(driver, "#jobseekers"), what=f"the {filter_value} register")
        return [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#jobseekers tbody tr")]

    def test_employment_register_from_registration_to_a_job_and_its_certificate(self):
        """The register with the promise's late worklist; a person registered, followed up once a
        month (a second refused in plain words), referred to a posting, closed with a job in time,
        and their registration certificate printed."""
        driver = self.driver
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            person, name = db.execute(
                "SELECT idNumber, name FROM person WHERE idNumber NOT IN (SELECT idNumber FROM jobSeeker) "
                "AND idNumber NOT IN (SELECT idNumber FROM retireeCheck) ORDER BY idNumber LIMIT 1").fetchone()
        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#tab-employment")
        late = wait(lambda: self.jobseekers("late"), what="the promise's late worklist")
        self.assertEqual(len(late), 1, late)
        self.assertIn("超过10个工作日未就业", late[0])
        self.assertIn("*", late[0], "the list masks ID numbers")

        driver.find_element(By.ID, "new-jobseeker-id").send_keys(person)
        Select(driver.find_element(By.ID, "new-jobseeker-reason")).select_by_value("employer-closed")
        driver.find_element(By.ID, "new-jobseeker-employer").send_keys("演示机械制造有限公司")
        click(driver, '#new-jobseeker-form button[type="submit"]')
        wait(lambda: "承诺期内" in text_of(driver, "#jobseeker-result"), what="the registration made")
        self.assertNotIn(person, page_text(driver))
        rows = wait(lambda: [row for row in self.jobseekers("open") if name in row], what="the new registration listed")
        self.assertIn("登记失业", rows[0])
        check_screen(self, driver, "3f-desk-employment-register")

        driver.find_element(By.XPATH, f"//tbody/tr[td[1][text()='{name}']]//button").click()
        wait(lambda: driver.find_element(By.ID, "jobseeker").is_displayed(), what="the registration opened")
        Select(driver.find_element(By.ID, "follow-up-method")).select_by_value("visit")
        driver.find_element(By.ID, "follow-up-note").send_keys("仍在找工作，希望就近")
        click(driver, '#follow-up-form button[type="submit"]')
        wait(lambda: "在册" in text_of(driver, "#jobseeker-result"), what="the follow-up recorded")
        click(driver, '#follow-up-form button[type="submit"]')
        wait(lambda: "每月回访一次" in text_of(driver, "#jobseeker-result"), what="a second follow-up refused")

        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#referral-posting option"), what="the area's postings")
        click(driver, '#referral-form button[type="submit"]')
        wait(lambda: "在册" in text_of(driver, "#jobseeker-result"), what="the referral recorded")
        Select(driver.find_element(By.ID, "closing-reason")).select_by_value("employed")
        driver.find_element(By.ID, "closing-employer").send_keys("演示物流有限公司")
        click(driver, '#closing-form button[type="submit"]')
        wait(lambda: "按期实现就业" in text_of(driver, "#jobseeker-result"), what="closed with a job in time")
        self.assertFalse(driver.find_element(By.ID, "follow-up-form").is_displayed(), "nothing more on a closed one")

        click(driver, "#jobseeker-certificate")
        wait(lambda: driver.execute_script(
            "return document.querySelector('#jobseeker-result .print-status')?.dataset.state") == "completed",
            what="the registration certificate printed", timeout=60)
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            kinds = [row[0] for row in db.execute(
                "SELECT command FROM outbox WHERE command = 'jobseeker.entry' ORDER BY sequence")]
        self.assertEqual(len(kinds), 4, "registration, follow-up, referral and closing queued for the centre")

        # A job posted for the area, listed, and taken down.
        driver.find_element(By.ID, "job-title").send_keys("采茶工")
        driver.find_element(By.ID, "job-employer").send_keys("演示茶业合作社")
        driver.find_element(By.ID, "job-place").send_keys("东山村")
        Select(driver.find_element(By.ID, "job-kind")).select_by_value("seasonal")
        driver.find_element(By.ID, "job-skills").send_keys("采茶，制茶")
        driver.find_element(By.ID, "job-wage-from").send_keys("3000")
        driver.find_element(By.ID, "job-wage-to").send_keys("4000")
        until = (china_today() + datetime.timedelta(days=30)).isoformat()
        driver.execute_script(f"document.getElementById('job-until').value = '{until}'")
        driver.find_element(By.ID, "job-contact").send_keys("13812345678")
        click(driver, '#job-form button[type="submit"]')
        wait(lambda: "采茶工" in text_of(driver, "#job-result"), what="the job posted")
        row = wait(lambda: [r for r in driver.find_elements(By.CSS_SELECTOR, "#area-jobs tbody tr") if "采茶工" in r.text],
                   what="the job in the area's list")
        self.assertIn("采茶、制茶", row[0].text)
        self.assertIn("季节性用工", row[0].text)
        row[0].find_element(By.CSS_SELECTOR, "[data-take-down]").click()
        wait(lambda: "下架" in text_of(driver, "#job-result"), what="the job taken down")
        wait(lambda: "采茶工" not in text_of(driver, "#area-jobs"), what="the job off the list")

        # A training course posted for the area, a resident signed up for it at intake, its sign-up closed.
        day = lambda days: (china_today() + datetime.timedelta(days=days)).isoformat()
        driver.find_element(By.ID, "course-title").send_keys("育婴员培训")
        driver.find_element(By.ID, "course-provider").send_keys("县职业技能培训学校")
        driver.find_element(By.ID, "course-place").send_keys("镇文化站")
        for field, value in [("course-starts", day(10)), ("course-ends", day(20)), ("course-sign-up", day(5))]:
            driver.execute_script(f"document.getElementById('{field}').value = '{value}'")
        driver.find_element(By.ID, "course-seats").send_keys("20")
        click(driver, '#course-form button[type="submit"]')
        wait(lambda: "育婴员培训" in text_of(driver, "#course-result"), what="the course posted")
        wait(lambda: "20 / 20" in text_of(driver, "#area-courses"), what="the course with its seats")
        click(driver, "#tab-intake")
        Select(driver.find_element(By.ID, "intake-kind")).select_by_value("training-sign-up")
        wait(lambda: len(driver.find_elements(By.CSS_SELECTOR, "#intake-course option")) > 1, what="the courses to choose")
        Select(driver.find_element(By.ID, "intake-course")).select_by_index(1)
        driver.find_element(By.ID, "intake-id").send_keys(person)
        click(driver, '#intake-form button[type="submit"]')
        wait(lambda: driver.find_elements(By.ID, "intake-application"), what="the sign-up taken")
        click(driver, "#tab-employment")
        wait(lambda: "19 / 20" in text_of(driver, "#area-courses"), what="the seat taken")
        driver.find_element(By.CSS_SELECTOR, "#area-courses [data-close-course]").click()
        wait(lambda: "截止报名" in text_of(driver, "#course-result"), what="the sign-up closed")
        wait(lambda: not driver.find_elements(By.CSS_SELECTOR, "#area-courses [data-close-course]"), what="no longer open")

    def test_employment_assistance_from_recognition_to_a_public_welfare_post(self):
        """A person on the register recognised with employment difficulty, visited, and placed in a
        public-welfare post the township posted: the assistance register lists them, placed."""
        driver = self.driver
        token = self.terminal.login("clerk1")
        until = (china_today() + datetime.timedelta(days=30)).isoformat()
        status, posting = self.terminal.post("/api/jobs", {
            "title": "村道保洁员", "employer": "镇人民政府", "place": "东山村", "kind": "public-welfare",
            "monthlyWageFromFen": 200000, "monthlyWageToFen": 200000, "until": until, "contact": "13812345678"}, token)
        self.assertEqual(status, 201, posting)
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            person, name = db.execute(
                "SELECT idNumber, name FROM person WHERE idNumber NOT IN (SELECT idNumber FROM jobSeeker) "
                "AND idNumber NOT IN (SELECT idNumber FROM retireeCheck) ORDER BY idNumber DESC LIMIT 1").fetchone()
        status, registered = self.terminal.post("/api/jobseekers", {
            "idNumber": person, "category": "registered-unemployed", "reason": "dismissed", "wantsJob": True,
            "zeroEmploymentFamily": False}, token)
        self.assertEqual(status, 201, registered)

        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#tab-employment")
        wait(lambda: [row for row in self.jobseekers("open") if name in row], what="the registration listed")
        driver.find_element(By.XPATH, f"//tbody/tr[td[1][text()='{name}']]//button").click()
        wait(lambda: driver.find_element(By.ID, "difficulty-form").is_displayed(), what="the recognition form")
        self.assertFalse(driver.find_element(By.ID, "placement-form").is_displayed(), "no placement before recognition")
        click(driver, '#difficulty-form input[value="disabled"]')
        driver.find_element(By.ID, "difficulty-note").send_keys("持残疾证")
        click(driver, '#difficulty-form button[type="submit"]')
        wait(lambda: driver.find_element(By.ID, "placement-form").is_displayed(), what="the assistance forms")
        driver.find_element(By.ID, "assistance-visit-note").send_keys("希望就近工作")
        click(driver, '#visit-assistance-form button[type="submit"]')
        wait(lambda: "在册" in text_of(driver, "#jobseeker-result"), what="the visit recorded")
        assisted = wait(lambda: [row for row in self.jobseekers("assisted") if name in row], what="on the assistance register")
        self.assertIn("残疾人", assisted[0])
        options = [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#placement-posting option")]
        self.assertEqual(options, ["村道保洁员 · 镇人民政府"], "public-welfare posts only")
        driver.execute_script(f"document.getElementById('placement-starts').value = '{until}'")
        click(driver, '#placement-form button[type="submit"]')
        wait(lambda: "实现就业" in text_of(driver, "#jobseeker-result"), what="placed, the registration closed")
        check_screen(self, driver, "3g-desk-public-welfare-placement")

    def test_appointments_calendar_a_call_booking_and_a_home_visit_assigned(self):
        """A clerk books a home visit on a family's call; the calendar shows it, masked; the clerk takes
        it; a hall booking made on a call is cancelled from the calendar."""
        driver = self.driver
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            person, name = db.execute("SELECT idNumber, name FROM person ORDER BY idNumber LIMIT 1").fetchone()
        day = next(
            d for d in ((china_today() + datetime.timedelta(days=n)).isoformat() for n in range(1, 15))
            if self.terminal.get(f"/api/appointments/slots?day={d}")[0] == 200)
        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#tab-appointments")
        for kind, extra in [("home-visit", "disabled"), ("hall", "14:30")]:
            driver.find_element(By.ID, "call-id").send_keys(person)
            Select(driver.find_element(By.ID, "call-kind")).select_by_value(kind)
            Select(driver.find_element(By.ID, "call-service")).select_by_value("card-application")
            driver.execute_script(f"document.getElementById('call-day').value = '{day}'")
            Select(driver.find_element(By.ID, "call-reason" if kind == "home-visit" else "call-slot")).select_by_value(extra)
            click(driver, '#call-booking-form button[type="submit"]')
            wait(lambda: "已预约" in text_of(driver, "#appointment-result"), what=f"the {kind} booked")
            driver.execute_script("document.getElementById('appointment-result').replaceChildren()")
        driver.execute_script(f"document.getElementById('appointments-through').value = '{day}'")
        click(driver, "#appointments-refresh")
        rows = wait(lambda: [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#appointments tbody tr") if name in r.text],
                    what="the bookings on the calendar")
        self.assertEqual(len(rows), 2, rows)
        self.assertNotIn(person, page_text(driver))
        check_screen(self, driver, "3h-desk-appointments")
        click(driver, '#appointments [data-act="assignToMe"]')
        wait(lambda: "已指派" in text_of(driver, "#appointment-result"), what="the home visit taken")
        wait(lambda: "clerk1" in text_of(driver, "#appointments"), what="the clerk on the calendar")
        driver.find_element(
            By.XPATH, "//div[@id='appointments']//tr[contains(., '14:30')]//button[@data-act='appointmentCancel']").click()
        wait(lambda: f"{day} 14:30: 已取消" in text_of(driver, "#appointment-result"), what="the hall booking cancelled")

    def test_labour_dispute_from_intake_to_a_printed_mediation_agreement(self):
        """A worker's wage claim taken at the desk: the clerk who takes it answers for it, accepts it,
        records a session and the agreement, and prints the agreement for both parties to sign."""
        driver = self.driver
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            person = db.execute("SELECT idNumber FROM person ORDER BY idNumber LIMIT 1 OFFSET 2").fetchone()[0]
        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#tab-disputes")
        Select(driver.find_element(By.ID, "new-dispute-kind")).select_by_value("mediation")
        driver.find_element(By.ID, "new-dispute-id").send_keys(person)
        driver.find_element(By.ID, "new-dispute-name").send_keys("周小梅")
        driver.find_element(By.ID, "new-dispute-employer").send_keys("演示建筑劳务有限公司")
        Select(driver.find_element(By.ID, "new-dispute-category")).select_by_value("unpaid-wages")
        driver.find_element(By.ID, "new-dispute-claimed").send_keys("18000")
        driver.find_element(By.ID, "new-dispute-facts").send_keys("今年六月至八月工资未发")
        click(driver, '#new-dispute-form button[type="submit"]')
        wait(lambda: "待决定受理" in text_of(driver, "#dispute-result"), what="the case taken")
        wait(lambda: "周小梅" in text_of(driver, "#disputes"), what="the case on the register")
        self.assertIn("clerk1", text_of(driver, "#disputes"), "the clerk who took it answers for it")
        self.assertNotIn(person, page_text(driver))
        check_screen(self, driver, "3i-desk-disputes")

        Select(driver.find_element(By.ID, "dispute-decision")).select_by_value("accept")
        click(driver, '#dispute-decision-form button[type="submit"]')
        wait(lambda: "办理中" in text_of(driver, "#dispute-result"), what="the case accepted")
        self.assertFalse(driver.find_element(By.ID, "dispute-decision-form").is_displayed(), "decided once")
        today = china_today().isoformat()
        driver.execute_script(f"document.getElementById('dispute-session-day').value = '{today}'")
        driver.find_element(By.ID, "dispute-attendees").send_keys("周小梅；公司代表")
        driver.find_element(By.ID, "dispute-session-summary").send_keys("公司承认欠薪，同意分期支付")
        click(driver, '#dispute-session-form button[type="submit"]')
        wait(lambda: "同意分期支付" in text_of(driver, "#dispute-sessions"), what="the session recorded")
        Select(driver.find_element(By.ID, "dispute-outcome-result")).select_by_value("agreement")
        driver.find_element(By.ID, "dispute-terms").send_keys("公司于月底前一次性支付拖欠工资")
        driver.find_element(By.ID, "dispute-agreed").send_keys("18000")
        click(driver, '#dispute-outcome-form button[type="submit"]')
        wait(lambda: "已办结" in text_of(driver, "#dispute-result"), what="the case settled by agreement")

        click(driver, "#dispute-agreement")
        wait(lambda: driver.execute_script(
            "return document.querySelector('#dispute-result .print-status')?.dataset.state") == "completed",
            what="the mediation agreement printed", timeout=60)
        key = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => n.includes('/api/print/desk-')).pop()").rsplit("/", 1)[-1]
        agreements = spooled("a4", key)
        self.assertEqual(len(agreements), 1, f"agreement {key} in the A4 printer's spool")
        text = subprocess.run(["pdftotext", str(agreements[0]), "-"], capture_output=True, text=True, check=True).stdout
        for expected in ["劳动争议调解协议书", "周小梅", "演示建筑劳务有限公司", "18,000.00"]:
            self.assertIn(expected, text)
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            entries = db.execute("SELECT count(*) FROM outbox WHERE command = 'dispute.entry'").fetchone()[0]
        self.assertEqual(entries, 4, "intake, decision, session and outcome queued for the centre")

    def test_residents_pension_enrolment_at_a_grade_of_the_table(self):
        """The intake of an enrolment in the residents' pension offers the county's grades with their
        subsidies and refuses none chosen; the grade chosen goes with the application."""
        driver = self.driver
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            person = db.execute("SELECT idNumber FROM person ORDER BY idNumber LIMIT 1 OFFSET 3").fetchone()[0]
        self.sign_in("clerk1")
        self.signed_in()
        Select(driver.find_element(By.ID, "intake-kind")).select_by_value("resident-pension-enrolment")
        options = wait(lambda: [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#intake-grade option")][1:],
                       what="the grades")
        self.assertEqual(len(options), 12, options)
        self.assertEqual(options[4], "5 · 每年 500.00（+60.00）")
        driver.find_element(By.ID, "intake-id").send_keys(person)
        click(driver, '#intake-form button[type="submit"]')
        wait(lambda: "缴费档次" in text_of(driver, "#intake-result"), what="no grade chosen refused")
        Select(driver.find_element(By.ID, "intake-grade")).select_by_value("5")
        click(driver, '#intake-form button[type="submit"]')
        application = wait(lambda: driver.find_elements(By.ID, "intake-application"), what="the enrolment taken")[0].text
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            details = db.execute("SELECT details FROM application WHERE id = ?", (application,)).fetchone()[0]
        self.assertEqual(json.loads(details).get("grade"), "5")

    def test_the_resident_rates_the_service_on_the_screen_turned_to_them(self):
        driver = self.driver
        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#ask-rating")
        wait(lambda: driver.find_element(By.ID, "rating").is_displayed(), what="the rating dialog")
        self.assertNotIn("clerk1", text_of(driver, "#rating"), "the dialog names no one")
        self.assertNotIn("经办员甲", text_of(driver, "#rating"))
        check_screen(self, driver, "3e-desk-rating")
        click(driver, '#rating [data-rating="satisfied"]')
        wait(lambda: "谢谢" in text_of(driver, "#rating-thanks"), what="the thanks")
        wait(lambda: not driver.find_element(By.ID, "rating").is_displayed(), what="the dialog closed")
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            self.assertEqual(db.execute("SELECT level, channel, servedBy FROM satisfactionRating").fetchall(),
                             [("satisfied", "desk", "clerk1")])

    def first_due_other_than(self, retiree):
        """The full ID number of a due retiree other than `retiree`, from the terminal's database."""
        with sqlite3.connect(f"file:{self.terminal.directory}/terminal.sqlite?mode=ro", uri=True) as db:
            return db.execute("SELECT idNumber FROM retireeCheck WHERE idNumber != ? AND certification IS NULL "
                              "ORDER BY idNumber LIMIT 1", (retiree,)).fetchone()[0]

    def test_sign_in_lockout_and_sign_out(self):
        driver = self.driver
        check_screen(self, driver, "30-desk-login")
        self.sign_in("clerk2", "wrong")
        wait(lambda: text_of(driver, "#login-error"), what="the refusal")
        for _ in range(4):
            self.sign_in("clerk2", "wrong")
            time.sleep(0.3)
        self.sign_in("clerk2")
        wait(lambda: "锁定" in text_of(driver, "#login-error"), what="the lockout message")
        check_screen(self, driver, "31-desk-locked")
        self.sign_in("clerk1")
        self.signed_in()
        self.assertEqual(text_of(driver, "#staff-role"), "经办员")
        self.sign_out()
        self.assertEqual(driver.find_element(By.ID, "staff-name").text, "")
        status, _ = self.terminal.post("/api/applications", {"kind": "training-sign-up"})
        self.assertEqual(status, 401)

    def test_a_new_account_chooses_its_own_password_at_first_sign_in(self):
        driver = self.driver
        self.terminal.add_staff("clerk9", "clerk", "given by admin")
        self.sign_in("clerk9", "given by admin")
        wait(lambda: driver.find_element(By.ID, "password-form").is_displayed(), what="the new password form")
        self.assertFalse(driver.find_element(By.ID, "screen-desk").is_displayed())
        check_screen(self, driver, "32-desk-choose-password")

        def choose(new, again):
            driver.find_element(By.ID, "password-new").send_keys(new)
            driver.find_element(By.ID, "password-again").send_keys(again)
            click(driver, '#password-form button[type="submit"]')

        choose("clerk9's own", "clerk9's owm")
        wait(lambda: "不一致" in text_of(driver, "#password-error"), what="the mismatch")
        choose("given by admin", "given by admin")
        wait(lambda: "至少" in text_of(driver, "#password-error"), what="the weak password refused")
        choose("clerk9's own", "clerk9's own")
        self.signed_in()
        self.assertEqual(text_of(driver, "#staff-name"), "新同事")
        self.sign_out()
        self.sign_in("clerk9", "clerk9's own")
        self.signed_in()

    def test_idle_lock_empties_the_screen_and_ends_the_token(self):
        """A desk that locks after a few seconds here: input keeps it open, the full ID number is
        shown for a purpose, and left alone the screen is emptied and the page's token refused."""
        idle = 4
        driver = self.driver
        self.terminal.stop()
        self.terminal = Terminal(staff_idle_lock=idle)
        driver.get(self.terminal.url + "/desk")
        wait(lambda: driver.find_element(By.ID, "login-id").is_displayed(), what="the sign-in form")
        # The tokens the page sends, seen from inside it: the one it holds is the one to try afterwards.
        driver.execute_script("""
            window.sentTokens = [];
            const send = window.fetch;
            window.fetch = (path, options = {}) => {
              const authorization = (options.headers || {}).Authorization;
              if (authorization) window.sentTokens.push(authorization.slice(7));
              return send(path, options);
            };""")
        holder, number = card_data(1, self.directory)
        masked = holder[:4] + "*" * (len(holder) - 8) + holder[-4:]
        self.sign_in("clerk1")
        self.signed_in()
        self.open_card(number)
        self.assertEqual(text_of(driver, "#card-id-number"), masked, "the service answers with the number masked")
        Select(driver.find_element(By.ID, "full-id-purpose")).select_by_value("identity-check")
        click(driver, '#full-id-form button[type="submit"]')
        wait(lambda: text_of(driver, "#card-id-number") == holder, what="the full ID number")
        check_screen(self, driver, "3a-desk-full-id")
        token = driver.execute_script("return window.sentTokens.at(-1)")

        # A clerk at work, typing without a call to the service, keeps the desk past the lock time.
        field = driver.find_element(By.ID, "replace-number")
        for _ in range(idle * 2):
            field.send_keys("1")
            time.sleep(0.75)
        self.assertTrue(driver.find_element(By.ID, "screen-desk").is_displayed())
        self.assertEqual(self.terminal.get(f"/api/cards/{number}", token)[0], 200)

        # Hands off: the desk locks, empties the screen, and its token no longer opens anything.
        wait(lambda: driver.find_element(By.ID, "login-id").is_displayed(), timeout=idle + 10, what="the idle lock")
        self.assertIn("锁定", text_of(driver, "#login-error"))
        screenshot(driver, "3b-desk-idle-locked")
        shown = page_text(driver)
        for secret in [holder, masked, number, "clerk1"]:
            self.assertNotIn(secret, shown, "nothing of the session stays on the locked screen")
        status, _, body = self.terminal.get(f"/api/cards/{number}", token)
        self.assertEqual(status, 401, body)
        self.sign_in("clerk1")
        self.signed_in()
        self.open_card(number)

    def test_loss_replacement_and_cancellation(self):
        """The resident's active card reported lost (asked twice), replaced by a new one, which a supervisor cancels."""
        driver = self.driver
        _, lost = card_data(1, self.directory)
        _, successor = card_data(43, self.directory)
        self.sign_in("clerk1")
        self.signed_in()
        self.open_card(lost)
        self.assertEqual(self.card_status(), "active")
        click(driver, '[data-card="lost"]')
        driver.switch_to.alert.dismiss()
        time.sleep(0.5)
        self.assertEqual(self.card_status(), "active", "nothing happens when the clerk says no")
        click(driver, '[data-card="lost"]')
        driver.switch_to.alert.accept()
        wait(lambda: self.card_status() == "lost", what="the loss report")
        driver.find_element(By.ID, "replace-number").send_keys(successor)
        click(driver, '#replace-form button[type="submit"]')
        wait(lambda: driver.execute_script("return document.querySelector('#card-details dd')?.textContent") == successor,
             what="the new card")
        self.assertEqual(self.card_status(), "applied")
        screenshot(driver, "39-desk-replaced")
        # Cancelling is a supervisor's: the clerk is told so, and the card stays as it was.
        click(driver, '[data-card="cancelled"]')
        driver.switch_to.alert.accept()
        wait(lambda: "error" in driver.execute_script(
            "return document.querySelector('#card-message p')?.className || ''"), what="the refusal")
        self.assertEqual(self.card_status(), "applied")
        self.sign_out()
        self.sign_in("supervisor1")
        self.signed_in()
        self.open_card(successor)
        click(driver, '[data-card="cancelled"]')
        driver.switch_to.alert.accept()
        wait(lambda: self.card_status() == "cancelled", what="the cancellation")
        self.open_card(lost)
        self.assertEqual(self.card_status(), "replaced")

    def test_clerk_journey_from_intake_to_an_active_card(self):
        driver = self.driver
        holder, _ = card_data(1, self.directory)
        _, card_number = card_data(42, self.directory)

        self.sign_in("clerk1")
        self.signed_in()
        check_screen(self, driver, "32-desk-intake")
        # Each field is checked as it is typed, with the service's own words.
        Select(driver.find_element(By.ID, "intake-kind")).select_by_value("card-application")
        id_field = driver.find_element(By.ID, "intake-id")
        id_field.send_keys(holder[:-1] + ("1" if holder[-1] != "1" else "2"))
        wait(lambda: "身份证号码有误" in text_of(driver, "#intake-id-message"), what="the ID number's message")
        self.assertEqual(id_field.get_attribute("aria-invalid"), "true")
        phone = driver.find_element(By.ID, "intake-phone")
        phone.send_keys("12345")
        wait(lambda: "电话号码有误" in text_of(driver, "#intake-phone-message"), what="the phone's message")
        check_screen(self, driver, "33-desk-intake-invalid")
        id_field.clear()
        id_field.send_keys(holder)
        phone.clear()
        phone.send_keys("13800138000")
        wait(lambda: id_field.get_attribute("aria-invalid") == "false" and text_of(driver, "#intake-id-message") == "",
             what="the ID number accepted")
        click(driver, '#intake-form button[type="submit"]')
        application = wait(lambda: driver.find_element(By.ID, "intake-application").text, what="the application")
        self.assertTrue(application)

        driver.find_element(By.ID, "request-card").send_keys(card_number)
        driver.find_element(By.ID, "request-id").send_keys(holder)
        click(driver, '#request-form button[type="submit"]')
        wait(lambda: card_number in text_of(driver, "#request-result"), what="the card request")

        # A clerk may not approve production; a supervisor does.
        self.open_card(card_number)
        click(driver, '[data-card="in-production"]')
        wait(lambda: text_of(driver, "#card-message"), what="the refusal")
        self.assertEqual(self.card_status(), "applied")
        self.sign_out()
        self.sign_in("supervisor1")
        self.signed_in()
        self.open_card(card_number)
        click(driver, '[data-card="in-production"]')
        wait(lambda: self.card_status() == "in-production", what="production approved")
        self.sign_out()

        self.sign_in("clerk1")
        self.signed_in()
        click(driver, "#tab-queue")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, f'[data-select="{card_number}"]'), what="the card in the queue")
        check_screen(self, driver, "34-desk-queue")
        click(driver, f'[data-select="{card_number}"]')
        wait(lambda: self.card_status() == "in-production", what="the card opened from the queue")

        # The blank card in the desk reader, pulled out while it is written, then put back.
        blank = card_image(42, self.directory, blank=True)
        rig("card", "insert", "ss-card", "0", blank)
        driver.find_element(By.ID, "personalise-pin").send_keys("123456")
        click(driver, '#personalise-form button[type="submit"]')
        wait(lambda: "/" in text_of(driver, "#personalise-status"), timeout=30, what="the first progress step")
        rig("card", "remove", "0")
        wait(lambda: driver.find_elements(By.ID, "personalise-error"), timeout=60, what="the interruption")
        self.assertIn("写卡中断", text_of(driver, "#personalise-error"))
        screenshot(driver, "35-desk-interrupted")
        self.open_card(card_number)
        self.assertEqual(self.card_status(), "in-production", "the record is unchanged")
        rig("card", "insert", "ss-card", "0", blank)
        driver.find_element(By.ID, "personalise-pin").send_keys("123456")
        click(driver, '#personalise-form button[type="submit"]')
        wait(lambda: self.card_status() == "ready-at-desk", timeout=120, what="the card written")
        check_screen(self, driver, "36-desk-personalised")

        # The resident's photo from a studio's file, checked and kept; it goes on the face.
        driver.find_element(By.ID, "photo-file").send_keys(str(card_photo(self.directory)))
        click(driver, '#photo-form button[type="submit"]')
        wait(lambda: "符合标准" in text_of(driver, "#photo-status"), what="the photo kept")
        wait(lambda: driver.find_element(By.ID, "photo-preview").is_displayed(), what="the photo shown")
        click(driver, "#print-face")
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, '#face-status [data-state="completed"]'), timeout=90,
             what="the card face printed")
        key = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => n.includes('/api/print/desk-')).pop()").rsplit("/", 1)[-1]
        faces = spooled("card", key)
        self.assertEqual(len(faces), 1, f"card face {key} in the card printer's spool")
        images = subprocess.run(["pdfimages", "-list", str(faces[0])], capture_output=True, text=True, check=True).stdout
        self.assertRegex(images, r"\b358\s+441\b", "the photo printed on the card face")

        # Two people for a new card: the clerk who wrote it may not hand it out; a colleague does.
        click(driver, '[data-card="issued"]')
        wait(lambda: "另一位" in text_of(driver, "#card-message"), what="the personaliser refused")
        self.assertEqual(self.card_status(), "ready-at-desk")
        self.sign_out()
        self.sign_in("clerk2")
        self.signed_in()
        self.open_card(card_number)
        click(driver, '[data-card="issued"]')
        wait(lambda: self.card_status() == "issued", what="the card issued")
        click(driver, '[data-card="active"]')
        wait(lambda: self.card_status() == "active", what="the card activated")
        check_screen(self, driver, "37-desk-active")
        steps = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#card-details tbody tr")]
        self.assertEqual([s.split()[1] for s in steps],
                         ["clerk1", "supervisor1", "clerk1", "clerk2", "clerk2"])

        # The day's figures, as a supervisor sees them.
        self.sign_out()
        self.sign_in("supervisor1")
        self.signed_in()
        click(driver, "#tab-day")
        wait(lambda: driver.find_elements(By.ID, "same-day-rate"), what="the day's figures")
        self.assertIn("社会保障卡申领", text_of(driver, "#day-statistics"))
        wait(lambda: "卡片状态变更: 已启用" in text_of(driver, "#day-ledger"), what="the ledger in words")
        check_screen(self, driver, "38-desk-day")


if __name__ == "__main__":
    unittest.main()
