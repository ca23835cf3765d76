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
        /// Someone the story names whom no named record covers (its subject, aliases or signer).
        case uncoveredPerson(String, person: String)
        /// Health information about someone other than the covered person ("her husband's surgery").
        case otherPersonsHealth(String, relation: String)
        /// Signed by a parent for a subject the story shows as an adult ("Kyle Brennan, 24").
        case parentForAdult(String, age: Int)
        /// Signed by the subject, whom the story shows as a child ("Little Noah Jensen, age 6").
        case minorSignedOwn(String, age: Int)
        /// An authorization for a private use (treatment, an insurer, the staff newsletter) used for a
        /// public post.
        case privateUse(String, purpose: String, recipient: String)
        /// Specially protected health information the story tells that the record's description of
        /// what may be disclosed does not include ("living with HIV" under a record for lymphoma).
        case outsideScope(String, topic: String)

        /// Rule id of the finding, so each condition can be explained and filtered on its own.
        public var rule: PolicyRule {
            switch self {
            case .noConsentNamed: .consentMissing
            case .noRegistry: .consentNoRegistry
            case .unknownRecord: .consentUnknown
            case .notYetSigned: .consentNotSigned
            case .revoked: .consentRevoked
            case .expired: .consentExpired
            case .incomplete, .parentForAdult, .minorSignedOwn, .privateUse, .outsideScope: .consentIncomplete
            case .channelNotCovered: .consentChannel
            case .otherSubject, .uncoveredPerson, .otherPersonsHealth: .consentSubject
            }
        }

        /// What is wrong and what to do, in a privacy officer's words. Names are not repeated here:
        /// messages are printed unmasked.
        public var message: String {
            switch self {
            case .noConsentNamed:
                "This reads as a patient testimonial or story, and no consent record is named. Publish it only under the patient's signed HIPAA authorization: add `consent: ID` to the draft (front matter or JSONL `consent`)."
            case .noRegistry:
                "This reads as a patient testimonial or story, or names a consent, but there is no consent registry to check its authorization against. Pass --consent-db or set POSTGUARD_CONSENT_DB."
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
            case .uncoveredPerson(let ids, _):
                "This person is not covered by \(ids): every person the story shows needs their own authorization (a parent's own authorization does not cover their child). Remove them, or record theirs."
            case .parentForAdult(let id, let age):
                "Consent \(id) was signed by a parent, and the story gives the subject's age as \(age): a parent acts for a minor only (45 CFR 164.502(g)). An adult signs their own authorization, or a legal guardian or health-care agent does."
            case .minorSignedOwn(let id, let age):
                "Consent \(id) was signed by its subject, and the story gives their age as \(age): a minor's authorization is signed by a parent or guardian, their personal representative (45 CFR 164.502(g)(3))."
            case .privateUse(let id, _, _):
                // The record's purpose and recipient are not repeated (they may name a clinician or an
                // insurer, and messages are printed unmasked): the registry shows them.
                "Consent \(id) authorizes a private use (its purpose or recipient names care, an insurer, a clinician or staff only), not a public post: an authorization covers only the purpose and the recipients it names (45 CFR 164.508(c)(1)(iii)-(iv)). Ask for one that names publication."
            case .outsideScope(let ids, let topic):
                "The story tells \(topic) health information, and \(ids) does not list it among the information it authorizes: an authorization covers only the information it describes (45 CFR 164.508(c)(1)(i)), and this kind is specially protected. Remove it, or ask for an authorization that names it."
            case .otherPersonsHealth(let ids, let relation):
                "This is health information about someone other than the person \(ids) covers (\(relation)). Remove it, or publish it only with that person's own authorization."
            }
        }
    }

    public let lookup: (any ConsentLookup)?

    public init(lookup: (any ConsentLookup)?) { self.lookup = lookup }

    /// Nil when the named consents cover the document; otherwise every reason they do not, for every
    /// record named. `checkDate` is the publication date (`publish_at`) or today. Several records may
    /// cover a story about several people: each record's subject must be named, and every person the
    /// document names (`namedPeople`) must be covered by one of the records (its subject, an alias,
    /// or the personal representative who signed it).
    /// `namedPeople` are the people the story shows (each needs a record); `alsoNamed`, everyone it
    /// names, shows the subject called by a short form ("hockey dad Bart").
    public func failures(for document: Document, checkDate: CalendarDate, namedPeople: [String], alsoNamed: [String] = [], nicknames: NicknameTable? = nil) throws -> [Failure]? {
        guard !document.consent.isEmpty else { return [.noConsentNamed] }
        guard let lookup else { return [.noRegistry] }
        var failures: [Failure] = []
        var found: [(record: ConsentRecord, reasons: [Failure])] = []
        for id in document.consent where !found.contains(where: { $0.record.id == id }) {
            guard let record = try lookup.consentRecord(id: id) else {
                if !failures.contains(.unknownRecord(id)) { failures.append(.unknownRecord(id)) }
                continue
            }
            var reasons = ConsentGate.reasons(record, document: document, checkDate: checkDate)
            // The subject named as the story calls them ("hockey dad Bart" for Bartholomew Kinsella)
            // counts as named.
            // Only the family name, on someone else ("Rania Haddad" for Noor Haddad's record): a
            // relative, not the subject.
            if !SubjectMatch.names(record, in: document.text) || SubjectMatch.onlyRelativeNamed(record, in: document.text, people: namedPeople + alsoNamed),
               !(namedPeople + alsoNamed).contains(where: { SubjectMatch.shortForm($0, of: record, nicknames: nicknames) }) {
                reasons.append(.otherSubject(record.id, subject: record.subject))
            }
            found.append((record, reasons))
        }
        // A failing record counts unless a valid record of the same person supersedes it (an old,
        // revoked form listed beside the new one). A revoked record for anyone else blocks: that
        // person withdrew their authorization.
        let valid = found.filter { $0.reasons.isEmpty }.map(\.record)
        let counted = found.filter { entry in
            entry.reasons.isEmpty || !valid.contains { SubjectMatch.sameName(SubjectMatch.tokens($0.subject), SubjectMatch.tokens(entry.record.subject)) }
        }
        failures += counted.flatMap(\.reasons)
        // Every person named is someone's subject, alias or signer; a person covered only by a
        // failing record is already reported through that record's failure.
        if !counted.isEmpty {
            let ids = counted.map(\.record.id).joined(separator: ", ")
            var seen: Set<[String]> = []
            for person in namedPeople where !counted.contains(where: {
                SubjectMatch.covers($0.record, person: person, nicknames: nicknames) || SubjectMatch.namedByRecord($0.record, person)
            }) {
                guard seen.insert(SubjectMatch.tokens(person)).inserted else { continue }
                failures.append(.uncoveredPerson(ids, person: person))
            }
        }
        return failures.isEmpty ? nil : failures
    }

    /// Every condition of one record but who it covers (the subject, checked against the text).
    package static func reasons(_ record: ConsentRecord, document: Document, checkDate: CalendarDate) -> [Failure] {
        var reasons: [Failure] = []
        let problems = record.problems()
        if !problems.isEmpty { reasons.append(.incomplete(record.id, problems: problems)) }
        if let signed = CalendarDate(iso: record.signed), checkDate < signed {
            reasons.append(.notYetSigned(record.id, signed: record.signed))
        }
        if let revoked = record.revokedOn, let day = CalendarDate(iso: revoked), !(checkDate < day) {
            reasons.append(.revoked(record.id, on: revoked))
        }
        // An authorization is valid through its expiry date. An expiry event is checked only when
        // its own words date it ("the April 2026 gala", "the end of the October 2026 campaign"):
        // by the end of the month it names, it has happened. Any other event is left to the
        // privacy officer who recorded it.
        if let expires = record.expires, let day = CalendarDate(iso: expires), day < checkDate {
            reasons.append(.expired(record.id, on: expires))
        } else if record.expires == nil, let event = record.expiresEvent, let day = CalendarDate.lastDayNamed(in: event), day < checkDate {
            // The event's own words are not quoted: free text a privacy officer wrote may name someone,
            // and these messages land in CI logs.
            reasons.append(.expired(record.id, on: "\(day), the date its expiry event names"))
        } else if record.expires == nil, let event = record.expiresEvent, CalendarDate.lastDayNamed(in: event) == nil,
                  let signed = CalendarDate(iso: record.signed), let day = CalendarDate.periodAfterSigning(in: event, signed: signed), day < checkDate {
            // "One year after the date of signature": counted from the day it was signed.
            reasons.append(.expired(record.id, on: "\(day), the end of the period its expiry event counts from signing"))
        } else if record.expires == nil, let event = record.expiresEvent, CalendarDate.lastDayNamed(in: event) == nil,
                  let kind = ExpiryEvent(event), let told = kind.toldAsPast(in: document.text) {
            // An event its words do not date ("completion of her Invisalign treatment", "discharge
            // from short-term rehab"), which the story itself tells as past ("wrapped up her
            // Invisalign", "went home last Tuesday"): the authorization ended with it.
            reasons.append(.expired(record.id, on: "the \(kind.name) the story itself tells of (\u{201C}\(told)\u{201D}), the event it was signed to last until"))
        }
        if !record.channels.isEmpty, !(document.channel.map { channel in record.channels.contains { $0.lowercased() == channel.lowercased() } } ?? false) {
            reasons.append(.channelNotCovered(record.id, channel: document.channel, covered: record.channels))
        }
        if let age = adultAge(of: record, in: document) { reasons.append(.parentForAdult(record.id, age: age)) }
        if let age = minorAge(of: record, in: document) { reasons.append(.minorSignedOwn(record.id, age: age)) }
        if document.kind == .post, isPrivateUse(record) { reasons.append(.privateUse(record.id, purpose: record.purpose, recipient: record.recipient)) }
        return reasons
    }

    /// The specially protected topic (from the lexicon's rule ids: `health.hiv-sti.condition.en`) of
    /// a health finding that none of `records` lists in what it authorizes; nil when every one is
    /// listed, or a record does not describe its information (a JSONL record without the field reads
    /// "(on the signed form)") or names all of it.
    /// `topicsNamed`: the lexicon's rule ids for the terms a text holds. A record that names any term
    /// of a topic ("PCOS, letrozole cycles, conception") authorizes that topic of the story, however
    /// the story words it ("ovulation induction", "conceived").
    package static func topicOutsideScope(_ findings: [Finding], records: [ConsentRecord], topicsNamed: (String) -> [String] = { _ in [] }) -> String? {
        // What the record describes as the information to be used (164.508(c)(1)(i)), not its purpose:
        // "a parent's perspective for eating-disorder awareness" authorizes the parent's telling,
        // not their son's diagnosis.
        let described = records.map { $0.information.lowercased().replacingOccurrences(of: "-", with: " ") }
        guard !described.isEmpty, !described.contains(where: { $0.isEmpty || $0.contains("signed form") || coversAll($0) }) else { return nil }
        let namedTopics = Set(records.flatMap { topicsNamed($0.information) }.compactMap { id -> String? in
            let parts = id.split(separator: ".")
            return parts.count > 2 ? String(parts[1]) : nil
        })
        for finding in findings where finding.has(.healthHighSensitivity) {
            let parts = finding.rule.split(separator: ".").map(String.init)
            guard parts.count > 2, parts[0] == "health", var words = scopeWords[parts[1]] else { continue }
            // Mental health and substance use are one behavioral-health record in most stories
            // ("alcohol use disorder" covers its intensive outpatient program).
            let behavioral = ["mental-health", "substance-use"]
            let topics = behavioral.contains(parts[1]) ? behavioral : [parts[1]]
            if !namedTopics.isDisjoint(with: topics) { continue }
            if behavioral.contains(parts[1]) { words += scopeWords["mental-health"]! + scopeWords["substance-use"]! }
            let term = finding.matchedText.lowercased().replacingOccurrences(of: "-", with: " ")
            // A bare "birth" ("has lived with sickle cell since birth") says nothing of a pregnancy.
            if ["birth", "baby", "born"].contains(term) { continue }
            if described.contains(where: { info in info.contains(term) || words.contains(where: info.contains) }) { continue }
            return ["hiv-sti": "HIV or STI", "mental-health": "mental health", "substance-use": "substance use"][parts[1]] ?? parts[1]
        }
        return nil
    }
    /// Descriptions that cover everything the story tells: "diagnosis and treatment described in the story".
    static let scopeAll = ["all health", "any health", "entire medical", "full medical", "complete medical", "all medical", "all information", "entire record",
                           "as described", "described in"]
    /// Whether a record's description covers whatever the story tells: a phrase that says so, or "his
    /// story" left open. "The story of his knee replacement" is a story of that and no more.
    static func coversAll(_ described: String) -> Bool {
        if scopeAll.contains(where: described.contains) { return true }
        for word in ["story", "historia"] {
            var from = described.startIndex
            while let found = described.range(of: word, range: from..<described.endIndex) {
                let rest = described[found.upperBound...].drop { $0 == " " }
                if !(rest.hasPrefix("of ") || rest.hasPrefix("about ") || rest.hasPrefix("de ") || rest.hasPrefix("sobre ")) { return true }
                from = found.upperBound
            }
        }
        return false
    }
    static let scopeWords: [String: [String]] = [
        "hiv-sti": ["hiv", "aids", "sti", "std", "sexual", "prep", "vih", "sida"],
        "mental-health": ["mental", "depress", "anxiety", "bipolar", "psych", "behavio", "suicid", "eating disorder", "ptsd", "trauma", "counsel",
                          "therapy", "emotional", "panic", "ocd", "adhd", "schizo", "salud mental", "ansiedad", "depresi", "crisis"],
        "substance-use": ["substance", "addiction", "recovery", "sober", "sobriety", "alcohol", "opioid", "drug", "detox", "rehab", "overdose",
                          "methadone", "suboxone", "use disorder", "adicci", "recuperaci"],
        "reproductive": ["pregnan", "birth", "deliver", "maternity", "fertility", "ivf", "reproductive", "obstetric", "labor", "labour", "c-section",
                         "cesarean", "caesarean", "prenatal", "postpartum", "miscarriage", "abortion", "contracept", "gynecolog", "baby", "embaraz", "parto", "nacimiento",
                         "gestation", "gestacion", "gestación", "obstetr", "ob gyn", "egg", "embryo", "retrieval"],
        "genetic": ["genetic", "gene", "brca", "dna", "hereditary", "genétic", "sickle", "cystic fibrosis", "huntington"],
    ]

    /// Whether a record's purpose or recipient is a private use that no public post falls under: care
    /// coordination, an insurer, the patient's GP, the staff intranet, "employees only". A purpose or
    /// recipient that names publication in any way (a story, social media, the website, marketing,
    /// the public) is not private.
    static func isPrivateUse(_ record: ConsentRecord) -> Bool {
        func words(_ text: String) -> [String] { text.lowercased().split { !$0.isLetter }.map(String.init) }
        let purpose = words(record.purpose), recipient = words(record.recipient)
        let all = purpose + recipient
        if all.contains(where: publicationWords.contains) { return false }
        let privatePurpose = purpose.contains(where: privatePurposeWords.contains)
        let privateRecipient = recipient.contains(where: privateRecipientWords.contains)
            || (recipient.contains("only") && recipient.contains(where: ["employees", "staff", "internal", "intranet", "members", "team"].contains))
        return privatePurpose || privateRecipient
    }
    static let timeUnits: Set<String> = ["year", "years", "yr", "yrs", "month", "months", "mo", "mos", "week", "weeks", "wk", "wks", "day", "days", "hour", "hours", "session", "sessions", "rounds", "cycles", "visits", "times"]
    static let publicationWords: Set<String> = [
        "story", "stories", "testimonial", "testimonials", "marketing", "social", "media", "publication", "publish", "publishing",
        "publicity", "website", "web", "post", "posts", "posting", "campaign", "advertising", "advert", "promotion", "promotional",
        "recruitment", "recruiting", "fundraising", "awareness", "video", "photo", "photos", "facebook", "instagram", "tiktok",
        "youtube", "linkedin", "public", "community", "spotlight", "feature", "celebration", "celebrate", "share", "sharing",
        "press", "news", "blog", "channels", "followers", "annual", "report", "education", "educational", "programme", "program",
    ]
    static let privatePurposeWords: Set<String> = [
        "treatment", "coordination", "referral", "underwriting", "insurance", "insurer", "claim", "claims", "billing", "payment",
        "legal", "litigation", "court", "records", "continuity", "opinion", "audit", "quality", "improvement", "employment",
        "benefits", "disability", "workers", "compensation",
    ]
    static let privateRecipientWords: Set<String> = [
        "insurer", "insurance", "underwriter", "gp", "physician", "dr", "doctor", "attorney", "lawyer", "solicitor", "court",
        "employer", "intranet", "internal", "payer", "plan",
    ]

    /// The subject's age under 18, as the story gives it right after their name ("Noah Jensen, 6",
    /// "Noah Jensen, age 6", "Noah (6)"), when the record says the subject signed it themself.
    static func minorAge(of record: ConsentRecord, in document: Document) -> Int? {
        // Signed by the subject, as the record says: their name, or "self (minor, age 15)". A record
        // that names no signer says nothing of who signed.
        guard let signer = record.signer, SubjectMatch.sameName(SubjectMatch.tokens(signer), SubjectMatch.tokens(record.subject))
                || signer.lowercased().split(whereSeparator: { !$0.isLetter }).contains(where: { ["self", "minor", "patient"].contains($0) }) else { return nil }
        return statedAge(of: record.subject, in: document, within: 0...17)
    }

    /// The subject's age, 18 or more, as the story gives it right after their name ("Kyle Brennan,
    /// 24", "Kyle (24)"), when a parent signed the record.
    static func adultAge(of record: ConsentRecord, in document: Document) -> Int? {
        guard let signer = record.signer, !SubjectMatch.sameName(SubjectMatch.tokens(signer), SubjectMatch.tokens(record.subject)),
              let authority = record.authority?.lowercased() else { return nil }
        let authorityWords = authority.split { !$0.isLetter }.map(String.init)
        // A parent's authority ends when the child comes of age; a guardian, an agent or an executor's does not.
        guard authorityWords.contains(where: ConsentRecord.parentAuthority.contains), !authorityWords.contains(where: ConsentRecord.representativeAuthority.contains) else { return nil }
        return statedAge(of: record.subject, in: document, within: 18...120)
    }

    /// An age in `range` written right after the subject's name ("Kyle Brennan, 24", "Noah, age 6"),
    /// not a span of time ("Reggie Tamburro, 2 years in recovery", "Theo, 12 weeks after", "6-week").
    static func statedAge(of subjectName: String, in document: Document, within range: ClosedRange<Int>) -> Int? {
        let subject = Set(SubjectMatch.tokens(subjectName))
        return document.text.withUTF8Bytes { bytes -> Int? in
            let words = ConsentCoverage.words(in: bytes, ByteRange(0, bytes.count))
            for (index, word) in words.enumerated() {
                // "16-year-old Sophie", "a 22-year-old Marcus": the age before the name.
                // Not an age then: "In 2017, 16-year-old Abdirahman Yusuf came to our trauma bay".
                if let age = Int(word.key), range.contains(age), index + 3 < words.count,
                   ["year", "yr", "years"].contains(words[index + 1].key), words[index + 2].key == "old",
                   words[(index + 3)..<min(words.count, index + 5)].contains(where: { subject.contains($0.key) }),
                   !words[max(0, index - 4)..<index].contains(where: { word in
                       (Int(word.key).map { (1900...2099).contains($0) } ?? false) || ["ago", "then", "when", "back"].contains(word.key)
                   }) { return age }
            }
            for (index, word) in words.enumerated() where subject.contains(word.key) && index + 1 < words.count {
                var next = index + 1
                if next < words.count, subject.contains(words[next].key) { next += 1 }
                // "Sophie, now 19", "Sofía tiene 22 años", "Sofía, de 22 años".
                var spanishAge = false
                if next < words.count, ["age", "aged", "now", "ahora"].contains(words[next].key) { next += 1 }
                else if next < words.count, ["tiene", "tenía", "cumplió", "de"].contains(words[next].key) { next += 1; spanishAge = true }
                // Only a comma, a space or a parenthesis between: "Rosalind Achebe!! 8 porcelain
                // veneers" counts veneers.
                guard next < words.count, let age = Int(words[next].key), range.contains(age),
                      words[next].range.start - words[next - 1].range.end <= 3,
                      (words[next - 1].range.end..<words[next].range.start).allSatisfy({ [UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "(")].contains(bytes[$0]) })
                else { continue }
                if next + 1 < words.count, ConsentGate.timeUnits.contains(words[next + 1].key) { continue }
                // Spanish counts years of age and of anything else alike: "tiene 22 años" is an age,
                // "Sofía, 2 años sin consumir" a span of time.
                if next + 1 < words.count, ["años", "meses", "semanas", "días"].contains(words[next + 1].key), !spanishAge { continue }
                if spanishAge, !(next + 1 < words.count && words[next + 1].key == "años") { continue }
                if words[next].range.end < bytes.count, bytes[words[next].range.end] == UInt8(ascii: "-") { continue }
                return age
            }
            return nil
        }
    }
}

/// Is the person a consent is about the person the post names? Names are compared without case,
/// accents or punctuation, and tolerate honorifics and initials: "Mrs. María López", "Maria L.",
/// "maria lopez" and "Ms. Lopez" all name María López. Generational suffixes are part of the name:
/// "Jamal Whitaker Jr." is not "Jamal Whitaker Sr." (a name written without one matches either).
/// "Sr." before a name is an honorific (Spanish *señor*), after a surname a suffix.
public enum SubjectMatch {
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "dra", "sr", "sra", "srta", "don", "dona", "nurse", "rev", "chef", "pharmd", "rn", "md"]
    /// Generational suffixes: identity tokens when they follow a name.
    static let suffixes: Set<String> = ["jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "hijo", "padre"]

    /// Whether the text names the record's subject (or one of its aliases).
    public static func names(_ record: ConsentRecord, in text: String) -> Bool {
        let textTokens = tokens(text)
        return ([record.subject] + record.aliases).map(tokens).contains { !$0.isEmpty && appears($0, in: textTokens) }
    }

    /// Whether the record's subject appears only through their family name, worn by someone else
    /// the document names with another first name ("Mi-rae Park" for Hyun-woo Park's record), and
    /// the subject's own first name (or an alias) is nowhere in the text.
    static func onlyRelativeNamed(_ record: ConsentRecord, in text: String, people: [String]) -> Bool {
        let subject = tokens(record.subject).filter { !suffixes.contains($0) }
        guard subject.count >= 2, let first = subject.first, let last = subject.last else { return false }
        let textTokens = tokens(text)
        if textTokens.contains(first) || record.aliases.map(tokens).contains(where: { !$0.isEmpty && appears($0, in: textTokens) }) { return false }
        let sharing = people.map(tokens).filter { $0.count >= 2 && $0.last == last }
        return !sharing.isEmpty && sharing.allSatisfy { $0.first != first && !($0.first.map { first.hasPrefix($0) } ?? false) }
    }

    /// Whether a person the document names is covered by the record: its subject, an alias, or the
    /// personal representative who signed it ("Her mom Jessica asked us to share her story").
    public static func covers(_ record: ConsentRecord, person: String, nicknames: NicknameTable? = nil) -> Bool {
        let personTokens = tokens(person)
        if ([record.subject] + record.aliases + [record.signer].compactMap { $0 }).map(tokens).contains(where: { sameName(personTokens, $0) }) { return true }
        return shortForm(person, of: record, nicknames: nicknames)
    }

    /// Whether `person` is the record's subject by a short form or a nickname of their first name, as
    /// a story calls them: "Dan" for Daniel, "Olu" for Olumide (three letters or more), "Bobby" for
    /// Robert, "Bart" for Bartholomew (Rules/data/nicknames.txt); "Dan Brooks" for Daniel Brooks (the
    /// surname, if given, is theirs).
    static func shortForm(_ person: String, of record: ConsentRecord, nicknames: NicknameTable?) -> Bool {
        let personTokens = tokens(person)
        let subject = tokens(record.subject).filter { !suffixes.contains($0) }
        guard let first = subject.first, let short = personTokens.first, short != first else { return false }
        // The table also links full names to each other (Emily and Emma): only a diminutive counts,
        // short ("Bob", "Liz", "Bill") or ending as one ("Bobby", "Katie"), never a name in "-a".
        let diminutive = (short.count <= 4 && !short.hasSuffix("a")) || short.hasSuffix("y") || short.hasSuffix("ie")
        // A diminutive no table lists is read by its stem: "Bernie" for Bernadette, "Debbie" for
        // Deborah ("-ie", "-y", "-i" off, a doubled consonant single).
        guard short.count >= 3 && first.hasPrefix(short) || (diminutive && nicknames?.relates(first, short) ?? false)
                || diminutiveStem(short).map({ first.hasPrefix($0) }) == true else { return false }
        return personTokens.count == 1 || (personTokens.count == 2 && subject.count >= 2 && personTokens[1] == subject.last)
    }

    /// The stem of a diminutive ("bernie" → "bern", "debbie" → "deb", "danny" → "dan"), three letters
    /// or more; nil for a name that does not end as one.
    package static func diminutiveStem(_ name: String) -> String? {
        var stem = Substring(name)
        if stem.hasSuffix("ie") { stem = stem.dropLast(2) } else if stem.hasSuffix("y") || stem.hasSuffix("i") { stem = stem.dropLast() } else { return nil }
        if stem.count >= 4, let last = stem.last, stem.dropLast().last == last, !"aeiou".contains(last) { stem = stem.dropLast() }
        return stem.count >= 3 ? String(stem) : nil
    }

    /// Name words without honorifics. A suffix word is kept after another name word ("whitaker sr")
    /// and dropped as an honorific before any ("Sr. Mendoza").
    /// Whether `person` is the record's recipient ("Maple Ridge Care Center and the public"): the
    /// organisation that publishes, whose name a story shows beside the subject. (Only the
    /// recipient: a child named in a parent's record's purpose still needs their own.)
    static func namedByRecord(_ record: ConsentRecord, _ person: String) -> Bool {
        let personTokens = tokens(person)
        guard !personTokens.isEmpty else { return false }
        let described = Set(tokens(record.recipient))
        return personTokens.allSatisfy(described.contains)
    }

    package static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        for word in normalizedName(text).split(separator: " ").map(String.init) {
            if suffixes.contains(word), !result.isEmpty { result.append(word); continue }
            if honorifics.contains(word) { continue }
            result.append(word)
        }
        return result
    }

    /// The subject appears when the text has their first name ("Maria", "Maria L.", "Maria López")
    /// or, for a name of two words or more, their last name ("Mrs. López", "M. Lopez").
    static func appears(_ name: [String], in text: [String]) -> Bool {
        let name = name.filter { !suffixes.contains($0) }
        guard let first = name.first, let last = name.last else { return false }
        return text.contains { $0 == first || (name.count > 1 && $0 == last) }
    }

    /// Two written names that may be the same person: one's words are a prefix-compatible subset of
    /// the other's ("maria l" ~ "maria jose lopez", "lopez" ~ "maria lopez"), and their generational
    /// suffixes do not differ ("jamal whitaker jr" ≁ "jamal whitaker sr"; "jamal whitaker" ~ either).
    package static func sameName(_ a: [String], _ b: [String]) -> Bool {
        let suffixA = a.filter(suffixes.contains), suffixB = b.filter(suffixes.contains)
        if !suffixA.isEmpty, !suffixB.isEmpty, Set(suffixA.map(canonicalSuffix)) != Set(suffixB.map(canonicalSuffix)) { return false }
        let a = a.filter { !suffixes.contains($0) }, b = b.filter { !suffixes.contains($0) }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.allSatisfy { word in long.contains { $0 == word || (word.count == 1 && $0.hasPrefix(word)) } }
    }

    static func canonicalSuffix(_ word: String) -> String {
        switch word {
        case "jnr", "junior", "hijo": "jr"
        case "snr", "senior", "padre": "sr"
        default: word
        }
    }

    /// A generational suffix written right after a name in the text ("Jamal Whitaker Jr., 16"), which
    /// the name detector leaves out of the name: returned so it can be added to the name.
    public static func suffix(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = end
        if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        guard index < bytes.count, bytes[index] == 0x20 else { return nil }
        index += 1
        var word: [UInt8] = []
        while index < bytes.count, word.count < 8, (bytes[index] >= 0x41 && bytes[index] <= 0x5A) || (bytes[index] >= 0x61 && bytes[index] <= 0x7A) {
            word.append(bytes[index]); index += 1
        }
        // A whole word: followed by a period, punctuation, a space or the end.
        if index < bytes.count, bytes[index] >= 0x80 || (bytes[index] >= 0x30 && bytes[index] <= 0x39) { return nil }
        let text = String(decoding: word, as: UTF8.self)
        // "IV" after a name is as often intravenous as a fourth of the name: not taken from the text.
        guard suffixes.contains(text.lowercased()), text.lowercased() != "iv", text.first?.isUppercase == true || text == "hijo" || text == "padre" else { return nil }
        return text
    }
}

/// The kind of event an authorization ends with, when its words give no date: a course of care
/// completed, a discharge, a death. Which words tell that it has happened are the kind's own.
struct ExpiryEvent {
    let name: String
    /// Word sequences that tell the event as past, lower case.
    let told: [[String]]
    /// The event's own content words, one of which a completion must be told near.
    let subjects: Set<String>
    static let eventWords: Set<String> = ["completion", "complete", "completing", "completed", "finish", "finishing", "graduation", "end",
                                          "discharge", "discharged", "death", "passing", "dies", "died", "from", "with", "their", "the", "his", "her"]

    init?(_ event: String) {
        let words = Set(ExpiryEvent.words(event))
        // What the event is about ("invisalign", "rehab", "chemotherapy"): a completion told of
        // something else ("completed her paperwork") is not it.
        subjects = words.subtracting(ExpiryEvent.eventWords).filter { $0.count >= 4 }
        if words.contains(where: { ["completion", "complete", "completing", "completed", "finish", "finishing", "graduation"].contains($0) })
            || (words.contains("end") && !words.contains("campaign") && !words.contains("season")
                && words.contains(where: { ["treatment", "therapy", "program", "programme", "chemo", "chemotherapy", "rehab", "rehabilitation", "radiation", "course"].contains($0) })) {
            name = "completion"
            told = [["graduated"], ["graduation"], ["completed"], ["finished"], ["wrapped", "up"], ["rang", "the", "bell"], ["rang", "our", "bell"],
                    ["final", "chemo"], ["final", "session"], ["final", "treatment"], ["final", "infusion"], ["final", "round"], ["last", "session"],
                    ["last", "treatment"], ["last", "round"], ["last", "tray"], ["done", "with"]]
        } else if words.contains(where: { ["discharge", "discharged"].contains($0) }) {
            name = "discharge"
            told = [["went", "home"], ["discharged"], ["sent", "home"], ["headed", "home"], ["graduation", "from"], ["graduated", "from"]]
        } else if words.contains(where: { ["death", "passing", "dies", "died"].contains($0) }) {
            name = "death"
            told = [["passed", "away"], ["died"], ["in", "memory", "of"], ["in", "loving", "memory"], ["rest", "in", "peace"]]
        } else {
            return nil
        }
    }

    /// The words of `text` that tell the event as past, or nil. Not after a word that puts it
    /// ahead or makes it a wish ("will be discharged", "aiming to go home", "before she's done with").
    func toldAsPast(in text: String) -> String? {
        let words = ExpiryEvent.words(text)
        for start in words.indices {
            for phrase in told where start + phrase.count <= words.count && Array(words[start..<(start + phrase.count)]) == phrase {
                if words[max(0, start - 2)..<start].contains(where: { ExpiryEvent.ahead.contains($0) }) { continue }
                // A course completed is told near what it completed ("wrapped up her Invisalign",
                // "rang the bell after her final chemo"), not a first part of it ("finished her first
                // week of Invisalign").
                if name == "completion" {
                    let near = words[max(0, start - 6)..<min(words.count, start + phrase.count + 6)]
                    let subjectStems = subjects.map { String($0.prefix(5)) }
                    guard near.contains(where: { word in subjectStems.contains { word.hasPrefix($0) } }),
                          !words[(start + phrase.count)..<min(words.count, start + phrase.count + 3)].contains(where: { ["first", "second", "half", "paperwork", "forms", "intake"].contains($0) })
                    else { continue }
                }
                return phrase.joined(separator: " ")
            }
        }
        return nil
    }

    static let ahead: Set<String> = ["will", "be", "until", "before", "once", "when", "soon", "to", "hope", "hopes", "almost", "nearly", "not", "never", "isn't", "hasn't"]

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
    }
}
