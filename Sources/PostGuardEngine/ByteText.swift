// Engine: small operations on UTF-8 bytes that every stage needs (slicing, windows, a fast literal
// search), so no stage copies a document into `String`s to look at a few characters of it.
import Foundation

public enum ByteText {
    public static func substring(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
    }

    /// `range` widened by `characters` Unicode scalars on each side.
    public static func window(around range: ByteRange, characters: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
        var start = range.start, count = 0
        while start > 0, count < characters {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { count += 1 }
        }
        var end = range.end
        count = 0
        while end < bytes.count, count < characters {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            count += 1
        }
        return ByteRange(start, end)
    }

    /// `text.split(whereSeparator: \.isNewline)`, without walking `Character`s: a word list of
    /// 100,000 lines split by `Character` was a tenth of start-up. Text holding any line break but
    /// LF (CR, VT, FF, NEL, LS, PS) takes the `Character` path, so the lines are always the same.
    public static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in utf8 {
            if byte == 0x0B || byte == 0x0C || byte == 0x0D
                || (previous == 0xC2 && byte == 0x85) || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                return text.split(whereSeparator: \.isNewline)
            }
            beforePrevious = previous
            previous = byte
        }
        // Slices at line feeds found by byte offset: a line feed always ends a `Character`, and
        // `split` over the UTF-8 view cost a tenth of start-up on the word lists.
        var lines: [Substring] = []
        var start = 0, offset = 0
        for byte in utf8 {
            if byte == 0x0A {
                if offset > start { lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: offset)]) }
                start = offset + 1
            }
            offset += 1
        }
        if offset > start { lines.append(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.endIndex]) }
        return lines
    }

    public static func asciiUppercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte
    }

    public static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Whether a line of `text` starts with `key`: at the very start, or after a line feed. How
    /// the loaders tell a rule pack, a lexicon and approved replies apart before parsing a file;
    /// Foundation's `contains` over the 300 KB of pack files took a tenth of start-up.
    public static func hasLine(startingWith key: String, in text: String) -> Bool {
        if text.utf8.starts(with: key.utf8) { return true }
        let needle = [0x0A] + Array(key.utf8)
        var text = text
        return text.withUTF8 { contains(UnsafeRawBufferPointer($0), needle) }
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains(UnsafeRawBufferPointer($0), needle) }
    }

    /// Byte search: `memchr` finds each candidate first byte, `memcmp` checks the rest. The
    /// generic `firstRange(of:)` was the slowest part of a scan.
    public static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        return needle.withUnsafeBytes { pattern in
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, pattern.baseAddress!, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
