// Engine: the words a pattern's every match must contain, read off the pattern itself (gitleaks'
// keywords, derived rather than written by hand). A scan finds all of them in one pass over the
// document and calls PCRE2 only for the patterns one of whose words is there. The analysis may
// give up (nil: the pattern always runs) but never names a word a match could lack: literals are
// lower-cased and compared with a document folded the way PCRE2's caseless matching folds ASCII
// letters (including the long s and the Kelvin sign), and every construct it does not know stops it.

public enum RequiredLiterals {
    /// Literals (lower-cased UTF-8, each at least `minimumLength` bytes) one of which occurs in
    /// every match of `pattern`; nil when no such set is known.
    public static func of(_ pattern: String, minimumLength: Int = 3) -> [[UInt8]]? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let info = parser.parseAlternation(), parser.atEnd, !parser.failed else { return nil }
        guard let best = info.best, !best.isEmpty, best.allSatisfy({ $0.count >= minimumLength }) else { return nil }
        return best.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Larger sets are not worth carrying (and cross products grow fast).
    static let maximumSet = 48

    /// What is known about a piece of a pattern: the exact strings it can match (when few), and
    /// the best set of which one must occur.
    struct Info {
        var exact: Set<[UInt8]>?
        var required: Set<[UInt8]>?

        static let neutral = Info(exact: [[]], required: nil)
        static let unknown = Info(exact: nil, required: nil)

        var best: Set<[UInt8]>? { RequiredLiterals.better(exact, required) }
    }

    /// The more selective of two requirement sets: longer shortest literal, then fewer literals.
    static func better(_ a: Set<[UInt8]>?, _ b: Set<[UInt8]>?) -> Set<[UInt8]>? {
        func score(_ set: Set<[UInt8]>?) -> (Int, Int) {
            guard let set, !set.isEmpty else { return (0, 0) }
            return (set.map(\.count).min()!, -set.count)
        }
        let sa = score(a), sb = score(b)
        if sa.0 == 0 && sb.0 == 0 { return nil }
        return sa >= sb ? a : b
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var failed = false

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = [parseSequence()]
            while peek() == "|" {
                index += 1
                branches.append(parseSequence())
            }
            if failed { return nil }
            if branches.count == 1 { return branches[0] }
            var exact: Set<[UInt8]>? = []
            var required: Set<[UInt8]>? = []
            for branch in branches {
                if let e = branch.exact, exact != nil { exact!.formUnion(e) } else { exact = nil }
                if let b = branch.best, required != nil { required!.formUnion(b) } else { required = nil }
            }
            if let e = exact, e.count > RequiredLiterals.maximumSet { exact = nil }
            if let r = required, r.count > RequiredLiterals.maximumSet { required = nil }
            return Info(exact: exact, required: required)
        }

        mutating func parseSequence() -> Info {
            var run: Set<[UInt8]>? = [[]]
            var best: Set<[UInt8]>?
            var allExact = true
            while let c = peek(), c != "|", c != ")", !failed {
                var atom = parseAtom()
                if failed { break }
                atom = parseQuantifier(atom)
                if let exact = atom.exact, let current = run, current.count * exact.count <= RequiredLiterals.maximumSet {
                    var product: Set<[UInt8]> = []
                    for a in current { for b in exact { product.insert(a + b) } }
                    run = product
                } else if let exact = atom.exact {
                    best = RequiredLiterals.better(best, run)
                    run = exact
                    allExact = false
                } else {
                    best = RequiredLiterals.better(best, run)
                    best = RequiredLiterals.better(best, atom.required)
                    run = [[]]
                    allExact = false
                }
            }
            best = RequiredLiterals.better(best, run)
            return Info(exact: allExact ? run : nil, required: best)
        }

        mutating func parseQuantifier(_ atom: Info) -> Info {
            guard let c = peek() else { return atom }
            var minimum: Int
            switch c {
            case "?", "*": minimum = 0; index += 1
            case "+": minimum = 1; index += 1
            case "{":
                // {n}, {n,}, {n,m}; anything else is a literal brace, read as the next atom.
                var j = index + 1, digits = ""
                while let d = (j < scalars.count ? scalars[j] : nil), d.properties.numericType != nil, d.isASCII { digits.unicodeScalars.append(d); j += 1 }
                guard !digits.isEmpty, j < scalars.count, scalars[j] == "}" || scalars[j] == "," else { return atom }
                if scalars[j] == "," {
                    j += 1
                    while let d = (j < scalars.count ? scalars[j] : nil), d.properties.numericType != nil, d.isASCII { j += 1 }
                }
                guard j < scalars.count, scalars[j] == "}" else { return atom }
                minimum = Int(digits) ?? 0
                index = j + 1
            default: return atom
            }
            // Lazy and possessive markers change nothing about what must occur.
            if peek() == "?" || peek() == "+" { index += 1 }
            if minimum == 0 { return .unknown }
            return Info(exact: nil, required: atom.best)
        }

        mutating func literal(_ scalar: Unicode.Scalar) -> Info {
            // Non-ASCII letters fold in ways the ASCII-folded document does not follow.
            guard scalar.isASCII else { return .unknown }
            let byte = UInt8(scalar.value)
            return Info(exact: [[byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte]], required: nil)
        }

        mutating func parseAtom() -> Info {
            let c = scalars[index]
            index += 1
            switch c {
            case "(": return parseGroup()
            case "[": skipClass(); return .unknown
            case ".": return .unknown
            case "^", "$": return .neutral
            case "\\": return parseEscape()
            case "*", "+", "?":
                failed = true
                return .unknown
            default: return literal(c)
            }
        }

        mutating func parseEscape() -> Info {
            guard let c = peek() else { failed = true; return .unknown }
            index += 1
            switch c {
            case "Q":
                var exact: [UInt8] = []
                var known = true
                while index < scalars.count {
                    if scalars[index] == "\\", peek(1) == "E" { index += 2; break }
                    let s = scalars[index]
                    index += 1
                    if s.isASCII { exact.append(s.value >= 0x41 && s.value <= 0x5A ? UInt8(s.value | 0x20) : UInt8(s.value)) } else { known = false }
                }
                if !known { return .unknown }
                return Info(exact: [exact], required: nil)
            case "E": return .neutral
            case "b", "B", "A", "z", "Z", "G", "K": return .neutral
            case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "N", "R", "X", "C": return .unknown
            case "p", "P":
                if peek() == "{" { while let s = peek(), s != "}" { index += 1 }; index += 1 } else { index += 1 }
                return .unknown
            case "n": return literal("\n")
            case "t": return literal("\t")
            case "r": return literal("\r")
            case "f": return literal("\u{0C}")
            default:
                // Escaped punctuation is itself; any other escaped letter or digit (back references,
                // octal, \g, \k, \c...) is beyond this reader.
                if c.isASCII, !(c.properties.isAlphabetic || c.properties.numericType != nil) { return literal(c) }
                failed = true
                return .unknown
            }
        }

        mutating func skipClass() {
            // `]` first in a class is a literal; POSIX classes [:alpha:] nest one level.
            if peek() == "^" { index += 1 }
            if peek() == "]" { index += 1 }
            while let c = peek() {
                index += 1
                if c == "\\" { index += 1; continue }
                if c == "[", peek() == ":" {
                    while let s = peek(), s != "]" { index += 1 }
                    index += 1
                    continue
                }
                if c == "]" { return }
            }
            failed = true
        }

        mutating func parseGroup() -> Info {
            var zeroWidth = false
            if peek() == "*" { failed = true; return .unknown } // (*VERB)
            if peek() == "?" {
                index += 1
                guard let c = peek() else { failed = true; return .unknown }
                switch c {
                case ":", ">", "|": index += 1
                case "=", "!": index += 1; zeroWidth = true
                case "<":
                    if peek(1) == "=" || peek(1) == "!" { index += 2; zeroWidth = true } else {
                        while let s = peek(), s != ">" { index += 1 }
                        index += 1
                    }
                case "P":
                    guard peek(1) == "<" else { failed = true; return .unknown }
                    while let s = peek(), s != ">" { index += 1 }
                    index += 1
                case "'":
                    index += 1
                    while let s = peek(), s != "'" { index += 1 }
                    index += 1
                case "#":
                    while let s = peek(), s != ")" { index += 1 }
                    index += 1
                    return .neutral
                default:
                    // Option settings: (?i), (?-i), (?i:...). Extended mode changes what white space
                    // means, so it stops the analysis.
                    var flags = ""
                    while let s = peek(), s != ")", s != ":" { flags.unicodeScalars.append(s); index += 1 }
                    guard flags.unicodeScalars.allSatisfy({ "imsnJU-^".unicodeScalars.contains($0) }) else { failed = true; return .unknown }
                    if peek() == ")" { index += 1; return .neutral }
                    index += 1 // ':'
                }
            }
            let inner = parseAlternation() ?? .unknown
            guard peek() == ")" else { failed = true; return .unknown }
            index += 1
            return zeroWidth ? .neutral : inner
        }
    }
}

/// Many literals found in one pass: a trie over bytes, walked from every position of the text.
public struct LiteralSet: Sendable {
    /// Transitions, 256 a state; -1 where no literal continues.
    private let table: [Int32]
    /// The literal a state completes, or -1.
    private let completes: [Int32]
    public let count: Int

    public init(_ literals: [[UInt8]]) {
        // At most one state a byte: reserved once, and each new state's row appended in place (a
        // row built as an array of its own and appended, growing the table each time, was a
        // twelfth of a one-draft check's start-up over the six sets a check builds).
        let states = literals.reduce(1) { $0 + $1.count }
        var table = [Int32](repeating: -1, count: 256)
        table.reserveCapacity(states * 256)
        var completes: [Int32] = [-1]
        completes.reserveCapacity(states)
        let emptyRow = [Int32](repeating: -1, count: 256)
        for (number, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let slot = state * 256 + Int(byte)
                if table[slot] < 0 {
                    table[slot] = Int32(completes.count)
                    completes.append(-1)
                    table.append(contentsOf: emptyRow)
                }
                state = Int(table[slot])
            }
            if state != 0 { completes[state] = Int32(number) }
        }
        self.table = table
        self.completes = completes
        count = literals.count
    }

    /// Which literals occur in `text` (already folded as the literals are).
    public func present(in text: [UInt8]) -> [Bool] {
        var found = [Bool](repeating: false, count: count)
        table.withUnsafeBufferPointer { table in
            completes.withUnsafeBufferPointer { completes in
                text.withUnsafeBufferPointer { text in
                    for start in text.indices {
                        var state = Int(table[Int(text[start])])
                        var position = start + 1
                        while state > 0 {
                            let literal = completes[state]
                            if literal >= 0 { found[Int(literal)] = true }
                            guard position < text.count else { break }
                            state = Int(table[state * 256 + Int(text[position])])
                            position += 1
                        }
                    }
                }
            }
        }
        return found
    }

    /// `bytes` as the literals are compared: ASCII lower case, and the long s (U+017F) and the
    /// Kelvin sign (U+212A), which PCRE2's caseless matching takes for s and k, as those letters.
    public static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xC5, index + 1 < bytes.count, bytes[index + 1] == 0xBF { folded.append(0x73); index += 2; continue }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA { folded.append(0x6B); index += 3; continue }
            folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            index += 1
        }
        return folded
    }
}
