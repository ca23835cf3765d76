// Consent: the registry on SQLite. WAL mode so `check` can read while `consent add` writes; a busy
// timeout so several `postguard` processes queue instead of failing; migrations run under a file
// lock so two processes opening a new registry at once do not both create it. Records are never
// deleted and every change is appended to the audit table in the same transaction.
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
    /// A pool (WAL, concurrent readers) for the consent commands; a read-only queue for `check`.
    private let pool: any DatabaseWriter

    /// The contract's default location: `POSTGUARD_CONSENT_DB`, else `.postguard/consent.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["POSTGUARD_CONSENT_DB"], !path.isEmpty { return path }
        return ".postguard/consent.sqlite"
    }

    /// Opens the registry, creating it (and its folder) on first use.
    public init(path: String) throws {
        self.path = path
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
            pool = try ConsentRegistry.withFileLock(path + ".lock") {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try ConsentRegistry.migrator.migrate(pool)
                return pool
            }
        } catch let error as ConsentError {
            throw error
        } catch {
            throw ConsentError("\(path): cannot open the consent registry: \(error)")
        }
    }

    /// Opens a registry that must already exist (for `list`, `show`, `export`, `amend`, ...): only
    /// `add`, `import` and `init` create one, so a mistyped `--db` is an error, not a new empty registry.
    public static func openExisting(path: String) throws -> ConsentRegistry {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConsentError("\(path): no consent registry there (create one with `postguard consent init`, `add` or `import`)")
        }
        return try ConsentRegistry(path: path)
    }

    /// Opens an existing registry read-only, as `check` does: nothing is created, migrated or locked,
    /// so a registry the user may only read works. Nil when there is none.
    public static func openIfPresent(path: String) throws -> ConsentRegistry? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try ConsentRegistry(readOnly: path)
    }

    private init(readOnly path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            pool = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw ConsentError("\(path): cannot open the consent registry: \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
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
        return migrator
    }

    // MARK: Reading

    public func record(id: String) throws -> ConsentRecord? {
        try pool.read { try ConsentRecord.fetchOne($0, key: id) }
    }

    public func all() throws -> [ConsentRecord] {
        try pool.read { try ConsentRecord.order(Column("id")).fetchAll($0) }
    }

    public func audit() throws -> [ConsentAuditEntry] {
        try pool.read { try ConsentAuditEntry.order(Column("sequence")).fetchAll($0) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
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
            try record.insert(db)
            try ConsentRegistry.appendAudit(db, user: user, action: "add", recordId: record.id, details: record)
        }
    }

    /// Adds every record or none: each is checked, and the whole import is one transaction.
    public func importRecords(_ records: [(line: Int, record: ConsentRecord)], user: String = ConsentRegistry.currentUser(),
                              today: CalendarDate = .today()) throws {
        var problems: [String] = []
        var seen: [String: Int] = [:]
        for (line, record) in records {
            for problem in record.writeProblems(today: today) { problems.append("line \(line): \(record.id): \(problem)") }
            if let first = seen[record.id] { problems.append("line \(line): \(record.id): id repeats line \(first)") }
            seen[record.id] = seen[record.id] ?? line
        }
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
                try record.insert(db)
                try ConsentRegistry.appendAudit(db, user: user, action: "import", recordId: record.id, details: record)
            }
        }
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
            try record.update(db)
            struct Revocation: Encodable { let revokedOn: String; let reason: String? }
            try ConsentRegistry.appendAudit(db, user: user, action: "revoke", recordId: id, details: Revocation(revokedOn: date, reason: reason))
        }
    }

    package func write(_ body: (Database) throws -> Void) throws {
        do {
            // IMMEDIATE: take the write lock before reading, so the duplicate check and the insert
            // see the same registry even with another process writing.
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try body(db)
                    return .commit
                }
            }
        } catch let error as ConsentError {
            throw error
        } catch {
            throw ConsentError("\(path): \(error)")
        }
    }

    static func appendAudit<T: Encodable>(_ db: Database, user: String, action: String, recordId: String, details: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let formatter = ISO8601DateFormatter()
        let entry = ConsentAuditEntry(
            sequence: nil, at: formatter.string(from: Date()), user: user, action: action, recordId: recordId,
            details: String(decoding: try encoder.encode(details), as: UTF8.self))
        try entry.insert(db)
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
