// Policy: what the findings mean for the document as a whole. Detectors say "this is a phone
// number"; policy says "a photo is attached", "this testimonial has no valid authorization". It
// never re-reads input: it sees a document and its findings.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import PostGuardCatalog
import PostGuardDetectors
import PostGuardConsent
import Foundation

public struct Policy: Sendable {
    public var consentGate: ConsentGate
    /// The day consent is judged on when a document has no `publish_at`.
    public var today: CalendarDate
    public var organisation: Organisation
    /// Approved replies; a breaching reply gets one suggested.
    public var replyTemplates = ReplyTemplates()
    /// Descriptions of the rules the policy raises (set from the rule library by `Scanner`).
    public var catalog = RuleCatalog()

    public init(consents: (any ConsentLookup)? = nil, organisation: Organisation = Organisation(),
                today: CalendarDate = CalendarDate.today()) {
        self.consentGate = ConsentGate(lookup: consents)
        self.organisation = organisation
        self.today = today
    }

    public func judge(_ document: Document, findings detected: [Finding]) -> [Finding] {
        // The organisation's settings first, so the combinations see what the organisation decided:
        // its own contact details and staff are not patients' identifiers, a rule it switched off
        // is gone, and a rule it demoted to `info` no longer pairs with health information.
        var findings = detected.filter { !organisation.disabled.contains($0.rule) && !organisation.isOwn($0) }
        organisation.applySeverities(to: &findings)
        findings = Combinations(catalog: catalog).apply(document, findings)
        findings = gateTestimonials(document, findings)
        if document.kind == .reply, findings.contains(where: { $0.severity > .info }),
           let template = replyTemplates.suggestion(for: document.inReplyTo) {
            findings.append(Finding(
                entry: catalog.entry(.replySuggested), span: nil, matchedText: template.id,
                message: "Suggested safe reply (\(template.id)): \(template.text)"))
        }
        // And again for what the policy raised (a demoted suggestion, a consent rule made review).
        organisation.applySeverities(to: &findings)
        // Reading order; findings about the whole document last.
        findings.sort { a, b in
            switch (a.span, b.span) {
            case let (x?, y?): return (x.start, x.end, a.rule) < (y.start, y.end, b.rule)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.rule < b.rule
            }
        }
        return findings
    }

    static let coveredByConsent: Set<Category> = [.testimonial, .name, .photo, .age, .healthInfo, .patientRelationship]

    /// A testimonial passes only under a valid authorization: with one, its testimonial findings
    /// become `info`; without, each failed condition is a `block` finding.
    private func gateTestimonials(_ document: Document, _ findings: [Finding]) -> [Finding] {
        guard let cue = findings.first(where: { $0.has(.testimonial) }) else { return findings }
        let checkDate = document.publishAt.flatMap { CalendarDate(iso: $0) } ?? today
        let named = findings.filter { $0.category == .name }.map(\.matchedText)
        let failures: [ConsentGate.Failure]?
        do {
            failures = try consentGate.failures(for: document, checkDate: checkDate, namedPeople: named)
        } catch {
            return findings + [Finding(
                entry: catalog.entry(.consentUnreadable), span: cue.span, matchedText: cue.matchedText,
                message: "This reads as a patient testimonial, and the consent registry could not be read (\(error)); it cannot be cleared.")]
        }
        guard let failures else {
            // A valid authorization covers the story it was signed for: the subject's name, photo,
            // age and health information. It does not cover contact details or record numbers.
            let ids = document.consent.count == 1 ? document.consent[0] : "records " + document.consent.joined(separator: ", ")
            return findings.map { finding in
                guard Policy.coveredByConsent.contains(finding.category) else { return finding }
                var covered = finding
                covered.severity = .info
                covered.message = "Covered by consent \(ids), valid on \(checkDate): " + finding.message
                return covered
            }
        }
        return findings + failures.map { failure in
            Finding(entry: catalog.entry(failure.rule), span: cue.span, matchedText: cue.matchedText, message: failure.message)
        }
    }
}

extension CalendarDate {
    /// Today in the local time zone: the day a privacy officer means.
    public static func today(now: Date = Date()) -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
