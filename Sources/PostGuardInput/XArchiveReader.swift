// Input: an X (Twitter) archive's `data/*.js` files, each `window.YTD.<name>.partN = [ ... ]`:
//   tweets.js, tweets-partN.js, deleted-tweets.js, community-tweet.js   {"tweet": {...}}: a post, or a
//       reply when it answers a post (in_reply_to_status_id_str) or starts with a mention;
//   note-tweet.js   {"noteTweet": {"core": {"text"}}}: the full text of a long post, whose tweets.js
//       copy is cut at 280 characters: the full text is scanned once, under the tweet's id;
//   direct-messages.js, direct-messages-group.js   {"dmConversation": {"messages": [{"messageCreate"}]}}:
//       one `message` document a message, with its sender and time.
// X writes &amp; &lt; &gt; in texts; they are decoded, and offsets count in the decoded text.
// Layouts after the public archive parsers (timhutton/twitter-archive-parser, tweetback) and X's
// own `data/README.txt`.
import PostGuardDocuments
import Foundation

struct XArchiveReader: DocumentFormatReader {
    let session: ReadSession

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        guard var json = PlatformExport.whole(input, source: source, failure: failure) else { return }
        var name = ExportLayout.xName(URL(fileURLWithPath: source).lastPathComponent.lowercased())
        if let equals = json.prefix(128).firstIndex(of: UInt8(ascii: "=")) {
            // `window.YTD.note_tweet.part0 =` names what the file holds, whatever the file is called.
            let head = String(decoding: json[..<equals], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let parts = head.split(separator: ".")
            if parts.count >= 3, parts[0] == "window", parts[1] == "YTD" {
                name = parts[2].replacingOccurrences(of: "_", with: "-").lowercased()
            }
            json = json[json.index(after: equals)...]
        }
        guard let items = (try? JSONSerialization.jsonObject(with: json)) as? [Any] else {
            failure(InputError(source: source, reason: "not a x export (expected a JSON array of posts)"))
            return
        }
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                failure(InputError(source: source, reason: "item \(index + 1) is not a JSON object"))
                continue
            }
            if let note = object["noteTweet"] as? [String: Any] {
                readNote(note, index: index, source: source, options: options)
            } else if let conversation = object["dmConversation"] as? [String: Any] {
                readConversation(conversation, source: source, options: options, document: document)
            } else if let tweet = (object["tweet"] as? [String: Any]) ?? (object["full_text"] != nil ? object : nil) {
                if let post = self.tweet(tweet, source: source, options: options) { document(post) }
            } else {
                failure(InputError(source: source, reason: "item \(index + 1) is not a post or message of \(name).js"))
            }
        }
    }

    private func tweet(_ tweet: [String: Any], source: String, options: InputOptions) -> Document? {
        guard var text = ((tweet["full_text"] as? String) ?? (tweet["text"] as? String)).map(XArchiveReader.decodeEntities) else { return nil }
        // A long post's cut copy: scan its full text once, here, under the tweet's id.
        if let note = session.xNotes.firstIndex(where: { XArchiveReader.isCutCopy(text, of: $0.text) }) {
            text = session.xNotes.remove(at: note).text
        }
        let answers = (tweet["in_reply_to_status_id_str"] as? String).map { !$0.isEmpty } ?? false
        let isReply = answers || XArchiveReader.startsWithMention(text)
        let entities = (tweet["extended_entities"] as? [String: Any]) ?? (tweet["entities"] as? [String: Any])
        let media = (entities?["media"] as? [[String: Any]] ?? []).map {
            Media(path: $0["media_url_https"] as? String ?? $0["media_url"] as? String, alt: $0["ext_alt_text"] as? String)
        }
        var post = Document(source: source, id: tweet["id_str"] as? String ?? (tweet["id"] as? String), text: text,
                            kind: isReply ? .reply : .post, channel: options.channel, createdAt: tweet["created_at"] as? String,
                            media: media)
        post.inReplyToAuthor = tweet["in_reply_to_screen_name"] as? String
        return post
    }

    /// Kept until the tweet it belongs to is read; what no tweet claims is read on its own at the end.
    private func readNote(_ note: [String: Any], index: Int, source: String, options: InputOptions) {
        guard let core = note["core"] as? [String: Any], let text = core["text"] as? String else { return }
        var document = Document(source: source, id: note["noteTweetId"] as? String, text: XArchiveReader.decodeEntities(text),
                                kind: .post, channel: options.channel, createdAt: note["createdAt"] as? String)
        document.recordIndex = index + 1
        if XArchiveReader.startsWithMention(document.text) { document.kind = .reply }
        session.xNotes.append(document)
    }

    private func readConversation(_ conversation: [String: Any], source: String, options: InputOptions, document: (Document) -> Void) {
        for (index, event) in (conversation["messages"] as? [[String: Any]] ?? []).enumerated() {
            guard let message = event["messageCreate"] as? [String: Any] else { continue } // joins, leaves, reactions
            let text = XArchiveReader.decodeEntities(message["text"] as? String ?? "")
            let media = (message["mediaUrls"] as? [String] ?? []).map { Media(path: $0, alt: nil) }
            guard !text.isEmpty || !media.isEmpty else { continue }
            var item = Document(source: source, id: message["id"] as? String, text: text, kind: .message, channel: options.channel,
                                author: message["senderId"] as? String, createdAt: message["createdAt"] as? String, media: media)
            item.recordIndex = index + 1
            document(item)
        }
    }

    /// `@sam thanks!` answers someone even when the archive lost what it answered.
    static func startsWithMention(_ text: String) -> Bool {
        guard text.first == "@", let next = text.dropFirst().first else { return false }
        return next.isLetter || next.isNumber || next == "_"
    }

    /// tweets.js cuts a long post and ends it with "…" and a link to the rest.
    static func isCutCopy(_ tweet: String, of note: String) -> Bool {
        var cut = Substring(tweet)
        if let link = cut.range(of: " https://t.co/", options: .backwards) { cut = cut[..<link.lowerBound] }
        while let last = cut.last, last == "…" || last.isWhitespace { cut = cut.dropLast() }
        return cut.count >= 20 && cut.count < note.count && note.hasPrefix(cut)
    }

    /// X escapes the three characters HTML needs escaped, and nothing else.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
