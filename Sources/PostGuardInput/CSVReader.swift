// Input: CSV dumps (a spreadsheet of posts, a social-media tool's export), one document a row,
// streamed so a dump of gigabytes is read in constant memory. The text is the `text` column, or the
// first of the names tools commonly give it; other columns use the JSONL field names.
import PostGuardDocuments
import Foundation

struct CSVReader: DocumentFormatReader {
    /// Column names that hold a post's text, in order of preference.
    /// LinkedIn's `sharecommentary` is among them, so a renamed LinkedIn export still reads.
    static let textColumns = ["text", "message", "content", "body", "post", "full_text", "caption", "review", "reply",
                              "sharecommentary"]
    /// Columns read as document fields, as in JSONL.
    static let fieldColumns = ["id", "kind", "channel", "consent", "in_reply_to", "author", "created_at", "publish_at"]

    /// Other names exports give those fields (LinkedIn: Date).
    static let fieldAliases = ["date": "created_at"]

    /// Pass over a file without a text column instead of reporting it (a CSV found in a folder).
    var skipWithoutTextColumn = false

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var records = CSVRecords(lines: input)
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
        let textColumns = CSVReader.textColumns
        guard let textIndex = textColumns.lazy.compactMap({ header.firstIndex(of: $0) }).first else {
            if skipWithoutTextColumn { return }
            failure(InputError(source: source, line: 1, reason: "no text column (expected one of: \(textColumns.joined(separator: ", ")))"))
            return
        }
        let fieldIndexes = CSVReader.fieldColumns.compactMap { name in header.firstIndex(of: name).map { (name, $0) } }
            + CSVReader.fieldAliases.compactMap { alias, name in header.firstIndex(of: alias).map { (name, $0) } }
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
                fields[name] = record.fields[index]
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
