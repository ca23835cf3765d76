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

    @Test("A described photo with findings inside shows as one word, and a code on its screen is found")
    func photoWithFindingsInside() throws {
        let run = try runPostGuard(["check"], stdin: "so cool [photo: head CT on the monitor; header reads HOLLOWAY, R  67M  ACC# 5520981] wow")
        let shown = try #require(run.stdout.split(separator: "\n").first { $0.contains("so cool") })
        #expect(shown.components(separatedBy: "attachment").count == 2, "\(shown)")
        #expect(shown.hasSuffix("wow") && !run.stdout.contains("HOLLOWAY") && !run.stdout.contains("5520981"), "\(run.stdout)")
        let json = try json(try runPostGuard(["check", "--format", "json", "--show-phi"], stdin: "[photo: screen; ACC# 5520981]").stdout)
        #expect((json.first?["findings"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "phi.id-shape" && $0["excerpt"] as? String == "5520981" })
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
        #expect(RuleLibrary.prefilter(Rule(id: "x", category: .name, severity: .info, message: "", why: nil, fix: nil, patterns: ["x"], keywords: ["número", "social security"])) == ["mero", "security"])
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
    init(id: String, category: Category, severity: Severity, message: String, why: String?, fix: String?, patterns: [String], keywords: [String]) {
        self.init(id: id, category: category, severity: severity, message: message, why: why, fix: fix, patterns: patterns)
        self.keywords = keywords
    }
}

@Suite("Regressions, second review")
struct SecondReviewRegressionTests {
    func documents(_ text: String, source: String) -> ([Document], [InputError]) {
        var documents: [Document] = [], errors: [InputError] = []
        DocumentReader().parse(Data(text.utf8), source: source, format: .auto, document: { documents.append($0) }, failure: { errors.append($0) })
        return (documents, errors)
    }

    @Test("A title in front matter and prose between rules are scanned")
    func frontMatterIsScanned() throws {
        #expect(try runPostGuard(["check", "--input-format", "markdown", "-"],
                                 stdin: "---\ntitle: Maria Lopez finished chemo, call 617-555-0142\nchannel: facebook\n---\nSo proud of her!\n").status == 1)
        #expect(try runPostGuard(["check", "--input-format", "markdown", "-"],
                                 stdin: "---\nPatient Maria Lopez had chemo, 617-555-0142\n---\nMore news soon.\n").status == 1)
    }

    @Test("Bad UTF-8 inside a multi-line CSV field skips that record only, and no text becomes an id")
    func csvRecovery() throws {
        var data = Data("id,text\n1,\"Update on\nsecond ".utf8)
        data.append(0xFF)
        data.append(Data(" line\nMaria Lopez,finished chemo today\"\n2,Flu shots Saturday\n".utf8))
        var found: [Document] = [], errors: [InputError] = []
        DocumentReader().parse(data, source: "d.csv", format: .auto, document: { found.append($0) }, failure: { errors.append($0) })
        #expect(found.map(\.id) == ["2"])
        #expect(errors.map(\.description) == ["d.csv:3: not valid UTF-8 text"])
    }

    @Test("A CSV row with more fields than the header is an error, not silently cut")
    func csvExtraFields() {
        let (found, errors) = documents("id,text\n1,Maria Lopez, she finished chemo today\n", source: "d.csv")
        #expect(found.isEmpty)
        #expect(errors.first?.description == "d.csv:2: row has 3 fields, the header 2")
    }

    @Test("A byte-order mark before a CSV header or a JSONL record is dropped on the streaming path")
    func streamingBOM() throws {
        let run = try runPostGuard(["check", "--format", "json", "--input-format", "csv", "-"], stdin: "\u{FEFF}text,id\r\nhello,a1\r\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"a1\""))
        let jsonl = try runPostGuard(["check", "--format", "json", "-"], stdin: "\u{FEFF}{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n")
        #expect(jsonl.stdout.contains("\"documents\":2"))
    }

    @Test("Values from the input are never quoted in errors")
    func noValuesInErrors() throws {
        let run = try runPostGuard(["check", "--input-format", "csv", "-"], stdin: "text,kind\n\"hi\",Maria Lopez HIV positive\n")
        #expect(run.status == 2)
        #expect(!run.stderr.contains("Maria"), "\(run.stderr)")
    }

    @Test("Suppressed identifiers stay masked on the line shown for another finding")
    func suppressedStayMasked() throws {
        let run = try runPostGuard(["check"], stdin: "Maria Lopez had chemo today, reach her at 617-555-0142 or maria.lopez@example.com <!-- postguard-ignore phi.phone phi.email -->")
        #expect(!run.stdout.contains("555-0142"), "\(run.stdout)")
        #expect(!run.stdout.contains("lopez@"), "\(run.stdout)")
    }

    @Test("A home town is masked like an identifier")
    func quasiMasked() throws {
        let run = try runPostGuard(["check", "--format", "json"], stdin: "A 34-year-old teacher from Millbrook, admitted Tuesday with a stroke.")
        #expect(!run.stdout.contains("Millbrook"), "\(run.stdout)")
    }

    @Test("Ordinary health education does not add up to quasi-identifiers")
    func quasiPrecision() {
        #expect(judge("Flu shots are free for every child aged 6 months or older at our clinic in Springfield.").verdict == .pass)
        #expect(judge("Diabetes education classes for adults aged 40, 50 and 60. Classes in Spanish, too.").verdict == .pass)
    }

    @Test("A place hides a name only when it is the whole place")
    func placesWhole() {
        var organisation = Organisation()
        organisation.places = ["Lake Charles Memorial"]
        #expect(judge("So proud of Charles, who finished chemo today!", organisation: organisation).verdict == .block)
    }

    @Test("The greeted reader named again is still the reader")
    func greetedTwice() {
        #expect(judge("Hi Maria, your biopsy came back benign. Call us with any questions, Maria.", kind: .message, channel: "whatsapp").verdict == .review)
    }

    @Test("Archives inside archives are reported, and a folder's archives and CSV dumps are read")
    func nestedAndFound() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = Data("placeholder".utf8)
        let outer = try Archive(url: folder.appendingPathComponent("outer.zip"), accessMode: .create)
        try outer.addEntry(with: "inner.zip", type: .file, uncompressedSize: Int64(inner.count)) { position, size in
            inner.subdata(in: Int(position)..<Int(position) + size)
        }
        try Data("id,text\n1,Call 617-555-0142\n".utf8).write(to: folder.appendingPathComponent("dump.csv"))
        try Data("id,subject,purpose\nC-1,Ana,story\n".utf8).write(to: folder.appendingPathComponent("consent.csv"))
        var found: [Document] = [], errors: [InputError] = []
        DocumentReader().read(paths: [folder.path], document: { found.append($0) }, failure: { errors.append($0) })
        #expect(found.map(\.id) == ["1"])
        #expect(errors.map(\.reason) == ["an archive inside an archive is not read; unpack the outer one"])
    }
}

import ZIPFoundation
