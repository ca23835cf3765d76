// Policy: the rules written in code rather than in a pack (they combine findings, so they have no
// pattern of their own), described the way pack rules are, for `explain` and the reports.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput

public struct PolicyRuleInfo: Sendable {
    public var id: String
    public var category: String
    public var summary: String
    public var why: String
    public var fix: String
}

public enum PolicyRules {
    public static let all: [PolicyRuleInfo] = [
        .init(id: "policy.identifiable-health-info", category: "health-info",
              summary: "A person (name, date of care, age 90+, phone, ...) and health information in one paragraph of a post, or a named third party's health information in a message.",
              why: "Individually identifiable health information is protected health information (45 CFR 160.103); disclosing it needs the person's authorization (45 CFR 164.508).",
              fix: "Remove what identifies the person, or the health details, or publish only with the person's signed authorization."),
        .init(id: "policy.named-patient", category: "patient-relationship",
              summary: "A post that names or identifies someone as a patient or resident.",
              why: "That a person is or was a patient is itself protected health information (45 CFR 160.103).",
              fix: "Speak of patients in general, or publish only with the person's signed authorization."),
        .init(id: "policy.quasi-identifiers", category: "health-info",
              summary: "A post with no name but two or more of an age, an occupation, a home town and a newsworthy event, next to health information.",
              why: "Information that can reasonably identify a person is protected with the health information beside it (45 CFR 164.514(a)); NCSBN counts such posts as breaches.",
              fix: "Describe the case without the details that point to the person, or do not post it."),
        .init(id: "policy.reply.discusses-care", category: "patient-relationship",
              summary: "A reply to a review that mentions the reviewer's visit, treatment, condition or results.",
              why: "In a reply the reviewer's display name identifies them; OCR settled with Elite Dental (2019), New Vision Dental (2022) and Manasa Health Center (2023) over replies like this.",
              fix: "Use an approved reply that confirms nothing and moves the conversation offline (see the suggested reply)."),
        .init(id: "policy.message.clinical-detail", category: "minimum-necessary",
              summary: "A message giving the reader's own result, diagnosis, medication or treatment over chat.",
              why: "The minimum necessary standard (45 CFR 164.502(b)) and the organisation's messaging policy.",
              fix: "Ask the person to call, or to read it in the patient portal."),
        .init(id: "policy.reply.suggested", category: "patient-relationship",
              summary: "An approved safe reply for the review being answered (information only).",
              why: "HHS OCR's guidance on responding to online reviews: confirm nothing, move offline.",
              fix: "Post the suggested reply instead, or adapt it without adding any detail of care."),
        .init(id: "phi.photo", category: "photo",
              summary: "An attached image, which may show a person's face.",
              why: "Full-face photographs and comparable images are a Safe Harbor identifier (45 CFR 164.514(b)(2)(i)(Q)).",
              fix: "Make sure the image shows no patient, or that a valid consent covers it."),
        .init(id: "policy.consent.missing", category: "consent",
              summary: "A testimonial or patient story that names no consent record.",
              why: "Testimonials and patient stories need a HIPAA authorization (45 CFR 164.508); OCR's 2025 Cadia Healthcare settlement concerned 150 stories posted without one.",
              fix: "Add `consent: ID` to the draft, after recording the signed authorization with `postguard consent add`."),
        .init(id: "policy.consent.unknown", category: "consent", summary: "The consent named is not in the registry.",
              why: "45 CFR 164.508.", fix: "Check the id, or record the signed authorization."),
        .init(id: "policy.consent.no-registry", category: "consent", summary: "There is no consent registry to check against.",
              why: "45 CFR 164.508.", fix: "Pass --consent-db or set POSTGUARD_CONSENT_DB."),
        .init(id: "policy.consent.not-signed", category: "consent", summary: "The authorization is signed after the publication date.",
              why: "45 CFR 164.508(c)(1)(vi).", fix: "Publish only once it is signed."),
        .init(id: "policy.consent.revoked", category: "consent", summary: "The authorization was revoked on or before the publication date.",
              why: "45 CFR 164.508(b)(5): an authorization may be revoked at any time.", fix: "Do not publish; take down earlier posts of the story."),
        .init(id: "policy.consent.expired", category: "consent", summary: "The authorization expired before the publication date.",
              why: "45 CFR 164.508(c)(1)(v).", fix: "Ask the patient for a new authorization."),
        .init(id: "policy.consent.incomplete", category: "consent", summary: "The record lacks an element 164.508(c) requires.",
              why: "45 CFR 164.508(b)(2): an authorization lacking a required element is not valid.", fix: "Complete the record from the signed form."),
        .init(id: "policy.consent.channel", category: "consent", summary: "The authorization does not cover the document's channel.",
              why: "45 CFR 164.508(c)(1)(iii): the authorization names its recipients.", fix: "Publish on a covered channel, or get an authorization that includes this one."),
        .init(id: "policy.consent.subject", category: "consent", summary: "The authorization is for someone other than the person the post names.",
              why: "45 CFR 164.508(c)(1)(i): an authorization covers the information of the person who signs it.", fix: "Use the named patient's own authorization."),
    ]

    public static func info(_ id: String) -> PolicyRuleInfo? { all.first { $0.id == id } }
}
