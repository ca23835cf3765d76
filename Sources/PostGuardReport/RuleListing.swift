// Report: the catalog for people — `postguard rules` (every rule, none cut short) and
// `postguard explain` (one rule: what it finds, why, how to fix it, and its own examples).
import Foundation
import PostGuardCatalog

public struct RuleListing {
    public let catalog: RuleCatalog
    /// Nil when the output is not a terminal: then one rule a line, tab-separated, for scripts.
    public let terminalWidth: Int?

    public init(catalog: RuleCatalog, terminalWidth: Int?) {
        self.catalog = catalog; self.terminalWidth = terminalWidth
    }

    /// The terminal's width when standard output is one (`COLUMNS`, else 100), else nil.
    public static func terminalWidth(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        return environment["COLUMNS"].flatMap(Int.init) ?? 100
    }

    public var text: String {
        guard let width = terminalWidth else {
            return catalog.entries.map { [$0.id, $0.severity.rawValue, $0.category.rawValue, $0.pack, $0.message].joined(separator: "\t") + "\n" }.joined()
        }
        // Columns as wide as their longest value; only the message is cut to the terminal.
        let idWidth = catalog.entries.map(\.id.count).max() ?? 0
        let categoryWidth = catalog.entries.map(\.category.rawValue.count).max() ?? 0
        var out = "", pack: String?
        for entry in catalog.entries {
            if entry.pack != pack {
                pack = entry.pack
                out += "\(entry.pack) (\(entry.file))\n"
            }
            var line = "  " + pad(entry.id, idWidth) + "  " + pad(entry.severity.rawValue, 6) + "  " + pad(entry.category.rawValue, categoryWidth)
            let room = width - line.count - 2
            if room > 10 { line += "  " + (entry.message.count > room ? String(entry.message.prefix(room - 1)) + "…" : entry.message) }
            out += line + "\n"
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
}

public struct RuleExplanation {
    public let entry: RuleEntry
    public let compiled: CompiledRule?

    public init(entry: RuleEntry, compiled: CompiledRule?) { self.entry = entry; self.compiled = compiled }

    public var text: String {
        let source = entry.raisedBy.map { "raised by PostGuard's \($0) code, described in \(entry.file)" } ?? "pack \(entry.pack), \(entry.file)"
        var lines = ["\(entry.id) — \(entry.category), \(entry.severity.rawValue) (\(source))", "", entry.message]
        if let why = entry.why { lines += ["", "Why: \(why)"] }
        if let fix = entry.fix { lines += ["Fix: \(fix)"] }
        if !entry.roles.isEmpty { lines += ["Roles: \(entry.roles.map(\.rawValue).sorted().joined(separator: ", "))"] }
        if let rule = compiled?.rule {
            if let kinds = rule.kinds { lines += ["Applies to: \(kinds.map(\.rawValue).joined(separator: ", "))"] }
            if let validator = rule.validator.flatMap(Validator.init(rawValue:)) { lines += ["Checked: \(validator.summary)"] }
            if let words = rule.requiresContext { lines += ["Only near: \(words.joined(separator: ", "))"] }
            if let words = rule.excludesContext { lines += ["Not near: \(words.joined(separator: ", "))"] }
            if !rule.patterns.isEmpty { lines += ["", "Patterns:"] + rule.patterns.map { "  \($0)" } }
            if let group = compiled?.lexiconGroup { lines += ["", "Terms (\(group.terms.count)): " + group.terms.prefix(12).joined(separator: ", ") + (group.terms.count > 12 ? ", ..." : "")] }
        }
        if let examples = entry.examples {
            if let match = examples.match, !match.isEmpty { lines += ["", "Flags:"] + match.map { "  \($0)" } }
            if let noMatch = examples.noMatch, !noMatch.isEmpty { lines += ["Does not flag:"] + noMatch.map { "  \($0)" } }
            if let documents = examples.documents, !documents.isEmpty {
                lines += ["", "Documents:"] + documents.map { example in
                    let kind = example.kind.map { "\($0.rawValue): " } ?? ""
                    let fires = example.fires == false ? ", without this rule" : ""
                    return "  \(kind)\(example.text)  → \(example.verdict.rawValue)\(fires)"
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
