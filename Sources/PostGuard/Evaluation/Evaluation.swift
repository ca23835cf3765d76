// Evaluation: detector and policy quality measured on labelled fixtures, not argued. Two corpora:
//   Fixtures/identifiers/*.jsonl — snippets whose identifiers are marked inline as [[category:text]];
//     scored per category (recall, precision, F2) by span overlap.
//   Fixtures/documents/*.jsonl — whole documents with an `expect`ed verdict; scored as the share of
//     breaches flagged, must-block documents blocked, and clean documents flagged.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import PostGuardPolicy
import PostGuardVerdict
import PostGuardReport
import Foundation

/// A snippet with its gold identifier spans.
public struct LabelledSnippet: Sendable {
    public var document: Document
    public var gold: [(category: String, start: Int, end: Int)]

    /// Parses `Call [[name:Maria Lopez]] at [[phone:617-555-0142]]` into text and scalar spans.
    public static func parse(markup: String) -> (text: String, gold: [(category: String, start: Int, end: Int)]) {
        var text = "", gold: [(String, Int, Int)] = []
        var rest = Substring(markup)
        var count = 0
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]"),
              let colon = rest[open.upperBound..<close.lowerBound].firstIndex(of: ":") {
            let before = rest[..<open.lowerBound]
            text += before; count += before.unicodeScalars.count
            let category = String(rest[open.upperBound..<colon])
            let span = rest[rest.index(after: colon)..<close.lowerBound]
            gold.append((category, count, count + span.unicodeScalars.count))
            text += span; count += span.unicodeScalars.count
            rest = rest[close.upperBound...]
        }
        text += rest
        return (text, gold)
    }
}

public struct CategoryScore: Sendable {
    public var category: String
    public var gold = 0
    public var predicted = 0
    /// Gold spans overlapped by a prediction of the same category.
    public var found = 0
    /// Predictions overlapping a gold span of the same category.
    public var correct = 0

    public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }
    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    /// F2 weighs recall twice as much as precision: a missed identifier is a breach.
    public var f2: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 5 * p * r / (4 * p + r)
    }
}

public struct IdentifierEvaluation: Sendable {
    public var categories: [CategoryScore]
    public var overall: CategoryScore
    public var snippets: Int
    public var clean: Int
    /// Misses and false alarms, for `--verbose`: (snippet id, what, category, text).
    public var mistakes: [(id: String, kind: String, category: String, text: String)]
}

public struct DocumentEvaluation: Sendable {
    public var breaches = 0, breachesFlagged = 0
    public var mustBlock = 0, mustBlockBlocked = 0
    public var clean = 0, cleanFlagged = 0
    public var byKind: [String: (documents: Int, correct: Int)] = [:]
    public var mistakes: [(id: String, expected: Verdict, got: Verdict, rules: [String])] = []

    public var flaggedShare: Double { breaches == 0 ? 1 : Double(breachesFlagged) / Double(breaches) }
    public var blockedShare: Double { mustBlock == 0 ? 1 : Double(mustBlockBlocked) / Double(mustBlock) }
    public var cleanFlaggedShare: Double { clean == 0 ? 0 : Double(cleanFlagged) / Double(clean) }
}

public struct Evaluator {
    public var scanner: Scanner

    public init(scanner: Scanner) { self.scanner = scanner }

    /// JSONL records of every `*.jsonl` file in `folder`, in name order, with their file and line.
    static func records(in folder: URL) throws -> [(file: String, line: Int, fields: [String: Any])] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var records: [(String, Int, [String: Any])] = []
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard let fields = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw InputError(source: folder.appendingPathComponent(file).path, line: index + 1, reason: "not a JSON object")
                }
                records.append((file, index + 1, fields))
            }
        }
        return records
    }

    public func identifiers(folder: URL) throws -> IdentifierEvaluation {
        var scores: [String: CategoryScore] = [:]
        var mistakes: [(String, String, String, String)] = []
        var snippets = 0, clean = 0
        let scratch = MatchScratch()
        for (file, line, fields) in try Evaluator.records(in: folder) {
            guard let markup = fields["text"] as? String else {
                throw InputError(source: file, line: line, reason: "record has no \"text\" string")
            }
            let (text, gold) = LabelledSnippet.parse(markup: markup)
            var document = Document(source: file, text: text, recordLine: line)
            try Fields.apply(fields.filter { $0.key != "text" }, to: &document, source: file, line: line)
            let id = document.id ?? "\(file):\(line)"
            snippets += 1
            if gold.isEmpty { clean += 1 }
            let predicted = scanner.check(document, scratch: scratch).result.findings.filter { $0.category.isIdentifier && $0.span != nil }
            for g in gold {
                scores[g.category, default: CategoryScore(category: g.category)].gold += 1
                let hit = predicted.contains { $0.category.rawValue == g.category && overlaps($0.span!, g.start, g.end) }
                if hit { scores[g.category]!.found += 1 } else {
                    mistakes.append((id, "missed", g.category, slice(text, g.start, g.end)))
                }
            }
            for p in predicted {
                let category = p.category.rawValue
                scores[category, default: CategoryScore(category: category)].predicted += 1
                if gold.contains(where: { $0.category == category && overlaps(p.span!, $0.start, $0.end) }) {
                    scores[category]!.correct += 1
                } else {
                    mistakes.append((id, "false alarm \(p.rule)", category, p.matchedText))
                }
            }
        }
        var overall = CategoryScore(category: "overall")
        for score in scores.values {
            overall.gold += score.gold; overall.predicted += score.predicted
            overall.found += score.found; overall.correct += score.correct
        }
        let known = Category.identifiers.map(\.rawValue)
        let ordered = known.compactMap { scores[$0] } + scores.values.filter { !known.contains($0.category) }
        return IdentifierEvaluation(categories: ordered, overall: overall, snippets: snippets, clean: clean, mistakes: mistakes)
    }

    public func documents(folder: URL) throws -> DocumentEvaluation {
        var evaluation = DocumentEvaluation()
        let scratch = MatchScratch()
        for (file, line, fields) in try Evaluator.records(in: folder) {
            let document = try JSONLines.parse(
                try JSONSerialization.data(withJSONObject: fields), source: file, line: line, options: InputOptions())
            guard let expectText = fields["expect"] as? String, let expected = Verdict(rawValue: expectText) else {
                throw InputError(source: file, line: line, reason: "record has no \"expect\" of pass, review or block")
            }
            let got = scanner.check(document, scratch: scratch).result
            let verdict = got.verdict
            switch expected {
            case .pass:
                evaluation.clean += 1
                if verdict > .pass { evaluation.cleanFlagged += 1 }
            case .review, .block:
                evaluation.breaches += 1
                if verdict > .pass { evaluation.breachesFlagged += 1 }
                if expected == .block {
                    evaluation.mustBlock += 1
                    if verdict == .block { evaluation.mustBlockBlocked += 1 }
                }
            }
            let kind = document.kind.rawValue
            let right = (expected == .pass) == (verdict == .pass) && (expected != .block || verdict == .block)
            evaluation.byKind[kind, default: (0, 0)].documents += 1
            if right { evaluation.byKind[kind]!.correct += 1 } else {
                evaluation.mistakes.append((document.id ?? "\(file):\(line)", expected, verdict,
                                            got.findings.filter { $0.severity > .info }.map(\.rule)))
            }
        }
        return evaluation
    }

    private func overlaps(_ span: Span, _ start: Int, _ end: Int) -> Bool { span.start < end && start < span.end }

    private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)[start..<end]
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
