// Input: a WhatsApp chat export (`_chat.txt`, alone or in the export's .zip), one document a
// message: kind `message`, the sender as author. A message starts on a line with a timestamp and a
// sender; lines without a timestamp continue it. Every layout the public chat parsers list
// (Pustur/whatsapp-chat-parser's date formats and its fixtures) is read:
//   iOS        [15/03/2024, 10:14:33] Dana: text        (US: [3/15/24, 10:14:33 AM])
//   Android    15/03/2024, 10:14 - Dana: text           (US: 3/15/24, 10:17 AM - Dana: text)
//   Finnish    15.3.2024 klo 10.14 - Dana: text
//   dotted     15.03.24 10.14.33: Dana: text
//   Hungarian, Croatian, Czech   15. 3. 2024. 10:14 - Dana: text
//   ISO        2024-03-15, 10:14 - Dana: text;   Spanish "a. m." / "p. m."
// Lines with a timestamp but no sender are WhatsApp's own notices ("Dana joined"), and so are the
// notices iOS writes under the group's name behind a direction mark, and subject changes: skipped.
// Attachment markers in the languages WhatsApp writes them become media.
import PostGuardEngine
import PostGuardDocuments
import Foundation

struct WhatsAppReader: DocumentFormatReader {
    /// Date, time (with an optional AM/PM, which iOS writes after a narrow no-break space), then the
    /// rest of the line. Direction marks that iOS puts before system lines are allowed.
    static let header = try! Pattern(
        "^[\\x{200E}\\x{200F}]*\\[?(\\d{1,4}[./-]\\s?\\d{1,2}[./-]\\s?\\d{2,4}\\.?),?\\s(?:klo\\s|um\\s|à\\s|a las\\s|alle\\s|kl\\.?\\s)?"
        + "(\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[\\s\\x{202F}]?[AaPp]\\.?\\s?[Mm]\\.?)?)\\]?(?:\\s-|:)?\\s(.*)$")

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
            let sender = String(body[..<colon.lowerBound]), text = String(body[colon.upperBound...])
            // A subject holding ": " ("Dana changed the subject to "Flu: clinic"") is still a notice.
            if sender.contains(where: { $0 == "\"" || $0 == "“" || $0 == "”" }) { return (timestamp, nil, body) }
            // iOS writes its notices under the group's name, the text behind a left-to-right mark.
            if text.hasPrefix("\u{200E}"), WhatsAppReader.attachments(text).isEmpty { return (timestamp, nil, body) }
            return (timestamp, sender, text)
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
            if input.lastLineTooLong {
                failure(InputError(source: source, line: lineNumber, reason: DocumentLimit.overLimit(input.limit, what: "the line")))
                continue
            }
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
            } else if let message = current, message.text.utf8.count + line.utf8.count >= input.limit {
                // A message is bounded like any document: one of endless continuation lines stops here.
                failure(InputError(source: source, line: message.recordLine, reason: DocumentLimit.overLimit(input.limit, what: "the message")))
                current = nil
            } else if current != nil {
                current!.text += "\n" + line
                current!.media += WhatsAppReader.attachments(line)
            }
        }
        finish()
    }

    /// Markers of an attachment left out of the export, in the languages WhatsApp writes them:
    /// Android's `<Media omitted>` and iOS's `image omitted`, `<attached: ...>`, `... (file attached)`.
    static let omittedMarkers = [
        "<Media omitted>", "<Medien ausgelassen>", "<Medien ausgeschlossen>", "<Multimedia omitido>", "<Multimedia omitida>", "<Médias omis>", "<Média omis>",
        "<Mídia oculta>", "<Arquivo de mídia oculto>", "<Media weggelaten>", "<Media omessi>", "<Media jätetty pois>",
        "<Media utelatt>", "<Media utesluten>", "<Multimédia omitido>",
    ]
    static let omittedSuffixes = [
        "image omitted", "video omitted", "audio omitted", "sticker omitted", "GIF omitted", "document omitted", "Contact card omitted",
        "Bild weggelassen", "Video weggelassen", "Audio weggelassen", "imagen omitida", "video omitido", "audio omitido",
        "image absente", "vidéo absente", "imagem ocultada", "vídeo ocultado", "immagine omessa", "afbeelding weggelaten",
        "kuva jätetty pois",
    ]
    static let attachedMarkers = ["<attached: ", "<Anhang: ", "<adjunto: ", "<pièce jointe : ", "<anexado: ", "<allegato: ", "<bijlage: "]
    static let fileAttachedMarkers = [" (file attached)", " (Datei angehängt)", " (archivo adjunto)", " (fichier joint)",
                                      " (arquivo anexado)", " (file allegato)", " (bestand bijgevoegd)"]

    static func attachments(_ line: String) -> [Media] {
        let text = line.trimmingCharacters(in: CharacterSet(charactersIn: "\u{200E}\u{200F}").union(.whitespaces))
        for marker in attachedMarkers {
            if let start = text.range(of: marker), let end = text[start.upperBound...].firstIndex(of: ">") {
                return [Media(path: String(text[start.upperBound..<end]), alt: nil)]
            }
        }
        for marker in fileAttachedMarkers {
            if let found = text.range(of: marker) {
                return [Media(path: String(text[..<found.lowerBound]).trimmingCharacters(in: .whitespaces), alt: nil)]
            }
        }
        if omittedMarkers.contains(where: text.contains) || omittedSuffixes.contains(where: text.hasSuffix) {
            return [Media(path: nil, alt: nil)]
        }
        return []
    }
}
