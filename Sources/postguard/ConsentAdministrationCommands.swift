// `postguard consent init|amend|history|audit|usage`: keeping the registry, for the people who do it.
import ArgumentParser
import Foundation
import PostGuard

extension ConsentStatus: ExpressibleByArgument {}

extension ConsentCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty registry (the other commands but add and import need one).")
        @Option(help: "The organisation's pattern for record ids, a regular expression the whole id must match (e.g. '^C-[0-9]{4}-[0-9]{4}$').")
        var idFormat: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let path = database.path ?? ConsentRegistry.defaultPath()
            if FileManager.default.fileExists(atPath: path) { throw fail(CLIError("\(path): a registry is already there")) }
            // A bad pattern must not leave an empty registry behind.
            if let idFormat { do { _ = try NSRegularExpression(pattern: idFormat) } catch { throw fail(CLIError("id format '\(idFormat)' is not a regular expression")) } }
            try database.writing { registry in
                if let idFormat { try registry.setIdFormat(idFormat) }
            }
            print("created consent registry \(path)" + (idFormat.map { " (ids must match \($0))" } ?? ""))
        }
    }

    struct IdFormat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "id-format",
            abstract: "Show or set the pattern every new record id must match (records already written keep theirs).")
        @Argument(help: "A regular expression the whole id must match; \"\" removes the format. Without it, the format is shown.")
        var pattern: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            guard let pattern else {
                print(try database.openForReading().idFormat() ?? "(none: any id)")
                return
            }
            let registry = try database.openExisting()
            do { try registry.setIdFormat(pattern.isEmpty ? nil : pattern) } catch let error as ConsentError { throw fail(CLIError(error.description)) }
            if !pattern.isEmpty, let expression = try? NSRegularExpression(pattern: pattern) {
                let outside = try registry.all().map(\.id).filter { id in
                    let whole = NSRange(id.startIndex..., in: id)
                    return expression.firstMatch(in: id, options: [.anchored], range: whole)?.range != whole
                }
                if !outside.isEmpty { printError("note: \(outside.count) existing record(s) do not match: \(outside.prefix(5).joined(separator: ", "))") }
            }
            print(pattern.isEmpty ? "id format removed" : "new record ids must match \(pattern)")
        }
    }

    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "amend",
            abstract: "Correct a record: the correction is its newest version; the old one is kept with who and when.",
            discussion: "Give only the fields that change. An empty value (--signer \"\") clears an optional field. Revocation is recorded with `consent revoke`.")
        @Argument var id: String
        @Option(help: "Why it is corrected (kept in the history).") var reason: String?
        @Option var subject: String?
        @Option var purpose: String?
        @Option var recipient: String?
        @Option var information: String?
        @Option(help: "Date signed, YYYY-MM-DD.") var signed: String?
        @Option(help: "Expiry date, YYYY-MM-DD (replaces an expiry event).") var expires: String?
        @Option(help: "Expiry event (replaces an expiry date).") var expiresEvent: String?
        @Option(help: "Channels covered, comma-separated; \"\" for all.") var channels: String?
        @Option var signer: String?
        @Option var authority: String?
        @Option(help: "Other names or handles, separated by ';'.") var aliases: String?
        @Option var mayShow: String?
        @Option var discloser: String?
        @Option var statements: String?
        @Option var notes: String?
        @Option(help: "Output: text or json.") var format: ListFormat = .text
        @OptionGroup var database: DatabaseOption

        func run() throws {
            // Checked before the registry is opened, like `add`: a typo in a channel name writes nothing.
            if let channels {
                let problems = ConsentChannels.problems(ConsentCSV.channelList(channels))
                guard problems.isEmpty else { throw fail(CLIError("consent \(id): " + problems.joined(separator: "; "))) }
            }
            let registry = try database.openExisting()
            func optional(_ value: String) -> String? { value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : value }
            let result: (changes: [ConsentChange], version: Int)
            do {
                result = try registry.amend(id: id, reason: reason) { record in
                    if let subject { record.subject = subject }
                    if let purpose { record.purpose = purpose }
                    if let recipient { record.recipient = recipient }
                    if let information { record.information = information }
                    if let signed { record.signed = signed }
                    if let expires { record.expires = optional(expires); if optional(expires) != nil { record.expiresEvent = nil } }
                    if let expiresEvent { record.expiresEvent = optional(expiresEvent); if optional(expiresEvent) != nil { record.expires = nil } }
                    if let channels { record.channels = ConsentCSV.channelList(channels) }
                    if let signer { record.signer = optional(signer) }
                    if let authority { record.authority = optional(authority) }
                    if let aliases { record.aliases = ListItems.split(aliases, .names) }
                    if let mayShow { record.mayShow = ListItems.split(mayShow).map { $0.lowercased() } }
                    if let discloser { record.discloser = optional(discloser) }
                    if let statements { record.statements = ListItems.split(statements).map { $0.lowercased() } }
                    if let notes { record.notes = optional(notes) }
                }
            } catch let error as ConsentError {
                throw fail(CLIError(error.description))
            }
            print("amended consent \(id): version \(result.version)")
            for change in result.changes {
                print("  \(change.field): \(change.from.map { "'\($0)'" } ?? "(none)") -> \(change.to.map { "'\($0)'" } ?? "(none)")")
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "history", abstract: "Every change to one record: who, when, what.")
        @Argument var id: String
        @Option var format: ListFormat = .text
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let registry = try database.openForReading()
            guard try registry.record(id: id) != nil else {
                throw fail(CLIError("\(id): no consent record with this id (see `postguard consent list`)"))
            }
            let entries = try registry.history(id: id)
            let versions = try registry.versions(id: id)
            if format == .json {
                struct Output: Encodable { let id: String; let version: Int; let history: [AuditLine]; let earlierVersions: [ConsentVersion] }
                print(try jsonString(Output(id: id, version: versions.count + 1, history: entries.map(AuditLine.init), earlierVersions: versions)))
                return
            }
            print("\(id): version \(versions.count + 1)")
            for entry in entries { print(AuditLine(entry).text) }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "The registry's audit trail: every add, import, amendment and revocation.")
        @Option(help: "Only changes on or after this day (YYYY-MM-DD, UTC).") var since: String?
        @Option var format: ListFormat = .text
        @OptionGroup var database: DatabaseOption

        func validate() throws {
            if let since, CalendarDate(iso: since) == nil { throw ValidationError("--since '\(since)' is not a date like 2026-06-01") }
        }

        func run() throws {
            let entries = try database.openForReading().audit(since: since.flatMap(CalendarDate.init(iso:)))
            if format == .json { print(try jsonString(entries.map(AuditLine.init))); return }
            for entry in entries { print(AuditLine(entry).text) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify",
            abstract: "Check the registry against its audit chain: a change made outside postguard shows here, and `check` refuses the registry.",
            discussion: "Reads only. Exit 0 when intact, 2 with one line per problem when not. The last line names the chain's head hash: kept elsewhere and passed to --expect-head later, it shows the trail was neither rewritten nor cut short since.")
        @Option(help: "A head hash printed by an earlier verify, which must still be in the chain.") var expectHead: String?
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let registry = try database.openForReading()
            let integrity: ConsentIntegrity
            do { integrity = try registry.verify(expectHead: expectHead) } catch let error as ConsentError { throw fail(CLIError(error.description)) }
            for problem in integrity.problems { printError("\(registry.path): \(problem)") }
            guard integrity.isIntact else { throw ExitCode(2) }
            print("\(registry.path): intact: \(integrity.auditRows) audit row\(integrity.auditRows == 1 ? "" : "s"), head \(integrity.head ?? "(empty)")")
        }
    }

    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "upgrade",
            abstract: "Bring a registry written by an earlier postguard up to date (its audit chain begins with a seal of every record).")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let registry = try database.openExisting()
            let integrity: ConsentIntegrity
            do { integrity = try registry.verify() } catch let error as ConsentError { throw fail(CLIError(error.description)) }
            for problem in integrity.problems { printError("\(registry.path): \(problem)") }
            guard integrity.isIntact else { throw ExitCode(2) }
            print("\(registry.path): up to date: \(integrity.auditRows) audit rows")
        }
    }

    struct Usage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "usage",
            abstract: "List the documents under PATHs that cite a consent record (before amending or after revoking it).")
        @Argument var id: String
        @Argument(help: "Files, folders, archives or exports, read as `check` reads them.") var paths: [String]
        @Option(help: "Input format (default: auto).") var inputFormat: InputFormat = .auto

        func run() throws {
            let reader = DocumentReader(options: InputOptions(format: inputFormat))
            var found = 0, failed = false
            reader.read(paths: paths, document: { document in
                guard document.consent.contains(id) else { return }
                found += 1
                let date = document.publishAt.map { " publish_at \($0)" } ?? document.createdAt.map { " created \($0)" } ?? ""
                print("\(location(of: document))\t\(document.kind.rawValue)\t\(document.channel ?? "-")\(date.isEmpty ? "" : "\t" + date.dropFirst())")
            }, failure: { problem in
                failed = true
                printError(problem.description)
            })
            FileHandle.standardError.write(Data("\(found) document\(found == 1 ? "" : "s") cite\(found == 1 ? "s" : "") \(id)\n".utf8))
            if failed { throw ExitCode(2) }
        }
    }
}

/// One audit entry for people: the time, the user, the action and what it did.
struct AuditLine: Encodable {
    let at: String, user: String, action: String, id: String, summary: String

    init(_ entry: ConsentAuditEntry) {
        at = entry.at; user = entry.user; action = entry.action; id = entry.recordId
        summary = AuditLine.summary(entry)
    }

    var text: String { "\(at)\t\(user)\t\(action)\t\(id)\t\(summary)" }

    static func summary(_ entry: ConsentAuditEntry) -> String {
        let data = Data(entry.details.utf8)
        switch entry.action {
        case "amend":
            struct Amendment: Decodable { let version: Int; let reason: String?; let changes: [ConsentChange] }
            guard let amendment = try? JSONDecoder().decode(Amendment.self, from: data) else { return entry.details }
            let changes = amendment.changes.map { "\($0.field) '\($0.from ?? "")' -> '\($0.to ?? "")'" }.joined(separator: "; ")
            return "version \(amendment.version): \(changes)" + (amendment.reason.map { " (reason: \($0))" } ?? "")
        case "revoke":
            struct Revocation: Decodable { let revokedOn: String; let reason: String? }
            guard let revocation = try? JSONDecoder().decode(Revocation.self, from: data) else { return entry.details }
            return "revoked on \(revocation.revokedOn)" + (revocation.reason.map { " (reason: \($0))" } ?? "")
        case "seal":
            return "the audit chain begins: the \(entry.recordId.isEmpty ? "id format" : "record") as it stood"
        case "id-format":
            struct Setting: Decodable { let idFormat: String? }
            guard let setting = try? JSONDecoder().decode(Setting.self, from: data) else { return entry.details }
            return setting.idFormat.map { "record ids must match \($0)" } ?? "id format removed"
        default:
            guard let record = try? JSONDecoder().decode(ConsentRecord.self, from: data) else { return entry.details }
            return "version 1: subject '\(record.subject)', signed \(record.signed), expires \(record.expires ?? record.expiresEvent ?? "?"), channels \(record.channels.isEmpty ? "all" : record.channels.joined(separator: ","))"
        }
    }
}

private func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
