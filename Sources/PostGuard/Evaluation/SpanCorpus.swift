// Evaluation on external labelled corpora (Fixtures/corpora/, nobody on the team wrote them):
//   span corpora — `{"id", "text", "spans": [{"start", "end", "categories", "required"}], "hard_negative"}`,
//     offsets in Unicode scalars, end-exclusive. `categories[0]` is the contract category; a finding of
//     any listed category is typed right. `required: false` spans are neutral: a finding there is
//     neither right nor wrong, and missing one costs nothing. A document with no spans is a negative.
//   verdict corpora — check's JSONL records plus `expect`, the list of acceptable verdicts, and
//     consent records `{"id", "subject", "channels", "signed", "expires", "revoked"}`.
import Foundation

/// One gold span of a span corpus.
public struct GoldSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var categories: [String]
    public var required: Bool
    public var category: String { categories.first ?? "other-id" }

    public init(start: Int, end: Int, categories: [String], required: Bool = true) {
        self.start = start; self.end = end; self.categories = categories; self.required = required
    }
}

public struct SpanScore: Sendable {
    public var category: String
    /// Required gold spans of this category (by `categories[0]`).
    public var gold = 0
    /// Required gold spans overlapped by any identifier finding.
    public var found = 0
    /// Required gold spans overlapped by a finding of one of the span's categories.
    public var typed = 0
    /// Findings of this category, less those overlapping only neutral spans.
    public var predicted = 0
    /// Findings of this category overlapping a gold span (any category, required or not).
    public var correct = 0

    public init(category: String) { self.category = category }

    public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }
    public var typedRecall: Double { gold == 0 ? 1 : Double(typed) / Double(gold) }
    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
}

public struct SpanEvaluation: Sendable {
    public struct Mistake: Sendable {
        /// The record's id.
        public var id: String
        /// `missed`, `mistyped RULE` or `false alarm RULE`.
        public var kind: String
        public var category: String
        /// The span's text, and the text around it.
        public var text: String
        public var context: String
    }
    public var categories: [SpanScore] = []
    public var overall = SpanScore(category: "overall")
    public var documents = 0
    /// Documents with no span at all, and how many of them have an identifier finding.
    public var negatives = 0, negativesFlagged = 0
    /// Documents marked `hard_negative`, and how many of them have an identifier finding.
    public var hardNegatives = 0, hardNegativesFlagged = 0
    public var mistakes: [Mistake] = []

    public var negativesFlaggedShare: Double { negatives == 0 ? 0 : Double(negativesFlagged) / Double(negatives) }
    public var hardNegativesFlaggedShare: Double { hardNegatives == 0 ? 0 : Double(hardNegativesFlagged) / Double(hardNegatives) }
}

public struct VerdictEvaluation: Sendable {
    public struct Counts: Sendable {
        public var documents = 0
        /// Verdict among the expected ones.
        public var acceptable = 0
        /// `expect` excludes pass; and how many were not passed.
        public var breaches = 0, breachesFlagged = 0
        /// `expect` is exactly block; and how many were blocked.
        public var mustBlock = 0, mustBlockBlocked = 0
        /// `expect` includes pass; and how many were not passed anyway.
        public var clean = 0, cleanFlagged = 0

        public var flaggedShare: Double { breaches == 0 ? 1 : Double(breachesFlagged) / Double(breaches) }
        public var blockedShare: Double { mustBlock == 0 ? 1 : Double(mustBlockBlocked) / Double(mustBlock) }
        public var cleanFlaggedShare: Double { clean == 0 ? 0 : Double(cleanFlagged) / Double(clean) }
    }
    public struct Mistake: Sendable {
        public var id: String
        public var kind: String
        public var expected: [Verdict]
        public var got: Verdict
        /// Rules of the findings above `info`.
        public var rules: [String]
        /// A clean document flagged for review where review was acceptable: not a wrong verdict, but it
        /// counts in "clean flagged", so the verbose list shows it to explain that share.
        public var acceptable: Bool { expected.contains(got) }
    }
    public var all = Counts()
    public var byKind: [String: Counts] = [:]
    public var mistakes: [Mistake] = []
}

/// Reads the consent records of a verdict corpus (one JSON object a line).
public enum ConsentJSONL {
    /// Records as the consent gate needs them. The corpus keeps only what a check judges (subject,
    /// channels, dates); the other 164.508(c) elements are on the signed form, so they are filled in
    /// as such rather than leaving every record "incomplete" — unless the record gives them
    /// (`"purpose"`, `"recipient"`, `"information"`), when its values, or its nulls, are judged. A note in parentheses after the subject
    /// ("Nora Whitfield (minor; signed by her mother, ...)") is kept as the record's notes.
    public static func parse(_ data: Data, source: String) throws -> [ConsentRecord] {
        var records: [ConsentRecord] = []
        for (line, fields) in try SpanCorpus.objects(data, source: source) {
            // `"signed": null` is a record nobody signed yet: it is judged (and fails), not refused.
            guard let id = fields["id"] as? String, var subject = fields["subject"] as? String,
                  fields["signed"] is String || fields["signed"] is NSNull else {
                throw InputError(source: source, line: line, reason: "a consent record needs \"id\", \"subject\" and \"signed\"")
            }
            let signed = fields["signed"] as? String ?? ""
            var notes: String?
            if let open = subject.firstIndex(of: "("), open > subject.startIndex {
                notes = String(subject[open...])
                subject = subject[..<open].trimmingCharacters(in: .whitespaces)
            }
            let onForm = "(on the signed form)"
            // A record that carries an element says what it is; `null` is an element the form left
            // blank, as with "expires" (164.508(c)(1)): no key, and it is on the form.
            func element(_ key: String) -> String {
                guard let value = fields[key] else { return onForm }
                return value as? String ?? ""
            }
            var record = ConsentRecord(
                id: id, subject: subject, information: element("information"), recipient: element("recipient"), purpose: element("purpose"), signed: signed,
                // No "expires" key: the expiry is on the form. `"expires": null`: the record says there
                // is no date, and without an expiry event either ("expires_event", as the registry's
                // CSV names it) the authorization is incomplete (164.508(c)(1)(v)).
                expires: fields["expires"] as? String,
                expiresEvent: fields["expires_event"] as? String ?? (fields["expires"] == nil ? onForm : nil),
                channels: (fields["channels"] as? [String] ?? []).map { $0.lowercased() })
            record.revokedOn = fields["revoked"] as? String
            record.notes = notes
            if let signer = fields["signer"] as? String, let authority = fields["authority"] as? String {
                record.signer = signer
                record.authority = authority
            } else if let signer = fields["signer"] as? String, !SubjectMatch.sameName(SubjectMatch.tokens(signer), SubjectMatch.tokens(subject)) {
                // Signed by someone else with no authority stated (`"authority": null`): the form
                // leaves blank what a representative must say (164.508(c)(1)(vi)).
                record.signer = signer
                record.authority = nil
            } else if let (signer, authority) = notes.flatMap(signer(inNote:)) {
                // A representative's authorization must say what authority they sign with (45 CFR
                // 164.508(c)(1)(vi)): the note's "her mother" is that description.
                record.signer = signer
                record.authority = authority
            } else if let signer = fields["signer"] as? String {
                // Signed by the subject: kept, since a subject the story gives as a minor cannot
                // sign for themself (the gate's `minorAge`).
                record.signer = signer
            }
            records.append(record)
        }
        return records
    }
}

extension ConsentJSONL {
    /// The personal representative a note names as signer: "(minor; signed by her mother, Jessica
    /// Whitfield)" → "Jessica Whitfield". The signer's own name in the story is covered by the
    /// authorization they signed.
    static func signer(inNote note: String) -> (name: String, authority: String)? {
        guard let by = note.range(of: "signed by ", options: .caseInsensitive) else { return nil }
        let rest = note[by.upperBound...].prefix { $0 != ")" && $0 != ";" }
        let parts = rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 2, let name = parts.last else { return nil }
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        let minor = note.lowercased().contains("minor") ? " of a minor" : ""
        return (name, parts.dropLast().joined(separator: ", ") + minor)
    }
}

public enum SpanCorpus {
    /// Every non-blank line of a JSONL file as a JSON object, with its 1-based line number.
    static func objects(_ data: Data, source: String) throws -> [(line: Int, fields: [String: Any])] {
        var result: [(Int, [String: Any])] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let fields = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                throw InputError(source: source, line: index + 1, reason: "not a JSON object")
            }
            result.append((index + 1, fields))
        }
        return result
    }

    /// The gold spans of a record; offsets are checked against the text's length in scalars.
    static func spans(_ fields: [String: Any], scalars: Int, source: String, line: Int) throws -> [GoldSpan] {
        guard let raw = fields["spans"] else { return [] }
        guard let list = raw as? [[String: Any]] else {
            throw InputError(source: source, line: line, reason: "\"spans\" must be a list of objects")
        }
        return try list.map { item in
            guard let start = item["start"] as? Int, let end = item["end"] as? Int, 0 <= start, start < end, end <= scalars else {
                throw InputError(source: source, line: line, reason: "a span needs \"start\" < \"end\" within the text")
            }
            let categories = item["categories"] as? [String] ?? (item["category"] as? String).map { [$0] } ?? []
            guard !categories.isEmpty else {
                throw InputError(source: source, line: line, reason: "a span needs \"categories\"")
            }
            return GoldSpan(start: start, end: end, categories: categories, required: item["required"] as? Bool ?? true)
        }
    }

    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[max(0, start)..<min(scalars.count, end)])
        return result.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}

extension Evaluator {
    /// Scores identifier findings against span corpora. A document is flagged when it has any
    /// identifier finding in its text, whatever the severity.
    public func spanCorpus(files: [URL]) throws -> SpanEvaluation {
        var evaluation = SpanEvaluation()
        var scores: [String: SpanScore] = [:]
        let scratch = MatchScratch()
        func overlaps(_ span: Span, _ gold: GoldSpan) -> Bool { span.start < gold.end && gold.start < span.end }
        for url in files {
            let source = url.path
            for (line, fields) in try SpanCorpus.objects(try Data(contentsOf: url), source: source) {
                let document = try JSONLines.parse(try JSONSerialization.data(withJSONObject: fields), source: source, line: line, options: InputOptions())
                let scalars = Array(document.text.unicodeScalars)
                let gold = try SpanCorpus.spans(fields, scalars: scalars.count, source: source, line: line)
                let id = document.id ?? "\(url.lastPathComponent):\(line)"
                func context(_ start: Int, _ end: Int) -> String {
                    SpanCorpus.slice(scalars, start - 40, start) + "[" + SpanCorpus.slice(scalars, start, end) + "]" + SpanCorpus.slice(scalars, end, end + 40)
                }
                evaluation.documents += 1
                let findings = scanner.check(document, scratch: scratch).result.findings.filter { $0.category.isIdentifier && $0.span != nil }
                if gold.isEmpty {
                    evaluation.negatives += 1
                    if !findings.isEmpty { evaluation.negativesFlagged += 1 }
                }
                if fields["hard_negative"] as? Bool == true {
                    evaluation.hardNegatives += 1
                    if !findings.isEmpty { evaluation.hardNegativesFlagged += 1 }
                }
                for g in gold where g.required {
                    scores[g.category, default: SpanScore(category: g.category)].gold += 1
                    let over = findings.filter { overlaps($0.span!, g) }
                    if over.isEmpty {
                        evaluation.mistakes.append(.init(id: id, kind: "missed", category: g.category,
                                                         text: SpanCorpus.slice(scalars, g.start, g.end), context: context(g.start, g.end)))
                        continue
                    }
                    scores[g.category]!.found += 1
                    if over.contains(where: { g.categories.contains($0.category.rawValue) }) {
                        scores[g.category]!.typed += 1
                    } else {
                        evaluation.mistakes.append(.init(id: id, kind: "mistyped \(over.map { "\($0.rule)=\($0.category.rawValue)" }.joined(separator: ","))",
                                                         category: g.category, text: SpanCorpus.slice(scalars, g.start, g.end), context: context(g.start, g.end)))
                    }
                }
                for finding in findings {
                    let span = finding.span!
                    let touched = gold.filter { overlaps(span, $0) }
                    if !touched.isEmpty && !touched.contains(where: \.required) { continue }
                    let category = finding.category.rawValue
                    scores[category, default: SpanScore(category: category)].predicted += 1
                    if touched.isEmpty {
                        evaluation.mistakes.append(.init(id: id, kind: "false alarm \(finding.rule)", category: category,
                                                         text: SpanCorpus.slice(scalars, span.start, span.end), context: context(span.start, span.end)))
                    } else {
                        scores[category]!.correct += 1
                    }
                }
            }
        }
        for score in scores.values {
            evaluation.overall.gold += score.gold; evaluation.overall.found += score.found; evaluation.overall.typed += score.typed
            evaluation.overall.predicted += score.predicted; evaluation.overall.correct += score.correct
        }
        let known = Category.identifiers.map(\.rawValue)
        evaluation.categories = known.compactMap { scores[$0] }
            + scores.values.filter { !known.contains($0.category) }.sorted { $0.category < $1.category }
        return evaluation
    }

    /// Judges each document of a verdict corpus against its `expect`ed verdicts. The scanner's policy
    /// carries the consent records and the day documents without `publish_at` are judged on.
    public func verdictCorpus(file url: URL) throws -> VerdictEvaluation {
        var evaluation = VerdictEvaluation()
        let scratch = MatchScratch()
        let source = url.path
        for (line, fields) in try SpanCorpus.objects(try Data(contentsOf: url), source: source) {
            let document = try JSONLines.parse(try JSONSerialization.data(withJSONObject: fields), source: source, line: line, options: InputOptions())
            let raw = (fields["expect"] as? [String]) ?? (fields["expect"] as? String).map { [$0] } ?? []
            let expected = raw.compactMap { Verdict(rawValue: $0.lowercased()) }
            guard !expected.isEmpty, expected.count == raw.count else {
                throw InputError(source: source, line: line, reason: "\"expect\" must list verdicts among pass, review and block")
            }
            let result = scanner.check(document, scratch: scratch).result
            let got = result.verdict
            let kind = document.kind.rawValue
            for key in [nil, kind] as [String?] {
                var counts = key.map { evaluation.byKind[$0] ?? .init() } ?? evaluation.all
                counts.documents += 1
                if expected.contains(got) { counts.acceptable += 1 }
                if expected.contains(.pass) {
                    counts.clean += 1
                    if got != .pass { counts.cleanFlagged += 1 }
                } else {
                    counts.breaches += 1
                    if got != .pass { counts.breachesFlagged += 1 }
                }
                if expected == [.block] {
                    counts.mustBlock += 1
                    if got == .block { counts.mustBlockBlocked += 1 }
                }
                if let key { evaluation.byKind[key] = counts } else { evaluation.all = counts }
            }
            if !expected.contains(got) || (expected.contains(.pass) && got != .pass) {
                evaluation.mistakes.append(.init(id: document.id ?? "\(url.lastPathComponent):\(line)", kind: kind, expected: expected, got: got,
                                                 rules: result.findings.filter { $0.severity > .info }.map(\.rule)))
            }
        }
        return evaluation
    }
}
