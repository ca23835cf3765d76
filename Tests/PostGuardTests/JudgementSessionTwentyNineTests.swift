// The kinds of mistake the twenty-ninth session studied on the eighty-sixth to eighty-ninth sets
// (written blind in the session before): valid-consent stories blocked because the consent gate
// asked a product, a place or an event for an authorization, did not know the subject by a
// diminutive, or gave the subject's care to a relative or a compound word. Each mechanism with
// sentences of our own, and the sentences beside it that must still block.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (twenty-ninth session)")
struct JudgementSessionTwentyNineTests {
    private func record(_ subject: String, signer: String? = nil, authority: String? = nil) -> ConsentRecord {
        ConsentRecord(id: "C-1", subject: subject, information: "name, photo, treatment and recovery story", recipient: "the public",
                      purpose: "patient stories", signed: "2026-05-01", expires: "2027-05-01",
                      channels: [], signer: signer ?? subject, authority: authority)
    }

    private func story(_ text: String, _ record: ConsentRecord) -> DocumentResult {
        judge(text, channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [record])
    }

    @Test("A capitalised product, place or event in a consented story needs no authorization of its own")
    func thingsAreNotPeople() {
        let megan = record("Megan Okafor")
        for text in [
            "Laser results ✨ Megan Okafor after 6 sessions on our Velora BeamPro laser, and no more razor bumps!",
            "Megan Okafor finished chemo in June and walked the Heart Walk with us this fall.",
            "Megan Okafor finished physical therapy at Casa Luna after her knee surgery.",
        ] {
            let result = story(text, megan)
            #expect(!rules(result).contains("policy.consent.subject"), "\(text)")
            #expect(result.verdict == .pass, "\(text)")
        }
        // A second person, named by a first name, is still someone the story shows with their care.
        let second = story("Megan Okafor and Jordan Pike both finished chemo in June.", megan)
        #expect(second.verdict == .block)
        #expect(rules(second).contains("policy.consent.subject"))
    }

    @Test("The subject called by a diminutive of their first name is the subject")
    func diminutiveStem() {
        #expect(SubjectMatch.diminutiveStem("bernie") == "bern")
        #expect(SubjectMatch.diminutiveStem("debbie") == "deb")
        #expect(SubjectMatch.diminutiveStem("danny") == "dan")
        #expect(SubjectMatch.diminutiveStem("amy") == nil)
        #expect(SubjectMatch.diminutiveStem("maria") == nil)
        let bernadette = record("Bernadette Ocasio")
        let result = story("Bernie Ocasio has picked up her blood-pressure meds with us for 20 years. Thank you, Bernie!", bernadette)
        #expect(result.verdict == .pass)
        // Someone else with the subject's family name is not the subject.
        #expect(story("Carla Ocasio has picked up her blood-pressure meds with us for 20 years.", bernadette).verdict == .block)
    }

    @Test("The same possessive before a relative and before the care is the subject's care")
    func repeatedPossessive() {
        let consuelo = record("Consuelo Ybarra")
        let spanish = story("Doña Consuelo Ybarra, de 88 años, bailó en la quinceañera de su nieta dos meses después de su cirugía de cadera.", consuelo)
        #expect(!rules(spanish).contains("policy.consent.subject"))
        #expect(spanish.verdict == .pass)
        // The relative's own care, told as theirs, still needs their own authorization.
        let relative = story("Consuelo Ybarra cuidó a su nieta después de la cirugía de su nieta.", consuelo)
        #expect(rules(relative).contains("policy.consent.subject"))
    }

    @Test("A relation word inside a hyphenated compound is no relative")
    func hyphenatedRelation() {
        let piper = record("Piper Vance", signer: "Kendra Vance", authority: "parent of a minor")
        let result = story("Piper (9) taught our child-life team a dance to celebrate her last chemo! Thank you Piper and mom Kendra for letting us share.", piper)
        #expect(!rules(result).contains("policy.consent.subject"))
        #expect(result.verdict == .pass)
        // A child named as such is still one.
        let child = story("Kendra Vance shared how our team cared for her child after his chemo.", record("Kendra Vance"))
        #expect(rules(child).contains("policy.consent.subject"))
    }

    @Test("A public figure's or one of our people's own care, given by one of ours or in a place of ours, is a patient's record")
    func ownCareFromUs() {
        for text in [
            "Harbor City Hawks quarterback Devon Pryce had his ACL surgery with our Dr. Ito this morning and it went great!",
            "So proud of our yoga instructor Jenna Cole, who rang the bell in our infusion center yesterday after her last round of chemo.",
            "Get-well wishes to our longtime board member Harriet Lowell, who's recovering in our cardiac unit after her bypass surgery.",
        ] {
            #expect(judge(text).verdict == .block, "\(text)")
        }
        // Where one of ours works, or care they only speak of, is no care from us.
        for text in [
            "Our ICU nurse Jenna Cole, who works in our cardiac unit, ran the marathon a year after her knee surgery.",
            "Coach Dell spoke about his own recovery from addiction at our recovery center gala.",
        ] {
            #expect(judge(text).verdict != .block, "\(text)")
        }
    }

    @Test("A few people counted and pointed at, after an event or with a qualifier, are as known as one")
    func smallGroup() {
        for text in [
            "UPDATE: The two Tessford teens injured in Friday night's Route 9 crash remain in critical condition.",
            "Reminder: the 3 kids from Saturday's Tamsin Youth Soccer tournament who got the stomach bug are all recovering.",
        ] {
            let result = judge(text)
            #expect(rules(result).contains("policy.quasi-identifiers"), "\(text)")
            #expect(result.verdict == .block, "\(text)")
        }
        // Not a count without a pointer, nor a count of many.
        for text in [
            "Two adults were taken to Regional Medical Center after the crash at Route 9 this morning.",
            "Reminder: the 24 kids from Saturday's soccer tournament who got the stomach bug are all recovering.",
        ] {
            #expect(judge(text).verdict != .block, "\(text)")
        }
    }

    @Test("A reply that ties the reviewer to a particular day tells of their care; the organisation's own days do not")
    func reviewerDated() {
        let dated = judge("Thanks Ann! Hope your arm wasn't too sore the next day 💪", kind: .reply, channel: "google")
        #expect(rules(dated).contains("policy.reply.reviewer-dated"))
        #expect(dated.verdict == .block)
        for text in [
            "You're right that weekend reception had gaps. Calls now roll to the nurse supervisor.",
            "Thank you for the review! Overflow parking is open on Saturdays.",
        ] {
            #expect(judge(text, kind: .reply, channel: "google").verdict == .pass, "\(text)")
        }
    }

    @Test("Care a paragraph sends to a vet is an animal's, and a single name there is the animal's; a veteran is no vet")
    func veterinary() {
        #expect(judge("Biscuit has a vet appt Thursday for his ear infection so no doggy visits that day 🐶", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Hi Joan! Bella's amoxicillin from Dr. Ruiz at the vet is ready 🐶 Pick up anytime before 7.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Get well soon, Maple! 🐾 Our therapy golden retriever had her TPLO knee surgery at Quillan Bay Vet.").verdict == .pass)
        // A veteran, and a person with a surname beside a pet, are people.
        #expect(judge("Shoutout to the vet in the Marine Corps League hoodie who comes to our HIV clinic every month on his Harley!").verdict == .block)
        #expect(judge("Maria Lopez had her gallbladder out today 🐶 her pup Max is waiting at home.").verdict == .block)
    }

    @Test("One of ours who introduces themselves from a service is the writer; a few colleagues counted are known")
    func speakersAndColleagues() {
        #expect(judge("Hi, it's Sam from the crisis line checking in like we talked about. How are you doing today?", kind: .message, channel: "sms").verdict == .pass)
        let colleagues = judge("Team, 3 of our own 6 North nurses are currently inpatients on the behavioral health unit. Please don't visit.", kind: .message, channel: "teams")
        #expect(colleagues.verdict != .pass)
    }

    @Test("A public figure's own telling stays theirs beside an offer of help; a city's games are no person")
    func publicTelling() {
        #expect(judge("Actor Ben Castellane said on a podcast last week that he spent 30 days in rehab in 2019. If you're ready, we're here: 555-0130.").verdict == .pass)
        #expect(judge("Olympic swimmer Kira Dalton said on her podcast this week that she wore Invisalign through the Paris Games.").verdict == .pass)
        // Care had here stays care had here.
        #expect(judge("Actor Ben Castellane spent 30 days in rehab here in 2019.").verdict == .block)
    }
}
