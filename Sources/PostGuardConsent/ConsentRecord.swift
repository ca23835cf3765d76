// Consent: a patient's written HIPAA authorization, as the registry keeps it. The fields follow
// 45 CFR 164.508(c): the core elements (c)(1) and the required statements (c)(2). Checking a record
// is a pure function, so `add`, `import` and the testimonial gate all judge it the same way.
import PostGuardDocuments
import PostGuardInput
import Foundation
import GRDB

public struct ConsentRecord: Codable, Sendable, Hashable {
    public var id: String
    /// The person the authorization is about, as the post may name them.
    public var subject: String
    /// Other names or handles the post may show for the subject ("Maria L.", "@marialopez").
    public var aliases: [String] = []
    /// (c)(1)(i): the information that may be disclosed.
    public var information: String
    /// (c)(1)(ii): who may disclose it (the organisation, when not said).
    public var discloser: String?
    /// (c)(1)(iii): to whom (for a post: the public, on the listed channels).
    public var recipient: String
    /// (c)(1)(iv): the purpose.
    public var purpose: String
    /// (c)(1)(vi): the date the subject or representative signed, `YYYY-MM-DD`.
    public var signed: String
    /// (c)(1)(v): an expiration date or an expiration event; one of them.
    public var expires: String?
    public var expiresEvent: String?
    /// Channels the authorization covers; empty means every channel.
    public var channels: [String] = []
    /// (c)(1)(vi): who signed, when not the subject, and their authority to act for the subject.
    public var signer: String?
    public var authority: String?
    /// (c)(2): statements the signed form contains: `revocation` (right to revoke), `conditioning`
    /// (treatment is not conditioned on signing), `redisclosure` (information may be redisclosed).
    public var statements: [String] = ConsentRecord.requiredStatements
    /// What the post may show: name, photo, condition, procedure, quote. Empty means not recorded.
    public var mayShow: [String] = []
    public var notes: String?
    /// Revocation keeps the record; these say when and why.
    public var revokedOn: String?
    public var revocationReason: String?

    public static let requiredStatements = ["revocation", "conditioning", "redisclosure"]

    public init(id: String, subject: String, information: String, recipient: String, purpose: String, signed: String,
                expires: String? = nil, expiresEvent: String? = nil, channels: [String] = [], signer: String? = nil,
                authority: String? = nil) {
        self.id = id; self.subject = subject; self.information = information; self.recipient = recipient
        self.purpose = purpose; self.signed = signed; self.expires = expires; self.expiresEvent = expiresEvent
        self.channels = channels; self.signer = signer; self.authority = authority
    }

    /// Everything wrong with the record as written, in words for the person entering it. Empty when
    /// the record has every element 164.508(c) requires.
    /// What a form's field holds when nothing was written in it.
    static let placeholders: Set<String> = ["n/a", "na", "n.a.", "none", "null", "nil", "tbd", "tba", "unknown", "pending", "x", "xx", "xxx", "todo", "to do", "blank", "ninguno", "ninguna", "no aplica"]
    /// Expiry "events" that never come.
    static let endlessEvents: Set<String> = ["never", "none", "n/a", "no expiration", "no expiry", "does not expire", "doesn't expire", "indefinite", "indefinitely",
                                             "permanent", "forever", "until revoked", "until revocation", "until i revoke it", "until withdrawn", "nunca", "indefinido", "hasta que se revoque"]

    public func problems() -> [String] {
        var problems: [String] = []
        // A placeholder where the form's element should be ("n/a", "none", "?", "TBD") is no
        // element: a purpose or a recipient has to be stated to be there.
        func blank(_ value: String?) -> Bool {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else { return true }
            return value.isEmpty || ConsentRecord.placeholders.contains(value) || value.allSatisfy { !$0.isLetter && !$0.isNumber }
        }
        if blank(id) { problems.append("id is missing") }
        if blank(subject) { problems.append("subject is missing (whose authorization is it?)") }
        if blank(purpose) { problems.append("purpose is missing (164.508(c)(1)(iv))") }
        if blank(recipient) { problems.append("recipient is missing (164.508(c)(1)(iii))") }
        if blank(information) { problems.append("information is missing (what may be disclosed, 164.508(c)(1)(i))") }
        let signedDate = CalendarDate(iso: signed)
        if blank(signed) {
            problems.append("signed date is missing (164.508(c)(1)(vi))")
        } else if signedDate == nil {
            problems.append("signed date '\(signed)' is not a date like 2026-01-15")
        }
        switch (blank(expires), blank(expiresEvent)) {
        case (true, true): problems.append("an expiry date or expiry event is required (164.508(c)(1)(v))")
        case (false, false): problems.append("give an expiry date or an expiry event, not both")
        case (false, true):
            if let expiry = CalendarDate(iso: expires!) {
                if let signedDate, expiry < signedDate { problems.append("expires \(expires!) before it was signed \(signed)") }
            } else {
                problems.append("expiry date '\(expires!)' is not a date like 2027-12-31")
            }
        default:
            // An authorization ends (164.508(c)(1)(v)): "never", "until revoked" or "indefinite" is
            // no expiration event (revocation is a right every authorization carries, not its end).
            if let event = expiresEvent?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(),
               ConsentRecord.endlessEvents.contains(event.trimmingCharacters(in: .punctuationCharacters)) {
                problems.append("the expiry event does not end the authorization; give a date or an event (164.508(c)(1)(v))")
            }
        }
        // No names in these: the consent gate quotes them in reports, which land in CI logs.
        if let signer, !blank(signer), normalizedName(signer) != normalizedName(subject) {
            if let authority, !blank(authority) {
                if let problem = ConsentRecord.authorityProblem(authority) {
                    problems.append("signed by someone other than the subject, whose recorded authority \(problem) (164.502(g), 164.508(c)(1)(vi))")
                }
            } else {
                problems.append("signed by someone other than the subject: the signer's authority is required (164.508(c)(1)(vi))")
            }
        }
        let missing = ConsentRecord.requiredStatements.filter { !statements.contains($0) }
        if !missing.isEmpty {
            problems.append("the form lacks the required statement(s): \(missing.joined(separator: ", ")) (164.508(c)(2))")
        }
        if let revokedOn, CalendarDate(iso: revokedOn) == nil {
            problems.append("revocation date '\(revokedOn)' is not a date like 2026-06-01")
        }
        return problems
    }

    /// What the signer's authority, as the record words it, fails to grant; nil when it names a
    /// personal representative (45 CFR 164.502(g)): a parent of a minor, a guardian, a health-care
    /// agent or attorney, or for a deceased patient an executor or administrator. The record's own
    /// words can take it away ("neighbour (no legal authority)", "mother (patient is 27; no
    /// guardianship)"): a role after "no", "not" or "without" is one the signer does not hold.
    static func authorityProblem(_ authority: String) -> String? {
        var held: Set<String> = [], adult = false
        for clause in authority.lowercased().split(whereSeparator: { ";,()[]".contains($0) }) {
            let words = clause.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            var negated = false
            for (index, word) in words.enumerated() {
                if ["no", "not", "without", "lacks", "none", "sin"].contains(word) { negated = true; continue }
                if word == "adult" && !negated { adult = true }
                // "patient is 27", "age 27": a parent signs for a minor only.
                if let age = Int(word), (18...120).contains(age), index > 0, ["is", "age", "aged"].contains(words[index - 1]) { adult = true }
                if !negated { held.insert(word) }
            }
        }
        let parent = !held.isDisjoint(with: ConsentRecord.parentAuthority)
        let representative = !held.isDisjoint(with: ConsentRecord.representativeAuthority)
        if representative { return nil }
        if parent { return adult ? "is a parent's, who acts for a minor child only; an adult signs their own authorization, or a guardian or health-care agent does" : nil }
        return "names no personal representative (a parent of a minor, a guardian, a health-care agent or attorney, or an executor for a deceased patient)"
    }

    package static let parentAuthority: Set<String> = ["parent", "parents", "mother", "father", "mom", "mum", "dad", "stepparent", "madre", "padre", "mamá", "papá"]
    package static let representativeAuthority: Set<String> = [
        "guardian", "guardianship", "attorney", "poa", "hcpoa", "agent", "proxy", "surrogate", "conservator", "custodian",
        "executor", "executrix", "administrator", "administratrix", "representative", "estate", "tutor", "tutora",
        "apoderado", "apoderada", "albacea",
    ]

    public var isRevoked: Bool { revokedOn != nil }

    /// Dates that cannot be true yet: a form is not signed, nor revoked, after today. Separate from
    /// `problems()`, which judges the record as written on any day (the gate reads a future
    /// signature as "not signed yet"); the registry refuses such a record when it is entered.
    public func futureDates(today: CalendarDate) -> [String] {
        var problems: [String] = []
        if let day = CalendarDate(iso: signed), today < day {
            problems.append("signed date \(signed) is after today (\(today)): record the authorization once it is signed")
        }
        if let revokedOn, let day = CalendarDate(iso: revokedOn), today < day {
            problems.append(ConsentRecord.futureRevocation(revokedOn, today: today))
        }
        return problems
    }

    static func futureRevocation(_ date: String, today: CalendarDate) -> String {
        "revocation date \(date) is after today (\(today)): a revocation is recorded when the patient makes it, and takes effect on its date"
    }
}

/// Lower case, no accents, no punctuation: how names are compared ("José  López" = "jose lopez").
package func normalizedName(_ name: String) -> String {
    // ASCII by bytes: the same words Foundation's folding and `Character`'s properties give (an
    // ASCII letter folds only to its lower case; only letters and digits are letters and numbers),
    // without them: folding every name the policy compared was a twentieth of an audit.
    var name = name
    if let ascii = name.withUTF8({ bytes -> String? in
        var words: [UInt8] = []
        words.reserveCapacity(bytes.count)
        var gap = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = byte | 0x20
            if (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A) {
                if gap, !words.isEmpty { words.append(0x20) }
                gap = false
                words.append(byte >= 0x41 && byte <= 0x5A ? lower : byte)
            } else {
                gap = true
            }
        }
        return String(decoding: words, as: UTF8.self)
    }) { return ascii }
    return name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
}

/// `normalizedName` as Foundation alone computes it: the oracle the ASCII path is tested against.
package func normalizedNameByFoundation(_ name: String) -> String {
    name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        .split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
}

extension ConsentRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "consent"
}

/// One line of the registry's append-only history.
public struct ConsentAuditEntry: Codable, Sendable, FetchableRecord, PersistableRecord {
    public var sequence: Int64?
    /// UTC, ISO 8601.
    public var at: String
    /// The operating-system user who ran the command.
    public var user: String
    /// add, import, amend, revoke, id-format, or seal (the state of a record when the chain began).
    public var action: String
    public var recordId: String
    /// The record as written, or the revocation, in JSON.
    public var details: String
    /// SHA-256 of the record (or setting) as this change left it; nil for rows written before the
    /// chain existed.
    public var recordHash: String?
    /// The previous row's `hash` ("" for the first row), and SHA-256 over this row with it.
    public var previousHash: String?
    public var hash: String?

    public init(sequence: Int64?, at: String, user: String, action: String, recordId: String, details: String) {
        self.sequence = sequence; self.at = at; self.user = user; self.action = action; self.recordId = recordId
        self.details = details
    }

    public static let databaseTableName = "consent_audit"
}

extension CalendarDate {
    /// Today in the local time zone: the day a privacy officer means.
    public static func today(now: Date = Date()) -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
