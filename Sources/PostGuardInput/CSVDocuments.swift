// Input: CSV dumps (a spreadsheet of posts, a social-media tool's export), one document a row,
// streamed so a dump of gigabytes is read in constant memory. The text is the `text` column, or the
// first of the names tools commonly give it; other columns use the JSONL field names.
//
// Records are read here rather than with a CSV package: errors must name the line a record starts
// on and the line with bad UTF-8, and the packages at hand either read the whole file or know no
// lines (and CSV.swift misreads Foundation's end of stream on Linux as an error).
import PostGuardEngine
import PostGuardDocuments
import Foundation

enum CSVDocuments {
    /// Column names that hold a post's text, in order of preference.
    static let textColumns = ["text", "message", "content", "body", "post", "full_text", "caption", "review", "reply",
                              "sharecommentary"]
    /// Columns read as document fields, as in JSONL.
    static let fieldColumns = ["id", "kind", "channel", "consent", "in_reply_to", "author", "created_at", "publish_at"]
    /// Other names exports give those fields (LinkedIn: Date).
    static let fieldAliases = ["date": "created_at"]

    static func read(_ lines: LineReader, source: String, options: InputOptions, skipWithoutTextColumn: Bool = false,
                     document: (Document) -> Void, failure: (InputError) -> Void) {
        var records = CSVRecords(lines: lines)
        records.source = source
        var header: [String] = []
        do {
            guard let first = try records.next() else {
                failure(InputError(source: source, line: 1, reason: "empty CSV file: a header row is needed"))
                return
            }
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        } catch {
            failure(error)
            return
        }
        guard let textIndex = textColumns.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            if skipWithoutTextColumn { return }
            failure(InputError(source: source, line: 1, reason: "no text column (expected one of: \(textColumns.joined(separator: ", ")))"))
            return
        }
        let fieldIndexes = fieldColumns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } }
            + fieldAliases.compactMap { alias, name in header.firstIndex(of: alias).map { (name, $0) } }
        while true {
            let record: (line: Int, fields: [String])
            do {
                guard let next = try records.next() else { return }
                record = next
            } catch {
                failure(error)
                continue
            }
            if record.fields.count == 1, record.fields[0].isEmpty { continue } // blank line
            guard record.fields.count > textIndex, record.fields.count <= header.count else {
                failure(InputError(source: source, line: record.line, reason: "row has \(record.fields.count) fields, the header \(header.count)"))
                continue
            }
            var fields: [String: Any] = [:]
            for (name, index) in fieldIndexes where index < record.fields.count && !record.fields[index].isEmpty {
                let value = record.fields[index]
                // Several consent ids share a cell, separated by commas or semicolons.
                fields[name] = name == "consent" ? listItems(value) : value
            }
            var item = Document(source: source, text: record.fields[textIndex], kind: options.kind, channel: options.channel,
                                recordLine: record.line)
            do {
                try Fields.apply(fields, to: &item, source: source, line: record.line)
                document(item)
            } catch let error as InputError {
                failure(error)
            } catch {
                failure(InputError(source: source, line: record.line, reason: "\(error)"))
            }
        }
    }
}

/// A cell holding several values ("facebook, instagram", "C-1; C-2"): commas or semicolons.
package func listItems(_ text: String?) -> [String] {
    (text ?? "").split { $0 == "," || $0 == ";" }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// RFC 4180 records from lines: a record goes on to the next line while a quoted field is open.
package struct CSVRecords {
    let lines: LineReader
    var source = ""
    private var lineNumber = 0

    init(lines: LineReader) { self.lines = lines }

    /// A small CSV file read whole into rows named by its header (lower-cased), each with the line
    /// it starts on. The first bad record stops it.
    package static func namedRows(_ text: String, source: String) throws(InputError) -> (header: [String], rows: [(line: Int, values: [String: String])]) {
        var records = CSVRecords(lines: LineReader(data: Data(text.utf8)))
        records.source = source
        guard let first = try records.next() else { throw InputError(source: source, line: 1, reason: "empty CSV file: a header row is needed") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var rows: [(Int, [String: String])] = []
        while let record = try records.next() {
            if record.fields.count == 1, record.fields[0].isEmpty { continue } // blank line
            guard record.fields.count <= header.count else {
                throw InputError(source: source, line: record.line, reason: "row has \(record.fields.count) fields, the header \(header.count)")
            }
            rows.append((record.line, Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first })))
        }
        return (header, rows)
    }

    /// The next record and the line it starts on; nil at the end. A line that is not UTF-8 is an
    /// error for that line, and reading goes on after it.
    mutating func next() throws(InputError) -> (line: Int, fields: [String])? {
        var badLine: Int?
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var start = 0
        repeat {
            guard let bytes = lines.next() else {
                if start == 0 { return nil }
                throw InputError(source: source, line: start, reason: "a quoted field is never closed")
            }
            lineNumber += 1
            if start == 0 { start = lineNumber } else { field.append("\n") }
            // A line that is not UTF-8 is read leniently so the record's quotes still pair up; the
            // whole record is then reported and skipped, and the next record starts where it should.
            var text: String
            if let valid = String(validating: bytes, as: UTF8.self) { text = valid } else {
                text = String(decoding: bytes, as: UTF8.self)
                badLine = badLine ?? lineNumber
            }
            if text.hasSuffix("\r") { text.removeLast() }
            var characters = text.makeIterator()
            var atFieldStart = field.isEmpty && !inQuotes
            while let character = characters.next() {
                if inQuotes {
                    if character == "\"" {
                        // A doubled quote is a quote; a single one closes the field.
                        var lookahead = characters
                        if lookahead.next() == "\"" { field.append("\""); characters = lookahead } else { inQuotes = false }
                    } else {
                        field.append(character)
                    }
                } else if character == "," {
                    fields.append(field); field = ""; atFieldStart = true
                    continue
                } else if character == "\"" && atFieldStart {
                    inQuotes = true
                } else {
                    field.append(character)
                }
                atFieldStart = false
            }
        } while inQuotes
        if let badLine { throw InputError(source: source, line: badLine, reason: "not valid UTF-8 text") }
        fields.append(field)
        return (start, fields)
    }
}
