// Catalog: every rule PostGuard can report — pattern rules from the packs, the health lexicon's
// groups, and the rules the policy and the detectors raise in code — with one description each:
// id, category, severity, message, why, fix, roles and examples. Reports and `explain` read from
// here, and the policy asks for roles, never for ids, so renaming a rule cannot change a verdict.
import Foundation
import PostGuardEngine
import PostGuardDocuments

/// The category of a finding: a Safe Harbor identifier (45 CFR 164.514(b)(2)) or a finding about the
/// post as a whole. A pack naming any other category does not load.
public enum Category: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    // The contract's identifier categories, one per Safe Harbor element text can carry.
    case name, address, date, age, phone, fax, email, ssn, mrn
    case healthPlan = "health-plan"
    case account, license, vehicle, device, url, ip, biometric, photo
    case otherID = "other-id"
    // About the document as a whole.
    case healthInfo = "health-info"
    case patientRelationship = "patient-relationship"
    case locationDetail = "location-detail"
    case testimonial, consent, derogatory
    case minimumNecessary = "minimum-necessary"
    case quasiIdentifier = "quasi-identifier"

    public var description: String { rawValue }

    public static let identifiers: [Category] = [
        .name, .address, .date, .age, .phone, .fax, .email, .ssn, .mrn, .healthPlan, .account, .license,
        .vehicle, .device, .url, .ip, .biometric, .photo, .otherID,
    ]
    public var isIdentifier: Bool { Category.identifiers.contains(self) }
    /// Identifiers and quasi-identifiers (a home town): text reports never show them unmasked.
    public var isPersonal: Bool { isIdentifier || self == .quasiIdentifier }
}

/// What a finding means to the policy. Rules declare their roles; the policy's combinations ask for
/// roles ("a person and health information in one paragraph"), so they hold whatever the rules are
/// called and however many there are.
public enum Role: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Points at a person: a name, a phone number, a date of care. Pairs with health information.
    case person
    /// A detector's guess it is not sure of (a possible name): listed for a person to see, at the
    /// rule's severity (`info`); the policy judges nothing on it, pairs it with nothing.
    case tentative
    /// Says nothing about care alone (a handle, a link): `info` when nothing else in the document
    /// is about care.
    case contextual
    /// Says someone is a patient or resident ("our patient", "resident of room 4").
    case patientReference = "patient-reference"
    /// Health information: a condition, procedure, medication, result, care event.
    case health
    /// Health information the law protects beyond HIPAA's baseline (mental health, substance use,
    /// HIV/STI, reproductive, genetic).
    case healthHighSensitivity = "health:high-sensitivity"
    /// A place of care (a unit, a clinic, a department): it says something about a person only when
    /// their own sentence puts them there ("Nora spent 3 weeks in our NICU"), not when it is merely
    /// nearby ("Walt ... has knitted caps for our NICU babies").
    case healthSetting = "health:setting"
    /// Puts the document in a care context by itself (a room or bed, a reply about a visit, mockery).
    case careContext = "care-context"
    /// Marks a patient testimonial or story: the consent gate applies.
    case testimonial
    /// Details that narrow a description to one person; two kinds with health information identify.
    case quasiAge = "quasi:age"
    case quasiOccupation = "quasi:occupation"
    case quasiPlace = "quasi:place"
    case quasiEvent = "quasi:event"
    /// When it happened ("last night", "around 2am"): a recent, dated encounter narrows a
    /// description to one person as a place or an event does.
    case quasiTime = "quasi:time"
    /// A vehicle told by what is on it ("the red F-250 with the 'Lakeside Bait & Tackle' decal"):
    /// the neighbours and the parking lot know whose it is.
    case quasiVehicle = "quasi:vehicle"
    /// Health information of the clinical kind a chat should not carry: a diagnosis, a result or a
    /// named medication (the lexicon's condition, test-result and medication groups, every specially
    /// protected topic, and result phrases such as "came back benign").
    case healthClinical = "health:clinical"
    /// Says someone had contact with the organisation's care or billing: a visit, an appointment,
    /// a claim, "on file", "we treated". In a reply to a review it confirms the reviewer is a patient.
    case careContact = "care-contact"
    /// A role or title of the organisation's own people (Dr., RN, our recruiter, volunteer): the
    /// name beside it is staff, not a patient.
    case staffRole = "staff-role"
    /// A public office or a public career (Mayor, Senator, Olympic swimmer, news anchor): the person
    /// beside it appears in that role, at an event or in the news, not as a patient; only care given
    /// here makes them one.
    case publicRole = "public-role"
    /// Who sends the document, as it introduces or signs itself ("Sunny Pediatrics here!", "this is
    /// Lakeside Family Medicine", "- Brookside Clinic", "- Dana"): the sender, not someone it is about.
    case sender
    /// An animal (a pet, a therapy dog, a veterinary patient): a name beside it is the animal's, and
    /// an animal's health is no one's protected health information.
    case animal
    /// A simulation's patient (a manikin, a standardized or role-played patient): a name beside it
    /// is a character's, and its condition is no one's.
    case simulation
    /// The patient asked for, or agreed to, the message's reader being told ("Frank asked us to let
    /// you know"): family involvement (45 CFR 164.510(b)), for review rather than blocked.
    case permission
    /// An attachment PostGuard cannot see: for review, never paired with health words.
    case attachment
    /// A safe version to use instead (an approved reply): printed with the verdict, never a problem.
    case suggestion

    public var description: String { rawValue }
    public var isQuasiIdentifier: Bool { rawValue.hasPrefix("quasi:") }
}

/// A document an example runs through the whole pipeline, with the verdict it must get: how a rule
/// the policy raises in code is documented and tested.
public struct DocumentExample: Sendable, Codable, Hashable {
    public var text: String
    public var kind: DocumentKind?
    public var channel: String?
    public var inReplyTo: String?
    public var media: [String]?
    /// Consent ids, looked up in the example registry (Fixtures/documents/CONSENT.csv in the tests).
    public var consent: [String]?
    public var publishAt: String?
    public var verdict: Verdict
    /// Whether the rule must be among the findings (default true).
    public var fires: Bool?

    enum CodingKeys: String, CodingKey {
        case text, kind, channel, media, verdict, fires, consent
        case inReplyTo = "in_reply_to"
        case publishAt = "publish_at"
    }
}

/// One rule as every report and `explain` describe it. A class so each finding shares it.
public final class RuleEntry: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let category: Category
    public let severity: Severity
    public let message: String
    public let why: String?
    public let fix: String?
    public let roles: Set<Role>
    /// The pack (or `lexicon`) it comes from, and the file.
    public let pack: String
    public let file: String
    /// Who raises it: patterns (`nil`), or PostGuard's code (`policy`, `detector`).
    public let raisedBy: String?
    public let examples: Rule.Examples?

    public init(id: String, category: Category, severity: Severity, message: String, why: String?, fix: String?,
                roles: Set<Role>, pack: String, file: String, raisedBy: String? = nil, examples: Rule.Examples? = nil) {
        self.id = id; self.category = category; self.severity = severity; self.message = message
        self.why = why; self.fix = fix; self.roles = roles; self.pack = pack; self.file = file
        self.raisedBy = raisedBy; self.examples = examples
    }

    public convenience init(_ rule: Rule, pack: String, file: String) {
        self.init(id: rule.id, category: rule.category, severity: rule.severity, message: rule.message, why: rule.why,
                  fix: rule.fix, roles: Set(rule.roles), pack: pack, file: file, raisedBy: rule.raisedBy,
                  examples: rule.examples)
    }

    /// An entry for an id the catalog does not hold (a library built in a test without the packs):
    /// the finding still reports, with the id as its only description.
    public static func placeholder(_ id: String, category: Category, severity: Severity, roles: Set<Role> = []) -> RuleEntry {
        RuleEntry(id: id, category: category, severity: severity, message: id, why: nil, fix: nil,
                  roles: roles, pack: "", file: "", raisedBy: "code")
    }

    public var description: String { id }
    public static func == (a: RuleEntry, b: RuleEntry) -> Bool { a === b || a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Every rule, by id, in load order.
public struct RuleCatalog: Sendable {
    public private(set) var entries: [RuleEntry] = []
    private var byID: [String: RuleEntry] = [:]

    public init(_ entries: [RuleEntry] = []) { for entry in entries { add(entry) } }

    /// Adds an entry; false when the id is taken (the first stays).
    @discardableResult
    public mutating func add(_ entry: RuleEntry) -> Bool {
        guard byID[entry.id] == nil else { return false }
        byID[entry.id] = entry
        entries.append(entry)
        return true
    }

    public subscript(id: String) -> RuleEntry? { byID[id] }
    public var ids: [String] { entries.map(\.id) }

    /// The ids nearest to a mistyped one, for "did you mean" in errors.
    public func closest(to id: String, count: Int = 3) -> [String] {
        let candidates = ids.map { ($0, Spelling.distance($0, id)) }
        return candidates.filter { $0.1 <= max(3, id.count / 3) || $0.0.hasPrefix(id) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }

}
