// Policy: lookups the combinations ask of every finding about the others ("is a staff role beside
// this name?", "is any health word in this sentence?", "is this the same person as one lowered?").
// Asked by scanning every other finding they made a text of many names and health words grow with
// the square of its findings (issue 15, item 3); sorted once, each question is a binary search.
import PostGuardEngine

/// Byte ranges sorted by start, with the smallest end from each position on.
struct SortedSpans {
    let spans: [ByteRange]
    /// `minimumEnd[i]`: the smallest end among `spans[i...]`.
    private let minimumEnd: [Int]
    /// The longest span's length: a span reaching `offset` starts no earlier than `offset - longest`.
    let longest: Int

    init<S: Sequence>(_ ranges: S) where S.Element == ByteRange {
        spans = ranges.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var minimum = Int.max
        var ends = [Int](repeating: 0, count: spans.count)
        for index in spans.indices.reversed() {
            minimum = min(minimum, spans[index].end)
            ends[index] = minimum
        }
        minimumEnd = ends
        longest = spans.map { $0.end - $0.start }.max() ?? 0
        WorkMeter.current?.count(spans.count)
    }

    /// The index of the first span starting at or after `offset`.
    func first(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        WorkMeter.current?.count(1)
        return low
    }

    /// Whether some span lies within `range` (`range.start <= s.start && s.end <= range.end`).
    func any(inside range: ByteRange) -> Bool {
        let index = first(startingAtOrAfter: range.start)
        return index < spans.count && minimumEnd[index] <= range.end
    }

    /// The smallest end among spans starting at or after `offset`, if any.
    func minimumEnd(startingAtOrAfter offset: Int) -> Int? {
        let index = first(startingAtOrAfter: offset)
        return index < spans.count ? minimumEnd[index] : nil
    }

    /// The spans starting in `from..<to`, in order.
    func starting(from: Int, before to: Int) -> ArraySlice<ByteRange> {
        let low = first(startingAtOrAfter: from)
        var high = low
        while high < spans.count, spans[high].start < to { high += 1 }
        WorkMeter.current?.count(high - low)
        return spans[low..<high]
    }

    /// Spans that may stand beside `range` in `WordView.adjacent`'s sense: overlapping it, or ending
    /// or starting at most `gap` bytes from it. A superset: the caller still asks `adjacent`.
    func near(_ range: ByteRange, gap: Int = 10) -> ArraySlice<ByteRange> {
        starting(from: range.start - gap - longest, before: range.end + gap + 1)
    }
}

/// Written names indexed by their words, so that the names `SubjectMatch.sameName` can accept for a
/// given name are found without asking it of every other name. `sameName` accepts two names only
/// when every word of the shorter is a word of the longer or an initial of one: so they share a word,
/// or one has a one-letter word the other has a word starting with.
struct NameIndex {
    let tokens: [[String]]
    private var byWord: [String: [Int]] = [:]
    private var byInitial: [Character: [Int]] = [:]
    private var byOneLetterWord: [Character: [Int]] = [:]

    init(_ tokens: [[String]]) {
        self.tokens = tokens
        for (index, words) in tokens.enumerated() {
            for word in Set(words) {
                byWord[word, default: []].append(index)
                guard let initial = word.first else { continue }
                byInitial[initial, default: []].append(index)
                if word.count == 1 { byOneLetterWord[initial, default: []].append(index) }
            }
        }
        WorkMeter.current?.count(tokens.count)
    }

    /// The indices of the names that may be the same person as `name`, in order; `sameName` decides.
    func candidates(for name: [String]) -> [Int] {
        var found = Set<Int>()
        for word in Set(name) {
            found.formUnion(byWord[word] ?? [])
            guard let initial = word.first else { continue }
            found.formUnion(byOneLetterWord[initial] ?? [])
            if word.count == 1 { found.formUnion(byInitial[initial] ?? []) }
        }
        WorkMeter.current?.count(found.count + 1)
        return found.sorted()
    }

    /// The first name (by index) that `sameName` accepts for `name`, among those `where` allows.
    func firstSame(as name: [String], where allowed: (Int) -> Bool = { _ in true }) -> Int? {
        candidates(for: name).first { allowed($0) && SubjectMatch.sameName(name, tokens[$0]) }
    }
}

extension WordView {
    /// `namedInRole(_:roles:names:)` with the roles and names sorted: only the roles near the name are
    /// asked, and only the names just after a role.
    func namedInRole(_ name: ByteRange, roles: SortedSpans, names: SortedSpans) -> Bool {
        if roles.near(name).contains(where: { role in
            adjacent(role, name) && !(role.start >= name.end && !names.starting(from: role.end, before: role.end + 3).isEmpty)
        }) { return true }
        // A plural role before a list of names gives each its role: "trauma nurses Gemma Voss and
        // Curtis Aldana", "paramedics Joel Fenn, Anita Broussard and Kim Lee". Walked back over the
        // list's joints to its first name (a few steps: a list is short).
        var current = name
        for _ in 0..<6 {
            guard let previous = names.starting(from: current.start - 64, before: current.start).last(where: { $0.end <= current.start }),
                  listed(previous, then: current) else { return false }
            if roles.near(previous).contains(where: { role in
                role.end <= previous.start && adjacent(role, previous) && (words(in: role).last?.text.hasSuffix("s") ?? false)
            }) { return true }
            current = previous
        }
        return false
    }
}
