// train-name-tagger: trains the name tagger's averaged perceptron (Sources/PostGuardDetectors/
// NameTagger.swift: the tokenizer, features and hashing are the library's, never copied here) and
// writes Rules/data/name-tagger.bin. `scripts/train-name-tagger` is the exact command.
// Deterministic: fixed epochs, a fixed SplitMix64 seed for the shuffles, no hashed-collection
// iteration anywhere, the date an argument, so two runs write identical files.
// Reads only the repository: Fixtures/corpora/{wnut17,btc}-train.jsonl (CC BY 4.0),
// Fixtures/identifiers/*.jsonl (the team's fixtures, `name` spans) and the lists in Rules/data.
import Foundation
import PostGuardDetectors

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, well-mixed, seedable PRNG.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Options {
    var corpora = "Fixtures/corpora"
    var fixtures = "Fixtures/identifiers"
    var lists = "Rules/data"
    var out = "Rules/data/name-tagger.bin"
    var epochs = 10
    /// Decision bias on tag O recorded in the header (chosen on the dev sets; the tagger's default).
    var outsideBias = "-44"
    /// The looser bias at which the tagger's mentions are still listed, as possible names (`info`).
    var tentativeBias: String?
    /// The loosest bias: what only it finds is listed only where written as a name (NameDetector).
    var looseBias: String?
    var seed: UInt64 = 20_171_107
    var snapshots: [Int] = []
    var prune = 0.001
    var date = "unknown"
    var fixtureRepeat = 1
    /// `--word-dropout P,K`: K more copies of the training texts in which each word is, with
    /// probability P, forgotten (no word value, no list: `TaggerToken.forgetWord`).
    var wordDropout = 0.0
    var dropoutCopies = 0
    /// `--word-dropout P,K,listed`: forget only words on a list (first names, surnames, common words).
    var dropoutListedOnly = false
    /// `--evaluate CORPUS`: score the weights in `--out` on a span corpus instead of training.
    var evaluate: String?
    var biases: [Float] = [-20, -30, -40, -50]
    var misses: String?
    /// Word classes learned from the training texts (fine, coarse; 0 = none) and the exchange passes.
    var classes = (fine: 0, coarse: 0)
    var classPasses = 8
    var classMinCount = 2
    /// `--classes-out FILE`: also write the learned classes as text (for reading, not loaded).
    var classesOut: String?

    init(_ args: [String]) {
        var i = 1
        func value() -> String { i += 1; return i < args.count ? args[i] : "" }
        while i < args.count {
            switch args[i] {
            case "--corpora": corpora = value()
            case "--fixtures": fixtures = value()
            case "--lists": lists = value()
            case "--out": out = value()
            case "--epochs": epochs = Int(value()) ?? epochs
            case "--seed": seed = UInt64(value()) ?? seed
            case "--snapshots": snapshots = value().split(separator: ",").compactMap { Int($0) }
            case "--prune": prune = Double(value()) ?? prune
            case "--date": date = value()
            case "--o-bias": outsideBias = value()
            case "--tentative-bias": tentativeBias = value()
            case "--loose-bias": looseBias = value()
            case "--fixture-repeat": fixtureRepeat = Int(value()) ?? 1
            case "--word-dropout":
                let parts = value().split(separator: ",")
                wordDropout = parts.first.flatMap { Double($0) } ?? 0
                dropoutCopies = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                dropoutListedOnly = parts.count > 2 && parts[2] == "listed"
            case "--evaluate": evaluate = value()
            case "--biases": biases = value().split(separator: ",").compactMap { Float($0) }
            case "--misses": misses = value()
            case "--classes":
                let parts = value().split(separator: ",").compactMap { Int($0) }
                classes = (parts.first ?? 0, parts.count > 1 ? parts[1] : 0)
            case "--class-passes": classPasses = Int(value()) ?? classPasses
            case "--class-min-count": classMinCount = Int(value()) ?? classMinCount
            case "--classes-out": classesOut = value()
            default: FileHandle.standardError.write(Data("unknown option \(args[i])\n".utf8)); exit(2)
            }
            i += 1
        }
    }
}

/// A training text, featurised once: static feature rows per token, gold tags (255 = unknown).
struct Example {
    package var tokens: [TaggerToken]
    var rows: [Int32]
    var offsets: [Int32]
    var gold: [UInt8]
}

@main
struct TrainNameTagger {
    static func main() throws {
        let options = Options(CommandLine.arguments)
        if let corpus = options.evaluate {
            try Evaluate.run(weights: options.out, corpus: corpus, lists: options.lists, biases: options.biases, misses: options.misses)
            return
        }
        func words(_ file: String) throws -> Set<String> {
            let text = try String(contentsOfFile: options.lists + "/" + file, encoding: .utf8)
            return Set(text.split(whereSeparator: \.isNewline).map { String($0) })
        }
        let firstNames = try words("first-names.txt"), surnames = try words("surnames.txt"), commonWords = try words("common-words.txt")
        var features = NameFeatures(firstNames: firstNames, surnames: surnames, commonWords: commonWords)
        var texts: [LabelledText] = []
        texts += try Corpus.loadSpans(options.corpora + "/wnut17-train.jsonl", handlesUnlabelled: true)
        texts += try Corpus.loadSpans(options.corpora + "/btc-train.jsonl", handlesUnlabelled: false)
        let fixtureFiles = try FileManager.default.contentsOfDirectory(atPath: options.fixtures)
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { options.fixtures + "/" + $0 }
        let fixtures = try Corpus.loadFixtures(fixtureFiles)
        for _ in 0..<options.fixtureRepeat { texts += fixtures }
        // Word classes from the same texts, labels unread; the features then read them.
        var classTable: [(UInt64, UInt16)] = []
        if options.classes.fine > 0 && options.classes.coarse > 0 {
            let learned = WordClusters.learn(texts, features: features, fine: options.classes.fine, coarse: options.classes.coarse,
                                             minCount: options.classMinCount, passes: options.classPasses)
            classTable = learned.table
            if let path = options.classesOut { try learned.listing.write(toFile: path, atomically: true, encoding: .utf8) }
            var lookup: [UInt64: UInt16] = [:]
            for (word, code) in classTable { lookup[word] = code }
            features = NameFeatures(firstNames: firstNames, surnames: surnames, commonWords: commonWords, clusters: lookup)
            print("word classes: \(classTable.count) words, \(options.classes.fine) and \(options.classes.coarse) classes")
        }

        var examples: [Example] = []
        var scratch = [Int](repeating: 0, count: NameFeatures.maxFeatures)
        var tokenCount = 0
        // The texts as they are, then the word-dropout copies (a PRNG of their own, so the shuffles
        // below are the same with or without them).
        var dropout = SplitMix64(state: options.seed ^ 0xD809)
        let copies = options.wordDropout > 0 ? options.dropoutCopies : 0
        for (copy, text) in (0...copies).flatMap({ c in texts.map { (c, $0) } }) {
            text.bytes.withUnsafeBufferPointer { bytes in
                var tokens = features.analyse(bytes)
                // Shouting, title case and English-ness are the whole text's, read before any word is forgotten.
                let doc = features.documentFlags(tokens)
                if copy > 0 {
                    let threshold = UInt64(options.wordDropout * 1_000_000)
                    for i in tokens.indices where tokens[i].kind == TaggerToken.word && (!options.dropoutListedOnly || tokens[i].isListed) {
                        if dropout.next() % 1_000_000 < threshold { tokens[i].forgetWord() }
                    }
                }
                var rows: [Int32] = [], offsets: [Int32] = [0], gold: [UInt8] = []
                var previousSpan = -1
                for i in tokens.indices {
                    let n = scratch.withUnsafeMutableBufferPointer { features.staticRows(tokens, i, doc, bytes, into: $0.baseAddress!) }
                    for k in 0..<n { rows.append(Int32(scratch[k])) }
                    offsets.append(Int32(rows.count))
                    let t = tokens[i]
                    let span = text.persons.firstIndex { $0.lowerBound < t.end && t.start < $0.upperBound } ?? -1
                    if span >= 0 {
                        gold.append(span == previousSpan ? 2 : 1)
                    } else if text.handlesUnlabelled && t.kind == TaggerToken.handle {
                        gold.append(255)
                    } else {
                        gold.append(0)
                    }
                    previousSpan = span
                }
                tokenCount += tokens.count
                examples.append(Example(tokens: tokens, rows: rows, offsets: offsets, gold: gold))
            }
        }
        print("training texts: \(examples.count), tokens: \(tokenCount)")

        let size = (1 << NameTagger.tableBits) * NameTagger.tagCount
        var w = [Double](repeating: 0, count: size)
        var totals = [Double](repeating: 0, count: size)
        var stamps = [Int](repeating: 0, count: size)
        var instances = 0
        var rng = SplitMix64(state: options.seed)
        var order = Array(examples.indices)

        func averaged() -> [Double] {
            let c = Double(max(instances, 1))
            var avg = [Double](repeating: 0, count: size)
            for k in 0..<size { avg[k] = (totals[k] + Double(instances - stamps[k]) * w[k]) / c }
            return avg
        }

        for epoch in 1...options.epochs {
            // Fisher-Yates with SplitMix64.
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            var correct = 0, counted = 0
            for index in order {
                let ex = examples[index]
                var prev: UInt8 = 0, prev2: UInt8 = 0
                for i in ex.tokens.indices {
                    var dynamic = [Int](repeating: 0, count: 8)
                    let m = dynamic.withUnsafeMutableBufferPointer {
                        NameFeatures.dynamicRows(ex.tokens, i, prev: prev, prev2: prev2, into: $0.baseAddress!)
                    }
                    var s = [0.0, 0.0, 0.0]
                    let lo = Int(ex.offsets[i]), hi = Int(ex.offsets[i + 1])
                    for k in lo..<hi { let b = Int(ex.rows[k]) * 3; s[0] += w[b]; s[1] += w[b + 1]; s[2] += w[b + 2] }
                    for k in 0..<m { let b = dynamic[k] * 3; s[0] += w[b]; s[1] += w[b + 1]; s[2] += w[b + 2] }
                    var guess: UInt8 = 0
                    if s[1] > s[0] && s[1] >= s[2] { guess = 1 } else if s[2] > s[0] && s[2] > s[1] { guess = 2 }
                    let forced = ex.tokens[i].kind == TaggerToken.url
                    if forced { guess = 0 }
                    let truth = ex.gold[i]
                    instances += 1
                    if truth != 255 && !forced {
                        counted += 1
                        if truth == guess { correct += 1 } else {
                            func update(_ row: Int) {
                                for (tag, delta) in [(Int(truth), 1.0), (Int(guess), -1.0)] {
                                    let k = row * 3 + tag
                                    totals[k] += Double(instances - stamps[k]) * w[k]
                                    stamps[k] = instances
                                    w[k] += delta
                                }
                            }
                            for k in lo..<hi { update(Int(ex.rows[k])) }
                            for k in 0..<m { update(dynamic[k]) }
                        }
                    }
                    prev2 = prev; prev = guess
                }
            }
            print("epoch \(epoch): training token accuracy \(String(format: "%.4f", Double(correct) / Double(max(counted, 1))))")
            if options.snapshots.contains(epoch) && epoch != options.epochs {
                try write(averaged(), to: options.out + ".e\(epoch)", epochs: epoch, options: options, fixtureFiles: fixtureFiles, classes: classTable)
            }
        }
        try write(averaged(), to: options.out, epochs: options.epochs, options: options, fixtureFiles: fixtureFiles, classes: classTable)
    }

    static func copies(_ options: Options) -> String {
        options.wordDropout > 0 && options.dropoutCopies > 0 ? " word-dropout=\(options.wordDropout),\(options.dropoutCopies)\(options.dropoutListedOnly ? ",listed" : "")" : ""
    }

    /// Header line, then one 16-byte record per kept row: UInt32 row, Float32 O, B, I (little endian),
    /// then one 10-byte record per word class entry: UInt64 word value, UInt16 class code.
    static func write(_ avg: [Double], to path: String, epochs: Int, options: Options, fixtureFiles: [String],
                      classes: [(UInt64, UInt16)]) throws {
        var body: [UInt8] = []
        var rows = 0
        for row in 0..<(avg.count / 3) {
            let o = avg[row * 3], b = avg[row * 3 + 1], i = avg[row * 3 + 2]
            guard max(abs(o), abs(b), abs(i)) >= options.prune else { continue }
            rows += 1
            withUnsafeBytes(of: UInt32(row).littleEndian) { body += $0 }
            for v in [o, b, i] { withUnsafeBytes(of: Float(v).bitPattern.littleEndian) { body += $0 } }
        }
        for (word, code) in classes {
            withUnsafeBytes(of: word.littleEndian) { body += $0 }
            withUnsafeBytes(of: code.littleEndian) { body += $0 }
        }
        let classFields = classes.isEmpty ? "" : " classes=\(options.classes.fine),\(options.classes.coarse) class-passes=\(options.classPasses) class-min-count=\(options.classMinCount) clusters=\(classes.count)"
        let fixtureNames = fixtureFiles.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ",")
        let header = "\(NameTagger.formatName) version=\(NameTagger.formatVersion) hash=fnv1a64 bits=\(NameTagger.tableBits)"
            + " tags=O,B,I features=\(classes.isEmpty ? "v2" : "v3") o-bias=\(options.outsideBias)\(options.tentativeBias.map { " tentative-bias=\($0)" } ?? "")\(options.looseBias.map { " loose-bias=\($0)" } ?? "") epochs=\(epochs) seed=\(options.seed) prune=\(options.prune) fixture-repeat=\(options.fixtureRepeat)\(copies(options))"
            + " data=wnut17-train.jsonl,btc-train.jsonl,Fixtures/identifiers/{\(fixtureNames)}"
            + " licence=CC-BY-4.0(WNUT-17:Derczynski-et-al-2017;BTC:Derczynski-et-al-2016) date=\(options.date)\(classFields) rows=\(rows)\n"
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Array(header.utf8) + body).write(to: URL(fileURLWithPath: path))
        print("wrote \(path): \(rows) rows, \(header.utf8.count + body.count) bytes")
    }
}
