// The policy layer on both sides of each line: what combines into a block, what stays a review,
// and what passes.
import Foundation
import Testing
@testable import PostGuard

func judge(_ text: String, kind: DocumentKind = .post, channel: String? = "facebook", consent: [String] = [],
           publishAt: String? = nil, media: [Media] = [], organisation: Organisation = Organisation(),
           consents: [ConsentRecord]? = nil, inReplyTo: String? = nil) -> DocumentResult {
    let policy = Policy(consents: consents.map { ConsentTable($0) }, organisation: organisation,
                        today: CalendarDate(iso: "2026-11-22")!)
    let document = Document(source: "t", text: text, kind: kind, channel: channel, consent: consent, inReplyTo: inReplyTo, publishAt: publishAt, media: media)
    return Scanner(library: shippedLibrary, policy: policy).check(document, scratch: MatchScratch()).result
}

func rules(_ result: DocumentResult, atLeast severity: Severity = .review) -> Set<String> {
    Set(result.findings.filter { $0.severity >= severity }.map(\.rule))
}

@Suite("Policy: combinations")
struct CombinationTests {
    @Test("A post: a person and health information in one paragraph block; apart, they do not combine")
    func personAndHealth() {
        let together = judge("Get well soon, Gloria Fenwick! We hear the pneumonia is finally clearing.")
        #expect(together.verdict == .block)
        #expect(rules(together).contains("policy.identifiable-health-info"))
        let apart = judge("Congratulations to Gloria Fenwick on her retirement party!\n\nFlu season tip: pneumonia vaccines are available.")
        #expect(!rules(apart).contains("policy.identifiable-health-info"))
    }

    @Test("A reply naming the reviewer by their display name (from the export) next to their care confirms it")
    func reviewerDisplayName() {
        let text = "so glad zyxa is healing well after the root canal!"
        let policy = Policy(today: CalendarDate(iso: "2026-11-22")!)
        var document = Document(source: "t", text: text, kind: .reply, channel: "google")
        let scanner = Scanner(library: shippedLibrary, policy: policy)
        let unknown = scanner.check(document, scratch: MatchScratch()).result
        #expect(!rules(unknown).contains("policy.reply.discusses-care"))
        document.inReplyToAuthor = "Zyxa Q."
        let known = scanner.check(document, scratch: MatchScratch()).result
        #expect(known.verdict == .block)
        #expect(known.findings.contains { $0.rule == "policy.reply.discusses-care" && $0.message.contains("named") })
    }

    @Test("Health information about nobody in particular passes")
    func healthEducation() {
        let result = judge("Flu season is here: get your shot. We performed 1,200 knee replacements in 2025.")
        #expect(result.verdict == .pass)
        #expect(result.findings.contains { $0.category.rawValue == "health-info" && $0.severity == .info })
    }

    @Test("Specially protected information says so")
    func highSensitivity() throws {
        let result = judge("Prayers for Brian Tuck, in detox again after his overdose.")
        let finding = try #require(result.findings.first { $0.rule == "policy.identifiable-health-info" })
        #expect(finding.message.contains("protects beyond HIPAA"))
    }

    @Test("A named patient blocks even without health words")
    func namedPatient() {
        #expect(judge("Welcome home to our patient Jamie Ortiz!").verdict == .block)
        #expect(judge("Our patients love the new garden.").verdict == .pass)
    }

    @Test("No name, but an age, an occupation, a town or an event together with health information blocks")
    func quasiIdentifiers() {
        // An invented town: a real one (Millbrook, in the gazetteer) is itself an address identifier.
        let result = judge("Case of the week: a 34-year-old teacher from Quillmoor, admitted with lupus nephritis.")
        #expect(result.verdict == .block)
        #expect(rules(result).contains("policy.quasi-identifiers"))
        #expect(judge("Case of the week: a 34-year-old teacher from Millbrook, admitted with lupus nephritis.").verdict == .block)
        // One detail alone, or details without health information, do not.
        #expect(!rules(judge("A 34-year-old was admitted with pneumonia this week.")).contains("policy.quasi-identifiers"))
        #expect(judge("Meet our volunteer: a retired bus driver from Cedar Falls, aged 67!").verdict == .pass)
    }

    @Test("A phone alone is held up; a name or a link with no care context passes")
    func identifiersAlone() {
        #expect(judge("Call me at 617-555-0142 about the bake sale.").verdict > .pass)
        // Safe Harbor needs an identifier and health information: a name alone says nothing of health.
        #expect(judge("Thanks to Kevin Marsh for returning the wallet.").verdict == .pass)
        #expect(judge("Read more at https://news.example.com/story").verdict == .pass)
        // One word of care anywhere brings the name back to judgement.
        #expect(judge("Thanks to Kevin Marsh for returning the wallet. Our patient says thank you.").verdict > .pass)
    }

    @Test("A reply that mentions the reviewer's care blocks, even with no name; an offline reply passes")
    func replies() {
        let confirms = judge("We're sorry your crown came loose. Please call us.", kind: .reply, channel: "yelp")
        #expect(confirms.verdict == .block)
        let offline = judge("We take every concern seriously and can't discuss details here. Please call Patient Relations at 617-555-0100.",
                            kind: .reply, channel: "yelp", organisation: { var o = Organisation(); o.phones = ["617-555-0100"]; return o }())
        #expect(offline.verdict == .pass, "\(rules(offline))")
    }

    @Test("Messages: a reader's own result is minimum-necessary review; a third party's health blocks; a reminder passes")
    func messages() {
        let own = judge("Good news: your biopsy came back benign.", kind: .message, channel: "whatsapp")
        #expect(own.verdict == .review)
        #expect(rules(own).contains("policy.message.clinical-detail"))
        let third = judge("Heads up: Gloria Fenwick tested positive for C. diff, contact precautions please.", kind: .message, channel: "whatsapp")
        #expect(third.verdict == .block)
        #expect(judge("Reminder: your appointment is Tuesday at 3 pm at the Main Street clinic.", kind: .message, channel: "whatsapp").verdict == .pass)
    }

    @Test("Messages: the greeted reader's own results are review; a third party named beside 'your' blocks")
    func greetedReader() {
        #expect(judge("Hi Maria, your biopsy results came back benign.", kind: .message, channel: "whatsapp").verdict == .review)
        let third = judge("Hi Maria, your husband Jorge Ruiz tested positive for influenza.", kind: .message, channel: "whatsapp")
        #expect(third.verdict == .block)
        #expect(rules(third).contains("policy.identifiable-health-info"))
    }

    @Test("Alt text is scanned like the text")
    func altText() {
        let media = [Media(path: "img/crew.jpg", alt: "Nurses at the station; the census board behind them lists names and rooms")]
        let result = judge("Night shift crew! #NursesRock", media: media)
        #expect(result.verdict == .block)
        #expect(result.findings.contains { $0.message.hasPrefix("In the alt text of attachment 1") })
        #expect(judge("Night shift crew!", media: [Media(path: "img/crew.jpg", alt: "Five nurses smiling")]).verdict == .review)
    }
}

@Suite("Policy: organisation settings")
struct OrganisationTests {
    var organisation: Organisation {
        var o = Organisation()
        o.phones = ["(617) 555-0100"]
        o.domains = ["example-health.org"]
        o.staff = ["Dana Whitfield", "Dr. Amara Okafor"]
        o.places = ["Maple Grove"]
        return o
    }

    @Test("accounts: in an exported chat the organisation's messages are judged, the patient's own are context")
    func accounts() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chat = folder.appendingPathComponent("WhatsApp Chat with Lena Example.txt")
        try Data("""
            3/15/24, 10:17 AM - Lena Example: My HIV test came back positive, call me at 617-555-0142
            3/15/24, 10:18 AM - Riverside Front Desk: Your neighbor Tom Reyes was admitted with an overdose last night.
            3/15/24, 10:19 AM - Riverside Front Desk: Thanks Lena, please call us at 617-555-0100.

            """.utf8).write(to: chat)
        // Not named postguard.yaml: the run without --config below must not find it beside the chat.
        let config = folder.appendingPathComponent("organisation.yaml")
        try Data("phones: [617-555-0100]\naccounts: {WhatsApp: [Riverside Front Desk]}\n".utf8).write(to: config)
        let run = try runPostGuard(["check", "--format", "json", "--config", config.path, "--show-phi", chat.path])
        #expect(run.status == 1, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let verdicts = (report["documents"] as? [[String: Any]] ?? []).map { $0["verdict"] as? String ?? "" }
        #expect(verdicts == ["pass", "block", "pass"])
        // Without the setting, every message is judged as the organisation's.
        let plain = try runPostGuard(["check", "--format", "json", chat.path])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect((all["documents"] as? [[String: Any]] ?? []).first?["verdict"] as? String == "block")
        // A list is required per channel.
        try Data("accounts: {whatsapp: Riverside}\n".utf8).write(to: config)
        let wrong = try runPostGuard(["check", "--config", config.path, chat.path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("'accounts' must be channels, each with a list of the organisation's own sender names"))
    }

    @Test("The organisation's own numbers, domains, staff and places are not identifiers")
    func ownDetails() {
        #expect(judge("Call our main line at 617-555-0100 or visit www.example-health.org/flu", organisation: organisation).verdict == .pass)
        #expect(judge("Email patientrelations@example-health.org", organisation: organisation).verdict == .pass)
        #expect(judge("Congratulations to Nurse Manager Dana Whitfield and Dr. Okafor!", organisation: organisation).verdict == .pass)
        #expect(judge("Dana threw a great party at Maple Grove.", organisation: organisation).verdict == .pass)
        // Someone else's number on the same post still blocks.
        #expect(judge("Call me at 617-555-0142 or our main line 617-555-0100", organisation: organisation).verdict == .block)
        #expect(judge("Email someone@example.com", organisation: organisation).verdict == .block)
    }

    @Test("Severities and disabled rules are the organisation's to set")
    func overrides() {
        var o = organisation
        o.severities = ["phi.phone": .review]
        #expect(judge("Call 617-555-0142", organisation: o).verdict == .review)
        o.disabled = ["phi.phone"]
        #expect(judge("Call 617-555-0142", organisation: o).verdict == .pass)
    }

    @Test("A settings file with an unknown key is an error naming it")
    func unknownKey() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("postguard.yaml")
        try Data("staf: [Dana]\n".utf8).write(to: file)
        #expect(throws: InputError.self) { try Organisation.load(path: file.path) }
        try Data("staff: [Dana Whitfield]\nphones: ['617-555-0100']\n".utf8).write(to: file)
        #expect(try Organisation.load(path: file.path).staff == ["Dana Whitfield"])
    }
}

@Suite("Policy: testimonials")
struct TestimonialTests {
    let story = "#PatientStories: \"I never thought I would walk again,\" says Harold Benning, who had both knees replaced this spring."

    @Test("A testimonial with no consent blocks with the reason")
    func noConsent() throws {
        let result = judge(story, consents: [])
        #expect(result.verdict == .block)
        #expect(rules(result).contains("policy.consent.missing"))
    }

    @Test("A valid consent covers the subject's name and health story, not their phone number")
    func validConsent() {
        let record = sampleRecord(subject: "Harold Benning")
        let covered = judge(story, consent: [record.id], publishAt: "2026-12-01", consents: [record])
        #expect(covered.verdict == .pass, "\(rules(covered))")
        #expect(covered.findings.contains { $0.category.rawValue == "testimonial" && $0.severity == .info })
        let withPhone = judge(story + " Call him at 617-555-0142!", consent: [record.id], publishAt: "2026-12-01", consents: [record])
        #expect(withPhone.verdict == .block)
        #expect(rules(withPhone) == ["phi.phone"])
    }

    @Test("Revoked, expired, wrong channel and other person: each blocks with its own rule")
    func failures() {
        var revoked = sampleRecord(subject: "Harold Benning"); revoked.revokedOn = "2026-06-01"
        #expect(rules(judge(story, consent: [revoked.id], publishAt: "2026-12-01", consents: [revoked])).contains("policy.consent.revoked"))
        #expect(rules(judge(story, consent: ["C-2026-0001"], publishAt: "2028-01-02", consents: [sampleRecord(subject: "Harold Benning")])).contains("policy.consent.expired"))
        #expect(rules(judge(story, channel: "linkedin", consent: ["C-2026-0001"], publishAt: "2026-12-01", consents: [sampleRecord(subject: "Harold Benning")])).contains("policy.consent.channel"))
        #expect(rules(judge(story, consent: ["C-2026-0001"], publishAt: "2026-12-01", consents: [sampleRecord(subject: "June Albright")])).contains("policy.consent.subject"))
    }
}

@Suite("Policy: the consent gate")
struct ConsentGatePolicyTests {
    func record(_ subject: String, channels: [String] = []) -> ConsentRecord { sampleRecord("C-1", subject: subject, channels: channels) }

    @Test("A document that names a consent goes through the gate with no testimonial cue, for every kind")
    func gateWithoutCue() {
        let walter = record("Walter Pruszynski")
        let post = "Meet Walter Pruszynski: retired machinist and now a graduate of our pulmonary rehab program."
        let covered = judge(post, consent: ["C-1"], publishAt: "2026-12-01", consents: [walter])
        #expect(covered.verdict == .pass, "\(rules(covered))")
        #expect(covered.findings.contains { $0.rule == "policy.identifiable-health-info" && $0.severity == .info })
        // A failing record says why, not only that health information is identified.
        let expired = judge(post, consent: ["C-1"], publishAt: "2028-02-01", consents: [walter])
        #expect(rules(expired).isSuperset(of: ["policy.consent.expired", "policy.identifiable-health-info"]))
        let reply = "Dolores, thank you for letting us share this! Watching you ring the bell after your last radiation treatment made our spring."
        let replied = judge(reply, kind: .reply, channel: "google", consent: ["C-1"], publishAt: "2026-12-01",
                            consents: [record("Dolores Fitzgerald", channels: ["google", "facebook"])])
        #expect(replied.verdict == .pass, "\(rules(replied))")
        #expect(!replied.findings.contains { $0.rule == "policy.suggested" })
        // No consent and no cue: the gate does not run.
        #expect(!rules(judge(post, consents: [walter])).contains { $0.hasPrefix("policy.consent.") })
    }

    @Test("The signer is covered; a campaign hashtag is not a person; a hashtag spelling a full name is")
    func whoIsCovered() throws {
        var nora = record("Nora Whitfield"); nora.signer = "Jessica Whitfield"; nora.authority = "mother (personal representative)"
        let birthday = judge("Nora is 5 today! Born at 26 weeks in our NICU, she loves dinosaurs. Her mom Jessica asked us to share her story. #NICUgrad",
                             channel: "instagram", consent: ["C-1"], publishAt: "2026-12-01", consents: [nora])
        #expect(birthday.verdict == .pass, "\(rules(birthday))")
        let carlos = record("Carlos Mendoza")
        let thanks = "\"Después de mi trasplante de riñón volví a jugar fútbol con mis nietos.\" Gracias, Carlos Mendoza, por compartir tu historia. #DonaVida"
        let slogan = judge(thanks, consent: ["C-1"], publishAt: "2026-12-01", consents: [carlos])
        #expect(slogan.verdict == .pass, "\(rules(slogan))")
        let tagged = judge("Carlos Mendoza is home after his kidney transplant! #PrayForMariaLopez", consent: ["C-1"],
                           publishAt: "2026-12-01", consents: [carlos])
        let finding = try #require(tagged.findings.first { $0.rule == "policy.consent.subject" })
        #expect(finding.matchedText == "Maria Lopez" && finding.span?.column == 53)
    }

    @Test("Jr. is not Sr.: the father's authorization does not cover his son")
    func generations() throws {
        let text = "Jamal Whitaker Jr., 16, is back on the basketball court after surgery for his torn ACL! Go get 'em, Jamal!"
        let result = judge(text, consent: ["C-1"], publishAt: "2026-12-01", consents: [record("Jamal Whitaker Sr.")])
        #expect(result.verdict == .block)
        let finding = try #require(result.findings.first { $0.rule == "policy.consent.subject" })
        #expect(finding.span?.start == 0 && finding.matchedText == "Jamal Whitaker Jr")
        #expect(judge(text, consent: ["C-1"], publishAt: "2026-12-01", consents: [record("Jamal Whitaker Jr.")]).verdict == .pass)
    }

    @Test("A second patient: a relative's health information is not covered by the subject's authorization")
    func secondPatient() throws {
        let gloria = record("Gloria Benitez")
        let both = judge("Gloria Benitez had her hip replaced here in March, and her husband's knee replacement is next!",
                         consent: ["C-1"], publishAt: "2026-12-01", consents: [gloria])
        #expect(both.verdict == .block)
        let other = try #require(both.findings.first { $0.rule == "policy.consent.subject" })
        #expect(other.matchedText == "knee replacement" && other.message.contains("her husband"))
        #expect(rules(judge("Gloria Benitez is back to Zumba. Next month: la cirugía de su esposo.", consent: ["C-1"],
                            publishAt: "2026-12-01", consents: [gloria])).contains("policy.consent.subject"))
        // Family in the subject's own story is not a second patient.
        for text in ["\"I walked my daughter down the aisle four months after my hip replacement,\" says Gloria Benitez.",
                     "After her husband noticed her stroke symptoms, Gloria Benitez got to our ER in time.",
                     "Gloria Benitez had her hip replaced here. Her grandkids came to every visit.",
                     // "her" is one person: her grandchildren are not whose diagnosis it is.
                     "Gloria Benitez spent her last weeks at home with her grandchildren, after her ALS diagnosis in 2024."] {
            let result = judge(text, consent: ["C-1"], publishAt: "2026-12-01", consents: [gloria])
            #expect(result.verdict == .pass, "\(text): \(rules(result))")
        }
    }
}

@Suite("Policy: suggested replies")
struct ReplyTemplateTests {
    let templates = ReplyTemplates.load(rulesFolder: shippedLibrary.directory!).templates

    @Test("The template follows the complaint and the language of the review", arguments: [
        ("Waited two hours and nobody called me back.", "reply.negative.wait"),
        ("They billed me twice and my insurance was never charged.", "reply.negative.billing"),
        ("The receptionist was rude and unprofessional.", "reply.negative.staff"),
        ("Best clinic in town, thank you!", "reply.positive.general"),
        ("Thanks for the flowers, but I waited 3 hours.", "reply.negative.wait"),
        ("Me cobraron dos veces y la factura está mal.", "reply.es.billing"),
        ("Muy mala atención, nunca vuelvo.", "reply.es.negative"),
        ("", "reply.negative.general"),
    ])
    func choice(review: String, expected: String) {
        #expect(templates.suggestion(for: review)?.id == expected)
    }

    @Test("Every approved template passes PostGuard as a reply")
    func templatesPass() {
        var organisation = Organisation()
        organisation.phones = ["617-555-0100", "617-555-0120"]
        organisation.domains = ["example.org"]
        #expect(templates.templates.count >= 10)
        for template in templates.templates {
            let result = judge(template.text, kind: .reply, channel: "google", organisation: organisation)
            #expect(result.verdict == .pass, "\(template.id): \(rules(result))")
        }
    }

    @Test("A breaching reply gets a suggestion; a clean one does not")
    func suggestedOnlyOnBreach() {
        let breach = judge("Sorry your surgery was delayed.", kind: .reply, channel: "google")
        #expect(breach.findings.contains { $0.rule == "policy.suggested" && $0.severity == .info })
        let clean = judge("Thank you for the kind words!", kind: .reply, channel: "google")
        #expect(!clean.findings.contains { $0.rule == "policy.suggested" })
    }
}
