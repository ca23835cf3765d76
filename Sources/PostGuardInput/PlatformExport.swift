// Input: what the platform readers share. Their exports are JSON (or HTML) files read whole, one at
// a time, up to `maximumWholeFile`: a platform splits what it exports into many files (a Messenger
// thread into `message_1.json`, `message_2.json`, ...), so memory stays bounded by the largest one,
// however large the download. Facebook and Instagram write UTF-8 bytes as \u00XX escapes
// ("cafÃ©"), repaired when they decode cleanly.
import PostGuardDocuments
import Foundation

package enum PlatformExport {
    /// The largest file read whole (the same bound as one entry of a .zip).
    static let maximumWholeFile = 512 * 1024 * 1024

    /// Every byte of `input`, or nil (reported) when it is over the bound.
    static func whole(_ input: LineReader, source: String, failure: (InputError) -> Void) -> Data? {
        guard let data = input.rest(limit: maximumWholeFile) else {
            failure(InputError(source: source, reason: "over \(maximumWholeFile / 1_048_576) MiB: a platform file this large is not read whole"))
            return nil
        }
        return data
    }

    /// The JSON value in `data`, or nil (reported) when it is not JSON.
    static func json(_ data: Data, source: String, platform: String, failure: (InputError) -> Void) -> Any? {
        guard let value = try? JSONSerialization.jsonObject(with: data) else {
            failure(InputError(source: source, reason: "not a \(platform) export (malformed JSON)"))
            return nil
        }
        return value
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

    static func isoDateMilliseconds(_ milliseconds: Int) -> String { isoDate(milliseconds / 1000) }

    /// An integer however JSON wrote it (a number, or a string of digits as X writes ids and Meta
    /// some timestamps).
    static func integer(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as Double: Int(number)
        case let text as String: Int(text)
        default: nil
        }
    }
}
