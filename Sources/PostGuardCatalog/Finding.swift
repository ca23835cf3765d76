// Findings: what a detector or a policy rule says about a span of a document, before any verdict.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput

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

/// What a detector or a policy rule found. It points at its catalog entry, so every report reads the
/// rule's why, fix and help from one place.
public struct Finding: Sendable, Hashable {
    public var entry: RuleEntry
    public var severity: Severity
    /// Nil for findings about the whole document.
    public var span: Span?
    /// The matched text as written. Reports mask it unless asked not to.
    public var matchedText: String
    /// The rule's message, or one the policy wrote for this case (saying who, what and the tie).
    public var message: String

    /// The rule's id (`phi.phone`).
    public var rule: String { entry.id }
    public var category: Category { entry.category }
    public func has(_ role: Role) -> Bool { entry.roles.contains(role) }

    public init(entry: RuleEntry, severity: Severity? = nil, span: Span?, matchedText: String, message: String? = nil) {
        self.entry = entry; self.severity = severity ?? entry.severity
        self.span = span; self.matchedText = matchedText; self.message = message ?? entry.message
    }
}
