// The kinds of mistake the twenty-third session studied (2026-12-02: the sixty-second to sixty-fifth
// sets, blind while the twenty-second session worked): each mechanism with sentences of our own that
// need it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog
@testable import PostGuardDocuments

@Suite("Policy: judgement by kind of mistake (twenty-third session)")
struct JudgementSessionTwentyThreeTests {
    /// A consented Instagram story, judged on 2026-12-01 with `records` in the registry.
    private func story(_ text: String, _ records: [ConsentRecord], cites: [String] = ["C-1"]) -> DocumentResult {
        judge(text, channel: "instagram", consent: cites, publishAt: "2026-12-01", consents: records)
    }

    private func reply(_ text: String, to review: String) -> DocumentResult {
        judge(text, kind: .reply, channel: "google", inReplyTo: review)
    }

    @Test("An expiry event counted from the signing date ends the authorization that many months or years on")
    func expiryCountedFromSigning() {
        let signed = CalendarDate(iso: "2025-09-10")!
        #expect(CalendarDate.periodAfterSigning(in: "One year after the date of signature", signed: signed) == CalendarDate(iso: "2026-09-10"))
        #expect(CalendarDate.periodAfterSigning(in: "18 months from signing", signed: signed) == CalendarDate(iso: "2027-03-10"))
        #expect(CalendarDate.periodAfterSigning(in: "End of the spring campaign", signed: signed) == nil)
        // The 31st, a month on, is the last day of a shorter month.
        #expect(CalendarDate.periodAfterSigning(in: "one month after signature", signed: CalendarDate(iso: "2026-01-31")!) == CalendarDate(iso: "2026-02-28"))
        var record = storyRecord("Wanda Pierce", information: "name, photograph, dialysis schedule")
        record.signed = "2025-09-10"; record.expires = nil; record.expiresEvent = "One year after the date of signature"
        let text = "Patient spotlight: Wanda Pierce has come to our dialysis center three mornings a week for six years."
        #expect(story(text, [record]).verdict == .block)
        record.signed = "2026-03-01"
        #expect(story(text, [record]).verdict == .pass)
    }

    @Test("A record is not named by a relative's family name: a story of someone else with the subject's surname blocks")
    func surnameAloneOnSomeoneElse() {
        let daughter = storyRecord("Amira Saleh", information: "name, knee MRI, sport", signer: "Huda Saleh", authority: "parent of minor")
        #expect(story("Huda Saleh never thought she'd get a callback after her mammogram. A biopsy the same week came back benign.", [daughter]).verdict == .block)
        // The subject named by first name with her parent beside her is still her story.
        #expect(story("Amira tore her ACL in March; her mom Huda Saleh says the MRI team made it painless.", [daughter]).verdict == .pass)
        let husband = storyRecord("Min-jun Cho", information: "name, same-day crown, quotes")
        #expect(story("Seo-yeon Cho came in at 8am with a cracked molar and left at 11 with a permanent crown.", [husband]).verdict == .block)
    }

    @Test("The parent who signed for a child is covered as signer, not for an injury of their own")
    func signerWithOwnInjury() {
        let child = storyRecord("Theo Lindqvist", information: "name, age, photograph, minor injuries", signer: "Signe Lindqvist", authority: "parent of minor")
        #expect(story("Booster seats work. When their car slid off the road, Theo (8) walked away with a bruise. His mom Signe Lindqvist wasn't as lucky, with two broken ribs.", [child]).verdict == .block)
        // Telling, asking, wanting: what follows is hers to say, not her own condition.
        #expect(story("Theo (8) walked away with a bruise thanks to his booster seat. His mom Signe Lindqvist wants every parent to know: a booster until 4'9\", every ride.", [child]).verdict == .pass)
        // A proxy who shares the patient's care is telling of it.
        let father = storyRecord("Emeka Obi", information: "name, terminal illness, hospice care", signer: "Ngozi Obi", authority: "health care agent")
        #expect(story("In his last weeks, Emeka Obi asked for highlife music every morning. His wife Ngozi Obi shares what hospice care meant for their family.", [father]).verdict == .pass)
    }

    @Test("A record that lists family history covers the relatives' health the story tells as such")
    func familyHistoryCovered() {
        let record = storyRecord("Augusto Reyes", information: "name, age, family history, calcium score")
        let text = "Augusto Reyes lost his father to a heart attack at 55, so at 52 he asked for a coronary calcium scan."
        #expect(story(text, [record]).verdict == .pass)
        let without = storyRecord("Augusto Reyes", information: "name, age, calcium score")
        #expect(story(text, [without]).verdict == .block)
    }

    @Test("In a story a bare plural is no one in particular; in a message it points at a list")
    func barePluralsInStories() {
        let record = storyRecord("Rosa Achterberg", information: "name, photographs, injuries, surgery")
        #expect(story("With a broken collarbone Rosa Achterberg kept counting kids until the last one was in an ambulance. After surgery she's home.", [record]).verdict == .pass)
        // "her kids" are particular people, whose health needs their own records.
        #expect(story("Rosa Achterberg had surgery on her collarbone, and her kids were treated for concussions.", [record]).verdict == .block)
        #expect(judge("@Gina (parent volunteer) here's the list of kids at Oak Ridge Elementary still missing MMR and Tdap with parent phone numbers, can you start calling families?",
                      kind: .message, channel: "teams").verdict != .pass)
    }

    @Test("What a titled clinician found or diagnosed is their patient's, not their own")
    func clinicianFindings() {
        let record = storyRecord("Rahul Chatterjee", information: "name, occupation, actinic keratoses, cryotherapy")
        #expect(story("Rahul Chatterjee works outdoors. At our Skin Check Saturday, Dr. Vance found two actinic keratoses on his scalp and we froze them.", [record]).verdict == .pass)
        // A clinician's own condition, told by someone else, is still for review.
        #expect(judge("Prayers for Dr. Vance, who found out she has melanoma.").verdict != .pass)
    }

    @Test("A clinician honoured for building a programme for a sensitive condition is no patient of it")
    func buildingAProgramme() {
        #expect(judge("Congratulations to Dr. Anil Rao, named County Physician of the Year for building our medication-assisted treatment program for opioid use disorder.").verdict == .pass)
        #expect(judge("Our volunteer Jason Reyes is enrolled in our medication-assisted treatment program for opioid use disorder.").verdict == .block)
    }

    @Test("A compass word opens a place's name; a month that is a first name opens a person's")
    func compassPlacesAndMonthNames() {
        let hours = judge("Thanksgiving hours: QuickCare North Hollis and Fairview open 9 to 3. Emergency Departments are always open.")
        // The tagger may still list "Hollis" as a possible name (info); the rules find no person.
        #expect(!ruleNames(hours).contains("Hollis"))
        #expect(hours.verdict == .pass)
        let june = judge("When the storm took out power, June Kettleworth's home oxygen stopped at 1 a.m. She spent two nights with us for pneumonia.")
        #expect(nameTexts(june).contains { $0.hasPrefix("June Kettleworth") })
        #expect(june.verdict == .block)
        #expect(ruleNames(judge("Our June Gala raised $40,000 for the cancer center.")).isEmpty)
    }

    @Test("A treatment's run is a session of it, not a race")
    func dialysisRun() {
        #expect(judge("We reached everyone except Mr. Abernathy on Cedar Rd; please have him call 555-0166, he can't miss another dialysis run.").verdict == .block)
        #expect(judge("Join the Kidney Run on Saturday! Dr. Ellis will be at the finish line.").verdict == .pass)
    }

    @Test("The speaker of a chat line, writing for us, is one of our people")
    func chatSpeakerLabels() {
        let line = "#transplant-all\nColette Abernathy: We've got approval for a new RN transplant coordinator. Posting goes live Monday."
        #expect(judge(line, kind: .message, channel: "teams").verdict == .pass)
        // A line that does not speak for us is not lowered.
        #expect(judge("#unit-chat\nMaria Lopez: chemo round 3 done, feeling wiped", kind: .message, channel: "teams").verdict != .pass)
    }

    @Test("Replies: a dose, a chair time, a pregnancy, a removal, a plan switched, a cast")
    func repliesTellingCare() {
        #expect(reply("Hi Jen, you received 20 units on Nov 2, which is a standard dose.", to: "Don't go here for Botox.").verdict == .block)
        #expect(reply("Thank you, Walter! Your 6am chair will always be waiting for you.", to: "Staff are so kind.").verdict == .block)
        #expect(reply("Dr. Lindahl says she can't wait to meet baby #4 in the spring!", to: "Best OB in town.").verdict == .block)
        #expect(reply("Thanks, Mike! Glad we could get that fishhook out quickly.", to: "In and out in 30 minutes.").verdict == .block)
        #expect(reply("Your employer switched your plan in September, which is why the first claim bounced.", to: "Front desk messed up.").verdict == .block)
        #expect(reply("Saturdays are our busiest day. Hope the cast is treating him well!", to: "Waited 4 hours with my son.").verdict != .pass)
        // What anyone may be told stays clean.
        #expect(reply("Thank you! We can't wait to meet the new families at Saturday's open house.", to: "Lovely staff.").verdict == .pass)
        #expect(reply("Thanks for the feedback! We were able to get the paperwork out to you Monday.", to: "Slow forms.").verdict == .pass)
    }

    @Test("The hosts of an event the post invites readers to are its people, unless the invitation tells their own health")
    func invitedHosts() {
        #expect(judge("Cooking for diabetes can be fun 🌶️ Join Chef Ramona Diaz and dietitian Peter Mabuza for a free cooking class, Dec 15, 6pm.").verdict == .pass)
        #expect(judge("Join Maria Lopez, who beat breast cancer twice, for a talk on Friday.").verdict == .block)
    }

    @Test("A clinician's field of interest is their work, not their health")
    func clinicalInterests() {
        #expect(judge("Meet our newest provider, Rosa Inchausti, NP! She has a special interest in contraception and PrEP.").verdict == .pass)
        #expect(judge("Our nurse Rosa Inchausti is out this month. She has HIV.").verdict == .block)
    }

    @Test("A room kept quiet in a staff channel is someone's room")
    func roomKeptQuiet() {
        #expect(judge("#general FYI everyone, Room 412 is the mayor's son, please be discreet.", kind: .message, channel: "slack").verdict == .block)
        #expect(judge("Reminder: the staff meeting is in Room 412 at noon.", kind: .message, channel: "slack").verdict == .pass)
    }
}

/// Names the rules found (a possible name the tagger lists, `phi.name.possible`, left out).
private func ruleNames(_ result: DocumentResult) -> [String] {
    result.findings.filter { $0.rule == "phi.name" }.map(\.matchedText)
}
