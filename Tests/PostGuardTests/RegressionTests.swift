// Defects found in review, each with the input that showed it.
import Foundation
import Testing
@testable import PostGuard

@Suite("Regressions")
struct RegressionTests {
    func json(_ text: String) throws -> [[String: Any]] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(report["documents"] as? [[String: Any]])
    }

    func excerpts(_ run: RunResult) throws -> [String] {
        try json(run.stdout).flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["excerpt"] as? String } }
    }

    @Test("Overlapping findings on one line: the text report prints, masked, and does not crash")
    func overlappingFindingsText() throws {
        let run = try runPostGuard(["check"], stdin: "Cancer survivor Lucia Ferreira says the infusion nurses felt like family.")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stdout.contains("Lucia"), "\(run.stdout)")
        #expect(!run.stdout.contains("Ferreira"))
    }

    @Test("Policy findings quoting a person mask the person, in every format", arguments: ["json", "sarif", "github", "text"])
    func policyExcerptsMasked(format: String) throws {
        for text in ["Happy birthday to our patient Maria Lopez!", "#PatientStories: \"I can walk again,\" says patient Lucia Ferreira.",
                     "Say hi to our patient mlopez88@example.com today"] {
            let run = try runPostGuard(["check", "--format", format], stdin: text)
            for secret in ["Maria", "Lopez", "Lucia", "Ferreira", "mlopez"] {
                #expect(!run.stdout.contains(secret), "\(format) leaks \(secret): \(run.stdout)")
            }
        }
    }

    @Test("A span crossing a line end is masked on the line shown")
    func spanAcrossLines() throws {
        let run = try runPostGuard(["check"], stdin: "Our patient lives at 1234 Elm\nStreet, Apt 4B.")
        #expect(!run.stdout.contains("1234 Elm"), "\(run.stdout)")
    }

    @Test("Attachment names are not printed: they may carry a name or a date")
    func attachmentPaths() throws {
        let record = #"{"id": "p1", "text": "Look!", "media": [{"path": "img/maria-lopez-chemo-617-555-0142.jpg", "alt": "Maria at 617-555-0142"}]}"#
        let run = try runPostGuard(["check", "--format", "json"], stdin: record)
        #expect(!run.stdout.contains("maria-lopez"), "\(run.stdout)")
        #expect(!run.stdout.contains("555-0142"), "\(run.stdout)")
        #expect(try excerpts(run).contains("attachment.jpg"))
    }

    @Test("Invalid front matter: one line naming file and line, none of the file's text")
    func frontMatterErrors() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("y.md")
        try Data("---\nkind: reply\nin_reply_to: Jane Roe (SSN 123-45-6789) hated the wait: bad\n---\nThanks!\n".utf8).write(to: file)
        let run = try runPostGuard(["check", file.path])
        #expect(run.status == 2)
        #expect(run.stderr == "postguard: \(file.path):3: front matter is not valid YAML\n")
    }

    @Test("Front matter values stay as written: impossible dates are errors, ids keep their zeros")
    func frontMatterScalars() throws {
        var documents: [Document] = [], errors: [InputError] = []
        let reader = DocumentReader()
        reader.parse(Data("---\nid: 0012\npublish_at: 2026-12-01\n---\nHi\n".utf8), source: "a.md", format: .auto,
                     document: { documents.append($0) }, failure: { errors.append($0) })
        reader.parse(Data("---\npublish_at: 2026-02-30\n---\nHi\n".utf8), source: "b.md", format: .auto,
                     document: { documents.append($0) }, failure: { errors.append($0) })
        #expect(documents.map(\.id) == ["0012"])
        #expect(documents.first?.publishAt == "2026-12-01")
        #expect(errors.map(\.source) == ["b.md"])
    }

    @Test("A byte-order mark does not hide front matter or shift columns")
    func byteOrderMark() throws {
        var documents: [Document] = []
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("---\nkind: reply\nid: r-1\n---\nCall 617-555-0142\n".utf8))
        DocumentReader().parse(data, source: "bom.md", format: .auto, document: { documents.append($0) }, failure: { Issue.record("\($0)") })
        #expect(documents.first?.kind == .reply)
        #expect(documents.first?.id == "r-1")
        let finding = judge("Call 617-555-0142").findings.first
        #expect(finding?.span?.column == 6)
    }

    @Test("A revoked consent for another person blocks even beside a valid one")
    func revokedBesideValid() {
        var husband = sampleRecord("C-2", subject: "Jorge Lopez"); husband.revokedOn = "2026-03-01"
        let maria = sampleRecord("C-1", subject: "Maria Lopez")
        let text = "#PatientStories: Maria Lopez and her husband are back on the trail."
        let result = judge(text, consent: ["C-1", "C-2"], publishAt: "2026-06-01", consents: [maria, husband])
        #expect(result.verdict == .block)
        #expect(rules(result).contains("policy.consent.revoked"))
        // The same person's old, revoked form beside the new one does not block.
        var old = sampleRecord("C-0", subject: "Maria Lopez"); old.revokedOn = "2026-01-20"
        #expect(judge(text, consent: ["C-0", "C-1"], publishAt: "2026-06-01", consents: [old, maria]).verdict == .pass)
    }

    @Test("An attachment and a health word do not make an education post a disclosure")
    func photoDoesNotPair() {
        let result = judge("Flu shots are available at our clinic this Saturday.", media: [Media(path: "flyer.png", alt: nil)])
        #expect(result.verdict == .review)
        #expect(!rules(result).contains("policy.identifiable-health-info"))
    }

    @Test("The organisation's address and places match whole words only")
    func organisationWholeWords() {
        var organisation = Organisation()
        organisation.addresses = ["112 Main Street, Springfield"]
        organisation.places = ["Rosewood Terrace"]
        #expect(judge("Our patient lives at 12 Main Street and was discharged today.", organisation: organisation).verdict == .block)
        #expect(Organisation.isPart("Main Street", ofAny: organisation.addresses))
        #expect(!Organisation.isPart("12 Main Street", ofAny: organisation.addresses))
        #expect(!Organisation.isPart("Rose", ofAny: organisation.places))
        #expect(Organisation.isPart("Rosewood", ofAny: organisation.places))
    }

    @Test("Context words at a window's edge are judged on the real text")
    func contextWindowEdge() throws {
        let rule = try compileRule("""
            id: t.ctx
            category: license
            severity: block
            message: m
            patterns: ['\\b[A-Z]\\d{7}\\b']
            requires-context: [cate]
            context-window: 6
            """)
        #expect(scan("duplicate A1234567", rules: [rule]).findings.isEmpty)
        #expect(scan("my cate A1234567", rules: [rule]).findings.count == 1)
    }

    @Test("The keyword prefilter never turns a rule off: accents, capitals and extra spaces")
    func prefilter() throws {
        let licence = try #require(shippedLibrary.rule(id: "phi.license-number"))
        #expect(scan("Su CÉDULA: 12345678 está vencida", rules: [licence], library: shippedLibrary).findings.count == 1)
        let ssn = try #require(shippedLibrary.rule(id: "phi.ssn-context"))
        #expect(scan("her social  security number is 234 56 7890", rules: [ssn], library: shippedLibrary).findings.count == 1)
        #expect(RuleLibrary.prefilter(Rule(id: "x", category: "name", severity: .info, message: "", why: nil, fix: nil, patterns: ["x"], keywords: ["número", "social security"])) == ["mero", "security"])
    }

    @Test("check opens the registry read-only: it writes nothing beside it; a named registry must exist")
    func readOnlyRegistry() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        try ConsentRegistry(path: db).add(sampleRecord())
        try? FileManager.default.removeItem(atPath: db + ".lock")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let run = try runPostGuard(["check", "--consent-db", db], stdin: "#PatientStories: María López is home!")
        #expect(run.status == 1)
        // SQLite keeps its WAL index files beside a WAL database a reader opened; nothing else appears.
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(after.sorted() == before)
        let missing = try runPostGuard(["check", "--consent-db", folder.appendingPathComponent("nope.sqlite").path], stdin: "Hello")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no consent registry there"))
    }
}

extension Rule {
    init(id: String, category: String, severity: Severity, message: String, why: String?, fix: String?, patterns: [String], keywords: [String]) {
        self.init(id: id, category: category, severity: severity, message: message, why: why, fix: fix, patterns: patterns)
        self.keywords = keywords
    }
}
