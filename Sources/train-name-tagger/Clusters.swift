// Word clusters for the name tagger, learned from the training texts without their labels: the
// exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) for a class bigram model,
// the flat cousin of Brown clustering. Words that occur in the same places fall into one class, so
// what the tagger learns about "Obama" reaches a word it saw only a few times, such as a surname
// written where names are written ("... said Kapoor"). Deterministic: words in a fixed order
// (count, then hash), classes assigned round-robin at the start, a fixed number of passes, ties
// kept in the current class and otherwise to the lowest class number, x·log x from one table.
import Foundation
import PostGuardDetectors

enum WordClusters {
    /// One pass over `texts`: each token's type (its lower-cased hash), with a boundary type at both
    /// ends of a text. Types seen fewer than `minCount` times share one "rare" type; only word types
    /// seen `minCount` times or more are given a class in the table.
    /// Returns word hash → class code (`fine | coarse << 8`), sorted by hash, and the classes as
    /// text (`fine coarse word` lines, by class, then by count) for a reader to look at.
    static func learn(_ texts: [LabelledText], features: NameFeatures, fine: Int, coarse: Int, minCount: Int,
                      passes: Int) -> (table: [(UInt64, UInt16)], listing: String) {
        // Token types, per text.
        var sequences: [[UInt64]] = []
        var isWord: [UInt64: Bool] = [:]
        var counts: [UInt64: Int] = [:]
        var spelling: [UInt64: String] = [:]
        for text in texts {
            text.bytes.withUnsafeBufferPointer { bytes in
                let tokens = features.analyse(bytes)
                var sequence: [UInt64] = []
                sequence.reserveCapacity(tokens.count)
                for t in tokens {
                    // Handles, hashtags, URLs and numbers by kind: one type each, not one per spelling.
                    let type: UInt64 = t.kind == TaggerToken.word ? t.lowerHash : 0xC1A5_5000 | UInt64(t.kind)
                    if t.kind == TaggerToken.word, isWord[type] == nil {
                        isWord[type] = true
                        spelling[type] = String(decoding: bytes[t.start..<t.end], as: UTF8.self).lowercased()
                    }
                    sequence.append(type)
                    counts[type, default: 0] += 1
                }
                sequences.append(sequence)
            }
        }
        let boundary: UInt64 = 0xC1A5_50FF, rare: UInt64 = 0xC1A5_50FE
        // Vocabulary in a fixed order: most frequent first, ties by hash.
        var vocabulary = counts.filter { $0.value >= minCount }.map { ($0.key, $0.value) }
        vocabulary.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        vocabulary.append((boundary, sequences.count * 2))
        vocabulary.append((rare, 0))
        var index: [UInt64: Int] = [:]
        for (i, entry) in vocabulary.enumerated() { index[entry.0] = i }
        let rareIndex = vocabulary.count - 1, boundaryIndex = vocabulary.count - 2
        // Bigram counts (left type, right type), as sorted adjacency lists.
        var pairs: [Int: Int] = [:]
        let v = vocabulary.count
        for sequence in sequences {
            var previous = boundaryIndex
            for type in sequence + [boundary] {
                let current = type == boundary ? boundaryIndex : index[type] ?? rareIndex
                pairs[previous * v + current, default: 0] += 1
                previous = current
            }
        }
        var right = [[(Int, Int)]](repeating: [], count: v), left = [[(Int, Int)]](repeating: [], count: v)
        for key in pairs.keys.sorted() {
            let count = pairs[key]!
            right[key / v].append((key % v, count))
            left[key % v].append((key / v, count))
        }
        var totalPairs = 0
        for (_, count) in pairs { totalPairs += count }
        // x·log x for every count that can occur, computed once.
        var xlogx = [Double](repeating: 0, count: totalPairs + 1)
        for x in 1...totalPairs { xlogx[x] = Double(x) * log(Double(x)) }

        func cluster(_ k: Int) -> [Int] {
            var classOf = (0..<v).map { $0 % k }
            var matrix = [Int](repeating: 0, count: k * k)   // matrix[left class * k + right class]
            var leftTotal = [Int](repeating: 0, count: k), rightTotal = [Int](repeating: 0, count: k)
            for w in 0..<v {
                for (u, count) in right[w] {
                    matrix[classOf[w] * k + classOf[u]] += count
                    leftTotal[classOf[w]] += count
                    rightTotal[classOf[u]] += count
                }
            }
            var toClass = [Int](repeating: 0, count: k), fromClass = [Int](repeating: 0, count: k)
            var touchedTo: [Int] = [], touchedFrom: [Int] = []
            for _ in 0..<passes {
                for w in 0..<v {
                    // w's bigrams by the other word's class (w itself apart).
                    var selfPairs = 0, asLeft = 0, asRight = 0
                    for (u, count) in right[w] {
                        asLeft += count
                        if u == w { selfPairs += count; continue }
                        if toClass[classOf[u]] == 0 { touchedTo.append(classOf[u]) }
                        toClass[classOf[u]] += count
                    }
                    for (u, count) in left[w] {
                        asRight += count
                        if u == w { continue }
                        if fromClass[classOf[u]] == 0 { touchedFrom.append(classOf[u]) }
                        fromClass[classOf[u]] += count
                    }
                    // Take w out of its class.
                    let old = classOf[w]
                    for c in touchedTo { matrix[old * k + c] -= toClass[c] }
                    for c in touchedFrom { matrix[c * k + old] -= fromClass[c] }
                    matrix[old * k + old] -= selfPairs
                    leftTotal[old] -= asLeft
                    rightTotal[old] -= asRight
                    // The gain in log-likelihood of putting it in class b.
                    func gain(_ b: Int) -> Double {
                        var g = 0.0
                        for c in touchedTo where c != b {
                            let n = matrix[b * k + c]
                            g += xlogx[n + toClass[c]] - xlogx[n]
                        }
                        for c in touchedFrom where c != b {
                            let n = matrix[c * k + b]
                            g += xlogx[n + fromClass[c]] - xlogx[n]
                        }
                        let n = matrix[b * k + b]
                        g += xlogx[n + toClass[b] + fromClass[b] + selfPairs] - xlogx[n]
                        g -= xlogx[leftTotal[b] + asLeft] - xlogx[leftTotal[b]]
                        g -= xlogx[rightTotal[b] + asRight] - xlogx[rightTotal[b]]
                        return g
                    }
                    var best = old, bestGain = gain(old)
                    for b in 0..<k where b != old {
                        let g = gain(b)
                        if g > bestGain + 1e-9 { best = b; bestGain = g }
                    }
                    // Put it there.
                    for c in touchedTo { matrix[best * k + c] += toClass[c] }
                    for c in touchedFrom { matrix[c * k + best] += fromClass[c] }
                    matrix[best * k + best] += selfPairs
                    leftTotal[best] += asLeft
                    rightTotal[best] += asRight
                    classOf[w] = best
                    for c in touchedTo { toClass[c] = 0 }
                    for c in touchedFrom { fromClass[c] = 0 }
                    touchedTo.removeAll(keepingCapacity: true)
                    touchedFrom.removeAll(keepingCapacity: true)
                }
            }
            return classOf
        }
        let fineClasses = cluster(fine), coarseClasses = cluster(coarse)
        var table: [(UInt64, UInt16)] = []
        var lines: [(Int, Int, String)] = []
        for (i, entry) in vocabulary.enumerated() where isWord[entry.0] == true {
            table.append((entry.0, UInt16(fineClasses[i]) | UInt16(coarseClasses[i]) << 8))
            lines.append((fineClasses[i], i, "\(fineClasses[i])\t\(coarseClasses[i])\t\(spelling[entry.0] ?? "")"))
        }
        table.sort { $0.0 < $1.0 }
        lines.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return (table, lines.map(\.2).joined(separator: "\n") + "\n")
    }
}
