// Documents: the one shape every input becomes — a post, a reply or a message, with what is known
// about where it came from and how it will be published. Detectors see nothing else.
import PostGuardEngine

/// What a document is; replies and messages carry rules of their own.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    case post, reply, message
}

/// An attachment. A photo of a person is itself an identifier; its alt text is scanned like the text.
public struct Media: Sendable, Hashable, Codable {
    public var path: String?
    public var alt: String?
    public init(path: String?, alt: String?) { self.path = path; self.alt = alt }
}

public struct Document: Sendable {
    /// The file (or `-` for standard input) the document came from.
    public var source: String
    /// The record's own id where the input has one (JSONL `id`, tweet id, front matter `id`).
    public var id: String?
    /// The text that offsets are counted in. For a file this is the whole file, front matter
    /// included, so line numbers match the editor; `bodyStart` marks where scanning begins.
    public var text: String
    /// Byte offset in `text` where the part to scan begins.
    public var bodyStart: Int
    /// Byte ranges of `text` that are not published and not scanned: the front matter's delimiters
    /// and the document fields it sets (`kind`, `consent`, `in_reply_to`, ...).
    public var unscanned: [ByteRange] = []
    public var kind: DocumentKind
    public var channel: String?
    /// Consent record ids the document relies on.
    public var consent: [String]
    /// For replies: the review or message being answered.
    public var inReplyTo: String?
    public var author: String?
    public var createdAt: String?
    /// ISO date the post is scheduled for; consent is judged on that day when given.
    public var publishAt: String?
    public var media: [Media]
    /// For a file holding many documents (JSONL, exports): the 1-based line its record starts on.
    /// Nil when the document is the whole file.
    public var recordLine: Int?
    /// For a record of a JSON or HTML export, which has no useful line: its 1-based position in the
    /// file (the message's index in a Messenger thread, the post's in a posts file). Stable as long
    /// as the export is, so an auditor can find the record again.
    public var recordIndex: Int?
    /// For replies: who wrote what is answered (a Google review's display name). A reply that names
    /// them tells the public they are a patient.
    public var inReplyToAuthor: String?
    /// For replies to reviews: the review's star rating (1 to 5), kept for the auditor.
    public var rating: Int?

    public init(
        source: String, id: String? = nil, text: String, bodyStart: Int = 0, kind: DocumentKind = .post,
        channel: String? = nil, consent: [String] = [], inReplyTo: String? = nil, author: String? = nil,
        createdAt: String? = nil, publishAt: String? = nil, media: [Media] = [], recordLine: Int? = nil
    ) {
        self.source = source; self.id = id; self.text = text; self.bodyStart = bodyStart; self.kind = kind
        self.channel = channel; self.consent = consent; self.inReplyTo = inReplyTo; self.author = author
        self.createdAt = createdAt; self.publishAt = publishAt; self.media = media; self.recordLine = recordLine
    }

    /// Where the record is inside its source, for an auditor to act on: the platform's own id where
    /// there is one, else the line its record starts on, else its position (`message12`, `item3`);
    /// nil for a document that is the whole file.
    public var locator: String? {
        if let id { return id }
        if let recordLine { return "line\(recordLine)" }
        if let recordIndex { return (kind == .message ? "message" : "item") + "\(recordIndex)" }
        return nil
    }
}
