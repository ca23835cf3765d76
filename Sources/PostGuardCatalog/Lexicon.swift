// Rules: the health-information lexicon (Rules/policy/health-lexicon.yaml) turned into ordinary
// compiled rules, one per group, so the same engine, prefilter-free alternation and offsets serve
// it. A term alone is `info`; policy decides what it means next to a person.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import Foundation
import Yams

public struct LexiconGroup: Sendable, Codable, Hashable {
    /// condition, procedure, treatment, medication, test-result, department, care-event.
    public var name: String
    /// `high` for what law protects beyond HIPAA's baseline (mental health, substance use, HIV/STI,
    /// reproductive, genetic).
    public var sensitivity: String
    public var topic: String?
    public var lang: String
    public var terms: [String]

    public var isHighSensitivity: Bool { sensitivity == "high" }

    /// The rule id findings of this group carry: `health.condition.en`, `health.mental-health.condition.en`.
    public var ruleID: String { ["health", topic, name, lang].compactMap { $0 }.joined(separator: ".") }
}

struct LexiconFile: Codable {
    var lexicon: String
    var source: String?
    var groups: [LexiconGroup]
}

extension RuleLibrary {
    /// A group's terms as one whole-word, case-insensitive alternation, longest first so
    /// "breast cancer" wins over "cancer"; a plain plural `s` is accepted; any run of spaces matches
    /// a space; straight and curly apostrophes are the same.
    /// `terms`: the group's `lexiconTerms` when known (the rule cache keeps them: normalising the
    /// 3,400 terms was a twentieth of a one-draft check).
    static func lexiconRule(_ group: LexiconGroup, pack: String, file: String, terms known: [String]? = nil) -> CompiledRule {
        let terms = known ?? lexiconTerms(group)
        let topic = group.topic.map { " (\($0))" } ?? ""
        let rule = Rule(
            id: group.ruleID, category: .healthInfo, severity: .info,
            message: group.isHighSensitivity
                ? "Health information of a specially protected kind\(topic). Next to anything that identifies a person, this is a disclosure."
                : "Health information (\(group.name)). Next to anything that identifies a person, this is a disclosure.",
            why: "Individually identifiable health information is protected health information (45 CFR 160.103).",
            fix: "Keep health details general and about no one in particular, or get the person's written authorization.",
            // The group's own pattern is built only if it is used (see below): its text alone
            // took a fifth of start-up, and full scans never need it.
            patterns: [],
            roles: [.health] + (group.isHighSensitivity ? [.healthHighSensitivity] : [])
                + (["condition", "test-result", "medication"].contains(group.name) ? [.healthClinical] : [])
                + (group.name == "department" ? [.healthSetting] : []),
            examples: Rule.Examples(match: Array(terms.prefix(3))))
        // Full scans use the merged matcher; a group's own pattern serves `explain`, tests and scans
        // of that group alone, so it is compiled only when first used.
        return CompiledRule(
            rule: rule, entry: RuleEntry(rule, pack: pack, file: file), pack: pack, patterns: [], keywords: [], validator: nil,
            requiredContext: nil, excludedContext: nil, contextWindow: 0, kinds: nil, detector: nil,
            lexiconGroup: group, lazyPattern: LazyPattern(jitAfter: nil) { RuleLibrary.lexiconPattern(terms) })
    }

    /// A group's terms as the merged matcher keys them ("tongue-tie release" and "tongue tie" share
    /// a prefix), longest first.
    static func lexiconTerms(_ group: LexiconGroup) -> [String] {
        let cleaned: [String] = group.terms.map(LexiconMatcher.normalise).flatMap(LexiconMatcher.spellings)
        return sortedLongestFirst(Set(cleaned.filter { !$0.isEmpty }))
    }

    /// The whole lexicon pattern for some terms: the words as written (never inside a hashtag or
    /// a handle), or the start of a hashtag body spelling a term with its spaces removed.
    static func lexiconPattern(_ terms: [String]) -> String {
        let words = "(?<![\\w@#])\(trie(terms.map(termTokens)))s?(?![\\w])"
        guard let hashtags = hashtagPattern(terms) else { return "(?i)" + words }
        return "(?i)(?:\(words)|\(hashtags))"
    }

    /// A term as it is written inside a hashtag: lower case, without spaces, hyphens, apostrophes,
    /// dots, slashes or ampersands ("broken wrist" → "brokenwrist", "crohn's" → "crohns"); nil when
    /// what is left is shorter than 3 characters or not only letters and digits.
    static func hashtagForm(_ term: String) -> String? {
        // ASCII terms (nearly all) in bytes: the Character path below cost 6% of start-up.
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            var compact: [UInt8] = []
            compact.reserveCapacity(term.utf8.count)
            for byte in term.utf8 {
                switch byte {
                case 0x20, 0x2D, 0x27, 0x2E, 0x2F, 0x26, 0x2B: continue // space - ' . / & +
                case 0x41...0x5A: compact.append(byte | 0x20)
                case 0x30...0x39, 0x61...0x7A: compact.append(byte)
                default: return nil
                }
            }
            return compact.count >= 3 ? String(decoding: compact, as: UTF8.self) : nil
        }
        let dropped: Set<Character> = [" ", "-", "'", "’", ".", "/", "&", "+"]
        let compact = String(term.lowercased().filter { !dropped.contains($0) })
        guard compact.count >= 3, compact.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return compact
    }

    /// Hashtags (#brokenwrist, #IVFjourney, #ChemoDay, #BeatCancer, #cáncerdemama). A term matches at
    /// the start of the hashtag body, after a common lead word (#beatcancer, #mylupuslife), or after a
    /// camel-case word boundary (#DadsBrokenWrist). A term of 7 or more letters may run into the rest
    /// of the tag (#chemotherapyday); a shorter one must end the tag, end a camel-case word, meet a
    /// digit or underscore, or be followed by a common hashtag word (journey, warrior, strong, sucks,
    /// day, life...), so #fluffy, #stitch, #rsvp and #partofthefamily stay out. `\K` keeps the '#'
    /// and the lead word out of the span.
    static func hashtagPattern(_ terms: [String]) -> String? {
        let forms = sortedLongestFirst(Set(terms.compactMap(hashtagForm)))
        let long = forms.filter { $0.count >= 7 }.map { $0.map { escapeLiteral(String($0)) } }
        let short = forms.filter { $0.count < 7 }.map { $0.map { escapeLiteral(String($0)) } }
        guard !forms.isEmpty else { return nil }
        let lead = "(?:" + hashtagLeads.joined(separator: "|") + "|[\\p{L}\\p{N}]{1,24}?(?-i:(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu})))"
        let boundary = "(?:(?![\\p{L}\\p{N}])|[\\d_]|(?-i:(?<=\\p{Ll})\\p{Lu}|\\p{Lu}\\p{Ll})|(?:" + hashtagSuffixes.joined(separator: "|") + "))"
        var branches: [String] = []
        if !long.isEmpty { branches.append(trie(long)) }
        if !short.isEmpty { branches.append(trie(short) + "(?:e?s)?(?=" + boundary + ")") }
        return "(?<![\\w&])#\(lead)?\\K(?:\(branches.joined(separator: "|")))"
    }

    /// Words a health hashtag commonly starts with before the term (#BeatCancer, #FightLupus, #MiDiabetes).
    static let hashtagLeads = [
        "my", "our", "beat", "beating", "fight", "fighting", "kick", "screw", "fuck", "stop", "end",
        "survived", "surviving", "livingwith", "lifeafter", "after", "post", "prayfor", "mi", "contra",
        "venciendo", "vencer", "luchacontra",
    ]
    /// Words a health hashtag commonly continues with after the term (#IVFjourney, #chemoday).
    static let hashtagSuffixes = [
        "journey", "warrior", "strong", "sucks", "survivor", "life", "day", "free", "fighter", "fight",
        "awareness", "mom", "mama", "dad", "baby", "babies", "recovery", "support", "squad", "family",
        "patient", "nurse", "diaries", "diary", "struggle", "problems", "brain", "club", "update",
        "vida", "guerrer", "fuerte", "libre", "lucha",
    ]

    /// A term as regex atoms, one per character: a space is any run of spaces or one hyphen
    /// ("eating-disorder", "covid 19"), an apostrophe is straight or curly.
    static func termTokens(_ term: String) -> [String] {
        term.map { $0 == " " ? "(?:\\s+|-)" : $0 == "'" ? "['’]" : escapeLiteral(String($0)) }
    }

    /// Terms (as atom sequences) as one alternation factored by common prefixes: "broken (?:arm|wrist)"
    /// instead of "broken arm|broken wrist". PCRE2 compiles a flat alternation of thousands of terms
    /// past its size limit (64 KB with the usual link size); the factored one is several times
    /// smaller and faster. A term that is also the prefix of a longer one is an optional greedy
    /// group, so the longest term that fits is tried first, as in a longest-first alternation.
    static func trie(_ terms: [[String]]) -> String {
        final class Node {
            var children: [String: Node] = [:]
            var order: [String] = []
            var terminal = false
        }
        let root = Node()
        for term in terms where !term.isEmpty {
            var node = root
            for atom in term {
                if let next = node.children[atom] { node = next } else {
                    let next = Node()
                    node.children[atom] = next
                    node.order.append(atom)
                    node = next
                }
            }
            node.terminal = true
        }
        func emit(_ node: Node) -> String {
            let parts = node.order.sorted().map { $0 + emit(node.children[$0]!) }
            if parts.isEmpty { return "" }
            let body = parts.count == 1 ? parts[0] : "(?:" + parts.joined(separator: "|") + ")"
            return node.terminal ? "(?:" + body + ")?" : body
        }
        return "(?:" + emit(root) + ")"
    }

    static func longestFirst(_ a: String, _ b: String) -> Bool {
        a.count != b.count ? a.count > b.count : a < b
    }

    /// `sorted(by: longestFirst)` with each length counted once rather than once per comparison.
    static func sortedLongestFirst<S: Sequence<String>>(_ terms: S) -> [String] {
        let counted: [(count: Int, term: String)] = terms.map { (count: $0.count, term: $0) }
        let sorted = counted.sorted { (a: (count: Int, term: String), b: (count: Int, term: String)) -> Bool in
            a.count != b.count ? a.count > b.count : a.term < b.term
        }
        return sorted.map { $0.term }
    }

    static func termPattern(_ term: String) -> String {
        let words: [String] = term.split(separator: " ").map { word in
            let pieces: [String] = word.split(separator: "'", omittingEmptySubsequences: false).map { escapeLiteral(String($0)) }
            return pieces.joined(separator: "['’]")
        }
        return words.joined(separator: "\\s+")
    }
}

/// Every lexicon term in one pattern, so a scan makes one pass over the text instead of one per
/// group; the matched phrase is mapped back to its group's rule by a dictionary lookup.
public struct LexiconMatcher: Sendable {
    /// The words, as an exact trie (see `LexiconTrie`).
    package let words: LexiconTrie
    /// The hashtag forms, on PCRE2: their patterns start with '#', so a document without one skips
    /// them (the byte gate), and PCRE2 finds each '#' by memchr. Interpreted for the first
    /// documents of a run, JIT-compiled once a run proves long. Several patterns, since PCRE2
    /// cannot compile thousands of terms as one. A scan keeps the leftmost-longest matches of the
    /// words and all of these, as one alternation would.
    package let patterns: [LazyPattern]
    /// The byte every match of `patterns` starts with (`RuleLibrary.hashtagPattern`).
    package static let hashtagSign = UInt8(ascii: "#")
    static let chunkSize = 1200
    /// Normalised term → rule id of its group (the first group listing it).
    var groups: [String: String] { termMaps.resolved().groups }
    /// A term's hashtag form ("brokenwrist") → rule id, for matches inside hashtags.
    var hashtagGroups: [String: String] { termMaps.resolved().hashtags }
    let termMaps: TermMaps

    /// `stored`: what an earlier run built from the same terms (the rule cache), taken as it is;
    /// built here when nil, and its hashtag patterns test-compiled.
    /// `code`: the rule cache's compiled patterns, which hold the hashtag patterns too (each took
    /// 6 ms to compile on the first text with a '#').
    init?(_ groups: [LexiconGroup], stored: Stored? = nil, code: StoredPatterns? = nil) {
        if let stored {
            words = LexiconTrie(tables: stored.trie)
            patterns = stored.hashtagSources.map { source in
                code?.take(source, options: [], jit: false).map { LazyPattern(source, interpreted: $0, jitAfter: 16) }
                    ?? LazyPattern(source, jitAfter: 16)
            }
            termMaps = stored.termMaps
            return
        }
        var map: [String: String] = [:]
        var hashtagMap: [String: String] = [:]
        for group in groups {
            for term in group.terms {
                for key in LexiconMatcher.spellings(LexiconMatcher.normalise(term)) {
                    if !key.isEmpty, map[key] == nil { map[key] = group.ruleID }
                    if let form = RuleLibrary.hashtagForm(key), hashtagMap[form] == nil { hashtagMap[form] = group.ruleID }
                }
            }
        }
        let terms = map.keys.sorted()
        guard !terms.isEmpty else { return nil }
        var sources: [String] = []
        let forms = Set(terms.compactMap(RuleLibrary.hashtagForm)).sorted()
        for start in stride(from: 0, to: forms.count, by: LexiconMatcher.chunkSize) {
            if let hashtags = RuleLibrary.hashtagPattern(Array(forms[start..<min(start + LexiconMatcher.chunkSize, forms.count)])) {
                sources.append("(?i)" + hashtags)
            }
        }
        let patterns = sources.map { LazyPattern($0, jitAfter: 16) }
        // Compile once now so a broken lexicon is reported when it loads, not mid-scan.
        guard patterns.allSatisfy({ (try? $0.pattern()) != nil }) else { return nil }
        self.words = LexiconTrie(terms)
        self.patterns = patterns
        termMaps = TermMaps(groups: map, hashtags: hashtagMap)
    }

    /// Everything the matcher builds from its terms, as the rule cache keeps it: the trie took
    /// an eighth of a one-draft check's start-up and the term maps as much again.
    struct Stored {
        var hashtagSources: [String]
        var termMaps: TermMaps
        var trie: LexiconTrie.Tables

        /// The term maps as pairs in term order (the tests compare them).
        var groups: [(term: String, rule: String)] { termMaps.resolved().groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        var hashtagGroups: [(term: String, rule: String)] {
            termMaps.resolved().hashtags.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    var stored: Stored { Stored(hashtagSources: patterns.map(\.source), termMaps: termMaps, trie: words.tables) }

    /// The words as PCRE2 patterns, in chunks of `chunkSize` terms (alphabetical, so each chunk's
    /// prefix tree shares the most): what `words` replaced, kept as its oracle in the tests.
    package func wordPatterns() throws -> [Pattern] {
        let terms = groups.keys.sorted()
        return try stride(from: 0, to: terms.count, by: LexiconMatcher.chunkSize).map { start in
            let chunk = terms[start..<min(start + LexiconMatcher.chunkSize, terms.count)].map(RuleLibrary.termTokens)
            return try Pattern("(?i)(?<![\\w@#])\(RuleLibrary.trie(chunk))s?(?![\\w])")
        }
    }

    /// The rule ids of the groups whose terms a short text holds (a consent record's
    /// "information": "PCOS, letrozole cycles, conception" → the reproductive condition group).
    package func ruleIDs(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var ids: [String] = []
            words.forEachMatch(in: bytes, range: ByteRange(0, bytes.count)) { match in
                if let id = ruleID(for: String(decoding: UnsafeBufferPointer(rebasing: bytes[match.start..<match.end]), as: UTF8.self)) { ids.append(id) }
            }
            return ids
        }
    }

    /// The rule id of the group a matched phrase belongs to ("Breast  Cancers" → condition).
    package func ruleID(for matched: String) -> String? {
        let key = LexiconMatcher.normalise(matched)
        if let id = termMaps.rule(for: key) { return id }
        // Plurals: "ultrasounds", and in hashtags "#fracturesucks"-style "es" ("#abscesses").
        for cut in [1, 2] where key.count > cut && key.hasSuffix(cut == 1 ? "s" : "es") {
            if let id = termMaps.rule(for: String(key.dropLast(cut))) { return id }
        }
        return nil
    }

    /// A normalised term and the same words said of someone else: a term the lexicon writes of him
    /// or her ("back on his feet", "lost her battle") is as much health said to the reader ("back
    /// on your feet", "lost your battle"). Only a possessive inside the term is swapped: a final
    /// "her" is an object ("treated her"), and "treated your" is not care; an opening one ("his
    /// wound") would overlap the terms after it ("your wound care supplies"), so the lexicon lists
    /// those forms it wants.
    static func spellings(_ term: String) -> [String] {
        let words = term.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 2, let at = words.dropLast().firstIndex(where: { possessives.contains(String($0)) }), at > 0 else { return [term] }
        return [term] + singularPossessives.filter { $0 != words[at] }.map { other in
            var swapped = words.map(String.init)
            swapped[at] = other
            return swapped.joined(separator: " ")
        }
    }
    static let possessives = ["his", "her", "their", "your"]
    /// One person's: a group's ("their bump pic" of nine nurses expecting) is swapped in only where
    /// the lexicon writes it.
    static let singularPossessives = ["his", "her", "your"]

    static func normalise(_ text: String) -> String {
        // ASCII (nearly every term and match) in bytes: no curly apostrophe to replace, and the
        // white space PCRE2's \s matched, and a hyphen joining words, is folded to single spaces.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var folded: [UInt8] = []
            folded.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x2D || (0x09...0x0D).contains(byte) {
                    pendingSpace = !folded.isEmpty
                    continue
                }
                if pendingSpace { folded.append(0x20); pendingSpace = false }
                folded.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: folded, as: UTF8.self)
        }
        return text.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { $0.isWhitespace || $0 == "-" }).joined(separator: " ")
    }
}

/// The lexicon's words as a trie over case-folded UTF-8, matched by walking the text once: the
/// same matches, at the same places, as the PCRE2 alternation `(?i)(?<![\w@#])TERMS s?(?![\w])`
/// (`\w`, `\s` and case folding as PCRE2 has them with UCP), which stays as the oracle in the tests.
/// As in that alternation, the longest term that fits wins at a place, a plural `s` is taken when
/// a word boundary follows it, and matches do not overlap. PCRE2 ran the thousands of terms as
/// three chunks over every document; this costs one step per byte of a word start.
package struct LexiconTrie: Sendable {
    /// Edge labels besides folded UTF-8 bytes: any run of white space, a straight or curly apostrophe.
    private static let spaceEdge: UInt8 = 0x01
    private static let apostropheEdge: UInt8 = 0x02

    /// Node `n`'s edges are `edgeBytes[firstEdge[n]..<firstEdge[n + 1]]`, pointing at `edgeTargets`.
    private let firstEdge: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let terminal: [Bool]

    /// The trie's arrays, as the rule cache stores them.
    struct Tables {
        var firstEdge: [Int32]
        var edgeBytes: [UInt8]
        var edgeTargets: [Int32]
        var terminal: [Bool]
        var rootEdges: [Int32]
    }

    var tables: Tables {
        Tables(firstEdge: firstEdge, edgeBytes: edgeBytes, edgeTargets: edgeTargets, terminal: terminal, rootEdges: rootEdges)
    }

    init(tables: Tables) {
        firstEdge = tables.firstEdge
        edgeBytes = tables.edgeBytes
        edgeTargets = tables.edgeTargets
        terminal = tables.terminal
        rootEdges = tables.rootEdges
    }
    /// The root's edges by byte, since every word start looks there.
    private let rootEdges: [Int32]

    /// `terms` as `LexiconMatcher.normalise` leaves them (lower case, single spaces, `'`).
    package init(_ terms: [String]) {
        var children: [[UInt8: Int32]] = [[:]]
        var terminal = [false]
        for term in terms {
            var node: Int32 = 0
            for unit in LexiconTrie.edges(of: term) {
                if let next = children[Int(node)][unit] { node = next; continue }
                let next = Int32(children.count)
                children.append([:])
                terminal.append(false)
                children[Int(node)][unit] = next
                node = next
            }
            if node != 0 { terminal[Int(node)] = true }
        }
        var firstEdge: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        firstEdge.reserveCapacity(children.count + 1)
        for edges in children {
            firstEdge.append(Int32(edgeBytes.count))
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        firstEdge.append(Int32(edgeBytes.count))
        var rootEdges = [Int32](repeating: -1, count: 256)
        for (byte, target) in children[0] { rootEdges[Int(byte)] = target }
        self.firstEdge = firstEdge
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.terminal = terminal
        self.rootEdges = rootEdges
    }

    /// A term's edge labels, one atom per character as `RuleLibrary.termTokens` makes them.
    private static func edges(of term: String) -> [UInt8] {
        var units: [UInt8] = []
        for character in term {
            if character == " " { units.append(spaceEdge); continue }
            if character == "'" { units.append(apostropheEdge); continue }
            for scalar in character.unicodeScalars { units += Array(String(fold(scalar)).utf8) }
        }
        return units
    }

    private func child(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootEdges[Int(byte)] }
        var index = Int(firstEdge[Int(node)])
        let end = Int(firstEdge[Int(node) + 1])
        while index < end {
            let label = edgeBytes[index]
            if label == byte { return edgeTargets[index] }
            if label > byte { return -1 }
            index += 1
        }
        return -1
    }

    /// Calls `body` with every match in `bytes[range]`, left to right. As with PCRE2 given that
    /// window, the text outside it is not looked at.
    package func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, range: ByteRange, _ body: (ByteRange) -> Void) {
        let end = range.end
        var position = range.start
        var previousIsBoundary = true // nothing before the window: the lookbehind passes
        var terminals: [Int] = []
        while position < end {
            let (scalar, length) = LexiconTrie.decode(bytes, position)
            if previousIsBoundary, let matched = longestMatch(in: bytes, from: position, end: end, terminals: &terminals) {
                body(ByteRange(position, matched))
                // The next search starts at the match's end; its lookbehind sees the match's last character.
                let (last, _) = LexiconTrie.decodeBackward(bytes, matched, start: range.start)
                previousIsBoundary = !(LexiconTrie.isWord(last) || last == 0x40 || last == 0x23)
                position = matched
                continue
            }
            previousIsBoundary = !(LexiconTrie.isWord(scalar) || scalar == 0x40 || scalar == 0x23)
            position += length
        }
    }

    /// The end of the match starting at `start`, if any: the deepest term on the text's path that
    /// is followed by `s` and a non-word character, or by a non-word character.
    private func longestMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, terminals: inout [Int]) -> Int? {
        terminals.removeAll(keepingCapacity: true)
        var node: Int32 = 0
        var position = start
        walk: while position < end {
            let (scalar, length) = LexiconTrie.decode(bytes, position)
            if LexiconTrie.isSpace(scalar) {
                node = child(node, LexiconTrie.spaceEdge)
                if node < 0 { break }
                position += length
                while position < end {
                    let (next, nextLength) = LexiconTrie.decode(bytes, position)
                    guard LexiconTrie.isSpace(next) else { break }
                    position += nextLength
                }
            } else if scalar == 0x2D {
                // A hyphen joins a term's words as a space does ("eating-disorder"), one for one.
                node = child(node, LexiconTrie.spaceEdge)
                if node < 0 { break }
                position += length
            } else if scalar == 0x27 || scalar == 0x2019 {
                node = child(node, LexiconTrie.apostropheEdge)
                if node < 0 { break }
                position += length
            } else if scalar < 0x80 {
                node = child(node, scalar >= 0x41 && scalar <= 0x5A ? UInt8(scalar | 0x20) : UInt8(scalar))
                if node < 0 { break }
                position += length
            } else {
                for byte in String(LexiconTrie.fold(Unicode.Scalar(scalar)!)).utf8 {
                    node = child(node, byte)
                    if node < 0 { break walk }
                }
                position += length
            }
            if terminal[Int(node)] { terminals.append(position) }
        }
        for candidate in terminals.reversed() {
            if candidate < end {
                let (next, length) = LexiconTrie.decode(bytes, candidate)
                if next == 0x73 || next == 0x53 || next == 0x17F {
                    let after = candidate + length
                    if after >= end || !LexiconTrie.isWord(LexiconTrie.decode(bytes, after).scalar) { return after }
                }
                if !LexiconTrie.isWord(next) { return candidate }
            } else {
                return candidate
            }
        }
        return nil
    }

    /// PCRE2's caseless comparison for the letters a lexicon holds: a character and its lower case
    /// are one, and the long s and the Kelvin and Ångström signs fold with s, k and å.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x17F: return "s"
        case 0x212A: return "k"
        case 0x212B: return "å"
        default: break
        }
        if scalar.isASCII {
            return scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value | 0x20)! : scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    /// `\w` with PCRE2_UCP (PCRE2 10.42): a letter, a number or an underscore.
    static func isWord(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x41 && scalar <= 0x5A) || (scalar >= 0x61 && scalar <= 0x7A) || scalar == 0x5F
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// `\s` with PCRE2_UCP: a separator (`\p{Z}`), or horizontal or vertical space (`\h`, `\v`).
    static func isSpace(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar == 0x20 || (scalar >= 0x09 && scalar <= 0x0D) }
        switch scalar {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: break
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The scalar at `index` of valid UTF-8, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// The scalar that ends just before `index` (not before `start`).
    static func decodeBackward(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, start: Int) -> (scalar: UInt32, length: Int) {
        var begin = index - 1
        while begin > start, bytes[begin] & 0xC0 == 0x80 { begin -= 1 }
        return decode(bytes, begin)
    }
}

/// The lexicon's term maps (term → rule id, hashtag form → rule id). From the rule cache they are
/// kept as the file's bytes (`RuleCache.Contents.binary()` writes the rule ids once, then each list's
/// terms in byte order with their rule's number) and a match's rule is found by binary search over
/// an index of offsets into them: making 13,000 strings and two dictionaries the first time a match
/// asked for its rule was a tenth of a warm one-draft check. The dictionaries are still made, once,
/// for whoever asks for the whole maps (the cache writer, the tests).
final class TermMaps: @unchecked Sendable {
    // @unchecked: `maps` is set once, under the lock, before it is read; the rest never changes.
    private let lock = NSLock()
    private var maps: (groups: [String: String], hashtags: [String: String])?
    private let raw: [UInt8]
    private let index: Index

    /// Where each term lies in `raw`, in byte order, and its rule as an index into `rules`.
    struct Index {
        struct Entry { var start: Int32; var length: Int32; var rule: Int32 }
        var lists: [[Entry]] = [[], []]
        var rules: [String] = []
    }

    init(groups: [String: String], hashtags: [String: String]) {
        maps = (groups, hashtags)
        raw = []
        index = Index()
    }

    /// `raw`: the bytes `read` walked and `index` found in it.
    private init(raw: [UInt8], index: Index) {
        self.raw = raw
        self.index = index
    }

    /// Reads the term maps `write` wrote from `input`, checking as it goes what a binary search
    /// relies on (terms in strictly increasing byte order, rule numbers in range); nil when they
    /// are not there whole.
    static func read(_ input: inout BinaryReader) -> TermMaps? {
        let start = input.position
        guard let rules = input.strings() else { return nil }
        var lists: [[Index.Entry]] = []
        for _ in 0..<2 {
            guard let count = input.count(), count != Int(UInt32.max) else { return nil }
            var list: [Index.Entry] = []
            for _ in 0..<count {
                guard let length = input.count(), let term = input.take(length), let rule = input.count(), rule < rules.count else { return nil }
                list.append(Index.Entry(start: Int32(term.startIndex - start), length: Int32(length), rule: Int32(rule)))
            }
            lists.append(list)
        }
        let raw = input.bytes(from: start)
        let index = Index(lists: lists, rules: rules)
        let ordered = raw.withUnsafeBufferPointer { bytes in
            index.lists.allSatisfy { list in
                zip(list, list.dropFirst()).allSatisfy { compare(term($0, in: bytes), term($1, in: bytes)) < 0 }
            }
        }
        return ordered ? TermMaps(raw: raw, index: index) : nil
    }

    /// What `read` reads: the rule ids, then both lists.
    static func write(groups: [String: String], hashtags: [String: String], to out: inout BinaryWriter) {
        let rules = Set(groups.values).union(hashtags.values).sorted()
        let numbers = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        out.strings(rules)
        for map in [groups, hashtags] {
            out.count(map.count)
            for (term, rule) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                out.string(term)
                out.count(numbers[rule]!)
            }
        }
    }

    /// The rule id of a normalised term, from the groups' terms first, then the hashtag forms.
    func rule(for key: String) -> String? {
        if raw.isEmpty {
            let maps = resolved()
            return maps.groups[key] ?? maps.hashtags[key]
        }
        var key = key
        return key.withUTF8 { wanted in
            raw.withUnsafeBufferPointer { bytes in
                for list in index.lists {
                    var low = 0, high = list.count
                    while low < high {
                        let middle = (low + high) / 2
                        let order = TermMaps.compare(TermMaps.term(list[middle], in: bytes), wanted)
                        if order == 0 { return index.rules[Int(list[middle].rule)] }
                        if order < 0 { low = middle + 1 } else { high = middle }
                    }
                }
                return nil
            }
        }
    }

    private static func term(_ entry: Index.Entry, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.length)])
    }

    /// Byte order: memcmp, then the shorter first.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(a.count, b.count)
        if shared > 0, let left = a.baseAddress, let right = b.baseAddress {
            let order = memcmp(left, right, shared)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    func resolved() -> (groups: [String: String], hashtags: [String: String]) {
        lock.lock()
        defer { lock.unlock() }
        if let maps { return maps }
        let made = raw.withUnsafeBufferPointer { bytes in
            index.lists.map { list in
                // First wins, as it did: two terms of different bytes can still be equal `String`s.
                Dictionary(list.map { entry in
                    (String(decoding: TermMaps.term(entry, in: bytes), as: UTF8.self), index.rules[Int(entry.rule)])
                }, uniquingKeysWith: { first, _ in first })
            }
        }
        maps = (made[0], made[1])
        return maps!
    }
}
