// Input: Meta's "Download your information" (Facebook and Instagram write the same shapes), one file at
// a time, told apart by what the JSON holds rather than by its name:
//   [ {timestamp, data: [{post}], attachments} ]        Facebook posts (profile, Page, group): `post`
//   {comments_v2 | group_comments_v2: [...]}            Facebook comments, `reply` documents
//   {group_posts_v2: [...]}                             Facebook group posts
//   {name, photos: [{uri, description}]}                a Facebook album: each photo's description
//   {participants, messages: [...]}                     a Messenger / Instagram Direct thread, `message`
//   [ {media: [{uri, title}], title} ]                  Instagram posts (`posts_1.json`)
//   {ig_stories | ig_reels_media | ig_archived_post_media | ig_igtv_media: [...]}   Instagram
//   [ {string_map_data: {"Comment": {value}}} ], {comments_*_comments: [...]}    Instagram comments
// Layouts after Meta's help pages and public parsers (the Facebook/Instagram fixtures of
// ownyourdata-style importers, messenger HTML parsers); see Fixtures/exports/SOURCES.md.
// Records have no id in these files, so each is located by its position in its file.
import PostGuardDocuments
import Foundation

enum MetaPlatform: String { case facebook, instagram }

struct MetaExportReader: DocumentFormatReader {
    let platform: MetaPlatform

    func read(_ input: LineReader, source: String, options: InputOptions,
              document: (Document) -> Void, failure: (InputError) -> Void) {
        guard let data = PlatformExport.whole(input, source: source, failure: failure) else { return }
        let head = data.prefix(512).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if head.first == UInt8(ascii: "<") {
            MetaHTML.read(data, source: source, kind: MetaHTML.kind(of: source), platform: platform, options: options, document: document, failure: failure)
            return
        }
        guard let value = PlatformExport.json(data, source: source, platform: platform.rawValue, failure: failure) else { return }
        withoutActuallyEscaping(document) { document in
            var reader = Records(source: source, options: options, document: document)
            if let items = value as? [Any] {
                reader.items(items, failure: failure)
            } else if let object = value as? [String: Any] {
                reader.object(object, failure: failure)
            } else {
                failure(InputError(source: source, reason: "not a \(platform.rawValue) export (expected a JSON array or object)"))
            }
            // A content file none of whose records has a known shape has changed layout: say so
            // rather than pass with nothing read.
            if reader.emitted == 0, reader.unrecognised > 0 {
                failure(InputError(source: source, reason: "\(reader.unrecognised) records, none in a \(platform.rawValue) layout PostGuard knows"))
            }
        }
    }

    /// Turns one file's records into documents, numbering them in file order.
    private struct Records {
        let source: String
        let options: InputOptions
        let document: (Document) -> Void
        var index = 0
        var emitted = 0
        var unrecognised = 0

        mutating func emit(_ made: Document?) {
            index += 1
            guard var made else {
                unrecognised += 1
                return
            }
            guard !made.text.isEmpty || !made.media.isEmpty else { return }
            made.recordIndex = index
            emitted += 1
            document(made)
        }

        mutating func object(_ object: [String: Any], failure: (InputError) -> Void) {
            if let messages = object["messages"] as? [[String: Any]], object["participants"] != nil || object["title"] != nil {
                for message in messages { emit(self.message(message)) }
                return
            }
            if let photos = object["photos"] as? [[String: Any]] {
                if let description = object["description"] as? String {
                    emit(Document(source: source, text: PlatformExport.repairMojibake(description), kind: .post, channel: options.channel,
                                  createdAt: PlatformExport.integer(object["last_modified_timestamp"]).map(PlatformExport.isoDate)))
                }
                for photo in photos { emit(self.photo(photo)) }
                return
            }
            // Every other content file wraps one list of records in one key (`comments_v2`,
            // `group_posts_v2`, `ig_stories`, `comments_reels_comments`, ...).
            let lists = object.filter { $0.value is [Any] }
            guard !lists.isEmpty else {
                failure(InputError(source: source, reason: "not a post, comment or message file (no list of records)"))
                return
            }
            for key in lists.keys.sorted() { items(lists[key] as! [Any], failure: failure) }
        }

        mutating func items(_ items: [Any], failure: (InputError) -> Void) {
            for (position, item) in items.enumerated() {
                guard let object = item as? [String: Any] else {
                    failure(InputError(source: source, reason: "item \(position + 1) is not a JSON object"))
                    index += 1
                    continue
                }
                emit(record(object))
            }
        }

        /// One record of a list, whatever its platform wrote it as.
        func record(_ item: [String: Any]) -> Document? {
            if let map = item["string_map_data"] as? [String: Any] { return instagramComment(map, item: item) }
            let data = item["data"] as? [[String: Any]] ?? []
            if let comment = data.lazy.compactMap({ $0["comment"] as? [String: Any] }).first { return facebookComment(comment, item: item) }
            if let media = item["media"] as? [[String: Any]] { return instagramPost(item, media: media) }
            if item["data"] != nil || item["attachments"] != nil { return facebookPost(item, data: data) }
            if item["uri"] != nil { return photo(item) }
            if item["sender_name"] != nil { return message(item) }
            return nil
        }

        func facebookPost(_ item: [String: Any], data: [[String: Any]]) -> Document {
            let text = data.compactMap { $0["post"] as? String }.map(PlatformExport.repairMojibake).joined(separator: "\n")
            var media: [Media] = []
            for attachment in item["attachments"] as? [[String: Any]] ?? [] {
                for entry in attachment["data"] as? [[String: Any]] ?? [] {
                    if let file = entry["media"] as? [String: Any] {
                        media.append(Media(path: file["uri"] as? String, alt: (file["description"] as? String).map(PlatformExport.repairMojibake)))
                    }
                }
            }
            return Document(source: source, text: text, kind: .post, channel: options.channel,
                            createdAt: PlatformExport.integer(item["timestamp"]).map(PlatformExport.isoDate), media: media)
        }

        /// A comment is an answer to someone: judged by the rules for replies.
        func facebookComment(_ comment: [String: Any], item: [String: Any]) -> Document {
            let timestamp = PlatformExport.integer(comment["timestamp"]) ?? PlatformExport.integer(item["timestamp"])
            return Document(source: source, text: PlatformExport.repairMojibake(comment["comment"] as? String ?? ""), kind: .reply,
                            channel: options.channel, author: (comment["author"] as? String).map(PlatformExport.repairMojibake),
                            createdAt: timestamp.map(PlatformExport.isoDate))
        }

        func photo(_ photo: [String: Any]) -> Document {
            let description = (photo["description"] as? String) ?? (photo["title"] as? String) ?? ""
            return Document(source: source, text: PlatformExport.repairMojibake(description), kind: .post, channel: options.channel,
                            createdAt: PlatformExport.integer(photo["creation_timestamp"]).map(PlatformExport.isoDate),
                            media: [Media(path: photo["uri"] as? String, alt: nil)])
        }

        func message(_ message: [String: Any]) -> Document {
            var text = PlatformExport.repairMojibake(message["content"] as? String ?? "")
            if let share = message["share"] as? [String: Any], let shared = share["share_text"] as? String, !text.contains(shared) {
                text += (text.isEmpty ? "" : "\n") + PlatformExport.repairMojibake(shared)
            }
            var media: [Media] = []
            for key in ["photos", "videos", "gifs", "files", "audio_files"] {
                for file in message[key] as? [[String: Any]] ?? [] { media.append(Media(path: file["uri"] as? String, alt: nil)) }
            }
            return Document(source: source, text: text, kind: .message, channel: options.channel,
                            author: (message["sender_name"] as? String).map(PlatformExport.repairMojibake),
                            createdAt: PlatformExport.integer(message["timestamp_ms"]).map(PlatformExport.isoDateMilliseconds),
                            media: media)
        }

        func instagramPost(_ item: [String: Any], media entries: [[String: Any]]) -> Document {
            let caption = (item["title"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                ?? entries.compactMap { $0["title"] as? String }.first { !$0.isEmpty } ?? ""
            let timestamp = PlatformExport.integer(item["creation_timestamp"]) ?? PlatformExport.integer(entries.first?["creation_timestamp"])
            return Document(source: source, text: PlatformExport.repairMojibake(caption), kind: .post, channel: options.channel,
                            createdAt: timestamp.map(PlatformExport.isoDate),
                            media: entries.map { Media(path: $0["uri"] as? String, alt: nil) })
        }

        /// Keys Instagram gives a comment's text in the languages of its download.
        static let commentKeys = ["Comment", "Kommentar", "Commentaire", "Comentario", "Comentário", "Commento", "Opmerking",
                                  "Yorum", "Komentarz", "Kommentti", "Kommentar:"]
        static let ownerKeys: Set<String> = ["Media Owner", "Medieneigentümer", "Propriétaire du contenu", "Propietario del contenido",
                                             "Proprietário da mídia", "Proprietario del contenuto", "Time", "Zeit", "Heure", "Hora", "Ora"]

        func instagramComment(_ map: [String: Any], item: [String: Any]) -> Document {
            func value(_ key: String) -> String? { (map[key] as? [String: Any])?["value"] as? String }
            let text = Records.commentKeys.lazy.compactMap(value).first
                ?? map.filter { !Records.ownerKeys.contains($0.key) }.compactMap { ($0.value as? [String: Any])?["value"] as? String }
                    .max { $0.count < $1.count } ?? ""
            let timestamp = map.values.lazy.compactMap { PlatformExport.integer(($0 as? [String: Any])?["timestamp"]) }.first { $0 > 0 }
            return Document(source: source, text: PlatformExport.repairMojibake(text), kind: .reply, channel: options.channel,
                            createdAt: timestamp.map(PlatformExport.isoDate))
        }
    }
}
