// The kinds of mistake the nineteenth session studied (2026-12-02: the fiftieth to fifty-third sets,
// blind while the eighteenth session worked, and the twenty-fourth to twenty-sixth reviewers): each
// mechanism with sentences of our own that need it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardPolicy

@Suite("Policy: judgement by kind of mistake (nineteenth session)")
struct JudgementKindsTwentySecondTests {
    @Test("A desk's mailbox is found as an e-mail and judged a desk's; a surname or a word standing for someone keeps it a person's")
    func mailboxesFoundThenJudged() {
        let desk = judge("Please reach out to our privacy officer at privacy.officer@example.org about your concern.")
        #expect(desk.verdict == .pass)
        // Found, so the identifier figures count it; concluded `info`, so it blocks nothing.
        #expect(desk.findings.contains { $0.category == .email && $0.severity == .info })
        #expect(judge("Write to familia.soto@example.com about the biopsy.").verdict == .block)
        #expect(judge("Email someone@example.com").verdict == .block)
    }

    @Test("Replies: a sentence opening on the reader's relative or on the reader in what happened is about them; an invitation is not")
    func sentenceAboutTheReader() {
        #expect(judge("Su hijo necesitaba dos coronas y una pulpotomía, y el Dr. Ríos le explicó todo.", kind: .reply, channel: "yelp",
                      inReplyTo: "Muy mala atención con mi hijo.").verdict == .block)
        #expect(judge("Your son needed two fillings and a sealant, and Dr. Ross went over it with you first.", kind: .reply, channel: "google",
                      inReplyTo: "Bad visit.").verdict == .block)
        #expect(judge("Your son is always welcome at our family flu shot clinic on Saturdays!", kind: .reply, channel: "google",
                      inReplyTo: "Great place.").verdict != .block)
    }

    @Test("Replies: a reading reported to a reader greeted by name is theirs; a target anyone aims at is advice")
    func readingsInReplies() {
        let review = "Dr. Ochoa is the best. - Leticia H."
        #expect(judge("Leticia, we are so proud of you! Going from an A1c of 11 to 7.2 in one year is huge.", kind: .reply, channel: "healthgrades",
                      inReplyTo: review).verdict == .block)
        #expect(judge("Thanks Leticia! Most adults do best with an A1c under 7, and our free class can help anyone get there.", kind: .reply,
                      channel: "healthgrades", inReplyTo: review).verdict == .pass)
    }

    @Test("One of our people in care for specially protected health, told after their name, blocks; their work or their own telling does not")
    func colleagueInCare() {
        #expect(judge("Please join me in welcoming back Sam Ortiz, our facilities supervisor, who returned this week after completing our outpatient treatment program for alcohol use disorder.").verdict == .block)
        #expect(judge("Our CFO Sam Ortiz will share his own story of recovery from alcohol use disorder at the breakfast.").verdict == .pass)
        #expect(judge("Sam Ortiz, our addiction medicine lead, runs the treatment program for alcohol use disorder.").verdict == .pass)
    }

    @Test("Messages: the reader's relative placed in a place of care is passed-on care; where they work is not")
    func relativeInAPlaceOfCare() {
        #expect(judge("saw your dad at the cardiology clinic today! hope he's ok", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("your dad works at the cardiology clinic, right? we need a reference", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("A given name alone, told to a parent greeted by title, is their child: opening what follows the greeting, or the one a visit is of")
    func childToTitledParent() {
        #expect(judge("Hi Ms. Carter, Noah came to the health office at 1:15 today with a headache. His temp was 98.6. — Nurse Alvarez",
                      kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Hola Sra. Gómez, le recordamos la cita de Daniel para sus vacunas el martes 8 a las 3:00 pm. — Clínica Los Almendros",
                      kind: .message, channel: "sms").verdict == .pass)
        // Someone else's child, or a neighbour, is not the reader's to hear about.
        #expect(judge("Hi Ms. Carter, Noah Smith from your class came to the health office today with lice. — Nurse Alvarez",
                      kind: .message, channel: "email").verdict == .block)
        #expect(judge("Hi Ms. Carter, your neighbor Noah came to the ER today with a headache. — Nurse Alvarez",
                      kind: .message, channel: "email").verdict == .block)
    }

    @Test("A clinical image that shows whose it is blocks; one cropped of its labels is for review")
    func clinicalImageWithItsOwner() {
        #expect(judge("sending u the x-ray for the teaching file [image: X-ray with his name and DOB in the corner]", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("sending u the x-ray for the teaching file [image: X-ray, labels cropped out]", kind: .message, channel: "whatsapp").verdict != .block)
    }

    @Test("Names: a phrase holding a medical word, a Spanish place by its opening noun, a hashtag closing on an award; a town's name before what befell a person")
    func namesThatAreNoOne() {
        #expect(judge("Laparoscopic Nissen fundoplication: a full case with narration for residents, no patient details shown.").verdict == .pass)
        #expect(judge("Feria de salud: sábado en Parque Hidalgo, con pruebas de diabetes gratis.").verdict == .pass)
        #expect(judge("Feria de salud: sábado con Hidalgo Ruiz, que tiene diabetes.").verdict == .block)
        #expect(judge("So proud of nurse Estrella Ruiz #EstrellaAward").verdict == .pass)
        #expect(judge("Praying for Estrella after her surgery #PrayForEstrella").verdict == .block)
        #expect(judge("Millbrook had a stroke last week and is on our neuro floor.").verdict == .block)
        #expect(judge("Thank you Millbrook! Our drop box collected 412 lbs of unused meds.").verdict == .pass)
    }
}
