// Policy: a learned second reader. The rules find what they have words for; a breach written in
// words no rule knows ("she finally went home to her boys after eleven days with us") passes them.
// This model has read about 13,000 documents other people wrote and labelled (the verdict sets in
// Fixtures/, patterned on real incidents) and 9,700 ordinary public posts, and scores how much a
// text reads like the breaches among them: a logistic regression over its words and word pairs,
// trained by `scripts/train-disclosure-model` (Sources/train-disclosure-model), its weights
// `Rules/data/disclosure-model.tsv`. It only ever raises a document the rules would pass to
// `review`, or to `block` above a surer threshold, and never touches a document under consent.
//
// Words outside its vocabulary are read by their shape only (<num>, <alnum>, <cap>, <oov>): the
// vocabulary is dictionary words seen in two or more training documents, so no name the training
// texts held is a feature, and a word's own spelling cannot decide a verdict alone.
import PostGuardDocuments
import PostGuardCatalog
import Foundation

public final class DisclosureModel: @unchecked Sendable {
    // @unchecked: `weights` is written once, under the lock, before any read of it.
    /// A model read: the score above which a document is raised, and each feature's weight.
    public struct Weights: Sendable {
        public var bias: Double
        /// Above it the model asks for a review.
        public var threshold: Double
        /// Above it the model is sure enough to block: left out of training, the sets' documents this
        /// high were breaches all but a few times in a thousand.
        public var blockThreshold: Double
        public var vocabulary: Set<String>
        public var features: [String: Double]

        public init(bias: Double, threshold: Double, blockThreshold: Double, vocabulary: Set<String>, features: [String: Double]) {
            self.bias = bias; self.threshold = threshold; self.blockThreshold = blockThreshold
            self.vocabulary = vocabulary; self.features = features
        }
    }

    /// The weights as the checks read them: keyed by a 64-bit FNV-1a hash of each word and feature, so
    /// loading makes no string per line (building 40,000 strings and their dictionary was a fifth of a
    /// one-draft check).
    struct Table: Equatable {
        var bias: Double
        var threshold: Double
        var blockThreshold: Double
        var vocabulary: HashSlots
        var features: HashSlots

        init(bias: Double, threshold: Double, blockThreshold: Double, vocabulary: Set<UInt64>, features: [UInt64: Double]) {
            self.bias = bias; self.threshold = threshold; self.blockThreshold = blockThreshold
            self.vocabulary = HashSlots(vocabulary.map { ($0, 0) }, weighted: false)
            self.features = HashSlots(features.map { ($0.key, $0.value) }, weighted: true)
        }

        init(bias: Double, threshold: Double, blockThreshold: Double, vocabulary: HashSlots, features: HashSlots) {
            self.bias = bias; self.threshold = threshold; self.blockThreshold = blockThreshold
            self.vocabulary = vocabulary; self.features = features
        }
    }

    private let file: URL?
    /// Where the rule cache keeps the table read from `file` (nil: no cache).
    private let stored: RuleCache.Attachment?
    private let lock = NSLock()
    private var loaded: Table??

    /// A model read lazily from `file` the first time a document asks (a run that never asks does
    /// not pay for it); no file, no model.
    public init(file: URL) { self.file = file; self.stored = nil }

    /// The same, keeping the table read from `file` beside the rule cache (`stored`, keyed by the
    /// file's bytes too): parsing 50,000 weights with `strtod` and hashing their features was four
    /// tenths of a warm one-draft check; the stored table is read back as numbers.
    package init(file: URL, stored: RuleCache.Attachment?) { self.file = file; self.stored = stored }

    public init(weights: Weights) {
        self.file = nil
        self.stored = nil
        self.loaded = .some(Table(bias: weights.bias, threshold: weights.threshold, blockThreshold: weights.blockThreshold,
                                  vocabulary: Set(weights.vocabulary.map { DisclosureModel.hash($0.utf8) }),
                                  features: Dictionary(weights.features.map { (DisclosureModel.featureHash($0.key), $0.value) },
                                                       uniquingKeysWith: { a, _ in a })))
    }

    var table: Table? {
        lock.lock()
        defer { lock.unlock() }
        if loaded == nil {
            loaded = .some(file.flatMap { try? Data(contentsOf: $0) }.flatMap { data in
                let kept = stored?.keyed(by: [[UInt8](data)])
                if let bytes = kept?.read(), let table = Table(stored: bytes) { return table }
                let table = data.withUnsafeBytes { DisclosureModel.table($0.bindMemory(to: UInt8.self)) }
                if let table, let kept { kept.write(table.stored) }
                return table
            })
        }
        return loaded!
    }

    /// Whether a model was read (a file that is missing or malformed is none).
    public var isAvailable: Bool { table != nil }

    /// A feature's key ("k=post", "u=word", "b=word word") as the table keys it: each token hashed
    /// on its own and the hashes mixed, so a check can key a feature from its words' hashes without
    /// building its text (tokens hold no space, so a pair splits at its one space).
    static func featureHash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { featureHash($0[...]) }
    }

    static func featureHash(_ utf8: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        let start = utf8.startIndex
        guard utf8.count >= 2, utf8[start + 1] == UInt8(ascii: "=") else { return hash(utf8) }
        let rest = utf8[(start + 2)...]
        switch utf8[start] {
        case UInt8(ascii: "u"): return unigram(hash(rest))
        case UInt8(ascii: "b"):
            guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else { return hash(utf8) }
            return bigram(hash(rest[..<space]), hash(rest[(space + 1)...]))
        default: return mix(3, hash(rest))
        }
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
        z = (z ^ (z >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return z ^ (z >> 29)
    }
    static func unigram(_ token: UInt64) -> UInt64 { mix(1, token) }
    static func bigram(_ first: UInt64, _ second: UInt64) -> UInt64 { mix(mix(2, first), second) }

    /// FNV-1a, 64 bits: the same on every machine and run (Swift's `Hasher` is seeded per process).
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// What the model says of a text: its score, and the words that weighed most toward a breach.
    public struct Reading: Sendable {
        public var score: Double
        public var raised: Bool
        /// Raised above the block threshold.
        public var sure: Bool = false
        /// Up to three features that pushed the score up most, as the words they are (lower-case
        /// words of the text only: a capitalised word may be a name, and messages are not masked).
        public var cues: [String]
    }

    public func read(_ text: String, kind: DocumentKind) -> Reading? {
        guard let weights = table else { return nil }
        var text = text
        let score = text.withUTF8 { DisclosureModel.score($0, kind: kind, weights) }
        guard score > weights.threshold else { return Reading(score: score, raised: false, cues: []) }
        // Raised (rare): the cues, from the features as text.
        let features = DisclosureModel.features(of: text, kind: kind) { weights.vocabulary.contains(DisclosureModel.hash($0.utf8)) }
        var contributions: [(String, Double)] = []
        for feature in features {
            guard let shown = feature.shownAs, let weight = weights.features[DisclosureModel.featureHash(feature.key)], weight > 0 else { continue }
            contributions.append((shown, weight))
        }
        contributions.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var cues: [String] = []
        for (words, _) in contributions where !cues.contains(words) && cues.count < 3 { cues.append(words) }
        return Reading(score: score, raised: true, sure: score > weights.blockThreshold, cues: cues)
    }

    /// The score of a text read by bytes: the features `features(of:kind:known:)` gives, keyed by
    /// hash without a string per word (an ASCII word is lower-cased and hashed as it is read; a word
    /// with other characters goes the `String` way). `DisclosureModelTests` proves both give the
    /// same score on every text of the fixtures.
    static func score(_ bytes: UnsafeBufferPointer<UInt8>, kind: DocumentKind, _ weights: Table) -> Double {
        var score = weights.bias
        var seen = Set<UInt64>(minimumCapacity: 64)
        func add(_ feature: UInt64) {
            if seen.insert(feature).inserted, let weight = weights.features[feature] { score += weight }
        }
        add(mix(3, hash(kind.rawValue.utf8)))
        var previous: UInt64?
        var index = 0
        while index < bytes.count {
            // One word: its bytes, whether all ASCII, its digit count, whether it opens with a capital.
            var end = index, scalars = 0, digits = 0, firstUpper = false, ascii = true
            var lowered: UInt64 = 0xcbf2_9ce4_8422_2325
            while end < bytes.count {
                let byte = bytes[end]
                if byte < 0x80 {
                    let isUpper = byte &- 0x41 < 26, isLower = byte &- 0x61 < 26, isDigit = byte &- 0x30 < 10
                    guard isUpper || isLower || isDigit || byte == 0x5F || byte == 0x27 else { break }
                    if isUpper, scalars == 0 { firstUpper = true }
                    if isDigit { digits += 1 }
                    lowered = (lowered ^ UInt64(isUpper ? byte | 0x20 : byte)) &* 0x100_0000_01b3
                    scalars += 1; end += 1
                } else {
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length where end + offset < bytes.count { value = value << 6 | UInt32(bytes[end + offset] & 0x3F) }
                    guard let scalar = Unicode.Scalar(value) else { break }
                    let properties = scalar.properties
                    guard properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                            || scalar == "’" else { break }
                    if properties.isUppercase, scalars == 0 { firstUpper = true }
                    if properties.numericType != nil { digits += 1 }
                    ascii = false
                    scalars += 1; end += length
                }
            }
            guard end > index else {
                // Not a word character: skip the whole scalar.
                let byte = bytes[index]
                index += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                continue
            }
            let word: UInt64
            if ascii { word = lowered } else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                word = hash(text.lowercased().replacingOccurrences(of: "’", with: "'").utf8)
            }
            index = end
            let token: UInt64
            if weights.vocabulary.contains(word) { token = word } else if digits == scalars { token = shapeNumber }
            else if digits > 0 { token = shapeAlphanumeric } else { token = firstUpper ? shapeCapitalised : shapeOther }
            add(unigram(token))
            if let previous { add(bigram(previous, token)) }
            previous = token
        }
        return score
    }

    static let shapeNumber = hash("<num>".utf8), shapeAlphanumeric = hash("<alnum>".utf8)
    static let shapeCapitalised = hash("<cap>".utf8), shapeOther = hash("<oov>".utf8)

    /// The score the slow way, from the features as text (the tests' oracle for `score`).
    public func slowScore(_ text: String, kind: DocumentKind) -> Double? {
        guard let weights = table else { return nil }
        return DisclosureModel.features(of: text, kind: kind) { weights.vocabulary.contains(DisclosureModel.hash($0.utf8)) }
            .reduce(weights.bias) { $0 + (weights.features[DisclosureModel.featureHash($1.key)] ?? 0) }
    }

    // MARK: - Features (shared with the trainer, so training and checking read a text alike)

    /// One word of a text: lower-cased, with ’ read as ', and whether it was written in lower case.
    public struct Word: Sendable, Hashable {
        public var text: String
        public var lowerCase: Bool
        public var digits: Int
        public var capitalised: Bool
    }

    /// The words of a text: runs of letters, digits, marks, `_` and apostrophes.
    public static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var upper = 0, digits = 0, firstUpper = false
        func flush() {
            guard !current.isEmpty else { return }
            let raw = String(current)
            words.append(Word(text: raw.lowercased().replacingOccurrences(of: "’", with: "'"), lowerCase: upper == 0,
                              digits: digits, capitalised: firstUpper))
            current = String.UnicodeScalarView(); upper = 0; digits = 0; firstUpper = false
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || scalar == "_" || scalar == "'" || scalar == "’" {
                if properties.isUppercase { if current.isEmpty { firstUpper = true }; upper += 1 }
                if properties.numericType != nil { digits += 1 }
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// A word as the model reads it: itself when the vocabulary holds it, else its shape.
    public static func token(_ word: Word, vocabulary: Set<String>) -> String {
        token(word) { vocabulary.contains($0) }
    }

    static func token(_ word: Word, known: (String) -> Bool) -> String {
        if known(word.text) { return word.text }
        if word.digits == word.text.unicodeScalars.count { return "<num>" }
        if word.digits > 0 { return "<alnum>" }
        return word.capitalised ? "<cap>" : "<oov>"
    }

    public struct Feature: Hashable, Sendable {
        public var key: String
        /// The words to quote in a message, when every word of the feature is a vocabulary word
        /// written in lower case.
        public var shownAs: String?
    }

    /// The document's features, once each in the order first met: its kind, each token and each pair
    /// of neighbouring tokens. A feature is quotable when one of its occurrences is.
    public static func features(of text: String, kind: DocumentKind, vocabulary: Set<String>) -> [Feature] {
        features(of: text, kind: kind) { vocabulary.contains($0) }
    }

    static func features(of text: String, kind: DocumentKind, known: (String) -> Bool) -> [Feature] {
        let words = DisclosureModel.words(of: text)
        let tokens = words.map { token($0, known: known) }
        func shown(_ index: Int) -> Bool { words[index].lowerCase && tokens[index] == words[index].text }
        var features: [Feature] = [Feature(key: "k=\(kind.rawValue)", shownAs: nil)]
        var position: [String: Int] = [:]
        func add(_ key: String, _ shownAs: String?) {
            if let at = position[key] {
                if features[at].shownAs == nil { features[at].shownAs = shownAs }
            } else {
                position[key] = features.count
                features.append(Feature(key: key, shownAs: shownAs))
            }
        }
        for index in tokens.indices {
            add("u=" + tokens[index], shown(index) ? tokens[index] : nil)
            if index > 0 {
                add("b=" + tokens[index - 1] + " " + tokens[index],
                    shown(index - 1) && shown(index) ? tokens[index - 1] + " " + tokens[index] : nil)
            }
        }
        return features
    }

    // MARK: - The weights file

    /// `Rules/data/disclosure-model.tsv`: `#` comment lines, then `bias`, `threshold`, `block`, `v WORD`
    /// (the vocabulary) and `f KEY WEIGHT` lines, tab-separated.
    public static func parse(_ text: String) -> Weights? {
        var bias: Double?, threshold: Double?, blockThreshold: Double?
        var vocabulary = Set<String>(), features: [String: Double] = [:]
        features.reserveCapacity(40_000)
        // By bytes: splitting 40,000 lines into `Character`s was most of a one-draft check's time.
        let tab = UInt8(ascii: "\t")
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: tab, maxSplits: 2, omittingEmptySubsequences: false)
            func string(_ index: Int) -> String { String(decoding: fields[index], as: UTF8.self) }
            func number(_ index: Int) -> Double? { Double(string(index)) }
            switch (fields.first.map { String(decoding: $0, as: UTF8.self) }, fields.count) {
            case ("bias", 2): bias = number(1)
            case ("threshold", 2): threshold = number(1)
            case ("block", 2): blockThreshold = number(1)
            case ("v", 2): vocabulary.insert(string(1))
            case ("f", 3):
                guard let weight = number(2) else { return nil }
                features[string(1)] = weight
            default: return nil
            }
        }
        guard let bias, let threshold, let blockThreshold, blockThreshold >= threshold else { return nil }
        return Weights(bias: bias, threshold: threshold, blockThreshold: blockThreshold, vocabulary: vocabulary, features: features)
    }

    /// The weights file read by bytes into the checks' table: the same lines `parse` accepts.
    static func table(_ bytes: UnsafeBufferPointer<UInt8>) -> Table? {
        var bias: Double?, threshold: Double?, blockThreshold: Double?
        var vocabulary = Set<UInt64>(), features: [UInt64: Double] = [:]
        features.reserveCapacity(40_000)
        var start = 0
        // A number by `strtod` on a terminated copy of its bytes: no string per line.
        func number(_ from: Int, _ to: Int) -> Double? {
            guard to > from, to - from < 40 else { return nil }
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 41) { buffer -> Double? in
                for offset in 0..<(to - from) { buffer[offset] = CChar(bitPattern: bytes[from + offset]) }
                buffer[to - from] = 0
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(buffer.baseAddress!, &end)
                return end == buffer.baseAddress! + (to - from) ? value : nil
            }
        }
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            guard end > start, bytes[start] != UInt8(ascii: "#") else { continue }
            var tabs: [Int] = []
            for index in start..<end where bytes[index] == 0x09 { tabs.append(index) }
            guard let first = tabs.first else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<first]), as: UTF8.self)
            switch (name, tabs.count) {
            case ("bias", 1): bias = number(first + 1, end)
            case ("threshold", 1): threshold = number(first + 1, end)
            case ("block", 1): blockThreshold = number(first + 1, end)
            case ("v", 1): vocabulary.insert(hash(bytes[(first + 1)..<end]))
            case ("f", 2):
                guard let weight = number(tabs[1] + 1, end) else { return nil }
                features[featureHash(bytes[(first + 1)..<tabs[1]])] = weight
            default: return nil
            }
        }
        guard let bias, let threshold, let blockThreshold, blockThreshold >= threshold else { return nil }
        return Table(bias: bias, threshold: threshold, blockThreshold: blockThreshold, vocabulary: vocabulary, features: features)
    }

    /// The weights file's text for `weights`, with `header` as its comment lines.
    public static func serialise(_ weights: Weights, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("bias\t\(weights.bias)")
        lines.append("threshold\t\(weights.threshold)")
        lines.append("block\t\(weights.blockThreshold)")
        lines += weights.vocabulary.sorted().map { "v\t" + $0 }
        lines += weights.features.keys.sorted().map { "f\t\($0)\t\(weights.features[$0]!)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DisclosureModel.Table {
    /// The table as the rule cache keeps it: the three thresholds, then the vocabulary's slots and
    /// the features' slots and weights as `HashSlots` lays them out, every number 64 bits
    /// little-endian (a weight by its bits, so it reads back exactly). Reading it back copies the
    /// arrays whole: building a set and a dictionary of 50,000 hashes was a fifteenth of a warm
    /// one-draft check.
    var stored: [UInt8] {
        var words: [UInt64] = [bias.bitPattern, threshold.bitPattern, blockThreshold.bitPattern]
        vocabulary.store(into: &words)
        features.store(into: &words)
        return words.withUnsafeBufferPointer { buffer in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(buffer.count * 8)
            for word in buffer { withUnsafeBytes(of: word.littleEndian) { bytes += $0 } }
            return bytes
        }
    }

    /// A table from `stored`'s bytes, or nil when they are not one (a damaged or older file).
    init?(stored bytes: [UInt8]) {
        guard bytes.count % 8 == 0, bytes.count >= 24 else { return nil }
        let table: DisclosureModel.Table? = bytes.withUnsafeBytes { raw in
            func word(_ index: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
            var at = 3
            guard let vocabulary = HashSlots(stored: raw, at: &at, weighted: false),
                  let features = HashSlots(stored: raw, at: &at, weighted: true), at * 8 == raw.count else { return nil }
            return DisclosureModel.Table(bias: Double(bitPattern: word(0)), threshold: Double(bitPattern: word(1)),
                                         blockThreshold: Double(bitPattern: word(2)), vocabulary: vocabulary, features: features)
        }
        guard let table else { return nil }
        self = table
    }
}

/// A set of 64-bit hashes, or a map from them to weights, as flat arrays: open addressing over a
/// power-of-two number of slots, each key at its low bits or the first free slot after (the keys
/// are hashes already mixed). Flat, so the rule cache stores it as it is and reads it back by
/// copying. Built from the keys in order, so the same keys always give the same slots.
struct HashSlots: Equatable {
    /// 0 marks a free slot; a key of 0 itself is `zero`.
    private(set) var keys: [UInt64]
    private(set) var weights: [Double]
    private(set) var zero: Double?
    let count: Int

    init(_ pairs: [(key: UInt64, weight: Double)], weighted: Bool) {
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        weights = weighted ? Array(repeating: 0, count: capacity) : []
        var count = 0
        for (key, weight) in pairs.sorted(by: { $0.key < $1.key }) {
            if key == 0 {
                if zero == nil { count += 1 }
                zero = weight
                continue
            }
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = key
            if weighted { weights[slot] = weight }
        }
        self.count = count
    }

    private func slot(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return slot }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool { key == 0 ? zero != nil : slot(key) != nil }

    subscript(key: UInt64) -> Double? {
        if key == 0 { return zero }
        return slot(key).map { weights[$0] }
    }

    /// Slots, count, a key-of-zero flag and its weight, the keys, then (weighted) the weights' bits.
    func store(into words: inout [UInt64]) {
        words += [UInt64(keys.count), UInt64(count), zero == nil ? 0 : 1, (zero ?? 0).bitPattern]
        words += keys
        words += weights.map(\.bitPattern)
    }

    /// What `store` wrote, from word `at` of `raw` (moved past it); nil when it is not whole.
    init?(stored raw: UnsafeRawBufferPointer, at: inout Int, weighted: Bool) {
        let words = raw.count / 8
        func word(_ index: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        guard at + 4 <= words else { return nil }
        let capacity = Int(truncatingIfNeeded: word(at)), count = Int(truncatingIfNeeded: word(at + 1))
        guard capacity >= 8, capacity <= words, capacity & (capacity - 1) == 0, count >= 0, count <= capacity / 2 + 1,
              at + 4 + capacity * (weighted ? 2 : 1) <= words else { return nil }
        zero = word(at + 2) == 0 ? nil : Double(bitPattern: word(at + 3))
        self.count = count
        at += 4
        func copy<T>(_ type: T.Type, from start: Int) -> [T] {
            let values = [T](unsafeUninitializedCapacity: capacity) { buffer, initialised in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[(start * 8)..<((start + capacity) * 8)]))
                initialised = capacity
            }
            return values
        }
        #if _endian(big)
        keys = copy(UInt64.self, from: at).map { UInt64(littleEndian: $0) }
        weights = weighted ? copy(UInt64.self, from: at + capacity).map { Double(bitPattern: UInt64(littleEndian: $0)) } : []
        #else
        keys = copy(UInt64.self, from: at)
        weights = weighted ? copy(Double.self, from: at + capacity) : []
        #endif
        at += capacity * (weighted ? 2 : 1)
        // The cache file's hash vouches for the bytes `store` wrote, at most half of them taken; a
        // free slot is still required, so no file, however made, can keep a lookup probing forever.
        guard keys.contains(0) else { return nil }
    }
}
