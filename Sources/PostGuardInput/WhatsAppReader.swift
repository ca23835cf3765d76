// Input: a WhatsApp chat export (`_chat.txt`, alone or in the export's .zip), one document a
// message: kind `message`, the sender as author. A message starts on a line with a timestamp and a
// sender; lines without a timestamp continue it. Both export styles are read:
//   iOS      [15/03/2024, 10:14:33] Dana: text       (US: [3/15/24, 10:14:33 AM])
//   Android  15/03/2024, 10:14 - Dana: text          (US: 3/15/24, 10:17 AM - Dana: text)
// Lines with a timestamp but no sender are WhatsApp's own notices ("Dana joined") and are skipped.
import PostGuardEngine
import PostGuardDocuments
import Foundation

struct WhatsAppReader: DocumentFormatReader {
    /// Date, time (with an optional AM/PM, which iOS writes after a narrow no-break space), then the
    /// rest of the line. Direction marks that iOS puts before system lines are allowed.
    static let header = try! Pattern(
        "^[\\x{200E}\\x{200F}]?\\[?(\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}),?\\s(\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[\\s\\x{202F}]?[AaPp]\\.?\\s?[Mm]\\.?)?)\\]?(?:\\s-)?\\s(.*)$")

    /// Whether a line starts a chat message or notice: how a chat is told by its first line.
    static func startsMessage(_ line: Data) -> Bool {
        guard let text = String(validating: line, as: UTF8.self) else { return false }
        return parse(text, scratch: MatchScratch()) != nil
    }

    /// (timestamp, sender, text) of a line that starts a message; sender nil for a notice.
    package static func parse(_ line: String, scratch: MatchScratch) -> (timestamp: String, sender: String?, text: String)? {
        line.withUTF8Bytes { bytes -> (String, String?, String)? in
            guard let groups = try? header.groups(in: bytes, scratch: scratch), groups.count >= 4,
                  let date = groups[1], let time = groups[2], let rest = groups[3] else { return nil }
            let timestamp = ByteText.substring(bytes, date) + " " + ByteText.substring(bytes, time)
            let body = ByteText.substring(bytes, rest)
            guard let colon = body.range(of: ": "), body.distance(from: body.startIndex, to: colon.lowerBound) <= 80 else {
                return (timestamp, nil, body)
            }
            return (timestamp, String(body[..<colon.lowerBound]), String(body[colon.upperBound...]))
        }
    }

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var current: Document?
        var lineNumber = 0
        let scratch = MatchScratch() // one for the whole chat: match data and JIT stack are reused
        func finish() {
            if let message = current { document(message) }
            current = nil
        }
        while let bytes = input.next() {
            lineNumber += 1
            guard var line = String(validating: bytes, as: UTF8.self) else {
                failure(InputError(source: source, line: lineNumber, reason: "not valid UTF-8 text"))
                continue
            }
            if line.hasSuffix("\r") { line.removeLast() }
            if let (timestamp, sender, text) = WhatsAppReader.parse(line, scratch: scratch) {
                finish()
                guard let sender else { continue } // a WhatsApp notice, not a message
                current = Document(source: source, text: text, kind: .message, channel: options.channel,
                                   author: sender, createdAt: timestamp, media: WhatsAppReader.attachments(text), recordLine: lineNumber)
            } else if current != nil {
                current!.text += "\n" + line
                current!.media += WhatsAppReader.attachments(line)
            }
        }
        finish()
    }

    /// Attachment markers: `<attached: 00000012-PHOTO-2024-03-15.jpg>` (iOS),
    /// `IMG-20240315-WA0001.jpg (file attached)` (Android), `<Media omitted>`, `image omitted`.
    static func attachments(_ text: String) -> [Media] {
        var media: [Media] = []
        if let start = text.range(of: "<attached: "), let end = text[start.upperBound...].firstIndex(of: ">") {
            media.append(Media(path: String(text[start.upperBound..<end]), alt: nil))
        } else if let marker = text.range(of: " (file attached)") {
            media.append(Media(path: String(text[..<marker.lowerBound]).trimmingCharacters(in: .whitespaces), alt: nil))
        } else if text.contains("<Media omitted>") || text.hasSuffix("image omitted") || text.hasSuffix("video omitted") {
            media.append(Media(path: nil, alt: nil))
        }
        return media
    }
}
