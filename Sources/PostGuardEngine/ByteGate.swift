// Engine: a cheap test that tells when a pattern cannot match a text at all, so a scan skips the
// PCRE2 call. The facts come from PCRE2's own compile-time analysis (the code units a match can
// start with, a code unit every match contains), which PCRE2 itself relies on to skip start
// positions: the gate can only say "maybe" where PCRE2 might match, never "no".
import CPCRE2

/// A set of byte values, as 256 bits.
public struct ByteSet: Sendable, Equatable {
    // Inlinable (with `contains`, `intersects` and `PatternGate.admits`): a scan asks every pattern's
    // gate of every document, a million calls across modules in an audit of 0.5 MB of posts.
    @usableFromInline var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public static func == (lhs: ByteSet, rhs: ByteSet) -> Bool { lhs.words == rhs.words }

    public init() {}

    /// Every byte value that occurs in `bytes`.
    public init(of bytes: UnsafeBufferPointer<UInt8>) {
        var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
        for byte in bytes {
            let bit = UInt64(1) << UInt64(byte & 63)
            switch byte >> 6 {
            case 0: a |= bit
            case 1: b |= bit
            case 2: c |= bit
            default: d |= bit
            }
        }
        words = (a, b, c, d)
    }

    public mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inlinable public func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    @inlinable public func intersects(_ other: ByteSet) -> Bool {
        (words.0 & other.words.0) | (words.1 & other.words.1) | (words.2 & other.words.2) | (words.3 & other.words.3) != 0
    }
}

/// What a text must contain for a pattern to match in it.
public struct PatternGate: Sendable, Equatable {
    /// A match starts with one of these bytes; nil when PCRE2 knows no such set.
    public var startBytes: ByteSet?
    /// Every match contains one of these bytes (a code unit PCRE2 requires, in both ASCII cases).
    public var requiredBytes: ByteSet?
    /// The fewest characters a text must hold for a match (PCRE2's lower bound; lookbehind sees
    /// nothing before the text searched): a shorter text, a record id or a three-word post, has no
    /// match, and a PCRE2 call costs a thousand instructions before it finds that out.
    public var minimumLength = 0

    /// Open: lets every text through.
    public static let open = PatternGate(startBytes: nil, requiredBytes: nil)

    /// Whether a text of `length` bytes is long enough: a character is at least a byte.
    @inlinable public func admits(length: Int) -> Bool { length >= minimumLength }

    /// Whether a text whose bytes are `present` may hold a match.
    @inlinable public func admits(_ present: ByteSet) -> Bool {
        if let startBytes, !startBytes.intersects(present) { return false }
        if let requiredBytes, !requiredBytes.intersects(present) { return false }
        return true
    }

    /// The gate PCRE2's analysis of `code` gives.
    static func analyse(_ code: OpaquePointer) -> PatternGate {
        var gate = PatternGate.open
        var type: UInt32 = 0
        if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type) == 0 {
            if type == 1 {
                var unit: UInt32 = 0
                if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit) == 0 { gate.startBytes = caseless(unit) }
            } else if type == 0 {
                var bitmap: UnsafePointer<UInt8>?
                if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap {
                    var set = ByteSet()
                    for byte in 0..<256 where bitmap[byte >> 3] & (1 << UInt8(byte & 7)) != 0 { set.insert(UInt8(byte)) }
                    gate.startBytes = set
                }
            }
        }
        var minimum: UInt32 = 0
        if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &minimum) == 0 { gate.minimumLength = Int(minimum) }
        var lastType: UInt32 = 0
        if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODETYPE), &lastType) == 0, lastType == 1 {
            var unit: UInt32 = 0
            if pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_LASTCODEUNIT), &unit) == 0 { gate.requiredBytes = caseless(unit) }
        }
        return gate
    }

    /// One code unit PCRE2 names, widened to both ASCII cases (PCRE2 does not say whether it
    /// compares caselessly). Non-ASCII units, and `k` and `s`, whose Unicode case sets reach
    /// beyond ASCII (the Kelvin sign, the long s), give no gate at all.
    private static func caseless(_ unit: UInt32) -> ByteSet? {
        guard unit < 0x80 else { return nil }
        let byte = UInt8(unit)
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        if lower == 0x6B || lower == 0x73 { return nil }
        var set = ByteSet()
        set.insert(byte)
        if lower >= 0x61 && lower <= 0x7A { set.insert(lower); set.insert(lower & ~0x20) }
        return set
    }
}
