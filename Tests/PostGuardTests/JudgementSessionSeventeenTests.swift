// The kinds of mistake the seventeenth session's sets showed (2026-12-01: the forty-second to
// forty-fifth sets and the eighteenth to twenty-third reviewers, studied after they had measured the
// sixteenth session): each mechanism with sentences of our own that need it, and the sentence beside
// it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardPolicy

@Suite("Policy: judgement by kind of mistake (seventeenth session)")
struct JudgementKindsTwentiethTests {
    @Test("Names listed before a team of ours ('from Sophie, Jenna, Rico and the whole crew') are that team's; a list before a patient's care is not")
    func namesListedBeforeTheTeam() {
        #expect(judge("Dental emergency? Call us. Happy holidays from Sophie, Jenna, Rico and the whole crew! 🦷").verdict == .pass)
        #expect(judge("Jenna, Rico and the team treated Maria Okafor for a broken hip.").verdict == .block)
    }

    @Test("A trainer's credential after a name ('Jordan Beale, ATC, named ...') marks one of our people; a diagnosis in shorthand does not")
    func credentialByShape() {
        #expect(judge("Congrats to our own Jordan Beale, ATC, named State Athletic Trainer of the Year! Jordan trained every coach in CPR.").verdict == .pass)
        #expect(judge("Box 4: Paco Morales, IAM, pendiente de cateterismo.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Maria Lopez, MRSA, moved to isolation this morning.").verdict == .block)
    }

    @Test("Replies: a failed search of the records, a clinician who 'never saw you', the reviewer's lapsed policy, the next visit greeted")
    func replyStructures() {
        let review = "Terrible experience, never going back."
        for reply in ["We can't find anyone by that name in our system.", "We couldn't locate an appointment under this account.",
                      "Respectfully, Dr. Marsh never saw you.", "Since your policy lapsed in August, we had to collect self-pay.",
                      "Since you're on Medicaid, a referral is required.", "Thank you! See you in March 🙂"] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .block, "\(reply)")
        }
        for reply in ["Hope to see you at the health fair in March!", "See you next week at the open house!",
                      "If your policy changed this year, bring your new card to the front desk.",
                      "We're sorry to hear this. Please call our patient relations team at 555-0100."] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .pass, "\(reply)")
        }
    }

    @Test("Consent: an expiry event the story itself tells as past (a course completed, a discharge, a death) has ended the authorization")
    func expiryEventToldInTheStory() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Dara Whitfield", "channels": [], "signed": "2026-05-02", "expires": null, "revoked": null, "purpose": "Orthodontic story", "recipient": "Marketing and the public", "information": "Name, aligner treatment, photos", "signer": "Dara Whitfield", "authority": null, "expires_event": "completion of her aligner treatment"}
            {"id": "C-2", "subject": "Oskar Brandt", "channels": [], "signed": "2026-05-02", "expires": null, "revoked": null, "purpose": "Rehab story", "recipient": "Marketing and the public", "information": "Name, stroke, rehabilitation", "signer": "Oskar Brandt", "authority": null, "expires_event": "discharge from inpatient rehabilitation"}
            """.utf8), source: "c.jsonl")
        #expect(judge("Dara Whitfield wrapped up her aligners in October — one very happy graduate!",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge("Dara Whitfield is halfway through her aligner treatment and loving her new smile.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge("Oskar Brandt went home last Tuesday after six weeks of rehab following his stroke.",
                      consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge("Oskar Brandt is on week 3 of rehab after his stroke and aiming to go home before Christmas.",
                      consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(ExpiryEvent("end of the 2027 Heart Month campaign") == nil)
        #expect(ExpiryEvent("discharge from rehab")?.toldAsPast(in: "She will be discharged soon") == nil)
        #expect(ExpiryEvent("discharge from rehab")?.toldAsPast(in: "She was discharged Friday") == "discharged")
        #expect(ExpiryEvent("completion of her Invisalign treatment")?.toldAsPast(in: "She finished her first week of Invisalign and completed her paperwork") == nil)
        #expect(ExpiryEvent("death of the subject")?.toldAsPast(in: "See you in the late afternoon") == nil)
    }

    @Test("Messages: the reader's tenant, employee, student or player is someone else, whose care is not the reader's to hear")
    func theReadersPeople() {
        for text in ["Hi Mr. Dorsey, your tenant was admitted to our psych unit Saturday.", "Your employee was seen in our ER for a panic attack.",
                     "Your lunch lady came in with low blood sugar today."] {
            #expect(judge(text, kind: .message, channel: "sms").verdict == .block, "\(text)")
        }
        #expect(judge("Your son's vaccination is due next month; reply to book.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Our driver is on the way to pick you up for your 9:00 visit.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("An occupation naming a market, a union or a fair ('the farmers market') describes no one")
    func occupationAsModifier() {
        #expect(judge("Free skin cancer screenings at the Cedar Ridge farmers market Sunday.").verdict == .pass)
        #expect(judge("The Cedar Ridge farmer who was airlifted Sunday after his tractor rolled is out of surgery.").verdict != .pass)
    }

    @Test("Replies: care told with 'the' in a sentence of what happened is the reviewer's visit told back; how care goes for anyone is not")
    func careToldBackWithThe() {
        let review = "Terrible experience, never going back."
        for reply in ["The x-rays showed six cavities, so six fillings were recommended.",
                      "In short the c-section was done because the baby's heart rate kept dropping."] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .block, "\(reply)")
        }
        for reply in ["The MRI takes about 30 minutes and the flu shot is free.", "The flu shot was free for everyone at our October clinic.",
                      "Indeed, the x-rays help us catch problems early.", "We added evening hours, and the flu shots are walk-in."] {
            #expect(judge(reply, kind: .reply, channel: "google", inReplyTo: review).verdict == .pass, "\(reply)")
        }
    }

    @Test("Injuries in slang ('busted his knee', 'blew out his ACL') are injuries; the same verbs about things are not")
    func injuriesInSlang() {
        #expect(judge("Coach Reyes busted his knee at the alumni game, get well soon Coach!").verdict == .block)
        #expect(judge("Marisol Ortega blew out her ACL on the stairs last night.").verdict == .block)
        #expect(judge("Marisol Ortega rolled her eyes and popped her head in to say hi!").verdict == .pass)
    }

    @Test("Someone thanked for hosting, sponsoring or leading an event of ours is one of its people; a patient thanked for their story is not")
    func thankedForAnEvent() {
        #expect(judge("Father Ignacio, thank you for hosting our flu shot clinic after the 10:30 Mass!").verdict == .pass)
        #expect(judge("Thanks so much to Maria Ruiz for hosting our flu clinic!").verdict == .pass)
        #expect(judge("Maria Ruiz, thank you for letting us share your story after your chemo.").verdict == .block)
        #expect(judge("Tom Reyes, thank you for leading our survivors walk just weeks after finishing chemo!").verdict == .block)
    }

    @Test("Where the rules judged the health someone's own, told in public, the second reader does not read it again; a telling that did not happen is none")
    func ownPublicTellingStandsOverTheSecondReader() {
        let told = judge("Mayor Dennis Quill told reporters today he is recovering well after his bypass surgery.")
        #expect(told.verdict == .pass)
        #expect(!told.findings.contains { $0.rule == "policy.reads-like-disclosure" })
        // "couldn't say his own name" tells nothing in public.
        #expect(judge("Shout out to Marcus Reyes from our TBI group, who took gold in seated volleyball. Two years ago he couldn't say his own name.").verdict == .block)
    }
}

