import Foundation
import Testing
@testable import PostGuard

@Suite("Span and verdict corpora")
struct SpanCorpusTests {
    /// A library with a phone rule (block) and a date rule, over lines written to a temporary file.
    func withFile<T>(_ lines: [String], _ body: (URL) throws -> T) throws -> T {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("corpus.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        return try body(file)
    }

    func library() throws -> RuleLibrary {
        var library = RuleLibrary()
        library.add(try compileRule("id: t.phone\ncategory: phone\nseverity: block\nmessage: m\npatterns: ['\\d{3}-\\d{3}-\\d{4}']"))
        library.add(try compileRule("id: t.date\ncategory: date\nseverity: review\nmessage: m\npatterns: ['\\d{1,2}/\\d{1,2}/\\d{4}']"))
        return library
    }

    @Test("Recall, typed recall and precision; neutral spans are neither misses nor false alarms")
    func spans() throws {
        let corpus = [
            // 🏥 shifts scalar offsets: the phone is at 8..<20.
            #"{"id": "a", "text": "🏥 Call 617-555-0142 today", "spans": [{"start": 7, "end": 19, "categories": ["phone"], "required": true}]}"#,
            // Gold says fax, phone or fax accepted: typed right. The date span is missed.
            #"{"id": "b", "text": "Fax 617-555-0199 on March 3", "spans": [{"start": 4, "end": 16, "categories": ["fax", "phone"], "required": true}, {"start": 20, "end": 27, "categories": ["date"], "required": true}]}"#,
            // Found, but as a phone where only other-id is right: found, not typed.
            #"{"id": "c", "text": "Ref 617-555-0100", "spans": [{"start": 4, "end": 16, "categories": ["other-id"], "required": true}]}"#,
            // Neutral span: the finding on it is not counted, nor is the neutral span missed.
            #"{"id": "d", "text": "Office 617-555-0123 and 617-555-0124", "spans": [{"start": 7, "end": 19, "categories": ["phone"], "required": false}, {"start": 24, "end": 36, "categories": ["phone"], "required": false}]}"#,
            // A negative flagged (a false alarm), a hard negative not flagged.
            #"{"id": "e", "text": "Seen 3/4/2025", "spans": [], "hard_negative": true}"#,
            #"{"id": "f", "text": "Nothing here", "spans": [], "hard_negative": true}"#,
            #"{"id": "g", "text": "Nothing either"}"#,
        ]
        let result = try withFile(corpus) { try Evaluator(scanner: Scanner(library: try library())).spanCorpus(files: [$0]) }
        let scores = Dictionary(uniqueKeysWithValues: result.categories.map { ($0.category, $0) })
        #expect(result.documents == 7)
        #expect((scores["phone"]?.gold, scores["phone"]?.found, scores["phone"]?.typed) == (1, 1, 1))
        #expect((scores["fax"]?.gold, scores["fax"]?.found, scores["fax"]?.typed) == (1, 1, 1))
        #expect((scores["date"]?.gold, scores["date"]?.found) == (1, 0))
        #expect((scores["other-id"]?.gold, scores["other-id"]?.found, scores["other-id"]?.typed) == (1, 1, 0))
        // Phone predictions: a, b, c count and are right; d's two are on neutral spans, not counted.
        #expect((scores["phone"]?.predicted, scores["phone"]?.correct) == (3, 3))
        // The date in e is a false alarm.
        #expect((scores["date"]?.predicted, scores["date"]?.correct) == (1, 0))
        #expect((result.overall.gold, result.overall.found, result.overall.typed) == (4, 3, 2))
        #expect(abs(result.overall.precision - 0.75) < 1e-9)
        #expect((result.hardNegatives, result.hardNegativesFlagged) == (2, 1))
        #expect((result.negatives, result.negativesFlagged) == (3, 1))
        #expect(result.mistakes.map { "\($0.id) \($0.kind)" } == ["b missed", "c mistyped t.phone=phone", "e false alarm t.date"])
        #expect(result.mistakes.first?.text == "March 3")
    }

    @Test("A span outside the text is an error naming the line")
    func badSpan() throws {
        let corpus = [#"{"id": "a", "text": "short", "spans": [{"start": 2, "end": 9, "categories": ["name"], "required": true}]}"#]
        #expect(throws: InputError.self) {
            try withFile(corpus) { try Evaluator(scanner: Scanner(library: try library())).spanCorpus(files: [$0]) }
        }
    }

    @Test("Verdict shares per kind from lists of acceptable verdicts, consent judged on the day given")
    func verdicts() throws {
        let consents = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Ana Ruiz (minor; signed by her mother)", "channels": ["Facebook"], "signed": "2026-01-01", "expires": "2027-01-01", "revoked": null}
            {"id": "C-2", "subject": "Ben Ode", "channels": [], "signed": "2026-01-01", "expires": "2027-01-01", "revoked": "2026-06-01"}
            """.utf8), source: "c.jsonl")
        #expect(consents.map(\.subject) == ["Ana Ruiz", "Ben Ode"])
        #expect(consents[0].channels == ["facebook"])
        #expect(consents[0].problems().isEmpty)
        #expect(consents[1].revokedOn == "2026-06-01")
        #expect(consents[0].signer == nil)   // a relation without a name names no signer
        let signed = try ConsentJSONL.parse(Data(#"{"id": "C-3", "subject": "Lia Moss (minor; signed by her father, Omar Moss)", "signed": "2026-01-01"}"#.utf8), source: "c.jsonl")
        #expect(signed.first?.subject == "Lia Moss")
        #expect(signed.first?.signer == "Omar Moss")
        #expect(signed.first?.authority == "her father of a minor")
        // Elements a record gives are judged; a null one is a blank on the form.
        let given = try ConsentJSONL.parse(Data("""
            {"id": "C-4", "subject": "Ida Park", "signed": "2026-01-01", "expires": "2027-01-01", "purpose": null, "recipient": "the clinic", "information": "knee story"}
            {"id": "C-5", "subject": "Ida Park", "signed": "2026-01-01", "expires": "2027-01-01", "purpose": "marketing", "recipient": "the clinic", "information": "knee story"}
            """.utf8), source: "c.jsonl")
        #expect(!given[0].problems().isEmpty)
        #expect(given[1].problems().isEmpty)
        #expect(given[1].information == "knee story")
        // An expiry event, as the registry's CSV names it, stands for an expiry date; neither is incomplete.
        let events = try ConsentJSONL.parse(Data("""
            {"id": "C-6", "subject": "Ida Park", "signed": "2026-01-01", "expires": null, "expires_event": "end of the 2027 campaign", "purpose": "story", "recipient": "the public", "information": "knee story"}
            {"id": "C-7", "subject": "Ida Park", "signed": "2026-01-01", "expires": null, "expires_event": null, "purpose": "story", "recipient": "the public", "information": "knee story"}
            """.utf8), source: "c.jsonl")
        #expect(events[0].expiresEvent == "end of the 2027 campaign" && events[0].problems().isEmpty)
        #expect(!events[1].problems().isEmpty)
        let corpus = [
            #"{"id": "1", "kind": "post", "text": "Call me at 617-555-0142", "expect": ["block"]}"#,                 // blocked
            #"{"id": "2", "kind": "post", "text": "Seen 3/4/2025", "expect": ["block"]}"#,                     // review: flagged, not blocked
            #"{"id": "3", "kind": "post", "text": "Nice weather", "expect": ["review", "block"]}"#,            // missed
            #"{"id": "4", "kind": "reply", "text": "Seen 3/4/2025", "expect": ["pass", "review"]}"#,          // clean, flagged, acceptable
            #"{"id": "5", "kind": "reply", "text": "Call me at 617-555-0199", "expect": ["pass", "review"]}"#,      // clean, blocked: false alarm
            #"{"id": "6", "kind": "message", "text": "See you at 3", "expect": ["pass"]}"#,                   // clean, pass
        ]
        let scanner = Scanner(library: try library(), policy: Policy(consents: ConsentTable(consents), today: CalendarDate(iso: "2026-12-01")!))
        let result = try withFile(corpus) { try Evaluator(scanner: scanner).verdictCorpus(file: $0) }
        #expect((result.all.breaches, result.all.breachesFlagged) == (3, 2))
        #expect((result.all.mustBlock, result.all.mustBlockBlocked) == (2, 1))
        #expect((result.all.clean, result.all.cleanFlagged) == (3, 2))
        #expect(result.all.acceptable == 3)
        #expect(result.byKind["reply"]?.documents == 2)
        #expect((result.byKind["post"]?.breaches, result.byKind["post"]?.breachesFlagged) == (3, 2))
        // Every document behind a share is listed: wrong verdicts, and "4", flagged where review was acceptable.
        #expect(result.mistakes.map(\.id) == ["2", "3", "4", "5"])
        #expect(result.mistakes.map(\.acceptable) == [false, false, true, false])
        #expect(result.mistakes.last?.rules == ["t.phone"])
    }

    @Test("The command reads span files; without files it still reads the fixtures")
    func command() throws {
        let line = #"{"id": "a", "text": "Call 617-555-0142 now", "spans": [{"start": 5, "end": 17, "categories": ["phone"], "required": true}]}"#
        try withFile([line, #"{"id": "b", "text": "Call 617-555-0143", "spans": []}"#]) { file in
            let run = try runPostGuard(["eval", "identifiers", file.path, "--verbose"], directory: repositoryRoot)
            #expect(run.status == 0)
            #expect(run.stdout.contains("| phone | 1 | 1 | 1.000 | 1 | 1.000 | 2 | 1 | 0.500 |"))
            #expect(run.stdout.contains("| documents with no span | 1 | 1 | 1.000 |"))
            #expect(run.stdout.contains("b\tfalse alarm phi.phone\tphone\t617-555-0143"))
        }
        let fixtures = try runPostGuard(["eval", "identifiers"], directory: repositoryRoot)
        #expect(fixtures.status == 0)
        #expect(fixtures.stdout.contains("| category | gold | predicted | recall | precision | F2 |"))
    }
}
