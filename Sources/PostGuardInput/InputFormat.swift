// Input: which format a file is in, decided in this one place and once per file: by its name, then
// by its first line. Every name rule (extensions, platform export names, WhatsApp's) lives here, so
// the folder walk, the ZIP reader and the dispatcher cannot disagree.
import PostGuardDocuments
import Foundation

public enum InputFormat: String, Sendable, CaseIterable {
    case auto, text, markdown, jsonl, csv
    case xArchive = "x-archive"
    case facebook, instagram, linkedin, whatsapp
    case googleBusiness = "google-business"

    /// The format of a file named `name` whose first line (after any byte-order mark) is in `head`.
    /// A name that says a format wins over the content; without one, a first line that is a JSON
    /// object with `text` makes JSONL. Plain text whose first line is a chat line is a WhatsApp chat.
    package static func detect(name: String, head: Data) -> InputFormat {
        let firstLine = head.prefix { $0 != 0x0A }
        if byName(name) == nil, firstLine.starts(with: Data("window.YTD.".utf8)) { return .xArchive }
        let format = byName(name) ?? (JSONLinesReader.isRecord(firstLine) || JSONLinesReader.looksLikeRecord(firstLine) ? .jsonl : .text)
        return format == .text && WhatsAppReader.startsMessage(firstLine) ? .whatsapp : format
    }

    /// The format a file's path alone tells, or nil when only its content can. The same routing as
    /// inside a folder or archive (`ExportLayout`), with what the one path says of its platform.
    static func byName(_ path: String) -> InputFormat? {
        if case .read(let format) = ExportLayout(paths: [path]).route(path) { return format }
        return nil
    }

    /// The format to read a file routed to this one in a folder or archive with: a text file is
    /// still recognised by its first line (a chat), the rest as routed.
    var inFolder: InputFormat { self == .text ? .auto : self }

    /// The channel of every document in a platform's export. It wins over `--channel`, which is a
    /// default for documents that do not say: a tweet is on X whatever the run's default, and the
    /// consent gate checks a record's channels against it.
    var platformChannel: String? {
        switch self {
        case .xArchive: "x"
        case .facebook: "facebook"
        case .instagram: "instagram"
        case .linkedin: "linkedin"
        case .whatsapp: "whatsapp"
        case .googleBusiness: "google"
        case .auto, .text, .markdown, .jsonl, .csv: nil
        }
    }

    /// The one reader for this format. A CSV found in a folder without a text column is passed over
    /// (there it is as likely a consent list); named on its own, that is an error.
    func reader(foundInFolder: Bool, session: ReadSession) -> any DocumentFormatReader {
        switch self {
        case .auto, .text, .markdown: TextReader()
        case .jsonl: JSONLinesReader()
        case .csv: CSVReader(skipWithoutTextColumn: foundInFolder, session: session)
        case .linkedin: LinkedInReader(skipWithoutTextColumn: foundInFolder)
        case .whatsapp: WhatsAppReader()
        case .xArchive: XArchiveReader(session: session)
        case .facebook: MetaExportReader(platform: .facebook)
        case .instagram: MetaExportReader(platform: .instagram)
        case .googleBusiness: GoogleBusinessReader()
        }
    }
}

/// One input format: turns one file's bytes into documents, reporting what it cannot read and
/// going on with the rest.
protocol DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void)
}
