// Input: CSV dumps (a spreadsheet of posts, a social-media tool's export), one document a row,
// streamed so a dump of gigabytes is read in constant memory. The text is the `text` column, or the
// first of the names tools commonly give it; other columns use the JSONL field names. Content
// calendars are read too:
//   Buffer         Text, Image URL, Tags, Posting Time            (Posting Time → publish_at)
//   Sprout Social  message_text, date, time_24hr, ...             (date + time → publish_at)
//   Hootsuite      no header: date time, message, link             (positional; date → publish_at)
// A calendar date written `A/B/YYYY` is month/day unless A is over 12 (Hootsuite asks which at upload).
import PostGuardDocuments
import Foundation

struct CSVReader: DocumentFormatReader {
    /// Column names that hold a post's text, in order of preference.
    /// LinkedIn's `sharecommentary` is among them, so a renamed LinkedIn export still reads.
    static let textColumns = ["text", "message", "content", "body", "post", "full_text", "caption", "review", "reply",
                              "sharecommentary", "message_text"]
    /// Columns read as document fields, as in JSONL.
    static let fieldColumns = ["id", "kind", "channel", "consent", "in_reply_to", "author", "created_at", "publish_at"]

    /// Other names exports give those fields (LinkedIn: Date; Buffer: Posting Time).
    static let fieldAliases = ["date": "created_at", "posting time": "publish_at", "scheduled_at": "publish_at"]

    /// Pass over a file without a text column instead of reporting it (a CSV found in a folder).
    var skipWithoutTextColumn = false
    /// How a platform's own CSV is laid out, when it is one.
    var layout: Layout = .generic
    /// Where a file passed over is counted (with the other files that hold no posts or messages).
    var session: ReadSession?

    /// The columns of a platform's CSV file, and what its rows are.
    struct Layout {
        var text: [String]
        var id: String?
        var author: String?
        var createdAt: String?
        var subject: String?
        var kind: DocumentKind?
        /// LinkedIn writes a quote inside a quoted field as \" rather than "".
        var backslashQuotes = false
        /// Lines before the header to pass over (LinkedIn's `Notes:` preamble), until one holds the text column.
        var preamble = false

        static let generic = Layout(text: CSVReader.textColumns)
    }

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var records = CSVRecords(lines: input)
        records.source = source
        records.backslashQuotes = layout.backslashQuotes
        var header: [String] = []
        var pending: (line: Int, fields: [String])?
        do {
            repeat {
                guard let first = try records.next() else {
                    failure(InputError(source: source, line: 1, reason: "empty CSV file: a header row is needed"))
                    return
                }
                header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                // Hootsuite's bulk file has no header: its first row is already a post.
                if layout.text == CSVReader.textColumns, first.fields.count >= 2, CSVReader.calendarDate(first.fields[0]) != nil {
                    pending = first
                    header = ["publish_at", "text", "link"]
                    break
                }
            } while layout.preamble && !layout.text.contains(where: header.contains)
        } catch {
            failure(error)
            return
        }
        guard let textIndex = layout.text.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            if skipWithoutTextColumn {
                session?.skipped += 1
                return
            }
            failure(InputError(source: source, line: 1, reason: "no text column (expected one of: \(layout.text.joined(separator: ", ")))"))
            return
        }
        var fieldIndexes = CSVReader.fieldColumns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } }
            + CSVReader.fieldAliases.compactMap { alias, name in header.firstIndex(of: alias).map { (name, $0) } }
        if let column = layout.id, let index = header.firstIndex(of: column) { fieldIndexes.append(("id", index)) }
        if let column = layout.author, let index = header.firstIndex(of: column) { fieldIndexes.append(("author", index)) }
        if let column = layout.createdAt, let index = header.firstIndex(of: column) { fieldIndexes.append(("created_at", index)) }
        // Sprout Social: the day in `date`, the hour in `time_24hr`: when it goes out, not when written.
        let sproutTime = header.firstIndex(of: "time_24hr")
        if sproutTime != nil, let date = header.firstIndex(of: "date") {
            fieldIndexes.removeAll { $0.1 == date }
            fieldIndexes.append(("publish_at", date))
        }
        let subjectIndex = layout.subject.flatMap { header.firstIndex(of: $0) }
        while true {
            let record: (line: Int, fields: [String])
            if let first = pending {
                record = first
                pending = nil
            } else {
                do {
                    guard let next = try records.next() else { return }
                    record = next
                } catch {
                    failure(error)
                    continue
                }
            }
            if record.fields.count == 1, record.fields[0].isEmpty { continue } // blank line
            guard record.fields.count > textIndex, record.fields.count <= header.count else {
                failure(InputError(source: source, line: record.line, reason: "row has \(record.fields.count) fields, the header \(header.count)"))
                continue
            }
            var fields: [String: Any] = [:]
            for (name, index) in fieldIndexes where index < record.fields.count && !record.fields[index].isEmpty {
                fields[name] = record.fields[index]
            }
            if let day = fields["publish_at"] as? String {
                guard let iso = CSVReader.calendarDate(day) else {
                    failure(InputError(source: source, line: record.line, reason: "the publishing date is not a date (use 2026-12-01 or 12/01/2026)"))
                    continue
                }
                fields["publish_at"] = iso
            }
            var text = record.fields[textIndex]
            if let subjectIndex, subjectIndex < record.fields.count, !record.fields[subjectIndex].isEmpty {
                text = record.fields[subjectIndex] + "\n" + text
            }
            var item = Document(source: source, text: text, kind: layout.kind ?? options.kind, channel: options.channel,
                                recordLine: record.line)
            do {
                try Fields.apply(fields, to: &item, source: source, line: record.line)
                if let kind = layout.kind { item.kind = kind }
                document(item)
            } catch let error as InputError {
                failure(error)
            } catch {
                failure(InputError(source: source, line: record.line, reason: "\(error)"))
            }
        }
    }

    /// The ISO day of a calendar's date cell (`2026-12-01 09:00`, `12/01/2026 9:00 AM`,
    /// `25/12/2026`), or nil when the cell does not start with a date.
    static func calendarDate(_ cell: String) -> String? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        let day = trimmed.prefix { !$0.isWhitespace && $0 != "T" }
        if let iso = CalendarDate(iso: day) { return iso.description }
        let parts = day.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let a = Int(parts[0]), let b = Int(parts[1]), var year = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { year += 2000 }
        let (month, dayOfMonth) = a > 12 ? (b, a) : (a, b)
        return CalendarDate(year: year, month: month, day: dayOfMonth)?.description
    }
}
