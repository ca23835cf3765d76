import ArgumentParser
import Foundation
import PostGuard

// Every command names itself (`commandName`): a name ArgumentParser derives from the type's name
// costs a demangling of that name, and it builds every command's name on every run, which took a
// tenth of a one-draft check's start-up.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "The consent registry: patients' HIPAA authorizations for testimonials and stories.",
        subcommands: [Init.self, IdFormat.self, Add.self, Amend.self, Revoke.self, Show.self, List.self, History.self, Audit.self,
                      Verify.self, Upgrade.self, Usage.self, Import.self, Export.self])

    struct DatabaseOption: ParsableArguments {
        @Option(name: .customLong("db"), help: "Registry file (default: POSTGUARD_CONSENT_DB, else .postguard/consent.sqlite).")
        var path: String?

        /// Opens the registry, creating it, and runs `body`: for `init`, `add` and `import` only.
        /// When `body` fails on a registry it created, nothing is left behind.
        func writing<T>(_ body: (ConsentRegistry) throws -> T) throws -> T {
            do { return try ConsentRegistry.writing(path: path ?? ConsentRegistry.defaultPath(), body) } catch let error as ConsentError {
                throw fail(CLIError(error.description))
            }
        }

        /// Opens a registry that must exist, to change it (`revoke`, `amend`, `id-format PATTERN`).
        func openExisting() throws -> ConsentRegistry {
            do { return try ConsentRegistry.openExisting(path: path ?? ConsentRegistry.defaultPath()) } catch let error as ConsentError {
                throw fail(CLIError(error.description))
            }
        }

        /// Opens a registry that must exist, read-only: the commands that only read never write to it.
        func openForReading() throws -> ConsentRegistry {
            do { return try ConsentRegistry.openForReading(path: path ?? ConsentRegistry.defaultPath()) } catch let error as ConsentError {
                throw fail(CLIError(error.description))
            }
        }
    }

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a signed authorization (45 CFR 164.508(c)).")
        @Option var id: String
        @Option(help: "The person the authorization is about.") var subject: String
        @Option(help: "Why the information is disclosed.") var purpose: String
        @Option(help: "Who receives it (for a post: the public on the listed channels).") var recipient: String
        @Option(help: "What information may be disclosed.") var information: String
        @Option(help: "Date signed, YYYY-MM-DD.") var signed: String
        @Option(help: "Expiry date, YYYY-MM-DD.") var expires: String?
        @Option(help: "Expiry event, when there is no date.") var expiresEvent: String?
        @Option(help: "Channels covered, comma-separated (default: all).") var channels: String?
        @Option(help: "Who signed, when not the subject.") var signer: String?
        @Option(help: "The signer's authority to act for the subject.") var authority: String?
        @Option(help: "Other names or handles the post may show, separated by ';' (a name may hold a comma: \"López, María\").") var aliases: String?
        @Option(help: "What the post may show: name, photo, condition, procedure, quote (comma-separated).") var mayShow: String?
        @Option(help: "Who may disclose (default: the organisation).") var discloser: String?
        @Option(help: "Required statements the signed form contains (default: revocation,conditioning,redisclosure).")
        var statements: String?
        @Option var notes: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            var record = ConsentRecord(
                id: id, subject: subject, information: information, recipient: recipient, purpose: purpose,
                signed: signed, expires: expires, expiresEvent: expiresEvent,
                channels: ConsentCSV.channelList(channels), signer: signer, authority: authority)
            record.aliases = ListItems.split(aliases, .names)
            record.mayShow = ListItems.split(mayShow).map { $0.lowercased() }
            record.discloser = discloser
            record.notes = notes
            if let statements { record.statements = ListItems.split(statements).map { $0.lowercased() } }
            // Check before opening: a bad record must not even create the registry.
            let problems = record.writeProblems(today: .today())
            guard problems.isEmpty else { throw fail(CLIError("consent \(id): " + problems.joined(separator: "; "))) }
            try database.writing { try $0.add(record) }
            print("added consent \(id)")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an authorization. The record is kept, never deleted.")
        @Argument var id: String
        @Option(help: "Date of revocation, YYYY-MM-DD.") var date: String
        @Option var reason: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let registry = try database.openExisting()
            do { try registry.revoke(id: id, on: date, reason: reason) } catch let error as ConsentError {
                throw fail(CLIError(error.description))
            }
            print("revoked consent \(id) on \(date)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one record.")
        @Argument var id: String
        @Option var format: ListFormat = .text
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let registry = try database.openForReading()
            guard let record = try registry.record(id: id) else {
                throw fail(CLIError("\(id): no consent record with this id (see `postguard consent list`)"))
            }
            if format == .json { print(try jsonText([record], single: true)); return }
            let fields: [(String, String?)] = [
                ("id", record.id), ("subject", record.subject), ("aliases", record.aliases.joined(separator: "; ")),
                ("purpose", record.purpose), ("recipient", record.recipient), ("information", record.information),
                ("discloser", record.discloser), ("signed", record.signed), ("expires", record.expires),
                ("expires event", record.expiresEvent),
                ("channels", record.channels.isEmpty ? "all" : record.channels.joined(separator: ", ")),
                ("signer", record.signer), ("authority", record.authority),
                ("statements", record.statements.joined(separator: ", ")), ("may show", record.mayShow.joined(separator: ", ")),
                ("notes", record.notes), ("revoked", record.revokedOn), ("revocation reason", record.revocationReason),
            ]
            for (name, value) in fields where !(value ?? "").isEmpty {
                print("\((name + ":").padding(toLength: 19, withPad: " ", startingAt: 0)) \(value!)")
            }
            let versions = try registry.versions(id: id)
            if !versions.isEmpty { print("version:            \(versions.count + 1) (earlier: `postguard consent history \(id)`)") }
            let problems = record.problems()
            print("status:             \(record.isRevoked ? "revoked" : problems.isEmpty ? "complete" : "incomplete: " + problems.joined(separator: "; "))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every record, revoked ones included, or those matching the filters.")
        @Option var format: ListFormat = .text
        @Option(help: "Only records whose expiry date falls within this many days from today, and not revoked (30d, 8w, or a number of days).")
        var expiringWithin: String?
        @Option(help: "Only records that are active, expired or revoked today.")
        var status: ConsentStatus?
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if let expiringWithin, List.days(expiringWithin) == nil {
                throw ValidationError("--expiring-within '\(expiringWithin)' is not a span like 30d, 8w or 30")
            }
        }

        static func days(_ span: String) -> Int? {
            let text = span.lowercased()
            if let n = Int(text), n >= 0 { return n }
            if text.hasSuffix("d"), let n = Int(text.dropLast()), n >= 0 { return n }
            if text.hasSuffix("w"), let n = Int(text.dropLast()), n >= 0 { return n * 7 }
            return nil
        }

        func run() throws {
            let today = CalendarDate.today()
            var records = try database.openForReading().all()
            if let status { records = records.filter { $0.status(on: today) == status } }
            if let expiringWithin, let days = List.days(expiringWithin) {
                let last = today.adding(days: days)
                records = records.filter { record in
                    guard record.status(on: today) == .active, let expires = record.expires.flatMap(CalendarDate.init(iso:)) else { return false }
                    return !(expires < today) && !(last < expires)
                }
            }
            if format == .json { print(try jsonText(records, single: false)); return }
            for r in records {
                let expiry = r.expires ?? "on: \(r.expiresEvent ?? "?")"
                let state = r.revokedOn.map { "revoked \($0)" } ?? r.status(on: today).rawValue
                print("\(r.id)\t\(r.subject)\tsigned \(r.signed)\texpires \(expiry)\t\(r.channels.isEmpty ? "all channels" : r.channels.joined(separator: ","))\t\(state)")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import records from CSV: all rows or none.")
        @Argument(help: "CSV with header id,subject,purpose,recipient,information,signed,expires,expires_event,channels,signer,authority")
        var file: String
        @OptionGroup var database: DatabaseOption

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw fail(CLIError("\(file): cannot read the file")) }
            guard let text = String(validating: data, as: UTF8.self) else { throw fail(CLIError("\(file): not valid UTF-8 text")) }
            do {
                let rows = try ConsentCSV.parse(text, source: file)
                // Checked before the registry is opened: a bad file creates nothing.
                let problems = ConsentRegistry.importProblems(rows)
                guard problems.isEmpty else { throw ConsentError(problems.joined(separator: "\n")) }
                try ConsentRegistry.writing(path: database.path ?? ConsentRegistry.defaultPath()) { try $0.importRecords(rows) }
                print("imported \(rows.count) consent record\(rows.count == 1 ? "" : "s")")
            } catch let error as ConsentError {
                for line in error.description.split(separator: "\n") {
                    // Row problems ("line 3: ...") belong to the CSV; the registry's own say its path.
                    printError(line.hasPrefix("line ") ? "\(file): \(line)" : String(line))
                }
                throw ExitCode(2)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every record as CSV (imports again) or JSON.")
        @Option var format: ExportFormat = .csv
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let records = try database.openForReading().all()
            switch format {
            case .csv: print(ConsentCSV.export(records), terminator: "")
            case .json: print(try jsonText(records, single: false))
            }
        }
    }
}

private func jsonText(_ records: [ConsentRecord], single: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = single ? try encoder.encode(records[0]) : try encoder.encode(records)
    return String(decoding: data, as: UTF8.self)
}
