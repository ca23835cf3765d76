// The kinds of mistake the twelfth session's sets and reviewer showed (2026-11-30): each mechanism
// with sentences of our own that need it, and the sentence beside it that must still trip.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake (twelfth session)")
struct JudgementKindsFifteenthTests {
    @Test("A number the reader is told to call for a service is the organisation's line, without settings")
    func serviceLines() {
        #expect(judge("Hi, this is Example Dental reminding you of your cleaning on Tue 6/11 at 9:30am. Call 617-555-0100 to reschedule.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Yes! We accept most major plans. Call 617-555-0100 with any questions.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Flu shots are back! Call us at 617-555-0100 for appointments.").verdict == .pass)
        #expect(judge("Llame al 617-555-0130 para confirmar su cita.", kind: .message, channel: "sms").verdict == .pass)
        // Someone's number, even with a purpose after it, is theirs.
        #expect(judge("Call Maria at 617-555-0142 to book her follow-up.").verdict == .block)
        #expect(judge("Text me at 617-555-0142 to confirm.").verdict == .block)
        #expect(judge("Call 617-555-0142 about her results.").verdict == .block)
        // A bare call to action opening its sentence, in our voice, is our line.
        #expect(judge("Open Saturday 9 to noon. Call 617-555-0100 anytime.").verdict == .pass)
    }

    @Test("Our supervisor's or manager's line, and 'the chance to talk with you', are ours")
    func ourPeoplesLines() {
        #expect(judge("Please reach out to our scheduling supervisor directly so we can look into this privately: 617-555-0100.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We hear your frustration. Our patient relations team would welcome the chance to talk with you: 617-555-0100.", kind: .reply, channel: "google").verdict == .pass)
        // Our nurse calling you at a number: that number is yours.
        #expect(judge("Our nurse will call you at 617-555-0142 tomorrow.", kind: .reply, channel: "google").verdict > .pass)
    }

    @Test("A reply tying the reviewer's relative to how they are now, by pronoun, confirms their care")
    func relativesOutcome() {
        #expect(judge("We're so sorry your husband waited. Chest pain patients are usually triaged immediately and we're glad he's doing better now.",
                      kind: .reply, channel: "google", inReplyTo: "My husband waited 3 hours in your ER with chest pain.").verdict == .block)
        #expect(judge("We're sorry your daughter waited. Lacerations are triaged by severity, and we're glad her stitches healed well.",
                      kind: .reply, channel: "google", inReplyTo: "Waited forever with my daughter who had a cut on her chin.").verdict == .block)
        #expect(judge("We apologize. Your grandmother has since moved to a newly renovated room on the second floor.",
                      kind: .reply, channel: "yelp", inReplyTo: "My grandmother's room was dirty.").verdict == .block)
        // Only a wait, an apology and a way to talk: nothing of the relative's care.
        #expect(judge("We're so sorry your husband waited. Please call our patient relations team so we can look into it.",
                      kind: .reply, channel: "google", inReplyTo: "My husband waited 3 hours in your ER with chest pain.").verdict == .pass)
    }

    @Test("A vaccine by its brand name is health information")
    func vaccineBrands() {
        #expect(judge("Sore arms are common after Shingrix, glad yours resolved! See you for dose two in 2 months.",
                      kind: .reply, channel: "yelp", inReplyTo: "Got my shingles shot here, arm hurt for 3 days.").verdict == .block)
        #expect(judge("Shingrix and Prevnar clinics run every Saturday in December at our Main Street pharmacy.").verdict == .pass)
    }

    @Test("A name that opens the sentence after a thank-you, as its subject, is someone the reply tells about")
    func nameAfterThanks() {
        #expect(judge("Thank you! Emma has made so much progress on her trunk control since starting with Duke the pony.",
                      kind: .reply, channel: "yelp", inReplyTo: "The hippotherapy program for my daughter with cerebral palsy is amazing!").verdict == .block)
        // The reader thanked by name, alone or with a comma, is still the reader.
        #expect(judge("Thank you! Emma, we are so glad you enjoyed the program.", kind: .reply, channel: "yelp",
                      inReplyTo: "The hippotherapy program is amazing!").verdict < .block)
        #expect(judge("Thank you, Emma! We loved having you at the open house.", kind: .reply, channel: "yelp",
                      inReplyTo: "Great open house!").verdict == .pass)
    }

    @Test("The organisation's line by what surrounds it: a label asked before, a purpose before the call, the other way to reach a desk, a department label, the writer's own")
    func organisationLinesInContext() {
        #expect(judge("Our urgent care hours change Monday. Questions? Call 617-555-0100.").verdict == .pass)
        #expect(judge("You have a new message in MyChart. Questions? 617-555-0100.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("The MyChart app won't be available Sunday; for urgent needs call 617-555-0100.").verdict == .pass)
        #expect(judge("Le recordamos su cita del lunes. Para cambiarla llame al 617-555-0111.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Lamentamos lo ocurrido. Por favor llame al 617-555-0101 para hablar con nuestra coordinadora.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("We'd like to understand what happened. Please email patientrelations@example.org or call 617-555-0145.", kind: .reply, channel: "yelp").verdict == .pass)
        #expect(judge("Our truck will arrive at the loading dock at 6am. Dispatch: 617-555-0150.", kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Hi team, this is Rob from Acme Medical Supply (rob.k@example.com). Your glove order ships Monday.", kind: .message, channel: "email").verdict == .pass)
        // A person's line stays theirs.
        #expect(judge("Questions? Call Maria at 617-555-0142.").verdict == .block)
        #expect(judge("Mom's cell: 617-555-0142").verdict == .block)
        #expect(judge("Hi, this is Rob. Her daughter's cell is 617-555-0142, call her about the biopsy.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Please email jen.ostrom@example.com or call her at 617-555-0142.").verdict == .block)
    }

    @Test("A recognition header or donors before the names mark the organisation's people")
    func recognisedPeople() {
        #expect(judge("Volunteer spotlight: meet Harold Kim, 82, who has pushed the book cart through our Cancer Center every Tuesday since 2009. Harold, you are a treasure!").verdict == .pass)
        #expect(judge("Employee of the Month: Tomás Herrera from Environmental Services! Tomás keeps our ICU rooms spotless.").verdict == .pass)
        #expect(judge("Thanks to donors like Ravi and Anita Patel, kids in our community will be able to get chemotherapy close to home.").verdict == .pass)
        // A patient's spotlight names a patient.
        #expect(judge("Patient spotlight: meet Harold Kim, 82, who finished chemo in our Cancer Center this week.").verdict == .block)
    }

    @Test("An exam passed or studied for is no visit; a name called a patient is a patient whatever role heads the line")
    func examsAndQuotedPatients() {
        #expect(judge("Congrats to Raj on passing his CCRN exam!! drinks at O'Malley's Friday after shift", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Reposted from one of our nurses: \"Day 30 in the transplant unit with my favorite patient Marcus, new liver is working great!\"").verdict == .block)
        #expect(judge("To Wendell's clinic nurse (direct): biopsy result is in his chart; Dr. Osei will call him at 2pm.", kind: .message, channel: "teams").verdict < .block)
    }

    @Test("A public figure who trusted us with their care is a patient here")
    func entrustedCare() {
        #expect(judge("We're honored that Coach Ray Dunn trusted us with his knee replacement. See you on the sidelines, Coach!").verdict == .block)
        #expect(judge("Coach Ray Dunn talked about his own knee replacement at the booster club dinner.").verdict < .block)
    }

    @Test("Described people: workers, school honours, sports positions, a team's members, an official's child")
    func describedPeopleBreadth() {
        #expect(judge("Thinking of the construction worker who came into our ER after Tuesday's Route 9 scaffolding collapse, he's out of surgery.").verdict == .block)
        #expect(judge("Three members of the Westfield girls' volleyball team were treated in our ED last night after the team bus crash on I-90.").verdict == .block)
        #expect(judge("Throwback to the day the Red Sox closer came to our sports med clinic for his elbow MRI #tbt").verdict == .block)
        #expect(judge("Big thanks to the mayor's son for being such a good sport while getting stitches in our ER Saturday night").verdict == .block)
        // The same words with no one described: a team of ours, advice to everyone.
        #expect(judge("Our volleyball team won the hospital league! Congrats to every player and the coaches from 4 West.").verdict == .pass)
        #expect(judge("Cyclists: wear a helmet. Most head injuries we see in our ER could be prevented.").verdict == .pass)
    }

    @Test("Replies that confirm care without 'your': gladness at how it went, a visit thanked for, a birth congratulated")
    func repliesWithoutYour() {
        #expect(judge("Thanks, Jake! Glad the root canal went smoothly", kind: .reply, channel: "google", inReplyTo: "Great dentist visit").verdict == .block)
        #expect(judge("Thank you! Congratulations on the new baby", kind: .reply, channel: "facebook", inReplyTo: "Great experience!").verdict == .block)
        #expect(judge("Thanks for coming in! We loved meeting you.", kind: .reply, channel: "google", inReplyTo: "Nice staff").verdict == .block)
        // Thanks for choosing us, and gladness about a suite, confirm nothing.
        #expect(judge("Thank you for choosing us and for taking the time to leave feedback!", kind: .reply, channel: "google", inReplyTo: "Nice staff").verdict == .pass)
        #expect(judge("Thank you! We're glad the new MRI suite is open for the community.", kind: .reply, channel: "google", inReplyTo: "Nice new building").verdict == .pass)
    }

    @Test("Others named in a message about a recovery group; a request for who a patient is; a screenshot of a patient list")
    func groupsRequestsScreens() {
        #expect(judge("Reminder: your alcohol recovery group moved to Thursday 6pm. See you there with Kevin, Dana and Luis!", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Hi marketing, can you get the name and photo of the woman who delivered quadruplets Tuesday? Great story for the newsletter!", kind: .message, channel: "email").verdict >= .review)
        #expect(judge("What is the name of the patient portal app again?", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Screenshot of our new EHR dashboard, look how clean it is! (That's Tuesday's patient list for Dr. Cho's clinic.)", kind: .post, channel: "x").verdict >= .review)
        #expect(judge("Screenshot of our new patient portal home page: book visits, see results, message your care team.", kind: .post, channel: "x").verdict == .pass)
    }

    @Test("Encouragement only someone ill is given, beside a name")
    func fightingIllness() {
        #expect(judge("Happy 8th birthday Tyler! The whole Peds Oncology team is celebrating with you on the unit today. Keep fighting, buddy!", channel: "instagram").verdict == .block)
        #expect(judge("Happy birthday Jess! The whole 4 West team is celebrating with you on the unit today. Keep fighting for safe staffing!", channel: "instagram").verdict == .pass)
    }

    @Test("Someone who told of their own health in public is no patient of ours; an authority telling of someone is")
    func publicTellers() {
        #expect(judge("Damar Hamlin has talked publicly about his own cardiac arrest. That's his story to tell. Ours is simpler: learn hands-only CPR.").verdict == .pass)
        #expect(judge("We join the community in wishing Gov. Linda Marchetti a full recovery. As she shared at her press conference yesterday, she'll begin chemotherapy next week.").verdict < .block)
        #expect(judge("More than ten years after a famous actress wrote in a newspaper about her BRCA1 result, genetic-counselling referrals are still shaped by that essay. Our cancer genetics team saw 1,140 referrals this year.").verdict == .pass)
        // The county telling, or care here, is another matter.
        #expect(judge("PSA from your friendly pharmacist: the mpox case the county announced is the bartender at the Rusty Anchor, and he's doing fine.").verdict >= .review)
        #expect(judge("Damar Hamlin talked publicly about his cardiac arrest, which our ICU team treated here last week.").verdict == .block)
    }

    @Test("Our people by their team, their credentials, the event they lead, the title in their handle; the writer's own line in a reply")
    func ourPeopleInOtherWords() {
        #expect(judge("Information Security Month: three habits that protect our patients. Thank you to Ngozi Adeyemi and the privacy engineering team for 40 lunch-and-learns this year.", channel: "linkedin").verdict == .pass)
        #expect(judge("Happy National Neonatal Nurses Day! Our 96 NICU nurses cared for 612 babies this year. Special shout-out to Marisol Vega, RNC-NIC, celebrating 30 years at the bedside!", channel: "instagram").verdict == .pass)
        #expect(judge("Diabetes fair this Saturday at the community center! Free A1C checks, a healthy cooking demo with June Tsosie, and a walk led by our council members.").verdict == .pass)
        #expect(judge("Loved @DrOkoro's grand rounds: stroke in kids is more common than most people think.", channel: "x").verdict == .pass)
        #expect(judge("I'm sorry you feel let down. I don't discuss any client's birth in public, but I'd sincerely like to talk. You can reach me at 555-0126.", kind: .reply, channel: "google").verdict == .pass)
        // A patient thanked with her care team is still a patient; someone's manager telling the press tells nothing of their own.
        #expect(judge("Praying for Maria Lopez and her care team tonight after her stroke.").verdict == .block)
        #expect(judge("fyi the influencer from the festival is in 22, fractured ribs, her manager is out in the lobby telling press she's fine", kind: .message, channel: "slack").verdict >= .review)
    }

    @Test("Lexicon and description breadth: births, poisonings, procedures, hormones, an age set off by commas, a rank, someone the writer knows")
    func breadthOfWhoAndWhat() {
        #expect(judge("Congratulations to Mama Wairimu from Kiambu who delivered healthy triplets at our Maternity Wing last night!").verdict == .block)
        #expect(judge("Shoutout to the Khumalo family! Little Thando (4) is home after swallowing paraffin last week, thanks to our Paeds ICU team.").verdict == .block)
        #expect(judge("filled my first mife script today and it was for a girl I went to HIGH SCHOOL with. small towns man", channel: "tiktok").verdict == .block)
        #expect(judge("Rounding on 4 North this morning I met a retired Army colonel, 88, recovering from a bowel resection.", channel: "linkedin").verdict == .block)
        #expect(judge("So many of you have asked about Coach Vernell Hayes! Coach is here at St. Brigid's and doing well after his cardiac procedure.").verdict == .block)
        // Advice to everyone, and a public figure's own telling beside a service of ours, stay clean.
        #expect(judge("Keep paraffin and button batteries out of reach of children.").verdict == .pass)
        #expect(judge("Olympic swimmer Tessa Lind talked about her asthma on a podcast this week. Here are our respiratory therapist's 3 tips for exercise-induced asthma.", channel: "instagram").verdict == .pass)
    }

    @Test("Things with an article are no one; a law named after someone is not them; a plain link of ours under consent")
    func thingsAndLinks() {
        #expect(!judge("Nia taught our child life team how to give a teddy bear an IV.").findings.contains { $0.rule == "phi.name" && $0.matchedText == "teddy bear" })
        #expect(!judge("She is back to teaching Zumba at the Ashford Y. So proud!").findings.contains { $0.rule == "phi.name" && $0.matchedText.hasPrefix("Ashford") && $0.severity > .info })
        let record = ConsentRecord(id: "C-1", subject: "Bernadette Kowalczyk", information: "name, age, mammogram, lumpectomy", recipient: "the public",
                                   purpose: "screening awareness story", signed: "2026-05-01", expires: "2027-05-01",
                                   channels: [], signer: "Bernadette Kowalczyk", authority: nil)
        func story(_ text: String) -> Verdict {
            judge(text, channel: "linkedin", consent: ["C-1"], publishAt: "2026-12-01", consents: [record]).verdict
        }
        // A plain page of ours and a law named after someone are no one the story shows.
        #expect(story("Bernadette Kowalczyk, 52, almost skipped her screening mammogram. It found a stage 1 tumor. Book yours: example.org/mammo") == .pass)
        #expect(story("Bernadette Kowalczyk, 52, started therapy for burnout after her lumpectomy. #LornaBreenAct #PhysicianWellbeing") == .pass)
        // A page that names someone else is theirs.
        #expect(story("Bernadette Kowalczyk, 52, almost skipped her screening mammogram. Read more: example.org/stories/maria-lopez") != .pass)
    }

    @Test("Replies that confirm care in other words: the care hoped for, the claim, the visit thanked for by day, the booking, a named denial, 'you were seen'")
    func repliesInOtherWords() {
        func reply(_ text: String) -> Verdict { judge(text, kind: .reply, channel: "google", inReplyTo: "Not happy with my visit.").verdict }
        #expect(reply("Hope the Tamiflu kicked in quickly.") == .block)
        #expect(reply("Blue Shield denied the claim because the MRI wasn't pre-authorized.") == .block)
        #expect(reply("Thanks for visiting us on Tuesday!") == .block)
        #expect(reply("We see you're booked again Friday at 10.") == .block)
        #expect(reply("Congratulations on your new son!") == .block)
        #expect(reply("No one named Brenda was seen here on Tuesday.") == .block)
        #expect(reply("Actually, you were seen within 20 minutes.") == .block)
        // What anyone may be told stays clean.
        #expect(reply("Prior authorization rules are set by each insurer; our billing team can explain them.") == .pass)
        #expect(reply("Thanks for visiting us at the health fair booth!") == .pass)
        #expect(reply("We hope the new parking garage makes visits easier.") == .pass)
    }

    @Test("The writer's own 'just wanted you to know' is no patient's permission; psychiatry and a baby had are health")
    func permissionAndWords() {
        #expect(judge("Just wanted you to know, Margaret Hill is in our ICU after a stroke.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Your dad wanted you to know he is out of the MRI.", kind: .message, channel: "sms").verdict < .block)
        #expect(judge("Reminder: your wife Jennifer has a psychiatry appointment Tuesday.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("The mayor's wife had her baby here last week!").verdict == .block)
    }

    @Test("The fourth reviewer's kinds: Spanish words and jobs, initials as a person, a group's list by result, an alias, home exercises, a touch-up, where someone works")
    func fourthReviewersKinds() {
        #expect(judge("Bienvenida a casa, bebé Sofía, nacida a las 29 semanas en nuestra UCIN.", channel: "instagram").verdict == .block)
        #expect(judge("Chicas, el profe de matemáticas de la secundaria vino con gonorrea jajaja", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("¡Gracias, don Raúl! Nos alegra que su presión esté mejor con el nuevo medicamento.", kind: .reply, channel: "google", inReplyTo: "¡Excelente servicio!").verdict == .block)
        #expect(judge("¿alguien me abre el expediente de la señora que nos gritó ayer? quiero ver qué tiene", kind: .message, channel: "teams").verdict >= .review)
        #expect(judge("R.T., you've come so far since your first day in our intensive outpatient program. 90 days sober today!").verdict == .block)
        #expect(judge("Attached is the list of Acme Corp employees who tested positive for COVID this month, as HR requested.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("heads up, the Channel 7 weatherman is checked in under an alias in 302. don't tell anyone lol", kind: .message, channel: "slack").verdict >= .review)
        #expect(judge("Thanks Frank! Keep doing those shoulder exercises at home", kind: .reply, channel: "google", inReplyTo: "Good PT.").verdict == .block)
        #expect(judge("We're so sorry! Some asymmetry is normal in the first 2 weeks, let's get you in for a touch-up.", kind: .reply, channel: "yelp", inReplyTo: "They messed up my Botox.").verdict == .block)
        // Where someone works, the U.S., a doctor's M.D., a staff award, a public figure's own telling.
        #expect(judge("Kelly has worked in our oncology unit for 12 years.", kind: .reply, channel: "google", inReplyTo: "Loved the staff!").verdict < .block)
        #expect(judge("Flu cases are rising across the U.S. this month; Dana Ortiz, M.D., explains the vaccine.").verdict == .pass)
        #expect(judge("Nurse Jamal Brooks won the DAISY Award for his work on our cardiac ICU. Congratulations, Jamal!").verdict == .pass)
        #expect(judge("Former Senator Ellen Marsh, who has spoken publicly about living with Parkinson's, will cut the ribbon on our new neurology center Friday.").verdict == .pass)
    }

    @Test("The fifth reviewer's kinds: small practices' everyday care is care; blood pressure is no reproductive word; an appointment to be booked is no visit")
    func fifthReviewersKinds() {
        #expect(judge("Sam Patel got new glasses today!").verdict == .block)
        #expect(judge("Brittany got her lip flip with us this morning!").verdict == .block)
        #expect(judge("María Gómez tiene varicela, no vengan a la fiesta", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(!judge("Carlos, su presión arterial está mejor.", kind: .message, channel: "sms").findings.contains { $0.has(.healthHighSensitivity) })
        #expect(judge("Call 555-0150 to book your first appointment.", kind: .reply, channel: "google", inReplyTo: "Are you taking new patients?").verdict == .pass)
        #expect(judge("¡Hola! Escríbenos para agendar tu cita.", kind: .reply, channel: "google", inReplyTo: "¿Aceptan pacientes nuevos?").verdict == .pass)
        #expect(judge("Sorry about your first appointment.", kind: .reply, channel: "google", inReplyTo: "Bad visit.").verdict == .block)
        #expect(judge("Hola Sr. Ortega, le recordamos su cita de fisioterapia el jueves a las 3:00pm. Para cambiarla, llame al 555-0152.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("heads up, the Channel 7 weatherman is checked in under an alias in 302. don't tell anyone lol", kind: .message, channel: "slack").verdict >= .review)
    }

    @Test("Coming for care said with a verb; PT after a comma only; a Spanish institution's lower-case noun before its name")
    func lastRound() {
        #expect(judge("Daniel Price has been coming to our clinic since June.").verdict == .block)
        #expect(judge("Brandon Kline was seen at our clinic yesterday.").verdict == .block)
        #expect(judge("If you were seen at our clinic after 5 pm, parking is free.").verdict == .pass)
        #expect(judge("Daniel Price attended PT for his back all winter.").verdict == .block)
        #expect(judge("Knee pain after running? Marisa Lowe, PT, shows three stretches.").verdict == .pass)
        #expect(judge("Chequeo de presión arterial gratis este domingo en la parroquia Santa María.").verdict == .pass)
        #expect(judge("María Gómez tiene varicela, no vengan a la fiesta.").verdict == .block)
    }
}

