// Input: what the caller asks of the input stage (`InputOptions`) and what it answers when input
// cannot be read (`InputError`). Kept apart from the readers so the CLI and other stages depend on
// these few public types, not on how any format is parsed.
import PostGuardDocuments

/// Input that could not be read. One line, naming the file and, where known, the line.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var reason: String
    /// The whole line, where it does not start with the file's name.
    private var message: String?

    public init(source: String, line: Int? = nil, reason: String) {
        self.source = source; self.line = line; self.reason = reason
    }

    /// A path that held nothing to check: an error, since a check that read nothing must not pass.
    public init(noDocumentsIn path: String) {
        self.init(source: path, reason: "not a draft or a known export")
        message = "no documents found in \(path): not a draft or a known export"
    }

    public var description: String {
        message ?? line.map { "\(source):\($0): \(reason)" } ?? "\(source): \(reason)"
    }
}

public struct InputOptions: Sendable {
    /// Applies to standard input and to files named on the command line; files found in a folder or
    /// an archive are recognised one by one, since a folder or archive mixes formats.
    public var format: InputFormat = .auto
    /// For documents that do not say.
    public var kind: DocumentKind = .post
    /// For documents that do not say, and are not from a platform's export (see `InputFormat.platformChannel`).
    public var channel: String?

    public init(format: InputFormat = .auto, kind: DocumentKind = .post, channel: String? = nil) {
        self.format = format; self.kind = kind; self.channel = channel
    }
}
