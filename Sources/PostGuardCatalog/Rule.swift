// Rules: a rule is data (Rules/*.yaml) plus, at most, one named validator in Swift. This file is the
// schema of a pack; Rules/README.md documents it for rule authors.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput

/// One detector as written in a pack.
public struct Rule: Sendable, Codable, Hashable {
    public var id: String
    public var category: Category
    public var severity: Severity
    /// One sentence a staff member understands: what was found and why it matters.
    public var message: String
    /// The regulation or policy behind the rule.
    public var why: String?
    /// What to do instead.
    public var fix: String?
    /// PCRE2 patterns; may be empty when `detector` names a detector written in Swift.
    public var patterns: [String]
    /// A detector that needs more than patterns (`names`: the name-list detector).
    public var detector: String?
    /// Literal prefilter: the patterns run only on text containing one of these (case-insensitive).
    public var keywords: [String]?
    public var validator: String?
    public var requiresContext: [String]?
    public var excludesContext: [String]?
    public var contextWindow: Int?
    /// Document kinds the rule applies to; all when absent (a reply-only rule says `[reply]`).
    public var kinds: [DocumentKind]?
    /// What the finding means to the policy (Role): `person`, `health`, `quasi:age`, ...
    public var roles: [Role]
    /// Set for rules raised by PostGuard's code rather than by patterns: `policy` or `detector`.
    public var raisedBy: String?
    /// A catch-all rule: its finding is dropped where another identifier rule found something
    /// overlapping (a code shaped like an id that a record or plan rule already named).
    public var fallback: Bool?
    /// The id of a rule whose matches this rule's matches must lie inside (a cue that only means
    /// something within a photo described in words: "face visible").
    public var within: String?
    public var examples: Examples?

    public struct Examples: Sendable, Codable, Hashable {
        public var match: [String]?
        public var noMatch: [String]?
        /// Whole documents and the verdict they must get (rules raised in code).
        public var documents: [DocumentExample]?

        public init(match: [String]? = nil, noMatch: [String]? = nil, documents: [DocumentExample]? = nil) {
            self.match = match; self.noMatch = noMatch; self.documents = documents
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case match, documents
            case noMatch = "no-match"
        }

        public init(from decoder: Decoder) throws {
            try StrictKeys.check(decoder, CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            match = try c.decodeIfPresent([String].self, forKey: .match)
            noMatch = try c.decodeIfPresent([String].self, forKey: .noMatch)
            documents = try c.decodeIfPresent([DocumentExample].self, forKey: .documents)
        }

        public var isEmpty: Bool { (match ?? []).isEmpty && (noMatch ?? []).isEmpty && (documents ?? []).isEmpty }
    }

    public init(id: String, category: Category, severity: Severity, message: String, why: String? = nil, fix: String? = nil,
                patterns: [String] = [], roles: [Role] = [], examples: Examples? = nil) {
        self.id = id; self.category = category; self.severity = severity; self.message = message
        self.why = why; self.fix = fix; self.patterns = patterns; self.roles = roles; self.examples = examples
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        try StrictKeys.check(decoder, CodingKeys.self, in: "rule \(id)")
        category = try c.decode(Category.self, forKey: .category)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        why = try c.decodeIfPresent(String.self, forKey: .why)
        fix = try c.decodeIfPresent(String.self, forKey: .fix)
        patterns = try c.decodeIfPresent([String].self, forKey: .patterns) ?? []
        detector = try c.decodeIfPresent(String.self, forKey: .detector)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        validator = try c.decodeIfPresent(String.self, forKey: .validator)
        requiresContext = try c.decodeIfPresent([String].self, forKey: .requiresContext)
        excludesContext = try c.decodeIfPresent([String].self, forKey: .excludesContext)
        contextWindow = try c.decodeIfPresent(Int.self, forKey: .contextWindow)
        if let window = contextWindow, !(0...2_000).contains(window) {
            throw DecodingError.dataCorruptedError(forKey: .contextWindow, in: c,
                debugDescription: "rule \(id): context-window must be a number of characters from 0 to 2000, not \(window)")
        }
        kinds = try c.decodeIfPresent([DocumentKind].self, forKey: .kinds)
        roles = try c.decodeIfPresent([Role].self, forKey: .roles) ?? []
        raisedBy = try c.decodeIfPresent(String.self, forKey: .raisedBy)
        fallback = try c.decodeIfPresent(Bool.self, forKey: .fallback)
        within = try c.decodeIfPresent(String.self, forKey: .within)
        examples = try c.decodeIfPresent(Examples.self, forKey: .examples)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, category, severity, message, why, fix, patterns, detector, keywords, validator, kinds, examples, roles, fallback, within
        case raisedBy = "raised-by"
        case requiresContext = "requires-context"
        case excludesContext = "excludes-context"
        case contextWindow = "context-window"
    }
}

/// A file of rules.
public struct RulePack: Sendable, Codable {
    public var pack: String
    public var description: String?
    public var source: String?
    public var rules: [Rule]
    /// Where the pack was loaded from, relative to the rules folder (set by the loader).
    public var file: String = ""

    enum CodingKeys: String, CodingKey, CaseIterable { case pack, description, source, rules }

    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pack = try c.decode(String.self, forKey: .pack)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        rules = try c.decode([Rule].self, forKey: .rules)
    }
}

/// A misspelt key in a rule pack (`sevrity`, `excludes_context`) would otherwise be ignored and the
/// rule would silently do less than its author meant: every key must be one the type knows.
enum StrictKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func check<Keys: CodingKey & CaseIterable>(_ decoder: Decoder, _ keys: Keys.Type, in place: String? = nil) throws {
        // Only the rule cache holds `BinaryCoding`'s form, written from packs that decoded with every
        // key checked: reading them back skips the check, a quarter of their decoding.
        if decoder is BinaryValueDecoder { return }
        let container = try decoder.container(keyedBy: AnyKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let near = Spelling.nearest(key.stringValue, among: known, within: 3)
            let hint = near.map { " (did you mean '\($0)'?)" } ?? " (known keys: \(known.joined(separator: ", ")))"
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: (place.map { "\($0): " } ?? "") + "unknown key '\(key.stringValue)'\(hint)"))
        }
    }
}

/// Something wrong with a pack: reported with the file, the rule and, for a pattern, PCRE2's position.
public struct RuleProblem: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var rule: String?
    public var message: String

    public init(file: String, rule: String?, message: String) {
        self.file = file; self.rule = rule; self.message = message
    }

    public var description: String {
        rule.map { "\(file): rule \($0): \(message)" } ?? "\(file): \(message)"
    }
}

extension LexiconGroup {
    enum CodingKeys: String, CodingKey, CaseIterable { case name, sensitivity, topic, lang, terms }

    /// Strict like a rule: a misspelt key or a sensitivity other than `normal` or `high` is a load
    /// error, not a group silently treated as ordinary health words.
    public init(from decoder: Decoder) throws {
        try StrictKeys.check(decoder, CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        sensitivity = try c.decode(String.self, forKey: .sensitivity)
        guard ["normal", "high"].contains(sensitivity) else {
            throw DecodingError.dataCorruptedError(forKey: .sensitivity, in: c,
                debugDescription: "group \(name): sensitivity must be normal or high, not '\(sensitivity)'")
        }
        topic = try c.decodeIfPresent(String.self, forKey: .topic)
        lang = try c.decode(String.self, forKey: .lang)
        terms = try c.decode([String].self, forKey: .terms)
    }
}
