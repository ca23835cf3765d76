// Serve: the staff reference guide, a page per rule, built from the rule catalog that `postguard
// rules` and `explain` read: what the rule looks for, the regulation or policy behind it, how to fix
// it, and its own examples (those it must flag and those it must not) as scenarios. Every finding on
// the staff page links here. Built once at start-up: the catalog does not change while serving.
import Foundation
import PostGuard

struct RuleGuide: Sendable {
    let index: String
    let notFound: String
    /// `GET /api/rules`: id, category, severity, message, why and fix of every rule, for the page.
    let json: [UInt8]
    private let pages: [String: String]

    init(catalog: RuleCatalog, library: RuleLibrary) {
        var pages: [String: String] = [:]
        for entry in catalog.entries {
            pages[entry.id] = RuleGuide.page(entry, explanation: RuleExplanation(entry: entry, compiled: library.rule(id: entry.id)).text)
        }
        self.pages = pages
        index = RuleGuide.index(catalog)
        notFound = RuleGuide.layout(title: "No such rule", body: "<h1>No such rule</h1><p>There is no rule by that name. <a href=\"/rules\">See every rule</a>.</p>")
        let summaries = catalog.entries.map {
            RuleSummary(id: $0.id, category: $0.category.rawValue, severity: $0.severity.rawValue, message: $0.message, why: $0.why, fix: $0.fix)
        }
        json = StaffServer.encode(summaries)
    }

    func page(for id: String) -> String? { pages[id] }

    static func layout(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(htmlEscaped(title)) — PostGuard</title>
        <link rel="stylesheet" href="/page.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top"><nav aria-label="PostGuard"><a href="/">Check a draft</a> <a href="/rules">Rule guide</a></nav></header>
        <main id="main">
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func index(_ catalog: RuleCatalog) -> String {
        var body = """
        <h1>Rule guide</h1>
        <p>Every rule PostGuard can report, with why it matters, how to fix it, and examples of what it flags and what it does not. Use it for training, or follow the link beside a finding.</p>
        """
        var pack: String?
        for entry in catalog.entries {
            if entry.pack != pack {
                if pack != nil { body += "</ul>\n" }
                pack = entry.pack
                body += "<h2>\(htmlEscaped(packTitle(entry)))</h2>\n<ul class=\"rule-list\">\n"
            }
            body += "<li><a href=\"/rules/\(htmlEscaped(entry.id))\"><code>\(htmlEscaped(entry.id))</code></a> <span class=\"badge \(entry.severity.rawValue)\">\(entry.severity.rawValue)</span> \(htmlEscaped(entry.message))</li>\n"
        }
        if pack != nil { body += "</ul>\n" }
        return layout(title: "Rule guide", body: body)
    }

    static func packTitle(_ entry: RuleEntry) -> String {
        entry.raisedBy.map { "Raised by PostGuard's \($0) (\(entry.file))" } ?? "Pack \(entry.pack) (\(entry.file))"
    }

    static func page(_ entry: RuleEntry, explanation: String) -> String {
        var body = """
        <p class="crumbs"><a href="/rules">Rule guide</a> › \(htmlEscaped(packTitle(entry)))</p>
        <h1><code>\(htmlEscaped(entry.id))</code></h1>
        <p><span class="badge \(entry.severity.rawValue)">\(entry.severity.rawValue)</span> category <code>\(htmlEscaped(entry.category.rawValue))</code></p>
        <h2>What it looks for</h2>
        <p>\(htmlEscaped(entry.message))</p>
        """
        if let why = entry.why { body += "<h2>Why it matters</h2>\n<p>\(htmlEscaped(why))</p>\n" }
        if let fix = entry.fix { body += "<h2>How to fix it</h2>\n<p>\(htmlEscaped(fix))</p>\n" }
        if let examples = entry.examples {
            var scenarios = ""
            if let match = examples.match, !match.isEmpty {
                scenarios += "<h3>Flagged</h3>\n<ul class=\"scenarios flagged\">\n"
                scenarios += match.map { "<li>\(example($0))</li>\n" }.joined() + "</ul>\n"
            }
            if let noMatch = examples.noMatch, !noMatch.isEmpty {
                scenarios += "<h3>Not flagged</h3>\n<ul class=\"scenarios clean\">\n"
                scenarios += noMatch.map { "<li>\(example($0))</li>\n" }.joined() + "</ul>\n"
            }
            if let documents = examples.documents, !documents.isEmpty {
                scenarios += "<h3>Whole drafts and their verdicts</h3>\n<ul class=\"scenarios documents\">\n"
                for document in documents {
                    let kind = document.kind?.rawValue ?? "post"
                    let channel = document.channel.map { " on \(htmlEscaped($0))" } ?? ""
                    let review = document.inReplyTo.map { "<br><span class=\"meta\">answering:</span> \(htmlEscaped($0))" } ?? ""
                    let without = document.fires == false ? " (a neighbouring rule decides; this one does not fire)" : ""
                    scenarios += "<li><span class=\"meta\">A \(kind)\(channel):</span> \(htmlEscaped(document.text))\(review)<br><span class=\"meta\">verdict:</span> <span class=\"badge \(document.verdict.rawValue)\">\(document.verdict.rawValue)</span>\(without)</li>\n"
                }
                scenarios += "</ul>\n"
            }
            if !scenarios.isEmpty { body += "<h2>Scenarios</h2>\n" + scenarios }
        }
        body += "<details><summary>Technical details (as <code>postguard explain \(htmlEscaped(entry.id))</code> prints them)</summary><pre>\(htmlEscaped(explanation))</pre></details>\n"
        return layout(title: entry.id, body: body)
    }

    /// A rule example with its expected span («…») shown as a highlight and said to screen readers.
    static func example(_ text: String) -> String {
        htmlEscaped(text)
            .replacingOccurrences(of: "«", with: "<mark><span class=\"sr-only\">flagged: </span>")
            .replacingOccurrences(of: "»", with: "</mark>")
    }
}

struct RuleSummary: Encodable {
    let id, category, severity, message: String
    let why, fix: String?
}
