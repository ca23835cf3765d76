// Input: a text or Markdown draft, one document a file, read whole. `---` YAML front matter at the
// top sets the document's fields; it stays in the document's text, so line numbers are the file's,
// but the fields PostGuard reads are not scanned (they are not published).
import PostGuardEngine
import PostGuardDocuments
import Foundation
import Yams

struct TextReader: DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        guard let data = input.rest(limit: input.limit) else {
            failure(InputError(source: source, reason: DocumentLimit.overLimit(input.limit, what: "the text")))
            return
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            failure(InputError(source: source, line: TextReader.firstInvalidLine(data), reason: "not valid UTF-8 text"))
            return
        }
        do {
            document(try FrontMatter.document(text: text, source: source, options: options))
        } catch let error as InputError {
            failure(error)
        } catch {
            failure(InputError(source: source, reason: "\(error)"))
        }
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, so the error can point at it.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }
}

/// `---` YAML front matter: `kind`, `channel`, `consent`, `id`, `publish_at`, `in_reply_to`,
/// `author`, `media`.
package enum FrontMatter {
    /// The 1-based line, within the front matter, that a YAML error points at.
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    package static func document(text: String, source: String, options: InputOptions) throws -> Document {
        var document = Document(source: source, text: text, kind: options.kind, channel: options.channel)
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return document }
        let utf8 = Array(text.utf8)
        // Find the closing `---` line.
        var lineStart = text.hasPrefix("---\r\n") ? 5 : 4
        var closing: (start: Int, end: Int)?
        while lineStart < utf8.count {
            var lineEnd = lineStart
            while lineEnd < utf8.count, utf8[lineEnd] != 0x0A { lineEnd += 1 }
            let content = utf8[lineStart..<lineEnd].filter { $0 != 0x0D }
            if content == Array("---".utf8) || content == Array("...".utf8) {
                closing = (lineStart, min(lineEnd + 1, utf8.count))
                break
            }
            lineStart = lineEnd + 1
        }
        guard let closing else {
            throw InputError(source: source, line: 1, reason: "front matter starts with '---' but never ends")
        }
        let open = text.hasPrefix("---\r\n") ? 5 : 4
        let yaml = String(decoding: utf8[open..<closing.start], as: UTF8.self)
        // A block between two `---` lines is front matter only if it starts like YAML fields
        // (`kind: reply`); otherwise it is prose between horizontal rules, and all of it is scanned.
        guard let firstLine = yaml.split(separator: "\n").first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              firstLine.first.map({ $0.isLetter || $0 == "_" }) == true,
              let colon = firstLine.firstIndex(of: ":"),
              firstLine[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return document }
        // Front matter is a few short fields. A bound on its size and no anchors or aliases keep a
        // "billion laughs" block (each alias doubling the one before) from filling the memory.
        guard closing.start - open <= FrontMatter.maximumBytes else {
            throw InputError(source: source, line: 1, reason: "front matter is larger than \(FrontMatter.maximumBytes / 1024) KB; it holds a few fields such as kind and channel")
        }
        if let line = FrontMatter.anchorOrAliasLine(yaml) {
            throw InputError(source: source, line: line + 1, reason: "front matter uses a YAML anchor or alias (& or *), which PostGuard does not expand; write the value out")
        }
        let fields: [String: Any]
        do {
            // Plain YAML 1.1 would turn `publish_at: 2026-02-30` into 2 March and `id: 0012` into 10:
            // every scalar stays the string it is written as, and is checked as such.
            let resolver = Resolver.default.removing(.int).removing(.float).removing(.timestamp).removing(.bool)
            guard let mapping = try Yams.load(yaml: yaml, resolver) as? [String: Any] else { return document }
            fields = mapping
        } catch let error as YamlError {
            // Only the position: Yams' message quotes the line, which may hold a patient's details.
            throw InputError(source: source, line: FrontMatter.line(of: error).map { $0 + 1 }, reason: "front matter is not valid YAML")
        } catch {
            throw InputError(source: source, line: 1, reason: "front matter is not valid YAML")
        }
        try Fields.apply(fields, to: &document, source: source, line: 1)
        // The fields PostGuard reads are not published; anything else (a Jekyll or Hugo `title:`,
        // `description:`, `tags:`) is, and is scanned like the body.
        document.unscanned = [ByteRange(0, open), ByteRange(closing.start, closing.end)]
            + FrontMatter.keyRanges(utf8, from: open, to: closing.start).filter { Fields.known.contains($0.key) }.map(\.range)
        return document
    }

    static let maximumBytes = 64 * 1024

    /// The 1-based line of the first YAML anchor (`&name`) or alias (`*name`): a `&` or `*` where a
    /// value or an item starts (after `: `, `- `, `[`, `{` or `,`), not inside a word ("*new* hours").
    static func anchorOrAliasLine(_ yaml: String) -> Int? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(line.utf8)
            for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "*") || byte == UInt8(ascii: "&") {
                guard i + 1 < bytes.count, bytes[i + 1] != 0x20 else { continue }
                var j = i - 1
                while j >= 0, bytes[j] == 0x20 || bytes[j] == 0x09 { j -= 1 }
                if j < 0 || [UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(bytes[j]),
                   j < 0 || j < i - 1 || bytes[j] == UInt8(ascii: "[") || bytes[j] == UInt8(ascii: "{") {
                    return index + 1
                }
            }
        }
        return nil
    }

    /// Each top-level key of a YAML block with the byte range of its lines (a key's value may go on
    /// over indented or list lines).
    static func keyRanges(_ utf8: [UInt8], from start: Int, to end: Int) -> [(key: String, range: ByteRange)] {
        var keys: [(String, ByteRange)] = []
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, utf8[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, end)
            let first = utf8[lineStart]
            if first != 0x20, first != 0x09, first != UInt8(ascii: "-"), first != 0x0A, first != 0x0D,
               let colon = utf8[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
                keys.append((String(decoding: utf8[lineStart..<colon], as: UTF8.self), ByteRange(lineStart, next)))
            } else if !keys.isEmpty {
                keys[keys.count - 1].1.end = next
            }
            lineStart = next
        }
        return keys
    }
}
