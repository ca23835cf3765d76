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
        case "date": maskDateNumbers(text)
        // An attachment's file name can carry a name or a date ("maria-lopez-chemo.jpg"): keep its type.
        case "photo": "attachment" + (text.lastIndex(of: ".").map { String(text[$0...]).count <= 6 ? String(text[$0...]) : "" } ?? "")
        // An age, occupation, town, event or time is ordinary words until two of them describe
        // someone: proper names keep their initial ("M••••••••"), numbers go, the rest stays
        // ("on T••••••", "the bus driver", "••-year-old").
        case "quasi-identifier": maskProperNamesAndDigits(text)
        // A room, bed or unit number is what ties the post to one patient: every digit goes.
        case "location-detail": maskDigits(text)
        default:
            // Policy findings quote the author's words ("your visit", "her A1c of 7.2"): a number
            // standing alone may identify, a word or a measurement does not.
            category.isPersonal ? maskAlphanumerics(text) : maskNumbers(text)
        }
    }

    /// `text` with each identifier span (byte ranges into its UTF-8) masked as its excerpt would be,
    /// and control characters made printable: for what reaches a report from outside a document's
    /// text (a file name, a record id, a channel, a consent id quoted in a message). Overlapping
    /// spans are masked as one, by the first one's category; the rest of the text stays as written,
    /// so a path keeps its folders and its extension.
    package static func masked(_ text: String, spans: [(range: ByteRange, category: Category)]) -> String {
        guard !spans.isEmpty else { return Printable.escaped(text) }
        let bytes = Array(text.utf8)
        var out = "", at = 0
        for (range, category) in spans.sorted(by: { $0.range.start < $1.range.start }) {
            let start = max(range.start, at), end = min(range.end, bytes.count)
            guard start < end else { continue }
            var stop = end
            // Later spans overlapping this one are masked with it.
            for other in spans where other.range.start >= start && other.range.start < stop { stop = max(stop, min(other.range.end, bytes.count)) }
            out += String(decoding: bytes[at..<start], as: UTF8.self)
            out += mask(String(decoding: bytes[start..<stop], as: UTF8.self), category: category)
            at = stop
        }
        out += String(decoding: bytes[at...], as: UTF8.self)
        return Printable.escaped(out)
    }

    /// The day, month and year numbers of a date, with an ordinal's letters: "November 3rd" reads
    /// "November •••", not "November •rd" (which keeps half a number and reads like a typo).
    static func maskDateNumbers(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isNumber { end += 1 }
            let suffix = end + 1 < characters.count ? String(characters[end...end + 1]).lowercased() : ""
            if ["st", "nd", "rd", "th"].contains(suffix), end + 2 == characters.count || !characters[end + 2].isLetter { end += 2 }
            for position in index..<end { characters[position] = dot }
            index = end
        }
        return String(characters)
    }

    static func maskProperNamesAndDigits(_ text: String) -> String {
        var inCapitalisedWord = false, previousWasLetter = false
        return String(text.map { char in
            defer { previousWasLetter = char.isLetter }
            if char.isNumber { inCapitalisedWord = false; return dot }
            guard char.isLetter else { inCapitalisedWord = false; return char }
            if !previousWasLetter { inCapitalisedWord = char.isUppercase; return char }
            return inCapitalisedWord ? dot : char
        })
    }

    /// Units after which a number is a measurement, not an identifier ("7.2 %", "5 mg", "3 weeks").
    static let units: Set<String> = [
        "%", "percent", "mg", "mcg", "g", "kg", "lb", "lbs", "pounds", "oz", "ml", "l", "mmol", "mmhg", "cm", "mm",
        "ft", "bpm", "units", "unit", "iu", "hours", "hour", "hrs", "days", "day", "weeks", "week", "months",
        "month", "years", "year", "minutes", "minute", "min", "mins", "°", "degrees", "points", "steps", "miles",
        "km", "times", "doses", "dose", "pills", "tablets",
    ]

    /// Masks numbers that stand alone as words ("room 412", "ext 3301"). Digits inside a word ("A1c",
    /// "B12", "COVID-19", "2nd") and measurements ("7.2", "140 lbs", "10%") are left as written:
    /// masking them hides the author's own words without protecting anyone.
    static func maskNumbers(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isNumber else { index += 1; continue }
            var end = index
            var decimal = false
            while end < characters.count {
                if characters[end].isNumber { end += 1; continue }
                if characters[end] == ".", end + 1 < characters.count, characters[end + 1].isNumber, end > index {
                    decimal = true; end += 1; continue
                }
                break
            }
            let before = index > 0 ? characters[index - 1] : nil
            let after = end < characters.count ? characters[end] : nil
            let inWord = before?.isLetter == true || after?.isLetter == true
                || (before == "-" && index > 1 && characters[index - 2].isLetter)
            if !(inWord || decimal || isUnit(after: end, in: characters)) {
                for position in index..<end { characters[position] = dot }
            }
            index = end
        }
        return String(characters)
    }

    private static func isUnit(after end: Int, in characters: [Character]) -> Bool {
        var start = end
        if start < characters.count, characters[start] == " " { start += 1 }
        var stop = start
        while stop < characters.count, characters[stop].isLetter || characters[stop] == "%" || characters[stop] == "°" { stop += 1 }
        guard stop > start else { return false }
        return units.contains(String(characters[start..<stop]).lowercased())
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
        if let masked = maskedASCII(text, hides: { isAlphanumeric, previousWasAlphanumeric in isAlphanumeric && previousWasAlphanumeric }) {
            return masked
        }
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
        if let masked = maskedASCII(text, digitsOnly: true, hides: { isDigit, _ in isDigit }) { return masked }
        return String(text.map { $0.isNumber ? dot : $0 })
    }

    static func maskAlphanumerics(_ text: String) -> String {
        if let masked = maskedASCII(text, hides: { isAlphanumeric, _ in isAlphanumeric }) { return masked }
        return String(text.map { $0.isLetter || $0.isNumber ? dot : $0 })
    }

    /// An ASCII text masked byte by byte: each byte is a character there (a CR LF pair, one
    /// `Character`, is neither letter nor number, as each of its bytes is), and the only ASCII
    /// letters and numbers are A-Z, a-z and 0-9. `hides(isAlphanumeric, previousWasAlphanumeric)`
    /// (or, with `digitsOnly`, whether it is a digit) says which become a dot. Nil for other text,
    /// which is masked a `Character` at a time (that, for every excerpt, was 2% of an audit).
    static func maskedASCII(_ text: String, digitsOnly: Bool = false, hides: (Bool, Bool) -> Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3)
            var previous = false
            for byte in bytes {
                let isDigit = byte >= 0x30 && byte <= 0x39
                let lower = byte | 0x20
                let isAlphanumeric = isDigit || (lower >= 0x61 && lower <= 0x7A)
                if hides(digitsOnly ? isDigit : isAlphanumeric, previous) { out += [0xE2, 0x80, 0xA2] } else { out.append(byte) }
                previous = isAlphanumeric
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
