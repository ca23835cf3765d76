// Input: what the X, Facebook and Instagram readers share. Their exports are JSON arrays of posts,
// read whole, one file at a time (the ZIP reader caps an entry's size); Facebook and Instagram write
// UTF-8 bytes as \u00XX escapes ("cafÃ©"), repaired when they decode cleanly.
import PostGuardDocuments
import Foundation

package enum PlatformExport {
    /// Calls `post` on each object of the JSON array in `json` and passes on the posts that have
    /// text or media; anything that is not a post is reported.
    static func read(_ json: Data, source: String, platform: String, document: (Document) -> Void,
                     failure: (InputError) -> Void, post: ([String: Any]) -> Document?) {
        guard let items = (try? JSONSerialization.jsonObject(with: json)) as? [Any] else {
            failure(InputError(source: source, reason: "not a \(platform) export (expected a JSON array of posts)"))
            return
        }
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                failure(InputError(source: source, reason: "item \(index + 1) is not a JSON object"))
                continue
            }
            if let made = post(object), !made.text.isEmpty || !made.media.isEmpty { document(made) }
        }
    }

    /// Facebook's exports escape each UTF-8 byte as its own character ("JosÃ©" for "José"). When every
    /// character is a byte and the bytes are valid UTF-8, they are the real text.
    package static func repairMojibake(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }),
              text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    static func isoDate(_ seconds: Int) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
