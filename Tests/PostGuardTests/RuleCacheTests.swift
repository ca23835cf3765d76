// The compiled rule cache (RuleCache) may only make start-up faster: a library read from it is the
// library built from the files, and any cache that does not fit them (corrupt, truncated, written
// for other files, in a folder that cannot be written) gives the same library and findings as none.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog
@testable import PostGuardDetectors

@Suite("Rule cache: the same library and findings as without it")
struct RuleCacheTests {
    /// Everything a scan uses from a library, in words: rules with their patterns, literals, keywords
    /// and context, the catalog, the problems, the lexicon's hashtag patterns and the ZIP3 table.
    /// A pattern's requirement in words: its sets of literals and its run of digits.
    func describe(_ requirement: RequiredLiterals.Requirement?) -> String {
        guard let requirement else { return "always" }
        let sets: [String] = requirement.literalSets.map { set in set.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",") }
        return sets.joined(separator: " & ") + " & \(requirement.digitRun) digits"
    }

    func fingerprint(_ library: RuleLibrary) -> [String] {
        var lines = library.rules.map { compiled in
            [compiled.rule.id, compiled.pack, compiled.entry.file, "\(compiled.rule.hashValue)",
             compiled.patterns.map(\.source).joined(separator: " | "),
             compiled.requiredLiterals.map(describe).joined(separator: " | "),
             compiled.keywords.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ","),
             compiled.requiredContext?.source ?? "-", compiled.excludedContext?.source ?? "-",
             compiledForm(compiled),
             // A lexicon group's own pattern, built from its terms (which the cache keeps).
             compiled.lazyPattern?.source ?? "-",
             "\(compiled.contextWindow)", compiled.detector?.rawValue ?? "-", compiled.lexiconGroup?.ruleID ?? "-"].joined(separator: " ¶ ")
        }
        lines += library.catalog.entries.map { "catalog \($0.id) \($0.file)" }
        lines += library.problems.map { "problem \($0)" }
        lines += (library.lexicon?.patterns ?? []).map { "hashtags \($0.source)" }
        if let stored = library.lexicon?.stored {
            lines += (stored.groups + stored.hashtagGroups).map { "term \($0.term) \($0.rule)" }
            let trie = stored.trie
            lines += ["trie \(trie.firstEdge) \(trie.edgeBytes) \(trie.edgeTargets) \(trie.terminal) \(trie.rootEdges)"]
        }
        lines += ["zip3 \(library.data.restrictedZip3.sorted())", "packs \(library.packs.map(\.file))"]
        return lines
    }

    /// What PCRE2 compiled for a rule: a pattern read back from the cache's stored code is the same.
    func compiledForm(_ compiled: CompiledRule) -> String {
        let patterns: [Pattern] = compiled.patterns + [compiled.requiredContext, compiled.excludedContext].compactMap { $0 }
        return patterns.map { pattern -> String in "\(pattern.options.rawValue) \(pattern.phiGroup ?? -1) \(pattern.gate)" }
            .joined(separator: " | ")
    }

    /// Findings on every rule's examples and on the labelled drafts.
    func findings(_ library: RuleLibrary) -> [String] {
        let detector = Detector(library: library)
        let scratch = MatchScratch()
        var texts = library.rules.flatMap { ($0.rule.examples?.match ?? []) + ($0.rule.examples?.noMatch ?? []) }
        texts += fixtureTexts.prefix(400)
        return texts.map { text in
            detector.detect(Document(source: "t", text: text), scratch: scratch).findings
                .map { "\($0.rule) \($0.span.map { "\($0.start)-\($0.end)" } ?? "-")" }.joined(separator: ";")
        }
    }

    func cacheFile(_ folder: URL) throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "cache" && $0.lastPathComponent.hasPrefix("rules-") }
        try #require(files.count == 1, "\(files)")
        return files[0]
    }

    @Test("Written on the first load, read on the next: the library and its findings are those of no cache")
    func warmEqualsNone() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        let none = try RuleLibrary.load(from: rulesFolder, cache: nil)
        let cold = try RuleLibrary.load(from: rulesFolder, cache: cache)
        let written = try cacheFile(cache.folder)
        let stamp = try FileManager.default.attributesOfItem(atPath: written.path)[.modificationDate] as? Date
        let warm = try RuleLibrary.load(from: rulesFolder, cache: cache)
        #expect(fingerprint(cold) == fingerprint(none))
        #expect(fingerprint(warm) == fingerprint(none))
        #expect(findings(warm) == findings(none))
        // A cache that fits is read, not rewritten.
        #expect(try FileManager.default.attributesOfItem(atPath: written.path)[.modificationDate] as? Date == stamp)
        // The cache really is used: the packs come from it.
        let stored = try #require(cache.read(root: rulesFolder.resolvingSymlinksInPath(), key: RuleCache.key(
            root: rulesFolder.resolvingSymlinksInPath(),
            files: RuleLibrary.yamlFiles(under: rulesFolder.resolvingSymlinksInPath()).map {
                (RuleLibrary.relativePath($0, to: rulesFolder.resolvingSymlinksInPath(), shownAs: "Rules"), FileManager.default.contents(atPath: $0.path))
            })))
        #expect(stored.packs.count == none.packs.count && !stored.literals.isEmpty && !stored.matchers.isEmpty)
        // Every rule pattern, context pattern and hashtag pattern is there as PCRE2 compiled it.
        let patterns = none.rules.reduce(0) { $0 + $1.patterns.count + ($1.requiredContext == nil ? 0 : 1) + ($1.excludedContext == nil ? 0 : 1) }
            + (none.lexicon?.patterns.count ?? 0)
        #expect(patterns > 300 && stored.storedPatterns?.remaining == patterns)
    }

    @Test("A corrupt, truncated or emptied cache file gives the library of no cache, and is rewritten", arguments: ["corrupt", "truncated", "empty", "header only"])
    func damagedCache(damage: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RuleCache(folder: folder)
        let none = try RuleLibrary.load(from: rulesFolder, cache: nil)
        _ = try RuleLibrary.load(from: rulesFolder, cache: cache)
        let file = try cacheFile(folder)
        let good = try Data(contentsOf: file)
        var bad: Data
        switch damage {
        case "corrupt":
            // Flip bytes in the middle of the JSON: a pattern or literal could change.
            bad = good
            for offset in stride(from: good.count / 2, to: min(good.count, good.count / 2 + 64), by: 3) { bad[offset] ^= 0x5A }
        case "truncated": bad = good.prefix(good.count * 2 / 3)
        case "empty": bad = Data()
        default: bad = good.prefix(RuleCache.magic.count + 33)
        }
        try bad.write(to: file)
        let loaded = try RuleLibrary.load(from: rulesFolder, cache: cache)
        #expect(fingerprint(loaded) == fingerprint(none))
        #expect(findings(loaded) == findings(none))
        // The damaged file is replaced by one that reads (its bytes may differ: JSON's key order).
        #expect(try Data(contentsOf: file) != bad)
        #expect(cache.read(root: rulesFolder.resolvingSymlinksInPath(), key: RuleCache.key(
            root: rulesFolder.resolvingSymlinksInPath(),
            files: RuleLibrary.yamlFiles(under: rulesFolder.resolvingSymlinksInPath()).map {
                (RuleLibrary.relativePath($0, to: rulesFolder.resolvingSymlinksInPath(), shownAs: "Rules"), FileManager.default.contents(atPath: $0.path))
            })) != nil)
    }

    @Test("A changed rule file is read from the file, not from the cache")
    func changedRuleFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: rulesFolder, to: rules)
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        _ = try RuleLibrary.load(from: rules, cache: cache)
        // The phone rule stops matching "617-555-0142" written with dashes: only the file says so.
        let contact = rules.appendingPathComponent("identifiers/contact.yaml")
        let text = try String(contentsOf: contact, encoding: .utf8)
        let phone = try #require(RuleLibrary.load(from: rules, cache: nil).rule(id: "phi.phone"))
        let first = try #require(phone.rule.patterns.first)
        let edited = text.replacingOccurrences(of: "  - id: phi.phone\n", with: "  - id: phi.phone\n    keywords: [nothing-like-this]\n")
        try #require(edited != text)
        try edited.write(to: contact, atomically: true, encoding: .utf8)
        let none = try RuleLibrary.load(from: rules, cache: nil)
        let loaded = try RuleLibrary.load(from: rules, cache: cache)
        #expect(fingerprint(loaded) == fingerprint(none))
        #expect(loaded.rule(id: "phi.phone")?.keywords == [Array("nothing-like-this".utf8)])
        #expect(loaded.rule(id: "phi.phone")?.rule.patterns.first == first)
        let detector = Detector(library: loaded)
        #expect(!detector.detect(Document(source: "t", text: "Call 617-555-0142"), scratch: MatchScratch()).findings.contains { $0.rule == "phi.phone" })
    }

    @Test("A cache folder that cannot be written changes nothing")
    func unwritableFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A file where the folder should be: nothing can be created under it.
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let cache = RuleCache(folder: blocker.appendingPathComponent("postguard"))
        let none = try RuleLibrary.load(from: rulesFolder, cache: nil)
        let loaded = try RuleLibrary.load(from: rulesFolder, cache: cache)
        #expect(fingerprint(loaded) == fingerprint(none))
    }

    @Test("Where the cache is: POSTGUARD_CACHE=off turns it off, else POSTGUARD_CACHE, XDG_CACHE_HOME, ~/.cache")
    func location() {
        #expect(RuleCache.standard(environment: ["POSTGUARD_CACHE": "off", "HOME": "/home/a"]) == nil)
        #expect(RuleCache.standard(environment: ["POSTGUARD_CACHE": "/tmp/c", "HOME": "/home/a"])?.folder.path == "/tmp/c")
        #expect(RuleCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"])?.folder.path == "/x/cache/postguard")
        #expect(RuleCache.standard(environment: ["HOME": "/home/a"])?.folder.path == "/home/a/.cache/postguard")
        // XDG requires an absolute path; none at all means no cache rather than one in the working directory.
        #expect(RuleCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"])?.folder.path == "/home/a/.cache/postguard")
        #expect(RuleCache.standard(environment: [:]) == nil)
    }

    @Test("The command: a first and a second run with the cache, a damaged cache and POSTGUARD_CACHE=off print the same report")
    func command() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = fixturesFolder.appendingPathComponent("drafts").path
        let arguments = ["check", "--format", "json", "--show-phi", "--fail-on", "never", drafts]
        let off = try runPostGuard(arguments, environment: ["POSTGUARD_CACHE": "off"])
        let cold = try runPostGuard(arguments, environment: ["POSTGUARD_CACHE": folder.path])
        let file = try cacheFile(folder)
        let warm = try runPostGuard(arguments, environment: ["POSTGUARD_CACHE": folder.path])
        try Data(try Data(contentsOf: file).prefix(500)).write(to: file)
        let damaged = try runPostGuard(arguments, environment: ["POSTGUARD_CACHE": folder.path])
        #expect(off.status == 0 && off.stdout.contains("\"findings\""), "\(off.stderr)")
        for run in [cold, warm, damaged] {
            #expect(run.status == off.status && run.stdout == off.stdout && run.stderr == off.stderr)
        }
        #expect(!FileManager.default.fileExists(atPath: rulesFolder.appendingPathComponent("rules.cache").path))
    }

    @Test("The approved replies kept beside the rule cache are what their YAML gives, problems included; a damaged file is read again from the YAML")
    func approvedReplies() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of Rules/ with a broken template besides the shipped ones.
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: rulesFolder, to: rules)
        try Data("""
            templates: extra
            replies:
              - id: test.broken
                lang: en
                when: a test
                text: "Call {nope}."
            """.utf8).write(to: rules.appendingPathComponent("policy/extra-templates.yaml"))
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        let library = try RuleLibrary.load(from: rules, cache: cache)
        let attachment = try #require(library.cacheAttachment("approved-replies"))
        let root = try #require(library.directory)
        let yaml = ReplyTemplates.load(rulesFolder: root)
        #expect(!yaml.templates.templates.isEmpty && yaml.problems.contains { $0.rule == "test.broken" })
        #expect(attachment.read() == nil)
        let first = Scanner.approvedReplies(root, stored: attachment)
        #expect(attachment.read() != nil)
        let second = Scanner.approvedReplies(root, stored: attachment)
        try Data("postguard rule cache\nnot a key".utf8).write(to: attachment.file)
        let damaged = Scanner.approvedReplies(root, stored: attachment)
        for loaded in [first, second, damaged] {
            #expect(loaded.templates.templates == yaml.templates.templates)
            #expect(loaded.problems.map(\.description) == yaml.problems.map(\.description))
        }
        // A changed pack file is a new key: nothing kept for the old one is read.
        try Data("\n".utf8).write(to: rules.appendingPathComponent("policy/extra-templates.yaml"))
        let changed = try RuleLibrary.load(from: rules, cache: cache)
        #expect(changed.cacheAttachment("approved-replies")?.read() == nil)
        #expect(Scanner.approvedReplies(root, stored: changed.cacheAttachment("approved-replies")).problems.isEmpty)
    }

    /// What the name lists and the gazetteer answer, for every word of the word files and of the
    /// fixtures: each word's list bits, place and ambiguous place, the tagger's list bits of its hash.
    func answers(_ lists: (names: NameLists, places: PlaceLists), words: [String]) -> [String] {
        let hashes = lists.names.listHashes ?? ListHashes(firstNames: lists.names.firstNames, surnames: lists.names.surnames,
                                                          commonWords: lists.names.commonWords)
        return ["longest \(lists.places.longest)", "names \(lists.names.firstNames.count) \(lists.names.surnames.count) \(lists.names.commonWords.count)",
                "places \(lists.places.places.count) \(lists.places.ambiguous.count)"]
            + words.map { word in
                var word = word
                let hash = word.withUTF8 { NameFeatures.lowerHash($0) }
                return "\(word) \(lists.names.bits(word)) \(lists.places.places.contains(word)) \(lists.places.ambiguous.contains(word)) \(hashes.lists(hash))"
            }
    }

    @Test("The name lists and gazetteer kept beside the rule cache answer as the word files do; a damaged file, or one kept for other lists, is read from the files again",
          arguments: ["intact", "corrupt", "truncated", "empty", "changed list"])
    func storedWordLists(damage: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: rulesFolder, to: rules)
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        let library = try RuleLibrary.load(from: rules, cache: cache)
        let data = try #require(library.directory).appendingPathComponent("data")
        let attachment = try #require(library.cacheAttachment("word-lists"))
        var words = fixtureTexts.flatMap { $0.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() } }
        for file in ListTables.files {
            words += ByteText.lines(try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8)).map { String($0).lowercased() }
        }
        words += ["salt lake city", "saint louis", "hope", "austin", "zzyzxname"]
        #expect(!FileManager.default.fileExists(atPath: attachment.file.path))
        let cold = ListTables.load(data, stored: attachment)
        let good = try Data(contentsOf: attachment.file)
        let stamp = try FileManager.default.attributesOfItem(atPath: attachment.file.path)[.modificationDate] as? Date
        var bad = good
        switch damage {
        case "corrupt":
            // Bytes flipped inside the tables: a word or its bits could change.
            for offset in stride(from: good.count / 2, to: min(good.count, good.count / 2 + 64), by: 3) { bad[offset] ^= 0x5A }
        case "truncated": bad = good.prefix(good.count * 2 / 3)
        case "empty": bad = Data()
        case "changed list":
            let names = data.appendingPathComponent("first-names.txt")
            try (try String(contentsOf: names, encoding: .utf8) + "zzyzxname\n").write(to: names, atomically: true, encoding: .utf8)
        default: break
        }
        if bad != good { try bad.write(to: attachment.file) }
        let fresh = ListTables.load(data, stored: nil)
        let warm = ListTables.load(data, stored: attachment)
        #expect(answers(warm, words: words) == answers(fresh, words: words))
        #expect(answers(cold, words: words) == answers(ListTables.load(data, stored: nil), words: words) || damage == "changed list")
        #expect(warm.names.listBits != nil && warm.names.listHashes != nil)
        if damage == "intact" {
            // The kept tables are read, not rebuilt or rewritten.
            #expect(try FileManager.default.attributesOfItem(atPath: attachment.file.path)[.modificationDate] as? Date == stamp)
        } else {
            #expect(try Data(contentsOf: attachment.file) != bad)
        }
        if damage == "changed list" { #expect(warm.names.bits("zzyzxname") & NameLists.first != 0) }
    }

    @Test("The tagger's list hashes are those of the lists' sets, hashed word by word as before")
    func listHashesEqualSets() throws {
        let data = rulesFolder.appendingPathComponent("data")
        let lists = ListTables.load(data, stored: nil).names
        let stored = try #require(lists.listHashes)
        var checked = 0
        for (file, bit) in [("first-names.txt", UInt8(1)), ("surnames.txt", 2), ("common-words.txt", 4)] {
            let set = WordFile.set(of: try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8))
            let hashes = Set(set.map { word in var word = word; return word.withUTF8 { NameFeatures.lowerHash($0) } })
            for word in fixtureTexts.flatMap({ $0.split(separator: " ").map(String.init) }) + Array(set) {
                var word = word
                let hash = word.withUTF8 { NameFeatures.lowerHash($0) }
                #expect((stored.lists(hash) & bit != 0) == hashes.contains(hash), "\(word)")
                checked += 1
            }
        }
        #expect(checked > 30_000)
    }

    struct Sample: Codable, Equatable {
        enum Kind: String, Codable { case one, two }
        var text: String
        var none: String?
        var some: Int?
        var numbers: [Int]
        var extremes: [Int64]
        var big: UInt64
        var ratio: Double
        var flags: [Bool]
        var kinds: [Kind]
        var nested: [String: [Sample]]
        var empty: [String]
    }

    @Test("The packs' binary form reads back as their JSON did: every pack and lexicon, and values at the edges")
    func binaryCoding() throws {
        let root = rulesFolder.resolvingSymlinksInPath()
        let files = RuleLibrary.yamlFiles(under: root).map {
            (RuleLibrary.relativePath($0, to: root, shownAs: "Rules"), FileManager.default.contents(atPath: $0.path))
        }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RuleCache(folder: folder)
        _ = try RuleLibrary.load(from: rulesFolder, cache: cache)
        let stored = try #require(cache.read(root: root, key: RuleCache.key(root: root, files: files)))
        #expect(stored.packs.count > 10 && !stored.lexicons.isEmpty)
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        let viaJSON = try JSONDecoder().decode(RuleCache.Contents.self, from: json.encode(stored))
        let viaBinary = try BinaryCoding.decode(RuleCache.Contents.self, from: BinaryCoding.encode(stored))
        #expect(try json.encode(viaBinary) == json.encode(viaJSON))
        #expect(viaBinary.packs.keys.sorted() == viaJSON.packs.keys.sorted())
        for (file, pack) in viaJSON.packs { #expect(viaBinary.packs[file]?.rules == pack.rules, "\(file)") }

        let leaf = Sample(text: "", none: nil, some: 0, numbers: [], extremes: [], big: 0, ratio: -0.0, flags: [], kinds: [], nested: [:], empty: [])
        let sample = Sample(text: "José \u{1F600} \\ \"q\"\n", none: nil, some: -7, numbers: [1, -1, Int.max, Int.min],
                            extremes: [Int64.min, Int64.max], big: UInt64.max, ratio: 0.1, flags: [true, false], kinds: [.two, .one],
                            nested: ["a": [leaf], "": []], empty: [])
        let bytes = try BinaryCoding.encode(sample)
        #expect(try BinaryCoding.decode(Sample.self, from: bytes) == sample)
        // Damaged bytes are an error, never a crash or a different value read as good.
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try BinaryCoding.decode(Sample.self, from: Array(bytes.prefix(cut))) }
        }
    }

    @Test("The gazetteer's table holds what sets of its keys held: every place, every ambiguous place, the longest name")
    func gazetteerEqualsSets() throws {
        let data = rulesFolder.appendingPathComponent("data")
        let lists = ListTables.load(data, stored: nil)
        var places = Set<String>(), ambiguous = Set<String>(), longest = 1
        for line in ByteText.lines(try String(contentsOf: data.appendingPathComponent("us-places.txt"), encoding: .utf8)) {
            let key = PlaceLists.key(String(line).split { $0 == " " || $0 == "-" || $0 == "." }.map(String.init))
            guard !key.isEmpty else { continue }
            places.insert(key)
            longest = max(longest, key.split(separator: " ").count)
            if lists.names.bits(key) & (NameLists.common | NameLists.first) != 0 { ambiguous.insert(key) }
        }
        #expect(places.count > 10_000 && !ambiguous.isEmpty)
        #expect(lists.places.places.count == places.count && lists.places.ambiguous.count == ambiguous.count)
        #expect(lists.places.longest == longest)
        let words = fixtureTexts.flatMap { $0.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
        for key in Array(places) + words + ["saint louis", "st louis", "fort worth", "san jose\u{301}"] {
            #expect(lists.places.places.contains(key) == places.contains(key), "\(key)")
            #expect(lists.places.ambiguous.contains(key) == ambiguous.contains(key), "\(key)")
        }
    }
}
