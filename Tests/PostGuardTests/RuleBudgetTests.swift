// Issue 15, item 5: a rule's time on one document is bounded. The match limit bounds one attempt;
// a pattern like a{0,1000}a{0,1000}c stays under it at every start position and, over a long
// text, would still take minutes. These tests check the stop is reported and that searching a
// chunk of start positions at a time changes no match. None of them asserts a duration.
import Testing
import Foundation
@testable import PostGuard

@Suite("Rule time budget")
struct RuleBudgetTests {
    static let phone = try! compileRule("""
        id: t.phone
        category: phone
        severity: block
        message: phone
        patterns: ['\\d{3}-\\d{3}-\\d{4}']
        """)

    @Test("a{0,1000}a{0,1000}c over 200 KB stops at the rule's budget, is reported, and the other rules finish")
    func slowRuleStops() throws {
        let slow = try compileRule("""
            id: t.slow
            category: other-id
            severity: review
            message: slow
            patterns: ['a{0,1000}a{0,1000}c']
            """)
        // Every start position backtracks about a million steps (under the 2,000,000 match limit)
        // and there are 200,000 of them: minutes without the budget.
        let text = String(repeating: "a", count: 200_000) + "b call 617-555-0142"
        let scratch = MatchScratch(ruleBudget: .milliseconds(200))
        let result = Detector(library: RuleLibrary()).scan(Document(source: "draft.txt", text: text), scratch: scratch, rules: [slow, Self.phone])
        #expect(result.failures.map(\.rule) == ["t.slow"])
        guard case .timeBudget(let budget) = result.failures.first?.error.reason else {
            Issue.record("expected a time-budget stop, got \(String(describing: result.failures.first?.error))"); return
        }
        #expect(budget == .milliseconds(200))
        #expect(result.failures.first?.description == "draft.txt:1: rule t.slow stopped: the rule took more than its 200 ms on this document (each attempt within the match limit, but too many: a repetition like a{0,1000}a{0,1000}c?)")
        #expect(result.findings.map(\.rule) == ["t.phone"])
    }

    @Test("Each rule has its own budget on each document: the spent time starts afresh")
    func budgetPerRule() throws {
        let scratch = MatchScratch(ruleBudget: .seconds(60))
        let pattern = try Pattern("\\d{3}-\\d{3}-\\d{4}")
        try "617-555-0142".withUTF8Bytes { bytes in try pattern.forEachMatch(in: bytes, scratch: scratch) { _, _ in } }
        #expect(scratch.spent > .zero)
        scratch.startRule()
        #expect(scratch.spent == .zero)
    }

    @Test("Searching a chunk of start positions at a time finds exactly the matches of one search",
          arguments: ["\\d{3}-\\d{3}-\\d{4}", "x*", "(?<=é)b", "\\bcall\\b", "\\w+$", "(?m)^\\S"])
    func chunksChangeNothing(_ source: String) throws {
        let pattern = try Pattern(source)
        var text = ""
        for index in 0..<700 {
            text += index % 3 == 0 ? "éb call 617-555-\(String(format: "%04d", index)) " : "xx ☎ é\n"
        }
        func matches(firstChunk: Int) throws -> [ByteRange] {
            let scratch = MatchScratch()
            scratch.firstChunk = firstChunk
            var found: [ByteRange] = []
            try text.withUTF8Bytes { bytes in
                try pattern.forEachMatch(in: bytes, range: ByteRange(3, bytes.count - 2), scratch: scratch) { whole, _ in found.append(whole) }
            }
            return found
        }
        let whole = try matches(firstChunk: 1 << 40)
        #expect(!whole.isEmpty)
        for chunk in [1, 2, 7, 256] { #expect(try matches(firstChunk: chunk) == whole, "chunk \(chunk)") }
    }

    @Test("Without JIT, deep backtracking stops at PCRE2's depth or heap limit, reported as such")
    func depthLimit() throws {
        let pattern = try Pattern("(a|b)*[cd]", jit: false)
        let text = String(repeating: "ab", count: 150_000)
        var reason: MatchError.Reason?
        do {
            try text.withUTF8Bytes { bytes in try pattern.forEachMatch(in: bytes, scratch: MatchScratch()) { _, _ in } }
        } catch { reason = (error as? MatchError)?.reason }
        switch reason {
        case .depthLimit?, .heapLimit?: break
        default: Issue.record("expected the depth or heap limit, got \(String(describing: reason))")
        }
    }
}
