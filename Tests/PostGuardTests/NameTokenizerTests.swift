// The name detector's byte paths (issue 12) change nothing: ASCII chunks read by bytes give the
// tokens of the scalar path, the merged list table answers as the three lists do, and the word
// lists read by bytes are the lines `ByteText.lines` gives. Proved on every fixture and corpus text.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardDetectors
@testable import PostGuardCatalog

@Suite("Name detector: byte tokenizer and list table")
struct NameTokenizerTests {
    let lists = Detector(library: shippedLibrary).names

    /// Fixture texts and texts on the tokenizer's edges: possessives, initials, hyphens and
    /// apostrophes, honorifics with dots, links, handles, capitals, non-ASCII words beside ASCII ones.
    var texts: [String] {
        fixtureTexts + [
            "Maria's room; MARIA'S; Ma's; a's s's 's Jo'S", "Jamie R. Ortiz, J.R. Smith, Dr. Kim and Mr.Lee", "R.",
            "Lopez-Garcia -Lopez Lopez- O'Brien o'brien d'Angelo 'quoted'", "www.example.org http://x.y WWW.X.COM a@b.c @marialopez #PrayForJamie",
            "ANDERSON, PAUL\nanderson paul", "José Núñez y María; Zoë's; Ana/Luis", "a\tb\r\nc  d", "",
            "Tom and Priya Shah & Mike & Debbie Sorensen", "x-ray X-Ray X-RAY I I'm", "ÉMILE Émile émile", "naïve café Zürich",
        ]
    }

    @Test("ASCII chunks read by bytes give the scalar path's tokens and the same names, on every fixture text")
    func byteTokensEqualScalarTokens() {
        let bytesPath = NameDetector(lists: lists)
        var scalarPath = NameDetector(lists: lists)
        scalarPath.readsASCIIByBytes = false
        var compared = 0
        for text in texts {
            text.withUTF8Bytes { bytes in
                var handlesA: [NameDetector.Hit] = [], handlesB: [NameDetector.Hit] = []
                let a = bytesPath.tokenize(bytes, offset: 0, handles: &handlesA)
                let b = scalarPath.tokenize(bytes, offset: 0, handles: &handlesB)
                #expect(a == b, "\(text.prefix(60).debugDescription)")
                #expect(handlesA == handlesB)
                #expect(bytesPath.hits(in: bytes, body: 0) == scalarPath.hits(in: bytes, body: 0))
                compared += a.count
            }
        }
        #expect(compared > 100_000)
    }

    @Test("The merged list table answers as the three lists' sets do, for every listed word, its decomposed form and every token")
    func listTableEqualsSets() throws {
        let table = try #require(lists.listBits)
        func words(_ file: String) throws -> Set<String> {
            WordFile.set(of: try String(contentsOf: rulesFolder.appendingPathComponent("data/\(file)"), encoding: .utf8))
        }
        // The lists as `Set<String>`s read from the files: what the table stands for (the rest of
        // the lists, the vocabulary, as they are).
        var bySets = lists
        // Names common since 1991 are first names for the rules too (not the tagger's hashes).
        bySets.firstNames = WordSet(try words("first-names.txt").union(try words("recent-first-names.txt")))
        bySets.surnames = WordSet(try words("surnames.txt"))
        bySets.commonWords = WordSet(try words("common-words.txt"))
        #expect(bySets.listBits == nil)
        let listed = bySets.firstNames.union(bySets.surnames).union(bySets.commonWords)
        #expect(table.count == listed.count)
        var asked = listed
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter }) { asked.insert(word.lowercased()) }
        }
        // Equal as `String`s are: a listed word written decomposed ("ngo\u{323}c") is the listed word.
        for word in listed where !word.utf8.allSatisfy({ $0 < 0x80 }) { asked.insert(word.decomposedStringWithCanonicalMapping) }
        asked.formUnion(["jose\u{301}", "\u{212A}ate", "zoe\u{308}", "ma\u{301}ria"])
        for word in asked {
            #expect(lists.bits(word) == bySets.bits(word), "\(word.debugDescription)")
        }
        // A detector over lists without the table finds the same names.
        let withTable = NameDetector(lists: lists), withSets = NameDetector(lists: bySets)
        for text in texts {
            text.withUTF8Bytes { bytes in #expect(withTable.hits(in: bytes, body: 0) == withSets.hits(in: bytes, body: 0)) }
        }
    }

    @Test("An institution's handle is told by bytes as Foundation's contains tells it")
    func institutionHandles() {
        var handles = ["@examplehealth", "@nightshiftcrew", "@kayla.runs.26", "@hopeclinic", "@maria_lopez", "@care", "@car", "@", "",
                       "@médcenter", "@cafe\u{301}care", "@nurs", "@NURSE".lowercased(), "@univ", "@un", "@official_news"]
        for text in fixtureTexts {
            for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("@") { handles.append(word.lowercased()) }
        }
        for handle in handles {
            #expect(NameDetector.namesInstitution(handle) == NameDetector.institutionParts.contains(where: { handle.contains($0) }), "\(handle)")
        }
    }

    @Test("Word lists read by bytes hold the lines ByteText.lines gives, on every data file and every kind of line break")
    func wordFileLines() throws {
        var texts = ["a\nb\n\nc\n", "", "\n\n", "one", "crlf\r\nline\r\n", "vt\u{0B}ff\u{0C}x", "nel\u{85}ls\u{2028}ps\u{2029}end",
                     "José\nZoë\n", "e\n\u{301}x", "no final line feed\nlast"]
        for file in ["first-names.txt", "surnames.txt", "common-words.txt", "us-places.txt", "vocabulary.txt"] {
            texts.append(try String(contentsOf: rulesFolder.appendingPathComponent("data/\(file)"), encoding: .utf8))
        }
        for text in texts {
            var lines: [String] = []
            WordFile.forEachLine(text) { lines.append(String(decoding: $0, as: UTF8.self)) }
            #expect(lines == ByteText.lines(text).map { String($0) }, "\(text.prefix(40).debugDescription)")
            #expect(WordFile.set(of: text) == Set(ByteText.lines(text).map { String($0) }))
        }
    }

    @Test("A word list read into its table answers as a Set of its lines would: every listed word, its other spellings (decomposed accents, case), and words it lacks")
    func wordListAsSet() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let vocabulary = try String(contentsOf: rulesFolder.appendingPathComponent("data/vocabulary.txt"), encoding: .utf8)
        let file = folder.appendingPathComponent("words.txt")
        try (vocabulary + "José\nZoe\u{308}\ncafé\n").write(to: file, atomically: true, encoding: .utf8)
        let set = Set(ByteText.lines(vocabulary + "José\nZoe\u{308}\ncafé\n").map { String($0) })
        let list = WordList(file: file)
        var asked = Array(set)
        asked += set.prefix(2_000).flatMap { [$0.uppercased(), $0.capitalized, $0 + "x", String($0.dropLast())] }
        asked += ["Jose\u{301}", "Zoë", "cafe\u{301}", "CAFÉ", "", "zzqxv", "qwertyuiop"]
        let differing = asked.filter { list.contains($0) != set.contains($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(list.contains("Jose\u{301}") && list.contains("Zoë") && !list.contains("zzqxv"))

        // Kept beside a rule cache: the first list builds the table and keeps it, the second reads it
        // back and answers the same; a changed file is not answered from the kept table.
        let cache = RuleCache(folder: folder.appendingPathComponent("cache"))
        let library = try RuleLibrary.load(from: rulesFolder, cache: cache)
        let attachment = try #require(library.cacheAttachment("vocabulary-test"))
        let cold = WordList(file: file, stored: attachment)
        #expect(cold.contains("José"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasPrefix("vocabulary-test-") }
        #expect(kept.count == 1)
        let warm = WordList(file: file, stored: attachment)
        #expect(asked.filter { warm.contains($0) != set.contains($0) }.isEmpty)
        try "zzqxv\n".write(to: file, atomically: true, encoding: .utf8)
        let changed = WordList(file: file, stored: attachment)
        #expect(changed.contains("zzqxv") && !changed.contains("José"))
    }
}

@Suite("Name detector: vowels by bytes")
struct VowelTests {
    @Test("A word's vowels found by bytes are those a Character search finds, for every word of the fixtures and both vowel lists")
    func vowelsAsCharacters() {
        var words = Set(fixtureTexts.flatMap { $0.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init) })
        words.formUnion(["grrr", "hmmm", "rhythm", "dctlsfqbnskd", "SHH", "Ünd", "mñç", "psst", "tsk\u{301}", "", "y"])
        #expect(words.count > 10_000)
        for vowels in [NameDetector.vowels, NameDetector.vowelsWithAcute] {
            let differing = words.filter { NameDetector.hasVowel($0, among: vowels) != $0.contains(where: { vowels.contains($0) }) }
            #expect(differing.isEmpty, "\(differing.prefix(5))")
        }
    }
}

@Suite("Rule keywords found in one pass")
struct KeywordSetTests {
    @Test("The keyword set finds each keyword exactly where a search for it alone does, on every fixture text")
    func keywordSetEqualsSearches() {
        let plan = Detector(library: shippedLibrary).fullPlan
        #expect(plan.keywords.count > 50)
        var found = 0
        for text in fixtureTexts + ["", "ROOM 4", "Sala 3, habitación", "ſtroke KELVIN \u{212A}"] {
            text.withUTF8Bytes { bytes in
                let lowered = ByteText.asciiLowercased(bytes)
                let together = plan.keywordSet.present(in: lowered)
                for (index, keyword) in plan.keywords.enumerated() where !keyword.isEmpty {
                    #expect(together[index] == ByteText.contains(lowered, keyword), "\(String(decoding: keyword, as: UTF8.self)) in \(text.prefix(40))")
                    if together[index] { found += 1 }
                }
            }
        }
        #expect(found > 1000)
    }
}
