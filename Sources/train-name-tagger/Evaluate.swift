// `train-name-tagger --evaluate WEIGHTS CORPUS.jsonl [--biases a,b,c] [--misses FILE]`: the tagger
// alone (no rules, no guards) on a span corpus, at several O biases: person recall and precision as
// `postguard eval identifiers` scores them (overlap with a required name span is right, overlap with
// only neutral spans is not counted, anything else is a false alarm). For choosing features and the
// bias on the dev splits quickly; the figures that count are `postguard eval`'s, after the guards.
import Foundation
import PostGuardDetectors

enum Evaluate {
    static func run(weights: String, corpus: String, lists: String, biases: [Float], misses: String?) throws {
        func words(_ file: String) throws -> Set<String> {
            let text = try String(contentsOfFile: lists + "/" + file, encoding: .utf8)
            return Set(text.split(whereSeparator: \.isNewline).map { String($0) })
        }
        var tagger = try NameTagger(weightsData: try Data(contentsOf: URL(fileURLWithPath: weights)),
                                    firstNames: try words("first-names.txt"), surnames: try words("surnames.txt"),
                                    commonWords: try words("common-words.txt"))
        let texts = try Corpus.loadSpans(corpus, handlesUnlabelled: false)
        for bias in biases {
            // One decoding at this bias (the header's tentative bias would add its looser mentions).
            tagger.outsideBias = bias
            tagger.tentativeBias = bias
            tagger.looseBias = bias
            var gold = 0, found = 0, predicted = 0, correct = 0
            var lines: [String] = []
            for text in texts {
                let mentions = text.bytes.withUnsafeBufferPointer { tagger.personMentions(in: $0) }
                func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.lowerBound < b.upperBound && b.lowerBound < a.upperBound }
                for span in text.persons {
                    gold += 1
                    if mentions.contains(where: { overlaps($0.range, span) }) { found += 1 } else {
                        lines.append("\(text.id)\tmissed\t\(String(decoding: text.bytes[span], as: UTF8.self))\t\(String(decoding: text.bytes, as: UTF8.self))")
                    }
                }
                for mention in mentions {
                    if text.persons.contains(where: { overlaps($0, mention.range) }) { predicted += 1; correct += 1 }
                    else if !text.neutral.contains(where: { overlaps($0, mention.range) }) {
                        predicted += 1
                        lines.append("\(text.id)\tfalse alarm\t\(String(decoding: text.bytes[mention.range], as: UTF8.self))\t\(String(decoding: text.bytes, as: UTF8.self))")
                    }
                }
            }
            print(String(format: "bias %.0f: recall %.3f (%d/%d) precision %.3f (%d/%d)", bias, Double(found) / Double(max(gold, 1)), found, gold,
                         Double(correct) / Double(max(predicted, 1)), correct, predicted))
            if let misses { try (lines.joined(separator: "\n") + "\n").write(toFile: misses + ".\(Int(bias))", atomically: true, encoding: .utf8) }
        }
    }
}
