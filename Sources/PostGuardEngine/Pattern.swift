// Engine: the only place that talks to PCRE2. Patterns are compiled once per run and shared by every
// worker, and JIT-compiled once one has read 1 KB of text (a one-draft check runs a few of some 400); each
// worker owns a `MatchScratch` (match data, limits, JIT stack) so matching allocates nothing per match.
import CPCRE2
import Foundation

/// Why a pattern could not be compiled: PCRE2's own message and the offset it points at.
public struct PatternError: Error, Sendable, CustomStringConvertible {
    public let pattern: String
    public let message: String
    /// Offset into the pattern, in bytes of its UTF-8 form, where PCRE2 stopped.
    public let offset: Int

    public var description: String { "\(message) at offset \(offset) of pattern '\(pattern)'" }
}

/// A match that PCRE2 gave up on. The usual cause is a pattern with nested repetition
/// (`(a+)+$`) meeting text it backtracks on exponentially; the limit turns a hang into an error.
public struct MatchError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable { case matchLimit, depthLimit, heapLimit, jitStackLimit, timeBudget(Duration), other(Int32) }
    public let reason: Reason

    public init(reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .matchLimit: "the pattern backtracked past the match limit (nested repetition?)"
        case .depthLimit: "the pattern recursed past the depth limit"
        case .heapLimit: "the pattern needed more than the heap limit"
        case .jitStackLimit: "the pattern needed more than the JIT stack"
        case .timeBudget(let budget):
            "the rule took more than its \(Int(budget / .milliseconds(1))) ms on this document (each attempt within the match limit, but too many: a repetition like a{0,1000}a{0,1000}c?)"
        case .other(let code): "PCRE2 error \(code): \(Pattern.message(for: code))"
        }
    }
}

/// A byte range in UTF-8 text, end-exclusive.
public struct ByteRange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var isEmpty: Bool { start == end }
}

/// One compiled regular expression.
public final class Pattern: @unchecked Sendable {
    // @unchecked: PCRE2 documents a compiled (and JIT-compiled) pattern as read-only and safe to
    // use from several threads at once; all mutable state lives in `MatchScratch`.
    public let source: String
    public let options: Options
    /// Capture group number of `(?<phi>...)`, the part of a match that is the identifier itself.
    public let phiGroup: Int?
    /// What a text must contain for this pattern to match in it (PCRE2's own analysis).
    public let gate: PatternGate
    let code: OpaquePointer
    /// The code matches run with: `code` until the pattern has read `jitAfterBytes` of text, then a
    /// JIT-compiled copy of it. JIT-compiling a rule pattern takes about 0.6 M instructions (293
    /// patterns, 169 M, in an audit of 0.5 MB of posts; callgrind), more than PCRE2's interpreter
    /// spends on a short draft, so a one-draft check (a pre-commit hook) spent more compiling its
    /// patterns than running them. What an audit pays instead is the interpreter's slowness over each
    /// pattern's first `jitAfterBytes`: 146 M in that audit at 2 KB, 870 M at 16 KB, so the threshold
    /// stays small. The copy is compiled while other threads may still be matching with `code`
    /// (PCRE2 does not allow JIT-compiling a pattern in use), and is published under `jitLock`.
    private var matchCode: OpaquePointer
    private var jitPending: Bool
    private var interpretedBytes = 0
    /// Text a pattern reads with PCRE2's interpreter before it is JIT-compiled.
    package static let jitAfterBytes = 1024
    private let jitLock = NSLock()

    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: PCRE2_CASELESS)
    }

    /// `jit: false` leaves a pattern to PCRE2's interpreter: JIT compiling costs milliseconds,
    /// worth it only for patterns many documents meet. With `jit: true` it happens once the pattern
    /// has read `jitAfterBytes`.
    public convenience init(_ source: String, options: Options = [], jit: Bool = true) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled = source.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) {
                pcre2_compile_8($0, source.utf8.count, Pattern.flags(options), &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(pattern: source, message: Pattern.message(for: errorCode), offset: errorOffset)
        }
        self.init(source, options: options, code: compiled, jit: jit)
    }

    /// A pattern for code PCRE2 compiled from `source` with `options` (`StoredPatterns`); it owns `code`.
    init(_ source: String, options: Options, code compiled: OpaquePointer, jit: Bool) {
        self.source = source
        self.options = options
        code = compiled
        matchCode = compiled
        jitPending = jit
        let number = "phi".withCString { name in
            name.withMemoryRebound(to: UInt8.self, capacity: 4) { pcre2_substring_number_from_name_8(compiled, $0) }
        }
        phiGroup = number > 0 ? Int(number) : nil
        gate = PatternGate.analyse(compiled)
    }

    /// The options PCRE2 compiles a pattern with.
    /// UTF: the subject is UTF-8 and offsets land on character boundaries.
    /// UCP: \w, \d, \b and case folding follow Unicode, so "José" is one word.
    /// USE_OFFSET_LIMIT: `forEachMatch` searches a long text a chunk of start positions at a time.
    static func flags(_ options: Options) -> UInt32 {
        PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT | options.rawValue
    }

    deinit {
        if matchCode != code { pcre2_code_free_8(matchCode) }
        pcre2_code_free_8(code)
    }

    /// The code to match `length` bytes with: JIT-compiled once the pattern has read
    /// `jitAfterBytes` (this call's included, so a long text is JIT-compiled at once). A failed JIT
    /// compilation is not fatal: PCRE2's interpreter honours the same limits.
    @inline(__always) private func prepare(_ length: Int) -> OpaquePointer {
        jitLock.lock()
        defer { jitLock.unlock() }
        guard jitPending else { return matchCode }
        interpretedBytes += length
        guard interpretedBytes >= Pattern.jitAfterBytes else { return code }
        jitPending = false
        // With tables of its own: a copy sharing `code`'s (a pattern read from the rule cache) would
        // change their reference count, which PCRE2 does without atomics.
        if let copy = pcre2_code_copy_with_tables_8(code) {
            if pcre2_jit_compile_8(copy, PCRE2_JIT_COMPLETE) == 0 { matchCode = copy } else { pcre2_code_free_8(copy) }
        }
        return matchCode
    }

    /// Whether matches now run JIT-compiled code (tests).
    package var isJITCompiled: Bool {
        jitLock.lock()
        defer { jitLock.unlock() }
        return matchCode != code
    }

    /// The PCRE2 library's version ("10.42 2022-12-11"): compiled patterns and what is read off
    /// them may differ between versions, so the rule cache is keyed by it.
    public static let libraryVersion: String = {
        var buffer = [UInt8](repeating: 0, count: 64)
        let length = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), &buffer)
        return length > 1 ? String(decoding: buffer[..<Int(length - 1)], as: UTF8.self) : "unknown"
    }()

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[..<Int(length)], as: UTF8.self) : "unknown error \(code)"
    }

    /// Calls `body` with every non-overlapping match in `text[range]`: the whole match and, when the
    /// pattern has a `phi` group that took part, that group. `text` must be valid UTF-8 (a Swift
    /// `String`'s bytes always are), which is why PCRE2's own UTF check is skipped.
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>,
        range: ByteRange? = nil,
        scratch: MatchScratch,
        _ body: (_ match: ByteRange, _ phi: ByteRange?) -> Void
    ) throws(MatchError) {
        guard let base = text.baseAddress else { return }
        let window = range ?? ByteRange(0, text.count)
        let code = prepare(window.end - window.start)
        // PCRE2 sees only the window: lookbehind stops at its start, `$` matches at its end.
        let subject = base + window.start
        let length = window.end - window.start
        var offset = 0
        var options: UInt32 = PCRE2_NO_UTF_CHECK
        let data = scratch.matchData
        // The match limit bounds one attempt (one start position); a pattern can stay under it at
        // every start and still take minutes over a long text. So each call may try only `chunk`
        // start positions (PCRE2's offset limit), and between calls the time PCRE2 spent on this
        // rule is checked against its budget. The chunk grows while calls are quick, so an
        // ordinary pattern over a long text needs a handful of calls, and shrinks when they are not.
        var chunk = scratch.firstChunk
        defer { pcre2_set_offset_limit_8(scratch.context, cpcre2_unset()) }
        // One clock reading a call: a call's start is the previous call's end (see `lastReading`).
        var started = scratch.lastReading ?? MatchScratch.now()
        while offset <= length {
            let retrying = options & PCRE2_NOTEMPTY_ATSTART != 0
            let last = retrying ? offset : min(length, offset + chunk)
            pcre2_set_offset_limit_8(scratch.context, last)
            let rc = pcre2_match_8(code, subject, length, offset, options, data, scratch.context)
            let ended = MatchScratch.now()
            let took = ended - started
            started = ended
            scratch.lastReading = ended
            scratch.spentNanoseconds += took
            if scratch.spentNanoseconds > scratch.budgetNanoseconds { throw MatchError(reason: .timeBudget(scratch.ruleBudget)) }
            if took < 1_000_000 { chunk = min(chunk * 2, 1 << 40) } else if took > 5_000_000 { chunk = max(chunk / 8, 1) }
            if rc == cpcre2_error_nomatch() {
                if retrying {
                    // After an empty match we retried anchored and non-empty at the same place; that failed,
                    // so step one character forward and search normally.
                    offset = Pattern.nextCharacter(subject, offset, length)
                    options = PCRE2_NO_UTF_CHECK
                } else {
                    if last >= length { return }
                    offset = Pattern.nextCharacter(subject, last, length)
                }
                continue
            }
            if rc < 0 { throw MatchError(reason: Pattern.reason(rc)) }
            let vector = pcre2_get_ovector_pointer_8(data)!
            let whole = ByteRange(vector[0] + window.start, vector[1] + window.start)
            var phi: ByteRange?
            if let group = phiGroup, group < Int(pcre2_get_ovector_count_8(data)),
               vector[2 * group] != cpcre2_unset() {
                phi = ByteRange(vector[2 * group] + window.start, vector[2 * group + 1] + window.start)
            }
            body(whole, phi)
            offset = vector[1]
            // An empty match would repeat forever; PCRE2's documented remedy is to try for a
            // non-empty match anchored at the same offset before moving on.
            options = whole.isEmpty ? (PCRE2_NO_UTF_CHECK | PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : PCRE2_NO_UTF_CHECK
        }
    }

    /// The first match starting inside `range`. Lookbehind and lookahead see the text around the
    /// range (a word boundary at its edge is the text's, not the range's); how far past the end a
    /// match may look is bounded, so a check near the start of a long text stays cheap.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>, range: ByteRange, scratch: MatchScratch) throws(MatchError) -> ByteRange? {
        guard let base = text.baseAddress, range.end > range.start else { return nil }
        var length = min(text.count, range.end + 64)
        while length < text.count, text[length] & 0xC0 == 0x80 { length += 1 }
        let code = prepare(length - range.start)
        let data = scratch.matchData
        let rc = pcre2_match_8(code, base, length, range.start, PCRE2_NO_UTF_CHECK, data, scratch.context)
        if rc == cpcre2_error_nomatch() { return nil }
        if rc < 0 { throw MatchError(reason: Pattern.reason(rc)) }
        let vector = pcre2_get_ovector_pointer_8(data)!
        return vector[0] < range.end ? ByteRange(vector[0], vector[1]) : nil
    }

    /// The capture groups of the first match in `text` (group 0 is the whole match; nil for a group
    /// that took no part), or nil when nothing matches. For parsing input lines, not for rules.
    public func groups(in text: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) throws(MatchError) -> [ByteRange?]? {
        guard let base = text.baseAddress else { return nil }
        let code = prepare(text.count)
        let data = scratch.matchData
        let rc = pcre2_match_8(code, base, text.count, 0, PCRE2_NO_UTF_CHECK, data, scratch.context)
        if rc == cpcre2_error_nomatch() { return nil }
        if rc < 0 { throw MatchError(reason: Pattern.reason(rc)) }
        let vector = pcre2_get_ovector_pointer_8(data)!
        return (0..<Int(rc)).map { group in
            vector[2 * group] == cpcre2_unset() ? nil : ByteRange(vector[2 * group], vector[2 * group + 1])
        }
    }

    private static func nextCharacter(_ subject: UnsafePointer<UInt8>, _ offset: Int, _ length: Int) -> Int {
        var next = offset + 1
        while next < length, subject[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    private static func reason(_ rc: Int32) -> MatchError.Reason {
        switch rc {
        case cpcre2_error_matchlimit(): .matchLimit
        case cpcre2_error_depthlimit(): .depthLimit
        case cpcre2_error_heaplimit(): .heapLimit
        case cpcre2_error_jit_stacklimit(): .jitStackLimit
        default: .other(rc)
        }
    }
}

/// A worker's private matching state. Create one per thread or task and reuse it for every match.
public final class MatchScratch {
    /// Default cap on backtracking per `pcre2_match` call. Ordinary rules on a long post use a few
    /// thousand steps; `(a+)+$` against 50,000 `a`s reaches the cap in milliseconds.
    public static let defaultMatchLimit: UInt32 = 2_000_000

    /// Default time PCRE2 may spend on one rule over one document. An ordinary rule needs
    /// milliseconds even on a 10 MiB document; a rule past this is stopped and reported like one
    /// past the match limit.
    public static let defaultRuleBudget: Duration = .seconds(2)

    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    /// Time one rule may spend on one document, and what it has spent since `startRule()`.
    public var ruleBudget: Duration { didSet { budgetNanoseconds = MatchScratch.nanoseconds(ruleBudget) } }
    package var spent: Duration {
        get { .nanoseconds(spentNanoseconds) }
        set { spentNanoseconds = MatchScratch.nanoseconds(newValue) }
    }
    /// The same in nanoseconds of `now()`: read around every PCRE2 call, where `Duration`'s
    /// 128-bit arithmetic and `ContinuousClock.now` were 1% of an audit's instructions.
    package var spentNanoseconds: Int64 = 0
    private(set) var budgetNanoseconds: Int64
    /// The clock when the last PCRE2 call ended, taken as the next call's start: one reading a call
    /// instead of two (reading the clock was 3% of an audit's cycles). So a rule is charged for the
    /// time since the previous call, its own or the rule's before it, which in a scan is the gate
    /// checks between (microseconds against a budget of seconds). Work other than matching resets it
    /// (`restartClock()`): a scan does before it starts and after the name detector's pass.
    package var lastReading: Int64?
    /// Start positions the first call of a search may try; later calls adapt (see `forEachMatch`).
    /// Tests vary it to show that chunks change no match.
    package var firstChunk = 256

    /// Starts a rule's budget afresh: called before each rule on each document.
    public func startRule() { spentNanoseconds = 0 }

    /// Forgets the last call's end: the next call reads the clock before it starts. For whoever did
    /// other work since the last match (a new document, the name detector).
    public func restartClock() { lastReading = nil }

    /// A monotonic clock in nanoseconds.
    @inline(__always) static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).overflow
            ? Int64.max : seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    public init(matchLimit: UInt32 = MatchScratch.defaultMatchLimit, ruleBudget: Duration = MatchScratch.defaultRuleBudget) {
        self.ruleBudget = ruleBudget
        budgetNanoseconds = MatchScratch.nanoseconds(ruleBudget)
        // 64 pairs is more capture groups than any rule needs; groups past it are simply not reported.
        matchData = pcre2_match_data_create_8(64, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, 100_000)
        pcre2_set_heap_limit_8(context, 64 * 1024) // KiB
        // The default 32 KiB JIT stack is too small for long alternations over long posts.
        jitStack = pcre2_jit_stack_create_8(64 * 1024, 4 * 1024 * 1024, nil)
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
