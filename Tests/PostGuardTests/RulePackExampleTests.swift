// Every rule's examples, run through the shipping PCRE2 engine: as written, and mutated the ways
// real drafts differ (an emoji-and-accent prefix, CRLF line ends, a suppression comment). Adding a
// rule with examples adds its tests here; there is no per-rule test file.
import Testing
@testable import PostGuard

struct RuleExample: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let text: String
    let shouldMatch: Bool
    var testDescription: String { "\(ruleID) \(shouldMatch ? "match" : "no-match"): \(text)" }
}

let allExamples: [RuleExample] = shippedLibrary.rules.flatMap { compiled in
    (compiled.rule.examples?.match ?? []).map { RuleExample(ruleID: compiled.rule.id, text: $0, shouldMatch: true) }
        + (compiled.rule.examples?.noMatch ?? []).map { RuleExample(ruleID: compiled.rule.id, text: $0, shouldMatch: false) }
}

@Suite("Rule pack examples")
struct RulePackExampleTests {
    @Test("Every pack loads without problems")
    func packsLoad() {
        #expect(shippedLibrary.problems.map(\.description) == [])
        #expect(!shippedLibrary.rules.isEmpty)
    }

    @Test("Every rule documents itself with examples on both sides")
    func everyRuleHasExamples() {
        for compiled in shippedLibrary.rules where compiled.lexiconGroup == nil {
            #expect((compiled.rule.examples?.match ?? []).count >= 2, "\(compiled.rule.id) needs at least 2 match examples")
            #expect((compiled.rule.examples?.noMatch ?? []).count >= 2, "\(compiled.rule.id) needs at least 2 no-match examples")
        }
    }

    @Test("Examples, as written and mutated", arguments: allExamples)
    func example(_ example: RuleExample) throws {
        let compiled = try #require(shippedLibrary.rule(id: example.ruleID))
        let marked = MarkedText(example.text)
        // The rule's own kind if it is restricted to some (a reply-only rule is tested as a reply).
        let kind = compiled.rule.kinds?.first ?? .post
        func findings(_ text: String) -> [Finding] {
            let result = Detector(library: shippedLibrary).scan(
                Document(source: "example", text: text, kind: kind), scratch: MatchScratch(), rules: [compiled])
            #expect(result.failures.isEmpty, "\(result.failures)")
            return result.findings
        }

        let plain = findings(marked.text)
        guard example.shouldMatch else {
            #expect(plain.isEmpty, "unexpected: \(plain.map(\.matchedText))")
            #expect(findings("🏥 Ça va — " + marked.text).isEmpty)
            return
        }
        try #require(!plain.isEmpty, "no finding")
        let spans = plain.map { ($0.span!.start, $0.span!.end) }
        for expected in marked.spans {
            #expect(spans.contains { $0 == expected }, "expected span \(expected), got \(spans)")
        }

        // Offsets count Unicode scalars: a prefix of n scalars (emoji, combining accents) moves every
        // span by exactly n, whatever its byte length.
        let prefix = "🏥 Ça va — e\u{301}té "
        let shift = prefix.unicodeScalars.count
        let shifted = findings(prefix + marked.text).map { ($0.span!.start, $0.span!.end) }
        for expected in marked.spans {
            #expect(shifted.contains { $0 == (expected.start + shift, expected.end + shift) }, "after prefix: \(shifted)")
        }

        // A CRLF line before: same finding one line down, same column.
        let crlf = findings("Draft\r\n" + marked.text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.first?.span?.line == plain.first!.span!.line + 1)
        #expect(crlf.first?.span?.column == plain.first!.span!.column)

        // A suppression comment on the line silences it, by rule id and on its own.
        if !marked.text.contains("\n") {
            #expect(findings(marked.text + " <!-- postguard-ignore \(example.ruleID) -->").isEmpty)
            #expect(findings(marked.text + " <!-- postguard-ignore -->").isEmpty)
        }
    }
}

@Suite("Health lexicon")
struct LexiconTests {
    @Test("Every term matches as written, in capitals and plural; never inside a longer word")
    func everyTerm() throws {
        let groups = shippedLibrary.rules.filter { $0.lexiconGroup != nil }
        #expect(groups.count >= 10)
        #expect(groups.contains { $0.lexiconGroup!.isHighSensitivity })
        #expect(groups.contains { $0.lexiconGroup!.lang == "es" })
        for compiled in groups {
            for term in compiled.lexiconGroup!.terms {
                let text = "Update: \(term) today."
                let found = scan(text, rules: [compiled]).findings
                #expect(found.contains { $0.matchedText.lowercased() == term.lowercased() }, "\(compiled.rule.id): '\(term)' not found in '\(text)'")
                #expect(!scan("Update: \(term.uppercased()) today.", rules: [compiled]).findings.isEmpty, "\(term) in capitals")
                #expect(scan("xq\(term)qx", rules: [compiled]).findings.allSatisfy { !$0.matchedText.lowercased().contains(term.lowercased()) },
                        "\(compiled.rule.id): '\(term)' matched inside a word")
            }
        }
    }
}

@Suite("Health lexicon in hashtags")
struct LexiconHashtagTests {
    func healthTerms(_ text: String) -> [String] {
        judge(text).findings.filter { $0.rule.hasPrefix("health.") && $0.category == .healthInfo }.map(\.matchedText)
    }

    @Test("A compound hashtag that starts with a term, or has one after a lead word or a camel-case word, is health information")
    func compounds() {
        #expect(healthTerms("Day 3 #brokenwrist") == ["brokenwrist"])
        #expect(healthTerms("#BrokenWrist again") == ["BrokenWrist"])
        #expect(healthTerms("#cancersucks") == ["cancer"])
        #expect(healthTerms("#ChemoDay") == ["Chemo"])
        #expect(healthTerms("#chemoday") == ["chemo"])
        #expect(healthTerms("#BeatCancer") == ["Cancer"])
        #expect(healthTerms("#DadsBrokenWrist") == ["BrokenWrist"])
        #expect(healthTerms("#miscarriageawareness") == ["miscarriage"])
        #expect(healthTerms("#embarazada") == ["embarazada"])
        #expect(healthTerms("#IVF") == ["IVF"])
        #expect(judge("Praying for Maria Lopez #brokenhip").verdict == .block)
    }

    @Test("A short term must end the tag or a camel-case word, or meet a common hashtag word")
    func shortTermsNeedABoundary() {
        for tag in ["#fluffy", "#stitch", "#rsvp", "#partofthefamily", "#cancerseason", "#mythbusters", "#stillwater",
                    "#FLUFFY", "#alsoRan", "#icecream"] {
            #expect(healthTerms("Fun day! \(tag)").isEmpty, "\(tag)")
        }
        // Words as written still never match inside a hashtag or a handle's body.
        #expect(healthTerms("@cancercenterbot hello").isEmpty)
    }
}

@Suite("Rule packs on long inputs")
struct LongInputTests {
    /// Text that makes badly written patterns backtrack: long runs of what rules look for.
    static let adversarial: [String] = [
        String(repeating: "a", count: 20_000) + "!",
        String(repeating: "1", count: 20_000) + "x",
        String(repeating: "1-", count: 10_000),
        String(repeating: "A1 ", count: 7_000),
        String(repeating: "Maria ", count: 4_000),
        String(repeating: "www.", count: 5_000),
        String(repeating: "Dr. ", count: 5_000),
        String(repeating: "born on ", count: 2_500) + "3/14",
        String(repeating: "🏥é ", count: 5_000),
    ]

    @Test("No rule hits the match limit on long or adversarial input, and findings scale with the input")
    func longInputs() throws {
        let detector = Detector(library: shippedLibrary)
        let scratch = MatchScratch()
        for compiled in shippedLibrary.rules {
            for text in LongInputTests.adversarial {
                let result = detector.scan(Document(source: "long", text: text), scratch: scratch, rules: [compiled])
                #expect(result.failures.isEmpty, "\(compiled.rule.id) stopped on a \(text.count)-character input")
            }
            // Its own match examples, 200 times over: every copy is still found.
            guard let example = compiled.rule.examples?.match?.first, compiled.rule.kinds == nil else { continue }
            let plain = MarkedText(example).text
            let single = detector.scan(Document(source: "one", text: plain), scratch: scratch, rules: [compiled]).findings.count
            let long = Array(repeating: plain, count: 200).joined(separator: "\n\n")
            let result = detector.scan(Document(source: "long", text: long), scratch: scratch, rules: [compiled])
            #expect(result.failures.isEmpty, "\(compiled.rule.id) stopped on its repeated example")
            #expect(result.findings.count >= single * 200 * 9 / 10, "\(compiled.rule.id): \(result.findings.count) findings in 200 copies")
        }
    }
}

@Suite("Health lexicon, merged")
struct MergedLexiconTests {
    @Test("One merged pass finds what the groups find one by one, on every fixture document")
    func mergedEqualsSeparate() throws {
        let detector = Detector(library: shippedLibrary)
        let scratch = MatchScratch()
        let groups = shippedLibrary.rules.filter { $0.lexiconGroup != nil }
        var texts: [String] = []
        DocumentReader().read(paths: [fixturesFolder.appendingPathComponent("documents").path],
                              document: { texts.append($0.text) }, failure: { Issue.record("\($0)") })
        #expect(texts.count >= 250)
        var compared = 0
        for text in texts {
            let document = Document(source: "t", text: text)
            let merged = Set(detector.scan(document, scratch: scratch, rules: groups).findings.map { "\($0.span!.start)-\($0.span!.end)" })
            // One group at a time; where groups overlap, the longest phrase is the one kept.
            var separate = Set<String>()
            var spans: [(Int, Int)] = []
            for group in groups {
                for finding in detector.scan(document, scratch: scratch, rules: [group]).findings {
                    spans.append((finding.span!.start, finding.span!.end))
                }
            }
            for span in spans where !spans.contains(where: { $0 != span && $0.0 <= span.0 && $0.1 >= span.1 }) {
                separate.insert("\(span.0)-\(span.1)")
            }
            #expect(merged == separate, "\(text)")
            compared += merged.count
        }
        #expect(compared > 150)
    }
}
