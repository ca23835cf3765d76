// Input: text saved as UTF-16 (Notepad's and Excel's "Unicode"), told by its byte-order mark or,
// without one, by the NUL in every other byte that ASCII text has in UTF-16. UTF-8 text never
// holds a NUL, so the pattern cannot be mistaken for a draft.
import Foundation

enum UTF16Text {
    enum Encoding { case littleEndian, bigEndian }

    /// How many first bytes the NUL pattern is looked for in.
    static let sniffBytes = 512

    /// The encoding the first bytes of an input say, or nil for anything else (UTF-8 included).
    static func encoding(of head: [UInt8]) -> Encoding? {
        if head.starts(with: [0xFF, 0xFE]) { return .littleEndian }
        if head.starts(with: [0xFE, 0xFF]) { return .bigEndian }
        let pairs = head.count / 2
        guard pairs >= 2 else { return nil }
        var little = 0, big = 0
        for pair in 0..<pairs {
            let (first, second) = (head[2 * pair], head[2 * pair + 1])
            if first != 0, second == 0 { little += 1 }
            if first == 0, second != 0 { big += 1 }
        }
        // Three pairs in four: ASCII and Latin letters have a zero high byte; a few others may not.
        if little * 4 >= pairs * 3 { return .littleEndian }
        if big * 4 >= pairs * 3 { return .bigEndian }
        return nil
    }

    /// The text, or nil when the bytes are not UTF-16 (an odd count, a lone surrogate).
    static func decode(_ data: Data, _ encoding: Encoding) -> String? {
        guard data.count % 2 == 0 else { return nil }
        let bytes = [UInt8](data)
        var units = [UInt16](repeating: 0, count: bytes.count / 2)
        for index in units.indices {
            let (a, b) = (UInt16(bytes[2 * index]), UInt16(bytes[2 * index + 1]))
            units[index] = encoding == .littleEndian ? a | b << 8 : a << 8 | b
        }
        return String(validating: units, as: UTF16.self)
    }
}
