// Input: paths (files, folders, archives, `-` for standard input) become Documents. Each file goes
// through `read(_:source:format:)`, the one dispatcher: it decides the format once and hands the
// bytes to that format's reader. Bad input is an `InputError` naming the file and line; the batch
// goes on. Nothing here writes anywhere.
import PostGuardEngine
import PostGuardDocuments
import Foundation

public struct DocumentReader: Sendable {
    public var options: InputOptions
    /// Counts the bytes inflated from archives, where a test wants to know.
    package var meter: ByteMeter?

    public init(options: InputOptions = InputOptions()) { self.options = options }

    /// Reads every path in order (`-` is standard input), calling `document` for each document,
    /// `failure` for each piece of input that could not be read and `notice` for what the reader
    /// passed over on purpose (one line a folder or archive: how many files hold no posts or
    /// messages). A path that yields no document and no error is itself an error: a check that read
    /// nothing must not pass.
    public func read(paths: [String], document: (Document) -> Void, failure: (InputError) -> Void,
                     notice: (String) -> Void = { _ in }) {
        for path in paths {
            var documents = 0, failures = 0
            let session = ReadSession()
            func failed(_ error: InputError) { failures += 1; failure(error) }
            func counted(_ item: Document) {
                // Every format's documents are held to the one limit, those of platform files too.
                guard item.text.utf8.count <= options.limits.documentBytes else {
                    failed(InputError(source: item.source, line: item.recordLine,
                                      reason: DocumentLimit.overLimit(options.limits.documentBytes, what: "the document")))
                    return
                }
                documents += 1
                document(item)
            }
            readPath(path, session: session, document: counted, failure: failed)
            session.finish(document: counted)
            for file in session.empty { notice("\(file): empty file, nothing to check") }
            if session.skipped > 0 {
                let files = session.skipped == 1 ? "1 file that holds" : "\(session.skipped) files that hold"
                notice("\(path == "-" ? "standard input" : path): skipped \(files) no posts or messages")
            }
            if documents == 0 && failures == 0 { failure(InputError(noDocumentsIn: path == "-" ? "standard input" : path)) }
        }
    }

    private func readPath(_ path: String, session: ReadSession, document: (Document) -> Void, failure: (InputError) -> Void) {
        if path == "-" {
            read(LineReader(FileHandle.standardInput, limit: options.limits.documentBytes), source: "-", format: options.format, session: session,
                 document: document, failure: failure)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            failure(InputError(source: path, reason: "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            // A folder is read as its zip would be: each file routed by its path inside it.
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let files = DocumentReader.files(in: path, failure: failure)
            let layout = ExportLayout(paths: files)
            for file in files {
                switch layout.route(file) {
                case .read(let format):
                    readFile(prefix + file, format: format.inFolder, foundInFolder: true, session: session, document: document, failure: failure)
                case .notContent, .unknown:
                    if URL(fileURLWithPath: file).pathExtension.lowercased() == "zip" {
                        readFile(prefix + file, format: .auto, foundInFolder: true, session: session, document: document, failure: failure)
                    } else {
                        session.skipped += 1
                    }
                }
            }
        } else {
            readFile(path, format: options.format, foundInFolder: false, session: session, document: document, failure: failure)
        }
    }

    /// Parses bytes already read. Public so callers with their own I/O (tests, servers) can use it.
    public func parse(_ data: Data, source: String, format: InputFormat, document: (Document) -> Void, failure: (InputError) -> Void) {
        let session = ReadSession()
        read(LineReader(data: data, limit: options.limits.documentBytes), source: source, format: format, session: session,
             document: document, failure: failure)
        session.finish(document: document)
    }

    /// The dispatcher: the format is `format` when the caller forces one, else detected here, once,
    /// from the name and the first line; one reader then reads the whole input.
    func read(_ input: LineReader, source: String, format: InputFormat, foundInFolder: Bool = false, session: ReadSession,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var input = input
        // UTF-16 (Windows' "Unicode" text) is decoded before anything looks at it: read as bytes,
        // its NULs would hide every identifier and the file would pass as clean.
        if let encoding = UTF16Text.encoding(of: input.peek(UTF16Text.sniffBytes)) {
            let limit = 2 * input.limit
            guard let raw = input.rest(limit: limit) else {
                failure(InputError(source: source, reason: "UTF-16 text larger than \(limit / (1 << 20)) MiB; save it as UTF-8"))
                return
            }
            guard let text = UTF16Text.decode(raw, encoding) else {
                failure(InputError(source: source, reason: "not valid UTF-16 text (it starts like UTF-16: save it as UTF-8)"))
                return
            }
            input = LineReader(data: Data(text.utf8), limit: input.limit)
        }
        // A file that holds nothing is said once: an error when it was named (nothing else was
        // asked for), a notice when found in a folder or archive, whose other files still count.
        if input.isBlank() {
            if foundInFolder { session.empty.append(source) } else {
                failure(InputError(source: source == "-" ? "standard input" : source, reason: "empty, nothing to check"))
            }
            return
        }
        let resolved = format == .auto ? InputFormat.detect(name: source, head: input.peekLine()) : format
        var options = self.options
        options.channel = resolved.platformChannel ?? options.channel
        resolved.reader(foundInFolder: foundInFolder, session: session)
            .read(input, source: source, options: options, document: document, failure: failure)
    }

    /// A file, or a `.zip` (always an archive, whatever `--input-format` says of the files in it).
    func readFile(_ path: String, format: InputFormat, foundInFolder: Bool, session: ReadSession,
                  document: (Document) -> Void, failure: (InputError) -> Void) {
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "zip" {
            ZipDocuments.read(path, reader: self, session: session, document: document, failure: failure)
            return
        }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            failure(InputError(source: path, reason: "cannot read the file (permission denied?)"))
            return
        }
        defer { try? handle.close() }
        if !foundInFolder, format == .auto, case .notContent = ExportLayout(paths: [path]).route(path) {
            session.skipped += 1 // a platform's data file named on its own (`data/manifest.js`)
            return
        }
        read(LineReader(handle, limit: options.limits.documentBytes), source: path, format: format, foundInFolder: foundInFolder, session: session,
             document: document, failure: failure)
    }

    /// Every file below `folder` (relative to it), in a stable order, skipping hidden files and
    /// folders and macOS metadata.
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
        for case let url as URL in walker {
            // A link to a file is read like the file (the walker does not follow links to folders).
            guard (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Report paths as the user wrote the folder, not as absolute paths.
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            if relative.split(separator: "/").contains("__MACOSX") { continue }
            files.append(relative)
        }
        return files.sorted()
    }
}

/// What one path's reading shares across its files: X's long posts (read from `note-tweet.js`
/// before `tweets.js`, so the cut copy is not scanned twice) and the count of files passed over.
final class ReadSession {
    var skipped = 0
    /// Files found in a folder or archive that hold nothing (said once each, as a notice).
    var empty: [String] = []
    /// The full texts of X's long posts read so far, by the text their cut copy starts with.
    var xNotes: [Document] = []

    /// The long posts no tweet claimed are read on their own.
    func finish(document: (Document) -> Void) {
        xNotes.forEach(document)
        xNotes = []
    }
}
