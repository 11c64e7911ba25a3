// The resident's kiosk: card in, PIN on a shuffled pad, a menu of large buttons, results, card
// out. The session's token lives in this closure only; when the session ends every screen that
// held the person is emptied, and a reload starts from nothing.
"use strict";

(() => {
  const { t, el, table, api, errorText, yuan, randomKey, say } = Pages;
  const $ = (id) => document.getElementById(id);
  const PIN_LENGTH = 6;

  let token = null;
  let digits = [];
  // What the PIN pad is for: "session" (open it), or the three steps of a PIN change.
  let pinMode = "session";
  // The card insertion the PIN pad is for ("card" of pin-required): sent with the PIN, so a PIN
  // typed for a card swapped out meanwhile never reaches the card swapped in.
  let pinCard = null;
  let oldPIN = null;
  let newPIN = null;
  let printKey = null;
  let printPoll = null;
  let current = "screen-attract";
  // The screen "back" returns to from a result.
  let backTo = "screen-menu";

  // MARK: Screens

  function show(id) {
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== id;
    current = id;
    say($(id).dataset.prompt);
  }

  function message(key) {
    $("message-text").textContent = t(key);
    show("screen-message");
  }

  /// Empties every place the person's data may have reached, and forgets the token.
  function forgetPerson() {
    token = null;
    digits = [];
    oldPIN = newPIN = null;
    printKey = null;
    $("menu-retiree").hidden = true;
    $("rating-thanks").replaceChildren();
    delete $("screen-printing").dataset.job;
    clearInterval(printPoll);
    for (const id of ["result-title", "result-body", "result-actions", "print-title", "print-message",
      "pin-error", "message-text", "receipt-answer"]) $(id).replaceChildren();
    $("print-bar").style.width = "0";
    $("idle").hidden = true;
    drawDots();
  }

  function toAttract() {
    forgetPerson();
    Pages.resetOptions();
    show("screen-attract");
  }

  // MARK: PIN pad

  /// Ten digits in a new random order each time the pad is shown (a Fisher-Yates shuffle).
  function shufflePad() {
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const random = crypto.getRandomValues(new Uint32Array(order.length));
    for (let i = order.length - 1; i > 0; i--) {
      const j = random[i] % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    $("pin-pad").replaceChildren(...order.map((digit) =>
      el("button", { type: "button", class: "digit", "data-digit": digit, onclick: () => press(digit) }, digit)));
  }

  function drawDots() {
    const dots = $("pin-dots");
    dots.replaceChildren(
      ...Array.from({ length: PIN_LENGTH }, (_, i) =>
        el("span", { class: i < digits.length ? "dot filled" : "dot", "aria-hidden": "true" }, i < digits.length ? "●" : "")),
      el("span", { class: "visually-hidden" }, `${t("pinEntered")} ${digits.length}/${PIN_LENGTH}`));
  }

  function press(digit) {
    if (digits.length < PIN_LENGTH) digits.push(digit);
    drawDots();
    if (digits.length === PIN_LENGTH) $("pin-ok").focus();
  }

  function showPad(titleKey, errorText = "") {
    digits = [];
    $("pin-title").dataset.t = titleKey;
    $("pin-title").textContent = t(titleKey);
    $("screen-pin").dataset.prompt = titleKey;
    $("pin-error").textContent = errorText;
    $("pin-cancel").hidden = pinMode === "session";
    shufflePad();
    drawDots();
    show("screen-pin");
  }

  /// The pad for the session's PIN; after a wrong PIN it says how many tries are left.
  function startPIN(triesLeft, card, wrong = false) {
    pinMode = "session";
    pinCard = card ?? null;
    showPad("enterPIN", wrong && triesLeft !== undefined ? t("triesLeft", triesLeft) : "");
  }

  async function submitPad() {
    if (digits.length !== PIN_LENGTH) return;
    const pin = digits.join("");
    digits = [];
    drawDots();
    if (pinMode === "session") return openSession(pin);
    if (pinMode === "change-old") {
      oldPIN = pin;
      pinMode = "change-new";
      return showPad("pinNew");
    }
    if (pinMode === "change-new") {
      newPIN = pin;
      pinMode = "change-again";
      return showPad("pinAgain");
    }
    if (pin !== newPIN) {
      pinMode = "change-old";
      oldPIN = newPIN = null;
      return showPad("pinOld", t("pinMismatch"));
    }
    const reply = await api("POST", "/api/me/pin", { token, body: { old: oldPIN, new: newPIN } });
    oldPIN = newPIN = null;
    pinMode = "session";
    if (reply.status === 204) return result("menuPIN", [el("p", { class: "big" }, t("pinChanged"))]);
    result("menuPIN", [el("p", { class: "big error", role: "alert" }, errorText(reply.json))]);
  }

  async function openSession(pin) {
    const reply = await api("POST", "/api/session/pin", { body: pinCard ? { pin, card: pinCard } : { pin } });
    if (reply.status === 201) {
      token = reply.json.token;
      rated = false;
      // The check is offered to those on the year's list only: those who draw a pension.
      const check = await api("GET", "/api/me/retiree-check", { token });
      $("menu-retiree").hidden = check.status !== 200;
      return show("screen-menu");
    }
    if (reply.json.code === "wrong-pin") {
      const session = await api("GET", "/api/session");
      return startPIN(session.json.triesLeft, session.json.card, true);
    }
    if (reply.json.code === "pin-blocked") return show("screen-blocked");
    showPad("enterPIN", errorText(reply.json));
  }

  // MARK: Results

  function result(titleKey, body, actions = [], back = "screen-menu") {
    backTo = back;
    $("result-title").dataset.t = titleKey;
    $("result-title").textContent = t(titleKey);
    $("result-body").replaceChildren(...body);
    $("result-actions").replaceChildren(...actions);
    show("screen-result");
  }

  function loading(titleKey) { result(titleKey, [el("p", { class: "big" }, t("loading"))]); }

  /// A failed call: a session that has gone sends the page back to the start.
  function failed(titleKey, reply) {
    if (reply.status === 401) return endSession();
    result(titleKey, [el("p", { class: "big error", role: "alert" }, errorText(reply.json))]);
  }

  function printButton(document) {
    return el("button", { type: "button", class: "primary", "data-print": document, onclick: () => startPrint(document) },
      `${t("menuPrint")}${Pages.language === "zh" ? "：" : ": "}${t(document)}`);
  }

  function asOf(date) {
    return date ? el("p", { class: "as-of" }, `${t("asOf")}: ${new Date(date).toLocaleString(Pages.language === "zh" ? "zh-CN" : "en-GB")}`) : null;
  }

  /// Applications as the resident sees them: the step, the level that has it, a paused clock,
  /// lateness, a refusal's reason and the due day of an open one.
  function progressTable(applications) {
    const day = (instant) => new Date(instant).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" });
    return table(["applicationKind", "status", "handledAt", "submittedOn", "dueBy"], applications.map((application) => {
      const notes = [t(`app-status-${application.status}`)];
      if (application.awaitingMaterials) notes.push(t("waitingMark"));
      if (application.overdue) notes.push(t("overdueMark"));
      else if (application.dueSoon) notes.push(t("dueSoonMark"));
      if (application.rejectionReason) notes.push(t(`reason-${application.rejectionReason}`));
      if (application.rejectionNote) notes.push(application.rejectionNote);
      const open = !application.completedAt && !["rejected", "withdrawn"].includes(application.status);
      return [t(application.kind),
        el("span", { "data-application": application.id, "data-status": application.status,
          class: application.overdue ? "error" : null }, notes.join(" · ")),
        open ? el("span", { "data-level": application.level }, t(`level-${application.level}`)) : "—",
        day(application.submittedAt), open ? day(application.deadline) : "—"];
    }));
  }

  const actions = {
    async person() {
      loading("menuPerson");
      const reply = await api("GET", "/api/me", { token });
      if (reply.status !== 200) return failed("menuPerson", reply);
      const { person, enrolments, asOf: freshness } = reply.json;
      result("menuPerson", [
        el("dl", { class: "person" },
          el("dt", {}, t("name")), el("dd", {}, person.name),
          el("dt", {}, t("idNumber")), el("dd", {}, person.idNumber)),
        table(["insurance", "since", "status", "unit"],
          enrolments.map((e) => [t(e.insurance), e.since, t(e.status), e.unit])),
        asOf(freshness),
      ], [printButton("proof-of-insurance")]);
    },

    async contributions() {
      loading("menuContributions");
      const reply = await api("GET", "/api/me/contributions", { token });
      if (reply.status !== 200) return failed("menuContributions", reply);
      result("menuContributions", [
        table(["month", "insurance", "base", "personal", "employer", "paid"],
          reply.json.map((c) =>
            [c.month, t(c.insurance), yuan(c.baseFen), yuan(c.personalFen), yuan(c.employerFen), t(c.paid ? "yes" : "no")])),
      ], [printButton("contribution-statement")]);
    },

    async payments() {
      loading("menuPayments");
      const reply = await api("GET", "/api/me/pension-payments", { token });
      if (reply.status !== 200) return failed("menuPayments", reply);
      result("menuPayments", [
        table(["month", "amount", "account"], reply.json.map((p) => [p.month, yuan(p.amountFen), p.accountMasked])),
      ]);
    },

    /// The residents' pension's personal account, year by year.
    async pensionAccount() {
      loading("menuPensionAccount");
      const reply = await api("GET", "/api/me/pension-account", { token });
      if (reply.status !== 200) return failed("menuPensionAccount", reply);
      if (reply.json.years.length === 0) return result("menuPensionAccount", [el("p", { class: "big" }, t("noPensionAccount"))]);
      result("menuPensionAccount", [
        el("p", { class: "big", id: "pension-balance" }, `${t("accountBalance")}: ${yuan(reply.json.balanceFen)}`),
        table(["accountYear", "accountMonths", "accountPersonal", "accountSubsidy", "accountBalance"],
          reply.json.years.map((y) => [String(y.year), String(y.monthsPaid), yuan(y.personalFen), yuan(y.subsidyFen),
            yuan(y.balanceFen)])),
        el("p", { class: "hint" }, t("accountNoInterest")),
      ], [printButton("pension-account-statement")]);
    },

    async retiree() {
      loading("menuRetiree");
      const reply = await api("GET", "/api/me/retiree-check", { token });
      if (reply.status !== 200) return failed("menuRetiree", reply);
      const open = ["due", "overdue"].includes(reply.json.state);
      result("menuRetiree", retireeCheck(reply.json), open ? [
        el("button", { type: "button", class: "primary", id: "retiree-certify", onclick: certify }, t("retireeCertify")),
      ] : []);
    },

    apply() {
      const kinds = ["employment-registration", "unemployment-registration", "training-sign-up"];
      result("applyTitle", [el("div", { class: "menu" },
        kinds.map((kind) => el("button", { type: "button", "data-kind": kind,
          onclick: () => (kind === "training-sign-up" ? chooseCourse() : apply(kind)) }, t(kind))))]);
    },

    async progress() {
      loading("menuProgress");
      const reply = await api("GET", "/api/me/applications", { token });
      if (reply.status !== 200) return failed("menuProgress", reply);
      if (reply.json.length === 0) return result("menuProgress", [el("p", { class: "big" }, t("noApplications"))]);
      result("menuProgress", [el("p", {}, t("progressWhy")), progressTable(reply.json)]);
    },

    /// The resident's appointments to come, each with its cancel button, and a new one to book.
    async appointments() {
      loading("menuAppointments");
      const reply = await api("GET", "/api/me/appointments", { token });
      if (reply.status !== 200) return failed("menuAppointments", reply);
      const open = reply.json.filter((a) => a.state === "booked" || a.state === "assigned");
      result("menuAppointments", [open.length
        ? table(["appointmentService", "appointmentWhen", "status", "appointmentCancel"], open.map((a) => [
          a.serviceName, `${a.day} ${a.slot ?? ""}`, a.stateName,
          el("button", { type: "button", class: "secondary", "data-cancel": a.id, onclick: () => cancelAppointment(a) },
            t("appointmentCancel"))]))
        : el("p", { class: "big" }, t("noAppointments"))], [
        el("button", { type: "button", class: "primary", id: "appointment-new", onclick: chooseAppointmentService },
          t("appointmentNew"))]);
    },

    print() {
      result("printTitle", [el("div", { class: "menu" },
        ["proof-of-insurance", "contribution-statement"].map((document) =>
          el("button", { type: "button", "data-document": document, onclick: () => startPrint(document) }, t(document))))]);
    },

    pin() {
      pinMode = "change-old";
      showPad("pinOld");
    },

    loss() {
      result("lossTitle", [el("p", { class: "big" }, t("lossConfirm"))], [
        el("button", { type: "button", class: "danger", id: "loss-confirm", onclick: reportLoss }, t("lossConfirmButton")),
      ]);
    },

    /// Before the session ends, the resident rates it once (or skips).
    async finish() {
      if (token && !rated) return askRating();
      return leave();
    },
  };

  async function leave() {
    const held = token;
    forgetPerson();
    if (held) await api("DELETE", "/api/session", { token: held });
    const session = await api("GET", "/api/session");
    if (session.json.state === "idle") toAttract();
    else show("screen-take");
  }

  // MARK: Rating the service

  /// Whether this session's rating was given or skipped.
  let rated = false;

  function askRating() {
    $("rating-levels").hidden = false;
    $("rating-reasons").hidden = true;
    $("rating-thanks").replaceChildren();
    show("screen-rating");
  }

  /// Keeps the rating (the service refuses a second one), thanks the resident, then ends the session.
  async function rate(level, reason) {
    rated = true;
    $("rating-levels").hidden = $("rating-reasons").hidden = true;
    await api("POST", "/api/ratings", { token, body: reason ? { level, reason } : { level } });
    $("rating-thanks").textContent = t("ratingThanks");
    setTimeout(leave, 1500);
  }

  for (const button of document.querySelectorAll("[data-rating]")) {
    button.addEventListener("click", () => {
      if (button.dataset.rating !== "dissatisfied") return rate(button.dataset.rating);
      $("rating-levels").hidden = true;
      $("rating-reasons").hidden = false;
    });
  }
  for (const button of document.querySelectorAll("[data-reason]")) {
    // The county reads the reasons in Chinese, whichever language the resident chose.
    button.addEventListener("click", () => rate("dissatisfied", button.dataset.reason && Pages.chinese(button.dataset.reason)));
  }
  $("rating-skip").addEventListener("click", () => {
    rated = true;
    leave();
  });

  /// The courses taking sign-ups, each with its button; or the wish for training with none chosen.
  async function chooseCourse() {
    loading("chooseCourse");
    const reply = await api("GET", "/api/courses");
    const courses = reply.status === 200 ? reply.json : [];
    result("chooseCourse", [courseTable(courses, (course) => course.takesSignUps
      ? el("button", { type: "button", class: "primary", "data-course": course.id,
        onclick: () => apply("training-sign-up", { course: course.id }) }, t("courseSignUp"))
      : t("courseClosedNote"))], [
      el("button", { type: "button", id: "course-wish", onclick: () => apply("training-sign-up") }, t("courseWish")),
    ]);
  }

  /// Courses as a table; `action` gives the last cell of each, if any.
  function courseTable(courses, action) {
    if (courses.length === 0) return el("p", { class: "big" }, t("coursesNone"));
    const headers = ["courseTitle", "courseProvider", "coursePlace", "courseDates", "courseSignUpUntil", "courseSeatsLeft"];
    return table(action ? [...headers, "courseSignUp"] : headers, courses.map((course) => [
      el("span", { "data-course-title": course.id }, course.title), course.provider, course.place,
      `${course.startsOn} – ${course.endsOn}`, course.signUpUntil, String(course.seatsLeft),
      ...(action ? [action(course)] : [])]));
  }

  async function apply(kind, details) {
    loading("menuApply");
    const reply = await api("POST", "/api/me/applications", { token, body: { kind, details } });
    if (reply.status !== 201) return failed("menuApply", reply);
    const application = reply.json;
    result("applied", [
      el("p", { class: "big" }, t(kind)),
      el("dl", { class: "person" },
        el("dt", {}, t("applicationNumber")), el("dd", { id: "application-id" }, application.id),
        el("dt", {}, t("deadline")), el("dd", {}, application.deadline.slice(0, 10))),
    ], [el("button", { type: "button", class: "primary",
      onclick: () => startPrint("application-receipt", { applicationId: application.id }) }, t("printReceipt"))]);
  }

  // MARK: Appointments

  const appointmentServices = ["card-application", "card-replacement", "resident-pension-enrolment",
    "employment-registration", "unemployment-registration", "employment-difficulty", "flexible-employment-registration"];

  function chooseAppointmentService() {
    result("appointmentChooseService", [el("div", { class: "menu" }, appointmentServices.map((service) =>
      el("button", { type: "button", "data-service": service, onclick: () => chooseAppointmentDay(service) }, t(service))))]);
  }

  /// The next two weeks' weekdays; a holiday among them is refused by the service in plain words.
  function chooseAppointmentDay(service) {
    const days = [];
    for (let ahead = 1; ahead <= 14; ahead += 1) {
      const day = Pages.chinaDay(Date.now() + ahead * 86400000);
      const weekday = new Date(`${day}T12:00:00+08:00`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) days.push(day);
    }
    result("appointmentChooseDay", [el("div", { class: "menu" }, days.map((day) =>
      el("button", { type: "button", "data-day": day, onclick: () => chooseAppointmentSlot(service, day) }, day)))]);
  }

  async function chooseAppointmentSlot(service, day) {
    loading("appointmentChooseSlot");
    const reply = await api("GET", `/api/appointments/slots?day=${day}`);
    if (reply.status !== 200) return failed("appointmentChooseSlot", reply);
    result("appointmentChooseSlot", [el("p", { class: "big" }, `${t(service)} · ${day}`),
      el("div", { class: "menu" }, reply.json.map((s) => el("button", {
        type: "button", "data-slot": s.slot, disabled: s.left === 0,
        onclick: () => bookAppointment(service, day, s.slot),
      }, s.left === 0 ? `${s.slot}（${t("slotFullNote")}）` : `${s.slot}（${t("slotLeft")} ${s.left}）`)))]);
  }

  async function bookAppointment(service, day, slot) {
    loading("menuAppointments");
    const reply = await api("POST", "/api/me/appointments", { token, body: { service, day, slot } });
    if (reply.status !== 201) return failed("menuAppointments", reply);
    result("menuAppointments", [el("p", { class: "big", id: "appointment-booked" }, t("appointmentBooked")),
      el("dl", { class: "person" },
        el("dt", {}, t("appointmentService")), el("dd", {}, reply.json.serviceName),
        el("dt", {}, t("appointmentWhen")), el("dd", { id: "appointment-when" }, `${reply.json.day} ${reply.json.slot}`))]);
  }

  async function cancelAppointment(appointment) {
    const reply = await api("POST", `/api/me/appointments/${encodeURIComponent(appointment.id)}/cancel`, { token });
    if (reply.status !== 200) return failed("menuAppointments", reply);
    actions.appointments();
  }

  /// Where the resident's check stands, and the day the next is due.
  function retireeCheck(check) {
    return [
      el("p", { class: "big", id: "retiree-state" }, t(`retiree-${check.state}`)),
      el("dl", { class: "person" },
        el("dt", {}, t("retireeYear")), el("dd", {}, String(check.year)),
        el("dt", {}, t("retireeNextDue")), el("dd", { id: "retiree-next" }, Pages.chinaDay(check.nextDueBy))),
      el("p", {}, t(["due", "overdue"].includes(check.state) ? "retireeHowTo" : "retireeDone")),
    ];
  }

  async function certify() {
    loading("menuRetiree");
    const reply = await api("POST", "/api/me/retiree-check", { token });
    if (reply.status !== 200) return failed("menuRetiree", reply);
    result("menuRetiree", retireeCheck(reply.json));
  }

  async function reportLoss() {
    loading("lossTitle");
    const reply = await api("POST", "/api/me/loss-report", { token });
    if (reply.status !== 200) return failed("lossTitle", reply);
    result("lossTitle", [el("p", { class: "big" }, t("lossDone"))]);
  }

  // MARK: Printing

  const progress = { queued: "25%", printing: "60%", waiting: "60%", completed: "100%", failed: "100%" };

  function showJob(job) {
    $("print-message").textContent = Pages.language === "zh" ? job.messageChinese : job.message;
    $("print-message").className = job.state === "waiting" || job.state === "failed" ? "big error" : "big";
    $("print-bar").style.width = progress[job.state] ?? "10%";
    $("print-bar").className = job.state === "waiting" || job.state === "failed" ? "fault" : "";
    if (job.state === "completed" || job.state === "failed") clearInterval(printPoll);
  }

  async function startPrint(document, extra = {}) {
    printKey = randomKey("kiosk-");
    // The job's key (no personal data) for whoever follows it: a technician, the browser tests.
    $("screen-printing").dataset.job = printKey;
    clearInterval(printPoll);
    $("print-title").textContent = t(document);
    $("print-message").textContent = t("printQueued");
    $("print-message").className = "big";
    $("print-bar").style.width = "10%";
    show("screen-printing");
    const reply = await api("POST", "/api/me/print", { token, body: { key: printKey, document, ...extra } });
    if (reply.status !== 201 && reply.status !== 200) {
      if (reply.status === 401) return endSession();
      $("print-message").textContent = errorText(reply.json);
      $("print-message").className = "big error";
      return;
    }
    showJob(reply.json);
    const key = printKey;
    // The event stream says when the job moves; polling too keeps the page right if an event is missed.
    printPoll = setInterval(async () => {
      if (!token || key !== printKey) return clearInterval(printPoll);
      const status = await api("GET", `/api/print/${key}`, { token });
      if (status.status === 200 && key === printKey) showJob(status.json);
    }, 2000);
  }

  // MARK: A receipt scanned with no card in

  /// The scanner types the receipt's code into the field and ends it with Enter. No card, no PIN:
  /// the answer is the application's step and the holder's name masked.
  function openReceipt() {
    $("receipt-answer").replaceChildren();
    $("receipt-code").value = "";
    show("screen-receipt");
    $("receipt-code").focus();
  }

  // MARK: Service guides (办事指南), with no card in

  let guides = [];
  /// The guide or notice on the screen: where its speech is, and the list to go back to.
  let guideShown = null;
  let guidesTimer = null;

  /// Back to the attract screen after two minutes without a touch, so the next person finds it.
  function armGuidesTimer() {
    clearTimeout(guidesTimer);
    guidesTimer = setTimeout(() => { if (current === "screen-guides") toAttract(); }, 120_000);
  }

  async function openGuides() {
    guideShown = null;
    title("guidesOpen", "guidesHint");
    $("guide-read").hidden = true;
    $("guides-body").replaceChildren(el("p", { class: "big" }, t("loading")));
    show("screen-guides");
    armGuidesTimer();
    const reply = await api("GET", "/api/guides");
    guides = reply.status === 200 ? reply.json : [];
    $("guides-body").replaceChildren(guides.length
      ? el("div", { class: "menu" }, guides.map((guide) =>
        el("button", { type: "button", "data-guide": guide.kind, onclick: () => showGuide(guide) }, guide.service)))
      : el("p", { class: "big" }, t("guidesNone")));
  }

  /// The guides' screen's heading and hint, kept in the language the resident switches to.
  function title(heading, hint) {
    for (const [id, key] of [["guides-title", heading], ["guides-hint", hint]]) {
      $(id).dataset.t = key;
      $(id).textContent = t(key);
    }
  }

  /// The county's notices shown today, on the same screen as the guides; each read aloud on request.
  async function openNotices() {
    guideShown = null;
    $("guide-read").hidden = true;
    title("noticesOpen", "noticesHint");
    $("guides-body").replaceChildren(el("p", { class: "big" }, t("loading")));
    show("screen-guides");
    armGuidesTimer();
    const reply = await api("GET", "/api/notices");
    const notices = reply.status === 200 ? reply.json : [];
    $("guides-body").replaceChildren(notices.length
      ? el("div", { class: "menu" }, notices.map((notice) =>
        el("button", { type: "button", "data-notice": notice.id, onclick: () => showNotice(notice) }, notice.title)))
      : el("p", { class: "big" }, t("noticesNone")));
  }

  function showNotice(notice) {
    guideShown = { speech: `/kiosk/speech/notice/${encodeURIComponent(notice.id)}`, back: openNotices };
    armGuidesTimer();
    $("guides-body").replaceChildren(
      el("h3", { id: "notice-title" }, notice.title),
      el("p", { class: "big notice-body" }, notice.body),
      el("p", { class: "hint" }, `${notice.from} – ${notice.until}`));
    $("guide-read").hidden = !document.getElementById("toggle-speech");
  }

  /// The county's training courses, on the same screen as the guides: signing up needs the card.
  async function openCourses() {
    guideShown = null;
    $("guide-read").hidden = true;
    title("coursesOpen", "coursesHint");
    $("guides-body").replaceChildren(el("p", { class: "big" }, t("loading")));
    show("screen-guides");
    armGuidesTimer();
    const reply = await api("GET", "/api/courses");
    $("guides-body").replaceChildren(courseTable(reply.status === 200 ? reply.json : []));
  }

  /// The county's job postings, on the same screen as the guides, narrowed by touching a kind, a
  /// skill or a place; each choice asks the service again.
  async function openJobs(filter = {}) {
    guideShown = null;
    $("guide-read").hidden = true;
    title("jobsOpen", "jobsHint");
    $("guides-body").replaceChildren(el("p", { class: "big" }, t("loading")));
    show("screen-guides");
    armGuidesTimer();
    const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value)).toString();
    const [all, chosen] = await Promise.all([api("GET", "/api/jobs"), api("GET", `/api/jobs${query ? `?${query}` : ""}`)]);
    const every = all.status === 200 ? all.json : [];
    const jobs = chosen.status === 200 ? chosen.json : [];
    if (every.length === 0) return $("guides-body").replaceChildren(el("p", { class: "big" }, t("jobsNone")));
    const places = new Map(every.map((job) => [job.regionCode, job.place || job.regionCode]));
    const chips = (label, name, values, text) => el("div", { class: "row chips", role: "group", "aria-label": t(label) },
      el("span", { class: "chip-label" }, t(label)),
      ["", ...values].map((value) => el("button", {
        type: "button", class: "secondary", "data-filter": name, "data-value": value,
        "aria-pressed": String((filter[name] ?? "") === value),
        onclick: () => openJobs({ ...filter, [name]: value }),
      }, value ? text(value) : t("jobsAll"))));
    $("guides-body").replaceChildren(
      chips("jobFilterKind", "kind", [...new Set(every.map((job) => job.kind))], (kind) => t(`jobKind-${kind}`)),
      chips("jobFilterSkill", "skill", [...new Set(every.flatMap((job) => job.skills))].sort(), (skill) => skill),
      chips("jobFilterPlace", "village", [...places.keys()].sort(), (code) => places.get(code)),
      jobs.length
        ? table(["jobTitle", "jobKind", "jobEmployer", "jobPlace", "jobSkills", "jobWage", "jobContact"], jobs.map((job) => [
          el("span", { "data-job": job.id }, job.title), t(`jobKind-${job.kind}`), job.employer, job.place,
          job.skills.join("、"), `${yuan(job.monthlyWageFromFen)}–${yuan(job.monthlyWageToFen)}`, job.contact]))
        : el("p", { class: "big" }, t("jobsNone")));
  }

  function showGuide(guide) {
    guideShown = { speech: `/kiosk/speech/guide/${encodeURIComponent(guide.kind)}`, back: openGuides };
    armGuidesTimer();
    const list = (items) => el("ol", {}, items.map((item) => el("li", {}, item)));
    $("guides-body").replaceChildren(
      el("h3", { id: "guide-service" }, guide.service),
      el("dl", { class: "person" },
        el("dt", {}, t("guideTimeLimit")),
        el("dd", { id: "guide-limit" }, guide.timeLimitDays ? `${guide.timeLimitDays} ${t("workingDays")}` : t("sameDay")),
        el("dt", {}, t("guideFee")), el("dd", {}, guide.fee)),
      el("h3", {}, t("guideMaterials")), list(guide.materials),
      el("h3", {}, t("guideSteps")), list(guide.steps),
      el("p", { class: "hint" }, `${t("guideBasis")}: ${guide.legalBasis}`));
    $("guide-read").hidden = !document.getElementById("toggle-speech");
  }

  async function checkReceipt(event) {
    event.preventDefault();
    // Base45 has a space in its alphabet: only the scanner's line ending is taken off.
    const qr = $("receipt-code").value.replace(/[\r\n]+$/, "");
    $("receipt-code").value = "";
    if (!qr) return;
    $("receipt-answer").replaceChildren(el("p", { class: "big" }, t("loading")));
    const reply = await api("POST", "/api/receipts/status", { body: { qr } });
    if (current !== "screen-receipt") return;
    $("receipt-answer").replaceChildren(...(reply.status === 200
      ? [el("p", { class: "big", id: "receipt-holder" }, `${t("name")}${Pages.language === "zh" ? "：" : ": "}${reply.json.holder ?? "—"}`),
        progressTable([reply.json.application])]
      : [el("p", { class: "big error", role: "alert" }, errorText(reply.json))]));
    $("receipt-code").focus();
  }

  // MARK: The session's end

  function endSession() {
    forgetPerson();
    api("GET", "/api/session").then((session) => {
      if (token) return;
      if (session.json.state === "idle") toAttract();
      else show("screen-take");
    });
  }

  // MARK: Events from the card reader and the service

  function onEvent(event) {
    switch (event.type) {
      case "pin-required":
        if (!token && ["screen-attract", "screen-message", "screen-receipt", "screen-guides"].includes(current)) {
          startPIN(event.triesLeft, event.card);
        }
        break;
      case "pin-blocked":
        if (!token) show("screen-blocked");
        break;
      case "card-unreadable":
        message("cardUnreadable");
        break;
      case "card-removed":
        toAttract();
        break;
      case "session-ended":
        if (token) endSession();
        break;
      case "idle-warning":
        if (!token) break;
        $("idle-seconds").textContent = String(event.secondsLeft);
        $("idle-text").textContent = t("idleWarning", event.secondsLeft);
        if ($("idle").hidden) {
          $("idle").hidden = false;
          $("idle-continue").focus();
          say("idleTitle");
        }
        break;
      case "print-job":
        if (event.job === printKey && event.state) showJob(event);
        break;
      case "reader-service-lost":
        forgetPerson();
        message("readerLost");
        break;
      case "reader-service-restored":
        sync();
        break;
    }
  }

  /// Puts the page where the service's session is; a page loaded mid-session has no token and
  /// shows nothing of the person.
  async function sync() {
    const session = await api("GET", "/api/session");
    if (token) return;
    switch (session.json.state) {
      case "pin-required": return session.json.triesLeft === undefined ? show("screen-take") : startPIN(session.json.triesLeft, session.json.card);
      case "pin-blocked": return show("screen-blocked");
      case "active": return show("screen-take");
      default: return toAttract();
    }
  }

  function connect() {
    const stream = new EventSource("/api/events");
    stream.onmessage = (message) => {
      try { onEvent(JSON.parse(message.data)); } catch { /* a malformed event changes nothing */ }
    };
    stream.onopen = () => sync();
  }

  // MARK: Wiring

  $("pin-delete").addEventListener("click", () => { digits.pop(); drawDots(); });
  $("pin-clear").addEventListener("click", () => { digits = []; drawDots(); });
  $("pin-ok").addEventListener("click", submitPad);
  $("pin-cancel").addEventListener("click", () => { pinMode = "session"; oldPIN = newPIN = null; show("screen-menu"); });
  for (const button of document.querySelectorAll("[data-action]")) {
    button.addEventListener("click", () => actions[button.dataset.action]());
  }
  for (const button of document.querySelectorAll(".back")) button.addEventListener("click", () => {
    clearInterval(printPoll);
    show(backTo);
  });
  $("receipt-open").addEventListener("click", openReceipt);
  $("guides-open").addEventListener("click", openGuides);
  $("jobs-open").addEventListener("click", () => openJobs());
  $("courses-open").addEventListener("click", openCourses);
  $("notices-open").addEventListener("click", openNotices);
  $("guides-back").addEventListener("click", () => (guideShown ? guideShown.back() : toAttract()));
  $("guide-read").addEventListener("click", () => { if (guideShown) Pages.play(guideShown.speech); });
  $("receipt-form").addEventListener("submit", checkReceipt);
  $("receipt-close").addEventListener("click", toAttract);
  $("idle-continue").addEventListener("click", async () => {
    $("idle").hidden = true;
    // Any call with the token counts as activity for the service's idle clock; the answer is dropped.
    const reply = await api("GET", "/api/me", { token });
    if (reply.status === 401) endSession();
  });
  document.addEventListener("languagechange", () => { if (current === "screen-pin") drawDots(); });
  document.addEventListener("speechchange", () => say($(current).dataset.prompt));
  // A page brought back from the back-forward cache is reloaded: it starts from nothing.
  window.addEventListener("pageshow", (event) => { if (event.persisted) location.reload(); });
  window.addEventListener("pagehide", forgetPerson);

  // MARK: Heartbeat

  // The page's sign of life for the kiosk shell's watchdog (packaging/kiosk): while this script
  // runs, the service hears from it every few seconds. A crashed, hung or navigated-away page falls
  // silent, and the launcher restarts Chromium. The id is new with each load of the page.
  const pageID = randomKey("page-");
  const heartbeat = () => api("POST", "/api/kiosk/heartbeat", { body: { page: pageID } });

  drawDots();
  connect();
  heartbeat();
  setInterval(heartbeat, 5000);
})();
