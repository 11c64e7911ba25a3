"""Debian's chromium, headless through chromium-driver, with the checks every screen gets:
a screenshot (an artifact under .build), accessible names, text contrast and touch-target size."""

import os
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from rig import ROOT

SCREENSHOTS = Path(os.environ.get("SSKIOSK_SCREENSHOTS", ROOT / ".build" / "browser-screenshots"))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# 15 mm at the 96 CSS px per inch a browser assumes.
MIN_TARGET = 57
MIN_CONTRAST = 4.5


def have_browser():
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def open_browser(insecure=False):
    """The browser; `insecure` accepts a test centre's self-signed certificate."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024",
                     "--autoplay-policy=no-user-gesture-required", "--lang=zh-CN", "--disable-gpu"]:
        options.add_argument(argument)
    if insecure:
        options.add_argument("--ignore-certificate-errors")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def wait(condition, timeout=30, what="a condition"):
    """Polls `condition` until it is truthy; returns its value or fails saying what it waited for."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # a page mid-change: try again
            last = error
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}" + (f" ({last})" if last else ""))


def visible_screen(driver):
    return driver.execute_script(
        "const s = [...document.querySelectorAll('.screen')].find(e => !e.hidden); return s ? s.id : null;")


def wait_screen(driver, screen, timeout=30):
    wait(lambda: visible_screen(driver) == screen, timeout, f"screen {screen} (showing {visible_screen(driver)})")


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


# Runs in the page: every visible control's accessible name and size, and every visible text's
# contrast against the background it is drawn on (the first opaque background up the tree).
AUDIT = r"""
function rgba(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(',').map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function luminance([r, g, b]) {
  const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function background(element) {
  for (let e = element; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
function shown(e) {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !e.closest('[hidden]');
}
function accessibleName(e) {
  if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
  if (e.getAttribute('aria-labelledby')) return document.getElementById(e.getAttribute('aria-labelledby'))?.textContent;
  if (e.labels && e.labels.length) return e.labels[0].textContent;
  return e.textContent;
}
const problems = [];
for (const e of document.querySelectorAll('button, input, select, textarea, a[href]')) {
  if (!shown(e)) continue;
  const name = (accessibleName(e) || '').trim();
  const what = e.id || e.outerHTML.slice(0, 80);
  if (!name) problems.push('no accessible name: ' + what);
  const r = e.getBoundingClientRect();
  if (r.width < MIN_TARGET || r.height < MIN_TARGET)
    problems.push(`touch target ${Math.round(r.width)}x${Math.round(r.height)} px < ${MIN_TARGET}: ${what} "${name}"`);
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
while (walker.nextNode()) {
  const node = walker.currentNode;
  const e = node.parentElement;
  if (!node.textContent.trim() || seen.has(e) || !shown(e) || e.closest('.visually-hidden')) continue;
  seen.add(e);
  const fg = rgba(getComputedStyle(e).color);
  const bg = background(e);
  const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  if (ratio < MIN_CONTRAST)
    problems.push(`contrast ${ratio.toFixed(2)} < ${MIN_CONTRAST}: "${node.textContent.trim().slice(0, 30)}"`);
}
return problems;
"""


def audit(driver):
    """What is wrong with the screen shown, for a person with poor sight or unsteady hands."""
    script = AUDIT.replace("MIN_TARGET", str(MIN_TARGET)).replace("MIN_CONTRAST", str(MIN_CONTRAST))
    return driver.execute_script(script)


def check_screen(test, driver, name):
    """Screenshot, then the accessibility audit; a problem fails the test."""
    screenshot(driver, name)
    problems = audit(driver)
    test.assertEqual(problems, [], f"accessibility problems on {name}")


def click(driver, selector):
    """Clicks the element `selector` finds; found again when a redraw replaced it between the find
    and the click (a list that a second answer re-renders), as a person would click the new one."""
    for attempt in range(5):
        try:
            driver.find_element(By.CSS_SELECTOR, selector).click()
            return
        except StaleElementReferenceException:
            if attempt == 4:
                raise
            time.sleep(0.2)


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def page_text(driver):
    return driver.execute_script("return document.documentElement.outerHTML + document.body.innerText;")
