// Report: reports land in CI logs, so matched text is masked by default. Each category keeps just
// enough for a person to find the spot (an area code, an initial, a top-level domain) and hides
// the part that identifies someone.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import PostGuardVerdict

public enum Masking {
    public static let dot: Character = "•"

    public static func mask(_ text: String, category: Category) -> String {
        switch category.rawValue {
        case "phone", "fax": keepLeadingDigits(text, hiddenTrailing: 7)
        case "name": keepInitials(text)
        case "email": maskEmail(text)
        case "url": maskURL(text)
        case "date": maskDigits(text)
        // An attachment's file name can carry a name or a date ("maria-lopez-chemo.jpg"): keep its type.
        case "photo": "attachment" + (text.lastIndex(of: ".").map { String(text[$0...]).count <= 6 ? String(text[$0...]) : "" } ?? "")
        default:
            // Policy findings quote a phrase ("your visit", "room 412"): its digits may identify.
            category.isPersonal ? maskAlphanumerics(text) : maskDigits(text)
        }
    }

    /// Keeps everything but the last `hiddenTrailing` digits, so "617-555-0142" reads "617-•••-••••".
    static func keepLeadingDigits(_ text: String, hiddenTrailing: Int) -> String {
        let digitCount = text.filter(\.isASCIIDigit).count
        var seen = 0
        return String(text.map { char in
            guard char.isASCIIDigit else { return char }
            seen += 1
            return seen > digitCount - hiddenTrailing ? dot : char
        })
    }

    static func keepInitials(_ text: String) -> String {
        var previousWasLetter = false
        return String(text.map { char in
            defer { previousWasLetter = char.isLetter || char.isNumber }
            return (char.isLetter || char.isNumber) && previousWasLetter ? dot : char
        })
    }

    static func maskEmail(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return maskAlphanumerics(text) }
        let local = text[..<at], domain = text[text.index(after: at)...]
        let tld = domain.lastIndex(of: ".").map { domain[$0...] } ?? ""
        let hiddenDomain = domain.dropLast(tld.count)
        return String(local.prefix(1)) + String(repeating: dot, count: max(0, local.count - 1)) + "@"
            + maskAlphanumerics(String(hiddenDomain)) + tld
    }

    static func maskURL(_ text: String) -> String {
        let scheme = text.range(of: "://").map { text[..<$0.upperBound] } ?? ""
        let rest = text.dropFirst(scheme.count)
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<hostEnd]
        let tld = host.lastIndex(of: ".").map { host[$0...] } ?? ""
        let hostPart = host.dropLast(tld.count)
        return String(scheme) + String(hostPart.prefix(1)) + maskAlphanumerics(String(hostPart.dropFirst()))
            + tld + maskAlphanumerics(String(rest[hostEnd...]))
    }

    static func maskDigits(_ text: String) -> String {
        String(text.map { $0.isNumber ? dot : $0 })
    }

    static func maskAlphanumerics(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? dot : $0 })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
