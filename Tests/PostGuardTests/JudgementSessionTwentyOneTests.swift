// The kinds of mistake the twenty-first session studied (2026-12-02: the fifty-fourth to fifty-seventh
// sets, blind while the nineteenth session worked): each mechanism with sentences of our own that need
// it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog

@Suite("Policy: judgement by kind of mistake (twenty-first session)")
struct JudgementSessionTwentyOneTests {
    @Test("A preposition opening a sentence starts no name, and a month joined by 'and' to a name is a date")
    func monthsAfterPrepositions() {
        let story = judge("In March a ladder slipped and Dario Pruitt broke his wrist.")
        #expect(!nameTexts(story).contains { $0.contains("March") })
        #expect(nameTexts(story).contains("Dario Pruitt"))
        #expect(story.verdict == .block)
        let dated = judge("Dr. Okafor did the repair in April and Jax ran his rehab.")
        #expect(!nameTexts(dated).contains("April"))
        #expect(nameTexts(dated).contains("Jax"))
    }

    @Test("A capitalised run ending in the land a town is named after, or a town's service, is a place")
    func townsByTheirLandWords() {
        let thanks = judge("Thanks to Carver Bend Volunteer Ambulance for helping at our flu clinic on Saturday!")
        #expect(nameTexts(thanks).isEmpty)
        #expect(thanks.verdict == .pass)
        #expect(judge("Meet Hollis Grant, who had a stroke last spring.").verdict == .block)
    }

    @Test("Capitalised words before 'of the Year' are an award's title")
    func awardTitles() {
        let award = judge("Congratulations to Dana Whitfield, RN, named Regional Nurse of the Year for her sepsis training!")
        #expect(!nameTexts(award).contains("Regional Nurse"))
        #expect(award.verdict == .pass)
    }

    @Test("A Reddit account identifies its holder whatever its words; an institution's account does not")
    func redditAccounts() {
        let update = judge("Update for u/tired_mama_22: her methotrexate refill shipped this morning.", channel: "reddit")
        #expect(update.findings.contains { $0.category == .otherID && $0.matchedText == "u/tired_mama_22" })
        #expect(update.verdict == .block)
        #expect(judge("u/CedarHealth_Official here: flu shots are free on Saturday for anyone who asked.", channel: "reddit").verdict == .pass)
    }

    @Test("A lexicon phrase said of him or her is as much said to the reader ('back on your feet'); a group's idiom stays clean")
    func possessivesSwapped() {
        #expect(judge("So glad you're back on your feet after everything last month! New parking spaces are coming.", kind: .reply,
                      channel: "google", inReplyTo: "Parking is bad.").verdict == .block)
        #expect(judge("Thanks! Our team is always glad to help people get back on their feet after a move.", kind: .reply,
                      channel: "google", inReplyTo: "Nice folks.").verdict == .pass)
        // Only a possessive inside the phrase: a final "her" is an object, and "treated your" is no care.
        #expect(LexiconMatcher.spellings("back on his feet").contains("back on your feet"))
        #expect(LexiconMatcher.spellings("his echo") == ["his echo"])
        #expect(LexiconMatcher.spellings("treated her") == ["treated her"])
    }

    @Test("A lone surname-and-given-name after 'in', or after a journey's 'to', is a town; a given name only stays a person")
    func townsAfterPrepositions() {
        #expect(nameTexts(judge("No more 3-hour drives to Corliss for a cardiology visit!")).isEmpty)
        #expect(nameTexts(judge("After surgery in Corliss she came home for 16 days.")).isEmpty)
        #expect(nameTexts(judge("I love seeing the change in Sarah since her knee surgery.")).contains("Sarah"))
    }

    @Test("A body part is no name, even one a nickname list holds")
    func bodyParts() {
        #expect(nameTexts(judge("Pinky numb? Different nerve. See a hand specialist. #carpaltunnel")).isEmpty)
    }

    @Test("A consented story: who gave the care is no one the story shows; a relative with care of their own still is")
    func carersInStories() {
        let rosa = storyRecord("Rosa Ibarra", information: "name, photo, knee replacement, physical therapy")
        #expect(judge("Rosa Ibarra had her left knee replaced in spring, and she did all of her rehab with Josh in our PT gym. Last week she danced at a wedding!",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [rosa]).verdict == .pass)
        #expect(judge("Rosa Ibarra had her left knee replaced in spring. Ana Cole, her neighbor, had a hip replacement the same week!",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [rosa]).verdict == .block)
    }

    @Test("A consented story: a hashtag, or prevention a relative speaks of, is no one else's health; a relative's diagnosis is")
    func campaignWordsInStories() {
        let kaylee = storyRecord("Kaylee Brandt", information: "name, age, photo, completion of HPV vaccine series", signer: "Joanna Brandt",
                            authority: "parent of a minor")
        #expect(judge("Kaylee Brandt (15) finished her HPV series today! Her mom Joanna's take: \"Cancer prevention in two shots? Easy call.\" #CancerPrevention",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [kaylee]).verdict == .pass)
        #expect(judge("Kaylee Brandt (15) finished her HPV series today! Her brother Liam is in treatment for leukemia.",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [kaylee]).verdict == .block)
    }

    @Test("Replies: a clause opening on the reader in what happened is about them, wherever the sentence starts")
    func clauseAboutTheReader() {
        let review = "The anesthesiologist was rough. My throat hurt for days."
        #expect(judge("We're sorry about your throat. Dr. Ames noted that you had a difficult airway and needed a second try at intubation.",
                      kind: .reply, channel: "google", inReplyTo: review).verdict == .block)
        #expect(judge("We're sorry. Dr. Ames noted that you were right about the parking, and we are adding spaces.",
                      kind: .reply, channel: "google", inReplyTo: review).verdict == .pass)
    }

    @Test("Messages: the reader's tenant is someone else; the reader's own appointment is theirs")
    func tenants() {
        #expect(judge("Hi, this is Renee from Tamsett County Health. Your tenant in Unit 2B has scabies; please hold off on the pest spray.",
                      kind: .message, channel: "sms").verdict == .block)
        // (A diagnosis over chat is still the minimum-necessary review.)
        #expect(judge("Hi, this is Renee from Tamsett County Health. Your scabies recheck is Friday at 10.",
                      kind: .message, channel: "sms").verdict != .block)
    }

    @Test("A specialty named by what it treats is a field of work; someone's own medicine is theirs")
    func specialtiesByCondition() {
        #expect(judge("Congratulations to our Chief Medical Officer, Dr. Imani Okafor, named to the 40 Under 40 for her work bringing obesity medicine to rural patients!").verdict == .pass)
        #expect(judge("Get well soon, Maria Lopez! Maria's diabetes medicine ran out last week.").verdict == .block)
    }
}
