// Input: a Facebook export's `posts/your_posts_*.json`: one document a post, the text of data[].post,
// attachments' media (uri, with the description scanned as alt text, since it often names people).
import PostGuardDocuments
import Foundation

struct FacebookReader: DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        PlatformExport.read(input.rest(), source: source, platform: "facebook", document: document, failure: failure) { item in
            let text = (item["data"] as? [[String: Any]] ?? []).compactMap { $0["post"] as? String }
                .map(PlatformExport.repairMojibake).joined(separator: "\n")
            var media: [Media] = []
            for attachment in item["attachments"] as? [[String: Any]] ?? [] {
                for entry in attachment["data"] as? [[String: Any]] ?? [] {
                    if let file = entry["media"] as? [String: Any] {
                        media.append(Media(path: file["uri"] as? String, alt: (file["description"] as? String).map(PlatformExport.repairMojibake)))
                    }
                }
            }
            let timestamp = item["timestamp"] as? Int
            return Document(source: source, id: timestamp.map(String.init), text: text, kind: .post,
                            channel: options.channel, createdAt: timestamp.map(PlatformExport.isoDate), media: media)
        }
    }
}
