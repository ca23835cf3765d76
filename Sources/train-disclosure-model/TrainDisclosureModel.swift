// Trains the disclosure model (Sources/PostGuardPolicy/DisclosureModel.swift): a logistic regression
// over a document's words and word pairs, from verdict sets other people wrote and labelled (a
// document is a breach when its `expect` does not hold "pass") and ordinary public posts (all
// taken as clean). Deterministic: the same inputs give the same file byte for byte.
//
// The threshold is chosen, not guessed: every verdict set is scored by a model trained without it
// (leave one set out), and the threshold is the lowest on a grid of 0.25 at which the model alone
// raises at most `--clean-budget` of those sets' clean documents; the block threshold likewise, the
// lowest at which it would block at most `--block-budget` of them. The tables it prints are what the
// README copies.
//
//   train-disclosure-model --out FILE --vocabulary Rules/data/vocabulary.txt \
//       --set NAME=verdicts.jsonl ... --negatives corpus.jsonl ... [--clean-budget 0.015]
//       [--block-budget 0.004] [--check]
import PostGuardDocuments
import PostGuardPolicy
import Foundation

struct Sample {
    var set: String
    var text: String
    var kind: DocumentKind
    var breach: Bool
    /// Whether a block is an acceptable verdict (`expect` holds "block"): a clean document's is not.
    var acceptsBlock: Bool = false
    var features: [Int] = []
}

/// SplitMix64: a small generator whose sequence is the same everywhere.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func shuffle(_ array: inout [Int]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("train-disclosure-model: \(message)\n".utf8))
    exit(2)
}

func readLines(_ path: String) -> [[String: Any]] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").enumerated().map { number, line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            fail("\(path):\(number + 1): not a JSON object")
        }
        return object
    }
}

// MARK: - Arguments

var out: String?, vocabularyPath: String?, budget = 0.015, blockBudget = 0.004, check = false
var sets: [(String, String)] = [], negatives: [String] = []
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { fail("\(flag) needs a value") }
        return arguments.removeFirst()
    }
    switch flag {
    case "--out": out = value()
    case "--vocabulary": vocabularyPath = value()
    case "--set":
        let pair = value().split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { fail("--set NAME=FILE") }
        sets.append((pair[0], pair[1]))
    case "--negatives": negatives.append(value())
    case "--clean-budget": budget = Double(value()) ?? budget
    case "--block-budget": blockBudget = Double(value()) ?? blockBudget
    case "--check": check = true
    default: fail("unknown argument \(flag)")
    }
}
guard let out, let vocabularyPath, !sets.isEmpty else { fail("needs --out, --vocabulary and at least one --set") }

// MARK: - Data

var samples: [Sample] = []
for (name, path) in sets {
    for object in readLines(path) {
        guard let text = object["text"] as? String, let expect = object["expect"] as? [String] else { fail("\(path): a record without text or expect") }
        let kind = (object["kind"] as? String).flatMap(DocumentKind.init(rawValue:)) ?? .post
        samples.append(Sample(set: name, text: text, kind: kind, breach: !expect.contains("pass"), acceptsBlock: expect.contains("block")))
    }
}
let labelledCount = samples.count
for path in negatives {
    for object in readLines(path) {
        guard let text = object["text"] as? String else { fail("\(path): a record without text") }
        samples.append(Sample(set: "", text: text, kind: .post, breach: false))
    }
}

// The vocabulary: dictionary words (Rules/data/vocabulary.txt) that two or more training documents use.
guard let dictionaryText = try? String(contentsOfFile: vocabularyPath, encoding: .utf8) else { fail("cannot read \(vocabularyPath)") }
let dictionary = Set(dictionaryText.split(separator: "\n").map(String.init))
var documentFrequency: [String: Int] = [:]
for sample in samples {
    for word in Set(DisclosureModel.words(of: sample.text).map(\.text)) {
        let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        if dictionary.contains(word) || dictionary.contains(trimmed) { documentFrequency[word, default: 0] += 1 }
    }
}
let vocabulary = Set(documentFrequency.filter { $0.value >= 2 }.keys)

// Features as numbers, the same for every fold.
var featureIDs: [String: Int] = [:], featureNames: [String] = []
for index in samples.indices {
    samples[index].features = DisclosureModel.features(of: samples[index].text, kind: samples[index].kind, vocabulary: vocabulary).map { feature in
        if let id = featureIDs[feature.key] { return id }
        featureIDs[feature.key] = featureNames.count
        featureNames.append(feature.key)
        return featureNames.count - 1
    }
}

// MARK: - Training

struct Model { var weights: [Double]; var bias: Double }

@MainActor func train(_ indices: [Int]) -> Model {
    // Features two or more of the training documents have; the rest say too little to weigh.
    var frequency = [Int](repeating: 0, count: featureNames.count)
    for i in indices { for f in samples[i].features { frequency[f] += 1 } }
    var weights = [Double](repeating: 0, count: featureNames.count), bias = 0.0
    let rate = 0.2, l2 = 1e-4
    var order = indices, random = SplitMix64(state: 7)
    for _ in 0..<15 {
        random.shuffle(&order)
        for i in order {
            let features = samples[i].features.filter { frequency[$0] >= 2 }
            var z = bias
            for f in features { z += weights[f] }
            let p = 1 / (1 + exp(-max(-30, min(30, z))))
            let gradient = p - (samples[i].breach ? 1 : 0)
            bias -= rate * gradient
            for f in features { weights[f] -= rate * (gradient + l2 * weights[f]) }
        }
    }
    return Model(weights: weights, bias: bias)
}

@MainActor func score(_ model: Model, _ sample: Sample) -> Double {
    sample.features.reduce(model.bias) { $0 + model.weights[$1] }
}

// Leave one set out: each verdict set scored by a model that never saw it.
let setNames = sets.map(\.0)
var heldOut: [(breach: Bool, acceptsBlock: Bool, score: Double)] = []
for name in setNames {
    let model = train(samples.indices.filter { samples[$0].set != name })
    for sample in samples where sample.set == name { heldOut.append((sample.breach, sample.acceptsBlock, score(model, sample))) }
}
let cleanScores = heldOut.filter { !$0.breach }.map(\.score), breachScores = heldOut.filter(\.breach).map(\.score)
func share(_ scores: [Double], above t: Double) -> Double { Double(scores.filter { $0 > t }.count) / Double(max(1, scores.count)) }
let grid = (0...60).map { Double($0) * 0.25 }
guard let threshold = grid.first(where: { share(cleanScores, above: $0) <= budget }) else { fail("no threshold within the clean budget") }
/// The grid's rows within one of `chosen`: the share of the documents a flag is wrong for, and of
/// those it is right for, scored above each threshold.
func printTable(_ header: String, chosen: Double, wrong: [Double], right: [Double], wrongFormat: String) {
    print(header)
    print("|---:|---:|---:|")
    for t in grid where abs(t - chosen) <= 1.0 {
        let mark = t == chosen ? " (chosen)" : ""
        print(String(format: "| %.2f%@ | \(wrongFormat) (%d/%d) | %.3f (%d/%d) |", t, mark, share(wrong, above: t), wrong.filter { $0 > t }.count,
                     wrong.count, share(right, above: t), right.filter { $0 > t }.count, right.count))
    }
}
print("Leave one set out (\(setNames.count) verdict sets, \(labelledCount) documents; \(samples.count - labelledCount) public posts as clean in every fold):")
printTable("| threshold | clean documents raised | breaches raised |", chosen: threshold, wrong: cleanScores, right: breachScores, wrongFormat: "%.3f")

// How sure is sure enough to block: documents whose verdict may not be a block (clean ones) against
// those that may (breaches), above each threshold.
let notBlockScores = heldOut.filter { !$0.acceptsBlock }.map(\.score), blockScores = heldOut.filter(\.acceptsBlock).map(\.score)
guard let blockThreshold = grid.first(where: { $0 >= threshold && share(notBlockScores, above: $0) <= blockBudget }) else {
    fail("no block threshold within the block budget")
}
printTable("| block threshold | documents a block is wrong for | documents a block is right for |", chosen: blockThreshold,
           wrong: notBlockScores, right: blockScores, wrongFormat: "%.4f")

// MARK: - The shipped model: every document

let model = train(Array(samples.indices))
var features: [String: Double] = [:]
for (id, weight) in model.weights.enumerated() where abs(weight) >= 0.001 {
    // Rounded to six places: the file stays small and diffable, the scores move by less than 0.001.
    features[featureNames[id]] = (weight * 1_000_000).rounded() / 1_000_000
}
let used = Set(features.keys.flatMap { key -> [String] in
    guard key.hasPrefix("u=") || key.hasPrefix("b=") else { return [] }
    return key.dropFirst(2).split(separator: " ").map(String.init)
})
let weights = DisclosureModel.Weights(bias: (model.bias * 1_000_000).rounded() / 1_000_000, threshold: threshold, blockThreshold: blockThreshold,
                                      vocabulary: vocabulary.intersection(used), features: features)
let header = [
    "PostGuard disclosure model: logistic regression over words and word pairs (Sources/PostGuardPolicy/DisclosureModel.swift).",
    "Trained by scripts/train-disclosure-model; source, licence and date in Rules/data/SOURCES.md.",
    "Verdict sets: " + setNames.joined(separator: ", ") + ".",
    "Public posts taken as clean: " + negatives.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ") + ".",
    "Threshold: the lowest at which, leaving each set out, the model alone raised at most \(budget) of its clean documents.",
    "Block: the lowest at which, leaving each set out, the model alone would have blocked at most \(blockBudget) of them.",
]
let text = DisclosureModel.serialise(weights, header: header)
if check {
    let shipped = try? String(contentsOfFile: out, encoding: .utf8)
    if shipped == text { print("train-disclosure-model: \(out) is what this training writes") } else {
        print("train-disclosure-model: \(out) differs from what this training writes"); exit(1)
    }
} else {
    // A new file beside the old, then one rename(2): atomic. (Foundation's `replaceItemAt` on Linux
    // moves the old file to "NAME.tmp" first, the very name written here, and so put the old
    // weights back.)
    let temporary = out + ".new"
    do { try text.write(toFile: temporary, atomically: false, encoding: .utf8) } catch { fail("cannot write \(temporary): \(error)") }
    guard rename(temporary, out) == 0 else { fail("cannot replace \(out): \(String(cString: strerror(errno)))") }
    print("train-disclosure-model: wrote \(out) (\(features.count) features, \(weights.vocabulary.count) words, threshold \(threshold), block \(blockThreshold))")
}
