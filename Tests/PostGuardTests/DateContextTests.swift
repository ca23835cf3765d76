// Issue 10's dates: every written form of a day is found, and its sentence decides whether it is a
// person's identifier (the day of their care) or only a date (an event's, an opening's).
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog

@Suite("Dates: every form found, the sentence decides")
struct DateContextTests {
    private func dates(_ result: DocumentResult) -> [(rule: String, severity: Severity, text: String)] {
        result.findings.filter { $0.category == .date || $0.rule == "phi.date-any" }.map { ($0.rule, $0.severity, $0.matchedText) }
    }

    @Test("Each written form of a day, with no word beside it saying whose, is listed as a date", arguments: [
        ("Doors open March 3 at the east entrance.", "March 3"),
        ("Doors open Mar. 3rd at the east entrance.", "Mar. 3rd"),
        ("Doors open on the 3rd of March, east entrance.", "3rd of March"),
        ("Doors open Tuesday, 14 Feb, east entrance.", "14 Feb"),
        ("Las puertas abren el 3 de marzo.", "3 de marzo"),
        ("Doors open on 8/14 at the east entrance.", "8/14"),
        ("Community health fair: Saturday, March 14, 2026", "March 14, 2026"),
    ])
    func everyForm(text: String, date: String) {
        let found = dates(judge(text))
        #expect(found.contains { $0.rule == "phi.date-any" && $0.severity == .info && $0.text == date }, "\(found)")
    }

    @Test("Numbers that are not days stay unlisted", arguments: [
        "Take 1/2 tablet twice a day.", "Open 24/7 for emergencies.", "We march 5 miles every Sunday.", "Pain went from 8/10 to 3/10.",
    ])
    func notDays(text: String) {
        #expect(dates(judge(text)).isEmpty)
    }

    @Test("In the sentence of a person and their care the day is theirs: an identifier, reported once")
    func dayOfCare() {
        let story = judge("Maria Lopez, March 3: chest pain, stable now.")
        let date = dates(story)
        #expect(date.count == 1)
        #expect(date.first?.rule == "phi.date-of-care" && date.first?.severity == .review && date.first?.text == "March 3")
        #expect(story.verdict == .block)
        // A day a rule already ties to a person ("came in on") is that rule's finding, not listed twice.
        let anchored = dates(judge("Maria Lopez came in on June 3 with chest pain."))
        #expect(anchored.map(\.rule) == ["phi.date-text"], "\(anchored)")
        // Staff named beside a unit on the day they start: the name is lowered, so the day stays a date.
        let staff = judge("Dr. Ana Ortiz joins our cardiology team on March 3.")
        #expect(dates(staff).map(\.rule) == ["phi.date-any"])
        #expect(staff.verdict == .pass)
        // In another sentence than the person it stays listed.
        let apart = dates(judge("Get well soon, Gloria Fenwick! The pneumonia clinic reopens March 3."))
        #expect(apart.map(\.rule) == ["phi.date-any"], "\(apart)")
    }

    @Test("A patient's own message, and settings that switch the rule off, leave the day listed")
    func otherSideAndDisabled() {
        var organisation = Organisation()
        organisation.disabled = ["phi.date-of-care"]
        let off = judge("Maria Lopez, March 3: chest pain, stable now.", organisation: organisation)
        #expect(!off.findings.contains { $0.rule == "phi.date-of-care" })
        #expect(off.findings.contains { $0.rule == "phi.date-any" })
        // A patient writing to us about their own care: context, every finding `info`, the day too.
        var clinic = Organisation()
        clinic.accounts = ["whatsapp": ["Riverside Front Desk"]]
        let policy = Policy(organisation: clinic, today: CalendarDate(iso: "2026-11-22")!)
        let message = Document(source: "t", text: "Maria Lopez here, March 3: chest pain again, can I come in?", kind: .message,
                               channel: "whatsapp", author: "Maria Lopez")
        let own = Scanner(library: shippedLibrary, policy: policy).check(message, scratch: MatchScratch()).result
        #expect(own.verdict == .pass)
        #expect(!own.findings.contains { $0.rule == "phi.date-of-care" })
    }

    @Test("A listed date is masked in reports, as every identifier is")
    func masked() throws {
        let directory = try temporaryDirectory()
        let draft = directory.appendingPathComponent("draft.txt")
        try "Doors open March 3 at the east entrance.\n".write(to: draft, atomically: true, encoding: .utf8)
        let run = try runPostGuard(["check", "--format", "json", "--fail-on", "never", draft.path])
        #expect(run.stdout.contains("phi.date-any"))
        #expect(!run.stdout.contains("March 3"))
    }
}
