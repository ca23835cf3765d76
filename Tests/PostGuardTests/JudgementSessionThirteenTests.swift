// The kinds of mistake the thirteenth session's sets showed (2026-11-30: the thirtieth and
// thirty-first sets, studied after they had measured the twelfth session): each mechanism with
// sentences of our own that need it, and the sentence beside it that must still trip.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (thirteenth session)")
struct JudgementKindsSixteenthTests {
    @Test("A town is read by where it stands: down a list a preposition opened, after an institution's name, as a subreddit")
    func placesByPosition() {
        #expect(judge("If it's not an emergency, Lakeshore Urgent Care in Millbrook & Danforth is open till 8pm for flu shots.").verdict == .pass)
        #expect(judge("Flu shots this week at our clinics in Alder Falls, Pike Hollow and Danforth.").verdict == .pass)
        #expect(judge("We're hiring! RN at Harlan Valley Medical Center, Millbrook. Our ICU team is growing.").verdict == .pass)
        #expect(judge("[r/Millbrook] Yes, the building going up on Route 9 is our new outpatient imaging center.").verdict == .pass)
        // A person stays a person: a first name in the list, or no preposition before it.
        #expect(judge("Flu shots went to Maria & Danforth today, both recovering from pneumonia.").verdict > .pass)
        #expect(judge("Jake Danforth was admitted with pneumonia last night.").verdict == .block)
    }

    @Test("A reply that congratulates the reviewer on their care, or on how a body part is healing, speaks of it")
    func congratulationsAndHealing() {
        #expect(judge("It was an honor to be part of both deliveries, and congrats on getting through that second C-section like a champ!",
                      kind: .reply, channel: "healthgrades", inReplyTo: "Dr. Moss delivered both my babies!").verdict == .block)
        #expect(judge("Thanks for the feedback! Glad your neck is feeling better since the car accident.",
                      kind: .reply, channel: "facebook", inReplyTo: "Chiro is great but the front desk talks too much.").verdict == .block)
        // Congratulations to others, or on something that is not care, say nothing of the reviewer.
        #expect(judge("Thank you! Congrats to our nurses on the new cath lab, too.", kind: .reply, channel: "google",
                      inReplyTo: "Great hospital.").verdict == .pass)
        #expect(judge("Thank you so much! Congrats on the new job, and see you at the 5K.", kind: .reply, channel: "google",
                      inReplyTo: "Love this place.").verdict == .pass)
    }

    @Test("Care said with its verb: dialyzed, transfused, a tooth extracted or pulled, a tooth by its number")
    func careVerbs() {
        #expect(judge("We'd like to clarify that tooth #30 was extracted as planned, as documented on your signed consent form.",
                      kind: .reply, channel: "vitals", inReplyTo: "THE DENTIST PULLED THE WRONG TOOTH!!!").verdict == .block)
        #expect(judge("Irene Dawes and Luis Ortiz have dialyzed side by side every Monday for 3 years.").verdict == .block)
        #expect(judge("Brush your teeth twice a day, and book your cleaning online.").verdict == .pass)
        #expect(judge("We pulled the team together and removed the old signs from the lobby.").verdict == .pass)
    }

    @Test("A message that asks the reader to pass someone's care on to a roommate or a coworker tells that person")
    func relayOutsideFamily() {
        #expect(judge("Hi this is Millbrook Family Dental! Can you tell your roommate Jake his crown is ready and his balance is $412? Thx!",
                      kind: .message, channel: "sms").verdict == .block)
        // Family brings its own: a reminder through a parent is still a reminder.
        #expect(judge("Hi, this is Example Pediatrics. Please tell your mom Rosa her checkup is Friday at 3. Call 617-555-0100 to reschedule.",
                      kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("A colleague out sick while a staff chat finds cover is one of ours; the same name with a stay is a patient's")
    func staffAbsence() {
        #expect(judge("Who can cover 3-11 on Memory Care Sat? Tasha's out sick. Bonus shift $$", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Tasha's out sick with the flu, she was admitted to 4 West last night.", kind: .message, channel: "slack").verdict == .block)
    }

    @Test("A record the subject signed keeps its signer: a minor the story gives an age cannot sign for themself; veneers are no age")
    func subjectSignedRecords() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Kiara Mendez", "channels": ["instagram"], "signed": "2026-09-22", "expires": "2027-09-22", "revoked": null, "purpose": "Peer club promotion", "recipient": "School health center", "information": "Name, counseling", "signer": "Kiara Mendez", "authority": null}
            {"id": "C-2", "subject": "Rosalind Achebe", "channels": ["instagram"], "signed": "2026-05-04", "expires": "2027-05-04", "revoked": null, "purpose": "Smile-makeover photos", "recipient": "Our followers", "information": "Name, photos, treatment", "signer": "Rosalind Achebe", "authority": null}
            """.utf8), source: "c.jsonl")
        #expect(records.map(\.signer) == ["Kiara Mendez", "Rosalind Achebe"])
        #expect(judge("Kiara Mendez, 15, started seeing our school-based counselor for panic attacks last year. Now she leads our peer club.",
                      kind: .post, channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge("Smile reveal day for Rosalind Achebe!! 8 porcelain veneers, 2 visits, and the happiest tears we've ever seen.",
                      kind: .post, channel: "instagram", consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .pass)
    }

    @Test("An expiry event's year alone is its least precise date; a season ends with the season")
    func expiryEventPrecision() {
        #expect(CalendarDate.lastDayNamed(in: "End of the 2026 Spring Gala campaign (gala held 2026-04-18)") == CalendarDate(iso: "2026-06-20"))
        // A date the event starts on is no end: "launched 2026-03-01" leaves the year.
        #expect(CalendarDate.lastDayNamed(in: "the 2026 campaign, launched 2026-03-01") == CalendarDate(iso: "2026-12-31"))
        #expect(CalendarDate.lastDayNamed(in: "the fall 2027 campaign") == CalendarDate(iso: "2027-12-20"))
        #expect(CalendarDate.lastDayNamed(in: "end of the 2027 stroke-awareness campaign") == CalendarDate(iso: "2027-12-31"))
    }
}
