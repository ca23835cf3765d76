// Input: RFC 4180 records, shared by the CSV document reader and the consent registry's import.
// Written here rather than taken from a CSV package: errors must name the line a record starts on
// and the line with bad UTF-8, and the packages at hand either read the whole file or know no
// lines (and CSV.swift misreads Foundation's end of stream on Linux as an error).
import Foundation

/// RFC 4180 records from lines: a record goes on to the next line while a quoted field is open.
package struct CSVRecords {
    let lines: LineReader
    var source = ""
    /// Read \" inside a quoted field as a quote, as LinkedIn writes it.
    var backslashQuotes = false
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
        var recordBytes = 0
        var oversized = false
        repeat {
            guard let bytes = lines.next() else {
                if start == 0 { return nil }
                throw InputError(source: source, line: start, reason: "a quoted field is never closed")
            }
            lineNumber += 1
            if start == 0 { start = lineNumber } else { field.append("\n") }
            // A record is bounded like any document; one over the limit is read to its end (so the
            // next record starts where it should) but not kept.
            recordBytes += bytes.count
            if lines.lastLineTooLong || recordBytes > lines.limit { oversized = true }
            if oversized { field = ""; fields = [] }
            if lines.lastLineTooLong, lines.lastLineQuotes % 2 == 1 { inQuotes.toggle() }
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
                    if backslashQuotes, character == "\\" {
                        var lookahead = characters
                        if lookahead.next() == "\"" { field.append("\""); characters = lookahead } else { field.append(character) }
                    } else if character == "\"" {
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
        if oversized { throw InputError(source: source, line: start, reason: DocumentLimit.overLimit(lines.limit, what: "the record")) }
        if let badLine { throw InputError(source: source, line: badLine, reason: "not valid UTF-8 text") }
        fields.append(field)
        return (start, fields)
    }
}
