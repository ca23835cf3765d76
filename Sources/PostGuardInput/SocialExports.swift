// Input: what platforms hand back when an organisation downloads its data, one document a post:
//   X           data/tweets.js (`window.YTD.tweets.part0 = [ {"tweet": {...}} ]`): full_text,
//               id_str, in_reply_to_status_id_str (a reply), created_at, media.
//   Facebook    posts/your_posts_*.json: data[].post, timestamp, attachments' media (uri, description).
//   Instagram   content/posts_*.json: title (the caption), media (uri, title), creation_timestamp.
// Facebook and Instagram write UTF-8 bytes as \u00XX escapes ("cafÃ©"); text is repaired when it
// decodes cleanly. These files are JSON arrays, read whole (the ZIP reader caps an entry's size).
import PostGuardEngine
import PostGuardDocuments
import Foundation

enum SocialExports {
    enum Platform: String { case x, facebook, instagram }

    /// The platform a file name belongs to, if any.
    static func platform(of source: String) -> Platform? {
        let name = URL(fileURLWithPath: source).lastPathComponent.lowercased()
        if name.hasSuffix(".js"), name.hasPrefix("tweets") || name.hasPrefix("tweet.") || name.hasPrefix("tweet-part") { return .x }
        if name.hasPrefix("your_posts") && name.hasSuffix(".json") { return .facebook }
        if (name.hasPrefix("posts_") || name == "posts.json") && name.hasSuffix(".json") { return .instagram }
        return nil
    }

    static func read(_ data: Data, source: String, platform: Platform, options: InputOptions,
                     document: (Document) -> Void, failure: (InputError) -> Void) {
        var json = data
        if platform == .x, let equals = data.firstIndex(of: UInt8(ascii: "=")), data.prefix(64).contains(UInt8(ascii: "=")) {
            json = data[data.index(after: equals)...] // drop `window.YTD.tweets.part0 =`
        }
        guard let items = (try? JSONSerialization.jsonObject(with: Data(json))) as? [Any] else {
            failure(InputError(source: source, reason: "not a \(platform.rawValue) export (expected a JSON array of posts)"))
            return
        }
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                failure(InputError(source: source, reason: "item \(index + 1) is not a JSON object"))
                continue
            }
            let made: Document?
            switch platform {
            case .x: made = tweet(object, source: source, options: options)
            case .facebook: made = facebookPost(object, source: source, options: options)
            case .instagram: made = instagramPost(object, source: source, options: options)
            }
            if let made, !made.text.isEmpty || !made.media.isEmpty { document(made) }
        }
    }

    static func tweet(_ item: [String: Any], source: String, options: InputOptions) -> Document? {
        guard let tweet = (item["tweet"] as? [String: Any]) ?? (item as [String: Any]?),
              let text = (tweet["full_text"] as? String) ?? (tweet["text"] as? String) else { return nil }
        let isReply = (tweet["in_reply_to_status_id_str"] as? String).map { !$0.isEmpty } ?? false
        let entities = (tweet["extended_entities"] as? [String: Any]) ?? (tweet["entities"] as? [String: Any])
        let media = (entities?["media"] as? [[String: Any]] ?? []).map {
            Media(path: $0["media_url_https"] as? String ?? $0["media_url"] as? String, alt: $0["ext_alt_text"] as? String)
        }
        return Document(source: source, id: tweet["id_str"] as? String, text: text, kind: isReply ? .reply : .post,
                        channel: "x", createdAt: tweet["created_at"] as? String, media: media)
    }

    static func facebookPost(_ item: [String: Any], source: String, options: InputOptions) -> Document? {
        let text = (item["data"] as? [[String: Any]] ?? []).compactMap { $0["post"] as? String }.map(repairMojibake).joined(separator: "\n")
        var media: [Media] = []
        for attachment in item["attachments"] as? [[String: Any]] ?? [] {
            for entry in attachment["data"] as? [[String: Any]] ?? [] {
                if let file = entry["media"] as? [String: Any] {
                    media.append(Media(path: file["uri"] as? String, alt: (file["description"] as? String).map(repairMojibake)))
                }
            }
        }
        return Document(source: source, id: (item["timestamp"] as? Int).map(String.init), text: text, kind: .post,
                        channel: "facebook", createdAt: (item["timestamp"] as? Int).map(isoDate), media: media)
    }

    static func instagramPost(_ item: [String: Any], source: String, options: InputOptions) -> Document? {
        let media = (item["media"] as? [[String: Any]] ?? []).map { Media(path: $0["uri"] as? String, alt: nil) }
        let caption = (item["title"] as? String)
            ?? (item["media"] as? [[String: Any]])?.compactMap { $0["title"] as? String }.first { !$0.isEmpty } ?? ""
        let timestamp = (item["creation_timestamp"] as? Int) ?? (item["media"] as? [[String: Any]])?.first?["creation_timestamp"] as? Int
        return Document(source: source, id: timestamp.map(String.init), text: repairMojibake(caption), kind: .post,
                        channel: "instagram", createdAt: timestamp.map(isoDate), media: media)
    }

    /// Facebook's exports escape each UTF-8 byte as its own character ("JosÃ©" for "José"). When every
    /// character is a byte and the bytes are valid UTF-8, they are the real text.
    static func repairMojibake(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }),
              text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    static func isoDate(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
