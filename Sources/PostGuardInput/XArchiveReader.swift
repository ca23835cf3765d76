// Input: an X (Twitter) archive's `data/tweets.js`, `window.YTD.tweets.part0 = [ {"tweet": {...}} ]`:
// one document a tweet, full_text, id_str, created_at, media; a reply when in_reply_to_status_id_str
// is set, since replies are judged by the stricter rules for answering reviews.
import PostGuardDocuments
import Foundation

struct XArchiveReader: DocumentFormatReader {
    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        var json = input.rest()
        if let equals = json.firstIndex(of: UInt8(ascii: "=")), json.prefix(64).contains(UInt8(ascii: "=")) {
            json = json[json.index(after: equals)...] // drop `window.YTD.tweets.part0 =`
        }
        PlatformExport.read(Data(json), source: source, platform: "x", document: document, failure: failure) { item in
            guard let tweet = (item["tweet"] as? [String: Any]) ?? (item as [String: Any]?),
                  let text = (tweet["full_text"] as? String) ?? (tweet["text"] as? String) else { return nil }
            let isReply = (tweet["in_reply_to_status_id_str"] as? String).map { !$0.isEmpty } ?? false
            let entities = (tweet["extended_entities"] as? [String: Any]) ?? (tweet["entities"] as? [String: Any])
            let media = (entities?["media"] as? [[String: Any]] ?? []).map {
                Media(path: $0["media_url_https"] as? String ?? $0["media_url"] as? String, alt: $0["ext_alt_text"] as? String)
            }
            return Document(source: source, id: tweet["id_str"] as? String, text: text, kind: isReply ? .reply : .post,
                            channel: options.channel, createdAt: tweet["created_at"] as? String, media: media)
        }
    }
}
