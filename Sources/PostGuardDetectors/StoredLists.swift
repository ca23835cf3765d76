// Detectors: reading the name lists and the gazetteer (Rules/data) once per data folder per process,
// from the tables an earlier run kept beside the rule cache when the lists are unchanged, else from
// the word files (and the tables kept for the next run).
import Foundation
import PostGuardEngine
import PostGuardCatalog

/// The name lists and the gazetteer, read once per data folder per process: a program (or a test)
/// that builds many detectors over one rule folder does not read 50,000 words each time.
final class SharedLists: @unchecked Sendable {
    // @unchecked: the dictionary is only touched under the lock; the values are immutable.
    static let cache = SharedLists()
    private let lock = NSLock()
    private var loaded: [String: (names: NameLists, places: PlaceLists)] = [:]

    /// `stored`: the rule cache's file for these tables (`ListTables.attachment`), nil without a cache.
    func lists(for folder: URL, stored: RuleCache.Attachment?) -> (names: NameLists, places: PlaceLists) {
        let key = folder.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let lists = loaded[key] { return lists }
        let lists = ListTables.load(folder, stored: stored)
        loaded[key] = lists
        return lists
    }
}

/// What the cache keeps of the word files: the three name lists as one `WordTable` (bits
/// `NameLists.first`, `surname`, `common`), the gazetteer as another (bit 1 a place, bit 2 a place
/// whose name is also a common word or a first name), the gazetteer's longest name in words, and
/// the tagger's `ListHashes`. The large `vocabulary.txt` and `capitalised-words.txt` stay out:
/// they are read only when a name needs them (`WordList`), which a short draft rarely does.
enum ListTables {
    /// `recent-first-names.txt` (names common since 1991) marks words as first names for the rules
    /// but not for the tagger, whose weights were trained on the other lists' hashes: a list the
    /// weights never saw would change its features without retraining.
    static let files = ["first-names.txt", "surnames.txt", "common-words.txt", "us-places.txt", "recent-first-names.txt"]
    static let place: UInt8 = 1, ambiguousPlace: UInt8 = 2

    static func load(_ folder: URL, stored: RuleCache.Attachment?) -> (names: NameLists, places: PlaceLists) {
        // Every file's bytes, read once: they key the stored tables and, when those do not fit, are
        // the lists. A file that is missing or not UTF-8 is an empty list, as it always was.
        let contents = files.map { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
        let kept = stored?.keyed(by: contents.map { $0.map { [UInt8]($0) } })
        if let bytes = kept?.read(), let lists = read(bytes, folder: folder, stored: stored) { return lists }
        let texts = contents.map { $0.flatMap { String(data: $0, encoding: .utf8) } }
        let lines = texts.prefix(3).reduce(0) { $0 + ($1?.utf8.count ?? 0) } / 7
        var words = WordTable.Builder(capacity: lines)
        var hashes = ListHashes.Builder(capacity: lines)
        for (index, bit) in [NameLists.first, NameLists.surname, NameLists.common].enumerated() {
            guard let text = texts[index] else { continue }
            WordFile.forEachLine(text) { line in
                words.add(line, bits: bit)
                // As the tagger hashed each word of the list's set: its bytes as the file has them.
                hashes.add(NameFeatures.lowerHash(line), bits: bit)
            }
        }
        if let text = texts[4] { WordFile.forEachLine(text) { line in words.add(line, bits: NameLists.first) } }
        var names = NameLists()
        names.use(words.table(), hashes: hashes.table)
        let places = PlaceLists.load(texts[3] ?? "", names: names)
        if let kept {
            var out: [UInt8] = []
            for table in [names.listBits!, places.table] {
                WordTable.append(UInt32(table.bytes.count), to: &out)
                out += table.bytes
            }
            WordTable.append(UInt32(places.longest), to: &out)
            names.listHashes!.write(to: &out)
            kept.write(out)
        }
        names.vocabulary = WordList(file: folder.appendingPathComponent("vocabulary.txt"), stored: stored?.named("vocabulary"))
        names.capitalisedWords = WordList(file: folder.appendingPathComponent("capitalised-words.txt"))
        names.countries = WordList(file: folder.appendingPathComponent("countries.txt"))
        names.nicknames = NicknameTable(file: folder.appendingPathComponent("nicknames.txt"))
        return (names, places)
    }

    /// The lists from what `load` kept, or nil when the bytes do not hold them.
    static func read(_ bytes: [UInt8], folder: URL, stored: RuleCache.Attachment?) -> (names: NameLists, places: PlaceLists)? {
        var offset = 0
        func table() -> WordTable? {
            guard offset + 4 <= bytes.count else { return nil }
            let length = Int(WordTable.number(bytes, offset))
            guard length <= bytes.count - offset - 4 else { return nil }
            defer { offset += 4 + length }
            return WordTable(stored: Array(bytes[(offset + 4)..<(offset + 4 + length)]))
        }
        guard let nameTable = table(), let placeTable = table(), offset + 4 <= bytes.count else { return nil }
        let longest = Int(WordTable.number(bytes, offset))
        offset += 4
        guard let hashes = ListHashes.read(bytes, at: &offset), offset == bytes.count else { return nil }
        var names = NameLists()
        names.use(nameTable, hashes: hashes)
        names.vocabulary = WordList(file: folder.appendingPathComponent("vocabulary.txt"), stored: stored?.named("vocabulary"))
        names.capitalisedWords = WordList(file: folder.appendingPathComponent("capitalised-words.txt"))
        names.countries = WordList(file: folder.appendingPathComponent("countries.txt"))
        names.nicknames = NicknameTable(file: folder.appendingPathComponent("nicknames.txt"))
        var places = PlaceLists()
        places.use(placeTable, longest: longest)
        return (names, places)
    }
}
