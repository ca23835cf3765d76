// Consent: what the people who keep the registry need besides adding and revoking. A mistyped record
// is corrected by amending it: the correction becomes the record's newest version (which the gate
// reads), the version it replaces is kept with who replaced it and when, and the audit trail says
// what changed. The history, the audit trail and the records about to expire can be read without
// sqlite3. Every write is checked first, channel names included, so a typo never reaches the gate.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
import Foundation
import GRDB

/// The channels a record may name. A record listing `facebok` would cover nothing and make every
/// post citing it fail the gate, so names outside this set are refused when a record is written.
public enum ConsentChannels {
    /// Every channel the verdict sets and the platforms' exports use: social posts, review sites and
    /// messaging (a record for a Nextdoor or a Healthgrades reply must be writable), and the broadcast
    /// media a marketing authorization also names (a patient's story in a radio or TV spot).
    /// ("social media" can be written, as forms say it, but covers no platform by itself: an
    /// authorization names its recipients specifically, 45 CFR 164.508(c)(1)(iii).)
    public static let known = ["bluesky", "email", "facebook", "google", "healthgrades", "instagram", "intranet", "linkedin", "messenger",
                               "newsletter", "nextdoor", "pinterest", "print", "print newsletter", "radio", "reddit", "signal", "slack", "sms", "snapchat",
                               "social media", "teams", "telegram", "threads", "tiktok", "tv", "vitals", "website", "whatsapp", "x", "yelp", "youtube", "zocdoc"]
    /// Old or informal names, said as "did you mean".
    static let aliases = ["twitter": "x", "fb": "facebook", "ig": "instagram", "insta": "instagram", "web": "website",
                          "site": "website", "text": "sms", "google-reviews": "google", "gbp": "google", "television": "tv"]

    /// One problem per unknown channel, naming the nearest known ones.
    public static func problems(_ channels: [String]) -> [String] {
        // Channel names are case-insensitive ("Facebook" is facebook).
        channels.filter { !known.contains($0.lowercased()) }.map { channel in
            let near = closest(channel)
            return "unknown channel '\(channel)'" + (near.isEmpty ? " (known: \(known.joined(separator: ", ")))" : " (did you mean \(near.joined(separator: ", "))?)")
        }
    }

    static func closest(_ channel: String) -> [String] {
        if let alias = aliases[channel] { return [alias] }
        return known.map { ($0, Spelling.distance($0, channel)) }
            .filter { $0.1 <= max(1, channel.count / 3) || ($0.0.hasPrefix(channel) && channel.count >= 2) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}

extension ConsentRecord {
    /// Everything that stops this record being written today: the 164.508(c) elements, dates that
    /// cannot be true yet, and channel names.
    public func writeProblems(today: CalendarDate) -> [String] {
        problems() + futureDates(today: today) + ConsentChannels.problems(channels)
    }

    /// Where the record stands on `date`.
    public func status(on date: CalendarDate) -> ConsentStatus {
        if let revokedOn, let day = CalendarDate(iso: revokedOn), !(date < day) { return .revoked }
        if let expires, let day = CalendarDate(iso: expires), day < date { return .expired }
        return .active
    }
}

public enum ConsentStatus: String, Sendable, CaseIterable, Codable {
    case active, expired, revoked
}

/// A version of a record that an amendment replaced, with who replaced it, when and why.
public struct ConsentVersion: Codable, Sendable, FetchableRecord, PersistableRecord {
    public var recordId: String
    /// 1 for the record as first written.
    public var version: Int
    /// The record as it was, in JSON.
    public var record: String
    /// When this version stopped being the newest (UTC, ISO 8601) and who replaced it.
    public var supersededAt: String
    public var supersededBy: String
    public var reason: String?

    public static let databaseTableName = "consent_version"

    public var decoded: ConsentRecord? { try? JSONDecoder().decode(ConsentRecord.self, from: Data(record.utf8)) }
}

/// One change in an amendment.
public struct ConsentChange: Codable, Sendable, Equatable {
    public var field: String
    public var from: String?
    public var to: String?
}

extension ConsentRegistry {
    static func registerVersions(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2: consent versions") { db in
            try db.create(table: "consent_version") { t in
                t.column("recordId", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("record", .text).notNull()
                t.column("supersededAt", .text).notNull()
                t.column("supersededBy", .text).notNull()
                t.column("reason", .text)
                t.primaryKey(["recordId", "version"])
            }
            try db.execute(sql: """
                CREATE TRIGGER consent_version_no_update BEFORE UPDATE ON consent_version
                BEGIN SELECT RAISE(ABORT, 'earlier versions of a consent record are kept as they were'); END;
                CREATE TRIGGER consent_version_no_delete BEFORE DELETE ON consent_version
                BEGIN SELECT RAISE(ABORT, 'earlier versions of a consent record are kept as they were'); END;
                """)
        }
    }

    static func registerSettings(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: registry settings") { db in
            try db.create(table: "consent_setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
    }

    /// The organisation's pattern for record ids (`^C-[0-9]{4}-[0-9]{4}$`), set with `consent init
    /// --id-format` or `consent id-format`: kept in the registry, so every writer checks the same one.
    public func idFormat() throws -> String? {
        try read { db in
            guard try db.tableExists("consent_setting") else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM consent_setting WHERE key = 'id-format'")
        }
    }

    /// Sets (or with nil, removes) the id format; records already written keep their ids.
    public func setIdFormat(_ pattern: String?, user: String = ConsentRegistry.currentUser()) throws {
        if let pattern { _ = try ConsentRegistry.compileIdFormat(pattern) }
        try write { db in
            // The audit row first: the database changes the setting only under an id-format row.
            struct Setting: Encodable { let idFormat: String? }
            try ConsentRegistry.appendAudit(db, user: user, action: "id-format", recordId: "", details: Setting(idFormat: pattern),
                                            state: ConsentIntegrity.settingHash(pattern))
            if let pattern {
                try db.execute(sql: "INSERT OR REPLACE INTO consent_setting (key, value) VALUES ('id-format', ?)", arguments: [pattern])
            } else {
                try db.execute(sql: "DELETE FROM consent_setting WHERE key = 'id-format'")
            }
        }
    }

    static func compileIdFormat(_ pattern: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch {
            throw ConsentError("id format '\(pattern)' is not a regular expression")
        }
    }

    /// A problem when `id` does not match the registry's id format as a whole.
    static func idProblem(_ id: String, db: Database) throws -> String? {
        guard try db.tableExists("consent_setting"),
              let pattern = try String.fetchOne(db, sql: "SELECT value FROM consent_setting WHERE key = 'id-format'") else { return nil }
        let expression = try compileIdFormat(pattern)
        let whole = NSRange(id.startIndex..., in: id)
        let match = expression.firstMatch(in: id, options: [.anchored], range: whole)
        return match?.range == whole ? nil : "id '\(id)' does not follow the registry's id format \(pattern) (see `postguard consent id-format`)"
    }

    /// The versions an amendment replaced, oldest first. The record itself is the newest.
    public func versions(id: String) throws -> [ConsentVersion] {
        try read { db in
            guard try db.tableExists("consent_version") else { return [] }
            return try ConsentVersion.filter(Column("recordId") == id).order(Column("version")).fetchAll(db)
        }
    }

    /// The audit trail of one record, oldest first.
    public func history(id: String) throws -> [ConsentAuditEntry] {
        try read { try ConsentAuditEntry.filter(Column("recordId") == id).order(Column("sequence")).fetchAll($0) }
    }

    /// The audit trail from `since` (a day, inclusive, UTC as the trail is written), oldest first.
    public func audit(since: CalendarDate?) throws -> [ConsentAuditEntry] {
        let entries = try audit()
        guard let since else { return entries }
        return entries.filter { entry in CalendarDate(iso: String(entry.at.prefix(10))).map { !($0 < since) } ?? true }
    }

    /// Corrects a record: `change` edits a copy of the newest version; the copy is checked as `add`
    /// checks a record, then becomes the newest version, and the one it replaces is kept with who
    /// replaced it and when. Revocation is not amended here (`revoke` records it); the id cannot change.
    /// Returns the changes and the new version's number.
    @discardableResult
    public func amend(id: String, reason: String?, user: String = ConsentRegistry.currentUser(), today: CalendarDate = .today(),
                      change: (inout ConsentRecord) -> Void) throws -> (changes: [ConsentChange], version: Int) {
        var result: ([ConsentChange], Int) = ([], 0)
        try write { db in
            guard let current = try ConsentRecord.fetchOne(db, key: id) else {
                throw ConsentError("\(id): no consent record with this id (see `postguard consent list`)")
            }
            var amended = current
            change(&amended)
            amended.id = current.id
            amended.revokedOn = current.revokedOn
            amended.revocationReason = current.revocationReason
            // Only what the amendment touches is judged against today: an old record keeps its
            // signature date, which was checked when it was entered.
            var problems = amended.problems() + ConsentChannels.problems(amended.channels.filter { !current.channels.contains($0) })
            if amended.signed != current.signed, let day = CalendarDate(iso: amended.signed), today < day {
                problems.append("signed date \(amended.signed) is after today (\(today)): record the authorization once it is signed")
            }
            guard problems.isEmpty else { throw ConsentError("\(id): " + problems.joined(separator: "; ")) }
            let changes = ConsentRegistry.changes(from: current, to: amended)
            guard !changes.isEmpty else { throw ConsentError("\(id): the amendment changes nothing") }
            let version = try ConsentVersion.filter(Column("recordId") == id).fetchCount(db) + 1
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let now = ISO8601DateFormatter().string(from: Date())
            try ConsentVersion(recordId: id, version: version, record: String(decoding: try encoder.encode(current), as: UTF8.self),
                               supersededAt: now, supersededBy: user, reason: reason).insert(db)
            struct Amendment: Encodable { let version: Int; let reason: String?; let changes: [ConsentChange] }
            let sequence = try ConsentRegistry.appendAudit(db, user: user, action: "amend", recordId: id,
                                                           details: Amendment(version: version + 1, reason: reason, changes: changes),
                                                           state: ConsentIntegrity.stateHash(amended))
            try AuditedConsentRow(record: amended, auditSequence: sequence).update(db)
            result = (changes, version + 1)
        }
        return result
    }

    /// The fields that differ, by their CSV names, with lists written as the CSV writes them.
    static func changes(from old: ConsentRecord, to new: ConsentRecord) -> [ConsentChange] {
        func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: "; ") }
        let fields: [(String, (ConsentRecord) -> String?)] = [
            ("subject", { $0.subject }), ("aliases", { list($0.aliases) }), ("purpose", { $0.purpose }),
            ("recipient", { $0.recipient }), ("information", { $0.information }), ("discloser", { $0.discloser }),
            ("signed", { $0.signed }), ("expires", { $0.expires }), ("expires_event", { $0.expiresEvent }),
            ("channels", { list($0.channels) }), ("signer", { $0.signer }), ("authority", { $0.authority }),
            ("statements", { list($0.statements) }), ("may_show", { list($0.mayShow) }), ("notes", { $0.notes }),
        ]
        return fields.compactMap { name, value in
            value(old) == value(new) ? nil : ConsentChange(field: name, from: value(old), to: value(new))
        }
    }
}

extension CalendarDate {
    /// The day `days` after this one (Gregorian, no time zone involved).
    public func adding(days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year ?? 2000, month: month, day: day))!
        let moved = calendar.date(byAdding: .day, value: days, to: date)!
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
