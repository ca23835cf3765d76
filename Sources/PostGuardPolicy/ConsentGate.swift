// Policy: the testimonial gate. A patient story or testimonial may be published only under a valid
// HIPAA authorization (45 CFR 164.508; OCR's 2025 Cadia Healthcare settlement was over 150 patient
// "success stories" posted without one). The gate checks, in order, each condition of the contract
// and says which one failed and what to do.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent

/// Finds consent records by id; the registry, or a dictionary in tests.
public protocol ConsentLookup: Sendable {
    func consentRecord(id: String) throws -> ConsentRecord?
}

extension ConsentRegistry: ConsentLookup {
    public func consentRecord(id: String) throws -> ConsentRecord? { try record(id: id) }
}

public struct ConsentTable: ConsentLookup {
    public var records: [String: ConsentRecord]
    public init(_ records: [ConsentRecord]) { self.records = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
    public func consentRecord(id: String) throws -> ConsentRecord? { records[id] }
}

public struct ConsentGate: Sendable {
    public enum Failure: Equatable, Sendable {
        case noConsentNamed
        case noRegistry
        case unknownRecord(String)
        case notYetSigned(String, signed: String)
        case revoked(String, on: String)
        case expired(String, on: String)
        case incomplete(String, problems: [String])
        case channelNotCovered(String, channel: String?, covered: [String])
        case otherSubject(String, subject: String)

        /// Rule id of the finding, so each condition can be explained and filtered on its own.
        public var rule: PolicyRule {
            switch self {
            case .noConsentNamed: .consentMissing
            case .noRegistry: .consentNoRegistry
            case .unknownRecord: .consentUnknown
            case .notYetSigned: .consentNotSigned
            case .revoked: .consentRevoked
            case .expired: .consentExpired
            case .incomplete: .consentIncomplete
            case .channelNotCovered: .consentChannel
            case .otherSubject: .consentSubject
            }
        }

        /// What is wrong and what to do, in a privacy officer's words. Names are not repeated here:
        /// messages are printed unmasked.
        public var message: String {
            switch self {
            case .noConsentNamed:
                "This reads as a patient testimonial or story, and no consent record is named. Publish it only under the patient's signed HIPAA authorization: add `consent: ID` to the draft (front matter or JSONL `consent`)."
            case .noRegistry:
                "This reads as a patient testimonial or story, but there is no consent registry to check its authorization against. Pass --consent-db or set POSTGUARD_CONSENT_DB."
            case .unknownRecord(let id):
                "Consent \(id) is not in the consent registry. Check the id, or record the signed authorization with `postguard consent add`."
            case .notYetSigned(let id, let signed):
                "Consent \(id) is signed \(signed), after the publication date. Publish only once the authorization is signed."
            case .revoked(let id, let on):
                "Consent \(id) was revoked on \(on). The patient withdrew their authorization: do not publish, and take down earlier posts of this story."
            case .expired(let id, let on):
                "Consent \(id) expired on \(on). Ask the patient for a new authorization before publishing."
            case .incomplete(let id, let problems):
                "Consent \(id) is not a valid authorization under 45 CFR 164.508(c): \(problems.joined(separator: "; "))."
            case .channelNotCovered(let id, let channel, let covered):
                "Consent \(id) covers \(covered.joined(separator: ", ")) only, not \(channel ?? "an unstated channel"). Publish on a covered channel or get an authorization that includes this one."
            case .otherSubject(let id, _):
                "Consent \(id) is for a different person than the one this post names. Use the named patient's own authorization."
            }
        }
    }

    public let lookup: (any ConsentLookup)?

    public init(lookup: (any ConsentLookup)?) { self.lookup = lookup }

    /// Nil when the named consents cover the document; otherwise every reason they do not.
    /// `checkDate` is the publication date (`publish_at`) or today. Several records may cover a
    /// story about several people: each valid record's subject must be named, and every person the
    /// document names must be the subject of a valid record.
    public func failures(for document: Document, checkDate: CalendarDate, namedPeople: [String]) throws -> [Failure]? {
        guard !document.consent.isEmpty else { return [.noConsentNamed] }
        guard let lookup else { return [.noRegistry] }
        var failures: [Failure] = []
        var valid: [ConsentRecord] = []
        var invalid: [(ConsentRecord, [Failure])] = []
        for id in document.consent {
            guard let record = try lookup.consentRecord(id: id) else { failures.append(.unknownRecord(id)); continue }
            let reasons = ConsentGate.reasons(record, document: document, checkDate: checkDate)
            if reasons.isEmpty { valid.append(record) } else { invalid.append((record, reasons)) }
        }
        // A failing record counts unless a valid record of the same person supersedes it (an old,
        // revoked form listed beside the new one). A revoked record for anyone else blocks: that
        // person withdrew their authorization.
        for (record, reasons) in invalid where !valid.contains(where: {
            SubjectMatch.sameName(SubjectMatch.tokens($0.subject), SubjectMatch.tokens(record.subject))
        }) {
            failures += reasons
        }
        guard !valid.isEmpty else { return failures + invalid.flatMap(\.1).filter { !failures.contains($0) } }
        guard failures.isEmpty else { return failures }
        let unnamed = valid.filter {
            !SubjectMatch.documentNames(subject: $0.subject, aliases: $0.aliases, text: document.text, namedPeople: [])
        }
        let uncovered = namedPeople.filter { person in
            !valid.contains { SubjectMatch.documentNames(subject: $0.subject, aliases: $0.aliases, text: person, namedPeople: [person]) }
        }
        if unnamed.isEmpty && uncovered.isEmpty { return nil }
        let subjectFailures = unnamed.isEmpty ? [valid[0]] : unnamed
        return failures + subjectFailures.map { .otherSubject($0.id, subject: $0.subject) }
    }

    /// Every condition but the subject, which depends on the other records too.
    static func reasons(_ record: ConsentRecord, document: Document, checkDate: CalendarDate) -> [Failure] {
        var reasons: [Failure] = []
        let problems = record.problems()
        if !problems.isEmpty { reasons.append(.incomplete(record.id, problems: problems)) }
        if let signed = CalendarDate(iso: record.signed), checkDate < signed {
            reasons.append(.notYetSigned(record.id, signed: record.signed))
        }
        if let revoked = record.revokedOn, let day = CalendarDate(iso: revoked), !(checkDate < day) {
            reasons.append(.revoked(record.id, on: revoked))
        }
        // An authorization is valid through its expiry date; expiry by event cannot be checked
        // from here and is left to the privacy officer who recorded it.
        if let expires = record.expires, let day = CalendarDate(iso: expires), day < checkDate {
            reasons.append(.expired(record.id, on: expires))
        }
        if !record.channels.isEmpty, !(document.channel.map { record.channels.contains($0.lowercased()) } ?? false) {
            reasons.append(.channelNotCovered(record.id, channel: document.channel, covered: record.channels))
        }
        return reasons
    }
}

/// Is the person a consent is about the person the post names? Names are compared without case,
/// accents or punctuation, and tolerate honorifics and initials: "Mrs. María López", "Maria L.",
/// "maria lopez" and "Ms. Lopez" all name María López.
public enum SubjectMatch {
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "dra", "sr", "sra", "srta", "don", "dona", "nurse", "rev", "chef", "pharmd", "rn", "md"]

    /// True when the text names the subject (or an alias), and every person the detectors named is
    /// the subject.
    public static func documentNames(subject: String, aliases: [String], text: String, namedPeople: [String]) -> Bool {
        let forms = ([subject] + aliases).map(tokens).filter { !$0.isEmpty }
        let textTokens = tokens(text)
        let namedInText = forms.contains { appears($0, in: textTokens) }
        let others = namedPeople.filter { person in
            let personTokens = tokens(person)
            return !forms.contains { sameName(personTokens, $0) }
        }
        return namedInText && others.isEmpty
    }

    static func tokens(_ text: String) -> [String] {
        normalizedName(text).split(separator: " ").map(String.init).filter { !honorifics.contains($0) }
    }

    /// The subject appears when the text has their first name ("Maria", "Maria L.", "Maria López")
    /// or, for a name of two words or more, their last name ("Mrs. López", "M. Lopez").
    static func appears(_ name: [String], in text: [String]) -> Bool {
        guard let first = name.first, let last = name.last else { return false }
        return text.contains { $0 == first || (name.count > 1 && $0 == last) }
    }

    /// Two written names that may be the same person: one's words are a prefix-compatible subset of
    /// the other's ("maria l" ~ "maria jose lopez", "lopez" ~ "maria lopez").
    static func sameName(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.allSatisfy { word in long.contains { $0 == word || (word.count == 1 && $0.hasPrefix(word)) } }
    }
}
