// Detectors: the name lists and the gazetteer as tables of words → flag bits, kept beside the rule
// cache and used as they lie. Hashing 50,000 words into `Set<String>`s (and their hashes into the
// tagger's sets again) was a third of a one-draft check's start-up; reading these tables back is a
// checksum and a copy, with no work per word.
import Foundation
import PostGuardEngine
import PostGuardCatalog

/// Words → flag bits: an open-addressed hash table (linear probing) over the words' UTF-8 bytes,
/// in one byte array, the same bytes written to the cache and looked up in when read back.
///
/// Layout, numbers as 32-bit little-endian: the slot count (a power of two), the entry count, how
/// many entries have each of the 8 bits, the slots (0 empty, else 1 + the offset of an entry in the entries area), then the entries area:
/// each entry its flag bits (one byte), its length and its bytes.
///
/// Words are equal as Swift's `String`s are, by canonical equivalence: a word is stored as its NFC
/// bytes, and a word asked for is looked up by its bytes when they are NFC by construction (every
/// scalar below U+0300, which is every byte below 0xCC), else by its NFC form.
package struct WordTable: Sendable {
    package let bytes: [UInt8]
    let mask: Int
    let entriesStart: Int
    /// Entries in the table.
    package let count: Int
    /// Entries with each bit (bit 0 first).
    let bitCounts: [Int]

    /// A table of `words` (NFC bytes → bits).
    package init(_ words: [[UInt8]: UInt8]) {
        var builder = Builder(capacity: words.count)
        // In byte order, so the same words always give the same bytes.
        for word in words.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            word.withUnsafeBufferPointer { builder.insert($0, bits: words[word]!) }
        }
        self = builder.table()
    }

    init(bytes: [UInt8], slots: Int, count: Int, bitCounts: [Int]) {
        self.bytes = bytes
        mask = slots - 1
        entriesStart = WordTable.headerSize + slots * 4
        self.count = count
        self.bitCounts = bitCounts
    }

    /// Builds a table word by word, in place: the slots and entries as the table lays them out,
    /// a word already there getting the new bits too. Reading the lists into a dictionary of byte
    /// arrays first took three times as long as the `Set<String>`s it replaced.
    package struct Builder {
        var slots: [UInt32]
        var entries: [UInt8] = []
        var count = 0

        /// `capacity`: about how many words will be added (the table grows past it).
        package init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = [UInt32](repeating: 0, count: size)
            entries.reserveCapacity(capacity * 12)
        }

        /// Adds `word` with `bits`, keyed as `Set<String>.insert` would key it.
        package mutating func add(_ word: UnsafeBufferPointer<UInt8>, bits: UInt8) {
            if WordTable.isNFCByConstruction(word) { return insert(word, bits: bits) }
            var normal = WordTable.nfc(String(decoding: word, as: UTF8.self))
            normal.withUTF8 { insert($0, bits: bits) }
        }

        package mutating func add(_ word: String, bits: UInt8) {
            var word = word
            word.withUTF8 { add($0, bits: bits) }
        }

        /// Adds `word`, whose bytes are NFC.
        mutating func insert(_ word: UnsafeBufferPointer<UInt8>, bits: UInt8) {
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var slot = WordTable.hash(word) & mask
            while true {
                let offset = Int(slots[slot])
                if offset == 0 {
                    slots[slot] = UInt32(entries.count + 1)
                    entries.append(bits)
                    WordTable.append(UInt32(word.count), to: &entries)
                    entries.append(contentsOf: word)
                    count += 1
                    return
                }
                let entry = offset - 1
                let same = entries.withUnsafeBufferPointer { table in
                    Int(WordTable.number(table, entry + 1)) == word.count
                        && (word.isEmpty || memcmp(table.baseAddress! + entry + 5, word.baseAddress!, word.count) == 0)
                }
                if same {
                    entries[entry] |= bits
                    return
                }
                slot = (slot + 1) & mask
            }
        }

        private mutating func grow() { rehash(to: slots.count * 2) }

        private mutating func rehash(to size: Int) {
            let mask = size - 1
            var grown = [UInt32](repeating: 0, count: size)
            entries.withUnsafeBufferPointer { table in
                var entry = 0
                while entry < table.count {
                    let length = Int(WordTable.number(table, entry + 1))
                    var slot = WordTable.hash(UnsafeBufferPointer(rebasing: table[(entry + 5)..<(entry + 5 + length)])) & mask
                    while grown[slot] != 0 { slot = (slot + 1) & mask }
                    grown[slot] = UInt32(entry + 1)
                    entry += 5 + length
                }
            }
            slots = grown
        }

        package func table() -> WordTable {
            // As small as the words allow, whatever the capacity guessed: the file is checked and
            // copied on every run.
            var tight = 16
            while tight < count * 2 { tight <<= 1 }
            if tight < slots.count {
                var smaller = self
                smaller.rehash(to: tight)
                return smaller.table()
            }
            var bitCounts = [Int](repeating: 0, count: 8)
            var entry = 0
            while entry < entries.count {
                for bit in 0..<8 where entries[entry] & (1 << bit) != 0 { bitCounts[bit] += 1 }
                entry += 5 + Int(WordTable.number(entries, entry + 1))
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(WordTable.headerSize + slots.count * 4 + entries.count)
            WordTable.append(UInt32(slots.count), to: &bytes)
            WordTable.append(UInt32(count), to: &bytes)
            for number in bitCounts { WordTable.append(UInt32(number), to: &bytes) }
            slots.withUnsafeBytes { bytes += $0 }
            bytes += entries
            return WordTable(bytes: bytes, slots: slots.count, count: count, bitCounts: bitCounts)
        }
    }

    static let headerSize = 40

    /// The table in `bytes` as `init(_:)` wrote it, or nil when they do not hold one: every slot is
    /// checked to point at an entry that lies inside the bytes, so a lookup never reads outside them.
    package init?(stored bytes: [UInt8]) {
        guard bytes.count >= WordTable.headerSize else { return nil }
        let slots = Int(WordTable.number(bytes, 0)), count = Int(WordTable.number(bytes, 4))
        guard slots >= 16, slots & (slots - 1) == 0, count < slots, bytes.count >= WordTable.headerSize + slots * 4 else { return nil }
        let start = WordTable.headerSize + slots * 4
        var used = 0
        for slot in 0..<slots {
            let offset = Int(WordTable.number(bytes, WordTable.headerSize + slot * 4))
            guard offset != 0 else { continue }
            used += 1
            let entry = start + offset - 1
            guard entry + 5 <= bytes.count, entry + 5 + Int(WordTable.number(bytes, entry + 1)) <= bytes.count else { return nil }
        }
        guard used == count else { return nil }
        self.bytes = bytes
        mask = slots - 1
        entriesStart = start
        self.count = count
        bitCounts = (0..<8).map { Int(WordTable.number(bytes, 8 + 4 * $0)) }
    }

    /// The bits of `word`, whose bytes must be NFC (0 when it is not in the table).
    package func bits(nfc word: UnsafeBufferPointer<UInt8>) -> UInt8 {
        bytes.withUnsafeBufferPointer { table in
            var slot = WordTable.hash(word) & mask
            while true {
                let offset = Int(WordTable.number(table, WordTable.headerSize + slot * 4))
                if offset == 0 { return 0 }
                let entry = entriesStart + offset - 1
                let length = Int(WordTable.number(table, entry + 1))
                if length == word.count, memcmp(table.baseAddress! + entry + 5, word.baseAddress ?? table.baseAddress!, length) == 0 {
                    return table[entry]
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The bits of `word`, equal as `String`s are.
    package func bits(_ word: String) -> UInt8 {
        var word = word
        if let bits = word.withUTF8({ utf8 -> UInt8? in
            WordTable.isNFCByConstruction(utf8) ? self.bits(nfc: utf8) : nil
        }) { return bits }
        var normal = WordTable.nfc(word)
        return normal.withUTF8 { self.bits(nfc: $0) }
    }

    /// Every word with any of `bits`, in table order.
    package func words(with bits: UInt8) -> [String] {
        var words: [String] = []
        var entry = entriesStart
        while entry < bytes.count {
            let length = Int(WordTable.number(bytes, entry + 1))
            if bytes[entry] & bits != 0 { words.append(String(decoding: bytes[(entry + 5)..<(entry + 5 + length)], as: UTF8.self)) }
            entry += 5 + length
        }
        return words
    }

    /// How many words have `bit` (a single bit).
    package func count(with bit: UInt8) -> Int {
        bitCounts[bit.trailingZeroBitCount & 7]
    }

    /// Adds `word` with `bits` to a table being built, as `Set<String>.insert` would key it.
    package static func add(_ word: UnsafeBufferPointer<UInt8>, bits: UInt8, to words: inout [[UInt8]: UInt8]) {
        let key = isNFCByConstruction(word) ? Array(word) : Array(nfc(String(decoding: word, as: UTF8.self)).utf8)
        words[key, default: 0] |= bits
    }

    package static func add(_ word: String, bits: UInt8, to words: inout [[UInt8]: UInt8]) {
        var word = word
        word.withUTF8 { add($0, bits: bits, to: &words) }
    }

    /// Every scalar below U+0300 (no byte 0xCC or above): such text is NFC whatever it holds, since
    /// no character below U+0300 decomposes or combines with the one before it.
    static func isNFCByConstruction(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0xCC }
    }

    /// Swift's `String` equality is canonical equivalence, so NFC bytes stand for a word.
    static func nfc(_ word: String) -> String { word.precomposedStringWithCanonicalMapping }

    /// 64-bit FNV-1a, folded to an index.
    @inline(__always) static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always) static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always) static func number(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes.withUnsafeBufferPointer { number($0, at) }
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        // Byte by byte: an array literal of the four was allocated and freed for every word, a
        // third of building the 160,000-word vocabulary's table.
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8 & 0xFF))
        bytes.append(UInt8(value >> 16 & 0xFF))
        bytes.append(UInt8(value >> 24))
    }
}

/// One list of a `WordTable` (the words with `bit`), or a set of words given by hand: what the
/// name lists and the gazetteer were as `Set<String>`s, asked the same questions.
public struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    enum Storage: Sendable {
        case words(Set<String>)
        case table(WordTable, bit: UInt8)
    }
    let storage: Storage

    public init(_ words: Set<String> = []) { storage = .words(words) }
    public init(arrayLiteral words: String...) { storage = .words(Set(words)) }
    package init(table: WordTable, bit: UInt8) { storage = .table(table, bit: bit) }

    public func contains(_ word: String) -> Bool {
        switch storage {
        case .words(let words): return words.contains(word)
        case .table(let table, let bit): return table.bits(word) & bit != 0
        }
    }

    public var isEmpty: Bool { count == 0 }

    public var count: Int {
        switch storage {
        case .words(let words): return words.count
        case .table(let table, let bit): return table.count(with: bit)
        }
    }

    /// The words as a set (listing a table's words builds one: for tests and tools, not scans).
    public var set: Set<String> {
        switch storage {
        case .words(let words): return words
        case .table(let table, let bit): return Set(table.words(with: bit))
        }
    }

    public func makeIterator() -> Set<String>.Iterator { set.makeIterator() }

    public func union<S: Sequence>(_ other: S) -> Set<String> where S.Element == String { set.union(other) }
}

/// Word hashes (`NameFeatures.lowerHash`) → the name lists holding the word (bit 0 first name, 1
/// surname, 2 common word): the tagger's list features, one open-addressed table of flat arrays
/// instead of three `Set<UInt64>`s, so it is read from the cache by copying two arrays.
package struct ListHashes: Sendable {
    /// 0 marks an empty slot; a word whose hash is 0 has its bits in `zeroBits`.
    let keys: [UInt64]
    let bits: [UInt8]
    let zeroBits: UInt8

    /// Builds the table hash by hash, in place (see `WordTable.Builder`).
    package struct Builder {
        var keys: [UInt64]
        var bits: [UInt8]
        var zeroBits: UInt8 = 0
        var count = 0

        package init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            keys = [UInt64](repeating: 0, count: size)
            bits = [UInt8](repeating: 0, count: size)
        }

        package mutating func add(_ hash: UInt64, bits value: UInt8) {
            guard hash != 0 else { zeroBits |= value; return }
            if (count + 1) * 2 > keys.count {
                var grown = Builder(capacity: keys.count)
                for slot in keys.indices where keys[slot] != 0 { grown.add(keys[slot], bits: bits[slot]) }
                grown.zeroBits = zeroBits
                self = grown
            }
            let mask = keys.count - 1
            var slot = ListHashes.slot(hash, mask)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
            if keys[slot] == 0 { keys[slot] = hash; count += 1 }
            bits[slot] |= value
        }

        package var table: ListHashes {
            var tight = 16
            while tight < count * 2 { tight <<= 1 }
            guard tight < keys.count else { return ListHashes(keys: keys, bits: bits, zeroBits: zeroBits) }
            var smaller = Builder(capacity: tight / 2)
            for slot in keys.indices where keys[slot] != 0 { smaller.add(keys[slot], bits: bits[slot]) }
            smaller.zeroBits = zeroBits
            return smaller.table
        }
    }

    package init(_ hashes: [UInt64: UInt8]) {
        var slots = 16
        while slots < hashes.count * 2 { slots <<= 1 }
        var keys = [UInt64](repeating: 0, count: slots), bits = [UInt8](repeating: 0, count: slots)
        var zero: UInt8 = 0
        for (hash, value) in hashes.sorted(by: { $0.key < $1.key }) {
            guard hash != 0 else { zero = value; continue }
            var slot = ListHashes.slot(hash, slots - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (slots - 1) }
            keys[slot] = hash
            bits[slot] = value
        }
        self.keys = keys
        self.bits = bits
        zeroBits = zero
    }

    /// The hashes of three lists' words, as `NameFeatures` hashed each list's `Set<String>`.
    package init(firstNames: some Sequence<String>, surnames: some Sequence<String>, commonWords: some Sequence<String>) {
        var hashes: [UInt64: UInt8] = [:]
        for (words, bit) in [(Array(firstNames), UInt8(1)), (Array(surnames), 2), (Array(commonWords), 4)] {
            for var word in words { hashes[word.withUTF8 { NameFeatures.lowerHash($0) }, default: 0] |= bit }
        }
        self.init(hashes)
    }

    init(keys: [UInt64], bits: [UInt8], zeroBits: UInt8) {
        self.keys = keys
        self.bits = bits
        self.zeroBits = zeroBits
    }

    @inline(__always) static func slot(_ hash: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask }

    @inline(__always) package func lists(_ hash: UInt64) -> UInt8 {
        if hash == 0 { return zeroBits }
        let mask = keys.count - 1
        return keys.withUnsafeBufferPointer { keys in
            var slot = ListHashes.slot(hash, mask)
            while true {
                let key = keys[slot]
                if key == hash { return bits[slot] }
                if key == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Slot count, zero bits, the keys (64-bit little-endian) and the bits.
    func write(to out: inout [UInt8]) {
        WordTable.append(UInt32(keys.count), to: &out)
        out.append(zeroBits)
        keys.withUnsafeBytes { out += $0 }
        out += bits
    }

    /// What `write` wrote at `offset` (moved past it), or nil.
    static func read(_ bytes: [UInt8], at offset: inout Int) -> ListHashes? {
        guard offset + 5 <= bytes.count else { return nil }
        let slots = Int(WordTable.number(bytes, offset))
        guard slots >= 16, slots & (slots - 1) == 0, offset + 5 + slots * 9 <= bytes.count else { return nil }
        let zero = bytes[offset + 4]
        let start = offset + 5
        let keys = bytes.withUnsafeBytes { raw in
            [UInt64](unsafeUninitializedCapacity: slots) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + slots * 8)]))
                initialized = slots
            }
        }
        // A table with no empty slot would never end a miss's probe.
        guard keys.contains(0) else { return nil }
        let bits = Array(bytes[(start + slots * 8)..<(start + slots * 9)])
        offset = start + slots * 9
        return ListHashes(keys: keys.map { UInt64(littleEndian: $0) }, bits: bits, zeroBits: zero)
    }
}

/// A membership view of one list of `ListHashes`, asked as the tagger asked its `Set<UInt64>`s.
package struct HashList: Sendable {
    let table: ListHashes
    let bit: UInt8
    @inline(__always) func contains(_ hash: UInt64) -> Bool { table.lists(hash) & bit != 0 }
}
