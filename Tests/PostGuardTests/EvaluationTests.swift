import Foundation
import Testing
@testable import PostGuard

@Suite("Evaluation")
struct EvaluationTests {
    /// An evaluator whose only rule finds phone numbers, over a corpus written to a temporary folder.
    func evaluate<T>(_ lines: [String], file: String, _ body: (Evaluator, URL) throws -> T) throws -> T {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent(file))
        var library = RuleLibrary()
        library.add(try compileRule("id: t.phone\ncategory: phone\nseverity: block\nmessage: m\npatterns: ['\\d{3}-\\d{3}-\\d{4}']"))
        return try body(Evaluator(scanner: Scanner(library: library)), folder)
    }

    @Test("Markup gives text and scalar spans")
    func markup() {
        let parsed = LabelledSnippet.parse(markup: "🏥 Call [[name:José Ruiz]] at [[phone:617-555-0142]].")
        #expect(parsed.text == "🏥 Call José Ruiz at 617-555-0142.")
        #expect(parsed.gold.map(\.category) == ["name", "phone"])
        #expect(parsed.gold.map { [$0.start, $0.end] } == [[7, 16], [20, 32]])
    }

    @Test("Recall, precision and F2 count overlaps per category")
    func identifierScores() throws {
        let corpus = [
            #"{"id": "a", "text": "Call [[phone:617-555-0142]] today"}"#,        // found
            #"{"id": "b", "text": "Fax [[fax:617-555-0199]] or [[phone:617-555]]"}"#, // fax and short phone missed
            #"{"id": "c", "text": "Office: 617-555-0123"}"#,                       // false alarm
        ]
        let result = try evaluate(corpus, file: "t.jsonl") { try $0.identifiers(folder: $1) }
        let scores = Dictionary(uniqueKeysWithValues: result.categories.map { ($0.category, $0) })
        // phone: gold 2 (a, b), predicted 3 (a, b's fax number, c); found 1, correct 1.
        #expect(scores["phone"]?.gold == 2)
        #expect(scores["phone"]?.predicted == 3)
        #expect(scores["phone"]?.recall == 0.5)
        #expect(abs((scores["phone"]?.precision ?? 0) - 1.0 / 3) < 1e-9)
        #expect(scores["fax"]?.recall == 0)
        #expect(result.snippets == 3)
        #expect(result.clean == 1)
        let f2 = scores["phone"]!.f2
        #expect(abs(f2 - 5 * (1.0 / 3) * 0.5 / (4 * (1.0 / 3) + 0.5)) < 1e-9)
    }

    @Test("Document shares: breaches flagged, must-block blocked, clean flagged")
    func documentShares() throws {
        let corpus = [
            #"{"id": "1", "text": "Call me at 617-555-0142", "expect": "block"}"#,
            #"{"id": "2", "text": "Nice weather", "expect": "block"}"#,
            #"{"id": "3", "text": "Nice weather", "expect": "review"}"#,
            #"{"id": "4", "text": "Nice weather", "expect": "pass"}"#,
            #"{"id": "5", "text": "Call me at 617-555-0199", "expect": "pass"}"#,
        ]
        let result = try evaluate(corpus, file: "d.jsonl") { try $0.documents(folder: $1) }
        #expect((result.breaches, result.breachesFlagged) == (3, 1))
        #expect((result.mustBlock, result.mustBlockBlocked) == (2, 1))
        #expect((result.clean, result.cleanFlagged) == (2, 1))
        #expect(result.mistakes.map(\.id) == ["2", "3", "5"])
    }
}
