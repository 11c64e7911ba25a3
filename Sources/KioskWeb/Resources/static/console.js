// The county centre's console: sign-in (with the forced change of a first password), then the
// terminals of the member's own jurisdiction (a county administrator issues enrolment codes,
// rotates and revokes), the fleet's health with its alerts, refreshed while it is shown, the staff
// and card production (cards waiting, batches sent and delivered). What a role may not do is not offered, and the centre refuses it anyway.
// The token lives in this closure only; left idle, the console signs out and forgets it.
"use strict";

(() => {
  const { t, el, table, api, errorText } = Pages;
  const $ = (id) => document.getElementById(id);

  let token = null;
  let staff = null;
  let idleSeconds = null;
  let idleTimer = null;
  let fleetTimer = null;
  /// Seconds between refreshes of the fleet table while it is shown.
  const fleetRefresh = 10;

  /// A call as the signed-in member; a lapsed sign-in goes back to the sign-in form.
  async function call(method, path, body) {
    const reply = await api(method, path, { token, body });
    if (reply.status === 401 && token) signOut(t("idleLocked"));
    return reply;
  }

  function when(milliseconds) {
    return milliseconds ? new Date(milliseconds).toLocaleString(Pages.language === "zh" ? "zh-CN" : "en-GB") : "—";
  }

  // MARK: Sign-in

  function showScreen(id) {
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== id;
  }

  Pages.staffSignIn({ session: "/console/api/session", password: "/console/api/password", signedIn });

  function signedIn(session) {
    token = session.token;
    staff = session.staff;
    idleSeconds = session.idleSeconds;
    armIdleLock();
    $("staff-name").textContent = staff.name;
    $("staff-role").textContent = t(`role-${staff.role}`);
    $("staff-area").textContent = staff.jurisdiction.regionPrefix;
    const manages = staff.role === "county-administrator";
    $("issue-form").hidden = !manages;
    $("issue-area").value = staff.jurisdiction.regionPrefix;
    $("tab-fleet").hidden = staff.role === "county-auditor";
    $("tab-staff").hidden = !manages;
    $("tab-production").hidden = staff.role === "technician";
    $("tab-figures").hidden = staff.role === "technician";
    $("tab-information").hidden = !["county-administrator", "county-supervisor"].includes(staff.role);
    $("batch-form").hidden = !["county-administrator", "county-supervisor"].includes(staff.role);
    $("batch-area").value = staff.jurisdiction.regionPrefix;
    $("staff-new-area").value = staff.jurisdiction.regionPrefix;
    showScreen("screen-console");
    selectTab("terminals");
  }

  /// Forgets the token and everything shown; `message` goes on the sign-in form.
  async function signOut(message = t("signedOut")) {
    const held = token;
    token = staff = null;
    clearTimeout(idleTimer);
    clearTimeout(fleetTimer);
    if (held) await api("DELETE", "/console/api/session", { token: held });
    for (const id of ["terminals-list", "terminal-code", "fleet-alerts", "fleet-map", "fleet-list", "fleet-as-of",
      "staff-name", "staff-role", "staff-area", "staff-list", "staff-password", "production-notice",
      "production-waiting", "production-batches", "figures-error", "figures-chart", "figures-table", "output-table",
      "coverage-table", "uncovered-list", "late-table", "guides-list", "guide-preview-box", "notices-list",
      "notice-preview-box"]) {
      $(id).replaceChildren();
    }
    for (const input of document.querySelectorAll("input, textarea")) input.value = input.id === "issue-hours" ? "24" : "";
    $("login-error").textContent = message;
    showScreen("screen-login");
  }
  $("logout").addEventListener("click", () => signOut());

  /// Past `idleSeconds` without input the console signs out (the centre ends the token then too).
  function armIdleLock() {
    clearTimeout(idleTimer);
    if (!token || !idleSeconds) return;
    idleTimer = setTimeout(() => signOut(t("idleLocked")), idleSeconds * 1000);
  }
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "input"]) {
    document.addEventListener(type, armIdleLock, { capture: true, passive: true });
  }

  // MARK: Tabs

  let currentTab = "terminals";

  function selectTab(name) {
    currentTab = name;
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const selected = tab.id === `tab-${name}`;
      tab.setAttribute("aria-selected", String(selected));
      $(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    clearTimeout(fleetTimer);
    if (name === "terminals") showTerminals();
    else if (name === "staff") showStaff();
    else if (name === "production") showProduction();
    else if (name === "information") showInformation();
    else if (name === "figures") {
      showFigures();
      showSatisfaction();
      showOutput();
      showLate();
      showCandidates();
      showCoverage();
    }
    else showFleet();
  }
  for (const name of ["terminals", "fleet", "staff", "production", "figures", "information"]) {
    $(`tab-${name}`).addEventListener("click", () => selectTab(name));
  }

  // MARK: Terminals

  async function showTerminals() {
    const reply = await call("GET", "/console/api/terminals");
    if (reply.status !== 200) return $("terminals-list").replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
    const manages = staff?.role === "county-administrator";
    const headers = ["colTerminal", "colName", "colArea", "colEnrolled", "colRegistered", "colVersion", "colLastSync",
      "colState"];
    if (manages) headers.push("colActions");
    $("terminals-list").replaceChildren(table(headers, reply.json.map((terminal) => {
      const row = [
        terminal.id, terminal.name, terminal.jurisdiction, t(terminal.enrolled ? "enrolledByCode" : "enrolledByHand"),
        when(terminal.registeredAt), terminal.version ?? "—", when(Math.max(terminal.lastPullAt ?? 0, terminal.lastPushAt ?? 0)),
        el("span", { class: terminal.revokedAt ? "state-bad" : "state-good", "data-state": terminal.revokedAt ? "revoked" : "active" },
          terminal.revokedAt ? `${t("stateRevoked")} ${when(terminal.revokedAt)}` : t("stateActive")),
      ];
      if (manages) {
        row.push(el("span", { class: "actions" },
          el("button", { type: "button", class: "secondary", "data-rotate": terminal.id, onclick: () => rotate(terminal) }, t("rotate")),
          terminal.revokedAt ? null
            : el("button", { type: "button", class: "danger", "data-revoke": terminal.id, onclick: () => revoke(terminal) }, t("revoke"))));
      }
      return row;
    })));
  }

  /// The code, large, the only time it is shown.
  function showCode(issued) {
    $("terminal-code").replaceChildren(el("div", { class: "code-box" },
      el("p", {}, `${t("codeShownOnce")} ${issued.terminalID}`),
      el("p", { class: "code", id: "issued-code" }, issued.code),
      el("p", { class: "hint" }, `${t("codeExpires")} ${when(issued.expiresAt)}. ${t("codeThenListed")}`)));
  }

  $("issue-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("issue-error").textContent = "";
    const reply = await call("POST", "/console/api/terminals", {
      terminalID: $("issue-id").value.trim(), jurisdiction: $("issue-area").value.trim(),
      name: $("issue-name").value.trim(), expiresInHours: Number($("issue-hours").value),
    });
    if (reply.status !== 201) return ($("issue-error").textContent = errorText(reply.json));
    $("issue-id").value = $("issue-name").value = "";
    showCode(reply.json);
    showTerminals();
  });

  async function rotate(terminal) {
    const reply = await call("POST", `/console/api/terminals/${encodeURIComponent(terminal.id)}/rotate`,
      { expiresInHours: 24 });
    if (reply.status !== 201) return $("terminal-code").replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
    showCode(reply.json);
  }

  async function revoke(terminal) {
    if (!window.confirm(t("confirmRevoke"))) return;
    const reply = await call("POST", `/console/api/terminals/${encodeURIComponent(terminal.id)}/revoke`);
    $("terminal-code").replaceChildren(reply.status === 200
      ? el("p", { class: "notice" }, `${terminal.id}: ${t("revokedNotice")}`)
      : el("p", { class: "error" }, errorText(reply.json)));
    showTerminals();
  }

  // MARK: Staff

  // The last two work at the halls' terminals only: their accounts go down to them, with the area.
  const roles = ["county-administrator", "county-supervisor", "county-auditor", "technician", "clerk", "supervisor"];

  function roleSelect(selected, id, label) {
    return el("select", { id, "aria-label": label }, roles.map((role) =>
      el("option", { value: role, ...(role === selected ? { selected: "" } : {}) }, t(`role-${role}`))));
  }
  $("staff-new-role").replaceChildren(...roleSelect("technician").children);
  $("staff-new-role").value = "technician";

  async function showStaff() {
    const reply = await call("GET", "/console/api/staff");
    if (reply.status !== 200) return $("staff-list").replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
    $("staff-list").replaceChildren(table(["colStaff", "colPersonName", "colRole", "colArea", "colState", "colActions"],
      reply.json.map((member) => {
        const own = member.id === staff.id;
        const states = [];
        if (member.disabled) states.push(t("stateDisabled"));
        if (member.mustChangePassword) states.push(t("stateMustChange"));
        if (member.lockedUntil) states.push(`${t("stateLocked")} ${when(member.lockedUntil)}`);
        const role = own ? t(`role-${member.role}`)
          : roleSelect(member.role, `staff-role-${member.id}`, `${t("role")} ${member.id}`);
        const area = own ? member.jurisdiction
          : el("input", { id: `staff-area-${member.id}`, value: member.jurisdiction, inputmode: "numeric", size: "12",
            "aria-label": `${t("area")} ${member.id}` });
        return [member.id, member.name, role, area,
          el("span", { class: member.disabled || member.lockedUntil ? "state-bad" : "state-good", "data-staff-state": member.id },
            states.length ? states.join(", ") : t("stateActive")),
          own ? "" : el("span", { class: "actions" },
            el("button", { type: "button", class: "secondary", "data-save": member.id, onclick: () => reassign(member) }, t("save")),
            el("button", { type: "button", class: "secondary", "data-reset": member.id, onclick: () => reset(member) }, t("resetPassword")),
            member.disabled
              ? el("button", { type: "button", class: "secondary", "data-enable": member.id, onclick: () => setDisabled(member, false) }, t("enable"))
              : el("button", { type: "button", class: "danger", "data-disable": member.id, onclick: () => setDisabled(member, true) }, t("disable")))];
      })));
  }

  /// The first password, large, the only time it is shown.
  function showPassword(issued) {
    $("staff-password").replaceChildren(el("div", { class: "code-box" },
      el("p", {}, `${issued.staff.id} ${issued.staff.name}: ${t("passwordShownOnce")}`),
      el("p", { class: "code", id: "issued-password" }, issued.firstPassword)));
  }

  function staffNotice(reply, success) {
    $("staff-password").replaceChildren(reply.status === 200 || reply.status === 201
      ? success : el("p", { class: "error" }, errorText(reply.json)));
  }

  $("staff-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("staff-error").textContent = "";
    const reply = await call("POST", "/console/api/staff", {
      id: $("staff-new-id").value.trim(), name: $("staff-new-name").value.trim(),
      role: $("staff-new-role").value, jurisdiction: $("staff-new-area").value.trim(),
    });
    if (reply.status !== 201) return ($("staff-error").textContent = errorText(reply.json));
    $("staff-new-id").value = $("staff-new-name").value = "";
    showPassword(reply.json);
    showStaff();
  });

  async function reassign(member) {
    const path = `/console/api/staff/${encodeURIComponent(member.id)}`;
    const reply = await call("PUT", path, {
      role: $(`staff-role-${member.id}`).value, jurisdiction: $(`staff-area-${member.id}`).value.trim(),
    });
    staffNotice(reply, el("p", { class: "notice" }, `${member.id}: ${t("savedNotice")}`));
    showStaff();
  }

  async function reset(member) {
    const reply = await call("POST", `/console/api/staff/${encodeURIComponent(member.id)}/reset`);
    if (reply.status === 200) showPassword(reply.json);
    else staffNotice(reply);
    showStaff();
  }

  async function setDisabled(member, disabled) {
    if (disabled && !window.confirm(t("confirmDisable"))) return;
    const action = disabled ? "disable" : "enable";
    const reply = await call("POST", `/console/api/staff/${encodeURIComponent(member.id)}/${action}`);
    staffNotice(reply, el("p", { class: "notice" }, `${member.id}: ${t(disabled ? "stateDisabled" : "stateActive")}`));
    showStaff();
  }

  // MARK: Card production

  function cardList(cards) {
    return el("ul", { class: "devices" }, cards.map((card) =>
      el("li", { "data-card": card.cardNumber, "data-status": card.status }, `${card.cardNumber} · ${t(`card-${card.status}`)}`)));
  }

  async function showProduction() {
    const reply = await call("GET", "/console/api/card-production");
    if (currentTab !== "production" || !token) return;
    if (reply.status !== 200) {
      return $("production-waiting").replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
    }
    const { waiting, batches } = reply.json;
    const manages = ["county-administrator", "county-supervisor"].includes(staff.role);
    $("production-waiting").replaceChildren(el("h3", {}, `${t("waitingCards")}: ${waiting.length}`),
      waiting.length ? cardList(waiting) : el("p", { id: "no-waiting" }, t("noWaitingCards")));
    const headers = ["colBatch", "colArea", "colCreated", "colState", "colCards"];
    if (manages) headers.push("colActions");
    $("production-batches").replaceChildren(batches.length === 0 ? el("p", {}, t("noBatches")) : table(headers,
      batches.map(({ batch, cards }) => {
        const row = [batch.id, batch.regionCode, when(batch.createdAt),
          el("span", { "data-batch-state": batch.id, class: batch.status === "delivered" ? "state-good" : null },
            t(`batch-${batch.status}`)),
          cardList(cards)];
        if (manages) {
          row.push(batch.status === "in-production"
            ? el("button", { type: "button", class: "secondary", "data-deliver": batch.id, onclick: () => deliver(batch) },
              t("deliverBatch"))
            : "");
        }
        return row;
      })));
  }

  function productionNotice(reply, words) {
    $("production-notice").replaceChildren(reply.status === 200 || reply.status === 201
      ? el("p", { class: "notice" }, `${words}: ${reply.json.id} (${reply.json.cardCount})`)
      : el("p", { class: "error", role: "alert" }, errorText(reply.json)));
  }

  $("batch-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const reply = await call("POST", "/console/api/batches", { region: $("batch-area").value.trim() });
    productionNotice(reply, t("batchStarted"));
    showProduction();
  });

  async function deliver(batch) {
    if (!window.confirm(t("confirmDeliver"))) return;
    const reply = await call("POST", `/console/api/batches/${encodeURIComponent(batch.id)}/deliver`);
    productionNotice(reply, t("batchDelivered"));
    showProduction();
  }

  // MARK: Guides and notices

  /// The services a guide may be published for.
  const guideKinds = ["card-application", "card-replacement", "loss-report", "loss-report-lifting",
    "resident-pension-enrolment", "resident-pension-claim", "employment-registration", "unemployment-registration",
    "flexible-employment-registration", "employment-difficulty", "training-sign-up"];
  $("guide-kind").replaceChildren(...guideKinds.map((kind) => el("option", { value: kind }, t(`service-${kind}`))));

  /// What is published, each with its button to load it into the form to change it.
  async function showInformation() {
    const [guides, notices] = await Promise.all([call("GET", "/console/api/guides"), call("GET", "/console/api/notices")]);
    if (guides.status !== 200) return $("guides-list").replaceChildren(el("p", { class: "error" }, errorText(guides.json)));
    $("guides-list").replaceChildren(table(["guideService", "guideMaterials", "guideSteps", "guideFee", "colActions"],
      guides.json.map(({ record }) => [t(`service-${record.kind}`), String(record.materials.length),
        String(record.steps.length), record.fee,
        el("button", { type: "button", class: "secondary", "data-edit-guide": record.kind, onclick: () => editGuide(record) },
          t("edit"))])));
    if (notices.status !== 200) return $("notices-list").replaceChildren(el("p", { class: "error" }, errorText(notices.json)));
    $("notices-list").replaceChildren(table(["noticeId", "noticeTitle", "noticeFrom", "noticeUntil", "colActions"],
      notices.json.map(({ record }) => [record.id, record.title, record.from, record.until,
        el("button", { type: "button", class: "secondary", "data-edit-notice": record.id, onclick: () => editNotice(record) },
          t("edit"))])));
  }

  const lines = (id) => $(id).value.split("\n").map((line) => line.trim()).filter(Boolean);
  const guideDraft = () => ({ kind: $("guide-kind").value, materials: lines("guide-materials"), steps: lines("guide-steps"),
    fee: $("guide-fee").value.trim(), legalBasis: $("guide-basis").value.trim() });
  const noticeDraft = () => ({ id: $("notice-id").value.trim(), title: $("notice-title").value.trim(),
    body: $("notice-body").value.trim(), from: $("notice-from").value, until: $("notice-until").value });

  function editGuide(guide) {
    $("guide-kind").value = guide.kind;
    $("guide-materials").value = guide.materials.join("\n");
    $("guide-steps").value = guide.steps.join("\n");
    $("guide-fee").value = guide.fee;
    $("guide-basis").value = guide.legalBasis;
    $("guide-materials").focus();
  }

  function editNotice(notice) {
    for (const field of ["id", "title", "body", "from", "until"]) $(`notice-${field}`).value = notice[field];
    $("notice-title").focus();
  }

  /// The draft as a kiosk will show it, and what stops it being published.
  function showPreview(box, publication, published) {
    const problems = Pages.language === "zh" ? publication.problemsChinese : publication.problems;
    $(box).replaceChildren(
      ...(published ? [el("p", { class: "notice" }, t("published"))] : []),
      el("div", { class: "preview", "data-preview": "text" }, publication.text),
      ...(problems.length
        ? [el("ul", { class: "error", "data-preview": "problems" }, problems.map((p) => el("li", {}, p)))] : []));
  }

  for (const [kind, draft] of [["guide", guideDraft], ["notice", noticeDraft]]) {
    const path = `/console/api/${kind}s`;
    const box = `${kind}-preview-box`;
    $(`${kind}-preview`).addEventListener("click", async () => {
      const reply = await call("POST", `${path}/preview`, draft());
      if (reply.status !== 200) return $(box).replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
      showPreview(box, reply.json, false);
    });
    $(`${kind}-form`).addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await call("POST", path, draft());
      if (reply.status !== 201) return $(box).replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
      showPreview(box, reply.json, true);
      showInformation();
    });
  }

  // MARK: Figures

  const groupings = ["township", "village", "clerk", "service"];
  $("figures-group").replaceChildren(...groupings.map((group) => el("option", { value: group }, t(`group-${group}`))));
  $("figures-month").value = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 7);

  function figuresQuery() {
    return `month=${encodeURIComponent($("figures-month").value)}&group=${encodeURIComponent($("figures-group").value)}`;
  }

  /// Grouped bars drawn here from the same JSON the table shows: received, completed in time and
  /// overdue for each group. No chart library: a few SVG rectangles.
  function chart(rows) {
    const svg = (tag, attributes, ...children) => {
      const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.append(...children);
      return element;
    };
    const series = [["received", "colReceived"], ["completedInTime", "colInTime"], ["overdue", "colOverdue"]];
    const highest = Math.max(1, ...rows.flatMap((row) => series.map(([key]) => row[key])));
    const band = 36 * series.length + 24;
    const width = 160 + 420;
    const height = rows.length * band + 40;
    const bars = rows.flatMap((row, index) => {
      const top = index * band + 8;
      return [svg("text", { x: 0, y: top + 18 * series.length, class: "chart-label" }, row.key),
        ...series.map(([key, label], offset) => svg("rect", {
          x: 160, y: top + offset * 36, height: 28, width: Math.round((row[key] / highest) * 380),
          class: `chart-bar chart-${key}`, "data-group": row.key, "data-series": key, "data-value": row[key],
        }, svg("title", {}, `${row.key} ${t(label)}: ${row[key]}`))),
        ...series.map(([key], offset) => svg("text", {
          x: 166 + Math.round((row[key] / highest) * 380), y: top + offset * 36 + 20, class: "chart-value",
        }, String(row[key])))];
    });
    const legend = series.map(([key, label], offset) => svg("g", {},
      svg("rect", { x: 160 + offset * 140, y: height - 22, width: 16, height: 16, class: `chart-bar chart-${key}` }),
      svg("text", { x: 182 + offset * 140, y: height - 9, class: "chart-label" }, t(label))));
    return svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": t("figuresChart") },
      ...bars, ...legend);
  }

  async function showFigures() {
    $("figures-error").textContent = "";
    const reply = await call("GET", `/console/api/figures?${figuresQuery()}`);
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const { rows, total } = reply.json;
    const line = (row, key) => [key, row.received, row.completedSameDay, row.completedInTime, row.overdue, row.refused,
      row.open];
    $("figures-chart").replaceChildren(rows.length ? chart(rows) : "");
    $("figures-table").replaceChildren(table(
      ["colGroup", "colReceived", "colSameDay", "colInTime", "colOverdue", "colRefused", "colOpen"],
      [...rows.map((row) => line(row, row.key)), line(total, t("totalRow"))]));
  }

  async function showOutput() {
    const reply = await call("GET", `/console/api/figures/output?month=${encodeURIComponent($("figures-month").value)}`);
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const documents = (counts) => Object.entries(counts).sort()
      .map(([kind, count]) => `${t(`doc-${kind}`)} ${count}`).join(" · ") || "0";
    const line = (row, key) => [key, row.cardsApplied, row.cardsProduced, row.cardsIssued, row.cardsActivated,
      documents(row.documents)];
    $("output-table").replaceChildren(table(
      ["colGroup", "colCardsApplied", "colCardsProduced", "colCardsIssued", "colCardsActivated", "colDocuments"],
      [...reply.json.rows.map((row) => line(row, row.key)), line(reply.json.total, t("totalRow"))]));
  }

  /// The month's ratings by the same grouping: how many of each level, and the share satisfied.
  async function showSatisfaction() {
    const reply = await call("GET", `/console/api/figures/satisfaction?${figuresQuery()}`);
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const line = (row, key) => {
      const total = row.satisfied + row.basicallySatisfied + row.dissatisfied;
      const share = total ? `${Math.round(((row.satisfied + row.basicallySatisfied) / total) * 1000) / 10}%` : "—";
      return [el("span", { "data-rating-group": key }, key || t("noService")), row.satisfied, row.basicallySatisfied,
        row.dissatisfied, share];
    };
    $("satisfaction-table").replaceChildren(table(
      ["colGroup", "colSatisfied", "colBasicallySatisfied", "colDissatisfied", "colSatisfiedShare"],
      [...reply.json.rows.map((row) => line(row, row.key)), line(reply.json.total, t("totalRow"))]));
  }

  /// The area's late cases (督办), the longest late first: where each is, who has it, which limit passed.
  async function showLate() {
    const reply = await call("GET", "/console/api/cases/late");
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const when = (iso) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
    $("late-table").replaceChildren(reply.json.length ? table(
      ["colCase", "colService", "colVillage", "colLevel", "colOwner", "colStepDue", "colDeadline", "colLate"],
      reply.json.map((late) => [
        el("span", { "data-late-case": late.id, "data-level": late.level }, late.id), late.service, late.regionCode,
        t(`level-${late.level}`), late.owner ?? "—", when(late.stepDue), when(late.deadline),
        [late.stepLate ? t("lateStep") : "", late.caseLate ? t("lateCase") : ""].filter(Boolean).join(" · "),
      ])) : el("p", {}, t("lateNone")));
  }

  /// Retirees whose pension the county should decide on suspending: checks overdue, deaths and moves reported.
  async function showCandidates() {
    const reply = await call("GET", "/console/api/retirees/candidates");
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const day = (iso) => new Date(iso).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
    $("candidates-table").replaceChildren(reply.json.length ? table(
      ["colIDNumber", "colVillage", "colCheckYear", "colCheckDue", "colReason"],
      reply.json.map((c) => [el("span", { "data-candidate": c.reason }, c.idNumber), c.regionCode, String(c.year),
        day(c.dueBy), c.reasonName])) : el("p", {}, t("candidatesNone")));
  }

  async function showCoverage() {
    const reply = await call("GET", "/console/api/coverage");
    if (currentTab !== "figures" || !token) return;
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    const share = (part, whole) => `${part} (${whole ? Math.round((part / whole) * 1000) / 10 : 0}%)`;
    const line = (village, label) => [label, village.population,
      share(village.covered.pension ?? 0, village.population), share(village.covered.medical ?? 0, village.population)];
    $("coverage-table").replaceChildren(table(["colVillage", "colPopulation", "colPension", "colMedical"],
      [...reply.json.villages.map((village) => line(village, village.regionCode)), line(reply.json.total, t("totalRow"))]));
  }

  async function showUncovered(scheme) {
    const reply = await call("GET", `/console/api/coverage/uncovered?scheme=${scheme}`);
    if (reply.status !== 200) return ($("figures-error").textContent = errorText(reply.json));
    $("uncovered-list").replaceChildren(
      el("h3", { "data-scheme": scheme }, `${t(scheme === "pension" ? "uncoveredPension" : "uncoveredMedical")}: ${reply.json.length} ${t("uncoveredCount")}`),
      table(["colPersonName", "colIdNumber", "colVillage", "colPhone"],
        reply.json.map((person) => [person.name, person.idNumber, person.regionCode, person.phone ?? "—"])));
  }
  for (const button of document.querySelectorAll("[data-uncovered]")) {
    button.addEventListener("click", () => showUncovered(button.dataset.uncovered));
  }

  $("figures-form").addEventListener("submit", (event) => {
    event.preventDefault();
    showFigures();
    showSatisfaction();
    showOutput();
  });

  /// The CSV or workbook the county offices exchange, saved as a file; the centre records the export.
  async function exportFigures(suffix) {
    $("figures-error").textContent = "";
    try {
      const response = await fetch(`/console/api/figures.${suffix}?${figuresQuery()}`,
        { headers: { Authorization: `Bearer ${token}` }, cache: "no-store", credentials: "omit" });
      if (!response.ok) {
        if (response.status === 401) return signOut(t("idleLocked"));
        return ($("figures-error").textContent = errorText(await response.json()));
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `figures.${suffix}`;
      const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name, id: "figures-download" });
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch {
      $("figures-error").textContent = t("errorGeneric");
    }
  }
  $("figures-export").addEventListener("click", () => exportFigures("csv"));
  $("figures-export-xlsx").addEventListener("click", () => exportFigures("xlsx"));

  // MARK: Fleet health

  function age(milliseconds) {
    if (!milliseconds) return "—";
    const seconds = Math.max(0, Math.round((Date.now() - milliseconds) / 1000));
    return seconds < 120 ? `${seconds} ${t("seconds")}` : when(milliseconds);
  }

  function device(status) {
    const words = [`${status.name}: ${t(`state-${status.state}`)}`];
    if (status.cardPresent) words.push(t("cardIn"));
    if (status.stateReasons?.length) words.push(status.stateReasons.join(", "));
    status.markerNames?.forEach((name, index) => {
      const level = status.markerLevels?.[index];
      words.push(`${name} ${level >= 0 ? `${level}%` : "?"}`);
    });
    return el("li", { class: status.state === "online" || status.state === "busy" ? null : "state-bad",
      "data-device": status.name, "data-state": status.state }, words.join(" · "));
  }

  /// An alert with its fix in the page's language; a device's alert also with the fix the terminal's
  /// own diagnostics gave in its heartbeat (in English, as `sskiosk diag` words it).
  function alert(terminal, item) {
    return el("li", { class: "alert", "data-alert": item.kind, "data-terminal": terminal.id },
      el("strong", {}, t(`alert-${item.kind}`)), item.device ? ` (${item.device})` : "",
      el("br"), `${t("fixLabel")}: ${t(`fix-${item.kind}`)}`,
      item.device ? el("span", { class: "diagnosis" }, el("br"), `${t("diagFixLabel")}: ${item.fix}`) : "");
  }

  /// The county's townships as tiles in region-code order (no boundaries are shipped, so a schematic
  /// rather than a geographic map), each coloured by its terminals' worst state.
  function fleetMap(rows) {
    const townships = new Map();
    for (const row of rows) {
      const code = row.terminal.jurisdiction.slice(0, 9);
      const tile = townships.get(code) ?? { terminals: 0, alerts: 0, silent: 0 };
      tile.terminals += 1;
      tile.alerts += row.alerts.length;
      if (!row.lastHeartbeatAt) tile.silent += 1;
      townships.set(code, tile);
    }
    const svg = (tag, attributes, ...children) => {
      const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.append(...children);
      return element;
    };
    const perRow = 6;
    const codes = [...townships.keys()].sort();
    const tiles = codes.map((code, index) => {
      const tile = townships.get(code);
      const state = tile.alerts ? "alert" : tile.silent === tile.terminals ? "silent" : "ok";
      const x = (index % perRow) * 150;
      const y = Math.floor(index / perRow) * 90;
      return svg("g", { "data-township": code, "data-state": state },
        svg("rect", { x, y, width: 140, height: 80, rx: 8, class: `map-tile map-${state}` }),
        svg("text", { x: x + 10, y: y + 28, class: "map-label" }, code),
        svg("text", { x: x + 10, y: y + 52, class: "map-label" }, `${tile.terminals} ${t("mapTerminals")}`),
        svg("text", { x: x + 10, y: y + 72, class: "map-label" }, `${tile.alerts} ${t("mapAlerts")}`));
    });
    const height = Math.max(1, Math.ceil(codes.length / perRow)) * 90;
    return svg("svg", { viewBox: `0 0 ${perRow * 150} ${height}`, width: "100%", role: "img", "aria-label": t("fleetMap") },
      svg("title", {}, t("fleetMap")), ...tiles);
  }

  async function showFleet() {
    clearTimeout(fleetTimer);
    const reply = await call("GET", "/console/api/fleet");
    if (currentTab !== "fleet" || !token) return;
    fleetTimer = setTimeout(showFleet, fleetRefresh * 1000);
    if (reply.status !== 200) return $("fleet-list").replaceChildren(el("p", { class: "error" }, errorText(reply.json)));
    const rows = reply.json;
    const count = rows.reduce((sum, row) => sum + row.alerts.length, 0);
    $("fleet-alerts").replaceChildren(count === 0
      ? el("p", { class: "notice" }, t("noAlerts"))
      : el("div", { class: "alerts" }, el("p", { class: "error" }, t("alertsCount", count)),
        el("ul", {}, rows.flatMap((row) => row.alerts.map((item) => alert(row.terminal, item))))));
    $("fleet-map").replaceChildren(rows.length ? fleetMap(rows) : "");
    $("fleet-list").replaceChildren(table(
      ["colTerminal", "colArea", "colHeartbeat", "colVersion", "colOutbox", "colClock", "colDevices", "colAlerts"],
      rows.map((row) => {
        const outbox = row.heartbeat?.sync.outbox;
        return [
          `${row.terminal.id} ${row.terminal.name}`, row.terminal.jurisdiction, age(row.lastHeartbeatAt),
          row.heartbeat?.version ?? "—",
          outbox ? `${outbox.pending} ${t("pendingCommands")}${outbox.oldestPendingAt ? `, ${t("oldest")} ${age(outbox.oldestPendingAt)}` : ""}` : "—",
          row.clockSkewSeconds === undefined ? "—" : `${Math.abs(Math.round(row.clockSkewSeconds)) === 0 ? 0 : Math.round(row.clockSkewSeconds)} ${t("seconds")}`,
          el("ul", { class: "devices" }, (row.heartbeat?.devices ?? []).map(device)),
          el("ul", { class: "devices", "data-alerts": row.terminal.id }, row.alerts.map((item) => el("li", { class: "state-bad" }, t(`alert-${item.kind}`)))),
        ];
      })));
    $("fleet-as-of").textContent = `${t("asOf")} ${when(Date.now())}`;
  }

  document.addEventListener("languagechange", () => {
    if (staff) {
      $("staff-role").textContent = t(`role-${staff.role}`);
      selectTab(currentTab);
    }
  });
})();
