// Input: JSONL, one JSON object a line, only `text` required; blank lines allowed. Streamed a line
// at a time, so a dump of gigabytes is read in constant memory. A bad line is reported with its
// number and the rest is read.
import PostGuardDocuments
import Foundation

struct JSONLinesReader: DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var line = 0
        while let record = input.next() {
            line += 1
            if input.lastLineTooLong {
                failure(InputError(source: source, line: line, reason: DocumentLimit.overLimit(input.limit, what: "the record")))
                continue
            }
            if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                document(try JSONLines.parse(record, source: source, line: line, options: options))
            } catch let error as InputError {
                failure(error)
            } catch {
                failure(InputError(source: source, line: line, reason: "\(error)"))
            }
        }
    }

    /// Whether a first line that is not a record was meant as one: it opens an object and names a
    /// `"text"` field. Read as JSONL, its error is reported; read as a draft, a malformed dump
    /// would become one text document and its error would never be seen.
    static func looksLikeRecord(_ line: Data) -> Bool {
        guard line.drop(while: { $0 == 0x20 || $0 == 0x09 }).first == UInt8(ascii: "{"),
              let key = line.firstRange(of: Data("\"text\"".utf8)) else { return false }
        return line[key.upperBound...].drop(while: { $0 == 0x20 || $0 == 0x09 }).first == UInt8(ascii: ":")
    }

    /// Whether a first line is a JSONL record: a JSON object with `text` (a draft may start with "{").
    static func isRecord(_ line: Data) -> Bool {
        guard line.first == UInt8(ascii: "{"),
              let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { return false }
        return object["text"] != nil
    }
}

package enum JSONLines {
    /// One record; public to the package for callers that hold records one by one (evaluation).
    package static func parse(_ record: Data, source: String, line: Int, options: InputOptions) throws -> Document {
        guard String(validating: record, as: UTF8.self) != nil else {
            throw InputError(source: source, line: line, reason: "not valid UTF-8 text")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: record) } catch {
            throw InputError(source: source, line: line, reason: "not a JSON object (malformed JSON)")
        }
        guard let fields = object as? [String: Any] else {
            throw InputError(source: source, line: line, reason: "not a JSON object")
        }
        guard let text = fields["text"] as? String else {
            throw InputError(source: source, line: line, reason: "record has no \"text\" string")
        }
        var document = Document(source: source, text: text, kind: options.kind, channel: options.channel, recordLine: line)
        try Fields.apply(fields, to: &document, source: source, line: line)
        return document
    }
}
