// What both pages share: the strings in two languages, the display options, calls to the API.
// Nothing here keeps anything in storage: no cookies, no localStorage, no history entries.
"use strict";

const Pages = (() => {
  const tables = JSON.parse(document.getElementById("strings").textContent);
  let language = "zh";
  let speechOn = false;
  let voice = null;

  function t(key, n) {
    let text = tables[language][key] ?? tables.zh[key] ?? key;
    if (n !== undefined) text = text.replace("{n}", String(n));
    return text;
  }

  function applyLanguage() {
    document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
    for (const element of document.querySelectorAll("[data-t]")) element.textContent = t(element.dataset.t);
    const toggle = document.getElementById("toggle-language");
    if (toggle) toggle.lang = language === "zh" ? "en" : "zh-CN";
    document.dispatchEvent(new CustomEvent("languagechange"));
  }

  function setLanguage(next) {
    language = next;
    applyLanguage();
  }

  function setContrast(on) {
    document.body.classList.toggle("contrast", on);
    const toggle = document.getElementById("toggle-contrast");
    if (toggle) toggle.setAttribute("aria-pressed", String(on));
  }

  function setSpeech(on) {
    speechOn = on;
    const toggle = document.getElementById("toggle-speech");
    if (toggle) toggle.setAttribute("aria-pressed", String(on));
    if (!on && voice) voice.pause();
  }

  /// Speaks one of the page's own strings (never a person's data) through the terminal service.
  function say(key) {
    if (!speechOn || !key) return;
    play(`/kiosk/speech/${encodeURIComponent(key)}?lang=${language}`);
  }

  /// Plays a spoken text in place of whatever was being said.
  function play(path) {
    if (voice) voice.pause();
    voice = new Audio(path);
    voice.play().catch(() => {});
  }

  /// Back to Chinese, normal contrast and no speech: the next person starts from the defaults.
  function resetOptions() {
    setLanguage("zh");
    setContrast(false);
    setSpeech(false);
  }

  function wireToolbar() {
    document.getElementById("toggle-language")?.addEventListener("click", () =>
      setLanguage(language === "zh" ? "en" : "zh"));
    document.getElementById("toggle-contrast")?.addEventListener("click", () =>
      setContrast(!document.body.classList.contains("contrast")));
    document.getElementById("toggle-speech")?.addEventListener("click", () => {
      setSpeech(!speechOn);
      document.dispatchEvent(new CustomEvent("speechchange"));
    });
  }

  /// An element with attributes and children; strings become text nodes, never HTML.
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "onclick") element.addEventListener("click", value);
      else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function table(headers, rows) {
    if (rows.length === 0) return el("p", { class: "big" }, t("noRecords"));
    return el("table", {},
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, t(h))))),
      el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => el("td", {}, cell))))));
  }

  /// One call to the API. The answer is {status, json}; a network failure is status 0 with a message.
  async function api(method, path, { token, body } = {}) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      const response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store", credentials: "omit",
      });
      const text = await response.text();
      let json = {};
      try { json = text ? JSON.parse(text) : {}; } catch { json = {}; }
      return { status: response.status, json };
    } catch {
      return { status: 0, json: { messageChinese: tables.zh.networkError, message: tables.en.networkError } };
    }
  }

  /// An API error's words in the page's language.
  function errorText(json) {
    const text = language === "zh" ? json.messageChinese : json.message;
    return text || t("errorGeneric");
  }

  /// The Chinese text of `key`, whatever the page's language: what is sent for staff to read.
  function chinese(key) { return tables.zh[key] ?? key; }

  function yuan(fen) { return (Number(fen) / 100).toFixed(2); }

  /// The day an instant falls on where the hall is (YYYY-MM-DD), as time limits count it.
  function chinaDay(instant) { return new Date(instant).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" }); }

  /// A made-up key for one print, so a retried request never prints twice.
  function randomKey(prefix) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /// The staff sign-in form and the forced change of a first password, as the desk and the console
  /// share them: `session` and `password` are the API's paths, `signedIn` gets the answer's JSON. The
  /// current password is held only while a forced change asks for a new one.
  function staffSignIn({ session, password, signedIn }) {
    const $ = (id) => document.getElementById(id);
    let pendingChange = null;
    function done(json) {
      pendingChange = null;
      $("password-form").hidden = true;
      $("login-form").hidden = false;
      $("password-error").textContent = $("login-error").textContent = "";
      signedIn(json);
    }
    $("login-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const credentials = { id: $("login-id").value, password: $("login-password").value };
      const reply = await api("POST", session, { body: credentials });
      $("login-password").value = "";
      if (reply.status === 403 && reply.json?.code === "password-change-required") {
        pendingChange = credentials;
        $("login-error").textContent = "";
        $("login-form").hidden = true;
        $("password-form").hidden = false;
        return $("password-new").focus();
      }
      if (reply.status !== 200) return ($("login-error").textContent = errorText(reply.json));
      done(reply.json);
    });
    $("password-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const newPassword = $("password-new").value;
      const again = $("password-again").value;
      $("password-new").value = $("password-again").value = "";
      if (newPassword !== again) return ($("password-error").textContent = t("passwordsDiffer"));
      const reply = await api("POST", password, { body: { ...pendingChange, newPassword } });
      if (reply.status !== 200) return ($("password-error").textContent = errorText(reply.json));
      done(reply.json);
    });
  }

  wireToolbar();
  return {
    t, chinese, el, table, api, errorText, yuan, chinaDay, randomKey, say, play, resetOptions, applyLanguage, staffSignIn,
    get language() { return language; },
    get speechOn() { return speechOn; },
  };
})();
