// Input: the list of a ZIP archive's entries, read from its central directory, and each entry's
// bytes inflated through a counting consumer. ZIPFoundation's inflater does the inflating; the
// listing is ours because ZIPFoundation's stops at the first encrypted entry (its `Entry` cannot
// be made for one), so that entry and every one after it would be skipped without a word, and
// because its extraction trusts nothing but the stream's end: an entry whose header claims 1,000
// bytes inflates for as long as the stream goes on. Here every entry is listed, the encrypted one
// included, and inflating stops at a limit counted on the bytes actually produced.
import Foundation
import ZIPFoundation

struct ZipDirectory {
    struct Entry {
        var path: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        var externalAttributes: UInt32

        var isEncrypted: Bool { flags & 1 != 0 }
        var isDirectory: Bool { path.hasSuffix("/") }
        /// A symbolic link stored as an entry (Unix mode in the high half of the attributes).
        var isLink: Bool { (externalAttributes >> 16) & 0o170000 == 0o120000 }
    }

    struct Malformed: Error {}

    let handle: FileHandle
    let entries: [Entry]

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Malformed() }
        self.handle = handle
        entries = try ZipDirectory.list(handle)
    }

    func close() { try? handle.close() }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        guard let data = try handle.read(upToCount: count), data.count == count else { throw Malformed() }
        return [UInt8](data)
    }

    private static func list(_ handle: FileHandle) throws -> [Entry] {
        let length = try handle.seekToEnd()
        // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
        let tailLength = min(length, 22 + 65_535)
        let tail = try read(handle, at: length - tailLength, count: Int(tailLength))
        guard tail.count >= 22,
              let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail.le32($0) == 0x0605_4B50 })
        else { throw Malformed() }
        var count = UInt64(tail.le16(end + 10))
        var directorySize = UInt64(tail.le32(end + 12))
        var directoryOffset = UInt64(tail.le32(end + 16))
        // ZIP64: the real figures are in the ZIP64 end record, found through its locator.
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            guard end >= 20, tail.le32(end - 20) == 0x0706_4B50 else { throw Malformed() }
            let record = try read(handle, at: tail.le64(end - 20 + 8), count: 56)
            guard record.le32(0) == 0x0606_4B50 else { throw Malformed() }
            count = record.le64(32); directorySize = record.le64(40); directoryOffset = record.le64(48)
        }
        guard directoryOffset + directorySize <= length, directorySize < 1 << 31 else { throw Malformed() }
        let directory = try read(handle, at: directoryOffset, count: Int(directorySize))
        var entries: [Entry] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.le32(at) == 0x0201_4B50 else { throw Malformed() }
            let nameLength = Int(directory.le16(at + 28)), extraLength = Int(directory.le16(at + 30))
            let commentLength = Int(directory.le16(at + 32))
            guard at + 46 + nameLength + extraLength + commentLength <= directory.count else { throw Malformed() }
            let name = directory[(at + 46)..<(at + 46 + nameLength)]
            var entry = Entry(
                path: String(decoding: name, as: UTF8.self), flags: directory.le16(at + 8), method: directory.le16(at + 10),
                crc32: directory.le32(at + 16), compressedSize: UInt64(directory.le32(at + 20)),
                uncompressedSize: UInt64(directory.le32(at + 24)), localHeaderOffset: UInt64(directory.le32(at + 42)),
                externalAttributes: directory.le32(at + 38))
            // ZIP64 extra field: the 64-bit sizes and offset, in this order, for those set to all ones.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.le16(extra), size = Int(directory.le16(extra + 2))
                if id == 0x0001 {
                    var field = extra + 4
                    func next() -> UInt64? {
                        guard field + 8 <= extra + 4 + size else { return nil }
                        defer { field += 8 }
                        return directory.le64(field)
                    }
                    if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = next() ?? entry.uncompressedSize }
                    if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = next() ?? entry.compressedSize }
                    if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = next() ?? entry.localHeaderOffset }
                }
                extra += 4 + size
            }
            entries.append(entry)
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    enum InflateError: Error {
        case overLimit
        case unsupportedMethod(UInt16)
        case corrupt
    }

    /// Inflates `entry`, handing each chunk to `consumer` with the compressed bytes read so far;
    /// the consumer stops the inflating by throwing (a limit reached). A stored or deflated entry
    /// only; its checksum is verified.
    func inflate(_ entry: Entry, consumer: (_ chunk: Data, _ compressedRead: UInt64) throws -> Void) throws {
        let local = try ZipDirectory.read(handle, at: entry.localHeaderOffset, count: 30)
        guard local.le32(0) == 0x0403_4B50 else { throw InflateError.corrupt }
        let start = entry.localHeaderOffset + 30 + UInt64(local.le16(26)) + UInt64(local.le16(28))
        try handle.seek(toOffset: start)
        let chunkSize = 64 * 1024
        var remaining = entry.compressedSize
        /// The next compressed bytes, never past the entry's own: a truncated stream is an error, not a wait.
        func compressed(_ size: Int) throws -> Data {
            let count = Int(min(UInt64(size), remaining))
            guard count > 0, let data = try handle.read(upToCount: count), data.count == count else { throw InflateError.corrupt }
            remaining -= UInt64(count)
            return data
        }
        var checksum: CRC32 = 0
        switch entry.method {
        case 0:
            while remaining > 0 {
                let chunk = try compressed(chunkSize)
                checksum = chunk.crc32(checksum: checksum)
                try consumer(chunk, entry.compressedSize - remaining)
            }
        case 8:
            // ZIPFoundation's zlib loop tells zlib every chunk is `bufferSize` long: the last one is
            // padded with zeros so zlib never reads past it (a stream that has not ended by then is
            // corrupt, and the next call says so).
            let provider: Provider = { _, size in
                var data = try compressed(size)
                if data.count < size { data.append(Data(count: size - data.count)) }
                return data
            }
            do {
                checksum = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: chunkSize, skipCRC32: false,
                                               provider: provider, consumer: { try consumer($0, entry.compressedSize - remaining) })
            } catch let error as InflateError { throw error } catch { throw InflateError.corrupt }
        default:
            throw InflateError.unsupportedMethod(entry.method)
        }
        guard checksum == entry.crc32 else { throw InflateError.corrupt }
    }
}

private extension Array where Element == UInt8 {
    func le16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func le32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[at + $1]) << (8 * $1) } }
    func le64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(self[at + $1]) << (8 * $1) } }
}
