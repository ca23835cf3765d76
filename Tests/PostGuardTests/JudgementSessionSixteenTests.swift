// The kinds of mistake the sixteenth session's sets showed (2026-12-01: the thirty-eighth to
// forty-first sets and the fifteenth to seventeenth reviewers, studied after they had measured the
// fifteenth session): each mechanism with sentences of our own that need it, and the sentence
// beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (sixteenth session)")
struct JudgementKindsNineteenthTests {
    @Test("Consent: what the record's information names is read by the lexicon's topics, not by its exact words")
    func consentInformationByTopic() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Rosalind Achebe", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Fertility story", "recipient": "Marketing and the public", "information": "endometriosis, egg retrieval, quotes", "signer": "Rosalind Achebe", "authority": null}
            {"id": "C-2", "subject": "Tobias Lindqvist", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Recovery story", "recipient": "Marketing and the public", "information": "Name, methadone treatment, return to work", "signer": "Tobias Lindqvist", "authority": null}
            {"id": "C-3", "subject": "Tobias Lindqvist", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Knee story", "recipient": "Marketing and the public", "information": "Name, knee replacement", "signer": "Tobias Lindqvist", "authority": null}
            """.utf8), source: "c.jsonl")
        // Reproductive health worded otherwise than the record, under a record naming a reproductive term.
        #expect(judge("Rosalind Achebe spent years trying to conceive before our IVF team found her endometriosis. Today she is 20 weeks pregnant.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        // Substance use, named by its medicine in the record and by another word in the story.
        #expect(judge("Tobias Lindqvist has been in recovery from opioid use disorder for two years and is back at work.",
                      consent: ["C-2"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        // A record naming no such topic still does not cover it.
        #expect(judge("Tobias Lindqvist has been in recovery from opioid use disorder for two years and just had his knee replaced.",
                      consent: ["C-3"], publishAt: "2026-12-01", consents: records).verdict == .block)
    }

    @Test("Consent: a clinician named after someone else's story is at work; 'her' and 'she' after them are the patient's")
    func clinicianAfterTheStory() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Marisela Quon", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Birth story", "recipient": "Marketing and the public", "information": "Her pregnancy, VBAC and delivery", "signer": "Marisela Quon", "authority": null}
            """.utf8), source: "c.jsonl")
        #expect(judge("Marisela Quon wanted a VBAC after two cesareans. With Dr. Ostrowski in her corner, she had the birth she hoped for.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge("Marisela Quon wanted a VBAC. Dr. Ostrowski and our midwives planned her labor, and she delivered on her due date.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        // A colleague's own diagnosis, told with nobody else's story before it, is still theirs.
        #expect(judge("Prayers for Dr. Ostrowski, she's starting treatment for HIV this week.").verdict == .block)
    }

    @Test("Consent: 'a mom', or a relation word set beside the subject's name, describes the subject")
    func relationWordsDescribingTheSubject() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Ileana Moctezuma", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Testimonio", "recipient": "Marketing and the public", "information": "embarazo, control prenatal, IVF, cita textual", "signer": "Ileana Moctezuma", "authority": null}
            """.utf8), source: "c.jsonl")
        #expect(judge("\"They never gave up on us.\" — Ileana Moctezuma, who became a mom at 43 after three rounds of IVF.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge("\"Me sentí escuchada.\" — Ileana Moctezuma, mamá primeriza que hizo su control prenatal con nosotros.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        // Her own mother's health is her mother's.
        #expect(judge("Ileana Moctezuma had IVF with us while her mom was in chemo for breast cancer.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .block)
    }

    @Test("A name the image shows printed on a card, label, board or screen, quoted in its description, names a patient")
    func printedNamesInImages() {
        #expect(judge("Busy night! [photo: three newborns in the nursery, crib cards readable: 'Baby Girl HOLLOWAY 7lb', 'Baby Boy ESTEVEZ 6lb']").verdict == .block)
        #expect(judge("New scanner! [photo: the screen shows an image labeled 'Quintero, Lisbeth 51F — left breast']").verdict == .block)
        #expect(judge("Team pic 🎉 [photo: nurses in front of the unit board showing 'Rm 4 Castillo fall risk']").verdict == .block)
        // A quoted label that names no one, and a board the description says is blank, are not.
        #expect(judge("Our new signage is up! [photo: door name cards reading 'Exam Room' and 'Lab']").verdict != .block)
        #expect(judge("New station reveal [photo: empty station, blank whiteboard, no names]").verdict == .pass)
    }

    @Test("A reply: a test or a referral named by its field, the reader's plan and what it pays, their visit told back")
    func repliesTellingTheVisit() {
        #expect(judge("Hi Lorna, your cardiology referral went through on 9/14; the specialist's office will call.",
                      kind: .reply, channel: "google", inReplyTo: "Still waiting to hear anything.").verdict == .block)
        #expect(judge("Your plan through the county doesn't cover that service; we offered our sliding scale.",
                      kind: .reply, channel: "google", inReplyTo: "They refused to see me because of insurance.").verdict == .block)
        #expect(judge("We're sorry! Next time we'll try the numbing gel first, like we discussed at the front desk.",
                      kind: .reply, channel: "yelp", inReplyTo: "My daughter cried the whole time.").verdict == .block)
        #expect(judge("Thank you, Priya! It has been a privilege caring for you since 2021, and we'll see you in March.",
                      kind: .reply, channel: "healthgrades", inReplyTo: "Best therapist ever.").verdict == .block)
        #expect(judge("We disagree. Your son's fever of 104 was treated within the hour with IV antibiotics.",
                      kind: .reply, channel: "google", inReplyTo: "The ER ignored my son.").verdict == .block)
        #expect(judge("Our records show this family has never been patients of our practice.",
                      kind: .reply, channel: "google", inReplyTo: "Worst dentist in town.").verdict == .block)
        // How anyone gets in, and a general answer, confirm nothing.
        #expect(judge("We can fit you in most weekdays; call 555-0100 to book.",
                      kind: .reply, channel: "google", inReplyTo: "Is it hard to get an appointment?").verdict == .pass)
        #expect(judge("Insurance plans differ; our billing team can explain what a plan covers. Call 555-0100.",
                      kind: .reply, channel: "google", inReplyTo: "Do you take Medicaid?").verdict == .pass)
    }

    @Test("A message: its sender introduced by the team they speak for, the reader greeted after a label, their own result told to them")
    func messagesToThePatient() {
        #expect(judge("Hi Mr. Okonkwo, it's Renata w/ Dr. Salas's office. Your A1c came back at 6.9, so no changes for now!",
                      kind: .message, channel: "sms").verdict == .pass)
        // The same result over a consumer messaging app is for review: not the organisation's channel for results.
        #expect(judge("Hi Mr. Okonkwo, it's Renata w/ Dr. Salas's office. Your A1c came back at 6.9, so no changes for now!",
                      kind: .message, channel: "whatsapp").verdict == .review)
        #expect(judge("Hi Lou! Bea from Cardiology scheduling. Quick reminder: your echo is Tue 12/9 at 8am, 3rd floor.",
                      kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Reminder: Winifred, you have a bone density scan at Elm St Imaging, Thu Dec 4 at 9:40 AM. Reply C to confirm.",
                      kind: .message, channel: "sms").verdict == .pass)
        // The same result sent to a group, or in a thread that says it reached the wrong person, is not.
        #expect(judge("[Group: Tuesday Quilting Circle]\nHi Doreen, this is Pam from Dr. Salas's office, your biopsy showed a spot, please come back Monday.",
                      kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hi Omar, it's Jo from Dr. Salas's office. Your A1c came back at 9.1, so we're raising the metformin.\n— Wrong Omar, I think\n— so sorry, please ignore!",
                      kind: .message, channel: "sms").verdict != .pass)
        // Someone else's sender-like introduction that goes on to tell of them is no sender.
        #expect(judge("Marta from billing is in the ICU after a crash, keep her in your prayers.", kind: .message, channel: "slack").verdict != .pass)
    }

    @Test("Names: a shop called after someone, a rank before a surname, a teacher at an event by what they teach")
    func namesThatAreNotPatients() {
        #expect(judge("Lunch & learn Thursday: Dr. Amari presenting 'Sepsis in 2026'. Pizza from Sal's 🍕", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Stop the Bleed: in 4 minutes, Capt. Ruth Ibarra shows how to pack a wound. Classes monthly at Station 2.").verdict == .pass)
        // A rank names the person after it: their study is theirs.
        #expect(judge("Hi Jess! SGT Albarran's sleep study is on 12/9, he should get a call.",
                      kind: .reply, channel: "facebook", inReplyTo: "My husband is still waiting on a sleep study.").verdict == .block)
    }

    @Test("A colleague is a patient where the text says their care happened here: 'died in our ICU', 'recovering on our 5th floor'")
    func colleaguesCaredForHere() {
        #expect(judge("Nurse Odile Ferrante died in our ICU on Sunday from COVID complications.").verdict == .block)
        #expect(judge("Tamsin Roe, RN, is recovering on our 4th floor after an appendectomy.").verdict == .block)
        // Their work, and their death told without our care, are not.
        #expect(judge("Nurse Odile Ferrante has worked in our ICU for 20 years. Happy retirement!").verdict == .pass)
    }

    @Test("Care in everyday words: a part taken out or put in, a scope, a labour's hours, a birth's weight")
    func careInEverydayWords() {
        #expect(judge("Emma Brennan had her tonsils out here last week!").verdict == .block)
        #expect(judge("Welcome to the world, Juniper Okafor-Lind, 7 lb 2 oz, after a 5-hour labor!").verdict == .block)
        #expect(judge("Labor Day hours: all clinics open 9 to 1.").verdict == .pass)
    }

    @Test("Messages: the reader spoken to as 'you' after their name, a sender by the organisation they name, a sign to watch for")
    func messagesToTheReaderMore() {
        #expect(judge("Mr. Adeyemi your prior authorization came through! Call us to book.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Hi Mr. Lyle, it's Rhonda from St. Perpetua's. Your refill is ready at the front desk.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Hi Nell, checking in after today's procedure. Call us anytime if you have a fever or bleeding. - Westbrook Surgery Center",
                      kind: .message, channel: "sms").verdict == .pass)
        // A record listed after a label is not someone greeted.
        #expect(judge("Here's what you asked for: Keisha Vandross, DOB 3/14/88. She was in Tuesday for a miscarriage.", kind: .message, channel: "sms").verdict == .block)
    }

    @Test("Our own animal's story describes no person; a person described beside a dog still is")
    func animalsStories() {
        #expect(judge("Get well soon, Waffles! Our therapy dog had knee surgery at Elm Vet on Monday and will be back in the lobby in January.").verdict == .pass)
        #expect(judge("To the older gentleman on Larch Ct who walks his beagle at 6am: I know your diabetes has been rough, don't skip your insulin!").verdict != .pass)
    }

    @Test("Messages: senders in Spanish and by their job, the reader after a reminder's label and title, a wrong number in the thread")
    func messagesSendersAndWrongNumbers() {
        #expect(judge("Hola Sra. Ibáñez, le habla Chayo de la Clínica Río Claro. Su cita de control de presión es el lunes a las 9. Traiga sus medicamentos.",
                      kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Recordatorio: Sr. Quiroga, su colonoscopia es el viernes a las 8:00. Solo líquidos claros el jueves.",
                      kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Message for Hollis Brandt from Lakeview Oncology: your infusion on 12/9 has moved to 12/10 at 8am.",
                      kind: .message, channel: "sms").verdict == .pass)
        // The same notice, answered by someone who is not the patient, was sent to the wrong person.
        #expect(judge("Hola Sra. Ibáñez, le habla Chayo de la Clínica Río Claro. Su colonoscopia es el lunes a las 7.\n[respuesta]: Yo no soy la Sra. Ibáñez, se equivocó de número.",
                      kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hi Dmitri, it's Jo from Dr. Obi's office. Your A1c came back at 9.4 so we're raising the metformin.\n— I think you want a different Dmitri",
                      kind: .message, channel: "sms").verdict == .block)
    }
}

