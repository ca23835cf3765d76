// Input: LinkedIn's data export, CSV files at the top of the download:
//   Shares.csv        Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility   → posts
//   Comments.csv      Date, Link, Message      (quotes inside a message written \")      → replies
//   messages.csv      CONVERSATION ID, ..., FROM, ..., DATE, SUBJECT, CONTENT, FOLDER     → messages
//   Invitations.csv   From, To, Sent At, Message, Direction, ...                          → messages
// ShareLink / Link is the record's id. Connections.csv (with its `Notes:` preamble) and the other files
// describe the member, not what they wrote, and are passed over (`ExportLayout`). A file named
// otherwise is read as a Shares file, whose column names the CSV reader knows anyway.
import PostGuardDocuments
import Foundation

struct LinkedInReader: DocumentFormatReader {
    enum File { case shares, comments, messages, invitations }

    var skipWithoutTextColumn = false

    static func layout(_ file: File) -> CSVReader.Layout {
        switch file {
        case .shares:
            CSVReader.Layout(text: ["sharecommentary"] + CSVReader.textColumns, id: "sharelink", createdAt: "date", kind: .post,
                             backslashQuotes: true, preamble: true)
        case .comments:
            CSVReader.Layout(text: ["message"], id: "link", createdAt: "date", kind: .reply, backslashQuotes: true, preamble: true)
        case .messages:
            CSVReader.Layout(text: ["content"], author: "from", createdAt: "date", subject: "subject", kind: .message,
                             backslashQuotes: true, preamble: true)
        case .invitations:
            CSVReader.Layout(text: ["message"], author: "from", createdAt: "sent at", kind: .message, backslashQuotes: true, preamble: true)
        }
    }

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        let file = ExportLayout.linkedInContent(URL(fileURLWithPath: source).lastPathComponent.lowercased()) ?? .shares
        CSVReader(skipWithoutTextColumn: skipWithoutTextColumn, layout: LinkedInReader.layout(file))
            .read(input, source: source, options: options) { item in
                // An invitation sent without a note has nothing to check.
                if file == .invitations && item.text.isEmpty { return }
                document(item)
            } failure: { failure($0) }
    }
}
