// The clerk's desk: sign-in, intake with each field checked as it is typed, case work (the
// worklist, a case with its person, history and the actions offered or why not), the issuance queue,
// a card's life (personalise with progress, print its face, issue, activate, loss, replacement,
// cancellation, the holder's full ID number for a stated purpose) and the day's figures and ledger.
// The staff token lives in this closure only; left idle, the desk locks and forgets it. ID numbers
// come from the service masked, and are shown as they come.
"use strict";

(() => {
  const { t, el, table, api, errorText, randomKey } = Pages;
  const $ = (id) => document.getElementById(id);
  const kinds = ["resident-pension-enrolment", "resident-pension-claim", "employment-registration", "unemployment-registration",
    "flexible-employment-registration", "employment-difficulty", "training-sign-up",
    "card-application", "card-replacement", "loss-report", "loss-report-lifting"];

  const purposes = ["identity-check", "paper-form", "centre-enquiry"];
  const statuses = ["submitted", "needs-review", "awaiting-materials", "approved", "rejected", "completed", "withdrawn"];
  const closings = ["already-at-centre", "superseded", "entered-in-error", "settled-with-centre"];
  const reasons = ["materials-missing", "not-eligible", "wrong-information", "duplicate", "wrong-level", "other"];
  /// The worklist's default: what is still to do.
  const openStatuses = ["submitted", "needs-review", "awaiting-materials", "approved"];

  let token = null;
  /// The signed-in member's staff id.
  let staffID = null;
  let role = null;
  let card = null;
  /// The case opened (its application), and the regions seen in the worklist, for the village filter.
  let openCase = null;
  const regionsSeen = new Set();
  /// The registration of the employment register opened, as the list gave it (with the name).
  let openJobSeeker = null;
  /// The labour dispute whose forms are open.
  let openDispute = null;
  let personalising = false;
  /// Seconds without input before the desk locks, as the service said at sign-in.
  let idleLock = null;
  let idleTimer = null;
  let activityReported = 0;

  function notice(target, text, ok = true) {
    $(target).replaceChildren(el("p", { class: ok ? "notice" : "error" }, text));
  }

  /// A call as the signed-in clerk; a lapsed sign-in goes back to the sign-in form.
  async function call(method, path, body) {
    const reply = await api(method, path, { token, body });
    if (reply.status === 401 && token) signOut("");
    return reply;
  }

  // MARK: Sign-in

  function showScreen(id) {
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== id;
  }

  Pages.staffSignIn({ session: "/api/staff/login", password: "/api/staff/password", signedIn });

  /// Opens the desk for the member a sign-in or a password change answered with.
  function signedIn(session) {
    token = session.token;
    staffID = session.id;
    role = session.role;
    idleLock = session.idleLockSeconds;
    armIdleLock();
    $("staff-name").textContent = session.name;
    $("staff-role").textContent = t(`role-${role}`);
    // Only a supervisor decides a suspension (and only at the county, which the service checks).
    $("suspension-form").hidden = role !== "supervisor";
    showScreen("screen-desk");
    selectTab("intake");
  }

  /// Forgets the token and everything shown; `message` goes on the sign-in form.
  async function signOut(message = t("signedOut")) {
    const held = token;
    token = staffID = role = card = null;
    clearTimeout(idleTimer);
    if (held) await api("POST", "/api/staff/logout", { token: held });
    openCase = null;
    regionsSeen.clear();
    $("case").hidden = true;
    for (const id of ["worklist", "case-id", "case-details", "case-message", "case-offers", "case-refusals",
      "case-history", "case-receipt-status", "review-message", "review-summary", "review-duplicates", "review-refused",
      "review-overdue", "review-due-soon", "review-late-promises", "review-late-disputes", "review-signed", "intake-result", "request-result", "queue-production", "queue-ready", "card-details",
      "card-message", "reader-card", "personalise-status", "face-status", "day-statistics", "day-ledger", "day-print-status",
      "photo-status", "staff-name", "staff-role", "retirees", "retirees-message", "retiree-result", "jobseekers", "jobseekers-message",
      "jobseeker-title", "jobseeker-result", "area-jobs", "job-result", "area-courses", "course-result", "appointments",
      "appointments-message", "appointment-result", "disputes", "disputes-message", "dispute-title", "dispute-summary",
      "dispute-sessions", "dispute-result"]) $(id).replaceChildren();
    openJobSeeker = openDispute = null;
    $("jobseeker").hidden = true;
    $("dispute").hidden = true;
    $("photo-preview").hidden = true;
    $("rating").hidden = true;
    $("photo-preview").removeAttribute("src");
    for (const input of document.querySelectorAll("input")) input.value = input.id === "personalise-ethnicity" ? "01" : "";
    $("card-actions").hidden = true;
    $("login-error").textContent = message;
    showScreen("screen-login");
  }
  $("logout").addEventListener("click", () => signOut());

  // MARK: The idle lock

  /// Starts the wait again: any input does. Past it, the screen is emptied and the token ended
  /// (the service ends it after as long without a call in any case); never in the middle of a write.
  /// Input is reported to the service now and then, so that a clerk typing a long form keeps the token.
  function armIdleLock() {
    clearTimeout(idleTimer);
    if (!token || !idleLock) return;
    idleTimer = setTimeout(() => (personalising ? armIdleLock() : signOut(t("idleLocked"))), idleLock * 1000);
    if (Date.now() - activityReported > (idleLock * 1000) / 4) {
      activityReported = Date.now();
      call("POST", "/api/staff/activity");
    }
  }
  for (const type of ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "input"]) {
    document.addEventListener(type, armIdleLock, { capture: true, passive: true });
  }

  // MARK: Tabs

  function selectTab(name) {
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const selected = tab.id === `tab-${name}`;
      tab.setAttribute("aria-selected", String(selected));
      $(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    if (name === "cases") loadWorklist();
    if (name === "queue") loadQueue();
    if (name === "review") loadReview();
    if (name === "retirees") loadRetirees();
    if (name === "employment") {
      loadJobSeekers();
      loadAreaJobs();
      loadAreaCourses();
    }
    if (name === "day") loadDay();
    if (name === "appointments") loadAppointments();
    if (name === "disputes") loadDisputes();
  }
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener("click", () => selectTab(tab.id.slice(4)));
  }

  // MARK: Intake, each field checked as it is typed

  function fillKinds() {
    for (const [select, values, key] of [["intake-kind", kinds, (k) => k], ["full-id-purpose", purposes, (p) => `purpose-${p}`],
      ["filter-status", ["open", ...statuses, ""], (s) => (s === "open" ? "caseOpen" : s ? `app-${s}` : "any")],
      ["filter-kind", ["", ...kinds], (k) => k || "any"],
      ["register-kind", ["", ...kinds], (k) => k || "any"],
      ["register-period", ["day", "month"], (p) => `register-${p}`],
      ["filter-owner", ["", "me", "none"], (o) => ({ "": "any", me: "ownerMe", none: "ownerNone" })[o]],
      ["filter-level", ["", "village", "township", "county"], (l) => (l ? `level-${l}` : "any")],
      ["filter-due-state", ["", "late", "soon"], (d) => (d ? `due-${d}` : "any")],
      ["reject-reason", reasons, (r) => `reason-${r}`],
      ["retiree-state", ["overdue", "due", "reported", "certified", "suspended", ""], (s) => (s ? `retiree-${s}` : "any")],
      ["life-event-kind", ["death", "moved-away"], (k) => `life-event-${k}`],
      ["jobseeker-filter", ["open", "late", "follow-up", "assisted", "all"], (f) => `jobseekers-${f}`],
      ["new-jobseeker-category", ["registered-unemployed", "job-seeker"], (c) => `jobseeker-category-${c}`],
      ["new-jobseeker-reason", ["contract-ended", "dismissed", "employer-closed", "resigned", "graduate-without-job",
        "returned-home", "other"], (r) => `unemployment-${r}`],
      ["follow-up-method", ["phone", "visit", "at-hall"], (m) => `follow-up-${m}`],
      ["closing-reason", ["employed", "moved-away", "no-longer-seeking", "retired"], (r) => `closing-${r}`],
      ["job-kind", ["full-time", "part-time", "seasonal", "public-welfare"], (k) => `jobKind-${k}`],
      ["call-kind", ["hall", "home-visit"], (k) => `appointmentKind-${k}`],
      ["call-service", kinds, (k) => k],
      ["call-slot", ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00",
        "16:30"], (s) => s],
      ["call-reason", ["elderly", "disabled", "ill"], (r) => `homeVisitReason-${r}`],
      ["dispute-filter", ["open", "late", "mine", "all"], (f) => `disputes-${f}`],
      ["new-dispute-kind", ["mediation", "petition"], (k) => `disputeKind-${k}`],
      ["new-dispute-category", ["unpaid-wages", "contract-termination", "social-insurance", "work-injury", "overtime",
        "other"], (c) => `disputeCategory-${c}`],
      ["dispute-decision", ["accept", "decline"], (d) => `disputeDecision-${d}`]]) {
      const chosen = $(select).value;
      $(select).replaceChildren(...values.map((value) => el("option", { value }, t(key(value)))));
      if (chosen) $(select).value = chosen;
    }
    fillRegions();
    // The kind first offered may ask for more (a grade, a course).
    $("intake-kind").dispatchEvent(new Event("change"));
  }

  /// The village filter: the jurisdiction, and each village seen in a worklist so far.
  function fillRegions() {
    const chosen = $("filter-region").value;
    $("filter-region").replaceChildren(el("option", { value: "" }, t("any")),
      ...[...regionsSeen].sort().map((code) => el("option", { value: code }, code)));
    $("filter-region").value = chosen;
  }

  const timers = new Map();
  /// Asks the service about the field a moment after typing stops; returns whether it is valid.
  async function check(input) {
    const message = $(input.getAttribute("aria-describedby"));
    if (!input.value) {
      input.removeAttribute("aria-invalid");
      message.textContent = "";
      return true;
    }
    const reply = await api("POST", "/api/validate", { body: { field: input.dataset.validate, value: input.value } });
    const valid = reply.status === 200 && reply.json.valid;
    input.setAttribute("aria-invalid", String(!valid));
    message.textContent = valid ? "" : errorText(reply.json);
    return valid;
  }
  for (const input of document.querySelectorAll("[data-validate]")) {
    input.addEventListener("input", () => {
      clearTimeout(timers.get(input));
      timers.set(input, setTimeout(() => check(input), 250));
    });
  }

  $("intake-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const valid = [await check($("intake-id")), await check($("intake-phone"))].every(Boolean);
    if (!valid || !$("intake-id").value) return $("intake-id").focus();
    const details = $("intake-phone").value ? { phone: $("intake-phone").value } : {};
    if ($("intake-kind").value === "training-sign-up" && $("intake-course").value) details.course = $("intake-course").value;
    if ($("intake-kind").value === "resident-pension-enrolment") details.grade = $("intake-grade").value;
    const reply = await call("POST", "/api/applications",
      { kind: $("intake-kind").value, idNumber: $("intake-id").value, details });
    if (reply.status !== 201) return notice("intake-result", errorText(reply.json), false);
    const application = reply.json;
    $("intake-result").replaceChildren(
      el("p", { class: "notice" }, `${t("applicationTaken")}: `, el("span", { id: "intake-application" }, application.id)),
      el("button", { type: "button", onclick: () => deskPrint({ document: "application-receipt", applicationId: application.id }, "intake-result") },
        t("printReceipt")));
  });

  /// A training sign-up names its course: the courses taking sign-ups, or none (the wish for training).
  /// An enrolment in the residents' pension chooses a grade of the county's table.
  $("intake-kind").addEventListener("change", async () => {
    const enrolment = $("intake-kind").value === "resident-pension-enrolment";
    $("intake-grade-field").hidden = !enrolment;
    if (!enrolment) return;
    const reply = await api("GET", "/api/pension/grades");
    $("intake-grade").replaceChildren(el("option", { value: "" }, t("noGrade")),
      ...(reply.status === 200 ? reply.json.grades : []).map((grade) => el("option", { value: String(grade.level) },
        `${grade.level} · ${t("gradeOption")} ${Pages.yuan(grade.annualFen)}（+${Pages.yuan(grade.subsidyFen)}）`)));
  });

  $("intake-kind").addEventListener("change", async () => {
    const training = $("intake-kind").value === "training-sign-up";
    $("intake-course-field").hidden = !training;
    if (!training) return;
    const reply = await api("GET", "/api/courses");
    const open = (reply.status === 200 ? reply.json : []).filter((course) => course.takesSignUps);
    $("intake-course").replaceChildren(el("option", { value: "" }, t("noCourse")),
      ...open.map((course) => el("option", { value: course.id }, `${course.title}（${course.startsOn}，${t("courseSeatsLeft")} ${course.seatsLeft}）`)));
  });

  $("request-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!(await check($("request-id")))) return $("request-id").focus();
    const reply = await call("POST", "/api/cards", { cardNumber: $("request-card").value.trim(), idNumber: $("request-id").value });
    if (reply.status !== 201) return notice("request-result", errorText(reply.json), false);
    notice("request-result", `${t("cardRequested")}: ${reply.json.cardNumber}`);
  });

  // MARK: Case work

  /// Says when an instant is, in China's way of writing a date.
  const when = (iso) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });

  async function loadWorklist() {
    const query = new URLSearchParams();
    const status = $("filter-status").value;
    for (const s of status === "open" ? openStatuses : status ? [status] : []) query.append("status", s);
    for (const [name, id] of [["kind", "filter-kind"], ["region", "filter-region"], ["owner", "filter-owner"],
      ["level", "filter-level"], ["due", "filter-due-state"], ["dueBefore", "filter-due"]]) {
      if ($(id).value) query.set(name, $(id).value);
    }
    const reply = await call("GET", `/api/applications?${query}`);
    if (reply.status !== 200) return notice("worklist", errorText(reply.json), false);
    const now = Date.now();
    for (const a of reply.json) regionsSeen.add(a.regionCode);
    fillRegions();
    $("worklist").replaceChildren(table(["case", "applicationKind", "idNumber", "region", "status", "handledAt", "owner", "deadline", "open"],
      reply.json.map((a) => {
        const overdue = openStatuses.includes(a.status) && !a.clockStoppedAt && Date.parse(a.deadline) < now;
        const level = a.route[a.step].level;
        return [
          a.id, t(a.kind), a.idNumber, a.regionCode, t(`app-${a.status}`),
          el("span", { "data-level": level }, t(`level-${level}`)), a.owner || t("ownerNone"),
          el("span", { class: overdue ? "error" : "", "data-overdue": String(overdue) },
            overdue ? `${t("overdueFlag")} ${when(a.deadline)}` : a.clockStoppedAt ? t("clockStopped") : when(a.deadline)),
          el("button", { type: "button", "data-case": a.id, onclick: () => openCaseFile(a.id) }, t("open")),
        ];
      })));
  }
  $("worklist-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadWorklist();
  });

  /// The case's ledger lines in words: who did what, and to which status.
  function historyRows(history) {
    return history.map((e) => [when(e.atMilliseconds), e.actor, ledgerAction(e), e.detail.includes("reason=")
      ? t(`reason-${e.detail.split("reason=")[1]}`) : ""]);
  }

  async function openCaseFile(id) {
    $("case-message").replaceChildren();
    const reply = await call("GET", `/api/applications/${encodeURIComponent(id)}`);
    if (reply.status !== 200) return notice("case-message", errorText(reply.json), false);
    showCase(reply.json);
  }

  function showCase(file) {
    const a = file.application;
    openCase = a;
    $("case").hidden = false;
    $("case-id").textContent = a.id;
    $("reject-form").hidden = $("hand-over-form").hidden = true;
    const p = file.person.person;
    $("case-details").replaceChildren(el("dl", { class: "person" },
      el("dt", {}, t("name")), el("dd", {}, p.name),
      el("dt", {}, t("idNumber")), el("dd", { id: "case-id-number" }, p.idNumber),
      el("dt", {}, t("region")), el("dd", {}, p.regionCode),
      el("dt", {}, t("applicationKind")), el("dd", {}, t(a.kind)),
      el("dt", {}, t("status")), el("dd", { id: "case-status", "data-status": a.status }, t(`app-${a.status}`)),
      el("dt", {}, t("owner")), el("dd", { id: "case-owner" }, a.owner || t("ownerNone")),
      el("dt", {}, t("handledAt")), el("dd", { id: "case-level", "data-level": a.route[a.step].level },
        a.route.map((step, index) => index === a.step ? `【${t(`level-${step.level}`)}】` : t(`level-${step.level}`)).join(" → ")),
      el("dt", {}, t("stepDue")), el("dd", { id: "case-step-due", class: file.stepOverdue ? "error" : "" },
        `${when(a.stepDue)}${file.stepOverdue ? ` ${t("stepOverdueFlag")}` : file.dueSoon ? ` ${t("dueSoonMark")}` : ""}`),
      el("dt", {}, t("deadline")), el("dd", { id: "case-deadline", class: file.overdue ? "error" : "" },
        `${when(a.deadline)}${file.overdue ? ` ${t("overdueFlag")}` : ""}${a.clockStoppedAt ? ` ${t("clockStopped")}` : ""}`),
      a.rejection ? [el("dt", {}, t("rejectReason")), el("dd", {}, `${t(`reason-${a.rejection.reason}`)} ${a.rejection.note}`)] : []));
    const offered = file.offers.filter((o) => o.allowed);
    $("case-offers").replaceChildren(...(offered.length ? offered.map((o) =>
      el("button", { type: "button", class: o.action === "approve" || o.action === "complete" ? "primary" : "",
        "data-action": o.action, onclick: () => act(o.action) }, t(`action-${o.action}`)))
      : [el("p", {}, t("noOffers"))]));
    $("case-refusals").replaceChildren(...file.offers.filter((o) => !o.allowed).map((o) =>
      el("li", { "data-refused": o.action }, `${t(`action-${o.action}`)}: `,
        el("span", { class: "reason" }, Pages.language === "zh" ? o.reasonChinese : o.reason))));
    $("case-history").replaceChildren(table(["at", "by", "action", "detail"], historyRows(file.history)));
  }

  /// One action on the open case; a refusal and a hand-over ask for more first.
  async function act(action) {
    if (action === "reject") return ($("reject-form").hidden = false);
    if (action === "hand-over") return ($("hand-over-form").hidden = false);
    const target = { "request-materials": "awaiting-materials", "materials-arrived": "submitted", refer: "needs-review",
      approve: "approved", complete: "completed", withdraw: "withdrawn" }[action];
    if (action === "withdraw" && !confirm(`${t("action-withdraw")} ${openCase.id}?`)) return;
    const path = `/api/applications/${encodeURIComponent(openCase.id)}`;
    const reply = action === "take" ? await call("POST", `${path}/owner`, {})
      : action === "report-up" ? await call("POST", `${path}/report-up`, {})
      : await call("POST", `${path}/status`, { status: target });
    await afterAction(reply, action);
  }

  async function afterAction(reply, action) {
    if (reply.status !== 200) return notice("case-message", errorText(reply.json), false);
    const id = openCase.id;
    await openCaseFile(id);
    notice("case-message", `${t("done")}: ${t(`action-${action}`)}`);
    loadWorklist();
  }

  $("reject-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", `/api/applications/${encodeURIComponent(openCase.id)}/status`,
      { status: "rejected", reason: $("reject-reason").value, note: $("reject-note").value });
    if (reply.status === 200) $("reject-note").value = "";
    await afterAction(reply, "reject");
  });

  $("hand-over-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", `/api/applications/${encodeURIComponent(openCase.id)}/owner`,
      { to: $("hand-over-to").value.trim() });
    if (reply.status === 200) $("hand-over-to").value = "";
    await afterAction(reply, "hand-over");
  });

  $("case-receipt").addEventListener("click", () => {
    if (openCase) deskPrint({ document: "application-receipt", applicationId: openCase.id }, "case-receipt-status");
  });

  // MARK: Retirees' annual check

  /// The village's checks in the state chosen, soonest due first; the ID numbers masked, so each
  /// form asks for the full number from the retiree's papers.
  async function loadRetirees() {
    const state = $("retiree-state").value;
    const reply = await call("GET", `/api/retirees${state ? `?state=${state}` : ""}`);
    if (reply.status !== 200) return notice("retirees-message", errorText(reply.json), false);
    $("retirees-message").replaceChildren();
    $("retirees").replaceChildren(table(["name", "idNumber", "region", "retireeNextDue", "status", "retireeRecorded"],
      reply.json.map((c) => [c.name, c.idNumber, c.regionCode, Pages.chinaDay(c.dueBy), c.stateName, recorded(c)])));
  }
  $("retirees-refresh").addEventListener("click", loadRetirees);
  $("retiree-state").addEventListener("change", loadRetirees);

  function recorded(check) {
    if (check.suspension) return `${t("suspend")}: ${check.suspension.reason}`;
    if (check.lifeEvent) return `${t(`life-event-${check.lifeEvent.kind}`)} ${check.lifeEvent.on}`;
    if (check.certification) return `${t(`certified-${check.certification.method}`)} ${when(check.certification.at)}`;
    return "";
  }

  for (const [form, path, body] of [
    ["visit-form", "/api/retirees/certification", () => ({ idNumber: $("visit-id").value, note: $("visit-note").value })],
    ["life-event-form", "/api/retirees/life-event", () => ({ idNumber: $("life-event-id").value,
      kind: $("life-event-kind").value, on: $("life-event-on").value, reporterRelation: $("life-event-relation").value })],
    ["suspension-form", "/api/retirees/suspension", () => ({ idNumber: $("suspension-id").value,
      reason: $("suspension-reason").value })],
  ]) {
    $(form).addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await call("POST", path, body());
      if (reply.status !== 200) return notice("retiree-result", errorText(reply.json), false);
      for (const input of $(form).querySelectorAll("input")) input.value = "";
      notice("retiree-result", `${reply.json.name ?? ""}${reply.json.idNumber}: ${reply.json.stateName}`);
      loadRetirees();
    });
  }

  // MARK: The employment register

  /// The jurisdiction's registrations the filter keeps: the promise's clock with its last day, and
  /// whether this month's follow-up is still to do. ID numbers masked; a registration is acted on by its id.
  async function loadJobSeekers() {
    const reply = await call("GET", `/api/jobseekers?filter=${$("jobseeker-filter").value || "open"}`);
    if (reply.status !== 200) return notice("jobseekers-message", errorText(reply.json), false);
    $("jobseekers-message").replaceChildren();
    $("jobseekers").replaceChildren(table(
      ["name", "idNumber", "region", "jobSeekerCategory", "registeredOn", "jobPromise", "lastFollowUp",
        "difficultyColumn", "status", "jobSeekerActions"],
      reply.json.map((j) => [j.name, j.idNumber, j.regionCode, j.categoryName, Pages.chinaDay(j.registration.at),
        j.registration.promiseDue ? `${j.promiseName}（${Pages.chinaDay(j.registration.promiseDue)}）` : j.promiseName,
        lastFollowUp(j), (j.difficultyNames ?? []).join("、") || "—", j.open ? t("jobSeekerOpen") : j.closingName,
        el("button", { type: "button", class: "secondary", "data-jobseeker": j.id, onclick: () => showJobSeeker(j) },
          t("handle"))])));
  }
  $("jobseekers-refresh").addEventListener("click", loadJobSeekers);
  $("jobseeker-filter").addEventListener("change", loadJobSeekers);

  function lastFollowUp(jobSeeker) {
    const last = jobSeeker.followUps.at(-1);
    const due = jobSeeker.needsFollowUp ? t("followUpDue") : "";
    return [last ? Pages.chinaDay(last.at) : "", due].filter(Boolean).join(" · ") || "—";
  }

  /// The registration's forms, with the area's postings to refer to; a closed one only prints.
  async function showJobSeeker(jobSeeker) {
    openJobSeeker = jobSeeker;
    $("jobseeker").hidden = false;
    $("jobseeker-title").textContent = `${jobSeeker.name ?? ""} ${jobSeeker.idNumber} · ${jobSeeker.categoryName}`;
    for (const form of ["follow-up-form", "referral-form", "closing-form"]) $(form).hidden = !jobSeeker.open;
    $("difficulty-form").hidden = !jobSeeker.open || Boolean(jobSeeker.difficulty);
    for (const form of ["visit-assistance-form", "placement-form"]) $(form).hidden = !jobSeeker.open || !jobSeeker.difficulty;
    const postings = await api("GET", "/api/jobs");
    const jobs = postings.status === 200 ? postings.json : [];
    const option = (p) => el("option", { value: p.id }, `${p.title} · ${p.employer}`);
    $("referral-posting").replaceChildren(...jobs.map(option));
    $("placement-posting").replaceChildren(...jobs.filter((p) => p.kind === "public-welfare").map(option));
  }

  for (const [form, path, body] of [
    ["follow-up-form", "follow-up", () => ({ method: $("follow-up-method").value,
      stillSeeking: $("follow-up-seeking").checked, note: $("follow-up-note").value })],
    ["referral-form", "referral", () => ({ postingId: $("referral-posting").value })],
    ["closing-form", "closing", () => ({ reason: $("closing-reason").value, employer: $("closing-employer").value })],
    ["difficulty-form", "difficulty", () => ({ note: $("difficulty-note").value, categories:
      [...$("difficulty-form").querySelectorAll("input[name=difficulty]:checked")].map((box) => box.value) })],
    ["visit-assistance-form", "visit", () => ({ note: $("assistance-visit-note").value })],
    ["placement-form", "placement", () => ({ postingId: $("placement-posting").value, startsOn: $("placement-starts").value })],
  ]) {
    $(form).addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!openJobSeeker) return;
      const reply = await call("POST", `/api/jobseekers/${encodeURIComponent(openJobSeeker.id)}/${path}`, body());
      if (reply.status !== 200) return notice("jobseeker-result", errorText(reply.json), false);
      for (const input of $(form).querySelectorAll("input:not([type=checkbox])")) input.value = "";
      notice("jobseeker-result", `${openJobSeeker.name ?? ""} ${reply.json.idNumber}: ${reply.json.open
        ? t("jobSeekerOpen") : reply.json.closingName} · ${reply.json.promiseName}`);
      showJobSeeker({ ...reply.json, name: openJobSeeker.name });
      loadJobSeekers();
    });
  }

  $("jobseeker-certificate").addEventListener("click", () => {
    if (openJobSeeker) deskPrint({ document: "registration-certificate", jobSeekerId: openJobSeeker.id }, "jobseeker-result");
  });

  $("new-jobseeker-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", "/api/jobseekers", {
      idNumber: $("new-jobseeker-id").value, category: $("new-jobseeker-category").value,
      reason: $("new-jobseeker-reason").value, lastEmployer: $("new-jobseeker-employer").value,
      wantsJob: $("new-jobseeker-wants-job").checked, zeroEmploymentFamily: $("new-jobseeker-zero-family").checked,
    });
    if (reply.status !== 201) return notice("jobseeker-result", errorText(reply.json), false);
    for (const input of $("new-jobseeker-form").querySelectorAll("input:not([type=checkbox])")) input.value = "";
    notice("jobseeker-result", `${reply.json.idNumber}: ${reply.json.categoryName} · ${reply.json.promiseName}`);
    loadJobSeekers();
  });

  // MARK: The area's job postings

  /// The postings shown today, each with its button to take it down.
  async function loadAreaJobs() {
    const reply = await api("GET", "/api/jobs");
    if (reply.status !== 200) return notice("job-result", errorText(reply.json), false);
    $("area-jobs").replaceChildren(table(["jobTitle", "jobKind", "jobEmployer", "jobPlace", "jobSkills", "jobUntil", "takeDown"],
      reply.json.map((job) => [job.title, t(`jobKind-${job.kind}`), job.employer, job.place, job.skills.join("、"),
        job.until ?? "—",
        el("button", { type: "button", class: "secondary", "data-take-down": job.id, onclick: () => takeDown(job) },
          t("takeDown"))])));
  }

  async function takeDown(job) {
    const reply = await call("POST", `/api/jobs/${encodeURIComponent(job.id)}/take-down`);
    if (reply.status !== 200) return notice("job-result", errorText(reply.json), false);
    notice("job-result", `${t("takeDown")}: ${job.title}`);
    loadAreaJobs();
  }

  $("job-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const fen = (id) => Math.round(Number($(id).value) * 100);
    const reply = await call("POST", "/api/jobs", {
      title: $("job-title").value, employer: $("job-employer").value, place: $("job-place").value,
      regionCode: $("job-region").value.trim() || undefined, kind: $("job-kind").value,
      skills: $("job-skills").value.split(/[,，、]/).map((skill) => skill.trim()).filter(Boolean),
      monthlyWageFromFen: fen("job-wage-from"), monthlyWageToFen: fen("job-wage-to"), until: $("job-until").value,
      contact: $("job-contact").value,
    });
    if (reply.status !== 201) return notice("job-result", errorText(reply.json), false);
    for (const input of $("job-form").querySelectorAll("input")) input.value = "";
    notice("job-result", `${t("postNow")}: ${reply.json.title}（${reply.json.until}）`);
    loadAreaJobs();
  });

  // MARK: The area's training courses

  /// The courses not yet ended, with the seats left and a button to close sign-up while it is open.
  async function loadAreaCourses() {
    const reply = await api("GET", "/api/courses");
    if (reply.status !== 200) return notice("course-result", errorText(reply.json), false);
    $("area-courses").replaceChildren(table(
      ["courseTitle", "courseProvider", "coursePlace", "courseDates", "courseSignUpUntil", "courseSeatsLeft", "closeSignUp"],
      reply.json.map((course) => [course.title, course.provider, course.place, `${course.startsOn} – ${course.endsOn}`,
        course.signUpUntil, `${course.seatsLeft} / ${course.seats}`,
        course.takesSignUps ? el("button", { type: "button", class: "secondary", "data-close-course": course.id,
          onclick: () => closeSignUp(course) }, t("closeSignUp")) : t("courseClosedNote")])));
  }

  async function closeSignUp(course) {
    const reply = await call("POST", `/api/courses/${encodeURIComponent(course.id)}/close-sign-up`);
    if (reply.status !== 200) return notice("course-result", errorText(reply.json), false);
    notice("course-result", `${t("closeSignUp")}: ${course.title}`);
    loadAreaCourses();
  }

  $("course-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", "/api/courses", {
      title: $("course-title").value, provider: $("course-provider").value, place: $("course-place").value,
      regionCode: $("course-region").value.trim() || undefined, startsOn: $("course-starts").value,
      endsOn: $("course-ends").value, signUpUntil: $("course-sign-up").value, seats: Number($("course-seats").value),
    });
    if (reply.status !== 201) return notice("course-result", errorText(reply.json), false);
    for (const input of $("course-form").querySelectorAll("input")) input.value = "";
    notice("course-result", `${t("postNow")}: ${reply.json.title}`);
    loadAreaCourses();
  });

  // MARK: Labour disputes and petitions

  /// The jurisdiction's cases the filter keeps, each with the day it must be decided or settled by
  /// and who answers for it. ID numbers masked; a case is acted on by its id.
  async function loadDisputes() {
    const reply = await call("GET", `/api/disputes?filter=${$("dispute-filter").value || "open"}`);
    if (reply.status !== 200) return notice("disputes-message", errorText(reply.json), false);
    $("disputes-message").replaceChildren();
    $("disputes").replaceChildren(table(
      ["caseNumber", "disputeKind", "name", "idNumber", "disputeEmployer", "disputeCategory", "receivedOn",
        "disputeOwner", "disputeLimit", "status", "jobSeekerActions"],
      reply.json.map((d) => [d.id, d.kindName, d.name, d.idNumber, d.employer.name, d.categoryName,
        Pages.chinaDay(d.receivedAt), d.owner, Pages.chinaDay(d.settleBy ?? d.decideBy), d.stateName,
        el("button", { type: "button", class: "secondary", "data-dispute": d.id, onclick: () => showDispute(d) },
          t("handle"))])));
  }
  $("disputes-refresh").addEventListener("click", loadDisputes);
  $("dispute-filter").addEventListener("change", loadDisputes);

  /// The case's record and the forms its state allows: a decision first, then sessions, an
  /// extension and the outcome; the notice once decided, the agreement once agreed.
  function showDispute(dispute) {
    openDispute = dispute;
    $("dispute").hidden = false;
    $("dispute-title").textContent = `${dispute.id} · ${dispute.kindName} · ${dispute.name} ${dispute.idNumber}`;
    const limit = dispute.settleBy ? `${t("disputeSettleBy")} ${Pages.chinaDay(dispute.settleBy)}`
      : `${t("disputeDecideBy")} ${Pages.chinaDay(dispute.decideBy)}`;
    $("dispute-summary").textContent = [`${dispute.employer.name} · ${dispute.categoryName}`, dispute.facts, limit,
      `${t("disputeOwner")} ${dispute.owner}`, dispute.stateName, dispute.outcome ? `${dispute.resultName}：${dispute.outcome.terms}` : ""]
      .filter(Boolean).join(" · ");
    $("dispute-sessions").replaceChildren(...dispute.sessions.map((session) =>
      el("li", {}, `${session.day} ${session.place ?? ""} ${session.attendees}：${session.summary}`)));
    const open = !dispute.outcome && dispute.decision?.accepted !== false;
    const accepted = open && dispute.decision?.accepted === true;
    $("dispute-decision-form").hidden = !open || Boolean(dispute.decision);
    for (const form of ["dispute-session-form", "dispute-outcome-form"]) $(form).hidden = !accepted;
    $("dispute-extend").hidden = !accepted || Boolean(dispute.extendedAt);
    $("dispute-hand-over-form").hidden = !open;
    $("dispute-notice").hidden = !dispute.decision;
    $("dispute-agreement").hidden = dispute.outcome?.result !== "agreement";
    const results = dispute.kind === "mediation"
      ? ["agreement", "no-agreement", "withdrawn", "referred-to-arbitration", "referred-to-inspection"]
      : ["answered", "withdrawn", "referred-to-arbitration", "referred-to-inspection"];
    $("dispute-outcome-result").replaceChildren(...results.map((r) => el("option", { value: r }, t(`disputeResult-${r}`))));
  }

  /// Posts one entry on the open case and shows it as it now stands.
  async function recordOnDispute(path, body) {
    if (!openDispute) return;
    const reply = await call("POST", `/api/disputes/${encodeURIComponent(openDispute.id)}/${path}`, body);
    if (reply.status !== 200) return notice("dispute-result", errorText(reply.json), false);
    notice("dispute-result", `${reply.json.id}: ${reply.json.stateName}`);
    showDispute(reply.json);
    loadDisputes();
    return true;
  }

  const optionalNumber = (id) => ($(id).value ? Number($(id).value) : undefined);
  for (const [form, path, body] of [
    ["dispute-decision-form", "decision", () => ({ accepted: $("dispute-decision").value === "accept",
      reason: $("dispute-decline-reason").value || undefined })],
    ["dispute-session-form", "session", () => ({ day: $("dispute-session-day").value,
      place: $("dispute-session-place").value || undefined, attendees: $("dispute-attendees").value,
      summary: $("dispute-session-summary").value })],
    ["dispute-outcome-form", "outcome", () => ({ result: $("dispute-outcome-result").value, terms: $("dispute-terms").value,
      agreedYuan: optionalNumber("dispute-agreed"), performBy: $("dispute-perform-by").value || undefined })],
    ["dispute-hand-over-form", "hand-over", () => ({ to: $("dispute-hand-over-to").value.trim() })],
  ]) {
    $(form).addEventListener("submit", async (event) => {
      event.preventDefault();
      if (await recordOnDispute(path, body())) for (const input of $(form).querySelectorAll("input")) input.value = "";
    });
  }
  $("dispute-extend").addEventListener("click", () => recordOnDispute("extension"));
  $("dispute-notice").addEventListener("click", () => {
    if (openDispute) deskPrint({ document: "dispute-notice", disputeId: openDispute.id }, "dispute-result");
  });
  $("dispute-agreement").addEventListener("click", () => {
    if (openDispute) deskPrint({ document: "mediation-agreement", disputeId: openDispute.id }, "dispute-result");
  });

  $("new-dispute-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", "/api/disputes", {
      kind: $("new-dispute-kind").value, idNumber: $("new-dispute-id").value, name: $("new-dispute-name").value,
      phone: $("new-dispute-phone").value || undefined, employer: $("new-dispute-employer").value,
      creditCode: $("new-dispute-credit-code").value.trim() || undefined,
      employerAddress: $("new-dispute-address").value || undefined, category: $("new-dispute-category").value,
      claimedYuan: optionalNumber("new-dispute-claimed"), facts: $("new-dispute-facts").value,
    });
    if (reply.status !== 201) return notice("dispute-result", errorText(reply.json), false);
    for (const input of $("new-dispute-form").querySelectorAll("input")) input.value = "";
    notice("dispute-result", `${reply.json.id} ${reply.json.idNumber}: ${reply.json.stateName}`);
    showDispute(reply.json);
    loadDisputes();
  });

  // MARK: Appointments

  /// The calendar of the days chosen (today through a week on at first): each appointment with
  /// what may be done with it now.
  async function loadAppointments() {
    if (!$("appointments-from").value) $("appointments-from").value = Pages.chinaDay(Date.now());
    if (!$("appointments-through").value) $("appointments-through").value = Pages.chinaDay(Date.now() + 6 * 86400000);
    const reply = await call("GET",
      `/api/appointments?from=${$("appointments-from").value}&through=${$("appointments-through").value}`);
    if (reply.status !== 200) return notice("appointments-message", errorText(reply.json), false);
    $("appointments-message").replaceChildren();
    $("appointments").replaceChildren(table(
      ["appointmentWhen", "name", "idNumber", "appointmentService", "appointmentKind", "status", "appointmentAssigned",
        "appointmentActions"],
      reply.json.map((a) => [`${a.day} ${a.slot ?? ""}`, a.name, a.idNumber, a.serviceName,
        a.kind === "hall" ? t("appointmentKind-hall") : `${t("appointmentKind-home-visit")}（${a.reasonName}）`,
        a.stateName, a.assignedTo ?? "—", el("span", { class: "row" }, appointmentActions(a))])));
  }
  $("appointments-refresh").addEventListener("click", loadAppointments);

  function appointmentActions(appointment) {
    if (appointment.state !== "booked" && appointment.state !== "assigned") return [];
    const act = (label, path, body) => el("button", {
      type: "button", class: "secondary", "data-appointment": appointment.id, "data-act": label,
      onclick: () => appointmentAction(appointment, path, body),
    }, t(label));
    const results = appointment.kind === "hall" ? ["attended", "no-show"] : ["served", "not-home", "declined"];
    const today = Pages.chinaDay(Date.now());
    return [
      ...(appointment.kind === "home-visit" ? [act("assignToMe", "assign", { to: staffID })] : []),
      ...(appointment.day <= today ? results.map((result) => act(`outcome-${result}`, "outcome", { result })) : []),
      act("appointmentCancel", "cancel"),
    ];
  }

  async function appointmentAction(appointment, path, body) {
    const reply = await call("POST", `/api/appointments/${encodeURIComponent(appointment.id)}/${path}`, body);
    if (reply.status !== 200) return notice("appointment-result", errorText(reply.json), false);
    notice("appointment-result", `${appointment.name} ${appointment.day} ${appointment.slot ?? ""}: ${reply.json.stateName}`);
    loadAppointments();
  }

  $("call-booking-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const hall = $("call-kind").value === "hall";
    const reply = await call("POST", "/api/appointments", {
      idNumber: $("call-id").value, kind: $("call-kind").value, service: $("call-service").value,
      day: $("call-day").value, slot: hall ? $("call-slot").value : undefined,
      reason: hall ? undefined : $("call-reason").value, phone: $("call-phone").value || undefined,
      note: $("call-note").value || undefined,
    });
    if (reply.status !== 201) return notice("appointment-result", errorText(reply.json), false);
    for (const input of $("call-booking-form").querySelectorAll("input")) input.value = "";
    notice("appointment-result", `${reply.json.idNumber} ${reply.json.day} ${reply.json.slot ?? ""}: ${reply.json.stateName}`);
    loadAppointments();
  });

  // MARK: The resident's rating

  /// The screen turned to the resident once served: their rating of the service (of the case open,
  /// if one is), kept with this clerk as the one who served; the dialog names no one.
  function askRating() {
    $("rating-levels").hidden = false;
    $("rating-reasons").hidden = true;
    $("rating-thanks").replaceChildren();
    $("rating").hidden = false;
  }
  $("ask-rating").addEventListener("click", askRating);
  $("rating-close").addEventListener("click", () => { $("rating").hidden = true; });

  async function rate(level, reason) {
    $("rating-levels").hidden = $("rating-reasons").hidden = true;
    const body = { level };
    if (reason) body.reason = reason;
    if (openCase) body.service = openCase.kind;
    const reply = await call("POST", "/api/ratings", body);
    $("rating-thanks").textContent = reply.status === 201 ? t("ratingThanks") : errorText(reply.json);
    if (reply.status === 201) setTimeout(() => { $("rating").hidden = true; }, 1500);
  }
  for (const button of $("rating").querySelectorAll("[data-rating]")) {
    button.addEventListener("click", () => {
      if (button.dataset.rating !== "dissatisfied") return rate(button.dataset.rating);
      $("rating-levels").hidden = true;
      $("rating-reasons").hidden = false;
    });
  }
  for (const button of $("rating").querySelectorAll("[data-reason]")) {
    button.addEventListener("click", () => rate("dissatisfied", button.dataset.reason && Pages.chinese(button.dataset.reason)));
  }

  // MARK: The supervisor's end-of-day review

  /// Today in Beijing, as the review and the sign-off name a day.
  const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

  async function loadReview() {
    const reply = await call("GET", `/api/review?day=${today()}`);
    if (reply.status !== 200) return notice("review-message", errorText(reply.json), false);
    $("review-message").replaceChildren();
    const review = reply.json;
    $("review-summary").replaceChildren(el("p", { class: review.ledgerIntact ? "notice" : "error", id: "review-ledger" },
      review.ledgerIntact ? t("ledgerIntact") : `${t("ledgerBroken")}: ${review.ledgerFinding}`));
    $("review-duplicates").replaceChildren(table(["case", "applicationKind", "by", "open"], review.needsReview.map((item) => [
      item.id, t(item.kind), item.submittedBy,
      el("button", { type: "button", "data-review-case": item.id, onclick: () => openFromReview(item.id) }, t("open")),
    ])));
    $("review-refused").replaceChildren(table(["command", "at", "centreReason", "closeBecause"], review.refusedCommands.map((c) => [
      t(`ledger-${c.command}`), when(c.createdAt), c.reason || "",
      el("form", { class: "row", "data-refused-key": c.key },
        el("label", {}, el("span", { class: "visually-hidden" }, t("closeBecause")),
          el("select", {}, ...closings.map((r) => el("option", { value: r }, t(`closing-${r}`))))),
        el("button", { type: "submit" }, t("closeCommand"))),
    ])));
    for (const form of $("review-refused").querySelectorAll("form")) {
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const closed = await call("POST", `/api/review/refused/${encodeURIComponent(form.dataset.refusedKey)}/close`,
          { reason: form.querySelector("select").value });
        if (closed.status !== 204) return notice("review-message", errorText(closed.json), false);
        loadReview();
      });
    }
    const rows = (items) => items.map((a) => [
      a.id, t(a.kind), t(`level-${a.level}`), a.owner || t("ownerNone"), when(a.stepDue), when(a.deadline),
      el("button", { type: "button", "data-review-case": a.id, onclick: () => openFromReview(a.id) }, t("open")),
    ]);
    const columns = ["case", "applicationKind", "handledAt", "owner", "stepDue", "deadline", "open"];
    $("review-overdue").replaceChildren(table(columns, rows(review.late)));
    $("review-due-soon").replaceChildren(table(columns, rows(review.dueSoon)));
    $("review-late-promises").replaceChildren(table(["jobSeekerRegistration", "jobSeekerCategory", "registeredOn", "jobPromise"],
      review.latePromises.map((p) => [p.id, t(`jobseeker-category-${p.category}`), Pages.chinaDay(p.registeredAt),
        p.promiseDue ? Pages.chinaDay(p.promiseDue) : "—"])));
    $("review-late-disputes").replaceChildren(table(["caseNumber", "disputeKind", "disputeOwner", "receivedOn", "disputeLimit"],
      review.lateDisputes.map((d) => [d.id, t(`disputeKind-${d.kind}`), d.owner, Pages.chinaDay(d.receivedAt),
        Pages.chinaDay(d.due)])));
  }
  $("review-refresh").addEventListener("click", loadReview);

  function openFromReview(id) {
    selectTab("cases");
    openCaseFile(id);
  }

  $("review-sign-off").addEventListener("click", async () => {
    const reply = await call("POST", "/api/review", { day: today() });
    if (reply.status !== 204) return notice("review-message", errorText(reply.json), false);
    notice("review-signed", `${t("signedOff")}: ${today()}`);
  });

  // MARK: The issuance queue

  async function loadQueue() {
    for (const [status, target] of [["in-production", "queue-production"], ["ready-at-desk", "queue-ready"]]) {
      const reply = await call("GET", `/api/cards?status=${status}`);
      if (reply.status !== 200) {
        notice(target, errorText(reply.json), false);
        continue;
      }
      $(target).replaceChildren(table(["cardNumber", "idNumber", "status", "select"], reply.json.map((c) => [
        c.cardNumber, c.idNumber, t(`card-${c.status}`),
        el("button", { type: "button", "data-select": c.cardNumber, onclick: () => openCard(c.cardNumber) }, t("select")),
      ])));
    }
  }
  $("queue-refresh").addEventListener("click", loadQueue);

  // The card in the desk reader, and what is odd about it: for the clerk, never on a resident's screen.
  $("reader-card-check").addEventListener("click", async () => {
    const reply = await call("GET", "/api/desk/card");
    if (reply.status !== 200) return notice("reader-card", errorText(reply.json), false);
    const card = reply.json;
    $("reader-card").replaceChildren(
      el("dl", { class: "person" },
        el("dt", {}, t("cardNumber")), el("dd", { id: "reader-card-number" }, card.blank ? t("readerCardBlank") : card.cardNumber),
        el("dt", {}, t("readerCardSpec")), el("dd", {}, `${card.specVersion} · ${card.algorithm}`),
        el("dt", {}, t("readerCardExpiry")), el("dd", {}, card.expiryDate || "—")),
      card.warnings.length
        ? el("div", { class: "error", id: "reader-card-warnings" }, el("strong", {}, t("readerCardWarnings")),
          el("ul", {}, ...card.warnings.map((w) => el("li", {}, w))))
        : el("p", { id: "reader-card-warnings" }, t("readerCardNoWarnings")));
  });

  // MARK: One card's life

  function showCard(record) {
    card = record;
    $("card-number").value = record.cardNumber;
    $("card-details").replaceChildren(
      el("dl", { class: "person" },
        el("dt", {}, t("cardNumber")), el("dd", {}, record.cardNumber),
        el("dt", {}, t("idNumber")), el("dd", { id: "card-id-number" }, record.idNumber),
        el("dt", {}, t("status")), el("dd", { id: "card-status", "data-status": record.status }, t(`card-${record.status}`))),
      el("h3", {}, t("steps")),
      table(["status", "by", "at"], record.steps.map((s) =>
        [t(`card-${s.status}`), s.by, new Date(s.at).toLocaleString("zh-CN")])));
    $("card-actions").hidden = false;
    showPhoto();
  }

  /// The photo kept for the card on show, as a data URL (the page may show no other kind of image).
  async function showPhoto() {
    const shown = card;
    $("photo-preview").hidden = true;
    $("photo-status").textContent = "";
    const response = await fetch(`/api/cards/${encodeURIComponent(shown.cardNumber)}/photo`,
      { headers: { Authorization: `Bearer ${token}` }, cache: "no-store", credentials: "omit" });
    if (response.status !== 200 || card !== shown) return ($("photo-status").textContent = t("noPhoto"));
    const reader = new FileReader();
    reader.onload = () => {
      $("photo-preview").src = reader.result;
      $("photo-preview").hidden = false;
    };
    reader.readAsDataURL(await response.blob());
  }

  /// A photo from a file (a studio's, a scan), sent as it is; the service checks it against the standard.
  $("photo-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = $("photo-file").files[0];
    if (!card || !file) return notice("photo-status", t("choosePhoto"), false);
    const response = await fetch(`/api/cards/${encodeURIComponent(card.cardNumber)}/photo`, {
      method: "PUT", headers: { Authorization: `Bearer ${token}`, "Content-Type": "image/jpeg" },
      body: file, cache: "no-store", credentials: "omit",
    });
    const json = await response.json().catch(() => ({}));
    $("photo-file").value = "";
    await photoKept(response.status, json);
  });

  /// The desk camera's picture of the resident, checked as a file's would be.
  $("photo-camera").addEventListener("click", async () => {
    if (!card) return notice("photo-status", t("noCardSelected"), false);
    const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/photo/camera`);
    await photoKept(reply.status, reply.json);
  });

  async function photoKept(status, json) {
    if (status !== 200) return notice("photo-status", errorText(json), false);
    await showPhoto();
    notice("photo-status", t("photoKept"));
  }

  async function openCard(number) {
    selectTab("card");
    $("card-message").replaceChildren();
    $("card-details").replaceChildren();
    const reply = await call("GET", `/api/cards/${encodeURIComponent(number)}`);
    if (reply.status !== 200) {
      $("card-actions").hidden = true;
      $("card-details").replaceChildren();
      return notice("card-message", errorText(reply.json), false);
    }
    showCard(reply.json);
  }
  $("card-form").addEventListener("submit", (event) => {
    event.preventDefault();
    openCard($("card-number").value.trim());
  });

  for (const button of document.querySelectorAll("[data-card]")) {
    button.addEventListener("click", async () => {
      if (!card) return notice("card-message", t("noCardSelected"), false);
      // A loss report and a cancellation cannot be undone at the desk: asked once more.
      if (["lost", "cancelled"].includes(button.dataset.card) && !confirm(`${button.textContent} ${card.cardNumber}?`)) return;
      const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/status`, { status: button.dataset.card });
      if (reply.status !== 200) return notice("card-message", errorText(reply.json), false);
      showCard(reply.json);
      notice("card-message", `${t("done")}: ${t(`card-${reply.json.status}`)}`);
    });
  }

  $("personalise-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!card || personalising) return;
    personalising = true;
    $("personalise-bar").style.width = "0";
    $("personalise-bar").className = "";
    $("personalise-status").textContent = t("personaliseProgress");
    const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/personalise`,
      { pin: $("personalise-pin").value, ethnicity: $("personalise-ethnicity").value });
    personalising = false;
    $("personalise-pin").value = "";
    if (reply.status === 200) {
      $("personalise-bar").style.width = "100%";
      $("personalise-status").textContent = `${t("done")}: ${t(`card-${reply.json.status}`)}`;
      return showCard(reply.json);
    }
    $("personalise-bar").className = "fault";
    $("personalise-status").replaceChildren(el("span", { class: "error", id: "personalise-error" },
      reply.json.code === "personalisation-interrupted" ? `${t("cardPulled")}: ${errorText(reply.json)}` : errorText(reply.json)));
  });

  $("print-face").addEventListener("click", () => {
    if (!card) return notice("card-message", t("noCardSelected"), false);
    deskPrint({ document: "card-face", cardNumber: card.cardNumber }, "face-status");
  });

  // The chip of the card in the desk reader: its application unblocked (the card on record must be
  // the one in the reader, or the chip refuses).
  $("unblock-application").addEventListener("click", async () => {
    if (!card) return notice("card-message", t("noCardSelected"), false);
    const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/unblock`);
    if (reply.status !== 200) return notice("card-message", errorText(reply.json), false);
    showCard(reply.json);
    notice("card-message", `${t("done")}: ${t("unblockApplication")}`);
  });

  // The holder's full number, which the service otherwise masks: for the purpose chosen, on the ledger.
  $("full-id-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!card) return notice("card-message", t("noCardSelected"), false);
    const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/id-number`,
      { purpose: $("full-id-purpose").value });
    if (reply.status !== 200) return notice("card-message", errorText(reply.json), false);
    $("card-id-number").textContent = reply.json.idNumber;
  });

  $("replace-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!card) return notice("card-message", t("noCardSelected"), false);
    const reply = await call("POST", `/api/cards/${encodeURIComponent(card.cardNumber)}/replacement`,
      { newCardNumber: $("replace-number").value.trim() });
    if (reply.status !== 201) return notice("card-message", errorText(reply.json), false);
    showCard(reply.json);
    notice("card-message", `${t("done")}: ${t("replace")}`);
  });

  // MARK: Printing at the desk

  /// Sends a print and follows the job until it has finished, saying each state in `target`.
  async function deskPrint(request, target) {
    const key = randomKey("desk-");
    const reply = await call("POST", "/api/print", { key, ...request });
    const status = () => $(target).querySelector(".print-status") ?? $(target).appendChild(el("p", { class: "print-status", role: "status" }));
    if (reply.status !== 201 && reply.status !== 200) {
      status().className = "print-status error";
      return (status().textContent = errorText(reply.json));
    }
    let job = reply.json;
    for (;;) {
      status().className = job.state === "waiting" || job.state === "failed" ? "print-status error" : "print-status notice";
      status().dataset.state = job.state;
      status().textContent = errorText(job);
      if (job.state === "completed" || job.state === "failed" || !token) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const next = await call("GET", `/api/print/${key}`);
      if (next.status === 200) job = next.json;
    }
  }

  // MARK: The day

  async function loadDay() {
    const statistics = await call("GET", "/api/statistics");
    if (statistics.status === 200) {
      const s = statistics.json;
      $("day-statistics").replaceChildren(
        el("div", { class: "figures" },
          el("div", {}, t("sameDayRate"), el("strong", { id: "same-day-rate" },
            s.sameDayCompletionRate === undefined || s.sameDayCompletionRate === null ? "—" : `${Math.round(s.sameDayCompletionRate * 100)}%`)),
          el("div", {}, t("overdue"), el("strong", {}, s.overdue)),
          el("div", {}, t("completed"), el("strong", { id: "day-completed" }, s.completed))),
        el("h3", {}, t("perService")),
        table(["applicationKind", "submit"], Object.entries(s.submittedPerKind).map(([kind, count]) => [t(kind), count])));
    } else {
      notice("day-statistics", errorText(statistics.json), false);
    }
    const ledger = await call("GET", "/api/ledger?from=1&limit=1000");
    if (ledger.status === 200) {
      $("day-ledger").replaceChildren(table(["at", "by", "action", "subject", "idNumber"],
        ledger.json.slice(-50).reverse().map((e) => [when(e.atMilliseconds), e.actor, ledgerAction(e), ...ledgerSubject(e.subject)])));
    } else {
      notice("day-ledger", errorText(ledger.json), false);
    }
  }

  /// What a ledger line did, in words: the action, and for a move the status it moved to.
  function ledgerAction(entry) {
    const words = t(`ledger-${entry.action}`);
    const to = /(?:^| )to=([a-z-]+)/.exec(entry.detail)?.[1];
    if (entry.action === "application.move" && to) return `${words}: ${t(`app-${to}`)}`;
    if (entry.action === "card.move" && to) return `${words}: ${t(`card-${to}`)}`;
    if (entry.action === "application.report-up" && to) return `${words}: ${t(`level-${to}`)}`;
    return words;
  }

  /// (what the line concerns, the masked ID number where it is a person, else nothing).
  function ledgerSubject(subject) {
    const [kind, ...rest] = subject.split(":");
    const value = rest.join(":");
    if (kind === "person") return [t("subject-person"), value];
    if (kind === "terminal") return [t("terminalSubject"), ""];
    return [`${t(`subject-${kind}`)} ${value}`, ""];
  }
  $("day-refresh").addEventListener("click", loadDay);
  /// The register of today or of this month (in China), of every service or the one chosen.
  $("day-print").addEventListener("click", () => {
    const request = { document: "daily-ledger" };
    if ($("register-period").value === "month") {
      request.month = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 7);
    }
    if ($("register-kind").value) request.service = $("register-kind").value;
    deskPrint(request, "day-print-status");
  });

  // MARK: Events: the card writer's progress

  const stream = new EventSource("/api/events");
  stream.onmessage = (message) => {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (event.type === "personalise-progress" && personalising && event.total) {
      $("personalise-bar").style.width = `${Math.round((100 * event.done) / event.total)}%`;
      $("personalise-status").textContent = `${t("personaliseProgress")} ${event.done}/${event.total}`;
    }
  };

  document.addEventListener("languagechange", () => {
    fillKinds();
    if (role) $("staff-role").textContent = t(`role-${role}`);
  });
  window.addEventListener("pageshow", (event) => { if (event.persisted) location.reload(); });
  fillKinds();
})();
