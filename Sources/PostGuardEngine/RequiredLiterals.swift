// Engine: the words a pattern's every match must contain, read off the pattern itself (gitleaks'
// keywords, derived rather than written by hand). A scan finds all of them in one pass over the
// document and calls PCRE2 only for the patterns one of whose words is there. The analysis may
// give up (nil: the pattern always runs) but never names a word a match could lack: literals are
// lower-cased and compared with a document folded the way PCRE2's caseless matching folds ASCII
// letters (including the long s and the Kelvin sign), and every construct it does not know stops it.
// Besides the one best set of words it keeps every other set a sequence requires (a match of
// `(?:his|her)\s+(?:owner|human)` holds one of each pair, and "her" alone is in most texts), and
// the run of digits a match needs (`[2-9]\d{2}` needs three in a row; most posts have none).

public enum RequiredLiterals {
    /// Literals (lower-cased UTF-8, each at least `minimumLength` bytes) one of which occurs in
    /// every match of `pattern`; nil when no such set is known.
    public static func of(_ pattern: String, minimumLength: Int = 3) -> [[UInt8]]? {
        guard let first = requirement(of: pattern, minimumLength: minimumLength)?.literalSets.first,
              first.allSatisfy({ $0.count >= minimumLength }) else { return nil }
        return first
    }

    /// What every match of a pattern holds: one literal of each set, and a run of decimal digits.
    public struct Requirement: Sendable, Hashable {
        /// Sets of lower-cased UTF-8 literals, each sorted; every match contains one literal of
        /// each set. The first is the most selective (`of` gives it alone).
        public var literalSets: [[[UInt8]]]
        /// Every match holds this many decimal digits (`\d`, Unicode's under UCP) in a row; 0 when none is known.
        public var digitRun: Int

        public init(literalSets: [[[UInt8]]], digitRun: Int) {
            self.literalSets = literalSets
            self.digitRun = digitRun
        }
    }

    /// Sets kept beyond the best one: each costs a check per run, and more say little more.
    static let maximumSets = 4

    /// What every match of `pattern` holds; nil when nothing is known (the pattern always runs).
    /// The first set's literals are at least `minimumLength` bytes long (it alone gates a pattern
    /// well); the others' at least `minimumLength - 1`: a set of short words ("pt", "rm", "bed")
    /// beside another one still closes most texts.
    public static func requirement(of pattern: String, minimumLength: Int = 3) -> Requirement? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let info = parser.parseAlternation(), parser.atEnd, !parser.failed, !info.impossible else { return nil }
        func usable(_ set: Set<[UInt8]>?, _ minimum: Int) -> [[UInt8]]? {
            guard let set, !set.isEmpty, set.allSatisfy({ $0.count >= minimum }) else { return nil }
            return set.sorted { $0.lexicographicallyPrecedes($1) }
        }
        var sets: [[[UInt8]]] = []
        if let best = usable(info.best, minimumLength) { sets.append(best) }
        let others = (info.best.map { [$0] } ?? []) + info.also
        for set in others.sorted(by: { RequiredLiterals.score($0) > RequiredLiterals.score($1) }) {
            guard sets.count <= maximumSets else { break }
            if let usable = usable(set, max(1, minimumLength - 1)), !sets.contains(usable) { sets.append(usable) }
        }
        guard !sets.isEmpty || info.digitRun > 0 else { return nil }
        return Requirement(literalSets: sets, digitRun: info.digitRun)
    }

    /// The longest run of characters in `bytes` that may be decimal digits as PCRE2 reads `\d`
    /// with UCP: ASCII digits, and any non-ASCII character Swift's Unicode data calls a decimal
    /// digit or does not know (a digit newer than Swift's data may be PCRE2's), so a gate on it
    /// can only let too much through.
    public static func longestDigitRun(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var longest = 0, run = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x30 < 10 { run += 1; if run > longest { longest = run } } else { run = 0 }
                index += 1
                continue
            }
            // A scalar's length from its lead byte (the text is valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            let category = Unicode.Scalar(value)?.properties.generalCategory
            if category == .decimalNumber || category == .unassigned || category == nil {
                run += 1; if run > longest { longest = run }
            } else {
                run = 0
            }
        }
        return longest
    }

    /// Larger sets are not worth carrying (and cross products grow fast).
    static let maximumSet = 48

    /// What is known about a piece of a pattern: the exact strings it can match (when few), and
    /// the best set of which one must occur.
    struct Info {
        var exact: Set<[UInt8]>?
        var required: Set<[UInt8]>?
        /// Further sets a match holds one literal of, besides `required` (other parts of a sequence).
        var also: [Set<[UInt8]>] = []
        /// A run of this many decimal digits every match holds.
        var digitRun = 0
        /// When every character the piece matches is a decimal digit: the fewest it matches.
        var allDigits: Int?
        /// A piece that never matches (`(*FAIL)`): a branch holding one adds nothing to what the
        /// alternation's matches hold (the phone rule skips fax numbers that way).
        var impossible = false

        static let neutral = Info(exact: [[]], required: nil)
        static let unknown = Info(exact: nil, required: nil)
        static let digit = Info(exact: nil, required: nil, digitRun: 1, allDigits: 1)
        static let never = Info(exact: nil, required: nil, impossible: true)

        var best: Set<[UInt8]>? { RequiredLiterals.better(exact, required) }
    }

    static func score(_ set: Set<[UInt8]>?) -> (Int, Int) {
        guard let set, !set.isEmpty else { return (0, 0) }
        return (set.map(\.count).min()!, -set.count)
    }

    /// The more selective of two requirement sets: longer shortest literal, then fewer literals.
    static func better(_ a: Set<[UInt8]>?, _ b: Set<[UInt8]>?) -> Set<[UInt8]>? {
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
            // A branch that always fails holds nothing a match could contain.
            branches.removeAll { $0.impossible }
            if branches.isEmpty { return .never }
            if branches.count == 1 { return branches[0] }
            var exact: Set<[UInt8]>? = []
            var required: Set<[UInt8]>? = []
            for branch in branches {
                if let e = branch.exact, exact != nil { exact!.formUnion(e) } else { exact = nil }
                if let b = branch.best, required != nil { required!.formUnion(b) } else { required = nil }
            }
            if let e = exact, e.count > RequiredLiterals.maximumSet { exact = nil }
            if let r = required, r.count > RequiredLiterals.maximumSet { required = nil }
            // A match holds what its branch holds: the fewest digits any branch needs.
            let digitRun = branches.map(\.digitRun).min() ?? 0
            let allDigits = branches.allSatisfy { $0.allDigits != nil } ? branches.compactMap(\.allDigits).min() : nil
            return Info(exact: exact, required: required, digitRun: digitRun, allDigits: allDigits)
        }

        mutating func parseSequence() -> Info {
            var run: Set<[UInt8]>? = [[]]
            var best: Set<[UInt8]>?
            var allExact = true
            // Every set this sequence's parts require, one after another.
            var sets: [Set<[UInt8]>] = []
            // Digits: the run of consecutive all-digit atoms being read, the longest run known,
            // and the sum of all-digit atoms while every atom is one.
            var digits = 0, longest = 0
            var allDigits: Int? = 0
            var impossible = false
            while let c = peek(), c != "|", c != ")", !failed {
                var atom = parseAtom()
                if failed { break }
                atom = parseQuantifier(atom)
                if atom.impossible { impossible = true }
                if let count = atom.allDigits, count > 0 {
                    digits += count
                    longest = max(longest, digits)
                    allDigits = allDigits.map { $0 + count }
                } else {
                    digits = 0
                    longest = max(longest, atom.digitRun)
                    allDigits = nil
                }
                sets += atom.also
                if let exact = atom.exact, let current = run, current.count * exact.count <= RequiredLiterals.maximumSet {
                    var product: Set<[UInt8]> = []
                    for a in current { for b in exact { product.insert(a + b) } }
                    run = product
                } else if let exact = atom.exact {
                    best = RequiredLiterals.better(best, run)
                    if let current = run { sets.append(current) }
                    run = exact
                    allExact = false
                } else {
                    best = RequiredLiterals.better(best, run)
                    best = RequiredLiterals.better(best, atom.required)
                    if let current = run { sets.append(current) }
                    if let required = atom.required { sets.append(required) }
                    run = [[]]
                    allExact = false
                }
            }
            best = RequiredLiterals.better(best, run)
            if let current = run { sets.append(current) }
            // Sets of one-letter or empty strings say nothing; the best set is `required` itself.
            let also = sets.filter { set in !set.isEmpty && !set.contains { $0.isEmpty } && set != best }
            return Info(exact: allExact ? run : nil, required: best, also: also, digitRun: longest,
                        allDigits: allDigits.flatMap { $0 > 0 ? $0 : nil }, impossible: impossible)
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
            if atom.impossible { return .never }
            var also = atom.also
            if let required = atom.required, required != atom.best { also.append(required) }
            return Info(exact: nil, required: atom.best, also: also, digitRun: atom.digitRun * (atom.allDigits != nil ? minimum : 1),
                        allDigits: atom.allDigits.map { $0 * minimum })
        }

        mutating func literal(_ scalar: Unicode.Scalar) -> Info {
            // Non-ASCII letters fold in ways the ASCII-folded document does not follow.
            guard scalar.isASCII else { return .unknown }
            let byte = UInt8(scalar.value)
            let isDigit = byte >= 0x30 && byte <= 0x39
            return Info(exact: [[byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte]], required: nil,
                        digitRun: isDigit ? 1 : 0, allDigits: isDigit ? 1 : nil)
        }

        mutating func parseAtom() -> Info {
            let c = scalars[index]
            index += 1
            switch c {
            case "(": return parseGroup()
            case "[": return skipClass() ? .digit : .unknown
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
            case "d": return .digit
            case "D", "w", "W", "s", "S", "h", "H", "v", "V", "N", "R", "X", "C": return .unknown
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

        /// Skips a class; true when it holds only decimal digits (`[0-9]`, `[2-9]`, `[\d]`).
        mutating func skipClass() -> Bool {
            // `]` first in a class is a literal; POSIX classes [:alpha:] nest one level.
            var digitsOnly = true
            if peek() == "^" { index += 1; digitsOnly = false }
            if peek() == "]" { index += 1; digitsOnly = false }
            while let c = peek() {
                index += 1
                if c == "\\" {
                    if peek() != "d" { digitsOnly = false }
                    index += 1
                    continue
                }
                if c == "[", peek() == ":" {
                    digitsOnly = false
                    while let s = peek(), s != "]" { index += 1 }
                    index += 1
                    continue
                }
                if c == "]" { return digitsOnly }
                // A digit, or a range between two digits ("2-9"; the '-' is read here).
                guard ("0"..."9").contains(c) else { digitsOnly = false; continue }
                if peek() == "-", let end = peek(1), end != "]" {
                    if !("0"..."9").contains(end) { digitsOnly = false }
                    index += 2
                }
            }
            failed = true
            return false
        }

        mutating func parseGroup() -> Info {
            // Lookarounds match nothing themselves; what a positive one needs is in the text
            // PCRE2 searches all the same (it sees no further than the window it searches).
            var zeroWidth = false, positive = false
            if peek() == "*" {
                // Backtracking verbs: (*FAIL) never matches; (*SKIP), (*PRUNE), (*COMMIT) and
                // (*THEN) only change where the next attempt starts, so a match still holds what
                // its branch holds. Any other verb (*ACCEPT ends a match early) stops the analysis.
                var name = ""
                index += 1
                while let s = peek(), s != ")", s != ":" { name.unicodeScalars.append(s); index += 1 }
                while let s = peek(), s != ")" { index += 1 }
                guard peek() == ")" else { failed = true; return .unknown }
                index += 1
                if name == "FAIL" || name == "F" { return .never }
                if ["SKIP", "PRUNE", "COMMIT", "THEN"].contains(name) { return .neutral }
                failed = true
                return .unknown
            }
            if peek() == "?" {
                index += 1
                guard let c = peek() else { failed = true; return .unknown }
                switch c {
                case ":", ">", "|": index += 1
                case "=", "!": positive = c == "="; index += 1; zeroWidth = true
                case "<":
                    if peek(1) == "=" || peek(1) == "!" { positive = peek(1) == "="; index += 2; zeroWidth = true } else {
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
            guard zeroWidth else { return inner }
            guard positive, !inner.impossible else { return .neutral }
            var also = inner.also
            if let best = inner.best { also.append(best) }
            return Info(exact: [[]], required: nil, also: also, digitRun: inner.digitRun)
        }
    }
}

/// Many literals found in one pass: a trie over bytes, walked from every position of the text.
/// Its rows have a column per byte class, not per byte: the literals use some sixty distinct bytes,
/// so a row of 256 was mostly empty, and the six sets a check builds wrote some 18 MB of them (a
/// third of a one-draft check's page faults). Every byte no literal holds is class 0, a column
/// that is empty in every row.
public struct LiteralSet: Sendable {
    /// Transitions, `width` a state; -1 where no literal continues.
    private let table: [Int32]
    /// Each byte's class: its column in a row.
    private let classes: [UInt16]
    private let width: Int
    /// The literal a state completes, or -1.
    private let completes: [Int32]
    public let count: Int

    public init(_ literals: [[UInt8]]) {
        var classes = [UInt16](repeating: 0, count: 256)
        var width = 1
        for literal in literals {
            for byte in literal where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt16(width)
                width += 1
            }
        }
        // At most one state a byte: reserved once, and each new state's row appended in place.
        let states = literals.reduce(1) { $0 + $1.count }
        var table = [Int32](repeating: -1, count: width)
        table.reserveCapacity(states * width)
        var completes: [Int32] = [-1]
        completes.reserveCapacity(states)
        for (number, literal) in literals.enumerated() {
            var state = 0
            for byte in literal {
                let slot = state * width + Int(classes[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(completes.count)
                    completes.append(-1)
                    table.append(contentsOf: repeatElement(-1, count: width))
                }
                state = Int(table[slot])
            }
            if state != 0 { completes[state] = Int32(number) }
        }
        self.table = table
        self.classes = classes
        self.width = width
        self.completes = completes
        count = literals.count
    }

    /// Which literals occur in `text` (already folded as the literals are).
    public func present(in text: [UInt8]) -> [Bool] { occurrences(in: text).found }

    /// Which literals occur in `text` (already folded as the literals are), and the same literals
    /// listed in the order first found (a caller visiting what they gate reads the few found, not
    /// them all).
    public func occurrences(in text: [UInt8]) -> (found: [Bool], listed: [Int]) {
        var found = [Bool](repeating: false, count: count)
        var listed: [Int] = []
        let width = self.width
        table.withUnsafeBufferPointer { table in
            classes.withUnsafeBufferPointer { classes in
                completes.withUnsafeBufferPointer { completes in
                    text.withUnsafeBufferPointer { text in
                        for start in text.indices {
                            var state = Int(table[Int(classes[Int(text[start])])])
                            var position = start + 1
                            while state > 0 {
                                let literal = Int(completes[state])
                                if literal >= 0, !found[literal] { found[literal] = true; listed.append(literal) }
                                guard position < text.count else { break }
                                state = Int(table[state * width + Int(classes[Int(text[position])])])
                                position += 1
                            }
                        }
                    }
                }
            }
        }
        return (found, listed)
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
