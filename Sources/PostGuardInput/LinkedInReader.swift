// Input: LinkedIn's data export, `Shares.csv` (Date, ShareLink, ShareCommentary, ...) and
// `Comments.csv` (Date, Link, Message). They are CSV, and the CSV reader knows their column names
// (so a renamed export still reads); what the format adds is the channel, `linkedin`, which the
// dispatcher sets from `InputFormat.platformChannel`.
import PostGuardDocuments

struct LinkedInReader: DocumentFormatReader {
    var skipWithoutTextColumn = false

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        CSVReader(skipWithoutTextColumn: skipWithoutTextColumn)
            .read(input, source: source, options: options, document: document, failure: failure)
    }
}
