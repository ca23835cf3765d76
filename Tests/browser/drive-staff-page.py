#!/usr/bin/env python3
"""Drives the staff page of a running `postguard serve` in headless Chromium, as a person would:
pastes a draft, picks what it is, clicks Check, reads what the page shows, copies the safe version,
and saves screenshots. Prints what it saw as JSON; the Swift test (ServeBrowserTests) asserts on it.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out),
so it needs nothing but Python's standard library and Debian's `chromium`.

    drive-staff-page.py CHROMIUM URL SCENARIOS.json SCREENSHOT_DIR
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium, profile):
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()

        def plumb():
            os.dup2(to_r, 3)
            os.dup2(from_w, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
             "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(3, 4), preexec_fn=plumb, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_r)
        os.close(from_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_w, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression, await_promise=False):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise, "userGesture": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails'].get('text')}: {expression[:80]}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise TimeoutError(expression)

    def click(self, selector):
        """A real mouse click in the middle of the element, after scrolling it into view."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}}; }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})

    def paste(self, selector, text):
        """Focuses the field and inserts the text as a paste does (input events, no key per character)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", {"text": text})

    def choose(self, selector, value):
        self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.value = {json.dumps(value)}; e.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")

    def screenshot(self, path, width):
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 800, "deviceScaleFactor": 1,
                                                          "mobile": width < 600})
        height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                          "mobile": width < 600})
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


SEEN = r"""(() => {
  const $ = (id) => document.getElementById(id);
  return {
    verdict: $("verdict").dataset.verdict || null,
    banner: $("verdict").innerText,
    marks: [...document.querySelectorAll("#highlighted mark")].map((m) => ({
      text: m.firstChild.textContent, severity: m.className, rule: m.dataset.rule,
      spoken: m.querySelector(".sr-only") ? m.querySelector(".sr-only").textContent : null })),
    shownDraft: [...$("highlighted").childNodes].map((n) => n.nodeType === 3 ? n.textContent
      : n.tagName === "MARK" ? n.firstChild.textContent : "").join(""),
    references: [...document.querySelectorAll("#highlighted a.ref")].map((a) => a.getAttribute("href")),
    reasons: [...document.querySelectorAll("#reasons .reason")].map((r) => ({ id: r.id,
      text: r.innerText, guide: r.querySelector("a").getAttribute("href") })),
    safeShown: !$("safe").hidden,
    safe: $("safe").hidden ? null : $("safe-text").textContent,
    focused: document.activeElement ? document.activeElement.id : null,
  };
})()"""


def run(chromium, url, scenarios, shots):
    profile = tempfile.mkdtemp(prefix="postguard-chromium-")
    browser = Browser(chromium, profile)
    seen = []
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        browser.send("Page.enable")
        browser.send("Runtime.enable")
        origin = url.rstrip("/")
        browser.send("Browser.grantPermissions", {"origin": origin,
                                                  "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}, session=False)
        for scenario in scenarios:
            browser.send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 800, "deviceScaleFactor": 1, "mobile": False})
            browser.send("Page.navigate", {"url": url})
            browser.wait_for("document.readyState === 'complete' && !!document.getElementById('check')")
            browser.choose("#kind", scenario["kind"])
            browser.choose("#channel", scenario.get("channel", ""))
            browser.paste("#text", scenario["text"])
            if scenario.get("in_reply_to"):
                browser.paste("#in_reply_to", scenario["in_reply_to"])
            consent_result = None
            if scenario.get("consent"):
                browser.paste("#consent", scenario["consent"])
                browser.click("#consent-check")
                browser.wait_for("document.getElementById('consent-result').textContent !== ''")
                consent_result = browser.evaluate("document.getElementById('consent-result').textContent")
            browser.click("#check")
            browser.wait_for("!!document.getElementById('verdict').dataset.verdict")
            result = browser.evaluate(SEEN)
            result["name"] = scenario["name"]
            result["consentResult"] = consent_result
            if result["safeShown"]:
                browser.click("#copy")
                browser.wait_for("document.getElementById('copy-status').textContent !== ''")
                result["copyStatus"] = browser.evaluate("document.getElementById('copy-status').textContent")
                try:
                    result["clipboard"] = browser.evaluate("navigator.clipboard.readText()", await_promise=True)
                except RuntimeError as error:
                    result["clipboard"] = None
                    result["clipboardError"] = str(error)
            for shot in scenario.get("screenshots", []):
                path = os.path.join(shots, shot["file"])
                browser.screenshot(path, shot["width"])
                result.setdefault("screenshots", []).append(path)
            seen.append(result)
    finally:
        browser.close()
        subprocess.run(["rm", "-rf", profile], check=False)
    return seen


if __name__ == "__main__":
    chromium, url, scenarios_file, shots = sys.argv[1:5]
    with open(scenarios_file, encoding="utf-8") as f:
        scenarios = json.load(f)
    os.makedirs(shots, exist_ok=True)
    print(json.dumps(run(chromium, url, scenarios, shots), ensure_ascii=False))
