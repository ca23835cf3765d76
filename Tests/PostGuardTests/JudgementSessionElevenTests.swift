// The kinds of mistake the twenty-first and twenty-fifth verdict sets showed once they were opened
// for study (session 2026-11-30, eleventh; they had been kept unseen since they were written): each
// mechanism with sentences of our own that need it, and the sentence beside it that must still trip.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (eleventh session)")
struct JudgementKindsThirteenthTests {
    @Test("A capitalised word between 'a' and a noun is a town or a brand, not a person; a listed name keeps its reading")
    func modifierIsNoName() {
        #expect(judge("Welcome Dr. Ana Ruiz to Harbor Cardiology, specializing in heart failure. She's a Millbrook native and a dad's best friend.").verdict == .pass)
        #expect(judge("Welcome Dr. Ana Ruiz to Harbor Cardiology, specializing in heart failure. She drives a Corolla daily.").verdict == .pass)
        // Someone named is still named.
        #expect(judge("Millbrook had a stroke last week and is on our neuro floor.").verdict == .block)
    }

    @Test("Short capitals joined by hyphens are a specialty, not a shouted name")
    func hyphenatedAcronyms() {
        #expect(judge("Dr. Lena Ortiz, OB-GYN, answers your questions live on the HPV vaccine and Pap tests.").verdict == .pass)
        #expect(judge("Dr. Lena Ortiz, ENT-ICU liaison, explains tracheostomy care at our free class.").verdict == .pass)
    }

    @Test("A bare role after a name in a signature marks one of our people")
    func signatureRoles() {
        #expect(judge("Shaky hands and sweating can mean low blood sugar: take 15 g of fast carbs. — Paula, nurse educator").verdict == .pass)
        #expect(judge("Flu shots save lives this winter. Questions? Ask Dev Patel, lead pharmacist, at the counter.").verdict == .pass)
        // A name with a diagnosis and no role is a patient's.
        #expect(judge("Shaky hands and sweating: Paula had low blood sugar again at lunch.").verdict > .pass)
    }

    @Test("A field of work against a condition is a topic")
    func fieldsOfWork() {
        #expect(judge("Thank you Marco, Tish and the whole crew: the people who clean our hospital ARE infection prevention.").verdict == .pass)
        #expect(judge("Thank you Marco for the wound care today, the infection is clearing.").verdict > .pass)
    }

    @Test("A practice reminding a family of a child's visit, in Spanish or as 'has his': the child is the family's")
    func familyRemindersInOtherWords() {
        #expect(judge("Hi Mrs. Ramos, this is Millbrook Pediatrics reminding you that Diego has his 4-year vaccines on Monday Dec 7 at 10:00. Please bring his vaccine card.", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Hola Sra. Ramos, le escribimos de Millbrook Pediatrics para recordarle que Diego tiene su vacuna de los 4 años el lunes. Traiga su cartilla de vacunación.", kind: .message, channel: "whatsapp").verdict == .pass)
        // Someone else's child with a diagnosis, to a group, is no reminder.
        #expect(judge("Hi all, reminder: Diego Ramos has strep, please bring your kids' shot cards Monday.", kind: .message, channel: "whatsapp").verdict > .pass)
    }
}

@Suite("Policy: judgement by kind of mistake (eleventh session, second part)")
struct JudgementKindsFourteenthTests {
    @Test("A public figure's health as others tell it is no public telling of their own; their own words are")
    func hearsayAboutPublicFigures() {
        #expect(judge("Singer Lyra Vance was brought in last night — a friend on 6 West says it was an overdose.", channel: "x").verdict == .block)
        #expect(judge("Rumors are true: Mayor Dennis Quill is recovering after his bypass surgery.").verdict == .block)
        #expect(judge("Mayor Dennis Quill told reporters today he is recovering well after his bypass surgery.").verdict == .pass)
    }

    @Test("A named person's own care here names a patient; an offer or a disclaimer before it does not")
    func ownedCareContacts() {
        #expect(judge("Carla Ruiz had her procedure with us on Friday and she's recovering well.").verdict == .block)
        #expect(judge("Yes, your ex-wife Carla had her procedure with us on Friday, but we can't share anything else.", kind: .message, channel: "facebook").verdict == .block)
        #expect(judge("Meet Carla Ruiz, our new scheduler: call her to book your follow-up.").verdict == .pass)
    }

    @Test("A signer is the author unless the text tells of them as she or he; a work message signed is no story")
    func signers() {
        #expect(judge("MRI 2 is down until 2pm — reroute outpatient slots to MRI 1 pls. –Dana", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Listen to that neck! this is Kelsey, a 911 dispatcher who's been getting migraines. She said 'finally' after the first one.", channel: "instagram").verdict == .block)
    }

    @Test("Names that are no people: a team named for a treatment, an instrument, a headline's word, a lower-case 'miss'")
    func notNames() {
        #expect(judge("Shout-out to our infusion nurses' team \"Chemo Sabe\" for the best costumes at the cancer research 5K!").verdict == .pass)
        #expect(judge("Arthroscopic meniscus repair, narrated by Dr. Alvarez (arthroscope view only), for education.", channel: "youtube").verdict <= .review)
        #expect(judge("update on Biscuit the therapy dog: surgery went great, vet says rest. he's gonna miss Tuesday ortho visits", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Our BRCA previvor support group meets monthly. Questions? Call our genetic counselor, Mira Koh, at 555-0117.").verdict == .pass)
    }

    @Test("A teaser withheld with 'gonna', a patient 'on our unit', a story 'all over the news'")
    func teasers() {
        #expect(judge("not gonna say who but the lady w/ the triplets all over the news? yeah she's on our unit. two still on vents", channel: "x").verdict == .block)
        #expect(judge("I'm going to say who won the raffle at noon! Flu shots in the lobby.", channel: "x").verdict == .pass)
    }

    @Test("Staff initials as a job and a colleague's own before/after; 'he' after a therapy dog is the dog")
    func staffAndAnimals() {
        #expect(judge("our PT Marcus demos 3 exercises for runner's knee #physicaltherapy", channel: "tiktok").verdict == .pass)
        #expect(judge("Yes, dermatologists get peels too! Here's Dr. Lena Oduya's own before/after from her peel last month.", channel: "instagram").verdict <= .review)
        #expect(judge("Thanks for flagging! That's Biscuit, our certified therapy dog. He visits Tuesdays only.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Thanks for flagging! He visits us Tuesdays for his dialysis.", kind: .reply, channel: "google").verdict == .block)
    }

    @Test("A link of everyday words is a page; a link with a name is a person's")
    func links() {
        #expect(judge("Maria Lopez had a stroke. Donate to our stroke unit at example.org/donate").findings.contains { $0.rule == "phi.url" && $0.severity == .info })
        #expect(judge("Maria Lopez had a stroke. Read her story at example.org/stories/maria-lopez").findings.contains { $0.rule == "phi.url" && $0.severity == .review })
    }

    @Test("Under a valid record the story's care facility and its own page are covered; what a relative did for the patient is the patient's")
    func consentCoverage() {
        let record = ConsentRecord(id: "C-1", subject: "Walter Perkins", information: "name, cardiac arrest, stent", recipient: "the public",
                                   purpose: "patient story for our website", signed: "2026-05-01", expires: "2027-05-01",
                                   channels: ["website"], signer: "Linda Perkins", authority: "health care proxy")
        func story(_ text: String) -> Verdict {
            judge(text, channel: "website", consent: ["C-1"], publishAt: "2026-12-01", consents: [record]).verdict
        }
        #expect(story("Walter Perkins, 71, rang the bell at Millbrook Heart Center after his stent. His full story: example.org/stories/walter-perkins") == .pass)
        #expect(story("Walter Perkins collapsed from a cardiac arrest. His granddaughter started CPR and paramedics brought him to us.") == .pass)
        // A relative's own health is theirs, and needs their own record.
        #expect(story("Walter Perkins collapsed from a cardiac arrest. His granddaughter has asthma and stayed with him.") == .block)
    }

    @Test("A reply that names the relative the review was written about confirms their care; thanking the reader or naming whom to call does not")
    func replyNamesReviewedRelative() {
        func reply(_ text: String, to review: String) -> Verdict {
            let policy = Policy(today: CalendarDate(iso: "2026-11-22")!)
            let document = Document(source: "t", text: text, kind: .reply, channel: "google", inReplyTo: review)
            return Scanner(library: shippedLibrary, policy: policy).check(document, scratch: MatchScratch()).result.verdict
        }
        #expect(reply("Thank you! We're so glad Emma is back at school and eating lunch with her friends again.",
                      to: "The nurses on the eating disorder unit were wonderful to my daughter.") == .block)
        #expect(reply("Ron worked so hard. Tell him the whole team says hi!", to: "Thank you for helping my husband Ron get sober.") == .block)
        #expect(reply("Thank you for your kind words, Linda. We'll pass them along to our team.", to: "Thank you for helping my husband Ron get sober.") == .pass)
        #expect(reply("We can't discuss any individual here. Please call our director of nursing, Gina Alvarez, at 555-0127.",
                      to: "Sent my mom here for respite and she came home with bruises.") == .pass)
        // In Spanish too: leaving treatment against medical advice.
        #expect(judge("Señora, su hijo Kevin dejó el tratamiento después de dos semanas en contra del consejo médico.", kind: .reply, channel: "google").verdict == .block)
    }

    @Test("The organisation's own address, inbox and events; anyone's friend; a job named for whom it treats")
    func organisationsOwn() {
        #expect(judge("Sunnybrook Counseling is moving! Starting Jan 5 we'll be at 42 Birch Lane, Suite 3. Same therapists, more parking.", channel: "nextdoor").verdict == .pass)
        #expect(judge("¡Estamos contratando! Consejeros para nuestro programa de tratamiento de adicciones. Envía tu CV a empleos@example.org", channel: "x").verdict == .pass)
        #expect(judge("People in recovery are our neighbours too, and we'd love to see you at our community meeting on Dec 9.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Reminder: what's said in group stays in group. Bring a friend in recovery if they want to check it out!", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("In this issue: holiday stress tips and a warm welcome to child psychiatrist Dr. Amara Singh!", kind: .message, channel: "email").verdict == .pass)
        // A particular friend's health, passed on, still is.
        #expect(judge("heads up, your friend Tasha is in recovery again after the relapse", kind: .message, channel: "sms").verdict > .pass)
    }

    @Test("The writer introducing themself tells their own story, for review")
    func selfIntroduction() {
        let own = judge("Hi, I'm Carlos, peer recovery specialist here. 9 years clean from heroin. I got Narcan'd twice before treatment.", channel: "tiktok")
        #expect(own.verdict == .review)
        #expect(!own.findings.contains { $0.category == .name && $0.matchedText.hasPrefix("I") })
    }

    @Test("Replies that confirm a visit by its intake, the reader's screening, or how often they come in")
    func repliesConfirmingVisits() {
        #expect(judge("We don't discriminate. When you arrived on 11/3 you weren't able to complete intake, so we offered the next morning.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We're sorry your screening was uncomfortable! Compression can be tender with dense breast tissue like yours.", kind: .reply, channel: "zocdoc").verdict == .block)
        #expect(judge("Thanks! Since you're in twice a week, ask the front desk for a parking pass.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Thanks for the kind words! Ask the front desk about parking passes any time.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We apologise. Dr. Hale was delayed by an emergency with another patient, a teenager who had to be restrained.", kind: .reply, channel: "zocdoc").verdict == .block)
    }

    @Test("A described person by job and employer, by a newsworthy rescue, a handle with care done to 'that hamstring'; a signed first-person testimonial")
    func describedAndTestimonial() {
        #expect(judge("Case of the week: 28M, software engineer at Brinlow Labs here in town, 3rd admit for mania this year.", channel: "x").verdict == .block)
        #expect(judge("The teen pulled from Carver Falls quarry on Sunday is receiving care on our unit and is medically stable.", channel: "x").verdict == .block)
        #expect(judge("Welcome back to the track, @daniruiz_runs! So proud our team repaired that hamstring in August.", channel: "instagram").verdict == .block)
        #expect(judge("\"Dr. Achebe and the team got me through my AFib ablation without a hiccup.\" — Harold Pine, Colfax Ridge", channel: "website").verdict == .block)
        #expect(judge("\"I love my team and the work we do every night.\" — Jane Doe, CNO", channel: "website").verdict == .pass)
    }

    @Test("The organisation's numbers by a department or a line of ours; a bare number is the settings' to name; a person's stays theirs")
    func organisationNumbers() {
        #expect(judge("Our recovery line is open 24/7 at 617-555-0170.").verdict == .pass)
        #expect(judge("Lamentamos su frustración. Llame a facturación al 617-555-0155.", kind: .reply, channel: "google").verdict == .pass)
        // "Call 617-555-0142" says nothing of whose line it is, unless the settings list it.
        let text = "Breast Cancer Awareness Month: book your screening mammogram today, call 617-555-0142."
        #expect(judge(text).verdict == .block)
        var organisation = Organisation()
        organisation.phones = ["617-555-0142"]
        #expect(judge(text, organisation: organisation).verdict == .pass)
        #expect(judge("We can't discuss account details here, but our billing office would be glad to help at 617-555-0155.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Call Maria at 617-555-0142, she had the biopsy today.").verdict == .block)
    }

    @Test("Denials in other words, a regular patient, and what is no one's: a service offered, a bed being cleaned, an IT ticket")
    func repliesAndLogistics() {
        #expect(judge("Sorry, but you weren't our patient — this review must be meant for another clinic.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Lo sentimos, pero usted nunca fue paciente nuestro.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("As one of our regular patients, you know we usually move faster.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Thank you! We love our patients and we hope you visit our health fair.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Thank you! We hope your visit went well.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("So sorry! Waits are frustrating. Our online check-in can save you time.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We reviewed your December 3rd telehealth appointment and the counselor was reminded.", kind: .reply, channel: "zocdoc").verdict == .block)
        #expect(judge("ED bed 7 is being deep-cleaned, please don't assign it until 3pm.", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("The Pyxis on 3 East is down again, IT ticket #48211 is open.", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Flu shots, no appointment needed: walk in Mon–Fri 8–6 at 42 Birch Lane.").verdict == .pass)
    }

    @Test("A colleague from or in a unit, in a sentence about work, works there; a patient in a unit stays a patient")
    func colleaguesByUnit() {
        #expect(judge("Hey it's Dana from L&D, I've got the flu today and need to call out. Sorry!!", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Thanks to Kofi in the ICU for covering my shift last night!", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Mr. Smith in the ICU is asking for his wife. Please call the family.", kind: .message, channel: "teams").verdict == .block)
    }

    @Test("An expiry event dated by its own words has happened by then; an undated one is the privacy officer's")
    func eventDatedExpiry() {
        #expect(CalendarDate.lastDayNamed(in: "conclusion of the Spring Gala (April 18, 2026)") == CalendarDate(iso: "2026-04-18"))
        #expect(CalendarDate.lastDayNamed(in: "close of the October 2026 Heart Walk campaign") == CalendarDate(iso: "2026-10-31"))
        #expect(CalendarDate.lastDayNamed(in: "end of the 2027 stroke-awareness campaign") == CalendarDate(iso: "2027-12-31"))
        #expect(CalendarDate.lastDayNamed(in: "one year after the dedication ceremony") == nil)
        func record(_ event: String) -> ConsentRecord {
            ConsentRecord(id: "C-1", subject: "Owen Pritchard", information: "name, bypass, cardiac rehab", recipient: "the public",
                          purpose: "Heart Walk patient story", signed: "2026-05-01", expiresEvent: event, channels: ["facebook"], signer: "Owen Pritchard")
        }
        let story = "Heart Walk hero: Owen Pritchard finished cardiac rehab after his triple bypass!"
        #expect(judge(story, consent: ["C-1"], publishAt: "2026-12-01", consents: [record("close of the October 2026 Heart Walk campaign")]).verdict == .block)
        #expect(judge(story, consent: ["C-1"], publishAt: "2026-12-01", consents: [record("close of the October 2027 Heart Walk campaign")]).verdict == .pass)
        #expect(judge(story, consent: ["C-1"], publishAt: "2026-12-01", consents: [record("the end of the Heart Walk campaign")]).verdict == .pass)
    }

    @Test("Anyone else's kid is no one in particular; a cousin's kid is someone")
    func anyonesRelative() {
        #expect(judge("anyone else's kid have strep rn?? my whole house is down, calling out tmrw", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("fyi your cousin's kid has strep, saw him in clinic", kind: .message, channel: "whatsapp").verdict == .block)
    }

    @Test("A message naming someone as a patient without a clinical word; a colleague covering patients is not one")
    func messagesNamingPatients() {
        #expect(judge("Mr. Delgado is a patient here.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Ellen Marsh checked in at 2.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Can you pull Dolores Vega's chart and text me a pic? I'm covering for Lisa", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("lol just saw my ex's new girlfriend Kayla Brandt on our OB clinic schedule for tomorrow", kind: .message, channel: "sms").verdict == .block)
        // In the care team's own chat, for review.
        #expect(judge("Ellen Marsh checked in at 2.", kind: .message, channel: "teams").verdict == .review)
        #expect(judge("hey team, I'll be out Friday for my own MRI. Jess is covering my patients", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Our longtime board member Stanley Kowalczyk's gift will fund two new nurse navigators at our Cancer Center.").verdict == .pass)
    }

    @Test("A school nurse reminding a parent of their own child's medicine; exam practice; a role mailbox; a repost; a writer who works here")
    func otherWordsOfOurOwn() {
        #expect(judge("Hi, this is Nurse Paula at Lincoln Elementary. Just a reminder that your child's inhaler expires next month, please send a new one.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("fyi your son has strep, saw him at the clinic, don't tell him I told u", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("NCLEX practice: a 45-year-old teacher comes to the ED with crushing chest pain radiating to her jaw. What's your first action?").verdict == .pass)
        #expect(judge("We're so sorry. Our patient advocate would like to hear from you at advocate@example.org.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Repost from @maria_g_92: 'Thank you for getting me through my lupus flare' We're so glad you're feeling better, Maria!", channel: "instagram").verdict == .block)
        #expect(judge("Five years ago today I was diagnosed with Hodgkin lymphoma. Today I work as a nurse on the same oncology floor.", channel: "instagram").verdict == .review)
    }
}

