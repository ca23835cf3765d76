// The kinds of mistake the sixteenth verdict set (written without sight of the rules, session
// 2026-11-30; Fixtures/verdicts-fresh16/) and the remaining false alarms of the earlier sets showed:
// each mechanism with sentences of our own that need it, and the clean sentence beside it that must
// not trip it.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (eighth session)")
struct JudgementKindsEleventhTests {
    @Test("A contact offered to the reader as the way to reach us is the organisation's, not a person's")
    func contactInvitations() {
        #expect(judge("So sorry to hear this. Our care team would love to talk; please contact us at help.desk7@example.net or 555-0163.", kind: .reply, channel: "yelp").verdict == .pass)
        #expect(judge("Thanks for the note about the ER waits. We welcome your ideas at waitless@example.net.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Sentimos lo ocurrido. Puede llamarnos al 555-0144 o escribir a buzon7@example.net.", kind: .reply, channel: "google").verdict == .pass)
        // Someone else's contact is still theirs: the reader's, a relative's.
        #expect(judge("We tried to call you at 617-555-0142 about your bill.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Email her son at tomas.reyes7@example.net about his biopsy results.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("A staff role named by its head word ('our billing lead', 'the patient advocate') marks staff; 'patient' before a service is no patient")
    func roleHeads() {
        #expect(judge("Our scheduling lead, Priya Natarajan, will call back today; reach her at 555-0171.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Our patient advocate, Bea, can help with any concern at the front desk.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Our patient, Bea Moreno, is home after her hip surgery!").verdict == .block)
    }

    @Test("A country is a place, and care named after someone ('Tommy John surgery') is no person")
    func countriesAndEponyms() {
        #expect(judge("Our nurses spent a week at a partner hospital in Gulu, Uganda, teaching neonatal resuscitation.").verdict == .pass)
        #expect(judge("What every runner should know about Tommy John surgery and elbow pain.").verdict == .pass)
        #expect(judge("Kai's surgery went well and he is back on the mound.").verdict > .pass)
    }

    @Test("A colleague's specially protected health told in a clause about her is not ours to share; her clinical work is")
    func colleagueRelativeClause() {
        #expect(judge("So proud of our office manager, Dana Kowalczyk, who after two miscarriages just welcomed a baby girl!").verdict == .block)
        #expect(judge("Proud of Dr. Lena Ortiz, who presented our review of 900 adults treated for depression at this week's meeting.").verdict == .pass)
        #expect(judge("Farewell to Dr. Amos Reed, who is stepping back - he starts chemo for lymphoma next week.").verdict > .pass)
    }

    @Test("A finding in a part of the body ('a mass on his kidney') or a sense lost is health information beside a person")
    func bodyFindings() {
        #expect(judge("Please pray for Mr. Oakes from the choir, they found a mass on his liver.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Deacon Ruiz lost the sight in his left eye after the fall.").verdict == .block)
        #expect(judge("Breast self-exams help you notice a lump early. Book a screening today.").verdict == .pass)
    }

    @Test("A relation's possessive that owns another noun is not the subject of the health after it")
    func relationPossessive() {
        let registry = [sampleRecord("C-9", subject: "Ines Tavares", channels: ["facebook"])]
        let story = "Ines Tavares heard her son's laugh this week for the first time since losing her hearing to meningitis."
        #expect(judge(story, channel: "facebook", consent: ["C-9"], consents: registry).verdict == .pass)
        #expect(judge("Ines Tavares says her son's surgery went well.", channel: "facebook", consent: ["C-9"], consents: registry).verdict > .pass)
    }

    @Test("Described people: an executive by title and age, a team a patient plays on, a street person ('the man on Birch who'), the dead in a photo")
    func describedPeople() {
        #expect(judge("Last month a 52-year-old CEO of a big regional bank came in for our executive physical. Our MRI found a brain tumor.").verdict > .pass)
        #expect(judge("pt is a 17F on the Westfield High volleyball team with an ovarian cyst, she'll be fine").verdict > .pass)
        #expect(judge("Everyone keeps asking about the woman on Birch who keeps wandering; her son should look into memory care.", channel: "nextdoor").verdict > .pass)
        #expect(judge("don't post this [photo: the driver from the quarry road crash, deceased, still in the cab]", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Feliz Día de la Enfermera [video: enfermeras bailando en la sala de descanso; no hay pacientes a la vista]").verdict == .pass)
    }

    @Test("Asking to peek at a colleague's relative's chart out of curiosity is a look-up; a chart read for care is not")
    func peekRequests() {
        #expect(judge("could someone peek at Dr. Lowe's husband's chart? I just want to know if he's ok", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("Bed 6: please check her husband's chart note for the allergy before the transfusion.", kind: .message, channel: "teams").verdict < .block)
    }

    @Test("A reply saying the unit's team loved having the reviewer confirms a stay; an event's guest is no patient")
    func lovedHavingYou() {
        #expect(judge("So glad you're home! Our whole team on 5 East loved having you.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Our team loved having you at the open house, thanks for coming!", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("A gathering, a lake, a public office's family, the news: details that single out the person in the story")
    func eventsAndNews() {
        #expect(judge("Tonight a guy came into our ER with a hook in his thumb after the walleye tournament on Lake Pepin.").verdict > .pass)
        #expect(judge("¿Ya sabes que el hijo de la jueza llegó a urgencias? Sobredosis.", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("She's been in our ED nine times this year and she has bipolar disorder. The news won't tell you that.").verdict > .pass)
        #expect(judge("Our nurses were in the news this week for their flu shot drive. Read the story on our site.").verdict == .pass)
    }

    @Test("A list of a program's patients with their values, sent or printed for outsiders, is a record set")
    func programLists() {
        #expect(judge("Attached is the list of the 340 patients in our heart failure clinic with their latest BNP values, print it for the gala.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("Here is the list of everyone in our walking challenge with their step counts! Great job team.", kind: .message, channel: "email").verdict == .pass)
    }

    @Test("Staff by a plural role before their names, a lower-case 'dr.', a contact person with their line; a practice's name is no one's care")
    func organisationPeople() {
        #expect(judge("CPR class Saturday, taught by ICU nurses Grace Liu and Omar Haddad. Learn compressions and AED use.").verdict == .pass)
        #expect(judge("Op 4 mei geeft cardioloog dr. De Wit een lezing over hartfalen in onze kliniek.").verdict == .pass)
        #expect(judge("Volunteers needed for Friday bingo with our residents! Call Bev at 555-0133.").verdict == .pass)
        #expect(judge("Call Maria Lopez at 555-0142 and tell her the biopsy came back positive.", kind: .message, channel: "sms").verdict > .pass)
        #expect(judge("Welcome Dr. Ana Ruiz and Dr. Tom Bell to the Lakeside Counseling team!").verdict == .pass)
        #expect(judge("Maria Lopez finished her counseling sessions with us.").verdict > .pass)
    }

    @Test("A label for the reader's questions ('Info:') and a place's people ('Alder Falls residents') are not a person's")
    func labelsAndPlaces() {
        #expect(judge("Travel clinic for families going abroad: vaccines, malaria pills and advice. Info: travelhealth7@example.net").verdict == .pass)
        #expect(judge("Brookvale residents on home oxygen: register with the county before the storm. Form: brookvale.example.org/oxygen").verdict == .pass)
    }

    @Test("A name that opens an institution's or an event's name is theirs ('the Ortega Children's Diabetes Fund', 'the Holly Ball'); a team by its plural")
    func institutionsAndEvents() {
        #expect(judge("Sign up for the Danny Ortega Memorial 5K, benefiting the Ortega Children's Diabetes Fund!").verdict == .pass)
        #expect(judge("Our NICU thanks everyone who came to the Ivy Ball. Thank you to chair Rosa Quint and the volunteers!").verdict == .pass)
        #expect(judge("Thank you to the Eastgate Cardiology sports medicine team and our athletic trainer Kim Vo. The Hornets family appreciates you!").verdict == .pass)
        #expect(judge("The Ortega children are home after the flu.").verdict > .pass)
        #expect(judge("Congratulations Dr. Lia Moss and the Westbrook Neuroscience team on a grant to study early Parkinson's disease.").verdict == .pass)
    }

    @Test("Someone who ran or owned a place in town is described by it")
    func pastOccupations() {
        #expect(judge("Sad news from 3 West: she ran the Millbrook bookstore for forty years and died of sepsis last night.").verdict > .pass)
    }

    @Test("A statement the patient's family asked for is for review, not blocked")
    func familyStatements() {
        #expect(judge("Statement released at the request of the family of Dale Perrin: he remains in serious condition after surgery.").verdict == .review)
        #expect(judge("Dale Perrin remains in serious condition after surgery.").verdict == .block)
    }

    @Test("Years in a department are a career; a described person's own public telling is theirs")
    func careersAndOwnTelling() {
        #expect(judge("Cake at 3 for Tomasz's 15 years in Cardiology!", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("When a famous actor shared his own kidney transplant story, sign-ups for living donation doubled. Learn more Thursday.").verdict == .pass)
    }

    @Test("A consented story's people: 'every new mom' is no one, a Children's Center is a place, 'Mama Ntuli' is a person")
    func consentStoryPeople() {
        let registry = [sampleRecord("C-7", subject: "Rosa Imani", channels: ["facebook"])]
        #expect(judge("Rosa Imani's message to every new mom: ask about postpartum depression. Shared with her consent.", channel: "facebook", consent: ["C-7"], consents: registry).verdict == .pass)
        #expect(judge("Rosa Imani finished chemo this week at our Children's Cancer Center!", channel: "facebook", consent: ["C-7"], consents: registry).verdict == .pass)
        #expect(judge("Sisters pls note: Mama Ntuli from the market is on ARVs and missed her refills.", kind: .message, channel: "whatsapp").verdict == .block)
    }

    @Test("A whiteboard in a photo identifies only when it shows something")
    func whiteboards() {
        #expect(judge("[video: pharmacist at a whiteboard] Can you drink on metronidazole? Let's see.").verdict == .pass)
        #expect(judge("Long night [photo: our team at the desk; the whiteboard behind us is readable]").verdict > .pass)
    }

    @Test("A reply that tells what we did in the reviewer's care, or what their sample, booking or records show, discusses their care")
    func replyCareActs() {
        #expect(judge("Sorry you're unhappy. Back pain is hard to pin down, and the x-ray we ordered was normal.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("The delay was because your second sample had to be recollected.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Dr. Ames spent 25 minutes with you, per our records.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We treat back pain every day and offer x-rays on site. Call us to talk.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("Living in a care unit says what it treats; a colleague back from leave for depression is not ours to tell")
    func residentsAndColleagues() {
        #expect(judge("Happy birthday to Mabel Corrigan! Mabel has lived in our dementia care wing since 2021.").verdict == .block)
        #expect(judge("Come see our new memory care wing at the open house Saturday!").verdict == .pass)
        #expect(judge("After two months on medical leave for anxiety and depression, our billing manager Tomas is back. Welcome back!").verdict == .block)
        #expect(judge("After a great week at the depression awareness summit, our therapist Dana Lee is back in the clinic.").verdict == .pass)
    }

    @Test("A teaser with a clue that narrows the guess is a disclosure; the county judge is one person")
    func teasersWithClues() {
        #expect(judge("guess who's delivering on our floor right now 😱 the drummer from last night's big concert!").verdict == .block)
        #expect(judge("guess who was in our waiting room today 👀 hint: she skates for the Ice Hawks").verdict == .block)
        #expect(judge("pharmacy confessions: the town mayor picks up Ozempic every week and pays cash").verdict > .pass)
        #expect(judge("Guess who turned 5 today? Our clinic! Thanks for five great years.").verdict == .pass)
    }

    @Test("A patient's thank-you card shown, a treatment chair by number, a look-up of a bill, a reply about their oxygen or next session")
    func cardsChairsBillsAndReplies() {
        #expect(judge("Best mail day! [photo: card reads 'Thank you for helping me through my chemo — Lena Ortiz']").verdict == .block)
        #expect(judge("Mr. Dade, you're in chair 4 every Tuesday and we always save you the window.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("can someone look up the bill for my roommate Tia Lowe? she was in the ED Friday", kind: .message, channel: "teams").verdict == .block)
        #expect(judge("Your mother kept her oxygen on while smoking, which our nurses documented.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We'll talk about it at your next counselor session.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Save a chair for the board meeting at 6!", kind: .message, channel: "teams").verdict == .pass)
    }

    @Test("The organisation's own line and address, and staff teaching a sensitive topic, are no one's PHI")
    func ownContactAndTalks() {
        #expect(judge("We'd like to make this right: please call our patient relations office at 555-230-4400.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Find us at 720 Orchard Avenue for free flu shots Saturday.").verdict == .pass)
        #expect(judge("Psychologist Mira Tal will lead a talk on anxiety and panic attacks Tuesday.").verdict == .pass)
        #expect(judge("Our HIV medicine specialist, Dr. Leo Park, will answer questions about PrEP.").verdict == .pass)
        #expect(judge("In this episode we talk about managing her COPD at home with Mrs. Vance.").verdict > .pass)
    }

    @Test("Replies about time spent with the reader, seeing them with family, their employer; messages asking for a patient's contact or sharing a picture of one")
    func repliesAndMessagesFromReview() {
        #expect(judge("Dr. Ruiz spent a full hour with you, more than most would.", kind: .reply, channel: "yelp").verdict == .block)
        #expect(judge("So nice to see you and your son again last month!", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We will be notifying your employer about these lies.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Anyone have the phone number for the patient we discharged at noon with the PICC line?", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("pic of the lady's burns from bay 4 lol", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("What's the phone number for the pharmacy on Elm?", kind: .message, channel: "teams").verdict == .pass)
    }

    @Test("One person by a favourite, a job at a named place, 'you know who you are', a room as the subject, a bite, stitches, a home complex")
    func oneByDescription() {
        #expect(judge("Our favorite mail carrier came in today with a dog bite on his hand. Feel better!").verdict > .pass)
        #expect(judge("Shoutout to the Maple Elementary art teacher we stitched up after her fall: 9 stitches and still smiling.").verdict > .pass)
        #expect(judge("Tiny town, you know who you are: thanks for trusting us with your colonoscopy 😉").verdict > .pass)
        #expect(judge("Room 12 had us laughing all night, even through his withdrawal. Miss you already!").verdict > .pass)
        #expect(judge("The 6-year-old from the Oak Ridge apartments who got bitten by a dog is doing great.").verdict > .pass)
        #expect(judge("Active or retired nurse? Join the National Nurse Registry for Cancer research.").verdict == .pass)
    }

    @Test("Second review: the reader's own medicine notice passes; a result stays for review; thanks passed on to a unit's team; an offer to book; a volunteer by 'one of our'")
    func secondReview() {
        #expect(judge("Hi Amal, your prescription for lisinopril is ready for pickup at our Main St pharmacy.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Hi Amal, your prescription for sertraline is ready for pickup.", kind: .message, channel: "sms").verdict == .review)
        #expect(judge("Hi Amal, your biopsy showed melanoma. Please call us.", kind: .message, channel: "sms").verdict == .review)
        #expect(judge("Thank you! We'll share your kind words with our cardiac rehab team.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Dr. Lane has done hip replacements here for 20 years. You're welcome to book a consultation.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Meet Ines, one of our 80 volunteers, who sews quilts for babies in our NICU.").verdict == .pass)
        #expect(judge("Can you search Epic for anyone from Oak Hill Middle who tested positive for mumps? The principal wants the names.", kind: .message, channel: "teams").verdict > .pass)
    }

    @Test("'You know who you are' singles out whatever the other details; a reply about health at a particular past time; a clinician's field")
    func lastKinds() {
        #expect(judge("Small town, you know who you are: hope the sprained wrist from Sunday's derby heals fast!").verdict > .pass)
        #expect(judge("Glad the rash had cleared by last week! Call us if it itches again.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Flu cases rose last month across the county, so waits were longer. We're sorry.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Congratulations to Dr. Ana Bell on her fellowship training in addiction medicine!").verdict == .pass)
    }

    @Test("A lower-case Spanish clause is no chat name: the patient's own reminder stays the patient's")
    func spanishClauses() {
        #expect(judge("Hola Marta, le recordamos su cita de control prenatal el martes 3 a las 10:00. Responda SÍ para confirmar.", kind: .message, channel: "whatsapp").verdict == .pass)
    }

    @Test("Third review: someone the writer's followers know ('my ex'), a patient named after an honorific, a bulk list with results; a new building's ribbon, our desk's number")
    func thirdReview() {
        #expect(judge("lol just saw my landlord in the methadone clinic waiting room").verdict > .pass)
        #expect(judge("Shoutout to my favorite infusion patient Mrs. Hale, back for round 6!").verdict > .pass)
        #expect(judge("Attached: export of all our patients with positive hepatitis C results, names and phones, for the vendor.", kind: .message, channel: "email").verdict > .pass)
        #expect(judge("Thank you to Senator Ruth Obi for cutting the ribbon at our new heart institute today!").verdict == .pass)
        #expect(judge("So sorry for the wait. Please call 555-301-4400 and ask for the practice manager.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Your results are ready. Log into the portal to see them or call 555-301-4400.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("Last kinds of the third review: a local face on our psych floor, a reply counting the reader's visits or reaching out to their employer")
    func thirdReviewLast() {
        #expect(judge("The local news anchor (yes, that one from channel 9) was on our psych floor all weekend.").verdict > .pass)
        #expect(judge("We see you've been to our office twice this month already.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We will be reaching out to your employer about this review.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("London needs fewer testosterone-fuelled drivers, says the mayor.").verdict == .pass)
    }
}
