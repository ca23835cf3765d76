// Engine: patterns whose compile cost is paid only when they earn it. A one-draft pre-commit check
// should not JIT-compile a 1,700-term alternation it runs once; an audit of a million documents
// should. Both kinds are safe to share: a compiled pattern is published under a lock and never
// changes afterwards.
import Foundation

public final class LazyPattern: @unchecked Sendable {
    // @unchecked: `interpreted` and `jitted` are written only under `lock`, and a Pattern is
    // immutable once published.
    /// The pattern's text, built on first use when it was given as a builder.
    public var source: String {
        lock.lock()
        defer { lock.unlock() }
        return sourceLocked()
    }
    private let makeSource: @Sendable () -> String
    private var builtSource: String?
    private let lock = NSLock()
    private var interpreted: Pattern?
    private var jitted: Pattern?
    private var uses = 0
    /// Uses after which the pattern is JIT-compiled; nil never JIT-compiles it.
    private let jitAfter: Int?

    public init(_ source: String, jitAfter: Int?) {
        self.makeSource = { source }
        self.jitAfter = jitAfter
    }

    /// A pattern already compiled for PCRE2's interpreter (read back from the rule cache).
    package init(_ source: String, interpreted: Pattern, jitAfter: Int?) {
        self.makeSource = { source }
        self.jitAfter = jitAfter
        self.interpreted = interpreted
    }

    /// The interpreted pattern, if one was compiled (for the rule cache to store).
    package var interpretedPattern: Pattern? {
        lock.lock()
        defer { lock.unlock() }
        return interpreted
    }

    /// A pattern whose text is itself costly to build (a lexicon group's alternation): built
    /// only if the pattern is ever used.
    public init(jitAfter: Int?, source: @escaping @Sendable () -> String) {
        self.makeSource = source
        self.jitAfter = jitAfter
    }

    private func sourceLocked() -> String {
        if let builtSource { return builtSource }
        let built = makeSource()
        builtSource = built
        return built
    }

    /// The pattern to match with now: interpreted at first, JIT-compiled once it has been used
    /// `jitAfter` times.
    public func pattern() throws(PatternError) -> Pattern {
        lock.lock()
        defer { lock.unlock() }
        if let jitted { return jitted }
        uses += 1
        if let jitAfter, uses > jitAfter {
            let compiled = try Pattern(sourceLocked())
            jitted = compiled
            return compiled
        }
        if let interpreted { return interpreted }
        let compiled = try Pattern(sourceLocked(), jit: false)
        interpreted = compiled
        return compiled
    }
}
