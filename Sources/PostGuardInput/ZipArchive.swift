// Input: a .zip of drafts, dumps or a platform's export, read without unpacking it anywhere: each
// entry whose name says a format is inflated in memory, one at a time, and read like a file of that
// name (recognised by its own name and content, since an archive mixes formats). Entries are named
// `archive.zip/path/in/archive` in reports.
import PostGuardEngine
import PostGuardDocuments
import Foundation
import ZIPFoundation

enum ZipDocuments {
    /// An entry inflating to more than this is refused: a few kilobytes can inflate to gigabytes.
    static let maximumEntrySize: UInt64 = 512 * 1024 * 1024

    static func read(_ path: String, reader: DocumentReader, session: ReadSession,
                     document: (Document) -> Void, failure: (InputError) -> Void) {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            failure(InputError(source: path, reason: "not a readable ZIP archive"))
            return
        }
        let files = archive.filter { entry in
            entry.type == .file && !entry.path.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
        }.sorted { $0.path < $1.path }
        let layout = ExportLayout(paths: files.map(\.path))
        for entry in files {
            let source = path + "/" + entry.path
            guard case .read(let format) = layout.route(entry.path) else {
                // An archive inside an archive is not opened: say so, so the check does not pass silently.
                if entry.path.lowercased().hasSuffix(".zip") {
                    failure(InputError(source: source, reason: "an archive inside an archive is not read; unpack the outer one"))
                } else {
                    session.skipped += 1
                }
                continue
            }
            guard UInt64(entry.uncompressedSize) <= maximumEntrySize else {
                failure(InputError(source: source, reason: "entry inflates to \(entry.uncompressedSize / 1_048_576) MiB, over the \(maximumEntrySize / 1_048_576) MiB limit"))
                continue
            }
            var data = Data(capacity: Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
            } catch {
                failure(InputError(source: source, reason: "cannot inflate the entry (corrupt archive?)"))
                continue
            }
            // Found in an archive, like in a folder: a CSV without a text column is passed over.
            reader.read(LineReader(data: data), source: source, format: format.inFolder, foundInFolder: true, session: session,
                        document: document, failure: failure)
        }
    }
}
