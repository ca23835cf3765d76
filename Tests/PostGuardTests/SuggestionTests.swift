// Suggested safe versions (rule `policy.suggested`): templates filled from the organisation's
// settings, a version for every breaching post, reply and message, and every suggestion passing the
// check itself.
import Foundation
import Testing
@testable import PostGuard

/// The labelled documents' organisation with every contact setting given.
let fullSettings: Organisation = {
    var organisation = try! Organisation.load(path: fixturesFolder.appendingPathComponent("documents/organisation.yaml").path)
    organisation.contact.phone = "617-555-0110"
    organisation.contact.billingPhone = "617-555-0120"
    organisation.contact.email = "patientrelations@example.org"
    organisation.contact.website = "www.example.org"
    organisation.contact.portal = "portal.example.org"
    return organisation
}()

/// Whether `text`, checked as a document of `kind` under `organisation`, passes with no identifier
/// shown at all; the findings that stop it otherwise.
func passesAsSuggestion(_ text: String, kind: DocumentKind, channel: String?, organisation: Organisation) -> [String] {
    let result = judge(text, kind: kind, channel: channel, organisation: organisation)
    return result.findings.filter { $0.severity > .info || $0.category.isIdentifier }.map { "\($0.rule) \($0.matchedText)" }
}

func suggestion(_ result: DocumentResult) -> Finding? { result.findings.first { $0.rule == "policy.suggested" } }

/// The text of a suggestion finding (after "Suggested safe version (...): ").
func suggestedText(_ finding: Finding) -> String {
    String(finding.message[finding.message.range(of: "): ")!.upperBound...])
}

@Suite("Suggestions: templates and placeholders")
struct SuggestionTemplateTests {
    let loaded = ReplyTemplates.load(rulesFolder: rulesFolder)

    @Test("The shipped templates load without problems and cover every kind")
    func load() {
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        for kind in DocumentKind.allCases {
            #expect(loaded.templates.templates.contains { $0.documentKind == kind }, "\(kind)")
        }
        for cause in ["named-patient", "location", "photo", "testimonial", "derogatory", "identifier"] {
            #expect(loaded.templates.version(kind: .post, causes: [cause], spanish: false)?.causes?.contains(cause) == true, "\(cause)")
        }
        for cause in ["third-party", "own-results", "identifier"] {
            #expect(loaded.templates.version(kind: .message, causes: [cause], spanish: false)?.causes?.contains(cause) == true, "\(cause)")
        }
    }

    @Test("Every template, filled from full settings and from none, passes the check as its kind")
    func everyTemplatePasses() {
        for organisation in [fullSettings, Organisation()] {
            for template in loaded.templates.templates {
                let text = template.filled(with: organisation.placeholders)
                let stops = passesAsSuggestion(text, kind: template.documentKind, channel: "facebook", organisation: organisation)
                #expect(stops.isEmpty, "\(template.id) (\(organisation.name ?? "no settings")): \(stops) in \(text)")
                #expect(!text.contains { "{}[]|".contains($0) }, "\(template.id): \(text)")
                #expect(!text.contains("  ") && !text.contains(" ."), "\(template.id): \(text)")
            }
        }
    }

    @Test("No setting, no number: a template never prints a placeholder or a sample number")
    func missingSettings() {
        for template in loaded.templates.templates {
            let text = template.filled(with: Organisation().placeholders)
            #expect(!text.contains("555") && !text.contains("@") && !text.contains("example"), "\(template.id): \(text)")
            #expect(!template.text.contains("555"), "\(template.id) hard-codes a number")
        }
        let general = loaded.templates.templates.first { $0.id == "reply.negative.general" }!
        #expect(general.filled(with: [:]).hasSuffix("Please call our Patient Relations team so we can listen and follow up."))
    }

    @Test("Placeholders are filled from the settings; optional parts follow what is given")
    func filled() {
        let template = ReplyTemplate(id: "t", text: "Call[ {organisation}] at[ {phone}| our main line][, or write to {email}]. [Billing: {billing-phone}.|Ask for billing.]")
        #expect(template.filled(with: ["organisation": "Riverside", "phone": "617-555-0110", "email": "a@example.org", "billing-phone": "617-555-0120"])
                == "Call Riverside at 617-555-0110, or write to a@example.org. Billing: 617-555-0120.")
        #expect(template.filled(with: [:]) == "Call at our main line. Ask for billing.")
        var organisation = Organisation()
        organisation.name = "Riverside"; organisation.phones = ["617-555-0100"]; organisation.domains = ["example.org"]
        #expect(organisation.placeholders == ["organisation": "Riverside", "phone": "617-555-0100", "website": "example.org"])
        organisation.contact.phone = "617-555-0110"
        #expect(organisation.placeholders["phone"] == "617-555-0110")
        let billing = loaded.templates.templates.first { $0.id == "reply.negative.billing" }!
        #expect(billing.filled(with: fullSettings.placeholders).contains("Our billing office can help by phone at 617-555-0120."))
        #expect(billing.filled(with: organisation.placeholders).contains("Please call 617-555-0110 and ask for our billing office"))
        #expect(billing.filled(with: [:]).hasSuffix("Please call our billing office, who can help."))
    }

    @Test("A template with a written-in number, mailbox or an unknown placeholder is a problem")
    func problems() {
        #expect(!ReplyTemplate(id: "a", text: "Call 617-555-0100.").problems.isEmpty)
        #expect(!ReplyTemplate(id: "b", text: "Write to privacy@example.org.").problems.isEmpty)
        #expect(!ReplyTemplate(id: "c", text: "Call {fone}.").problems.isEmpty)
        #expect(!ReplyTemplate(id: "d", kind: .post, text: "Hello.").problems.isEmpty)
        #expect(ReplyTemplate(id: "e", text: "Open 8 a.m. to 5 p.m.[ Call {phone}.]").problems.isEmpty)
    }

    @Test("contact: settings load, are the organisation's own, and an unknown contact key is an error")
    func contactSettings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-contact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yaml")
        try "name: Riverside\ncontact:\n  phone: 617-555-0199\n  billing-phone: 617-555-0198\n  email: care@riverside-care.example\n  portal: portal.example.net\n".write(to: good, atomically: true, encoding: .utf8)
        let organisation = try Organisation.load(path: good.path)
        #expect(organisation.contact.billingPhone == "617-555-0198" && organisation.placeholders["portal"] == "portal.example.net")
        let result = judge("Questions? Call 617-555-0199 or 617-555-0198, write to care@riverside-care.example or see portal.example.net.", organisation: organisation)
        #expect(result.findings.filter { $0.category.isIdentifier }.isEmpty, "\(rules(result, atLeast: .info))")
        let bad = folder.appendingPathComponent("bad.yaml")
        try "contact:\n  phon: 617-555-0199\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try Organisation.load(path: bad.path) }
    }
}

@Suite("Suggestions: a safe version for every breach")
struct SuggestionTests {
    @Test("A post, a message and a reply that breach each get a suggestion that passes; a clean one gets none")
    func everyKind() throws {
        let cases: [(String, DocumentKind, String)] = [
            ("Maria Lopez was admitted with pneumonia last night.", .post, "post.named-patient"),
            ("Shoutout to the lovely lady in room 412 who baked cookies for the night shift!", .post, "post.location"),
            ("Patient story: after her knee replacement, Lucia is back on the dance floor.", .post, "post.testimonial"),
            ("Hi, your biopsy came back and the doctor wants to talk about the results.", .message, "message.own-results"),
            ("Your neighbour Maria Lopez was admitted with pneumonia, she asked me to tell you.", .message, "message.third-party"),
            ("Sorry your surgery was delayed.", .reply, "reply.negative.general"),
        ]
        for (text, kind, expected) in cases {
            let result = judge(text, kind: kind, channel: "facebook", organisation: fullSettings)
            let found = try #require(suggestion(result), "\(text)")
            #expect(found.severity == .info && found.matchedText == expected, "\(text): \(found.matchedText)")
            #expect(found.message.hasPrefix("Suggested safe version (\(expected)): "))
            let stops = passesAsSuggestion(suggestedText(found), kind: kind, channel: "facebook", organisation: fullSettings)
            #expect(stops.isEmpty, "\(text): \(stops)")
        }
        #expect(suggestion(judge("Flu shots are available at all our clinics this week.")) == nil)
        #expect(suggestion(judge("Thank you for the kind words!", kind: .reply)) == nil)
    }

    @Test("A breaching post keeps its own safe sentences; a message keeps them before the approved words")
    func rewrite() throws {
        let post = judge("Our patient Harold Benning went home today after his hip replacement. Flu shots are available at all our clinics this week.",
                         organisation: fullSettings)
        #expect(try #require(suggestion(post)).message == "Suggested safe version (the draft without what identifies anyone): Flu shots are available at all our clinics this week.")
        let message = judge("Thanks for your patience this week. Your biopsy showed melanoma and Dr. Okafor wants to talk about it.",
                            kind: .message, organisation: fullSettings)
        let text = suggestedText(try #require(suggestion(message)))
        #expect(text.hasPrefix("Thanks for your patience this week. There is an update for you from Riverside Health."), "\(text)")
        // An abbreviation does not end a sentence: nothing of "Mr. Benning" is kept.
        let abbreviation = judge("Congrats to our PT team for getting Mr. Benning walking after his stroke. Join our team: we are hiring nurses for all shifts.")
        #expect(suggestedText(try #require(suggestion(abbreviation))) == "Join our team: we are hiring nurses for all shifts.")
    }

    @Test("The organisation can switch suggestions off")
    func disabled() {
        var organisation = Organisation(); organisation.disabled = ["policy.suggested"]
        #expect(suggestion(judge("Maria Lopez was admitted with pneumonia last night.", organisation: organisation)) == nil)
    }

    /// Every breaching document of a labelled file gets a suggestion, and the suggestion passes as a
    /// document of its kind under the same settings.
    func checkCorpus(_ path: String, organisation: Organisation) -> (breaching: Int, rewritten: Int) {
        let policy = Policy(organisation: organisation, today: CalendarDate(iso: "2026-11-22")!)
        let scanner = Scanner(library: shippedLibrary, policy: policy)
        let scratch = MatchScratch()
        var breaching = 0, rewritten = 0
        DocumentReader().read(paths: [fixturesFolder.appendingPathComponent(path).path], document: { document in
            let result = scanner.check(document, scratch: scratch).result
            guard result.verdict != .pass else {
                #expect(suggestion(result) == nil, "\(document.id ?? "?")")
                return
            }
            breaching += 1
            guard let found = suggestion(result) else {
                Issue.record("\(path)#\(document.id ?? "?"): no suggestion"); return
            }
            if found.matchedText.hasPrefix("the draft") { rewritten += 1 }
            let stops = passesAsSuggestion(suggestedText(found), kind: document.kind, channel: document.channel, organisation: organisation)
            #expect(stops.isEmpty, "\(path)#\(document.id ?? "?"): \(stops) in \(suggestedText(found))")
        }, failure: { Issue.record("\($0)") })
        return (breaching, rewritten)
    }

    @Test("Every breaching labelled document gets a suggestion that passes the check", arguments: [
        "documents/posts.jsonl", "documents/replies.jsonl", "documents/messages.jsonl", "documents/testimonials.jsonl",
    ])
    func labelledDocuments(file: String) {
        for organisation in [fullSettings, Organisation()] {
            let counts = checkCorpus(file, organisation: organisation)
            #expect(counts.breaching > 0)
        }
    }

    @Test("Every breaching document of the verdict corpus gets a suggestion that passes the check")
    func verdictCorpus() {
        let counts = checkCorpus("corpora/verdicts-dev.jsonl", organisation: Organisation())
        #expect(counts.breaching > 50)
    }

    @Test("The suggestion for a post and a message is in the text report and in JSON")
    func reports() throws {
        for (kind, text) in [("post", "Maria Lopez was admitted with pneumonia last night."),
                             ("message", "Hi, your biopsy came back and the doctor wants to talk about the results.")] {
            let shown = try runPostGuard(["check", "--kind", kind, "--config", "Fixtures/organisation.yaml", "-"], stdin: text, directory: repositoryRoot)
            #expect(shown.stdout.contains("\n  Suggested safe version:\n    "), "\(shown.stdout)")
            #expect(!shown.stdout.contains("{phone}"))
            let json = try runPostGuard(["check", "--kind", kind, "--format", "json", "--config", "Fixtures/organisation.yaml", "-"], stdin: text, directory: repositoryRoot)
            #expect(json.stdout.contains("\"rule\":\"policy.suggested\""), "\(json.stdout)")
            #expect(json.stdout.contains("\"severity\":\"info\""))
        }
    }
}
