// Rules: the health-information lexicon (Rules/policy/health-lexicon.yaml) turned into ordinary
// compiled rules, one per group, so the same engine, prefilter-free alternation and offsets serve
// it. A term alone is `info`; policy decides what it means next to a person.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import Foundation
import Yams

public struct LexiconGroup: Sendable, Codable, Hashable {
    /// condition, procedure, treatment, medication, test-result, department, care-event.
    public var name: String
    /// `high` for what law protects beyond HIPAA's baseline (mental health, substance use, HIV/STI,
    /// reproductive, genetic).
    public var sensitivity: String
    public var topic: String?
    public var lang: String
    public var terms: [String]

    public var isHighSensitivity: Bool { sensitivity == "high" }

    /// The rule id findings of this group carry: `health.condition.en`, `health.mental-health.condition.en`.
    public var ruleID: String { ["health", topic, name, lang].compactMap { $0 }.joined(separator: ".") }
}

struct LexiconFile: Codable {
    var lexicon: String
    var source: String?
    var groups: [LexiconGroup]
}

extension RuleLibrary {
    /// A group's terms as one whole-word, case-insensitive alternation, longest first so
    /// "breast cancer" wins over "cancer"; a plain plural `s` is accepted; any run of spaces matches
    /// a space; straight and curly apostrophes are the same.
    static func lexiconRule(_ group: LexiconGroup, pack: String, file: String) -> CompiledRule {
        let cleaned: [String] = group.terms.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        let terms: [String] = Set(cleaned.filter { !$0.isEmpty }).sorted(by: longestFirst)
        let alternation = terms.map(termPattern).joined(separator: "|")
        let topic = group.topic.map { " (\($0))" } ?? ""
        let rule = Rule(
            id: group.ruleID, category: .healthInfo, severity: .info,
            message: group.isHighSensitivity
                ? "Health information of a specially protected kind\(topic). Next to anything that identifies a person, this is a disclosure."
                : "Health information (\(group.name)). Next to anything that identifies a person, this is a disclosure.",
            why: "Individually identifiable health information is protected health information (45 CFR 160.103).",
            fix: "Keep health details general and about no one in particular, or get the person's written authorization.",
            patterns: ["(?i)(?<![\\w@#])(?:\(alternation))s?(?![\\w])"],
            roles: [.health] + (group.isHighSensitivity ? [.healthHighSensitivity] : [])
                + (["condition", "test-result", "medication"].contains(group.name) ? [.healthClinical] : []),
            examples: Rule.Examples(match: Array(terms.prefix(3))))
        // Full scans use the merged matcher; a group's own pattern serves `explain`, tests and scans
        // of that group alone, so it is compiled only when first used.
        return CompiledRule(
            rule: rule, entry: RuleEntry(rule, pack: pack, file: file), pack: pack, patterns: [], keywords: [], validator: nil,
            requiredContext: nil, excludedContext: nil, contextWindow: 0, kinds: nil, detector: nil,
            lexiconGroup: group, lazyPattern: LazyPattern(rule.patterns[0], jitAfter: nil))
    }

    static func longestFirst(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count > b.count : a < b
    }

    static func termPattern(_ term: String) -> String {
        let words: [String] = term.split(separator: " ").map { word in
            let pieces: [String] = word.split(separator: "'", omittingEmptySubsequences: false).map { escapeLiteral(String($0)) }
            return pieces.joined(separator: "['’]")
        }
        return words.joined(separator: "\\s+")
    }
}

/// Every lexicon term in one pattern, so a scan makes one pass over the text instead of one per
/// group; the matched phrase is mapped back to its group's rule by a dictionary lookup.
public struct LexiconMatcher: Sendable {
    /// Interpreted for the first documents of a run, JIT-compiled once a run proves long.
    package let pattern: LazyPattern
    /// Normalised term → rule id of its group (the first group listing it).
    let groups: [String: String]

    init?(_ groups: [LexiconGroup]) {
        var map: [String: String] = [:]
        for group in groups {
            for term in group.terms {
                let key = LexiconMatcher.normalise(term)
                if !key.isEmpty, map[key] == nil { map[key] = group.ruleID }
            }
        }
        let terms = map.keys.sorted(by: RuleLibrary.longestFirst)
        guard !terms.isEmpty else { return nil }
        let pattern = LazyPattern("(?i)(?<![\\w@#])(?:\(terms.map(RuleLibrary.termPattern).joined(separator: "|")))s?(?![\\w])", jitAfter: 16)
        // Compile once now so a broken lexicon is reported when it loads, not mid-scan.
        guard (try? pattern.pattern()) != nil else { return nil }
        self.pattern = pattern
        self.groups = map
    }

    /// The rule id of the group a matched phrase belongs to ("Breast  Cancers" → condition).
    package func ruleID(for matched: String) -> String? {
        let key = LexiconMatcher.normalise(matched)
        if let id = groups[key] { return id }
        return key.hasSuffix("s") ? groups[String(key.dropLast())] : nil
    }

    static func normalise(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
