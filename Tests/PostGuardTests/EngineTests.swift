import Foundation
import Testing
@testable import PostGuard

@Suite("PCRE2 engine")
struct EngineTests {
    let phone = try! compileRule("""
        id: t.phone
        category: phone
        severity: block
        message: phone
        patterns: ['(?<![\\d-])\\(?[2-9]\\d{2}\\)?[ .-]?[2-9]\\d{2}[ .-]\\d{4}(?![\\d-])']
        """)

    @Test("Offsets are Unicode scalars; line and column are 1-based")
    func offsetsAfterMultibyteText() throws {
        // 👩‍⚕️ is 4 scalars (woman, ZWJ, staff of Aesculapius, VS16) and 13 bytes.
        let text = "👩‍⚕️ José Núñez: 617-555-0142"
        let finding = try #require(scan(text, rules: [phone]).findings.first)
        let expectedStart = text.unicodeScalars.count - 12
        #expect(finding.span?.start == expectedStart)
        #expect(finding.span?.end == expectedStart + 12)
        #expect(finding.span?.line == 1)
        #expect(finding.span?.column == expectedStart + 1)
        #expect(finding.matchedText == "617-555-0142")
    }

    @Test("Combining accents count as their own scalars")
    func combiningAccents() throws {
        let text = "Rene\u{301}e: 617-555-0142" // "Renée" with a combining acute: 6 scalars
        let finding = try #require(scan(text, rules: [phone]).findings.first)
        #expect(finding.span?.start == 8)
        #expect(finding.span?.column == 9)
    }

    @Test("CRLF line ends: line counts LF, column restarts after it")
    func crlfLines() throws {
        let text = "Line one\r\nSecond line\r\n  ☎ 617-555-0142\r\n"
        let finding = try #require(scan(text, rules: [phone]).findings.first)
        #expect(finding.span?.line == 3)
        #expect(finding.span?.column == 5)
        #expect(finding.span?.start == "Line one\r\nSecond line\r\n  ☎ ".unicodeScalars.count)
        #expect(finding.span?.endLine == 3)
        #expect(finding.span?.endColumn == 17)
    }

    @Test("Every match is found, not just the first")
    func allMatches() {
        let text = "617-555-0142 or 617-555-0199, and (617) 555-0100"
        #expect(scan(text, rules: [phone]).findings.map(\.matchedText) == ["617-555-0142", "617-555-0199", "(617) 555-0100"])
    }

    @Test("A catastrophic pattern stops at the match limit, and other rules still run")
    func catastrophicPattern() throws {
        let evil = try compileRule("""
            id: t.evil
            category: other-id
            severity: review
            message: evil
            patterns: ['(a+)+$']
            """)
        let text = String(repeating: "a", count: 50_000) + "b call 617-555-0142"
        let started = ContinuousClock.now
        let result = scan(text, rules: [evil, phone])
        #expect(ContinuousClock.now - started < .seconds(5)) // a hang would take years; the limit takes milliseconds
        #expect(result.failures.map(\.rule) == ["t.evil"])
        if case .matchLimit = result.failures.first?.error.reason {} else { Issue.record("expected a match-limit error") }
        #expect(result.findings.map(\.rule) == ["t.phone"])
    }

    @Test("An empty match advances instead of looping")
    func emptyMatches() throws {
        let pattern = try Pattern("x*")
        var matches: [ByteRange] = []
        try "axxb".withUTF8Bytes { bytes in
            try pattern.forEachMatch(in: bytes, scratch: MatchScratch()) { whole, _ in matches.append(whole) }
        }
        // PCRE2's own semantics (as pcre2demo): empty at 0, "xx" at 1, empty at 3, empty at 4.
        #expect(matches == [ByteRange(0, 0), ByteRange(1, 3), ByteRange(3, 3), ByteRange(4, 4)])
    }

    @Test("Empty matches step over multi-byte characters whole")
    func emptyMatchesOverMultibyte() throws {
        let pattern = try Pattern("(?=é)|$")
        var starts: [Int] = []
        try "aéé".withUTF8Bytes { bytes in
            try pattern.forEachMatch(in: bytes, scratch: MatchScratch()) { whole, _ in starts.append(whole.start) }
        }
        #expect(starts == [1, 3, 5])
    }

    @Test("The named group phi narrows the span")
    func phiGroup() throws {
        let dob = try compileRule("""
            id: t.dob
            category: date
            severity: review
            message: dob
            patterns: ['(?i)\\b(?:DOB|born)\\W{0,3}(?<phi>\\d{1,2}/\\d{1,2}/\\d{2,4})']
            """)
        let finding = try #require(scan("Patient born 3/14/51 in Boston", rules: [dob]).findings.first)
        #expect(finding.matchedText == "3/14/51")
        #expect(finding.span?.start == 13)
    }

    @Test("A broken pattern names the rule and PCRE2's offset")
    func brokenPattern() {
        #expect(throws: RuleProblem.self) {
            _ = try compileRule("""
                id: t.broken
                category: phone
                severity: block
                message: broken
                patterns: ['ok', '(abc']
                """)
        }
        do {
            _ = try compileRule("id: t.broken\ncategory: phone\nseverity: block\nmessage: m\npatterns: ['(abc']")
            Issue.record("a broken pattern compiled")
        } catch let error as RuleProblem {
            #expect(error.description.contains("t.broken"))
            #expect(error.description.contains("pattern 1"))
            #expect(error.description.contains("offset 4"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Unknown categories and validators are caught when a pack loads")
    func unknownNames() {
        // A category is typed: a misspelt one does not decode, and the pack's error names it.
        #expect(throws: (any Error).self) {
            _ = try compileRule("id: t\ncategory: phoen\nseverity: block\nmessage: m\npatterns: ['x']")
        }
        #expect(throws: (any Error).self) {
            _ = try compileRule("id: t\ncategory: phone\nroles: [persn]\nseverity: block\nmessage: m\npatterns: ['x']")
        }
        #expect(throws: RuleProblem.self) {
            _ = try compileRule("id: t\ncategory: phone\nseverity: block\nmessage: m\npatterns: ['x']\nvalidator: luhnn")
        }
    }

    @Test("Context words are whole words, never substrings")
    func contextWholeWords() throws {
        let licence = try compileRule("""
            id: t.lic
            category: license
            severity: block
            message: licence
            patterns: ['\\b[A-Z]\\d{7}\\b']
            requires-context: [lic, license number]
            """)
        #expect(scan("lic A1234567", rules: [licence]).findings.count == 1)
        #expect(scan("License   number A1234567", rules: [licence]).findings.count == 1)
        #expect(scan("duplicate A1234567", rules: [licence]).findings.isEmpty)
        let far = "lic " + String(repeating: "word ", count: 20) + "A1234567"
        #expect(scan(far, rules: [licence]).findings.isEmpty)
    }

    @Test("Keywords prefilter: a rule whose literals are absent does not run")
    func keywordPrefilter() throws {
        let mrn = try compileRule("""
            id: t.mrn
            category: mrn
            severity: block
            message: mrn
            patterns: ['(?i)\\bMRN\\W{0,3}(?<phi>\\d{6,10})']
            keywords: [mrn]
            """)
        #expect(scan("Chart MRN: 00123456", rules: [mrn]).findings.count == 1)
        #expect(scan("Chart mrn 00123456", rules: [mrn]).findings.count == 1)
        #expect(scan("Chart 00123456", rules: [mrn]).findings.isEmpty)
    }

    @Test("Compiled patterns are shared across threads, one scratch per worker")
    func concurrentMatching() async throws {
        let rule = phone
        let counts = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let scratch = MatchScratch()
                    var total = 0
                    for index in 0..<200 {
                        let text = "Worker \(worker) line \(index): call 617-555-01\(10 + index % 80) now"
                        total += Detector(library: RuleLibrary()).scan(Document(source: "t", text: text), scratch: scratch, rules: [rule]).findings.count
                    }
                    return total
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }

    @Test("Front matter fields are not scanned, a published title is, and lines stay the file's")
    func frontMatterLines() throws {
        let text = "---\nkind: reply\nchannel: Facebook\nin_reply_to: >\n  call me 617-555-0199\n---\nThanks! Call 617-555-0142\n"
        let document = try FrontMatter.document(text: text, source: "a.md", options: InputOptions())
        #expect(document.kind == .reply)
        #expect(document.channel == "facebook")
        let findings = Detector(library: RuleLibrary()).scan(document, scratch: MatchScratch(), rules: [phone]).findings
        #expect(findings.map(\.matchedText) == ["617-555-0142"])
        #expect(findings.first?.span?.line == 7)
        // A Jekyll or Hugo `title:` is published: it is scanned.
        let titled = try FrontMatter.document(text: "---\ntitle: Call 617-555-0188\nkind: post\n---\nHi\n", source: "t.md", options: InputOptions())
        #expect(Detector(library: RuleLibrary()).scan(titled, scratch: MatchScratch(), rules: [phone]).findings.map(\.matchedText) == ["617-555-0188"])
        // Prose between horizontal rules is not front matter at all.
        let prose = try FrontMatter.document(text: "---\nPatient update, call 617-555-0177\n---\nHi\n", source: "p.md", options: InputOptions())
        #expect(prose.unscanned.isEmpty)
    }

    @Test("A range index answers 'overlaps' and 'contains' as a walk over every range does, whatever order the ranges come in")
    func rangeIndexAnswersAsAWalk() {
        // A fixed sequence of pseudo-random ranges (a linear congruential generator): the same on every run.
        var seed: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % bound
        }
        for size in [0, 1, 2, 5, 40] {
            let ranges = (0..<size).map { _ -> ByteRange in let start = next(100); return ByteRange(start, start + next(12)) }
            let inOrder = ranges.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            let indexes = [RangeIndex(ranges), RangeIndex(inOrder), RangeIndex(inOrder.reversed()), RangeIndex(ranges.lazy.map { $0 })]
            for _ in 0..<200 {
                let start = next(110)
                let query = ByteRange(start, start + next(8))
                let overlaps = ranges.contains { $0.start < query.end && query.start < $0.end }
                let contains = ranges.contains { $0.start <= query.start && query.end <= $0.end }
                for index in indexes {
                    #expect(index.overlaps(query) == overlaps, "\(ranges) overlaps \(query)")
                    #expect(index.contains(query) == contains, "\(ranges) contains \(query)")
                }
            }
        }
    }
}
