// The kinds of mistake the twenty-second session studied (2026-12-02: the fifty-eighth to sixty-first
// sets, blind while the twentieth session worked): each mechanism with sentences of our own that need
// it, and the sentence beside it that must still be caught.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog

@Suite("Policy: judgement by kind of mistake (twenty-second session)")
struct JudgementSessionTwentyTwoTests {
    /// A consented Instagram story, judged on 2026-12-01 with `record` (C-1) in the registry.
    private func story(_ text: String, _ record: ConsentRecord) -> DocumentResult {
        judge(text, channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [record])
    }

    @Test("Towns listed before a plural site noun, after a town by its own form, or on a delivery route are places")
    func townsByTheirSurroundings() {
        let clinics = judge("Feeling low this winter? Our Behavioral Health team has same-week appointments at our Kessler and Dunmore clinics: 555-0148.")
        #expect(nameTexts(clinics).isEmpty)
        #expect(clinics.verdict != .block)
        let flu = judge("Flu update: our labs confirmed 212 positive flu tests in November, most in the Kessler and Dunmore areas.")
        #expect(nameTexts(flu).isEmpty)
        let roads = judge("Home health aide Bernice Tolliver has driven the back roads of Wren Hollow and Saddleback since 2001.")
        #expect(!nameTexts(roads).contains("Saddleback"))
        let route = judge("New: prescription delivery from the Outpatient Pharmacy to Kessler, Dunmore and Grace Lake.")
        #expect(!nameTexts(route).contains("Dunmore"))
        #expect(!nameTexts(route).contains("Grace Lake"))
        // A person listed with another person is still a person, and their health still pairs.
        #expect(judge("Kessler and Maria Dunmore were both admitted with pneumonia last night.").verdict == .block)
    }

    @Test("A vehicle a service names, and a Spanish institution's name across 'de', are no one's name")
    func vehiclesAndSpanishInstitutions() {
        let van = judge("The Blue Van will have naloxone and hepatitis C testing at the shelter on Tuesday.")
        #expect(!nameTexts(van).contains("Van"))
        #expect(van.verdict == .pass)
        let feria = judge("Feria de salud en Iglesia Fuente de Vida: 60 vacunas de la gripe. Gracias al Dr. Hector Villanueva.")
        #expect(!nameTexts(feria).contains("Vida"))
        #expect(feria.verdict == .pass)
        #expect(judge("Van Nguyen was admitted with hepatitis C last night.").verdict == .block)
    }

    @Test("A job title straight before a name, or a staff award, makes the name one of ours")
    func bareJobTitles() {
        let aide = judge("25 years! Home health aide Bernice Tolliver has been visiting our home health patients since 2001.")
        #expect(aide.verdict == .pass)
        let month = judge("Volunteer of the Month: Najiba Sultani! Najiba drives families to dental appointments every week.")
        #expect(month.verdict == .pass)
        #expect(judge("Our patient Bernice Tolliver has been in home health care since her stroke.").verdict == .block)
    }

    @Test("A plural role before a list of names gives each its role, also in a consented story")
    func listedStaffInStories() {
        let corinne = storyRecord("Corinne Walsh", information: "name, collapse, CPR, recovery")
        #expect(story("On June 2, Corinne Walsh collapsed at the farmers market. Medic 4 paramedics Joel Fenn and Anita Broussard shocked her twice, and today she's back selling honey.", corinne).verdict == .pass)
        #expect(story("On June 2, Corinne Walsh collapsed at the farmers market. ED nurses Hattie Crum and Luis Ortega started CPR within seconds.", corinne).verdict == .pass)
        // A second patient in the same story still needs their own record.
        #expect(story("On June 2, Corinne Walsh collapsed at the farmers market. Her husband Tom Walsh had a heart attack the same week.", corinne).verdict == .block)
    }

    @Test("A consented story: staff named again by first name, and the subject called by a nickname, are covered")
    func staffAgainAndNicknames() {
        let dmitri = storyRecord("Dmitri Halvorsen", information: "name, quote, bee sting, anaphylaxis, epinephrine")
        #expect(story("Congratulations to ED nurse Aurelia Montgomery, RN, on her award! Patient Dmitri Halvorsen wrote: \"I couldn't breathe after a bee sting and Aurelia had the epinephrine in before I knew it.\"", dmitri).verdict == .pass)
        let bart = storyRecord("Bartholomew Kinsella", information: "name, video of his adjustment, low back pain")
        #expect(story("POV: hockey dad Bart after three seasons on the rink bleachers. Watch Dr. Vander Linden work on that low back pain (he signed the form).", bart).verdict == .pass)
        // Someone else by a name that is no short form of the subject's is still someone else.
        #expect(story("POV: hockey dad Gus after three seasons on the rink bleachers. Watch Dr. Vander Linden work on that low back pain.", bart).verdict == .block)
    }

    @Test("Someone's body part, by name, getting better or worse is their health; a return 'back' is not")
    func namedBodyStates() {
        #expect(judge("Mack's ankle is still pretty swollen so she's doubtful for Friday.").verdict == .block)
        #expect(judge("Anton's back is wrecked, like L5 wrecked. don't tell anyone", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Mia's back better than ever! See you at practice.").verdict == .pass)
    }

    @Test("A person in a protocol is its patient; the protocol staff are trained in is a topic")
    func inAProtocol() {
        #expect(judge("Jalen Moore is in concussion protocol and out for Saturday.").verdict == .block)
        #expect(judge("Our athletic trainers Jalen Moore and Kim Lee are trained in the concussion protocol.").verdict == .pass)
    }

    @Test("Replies: wishing the reviewer well in their recovery says they were cared for")
    func recoveryWishes() {
        let review = "Thank you to the nurses on nights last weekend"
        #expect(judge("So glad to see you're home with the little one and that you're both doing great!", kind: .reply,
                      channel: "facebook", inReplyTo: review).verdict != .pass)
        #expect(judge("We miss you too! Take it easy on those stairs for a few more weeks.", kind: .reply,
                      channel: "instagram", inReplyTo: "miss you guys already").verdict != .pass)
        #expect(judge("Glad you're home for the holidays, and thank you for the kind words about our nurses!", kind: .reply,
                      channel: "facebook", inReplyTo: review).verdict == .pass)
    }

    @Test("A training scenario named before its colon makes its people characters")
    func trainingScenario() {
        let scenario = judge("#training — scenario for Saturday (made up, don't worry): \"Ana,\" 24, comes to the van asking for a pregnancy test. What do you NOT write down?")
        #expect(scenario.verdict == .pass)
        #expect(judge("Ana, 24, came to the van Saturday asking for a pregnancy test.").verdict == .block)
    }

    @Test("Replies: a name the review gives a staff title is one of ours in the reply")
    func staffTheReviewNamed() {
        let review = "My son was born on 3 West in 2019 and I still think about nurse Callie."
        #expect(judge("What a lovely message! We'll make sure Callie sees this.", kind: .reply, channel: "facebook", inReplyTo: review).verdict == .pass)
        // A name the review gives no title is still whoever the reply says it is.
        #expect(judge("What a lovely message! We hope Callie is recovering well from her surgery.", kind: .reply, channel: "facebook",
                      inReplyTo: "My son was born on 3 West in 2019 and I still think about it.").verdict == .block)
    }

    @Test("An evening event, a recertification and a fieldhouse are no one's health or name")
    func eventsAndVenues() {
        #expect(judge("Flu shot clinic for all student-athletes Tuesday 11am-3pm in the Pell Fieldhouse training room. No appointment needed.").verdict == .pass)
        #expect(judge("Coach Rafa and Trainer Kelsey just did their CPR recert and are running a free parent refresher on Nov 20.", kind: .message,
                      channel: "whatsapp").verdict == .pass)
        #expect(judge("Rafa Lopez just did his chemo and is running on fumes.", kind: .message, channel: "whatsapp").verdict != .pass)
    }

    @Test("A consented story: an age given with a past year is the age then, not a minor signing now")
    func ageThen() {
        let abdi = storyRecord("Abdirahman Yusuf", information: "name, photo, his care as a teen trauma patient in 2017, his hiring")
        #expect(story("Full circle: in 2017, 16-year-old Abdirahman Yusuf came to our trauma bay after a car crash. This month he joined our nurse residency program.", abdi).verdict == .pass)
        #expect(story("Full circle: 16-year-old Abdirahman Yusuf came to our trauma bay after a car crash and is home now.", abdi).verdict == .block)
    }

    @Test("Units as staff write them are no one's name; a bundle staff follow is no one's condition")
    func unitsAndBundles() {
        #expect(judge("Welcome to our newest nurse residency cohort! 32 new grads starting this week on Med-Surg, ICU, L&D and Peds.").verdict == .pass)
        #expect(judge("Students, bring your sepsis bundle cheat sheets tomorrow. Thanks to Marguerite Eloff for printing them!").verdict == .pass)
        #expect(judge("Marguerite Eloff is on contact precautions for C. diff in room 4.").verdict == .block)
    }

    @Test("A consented story: the person a sentence opens on, whose care the next sentence tells by pronoun, is shown")
    func careToldByPronoun() {
        let curtis = storyRecord("Curtis Vandermeer", information: "name, hip replacement, dance-hall photos")
        #expect(story("Lorraine Vandermeer was told she'd need a walker for good. Six weeks after her total knee replacement, she was dancing with her husband Curtis.", curtis).verdict == .block)
        #expect(story("Curtis Vandermeer was told he'd need a walker for good. Six weeks after his hip replacement, he was dancing with his wife Lorraine.", curtis).verdict == .pass)
    }

    @Test("A lower-case Spanish phrase opened by 'o' is a clause, not a name")
    func spanishConjunctions() {
        let names = judge("Llame si tiene dolor de cabeza fuerte, hinchazón de cara o manos, o falta de aire.").findings.filter { $0.category == .name }
        #expect(names.isEmpty)
    }

    @Test("A date with opening hours is when an event is held")
    func eventHours() {
        #expect(judge("Free flu shots for newly arrived families: Wednesday Dec 9, 10am–2pm, Welcome Bridge office, 220 Fulton St.").verdict == .pass)
        #expect(judge("Maria Lopez got her flu shot on Dec 9 and felt sick all week.").verdict == .block)
    }
}
