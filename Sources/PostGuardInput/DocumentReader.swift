// Input: paths (files, folders, archives, `-` for standard input) become Documents. Each file goes
// through `read(_:source:format:)`, the one dispatcher: it decides the format once and hands the
// bytes to that format's reader. Bad input is an `InputError` naming the file and line; the batch
// goes on. Nothing here writes anywhere.
import PostGuardEngine
import PostGuardDocuments
import Foundation

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
                read(LineReader(FileHandle.standardInput), source: "-", format: options.format, document: document, failure: failure)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failure(InputError(source: path, reason: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                // A folder mixes formats: each file in it is recognised by its own name and content.
                for file in DocumentReader.files(in: path, failure: failure) {
                    readFile(file, format: .auto, foundInFolder: true, document: document, failure: failure)
                }
            } else {
                readFile(path, format: options.format, foundInFolder: false, document: document, failure: failure)
            }
        }
    }

    /// Parses bytes already read. Public so callers with their own I/O (tests, servers) can use it.
    public func parse(_ data: Data, source: String, format: InputFormat, document: (Document) -> Void, failure: (InputError) -> Void) {
        read(LineReader(data: data), source: source, format: format, document: document, failure: failure)
    }

    /// The dispatcher: the format is `format` when the caller forces one, else detected here, once,
    /// from the name and the first line; one reader then reads the whole input.
    func read(_ input: LineReader, source: String, format: InputFormat, foundInFolder: Bool = false,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        let resolved = format == .auto ? InputFormat.detect(name: source, head: input.peekLine()) : format
        var options = self.options
        options.channel = resolved.platformChannel ?? options.channel
        resolved.reader(foundInFolder: foundInFolder).read(input, source: source, options: options, document: document, failure: failure)
    }

    /// A file, or a `.zip` (always an archive, whatever `--input-format` says of the files in it).
    func readFile(_ path: String, format: InputFormat, foundInFolder: Bool,
                  document: (Document) -> Void, failure: (InputError) -> Void) {
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "zip" {
            ZipDocuments.read(path, reader: self, document: document, failure: failure)
            return
        }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            failure(InputError(source: path, reason: "cannot read the file (permission denied?)"))
            return
        }
        defer { try? handle.close() }
        read(LineReader(handle), source: path, format: format, foundInFolder: foundInFolder, document: document, failure: failure)
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
            let pathExtension = url.pathExtension.lowercased()
            // A link to a file is read like the file (the walker does not follow links to folders).
            guard draftExtensions.contains(pathExtension) || foundExtensions.contains(pathExtension),
                  (try? url.resolvingSymlinksInPath().resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Report paths as the user wrote the folder, not as absolute paths.
            let relative = url.path.hasPrefix(root.path + "/") ? String(url.path.dropFirst(root.path.count + 1)) : url.lastPathComponent
            files.append(prefix + relative)
        }
        return files.sorted()
    }
}
