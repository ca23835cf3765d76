// Start-up work a one-draft check no longer does (README: Start-up) may change no match: a pattern
// interpreted until it has read enough text to be worth JIT-compiling matches as it does compiled,
// PCRE2 code read back from the rule cache is the code PCRE2 compiles, and the lexicon's hashtag
// patterns, left uncompiled when a text has no '#', cannot match without one.
// (How fast it starts is measured by scripts/bench, never asserted here.)
import Foundation
import Testing
@testable import PostGuard

@Suite("Start-up: lazy JIT, stored PCRE2 code and uncompiled hashtag patterns change no match")
struct StartupTests {
    /// Every match of `pattern` in `text`: whole match and `phi` group, as byte offsets.
    func matches(_ pattern: Pattern, _ text: String, _ scratch: MatchScratch) throws -> [String] {
        var found: [String] = []
        var copy = text
        try copy.withUTF8 { bytes in
            try pattern.forEachMatch(in: bytes, scratch: scratch) { whole, phi in
                found.append("\(whole.start)-\(whole.end) \(phi.map { "\($0.start)-\($0.end)" } ?? "-")")
            }
        }
        return found
    }

    @Test("A pattern runs on PCRE2's interpreter until it has read jitAfterBytes of text, then JIT-compiled, with the same matches")
    func jitAfterEnoughText() throws {
        let scratch = MatchScratch()
        let source = #"(?i)\b(?:room|suite)\s+(?<phi>\d+)"#
        let short = "Seen in Room 12, then suité 7 and SUITE 31; "
        let long = String(repeating: short, count: Pattern.jitAfterBytes / short.utf8.count + 1)
        let interpreted = try Pattern(source, jit: false)

        let pattern = try Pattern(source)
        #expect(try matches(pattern, short, scratch) == matches(interpreted, short, scratch))
        #expect(try matches(pattern, short, scratch).count == 2)
        #expect(!pattern.isJITCompiled)
        // One long text is JIT-compiled at once, and finds what the interpreter finds.
        #expect(try matches(pattern, long, scratch) == matches(interpreted, long, scratch))
        #expect(pattern.isJITCompiled)
        #expect(try matches(pattern, short, scratch) == matches(interpreted, short, scratch))

        // Many short texts reach the threshold too: just under it, still interpreted.
        let counted = try Pattern(source)
        for _ in 0..<((Pattern.jitAfterBytes - 1) / short.utf8.count) { _ = try matches(counted, short, scratch) }
        #expect(!counted.isJITCompiled)
        #expect(try matches(counted, short, scratch) == matches(interpreted, short, scratch))
        #expect(counted.isJITCompiled)

        // `jit: false` never JIT-compiles.
        _ = try matches(interpreted, long + long, scratch)
        #expect(!interpreted.isJITCompiled)
    }

    @Test("PCRE2 code written out and read back (the rule cache's) is the pattern compiled afresh: options, gate, phi group, matches on fixture texts")
    func storedCodeIsCompiledCode() throws {
        let patterns = shippedLibrary.rules.flatMap { $0.patterns + [$0.requiredContext, $0.excludedContext].compactMap { $0 } }
        #expect(patterns.count > 300)
        let encoded = try #require(StoredPatterns.encode(patterns))
        let stored = try #require(StoredPatterns(sources: encoded.sources, bytes: encoded.bytes))
        #expect(stored.remaining == patterns.count)
        let scratch = MatchScratch()
        let texts = Array(fixtureTexts.prefix(150)) + lexiconEdgeCases
        for pattern in patterns {
            let read = try #require(stored.take(pattern.source, options: pattern.options))
            #expect(read.gate == pattern.gate && read.phiGroup == pattern.phiGroup && read.options == pattern.options)
            for text in texts {
                #expect(try matches(read, text, scratch) == matches(pattern, text, scratch), "\(pattern.source)")
            }
        }
        #expect(stored.remaining == 0)
        // Code compiled with other options, or for another source, is not handed out.
        let again = try #require(StoredPatterns(sources: encoded.sources, bytes: encoded.bytes))
        #expect(again.take(patterns[0].source, options: patterns[0].options == [] ? .caseInsensitive : []) == nil)
        #expect(again.take("not a stored pattern", options: []) == nil)
        // Bytes holding another number of patterns than named give no store (everything is compiled).
        #expect(StoredPatterns(sources: encoded.sources + [("x", 0)], bytes: encoded.bytes) == nil)
        #expect(StoredPatterns(sources: encoded.sources, bytes: []) == nil)
    }

    @Test("Every hashtag pattern of the lexicon needs a '#': a text without one cannot match it")
    func hashtagPatternsNeedTheSign() throws {
        var everyByteButSign = ByteSet()
        for byte in UInt8.min...UInt8.max where byte != LexiconMatcher.hashtagSign { everyByteButSign.insert(byte) }
        let patterns = try #require(shippedLibrary.lexicon?.patterns)
        #expect(!patterns.isEmpty)
        for lazy in patterns {
            #expect(!(try lazy.pattern().gate.admits(everyByteButSign)), "\(lazy.source.prefix(80))")
        }
    }
}
