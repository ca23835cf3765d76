// Input: the document fields a JSONL record, front matter or CSV row may set, with the contract's
// spellings, checked the same way whichever format carries them.
import PostGuardDocuments
import Foundation

package enum Fields {
    /// The document fields inputs may set; in front matter they are not published.
    static let known: Set<String> = ["id", "kind", "channel", "consent", "in_reply_to", "author", "created_at", "publish_at", "media"]

    package static func apply(_ fields: [String: Any], to document: inout Document, source: String, line: Int) throws {
        func string(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, is NSNull: return nil
            case let value as String: return value
            case let value as Int: return String(value)
            case let value as Double: return String(value)
            default: throw InputError(source: source, line: line, reason: "'\(key)' must be a string")
            }
        }
        if let id = try string("id") { document.id = id }
        if let kind = try string("kind") {
            guard let known = DocumentKind(rawValue: kind.lowercased()) else {
                // The value is not quoted: a wrong column can put a patient's words here.
                throw InputError(source: source, line: line, reason: "unknown kind (use post, reply or message)")
            }
            document.kind = known
        }
        if let channel = try string("channel") { document.channel = channel.lowercased() }
        switch fields["consent"] {
        case nil, is NSNull: break
        // A string may hold several ids ("C-1; C-2"), as a CSV cell does.
        case let value as String: document.consent = ListItems.split(value)
        case let values as [Any]:
            let ids = values.compactMap { $0 as? String }
            guard ids.count == values.count else {
                throw InputError(source: source, line: line, reason: "'consent' must be a string or a list of strings")
            }
            document.consent = ids
        default: throw InputError(source: source, line: line, reason: "'consent' must be a string or a list of strings")
        }
        document.inReplyTo = try string("in_reply_to") ?? document.inReplyTo
        document.author = try string("author") ?? document.author
        document.createdAt = try string("created_at") ?? document.createdAt
        if let publishAt = try string("publish_at") {
            guard CalendarDate(iso: Substring(publishAt.prefix(10))) != nil else {
                throw InputError(source: source, line: line, reason: "'publish_at' must be a date like 2026-12-01")
            }
            document.publishAt = String(publishAt.prefix(10))
        }
        if let media = fields["media"] {
            guard let items = media as? [Any] else {
                throw InputError(source: source, line: line, reason: "'media' must be a list")
            }
            document.media = items.map { item in
                if let object = item as? [String: Any] {
                    return Media(path: object["path"] as? String, alt: object["alt"] as? String)
                }
                return Media(path: item as? String, alt: nil)
            }
        }
    }
}
