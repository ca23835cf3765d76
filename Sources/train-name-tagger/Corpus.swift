// Labelled data for training: the span corpora (JSONL with scalar offsets)
// and the team's fixtures (inline [[category:text]] markup). All offsets are converted to UTF-8
// byte offsets here.
import Foundation

struct LabelledText {
    var id: String
    var bytes: [UInt8]
    /// Person spans (required), byte ranges.
    var persons: [Range<Int>]
    /// Spans where a prediction is neither right nor wrong (other entities in the corpora).
    var neutral: [Range<Int>]
    /// WNUT-17 does not annotate @handles: their tags are unknown, not O.
    var handlesUnlabelled: Bool
}

enum Corpus {
    /// Byte offset of each scalar index (and of the end).
    static func byteOffsets(_ text: String) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(text.unicodeScalars.count + 1)
        var b = 0
        for s in text.unicodeScalars { offsets.append(b); b += UTF8.width(s) }
        offsets.append(b)
        return offsets
    }

    /// `{"id","text","spans":[{"start","end","categories","required"}]}` lines.
    static func loadSpans(_ path: String, handlesUnlabelled: Bool) throws -> [LabelledText] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var result: [LabelledText] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            let offsets = byteOffsets(text)
            var persons: [Range<Int>] = [], neutral: [Range<Int>] = []
            for case let span as [String: Any] in (object["spans"] as? [Any]) ?? [] {
                guard let start = span["start"] as? Int, let end = span["end"] as? Int,
                      let categories = span["categories"] as? [String] else { continue }
                let range = offsets[start]..<offsets[end]
                let required = (span["required"] as? Bool) ?? true
                if required && (categories.contains("name") || categories.contains("other-id")) { persons.append(range) } else { neutral.append(range) }
            }
            result.append(LabelledText(id: (object["id"] as? String) ?? "", bytes: Array(text.utf8), persons: persons,
                                       neutral: neutral, handlesUnlabelled: handlesUnlabelled))
        }
        return result
    }

    /// Fixture lines `{"id", "text": "... [[name:Maria Lopez]] ..."}`: `name` spans are persons;
    /// other identifiers are plain text (a name predicted over a phone number is wrong).
    static func loadFixtures(_ paths: [String]) throws -> [LabelledText] {
        var result: [LabelledText] = []
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let markup = object["text"] as? String else { continue }
                var bytes: [UInt8] = []
                var persons: [Range<Int>] = []
                var rest = Substring(markup)
                while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]"),
                      let colon = rest[open.upperBound..<close.lowerBound].firstIndex(of: ":") {
                    bytes += Array(rest[..<open.lowerBound].utf8)
                    let category = rest[open.upperBound..<colon]
                    let inner = Array(rest[rest.index(after: colon)..<close.lowerBound].utf8)
                    if category == "name" { persons.append(bytes.count..<(bytes.count + inner.count)) }
                    bytes += inner
                    rest = rest[close.upperBound...]
                }
                bytes += Array(rest.utf8)
                result.append(LabelledText(id: (object["id"] as? String) ?? path, bytes: bytes, persons: persons, neutral: [],
                                           handlesUnlabelled: false))
            }
        }
        return result
    }
}
