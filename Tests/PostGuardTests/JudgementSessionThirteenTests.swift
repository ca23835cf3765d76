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

    // The sixth and seventh reviewers' kinds (studied this session, not trained on).

    @Test("Care in everyday words: a cast or stitches as someone's, a strain, 'he's stable', one person's treatment day")
    func everydayCareWords() {
        #expect(judge("Lily Moss's cast was applied correctly and she is healing.").verdict == .block)
        #expect(judge("Happy to hear the stitches came out clean!", kind: .reply, channel: "google", inReplyTo: "Thanks for fixing my cut.").verdict == .block)
        #expect(judge("Danny Ruiz has a back strain.").verdict == .block)
        #expect(judge("Tom Reyes crashed on Elm Ave last night. He's stable.").verdict == .block)
        #expect(judge("Surgery day for Kayla Jones!").verdict == .block)
        #expect(judge("Kayla Jones had her last chemo day today").verdict == .block)
        // An awareness day is written as a name; a play's cast is no one's.
        #expect(judge("World Kidney Day: free screenings with Dr. Maria Lopez.").verdict == .pass)
        #expect(judge("The cast of the spring play visited Maria Lopez on the pediatric floor.").verdict == .pass)
    }

    @Test("Births and care done to a named person's body: the birth of her baby, Dr. Lin delivered Sarah Cole's baby")
    func birthsAndNamedCare() {
        #expect(judge("Congratulations to Ana Mendez on the birth of her baby at our hospital.").verdict == .block)
        #expect(judge("Felicitamos a Ana Méndez por el nacimiento de su bebé en nuestro hospital.").verdict == .block)
        #expect(judge("Dr. Lin delivered Sarah Cole's baby this morning!").verdict == .block)
        #expect(judge("Dr. Lin delivered the keynote at Grand Rounds.").verdict == .pass)
    }

    @Test("A patient called dear or beloved is a patient; 'the best patient care' is a service")
    func affectionatePatients() {
        #expect(judge("Today we said goodbye to Mrs. Hart, our beloved patient of 12 years.").verdict == .block)
        #expect(judge("You were one of our bravest patients!", kind: .reply, channel: "google", inReplyTo: "Thank you all.").verdict == .block)
        #expect(judge("Dr. Okafor is known for the best patient care in the county.").verdict == .pass)
    }

    @Test("Denials in other words still speak of the records; a holiday party is no visit")
    func denialsInOtherWords() {
        for text in ["We don't see any visit under your name.", "This reviewer has never been to our office.",
                     "Please check: we have no account for you.", "Lo sentimos, usted no es paciente de nuestra clínica."] {
            #expect(judge(text, kind: .reply, channel: "google", inReplyTo: "Worst clinic ever.").verdict == .block, "\(text)")
        }
        #expect(judge("You've never been to our office's holiday party? Come this year!", kind: .reply, channel: "google",
                      inReplyTo: "Fun staff!").verdict == .pass)
    }

    @Test("A privacy disclaimer covers only what comes before its 'but'")
    func disclaimerThenBut() {
        #expect(judge("We can't comment on individual patients, but yes, Ms. Ruiz was very happy with her care.",
                      kind: .reply, channel: "google", inReplyTo: "Did my mom get good care?").verdict == .block)
        #expect(judge("We can't discuss anyone's care online, but please call our patient relations team.",
                      kind: .reply, channel: "google", inReplyTo: "Did my mom get good care?").verdict == .pass)
        #expect(judge("Congratulations Alyssa! Hope the C-section recovery is going smoothly!", kind: .reply, channel: "facebook",
                      inReplyTo: "The nurses were amazing.").verdict == .block)
    }

    @Test("A named person looked up, a bill pulled, a chart forwarded in its s' form")
    func lookUpsInOtherWords() {
        #expect(judge("Forwarding Mary Jones' chart to our marketing agency.", kind: .message, channel: "email").verdict == .block)
        // Asked for by family, as the message says: for review, not passed.
        #expect(judge("can someone look up Brianna Cole in Epic? her mom wants to know", kind: .message, channel: "sms").verdict > .pass)
        #expect(judge("can someone look up Brianna Cole in Epic? she's my neighbor lol", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Can you pull the bill for Maria Lopez? I want to see what procedure she had.", kind: .message, channel: "sms").verdict == .block)
    }

    @Test("The victim of an event is a person described; a public figure's care here, told by pronoun, is a patient's")
    func victimsAndPublicFiguresCaredForHere() {
        #expect(judge("The victim of last night's Elm Ave crash is in our ICU.").verdict == .block)
        #expect(judge("Our Victim Services team runs a free support group on Tuesdays.").verdict == .pass)
        #expect(judge("Senator Maria Delgado shared that she has breast cancer. She is being treated at our hospital.").verdict == .block)
        #expect(judge("Senator Maria Delgado shared that she has breast cancer. Screening saves lives.").verdict == .pass)
    }

    @Test("Places by their saint's word or a list after 'clinics:'; a residence hall room is a room; a classroom is not")
    func placesAndRooms() {
        #expect(judge("Free flu talk at the Santa Elena public library on Tuesday.").verdict == .pass)
        #expect(judge("Vacunas gratis para la gripe en el centro comunitario de San José el martes.").verdict == .pass)
        #expect(judge("Flu shots this week at all clinics: Millbrook, Oakridge and Cedar Falls.").verdict == .pass)
        #expect(judge("Student Health update: the sophomore in Pell Hall room 312 with meningitis is stable.").verdict == .block)
        #expect(judge("The senior in Room 204 won the spelling bee!").verdict == .pass)
        #expect(judge("To: Harlow State students (Bcc)\nMenB vaccine clinic Thursday in Student Health, no cost with student insurance.",
                      kind: .message, channel: "email").verdict == .pass)
    }

    @Test("Clinical shorthand in capitals is health information; the words it spells in lower case are not")
    func clinicalShorthand() {
        #expect(judge("A 58-year-old bus driver was at our Granite Falls ED this week, back with DKA again.").verdict == .block)
        #expect(judge("Happy birthday to my tia Rosa!").verdict == .pass)
    }

    @Test("A reminder naming the child's visit by its condition, greeting the parent, is a reminder; sent to a group it is not")
    func remindersToParents() {
        #expect(judge("Hi Mrs. Okafor, this is the school-based health center: reminder that Amara's asthma follow-up is tomorrow at 8:30.",
                      kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("[sent to group text 'Tran Family'] Hi Angela, this is Bloom OB-GYN confirming your colposcopy follow-up on 12/4. Reply C to confirm.",
                      kind: .message, channel: "sms").verdict > .pass)
    }

    @Test("A handoff in the care team's chat describing its patient by age and time is for review; medical residents are doctors")
    func handoffsAndResidents() {
        #expect(judge("Night handoff ICU: Bed 3, 61M, septic shock, on norepi 0.08, lactate trending down. Family meeting at 10am with Dr. Castillo.",
                      kind: .message, channel: "teams").verdict == .review)
        #expect(judge("Welcome to our new surgical residents! [photo: eight residents in white coats on the hospital steps]").verdict == .pass)
        #expect(judge("Noche intensa en urgencias [foto: pantalla del sistema con la lista de pacientes, camas y diagnósticos]").verdict == .block)
    }

    // The eighth reviewer's kinds (consent and patient stories).

    @Test("An authorization covers the specially protected information it describes, and nothing else of that kind")
    func consentScope() {
        let lymphoma = storyRecord("Daniel Okafor", information: "Name, photo, lymphoma diagnosis, chemotherapy treatment and recovery")
        #expect(judge("Daniel Okafor rang the bell after his last round of chemo for lymphoma!", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [lymphoma]).verdict == .pass)
        let hiv = judge("Daniel Okafor rang the bell after chemo for lymphoma, and he is living with HIV.", channel: "instagram", consent: ["C-1"],
                        publishAt: "2026-12-01", consents: [lymphoma])
        #expect(hiv.verdict == .block)
        #expect(hiv.findings.contains { $0.rule == "policy.consent.incomplete" && $0.message.contains("HIV or STI") })
        // A description that points at the story covers what the story tells; a hyphen is a space.
        let story = storyRecord("Daniel Okafor", information: "name, photo, diagnosis and treatment described in the story")
        #expect(judge("Daniel Okafor rang the bell after chemo for lymphoma, and he is living with HIV.", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [story]).verdict == .pass)
    }

    @Test("A story's age in other forms: '16-year-old Sophie', 'now 19', 'tiene 22 años'; '2 años sin consumir' is no age")
    func agesInOtherForms() {
        let own = storyRecord("Sophie Lane", information: "Name, photo, asthma treatment")
        #expect(judge("Our 16-year-old Sophie Lane is off her asthma inhaler for good!", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [own]).verdict == .block)
        let parent = storyRecord("Sophie Lane", information: "Name, photo, asthma treatment", signer: "Dana Lane", authority: "parent of minor")
        #expect(judge("Sophie Lane, now 19, is off her asthma inhaler for good!", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [parent]).verdict == .block)
        let sofia = storyRecord("Sofía Ruiz", information: "Nombre, foto, tratamiento del asma", signer: "Dana Ruiz", authority: "parent of minor")
        #expect(judge("Sofía Ruiz tiene 22 años y ya no usa su inhalador para el asma.", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [sofia]).verdict == .block)
        let adult = storyRecord("Sofía Ruiz", information: "Nombre, foto, recuperación de la adicción")
        #expect(judge("Sofía Ruiz, 2 años sin consumir, comparte su recuperación de la adicción.", channel: "instagram", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: [adult]).verdict == .pass)
    }

    @Test("A short form or a nickname of the subject's first name is the subject; a birth is the mother's care, not the child's")
    func nicknamesAndBirths() {
        let daniel = storyRecord("Daniel Brooks", information: "Name, photo, knee replacement and physical therapy")
        #expect(judge("Dan Brooks is back on the trail three months after his knee replacement! Keep going, Dan!", channel: "instagram",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: [daniel]).verdict == .pass)
        let robert = storyRecord("Robert Kowalski", information: "Name, nickname, video, stroke rehabilitation progress")
        #expect(judge("Bobby is back behind the wheel! After his stroke in March, Bobby Kowalski worked with our therapists five days a week.",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [robert]).verdict == .pass)
        #expect(judge("Bobby is back behind the wheel! After his stroke in March, Bobby Nowak worked with our therapists five days a week.",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [robert]).verdict == .block)
        // The table links Emily and Emma too: a full name in "-a" is someone else, her sister.
        let emily = storyRecord("Emily Tran", information: "Name, photo, spinal fusion for scoliosis")
        #expect(judge("Meet Emma Tran! After spinal fusion for scoliosis at 13, Emma is back on the balance beam.",
                      channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [emily]).verdict == .block)
        let mother = storyRecord("Grace Whitfield", information: "Name, photos, pregnancy and delivery details")
        #expect(judge("Grace Whitfield welcomed her daughter after a water birth in our birth center!", channel: "instagram",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: [mother]).verdict == .pass)
    }

    @Test("A reply that says the reviewer's relative is seen or treated here confirms they are a patient")
    func relativeInCare() {
        #expect(judge("Thanks for writing. Your sister Jenna already sees one of our therapists, so she can ask them directly.",
                      kind: .reply, channel: "google", inReplyTo: "Hard to get an appointment.").verdict == .block)
        #expect(judge("Please have your father call our office so we can help.", kind: .reply, channel: "google",
                      inReplyTo: "Hard to get an appointment.").verdict == .pass)
    }

    @Test("A colleague in a unit, in a sentence of their working life, works there; a photo of the ED board is for review")
    func careerEventsAndBoards() {
        #expect(judge("Tessa Moore in cardiology is retiring Friday. Cake in the break room at 2!", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Tessa Moore in cardiology is recovering from her heart attack.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("what a night [photo: our ED board at 3am, every room full]").verdict == .review)
    }

    @Test("Time in recovery in other words: 'six months clean', 'seis meses sin consumir'; a clean kitchen is no one's")
    func recoveryDurations() {
        #expect(judge("Proud of Marcus Reyes, six months clean today!").verdict == .block)
        #expect(judge("Felicidades a Marcos Reyes: seis meses sin consumir.").verdict == .block)
        #expect(judge("Thanks to Marcus Reyes for keeping the kitchen clean for six months!").verdict == .pass)
    }
}
