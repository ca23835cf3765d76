// Consent: the registry's promises held by the database itself, not only by postguard's code. Anyone
// with the file can open it in sqlite3; an `UPDATE consent SET revokedOn = NULL` there would bring a
// revoked story back to life. So: triggers refuse every change but the audited ones (a record is
// written only under the audit row that records it, and that row must be the newest); audit rows
// and earlier versions are append-only; and each audit row carries SHA-256 of the record state it
// left and of the row before it, so a change made anyway (triggers dropped, rows rewritten) shows
// in `consent verify`, and `check` refuses to trust the registry. SQLite has no trigger on DROP
// TABLE or DROP TRIGGER: those are found by `verify` comparing the schema with the one written here.
import PostGuardDocuments
import Foundation
import GRDB
import Crypto

/// What `consent verify` found: nothing wrong when `problems` is empty.
public struct ConsentIntegrity: Sendable {
    public var problems: [String]
    /// Rows in the audit chain, and the newest row's hash: write it down elsewhere and pass it to
    /// `verify --expect-head` later to show the trail was neither rewritten nor cut short since.
    public var auditRows: Int
    public var head: String?
    /// The registry predates the audit chain: `consent upgrade` (or any write) adds it.
    public var needsUpgrade = false
    public var isIntact: Bool { problems.isEmpty }

    /// SHA-256 of a record as its JSON with sorted keys: the state an audit row vouches for.
    public static func stateHash(_ record: ConsentRecord) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return hex(SHA256.hash(data: (try? encoder.encode(record)) ?? Data()))
    }

    /// SHA-256 of the id-format setting ("none" hashed too, so removing it is a state as well).
    public static func settingHash(_ pattern: String?) -> String {
        hex(SHA256.hash(data: Data(("id-format:" + (pattern.map { "=" + $0 } ?? "")).utf8)))
    }

    /// SHA-256 over every field of an audit row and the previous row's hash, each field prefixed
    /// with its length in bytes so no two different rows serialise alike.
    public static func chainHash(_ entry: ConsentAuditEntry) -> String {
        let fields = [String(entry.sequence ?? 0), entry.at, entry.user, entry.action, entry.recordId, entry.details,
                      entry.recordHash ?? "", entry.previousHash ?? ""]
        return hex(SHA256.hash(data: Data(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8)))
    }

    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }

    /// The triggers the registry must have, exactly as written here: `verify` reports any missing,
    /// changed or added. Each refusal says what to do instead.
    package static let triggers: [(name: String, sql: String)] = [
        ("consent_no_delete", """
            CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
            BEGIN SELECT RAISE(ABORT, 'consent records are never deleted; revoke instead'); END
            """),
        // A record enters only under the newest audit row, an add or import of the same id, and
        // never over one already there (INSERT OR REPLACE runs this before it replaces anything).
        ("consent_insert_audited", """
            CREATE TRIGGER consent_insert_audited BEFORE INSERT ON consent
            WHEN EXISTS (SELECT 1 FROM consent WHERE id = NEW.id)
              OR NEW.auditSequence IS NOT (SELECT MAX(sequence) FROM consent_audit)
              OR NOT EXISTS (SELECT 1 FROM consent_audit WHERE sequence = NEW.auditSequence AND recordId = NEW.id
                             AND action IN ('add', 'import'))
            BEGIN SELECT RAISE(ABORT, 'consent records are added by postguard consent add or import, which audit them, and never replaced'); END
            """),
        // A record changes only under a newer audit row than the one it holds, the newest, an
        // amendment or revocation of the same id: a plain UPDATE keeps the old row number and fails.
        ("consent_update_audited", """
            CREATE TRIGGER consent_update_audited BEFORE UPDATE ON consent
            WHEN NEW.id IS NOT OLD.id
              OR NEW.auditSequence IS NOT (SELECT MAX(sequence) FROM consent_audit)
              OR NEW.auditSequence <= COALESCE(OLD.auditSequence, 0)
              OR NOT EXISTS (SELECT 1 FROM consent_audit WHERE sequence = NEW.auditSequence AND recordId = NEW.id
                             AND action IN ('amend', 'revoke'))
            BEGIN SELECT RAISE(ABORT, 'consent records change by postguard consent amend or revoke, which audit the change'); END
            """),
        ("consent_audit_no_update", """
            CREATE TRIGGER consent_audit_no_update BEFORE UPDATE ON consent_audit
            BEGIN SELECT RAISE(ABORT, 'the consent audit trail is append-only'); END
            """),
        ("consent_audit_no_delete", """
            CREATE TRIGGER consent_audit_no_delete BEFORE DELETE ON consent_audit
            BEGIN SELECT RAISE(ABORT, 'the consent audit trail is append-only'); END
            """),
        // A new row continues the chain: the next number and the newest row's hash. An INSERT OR
        // REPLACE over an existing row names an old number and is refused before it replaces.
        ("consent_audit_append_only", """
            CREATE TRIGGER consent_audit_append_only BEFORE INSERT ON consent_audit
            WHEN NEW.sequence IS NOT COALESCE((SELECT MAX(sequence) FROM consent_audit), 0) + 1
              OR NEW.previousHash IS NOT COALESCE((SELECT hash FROM consent_audit ORDER BY sequence DESC LIMIT 1), '')
            BEGIN SELECT RAISE(ABORT, 'the consent audit trail is append-only: a new row continues the chain from the newest'); END
            """),
        ("consent_version_no_update", """
            CREATE TRIGGER consent_version_no_update BEFORE UPDATE ON consent_version
            BEGIN SELECT RAISE(ABORT, 'earlier versions of a consent record are kept as they were'); END
            """),
        ("consent_version_no_delete", """
            CREATE TRIGGER consent_version_no_delete BEFORE DELETE ON consent_version
            BEGIN SELECT RAISE(ABORT, 'earlier versions of a consent record are kept as they were'); END
            """),
        ("consent_version_no_replace", """
            CREATE TRIGGER consent_version_no_replace BEFORE INSERT ON consent_version
            WHEN EXISTS (SELECT 1 FROM consent_version WHERE recordId = NEW.recordId AND version = NEW.version)
            BEGIN SELECT RAISE(ABORT, 'earlier versions of a consent record are kept as they were'); END
            """),
    ] + ["INSERT", "UPDATE", "DELETE"].map { event in
        ("consent_setting_audited_\(event.lowercased())", """
            CREATE TRIGGER consent_setting_audited_\(event.lowercased()) BEFORE \(event) ON consent_setting
            WHEN (SELECT action FROM consent_audit ORDER BY sequence DESC LIMIT 1) IS NOT 'id-format'
            BEGIN SELECT RAISE(ABORT, 'the registry''s settings change by postguard consent id-format, which audits the change'); END
            """)
    }

    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "; "))
    }
}

/// A record as the consent table holds it: the record and the audit row its state was written under.
struct AuditedConsentRow: PersistableRecord {
    static let databaseTableName = "consent"
    let record: ConsentRecord
    let auditSequence: Int64

    func encode(to container: inout PersistenceContainer) throws {
        try record.encode(to: &container)
        container["auditSequence"] = auditSequence
    }
}

extension ConsentRegistry {
    static func registerAuditChain(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: audit chain") { db in
            for name in ["consent_audit_no_update", "consent_audit_no_delete", "consent_no_delete", "consent_version_no_update",
                         "consent_version_no_delete"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
            }
            try db.execute(sql: """
                ALTER TABLE consent_audit ADD COLUMN recordHash TEXT;
                ALTER TABLE consent_audit ADD COLUMN previousHash TEXT;
                ALTER TABLE consent_audit ADD COLUMN hash TEXT;
                ALTER TABLE consent ADD COLUMN auditSequence INTEGER;
                """)
            // Rows already written join the chain as they are; their record states were not hashed
            // then, so each record and the setting get a `seal` row vouching for them as they stand.
            var previous = ""
            for var entry in try ConsentAuditEntry.order(Column("sequence")).fetchAll(db) {
                entry.previousHash = previous
                entry.hash = ConsentIntegrity.chainHash(entry)
                try db.execute(sql: "UPDATE consent_audit SET previousHash = ?, hash = ? WHERE sequence = ?",
                               arguments: [entry.previousHash, entry.hash, entry.sequence])
                previous = entry.hash!
            }
            struct Seal: Encodable { let note: String }
            let seal = Seal(note: "as it stood when the audit chain began")
            let user = ConsentRegistry.currentUser()
            for record in try ConsentRecord.order(Column("id")).fetchAll(db) {
                let sequence = try appendAudit(db, user: user, action: "seal", recordId: record.id, details: seal,
                                               state: ConsentIntegrity.stateHash(record))
                try db.execute(sql: "UPDATE consent SET auditSequence = ? WHERE id = ?", arguments: [sequence, record.id])
            }
            if let pattern = try String.fetchOne(db, sql: "SELECT value FROM consent_setting WHERE key = 'id-format'") {
                try appendAudit(db, user: user, action: "seal", recordId: "", details: seal, state: ConsentIntegrity.settingHash(pattern))
            }
            for trigger in ConsentIntegrity.triggers { try db.execute(sql: trigger.sql) }
        }
    }

    /// Checks the registry against its own audit chain; reads only. `expectHead`: a head hash
    /// written down earlier, which must still be in the chain.
    public func verify(expectHead: String? = nil) throws -> ConsentIntegrity {
        try read { db in
            var integrity = ConsentIntegrity(problems: [], auditRows: 0, head: nil)
            for table in ["consent", "consent_audit", "consent_version", "consent_setting"] where try !db.tableExists(table) {
                integrity.problems.append("table \(table) is missing: it was dropped outside postguard")
            }
            guard integrity.problems.isEmpty else { return integrity }
            guard try db.columns(in: "consent_audit").contains(where: { $0.name == "hash" }) else {
                integrity.needsUpgrade = true
                integrity.problems.append("the registry has no audit chain yet (written by an earlier postguard): run `postguard consent upgrade` once")
                return integrity
            }
            // The schema: every trigger present and as written.
            let present = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                .reduce(into: [String: String]()) { $0[$1["name"]] = $1["sql"] ?? "" }
            for (name, sql) in ConsentIntegrity.triggers {
                guard let found = present[name] else {
                    integrity.problems.append("trigger \(name) is missing: it was dropped outside postguard")
                    continue
                }
                if ConsentIntegrity.normalized(found) != ConsentIntegrity.normalized(sql) {
                    integrity.problems.append("trigger \(name) was changed outside postguard")
                }
            }
            let expected = Set(ConsentIntegrity.triggers.map(\.name))
            for name in present.keys.sorted() where !expected.contains(name) {
                integrity.problems.append("trigger \(name) is not postguard's: it was added outside postguard")
            }

            // The chain: each row follows the one before and matches its own hash.
            let entries = try ConsentAuditEntry.order(Column("sequence")).fetchAll(db)
            var previous = "", previousSequence: Int64 = 0
            for entry in entries {
                let sequence = entry.sequence ?? 0
                if (entry.previousHash ?? "") != previous {
                    integrity.problems.append("audit row \(sequence) does not follow row \(previousSequence): rows were removed, inserted or changed outside postguard")
                }
                if entry.hash != ConsentIntegrity.chainHash(entry) {
                    integrity.problems.append("audit row \(sequence) does not match its hash: it was changed outside postguard")
                }
                previous = entry.hash ?? ""
                previousSequence = sequence
            }
            integrity.auditRows = entries.count
            integrity.head = entries.last?.hash

            // The records: each as its newest audit row left it.
            var newest: [String: ConsentAuditEntry] = [:], added: Set<String> = [], amendments: [String: Int] = [:]
            for entry in entries where !entry.recordId.isEmpty {
                switch entry.action {
                case "add", "import", "seal": added.insert(entry.recordId); newest[entry.recordId] = entry
                case "revoke": newest[entry.recordId] = entry
                case "amend": newest[entry.recordId] = entry; amendments[entry.recordId, default: 0] += 1
                default: break
                }
            }
            var ids: Set<String> = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM consent ORDER BY id") {
                let record = try ConsentRecord(row: row)
                ids.insert(record.id)
                guard let last = newest[record.id] else {
                    integrity.problems.append("record \(record.id) has no audit row: it was written outside postguard")
                    continue
                }
                if (row["auditSequence"] as Int64?) != last.sequence {
                    integrity.problems.append("record \(record.id) is not the state its newest audit row (\(last.sequence ?? 0)) wrote")
                }
                if last.recordHash != ConsentIntegrity.stateHash(record) {
                    integrity.problems.append("record \(record.id) differs from what its newest audit row (\(last.sequence ?? 0), \(last.action)) recorded: it was changed outside postguard")
                }
            }
            for id in added.subtracting(ids).sorted() {
                integrity.problems.append("record \(id) is in the audit trail but not in the registry: it was deleted outside postguard")
            }
            // Earlier versions: one per amendment.
            let versionCounts = try Row.fetchAll(db, sql: "SELECT recordId, COUNT(*) AS n FROM consent_version GROUP BY recordId")
                .reduce(into: [String: Int]()) { $0[$1["recordId"]] = $1["n"] }
            for id in Set(versionCounts.keys).union(amendments.keys).sorted() where versionCounts[id, default: 0] != amendments[id, default: 0] {
                integrity.problems.append("record \(id) has \(versionCounts[id, default: 0]) earlier version(s) for \(amendments[id, default: 0]) amendment(s): versions were added or removed outside postguard")
            }
            // The id-format setting: as its newest row left it.
            let pattern = try String.fetchOne(db, sql: "SELECT value FROM consent_setting WHERE key = 'id-format'")
            let lastSetting = entries.last { $0.recordId.isEmpty && ($0.action == "id-format" || $0.action == "seal") }
            if (lastSetting?.recordHash ?? ConsentIntegrity.settingHash(nil)) != ConsentIntegrity.settingHash(pattern) {
                integrity.problems.append("the id format differs from what the audit trail recorded: it was changed outside postguard")
            }
            if let expectHead, !entries.contains(where: { $0.hash == expectHead }) {
                integrity.problems.append("no audit row has the hash \(expectHead): the trail was rewritten or cut short since it was written down")
            }
            return integrity
        }
    }
}
