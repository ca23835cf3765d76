// The kind of mistake the twenty-sixth session studied on the seventy-fourth to seventy-seventh sets
// (written blind in the twenty-fifth): a handoff in the care team's own secure chat, blocked as if it
// were gossip. The mechanism with sentences of our own, and the sentences beside it that must still block.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (twenty-sixth session)")
struct JudgementSessionTwentySixTests {
    private let handoff = "Secure care-team chat, 5W: Handoff for Gerald Mott, 68M, POD1 knee replacement, pain controlled, PT in AM."

    @Test("A handoff the care team's secure chat says it is: treatment, for review, not a block")
    func handoffInSecureChat() {
        let result = judge(handoff, kind: .message, channel: "teams")
        #expect(result.verdict == .review)
        #expect(result.findings.contains { $0.rule == "policy.identifiable-health-info" && $0.message.contains("164.506") })
        #expect(judge("SBAR, bed 4: Gerald Mott, 68M, POD1 knee replacement, new fever 38.9, please come see him.", kind: .message, channel: "slack").verdict == .review)
        #expect(judge("bed 4: Gerald Mott, 68M, POD1 knee replacement, new fever 38.9, please come see him.", kind: .message, channel: "slack").verdict == .block)
    }

    @Test("Without the handoff's words, outside a staff channel, or with specially protected care, it still blocks")
    func stillBlocks() {
        #expect(judge("5W chat: Gerald Mott, 68M, POD1 knee replacement, pain controlled, PT in AM.", kind: .message, channel: "teams").verdict == .block)
        #expect(judge(handoff, kind: .message, channel: "sms").verdict == .block)
        // "care team" outside the header is no channel: a colleague looking in on someone else's patient.
        #expect(judge("FYI I'm not on her care team but Gerald Mott, 68M, is in 4W after a knee replacement.", kind: .message, channel: "teams").verdict == .block)
        #expect(judge("Secure care-team chat, 5W: Handoff for Gerald Mott, 68M, detox day 2, CIWA 12, on lorazepam.", kind: .message, channel: "teams").verdict == .block)
    }

    @Test("A unit's acronym after a praise cue is no one's name; a shouted name and a greeted nickname still are")
    func acronymAfterCue() {
        let award = judge("Congratulations to ED charge nurse Marguerite Osei, who has cared for stroke and trauma patients for 22 years.")
        #expect(!nameTexts(award).contains("ED"))
        #expect(award.verdict == .pass)
        #expect(nameTexts(judge("THANKS TO IDRIS FOR EVERYTHING")).contains("IDRIS"))
        #expect(nameTexts(judge("hey GT will you come to the game?")).contains("GT"))
        // Initials a clause follows are a person's.
        #expect(nameTexts(judge("Prayers for JT, who had surgery on Monday.")).contains("JT"))
    }

    @Test("A town whose last word is a place's, after a possessive word, qualifies a thing: no second person")
    func placeAfterPossessive() {
        let names = nameTexts(judge("Nadia is back in her Oskar Falls classroom after surgery."))
        #expect(names.contains("Nadia"))
        #expect(!names.contains { $0.contains("Oskar") })
        // A person with such a surname, greeted or titled, stays a person; so does one the possessive
        // introduces with a verb after ("our Lisa Hall is retiring").
        #expect(nameTexts(judge("Get well soon, Mr. Oskar Falls! We hear the surgery went well.")).contains { $0.contains("Falls") })
        #expect(nameTexts(judge("After 30 years our Lisa Hall is retiring. Thank you, Lisa!")).contains("Lisa Hall"))
    }

    @Test("\"my\" before someone named who is no family says whom the writer knows, not whose the care is")
    func myAcquaintanceNamed() {
        #expect(judge("Pharmacy tech life: filled Suboxone for my old high school bully Brent Kaminski today.").verdict == .block)
        // Care told first and "my" after it: a relative or the writer's clinician leaves the care the
        // writer's own, a colleague does not.
        #expect(judge("Drove to chemo today with my sister Ana Ruiz.").verdict == .pass)
        #expect(judge("Drove to chemo today with my coworker Ana Ruiz.").verdict == .block)
    }

    @Test("A person placed at their work is an employee, not a child the greeted reader speaks for")
    func employeeNotChild() {
        let employer = "Hi Mr. Dunbar, this is Kelsey from Harlow Valley PT. Anthony's back surgery rehab means he shouldn't lift more than 20 lbs for 6 weeks at the warehouse."
        #expect(judge(employer, kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Ms. Ortega, this is Kelsey from Harlow Valley PT. Mateo's post-op check is Dec 9.", kind: .message, channel: "sms").verdict == .pass)
        // The reader's own workplace says nothing of the child's age.
        #expect(judge("Hi Ms. Ortega, this is Kelsey from Harlow Valley PT. Mateo's post-op check is Dec 9; we can fax a note to your workplace.", kind: .message, channel: "sms").verdict == .pass)
    }
}
