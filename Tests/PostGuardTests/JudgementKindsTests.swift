// The kinds of mistake a third verdict set written without sight of the rules showed (session
// 2026-11-29, Fixtures/verdicts-fresh3/): each mechanism with a sentence of our own that needs it, and
// the clean sentence beside it that must not trip it.
import Testing
@testable import PostGuard

@Suite("Policy: judgement by kind of mistake")
struct JudgementKindsTests {
    @Test("One person singled out by description plus one detail is a described person")
    func singledOut() {
        let singled = judge("If the guy who fixes boats down at Harlow Pier is reading this: your liver enzymes are not a joke.")
        #expect(rules(singled).contains("policy.quasi-identifiers"), "\(rules(singled))")
        // The same detail with no one singled out, and plural people, are no one in particular.
        #expect(judge("Boat owners at Harlow Pier: liver enzymes are worth checking once a year.").verdict == .pass)
        #expect(judge("Welcome to the 24 nursing students from Valley Community College starting Med-Surg this week!").verdict == .pass)
        // A team's one holder of a position, and an age set off by commas, single a person out.
        #expect(judge("Patched up the Riverton Hawks' pitcher after the 5th inning: 9 stitches above his eyebrow.").verdict == .block)
        #expect(judge("Update on Sunday's crane accident: the welder who fell, 52, is in critical condition after surgery.").verdict == .block)
        #expect(judge("Pitchers and catchers: stitches above the eyebrow heal faster when you keep them dry.").verdict == .pass)
        // An occupation naming its own business singles out its owner.
        #expect(judge("A man came into our urgent care with a fishhook in his eyelid. He runs the bait shop by the dam.").verdict == .block)
    }

    @Test("A pronoun after a named staff member is that staff member, not an unnamed patient")
    func pronounsOfNamedStaff() {
        let post = "Please congratulate Dr. Lena Farrow, our new Chief of Infectious Diseases! Her research on HIV prevention in rural counties shaped state programs, and she still sees patients every Thursday."
        #expect(judge(post).verdict == .pass, "\(rules(judge(post)))")
    }

    @Test("A unit at a ribbon-cutting is nobody's condition; a public figure's own telling in public passes")
    func settingsAndPublicFigures() {
        #expect(judge("Senator Ada Brooks joined us this morning to open our new adolescent behavioral health unit. 'Care close to home matters,' she said.").verdict == .pass)
        #expect(judge("Olympic rower Tess Hale talked about living with asthma at our Wellness Fair today.").verdict == .pass)
        // Their own health without their telling is for review; a visit to our clinic is care here.
        #expect(judge("Senator Ada Brooks is recovering from her bypass surgery.").verdict == .review)
        #expect(judge("Mayor Ada Brooks stopped by our Eastside clinic today for her flu shot!").verdict > .pass)
    }

    @Test("A results-ready notice carries no result; a result does")
    func resultNotices() {
        #expect(judge("Lakeview Clinic: your lab results are ready. Log in to the portal or call us.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Lakeview Clinic: your biopsy showed melanoma. Please call us.", kind: .message, channel: "sms").verdict == .review)
    }

    @Test("Institutions named after people or places are not people")
    func institutions() {
        #expect(judge("The Women's Health Van offers free mammograms on Oct 14 at the Grange Hall.").verdict == .pass)
        #expect(judge("To the Nurse's Office, Lincoln Elementary: flu clinic forms are attached.", kind: .message, channel: "email").verdict == .pass)
    }

    @Test("'See you' confirms a visit only with a visit or a day")
    func seeYou() {
        #expect(judge("Thank you, Vic! See you at the holiday luncheon!", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Thanks, Vic! See you at your six-month check.", kind: .reply, channel: "google").verdict == .block)
    }

    @Test("A staff member's own story in their own words is for review, not a testimonial without consent")
    func staffTellers() {
        let own = judge("After 30 years, Nurse Dee Alvarez retires Friday. In her own words: 'I beat breast cancer with this team beside me. Now I'm going fishing.'")
        #expect(own.verdict == .review, "\(rules(own))")
        // A patient's story told around a staff member still needs the patient's consent.
        let patient = judge("In her own words: 'Nurse Dee Alvarez held my hand through chemo,' says Maria Ruiz.")
        #expect(patient.verdict == .block)
        // A patient thanking a named doctor in the first person has no "own words" cue: still a
        // testimonial that needs consent, though the only name is a staff member's.
        #expect(judge("\"Thanks to Dr. Okoro and her team, I can play with my grandkids again.\" — a grateful patient").verdict == .block)
        #expect(rules(judge("Swipe for the before-and-after photos of this smile makeover! Veneers by Dr. Hale. #BeforeAndAfter")).contains("policy.consent.missing"))
    }

    @Test("Staff beside a consented patient's story are not people the story shows")
    func staffBesideConsentedStory() {
        let record = sampleRecord("C-9", subject: "Bernard Okoye", channels: ["youtube"])
        let story = judge("Bernard Okoye: living with Parkinson's. In this video Bernard talks about his deep-brain stimulation surgery with neurosurgeon Dr. Paula Venn.",
                          channel: "youtube", consent: ["C-9"], consents: [record])
        #expect(story.verdict == .pass, "\(rules(story))")
    }

    @Test("A message about the reader's relative passes on a third party's health, unless the patient asked")
    func relativesInMessages() {
        #expect(judge("don't tell anyone but your brother's girlfriend was in the ED tonight, bad asthma attack", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hi Mr. Lin, your wife asked us to text you: she's out of surgery and doing well.", kind: .message, channel: "sms").verdict == .pass)
        // The sender's own family is not the organisation's disclosure.
        #expect(judge("my mom is in the ICU again with pneumonia, can anyone cover my Saturday?", kind: .message, channel: "whatsapp").verdict < .block)
    }

    @Test("The writer's own health does not pair with a colleague named beside it")
    func writersOwnHealth() {
        #expect(judge("hey I tested positive for flu, can't come in tomorrow. I already told Dana", kind: .message, channel: "whatsapp").verdict == .pass)
        // Someone else's, beside the same colleague, does.
        #expect(judge("so apparently Dana Price tested positive for flu, she can't come in tomorrow", kind: .message, channel: "whatsapp").verdict == .block)
        // "had me up all night" is the writer as object, not the owner of what follows.
        #expect(judge("these babies had me up all night #nicu", media: [Media(path: "n.jpg", alt: "newborn baby boy in an incubator")]).verdict == .block)
    }

    @Test("A relative introduced after a consented story is in it without health of their own; a building a gift pays for is no one's care")
    func relativesAfterTheStoryAndGifts() {
        let record = sampleRecord("C-8", subject: "Nora Blake", channels: ["facebook"])
        let story = judge("Nora Blake, 71, is back in her garden six months after her knee replacement, and her son Eli never misses a visit.",
                          consent: ["C-8"], consents: [record])
        #expect(story.verdict == .pass, "\(rules(story))")
        // Health told of the relative still needs their own authorization.
        let relative = judge("Nora Blake, 71, is back in her garden after her knee replacement; her son Eli had his own knee replacement in May.",
                             consent: ["C-8"], consents: [record])
        #expect(relative.verdict == .block)
        #expect(judge("Thank you to the Whitcomb family for a gift to build a healing garden at our hospice house, in memory of their father, Lloyd.").verdict < .block)
    }

    @Test("A sentence dated more than fifty years back tells history")
    func history() {
        #expect(judge("On June 2, 1941, Lou Gehrig died of ALS at 37. This ALS Awareness Month, join our caregiver workshop.", publishAt: "2026-12-01").verdict == .pass)
        // A living patient's birth date is no history.
        #expect(rules(judge("Our patient's daughter says her mom (DOB 03/14/1951) is home and doing great.", publishAt: "2026-12-01")).contains("phi.date-numeric"))
        // Last year is no history.
        #expect(judge("On June 2, 2025, Lou Gehrig was diagnosed with ALS here.", publishAt: "2026-12-01").verdict == .block)
    }

    @Test("A reply that names someone as cared for here, and vital signs and accidents as health and events")
    func fourthSetKinds() {
        #expect(judge("We are so sorry for your loss. Walter was a joy to care for.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Thank you! Walter from our café says the soup is back on Thursdays.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Mrs. Dunn, Caleb's temperature was 99.1 when I checked him, below our send-home line.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Heartbroken tonight: we lost a 7-year-old in our PICU after the pool accident.").verdict > .pass)
    }

    @Test("One holder of an office, a school grade, a business and a local face single a person out")
    func moreSingledOut() {
        #expect(judge("Word from a friend at the hospital: the governor had a second bleed overnight and they're talking about a trach.").verdict == .block)
        #expect(judge("So proud of the 6th grader who is managing her new type 1 diabetes in class!").verdict > .pass)
        #expect(judge("when your 4pm client (the one who owns the taco truck downtown) finally admits the panic attacks started with the divorce").verdict == .block)
        #expect(judge("guess who came in for a BBL consult today, the weather lady from channel 5!", kind: .message, channel: "whatsapp").verdict == .block)
        // A flu shot at a public clinic is not enough for one detail.
        #expect(judge("The mayor got her flu shot at our public clinic today. Your turn!").verdict < .block)
    }

    @Test("A fronted phrase before 'I', and a date of a staff member, are theirs")
    func frontedOwnHealthAndStaffDates() {
        #expect(judge("After a year of chemo and radiation, I'm back at the front desk today. Thank you to my coworkers! — Rhea, Registration Lead").verdict < .block)
        #expect(judge("After a year of chemo and radiation, Maria is back home. Thank you to our oncology team!").verdict == .block)
        #expect(judge("In memoriam: Dr. Paul Varga, who practised pediatrics here for 30 years, died Oct 2 after a long illness.").verdict == .pass)
        #expect(judge("Our patient Paul Varga died Oct 2 after a long illness.").verdict == .block)
    }

    @Test("A title before the next name is that name's; one of a kind in a county; ages by decade; self-harm")
    func titlesAndOnlyOnes() {
        // "Dr." belongs to Chu, so Gary is no staff member: greeted, he is the reader.
        let reply = judge("Hi Gary, Dr. Chu called you back on Tuesday.", kind: .reply, channel: "google")
        #expect(reply.findings.contains { $0.matchedText == "Gary" && $0.message.contains("reader") }, "\(reply.findings.map(\.message))")
        #expect(judge("Had a pt last night, mid-40s, the only veterinarian in the county, kicked in the chest by a horse. Flail chest, intubated.").verdict > .pass)
        #expect(judge("Sir, we call police when a patient threatens to harm himself, as you did on Oct 3.", kind: .reply, channel: "yelp").verdict == .block)
    }

    @Test("An e-mail's recipient header is the reader's address; a test panel is a test, not a topic")
    func recipientHeadersAndPanels() {
        let header = judge("To: rebecca.l@example.org\nHi Rebecca, a relative has asked us to send you a letter about a family health history.", kind: .message, channel: "email")
        #expect(!rules(header).contains("phi.email"), "\(rules(header))")
        // The header no longer hides the third party the message sends a record about.
        #expect(judge("To: attorney@example.com\nAttaching Mrs. Dorsey's chart with her STD panel.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("Email the lawyer at kevin.marsh@gmail.com about Mrs. Dorsey's STD panel.", kind: .message, channel: "email").verdict == .block)
    }
}

// The kinds of mistake the fourth and fifth sets written without sight of the rules showed (session
// 2026-11-29, five): each mechanism with sentences of our own, and the clean sentence beside it.
@Suite("Policy: judgement by kind of mistake (fifth set)")
struct JudgementKindsFifthTests {
    @Test("A hyphen joins a term's words as a space does, in the merged matcher and a group's own pattern")
    func hyphenatedTerms() {
        let post = judge("So proud of Lena K., who finished our 10-week eating-disorder program today!")
        #expect(post.findings.contains { $0.matchedText == "eating-disorder" && $0.rule.hasPrefix("health.") }, "\(rules(post))")
        #expect(post.verdict == .block)
        // A hyphen that is no term's space is a word boundary, as before.
        #expect(judge("A heart-warming morning at the food drive, thanks Lena!").verdict == .pass)
    }

    @Test("A topic noun before a service noun names a service its graduates used")
    func dayPrograms() {
        #expect(judge("Congrats to Omar P. on finishing our eating disorder day program!").verdict == .block)
        #expect(judge("Join us for Eating Disorder Awareness Day on Feb 26, with Omar Pell of the county library.").verdict == .pass)
    }

    @Test("What money was raised for is the topic, not the named runners' or donors' condition")
    func fundraisingGoals() {
        #expect(judge("The Maple Run raised $4,100 for our cancer center! Winners: Theo Brandt and Ivy Cole.").verdict == .pass)
        #expect(judge("Theo Brandt's family raised $4,100 while he finished cancer treatment with us.").verdict == .block)
    }

    @Test("A role word straight before a name is staff; a public office is not")
    func rolesBeforeNames() {
        #expect(judge("Thanks to nurse manager Ada Quill and educator Ben Roth, whose falls-prevention work cut injuries by a third.").verdict == .pass)
        #expect(judge("Free naloxone class Monday, taught by Paramedic Lt. Ana Reyes. Last year our crews reversed 90 overdoses.").verdict == .pass)
        #expect(judge("We were honored to care for Councilwoman Ada Quill after her stroke.").verdict == .block)
    }

    @Test("A sender who says which practice they speak for is staff, not an author with a story")
    func sendersForPractices() {
        #expect(judge("Hi all, this is Rosa from Hilltop Family Medicine. Free flu shots Saturday, no insurance needed.").verdict == .pass)
        #expect(judge("This is Rosa from Toledo, who beat breast cancer with our team.").verdict == .block)
        // Signed with a clinician's title, the signature is the clinic's, not an author's own story.
        #expect(judge("Flu shots this Saturday, 9 to noon, no appointment needed. — Dr. Ada Fenn").verdict == .pass)
    }

    @Test("After a named event, a definite person word is the one it happened to")
    func eventsSingleOut() {
        #expect(judge("After the grain silo collapse at the Hale farm, the young man is in surgery for his legs.").verdict > .pass)
        #expect(judge("Silo collapses happen every harvest; surgery for crushed legs is long. Be careful out there.").verdict == .pass)
    }

    @Test("A unit's capitalised abbreviation and a number is a room; team positions are occupations")
    func roomsAndPositions() {
        #expect(judge("Night shift: the dad in PACU 3 keeps asking about his wife's epidural.").verdict == .block)
        #expect(judge("Proud of our varsity QB for coming back from his concussion at the homecoming game.").verdict == .block)
        #expect(judge("Concussions at homecoming games are common: know the return-to-play steps.").verdict == .pass)
    }

    @Test("A message addressed to a provider, a health plan or an authority is for review, not a leak")
    func coveredRecipients() {
        let referral = judge("To: Dr. Ines Paz, Ridge Cardiology. Referral for Tom Hale, new-onset atrial fibrillation, started apixaban.", kind: .message, channel: "email")
        #expect(referral.verdict == .review, "\(rules(referral))")
        #expect(judge("To: Kent County CPS intake. Mandated report: Mia Lind, 4, seen today with burns on both hands.", kind: .message, channel: "email").verdict == .review)
        // A plan gets what payment needs, not a therapist's notes; an employer gets nothing.
        #expect(judge("To: claims@example-insurer.com\nClaim for Ron Pike attached. He told his therapist he drives drunk most weekends.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("To: Gerald at Lakeside Trucking. Tom Hale has atrial fibrillation and started apixaban.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("'The only X in a place' is one person whatever X is; a place is not a person")
    func onlyOnes() {
        #expect(judge("Interesting case this week: the only licensed falconer in Birch Bend, diagnosed last month at 31 with a rare lymphoma.").verdict > .pass)
        #expect(judge("We are the only hospital in Birch Bend with a cardiac cath lab, open around the clock.").verdict == .pass)
    }

    @Test("A unit with a person in its sentence is that person's stay; a town's own worker is described")
    func settingsWithPeopleAndLocalWorkers() {
        #expect(judge("The local YouTube guy w/ 500k subscribers who stopped posting? He's been on our psych unit since Friday.").verdict > .pass)
        #expect(judge("Our new psych unit opens Friday with 20 beds. Tours at 10.").verdict == .pass)
        #expect(judge("Birch Bend's favorite school bus driver rolled his truck last night: cracked pelvis, and burns over 20%.").verdict > .pass)
    }
    @Test("An animal's name, its owner and its age are no patient's; a manikin's name is a character's")
    func animalsAndSimulations() {
        #expect(judge("Meet Pickles 🐶, a 7-yr-old lab who came to Birch Bend Animal Hospital with a swollen belly. His owner Mr. Dorn says thanks!").verdict == .pass)
        #expect(judge("The boxer who fought Saturday is recovering from a broken jaw; his owner, Mr. Dorn, thanked our team.").verdict > .pass)
        #expect(judge("Watch our students run a simulated asthma code on 'Baby Lou', our high-fidelity manikin.").verdict == .pass)
        #expect(judge("Watch our students care for Lou Dorn, who came in with an asthma attack.").verdict == .block)
        #expect(judge("Thanks to the 20 EMT students who volunteered as 'victims' with moulage burns and fake fractures at today's drill with Fire District 2.").verdict == .pass)
        // An attachment described after a colon is judged like a photo; "(scan attached)" is not one.
        #expect(judge("To: buddies@example.com\n[attachment: IMG_7.jpg — unconscious patient on the table, wristband visible]", kind: .message, channel: "email").verdict > .pass)
        #expect(judge("To: records@example.com\nThe records you requested, with the signed authorization (scan attached). — Release of Information", kind: .message, channel: "email").verdict == .pass)
    }

    @Test("An age over 89 with no care in sight is no disclosure; with a condition it is")
    func agesWithoutCare() {
        #expect(judge("My grandpa turned 101 today and still mows his own lawn. Not work related, just proud!").verdict == .pass)
        #expect(judge("Case report: a 96-year-old retired welder from Birch Bend with cardiac amyloidosis.").verdict > .pass)
        #expect(judge("Happy 101st birthday to our resident Walt!").verdict > .pass)
    }

    @Test("Family called to an incapacitated patient, and bed numbers in the care team's chat, are for review")
    func emergenciesAndTeamChats() {
        #expect(judge("Mr. Ruiz, this is the ED at Lakeside. Your daughter Ana was in a car crash and is unconscious. Please come as soon as you can.", kind: .message, channel: "sms").verdict == .review)
        #expect(judge("Mr. Ruiz, your daughter Ana had a car crash and a broken leg, lol, thought you'd want the gossip.", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Bed 12 needs a sitter tonight for fall risk; huddle at 1900.", kind: .message, channel: "teams").verdict == .review)
        #expect(judge("Bed 12 needs a sitter tonight for fall risk; huddle at 1900.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("the heroin guy in bed 12 keeps pulling his IV lol", kind: .message, channel: "teams").verdict == .block)
    }

    @Test("An exposure notice's date is everyone's; a uniform, a viral post and a visit today describe one person")
    func noticesUniformsAndViralPosts() {
        #expect(judge("Health alert: 2 cases of measles confirmed. Anyone who visited our Elm St clinic on Nov 3 between 9 and 11 am should check their records.").verdict < .block)
        #expect(judge("To the guy who came to our urgent care today in the Ace Plumbing uniform swearing his back injury was from yoga: your boss reads Facebook.").verdict > .pass)
        #expect(judge("Response to the viral video about our ER: the man who filmed it left out that his wife arrived in septic shock.").verdict > .pass)
    }

    @Test("A reminder with no health word is a reminder; a patient's photo with a name plate, sent on, is a disclosure")
    func remindersAndPhotosSentOn() {
        #expect(judge("Reminder: Ava has an appointment with Dr. Lin on Jan 9 at 10:15am. Reply Y to confirm. — Oak Street Pediatrics", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("[Group: night shift] lol look at this [video: resident in a gown, name plate on the door]", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("[Group: night shift] new break room! [photo: the break room, nobody in it]", kind: .message, channel: "whatsapp").verdict == .pass)
    }

    @Test("A marked vehicle, a named syndrome and a foreign object describe; a 'patient' played by staff is no one")
    func vehiclesSyndromesAndActors() {
        #expect(judge("To whoever parked the white van with the 'Ace Plumbing' lettering in the ambulance bay tonight: your mom is stable in the ICU, please move it.").verdict > .pass)
        #expect(judge("Our clinic confirmed only the second case of Kessler syndrome in the county, a ranch family just west of Birch Bend.").verdict > .pass)
        #expect(judge("Sepsis drill today! Our 'patient' Mr. Lane is played by Omar from our simulation team (he's fine).").verdict == .pass)
        // A hyphenated compound is one describing word; keeping someone alive is care.
        #expect(judge("not naming names but a certain Friday-night-TV weather anchor who fainted at the county fair is on our cardiac floor").verdict > .pass)
        #expect(judge("Spent my whole shift keeping alive the man who robbed the pharmacy on Friday.").verdict > .pass)
        // "OD" in capitals is an overdose; "Jane Roe, OD" is an optometrist.
        #expect(judge("3rd OD tonight and it's the same chavo from the bus station, silver Honda Civic again").verdict == .block)
        #expect(judge("Welcome Dr. Jane Roe, OD, our new optometrist!").verdict == .pass)
    }

    @Test("Sixth set: teasers, owned positions, jersey numbers; replies by attendance, offers and rights")
    func sixthSetKinds() {
        #expect(judge("Guess which local news anchor came in for lip filler today 👀").verdict > .pass)
        #expect(judge("So proud the Birch Bend Hawks' starting goalie chose us for his ACL reconstruction!").verdict > .pass)
        #expect(judge("Good news: just shingles. Bad news: he's my daughter's piano teacher and I see him Tuesday.").verdict > .pass)
        #expect(judge("Homecoming shoutout to #12, who played tonight 5 weeks after we diagnosed his concussion!").verdict > .pass)
        #expect(judge("We are ranked #1 in the state for concussion care this season.").verdict == .pass)
        #expect(judge("Physical therapy takes work, and you stopped coming after two visits.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Thanks for the feedback. Call 555-0127 if you'd like a follow-up.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Everyone has a right to their records. Our records office can help: 555-0128.", kind: .reply, channel: "google").verdict == .pass)
        // A message greeting a clinician is a referral, for review; someone dying at home is not for a group.
        #expect(judge("Dr. Amin — referring Mr. Holloway for new-onset atrial fibrillation. Echo attached via Direct.", kind: .message, channel: "email").verdict == .review)
        #expect(judge("Please keep Mr. Teo Vance in your prayers, he's actively dying at home, family is with him.", kind: .message, channel: "whatsapp").verdict == .block)
        // A capitalised word owning a carer or care is a name no list needs to hold; an eponym is not.
        #expect(judge("Dear Principal Hale, a heads-up from Zayvion's pediatrician: he was diagnosed with ADHD last week.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("Wilson's disease is rare; ask your doctor about copper tests.").verdict == .pass)
    }

    @Test("A blank whiteboard, a patient advocate and a role mailbox identify no one")
    func blanksAndRoles() {
        #expect(judge("New station reveal! We wiped the whiteboard before snapping this. [photo: empty station, blank whiteboard]").verdict == .pass)
        #expect(judge("We have invited the family to meet our patient advocate.").verdict == .pass)
        #expect(judge("Thanks for the note. Vendor visits are by appointment; email purchasing@example.org.", kind: .reply, channel: "google").verdict == .pass)
    }
}

// The kinds of mistake the seventh set written without sight of the rules showed (session
// 2026-11-30): each mechanism with sentences of our own, and the clean sentence beside it.
@Suite("Policy: judgement by kind of mistake (seventh set)")
struct JudgementKindsSeventhTests {
    @Test("A file described by its identifier columns is many patients' records; one person's form is not")
    func recordSets() {
        #expect(judge("Sending over the clinic roster now: names, DOBs, and home addresses for the vendor.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("Left a printout at the bus stop?? it lists MRNs and diagnoses, found it this morning").verdict == .block)
        #expect(judge("The sign-up sheet only needs your name and phone number.").verdict == .pass)
        #expect(judge("Our exports are de-identified: no names, DOBs or MRNs ever leave the building.").verdict == .pass)
    }

    @Test("What the reviewer did while here confirms the visit, in any language; an apology in general does not")
    func readerConduct() {
        #expect(judge("Staff had to step in because you were yelling at another family.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Señora, usted vino sin cita y el médico ya se había ido.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Sie kamen bei uns ohne Termin an, deshalb die Wartezeit.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("If anyone was rude to you, we want to hear about it: please call the office.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("Laughing at someone in care is mockery; laughing at ourselves is not")
    func laughingAtPatients() {
        #expect(judge("one guy just asked if his colonoscopy prep comes in cherry 🤣🤣 #nightshift").verdict == .block)
        #expect(judge("Night shift potluck tonight, someone bring real food this time 😂").verdict == .pass)
    }

    @Test("A street beside a person word points at one household; a town alone does not")
    func streets() {
        #expect(judge("home visits be like: my guy on Birchwood Lane hid his insulin again").verdict > .pass)
        #expect(judge("Free blood pressure checks on Birchwood Lane this Saturday!").verdict == .pass)
    }

    @Test("In a message, 'she' is the person described, not the reader")
    func messageThirdPerson() {
        #expect(judge("heads up the weatherman from channel 6 is in for a hair transplant consult, she's prepping him now", kind: .message, channel: "teams").verdict > .pass)
    }

    @Test("A chart looked up for someone the writer knows is snooping; a reminder never to is not")
    func snooping() {
        #expect(judge("just peeked at my neighbor's chart, she's pregnant again lol", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Privacy week: never look up a chart out of curiosity, even a friend's.").verdict == .pass)
    }

    @Test("A colleague's specially protected health told by someone else is blocked; their work on it is not")
    func colleaguesHealth() {
        #expect(judge("Keep Nurse Alvarez in your thoughts, she's just been diagnosed with HIV.").verdict == .block)
        #expect(judge("Meet Nurse Alvarez! She's led our HIV prevention outreach for ten years.").verdict == .pass)
    }

    @Test("Everyday conditions and French and German health words are health information")
    func breadth() {
        #expect(judge("Shoutout to Maya Fenn from 3rd grade for beating head lice at last!").verdict == .block)
        #expect(judge("Mme Laurent est revenue pour sa dépression, la pauvre.").verdict > .pass)
    }

    @Test("An age is a person noun; a teaser keeps a public figure a patient; whose specialist says what for")
    func agesTeasersSpecialists() {
        #expect(judge("Rough night: the 17yo from the county swim team learned his scan shows a tumor.").verdict > .pass)
        #expect(judge("y'all guess who walked into our STD clinic this morning... Councilman Pryor 👀", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Councilman Pryor opened our new STD clinic this morning.").verdict == .pass)
        #expect(judge("The Brandt family spoke to reporters; we can add that their son saw his cardiologist twice in May.").verdict > .pass)
        #expect(judge("Meet our new cardiologist, Dr. Vance!").verdict == .pass)
    }

    @Test("A group chat that shows its members to each other, in Spanish too, with what they share")
    func groupsInSpanish() {
        #expect(judge("Hola, los agregué a este grupo para recordarles el grupo de apoyo de VIH del martes.", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hola, les recordamos que la clínica cierra el jueves por el feriado.", kind: .message, channel: "whatsapp").verdict == .pass)
    }

    @Test("A clinician telling their own diagnosis in the first person is their story, for review, not a testimonial")
    func clinicianOwnStory() {
        let own = judge("I'm Dr. Rosa Imbert, a nephrologist here. Five years ago I was diagnosed with lupus, and today I'm telling my own story for Lupus Awareness Month.")
        #expect(own.verdict == .review, "\(rules(own))")
        // An official quoting their own public statement is theirs too.
        let official = judge("Senator Vance said it herself at the town hall: 'I was diagnosed with breast cancer, so please get screened.' Free mammograms Friday.")
        #expect(official.verdict < .block, "\(rules(official))")
        // A patient who calls it their own story is still a patient: no staff role, no exception.
        #expect(judge("Meet Rosa Imbert! 'I was diagnosed with lupus in 2021, and I'm sharing my own story so others get help.'").verdict == .block)
    }

    @Test("Who came in, passed on in a message, is a patient named; a reminder is of a visit to come")
    func arrivalsInMessages() {
        #expect(judge("omg guess who walked into the ER tonight... Pastor Reynolds from First Baptist 👀", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hi Ana, reminder: your checkup is Friday at 9. Reply C to confirm.", kind: .message, channel: "sms").verdict == .pass)
    }

    @Test("A name told beside a condition in a message is a third party even when a handle opens it")
    func handleThenName() {
        #expect(judge("@front-desk FYI the Alvarez boy's 'sprained ankle' is really a relapse of his anorexia, per his therapist", kind: .message, channel: "slack").verdict == .block)
    }

    @Test("A gathering where it happened is a detail; a teaser about who came in points at a patient")
    func gatheringsAndTeasers() {
        #expect(judge("the girl who fell off the stage at the Millbrook Spring Festival has a broken wrist, poor thing").verdict > .pass)
        #expect(judge("guess which city councilor just checked into our ICU 👀 won't say more").verdict > .pass)
        #expect(judge("Guess which of our nurses just won the hospital bake-off? 🍰").verdict == .pass)
    }

    @Test("A clinician's training in a condition is a topic, not their own care")
    func trainingIsATopic() {
        #expect(judge("Congrats to our nurse Lina Ortiz on her asthma educator certification! She starts our new asthma clinic in May.").verdict == .pass)
        #expect(judge("Thinking of our nurse Lina Ortiz as she recovers from her asthma attack last week.").verdict > .pass)
    }

    @Test("Ninth set's kinds: a jail cell, a sobriety milestone, a specimen in a reply, a writer's own job")
    func ninthSetKinds() {
        #expect(judge("quiet night in county jail medical until the detainee in cell 9 started seizing again").verdict == .block)
        #expect(judge("Huge congrats to our alum Marcus T. on 2 years sober today! 💙").verdict > .pass)
        #expect(judge("Your specimen was re-tested and the result did not change.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Hi all, I'm Dana, a nurse at Larkfield Hospice. Our grief group meets Tuesdays, open to anyone who has lost someone.").verdict == .pass)
        #expect(judge("We hear you about the crowds in flu season and added weekend hours.", kind: .reply, channel: "google").verdict == .pass)
        // A unit is no topic: "your trays on the memory care wing" places the reader there.
        #expect(judge("We'll check your breakfast trays on the memory care wing, Mrs. Lund.", kind: .reply, channel: "google").verdict > .pass)
    }

    @Test("The address of a clinic named before it, or of our office, is the place's")
    func placesAddresses() {
        #expect(judge("Flu shots and TB tests now on Saturdays at Larkfield Family Clinic, 410 Foundry Rd. Walk-ins welcome.").verdict == .pass)
        #expect(judge("CPR classes Tuesdays at our office, 22 Mill St. Call to sign up.").verdict == .pass)
        #expect(judge("Jo Rivera, 22 Mill St, finished chemo today!").verdict == .block)
    }

    @Test("Eighth set's false alarms: a greeting after a sender's prefix, a colleague's leave shared with leave, an invitation to share, where a show airs")
    func eighthSetFalseAlarms() {
        #expect(judge("Maple Dental: Hi Rosa, reminder of your cleaning tomorrow at 9. If you're having sedation, bring a driver.", kind: .message, channel: "sms").verdict < .block)
        #expect(judge("FYI team: Omar is out this week (he said we can share that he has the flu), so Priya will cover.", kind: .message, channel: "teams").verdict < .block)
        #expect(judge("Want to tell your story? Message us and our patient-stories team will walk you through a consent form first.").verdict == .pass)
        #expect(judge("Tonight at 6 on Channel 4: our ICU nurses on two years of pandemic care. Filmed in an empty training unit.").verdict == .pass)
        #expect(judge("Hi Sam! Since you finished intake for our weight-loss program, we've shared your email with our partner FitBox for a free month.", kind: .message, channel: "email").verdict == .block)
    }

    @Test("Eighth set's misses: a named resident's care team, a dose, a run report, missed sessions, 988, new hips")
    func eighthSetMisses() {
        #expect(judge("Mrs. Ferrante's care team knows how much she loves your visits.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Glad we could fit in your booster dose, Walt!", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We reviewed the run report and our crew followed protocol.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("As her surgeon noted, Ana missed 4 of 10 sessions of physio.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("A teen from Birchwood High texted 988 last night and is safe on our unit now.").verdict > .pass)
        #expect(judge("Dale and his brother Ron both got new knees this spring! [photo: the brothers with canes]").verdict > .pass)
        #expect(judge("lol my patient joined his video visit from a hot tub 💀 #telehealth").verdict == .block)
    }

    @Test("A lone lower-case everyday word is at most a possible name; before a capitalised name it is not judged alone")
    func lowerCaseWords() {
        #expect(judge("Clinical pearl: a normal troponin at 1 hour does not rule out MI. #FOAMed").verdict == .pass)
        #expect(judge("Mosquito season is here: see us if a bite gets a rash that spreads.").verdict == .pass)
        #expect(judge("Proud of her gym buddy Ren (who had his ACL reconstruction with us) for finishing the 10K!").verdict > .pass)
    }
}

@Suite("Policy: judgement by kind of mistake (tenth set)")
struct JudgementKindsTenthTests {
    @Test("A first name and a surname that is also a place word ('Hill', 'Park') is a person, unless the sentence puts it on the map")
    func placeWordSurnames() {
        #expect(judge("Tom Hill was admitted with pneumonia.").verdict == .block)
        #expect(judge("Grace Park was admitted with pneumonia last night.").verdict == .block)
        #expect(judge("Our flu clinic at Grace Park is open Saturday.").verdict == .pass)
        #expect(judge("Grace Park Elementary: flu shots for students this week.").verdict == .pass)
    }

    @Test("A capitalised word no list or dictionary knows, after a first name, is her surname; so a credential after it marks staff")
    func unknownSurnames() {
        #expect(judge("Meet our new Director of Nursing, Claudette Fairweather, RN, 20 years in dementia care.").verdict == .pass)
        #expect(judge("Claudette Fairweather was admitted with dementia.").verdict == .block)
    }

    @Test("The care team's chat talks about a patient: no reminder to them; chart shorthand ('CT head neg') is a result")
    func staffChat() {
        #expect(judge("found our patient Wendell Abara in that leaked insurer dump, looks like he did rehab in 2021?", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("Reminder: Wendell has his checkup on Friday at 10. Please reply C to confirm.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Mrs Petrakis fell at 0300, CT head neg, she's weepy", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Our new CT suite opens Monday: positive news for the valley.").verdict == .pass)
    }

    @Test("A roommate, neighbour or cousin named beside a story is a person the story shows, and needs their own record")
    func relationCues() {
        let registry = [sampleRecord("C-1", subject: "Rosalind Achebe", channels: ["facebook"])]
        let text = "Rehab reunion! Rosalind Achebe and her old roommate Dot, who had her hip done the same week, came back to visit the therapy gym today."
        #expect(judge(text, channel: "facebook", consent: ["C-1"], consents: registry).verdict == .block)
        #expect(judge("Rehab reunion! Rosalind Achebe came back to visit the therapy gym today.", channel: "facebook", consent: ["C-1"], consents: registry).verdict == .pass)
    }

    @Test("A teaser that withholds who ('can't say who, but…', 'you'll know by tomorrow') about someone in our care is a disclosure")
    func withheldTeasers() {
        #expect(judge("Can't say who, but a very well-known local politician was in our ER tonight.").verdict > .pass)
        #expect(judge("Flew a legend today, can't say who but you'll know by tomorrow. Pray for his head injury 🙏").verdict > .pass)
        #expect(judge("Can't say who won the staff bake-off yet, results Friday!").verdict == .pass)
        #expect(judge("I was in our ER all night and loved every minute of the team.").verdict == .pass)
    }

    @Test("Records offered for money, or a sheet told by its columns, are a breach however few words say so")
    func recordsForSale() {
        #expect(judge("I've got the discharge summary from when the racing driver was airlifted to us. anyone know a journalist who'd pay?", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("got 30 more from today's registration. names dob insurance ids. same price as last time?", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Request your medical records online; there is no fee to pay for the first copy.").verdict == .pass)
    }

    @Test("Replies: a denial by the records, the writer as the reader's clinician, 'patients with X find…', German compounds")
    func replies() {
        #expect(judge("We have no record of treating anyone by this name. Perhaps another dentist?", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("As your GP for nine years I have done everything I can.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We're sorry the plan felt strict. Most clients with celiac disease find the first month the hardest.", kind: .reply, channel: "yelp").verdict > .pass)
        #expect(judge("Herr Bauer, Ihre Wurzelbehandlung am 12. Mai war kompliziert.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Most patients find parking easiest on the east side. Thank you for the tip!", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("As your neighbours for forty years, we love this town too.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("A described person: a decade of age, a limb to be lost, a death at the morgue, the county's second case, a patient met")
    func describedPeople() {
        #expect(judge("Tonight in our ED: dairy farmer in his 50s, arm caught in a PTO shaft. He'll lose the arm below the elbow.").verdict == .block)
        #expect(judge("morgue tech edition: a 19-year-old from the lake accident Saturday, still in his prom wristband.").verdict == .block)
        #expect(judge("Our clinic treated the second bird flu case in Kerns County. Just pink eye, he's recovering!").verdict > .pass)
        #expect(judge("Just had a patient tell me she'd rather die than quit. She's 34 and on home oxygen.").verdict > .pass)
        #expect(judge("Most people in their 50s should be screened for colon cancer.").verdict == .pass)
        #expect(judge("Our first aid kit is stocked, just in case a camper gets a bee sting in Kerns County.").verdict == .pass)
        #expect(judge("A patient is anyone who walks through our door. She deserves respect and good care.").verdict == .pass)
    }

    @Test("Streets by number, small shared communities and a birth's timing describe a person; a clinic's street does not")
    func communities() {
        #expect(judge("to whoever on Birchwood Dr keeps sending your 15-year-old in to pick up your methadone: we cannot release it to a minor.").verdict == .block)
        #expect(judge("the sweet lady from the nursing home on 5th St recognised me, she remembered my name but not her own").verdict > .pass)
        #expect(judge("The little girl we lost to measles this week was from our church. I can't stop crying.").verdict > .pass)
        #expect(judge("Congrats to the Ramos family on their beautiful twin girls, born at 34 weeks!").verdict > .pass)
        #expect(judge("Dear families, a student at our school has measles. The clinic on 3rd St offers free shots this week.", kind: .message, channel: "email").verdict == .pass)
    }

    @Test("Staff and products are not patients: a ward sister, 'named Leader of the Year', tools that are used, CamelCase products")
    func notPatients() {
        #expect(judge("Please welcome Priya Sandhu, our new ward sister on Ward 9! Priya joins us from the stroke unit.").verdict == .pass)
        #expect(judge("Celebrating Tomeka Greer, RN, nurse manager of our cardiac step-down unit, named Leader of the Year.").verdict == .pass)
        #expect(judge("Please don't use Dropbox, WeTransfer or personal e-mail for anything clinical; the wound-care SharePoint is approved.", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("DeShawn McKenzie was admitted with pneumonia.").verdict == .block)
    }

    @Test("Names that are not people: an acronym among lower-case words, a facility in Spanish word order, a town's fire department, an imperative")
    func namesThatAreNotPeople() {
        #expect(judge("Reminder for employers: OSHA 300 logs must say 'privacy case' for needlesticks and sexual assault.").verdict == .pass)
        #expect(judge("¡Farmacia San Judas ya tiene vacunas contra la gripe! Sin cita, de lunes a sábado.").verdict == .pass)
        #expect(judge("Thank you Wrenfield Fire and PD for the salute outside the ER tonight!").verdict == .pass)
        #expect(judge("Pide tu cita para la vacuna de la gripe.").verdict == .pass)
        #expect(judge("La señora del quiosco de la plaza vino otra vez por su depresión.").verdict == .block)
        #expect(judge("IS THAT IDRIS with a broken arm in bay 2??").verdict > .pass)
    }

    @Test("A number the writer offers as their own line ('by phone:', 'our office phone:') is the organisation's; someone's phone is not")
    func ownLines() {
        #expect(judge("We're sorry to hear that. Happy to talk by phone: 555-0185.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Her phone: 555-0185, call her after six.", kind: .message, channel: "whatsapp").verdict == .block)
    }

    @Test("An animal's handler, named with a rank, is the animal's person, not a patient")
    func animalHandlers() {
        #expect(judge("Get well soon, Rex! 🐕 Our K9 had knee surgery at the vet and is resting with his handler, Officer Tom Hill.").verdict == .pass)
        #expect(judge("Officer Tom Hill had knee surgery and is resting at home.").verdict == .block)
    }

    @Test("Organs, hepatitis, life support; a POV's age and a team captain; a death in a trial")
    func thirteenthKinds() {
        #expect(judge("RIP to the 22 year old from our gene therapy trial. The liver failure happened so fast.").verdict == .block)
        #expect(judge("POV: you're 17, captain of the Westbrook lacrosse team, and now you're on ECMO because of a THC cart").verdict == .block)
        #expect(judge("It's the tall cook with the neck tattoo at Bayside Taqueria who has hep A.").verdict == .block)
        #expect(judge("Liver disease is on the rise: get screened for hepatitis at our free clinic.").verdict == .pass)
        #expect(judge("She's 34 weeks along and glowing at the baby shower we threw for our receptionist!").verdict == .pass)
    }

    @Test("Replies: the reviewer's bloods, injection, referral and a visit seen again; a teaser in a message; patients' addresses shown to each other")
    func twelfthKinds() {
        #expect(judge("Your bloods were repeated because your day-3 FSH was borderline.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Dr. Lin says it was great to see you again after your knee injection last spring!", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Officer Mercado, after the review you were referred to us for, we need your signed release.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We're sorry about your experience at the front desk last Tuesday.", kind: .reply, channel: "google").verdict > .pass)
        #expect(judge("We're sorry about your experience. Please call our office manager.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("OMG guess who's doing IVF with us — the weather presenter off the evening news!!", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("To: alumni list (all addresses visible) — the Recovery Month picnic is Sunday!", kind: .message, channel: "email").verdict == .block)
        #expect(judge("Reminder: always use Bcc when you e-mail a group of patients.", kind: .message, channel: "teams").verdict == .pass)
    }

    @Test("One holder's family, fame and a shop make a person; a lone word of a job does not")
    func holders() {
        #expect(judge("the local councillor's teenage son with impetigo AGAIN 😬").verdict > .pass)
        #expect(judge("ONE very famous local news anchor finally let us fix her eyelids 😉").verdict > .pass)
        #expect(judge("small town pharmacy life: the pastor's 16 y/o daughter bought Opill this morning").verdict > .pass)
        #expect(judge("Our councillors voted to fund free impetigo and lice checks at every school.").verdict == .pass)
    }

    @Test("Readings with their numbers, a test's own result, a casualty list's brackets, ART, withdrawal, vaccination records of named children")
    func readingsAndRecords() {
        #expect(judge("Ms. Dorsey, Jaylen's level was 6, which is below the action level.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Medic 2 arrived at 7:21; your mother was conscious and her oxygen was 91% on arrival.", kind: .reply, channel: "facebook").verdict == .block)
        #expect(judge("Anyone here know Mrs. Castellano's daughter? Her home BP cuff sent us 212/118 again.").verdict == .block)
        #expect(judge("Confirming Daniel Ortiz attended all study visits; his urine screens in our cannabis trial were positive twice.", kind: .message, channel: "email").verdict == .block)
        #expect(judge("List of people brought to Mercy from the fairgrounds: Hanna Cole (leg), Dev Arora (critical).").verdict == .block)
        #expect(judge("C-14 Marquez and C-22 Polk are the two on ART on your tier.", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("The following students may NOT return Monday until shot records are updated: Aiden K. (3rd), Bella M. (5th).").verdict == .block)
        #expect(judge("At Saturday's fair we screened 212 people; 37 had blood pressure above 140/90. Know your numbers!").verdict == .pass)
        #expect(judge("Noise levels are 40% lower in the new wing, and thirst level 100 after the 5K!").verdict == .pass)
        #expect(judge("Bring your child's shot records to registration on Monday.").verdict == .pass)
    }

    @Test("Published, not disclosed: a public figure's own announcement, an obituary's death; schedules, townships and role mailboxes are no one")
    func publishedNotDisclosed() {
        #expect(judge("Mayor Jan Ostrowski announced today that she has breast cancer and will keep working through treatment.").verdict == .pass)
        #expect(judge("Our ER treated Senator Ann Reyes for chest pain tonight.").verdict == .block)
        #expect(judge("It is with profound sadness that the Harlow Fire Department announces the line-of-duty death of Lieutenant Ray Delacroix.").verdict == .pass)
        #expect(judge("The obituary the family wrote: Frank Nolan, 81, died after his third round of chemo for pancreatic cancer.").verdict == .block)
        #expect(judge("Reminder: 7th graders need Tdap by Dec 1. Free shots at the school clinic Tue/Thu 8–3.").verdict == .pass)
        #expect(judge("11 overdoses in 48 hours in Harlan and Wells townships. Carry naloxone.").verdict == .pass)
        #expect(judge("Mobile harm-reduction van: Tue 10–2 Elm St lot. Naloxone and hep C testing.").verdict == .pass)
        #expect(judge("Questions about our donor programme: donors@example.org.", kind: .reply, channel: "google").verdict == .pass)
    }

    @Test("Portuguese, Italian and Dutch first words; AIDS in capitals; a roster with diagnoses")
    func moreLanguages() {
        #expect(judge("Sra. Beatriz, o Dr. Paulo examinou a senhora por 30 minutos e explicou a biópsia.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Un grande in bocca al lupo al nostro paziente Giorgio, il panettiere di via Roma, che domani affronta l'intervento al cuore!").verdict == .block)
        #expect(judge("Alguém me empresta o login? Quero ver as análises da Sónia, dizem que ela está grávida", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Is it true the new boy in Mrs. Keel's class has AIDS??? The nurse told my sister.").verdict > .pass)
        #expect(judge("Need a roster of everyone in 2nd Bn currently on a behavioral health profile, with diagnoses, before Friday.", kind: .message, channel: "teams").verdict > .pass)
        #expect(judge("New hearing aids and teaching aids arrived for the classroom.").verdict == .pass)
        #expect(judge("Wist je dat psoriasis niet besmettelijk is? Gratis lezing in onze kliniek.").verdict == .pass)
    }

    @Test("Fourteenth set: a bare room after 'the lady in', records passed between students, a group chat of a support group, replies about a relative's request or a refill")
    func fourteenthKinds() {
        #expect(judge("can someone put in a CT head for the lady in 12 who fell? Dr. Abara said go ahead over text", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("One woman in 8 will be diagnosed with breast cancer. Book your mammogram.").verdict == .pass)
        #expect(judge("for the care plan can u send me pics of ur pt's H&P? mine has the same dx, just blur the name lol", kind: .message, channel: "sms").verdict > .pass)
        #expect(judge("I've added everyone from Tuesday's HIV peer support group to this chat so you can keep in touch!", kind: .message, channel: "whatsapp").verdict == .block)
        #expect(judge("Hi Luis, your brother asked us not to share information with family members.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We're so sorry, Tom. That bottle was from your blood pressure refill in August.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("Hi Denise, Amber remembers you came in Monday for your FMLA paperwork.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("omg just checked the system, your ex's new gf Kayleigh was in for a scan yesterday", kind: .message, channel: "sms").verdict == .block)
        #expect(judge("Took a bullet out of a 9 year old's thigh tonight. Third kid this month from the same block.").verdict > .pass)
        #expect(judge("Fascinating case today: a gentleman of 93 with textbook endocarditis.").verdict > .pass)
        #expect(judge("Mevrouw Jansen, u bent op 12 oktober behandeld voor een ontstoken kies.", kind: .reply, channel: "google").verdict == .block)
    }

    @Test("Staff: a shift's assignments, a profession's week with its list of names, an administrator, 'it's Keisha, your nurse'; a cause in an event's name; a reminder that something is due")
    func staffAndEvents() {
        #expect(judge("RT coverage tonight: Kim has ICU, Omar has step-down and ED. Page me for any stat ABGs.", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Happy Medical Assistants Recognition Week to Amber, Luz, Keisha and Tom! From vitals to vaccines, you keep us running.").verdict == .pass)
        #expect(judge("Our oncology nurse Maria Lopez won the Daisy Award!").verdict == .pass)
        #expect(judge("Our administrator, Joyce Haley, would like to speak with you directly: administrator@example.org.", kind: .reply, channel: "google").verdict < .block)
        #expect(judge("Hi Mr. Delgado, it's Keisha, your home health nurse. I'm running 15 minutes late for today's visit.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("We're proud to walk with Mayor Lionel Brandt at Saturday's Walk to Defeat ALS.").verdict == .pass)
        #expect(judge("Reminder from Bedok Family Clinic: Aiden's 18-month vaccination is due. Reply YES to book a slot.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("Kim has cancer, Omar has the flu.", kind: .message, channel: "teams").verdict > .pass)
    }

    @Test("Fifteenth set: a colleague's health told by others, the writer's own clause, a bib, 'my 10am', a VIP suite after a teaser, named files, replies about a consent form or records of a patient")
    func fifteenthKinds() {
        #expect(judge("Please pray for our own Jenna Rourke, the ICU nurse who took a bullet to the shoulder at the concert. She's out of surgery on 4 North.").verdict > .pass)
        #expect(judge("Hi Mrs. Ferris, this is Nurse Oduya. Your husband asked me to let you know he's out of surgery and resting.", kind: .message, channel: "sms").verdict == .pass)
        #expect(judge("One of my hygienists came back from rehab for opioid addiction last month and I kept her job for her. (Jessica, you know who you are!)").verdict == .block)
        #expect(judge("Holding proof of the new novel. Slightly sick with anxiety that I'm expecting too much of it, Richard says.").verdict == .pass)
        #expect(judge("Bib #4471 went down at the 20-mile mark with chest pain; our tent got him to the ER in 11 minutes.").verdict > .pass)
        #expect(judge("satisfying blackhead extraction (my 10am today, a local youth pastor, didn't ask him but his face is cropped)").verdict > .pass)
        #expect(judge("Not saying who, but a certain Rivermen quarterback is in the VIP suite on 9 tonight 👀").verdict > .pass)
        #expect(judge("Hi Rob, here are your results as requested! Attachments: R_Fennimore_CBC.pdf, L_Gutierrez_HbA1c_lipids.pdf", kind: .message, channel: "email").verdict == .block)
        #expect(judge("We don't see any record of a patient by this name in our system.", kind: .reply, channel: "google").verdict > .pass)
        #expect(judge("As you'll recall from the consent form you signed, lightening of the skin is a known risk of cryotherapy.", kind: .reply, channel: "yelp").verdict > .pass)
        #expect(judge("Your father was kept in the hallway because all ICU beds were full that night.", kind: .reply, channel: "google").verdict == .block)
    }

    @Test("An independent review's sentences: what the new mechanisms must not let through or flag")
    func reviewedLimits() {
        // Breaches that must not pass.
        #expect(judge("Our HIV-positive volunteer Jim Cole spent the weekend at the food bank.").verdict > .pass)
        #expect(judge("Prayers for Dr. Kim, Tom Reyes and Ana Ruiz, all admitted to our ICU with COVID pneumonia.").verdict == .block)
        #expect(judge("Mrs. Lopez has trauma and depression after the crash, please be gentle.", kind: .message, channel: "teams").verdict > .pass)
        // Clean texts that must pass.
        #expect(judge("Requests for copies of medical records: $6.50 per request, cash only at the front desk.").verdict == .pass)
        #expect(judge("I cc'd everyone on the holiday schedule email, sorry for the noise!", kind: .message, channel: "email").verdict == .pass)
        #expect(judge("I've added everyone from Saturday's volunteer orientation group to this chat so you can swap shifts.", kind: .message, channel: "whatsapp").verdict == .pass)
        #expect(judge("Attached: ED_Staffing_Report.pdf for Monday's meeting.", kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Please send names phone numbers of everyone volunteering at the 5K by Friday.", kind: .message, channel: "email").verdict == .pass)
        #expect(judge("Here is the list of everyone in the step challenge with their results! Great job team.", kind: .message, channel: "teams").verdict == .pass)
        #expect(judge("Learn the warning signs of a stroke so you'll know when to call 911.").verdict == .pass)
        #expect(judge("Santa was in for a visit with our pediatric patients today!").verdict == .pass)
        #expect(judge("Congrats to Jess Moore, who is on the ICU night shift starting Monday!").verdict == .pass)
        #expect(judge("Thanks for the kind words! You can request your refills anytime through our app.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Many patients with billing questions find our online portal easiest.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Wij hopen dat u bent geholpen met deze informatie. Bel ons gerust.", kind: .reply, channel: "google").verdict == .pass)
        #expect(judge("Congratulations to Nurse Amy Ross, a veteran of 25 years on our oncology unit!").verdict == .pass)
        #expect(judge("Runners: pick up your race bib #100 at the tent. If you feel chest pain during the race, stop and flag a medic.").verdict == .pass)
        #expect(judge("We're having a patient appreciation lunch for our dialysis families on Friday.").verdict == .pass)
        #expect(judge("My 10 am today was a retired fire chief with chest pain.").verdict > .pass)
    }

    @Test("Eleventh set (after its two blind runs): public titles name a person, a relative of a named one is identified, lists moved to a personal drive, readings of a diet, attendance and forms in replies")
    func eleventhKinds() {
        #expect(judge("Honoured that our oncology team was chosen to care for Mayor Lindqvist. We've built his infusion schedule around council meetings.").verdict == .block)
        #expect(judge("Those 9 kids from the house party are all ours. 3 still intubated, and one of them is Coach Brekke's son", kind: .message, channel: "whatsapp").verdict > .pass)
        #expect(judge("Watch live: Senator Gillibrand newser on sexual assault in the military").verdict == .pass)
        #expect(judge("updated sign-out sheet is in my personal Google Drive: names, MRNs, dx and code status for all 4 teams. Don't share outside the group lol", kind: .message, channel: "slack").verdict == .block)
        #expect(judge("Reminder: never post names, DOBs or MRNs, and don't share the sign-out sheet outside the team.", kind: .message, channel: "slack").verdict == .pass)
        #expect(judge("Our sweet Mr. F in room 118 turned 93 today and finished a whole slice of cake even on his pureed diet").verdict == .block)
        #expect(judge("You attended 3 of the 12 sessions we scheduled, so the report reflected that.", kind: .reply, channel: "google").verdict == .block)
        #expect(judge("We only sent your employer the return-to-work form you signed.", kind: .reply, channel: "google").verdict > .pass)
        #expect(judge("Our 82-year-old patient from Rosarito just finished his dialysis training!").verdict > .pass)
    }
}

