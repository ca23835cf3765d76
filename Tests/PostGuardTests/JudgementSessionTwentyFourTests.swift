// The kinds of mistake the twenty-fourth session studied (2026-12-03: the sixty-sixth to sixty-ninth
// sets, blind while the twenty-third session worked): each mechanism with sentences of our own that
// need it, and the sentence beside it that must still pass.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardCatalog
@testable import PostGuardDocuments

@Suite("Policy: judgement by kind of mistake (twenty-fourth session)")
struct JudgementSessionTwentyFourTests {
    private func story(_ text: String, _ records: [ConsentRecord]) -> DocumentResult {
        judge(text, channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: records)
    }

    private func reply(_ text: String, to review: String) -> DocumentResult {
        judge(text, kind: .reply, channel: "google", inReplyTo: review)
    }

    @Test("A surname that is also a care word is the person's: the name is found and pairs with their care")
    func surnameThatIsATerm() {
        let home = judge("Maureen Foley is home after her gallbladder surgery, thanks to everyone on 3 West!")
        #expect(nameTexts(home).contains("Maureen Foley"))
        #expect(home.verdict == .block)
        // The catheter, and a procedure's capitalised name, stay care words.
        #expect(judge("Foley catheter care refresher for new grads on Tuesday in the skills lab.").verdict == .pass)
        #expect(judge("Laparoscopic Nissen fundoplication is now offered at our Westside campus.").verdict == .pass)
    }

    @Test("A role that heads a later line is the name's after it, not the line's above")
    func roleOnALaterLine() {
        let memo = judge("Subject: Tyra B.\n\nCoach Ellison,\n\nTyra Bellamy can't practice for six weeks. She's pregnant, please keep it quiet.",
                         kind: .message, channel: "email")
        #expect(memo.verdict == .block)
        // Without the subject line above it the greeting was always read so.
        #expect(judge("Coach Ellison,\n\nTyra Bellamy can't practice for six weeks. She's pregnant.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("A reply that points back at one occasion of the reviewer's (\"as it did for you that night\") tells their care")
    func occasionPointedBackAt() {
        #expect(reply("A migraine can make bright lights unbearable, as it did for you that night.", to: "The waiting room lights were awful.").verdict == .block)
        // Others' care that afternoon, with no "you" in the sentence, is why the wait was long.
        #expect(reply("We're sorry about the wait. Two emergency surgeries came in that afternoon.", to: "Left my dog waiting 2 hours for his shots").verdict == .pass)
    }

    @Test("People described by the business they run together, and a pregnancy lost, identify a couple")
    func businessRunTogether() {
        #expect(judge("Long shift. Third early loss this year for the sweet couple who run the bakery on Elm.").verdict == .block)
        #expect(judge("We run the school-based clinics in Corliss County: flu shots every Tuesday.").verdict == .pass)
    }

    @Test("A level of psychiatric care in its capitals, and a jersey at a meet, point at one athlete")
    func levelOfCareAndJersey() {
        #expect(judge("So proud of our former PHP kiddo, #22, back on the beam at the gymnastics meet tonight").verdict != .pass)
        #expect(judge("Our patient portal team is hiring a PHP developer.").verdict == .pass)
    }

    @Test("Health words in Vietnamese and Haitian Creole, and the titles those languages put before a name")
    func otherLanguages() {
        #expect(judge("Xin cầu nguyện cho ông Trần Văn Bảo, mới được chẩn đoán ung thư phổi tuần trước.").verdict == .block)
        #expect(judge("Tanpri priye pou Frè Wilner Estimé ki entène lopital la pou dyabèt li.").verdict == .block)
        // Education in those languages names no one: ordinary words are not taken for chat names.
        #expect(judge("Tìm hiểu về bệnh tiểu đường: triệu chứng, cách phòng ngừa và khi nào nên đi khám bác sĩ.").verdict == .pass)
        #expect(judge("Tansyon wo se yon maladi ki pa fè bwi. Tès tansyon gratis apre sèvis dimanch nan Legliz Batis Betèl.").verdict == .pass)
    }

    @Test("A reply speaks to the reviewer in Portuguese or Russian as in English")
    func readerInOtherLanguages() {
        #expect(reply("Sentimos muito. O médico explicou o resultado do seu exame de sangue em inglês.", to: "Não tinha intérprete.").verdict == .block)
        #expect(reply("Obrigado pelo comentário! Ligue para 555-0142 para falar com a nossa equipe.", to: "Não tinha intérprete.").verdict == .pass)
    }

    @Test("An interpreter named in their role is one of ours; the writer's own surgery in Portuguese is theirs")
    func interpretersAndOwnCare() {
        #expect(judge("Congrats to Amadou Diallo, our Fula interpreter, who has interpreted in oncology and psychiatry for 10 years!").verdict == .pass)
        #expect(judge("Oi gente! Semana que vem vou fazer minha cirurgia de joelho aqui, então a Helena me substitui até dia 20. — Roz, intérprete").verdict != .block)
        #expect(judge("Oi gente! A Helena vai fazer a cirurgia de joelho aqui semana que vem.").verdict == .block)
    }

    @Test("A relative the record lists by relation is part of the subject's authorized story")
    func relativeTheRecordLists() {
        let listed = storyRecord("Dana Kirk", information: "her name, her daughter's name, her stillbirth in March")
        let text = "With Dana Kirk's permission, we remember her daughter Lina, born sleeping in our unit in March. Dana asks us to say: you are not alone."
        #expect(story(text, [listed]).verdict == .pass)
        let notListed = storyRecord("Dana Kirk", information: "her name and her own story of loss")
        #expect(story(text, [notListed]).verdict == .block)
    }

    @Test("A described photo may hold parentheses; a name quoted from a screen before its date of birth is printed on it")
    func screenInAPhoto() {
        let selfie = judge("First-visit selfies are the best 📸 Welcome, sweet Ines!\n[Photo: our pediatrician holding a newborn; the monitor behind him shows 'OKAFOR, INES  DOB 11/18/2026 — Wt 2.91 kg (-9% BW)']")
        #expect(selfie.findings.contains { $0.rule == "phi.described-photo" })
        #expect(selfie.verdict == .block)
        #expect(judge("Our new exam rooms are ready! [Photo: an empty exam room; the monitor shows 'Welcome (Bienvenidos)']").verdict == .pass)
    }

    @Test("A teaser about a public figure on a unit, with the organ that brought them in, is passed on")
    func teaserWithAnOrgan() {
        #expect(judge("lol guess who's on 5N tonight 👀 the weather guy from Channel 9. apparently gallbladder.", kind: .message, channel: "slack").verdict != .pass)
        #expect(judge("Gallbladder attacks: when to come to the ER, and when urgent care is enough.").verdict == .pass)
    }

    @Test("A relative's death told as the subject's loss is the subject's story; a crisis call is mental-health care a record may describe")
    func lossAndCrisis() {
        let walter = storyRecord("Walter Greaves", information: "name, photo, his depression and treatment on our geriatric psychiatry unit")
        #expect(story("Last spring, severe depression after his brother's death brought Walter Greaves to our geriatric psychiatry unit. This fall he is back in his workshop.", [walter]).verdict == .pass)
        #expect(story("Last spring, severe depression after his brother's cancer diagnosis brought Walter Greaves to our geriatric psychiatry unit.", [walter]).verdict == .block)
        let caller = storyRecord("Sergio Valdés", information: "name, video, account of his 2024 crisis call")
        #expect(story("\"The night I called\": Sergio Valdés tells the story of calling our Crisis Line in 2024, with his written authorization.", [caller]).verdict == .pass)
    }

    @Test("Faces in a photo of a post that says patients or clients were there show who receives care; our own team's faces do not")
    func facesWherePatientsWere() {
        #expect(judge("Thank you to everyone who came to our holiday party, staff and patients alike! [photo: a dozen people in Santa hats by the tree, all faces visible]").verdict == .block)
        #expect(judge("Our patient portal got a makeover! [photo: our front desk team smiling, faces visible]").verdict != .block)
        // A finger-stick is care: a named attendee getting one is told of.
        #expect(judge("Great turnout at the mosque health day! Malik Haddad got his finger-stick from Nurse Amal.").verdict == .block)
    }

    @Test("A star-rated review rates the writer's own stay, whatever it asks; home again after a stay is the family's care")
    func ratedStaysAndHomecomings() {
        #expect(reply("Thank you for the feedback about your stay last week. The construction noise on 3 East is temporary.",
                      to: "★★★☆☆ nurses were kind but the drilling never stopped. who schedules construction next to a maternity ward??").verdict == .block)
        #expect(reply("Construction near our units follows infection-control rules, and quiet hours run 10pm to 6am.",
                      to: "Is it safe to have construction next to a maternity ward?").verdict == .pass)
        #expect(reply("We're so glad your husband is home safe after such a long stay!", to: "The ICU nurses were angels.").verdict == .block)
        #expect(reply("Welcome home after a long stay in Florida! Flu shots are in.", to: "Back in town, do you have flu shots?").verdict == .pass)
    }

    @Test("A stay counted on a unit, a survivor's luck, and a baby called little by name are told of someone")
    func staysSurvivorsAndLittleOnes() {
        #expect(judge("RIP Mr. Delacroix. 84 days on 5 North, the longest stay any of us remember. — the 5 North crew").verdict == .block)
        #expect(judge("Our new grads spend 12 weeks on 5 North before choosing a unit. Welcome Jenna Park and Tom Ruiz!").verdict == .pass)
        #expect(judge("That rollover on Route 4 last night? The 16 y/o driver is lucky to be alive. Buckle up.").verdict == .block)
        let zuri = judge("So proud of little Zuri, born with jaundice here three months ago!")
        #expect(nameTexts(zuri).contains("Zuri"))
        #expect(zuri.verdict == .block)
        #expect(judge("Flu shots at Little League night, Friday 6pm! Bring the whole team.").verdict == .pass)
    }

    @Test("An update on one client heads news of that person; a reply's \"your section\" is the reviewer's caesarean")
    func updatesAndSections() {
        #expect(judge("client update 🙏 R. is at the birth center now, 7cm, contractions every three minutes. send her good vibes").verdict != .pass)
        #expect(judge("Patient updates are posted in the portal every evening.").verdict == .pass)
        #expect(reply("The OR was in use for another emergency, which is why your section was delayed.", to: "waited 90 min for a c-section").verdict == .block)
    }

    @Test("Languages as their speakers write them, a masjid's name, speakers' roles in brackets and a number to contact are no patients")
    func communityNotices() {
        #expect(judge("Free HIV testing today at the mobile van. Hablamos español · Nou pale Kreyòl. #GetTested").verdict == .pass)
        #expect(judge("Free flu shots Saturday at Masjid Al-Noor, lower hall. Women vaccinated by female nurses.").verdict == .pass)
        #expect(judge("Need a TB test for work? Tagalog-speaking staff can help: call 555-0153.").verdict == .pass)
        #expect(judge("Webinar: caring for refugee patients. Speakers: Dr. Priya Raman (psychiatry), Hassan Al-Khatib (Arabic interpreter) and Marisol Quintero (promotora). Topics: screening for PTSD.").verdict == .pass)
        #expect(reply("We're sorry you feel that way. If you've had an experience with us you'd like to discuss, please contact 555-0160.", to: "Fake reviews everywhere").verdict == .pass)
        // A name in brackets after a patient is no role: "Tom (my neighbor) is in the ICU".
        #expect(judge("Tom Reyes (my neighbor) is in the ICU after his stroke.").verdict == .block)
    }

    @Test("A nickname a story gives in quotes inside the full name is the consented person; a unit of time is no chat name")
    func quotedNicknamesAndMinutes() {
        let record = storyRecord("Gwendolyn Pratt", information: "name, nickname, photo, gallbladder surgery and recovery on 3 West")
        #expect(story("Gwendolyn 'Winnie' Pratt was recovering on 3 West from her gallbladder surgery when the fire alarm went off. Winnie held nurse Obi's hand the whole time.", [record]).verdict == .pass)
        // Someone else called by a nickname the story never ties to her is not covered.
        #expect(story("Gwendolyn Pratt was recovering on 3 West from her gallbladder surgery. Her roommate Dotty was on oxygen all week.", [record]).verdict == .block)
        #expect(nameTexts(judge("Reminder: please arrive 15 min early for your flu shot clinic shift. Thanks! - Rhonda", kind: .message, channel: "sms")).allSatisfy { !$0.contains("min") })
    }
}
