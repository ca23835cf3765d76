// Policy: identifiers and health information are each harmless alone and a disclosure together
// (45 CFR 160.103: individually identifiable health information). These rules combine findings
// into judgments about the document, by kind:
//   post     a person (name, date of care, phone, ...) and health information in one paragraph → block
//   reply    the reviewer is identified by their display name, so health information addressed to
//            them ("your surgery") confirms they are a patient → block (OCR: Elite Dental 2019,
//            New Vision Dental 2022, Manasa Health Center 2023)
//   message  a named third party's health information → block; the reader's own results or
//            diagnosis over chat → review (minimum necessary)
// Names, handles and links with no care context at all say nothing about health: they become `info`.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent

struct Combinations {
    /// Descriptions of the findings the combinations raise.
    let catalog: RuleCatalog

    /// Second-person words: health information addressed to the reader is about the reader.
    static let secondPerson: Set<String> = ["you", "your", "you're", "youre", "yours", "you've", "tu", "tus", "su", "sus", "usted", "ti"]

    func apply(_ document: Document, _ findings: [Finding]) -> [Finding] {
        var findings = findings
        let health = findings.filter { $0.has(.health) }
        // A person the organisation did not demote to `info`. An attachment we cannot see is for
        // review on its own (role `attachment`, not `person`): it does not make a flu flyer with the
        // word "flu" a disclosure. Alt-text findings (a name in the alt text) do pair.
        let people = findings.filter { $0.has(.person) && $0.severity > .info }
        let patientReferences = findings.filter { $0.has(.patientReference) }
        let careContext = findings.contains { $0.has(.careContext) && $0.severity > .info }

        document.text.withUTF8Bytes { bytes in
            switch document.kind {
            case .post:
                let quasi = findings.filter { $0.entry.roles.contains(where: \.isQuasiIdentifier) }
                // A person and health information in the same paragraph.
                if let pair = firstPair(health, people, sameParagraphIn: bytes) {
                    findings.append(disclosure(health: pair.0, person: pair.1, highlySensitive: health.contains(where: isHighlySensitive)))
                } else if let pair = firstPair(patientReferences, people, sameParagraphIn: bytes) {
                    findings.append(Finding(entry: catalog.entry(.namedPatient), span: pair.1.span, matchedText: pair.1.matchedText))
                } else if let (term, details) = quasiCase(health, quasi, bytes) {
                    // No name, but an age, an occupation, a town or an event together narrow the case
                    // to one person a reader may know ("a 34-year-old teacher from Millbrook").
                    let kinds = Set(details.flatMap { $0.entry.roles.filter(\.isQuasiIdentifier).map { $0.rawValue.replacingOccurrences(of: "quasi:", with: "") } }).sorted()
                    findings.append(Finding(
                        entry: catalog.entry(.quasiIdentifiers), span: term.span, matchedText: term.matchedText,
                        message: "No name, but details together (\(kinds.joined(separator: ", "))) with health information can identify the person to anyone who knows them."))
                }
            case .reply:
                // In a reply the reader is the reviewer: health information addressed to them is theirs.
                if let term = health.first(where: { addressedToReader($0, bytes) }) ?? (people.isEmpty ? nil : health.first) {
                    findings.append(Finding(entry: catalog.entry(.replyDiscussesCare), span: term.span, matchedText: term.matchedText))
                }
            case .message:
                // The person greeted ("Hi Maria, your results...") is the reader; anyone else named next
                // to health information is a third party, even in a message that says "your".
                let greeted = people.filter { isGreeted($0, bytes) }.map { SubjectMatch.tokens($0.matchedText) }
                let thirdParties = people.filter { person in
                    !greeted.contains { SubjectMatch.sameName($0, SubjectMatch.tokens(person.matchedText)) }
                }
                if let pair = firstPair(health, thirdParties, sameParagraphIn: bytes),
                   !addressedToReader(pair.0, bytes) || pair.1.category == .name {
                    findings.append(disclosure(health: pair.0, person: pair.1, highlySensitive: health.contains(where: isHighlySensitive)))
                } else if let result = health.first(where: { addressedToReader($0, bytes) }) {
                    findings.append(Finding(entry: catalog.entry(.messageClinicalDetail), span: result.span, matchedText: result.matchedText))
                }
            }
        }

        // No care context at all: a name, a handle or a link is not a disclosure of health information.
        let judged = findings.contains { $0.severity == .block && !$0.has(.health) && !$0.has(.contextual) }
            || careContext || findings.contains { $0.has(.careContext) && $0.severity > .info }
        if !judged {
            for index in findings.indices where findings[index].has(.contextual) {
                findings[index].severity = .info
            }
        }
        return findings
    }

    /// A health term whose paragraph holds two kinds of quasi-identifier, with those details.
    private func quasiCase(_ health: [Finding], _ quasi: [Finding], _ bytes: UnsafeBufferPointer<UInt8>) -> (Finding, [Finding])? {
        for term in health {
            guard let span = term.span else { continue }
            let near = quasi.filter { detail in
                guard let d = detail.span else { return false }
                let range = ByteRange(min(d.bytes.start, span.bytes.start), max(d.bytes.end, span.bytes.end))
                return !Combinations.containsBlankLine(bytes, range)
            }
            if Set(near.flatMap { $0.entry.roles.filter(\.isQuasiIdentifier) }).count >= 2 { return (term, near) }
        }
        return nil
    }

    private func disclosure(health: Finding, person: Finding, highlySensitive: Bool) -> Finding {
        let extra = highlySensitive
            ? " It includes information that law protects beyond HIPAA (mental health, substance use, HIV, reproductive or genetic health)."
            : ""
        return Finding(
            entry: catalog.entry(.identifiableHealthInfo), span: health.span, matchedText: health.matchedText,
            message: "This identifies a person (\(person.category)) and says something about their health. Together that is protected health information.\(extra)")
    }

    private func isHighlySensitive(_ finding: Finding) -> Bool { finding.has(.healthHighSensitivity) }

    /// The first (a, b) pair from two lists that share a paragraph (no blank line between them).
    private func firstPair(_ a: [Finding], _ b: [Finding], sameParagraphIn bytes: UnsafeBufferPointer<UInt8>) -> (Finding, Finding)? {
        for x in a {
            for y in b {
                guard let sx = x.span, let sy = y.span else {
                    // A finding without a span (an attached photo) belongs to the whole document.
                    return (x, y)
                }
                let from = min(sx.bytes.start, sy.bytes.start), to = max(sx.bytes.end, sy.bytes.end)
                if !Combinations.containsBlankLine(bytes, ByteRange(from, to)) { return (x, y) }
            }
        }
        return nil
    }

    static func containsBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> Bool {
        var sawNewline = false
        for index in range.start..<range.end {
            switch bytes[index] {
            case 0x0A:
                if sawNewline { return true }
                sawNewline = true
            case 0x0D, 0x20, 0x09: continue
            default: sawNewline = false
            }
        }
        return false
    }

    /// Words that open a message to its reader: the name after them is the reader's.
    static let greetings: Set<String> = ["hi", "hello", "hey", "dear", "good morning", "good afternoon", "hola", "buenos días", "buenas tardes", "estimado", "estimada", "querido", "querida"]

    /// Whether a name finding is the reader being greeted: a greeting just before it, at the start of
    /// the text or of a line.
    private func isGreeted(_ finding: Finding, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard finding.category == .name, let span = finding.span else { return false }
        let line = TextPositions.lineRange(containing: span.bytes.start, in: bytes)
        let before = ByteText.substring(bytes, ByteRange(line.start, span.bytes.start))
            .lowercased().trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        return Combinations.greetings.contains(before)
    }

    /// Whether the sentence holding the finding speaks to the reader ("your biopsy", "tu cita").
    private func addressedToReader(_ finding: Finding, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let span = finding.span else { return false }
        var start = span.bytes.start, end = span.bytes.end
        let stops: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A]
        while start > 0, !stops.contains(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
        let sentence = ByteText.substring(bytes, ByteRange(start, end)).lowercased()
        return sentence.split { !$0.isLetter && $0 != "'" && $0 != "’" }.contains { Combinations.secondPerson.contains(String($0).replacingOccurrences(of: "’", with: "'")) }
    }
}
