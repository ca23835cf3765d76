// Engine: "did you mean" for every error that names something the user typed (a rule id, a
// setting, a command, a channel, a rule pack key): one measure of how far apart two words are.

package enum Spelling {
    /// Levenshtein distance over characters.
    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The known word closest to `word`, if it is at most `within` edits away.
    package static func nearest(_ word: String, among known: [String], within: Int) -> String? {
        known.map { ($0, distance($0, word)) }.filter { $0.1 <= within }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}
