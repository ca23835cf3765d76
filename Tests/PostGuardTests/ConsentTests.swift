import Foundation
import Testing
@testable import PostGuard

func sampleRecord(_ id: String = "C-2026-0001", subject: String = "María López", channels: [String] = ["facebook", "instagram"]) -> ConsentRecord {
    ConsentRecord(id: id, subject: subject, information: "Name, photo and knee replacement recovery",
                  recipient: "The public, on the organisation's social media", purpose: "Patient story for the orthopaedics campaign",
                  signed: "2026-01-15", expires: "2027-12-31", channels: channels)
}

@Suite("Consent registry")
struct ConsentRegistryTests {
    func registry() throws -> (ConsentRegistry, URL) {
        let folder = try temporaryDirectory()
        return (try ConsentRegistry(path: folder.appendingPathComponent("nested/consent.sqlite").path), folder)
    }

    @Test("A record needs every 164.508(c) element", arguments: ["purpose", "recipient", "information", "subject"])
    func requiredElements(field: String) {
        var record = sampleRecord()
        #expect(record.problems().isEmpty)
        switch field {
        case "purpose": record.purpose = " "
        case "recipient": record.recipient = ""
        case "information": record.information = ""
        default: record.subject = ""
        }
        #expect(record.problems().contains { $0.hasPrefix("\(field) is missing") })
    }

    @Test("Dates, expiry, representatives and required statements are checked")
    func otherProblems() {
        var record = sampleRecord()
        record.signed = "2026-02-30"
        #expect(record.problems().contains { $0.contains("not a date") })
        record = sampleRecord(); record.expires = nil
        #expect(record.problems().contains { $0.contains("expiry date or expiry event is required") })
        record.expiresEvent = "end of the campaign"
        #expect(record.problems().isEmpty)
        record.expires = "2027-01-01"
        #expect(record.problems().contains { $0.contains("not both") })
        record = sampleRecord(); record.expires = "2025-12-31"
        #expect(record.problems().contains { $0.contains("before it was signed") })
        record = sampleRecord(); record.signer = "Ana López"
        #expect(record.problems().contains { $0.contains("authority is required") })
        #expect(!record.problems().joined().contains("Ana"))
        record.authority = "Health care power of attorney"
        #expect(record.problems().isEmpty)
        // The authority as the form words it: a representative, or a role the signer does not hold.
        for (authority, valid) in [("parent of minor patient", true), ("court-appointed guardian", true),
                                   ("executor of the estate (deceased patient)", true), ("mother", true),
                                   ("neighbour and friend (no legal authority)", false), ("girlfriend", false),
                                   ("mother (patient is 27; no guardianship or power of attorney)", false),
                                   ("father of an adult patient", false)] {
            record.authority = authority
            #expect(record.problems().isEmpty == valid, "\(authority): \(record.problems())")
            // The gate quotes these in reports that land in CI logs: no one's name in them.
            #expect(!record.problems().joined().contains("Ana") && !record.problems().joined().lowercased().contains("lopez"))
        }
        record.signer = "maria lopez" // the subject signing, written differently
        record.authority = nil
        #expect(record.problems().isEmpty)
        record.statements = ["revocation"]
        #expect(record.problems().contains { $0.contains("conditioning, redisclosure") })
    }

    @Test("Add, show, revoke: the record stays and every change is audited")
    func addAndRevoke() throws {
        let (registry, folder) = try registry()
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(sampleRecord(), user: "privacy-officer")
        #expect(try registry.record(id: "C-2026-0001") == sampleRecord())
        try registry.revoke(id: "C-2026-0001", on: "2026-06-01", reason: "Patient asked", user: "privacy-officer")
        let revoked = try #require(try registry.record(id: "C-2026-0001"))
        #expect(revoked.revokedOn == "2026-06-01")
        #expect(revoked.revocationReason == "Patient asked")
        #expect(try registry.audit().map(\.action) == ["add", "revoke"])
        #expect(try registry.audit().allSatisfy { $0.user == "privacy-officer" && $0.recordId == "C-2026-0001" })
    }

    @Test("Bad input writes nothing: duplicates, unknown ids, double revocation, bad dates")
    func badInputChangesNothing() throws {
        let (registry, folder) = try registry()
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(sampleRecord())
        let before = (try registry.all(), try registry.audit().count)
        #expect(throws: ConsentError.self) { try registry.add(sampleRecord()) }
        var incomplete = sampleRecord("C-2"); incomplete.purpose = ""
        #expect(throws: ConsentError.self) { try registry.add(incomplete) }
        #expect(throws: ConsentError.self) { try registry.revoke(id: "C-404", on: "2026-06-01", reason: nil) }
        #expect(throws: ConsentError.self) { try registry.revoke(id: "C-2026-0001", on: "June 1", reason: nil) }
        #expect(throws: ConsentError.self) { try registry.revoke(id: "C-2026-0001", on: "2025-06-01", reason: nil) }
        #expect(throws: ConsentError.self) {
            try registry.importRecords([(2, sampleRecord("C-3")), (3, sampleRecord("C-2026-0001"))])
        }
        #expect(try registry.all() == before.0)
        #expect(try registry.audit().count == before.1)
        try registry.revoke(id: "C-2026-0001", on: "2026-06-01", reason: nil)
        #expect(throws: ConsentError.self) { try registry.revoke(id: "C-2026-0001", on: "2026-07-01", reason: nil) }
    }

    @Test("A signature or revocation dated after today is refused, and nothing is written")
    func futureDates() throws {
        let (registry, folder) = try registry()
        defer { try? FileManager.default.removeItem(at: folder) }
        let today = CalendarDate(iso: "2026-11-29")!
        var early = sampleRecord("C-F"); early.signed = "2026-11-30"
        #expect(throws: ConsentError.self) { try registry.add(early, today: today) }
        #expect(throws: ConsentError.self) { try registry.importRecords([(2, early)], today: today) }
        try registry.add(sampleRecord(), today: today)
        #expect(throws: ConsentError.self) { try registry.revoke(id: "C-2026-0001", on: "2026-11-30", reason: nil, today: today) }
        #expect(try registry.all() == [sampleRecord()])
        #expect(try registry.audit().count == 1)
        try registry.revoke(id: "C-2026-0001", on: "2026-11-29", reason: nil, today: today)
        #expect(try registry.record(id: "C-2026-0001")?.revokedOn == "2026-11-29")
        // Through the binary: exit 2, the registry not even created.
        let db = folder.appendingPathComponent("new/consent.sqlite").path
        let tomorrow = CalendarDate.today(now: Date().addingTimeInterval(86_400 * 2)).description
        let add = try runPostGuard(["consent", "add", "--db", db, "--id", "C-1", "--subject", "Ana Ruiz", "--purpose", "Story",
                                    "--recipient", "Public", "--information", "Name", "--signed", tomorrow, "--expires", "2099-01-01"])
        #expect(add.status == 2 && add.stderr.contains("after today"), "\(add.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        try registry.add(sampleRecord("C-2"), today: today)
        let revoke = try runPostGuard(["consent", "revoke", "--db", registry.path, "C-2", "--date", tomorrow])
        #expect(revoke.status == 2 && revoke.stderr.contains("after today"), "\(revoke.stderr)")
        #expect(try registry.record(id: "C-2")?.revokedOn == nil)
    }

    @Test("The audit trail and the records cannot be deleted, even with SQL")
    func appendOnly() throws {
        let (registry, folder) = try registry()
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(sampleRecord())
        let queue = try GRDBTestAccess.queue(registry.path)
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM consent_audit") } }
        #expect(throws: (any Error).self) { try queue.write { try $0.execute(sql: "DELETE FROM consent") } }
        #expect(try registry.audit().count == 1)
    }

    @Test("CSV import checks every row and reports all bad rows with their lines, writing none")
    func csvImportAllOrNothing() throws {
        let csv = """
            id,subject,purpose,recipient,information,signed,expires,expires_event,channels,signer,authority
            C-1,Ana Ruiz,Story,Public,Name and photo,2026-01-15,2027-01-15,,"facebook,instagram",,
            C-2,Ben Ode,Story,Public,Name,2026-13-01,2027-01-15,,,,
            C-3,Cy Park,,Public,Name,2026-01-15,,,,,
            """
        #expect(throws: ConsentError.self) { try ConsentCSV.parse(csv, source: "c.csv") }
        do { _ = try ConsentCSV.parse(csv, source: "c.csv") } catch let error as ConsentError {
            let lines = error.description.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("c.csv:3: signed date '2026-13-01'") })
            #expect(lines.contains { $0.hasPrefix("c.csv:4: purpose is missing") })
            #expect(lines.contains { $0.hasPrefix("c.csv:4: an expiry date or expiry event is required") })
            #expect(!lines.contains { $0.hasPrefix("c.csv:2") })
        }
    }

    @Test("Import errors name the line a record starts on, even after a field spanning lines")
    func csvLinesAcrossQuotedFields() {
        let csv = "id,subject,purpose,recipient,information,signed,expires,notes\n"
            + "C-1,Ana Ruiz,Story,Public,Name,2026-01-15,2027-01-15,\"signed at the 5K,\nform in binder 3\"\n"
            + "C-2,Ben Ode,Story,Public,Name,2026-13-01,2027-01-15,\n"
        do {
            _ = try ConsentCSV.parse(csv, source: "c.csv")
            Issue.record("a bad date was accepted")
        } catch {
            #expect("\(error)".hasPrefix("c.csv:4: signed date '2026-13-01'"), "\(error)")
        }
    }

    @Test("Export imports again, revocations included")
    func exportRoundTrip() throws {
        let (registry, folder) = try registry()
        defer { try? FileManager.default.removeItem(at: folder) }
        var second = sampleRecord("C-2", subject: "Jean-Luc O'Neil, Jr.", channels: [])
        second.expires = nil; second.expiresEvent = "end of the \"Walk\" campaign"
        second.aliases = ["Jean-Luc", "O'Neil, Jean-Luc", "@jlo"]
        second.mayShow = ["name", "photo"]
        second.discloser = "Example Health Marketing"
        second.notes = "Signed at the 5K, form in binder 3"
        try registry.add(sampleRecord())
        try registry.add(second)
        try registry.revoke(id: "C-2", on: "2026-03-01", reason: "Moved away, asked to stop")
        let exported = ConsentCSV.export(try registry.all())
        let (other, otherFolder) = try self.registry()
        defer { try? FileManager.default.removeItem(at: otherFolder) }
        try other.importRecords(try ConsentCSV.parse(exported, source: "export.csv"))
        #expect(try other.all() == registry.all())
    }

    @Test("Two concurrent `consent add` processes both succeed")
    func concurrentProcesses() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        func add(_ id: String) throws -> Process {
            let process = Process()
            process.executableURL = postguardBinary
            process.arguments = ["consent", "add", "--db", db, "--id", id, "--subject", "Ana Ruiz", "--purpose", "Story",
                                 "--recipient", "Public", "--information", "Name", "--signed", "2026-01-15", "--expires", "2027-01-15"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        let processes = try (1...4).map { try add("C-\($0)") }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        #expect(try ConsentRegistry(path: db).all().map(\.id) == ["C-1", "C-2", "C-3", "C-4"])
        #expect(try ConsentRegistry(path: db).audit().count == 4)
    }
}

import GRDB
enum GRDBTestAccess {
    static func queue(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }
}

@Suite("Testimonial gate")
struct ConsentGateTests {
    let story = "Patient spotlight: María López walked out of rehab 6 weeks after her knee replacement! #PatientStories"

    func gate(_ records: [ConsentRecord], consent: [String], channel: String? = "facebook", publishAt: String? = "2026-12-01",
              text: String? = nil, named: [String] = ["María López"]) throws -> [ConsentGate.Failure]? {
        let document = Document(source: "story.md", text: text ?? story, channel: channel, consent: consent, publishAt: publishAt)
        return try ConsentGate(lookup: ConsentTable(records)).failures(
            for: document, checkDate: CalendarDate(iso: publishAt ?? "2026-11-22")!, namedPeople: named)
    }

    @Test("A valid record passes")
    func valid() throws {
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"]) == nil)
    }

    @Test("No record named, or not in the registry")
    func missing() throws {
        #expect(try gate([sampleRecord()], consent: []) == [.noConsentNamed])
        #expect(try gate([sampleRecord()], consent: ["C-404"]) == [.unknownRecord("C-404")])
        let document = Document(source: "s", text: story, consent: ["C-1"])
        #expect(try ConsentGate(lookup: nil).failures(for: document, checkDate: CalendarDate(iso: "2026-12-01")!, namedPeople: []) == [.noRegistry])
    }

    @Test("Expired: valid through its expiry date, not after")
    func expired() throws {
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], publishAt: "2027-12-31") == nil)
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], publishAt: "2028-01-01") == [.expired("C-2026-0001", on: "2027-12-31")])
    }

    @Test("Revoked: from the revocation date on")
    func revoked() throws {
        var record = sampleRecord(); record.revokedOn = "2026-12-01"
        #expect(try gate([record], consent: ["C-2026-0001"], publishAt: "2026-11-30") == nil)
        #expect(try gate([record], consent: ["C-2026-0001"], publishAt: "2026-12-01") == [.revoked("C-2026-0001", on: "2026-12-01")])
    }

    @Test("Not yet signed on the publication date")
    func notSigned() throws {
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], publishAt: "2026-01-14") == [.notYetSigned("C-2026-0001", signed: "2026-01-15")])
    }

    @Test("Channel: covered when listed, any when the record lists none")
    func channels() throws {
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], channel: "linkedin") ==
                [.channelNotCovered("C-2026-0001", channel: "linkedin", covered: ["facebook", "instagram"])])
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], channel: "Instagram") == nil)
        #expect(try gate([sampleRecord(channels: [])], consent: ["C-2026-0001"], channel: "linkedin") == nil)
    }

    @Test("Subject: the person named, tolerating honorifics, initials, accents and case")
    func subject() throws {
        for text in ["Mrs. Maria Lopez is home!", "MARÍA L. is home!", "maria lópez is home", "Thanks, Ms. López!"] {
            #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], text: text, named: []) == nil, "\(text)")
        }
        // A record for someone the post does not name, and the person it does name, uncovered: two
        // findings (the old gate reported only the first).
        #expect(try gate([sampleRecord(subject: "John Smith")], consent: ["C-2026-0001"], named: ["María López"]) ==
                [.otherSubject("C-2026-0001", subject: "John Smith"), .uncoveredPerson("C-2026-0001", person: "María López")])
        // The subject is named, but so is another patient: the finding is about that person (the old
        // gate said the record was for someone else).
        #expect(try gate([sampleRecord()], consent: ["C-2026-0001"], text: story + " Her roommate Ann Kim too!",
                         named: ["María López", "Ann Kim"]) == [.uncoveredPerson("C-2026-0001", person: "Ann Kim")])
    }

    @Test("Every failed condition of every record, the subject included")
    func everyCondition() throws {
        // For the wrong person and expired: the old gate reported only the expiry.
        var other = sampleRecord(subject: "Angela Moretti"); other.expires = "2026-06-30"
        #expect(try gate([other], consent: ["C-2026-0001"], channel: "linkedin") == [
            .expired("C-2026-0001", on: "2026-06-30"),
            .channelNotCovered("C-2026-0001", channel: "linkedin", covered: ["facebook", "instagram"]),
            .otherSubject("C-2026-0001", subject: "Angela Moretti"),
            .uncoveredPerson("C-2026-0001", person: "María López"),
        ])
        // Two records, each failing its own way: both reported.
        var revoked = sampleRecord("C-2", subject: "Jorge López"); revoked.revokedOn = "2026-03-01"
        let failures = try #require(try gate([other, revoked], consent: ["C-2026-0001", "C-2"], text: story + " Jorge López too."))
        #expect(failures.contains(.revoked("C-2", on: "2026-03-01")) && failures.contains(.expired("C-2026-0001", on: "2026-06-30")))
    }

    @Test("The personal representative who signed is covered; a parent's own record does not cover the child")
    func signerCovered() throws {
        var nora = sampleRecord(subject: "Nora Whitfield"); nora.signer = "Jessica Whitfield"; nora.authority = "mother (personal representative)"
        let text = "Nora is 5 today! Born at 26 weeks in our NICU. Her mom Jessica asked us to share her story."
        #expect(try gate([nora], consent: ["C-2026-0001"], text: text, named: ["Nora", "Jessica"]) == nil)
        // The mother's own authorization, for a story about her son.
        let hannah = sampleRecord(subject: "Hannah Brooks")
        // Said either way: the record is another person's (the story names Owen, whose surname
        // alone is Hannah's), or Owen is shown and not covered.
        let failures = try #require(try gate([hannah], consent: ["C-2026-0001"], text: "Baby Owen Brooks went home after 52 days in our NICU!",
                                             named: ["Owen Brooks"]))
        #expect(failures.contains(.otherSubject("C-2026-0001", subject: "Hannah Brooks"))
                || failures.contains(.uncoveredPerson("C-2026-0001", person: "Owen Brooks")), "\(failures)")
    }

    @Test("Generational suffixes are part of the name; Sr. before a name is an honorific")
    func suffixes() throws {
        let senior = sampleRecord(subject: "Jamal Whitaker Sr.")
        let text = "Jamal Whitaker Jr., 16, is back on the court after surgery for his torn ACL!"
        #expect(try gate([senior], consent: ["C-2026-0001"], text: text, named: ["Jamal Whitaker Jr."]) ==
                [.uncoveredPerson("C-2026-0001", person: "Jamal Whitaker Jr.")])
        #expect(try gate([senior], consent: ["C-2026-0001"], text: "Jamal Whitaker Sr. is back on the court!", named: ["Jamal Whitaker Sr."]) == nil)
        #expect(try gate([senior], consent: ["C-2026-0001"], text: "Jamal Whitaker is back on the court!", named: ["Jamal Whitaker"]) == nil)
        #expect(try gate([sampleRecord(subject: "Carlos Mendoza")], consent: ["C-2026-0001"], text: "Gracias, Sr. Carlos Mendoza.",
                         named: ["Sr. Carlos Mendoza"]) == nil)
        #expect(SubjectMatch.tokens("Sr. Carlos Mendoza Jr.") == ["carlos", "mendoza", "jr"])
        #expect(!SubjectMatch.sameName(SubjectMatch.tokens("Juan Pérez hijo"), SubjectMatch.tokens("Juan Pérez padre")))
        // The suffix the name detector leaves out is read from the text after the name.
        let bytes = Array("Jamal Whitaker Jr., 16 and Ann Lee IV fluids".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(SubjectMatch.suffix(after: 14, in: buffer) == "Jr")
            #expect(SubjectMatch.suffix(after: 34, in: buffer) == nil)
        }
    }

    @Test("Dates: a revocation or a signature after the check date has not happened yet")
    func futureDatesAtTheGate() throws {
        var record = sampleRecord(); record.revokedOn = "2026-12-10"
        #expect(try gate([record], consent: ["C-2026-0001"], publishAt: "2026-12-01") == nil)
        #expect(try gate([record], consent: ["C-2026-0001"], publishAt: "2026-12-10") == [.revoked("C-2026-0001", on: "2026-12-10")])
        record = sampleRecord(); record.signed = "2026-12-05"
        #expect(try gate([record], consent: ["C-2026-0001"], publishAt: "2026-12-01") == [.notYetSigned("C-2026-0001", signed: "2026-12-05")])
    }

    @Test("One valid record among several is enough")
    func severalRecords() throws {
        var revoked = sampleRecord("C-OLD"); revoked.revokedOn = "2026-02-01"
        #expect(try gate([revoked, sampleRecord()], consent: ["C-OLD", "C-2026-0001"]) == nil)
    }
}
