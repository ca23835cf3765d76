// The kinds of mistake the seventeenth and twentieth verdict sets (written without sight of the
// rules; Fixtures/verdicts-fresh17/, verdicts-fresh20/) and two independent reviews (session
// 2026-11-30, ninth) showed: each mechanism with sentences of our own that need it, and the clean
// sentence beside it that must not trip it.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (ninth session)")
struct JudgementKindsTwelfthTests {
    @Test("A reply that confirms years of care, a clinician as 'your doctor', or what we did to the reader's body")
    func replyRelationship() {
        #expect(judge("Ray, thanks for being a client with us all this time. Sorry the parking was full.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We've loved caring for you and your kids for over ten years, Dana.", kind: .reply, channel: "facebook").verdict == .block)
        #expect(judge("Dr. Imani has been your primary care physician since 2017, so this surprised us.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("To clarify for readers, we only drained the cyst and sent you home with antibiotics.", kind: .reply, channel: "yelp").verdict == .block)
        #expect(judge("Madame Roy, lors de votre première consultation le Dr Henri a tout expliqué.", kind: .reply, channel: "google").verdict == .block)
        // Years of serving a community, or advice about one's own doctor, confirm no one.
        #expect(judge("We have proudly served the families of Elm County since 1961. Please call us to talk.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Thank you for the feedback; please share any concern with your doctor or call our office.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("A colleague as the subject of their own health is for review; their work with a condition is not")
    func colleagueAsSubject() {
        #expect(judge("Our front desk lead Gwen is battling ovarian cancer; meals sign-up is in the break room.").verdict > .pass)
        #expect(judge("Nurse Abe Cole is having knee surgery Friday, so send your jokes his way.").verdict > .pass)
        #expect(judge("Please keep our receptionist Lia in your prayers, she starts chemo on Monday.").verdict > .pass)
        #expect(judge("Nurse Abe Cole is running the asthma class on Friday.").verdict == .pass)
        #expect(judge("Dr. Moss is on medical leave until March; Dr. Tran is seeing her patients.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("The writer's own illness is theirs, even further back; someone named before it in the sentence owns it")
    func whoseIllness() {
        #expect(judge("I'm home today with a bad migraine so Theo is covering the phones.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("the Pruitt girl is the one with shingles, I saw her at the clinic Friday", kind: .message, channel: "sms").verdict == .block)
    }

    @Test("A relative of the reader named after 'of' or 'di', and a patient list with contact columns")
    func relativesAndExports() {
        #expect(judge("Ciao Marta, ecco le analisi di tua suocera: positive per epatite C.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Sending the export of all 900 patients enrolled in our weight program, with phone numbers and weights.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("A room with a person in it (an age, 'whoever', the room told as who) blocks; a room as a venue does not")
    func rooms() {
        #expect(judge("Long night. The 6 month old in room 12 on oxygen is finally smiling.").verdict == .block)
        #expect(judge("bed 9 is that weather guy from Channel 4, kidney stone lol", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Our new moms group meets Thursdays at 10am in Room 240. Patients and partners welcome.").verdict == .pass)
    }

    @Test("A personal representative, or a practice reminding a family, reads as the patient")
    func representativesAndFamilyReminders() {
        #expect(judge("Oak Hill Pediatrics: This message is for Mila Grant's parent/guardian. Mila is due for her flu vaccine. Reply 1 to book.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Hi, this is Brightside Family Medicine. Noah's school physical is due. Call 555-0131 to schedule.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Dear Ms. Lund, as your father's health-care agent you asked for updates: his chest X-ray today was clear. Please call me with questions.", kind: .message, channel: "email").verdict < .block)
        // Sent to a group, a child's care is everyone's business: no family reminder.
        #expect(judge("(to all Room 4 parents) Nurse Kay here! Ben's seizure meds need refilling, his last level was low. Please send them tomorrow.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("Animals by rank and title, practices by specialty, a described public figure's public telling")
    func animalsPracticesPublicTelling() {
        #expect(judge("Get well soon, K9 Deputy Max! 🐕 Max had surgery on his hip and is resting at home with his handler.").verdict == .pass)
        #expect(judge("Pet of the month: Pumpkin, 14, beat her kidney infection with help from her devoted humans 🐾").verdict == .pass)
        #expect(judge("Hi Mr. Soto, you're due for your cleaning and X-rays. Book online or call 555-0188. Varga Family Dental", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Thank you to the senator for going public about his prostate cancer screening. Over 50? Book yours today.").verdict == .pass)
        #expect(judge("The senator was in our ER last night with chest pain, don't tell anyone.", kind: .message, channel: "sms").verdict > .pass)
    }

    @Test("Asking whether someone has an appointment is a look-up, in Spanish too")
    func lookUps() {
        #expect(judge("Can you check if Dana Whitfield has an appointment in cardiology this month?", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("¿Puedes ver si mi vecina Rosa Gil tiene cita en psiquiatría?", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Can you check if the courier has an appointment slot this afternoon?", kind: .message, channel: "teams").verdict == .pass)
    }

    @Test("Described people: celebrities by a clue, outside chiefs, people by their part in an event, one of our own with their own care")
    func describedPeople() {
        #expect(judge("omg who else saw that famous rapper in our urgent care lobby today, looked like a broken wrist").verdict == .block)
        #expect(judge("Prayers for the Eastbrook police chief after Friday's pileup, he's in our ICU with a collapsed lung.").verdict == .block)
        #expect(judge("The groom from Saturday's wedding at the Lakeview Inn is recovering well after his allergic reaction.").verdict == .block)
        #expect(judge("Rough night. One of our own respiratory therapists was admitted upstairs after an overdose.").verdict == .block)
        #expect(judge("One of our nurses led the diabetes booth at the county fair.").verdict == .pass)
        #expect(judge("If a tick bites you, pull it out with tweezers and call our urgent care team on Elm St.").verdict == .pass)
    }

    @Test("Not anyone's health: venues' addresses, invented cases, tallies, a staff member's obituary, what a class teaches")
    func notAnyones() {
        #expect(judge("Free flu shots Saturday at the Riverside Library, 220 Elm Street, Fairview. Walk-ins welcome.").verdict == .pass)
        #expect(judge("Case study (fictional): Omar, 52, has chest pain on the stairs. What would you order first?").verdict == .pass)
        #expect(judge("Our EMS crews answered 2,300 calls this year, including 41 cardiac arrests. Dr. Jo Park led the program.").verdict == .pass)
        #expect(judge("We mourn Dr. Ruth Amsel, 93, our chief of cardiology for 30 years. She died peacefully on Monday.").verdict == .pass)
        #expect(judge("Learn hands-only CPR this Saturday at Station 2, 18 Oak St. Free and open to all.").verdict == .pass)
        // A staff member's sentence with someone else in it: the age is the patient's.
        #expect(judge("Our nurse Lia has visited the same client on Oak Lane for years, a retired teacher who turns 98 next week; Lia helps with her insulin.").verdict == .block)
    }

    @Test("A consent record for a private use, or one a minor signed for themself, does not cover a public post")
    func consentScope() {
        let story = "Dana Ruiz is walking again after her knee replacement with our team!"
        let publicRecord = ConsentRecord(id: "C-1", subject: "Dana Ruiz", information: "name, story", recipient: "the public",
                                         purpose: "patient story for social media", signed: "2026-05-01", expires: "2027-05-01",
                                         channels: ["facebook"], signer: "Dana Ruiz")
        var treatment = publicRecord
        treatment.purpose = "treatment coordination"; treatment.recipient = "Dr. Alan Stone"
        var newsletter = publicRecord
        newsletter.purpose = "staff recognition"; newsletter.recipient = "hospital employees only (internal newsletter)"
        #expect(judge(story, channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [publicRecord]).verdict == .pass)
        #expect(judge(story, channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [treatment]).verdict == .block)
        #expect(judge(story, channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [newsletter]).verdict == .block)
        var child = publicRecord
        child.signer = "self (minor)"
        #expect(judge("Dana Ruiz, 14, is back on the court after her knee surgery!", channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [child]).verdict == .block)
        #expect(judge("Dana Ruiz, 2 years after her knee surgery, is back on the court!", channel: "facebook", consent: ["C-1"], publishAt: "2026-12-01", consents: [publicRecord]).verdict == .pass)
    }

    @Test("Replies about the reader's relative in long-term-care words, and visits confirmed without clinical words")
    func relativesAndVisits() {
        #expect(judge("Your father's bed sores were there before he came to us, as our admission notes show.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We're sorry your mum's care plan changed after her second fall in May.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Hi Sean, the nurse did ring you on Tuesday evening but there was no answer.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Thanks for your patience with the insurance side, we've hired a new authorization coordinator.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We want every visit to feel welcoming; please ask for our manager next time you're in.", kind: .reply, channel: "google").verdict == .pass)
    }
}

