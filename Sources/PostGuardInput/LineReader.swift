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

    init(_ handle: FileHandle) {
        self.handle = handle
        exhausted = false
    }

    /// Lines of bytes already in memory.
    init(data: Data) {
        handle = nil
        buffer = [UInt8](data)
        exhausted = true
    }

    /// The next line without its line feed (a carriage return stays); nil at the end.
    func next() -> Data? {
        dropByteOrderMark()
        if let newline = nextNewline() {
            defer { position = newline + 1 }
            return Data(buffer[position..<newline])
        }
        guard position < buffer.count else { return nil }
        defer { position = buffer.count }
        return Data(buffer[position...])
    }

    /// The next line, left unread: what format detection looks at.
    func peekLine() -> Data {
        dropByteOrderMark()
        return Data(buffer[position..<(nextNewline() ?? buffer.count)])
    }

    /// Every byte not yet read, as is: for formats read whole.
    func rest() -> Data {
        dropByteOrderMark()
        while fill() {}
        defer { position = buffer.count }
        return Data(buffer[position...])
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

    /// The index of the next line feed, reading on as needed; nil when the input ends first.
    /// Only new bytes are searched after each read, so a long line costs its length, not its square.
    private func nextNewline() -> Int? {
        var from = position
        while true {
            if let newline = buffer[from...].firstIndex(of: 0x0A) { return newline }
            let searched = buffer.count - position
            guard fill() else { return nil }
            from = position + searched
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
