// The kinds of mistake the fourteenth session's sets showed (2026-11-30: the thirty-second and
// thirty-third sets, studied after they had measured the thirteenth session, and the ninth and tenth
// reviewers): each mechanism with sentences of our own that need it, and the sentence beside it that
// must still pass.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (fourteenth session)")
struct JudgementKindsSeventeenthTests {
    @Test("A reply that asks the reviewer back, or counts them among the patients, says they were here")
    func comingBack() {
        #expect(judge("So sorry! Swelling after a lip treatment usually settles in a week. Come back in so our NP can take a look.",
                      kind: .reply, channel: "yelp", inReplyTo: "My lips are lumpy.").verdict == .block)
        #expect(judge("We'd welcome a second visit to go over the sizing again.", kind: .reply, channel: "healthgrades",
                      inReplyTo: "The surgeon rushed me.").verdict == .block)
        #expect(judge("We have written to every affected patient individually, including you, about the outage.", kind: .reply,
                      channel: "google", inReplyTo: "Nobody told us anything!").verdict == .block)
        // An open invitation, a tour, anyone included: no one's visit.
        #expect(judge("Thanks for touring with us! We'd love to see you back for lunch sometime.", kind: .reply,
                      channel: "google", inReplyTo: "Lovely building.").verdict == .pass)
        #expect(judge("Glad you enjoyed the open house. Come back anytime!", kind: .reply, channel: "google",
                      inReplyTo: "Fun event.").verdict == .pass)
    }

    @Test("A post that says a named person had a visit, was seen, or is at a hospital says they are a patient")
    func namedVisits() {
        #expect(judge("Priya Nandakumar had an appointment with us this morning.").verdict == .block)
        #expect(judge("Priya Nandakumar was seen by Dr. Osei on Monday.").verdict == .block)
        #expect(judge("Priya Nandakumar visited our walk-in clinic twice this week.").verdict == .block)
        #expect(judge("Walter Brigham is at Saint Ann Hospital again.").verdict == .block)
        #expect(judge("Last spring Dr. Osei treated Priya Nandakumar for a torn ACL.").verdict == .block)
        #expect(judge("Shoutout to Priya Nandakumar, our most loyal patient!").verdict == .block)
        // A guest, a place, a staff member's count: no one's care.
        #expect(judge("Mayor Diaz visited our clinic to present a check for the new wing.").verdict == .pass)
        #expect(judge("The blood drive is at Saint Ann Hospital. Questions? Ask Sarah Lee.").verdict == .pass)
        #expect(judge("Dr. Osei treated 40 patients at the free clinic.").verdict == .pass)
        #expect(judge("How did Dorothy Gale come back younger in Return to Oz?").verdict == .pass)
    }

    @Test("A message: news of care already had is no reminder, nor is a note to an employer or a school")
    func notReminders() {
        #expect(judge("Hi Jess! Amber went home last night, her surgery went fine.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Mr. Chen, Rosa Delgado can't come back to work until her next checkup.", kind: .message,
                      channel: "email").verdict == .block)
        #expect(judge("Hi Mrs. Hollis, Mateo Reyes has therapy with us every other Wednesday, so please excuse him from 6th period.",
                      kind: .message, channel: "email").verdict == .block)
        // A reminder to the family that brings the child stays a reminder.
        #expect(judge("Hi Ms. Rivera, reminder: Sofia's checkup is Friday at 3. Please reply C to confirm.", kind: .message,
                      channel: "sms").verdict == .pass)
    }

    @Test("Who is greeted: a title before the name is the greeting's; a name that goes on as the subject is told about")
    func greetings() {
        #expect(judge("Hi Coach Miller, our flyer for sports physicals is attached: walk-ins Aug 1-15, no appointment needed.",
                      kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Hi, Diego Morales has cancer.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Diego, your flu shot appointment is Friday at 3. Reply C to confirm.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("Everyday care words: therapy or treatment had, blood counts, a puffer, someone's refill")
    func everydayCare() {
        #expect(judge("Nadia Karim finished treatment on Friday!").verdict == .block)
        #expect(judge("Ed Kaminski's counts came back, so Thursday is on.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Tom Pryor, the guy with the green jeep, comes in for his refill every friday and is so rude lol").verdict == .block)
        #expect(judge("Retail therapy after a long week of finals!").verdict == .pass)
        #expect(judge("Can a single therapy session cure a lifelong fear? @RosamundUrwin finds out").verdict == .pass)
    }

    @Test("An animal named after its owner's possessive, or a patient of the week that is a pet, is no person")
    func animals() {
        #expect(judge("Dr. Kim's cat, Miso, had a dental cleaning today. She was very brave!").verdict == .pass)
        #expect(judge("Patient of the week: Pickles the bearded dragon, who had a retained shed removed!").verdict == .pass)
        // A person beside the animal is still a person.
        #expect(judge("Patient of the week: Maria Lopez and her service dog Bo!").verdict == .block)
    }

    @Test("One of ours retiring or joining is staff; someone else's retirement is not ours")
    func retirements() {
        #expect(judge("Happy retirement to Deb Kowalski, who answered the cancer center phones for 30 years!").verdict == .pass)
        #expect(judge("Happy retirement to Officer Daniels of the Millbrook PD, and thanks for trusting us with your sleep apnea care all these years!").verdict == .block)
    }

    @Test("A reply: we saw them, their fee, a relative's next session, care told with \"the\" to the one spoken to")
    func repliesInOtherWords() {
        #expect(judge("glad we could still see you same day tho!", kind: .reply, channel: "google", inReplyTo: "long wait").verdict == .block)
        #expect(judge("We've taken off your late fee.", kind: .reply, channel: "yelp", inReplyTo: "They charged me for being 5 min late!").verdict == .block)
        #expect(judge("We apologize, Ms. Grant. Jacob's next session is confirmed for Thursday.", kind: .reply, channel: "google",
                      inReplyTo: "They lost my son's booking.").verdict == .block)
        #expect(judge("Sorry you waited! The MRI you had was read the same afternoon.", kind: .reply, channel: "google",
                      inReplyTo: "Slow!").verdict == .block)
        // The way to the manager, and fees that are no one's, confirm nothing.
        #expect(judge("We're sorry. Please ask for Gail, our owner, next time you're in, or call 555-0131.", kind: .reply,
                      channel: "google", inReplyTo: "Rude pharmacist.").verdict == .pass)
        #expect(judge("Parking fees at the garage went up this month; we're sorry for the surprise.", kind: .reply,
                      channel: "google", inReplyTo: "Parking is expensive.").verdict == .pass)
    }

    @Test("Described media: a full waiting room, a med list in frame; a before & after heading is a patient's result")
    func describedMedia() {
        #expect(judge("Monday morning vibes (video: panning across our full waiting room at 8am)", channel: "tiktok").verdict > .pass)
        #expect(judge("lol look [pic: mr jacobs' med list taped to the fridge]", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Before & after! Swipe to see Tasha's smile transformation [photos]", channel: "instagram").verdict == .block)
        // Unnamed, and said to be shared with permission: for review, not blocked.
        #expect(judge("Before & after: 3 sessions of microneedling for acne scarring, shared with our client's written permission.",
                      channel: "instagram").verdict == .review)
        #expect(judge("Wash your hands before and after every visit.").verdict == .pass)
    }

    @Test("Care in staff's words: a burn by its degree, the forensic exam, a procedure by its body part, a birth told with 'tuvo'")
    func staffWords() {
        #expect(judge("Had to do a rape kit tonight on the soccer coach's daughter.").verdict == .block)
        #expect(judge("La hija del cura tuvo su bebé anoche.").verdict == .block)
        #expect(judge("the Channel 6 weather guy just checked in for a hemorrhoid procedure").verdict > .pass)
        #expect(judge("Burn awareness week: most 3rd degree burns at home start in the kitchen.").verdict == .pass)
    }

    @Test("A negated patient reference calls no one a patient; a wish for someone's care in a reply is for the reviewer's")
    func negationAndWishes() {
        #expect(judge("To be clear, Coach Reyes is not our patient and never has been.").verdict == .pass)
        #expect(judge("Hope the cast comes off soon!", kind: .reply, channel: "google", inReplyTo: "Nice staff.").verdict == .block)
        #expect(judge("Good luck with the new knee!", kind: .reply, channel: "google", inReplyTo: "Great surgeon.").verdict == .block)
        #expect(judge("We hope everyone gets their flu shot this season!", kind: .reply, channel: "google", inReplyTo: "Clean place.").verdict == .pass)
    }

    @Test("Consent: a record for 'the story of his knee replacement' covers that story, not HIV; an age before the name is no part of it; the greeted reader is no one the story shows")
    func consentScopeAndPeople() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Lionel Strand", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Patient story for our website", "recipient": "The public", "information": "His name, age, photo and story of his knee replacement surgery", "signer": "Lionel Strand", "authority": null}
            {"id": "C-2", "subject": "Milo Brannigan", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Patient story", "recipient": "The public", "information": "His name, age, photo and story of his appendicitis", "signer": "Kerry Brannigan", "authority": "parent of minor"}
            {"id": "C-3", "subject": "Theo Marchetti", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Transplant story", "recipient": "The public", "information": "His name, photos and story of his kidney transplant", "signer": "Theo Marchetti", "authority": null}
            """.utf8), source: "c.jsonl")
        #expect(judge("Lionel Strand, 46, is back on the trails after his knee replacement!", consent: ["C-1"], publishAt: "2026-12-01",
                      consents: records).verdict == .pass)
        #expect(judge("Lionel Strand, 46, is back on the trails after his knee replacement, and has lived with HIV for 20 years.", consent: ["C-1"],
                      publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge("Brave kid alert! Seven-year-old Milo Brannigan came to us with appendicitis and went home with a superhero cape.",
                      consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge("Hi Sam, Theo Marchetti (kidney transplant, authorization on file) is happy to be photographed at his one-year check-in on Dec 10.",
                      kind: .message, channel: "email", consent: ["C-3"], publishAt: "2026-12-01", consents: records).verdict == .pass)
    }

    @Test("Messages: a visit missed or had is news, not a reminder; a sensitive sender's name says what care; a screen not cleared")
    func messagesAboutOthers() {
        #expect(judge("Hi, is this Joanne's sister? This is Pinecrest Counseling. She missed her appointment with us again today, could you have her call us?",
                      kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Tom, your brother-in-law Phil was in this morning for the treadmill thing, he did fine but needs to come back Friday.",
                      kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi this is Brightwater Occupational Health. Confirming Devon Hale did not clear Thursday's screen. Please call us.",
                      kind: .message, channel: "sms").verdict == .block)
        // Reminders to the patient, or to the family that brings a child, stay reminders.
        #expect(judge("Hi Ana! This is Pinecrest Counseling, reminding you of your appointment Friday at 3. Reply C to confirm.",
                      kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Hi Ms. Rivera, this is Pinecrest Counseling: Sofia's appointment is Friday at 3. Reply C to confirm.",
                      kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("The new hire cleared the background screen on Monday; badge pickup is Tuesday.", kind: .message, channel: "email").verdict == .pass)
    }

    @Test("A colleague cared for here is a patient like anyone; shared at their request it is for review")
    func colleaguesAsPatients() {
        #expect(judge("Tanya Ruiz, RN, was admitted to our ICU last night after a stroke.").verdict == .block)
        #expect(judge("Our paramedic Kyle Brandt had a heart attack while hunting in November and asked us to tell you: know the signs.").verdict == .review)
        #expect(judge("Tanya Ruiz, RN, has worked in our ICU for 20 years. Congratulations!").verdict == .pass)
        #expect(judge("Languages: Bilingual English and Igbo staff available for HIV testing.").verdict == .pass)
        #expect(judge("Golpe de calor: Ola de calor esta semana, llama al 555-0123.").verdict == .pass)
    }

    @Test("One of a kind in a place is one person; a relative's care in Spanish word order; a room said in words")
    func onlyOneAndRooms() {
        #expect(judge("lol the only pharmacist in our town has pancreatitis").verdict == .block)
        #expect(judge("We are the only trauma center in the county with a burn unit.").verdict == .pass)
        #expect(judge("Disculpe Sr. Gómez, ya le llamamos para darle los resultados de su hijo.", kind: .reply, channel: "google",
                      inReplyTo: "Nadie me llama.").verdict == .block)
        #expect(judge("La salud de su familia es lo más importante para nosotros. Llámenos al 555-0123.", kind: .reply, channel: "google",
                      inReplyTo: "Mala atención.").verdict == .pass)
        #expect(judge("hey babe running late, the lady in room four is crashing again, home by 9", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Staff meeting moved to room four at noon.", kind: .message, channel: "slack").verdict == .pass)
    }

    @Test("Spanish: function words and imperatives are no names, promotoras are staff, everyday words are care, public figures tell their own")
    func spanish() {
        #expect(judge("Esta semana hablamos de la diabetes en la radio.").verdict == .pass)
        #expect(judge("Oren por los enfermos de cáncer de nuestra comunidad.").verdict == .pass)
        #expect(judge("Le recordamos su cita de vacunas el jueves a las 10.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Si su niño tiene diarrea más de dos días, tráigalo a consulta.").verdict == .pass)
        #expect(judge("Nuestra promotora de salud Yolanda Ríos dará una plática sobre la diabetes.").verdict == .pass)
        #expect(judge("La Lic. Marta Quiroga dará una plática sobre la depresión.").verdict == .pass)
        #expect(judge("El boxeador Kiko Medrano cuenta en su documental cómo maneja su diabetes.").verdict == .pass)
        // The same people with their care here, and everyday words for care, still block.
        #expect(judge("El boxeador Kiko Medrano fue operado aquí del corazón anoche.").verdict == .block)
        #expect(judge("Doña Remedios Carrillo anda con la gripa.").verdict == .block)
        #expect(judge("La señora de la tiendita de la calle Morelos ya salió de la UCI después del infarto.").verdict == .block)
    }

    @Test("Replies: a pet's care told to its owner, a general 'you can request'; a benign result and care given to someone named")
    func repliesPetsAndOffers() {
        #expect(judge("Your dog Max's bloodwork came back normal, so his appetite should pick up soon!", kind: .reply, channel: "google",
                      inReplyTo: "Great vets, Max is doing better.").verdict != .block)
        #expect(judge("Thanks! You can also request an appointment online.", kind: .reply, channel: "google", inReplyTo: "Hard to get in.").verdict == .pass)
        #expect(judge("Sir, we have no request on file from you, and frankly we have not seen you in the office since 2023.", kind: .reply,
                      channel: "healthgrades", inReplyTo: "Nobody calls back.").verdict > .pass)
        #expect(judge("Good news: your mole was benign.", kind: .reply, channel: "google", inReplyTo: "Slow results.").verdict == .block)
        #expect(judge("Proud of our team for caring for Senator Dale Price after his stroke last week.").verdict == .block)
    }

    @Test("Cared for here makes anyone a patient, a donor or a volunteer too; a denial by name is still about the records")
    func treatedHere() {
        #expect(judge("Thank you to donor Evelyn Marsh-Carrington, who was treated here for Parkinson's disease.").verdict == .block)
        #expect(judge("Thank you to donor Evelyn Marsh-Carrington for the new infusion chairs.").verdict == .pass)
        #expect(judge("Nobody with your name has ever visited our office.", kind: .reply, channel: "yelp", inReplyTo: "Terrible dentist.").verdict == .block)
    }

    @Test("A guest thanked after an announcement is no patient; health told after their name, or of 'his', still is")
    func guestsThanked() {
        #expect(judge("Flu shots Sunday after the 10:30 Mass: 143 shots in 3 hours! Gracias a Father Ignacio and the Knights of Columbus for the coffee.").verdict == .pass)
        #expect(judge("Welcome back Pastor Dwayne Little! Glaucoma check went great, pressures are down.").verdict > .pass)
        #expect(judge("What a turnout at the health fair! 140 BP checks. Shoutout to Pastor Ruiz for being a good sport when his sugar came back at 310.").verdict == .block)
    }
}
