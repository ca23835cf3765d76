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
    /// How much any one input may hold or inflate to (README, "Limits and guarantees").
    public var limits = InputLimits()

    public init(format: InputFormat = .auto, kind: DocumentKind = .post, channel: String? = nil) {
        self.format = format; self.kind = kind; self.channel = channel
    }
}

/// The bounds that keep a hostile or broken input from exhausting the machine. Each is checked on
/// bytes actually read or inflated, never on what a header claims; going over one is an
/// `InputError` naming the input, and the rest of the batch is still read.
public struct InputLimits: Sendable {
    /// One document (a JSONL record, a CSV row, a text file, standard input), in bytes as read. A
    /// post or chat message is a few kilobytes: 10 MB leaves a thousandfold margin and keeps a
    /// line read from `/dev/urandom` from growing without end.
    public var documentBytes = 10 * 1024 * 1024
    /// One ZIP entry, inflated.
    public var entryBytes: UInt64 = 512 * 1024 * 1024
    /// Every entry of one ZIP archive together, inflated: a 2 MB archive of four 500 MiB entries
    /// costs time even when each entry alone is within `entryBytes`.
    public var archiveBytes: UInt64 = 2 * 1024 * 1024 * 1024
    /// Inflated bytes per compressed byte read so far, checked once an entry has inflated past
    /// `ratioFloorBytes`. Text and JSON compress 5 to 20 times; DEFLATE's ceiling is about 1,030;
    /// a ZIP bomb lives near it.
    public var compressionRatio: UInt64 = 200
    public var ratioFloorBytes: UInt64 = 16 * 1024 * 1024

    public init() {}
}

enum DocumentLimit {
    /// The reason for a document over the per-document limit, the same words for every format.
    static func overLimit(_ limit: Int, what: String) -> String {
        "\(what) is larger than \(limit >= 1 << 20 ? "\(limit / (1 << 20)) MiB" : "\(limit) bytes"), the limit for one document; not read (split it, or leave it out)"
    }
}
