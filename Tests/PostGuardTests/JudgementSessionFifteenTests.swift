// The kinds of mistake the fifteenth session's sets showed (2026-12-01: the thirty-fourth to
// thirty-seventh sets, studied after they had measured the fourteenth session): each mechanism with
// sentences of our own that need it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (fifteenth session)")
struct JudgementKindsEighteenthTests {
    @Test("Consent: a place, a team or the publishing organisation the story names is no other person it shows")
    func consentPlacesAreNoPeople() throws {
        let records = try ConsentJSONL.parse(Data("""
            {"id": "C-1", "subject": "Odile Marchand", "channels": [], "signed": "2026-05-02", "expires": "2027-05-02", "revoked": null, "purpose": "Home-care testimonial", "recipient": "Larkspur Ridge Home Care and the public", "information": "Name, town, diabetes diagnosis, insulin teaching at home", "signer": "Odile Marchand", "authority": null}
            """.utf8), source: "c.jsonl")
        // A town after the quote's signature, a team, the organisation itself.
        #expect(judge("'The nurses taught me to give my own insulin.' — Odile Marchand, Quarrytown. After her diabetes diagnosis Odile had nurse visits at home.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        #expect(judge("Odile Marchand, a Quarrytown Hornets fan for 40 years, learned to manage her diabetes with our nurses. #LarkspurRidge",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .pass)
        // Another person the story shows with health, by first name or title, still needs their own.
        #expect(judge("Odile Marchand and her neighbour Bernadette both learned to manage their diabetes with our nurses.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .block)
        #expect(judge("Odile Marchand learned insulin at home; Mr. Ferrant, on the same route, is still on his dialysis.",
                      consent: ["C-1"], publishAt: "2026-12-01", consents: records).verdict == .block)
    }

    @Test("A comment that asks in general is answered to anyone; a comment about the writer's own care is not")
    func generalQuestions() {
        #expect(judge("Some people with two earlier cesareans can try labor, depending on the incision. Talk to your OB early in pregnancy.",
                      kind: .reply, channel: "youtube", inReplyTo: "Can you have a VBAC after 2 c-sections?").verdict == .pass)
        #expect(judge("Yes! Hearing screening is free for all enrolled veterans and takes five minutes at your next visit.",
                      kind: .reply, channel: "instagram", inReplyTo: "Does the clinic do hearing tests for vets?").verdict == .pass)
        #expect(judge("Honestly, no. Our job is to make sure you don't aspirate or have a head bleed we're missing, not to judge you.",
                      kind: .reply, channel: "reddit", inReplyTo: "Do ER docs judge people who come in drunk?").verdict == .pass)
        // The writer's own care, or the writer greeted by name about their own question.
        #expect(judge("Some pain three weeks after your hernia repair can be normal; please call Dr. Fenwick's office so they can check the incisions.",
                      kind: .reply, channel: "facebook", inReplyTo: "I'm still in pain 3 weeks after surgery at your center. Is that normal?").verdict == .block)
        #expect(judge("Hi Dana! The swelling after your rhinoplasty is completely normal at two weeks.",
                      kind: .reply, channel: "facebook", inReplyTo: "Is it normal to still be swollen??").verdict == .block)
        #expect(judge("Your next visit is on us, and the MRI results are ready.", kind: .reply, channel: "google",
                      inReplyTo: "Waited two hours for my MRI.").verdict == .block)
    }
}

@Suite("Policy: the organisation's own contacts and venues (fifteenth session)")
struct OwnContactsAndVenuesTests {
    @Test("An address after the hours of what is held there is a venue, not a home; not beside a person")
    func venuesBySchedule() {
        #expect(judge("Free, confidential syphilis testing: Tues & Thurs 8–4, 210 Court St. No ID needed.").verdict == .pass)
        #expect(judge("Free rapid HIV testing on World AIDS Day, Dec 1, 10am–6pm at 210 Court St. Results in 20 minutes.").verdict == .pass)
        #expect(judge("Capacitación para voluntarios de hospicio, sábado 9am–1pm, oficina de Bright Harbor (400 Elm St).").verdict == .pass)
        // A person's visit at that hour is their home.
        #expect(judge("Mr. Albertsen's wound care visit is at 2pm, 42 Oak St, bring extra dressings.", kind: .message, channel: "sms").verdict != .pass)
    }

    @Test("A call to action labels the organisation's own contact; the other way to reach the same desk is its too")
    func callsToAction() {
        #expect(judge("Learn how to help someone having a panic attack. Lunch provided. Sign up: firstaid@example.org").verdict == .pass)
        #expect(judge("Our occupational health team does DOT physicals and drug screens. Set up an account: work@example.com").verdict == .pass)
        #expect(judge("Dear families, free flu shots Dec 7–11 at lunch. Questions? 555-0127 or sbhc@example.org.", kind: .message, channel: "email").verdict == .pass)
        // Someone's own address is still theirs.
        #expect(judge("Dana had her panic attack at work again. Sign up her sister: dana.ruiz@example.com").verdict == .block)
    }
}

@Suite("Policy: public tellings, declined confirmations and things named after people (fifteenth session)")
struct NamedThingsTests {
    @Test("A sentence that declines to confirm anyone's care places no one's care here")
    func declinedConfirmation() {
        #expect(judge("We've seen questions about Rockets forward Dario Velez, who told reporters he's planning knee surgery. We don't comment on whether any individual is or was a patient.").verdict == .pass)
        #expect(judge("Rockets forward Dario Velez is recovering from his knee surgery here. He was a patient on our ortho floor.").verdict == .block)
    }

    @Test("An event, a building or a fund named with a name is not that person; a surname that is also a word still is")
    func namedAfter() {
        #expect(judge("Thank you to everyone at our Hope Gala for supporting recovery programs and naloxone training!").verdict == .pass)
        #expect(judge("Grand rounds Thursday in Keller Auditorium: GLP-1 drugs beyond diabetes, heart failure and kidney disease.").verdict == .pass)
        #expect(judge("Derek Hall was seen here today for a back injury and tested positive for THC.", kind: .message, channel: "email").verdict == .block)
    }
}

@Suite("Policy: a parent told of their own child; topics in messages (fifteenth session)")
struct ParentsAndTopicsTests {
    @Test("A parent greeted by title, told of their own child, is the child's representative; not for care a minor consents to alone, an adult child, or a secret")
    func parentOfMinor() {
        #expect(judge("Buenas tardes, Sr. Gutiérrez. Le recordamos la cita de vacunas de su hijo Diego el viernes a las 4 pm.", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Estimada Sra. Flores: el formulario de vacunas de su hija Ana para la escuela ya está listo para recoger.", kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Hola, mamá de Sebastián! Le recordamos el chequeo de Sebastián el lunes a las 2pm.", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Hi Ms. Dorsey, Leo's repeat lead level came back at 4, down from 11. Dr. Ng suggests rechecking in 3 months.", kind: .message, channel: "email").verdict == .pass)
        // A friend told of a friend, a minor's STI result, an adult son, a secret.
        #expect(judge("Hi Ms. Chen, Rosa's biopsy came back positive, she won't make book club.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi Mrs. Grady! Just a heads up, your son Jake's STI test came back negative, this is Dr. Lowe's office.", kind: .message, channel: "sms").verdict != .pass)
        #expect(judge("Hi Mrs. Gable, this is Nurse Ruth. Your son Aaron (he's 26) had his stitches out this morning.", kind: .message, channel: "sms").verdict != .pass)
        #expect(judge("Hi Mrs. Ortiz, this is Nurse Ruth. Your daughter's strep test came back positive, don't tell her we told you.", kind: .message, channel: "sms").verdict != .pass)
    }

    @Test("A health word that names a job, a class or a protocol in a message is a topic, not the reader's result")
    func topicsInMessages() {
        #expect(judge("Hi Dr. Ng, thank you for applying to the addiction psychiatry position. Does Tue 12/8 at 11am work for an interview?", kind: .message, channel: "email").verdict == .pass)
        #expect(!rules(judge("Dra. Ortiz: el protocolo nuevo de diabetes gestacional ya está en la carpeta compartida.", kind: .message, channel: "teams"))
            .contains("policy.message.clinical-detail"))
        #expect(judge("Hi Ms. Pérez, your biopsy showed a melanoma and Dr. Abara would like to talk about it.", kind: .message, channel: "sms").verdict == .review)
    }
}

@Suite("Policy: whose health, who is greeted, who is out, what is made up (fifteenth session)")
struct WhoseHealthTests {
    @Test("'my' that owns a floor or a gym says nothing of whose the health is; 'my mom's' is the writer's family's")
    func myOwnsAnotherNoun() {
        #expect(judge("John Parker is on my floor with pneumonia.", kind: .message, channel: "slack").verdict == .block)
        #expect(judge("Tom Kline from my gym has HIV.").verdict == .block)
        #expect(judge("My mom's having her gallbladder out next week so I'll need Tue–Wed off. Already cleared it with Tanya.", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Jen, my knee is killing me today.", kind: .message, channel: "slack").verdict == .pass)
    }

    @Test("A name greeted in Spanish that goes on as the subject is told about")
    func spanishGreetedSubject() {
        #expect(judge("Hola, Juan Pérez se rompió la muñeca.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hola Juan, tu cita de vacunas es el lunes.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("In a message asking for cover, who is out is a colleague (for review); not what is specially protected, not the writer, not who covers")
    func colleagueOut() {
        #expect(judge("Who can cover Saturday? Marco Diaz is off this week, his back surgery went long.", kind: .message, channel: "teams").verdict == .review)
        // Who covers is a colleague too.
        #expect(judge("La promotora Beatriz se torció el tobillo y no viene esta semana; Carmen cubre sus visitas.", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Can someone cover for Dave? He's out, his HIV meds made him sick.", kind: .message, channel: "slack").verdict == .block)
        #expect(judge("Recordatorio: el turno de guardia del 24 lo cubre la Dra. Pereyra. Cambios con Nico antes del viernes.", kind: .message, channel: "whatsapp").verdict == .pass)
    }

    @Test("A case the text says is made up has characters, not patients; 'not so hypothetical' is real")
    func madeUp() {
        #expect(judge("Ep. 42: why your A1c and fasting sugar don't match. We walk through Mr. A, 60, with an A1c of 7.2. (Mr. A is a made-up teaching case, not a real patient.)").verdict == .pass)
        #expect(judge("Hypothetical: Jo Reyes, 70, falls at home and can't get up. What do you do first?").verdict == .pass)
        #expect(judge("A case for residents, not so hypothetical: Dale Fisk posted a 1-star about his hernia repair complication.").verdict == .block)
    }
}

@Suite("Policy: a reply read against the comment it answers (fifteenth session)")
struct ReplyAgainstCommentTests {
    @Test("An answer about the person a comment asks after confirms their care; an answer about opening hours does not")
    func answersAboutSomeone() {
        #expect(judge("Yes it was! He's off CPAP already.", kind: .reply, channel: "facebook",
                      inReplyTo: "Was that the mayor's nephew they brought in after the crash?").verdict == .block)
        #expect(judge("He's doing great and should be home this weekend!", kind: .reply, channel: "facebook",
                      inReplyTo: "How is Coach Ruiz doing after his heart attack at practice?").verdict == .block)
        #expect(judge("Not yet, but they're off CPAP!", kind: .reply, channel: "facebook",
                      inReplyTo: "Anyone know if the twins born at Harlan are out of the NICU yet?").verdict == .block)
        #expect(judge("Yes, 9 to 1 for flu shots!", kind: .reply, channel: "facebook", inReplyTo: "Are you open Saturday?").verdict == .pass)
        #expect(judge("We can't share anything here, please call us.", kind: .reply, channel: "facebook",
                      inReplyTo: "Is my neighbor Jim Hadley in your ICU??").verdict == .pass)
    }
}

@Suite("Policy: care passed between those who give it; notes the patient asked for (fifteenth session)")
struct CareCoordinationTests {
    @Test("A referral followed up with the program that takes it, or a patient the reader shares, is treatment: review, not block")
    func referrals() {
        #expect(judge("Hi Tamara, following up on the referral for Mr. Ruiz to your cardiac rehab program.", kind: .message, channel: "email").verdict == .review)
        #expect(judge("Hello, this is Green Valley Home Health confirming we received the referral for your patient J. Whitaker.", kind: .message, channel: "email").verdict == .review)
        // Gossip about the same person, or a consult booked for a celebrity, stays a breach.
        #expect(judge("omg Tamara, Mr. Ruiz from church is in cardiac rehab with us lol", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Thanks for referring Jess Tomlin! She's already down 14 lbs on semaglutide. Here's your referral credit.", kind: .message, channel: "facebook").verdict == .block)
    }

    @Test("A note the patient asked for is for review, not a block")
    func askedForNotes() {
        #expect(judge("Dear HR, at the request of our patient, Kevin Marsh, please excuse his absence from 11/30 to 12/2.", kind: .message, channel: "email").verdict == .review)
        #expect(judge("Dear HR, our patient Kevin Marsh was here on 11/30 for his back.", kind: .message, channel: "email").verdict == .block)
    }
}

@Suite("Policy: a colleague as the one cared for (fifteenth session)")
struct ColleagueAsPatientTests {
    @Test("A staff member who was admitted or rushed in is for review; one who admits or diagnoses is at work")
    func colleagueUndergoesCare() {
        #expect(judge("Dr. Patel from peds got admitted last night with kidney stones.", kind: .message, channel: "sms").verdict == .review)
        #expect(judge("Nurse Kim was rushed to the ICU with chest pain.", kind: .message, channel: "sms").verdict == .review)
        #expect(judge("Dr. Patel admitted three patients with chest pain overnight.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Dr. Patel diagnosed the kidney stones in record time.", kind: .message, channel: "sms").verdict == .pass)
    }
}
