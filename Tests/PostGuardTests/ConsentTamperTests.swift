// The consent registry's promises against the database itself (issue 15, items 12-15 and 18): each
// case tampers through plain SQL, as anyone with the file and sqlite3 could, and asserts the change
// is refused by the database or found by `consent verify`, and that `check` then refuses the registry.
import Foundation
import GRDB
import Testing
@testable import PostGuard
#if canImport(Glibc)
import Glibc
#endif

@Suite("Consent registry against tampering")
struct ConsentTamperTests {
    static let story = "Patient spotlight: María López walked out of rehab 6 weeks after her knee replacement! #PatientStories"
    static let storyLine = #"{"text": "\#(story)", "consent": "C-2026-0001", "channel": "facebook", "publish_at": "2026-12-01"}"#

    /// A registry with one record, amended, then revoked (three audit rows, one earlier version).
    func revokedRegistry() throws -> (db: String, folder: URL) {
        let folder = try temporaryDirectory()
        let db = folder.appendingPathComponent("consent.sqlite").path
        let registry = try ConsentRegistry(path: db)
        try registry.add(sampleRecord(), user: "officer")
        try registry.amend(id: "C-2026-0001", reason: "typo", user: "officer") { $0.notes = "form in binder 3" }
        try registry.revoke(id: "C-2026-0001", on: "2026-06-01", reason: "Patient asked", user: "officer")
        return (db, folder)
    }

    /// `check` on the story: what the gate says, and how the run ended.
    func checkStory(_ db: String) throws -> RunResult {
        try runPostGuard(["check", "--input-format", "jsonl", "--format", "json", "--consent-db", db, "-"], stdin: Self.storyLine + "\n")
    }

    @Test("Plain SQL that would undo a revocation, replace a record or rewrite the trail is refused by the database",
          arguments: [
              "UPDATE consent SET revokedOn = NULL, revocationReason = NULL",
              "UPDATE consent SET subject = 'Someone Else'",
              "UPDATE consent SET revokedOn = NULL, auditSequence = auditSequence + 1",
              "DELETE FROM consent",
              "INSERT OR REPLACE INTO consent (id, subject, aliases, information, recipient, purpose, signed, expires, channels, statements, mayShow) VALUES ('C-2026-0001', 'María López', '[]', 'x', 'x', 'x', '2026-01-15', '2027-12-31', '[]', '[\"revocation\",\"conditioning\",\"redisclosure\"]', '[]')",
              "INSERT INTO consent (id, subject, aliases, information, recipient, purpose, signed, expires, channels, statements, mayShow) VALUES ('C-2026-0002', 'Ana Ruiz', '[]', 'x', 'x', 'x', '2026-01-15', '2027-12-31', '[]', '[]', '[]')",
              "UPDATE consent_audit SET details = '{}'",
              "DELETE FROM consent_audit WHERE action = 'revoke'",
              "INSERT OR REPLACE INTO consent_audit (sequence, at, user, action, recordId, details) VALUES (3, 'x', 'x', 'add', 'C-2026-0001', '{}')",
              "INSERT OR IGNORE INTO consent_audit (sequence, at, user, action, recordId, details) VALUES (1, 'x', 'x', 'add', 'C-2026-0001', '{}')",
              "INSERT INTO consent_audit (at, user, action, recordId, details) VALUES ('x', 'x', 'revoke', 'C-2026-0001', '{}')",
              "UPDATE consent_version SET record = '{}'",
              "DELETE FROM consent_version",
              "INSERT OR REPLACE INTO consent_version (recordId, version, record, supersededAt, supersededBy) VALUES ('C-2026-0001', 1, '{}', 'x', 'x')",
              "INSERT OR REPLACE INTO consent_setting (key, value) VALUES ('id-format', '.*')",
          ])
    func refused(sql: String) throws {
        let (db, folder) = try revokedRegistry()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ConsentRegistry.openForReading(path: db).verify()
        #expect(before.isIntact, "\(before.problems)")
        // Another connection, as sqlite3 would be: nothing of postguard's code runs.
        let queue = try DatabaseQueue(path: db)
        #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { try $0.execute(sql: sql) } }
        try queue.close()
        let registry = try ConsentRegistry.openForReading(path: db)
        #expect(try registry.record(id: "C-2026-0001")?.revokedOn == "2026-06-01")
        #expect(try registry.verify().isIntact)
        #expect(try registry.verify().head == before.head)
        let run = try checkStory(db)
        #expect(run.status == 1)
        #expect(run.stdout.contains("policy.consent.revoked"))
    }

    @Test("A change made anyway (triggers dropped, a table dropped, a forged row) is found by verify, and check refuses the registry",
          arguments: [
              // Undo the revocation with the trigger out of the way, then put the trigger back.
              ("DROP TRIGGER consent_update_audited; UPDATE consent SET revokedOn = NULL, revocationReason = NULL;",
               "differs from what its newest audit row"),
              // The same, leaving the trigger dropped.
              ("DROP TRIGGER consent_update_audited; UPDATE consent SET revokedOn = NULL;", "trigger consent_update_audited is missing"),
              // A forged audit row that the triggers accept (right number, right link) but whose hash is not computed.
              ("""
               INSERT INTO consent_audit (sequence, at, user, action, recordId, details, recordHash, previousHash, hash)
                 SELECT MAX(sequence) + 1, '2026-07-01T00:00:00Z', 'officer', 'revoke', 'C-2026-0001', '{}', 'x',
                        (SELECT hash FROM consent_audit ORDER BY sequence DESC LIMIT 1), 'x' FROM consent_audit;
               UPDATE consent SET revokedOn = NULL, auditSequence = (SELECT MAX(sequence) FROM consent_audit);
               """, "audit row 4 does not match its hash"),
              ("DROP TABLE consent_audit;", "table consent_audit is missing"),
              ("DROP TRIGGER consent_audit_no_update; UPDATE consent_audit SET user = 'someone' WHERE sequence = 1;",
               "audit row 1 does not match its hash"),
              ("DROP TRIGGER consent_audit_no_delete; DELETE FROM consent_audit WHERE sequence = 2;", "audit row 3 does not follow row 1"),
              ("DROP TRIGGER consent_no_delete; DELETE FROM consent;", "not in the registry: it was deleted outside postguard"),
              ("DROP TRIGGER consent_version_no_delete; DELETE FROM consent_version;", "0 earlier version(s) for 1 amendment(s)"),
              ("CREATE TRIGGER helpful AFTER INSERT ON consent_audit BEGIN SELECT 1; END;", "trigger helpful is not postguard's"),
              ("DROP TRIGGER consent_setting_audited_insert; INSERT INTO consent_setting (key, value) VALUES ('id-format', '.*');",
               "the id format differs"),
          ])
    func detected(sql: String, problem: String) throws {
        let (db, folder) = try revokedRegistry()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        if sql.hasPrefix("DROP TRIGGER consent_update_audited; UPDATE consent SET revokedOn = NULL, revocationReason") {
            let trigger = try #require(ConsentIntegrity.triggers.first { $0.name == "consent_update_audited" })
            try queue.writeWithoutTransaction { try $0.execute(sql: trigger.sql) }
        }
        try queue.close()
        let integrity = try ConsentRegistry.openForReading(path: db).verify()
        #expect(integrity.problems.contains { $0.contains(problem) }, "\(integrity.problems)")

        let verify = try runPostGuard(["consent", "verify", "--db", db])
        #expect(verify.status == 2)
        #expect(verify.stderr.contains(problem))
        let run = try checkStory(db)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing is judged against an untrusted registry")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("postguard: \(db): the consent registry was changed outside postguard") == true, "\(run.stderr)")
    }

    @Test("A trail cut short with the triggers put back is found only against a head hash written down before")
    func expectHead() throws {
        let (db, folder) = try revokedRegistry()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try #require(try ConsentRegistry.openForReading(path: db).verify().head)
        let printed = try runPostGuard(["consent", "verify", "--db", db])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("head \(head)"))
        // Remove the revocation and its audit row, point the record back at the amendment's row,
        // and restore every trigger exactly: chain and states agree again.
        let queue = try DatabaseQueue(path: db)
        try queue.writeWithoutTransaction { db in
            for trigger in ConsentIntegrity.triggers { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
            try db.execute(sql: """
                DELETE FROM consent_audit WHERE sequence = 3;
                UPDATE consent SET revokedOn = NULL, revocationReason = NULL, auditSequence = 2;
                """)
            for trigger in ConsentIntegrity.triggers { try db.execute(sql: trigger.sql) }
        }
        try queue.close()
        #expect(try ConsentRegistry.openForReading(path: db).verify().isIntact, "the limit this test documents")
        let run = try runPostGuard(["consent", "verify", "--db", db, "--expect-head", head])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no audit row has the hash \(head)"))
    }

    @Test("Audit rows chain: each holds the previous row's hash and SHA-256 of the record state it left")
    func chain() throws {
        let (db, folder) = try revokedRegistry()
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = try ConsentRegistry.openForReading(path: db)
        let entries = try registry.audit()
        #expect(entries.map(\.action) == ["add", "amend", "revoke"])
        #expect(entries.map(\.previousHash) == [""] + entries.dropLast().map(\.hash))
        #expect(entries.allSatisfy { $0.hash?.count == 64 && $0.hash == ConsentIntegrity.chainHash($0) })
        let record = try #require(try registry.record(id: "C-2026-0001"))
        #expect(entries.last?.recordHash == ConsentIntegrity.stateHash(record))
        var unrevoked = record
        unrevoked.revokedOn = nil
        unrevoked.revocationReason = nil
        #expect(entries[1].recordHash == ConsentIntegrity.stateHash(unrevoked))
    }

    @Test("A registry written before the chain: check asks for an upgrade; upgrade seals each record and check trusts it again")
    func upgrade() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("old.sqlite").path
        // The schema as it was (migrations up to v3), with rows written as the old code wrote them.
        let queue = try DatabaseQueue(path: db)
        try ConsentRegistry.migrator.migrate(queue, upTo: "v3: registry settings")
        try queue.write { db in
            var record = sampleRecord()
            record.revokedOn = "2026-06-01"
            try record.insert(db)
            try db.execute(sql: "INSERT INTO consent_audit (at, user, action, recordId, details) VALUES ('2026-01-20T10:00:00Z', 'officer', 'add', ?, '{}')",
                           arguments: [record.id])
        }
        try queue.close()
        let refused = try checkStory(db)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("has no audit chain yet"))
        #expect(try runPostGuard(["consent", "upgrade", "--db", db]).status == 0)
        let registry = try ConsentRegistry.openForReading(path: db)
        #expect(try registry.verify().isIntact)
        #expect(try registry.audit().map(\.action) == ["add", "seal"])
        let run = try checkStory(db)
        #expect(run.status == 1)
        #expect(run.stdout.contains("policy.consent.revoked"))
    }

    /// Every file in `folder` with its bytes and modification time.
    func snapshot(_ folder: URL) throws -> [String: (Data, Date)] {
        var files: [String: (Data, Date)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
            files[name] = (try Data(contentsOf: URL(fileURLWithPath: path)), modified)
        }
        return files
    }

    @Test("list, show, export, history, audit, verify, id-format and check never write: same bytes, same time, no side files")
    func readersNeverWrite() throws {
        let (db, folder) = try revokedRegistry()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(atPath: db + ".lock")
        // SQLite's header says the journal: 1 (rollback) needs no -wal/-shm beside the file to read.
        let header = try #require(FileHandle(forReadingAtPath: db)).readData(ofLength: 20)
        #expect(Array(header[18...19]) == [1, 1])
        let before = try snapshot(folder)
        Thread.sleep(forTimeInterval: 0.01) // a write would now show as a later modification time
        for command in [["list"], ["list", "--format", "json"], ["show", "C-2026-0001"], ["export"], ["export", "--format", "json"],
                        ["history", "C-2026-0001"], ["audit"], ["verify"], ["id-format"]] {
            #expect(try runPostGuard(["consent"] + command + ["--db", db]).status == 0, "\(command)")
        }
        #expect(try checkStory(db).status == 1)
        let after = try snapshot(folder)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, (bytes, modified)) in before {
            #expect(after[name]?.0 == bytes, "\(name)")
            #expect(after[name]?.1 == modified, "\(name)")
        }
    }

    @Test("check and the read commands work on a registry in a folder the user cannot write",
          arguments: [false, true])
    func readOnlyFolder(writtenInWALMode: Bool) throws {
        let (db, folder) = try revokedRegistry()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.removeItem(atPath: db + ".lock")
        if writtenInWALMode {
            // As an earlier postguard left it: WAL mode, every commit checkpointed into the file.
            let queue = try DatabaseQueue(path: db)
            try queue.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
            #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
            let header = try #require(FileHandle(forReadingAtPath: db)).readData(ofLength: 20)
            #expect(Array(header[18...19]) == [2, 2])
        }
        chmod(folder.path, 0o555)
        chmod(db, 0o444)
        // Root writes anywhere, so as root the commands run as `nobody` (setpriv), who may only read.
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        func run(_ arguments: [String], stdin: String = "") throws -> (Int32, String, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: prefix.first ?? postguardBinary.path)
            process.arguments = Array(prefix.dropFirst()) + (prefix.isEmpty ? [] : [postguardBinary.path]) + arguments
            process.environment = ["POSTGUARD_RULES": rulesFolder.path, "PATH": "/usr/bin:/bin"]
            process.currentDirectoryURL = URL(fileURLWithPath: "/")
            let out = Pipe(), err = Pipe(), input = Pipe()
            process.standardOutput = out; process.standardError = err; process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
            let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }
        let before = try snapshot(folder)
        let check = try run(["check", "--input-format", "jsonl", "--format", "json", "--consent-db", db, "-"], stdin: Self.storyLine + "\n")
        #expect(check.0 == 1, "\(check.2)")
        #expect(check.1.contains("policy.consent.revoked"))
        for command in [["list"], ["verify"], ["export"]] {
            let result = try run(["consent"] + command + ["--db", db])
            #expect(result.0 == 0, "\(command): \(result.2)")
        }
        // A write is refused with one line, and still creates nothing.
        let amend = try run(["consent", "amend", "C-2026-0001", "--notes", "x", "--db", db])
        #expect(amend.0 == 2)
        #expect(amend.2.split(separator: "\n").count == 1)
        #expect(amend.2.hasPrefix("postguard: \(db): "))
        #expect(try snapshot(folder).keys.sorted() == before.keys.sorted())
    }

    @Test("A 0-byte registry is an error for readers, writers and check, and stays 0 bytes")
    func emptyFile() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        FileManager.default.createFile(atPath: db, contents: Data())
        for arguments in [["consent", "list", "--db", db], ["consent", "export", "--db", db], ["consent", "verify", "--db", db],
                          ["consent", "add", "--db", db, "--id", "C-1", "--subject", "Ana Ruiz", "--purpose", "Story", "--recipient", "Public",
                           "--information", "Name", "--signed", "2026-01-15", "--expires", "2027-01-15"],
                          ["check", "--consent-db", db, "-"]] {
            let run = try runPostGuard(arguments, stdin: "hello\n")
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "postguard: \(db): empty file, not a consent registry (restore it from a backup, or remove it to start a new one)\n")
            #expect(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int == 0)
        }
    }

    @Test("A failed import or revoke leaves no file behind, nor the folder it would have made")
    func failedCommandsLeaveNothing() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("new/consent.sqlite").path
        let csv = folder.appendingPathComponent("twice.csv")
        let row = "C-1,Ana Ruiz,Story,Public,Name,2026-01-15,2027-01-15,,,,"
        try ("id,subject,purpose,recipient,information,signed,expires,expires_event,channels,signer,authority\n" + row + "\n" + row + "\n")
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try runPostGuard(["consent", "import", csv.path, "--db", db])
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("id repeats line 2"))
        #expect(try runPostGuard(["consent", "revoke", "C-1", "--date", "2026-02-01", "--db", db]).status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["twice.csv"])
        // A failure after the registry was created (here: the body itself) removes what was created.
        #expect(throws: ConsentError.self) { try ConsentRegistry.writing(path: db) { _ in throw ConsentError("refused") } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["twice.csv"])
    }

    @Test("A corrupt registry is one line with the postguard: prefix and none of the file's text")
    func corruptRegistry() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        try String(repeating: "María López 123-45-6789 knee replacement\n", count: 200).write(toFile: db, atomically: true, encoding: .utf8)
        for arguments in [["consent", "list", "--db", db], ["consent", "verify", "--db", db], ["consent", "revoke", "C-1", "--date", "2026-02-01", "--db", db],
                          ["check", "--consent-db", db, "-"]] {
            let run = try runPostGuard(arguments, stdin: "hello\n")
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr == "postguard: \(db): not a consent registry, or a damaged one (SQLite: file is not a database)\n", "\(arguments)")
        }
    }

    @Test("export neutralises cells a spreadsheet would run, and import reads them back as they were")
    func formulaCells() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("consent.sqlite").path
        let hostile = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\",\"y\")", "\tTabbed", "\rReturn",
                       "'=already quoted", "''+twice", "'plain apostrophe"]
        let registry = try ConsentRegistry(path: db)
        for (index, text) in hostile.enumerated() {
            var record = sampleRecord("C-\(index)", subject: "Ana Ruiz")
            record.purpose = text
            record.notes = text
            try registry.add(record)
        }
        let exported = try runPostGuard(["consent", "export", "--db", db])
        #expect(exported.status == 0)
        let rows = try CSVRecords.namedRows(exported.stdout, source: "export.csv").rows
        let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
        for (_, row) in rows {
            for (column, cell) in row {
                #expect(cell.unicodeScalars.first.map { !formulaStarts.contains(Character($0)) } ?? true, "\(column): \(cell)")
            }
        }
        let csv = folder.appendingPathComponent("export.csv")
        try exported.stdout.write(to: csv, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("other.sqlite").path
        let imported = try runPostGuard(["consent", "import", csv.path, "--db", other])
        #expect(imported.status == 0, "\(imported.stderr)")
        let back = try ConsentRegistry.openForReading(path: other).all()
        #expect(back.map(\.purpose) == (try registry.all()).map(\.purpose))
        #expect(back.map(\.notes) == (try registry.all()).map(\.notes))
    }

    @Test("Neutralising is exactly undone by restoring, for any leading apostrophes and formula characters")
    func spreadsheetInverse() {
        let pieces = ["'", "=", "+", "-", "@", "\t", "\r", "\r\n", "a", " ", "1"]
        var cells = [""]
        for _ in 0..<4 { cells = cells.flatMap { cell in pieces.map { cell + $0 } } }
        for cell in cells {
            #expect(Spreadsheet.restored(Spreadsheet.neutralised(cell)) == cell, "\(Array(cell.unicodeScalars))")
            let neutral = Spreadsheet.neutralised(cell)
            #expect(!(neutral.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false))
        }
    }
}
