// Findings: what a detector or a policy rule says about a span of a document, before any verdict.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput

/// The category of a finding: a Safe Harbor identifier (45 CFR 164.514(b)(2)) or a finding about
/// the post as a whole. Kept as a string so rule packs can grow without a code change; the known
/// ones are listed so a typo in a pack is caught when it loads.
public struct Category: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// The identifier categories of the contract, one per Safe Harbor element text can carry.
    public static let identifiers: [String] = [
        "name", "address", "date", "age", "phone", "fax", "email", "ssn", "mrn", "health-plan",
        "account", "license", "vehicle", "device", "url", "ip", "biometric", "photo", "other-id",
    ]
    /// Categories about the document as a whole.
    public static let policy: [String] = [
        "health-info", "patient-relationship", "location-detail", "testimonial", "consent",
        "derogatory", "minimum-necessary", "quasi-identifier",
    ]
    public static let all: Set<String> = Set(identifiers + policy)

    public var isIdentifier: Bool { Category.identifiers.contains(rawValue) }
    /// Identifiers and quasi-identifiers (a home town): text reports never show unmasked.
    public var isPersonal: Bool { isIdentifier || rawValue == "quasi-identifier" }
}

/// A span in a document, in every unit a reader needs.
public struct Span: Hashable, Sendable {
    /// Byte offsets into the document's UTF-8 text (for slicing; never reported).
    public var bytes: ByteRange
    /// 0-based, end-exclusive Unicode-scalar offsets (the contract's `start`/`end`).
    public var start: Int
    public var end: Int
    /// 1-based line and column (in scalars) of `start`.
    public var line: Int
    public var column: Int
    /// 1-based line and column (in scalars) of `end`.
    public var endLine: Int
    public var endColumn: Int

    public init(bytes: ByteRange, start: Int, end: Int, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.bytes = bytes; self.start = start; self.end = end
        self.line = line; self.column = column; self.endLine = endLine; self.endColumn = endColumn
    }
}

public struct Finding: Sendable, Hashable {
    public var rule: String
    public var category: Category
    public var severity: Severity
    /// Nil for findings about the whole document.
    public var span: Span?
    /// The matched text as written. Reports mask it unless asked not to.
    public var matchedText: String
    public var message: String

    public init(rule: String, category: Category, severity: Severity, span: Span?, matchedText: String, message: String) {
        self.rule = rule; self.category = category; self.severity = severity
        self.span = span; self.matchedText = matchedText; self.message = message
    }
}
