// Consent: the registry as CSV, for privacy officers' spreadsheets. The header names the same fields
// as `consent add`'s options, so `export` output imports again. Columns beyond the contract's carry
// the rest of a record: `revoked` and `revocation_reason` (without them a revoked authorization would
// come back valid after an export and import), and `aliases`, `may_show`, `discloser`, `statements`,
// `notes`. All of them are optional on import. A cell a spreadsheet would run as a formula is
// written with a leading apostrophe and read back without it (`Spreadsheet`).
import PostGuardDocuments
import PostGuardInput
import Foundation

public enum ConsentCSV {
    public static let header = ["id", "subject", "purpose", "recipient", "information", "signed", "expires",
                                "expires_event", "channels", "signer", "authority", "revoked", "revocation_reason",
                                "aliases", "may_show", "discloser", "statements", "notes"]
    static let required = ["id", "subject", "purpose", "recipient", "information", "signed"]

    /// Parses a CSV file into records with their line numbers. Every problem in every row is
    /// collected before anything is returned, so the user can fix the file in one pass.
    /// With `validate: false` incomplete records are returned as written (fixtures keep some on
    /// purpose, to show the gate rejecting them).
    public static func parse(_ text: String, source: String, validate: Bool = true) throws -> [(line: Int, record: ConsentRecord)] {
        let csv: (header: [String], rows: [(line: Int, values: [String: String])])
        do { csv = try CSVRecords.namedRows(text, source: source) } catch {
            throw ConsentError(error.description)
        }
        let missing = required.filter { !csv.header.contains($0) }
        guard missing.isEmpty else {
            throw ConsentError("\(source):1: the header lacks \(missing.joined(separator: ", ")) (expected: \(header.joined(separator: ",")))")
        }
        let unknown = csv.header.filter { !header.contains($0) }
        guard unknown.isEmpty else {
            throw ConsentError("\(source):1: unknown column(s) \(unknown.joined(separator: ", ")) (expected: \(header.joined(separator: ",")))")
        }
        var records: [(Int, ConsentRecord)] = []
        var problems: [String] = []
        for (line, row) in csv.rows {
            func field(_ name: String) -> String? {
                let value = Spreadsheet.restored(row[name]?.trimmingCharacters(in: .whitespaces) ?? "")
                return value.isEmpty ? nil : value
            }
            var record = ConsentRecord(
                id: field("id") ?? "", subject: field("subject") ?? "", information: field("information") ?? "",
                recipient: field("recipient") ?? "", purpose: field("purpose") ?? "", signed: field("signed") ?? "",
                expires: field("expires"), expiresEvent: field("expires_event"),
                channels: channelList(field("channels")), signer: field("signer"), authority: field("authority"))
            record.revokedOn = field("revoked")
            record.revocationReason = field("revocation_reason")
            record.aliases = ListItems.split(field("aliases"), .names)
            record.mayShow = channelList(field("may_show"))
            record.discloser = field("discloser")
            if let statements = field("statements") { record.statements = channelList(statements) }
            record.notes = field("notes")
            let rowProblems = validate ? record.problems() : []
            problems += rowProblems.map { "\(source):\(line): \($0)" }
            records.append((line, record))
        }
        guard problems.isEmpty else { throw ConsentError(problems.joined(separator: "\n")) }
        return records
    }

    /// `facebook, Instagram` → ["facebook", "instagram"], by the one list rule (`ListItems`).
    public static func channelList(_ text: String?) -> [String] {
        ListItems.split(text).map { $0.lowercased() }
    }

    /// Revocations kept beside fixture records (`id,date,reason`), applied to the records they name.
    public static func applyRevocations(_ text: String, source: String, to records: inout [ConsentRecord]) {
        guard let rows = try? CSVRecords.namedRows(text, source: source).rows else { return }
        for (_, row) in rows {
            if let index = records.firstIndex(where: { $0.id == row["id"] }) {
                records[index].revokedOn = row["date"]
                records[index].revocationReason = row["reason"]
            }
        }
    }

    public static func export(_ records: [ConsentRecord]) -> String {
        var lines = [header.joined(separator: ",")]
        for r in records {
            let fields = [r.id, r.subject, r.purpose, r.recipient, r.information, r.signed, r.expires ?? "",
                          r.expiresEvent ?? "", r.channels.joined(separator: ","), r.signer ?? "", r.authority ?? "",
                          r.revokedOn ?? "", r.revocationReason ?? "", r.aliases.joined(separator: ";"),
                          r.mayShow.joined(separator: ","), r.discloser ?? "", r.statements.joined(separator: ","), r.notes ?? ""]
            lines.append(fields.map { quote(Spreadsheet.neutralised($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Formula injection (CWE-1236): a cell starting `=`, `+`, `-`, `@`, a tab or a carriage return is run
/// by Excel, LibreOffice and Google Sheets when the CSV is opened (`=HYPERLINK(...)`, `=cmd|...`).
/// Such a cell is written with a leading apostrophe, which spreadsheets show as text and hide, as
/// OWASP's CSV-injection advice says. A cell already starting with an apostrophe before one of
/// those gets one more, so `restored` is the exact inverse and an export imports to the same values.
public enum Spreadsheet {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func needsApostrophe(_ cell: Substring) -> Bool {
        guard let first = cell.unicodeScalars.first.map(Character.init) else { return false }
        if formulaStarts.contains(first) { return true }
        return first == "'" && needsApostrophe(cell.dropFirst())
    }

    public static func neutralised(_ cell: String) -> String {
        needsApostrophe(cell[...]) ? "'" + cell : cell
    }

    public static func restored(_ cell: String) -> String {
        cell.first == "'" && needsApostrophe(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }
}
