// The kinds of mistake the twenty-eighth session studied on the seventy-eighth to eighty-fifth sets
// (written blind in the two sessions before): clean posts blocked for a photo whose description says
// what it shows is not there, or not real. Each mechanism with sentences of our own, and the
// sentences beside it that must still be flagged.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (twenty-eighth session)")
struct JudgementSessionTwentyEightTests {
    private func visual(_ result: DocumentResult) -> [Finding] {
        result.findings.filter { $0.rule.hasPrefix("visual.") && $0.severity > .info }
    }

    @Test("A described image that denies what a rule found in it shows none of it")
    func deniedInTheDescription() {
        for text in [
            "Flu clinic day! [photo: nurses at the check-in table; no faces, wristbands or name tags of patients visible]",
            "Walk for Hope [photo: 300 walkers crossing the finish line, no people's faces shown]",
            "Case of the week, answer in comments [image: illustrated diagram of a knee, not a real patient]",
        ] {
            let result = judge(text)
            #expect(visual(result).isEmpty, "\(text)")
            #expect(result.verdict == .pass, "\(text)")
        }
    }

    @Test("A denial holds only for its own list: what the clause says after it is still seen")
    func denialScope() {
        // The comma ends "no filter": no "or" makes the face part of what is denied.
        #expect(judge("[photo: our patient Mr. Abbott in bed, no filter, his face fully visible]").verdict == .block)
        #expect(judge("[photo: no gloves on the nurse, patients visible in the hallway]").verdict == .block)
        #expect(judge("[photo: patient in bed with his wristband reading 'GARZA, LUIS' visible; no visitors]").verdict == .block)
        // What is denied must be something an image shows: a filter, a blur or gloves denied leave the
        // face, the wristband and the patient in the image.
        for text in [
            "[photo: Mr. Abbott in bed, no filter, face and wristband fully visible]",
            "[photo: not cropped or blurred, patient's face visible]",
            "[photo: nurse with no gloves touching the patient's wound]",
            "[photo: no faces, small initials signed in the corner of Mrs. Ruiz's chart]",
        ] {
            let result = judge(text)
            #expect(result.verdict == .block, "\(text)")
            #expect(!visual(result).isEmpty, "\(text)")
        }
    }

    @Test("A described image the description says is staged (actors, a manikin, props, a stock photo, an illustration) shows no one's care")
    func stagedScene() {
        for text in [
            "Code drill this morning [photo: actors playing patients on stretchers, fake wounds and triage tags]",
            "[photo: stock image of a woman in a hospital gown]",
            "[image: AI-generated picture of a patient in bed]",
            "Answer in comments [image: illustration of a patient with a swollen knee]",
        ] {
            let result = judge(text)
            #expect(visual(result).isEmpty, "\(text)")
            #expect(result.verdict == .pass, "\(text)")
        }
        // A name on a manikin's wristband is a character's.
        let manikin = judge("Skills lab [photo: mannequin in bed with a wristband reading 'SMITH, ALEX' and a chart on the table]")
        #expect(visual(manikin).isEmpty)
        #expect(!manikin.findings.contains { $0.category == .name && $0.severity > .info })
    }

    @Test("A word that stages only before what it stages, and not when denied: real patients stay real")
    func stagedNeedsItsNoun() {
        for text in [
            "[photo: patient on a stretcher in the ED hallway; stock of gloves on the shelf]",
            "[photo: Ava, 6, in a hospital bed, not a stock photo]",
        ] {
            let result = judge(text)
            #expect(result.verdict == .block, "\(text)")
            #expect(!visual(result).isEmpty, "\(text)")
        }
        #expect(judge("[video: real patients, not actors: Maria Lopez shares her recovery]").verdict == .block)
        // An actor beside a real person leaves the person's name a name.
        #expect(judge("[photo: actor Dan Reyes visiting Emma Cruz, 7, in her hospital bed]").findings.contains {
            $0.category == .name && $0.severity > .info && $0.matchedText.contains("Emma")
        })
    }

    @Test("An emoji between a role's header and the name stands where a colon would")
    func emojiAfterRoleHeader() {
        #expect(judge("Volunteer spotlight 🌟 Jordan Pike has given 300 hours as a volunteer HIV testing counsellor at our pop-ups.").verdict == .pass)
        #expect(judge("Volunteer spotlight 🧶 Mr. Alphonse Dartez, 84, has knitted 600 chemo caps for our infusion suite.").verdict == .pass)
        // The same header for a patient is a patient story, emoji or not.
        #expect(judge("Patient spotlight 🌟 Jordan Pike beat HIV-related lymphoma at our clinic.").verdict == .block)
    }

    @Test("One of our people who came here as a patient is a patient like anyone")
    func staffWhoWasOurPatient() {
        #expect(judge("Volunteer spotlight 🌟 Jordan Pike first came to us as a patient after his heart attack; now he runs our info desk.").verdict == .block)
        #expect(judge("Our nurse Rosa Diaz was our patient in 2019 after her car accident, now she works in our ICU.").verdict == .block)
        // A job named for patients is a job.
        #expect(judge("Volunteer spotlight: Rosa Diaz, who was a patient advocate for 20 years, now knits chemo caps.").verdict == .pass)
    }

    @Test("A practice that names itself, writing to a parent greeted by first name about their child: the family's own care")
    func familyGreetedByFirstName() {
        #expect(judge("Hi Jenna, this is Ruby Flat Clinic. Owen's strep test came back negative.", kind: .message, channel: "sms").verdict == .pass)
        // Asked to pass it on, the reader is no parent of a child in care; nor is a friend with no sender.
        #expect(judge("Hi Jason, this is Tamarack Valley Lab. Chelsea's strep test results are in, please have her call us back.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Tanya, Marcus's strep test came back negative!", kind: .message, channel: "sms").verdict == .block)
    }
}
