// Policy: a learned second reader. The rules find what they have words for; a breach written in
// words no rule knows ("she finally went home to her boys after eleven days with us") passes them.
// This model has read about 5,000 documents other people wrote and labelled (the verdict sets in
// Fixtures/, patterned on real incidents) and 9,700 ordinary public posts, and scores how much a
// text reads like the breaches among them: a logistic regression over its words and word pairs,
// trained by `scripts/train-disclosure-model` (Sources/train-disclosure-model), its weights
// `Rules/data/disclosure-model.tsv`. It only ever raises a document the rules would pass to
// `review`, never to `block`, and never touches a document under consent: a person reads it.
//
// Words outside its vocabulary are read by their shape only (<num>, <alnum>, <cap>, <oov>): the
// vocabulary is dictionary words seen in two or more training documents, so no name the training
// texts held is a feature, and a word's own spelling cannot decide a verdict alone.
import PostGuardDocuments
import Foundation

public final class DisclosureModel: @unchecked Sendable {
    // @unchecked: `weights` is written once, under the lock, before any read of it.
    /// A model read: the score above which a document is raised, and each feature's weight.
    public struct Weights: Sendable {
        public var bias: Double
        public var threshold: Double
        public var vocabulary: Set<String>
        public var features: [String: Double]

        public init(bias: Double, threshold: Double, vocabulary: Set<String>, features: [String: Double]) {
            self.bias = bias; self.threshold = threshold; self.vocabulary = vocabulary; self.features = features
        }
    }

    private let file: URL?
    private let lock = NSLock()
    private var loaded: Weights??

    /// A model read lazily from `file` the first time a document asks (a run that never asks does
    /// not pay for it); no file, no model.
    public init(file: URL) { self.file = file }

    public init(weights: Weights) {
        self.file = nil
        self.loaded = .some(weights)
    }

    public var weights: Weights? {
        lock.lock()
        defer { lock.unlock() }
        if loaded == nil {
            loaded = .some(file.flatMap { try? String(contentsOf: $0, encoding: .utf8) }.flatMap(DisclosureModel.parse))
        }
        return loaded!
    }

    /// What the model says of a text: its score, and the words that weighed most toward a breach.
    public struct Reading: Sendable {
        public var score: Double
        public var raised: Bool
        /// Up to three features that pushed the score up most, as the words they are (lower-case
        /// words of the text only: a capitalised word may be a name, and messages are not masked).
        public var cues: [String]
    }

    public func read(_ text: String, kind: DocumentKind) -> Reading? {
        guard let weights else { return nil }
        let features = DisclosureModel.features(of: text, kind: kind, vocabulary: weights.vocabulary)
        var score = weights.bias
        var contributions: [(String, Double)] = []
        for feature in features {
            guard let weight = weights.features[feature.key] else { continue }
            score += weight
            if weight > 0, feature.shownAs != nil { contributions.append((feature.shownAs!, weight)) }
        }
        contributions.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var cues: [String] = []
        for (words, _) in contributions where !cues.contains(words) && cues.count < 3 { cues.append(words) }
        return Reading(score: score, raised: score > weights.threshold, cues: cues)
    }

    // MARK: - Features (shared with the trainer, so training and checking read a text alike)

    /// One word of a text: lower-cased, with ’ read as ', and whether it was written in lower case.
    public struct Word: Sendable, Hashable {
        public var text: String
        public var lowerCase: Bool
        public var digits: Int
        public var capitalised: Bool
    }

    /// The words of a text: runs of letters, digits, marks, `_` and apostrophes.
    public static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var upper = 0, digits = 0, firstUpper = false
        func flush() {
            guard !current.isEmpty else { return }
            let raw = String(current)
            words.append(Word(text: raw.lowercased().replacingOccurrences(of: "’", with: "'"), lowerCase: upper == 0,
                              digits: digits, capitalised: firstUpper))
            current = String.UnicodeScalarView(); upper = 0; digits = 0; firstUpper = false
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
                || scalar == "_" || scalar == "'" || scalar == "’" {
                if properties.isUppercase { if current.isEmpty { firstUpper = true }; upper += 1 }
                if properties.numericType != nil { digits += 1 }
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// A word as the model reads it: itself when the vocabulary holds it, else its shape.
    public static func token(_ word: Word, vocabulary: Set<String>) -> String {
        if vocabulary.contains(word.text) { return word.text }
        if word.digits == word.text.unicodeScalars.count { return "<num>" }
        if word.digits > 0 { return "<alnum>" }
        return word.capitalised ? "<cap>" : "<oov>"
    }

    public struct Feature: Hashable, Sendable {
        public var key: String
        /// The words to quote in a message, when every word of the feature is a vocabulary word
        /// written in lower case.
        public var shownAs: String?
    }

    /// The document's features, once each in the order first met: its kind, each token and each pair
    /// of neighbouring tokens. A feature is quotable when one of its occurrences is.
    public static func features(of text: String, kind: DocumentKind, vocabulary: Set<String>) -> [Feature] {
        let words = DisclosureModel.words(of: text)
        let tokens = words.map { token($0, vocabulary: vocabulary) }
        func shown(_ index: Int) -> Bool { words[index].lowerCase && vocabulary.contains(words[index].text) }
        var features: [Feature] = [Feature(key: "k=\(kind.rawValue)", shownAs: nil)]
        var position: [String: Int] = [:]
        func add(_ key: String, _ shownAs: String?) {
            if let at = position[key] {
                if features[at].shownAs == nil { features[at].shownAs = shownAs }
            } else {
                position[key] = features.count
                features.append(Feature(key: key, shownAs: shownAs))
            }
        }
        for index in tokens.indices {
            add("u=" + tokens[index], shown(index) ? tokens[index] : nil)
            if index > 0 {
                add("b=" + tokens[index - 1] + " " + tokens[index],
                    shown(index - 1) && shown(index) ? tokens[index - 1] + " " + tokens[index] : nil)
            }
        }
        return features
    }

    // MARK: - The weights file

    /// `Rules/data/disclosure-model.tsv`: `#` comment lines, then `bias`, `threshold`, `v WORD`
    /// (the vocabulary) and `f KEY WEIGHT` lines, tab-separated.
    public static func parse(_ text: String) -> Weights? {
        var bias: Double?, threshold: Double?
        var vocabulary = Set<String>(), features: [String: Double] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "bias" where fields.count == 2: bias = Double(fields[1])
            case "threshold" where fields.count == 2: threshold = Double(fields[1])
            case "v" where fields.count == 2: vocabulary.insert(String(fields[1]))
            case "f" where fields.count == 3:
                guard let weight = Double(fields[2]) else { return nil }
                features[String(fields[1])] = weight
            default: return nil
            }
        }
        guard let bias, let threshold else { return nil }
        return Weights(bias: bias, threshold: threshold, vocabulary: vocabulary, features: features)
    }

    /// The weights file's text for `weights`, with `header` as its comment lines.
    public static func serialise(_ weights: Weights, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("bias\t\(weights.bias)")
        lines.append("threshold\t\(weights.threshold)")
        lines += weights.vocabulary.sorted().map { "v\t" + $0 }
        lines += weights.features.keys.sorted().map { "f\t\($0)\t\(weights.features[$0]!)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
