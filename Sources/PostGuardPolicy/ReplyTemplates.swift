// Policy: approved safe versions (Rules/policy/reply-templates.yaml for replies to reviews,
// Rules/policy/safe-versions.yaml for posts and messages). When a draft breaches, the fix is not
// "write something else" but a version the privacy office has already approved: for a reply chosen by
// what the review complains about, for a post or message by what breached (a named patient, a room,
// a third party's health, the reader's own results, a testimonial without consent), in the draft's
// language. Templates hold no contact details of their own: `{organisation}`, `{phone}`, `{email}`,
// ... are filled from the organisation's settings, and `[with {phone}|without]` words the sentence
// without a setting that is not given.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import Foundation
import Yams

public struct ReplyTemplate: Sendable, Codable, Hashable {
    public var id: String
    public var lang: String
    public var when: String
    /// The kind of document it is a safe version of (default `reply`).
    public var kind: DocumentKind?
    /// For posts and messages: what breached in the draft that makes this the version to suggest
    /// (`named-patient`, `location`, `photo`, `testimonial`, `derogatory`, `third-party`,
    /// `own-results`, `identifier`, `general`).
    public var causes: [String]?
    /// Words of the review that make this the template to suggest.
    public var matches: [String]?
    public var text: String

    public init(id: String, lang: String = "en", when: String = "", kind: DocumentKind? = nil, causes: [String]? = nil,
                matches: [String]? = nil, text: String) {
        self.id = id; self.lang = lang; self.when = when; self.kind = kind; self.causes = causes
        self.matches = matches; self.text = text
    }

    public var documentKind: DocumentKind { kind ?? .reply }

    /// The placeholders a template may use; each is an organisation setting (README, "Organisation
    /// settings").
    public static let placeholderNames: Set<String> = ["organisation", "phone", "billing-phone", "email", "website", "portal"]

    /// The text with its placeholders filled from `values`. An optional part `[A|B]` is `A` when
    /// every placeholder in `A` has a value, else `B` (`[A]` alone: nothing); a placeholder outside
    /// an optional part with no value makes the part of the sentence it is in unusable, so the
    /// template is worded without it (never a `{phone}` or a sample number left in).
    public func filled(with values: [String: String]) -> String {
        let output = Self.render(Array(text), values) ?? ""
        // Collapse what a dropped part leaves: double spaces, a space before punctuation.
        var cleaned = output
        while cleaned.contains("  ") { cleaned = cleaned.replacingOccurrences(of: "  ", with: " ") }
        for mark in [" .", " ,", " ;", " :"] { cleaned = cleaned.replacingOccurrences(of: mark, with: String(mark.dropFirst())) }
        return cleaned.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` with its placeholders filled and its optional parts (nested or not) chosen; nil when a
    /// placeholder outside any optional part has no value.
    static func render(_ text: [Character], _ values: [String: String]) -> String? {
        var output = "", index = 0
        while index < text.count {
            switch text[index] {
            case "{":
                guard let close = text[index...].firstIndex(of: "}"), let value = values[String(text[(index + 1)..<close])] else { return nil }
                output += value
                index = close + 1
            case "[":
                // The matching bracket, and the `|` at this depth.
                var depth = 0, close = index, bar: Int?
                for position in index..<text.count {
                    if text[position] == "[" { depth += 1 }
                    if text[position] == "]" { depth -= 1; if depth == 0 { close = position; break } }
                    if text[position] == "|", depth == 1, bar == nil { bar = position }
                }
                guard close > index else { return nil }
                let first = Array(text[(index + 1)..<(bar ?? close)])
                if let shown = render(first, values) {
                    output += shown
                } else if let bar {
                    output += render(Array(text[(bar + 1)..<close]), values) ?? ""
                }
                index = close + 1
            default:
                output.append(text[index])
                index += 1
            }
        }
        return output
    }

    /// What is wrong with the template as written: an unknown placeholder, an unbalanced bracket, or
    /// contact details written into it (a phone number, a mailbox, a web address) instead of taken
    /// from the settings.
    public var problems: [String] {
        var problems: [String] = []
        let names = text.split(separator: "{").dropFirst().compactMap { $0.split(separator: "}", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) }
        for name in names where !Self.placeholderNames.contains(name) {
            problems.append("unknown placeholder {\(name)} (known: \(Self.placeholderNames.sorted().joined(separator: ", ")))")
        }
        if text.filter({ $0 == "{" }).count != text.filter({ $0 == "}" }).count || text.filter({ $0 == "[" }).count != text.filter({ $0 == "]" }).count {
            problems.append("unbalanced { } or [ ]")
        }
        let digitRuns = text.split { !$0.isNumber && $0 != "-" && $0 != "." && $0 != " " && $0 != "(" && $0 != ")" }
            .map { $0.filter(\.isNumber).count }
        if digitRuns.contains(where: { $0 >= 5 }) || text.contains("@") || text.lowercased().contains("www.") {
            problems.append("contact details written in the template; use {phone}, {email}, {website} from the organisation settings")
        }
        if kind != nil, kind != .reply, (causes ?? []).isEmpty {
            problems.append("a \(kind!.rawValue) template needs `causes`")
        }
        return problems
    }
}

struct ReplyTemplateFile: Codable {
    var templates: String
    var source: String?
    var replies: [ReplyTemplate]?
    /// Safe versions of posts and messages (each with its `kind`).
    var versions: [ReplyTemplate]?
}

public struct ReplyTemplates: Sendable {
    public var templates: [ReplyTemplate]

    public init(_ templates: [ReplyTemplate] = []) { self.templates = templates }

    /// Every template file (`templates:` at the top) below the rules folder, in path order; a file
    /// that does not parse, or a template with a problem, is a problem naming it.
    public static func load(rulesFolder: URL) -> (templates: ReplyTemplates, problems: [RuleProblem]) {
        var templates = ReplyTemplates(), problems: [RuleProblem] = []
        let root = rulesFolder.standardizedFileURL
        for file in RuleLibrary.yamlFiles(under: root) {
            guard let text = try? String(contentsOf: file, encoding: .utf8),
                  ByteText.hasLine(startingWith: "templates:", in: text) else { continue }
            let path = RuleLibrary.relativePath(file, to: root)
            do {
                let loaded = try YAMLDecoder().decode(ReplyTemplateFile.self, from: text)
                for template in (loaded.replies ?? []) + (loaded.versions ?? []) {
                    let found = template.problems
                    if found.isEmpty { templates.templates.append(template) }
                    problems += found.map { RuleProblem(file: path, rule: template.id, message: $0) }
                }
            } catch {
                problems.append(RuleProblem(file: path, rule: nil,
                                            message: "not a valid template file: \(RuleLibrary.describe(error))"))
            }
        }
        return (templates, problems)
    }

    /// Words that mark a review as Spanish.
    static let spanishWords: Set<String> = ["el", "la", "los", "las", "que", "muy", "pero", "con", "por", "para", "gracias", "nunca", "mi", "una", "es", "y"]

    static func words(_ text: String) -> [String] {
        asciiWords(text) ?? text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "⭐" }.map(String.init)
    }

    /// The lower-cased runs of letters and apostrophes of an ASCII text, split by bytes (for ASCII
    /// the same words as splitting its characters by `isLetter`); nil for any other text.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words: [String] = [], start = -1
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] | 0x20 : 0
                let inWord = index < bytes.count && ((byte >= 0x61 && byte <= 0x7A) || bytes[index] == 0x27)
                if inWord, start < 0 { start = index }
                if !inWord, start >= 0 {
                    words.append(String(unsafeUninitializedCapacity: index - start) { buffer in
                        for offset in 0..<(index - start) {
                            let byte = bytes[start + offset]
                            buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                        }
                        return index - start
                    })
                    start = -1
                }
            }
            return words
        }
    }

    static func isSpanish(_ text: String) -> Bool {
        isSpanish(words: words(text))
    }

    static func isSpanish(words: [String]) -> Bool {
        words.filter { spanishWords.contains($0) }.count >= 2
    }

    /// Whether `text` holds `part`. When both are ASCII, Foundation's search (which compares
    /// canonically equivalent characters as equal) finds exactly what a byte search finds, at a
    /// fraction of the cost; otherwise Foundation's search, as always.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        let answer = text.withUTF8 { haystack -> Bool? in
            part.withUTF8 { needle -> Bool? in
                guard haystack.allSatisfy({ $0 < 0x80 }), needle.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard !needle.isEmpty else { return true }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
        return answer ?? text.contains(part)
    }

    /// The template for answering `review` (any template of the right language when the review says
    /// nothing that matches; nil when there are no templates).
    public func suggestion(for review: String?) -> ReplyTemplate? {
        let words = ReplyTemplates.words(review ?? "")
        let text = " " + words.joined(separator: " ") + " "
        let spanish = ReplyTemplates.isSpanish(words: words)
        let candidates = templates.filter { $0.documentKind == .reply && $0.lang == (spanish ? "es" : "en") }
        let scored = candidates.map { template -> (ReplyTemplate, Int) in
            let score = (template.matches ?? []).filter { phrase in
                phrase.contains("⭐") ? ReplyTemplates.contains(review ?? "", phrase)
                    : ReplyTemplates.contains(text, " " + phrase.lowercased() + " ")
            }.count
            return (template, score)
        }
        // A complaint outranks praise: "thanks, but I waited two hours" needs the wait reply.
        let negative = scored.filter { !$0.0.id.contains("positive") && $0.1 > 0 }
        if let best = (negative.isEmpty ? scored : negative).max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        return candidates.first { $0.id.contains("negative.general") || $0.id == "reply.es.negative" } ?? candidates.first
    }

    /// The safe version of a post or message whose breach is `causes` (most important first), in
    /// the draft's language when there is one in it, else English; `general` when no cause has one.
    public func version(kind: DocumentKind, causes: [String], spanish: Bool) -> ReplyTemplate? {
        for lang in spanish ? ["es", "en"] : ["en"] {
            let candidates = templates.filter { $0.documentKind == kind && $0.lang == lang }
            for cause in causes + ["general"] {
                if let template = candidates.first(where: { ($0.causes ?? []).contains(cause) }) { return template }
            }
        }
        return nil
    }
}
