// Detectors: person names (and @handles of persons) in social-media text, found by a small
// averaged-perceptron sequence tagger (greedy left-to-right, BIO tags, previous tags as features,
// weights averaged over all updates; the design of Honnibal's "A good part-of-speech tagger in
// about 200 lines of Python" and NLTK's PerceptronTagger).
//
// Foundation only. Everything works on UTF-8 bytes; ranges are byte offsets. Tagging allocates per
// text (the token and tag arrays, the result), never per token. The weights are data
// (Rules/data/name-tagger.bin, trained by `scripts/train-name-tagger` from Sources/train-name-tagger,
// which uses the features below: there is one copy of them); Rules/data/SOURCES.md says from what.
//
// Feature hashing (fixed, documented, process-independent; never Swift's seeded Hasher):
//   fnv(bytes)       = 64-bit FNV-1a: h = 0xcbf29ce484222325; for b in bytes { h = (h ^ b) &* 0x100000001b3 }
//   mix(h, v)        = FNV-1a continued from h over the 8 little-endian bytes of the UInt64 v
//   feature(t, v)    = mix(fnv([t]), v)      t: template number below, v: value (a hash or small integer)
//   row(h)           = (h ^ (h >> 32)) & (2^20 - 1)      weights[row * 3 + tag], tags O = 0, B = 1, I = 2
// Word values are fnv() of the token's bytes lower-cased (ASCII, Latin-1 and basic Cyrillic capitals).
//
// File: one header line (`key=value` fields, see `init(weightsData:)`), then `rows` records of 16
// bytes (UInt32 row, Float32 O, B, I; little endian), then `clusters` records of 10 bytes (UInt64
// word value, UInt16 class code: fine class in the low byte, coarse class in the high byte), sorted
// by word value: the word classes the trainer learned from its texts without their labels
// (Sources/train-name-tagger/Clusters.swift). Both tables are plain data, read without parsing text.
import Foundation
import PostGuardEngine

public enum NameTaggerError: Error, CustomStringConvertible {
    case badHeader(String)
    case truncated

    public var description: String {
        switch self {
        case .badHeader(let line): return "name tagger weights: unsupported header \(line)"
        case .truncated: return "name tagger weights: file is truncated"
        }
    }
}

/// A person mention: a name (one or more words) or an @handle tagged as a person.
public struct PersonMention: Sendable, Hashable {
    public var range: Range<Int>
    public var isHandle: Bool
    /// Found only at the looser `tentativeBias`: no word of it scores a person at `outsideBias`.
    public var isTentative = false
    /// Found only at the loosest `looseBias` (tentative too): a possible name only where it is
    /// written as a name is (NameDetector's guards say how).
    public var isLoose = false
}

public struct NameTagger: Sendable {
    public static let formatName = "postguard-name-tagger"
    public static let formatVersion = 1
    public static let tableBits = 20
    public static let tagCount = 3

    /// Averaged weights by row (`WeightTable`): `values[base(of: row) + tag]`.
    let weights: WeightTable
    package let features: NameFeatures
    /// Added to the score of tag O before choosing: > 0 trades recall for precision.
    public var outsideBias: Float = 0
    /// A looser bias (≤ `outsideBias`, header field `tentative-bias`): mentions found only at it
    /// are `isTentative`, possible names the scanner lists at `info` and judges nothing on.
    /// Equal to `outsideBias` when the header has none: then there are no tentative mentions.
    public var tentativeBias: Float = 0
    /// The loosest bias (≤ `tentativeBias`, header field `loose-bias`): what only it finds is
    /// tentative and `isLoose`. Equal to `tentativeBias` when the header has none.
    public var looseBias: Float = 0
    /// The weights file's header line (format, hashing, training data, date).
    public let header: String

    /// Loads a weights file written by `train` and the three name lists (lower-case words).
    public init(contentsOf url: URL, firstNames: some Sequence<String>, surnames: some Sequence<String>,
                commonWords: some Sequence<String>) throws {
        let data = try Data(contentsOf: url)
        try self.init(weightsData: data, firstNames: firstNames, surnames: surnames, commonWords: commonWords)
    }

    /// Loads a weights file with the lists' hashes already made (`NameLists.listHashes`).
    package init(contentsOf url: URL, listHashes: ListHashes) throws {
        try self.init(weightsData: try Data(contentsOf: url), listHashes: listHashes)
    }

    /// Loads the weights and the lists `first-names.txt`, `surnames.txt`, `common-words.txt` from `listsFolder`.
    public init(contentsOf url: URL, listsFolder: URL) throws {
        func words(_ file: String) throws -> Set<String> {
            let text = try String(contentsOf: listsFolder.appendingPathComponent(file), encoding: .utf8)
            return Set(text.split(whereSeparator: \.isNewline).map { String($0) })
        }
        try self.init(contentsOf: url, firstNames: try words("first-names.txt"), surnames: try words("surnames.txt"),
                      commonWords: try words("common-words.txt"))
    }

    public init(weightsData data: Data, firstNames: some Sequence<String>, surnames: some Sequence<String>,
                commonWords: some Sequence<String>) throws {
        try self.init(weightsData: data, listHashes: ListHashes(firstNames: firstNames, surnames: surnames, commonWords: commonWords))
    }

    package init(weightsData data: Data, listHashes: ListHashes) throws {
        let bytes = [UInt8](data)
        guard let newline = bytes.firstIndex(of: 0x0A) else { throw NameTaggerError.truncated }
        let header = String(decoding: bytes[..<newline], as: UTF8.self)
        let fields = NameTagger.headerFields(header)
        guard header.hasPrefix(NameTagger.formatName + " "), fields["version"] == String(NameTagger.formatVersion),
              fields["hash"] == "fnv1a64", fields["bits"] == String(NameTagger.tableBits), fields["tags"] == "O,B,I",
              let rows = fields["rows"].flatMap({ Int($0) }) else { throw NameTaggerError.badHeader(header) }
        let body = newline + 1
        let clusterCount = fields["clusters"].flatMap { Int($0) } ?? 0
        guard bytes.count - body == rows * 16 + clusterCount * 10 else { throw NameTaggerError.truncated }
        let table = WeightTable(rows: rows)
        bytes.withUnsafeBytes { raw in
            for r in 0..<rows {
                let offset = body + r * 16
                let row = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) & NameFeatures.mask
                let base = table.insert(row)
                for t in 0..<3 {
                    let bits = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 + 4 * t, as: UInt32.self))
                    table.values[base + t] = Float(bitPattern: bits)
                }
            }
        }
        var clusters: [UInt64: UInt16] = [:]
        clusters.reserveCapacity(clusterCount)
        bytes.withUnsafeBytes { raw in
            for c in 0..<clusterCount {
                let offset = body + rows * 16 + c * 10
                clusters[UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))] =
                    UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt16.self))
            }
        }
        self.weights = table
        self.header = header
        self.features = NameFeatures(listHashes: listHashes, clusters: clusters)
        if let bias = fields["o-bias"].flatMap({ Float($0) }) { outsideBias = bias }
        tentativeBias = min(outsideBias, fields["tentative-bias"].flatMap { Float($0) } ?? outsideBias)
        looseBias = min(tentativeBias, fields["loose-bias"].flatMap { Float($0) } ?? tentativeBias)
    }

    /// The tagger for `folder/name-tagger.bin` with `lists`, loaded once per process: every
    /// `Detector` of a run (and every test) shares one table. nil without a weights file; a
    /// file that does not load is said once on standard error, and names then come from the rules.
    public static func shared(folder: URL, lists: NameLists) -> NameTagger? {
        let url = folder.appendingPathComponent("name-tagger.bin").standardizedFileURL
        return SharedTaggers.cache.tagger(for: url) {
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do {
                return try NameTagger(contentsOf: url, listHashes: lists.listHashes
                    ?? ListHashes(firstNames: lists.firstNames, surnames: lists.surnames, commonWords: lists.commonWords))
            } catch {
                FileHandle.standardError.write(Data("postguard: \(url.lastPathComponent): \(error); names are found by lists and cues only\n".utf8))
                return nil
            }
        }
    }

    /// `key=value` fields of a header line.
    static func headerFields(_ header: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in header.split(separator: " ") {
            if let eq = part.firstIndex(of: "=") { fields[String(part[..<eq])] = String(part[part.index(after: eq)...]) }
        }
        return fields
    }

    /// Byte ranges of person names and person @handles in `bytes`.
    public func personSpans(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        personMentions(in: bytes).map(\.range)
    }

    /// Person mentions with whether each is an @handle (PostGuard reports handles as `other-id`).
    /// The mentions at `outsideBias`, then those found only at `tentativeBias` (marked tentative;
    /// none overlaps a sure one). The token features are scored once; only the previous-tag
    /// features are scored again for the second, looser decoding.
    public func personMentions(in bytes: UnsafeBufferPointer<UInt8>) -> [PersonMention] {
        let tokens = features.analyse(bytes)
        guard !tokens.isEmpty else { return [] }
        let scores = staticScores(tokens, bytes)
        var result = NameTagger.mentions(tokens, decode(tokens, scores, bias: outsideBias))
        guard tentativeBias < outsideBias else { return result }
        // The sure ones as an index: one binary search per looser mention, not a walk over all.
        func index(_ mentions: [PersonMention]) -> RangeIndex {
            RangeIndex(mentions.compactMap { $0.range.isEmpty ? nil : ByteRange($0.range.lowerBound, $0.range.upperBound) })
        }
        let sure = index(result)
        for var mention in NameTagger.mentions(tokens, decode(tokens, scores, bias: tentativeBias))
        where mention.range.isEmpty || !sure.overlaps(ByteRange(mention.range.lowerBound, mention.range.upperBound)) {
            mention.isTentative = true
            result.append(mention)
        }
        guard looseBias < tentativeBias else { return result }
        let found = index(result)
        for var mention in NameTagger.mentions(tokens, decode(tokens, scores, bias: looseBias))
        where !mention.range.isEmpty && !found.overlaps(ByteRange(mention.range.lowerBound, mention.range.upperBound)) {
            mention.isTentative = true
            mention.isLoose = true
            result.append(mention)
        }
        return result
    }

    /// The tokens of `bytes` (words, @handles, #hashtags, URLs, numbers, punctuation) as byte ranges.
    public func tokenRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        NameFeatures.tokenize(bytes).map { $0.start..<$0.end }
    }

    /// Greedy left-to-right decoding at one bias.
    func tag(_ tokens: [TaggerToken], _ bytes: UnsafeBufferPointer<UInt8>, bias: Float) -> [UInt8] {
        decode(tokens, staticScores(tokens, bytes), bias: bias)
    }

    /// The O, B, I scores of each token's own features (all but the previous tags): `3 * i + tag`.
    func staticScores(_ tokens: [TaggerToken], _ bytes: UnsafeBufferPointer<UInt8>) -> [Float] {
        var scores = [Float](repeating: 0, count: tokens.count * 3)
        let doc = features.documentFlags(tokens)
        weights.withUnsafeBufferPointer { w in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: NameFeatures.maxFeatures) { rows in
                for i in tokens.indices {
                    let n = features.staticRows(tokens, i, doc, bytes, into: rows.baseAddress!)
                    var s0: Float = 0, s1: Float = 0, s2: Float = 0
                    for k in 0..<n {
                        guard let base = weights.base(of: rows[k]) else { continue }
                        s0 += w[base]; s1 += w[base + 1]; s2 += w[base + 2]
                    }
                    scores[3 * i] = s0; scores[3 * i + 1] = s1; scores[3 * i + 2] = s2
                }
            }
        }
        return scores
    }

    /// Greedy left-to-right decoding over the token scores, adding the previous-tag features.
    func decode(_ tokens: [TaggerToken], _ scores: [Float], bias: Float) -> [UInt8] {
        var tags = [UInt8](repeating: 0, count: tokens.count)
        weights.withUnsafeBufferPointer { w in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 8) { rows in
                var prev: UInt8 = 0, prev2: UInt8 = 0
                for i in tokens.indices {
                    let m = NameFeatures.dynamicRows(tokens, i, prev: prev, prev2: prev2, into: rows.baseAddress!)
                    // The bias lowers the bar for words, handles and hashtags only, never for punctuation.
                    let kind = tokens[i].kind
                    var s0 = scores[3 * i] + (kind <= TaggerToken.hashtag ? bias : 0), s1 = scores[3 * i + 1], s2 = scores[3 * i + 2]
                    for k in 0..<m {
                        guard let base = weights.base(of: rows[k]) else { continue }
                        s0 += w[base]; s1 += w[base + 1]; s2 += w[base + 2]
                    }
                    var best: UInt8 = 0
                    if s1 > s0 && s1 >= s2 { best = 1 } else if s2 > s0 && s2 > s1 { best = 2 }
                    // URLs and e-mail addresses are never names (other detectors own them).
                    if kind == TaggerToken.url { best = 0 }
                    tags[i] = best
                    prev2 = prev; prev = best
                }
            }
        }
        return tags
    }

    /// BIO tags to mentions: B starts a mention, I continues one (or starts one after O); an @handle
    /// is always a mention of its own; punctuation, symbols and clitics ('s) never start or end one.
    static func mentions(_ tokens: [TaggerToken], _ tags: [UInt8]) -> [PersonMention] {
        var result: [PersonMention] = []
        var open = false
        for (i, token) in tokens.enumerated() {
            let t = tags[i]
            if t == 0 { open = false; continue }
            let isHandle = token.kind == TaggerToken.handle
            let isWord = token.kind == TaggerToken.word || token.kind == TaggerToken.hashtag || token.kind == TaggerToken.number
            if t == 2, open, !isHandle, !result[result.count - 1].isHandle {
                if isWord { result[result.count - 1].range = result[result.count - 1].range.lowerBound..<token.end }
            } else if isWord || isHandle {
                result.append(PersonMention(range: token.start..<token.end, isHandle: isHandle))
            } else {
                continue
            }
            open = !isHandle
        }
        return result
    }
}

/// The weights of the rows the trainer wrote (some 64,000 of the 2^20 a feature can hash to), by
/// open addressing over twice as many slots: the dense table of every row was 12 MB, and writing
/// the rows into it touched all its pages, a fifth of a one-draft check's page faults. A row with no
/// slot weighs nothing, as its zeros did.
final class WeightTable: @unchecked Sendable {
    // @unchecked: written only by `NameTagger.init`, before the tagger is shared; read-only after.
    /// Each slot's row, -1 when free.
    private let rows: UnsafeMutableBufferPointer<Int32>
    /// O, B, I for each slot: `values[3 * slot + tag]`.
    let values: UnsafeMutableBufferPointer<Float>
    private let mask: Int

    init(rows count: Int) {
        var slots = 16
        while slots < count * 2 { slots *= 2 }
        mask = slots - 1
        rows = .allocate(capacity: slots)
        rows.initialize(repeating: -1)
        values = .allocate(capacity: slots * NameTagger.tagCount)
        values.initialize(repeating: 0)
    }

    deinit {
        rows.deallocate()
        values.deallocate()
    }

    /// Where `row`'s weights start in `values`, its slot taken if it had none.
    func insert(_ row: Int) -> Int {
        var slot = row & mask
        while rows[slot] != -1, Int(rows[slot]) != row { slot = (slot + 1) & mask }
        rows[slot] = Int32(row)
        return slot * NameTagger.tagCount
    }

    /// Where `row`'s weights start in `values`, or nil when the trainer wrote none. The rows are
    /// hashes already, so their low bits spread them over the slots.
    @inline(__always) func base(of row: Int) -> Int? {
        var slot = row & mask
        while true {
            let found = Int(rows[slot])
            if found == row { return slot * NameTagger.tagCount }
            if found == -1 { return nil }
            slot = (slot + 1) & mask
        }
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(values))
    }
}

/// Loaded taggers by weights file (a lock around a dictionary: loading happens once per file).
final class SharedTaggers: @unchecked Sendable {
    static let cache = SharedTaggers()
    private let lock = NSLock()
    private var loaded: [URL: NameTagger?] = [:]

    func tagger(for url: URL, load: () -> NameTagger?) -> NameTagger? {
        lock.lock()
        defer { lock.unlock() }
        if let tagger = loaded[url] { return tagger }
        let tagger = load()
        loaded[url] = tagger
        return tagger
    }
}

/// One token and what the features need of it (all hashes precomputed once per token).
package struct TaggerToken {
    package static let word: UInt8 = 0, handle: UInt8 = 1, hashtag: UInt8 = 2, url: UInt8 = 3, number: UInt8 = 4
    static let punct: UInt8 = 5, symbol: UInt8 = 6, clitic: UInt8 = 7

    package var start: Int
    package var end: Int
    package var kind: UInt8
    /// 0 no letters, 1 lower, 2 Capitalised, 3 UPPER, 4 single capital, 5 MiXed, 6 caseless script.
    var caseClass: UInt8 = 0
    /// bit 0 first name, bit 1 surname, bit 2 common word; for handles, see `handleBits`.
    var lists: UInt8 = 0
    var handleBits: UInt8 = 0
    var length: UInt8 = 0
    /// Whitespace with a line break, or sentence punctuation, before the token.
    var sentenceStart = false
    /// 0 first token, 1 right after leading @handles or RT, 2 one of the first four, 3 later.
    var position: UInt8 = 0
    var lower: UInt64 = 0
    var shape: UInt64 = 0
    var pre1: UInt64 = 0, pre2: UInt64 = 0, pre3: UInt64 = 0
    var suf1: UInt64 = 0, suf2: UInt64 = 0, suf3: UInt64 = 0
    /// The word's learned class code (`NameFeatures.clusters`); for a word the classes do not hold
    /// `NameFeatures.unclustered`, for other tokens 0xFF00 + kind.
    var cluster: UInt16 = NameFeatures.unclustered

    /// The lower-cased word's value (what the word classes are keyed by).
    package var lowerHash: UInt64 { lower }
    /// The fine and coarse word classes as feature values (unclustered words and other kinds kept apart).
    var fineClass: UInt64 { cluster >= 0xFF00 ? UInt64(cluster) : UInt64(cluster & 0xFF) }
    var coarseClass: UInt64 { cluster >= 0xFF00 ? UInt64(cluster) : UInt64(cluster >> 8) | 0x100 }

    /// A small summary: case, lists, kind.
    var sig: UInt64 { UInt64(caseClass) | UInt64(lists) << 3 | UInt64(kind) << 6 }

    /// Training only (`train-name-tagger --word-dropout`): the word as one never seen and on no
    /// list, its shape, affixes and neighbours kept, so that the weights learn what names no list
    /// holds look like and where they stand, not only the names the training texts and lists hold.
    package var isListed: Bool { lists != 0 }

    package mutating func forgetWord() {
        lower = NameFeatures.unknownWord
        lists = 0
    }
}

/// Document-level flags: shouting (mostly ALL CAPS), title case, how English the words are.
package struct DocumentFlags {
    var shout = false
    var title = false
    /// 0: under a quarter of the words are common English words, 1: under half, 2: at least half.
    var english: UInt8 = 2
    var code: UInt64 { (shout ? 1 : 0) | (title ? 2 : 0) | UInt64(english) << 2 }
}

package struct NameFeatures: Sendable {
    static let mask = (1 << NameTagger.tableBits) - 1
    package static let maxFeatures = 64
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    let firstNames: HashList
    let surnames: HashList
    let commonWords: HashList
    /// Word value → learned class code (see the file format above); empty for weights without classes.
    let clusters: [UInt64: UInt16]
    static let unclustered: UInt16 = 0xFFFF

    package init(firstNames: some Sequence<String>, surnames: some Sequence<String>, commonWords: some Sequence<String>,
                 clusters: [UInt64: UInt16] = [:]) {
        self.init(listHashes: ListHashes(firstNames: firstNames, surnames: surnames, commonWords: commonWords), clusters: clusters)
    }

    /// The three lists' hashes in one table (read from the rule cache, or made from the lists).
    package init(listHashes: ListHashes, clusters: [UInt64: UInt16] = [:]) {
        firstNames = HashList(table: listHashes, bit: 1)
        surnames = HashList(table: listHashes, bit: 2)
        commonWords = HashList(table: listHashes, bit: 4)
        self.clusters = clusters
    }

    // MARK: hashing

    @inline(__always) static func fnvByte(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* fnvPrime }

    @inline(__always) static func mix(_ h: UInt64, _ value: UInt64) -> UInt64 {
        var h = h, v = value
        for _ in 0..<8 { h = fnvByte(h, UInt8(truncatingIfNeeded: v)); v >>= 8 }
        return h
    }

    @inline(__always) package static func row(_ template: UInt8, _ value: UInt64) -> Int {
        let h = mix(fnvByte(fnvOffset, template), value)
        return Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
    }

    /// FNV-1a of the lower-cased bytes (a word from the lists is already lower case).
    package static func lowerHash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var h = fnvOffset
        forEachLowered(bytes) { h = fnvByte(h, $0) }
        return h
    }

    /// Calls `body` with each byte lower-cased: ASCII, Latin-1 (Ã → ã) and basic Cyrillic capitals.
    @inline(__always) static func forEachLowered<C: Collection>(_ bytes: C, _ body: (UInt8) -> Void) where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                body(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                i += 1
                continue
            }
            if i + 1 < bytes.endIndex {
                let c = bytes[i + 1]
                if b == 0xC3, c >= 0x80, c <= 0x9E, c != 0x97 { body(b); body(c + 0x20); i += 2; continue }
                if b == 0xD0, c >= 0x90, c <= 0x9F { body(0xD0); body(c + 0x20); i += 2; continue }
                if b == 0xD0, c >= 0xA0, c <= 0xAF { body(0xD1); body(c - 0x20); i += 2; continue }
                if b == 0xD0, c >= 0x80, c <= 0x8F { body(0xD1); body(c + 0x10); i += 2; continue }
            }
            body(b)
            i += 1
        }
    }

    // MARK: tokenizer

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// . , ! ? ) : ; " after a link are the sentence's, not the link's.
    @inline(__always) static func isTrailingLinkPunctuation(_ b: UInt8) -> Bool {
        switch b { case 0x2E, 0x2C, 0x21, 0x3F, 0x29, 0x3A, 0x3B, 0x22: return true; default: return false }
    }
    /// . , : / - between digits keep a number whole (617-555-0142, 3:30, 1,000).
    @inline(__always) static func isNumberJoiner(_ b: UInt8) -> Bool {
        switch b { case 0x2E, 0x2C, 0x3A, 0x2F, 0x2D: return true; default: return false }
    }
    /// . ! ? : ; " before a token start a sentence.
    @inline(__always) static func endsSentence(_ b: UInt8) -> Bool {
        switch b { case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22: return true; default: return false }
    }

    /// Bytes in a UTF-8 sequence with this lead byte.
    @inline(__always) static func width(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Whether the non-ASCII scalar at `i` is a letter (by block: Latin, Greek, Cyrillic, Hebrew,
    /// Arabic, Indic, CJK, Hangul...) rather than punctuation, a symbol or an emoji.
    @inline(__always) static func isLetterLead(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        let c: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
        switch b {
        case 0xC3: return c != 0x97 && c != 0xB7            // × ÷
        case 0xC4...0xDF: return true                         // U+0100-07FF
        case 0xE0, 0xE1: return true                          // Indic, Thai, Georgian, Hangul Jamo, Latin Extended Additional
        case 0xE3: return c >= 0x81                           // CJK symbols and punctuation are U+3000-303F
        case 0xE4...0xED: return true                         // CJK, Hangul
        case 0xF0: return c >= 0xA0                           // CJK extensions (F0 9F.. are emoji)
        default: return false                                  // C2 (Latin-1 punctuation), E2 (punctuation, symbols), EF, F1+
        }
    }

    @inline(__always) static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        return b < 0x80 ? isAlnum(b) : isLetterLead(bytes, i)
    }

    /// Length of an apostrophe at `i` (' or ’), or 0.
    @inline(__always) static func apostrophe(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if bytes[i] == 0x27 { return 1 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// If an apostrophe at `i` starts an English clitic ('s 'm 'd 'll 're 've 't) that ends the
    /// word, the clitic's end.
    static func cliticEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let a = apostrophe(bytes, i)
        guard a > 0 else { return nil }
        var j = i + a
        // Up to three lower-cased letters packed into one integer, first letter highest.
        var letters: UInt32 = 0, count = 0
        while j < bytes.count, bytes[j] < 0x80, isAlnum(bytes[j]), count < 3 {
            letters = letters << 8 | UInt32(bytes[j] | 0x20); count += 1; j += 1
        }
        if j < bytes.count, isWordByte(bytes, j) { return nil }
        switch letters {
        case 0x73, 0x6D, 0x64, 0x74, 0x6C6C, 0x7265, 0x7665: return j   // s m d t ll re ve
        default: return nil
        }
    }

    /// Tokens: URLs and e-mail addresses (whole whitespace chunks), @handles, #hashtags, words
    /// (letters and digits with inner hyphens and apostrophes; "R." initials keep their dot), numbers,
    /// clitics ('s), runs of one punctuation byte, and other symbols one scalar at a time.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TaggerToken] {
        var tokens: [TaggerToken] = []
        tokens.reserveCapacity(bytes.count / 4 + 4)
        let n = bytes.count
        var i = 0
        var chunkEnd = 0
        var chunkIsLink = false
        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 { i += 2; continue }  // no-break space
            // A new whitespace chunk: is it a link or an e-mail address?
            if i >= chunkEnd {
                var j = i
                var at = -1, scheme = false
                while j < n, !isSpace(bytes[j]) {
                    if bytes[j] == 0x40, at < 0 { at = j }
                    if bytes[j] == 0x3A, j + 2 < n, bytes[j + 1] == 0x2F, bytes[j + 2] == 0x2F { scheme = true }
                    j += 1
                }
                chunkEnd = j
                let www = j - i > 4 && (bytes[i] | 0x20) == 0x77 && (bytes[i + 1] | 0x20) == 0x77 && (bytes[i + 2] | 0x20) == 0x77 && bytes[i + 3] == 0x2E
                chunkIsLink = scheme || www || (at > i && at + 1 < j && isWordByte(bytes, at - 1) && isWordByte(bytes, at + 1))
            }
            if chunkIsLink {
                var end = chunkEnd
                while end > i + 1, isTrailingLinkPunctuation(bytes[end - 1]) { end -= 1 }
                tokens.append(TaggerToken(start: i, end: end, kind: TaggerToken.url))
                i = end
                continue
            }
            // @handle
            if b == 0x40, i + 1 < n, isAlnum(bytes[i + 1]) || bytes[i + 1] == 0x5F {
                var j = i + 1
                while j < n, isAlnum(bytes[j]) || bytes[j] == 0x5F { j += 1 }
                tokens.append(TaggerToken(start: i, end: j, kind: TaggerToken.handle))
                i = j
                continue
            }
            // #hashtag
            if b == 0x23, i + 1 < n, isWordByte(bytes, i + 1) || bytes[i + 1] == 0x5F {
                var j = i + 1
                while j < n, isWordByte(bytes, j) || bytes[j] == 0x5F { j += width(bytes[j]) }
                tokens.append(TaggerToken(start: i, end: min(j, n), kind: TaggerToken.hashtag))
                i = min(j, n)
                continue
            }
            if isWordByte(bytes, i) {
                var j = i
                if isDigit(b) {
                    // A number: digits with inner . , : / -
                    while j < n {
                        if isDigit(bytes[j]) { j += 1; continue }
                        if j + 1 < n, isNumberJoiner(bytes[j]), isDigit(bytes[j + 1]) { j += 2; continue }
                        break
                    }
                    if j >= n || !isWordByte(bytes, j) {
                        tokens.append(TaggerToken(start: i, end: j, kind: TaggerToken.number))
                        i = j
                        continue
                    }
                }
                while j < n {
                    if isWordByte(bytes, j) { j += width(bytes[j]); continue }
                    if cliticEnd(bytes, j) != nil { break }
                    let a = apostrophe(bytes, j)
                    if a > 0, j + a < n, isWordByte(bytes, j + a) { j += a; continue }
                    if bytes[j] == 0x2D, j + 1 < n, isWordByte(bytes, j + 1) { j += 1; continue }
                    break
                }
                j = min(j, n)
                // "R." and "J.R.": single letters keep their dots.
                if j == i + 1, j < n, bytes[j] == 0x2E, bytes[i] >= 0x41, bytes[i] <= 0x5A {
                    j += 1
                    while j + 1 < n, bytes[j] >= 0x41, bytes[j] <= 0x5A, bytes[j + 1] == 0x2E { j += 2 }
                }
                tokens.append(TaggerToken(start: i, end: j, kind: TaggerToken.word))
                i = j
                continue
            }
            if let end = cliticEnd(bytes, i) {
                tokens.append(TaggerToken(start: i, end: end, kind: TaggerToken.clitic))
                i = end
                continue
            }
            if b < 0x80 {
                var j = i + 1
                while j < n, bytes[j] == b { j += 1 }
                tokens.append(TaggerToken(start: i, end: j, kind: TaggerToken.punct))
                i = j
                continue
            }
            let end = min(i + width(b), n)
            tokens.append(TaggerToken(start: i, end: end, kind: TaggerToken.symbol))
            i = end
        }
        return tokens
    }

    // MARK: token analysis

    /// Tokens with their case, shape, affixes and list memberships.
    package func analyse(_ bytes: UnsafeBufferPointer<UInt8>) -> [TaggerToken] {
        var tokens = NameFeatures.tokenize(bytes)
        var lead = true
        for k in tokens.indices {
            describe(&tokens[k], bytes, previousEnd: k > 0 ? tokens[k - 1].end : -1, previousKind: k > 0 ? tokens[k - 1].kind : 255,
                     previousByte: k > 0 ? bytes[tokens[k - 1].start] : 0)
            // Position: first token, right after leading @handles / RT / punctuation, early, later.
            tokens[k].position = k == 0 ? 0 : lead ? 1 : k < 4 ? 2 : 3
            let kind = tokens[k].kind
            if !(kind == TaggerToken.handle || kind == TaggerToken.punct || tokens[k].lower == NameFeatures.rtHash) { lead = false }
        }
        return tokens
    }

    private func describe(_ t: inout TaggerToken, _ bytes: UnsafeBufferPointer<UInt8>, previousEnd: Int, previousKind: UInt8, previousByte: UInt8) {
        // Sentence start: first token, a line break before it, or after . ! ? : ; or a quote.
        if previousEnd < 0 {
            t.sentenceStart = true
        } else {
            var newline = false
            for j in previousEnd..<t.start where bytes[j] == 0x0A { newline = true }
            t.sentenceStart = newline || (previousKind == TaggerToken.punct && NameFeatures.endsSentence(previousByte))
        }
        // Lower-cased hash, affixes, shape and case, in one pass over the scalars.
        let body = t.kind == TaggerToken.handle || t.kind == TaggerToken.hashtag ? t.start + 1 : t.start
        var h = NameFeatures.fnvOffset
        var count = 0
        var p1: UInt64 = 0, p2: UInt64 = 0, p3: UInt64 = 0
        var shape = NameFeatures.fnvOffset
        var lastClass: UInt8 = 0
        var shapeLength = 0
        var upper = 0, lower = 0, caseless = 0, firstUpper = false, letters = 0
        var i = t.start
        let slice = UnsafeBufferPointer(rebasing: bytes[t.start..<t.end])
        // Hash of the lower-cased bytes; first three lower-cased bytes kept for prefixes.
        NameFeatures.forEachLowered(slice) { b in
            h = NameFeatures.fnvByte(h, b)
            count += 1
            if count == 1 { p1 = h } else if count == 2 { p2 = h } else if count == 3 { p3 = h }
        }
        if count < 2 { p2 = h }
        if count < 3 { p3 = h }
        t.lower = h
        t.pre1 = p1; t.pre2 = p2; t.pre3 = p3
        // Suffixes: hashes of the last 1-3 lower-cased bytes.
        var last0: UInt8 = 0, last1: UInt8 = 0, last2: UInt8 = 0
        var seen = 0
        NameFeatures.forEachLowered(slice) { b in last0 = last1; last1 = last2; last2 = b; seen += 1 }
        var s = NameFeatures.fnvOffset
        s = NameFeatures.fnvByte(s, last2); t.suf1 = s
        s = NameFeatures.fnvByte(NameFeatures.fnvByte(NameFeatures.fnvOffset, last1), last2); t.suf2 = seen >= 2 ? s : t.suf1
        s = NameFeatures.fnvByte(NameFeatures.fnvByte(NameFeatures.fnvByte(NameFeatures.fnvOffset, last0), last1), last2); t.suf3 = seen >= 3 ? s : t.suf2
        // Shape: X upper, x lower, d digit, o caseless letter, other bytes as they are; runs collapsed.
        var scalars = 0
        while i < t.end {
            let b = bytes[i]
            let w = NameFeatures.width(b)
            var cls: UInt8
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { cls = 0x58 } else if b >= 0x61 && b <= 0x7A { cls = 0x78 } else if NameFeatures.isDigit(b) { cls = 0x64 } else { cls = b }
            } else if i + 1 < t.end {
                let c = bytes[i + 1]
                switch b {
                case 0xC3: cls = c <= 0x9E ? 0x58 : 0x78
                case 0xC4, 0xC5: cls = (c & 1) == 0 ? 0x58 : 0x78
                case 0xCE: cls = c >= 0x86 && c <= 0xAB ? 0x58 : 0x78
                case 0xCF: cls = 0x78
                case 0xD0: cls = c <= 0xAF ? 0x58 : 0x78
                case 0xD1: cls = 0x78
                case 0xE2 where c == 0x80: cls = 0x27   // ’ and other general punctuation
                default: cls = NameFeatures.isLetterLead(bytes, i) ? 0x6F : 0x73
                }
            } else {
                cls = 0x73
            }
            if i >= body {
                if cls == 0x58 { upper += 1; if letters == 0 { firstUpper = true }; letters += 1 }
                else if cls == 0x78 { lower += 1; letters += 1 }
                else if cls == 0x6F { caseless += 1; letters += 1 }
            }
            if cls != lastClass, shapeLength < 8 { shape = NameFeatures.fnvByte(shape, cls); shapeLength += 1; lastClass = cls }
            scalars += 1
            i += w
        }
        t.shape = shape
        t.length = UInt8(min(scalars, 255))
        if letters == 0 { t.caseClass = 0 }
        else if caseless == letters { t.caseClass = 6 }
        else if upper == 0 { t.caseClass = 1 }
        else if upper == 1 && letters == 1 { t.caseClass = 4 }
        else if firstUpper && upper == 1 { t.caseClass = 2 }
        else if lower == 0 { t.caseClass = 3 }
        else { t.caseClass = 5 }
        // Lists.
        if t.kind == TaggerToken.word {
            if let code = clusters[h] { t.cluster = code }
            if firstNames.contains(h) { t.lists |= 1 }
            if surnames.contains(h) { t.lists |= 2 }
            if commonWords.contains(h) { t.lists |= 4 }
        } else {
            t.cluster = 0xFF00 | UInt16(t.kind)
            if t.kind == TaggerToken.handle || t.kind == TaggerToken.hashtag {
                t.handleBits = handleBits(UnsafeBufferPointer(rebasing: bytes[(t.start + 1)..<t.end]))
            }
        }
    }

    /// What an @handle's or #hashtag's body spells: bit 0 the whole body is a first name, 1 a
    /// surname, 2 its first word (camelCase, _ or digits split) is a first name, 3 its last word a
    /// surname, 4 a lower-case run splits into first name + surname, 5 the first word is a common
    /// word, 6 it has digits, 7 it has more than one word.
    func handleBits(_ body: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var bits: UInt8 = 0
        let whole = NameFeatures.lowerHash(body)
        if firstNames.contains(whole) { bits |= 1 }
        if surnames.contains(whole) { bits |= 2 }
        // Split into words (camelCase, _ or digits); only the first and last word and the count
        // matter, so no list of pieces is built.
        var first: Range<Int>?, last: Range<Int>?, pieceCount = 0
        func piece(_ range: Range<Int>) {
            if first == nil { first = range }
            last = range
            pieceCount += 1
        }
        var start = -1
        for i in 0..<body.count {
            let b = body[i]
            let letter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            if NameFeatures.isDigit(b) { bits |= 64 }
            if !letter {
                if start >= 0 { piece(start..<i); start = -1 }
                continue
            }
            if start >= 0, b >= 0x41, b <= 0x5A, i > 0, body[i - 1] >= 0x61, body[i - 1] <= 0x7A {
                piece(start..<i); start = i
            }
            if start < 0 { start = i }
        }
        if start >= 0 { piece(start..<body.count) }
        if pieceCount > 1 { bits |= 128 }
        if let first {
            let h = NameFeatures.lowerHash(UnsafeBufferPointer(rebasing: body[first]))
            if first.count >= 3, firstNames.contains(h) { bits |= 4 }
            if commonWords.contains(h) { bits |= 32 }
        }
        if let last, pieceCount > 1, last.count >= 3, surnames.contains(NameFeatures.lowerHash(UnsafeBufferPointer(rebasing: body[last]))) { bits |= 8 }
        if pieceCount == 1, let only = first, only.count >= 6, only.count <= 24 {
            for cut in (only.lowerBound + 3)...(only.upperBound - 3) {
                if firstNames.contains(NameFeatures.lowerHash(UnsafeBufferPointer(rebasing: body[only.lowerBound..<cut]))),
                   surnames.contains(NameFeatures.lowerHash(UnsafeBufferPointer(rebasing: body[cut..<only.upperBound]))) {
                    bits |= 16
                    break
                }
            }
        }
        return bits
    }

    /// Shouting, title case and English-ness of the whole text.
    package func documentFlags(_ tokens: [TaggerToken]) -> DocumentFlags {
        var words = 0, upper = 0, capitalised = 0, common = 0
        for t in tokens where t.kind == TaggerToken.word && t.length >= 2 && t.caseClass != 0 {
            words += 1
            if t.caseClass == 3 { upper += 1 }
            if t.caseClass == 2 { capitalised += 1 }
            if t.lists & 4 != 0 { common += 1 }
        }
        var flags = DocumentFlags()
        guard words > 0 else { return flags }
        flags.shout = words >= 2 && upper * 10 >= words * 6
        flags.title = words >= 3 && capitalised * 10 >= words * 6
        flags.english = common * 4 < words ? 0 : common * 2 < words ? 1 : 2
        return flags
    }

    // MARK: features

    /// Rows of the token-level features of token `i` (everything but previous tags); returns the count.
    @inline(__always)
    package func staticRows(_ tokens: [TaggerToken], _ i: Int, _ doc: DocumentFlags, _ bytes: UnsafeBufferPointer<UInt8>,
                    into out: UnsafeMutablePointer<Int>) -> Int {
        let t = tokens[i]
        let none: UInt64 = 0x5EED  // "no token here" value for neighbours
        let p1 = i > 0 ? tokens[i - 1] : nil
        let p2 = i > 1 ? tokens[i - 2] : nil
        let n1 = i + 1 < tokens.count ? tokens[i + 1] : nil
        let n2 = i + 2 < tokens.count ? tokens[i + 2] : nil
        let sig = t.sig
        let caseLists = UInt64(t.caseClass) | UInt64(t.lists) << 3
        let lengthBucket: UInt64 = t.length <= 4 ? UInt64(t.length) : t.length <= 6 ? 5 : t.length <= 9 ? 6 : 7
        let position = UInt64(t.position)
        var n = 0
        @inline(__always) func add(_ template: UInt8, _ value: UInt64) { out[n] = NameFeatures.row(template, value); n += 1 }
        add(0, 0)                                               // bias
        add(1, t.lower)                                         // word
        add(2, t.shape)                                         // shape
        add(3, t.pre1); add(4, t.pre2); add(5, t.pre3)         // prefixes
        add(6, t.suf1); add(7, t.suf2); add(8, t.suf3)         // suffixes
        add(9, caseLists)                                       // lists × case
        add(10, UInt64(t.lists))                                // lists
        add(11, UInt64(t.caseClass) | UInt64(t.kind) << 3 | lengthBucket << 6)
        add(12, p1?.lower ?? none)                              // previous word
        add(13, n1?.lower ?? none)                              // next word
        add(14, p2?.lower ?? none)                              // word before that
        add(15, n2?.lower ?? none)                              // word after next
        add(16, p1?.sig ?? none)                                // previous token summary
        add(17, n1?.sig ?? none)                                // next token summary
        add(18, NameFeatures.mix(p1?.sig ?? none, sig))
        add(19, NameFeatures.mix(sig, n1?.sig ?? none))
        add(20, NameFeatures.mix(p1?.lower ?? none, sig))       // "dr" + Capitalised
        add(21, NameFeatures.mix(sig, n1?.lower ?? none))       // Capitalised + "said"
        add(22, position << 8 | sig)
        add(23, (t.sentenceStart ? 1 : 0) << 16 | sig)
        add(24, doc.code << 16 | caseLists)                     // shouting, title case, English-ness × case × lists
        add(25, NameFeatures.mix(doc.code, t.shape))
        add(26, UInt64(doc.english) << 16 | sig)
        add(27, (doc.shout ? 1 : 0) << 16 | sig)
        add(28, NameFeatures.mix(NameFeatures.mix(p1?.sig ?? none, sig), n1?.sig ?? none))
        add(29, NameFeatures.mix(p2?.sig ?? none, p1?.sig ?? none))
        add(30, NameFeatures.mix(n1?.sig ?? none, n2?.sig ?? none))
        add(31, (t.sentenceStart ? 1 : 0) << 32 | t.lower)
        add(32, NameFeatures.mix(p1?.lower ?? none, n1?.lower ?? none))   // the words around
        add(33, NameFeatures.mix(NameFeatures.mix(p1?.shape ?? none, t.shape), n1?.shape ?? none))
        add(34, NameFeatures.mix(doc.code, t.lower))
        add(35, NameFeatures.mix(p1?.suf3 ?? none, sig))
        add(36, NameFeatures.mix(sig, n1?.suf3 ?? none))
        if t.kind == TaggerToken.handle || t.kind == TaggerToken.hashtag {
            let hb = UInt64(t.handleBits) | UInt64(t.kind) << 8
            add(40, hb)
            add(41, hb | position << 16)
            add(42, NameFeatures.mix(hb, n1?.lower ?? none))
            add(43, NameFeatures.mix(hb, p1?.lower ?? none))
            add(44, hb | UInt64(doc.english) << 16)
        }
        // Learned word classes (none when the weights carry no classes: then these rows are unused).
        if !clusters.isEmpty {
            // A word the classes do not hold has no class of its own (it is rare in the training
            // texts and common in any text read later: a feature for it would learn the training
            // texts' rarities); nor has a listed first name, whose class is its other sense's
            // ("Hope", "Grace", "bobby" fall in with ordinary words). Neighbours' classes still count.
            if t.cluster != NameFeatures.unclustered, t.lists & 1 == 0 {
                add(60, t.fineClass)                                            // the word's class
                add(61, t.coarseClass << 8 | caseLists)                        // its coarse class × case × lists
                add(66, t.fineClass << 8 | UInt64(t.caseClass))
                add(67, NameFeatures.mix(NameFeatures.mix(p1?.coarseClass ?? none, t.coarseClass), n1?.coarseClass ?? none))
            }
            add(62, p1?.fineClass ?? none)                                      // the classes around
            add(63, n1?.fineClass ?? none)
            add(64, NameFeatures.mix(p1?.coarseClass ?? none, sig))
            add(65, NameFeatures.mix(sig, n1?.coarseClass ?? none))
        }
        _ = bytes
        return n
    }

    static let rtHash = NameFeatures.lowerHash(Array("rt".utf8)[...])
    /// The word value of a word forgotten in training (`TaggerToken.forgetWord`): no word's bytes hash to it.
    static let unknownWord = NameFeatures.lowerHash(Array("\u{0}unknown".utf8)[...])

    /// Rows of the features that depend on the tags already chosen; returns the count.
    @inline(__always)
    package static func dynamicRows(_ tokens: [TaggerToken], _ i: Int, prev: UInt8, prev2: UInt8, into out: UnsafeMutablePointer<Int>) -> Int {
        let t = tokens[i]
        let next = i + 1 < tokens.count ? tokens[i + 1].sig : 0x5EED
        let p = UInt64(prev)
        out[0] = row(50, p)
        out[1] = row(51, p | UInt64(prev2) << 8)
        out[2] = row(52, mix(p, t.lower))
        out[3] = row(53, p << 32 | t.sig)
        out[4] = row(54, mix(p << 32 | t.sig, next))
        out[5] = row(55, mix(p, t.shape))
        return 6
    }
}
