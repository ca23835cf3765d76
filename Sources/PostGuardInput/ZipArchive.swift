// Input: a .zip of drafts, dumps or a platform's export, read without unpacking it anywhere: each
// entry whose name says a format is inflated in memory, one at a time, and read like a file of that
// name (recognised by its own name and content, since an archive mixes formats). Entries are named
// `archive.zip/path/in/archive` in reports.
import PostGuardEngine
import PostGuardDocuments
import Foundation

enum ZipDocuments {
    static func read(_ path: String, reader: DocumentReader, session: ReadSession,
                     document: (Document) -> Void, failure: (InputError) -> Void) {
        let limits = reader.options.limits
        let archive: ZipDirectory
        do { archive = try ZipDirectory(path: path) } catch {
            failure(InputError(source: path, reason: "not a readable ZIP archive"))
            return
        }
        defer { archive.close() }
        let files = archive.entries.filter { entry in
            !entry.isDirectory && !entry.isLink && !entry.path.split(separator: "/").contains {
                $0 != ".." && ($0.hasPrefix(".") || $0 == "__MACOSX")
            }
        }.sorted { $0.path < $1.path }
        let layout = ExportLayout(paths: files.map(\.path))
        var inflatedInArchive: UInt64 = 0
        for entry in files {
            let source = path + "/" + entry.path
            // An entry that climbs out of the archive (`../x`) or starts at the root is what a
            // "zip slip" attack writes; nothing is unpacked here, but it is no export's file either,
            // and passing it over in silence would hide what it holds.
            if entry.path.hasPrefix("/") || entry.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
                failure(InputError(source: source, reason: "entry path leaves the archive (.. or /); not read"))
                continue
            }
            guard case .read(let format) = layout.route(entry.path) else {
                // An archive inside an archive is not opened: say so, so the check does not pass silently.
                if entry.path.lowercased().hasSuffix(".zip") {
                    failure(InputError(source: source, reason: "an archive inside an archive is not read; unpack the outer one"))
                } else {
                    session.skipped += 1
                }
                continue
            }
            if entry.isEncrypted {
                failure(InputError(source: source, reason: "entry is encrypted (password-protected); not read: unzip it with its password and check the files"))
                continue
            }
            // What the header claims is only a first check; the bytes are counted as they inflate.
            guard entry.uncompressedSize <= limits.entryBytes else {
                failure(InputError(source: source, reason: "entry inflates to \(entry.uncompressedSize / 1_048_576) MiB, over the \(limits.entryBytes / 1_048_576) MiB limit"))
                continue
            }
            var data = Data(capacity: Int(min(entry.uncompressedSize, 1 << 20)))
            var overLimit: String?
            do {
                try archive.inflate(entry) { chunk, compressedRead in
                    reader.meter?.add(UInt64(chunk.count))
                    let inflated = UInt64(data.count + chunk.count)
                    if inflated > limits.entryBytes {
                        overLimit = "entry inflates to over the \(ZipDocuments.size(limits.entryBytes)) limit (its header says \(ZipDocuments.size(entry.uncompressedSize))); not read"
                    } else if inflatedInArchive + inflated > limits.archiveBytes {
                        overLimit = "the archive inflates to over the \(ZipDocuments.size(limits.archiveBytes)) limit for one archive; this entry and the rest are not read"
                    } else if inflated > limits.ratioFloorBytes, inflated > limits.compressionRatio * max(compressedRead, 1) {
                        // The ratio so far, not over the whole entry: a bomb's 1 MB of compressed
                        // bytes would otherwise be allowed 200 MB before the ratio could tell.
                        overLimit = "entry inflates over \(limits.compressionRatio) times its compressed size (a ZIP bomb?); not read"
                    }
                    if overLimit != nil { throw ZipDirectory.InflateError.overLimit }
                    data.append(chunk)
                }
            } catch ZipDirectory.InflateError.unsupportedMethod(let method) {
                failure(InputError(source: source, reason: "entry is compressed with method \(method), which PostGuard cannot inflate (only stored and deflated)"))
                continue
            } catch {
                failure(InputError(source: source, reason: overLimit ?? "cannot inflate the entry (corrupt archive?)"))
                inflatedInArchive += UInt64(data.count)
                if inflatedInArchive >= limits.archiveBytes || overLimit?.hasPrefix("the archive") == true { return }
                continue
            }
            inflatedInArchive += UInt64(data.count)
            // Found in an archive, like in a folder: a CSV without a text column is passed over.
            reader.read(LineReader(data: data, limit: limits.documentBytes), source: source, format: format.inFolder,
                        foundInFolder: true, session: session, document: document, failure: failure)
        }
    }

    static func size(_ bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "\(bytes / (1 << 20)) MiB" : bytes >= 1 << 10 ? "\(bytes / (1 << 10)) KiB" : "\(bytes) bytes"
    }
}

/// Bytes a reader inflated, counted so a test can check the work done on a hostile archive is
/// bounded in bytes rather than in seconds.
package final class ByteMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var total: UInt64 = 0
    package init() {}
    package var value: UInt64 { lock.withLock { total } }
    func add(_ bytes: UInt64) { lock.withLock { total += bytes } }
}
