// Serve: the staff page — plain HTML, CSS and a little script, compiled into the binary so it works
// offline from any install, with no CDN and no build step. The draft is highlighted in the browser
// from the report's offsets over the text the person typed: the server answers masked excerpts only,
// and the draft goes nowhere but this server.
enum StaffPage {
    static let html = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Check a draft — PostGuard</title>
    <link rel="stylesheet" href="/page.css">
    <script src="/page.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">Skip to content</a>
    <header class="top"><nav aria-label="PostGuard"><a href="/" aria-current="page">Check a draft</a> <a href="/rules">Rule guide</a></nav></header>
    <main id="main">
    <h1>Check a draft before you post it</h1>
    <p class="lead">Paste a post, a reply to a review or a message. PostGuard says whether it can go out, shows what identifies a patient, and suggests a safe version. Nothing you paste is stored or logged.</p>
    <form id="draft-form" novalidate>
      <div class="field">
        <label for="text">Your draft</label>
        <textarea id="text" name="text" rows="7" required aria-describedby="text-help"></textarea>
        <p id="text-help" class="help">Press Ctrl+Enter (⌘+Enter on a Mac) to check.</p>
      </div>
      <div class="row">
        <div class="field">
          <label for="kind">What it is</label>
          <select id="kind" name="kind">
            <option value="post">A post</option>
            <option value="reply">A reply to a review or comment</option>
            <option value="message">A message (WhatsApp, direct message)</option>
          </select>
        </div>
        <div class="field">
          <label for="channel">Where it will go</label>
          <select id="channel" name="channel">
            <option value="">Not stated</option>
            <option value="facebook">Facebook</option>
            <option value="instagram">Instagram</option>
            <option value="x">X</option>
            <option value="linkedin">LinkedIn</option>
            <option value="google">Google reviews</option>
            <option value="yelp">Yelp</option>
            <option value="whatsapp">WhatsApp</option>
            <option value="website">Website</option>
          </select>
        </div>
      </div>
      <div class="field" id="review-field" hidden>
        <label for="in_reply_to">The review or comment you are answering (optional)</label>
        <textarea id="in_reply_to" name="in_reply_to" rows="3" aria-describedby="review-help"></textarea>
        <p id="review-help" class="help">It picks the approved reply that fits; it is not checked itself.</p>
      </div>
      <div class="field">
        <label for="consent">Consent record id (optional)</label>
        <div class="inline">
          <input id="consent" name="consent" type="text" autocomplete="off" spellcheck="false" aria-describedby="consent-help">
          <button type="button" id="consent-check" class="secondary">Check this record</button>
        </div>
        <p id="consent-help" class="help">For a patient story or testimonial: the id of the patient's signed authorization, e.g. C-2026-0042.</p>
        <p id="consent-result" role="status" aria-live="polite"></p>
      </div>
      <button type="submit" id="check">Check the draft</button>
      <p id="form-error" class="error" role="alert"></p>
    </form>

    <section id="result" hidden aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">Result</h2>
      <div id="verdict" class="verdict" role="status" aria-live="polite"></div>
      <p id="rule-failures" class="error" hidden></p>
      <h3>Your draft, with what was found</h3>
      <p class="help" id="legend"><mark class="block">Red</mark>: must go before publishing. <mark class="review">Amber</mark>: a person must look. Numbers link to the reasons.</p>
      <div id="highlighted" class="draft" aria-describedby="legend"></div>
      <div id="safe" hidden>
        <h3 id="safe-heading">Suggested safe version</h3>
        <p class="help" id="safe-how"></p>
        <blockquote id="safe-text" aria-labelledby="safe-heading"></blockquote>
        <button type="button" id="copy">Copy the safe version</button>
        <span id="copy-status" role="status" aria-live="polite"></span>
      </div>
      <div id="reasons"></div>
    </section>
    </main>
    <footer><p>PostGuard checks against HIPAA's Safe Harbor identifiers and your organisation's social media policy. It cannot see images: look at every photo yourself.</p></footer>
    </body>
    </html>
    """

    static let css = """
    :root { --ink: #1a1a1a; --muted: #4a4a4a; --bg: #ffffff; --line: #8a8a8a; --accent: #0b4f9c;
      --block: #8f1111; --block-bg: #fde3e3; --review: #6b4500; --review-bg: #fff0c2; --pass: #135e2a; --pass-bg: #dff3e4; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
    main, footer, .top nav { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
    .top { background: #0b2f5c; }
    .top nav { display: flex; gap: 1.25rem; padding-top: .6rem; padding-bottom: .6rem; }
    .top a { color: #fff; font-weight: 600; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; z-index: 2; }
    .skip:focus { left: .5rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.2rem 0 .5rem; }
    h2 { font-size: 1.3rem; margin-top: 1.6rem; }
    h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
    a { color: var(--accent); }
    .lead { color: var(--muted); }
    .field { margin: 0 0 1rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .row .field { flex: 1 1 14rem; }
    label { display: block; font-weight: 600; margin-bottom: .25rem; }
    textarea, input, select { width: 100%; font: inherit; color: inherit; padding: .55rem; border: 2px solid var(--line); border-radius: 6px; background: #fff; }
    .inline { display: flex; flex-wrap: wrap; gap: .5rem; }
    .inline input { flex: 1 1 12rem; width: auto; }
    button { font: inherit; font-weight: 600; min-height: 2.75rem; padding: .5rem 1.1rem; border-radius: 6px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: var(--accent); }
    button:disabled { opacity: .6; cursor: progress; }
    :focus-visible { outline: 3px solid #d35400; outline-offset: 2px; }
    .help { color: var(--muted); font-size: .95rem; margin: .25rem 0 0; }
    .error { color: var(--block); font-weight: 600; }
    .error:empty { display: none; }
    .verdict { border-left: 8px solid; padding: .75rem 1rem; border-radius: 6px; font-size: 1.15rem; }
    .verdict strong { display: block; font-size: 1.3rem; }
    .verdict.block { background: var(--block-bg); border-color: var(--block); color: var(--block); }
    .verdict.review { background: var(--review-bg); border-color: var(--review); color: var(--review); }
    .verdict.pass { background: var(--pass-bg); border-color: var(--pass); color: var(--pass); }
    .draft { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: #fafafa; }
    mark { color: inherit; border-radius: 3px; padding: 0 .1em; }
    mark.block { background: var(--block-bg); box-shadow: inset 0 -3px 0 var(--block); }
    mark.review { background: var(--review-bg); box-shadow: inset 0 -3px 0 var(--review); }
    .scenarios mark { background: var(--review-bg); box-shadow: inset 0 -3px 0 var(--review); }
    a.ref { font-size: .75em; vertical-align: super; margin-left: .1em; font-weight: 700; text-decoration: none; }
    .reason { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: .75rem 0; }
    .reason h5 { margin: .3rem 0; font-size: 1.05rem; }
    .reason:target { outline: 3px solid #d35400; }
    .reason dl { margin: .3rem 0; }
    .reason dt { font-weight: 600; }
    .reason dd { margin: 0 0 .4rem 0; }
    .badge { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .45rem; border-radius: 4px; border: 1px solid; }
    .badge.block { color: var(--block); background: var(--block-bg); }
    .badge.review { color: var(--review); background: var(--review-bg); }
    .badge.info, .badge.pass { color: var(--pass); background: var(--pass-bg); }
    blockquote { margin: 0 0 .5rem; padding: .75rem 1rem; border-left: 6px solid var(--pass); background: var(--pass-bg); white-space: pre-wrap; }
    .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    .rule-list li, .scenarios li { margin: .35rem 0; }
    .meta { color: var(--muted); font-weight: 600; }
    .crumbs { color: var(--muted); margin-top: 1rem; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .75rem; border-radius: 6px; }
    footer { color: var(--muted); font-size: .9rem; margin-top: 2rem; padding-bottom: 2rem; }
    @media (max-width: 30rem) { body { font-size: 1rem; } h1 { font-size: 1.35rem; } button { width: 100%; } .inline button { width: 100%; } }
    """

    static let script = #"""
    "use strict";
    // The staff page: sends the draft to this server's /api/check and shows the report over the
    // text as typed. Offsets in the report are Unicode code points, as Array.from counts them.
    (function () {
      const $ = (id) => document.getElementById(id);
      const form = $("draft-form"), kind = $("kind");
      let rules = {};
      fetch("/api/rules").then((r) => r.json()).then((list) => { for (const r of list) rules[r.id] = r; }).catch(() => {});

      const showReviewField = () => { $("review-field").hidden = kind.value !== "reply"; };
      kind.addEventListener("change", showReviewField);
      showReviewField();

      $("text").addEventListener("keydown", (e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
      });

      const verdictWords = {
        block: ["Do not publish", "Something in this draft identifies a patient or breaches their privacy. Fix what is marked below, or use the safe version."],
        review: ["A person must look", "Something here may identify someone. Check what is marked below before publishing."],
        pass: ["Nothing found", "PostGuard found nothing that identifies a patient. You are still responsible for what you post."]
      };
      const severityTitle = { block: "Must fix before publishing", review: "A person must look", info: "For information" };
      const rank = { info: 0, review: 1, block: 2 };

      function el(tag, attrs, children) {
        const node = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
          if (k === "text") node.textContent = v; else node.setAttribute(k, v);
        }
        for (const child of children || []) node.append(child);
        return node;
      }

      form.addEventListener("submit", async (e) => {
        e.preventDefault();
        const text = $("text").value;
        $("form-error").textContent = "";
        if (!text.trim()) { $("form-error").textContent = "Paste or type a draft first."; $("text").focus(); return; }
        const body = { text: text, kind: kind.value };
        if ($("channel").value) body.channel = $("channel").value;
        if (kind.value === "reply" && $("in_reply_to").value.trim()) body.in_reply_to = $("in_reply_to").value;
        if ($("consent").value.trim()) body.consent = $("consent").value.trim();
        $("check").disabled = true;
        try {
          const response = await fetch("/api/check", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
          const answer = await response.json().catch(() => ({ error: "the server's answer could not be read" }));
          if (!response.ok) { $("form-error").textContent = "Could not check this draft: " + (answer.error || response.status); return; }
          show(text, answer.documents[0], Number(response.headers.get("PostGuard-Rule-Failures") || 0));
        } catch (error) {
          $("form-error").textContent = "Could not reach PostGuard. Is `postguard serve` still running?";
        } finally {
          $("check").disabled = false;
        }
      });

      function show(text, doc, ruleFailures) {
        const findings = doc.findings;
        const suggested = findings.find((f) => f.rule === "policy.suggested");
        const problems = findings.filter((f) => f.rule !== "policy.suggested");
        const [title, detail] = verdictWords[doc.verdict];
        const verdict = $("verdict");
        verdict.className = "verdict " + doc.verdict;
        verdict.replaceChildren(el("strong", { text: title }), el("span", { text: detail }));
        verdict.dataset.verdict = doc.verdict;
        $("rule-failures").hidden = ruleFailures === 0;
        $("rule-failures").textContent = ruleFailures ? ruleFailures + " rule(s) could not finish on this text; the result may be incomplete. Shorten the draft and check again." : "";

        // Reasons: one group per rule, most severe first; numbered so highlights can point at them.
        const groups = [];
        for (const f of problems) {
          let g = groups.find((x) => x.rule === f.rule);
          if (!g) { g = { rule: f.rule, severity: f.severity, findings: [] }; groups.push(g); }
          if (rank[f.severity] > rank[g.severity]) g.severity = f.severity;
          g.findings.push(f);
        }
        groups.sort((a, b) => rank[b.severity] - rank[a.severity]);
        groups.forEach((g, i) => { g.number = i + 1; });
        renderHighlights(text, groups);
        renderReasons(text, groups);

        if (suggested) {
          const prefix = "Suggested safe version (";
          const m = suggested.message;
          const close = m.indexOf("): ");
          $("safe-how").textContent = close > 0 ? "How it was made: " + m.slice(prefix.length, close) + "." : "";
          $("safe-text").textContent = close > 0 ? m.slice(close + 3) : m;
          $("copy-status").textContent = "";
        }
        $("safe").hidden = !suggested;
        $("result").hidden = false;
        $("result-heading").focus();
      }

      function renderHighlights(text, groups) {
        const chars = Array.from(text);
        const spans = [];
        for (const g of groups) {
          if (g.severity === "info") continue;
          for (const f of g.findings) {
            if (f.start == null || f.end == null || f.severity === "info") continue;
            spans.push({ start: Math.max(0, f.start), end: Math.min(chars.length, f.end), f: f, g: g });
          }
        }
        const cuts = new Set([0, chars.length]);
        for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
        const points = [...cuts].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
        const out = $("highlighted");
        out.replaceChildren();
        for (let i = 0; i + 1 < points.length; i++) {
          const a = points[i], b = points[i + 1];
          const piece = chars.slice(a, b).join("");
          const covering = spans.filter((s) => s.start <= a && s.end >= b);
          if (!covering.length) { out.append(piece); continue; }
          const worst = covering.reduce((x, y) => (rank[y.f.severity] > rank[x.f.severity] ? y : x));
          const mark = el("mark", { class: worst.f.severity, "data-rule": worst.f.rule }, [piece]);
          const what = [...new Set(covering.map((s) => s.f.category))].join(", ");
          // Said to screen readers where the highlight ends; the colour alone says nothing to them.
          mark.append(el("span", { class: "sr-only", text: " (" + worst.f.severity + ": " + what + ")" }));
          out.append(mark);
          // The reference goes after the last piece of a run of the same finding groups.
          const next = points[i + 2] !== undefined ? spans.filter((s) => s.start <= b && s.end >= points[i + 2]) : [];
          for (const g of [...new Set(covering.map((s) => s.g))]) {
            if (next.some((s) => s.g === g)) continue;
            out.append(el("a", { class: "ref", href: "#reason-" + g.number, "aria-label": "reason " + g.number }, [String(g.number)]));
          }
        }
      }

      function renderReasons(text, groups) {
        const chars = Array.from(text);
        const box = $("reasons");
        box.replaceChildren();
        if (!groups.length) return;
        box.append(el("h3", { text: "Why" }));
        for (const severity of ["block", "review", "info"]) {
          const these = groups.filter((g) => g.severity === severity);
          if (!these.length) continue;
          const section = el("section", { "aria-label": severityTitle[severity] }, [el("h4", { text: severityTitle[severity] + " (" + these.length + ")" })]);
          for (const g of these) {
            const rule = rules[g.rule] || {};
            const card = el("article", { class: "reason", id: "reason-" + g.number });
            card.append(el("h5", {}, [el("span", { class: "badge " + g.severity, text: g.severity }), " " + g.number + ". " + (rule.message || g.findings[0].message)]));
            const dl = el("dl");
            const seen = new Set();
            for (const f of g.findings) {
              const where = f.start != null ? "“" + chars.slice(f.start, f.end).join("") + "”" : "the whole draft";
              const said = f.message !== rule.message ? " — " + f.message : "";
              const line = where + said;
              if (seen.has(line)) continue;
              seen.add(line);
              dl.append(el("dt", { text: "Found" }), el("dd", { text: line }));
            }
            if (rule.why) dl.append(el("dt", { text: "Why it matters" }), el("dd", { text: rule.why }));
            if (rule.fix) dl.append(el("dt", { text: "How to fix it" }), el("dd", { text: rule.fix }));
            card.append(dl, el("p", {}, [el("a", { href: "/rules/" + encodeURIComponent(g.rule), target: "_blank" }, ["About rule " + g.rule + " (opens the guide)"])]));
            section.append(card);
          }
          box.append(section);
        }
      }

      $("copy").addEventListener("click", async () => {
        const text = $("safe-text").textContent;
        try {
          await navigator.clipboard.writeText(text);
          $("copy-status").textContent = "Copied.";
        } catch (error) {
          const range = document.createRange();
          range.selectNodeContents($("safe-text"));
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          $("copy-status").textContent = document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.";
        }
      });

      $("consent-check").addEventListener("click", async () => {
        const id = $("consent").value.trim();
        const out = $("consent-result");
        if (!id) { out.textContent = "Type a consent record id first."; $("consent").focus(); return; }
        const params = new URLSearchParams();
        if ($("channel").value) params.set("channel", $("channel").value);
        try {
          const response = await fetch("/api/consent/" + encodeURIComponent(id) + "?" + params);
          const answer = await response.json();
          if (!response.ok) { out.textContent = "Could not check: " + (answer.error || response.status); return; }
          out.textContent = answer.valid
            ? "Consent " + answer.id + " is valid on " + answer.date + (answer.channel ? " for " + answer.channel : "") + ". The draft must still name the person it covers."
            : "Not valid: " + answer.reasons.join(" ");
        } catch (error) {
          out.textContent = "Could not reach PostGuard.";
        }
      });
    })();
    """#
}
