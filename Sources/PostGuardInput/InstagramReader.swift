// Input: an Instagram export's `content/posts_*.json`: one document a post, the caption (`title`, or
// the first media title when the post has none) and the media, whose photos are findings for review.
import PostGuardDocuments
import Foundation

struct InstagramReader: DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        PlatformExport.read(input.rest(), source: source, platform: "instagram", document: document, failure: failure) { item in
            let entries = item["media"] as? [[String: Any]]
            let media = (entries ?? []).map { Media(path: $0["uri"] as? String, alt: nil) }
            let caption = (item["title"] as? String) ?? entries?.compactMap { $0["title"] as? String }.first { !$0.isEmpty } ?? ""
            let timestamp = (item["creation_timestamp"] as? Int) ?? entries?.first?["creation_timestamp"] as? Int
            return Document(source: source, id: timestamp.map(String.init), text: PlatformExport.repairMojibake(caption), kind: .post,
                            channel: options.channel, createdAt: timestamp.map(PlatformExport.isoDate), media: media)
        }
    }
}
