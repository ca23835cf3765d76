// Consent administration (issue 13): amendments kept as versions with who and when, the history and
// audit trail read without sqlite3, lists by expiry and status, the documents citing a record, and
// validation before any write. Run through the real binary, as a privacy officer would.
import Foundation
import Testing
@testable import PostGuard

@Suite("Consent administration")
struct ConsentAdministrationTests {
    /// A registry with one record whose channels and expiry are given, and its folder.
    func registry(channels: String = "facebook", expires: String) throws -> (db: String, folder: URL) {
        let folder = try temporaryDirectory()
        let db = folder.appendingPathComponent("consent.sqlite").path
        let added = try runPostGuard(["consent", "add", "--db", db, "--id", "C-1", "--subject", "Harold Benning",
                                      "--purpose", "Patient story", "--recipient", "The public", "--information", "Name, knee replacement",
                                      "--signed", "2026-01-15", "--expires", expires, "--channels", channels])
        #expect(added.status == 0, "\(added.stderr)")
        return (db, folder)
    }

    func day(_ offset: Int) -> String { CalendarDate.today().adding(days: offset).description }

    @Test("An amendment is the newest version, which the gate reads; the old one is kept with who and when")
    func amendment() throws {
        let (db, folder) = try registry(expires: day(400))
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = folder.appendingPathComponent("story.md")
        try Data("---\nconsent: C-1\nchannel: instagram\n---\nHarold Benning shares his knee replacement story. #PatientSpotlight\n".utf8).write(to: story)
        // Signed for Facebook only: the Instagram post is blocked.
        #expect(try runPostGuard(["check", "--consent-db", db, story.path]).status == 1)

        let amended = try runPostGuard(["consent", "amend", "C-1", "--db", db, "--channels", "facebook,instagram", "--reason", "the form lists Instagram too"])
        #expect(amended.status == 0, "\(amended.stderr)")
        #expect(amended.stdout.contains("version 2"))
        #expect(try runPostGuard(["check", "--consent-db", db, story.path]).status == 0)

        let history = try runPostGuard(["consent", "history", "C-1", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        let earlier = try #require(object["earlierVersions"] as? [[String: Any]])
        #expect(earlier.count == 1)
        #expect(earlier[0]["supersededBy"] as? String == ConsentRegistry.currentUser())
        #expect((earlier[0]["supersededAt"] as? String)?.hasPrefix(String(Date().ISO8601Format().prefix(4))) == true)
        #expect(earlier[0]["reason"] as? String == "the form lists Instagram too")
        // The old version as it was.
        let old = try #require((earlier[0]["record"] as? String).map { try JSONDecoder().decode(ConsentRecord.self, from: Data($0.utf8)) })
        #expect(old.channels == ["facebook"])
        let actions = try #require(object["history"] as? [[String: Any]]).map { $0["action"] as? String }
        #expect(actions == ["add", "amend"])

        // The old version cannot be edited or removed, even with sqlite3.
        let registry = try ConsentRegistry(path: db)
        #expect(throws: (any Error).self) { try registry.write { try $0.execute(sql: "DELETE FROM consent_version") } }

        // An amendment that changes nothing, or breaks the record, writes nothing.
        #expect(try runPostGuard(["consent", "amend", "C-1", "--db", db, "--channels", "facebook,instagram"]).status == 2)
        let broken = try runPostGuard(["consent", "amend", "C-1", "--db", db, "--signed", day(3)])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("after today"))
        #expect(try ConsentRegistry(path: db).versions(id: "C-1").count == 1)
    }

    @Test("Channel names are checked before any write, with the nearest known names")
    func channelNames() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        let typo = try runPostGuard(["consent", "add", "--db", db, "--id", "C-1", "--subject", "Harold Benning",
                                     "--purpose", "Patient story", "--recipient", "The public", "--information", "Name",
                                     "--signed", "2026-01-15", "--expires", "2027-12-31", "--channels", "facebok,twitter"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown channel 'facebok' (did you mean facebook?)"))
        #expect(typo.stderr.contains("unknown channel 'twitter' (did you mean x?)"))
        #expect(!FileManager.default.fileExists(atPath: db))

        let csv = folder.appendingPathComponent("consents.csv")
        try Data("id,subject,purpose,recipient,information,signed,expires,channels\nC-2,Ann Lee,Story,Public,Name,2026-01-15,2027-12-31,instagarm\n".utf8).write(to: csv)
        let imported = try runPostGuard(["consent", "import", "--db", db, csv.path])
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("did you mean instagram?"))
        #expect(ConsentChannels.problems(ConsentChannels.known).isEmpty)
    }

    @Test("Every channel the verdict sets' records list can be written to the registry (the twelfth reviewer's Nextdoor record was refused)")
    func setChannelsAreKnown() throws {
        let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
        var channels = Set<String>()
        for folder in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where folder.hasPrefix("verdicts-") {
            let file = fixtures.appendingPathComponent(folder).appendingPathComponent("consents.jsonl")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                channels.formUnion(record?["channels"] as? [String] ?? [])
            }
        }
        #expect(channels.contains("nextdoor"))
        #expect(ConsentChannels.problems(channels.sorted()) == [])
        #expect(ConsentChannels.problems(["healthgrades", "reddit", "slack", "teams", "zocdoc", "vitals"]) == [])
    }

    @Test("list, show, export, history and audit on a registry that does not exist are errors and create nothing")
    func missingRegistry() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("typo.sqlite").path
        for command in [["list"], ["show", "C-1"], ["export"], ["history", "C-1"], ["audit"], ["revoke", "C-1", "--date", "2026-01-01"],
                        ["amend", "C-1", "--notes", "x"]] {
            let run = try runPostGuard(["consent"] + command + ["--db", db])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("no consent registry there"), "\(command)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(command)")
        }
        #expect(try runPostGuard(["consent", "init", "--db", db]).status == 0)
        #expect(try runPostGuard(["consent", "list", "--db", db]).status == 0)
        #expect(try runPostGuard(["consent", "init", "--db", db]).status == 2)
    }

    @Test("list filters by expiry window and by status on today's date")
    func listFilters() throws {
        let (db, folder) = try registry(expires: day(20))
        defer { try? FileManager.default.removeItem(at: folder) }
        func add(_ id: String, expires: String) throws {
            let run = try runPostGuard(["consent", "add", "--db", db, "--id", id, "--subject", "Ann Lee", "--purpose", "Story",
                                        "--recipient", "Public", "--information", "Name", "--signed", "2025-01-15", "--expires", expires])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try add("C-2", expires: day(45))
        try add("C-3", expires: day(-1))
        try add("C-4", expires: day(10))
        #expect(try runPostGuard(["consent", "revoke", "C-4", "--db", db, "--date", day(0)]).status == 0)
        func ids(_ arguments: [String]) throws -> [String] {
            let run = try runPostGuard(["consent", "list", "--db", db] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        }
        #expect(try ids(["--expiring-within", "30d"]) == ["C-1"])
        #expect(try ids(["--expiring-within", "7w"]) == ["C-1", "C-2"])
        #expect(try ids(["--status", "active"]) == ["C-1", "C-2"])
        #expect(try ids(["--status", "expired"]) == ["C-3"])
        #expect(try ids(["--status", "revoked"]) == ["C-4"])
        #expect(try runPostGuard(["consent", "list", "--db", db, "--expiring-within", "soon"]).status == 2)
    }

    @Test("audit --since lists changes from that day; usage lists the documents citing a record")
    func auditAndUsage() throws {
        let (db, folder) = try registry(expires: day(200))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try runPostGuard(["consent", "revoke", "C-1", "--db", db, "--date", day(0), "--reason", "asked by phone"]).status == 0)
        let today = try runPostGuard(["consent", "audit", "--db", db, "--since", ISO8601DateFormatter().string(from: Date()).prefix(10).description])
        #expect(today.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[2]) } == ["add", "revoke"])
        #expect(today.stdout.contains("(reason: asked by phone)"))
        let tomorrow = try runPostGuard(["consent", "audit", "--db", db, "--since", CalendarDate.today().adding(days: 2).description])
        #expect(tomorrow.stdout.isEmpty)

        let drafts = folder.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try Data("---\nconsent: C-1\n---\nHarold's story.\n".utf8).write(to: drafts.appendingPathComponent("a.md"))
        try Data("No consent here.\n".utf8).write(to: drafts.appendingPathComponent("b.md"))
        try Data("{\"id\":\"p-1\",\"text\":\"x\",\"consent\":[\"C-9\",\"C-1\"],\"channel\":\"facebook\"}\n{\"id\":\"p-2\",\"text\":\"y\",\"consent\":\"C-2\"}\n".utf8)
            .write(to: drafts.appendingPathComponent("c.jsonl"))
        let usage = try runPostGuard(["consent", "usage", "C-1", "drafts"], directory: folder)
        #expect(usage.status == 0)
        #expect(usage.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["drafts/a.md", "drafts/c.jsonl#p-1"])
        #expect(usage.stderr.contains("2 documents cite C-1"))
    }
}

@Suite("Consent id format")
struct ConsentIdFormatTests {
    @Test("The organisation's id format, set on init, is checked on add and import; it can be shown and removed")
    func idFormat() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        #expect(try runPostGuard(["consent", "init", "--db", db, "--id-format", "C-[0-9]{4}-[0-9]{4}"]).status == 0)
        #expect(try runPostGuard(["consent", "id-format", "--db", db]).stdout == "C-[0-9]{4}-[0-9]{4}\n")
        func add(_ id: String) throws -> RunResult {
            try runPostGuard(["consent", "add", "--db", db, "--id", id, "--subject", "Ann Lee", "--purpose", "Story",
                              "--recipient", "Public", "--information", "Name", "--signed", "2026-01-15", "--expires", "2027-12-31"])
        }
        let bad = try add("C-26-42")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("does not follow the registry's id format"))
        // The whole id must match, not a part of it.
        #expect(try add("C-2026-00421").status == 2)
        #expect(try add("C-2026-0042").status == 0)

        let csv = folder.appendingPathComponent("more.csv")
        try Data("id,subject,purpose,recipient,information,signed,expires\nC-2026-0043,Bo Diaz,Story,Public,Name,2026-01-15,2027-12-31\n2026/44,Al Roy,Story,Public,Name,2026-01-15,2027-12-31\n".utf8).write(to: csv)
        let imported = try runPostGuard(["consent", "import", "--db", db, csv.path])
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("line 3: 2026/44"))
        // All or none: the good row was not written either.
        #expect(try ConsentRegistry(path: db).record(id: "C-2026-0043") == nil)

        #expect(try runPostGuard(["consent", "id-format", "--db", db, "("]).status == 2)
        #expect(try runPostGuard(["consent", "id-format", "--db", db, ""]).status == 0)
        #expect(try add("C-26-42").status == 0)
        let audit = try runPostGuard(["consent", "audit", "--db", db])
        #expect(audit.stdout.contains("record ids must match C-[0-9]{4}-[0-9]{4}"))
        #expect(audit.stdout.contains("id format removed"))
    }
}
