// Report: for a staff member at a terminal, read at a glance. Per document: the verdict and its
// reason in one plain line, the draft with what was found highlighted (colour on a terminal, carets
// elsewhere), then each kind of problem once — where, why and how to fix it — however many times it
// occurs, and the suggested safe version. Rule ids and categories are for `--verbose` and the
// machine formats; `info` findings change no verdict and are left to JSON and SARIF.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict

final class TextReporter: Reporter {
    private let output: ReportOutput
    private let options: ReportOptions
    /// A long document shows only its lines with a finding, so the answer stays one screen.
    static let wholeDraftLines = 15

    init(output: ReportOutput, options: ReportOptions) {
        self.output = output; self.options = options
    }

    func begin() {}

    func add(_ result: DocumentResult) {
        let place = location(of: result.document)
        let findings = result.findings.filter { $0.severity != .info }
        guard !findings.isEmpty else {
            output.write("\(place): \(paint(result.verdict.rawValue.uppercased(), result.verdict))\n")
            return
        }
        var groups = ProblemGroup.groups(findings)
        // A finding without a position is about an attachment when there is one.
        if !result.document.media.isEmpty { for index in groups.indices { groups[index].wholeDocument = "the attachment" } }
        let lead = groups.first.map { " — \($0.headline)" } ?? ""
        output.write("\(place): \(paint(result.verdict.rawValue.uppercased(), result.verdict))\(lead)\n")
        writeDraft(result, marked: findings)
        for group in groups { writeGroup(group) }
        if let suggestion = result.findings.first(where: { $0.has(.suggestion) }) {
            let (how, text) = SuggestedVersion.parts(of: suggestion.message)
            let note = options.verbose ? " (\(how))" : how.hasSuffix(", without the attachment") ? " (without the attachment)" : ""
            output.write("  Suggested safe version\(note):\n")
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { output.write("    \(Printable.escaped(String(line)))\n") }
        }
        if options.verbose {
            let excerpts = Excerpts(result, options: options)
            for finding in result.findings where finding.severity == .info && !finding.has(.suggestion) {
                let position = finding.span.map { " \($0.line):\($0.column)" } ?? ""
                output.write("  info\(position) \(finding.rule) [\(finding.category)] \(excerpts.of(finding))\n")
            }
        }
        output.write("\n")
    }

    func finish(_ summary: Summary) {
        output.write("\(summary.documents) document\(summary.documents == 1 ? "" : "s") checked: \(summary.pass) pass, \(summary.review) review, \(summary.block) block\n")
        // Counts by category and channel are for a batch; one draft's answer is already above.
        if summary.documents > 1 || summary.accepted > 0 {
            for line in SummaryLines.breakdown(summary) { output.write(line + "\n") }
        }
        output.flush()
    }

    // MARK: - The draft

    /// The document's lines (after any front matter), numbered as in the file, identifiers masked,
    /// each span found highlighted: in colour on a terminal, else with carets on the line below.
    private func writeDraft(_ result: DocumentResult, marked findings: [Finding]) {
        let spans = findings.compactMap { finding in finding.span.map { ($0.bytes, finding.severity) } }
        guard !spans.isEmpty else { return }
        let masking = options.showPHI ? [] : result.findings + result.suppressed
        result.document.text.withUTF8Bytes { bytes in
            var lines: [(number: Int, range: ByteRange)] = []
            var start = 0, number = 1
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                // Front matter PostGuard reads (kind, consent, ...) is not published: not shown.
                let hidden = index < result.document.bodyStart
                    || result.document.unscanned.contains { $0.start <= start && $0.end >= index }
                if !hidden { lines.append((number, ByteRange(start, end))) }
                start = index + 1; number += 1
            }
            while let last = lines.last, last.range.isEmpty, lines.count > 1 { lines.removeLast() }
            while let first = lines.first, first.range.isEmpty, lines.count > 1 { lines.removeFirst() }
            WorkMeter.current?.count(lines.count)
            // Lines, spans and findings are each swept once, left to right: a draft of many lines
            // and many findings costs their sum, not their product.
            var markedSweep = SpanSweep(spans.map { (range: $0.0, value: $0.1) })
            let shown = lines.count <= Self.wholeDraftLines ? lines : lines.filter { line in
                markedSweep.overlapping(line.range).contains { $0.range.end > line.range.start }
            }
            var pieceSweep = SpanSweep(spans.map { (range: $0.0, value: $0.1) })
            var maskingSweep = SpanSweep(masking.enumerated().compactMap { index, finding in
                finding.span.map { (range: $0.bytes, value: (index, finding)) }
            })
            let width = String(shown.last?.number ?? 1).count
            var previous: Int?
            for line in shown {
                if let previous, line.number > previous + 1, shown.count < lines.count {
                    output.write("    \(String(repeating: " ", count: width)) …\n")
                }
                previous = line.number
                // Each span's part on this line, the most severe first where spans overlap.
                let pieces = pieceSweep.overlapping(line.range).compactMap { span, severity -> (ByteRange, Severity)? in
                    let from = max(span.start, line.range.start), to = min(span.end, line.range.end)
                    return from < to ? (ByteRange(from, to), severity) : nil
                }
                let onLine = maskingSweep.overlapping(line.range).sorted { $0.value.0 < $1.value.0 }.map(\.value.1)
                let rendered = Excerpt.render(line.range, in: bytes, findings: onLine, marks: pieces.map(\.0))
                let gutter = "    " + String(repeating: " ", count: width - String(line.number).count) + "\(line.number) | "
                let blank = "    " + String(repeating: " ", count: width) + " | "
                guard !pieces.isEmpty else { output.write(gutter + rendered.text + "\n"); continue }
                // Severity of each shown character: the highest of the spans covering it.
                var level = [Severity?](repeating: nil, count: rendered.text.unicodeScalars.count)
                for (range, severity) in pieces {
                    let from = rendered.column[range.start] ?? 0, to = rendered.column[range.end] ?? from
                    for column in from..<max(from, to) where level[column].map({ $0 < severity }) ?? true { level[column] = severity }
                }
                if options.colour {
                    output.write(gutter + highlighted(rendered.text, level) + "\n")
                } else {
                    output.write(gutter + rendered.text + "\n")
                    let carets = String(level.map { $0 == nil ? " " : "^" })
                    output.write(blank + carets.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n")
                }
            }
        }
    }

    private func highlighted(_ text: String, _ level: [Severity?]) -> String {
        var out = "", current: Severity?
        for (scalar, severity) in zip(text.unicodeScalars, level) {
            if severity != current {
                if current != nil { out += ANSI.reset }
                if let severity { out += severity == .block ? ANSI.blockSpan : ANSI.reviewSpan }
                current = severity
            }
            out.unicodeScalars.append(scalar)
        }
        return out + (current == nil ? "" : ANSI.reset)
    }

    // MARK: - The problems

    private func writeGroup(_ group: ProblemGroup) {
        let effect = group.severity == .block ? "blocks" : "needs review"
        var header = "  \(group.headline.prefix(1).uppercased() + group.headline.dropFirst()) (\(group.whereFound)) — \(effect)"
        if options.verbose {
            let rules = Dictionary(grouping: group.findings, by: \.rule).sorted { $0.key < $1.key }
                .map { "\($0.key) [\($0.value[0].category)]\($0.value.count > 1 ? " ×\($0.value.count)" : "")" }
            header += " · " + rules.joined(separator: ", ")
        }
        output.write((options.colour ? ANSI.bold + header + ANSI.reset : header) + "\n")
        if options.verbose {
            for message in Set(group.findings.map(\.message)).sorted() {
                output.write("    \(Printable.escaped(message))\n")
            }
        }
        if let why = group.findings[0].entry.why { output.write("    why: \(why)\n") }
        if let fix = group.findings[0].entry.fix { output.write("    fix: \(fix)\n") }
    }

    private func paint(_ text: String, _ verdict: Verdict) -> String {
        guard options.colour else { return text }
        switch verdict {
        case .block: return ANSI.blockVerdict + text + ANSI.reset
        case .review: return ANSI.reviewVerdict + text + ANSI.reset
        case .pass: return ANSI.passVerdict + text + ANSI.reset
        }
    }
}

enum ANSI {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let blockSpan = "\u{1B}[1;4;31m"
    static let reviewSpan = "\u{1B}[4;33m"
    static let blockVerdict = "\u{1B}[1;31m"
    static let reviewVerdict = "\u{1B}[1;33m"
    static let passVerdict = "\u{1B}[1;32m"
}

/// The suggestion finding's message is "Suggested safe version (how it was made): text".
enum SuggestedVersion {
    static func parts(of message: String) -> (how: String, text: String) {
        let prefix = "Suggested safe version ("
        guard message.hasPrefix(prefix), let close = message.range(of: "): ") else { return ("", message) }
        return (String(message[message.index(message.startIndex, offsetBy: prefix.count)..<close.lowerBound]),
                String(message[close.upperBound...]))
    }
}

/// One kind of problem in a document — a person's name, a phone number, health information tied
/// to someone — with every place it occurs, so its why and fix are said once.
struct ProblemGroup {
    var headline: String
    var findings: [Finding]
    /// What a finding without a position is about, in the "where" part.
    var wholeDocument = "the whole document"
    var severity: Severity { findings.map(\.severity).max() ?? .info }

    /// "line 3", "lines 1, 2 and 3", "3 times: lines 1 and 2", "the attachment".
    var whereFound: String {
        let lines = Array(Set(findings.compactMap { $0.span?.line })).sorted()
        let whole = findings.contains { $0.span == nil }
        var parts: [String] = []
        if !lines.isEmpty {
            let list = lines.count == 1 ? "line \(lines[0])"
                : "lines " + lines.dropLast().map(String.init).joined(separator: ", ") + " and \(lines.last!)"
            parts.append(findings.count > lines.count + (whole ? 1 : 0) ? "\(findings.count) times: \(list)" : list)
        }
        if whole { parts.append(wholeDocument) }
        return parts.joined(separator: "; ")
    }

    /// Most severe first; at one severity, what the policy concluded (a person tied to their
    /// health) before the identifiers it concluded it from, then in reading order.
    static func groups(_ findings: [Finding]) -> [ProblemGroup] {
        var groups: [ProblemGroup] = []
        for finding in findings {
            let headline = Headline.of(finding)
            if let index = groups.firstIndex(where: { $0.headline == headline }) {
                groups[index].findings.append(finding)
            } else {
                groups.append(ProblemGroup(headline: headline, findings: [finding]))
            }
        }
        func rank(_ group: ProblemGroup) -> (Int, Int, Int) {
            let policy = group.findings.contains { !$0.category.isIdentifier } ? 0 : 1
            let first = group.findings.compactMap { $0.span?.start }.min() ?? -1
            return (-(group.severity == .block ? 2 : 1), policy, first)
        }
        return groups.sorted { rank($0) < rank($1) }
    }
}

/// A finding's problem in a few plain words, the way a privacy officer would say it to a colleague:
/// "names a person together with their health information", "gives a personal phone number".
enum Headline {
    static func of(_ finding: Finding) -> String {
        let id = finding.rule
        let (who, what) = whoAndWhat(finding.message)
        let health = what.hasPrefix("specially protected") ? "specially protected health information" : "health information"
        switch id {
        case "policy.identifiable-health-info":
            return (who == "a name" ? "names a person" : "identifies a person (by \(who))") + " together with their \(health)"
        case "policy.named-patient":
            if who == "a name" { return "names someone as a patient" }
            if who.contains("photo") { return "shows a patient in a photo" }
            return "identifies someone as a patient (by \(who))"
        case "policy.quasi-identifiers":
            return "describes a person closely enough to identify them, together with their \(health)"
        case "policy.reply.discusses-care":
            return "speaks of the reviewer's care, which confirms they are a patient"
        case "policy.message.clinical-detail":
            return "gives a diagnosis or result over chat, more than a message needs"
        case "policy.consent.revoked": return "the patient withdrew their consent for this story"
        case "policy.consent.expired": return "the patient's consent for this story has expired"
        case "policy.consent.missing": return "tells a patient's story without a consent record"
        case "policy.consent.unknown": return "names a consent record the registry does not have"
        case "policy.consent.channel": return "the patient's consent does not cover this channel"
        case "policy.consent.subject": return "the consent record is for someone else"
        default: break
        }
        switch finding.category {
        case .name: return "names a person"
        case .address: return "gives an address or a place smaller than a state"
        case .date: return "gives a date tied to a person"
        case .age: return "gives an age over 89"
        case .phone: return "gives a personal phone number"
        case .fax: return "gives a personal fax number"
        case .email: return "gives a personal email address"
        case .ssn: return "gives a Social Security number"
        case .mrn: return "gives a medical record number"
        case .healthPlan: return "gives a health plan number"
        case .account: return "gives an account or card number"
        case .license: return "gives a licence or certificate number"
        case .vehicle: return "gives a vehicle number or plate"
        case .device: return "gives a device serial number"
        case .url: return "gives a personal web address or handle"
        case .ip: return "gives an IP address"
        case .biometric: return "gives a biometric identifier"
        case .photo: return "has a photo or attachment that may show a person"
        case .otherID: return "gives an identifying number"
        case .healthInfo: return "mentions \(health)"
        case .patientRelationship: return "says someone is a patient"
        case .locationDetail: return "gives a room, bed or unit tied to a patient"
        case .testimonial: return "presents a patient story, which needs the patient's signed authorization"
        case .consent: return "the patient's consent does not cover this post"
        case .derogatory: return "mocks or belittles patients"
        case .minimumNecessary: return "shares more health detail than the message needs"
        case .quasiIdentifier: return "describes a person"
        }
    }

    /// The policy writes "Who: a name. What: health information. ..." (Combinations.swift).
    static func whoAndWhat(_ message: String) -> (who: String, what: String) {
        func field(_ name: String) -> String {
            guard let start = message.range(of: "\(name): ") else { return "" }
            let rest = message[start.upperBound...]
            return String(rest[..<(rest.range(of: ". ")?.lowerBound ?? rest.endIndex)])
        }
        return (field("Who"), field("What"))
    }
}
