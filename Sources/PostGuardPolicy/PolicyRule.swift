// Policy: the rules the policy raises in code, by name. Their descriptions (message, why, fix,
// examples) live in the catalog (Rules/policy/policy-rules.yaml); a catalog that lacks one is a load
// problem, so a rename in the YAML cannot silently change what a finding says.
import PostGuardCatalog

public enum PolicyRule: String, CaseIterable, Sendable {
    case identifiableHealthInfo = "policy.identifiable-health-info"
    case namedPatient = "policy.named-patient"
    case quasiIdentifiers = "policy.quasi-identifiers"
    case patientEncounter = "policy.patient-encounter"
    case replyDiscussesCare = "policy.reply.discusses-care"
    case messageClinicalDetail = "policy.message.clinical-detail"
    case readsLikeDisclosure = "policy.reads-like-disclosure"
    case suggested = "policy.suggested"
    case dateOfCare = "phi.date-of-care"
    case consentMissing = "policy.consent.missing"
    case consentUnknown = "policy.consent.unknown"
    case consentNoRegistry = "policy.consent.no-registry"
    case consentUnreadable = "policy.consent.unreadable"
    case consentNotSigned = "policy.consent.not-signed"
    case consentRevoked = "policy.consent.revoked"
    case consentExpired = "policy.consent.expired"
    case consentIncomplete = "policy.consent.incomplete"
    case consentChannel = "policy.consent.channel"
    case consentSubject = "policy.consent.subject"

    /// What the rule is about when the catalog does not describe it.
    var fallbackCategory: Category {
        switch self {
        case .identifiableHealthInfo, .quasiIdentifiers, .patientEncounter, .readsLikeDisclosure: .healthInfo
        case .namedPatient, .replyDiscussesCare, .suggested: .patientRelationship
        case .messageClinicalDetail: .minimumNecessary
        case .dateOfCare: .date
        default: .consent
        }
    }

    /// Policy rules the catalog does not describe: each is a problem naming the rule.
    public static func missing(from catalog: RuleCatalog) -> [RuleProblem] {
        allCases.filter { catalog[$0.rawValue] == nil }.map {
            RuleProblem(file: "Rules/policy", rule: $0.rawValue, message: "raised by the policy but described in no pack (add it to Rules/policy/policy-rules.yaml)")
        }
    }
}

extension RuleCatalog {
    /// The entry of a policy rule; a bare description when the catalog lacks it (a hand-built
    /// library in a test), so a finding is never lost.
    public func entry(_ rule: PolicyRule) -> RuleEntry {
        self[rule.rawValue] ?? .placeholder(rule.rawValue, category: rule.fallbackCategory,
                                             severity: rule == .suggested ? .info : rule == .readsLikeDisclosure || rule == .dateOfCare ? .review : .block,
                                             roles: rule == .suggested ? [.suggestion] : rule == .dateOfCare ? [.person] : [.careContext])
    }
}
