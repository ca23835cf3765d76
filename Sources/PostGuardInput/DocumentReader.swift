// Input: files, folders and standard input become Documents. Bad input is an `InputError` naming
// the file and line; the reader reports it and goes on with the rest of the batch. Nothing here
// writes anywhere.
import PostGuardEngine
import PostGuardDocuments
import Foundation
import Yams

public enum InputFormat: String, Sendable, CaseIterable {
    case auto, text, markdown, jsonl, csv
    case xArchive = "x-archive"
    case facebook, instagram, linkedin, whatsapp

}

/// Input that could not be read. One line, naming the file and, where known, the line.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var reason: String

    public init(source: String, line: Int? = nil, reason: String) {
        self.source = source; self.line = line; self.reason = reason
    }

    public var description: String { line.map { "\(source):\($0): \(reason)" } ?? "\(source): \(reason)" }
}

public struct InputOptions: Sendable {
    public var format: InputFormat = .auto
    /// For documents that do not say.
    public var kind: DocumentKind = .post
    public var channel: String?

    public init(format: InputFormat = .auto, kind: DocumentKind = .post, channel: String? = nil) {
        self.format = format; self.kind = kind; self.channel = channel
    }
}

public struct DocumentReader: Sendable {
    public var options: InputOptions

    /// File name endings read when walking a folder; other files there are not drafts.
    static let draftExtensions: Set<String> = ["txt", "text", "md", "markdown", "jsonl", "ndjson"]
    /// Also read when found in a folder: archives, and CSV files that have a text column (in a drafts
    /// folder a CSV is as likely a consent list, which is not scanned).
    static let foundExtensions: Set<String> = ["zip", "csv"]

    public init(options: InputOptions = InputOptions()) { self.options = options }

    /// Reads every path in order (`-` is standard input), calling `document` for each document and
    /// `failure` for each piece of input that could not be read.
    public func read(paths: [String], document: (Document) -> Void, failure: (InputError) -> Void) {
        for path in paths {
            if path == "-" {
                readStream(FileHandle.standardInput, source: "-", document: document, failure: failure)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failure(InputError(source: path, reason: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue, options.format == .auto, URL(fileURLWithPath: path).pathExtension.lowercased() == "zip" {
                ZipDocuments.read(path, reader: self, document: document, failure: failure)
                continue
            }
            if isDirectory.boolValue {
                for file in DocumentReader.files(in: path, failure: failure) {
                    if URL(fileURLWithPath: file).pathExtension.lowercased() == "zip" {
                        ZipDocuments.read(file, reader: self, document: document, failure: failure)
                    } else if URL(fileURLWithPath: file).pathExtension.lowercased() == "csv" {
                        readFoundCSV(file, document: document, failure: failure)
                    } else {
                        readFile(file, document: document, failure: failure)
                    }
                }
            } else {
                readFile(path, document: document, failure: failure)
            }
        }
    }

    /// Draft files below `folder`, in a stable order, skipping hidden files and folders.
    static func files(in folder: String, failure: (InputError) -> Void) -> [String] {
        let root = URL(fileURLWithPath: folder)
        // The walker's error handler may be kept beyond this call, so it collects; we report after.
        final class Unreadable: @unchecked Sendable { var errors: [InputError] = [] }
        let unreadable = Unreadable()
        defer { unreadable.errors.forEach(failure) }
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles],
            errorHandler: { url, error in
                unreadable.errors.append(InputError(source: url.path, reason: "cannot read folder: \(error.localizedDescription)"))
                return true
            }) else { return [] }
        var files: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for case let url as URL in walker {
            // A link to a file is read like the file (the walker does not follow links to folders).
            guard draftExtensions.contains(url.pathExtension.lowercased()) || foundExtensions.contains(url.pathExtension.lowercased()),
                  (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Report paths as the user wrote the folder, not as absolute paths.
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            files.append(prefix + relative)
        }
        return files.sorted()
    }

    /// A CSV found in a folder: read when it has a text column, passed over when it has none.
    func readFoundCSV(_ path: String, document: (Document) -> Void, failure: (InputError) -> Void) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            failure(InputError(source: path, reason: "cannot read the file (permission denied?)"))
            return
        }
        defer { try? handle.close() }
        var options = self.options
        if DocumentReader.detect(source: path, data: Data()) == .linkedin { options.channel = options.channel ?? "linkedin" }
        CSVDocuments.read(LineReader(handle), source: path, options: options, skipWithoutTextColumn: true, document: document, failure: failure)
    }

    func readFile(_ path: String, document: (Document) -> Void, failure: (InputError) -> Void) {
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            failure(InputError(source: path, reason: "cannot read the file (permission denied?)"))
            return
        }
        defer { try? handle.close() }
        readStream(handle, source: path, document: document, failure: failure)
    }

    /// JSONL streams a record at a time, so a dump of gigabytes is read in constant memory; other
    /// formats are one document a file and are read whole.
    func readStream(_ handle: FileHandle, source: String, document: (Document) -> Void, failure: (InputError) -> Void) {
        let lines = LineReader(handle)
        if options.format == .linkedin || (options.format == .auto && DocumentReader.detect(source: source, data: Data()) == .linkedin) {
            var linkedin = options
            linkedin.channel = options.channel ?? "linkedin"
            CSVDocuments.read(lines, source: source, options: linkedin, document: document, failure: failure)
            return
        }
        if options.format == .csv || (options.format == .auto && DocumentReader.detect(source: source, data: Data()) == .csv) {
            CSVDocuments.read(lines, source: source, options: options, document: document, failure: failure)
            return
        }
        guard let first = lines.next() else {
            parse(Data(), source: source, format: options.format, document: document, failure: failure)
            return
        }
        var format = options.format == .auto ? DocumentReader.detect(source: source, data: first) : options.format
        if options.format == .auto, format == .text, WhatsAppChat.isChat(source: source, firstLine: first) { format = .whatsapp }
        if [.xArchive, .facebook, .instagram].contains(format) {
            // Platform exports are JSON arrays: read whole, then split into posts.
            var data = first
            while let more = lines.next() { data.append(0x0A); data.append(more) }
            parse(data, source: source, format: format, document: document, failure: failure)
            return
        }
        if format == .whatsapp {
            WhatsAppChat.read(LineReader(first: first, rest: lines), source: source, options: options, document: document, failure: failure)
            return
        }
        if format == .jsonl {
            var line = 1
            var record: Data? = first
            while let current = record {
                JSONLines.read(line: current, number: line, source: source, options: options, document: document, failure: failure)
                line += 1
                record = lines.next()
            }
            return
        }
        var data = first
        while let more = lines.next() { data.append(0x0A); data.append(more) }
        if lines.endedWithNewline { data.append(0x0A) }
        parse(data, source: source, format: format, document: document, failure: failure)
    }

    /// Parses bytes already read. Public so callers with their own I/O (tests, servers) can use it.
    public func parse(_ data: Data, source: String, format: InputFormat, document: (Document) -> Void, failure: (InputError) -> Void) {
        let resolved = format == .auto ? DocumentReader.detect(source: source, data: data) : format
        // A byte-order mark is an encoding detail, not text: drop it so front matter is found and
        // columns on line 1 match the editor.
        let data = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        switch resolved {
        case .xArchive:
            SocialExports.read(Data(data), source: source, platform: .x, options: options, document: document, failure: failure)
        case .facebook:
            SocialExports.read(Data(data), source: source, platform: .facebook, options: options, document: document, failure: failure)
        case .instagram:
            SocialExports.read(Data(data), source: source, platform: .instagram, options: options, document: document, failure: failure)
        case .whatsapp:
            WhatsAppChat.read(LineReader(data: Data(data)), source: source, options: options, document: document, failure: failure)
        case .text where WhatsAppChat.isChat(source: source, firstLine: Data(data.prefix { $0 != 0x0A })):
            WhatsAppChat.read(LineReader(data: Data(data)), source: source, options: options, document: document, failure: failure)
        case .csv:
            CSVDocuments.read(LineReader(data: Data(data)), source: source, options: options, document: document, failure: failure)
        case .linkedin:
            // LinkedIn's Shares.csv and Comments.csv: the CSV reader knows their text columns.
            var linkedin = options
            linkedin.channel = options.channel ?? "linkedin"
            DocumentReader(options: linkedin).parse(data, source: source, format: .csv, document: document, failure: failure)
        case .jsonl:
            JSONLines.read(Data(data), source: source, options: options, document: document, failure: failure)
        default:
            guard let text = String(validating: data, as: UTF8.self) else {
                failure(InputError(source: source, line: DocumentReader.firstInvalidLine(Data(data)), reason: "not valid UTF-8 text"))
                return
            }
            do {
                document(try FrontMatter.document(text: text, source: source, options: options))
            } catch let error as InputError {
                failure(error)
            } catch {
                failure(InputError(source: source, reason: "\(error)"))
            }
        }
    }

    /// Chooses a format by name, then by content: a file whose first line is a JSON object with a
    /// `text` field is JSONL.
    static func detect(source: String, data: Data) -> InputFormat {
        switch SocialExports.platform(of: source) {
        case .x?: return .xArchive
        case .facebook?: return .facebook
        case .instagram?: return .instagram
        case nil: break
        }
        if ["shares.csv", "comments.csv"].contains(URL(fileURLWithPath: source).lastPathComponent.lowercased()) { return .linkedin }
        switch URL(fileURLWithPath: source).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "md", "markdown": return .markdown
        case "csv": return .csv

        case "txt", "text": return .text
        default: break
        }
        let firstLine = data.prefix(while: { $0 != 0x0A })
        if firstLine.first == UInt8(ascii: "{"),
           let object = try? JSONSerialization.jsonObject(with: firstLine) as? [String: Any], object["text"] != nil {
            return .jsonl
        }
        return .text
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, so the error can point at it.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}

/// `---` YAML front matter at the top of a text or markdown draft: `kind`, `channel`, `consent`,
/// `id`, `publish_at`, `in_reply_to`, `author`, `media`. The front matter stays in the document's
/// text (so lines match the file) but is not scanned.
enum FrontMatter {
    /// The 1-based line, within the front matter, that a YAML error points at.
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    static func document(text: String, source: String, options: InputOptions) throws -> Document {
        var document = Document(source: source, text: text, kind: options.kind, channel: options.channel)
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return document }
        let utf8 = Array(text.utf8)
        // Find the closing `---` line.
        var lineStart = text.hasPrefix("---\r\n") ? 5 : 4
        var closing: (start: Int, end: Int)?
        while lineStart < utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
            let content = utf8[lineStart..<lineEnd].filter { $0 != 0x0D }
            if content == Array("---".utf8) || content == Array("...".utf8) {
                closing = (lineStart, min(lineEnd + 1, utf8.count))
                break
            }
            lineStart = lineEnd + 1
        }
        guard let closing else {
            throw InputError(source: source, line: 1, reason: "front matter starts with '---' but never ends")
        }
        let open = text.hasPrefix("---\r\n") ? 5 : 4
        let yaml = String(decoding: utf8[open..<closing.start], as: UTF8.self)
        // A block between two `---` lines is front matter only if it starts like YAML fields
        // (`kind: reply`); otherwise it is prose between horizontal rules, and all of it is scanned.
        guard let firstLine = yaml.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              firstLine.first.map({ $0.isLetter || $0 == "_" }) == true,
              let colon = firstLine.firstIndex(of: ":"),
              firstLine[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return document }
        let fields: [String: Any]
        do {
            // Plain YAML 1.1 would turn `publish_at: 2026-02-30` into 2 March and `id: 0012` into 10:
            // every scalar stays the string it is written as, and is checked as such.
            let resolver = Resolver.default.removing(.int).removing(.float).removing(.timestamp).removing(.bool)
            guard let mapping = try Yams.load(yaml: yaml, resolver) as? [String: Any] else { return document }
            fields = mapping
        } catch let error as YamlError {
            // Only the position: Yams' message quotes the line, which may hold a patient's details.
            throw InputError(source: source, line: FrontMatter.line(of: error).map { $0 + 1 }, reason: "front matter is not valid YAML")
        } catch {
            throw InputError(source: source, line: 1, reason: "front matter is not valid YAML")
        }
        try Fields.apply(fields, to: &document, source: source, line: 1)
        // The fields PostGuard reads are not published; anything else (a Jekyll or Hugo `title:`,
        // `description:`, `tags:`) is, and is scanned like the body.
        document.unscanned = [ByteRange(0, open), ByteRange(closing.start, closing.end)]
            + FrontMatter.keyRanges(utf8, from: open, to: closing.start).filter { Fields.known.contains($0.key) }.map(\.range)
        return document
    }

    /// Each top-level key of a YAML block with the byte range of its lines (a key's value may go on
    /// over indented or list lines).
    static func keyRanges(_ utf8: [UInt8], from start: Int, to end: Int) -> [(key: String, range: ByteRange)] {
        var keys: [(String, ByteRange)] = []
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, utf8[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, end)
            let first = utf8[lineStart]
            if first != 0x20, first != 0x09, first != UInt8(ascii: "-"), first != 0x0A, first != 0x0D,
               let colon = utf8[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
                keys.append((String(decoding: utf8[lineStart..<colon], as: UTF8.self), ByteRange(lineStart, next)))
            } else if !keys.isEmpty {
                keys[keys.count - 1].1.end = next
            }
            lineStart = next
        }
        return keys
    }
}

/// The document fields shared by JSONL records and front matter, with the contract's spellings.
package enum Fields {
    /// The document fields inputs may set; in front matter they are not published.
    static let known: Set<String> = ["id", "kind", "channel", "consent", "in_reply_to", "author", "created_at", "publish_at", "media"]

    package static func apply(_ fields: [String: Any], to document: inout Document, source: String, line: Int) throws {
        func string(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, is NSNull: return nil
            case let value as String: return value
            case let value as Int: return String(value)
            case let value as Double: return String(value)
            default: throw InputError(source: source, line: line, reason: "'\(key)' must be a string")
            }
        }
        if let id = try string("id") { document.id = id }
        if let kind = try string("kind") {
            guard let known = DocumentKind(rawValue: kind.lowercased()) else {
                // The value is not quoted: a wrong column can put a patient's words here.
                throw InputError(source: source, line: line, reason: "unknown kind (use post, reply or message)")
            }
            document.kind = known
        }
        if let channel = try string("channel") { document.channel = channel.lowercased() }
        switch fields["consent"] {
        case nil, is NSNull: break
        case let value as String: document.consent = [value]
        case let values as [Any]:
            let ids = values.compactMap { $0 as? String }
            guard ids.count == values.count else {
                throw InputError(source: source, line: line, reason: "'consent' must be a string or a list of strings")
            }
            document.consent = ids
        default: throw InputError(source: source, line: line, reason: "'consent' must be a string or a list of strings")
        }
        document.inReplyTo = try string("in_reply_to") ?? document.inReplyTo
        document.author = try string("author") ?? document.author
        document.createdAt = try string("created_at") ?? document.createdAt
        if let publishAt = try string("publish_at") {
            guard CalendarDate(iso: Substring(publishAt.prefix(10))) != nil else {
                throw InputError(source: source, line: line, reason: "'publish_at' must be a date like 2026-12-01")
            }
            document.publishAt = String(publishAt.prefix(10))
        }
        if let media = fields["media"] {
            guard let items = media as? [Any] else {
                throw InputError(source: source, line: line, reason: "'media' must be a list")
            }
            document.media = items.map { item in
                if let object = item as? [String: Any] {
                    return Media(path: object["path"] as? String, alt: object["alt"] as? String)
                }
                return Media(path: item as? String, alt: nil)
            }
        }
    }
}

/// One JSON object a line; only `text` is required. Blank lines are allowed.
package enum JSONLines {
    static func read(_ data: Data, source: String, options: InputOptions, document: (Document) -> Void, failure: (InputError) -> Void) {
        let lines = LineReader(data: data)
        var line = 0
        while let record = lines.next() {
            line += 1
            read(line: record, number: line, source: source, options: options, document: document, failure: failure)
        }
    }

    static func read(line record: Data, number line: Int, source: String, options: InputOptions, document: (Document) -> Void, failure: (InputError) -> Void) {
        if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
        do {
            document(try parse(record, source: source, line: line, options: options))
        } catch let error as InputError {
            failure(error)
        } catch {
            failure(InputError(source: source, line: line, reason: "\(error)"))
        }
    }

    package static func parse(_ record: Data, source: String, line: Int, options: InputOptions) throws -> Document {
        guard String(validating: record, as: UTF8.self) != nil else {
            throw InputError(source: source, line: line, reason: "not valid UTF-8 text")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: record) } catch {
            throw InputError(source: source, line: line, reason: "not a JSON object (malformed JSON)")
        }
        guard let fields = object as? [String: Any] else {
            throw InputError(source: source, line: line, reason: "not a JSON object")
        }
        guard let text = fields["text"] as? String else {
            throw InputError(source: source, line: line, reason: "record has no \"text\" string")
        }
        var document = Document(source: source, text: text, kind: options.kind, channel: options.channel, recordLine: line)
        try Fields.apply(fields, to: &document, source: source, line: line)
        return document
    }
}

/// Lines of a file or pipe, read in 256 KiB chunks: memory holds one chunk and one line.
final class LineReader {
    private let handle: FileHandle?
    private var buffer = [UInt8]()
    private var position = 0
    private var exhausted = false
    /// Whether the input's last byte was a line feed, so a text file is rebuilt byte for byte.
    private(set) var endedWithNewline = false

    init(_ handle: FileHandle) { self.handle = handle }

    /// `first`, already read, then the rest of `reader`'s lines.
    convenience init(first: Data, rest reader: LineReader) {
        self.init(data: Data())
        pending = first
        continuation = reader
    }

    private var pending: Data?
    /// Lines to read after `pending`, when this reader continues another.
    private var continuation: LineReader?

    /// Lines of bytes already in memory.
    init(data: Data) {
        handle = nil
        buffer = [UInt8](data)
        exhausted = true
    }

    func next() -> Data? {
        guard let line = nextLine() else { return nil }
        // A byte-order mark is an encoding detail (Excel writes one in every "CSV UTF-8"), not text.
        if isFirstLine {
            isFirstLine = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { return Data(line.dropFirst(3)) }
        }
        return line
    }

    private var isFirstLine = true

    private func nextLine() -> Data? {
        if let line = pending { pending = nil; return line }
        if let continuation { return continuation.next() }
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                return Data(buffer[position..<newline])
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
                return Data(buffer[position...])
            }
            // Keep only the unread tail before reading on, so the buffer never grows past a line.
            buffer.removeSubrange(0..<position)
            position = 0
            let chunk = handle?.readData(ofLength: 256 * 1024) ?? Data()
            if chunk.isEmpty { exhausted = true } else {
                endedWithNewline = chunk.last == 0x0A
                buffer.append(contentsOf: chunk)
            }
        }
    }
}
