// Input: the bytes of one file, pipe or archive entry, read in 256 KiB chunks, so streamed formats
// hold one chunk and one line in memory. Every reader takes its bytes from here, which is why the
// byte-order-mark rule lives here and nowhere else.
import Foundation

/// A UTF-8 byte-order mark is an encoding detail (Excel writes one in every "CSV UTF-8", Notepad in
/// text files), not text: dropped before any format sees the bytes, so front matter is found, a
/// first JSON record parses, a CSV header matches and columns on line 1 are the editor's.
enum ByteOrderMark {
    static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]
}

final class LineReader {
    private let handle: FileHandle?
    private var buffer = [UInt8]()
    private var position = 0
    private var exhausted: Bool
    private var markChecked = false
    /// The most bytes one line may hold (a JSONL record, a CSV line, a chat line): the per-document
    /// limit. A longer line is skipped without being kept, so the buffer never holds more than this
    /// and one chunk, whatever the input (`/dev/urandom` on standard input).
    let limit: Int
    /// Whether the line `next()` last returned was longer than `limit`, and so skipped: it returns
    /// an empty line then, and the reader says which line was too long.
    private(set) var lastLineTooLong = false
    /// How many `"` the skipped line held, so a CSV record's quotes still pair up across it.
    private(set) var lastLineQuotes = 0

    init(_ handle: FileHandle, limit: Int = InputLimits().documentBytes) {
        self.handle = handle
        self.limit = limit
        exhausted = false
    }

    /// Lines of bytes already in memory.
    init(data: Data, limit: Int = InputLimits().documentBytes) {
        handle = nil
        buffer = [UInt8](data)
        exhausted = true
        self.limit = limit
    }

    /// The next line without its line feed (a carriage return stays); nil at the end. A line over
    /// `limit` is skipped and returned empty, with `lastLineTooLong` set.
    func next() -> Data? {
        dropByteOrderMark()
        lastLineTooLong = false
        switch nextNewline() {
        case .at(let newline):
            defer { position = newline + 1 }
            return Data(buffer[position..<newline])
        case .end:
            guard position < buffer.count else { return nil }
            defer { position = buffer.count }
            return Data(buffer[position...])
        case .tooLong:
            skipLine()
            lastLineTooLong = true
            return Data()
        }
    }

    /// The next line (at most `limit` bytes of it), left unread: what format detection looks at.
    func peekLine() -> Data {
        dropByteOrderMark()
        switch nextNewline() {
        case .at(let newline): return Data(buffer[position..<newline])
        case .end: return Data(buffer[position...])
        case .tooLong: return Data(buffer[position..<(position + limit)])
        }
    }

    /// Up to `count` bytes not yet read, left unread (fewer at the end of the input).
    func peek(_ count: Int) -> [UInt8] {
        dropByteOrderMark()
        while buffer.count - position < count, fill() {}
        return Array(buffer[position..<min(buffer.count, position + count)])
    }

    /// Whether nothing but white space is left (looked for in the first 64 KiB only: a longer
    /// run of blanks is read, and judged, by the format's reader).
    func isBlank() -> Bool {
        dropByteOrderMark()
        var from = position
        while true {
            if buffer[from...].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) { return false }
            if buffer.count - position > 64 * 1024 { return false }
            let searched = buffer.count - position
            guard fill() else { return true }
            from = position + searched
        }
    }

    /// Every byte not yet read, or nil when there are more than `limit`: for formats read whole
    /// from a file that may be of any size.
    func rest(limit: Int) -> Data? {
        dropByteOrderMark()
        while fill() {
            if buffer.count - position > limit { return nil }
        }
        guard buffer.count - position <= limit else { return nil }
        defer { position = buffer.count }
        return Data(buffer[position...])
    }

    private func dropByteOrderMark() {
        guard !markChecked else { return }
        markChecked = true
        while buffer.count - position < ByteOrderMark.utf8.count, fill() {}
        if buffer[position...].starts(with: ByteOrderMark.utf8) { position += ByteOrderMark.utf8.count }
    }

    private enum LineEnd { case at(Int), end, tooLong }

    /// Where the next line ends, reading on as needed, but never holding more than `limit` bytes
    /// of one line. Only new bytes are searched after each read, so a long line costs its length,
    /// not its square.
    private func nextNewline() -> LineEnd {
        var from = position
        while true {
            if let newline = buffer[from...].firstIndex(of: 0x0A) {
                return newline - position > limit ? .tooLong : .at(newline)
            }
            if buffer.count - position > limit { return .tooLong }
            let searched = buffer.count - position
            guard fill() else { return .end }
            from = position + searched
        }
    }

    /// Reads past the end of the current line, keeping none of it.
    private func skipLine() {
        lastLineQuotes = 0
        while true {
            let end = buffer[position...].firstIndex(of: 0x0A)
            lastLineQuotes += buffer[position..<(end ?? buffer.count)].reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) }
            if let end {
                position = end + 1
                return
            }
            position = buffer.count
            guard fill() else { return }
        }
    }

    /// Reads another chunk, keeping only the unread tail so the buffer never grows past a line
    /// (or, for `rest`, the input). False at the end of input.
    private func fill() -> Bool {
        guard !exhausted else { return false }
        buffer.removeSubrange(0..<position)
        position = 0
        let chunk = handle?.readData(ofLength: 256 * 1024) ?? Data()
        if chunk.isEmpty {
            exhausted = true
            return false
        }
        buffer.append(contentsOf: chunk)
        return true
    }
}
