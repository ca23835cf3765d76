// The speed work's promise: nothing it skips or replaces changes a finding. Byte gates skip a
// pattern only where it cannot match; the lexicon's trie finds exactly what its PCRE2 alternation
// finds. Both are proved on every fixture and on the corpora copies in Fixtures/corpora.
// (How fast it runs is measured by scripts/bench, never asserted here.)
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardReport
@testable import PostGuardConsent

/// Every document text under Fixtures/ (drafts, labelled documents, hold-out, corpora), with the
/// alt text of attachments, as the readers give them.
let fixtureTexts: [String] = {
    var texts: [String] = []
    DocumentReader().read(paths: [fixturesFolder.path], document: { document in
        texts.append(document.text)
        texts += document.media.compactMap(\.alt).map { "[photo: \($0)]" }
    }, failure: { _ in })
    return texts
}()

/// Texts that sit on the edges of the lexicon's matching: case, plurals, white space, apostrophes,
/// hashtags and handles, Unicode letters and the characters PCRE2 folds specially.
let lexiconEdgeCases = [
    "BREAST CANCER and breast   cancers; Breast\tcancer.", "Crohn's, crohn’s, CROHNS", "diabetes_2 diabetes2 xdiabetes",
    "@diabetes #diabetes diabetes@ diabetes#", "cáncer de mama, CÁNCER DE MAMA", "ſtroke strokeſ STROKES strokess",
    "asthma\u{00A0}attack asthma\u{2003}attack asthma\nattack", "chemo-therapy chemotherapy chemotherapyday",
    "flu shots flu-shot FLU", "a broken arm; broken arms; broken armss", "ER visit, ER’s, the ER.",
    "diabetesé diabetes\u{0301} ádiabetes", "covid-19 COVID-19s covid19", "",
]

@Suite("Speed: gates and the lexicon trie change no finding")
struct SpeedTests {
    @Test("A gate (bytes, required literals) closes only where its pattern finds nothing, on every fixture and corpus text")
    func gatesOnlyOverApproximate() throws {
        let library = shippedLibrary
        var patterns: [(rule: String, pattern: Pattern, literals: RequiredLiterals.Requirement?)] = []
        for compiled in library.rules {
            patterns += compiled.patterns.map { (compiled.rule.id, $0, RequiredLiterals.requirement(of: $0.source)) }
        }
        for lazy in library.lexicon?.patterns ?? [] { patterns.append(("health lexicon (hashtags)", try lazy.pattern(), nil)) }
        #expect(patterns.count > 100)
        let scratch = MatchScratch()
        var closed = 0, wrong: [String] = []
        for text in fixtureTexts + lexiconEdgeCases {
            text.withUTF8Bytes { bytes in
                let present = ByteSet(of: bytes)
                let folded = LiteralSet.fold(bytes)
                let digitRun = RequiredLiterals.longestDigitRun(in: bytes)
                // Closed when one set of literals has none in the text, or the digits are too few in a row.
                func literalsAbsent(_ requirement: RequiredLiterals.Requirement?) -> Bool {
                    guard let requirement else { return false }
                    return requirement.literalSets.contains { set in !set.contains { ByteText.contains(folded, $0) } }
                        || requirement.digitRun > digitRun
                }
                for (rule, pattern, literals) in patterns
                where !pattern.gate.admits(present) || !pattern.gate.admits(length: bytes.count) || literalsAbsent(literals) {
                    closed += 1
                    var matched = false
                    try? pattern.forEachMatch(in: bytes, scratch: scratch) { _, _ in matched = true }
                    if matched { wrong.append("\(rule): \(text.prefix(80))") }
                }
            }
        }
        #expect(wrong.isEmpty, "gates closed on texts their pattern matches: \(wrong.prefix(5))")
        // The gates do skip work: most texts lack some byte a pattern needs (a digit, an '@', a '#').
        #expect(closed > fixtureTexts.count)
        // Most patterns name the literals they need (the rest always run).
        let named = patterns.filter { $0.literals?.literalSets.isEmpty == false }.count
        #expect(named * 2 > patterns.count, "\(named) of \(patterns.count) patterns have required literals")
        // Many need more characters than a short text has.
        #expect(patterns.filter { $0.pattern.gate.minimumLength >= 10 }.count > 50)
        // Many need a run of digits, and many more than one set of literals.
        #expect(patterns.filter { ($0.literals?.digitRun ?? 0) > 0 }.count > 50)
        #expect(patterns.filter { ($0.literals?.literalSets.count ?? 0) > 1 }.count > 50)
    }

    @Test("Every set of literals a sequence needs, and the run of digits a match holds", arguments: [
        // "her" alone is in most texts; a match holds one of each pair.
        ("(?i)\\b(?:his|her)\\s+(?:owners?|humans?)\\b", [["human", "owner"], ["her", "his"]], 0),
        ("[2-9]\\d{2}-\\d{4}", [], 4),
        ("(?:\\([2-9]\\d{2}\\)|[2-9]\\d{2}[ .-])[2-9]\\d{2}", [], 3),
        ("\\d{3}-\\d{2}-\\d{4}", [], 4),
        ("\\d?\\d", [], 1),
        ("[0-9]{2}[a-z0-9]\\d", [], 2),
        ("[\\d.]\\d", [], 1),
        ("9\\d|1[01]\\d", [], 2),
        // A branch that always fails (a fax number skipped) adds nothing.
        ("(?i)\\bfax\\b\\D{0,9}\\d{3}(*SKIP)(*FAIL)|\\broom\\s+\\d{3}", [["room"]], 3),
        // A positive lookaround's needs are the text's; a negative one's are not.
        ("(?=[A-Z0-9-]{0,24}\\d)[A-Z0-9]{5}", [], 1),
        ("(?i)(?<=\\bpatient\\s)(?!\\d{5})room", [["room"], ["patient"]], 0),
        ("(?i)(?!\\d{5}|wing)room", [["room"]], 0),
        // Branches: the fewest digits any needs.
        ("(?:\\d{4}|ab\\d)x", [], 1),
        ("(?:\\d{2})+y", [], 2),
        ("(?:\\d{2}){2}y", [], 4),
        // Short words gate beside others, never alone (`of` gives no set here).
        ("(?i)\\bpt\\s+(?:in|at|on)\\s+(?:rm|room)\\b", [["pt"], ["rm", "room"], ["at", "in", "on"]], 0),
    ] as [(String, [[String]], Int)])
    func requirement(pattern: String, sets: [[String]], digitRun: Int) throws {
        let requirement = try #require(RequiredLiterals.requirement(of: pattern))
        #expect(requirement.literalSets.map { $0.map { String(decoding: $0, as: UTF8.self) } } == sets)
        #expect(requirement.digitRun == digitRun)
    }

    @Test("Patterns of which nothing is known have no requirement", arguments: [
        "(?i)\\w+", "(*ACCEPT)ab", "(ab|cd)\\1", "\\d*", "a(*FAIL)", "(?x) room # a comment",
    ])
    func noRequirement(pattern: String) {
        #expect(RequiredLiterals.requirement(of: pattern) == nil)
    }

    @Test("The longest run of possible digits: ASCII digits, and non-ASCII ones as PCRE2's \\d with UCP reads them")
    func longestDigitRun() throws {
        let cases: [(String, Int)] = [
            ("", 0), ("no digits here", 0), ("call 617-555-0142", 4), ("a1b22c333", 3),
            ("٣٤٥ and 12", 3), ("१२३४", 4), ("12😀34", 2), ("é1234é", 4), ("1\u{0301}2", 1),
        ]
        for (text, expected) in cases {
            #expect(text.withUTF8Bytes { RequiredLiterals.longestDigitRun(in: $0) } == expected, "\(text)")
        }
        // Whatever PCRE2 itself reads as \d in a row is never more than the run found.
        let pattern = try Pattern("\\d+")
        for text in fixtureTexts {
            let run = text.withUTF8Bytes { RequiredLiterals.longestDigitRun(in: $0) }
            var longest = 0
            try text.withUTF8Bytes { bytes in
                try pattern.forEachMatch(in: bytes, scratch: MatchScratch()) { whole, _ in
                    longest = max(longest, ByteText.substring(bytes, whole).unicodeScalars.count)
                }
            }
            #expect(longest <= run, "\(text.prefix(60))")
        }
    }

    @Test("Required literals read off patterns", arguments: [
        ("(?i)\\bmrn\\s*\\d+", ["mrn"]),
        ("(?i)(?:room|rm\\.?)\\s+\\d+", nil),
        ("(?i)\\b(?:room|suite)\\s+\\d+", ["room", "suite"]),
        ("(?i)(?<!\\w)\\QDr.\\E\\s+[A-Z]\\w+", ["dr."]),
        ("(?i)\\bsocial\\s+security\\b", ["security"]),
        ("(?i)patients?", ["patient"]),
        ("(?i)(?:our|the)\\s+patient(?:s)?\\b", ["patient"]),
        ("\\d{3}-\\d{2}-\\d{4}", nil),
        ("(?x) room # a comment", nil),
        ("(?i)caf\u{e9} latte", [" latte"]),
        ("(?i)a(?=bcd)bcd", ["abcd"]),
        ("(ab|cd)\\1", nil),
        ("(?i)\\bpt\\s+(?:in|at|on)\\s+(?:rm|room)\\b", nil),
    ] as [(String, [String]?)])
    func requiredLiterals(pattern: String, expected: [String]?) {
        #expect(RequiredLiterals.of(pattern).map { $0.map { String(decoding: $0, as: UTF8.self) } } == expected)
    }

    @Test("Findings with and without the gates are the same on every fixture and corpus text")
    func findingsWithoutGates() {
        let gated = Detector(library: shippedLibrary)
        var ungated = gated
        ungated.usesGates = false
        let scratch = MatchScratch()
        func summary(_ result: DetectorResult) -> [String] {
            result.findings.map { "\($0.rule) \($0.span.map { "\($0.start)-\($0.end)" } ?? "-") \($0.severity)" }
        }
        var differing: [String] = []
        for (number, text) in (fixtureTexts + lexiconEdgeCases).enumerated() {
            for kind in [DocumentKind.post, .reply, .message] where kind == .post || number % 3 == 0 {
                let document = Document(source: "fixture", text: text, kind: kind)
                if summary(gated.detect(document, scratch: scratch)) != summary(ungated.detect(document, scratch: scratch)) {
                    differing.append("\(kind): \(text.prefix(80))")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// The matches the lexicon's word patterns give, merged as one alternation would give them:
    /// leftmost first, the longest at a place, none overlapping.
    func oracleMatches(_ patterns: [Pattern], in bytes: UnsafeBufferPointer<UInt8>, range: ByteRange, scratch: MatchScratch) throws -> [ByteRange] {
        var found: [ByteRange] = []
        for pattern in patterns { try pattern.forEachMatch(in: bytes, range: range, scratch: scratch) { whole, _ in found.append(whole) } }
        found.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var kept: [ByteRange] = [], end = -1
        for match in found where match.start >= end {
            kept.append(match)
            end = match.end
        }
        return kept
    }

    @Test("The lexicon trie finds what the PCRE2 alternation finds, at the same places")
    func lexiconTrieMatchesItsOracle() throws {
        let matcher = try #require(shippedLibrary.lexicon)
        let oracle = try matcher.wordPatterns()
        let scratch = MatchScratch()
        // The oracle is the slow path the trie replaced, run only here: its time is not what this
        // test measures, and on a loaded two-core machine one long fixture can take it past a rule's
        // two-second budget.
        scratch.ruleBudget = .seconds(60)
        var differing: [String] = [], matched = 0
        for text in fixtureTexts + lexiconEdgeCases {
            try text.withUTF8Bytes { bytes in
                // The whole text, and a window starting mid-text (front matter is skipped that way).
                var ranges = [ByteRange(0, bytes.count)]
                if let space = bytes.firstIndex(of: 0x20) { ranges.append(ByteRange(space + 1, bytes.count)) }
                for range in ranges {
                    var fromTrie: [ByteRange] = []
                    matcher.words.forEachMatch(in: bytes, range: range) { fromTrie.append($0) }
                    let expected = try oracleMatches(oracle, in: bytes, range: range, scratch: scratch)
                    matched += expected.count
                    if fromTrie != expected { differing.append("\(text.prefix(80)): trie \(fromTrie), PCRE2 \(expected)") }
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(matched > 1000)
    }

    @Test("Edge cases: case, plurals, white space, apostrophes, hashtags and handles")
    func lexiconTrieEdgeCases() throws {
        let matcher = try #require(shippedLibrary.lexicon)
        func terms(_ text: String) -> [String] {
            text.withUTF8Bytes { bytes in
                var found: [String] = []
                matcher.words.forEachMatch(in: bytes, range: ByteRange(0, bytes.count)) { found.append(ByteText.substring(bytes, $0)) }
                return found
            }
        }
        #expect(terms("BREAST CANCER and breast   cancers") == ["BREAST CANCER", "breast   cancers"])
        #expect(terms("Crohn’s and crohn's") == ["Crohn’s", "crohn's"])
        #expect(terms("@asthma #asthma xasthma asthma_ asthma") == ["asthma"])
    }
}

@Suite("Names normalised by bytes")
struct NormalizedNameTests {
    @Test("An ASCII text is normalised by bytes exactly as Foundation folds and splits it: every fixture text, every ASCII character")
    func asciiEqualsFoundation() throws {
        var texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["  O'Brien-Smith, Jr.  ", "MARÍA José", "ANDERSON, PAUL", "Dr.\tAmy\u{7F}Lee", ""]
        for file in FileManager.default.enumerator(at: fixturesFolder, includingPropertiesForKeys: nil)!.compactMap({ $0 as? URL })
        where file.pathExtension == "jsonl" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let text = object["text"] as? String {
                    texts.append(text)
                }
            }
        }
        #expect(texts.count > 15_000)
        let differing = texts.filter { normalizedName($0) != normalizedNameByFoundation($0) }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
    }
}

@Suite("Word lists split by bytes")
struct LineSplitTests {
    @Test("ByteText.lines splits like String.split(whereSeparator: \\.isNewline), on every data file and on every kind of line break")
    func linesAsCharacters() throws {
        var texts = ["a\nb\n\nc\n", "", "\n\n", "one", "crlf\r\nline\r\n", "vt\u{0B}ff\u{0C}x", "nel\u{85}ls\u{2028}ps\u{2029}end",
                     "José\nZoë\n", "e\n\u{301}x"]
        for file in ["first-names.txt", "surnames.txt", "common-words.txt", "us-places.txt", "vocabulary.txt"] {
            texts.append(try String(contentsOf: rulesFolder.appendingPathComponent("data/\(file)"), encoding: .utf8))
        }
        for text in texts {
            #expect(ByteText.lines(text) == text.split(whereSeparator: \.isNewline), "\(text.prefix(40).debugDescription)")
        }
    }
}

@Suite("Rule folder: links and empty sets (postguard binary)")
struct RuleFolderTests {
    @Test("A Rules/ reached through a symbolic link loads, by --rules and by POSTGUARD_RULES")
    func linkedRulesFolder() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("Rules")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: rulesFolder)
        let byOption = try runPostGuard(["check", "--format", "json", "--rules", link.path], stdin: "Call me at 617-555-0142")
        #expect(byOption.status == 1, "\(byOption.stderr)")
        #expect(byOption.stdout.contains("\"rule\":\"phi.phone\""))
        let byEnvironment = try runPostGuard(["check", "--format", "json"], stdin: "Call me at 617-555-0142",
                                             environment: ["POSTGUARD_RULES": link.path])
        #expect(byEnvironment.status == 1, "\(byEnvironment.stderr)")
        #expect(byEnvironment.stdout.contains("\"rule\":\"phi.phone\""))
    }

    @Test("A rule folder with no rules is an error (exit 2), never a pass")
    func emptyRuleSet() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("# no packs here\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        let run = try runPostGuard(["check", "--rules", folder.path], stdin: "Call me at 617-555-0142")
        #expect(run.status == 2)
        #expect(run.stderr.contains("no rules loaded"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("A folder whose only pack has a misspelt key says which key, in the one line (issue 15, item 11)")
    func onlyPackBroken() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = "pack: x\nrules:\n  - {id: x.a, category: other-id, severity: review, message: m, patterns: [abc], sevrity: block, examples: {match: [abc]}}\n"
        try Data(pack.utf8).write(to: folder.appendingPathComponent("x.yaml"))
        let run = try runPostGuard(["check", "--rules", folder.path], stdin: "abc")
        #expect(run.status == 2)
        #expect(run.stderr.contains("no rules loaded") && run.stderr.contains("x.yaml") && run.stderr.contains("x.a")
                && run.stderr.contains("unknown key 'sevrity'"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test("--jobs N gives the same report in the same order for any N; --jobs 0 is a usage error")
    func jobs() throws {
        let drafts = fixturesFolder.appendingPathComponent("drafts").path
        let one = try runPostGuard(["check", "--format", "json", "--fail-on", "never", "--jobs", "1", drafts])
        let three = try runPostGuard(["check", "--format", "json", "--fail-on", "never", "--jobs", "3", drafts])
        let all = try runPostGuard(["check", "--format", "json", "--fail-on", "never", drafts])
        #expect(one.status == 0 && three.status == 0 && all.status == 0)
        #expect(one.stdout.contains("\"documents\":[") && one.stdout == three.stdout && one.stdout == all.stdout)
        let zero = try runPostGuard(["check", "--jobs", "0", drafts])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("--jobs"))
    }

    @Test("The hand-written JSON and SARIF writers give JSONEncoder's bytes: every ASCII character, Unicode, every fixture document")
    func handWrittenJSONEqualsEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let strings = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
            + ["", "é e\u{301} 😀 👩🏽‍⚕️", "\u{2028}\u{2029}\u{FEFF}\u{85}\u{A0}", "a/b\\c\"d\u{0}e\u{1F}\u{7F}", "מטופל مريض"]
        for text in strings {
            var writer = JSONWriter()
            writer.string(text)
            #expect(writer.bytes == Array(try encoder.encode(text)), "\(text.unicodeScalars.map(\.value))")
        }
        // Whole documents and SARIF results, masked and not, from drafts, labelled documents and
        // platform exports (locators, authors, times, attachments).
        let scanner = Scanner(library: shippedLibrary)
        let scratch = MatchScratch()
        var results: [DocumentResult] = []
        DocumentReader().read(paths: ["drafts", "documents", "exports", "identifiers"].map { fixturesFolder.appendingPathComponent($0).path },
                              document: { results.append(scanner.check($0, scratch: scratch).result) }, failure: { _ in })
        #expect(results.count > 300)
        #expect(results.contains { $0.document.locator != nil && $0.document.author != nil && $0.document.createdAt != nil })
        #expect(results.contains { $0.findings.contains { $0.span == nil } })
        for showPHI in [false, true] {
            let options = ReportOptions(showPHI: showPHI, includeInfo: true)
            let sarif = SARIFReporter(output: ReportOutput { _ in }, options: options)
            for result in results {
                var writer = JSONWriter()
                JSONDocument(result, options: options).write(to: &writer)
                #expect(writer.bytes == Array(try encoder.encode(JSONDocument(result, options: options))), "\(result.document.source)")
                let excerpts = Excerpts(result, options: options)
                let locator = Fingerprint.locator(of: result.document, base: options.fingerprintBase)
                for finding in result.findings {
                    let sarifResult = sarif.sarifResult(finding, in: result, locator: locator, excerpts: excerpts)
                    var sarifWriter = JSONWriter()
                    sarifResult.write(to: &sarifWriter)
                    #expect(sarifWriter.bytes == Array(try encoder.encode(sarifResult)), "\(result.document.source) \(finding.rule)")
                }
            }
        }
    }
}
