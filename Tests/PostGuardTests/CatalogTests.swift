// The rule catalog: every rule PostGuard can report is described once, with roles the policy reasons
// over; rules raised in code document themselves with whole documents and the verdict they must get.
import Foundation
import Testing
@testable import PostGuard

/// The registry the document examples of Rules/policy/policy-rules.yaml refer to.
let exampleConsents: ConsentTable = {
    let folder = fixturesFolder.appendingPathComponent("documents")
    let text = try! String(contentsOf: folder.appendingPathComponent("CONSENT.csv"), encoding: .utf8)
    var records = try! ConsentCSV.parse(text, source: "CONSENT.csv", validate: false).map(\.record)
    let revocations = try! String(contentsOf: folder.appendingPathComponent("REVOCATIONS.csv"), encoding: .utf8)
    ConsentCSV.applyRevocations(revocations, source: "REVOCATIONS.csv", to: &records)
    return ConsentTable(records)
}()

struct DocumentRuleExample: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let example: DocumentExample
    var testDescription: String { "\(ruleID): \(example.text) → \(example.verdict.rawValue)" }
}

let documentExamples: [DocumentRuleExample] = shippedLibrary.catalog.entries.flatMap { entry in
    (entry.examples?.documents ?? []).map { DocumentRuleExample(ruleID: entry.id, example: $0) }
}

@Suite("Rule catalog")
struct CatalogTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Every rule the code raises is described in the catalog, with document examples")
    func policyRulesDescribed() {
        #expect(PolicyRule.missing(from: shippedLibrary.catalog).isEmpty)
        for rule in PolicyRule.allCases {
            let entry = shippedLibrary.catalog[rule.rawValue]
            #expect(entry?.why != nil && entry?.fix != nil, "\(rule.rawValue) needs why and fix")
            #expect((entry?.examples?.documents ?? []).isEmpty == false, "\(rule.rawValue) needs a document example")
        }
        #expect(shippedLibrary.catalog["phi.photo"]?.roles == [.attachment])
    }

    @Test("Document examples of code-raised rules, through the whole pipeline", arguments: documentExamples)
    func documentExample(_ case: DocumentRuleExample) {
        let example = `case`.example
        // A registry only for the examples that name a consent, except the one about having none.
        let consents: (any ConsentLookup)? = example.consent == nil || `case`.ruleID == PolicyRule.consentNoRegistry.rawValue ? nil : exampleConsents
        let policy = Policy(consents: consents, today: CalendarDate(iso: "2026-11-22")!)
        let document = Document(source: "example", text: example.text, kind: example.kind ?? .post,
                                channel: example.channel ?? "facebook", consent: example.consent ?? [],
                                inReplyTo: example.inReplyTo, publishAt: example.publishAt,
                                media: (example.media ?? []).map { Media(path: $0, alt: nil) })
        let result = Scanner(library: shippedLibrary, policy: policy).check(document, scratch: MatchScratch()).result
        #expect(result.verdict == example.verdict, "\(result.findings.map(\.rule))")
        let fired = result.findings.contains { $0.rule == `case`.ruleID }
        if example.fires ?? true {
            #expect(fired, "\(`case`.ruleID) did not fire: \(result.findings.map(\.rule))")
        } else {
            #expect(!fired, "\(`case`.ruleID) fired")
        }
    }

    @Test("Every finding points at its catalog entry: reports read why and fix from it, policy rules included")
    func findingsCarryTheirEntry() throws {
        let result = judge("Maria Lopez was admitted with pneumonia last night.")
        let disclosure = try #require(result.findings.first { $0.rule == PolicyRule.identifiableHealthInfo.rawValue })
        #expect(disclosure.entry.why?.contains("160.103") == true)
        // The text report prints why/fix for a policy rule the old catalog lacked.
        let run = try runPostGuard(["explain", "policy.consent.unreadable"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Why:") && run.stdout.contains("Fix:"))
    }

    @Test("Renaming a rule in a pack cannot change a verdict unnoticed")
    func renamingRules() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: rulesFolder, to: copy)
        // A pattern rule renamed: the policy reasons over roles, so the verdict holds.
        let names = copy.appendingPathComponent("identifiers/names.yaml")
        try String(contentsOf: names, encoding: .utf8).replacingOccurrences(of: "id: phi.name\n", with: "id: phi.person-name\n")
            .write(to: names, atomically: true, encoding: .utf8)
        let renamed = try RuleLibrary.load(from: copy)
        #expect(renamed.catalog["phi.person-name"] != nil)
        let text = "Maria Lopez was admitted with pneumonia last night."
        let before = Scanner(library: shippedLibrary).check(Document(source: "t", text: text), scratch: MatchScratch()).result
        let after = Scanner(library: renamed).check(Document(source: "t", text: text), scratch: MatchScratch()).result
        #expect(before.verdict == .block && after.verdict == .block)
        // A policy rule renamed in its YAML: a load problem naming it, never a silent change.
        let policy = copy.appendingPathComponent("policy/policy-rules.yaml")
        try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "id: policy.named-patient\n", with: "id: policy.patient-named\n")
            .write(to: policy, atomically: true, encoding: .utf8)
        let setup = try CheckSetup.load(rules: copy.path, config: nil, consentDB: nil, environment: [:])
        #expect(setup.problems.contains { $0.contains("policy.named-patient") && $0.contains("described in no pack") })
        // An unknown role is a load error naming the file and the roles there are.
        try String(contentsOf: names, encoding: .utf8).replacingOccurrences(of: "roles: [person, contextual]", with: "roles: [persn, contextual]")
            .write(to: names, atomically: true, encoding: .utf8)
        let broken = try RuleLibrary.load(from: copy)
        #expect(broken.problems.contains { $0.file.hasSuffix("names.yaml") && $0.message.contains("known roles") })
        // A misspelt key or an impossible value is a load error naming file, rule and the likely key,
        // never a rule that silently does less.
        let contact = copy.appendingPathComponent("identifiers/contact.yaml")
        let original = try String(contentsOf: contact, encoding: .utf8)
        for (from, to, expected) in [
            ("    severity: block\n", "    sevrity: block\n", "unknown key 'sevrity' (did you mean 'severity'?)"),
            ("    examples:\n", "    exampels:\n", "unknown key 'exampels' (did you mean 'examples'?)"),
            ("      no-match:\n", "      no_match:\n", "unknown key 'no_match' (did you mean 'no-match'?)"),
            ("pack: contact\n", "pack: contact\nauthor: someone\n", "unknown key 'author'"),
        ] {
            #expect(original.contains(from))
            try original.replacingOccurrences(of: from, with: to).write(to: contact, atomically: true, encoding: .utf8)
            let loaded = try RuleLibrary.load(from: copy)
            #expect(loaded.problems.contains { $0.file.hasSuffix("contact.yaml") && $0.message.contains(expected) }, "\(expected): \(loaded.problems)")
        }
        var window = original
        window.replaceSubrange(try #require(window.range(of: "    severity: block\n")), with: "    severity: block\n    context-window: -5\n")
        try window.write(to: contact, atomically: true, encoding: .utf8)
        #expect(try RuleLibrary.load(from: copy).problems.contains { $0.message.contains("context-window must be a number of characters from 0 to 2000, not -5") })
        let lexicon = copy.appendingPathComponent("policy/health-lexicon.yaml")
        var group = try String(contentsOf: lexicon, encoding: .utf8)
        group.replaceSubrange(try #require(group.range(of: "    sensitivity: normal\n")), with: "    sensitivity: medium\n")
        try group.write(to: lexicon, atomically: true, encoding: .utf8)
        #expect(try RuleLibrary.load(from: copy).problems.contains { $0.file.hasSuffix("health-lexicon.yaml") && $0.message.contains("sensitivity must be normal or high, not 'medium'") })
    }

    @Test("Settings: a severity override changes what the combinations see; unknown ids name the closest")
    func settingsInOnePlace() throws {
        var organisation = Organisation()
        organisation.severities = ["phi.name": .info]
        let demoted = judge("Maria Lopez was admitted with pneumonia last night.", organisation: organisation)
        // The combinations no longer see a name to pair (the second reader may still read the
        // sentence as a disclosure, and block it when it reads very like one).
        #expect(demoted.verdict != .block || rules(demoted) == ["policy.reads-like-disclosure"], "\(rules(demoted))")
        #expect(!rules(demoted).contains("policy.identifiable-health-info"), "\(rules(demoted))")
        organisation = Organisation()
        organisation.disabled = ["phi.ip"]
        organisation.severities = ["phi.nmae": .info]
        let problems = organisation.unknownRules(in: shippedLibrary.catalog, file: "postguard.yaml")
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("'phi.ip'") && $0.contains("phi.ipv4") })
        #expect(problems.contains { $0.contains("'phi.nmae'") && $0.contains("phi.name") })
        // Through the binary: exit 2, the rest still checked.
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "disabled: [phi.ip]\n".write(to: folder.appendingPathComponent("postguard.yaml"), atomically: true, encoding: .utf8)
        let run = try runPostGuard(["check", "--format", "json"], stdin: "Call 617-555-0142", directory: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule 'phi.ip'"))
        #expect(run.stdout.contains("phi.phone"))
    }

    @Test("rules lists every rule of the catalog, lexicon groups and policy rules, without cutting ids")
    func listing() throws {
        let run = try runPostGuard(["rules"])
        #expect(run.status == 0)
        let ids = run.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(Set(ids) == Set(shippedLibrary.catalog.ids))
        #expect(ids.contains("policy.testimonial.fundraiser-for-care") && ids.contains("policy.testimonial.fundraiser"))
        #expect(ids.contains { $0.hasPrefix("health.") } && ids.contains("policy.consent.unreadable"))
        // On a terminal: aligned columns as wide as the longest id.
        let listing = RuleListing(catalog: shippedLibrary.catalog, terminalWidth: 80).text
        #expect(listing.contains("policy.testimonial.fundraiser-for-care "))
        // explain works for every id a report can contain.
        for id in ["policy.suggested", "phi.photo", "health.condition.en"] {
            #expect(try runPostGuard(["explain", id]).status == 0, "\(id)")
        }
    }

    @Test("Alt text of a Markdown draft with front matter keeps its findings, as in JSONL")
    func altTextWithFrontMatter() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("story.md")
        try """
            ---
            kind: post
            channel: facebook
            media:
              - {path: ward.jpg, alt: "Maria Lopez recovering from pneumonia in the ICU"}
            ---
            A great week on the ward.
            """.write(to: draft, atomically: true, encoding: .utf8)
        let markdown = try runPostGuard(["check", "--format", "json", draft.path])
        let jsonl = try runPostGuard(["check", "--format", "json", "--input-format", "jsonl"],
                                     stdin: #"{"text": "A great week on the ward.", "media": [{"path": "ward.jpg", "alt": "Maria Lopez recovering from pneumonia in the ICU"}]}"#)
        func verdict(_ run: RunResult) throws -> String? {
            ((try json(run.stdout)["documents"] as? [[String: Any]])?.first?["verdict"]) as? String
        }
        #expect(try verdict(markdown) == "block")
        #expect(try verdict(markdown) == verdict(jsonl))
    }
}
