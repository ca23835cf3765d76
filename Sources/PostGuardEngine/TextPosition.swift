// Engine: turning PCRE2's byte offsets into what the contract reports — Unicode-scalar offsets
// and 1-based line and column (column counted in scalars). A CRLF ends a line like LF does; the
// CR belongs to the line it ends.

/// Where a byte offset falls, in the contract's units.
public struct TextPosition: Hashable, Sendable {
    /// 0-based offset in Unicode scalars.
    public var scalar: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
}

public enum TextPositions {
    /// Positions of several byte offsets (each on a character boundary) found in one left-to-right
    /// pass, so locating every finding of a document costs one walk over its text.
    public static func locate(_ offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: TextPosition] {
        var wanted = Array(Set(offsets)).sorted()
        var result: [Int: TextPosition] = [:]
        result.reserveCapacity(wanted.count)
        var scalar = 0, line = 1, column = 1
        var next = 0
        wanted.append(Int.max)
        defer { WorkMeter.current?.count(scalar + wanted.count) }
        for index in 0...bytes.count {
            while wanted[next] == index {
                result[index] = TextPosition(scalar: scalar, line: line, column: column)
                next += 1
            }
            if wanted[next] == Int.max || index == bytes.count { break }
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continue } // continuation byte: same scalar
            scalar += 1
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return result
    }

    /// The byte range of the line containing `offset` (without its line ending).
    public static func lineRange(containing offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = min(offset, bytes.count)
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        WorkMeter.current?.count(end - start + 1)
        return ByteRange(start, end)
    }
}

extension String {
    /// Runs `body` over the string's UTF-8 bytes without copying them when the string is native.
    @inlinable
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        copy.makeContiguousUTF8()
        return try copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}
