// Consent: the registry on SQLite. A rollback journal (not WAL), so a reader needs no side files
// and `check` works on a registry in a folder it may only read; a busy timeout so several
// `postguard` processes queue instead of failing; migrations run under a file lock so two processes
// opening a new registry at once do not both create it. Records are never deleted and every change
// is appended to the audit chain in the same transaction (ConsentIntegrity.swift: the triggers
// that refuse any other change, and the hashes that show one made anyway).
import PostGuardDocuments
import PostGuardInput
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

public struct ConsentError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public final class ConsentRegistry: Sendable {
    public let path: String
    /// Read-write for the commands that change the registry; read-only (no side files) otherwise.
    private let database: any DatabaseWriter
    public let isReadOnly: Bool

    /// The contract's default location: `POSTGUARD_CONSENT_DB`, else `.postguard/consent.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["POSTGUARD_CONSENT_DB"], !path.isEmpty { return path }
        return ".postguard/consent.sqlite"
    }

    /// Opens the registry for writing, creating it (and its folder) on first use. Prefer
    /// `writing(path:_:)`, which removes what it created when the first write fails.
    public init(path: String) throws {
        self.path = path
        isReadOnly = false
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ConsentError("\(path): cannot create its folder: \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "postguard-consent"
        do {
            database = try ConsentRegistry.withFileLock(path + ".lock") {
                // Under the lock: a registry another process is creating is 0 bytes only until
                // that process lets go of it.
                try ConsentRegistry.refuseEmptyFile(path)
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                // Registries written before used WAL, whose readers must create -wal/-shm files:
                // back to a rollback journal, which readers never write (it is kept in the file).
                try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
                try ConsentRegistry.migrator.migrate(queue)
                return queue
            }
        } catch let error as ConsentError {
            throw error
        } catch {
            throw ConsentError("\(path): \(ConsentRegistry.reason(error))")
        }
    }

    /// Opens a registry that must already exist, for a command that changes it (`revoke`, `amend`,
    /// ...): only `add`, `import` and `init` create one, so a mistyped `--db` is an error, not a new
    /// empty registry.
    public static func openExisting(path: String) throws -> ConsentRegistry {
        try requireFile(path)
        return try ConsentRegistry(path: path)
    }

    /// Opens a registry that must already exist, read-only, for the commands that only read it
    /// (`list`, `show`, `export`, `history`, `audit`, `verify`): they never write to it.
    public static func openForReading(path: String) throws -> ConsentRegistry {
        try requireFile(path)
        return try ConsentRegistry(readOnly: path)
    }

    /// Opens an existing registry read-only, as `check` does: nothing is created, migrated or locked,
    /// so a registry the user may only read works. Nil when there is none.
    public static func openIfPresent(path: String) throws -> ConsentRegistry? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try ConsentRegistry(readOnly: path)
    }

    /// Opens (creating when needed) the registry at `path` for writing and runs `body`; when `body`
    /// fails on a registry this call created, the files it created go again, so a failed `add` or
    /// `import` leaves nothing behind.
    public static func writing<T>(path: String, _ body: (ConsentRegistry) throws -> T) throws -> T {
        let fileManager = FileManager.default
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let existed = fileManager.fileExists(atPath: path)
        let folderExisted = fileManager.fileExists(atPath: folder)
        let lockExisted = fileManager.fileExists(atPath: path + ".lock")
        do {
            let registry = try ConsentRegistry(path: path)
            return try body(registry)
        } catch {
            // Only a registry nothing was written to: another process may have created the same
            // one meanwhile and written to it.
            if !existed, fileManager.fileExists(atPath: path),
               (try? ConsentRegistry(readOnly: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM consent_audit") ?? 0 }) ?? 0 == 0 {
                for suffix in ["", "-journal", "-wal", "-shm"] { try? fileManager.removeItem(atPath: path + suffix) }
                if !lockExisted { try? fileManager.removeItem(atPath: path + ".lock") }
                if !folderExisted, (try? fileManager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                    try? fileManager.removeItem(atPath: folder)
                }
            }
            throw error
        }
    }

    static func requireFile(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConsentError("\(path): no consent registry there (create one with `postguard consent init`, `add` or `import`)")
        }
    }

    /// A 0-byte file is a registry lost (truncated, or a placeholder), never one to start afresh:
    /// SQLite would quietly make it a new empty registry and every consent would be gone.
    static func refuseEmptyFile(_ path: String) throws {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue == 0 {
            throw ConsentError("\(path): empty file, not a consent registry (restore it from a backup, or remove it to start a new one)")
        }
    }

    private init(readOnly path: String) throws {
        self.path = path
        isReadOnly = true
        try ConsentRegistry.refuseEmptyFile(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        // query_only as well as SQLITE_OPEN_READONLY: even a statement that would write is refused.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        do {
            func open(_ location: String) throws -> DatabaseQueue {
                let queue = try DatabaseQueue(path: location, configuration: configuration)
                try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
                return queue
            }
            let queue: DatabaseQueue
            do {
                queue = try open(path)
            } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode.primaryResultCode)
                        && ConsentRegistry.isWAL(path) && !FileManager.default.fileExists(atPath: path + "-wal") {
                // A WAL registry (written by an earlier postguard) in a folder the reader cannot
                // write: SQLite would need a -shm file there. With no -wal file every commit is in
                // the main file, so reading it as immutable sees all of it and creates nothing.
                queue = try open(URL(fileURLWithPath: path).absoluteString + "?immutable=1")
            }
            // Only the records table is required here: a missing audit table is for `verify` to report.
            guard try queue.read({ try $0.tableExists("consent") }) else {
                throw ConsentError("\(path): not a consent registry (it has no consent table)")
            }
            database = queue
        } catch let error as ConsentError {
            throw error
        } catch {
            throw ConsentError("\(path): \(ConsentRegistry.reason(error))")
        }
    }

    /// Bytes 18-19 of an SQLite header are 2 in WAL mode.
    static func isWAL(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20 else { return false }
        return header[18] == 2 && header[19] == 2
    }

    /// Why SQLite refused, in one line without the statement or its arguments (which may hold a
    /// record's text): "not a consent registry (file is not a database)".
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)".split(separator: "\n").first.map(String.init) ?? "" }
        let message = (error.message ?? "\(error.resultCode)").split(separator: "\n").first.map(String.init) ?? ""
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return "not a consent registry, or a damaged one (SQLite: \(message))"
        case .SQLITE_CONSTRAINT: return "refused by the registry: \(message)"
        case .SQLITE_READONLY: return "cannot write the consent registry (SQLite: \(message))"
        default: return "cannot use the consent registry (SQLite: \(message))"
        }
    }

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: consent and audit") { db in
            try db.create(table: "consent") { t in
                t.primaryKey("id", .text)
                t.column("subject", .text).notNull()
                t.column("aliases", .text).notNull()
                t.column("information", .text).notNull()
                t.column("discloser", .text)
                t.column("recipient", .text).notNull()
                t.column("purpose", .text).notNull()
                t.column("signed", .text).notNull()
                t.column("expires", .text)
                t.column("expiresEvent", .text)
                t.column("channels", .text).notNull()
                t.column("signer", .text)
                t.column("authority", .text)
                t.column("statements", .text).notNull()
                t.column("mayShow", .text).notNull()
                t.column("notes", .text)
                t.column("revokedOn", .text)
                t.column("revocationReason", .text)
            }
            try db.create(table: "consent_audit") { t in
                t.autoIncrementedPrimaryKey("sequence")
                t.column("at", .text).notNull()
                t.column("user", .text).notNull()
                t.column("action", .text).notNull()
                t.column("recordId", .text).notNull()
                t.column("details", .text).notNull()
            }
            // The audit trail is append-only: the database itself refuses edits and deletions.
            try db.execute(sql: """
                CREATE TRIGGER consent_audit_no_update BEFORE UPDATE ON consent_audit
                BEGIN SELECT RAISE(ABORT, 'the consent audit trail is append-only'); END;
                CREATE TRIGGER consent_audit_no_delete BEFORE DELETE ON consent_audit
                BEGIN SELECT RAISE(ABORT, 'the consent audit trail is append-only'); END;
                CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
                BEGIN SELECT RAISE(ABORT, 'consent records are never deleted; revoke instead'); END;
                """)
        }
        registerVersions(&migrator)
        registerSettings(&migrator)
        registerAuditChain(&migrator)
        return migrator
    }

    // MARK: Reading

    public func record(id: String) throws -> ConsentRecord? {
        try database.read { try ConsentRecord.fetchOne($0, key: id) }
    }

    public func all() throws -> [ConsentRecord] {
        try database.read { try ConsentRecord.order(Column("id")).fetchAll($0) }
    }

    public func audit() throws -> [ConsentAuditEntry] {
        try database.read { try ConsentAuditEntry.order(Column("sequence")).fetchAll($0) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try database.read(body)
    }

    // MARK: Writing

    /// Adds one record after checking it; nothing is written when it has a problem, or a signature
    /// or revocation dated after `today`.
    public func add(_ record: ConsentRecord, user: String = ConsentRegistry.currentUser(), today: CalendarDate = .today()) throws {
        let problems = record.writeProblems(today: today)
        guard problems.isEmpty else { throw ConsentError("\(record.id): " + problems.joined(separator: "; ")) }
        try write { db in
            if let problem = try ConsentRegistry.idProblem(record.id, db: db) { throw ConsentError("\(record.id): \(problem)") }
            guard try ConsentRecord.fetchOne(db, key: record.id) == nil else {
                throw ConsentError("\(record.id): a consent record with this id already exists")
            }
            // The audit row first: the database admits a record only under the row that records it.
            let sequence = try ConsentRegistry.appendAudit(db, user: user, action: "add", recordId: record.id, details: record,
                                                           state: ConsentIntegrity.stateHash(record))
            try AuditedConsentRow(record: record, auditSequence: sequence).insert(db)
        }
    }

    /// Adds every record or none: each is checked, and the whole import is one transaction.
    public func importRecords(_ records: [(line: Int, record: ConsentRecord)], user: String = ConsentRegistry.currentUser(),
                              today: CalendarDate = .today()) throws {
        let problems = ConsentRegistry.importProblems(records, today: today)
        guard problems.isEmpty else { throw ConsentError(problems.joined(separator: "\n")) }
        try write { db in
            var existing: [String] = []
            for (line, record) in records {
                if let problem = try ConsentRegistry.idProblem(record.id, db: db) { existing.append("line \(line): \(record.id): \(problem)") }
                if try ConsentRecord.fetchOne(db, key: record.id) != nil {
                    existing.append("line \(line): \(record.id): a consent record with this id already exists")
                }
            }
            guard existing.isEmpty else { throw ConsentError(existing.joined(separator: "\n")) }
            for (_, record) in records {
                let sequence = try ConsentRegistry.appendAudit(db, user: user, action: "import", recordId: record.id, details: record,
                                                               state: ConsentIntegrity.stateHash(record))
                try AuditedConsentRow(record: record, auditSequence: sequence).insert(db)
            }
        }
    }

    /// What is wrong with an import before any registry is looked at: each record as `add` checks it,
    /// and ids repeated inside the file. Checked before the registry is opened, so a bad file creates
    /// nothing.
    public static func importProblems(_ records: [(line: Int, record: ConsentRecord)], today: CalendarDate = .today()) -> [String] {
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for (line, record) in records {
            for problem in record.writeProblems(today: today) { problems.append("line \(line): \(record.id): \(problem)") }
            if let first = seen[record.id] { problems.append("line \(line): \(record.id): id repeats line \(first)") }
            seen[record.id] = seen[record.id] ?? line
        }
        return problems
    }

    /// Marks a record revoked; the record and its history stay. A revocation dated after `today` is
    /// refused: the patient has not revoked yet.
    public func revoke(id: String, on date: String, reason: String?, user: String = ConsentRegistry.currentUser(),
                       today: CalendarDate = .today()) throws {
        guard let day = CalendarDate(iso: date) else { throw ConsentError("revocation date '\(date)' is not a date like 2026-06-01") }
        guard !(today < day) else { throw ConsentError("\(id): " + ConsentRecord.futureRevocation(date, today: today)) }
        try write { db in
            guard var record = try ConsentRecord.fetchOne(db, key: id) else {
                throw ConsentError("\(id): no consent record with this id (see `postguard consent list`)")
            }
            if let revokedOn = record.revokedOn { throw ConsentError("\(id): already revoked on \(revokedOn)") }
            if let signed = CalendarDate(iso: record.signed), day < signed {
                throw ConsentError("\(id): revocation date \(date) is before the signature date \(record.signed)")
            }
            record.revokedOn = date
            record.revocationReason = reason
            struct Revocation: Encodable { let revokedOn: String; let reason: String? }
            let sequence = try ConsentRegistry.appendAudit(db, user: user, action: "revoke", recordId: id,
                                                           details: Revocation(revokedOn: date, reason: reason),
                                                           state: ConsentIntegrity.stateHash(record))
            try AuditedConsentRow(record: record, auditSequence: sequence).update(db)
        }
    }

    package func write(_ body: (Database) throws -> Void) throws {
        do {
            // IMMEDIATE: take the write lock before reading, so the duplicate check and the insert
            // see the same registry even with another process writing.
            guard !isReadOnly else { throw ConsentError("\(path): opened read-only") }
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch let error as ConsentError {
            throw error
        } catch {
            throw ConsentError("\(path): \(ConsentRegistry.reason(error))")
        }
    }

    /// Appends one row to the audit chain and returns its sequence number. `state` is the hash of
    /// what the row leaves behind (the record, or the setting), which `verify` compares with what the
    /// registry holds now.
    @discardableResult
    static func appendAudit<T: Encodable>(_ db: Database, user: String, action: String, recordId: String, details: T,
                                          state: String?) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let formatter = ISO8601DateFormatter()
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM consent_audit ORDER BY sequence DESC LIMIT 1")
        var entry = ConsentAuditEntry(
            sequence: (last?["sequence"] as Int64? ?? 0) + 1, at: formatter.string(from: Date()), user: user, action: action,
            recordId: recordId, details: String(decoding: try encoder.encode(details), as: UTF8.self))
        entry.recordHash = state
        entry.previousHash = last?["hash"] as String? ?? ""
        entry.hash = ConsentIntegrity.chainHash(entry)
        try entry.insert(db)
        return entry.sequence!
    }

    public static func currentUser() -> String {
        #if canImport(Glibc)
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        #endif
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// Runs `body` holding an exclusive `flock` on `lockPath` (created if needed).
    static func withFileLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        #if canImport(Glibc)
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { return try body() } // read-only folder: no lock, still try
        defer { close(descriptor) }
        flock(descriptor, LOCK_EX)
        defer { flock(descriptor, LOCK_UN) }
        #endif
        return try body()
    }
}
