// Engine: "does any of these ranges overlap (or contain) this one?" in O(log n), for the stages
// that ask it of every finding. Asked by scanning every other finding it made a text of 10,000 phone
// numbers take half a minute (issue 15, item 3): the work grew with the square of the findings.

/// A set of byte ranges sorted by start, with the largest end seen so far at each position: any
/// range starting before a point that reaches past another point is found by one binary search.
package struct RangeIndex: Sendable {
    private let starts: [Int]
    /// `reach[i]`: the largest end among the first `i + 1` ranges by start.
    private let reach: [Int]

    package init<S: Sequence>(_ ranges: S) where S.Element == ByteRange {
        self.init(Array(ranges))
    }

    /// The same from an array: concrete, so the sort is compiled for `ByteRange` here. The generic
    /// one, given lazy sequences by other modules, sorted through the runtime's generic metadata
    /// (7% of an audit of social posts, most of it for lists of a few ranges). Ranges found in
    /// order are not sorted again.
    package init(_ ranges: [ByteRange]) {
        var sorted = ranges
        if zip(sorted, sorted.dropFirst()).contains(where: { $0.start > $1.start }) { sorted.sort { $0.start < $1.start } }
        starts = sorted.map(\.start)
        var reach: [Int] = []
        reach.reserveCapacity(sorted.count)
        var farthest = Int.min
        for range in sorted {
            farthest = max(farthest, range.end)
            reach.append(farthest)
        }
        self.reach = reach
        WorkMeter.current?.count(sorted.count)
    }

    package var isEmpty: Bool { starts.isEmpty }

    /// How many ranges start before `offset` (or at it, with `orAt`).
    private func count(startingBefore offset: Int, orAt: Bool) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < offset || (orAt && starts[middle] == offset) { low = middle + 1 } else { high = middle }
        }
        WorkMeter.current?.count(1)
        return low
    }

    /// Whether some range shares a byte with `range` (`a.start < b.end && b.start < a.end`).
    package func overlaps(_ range: ByteRange) -> Bool {
        let before = count(startingBefore: range.end, orAt: false)
        return before > 0 && reach[before - 1] > range.start
    }

    /// Whether some range holds all of `range` (`a.start <= b.start && b.end <= a.end`).
    package func contains(_ range: ByteRange) -> Bool {
        let before = count(startingBefore: range.start, orAt: true)
        return before > 0 && reach[before - 1] >= range.end
    }
}
