// Detectors: towns and cities (a geographic subdivision smaller than a state, 45 CFR
// 164.514(b)(2)(i)(B)). A regular expression cannot know that "Wenatchee" is a town, so this detector
// looks words up in a gazetteer of U.S. places (Rules/data/us-places.txt, built from GeoNames by
// scripts/build-us-places.py). A place name alone is not about anyone ("Chicago weather"); it is kept
// when the text ties it to a place someone is, lives or was treated:
//   - followed by a state: "Dallas, TX", "Sacramento, California";
//   - followed by a site word: "our Miami office", "the Austin branch";
//   - after from / in / near (or at / to / of, for names that are not also words or first names),
//     with a person or care word in the same line ("Lisa M. from Austin", "diagnosed in Tampa",
//     "comes in twice a week from Wenatchee").
// Names that are also common words or first names ("Hope", "Mobile", "Austin") need from / in / near,
// a state or a site word. A capitalised word after the place ("Chicago Bulls") makes it part of
// another name; "metro area" and "region" make it wider than a town.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import Foundation

public struct PlaceLists: Sendable {
    /// Place names, lower case, words joined by one space ("salt lake city", "saint louis").
    public var places: WordSet = []
    /// Places whose name is also an everyday word or a first name ("hope", "austin").
    public var ambiguous: WordSet = []
    /// The longest name, in words.
    public var longest = 1
    /// The table `places` and `ambiguous` are views of (`ListTables.place`, `ambiguousPlace`).
    package private(set) var table = WordTable([:])

    public init() {}

    /// The gazetteer of `us-places.txt`'s text.
    static func load(_ text: String, names: NameLists) -> PlaceLists {
        var words = WordTable.Builder(capacity: text.utf8.count / 10)
        var longest = 1
        WordFile.forEachLine(text) { line in
            let key: String, count: Int
            if let ascii = PlaceLists.asciiKey(line) {
                (key, count) = ascii
            } else {
                key = PlaceLists.key(String(decoding: line, as: UTF8.self).split { $0 == " " || $0 == "-" || $0 == "." }.map(String.init))
                count = key.split(separator: " ").count
            }
            guard !key.isEmpty else { return }
            words.add(key, bits: ListTables.place)
            longest = max(longest, count)
            if names.bits(key) & (NameLists.common | NameLists.first) != 0 { words.add(key, bits: ListTables.ambiguousPlace) }
        }
        var lists = PlaceLists()
        lists.use(words.table(), longest: longest)
        return lists
    }

    package mutating func use(_ table: WordTable, longest: Int) {
        self.table = table
        places = WordSet(table: table, bit: ListTables.place)
        ambiguous = WordSet(table: table, bit: ListTables.ambiguousPlace)
        self.longest = longest
    }

    /// Words of a name as the gazetteer keys them: lower case, "St"/"Ft"/"Mt" written out.
    static func key(_ words: [String]) -> String {
        words.enumerated().map { index, word in
            let lower = word.lowercased()
            guard index == 0 else { return lower }
            switch lower {
            case "st": return "saint"
            case "ft": return "fort"
            case "mt": return "mount"
            default: return lower
            }
        }.joined(separator: " ")
    }

    /// `key` of an ASCII line (nearly all of the gazetteer's 14,000) in bytes, and its word count;
    /// nil for any other line. Splitting every line into `Character`s took a tenth of start-up.
    static func asciiKey(_ line: some Collection<UInt8>) -> (key: String, words: Int)? {
        var key: [UInt8] = []
        key.reserveCapacity(line.count)
        var words = 0, inWord = false, firstWordEnd = 0
        for byte in line {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || byte == 0x2D || byte == 0x2E { // " ", "-", "."
                if inWord, words == 1 { firstWordEnd = key.count }
                inWord = false
                continue
            }
            if !inWord {
                if words > 0 { key.append(0x20) }
                words += 1
                inWord = true
            }
            key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        if inWord, words == 1 { firstWordEnd = key.count }
        // "St"/"Ft"/"Mt" written out, as `key` does.
        if firstWordEnd == 2 {
            let written: [UInt8]? = switch (key[0], key[1]) {
            case (0x73, 0x74): Array("saint".utf8)
            case (0x66, 0x74): Array("fort".utf8)
            case (0x6D, 0x74): Array("mount".utf8)
            default: nil
            }
            if let written { key.replaceSubrange(0..<2, with: written) }
        }
        return (String(decoding: key, as: UTF8.self), words)
    }

    var isEmpty: Bool { places.isEmpty }
}

public struct PlaceDetector: Sendable {
    public let lists: PlaceLists

    public init(lists: PlaceLists) { self.lists = lists }

    struct Token {
        var start: Int
        var end: Int
        var key: String
        var isCapitalised: Bool
        var isUpper: Bool
    }

    /// Words a place follows when someone is there; the weak ones only for unambiguous names.
    static let strongBefore: Set<String> = ["from", "in", "near", "outside", "around", "de", "en"]
    static let weakBefore: Set<String> = ["at", "to", "of", "visiting", "moved"]
    /// Words that may stand between the preposition and the place.
    static let skippable: Set<String> = ["the", "our", "their", "his", "her", "my", "your", "downtown", "rural", "suburban", "nearby"]
    /// Words after a place that make it a site someone was at.
    static let siteAfter: Set<String> = ["office", "offices", "branch", "clinic", "hospital", "location", "campus", "facility", "site", "practice", "downtown", "satellite", "va", "vamc"]
    /// Things that come from a person: "consent from Florence" names her, not a town.
    static let fromPerson: Set<String> = [
        "consent", "permission", "message", "messages", "note", "notes", "letter", "letters", "call", "calls", "card",
        "cards", "gift", "gifts", "email", "emails", "text", "texts", "visit", "visits", "hug", "hugs", "word", "thanks",
        "flowers", "donation", "news", "update", "love", "greetings", "help", "support", "signature", "approval", "ok",
    ]
    /// Words after a place that make it wider than a town.
    static let widerAfter: Set<String> = ["metro", "metropolitan", "area", "region", "suburbs", "market", "diocese"]
    /// Words after a capitalised word that make it a medical eponym ("Wells score", "Wilson's disease").
    public static let eponymHeads: Set<String> = [
        "disease", "syndrome", "esophagus", "oesophagus", "palsy", "sign", "signs", "score", "scores", "criteria",
        "test", "scale", "classification", "procedure", "ulcer", "phenomenon", "maneuver", "manoeuvre", "reflex",
        "node", "nodes", "triad", "sarcoma", "lymphoma", "anemia", "anaemia", "tumor", "tumour", "fracture", "cyst",
        "disorder", "contracture", "rule", "rules", "index", "method", "operation", "repair", "block",
    ]
    /// A person or a care event in the same line: the place is someone's.
    static let cues: Set<String> = [
        "patient", "patients", "pt", "pts", "year", "yo", "male", "female", "man", "woman", "boy", "girl", "baby", "infant",
        "child", "he", "she", "his", "her", "him", "mr", "mrs", "ms", "dr", "resident", "veteran", "mom", "dad", "mother",
        "father", "son", "daughter", "wife", "husband", "grandma", "grandpa", "grandmother", "grandfather", "family",
        "seen", "treated", "admitted", "diagnosed", "visited", "referred", "evaluated", "presented", "discharged",
        "hospitalized", "hospitalised", "appointment", "surgery", "lives", "living", "lived",
        "resides", "residing", "moved", "born", "grew", "named", "comes", "drives", "hx", "paciente", "vive", "vino",
    ]
    /// Someone's care that happened at a place.
    static let events: Set<String> = [
        "seen", "treated", "admitted", "diagnosed", "visited", "referred", "evaluated", "presented", "discharged",
        "hospitalized", "hospitalised", "operated", "examined", "delivered", "died", "passed",
    ]
    static let stateAbbreviations: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
    ]
    static let stateNames: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
        "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
        "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "puerto rico",
    ]

    /// Byte ranges of the places found in `bytes[body...]`.
    public func hits(in bytes: UnsafeBufferPointer<UInt8>, body: Int) -> [ByteRange] {
        guard !lists.isEmpty else { return [] }
        let tokens = PlaceDetector.tokenize(bytes, from: body)
        var hits: [ByteRange] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalised, let (last, key) = longestPlace(tokens, bytes, at: index) else { index += 1; continue }
            if let end = accepted(tokens, bytes, first: index, last: last, key: key) {
                hits.append(ByteRange(tokens[index].start, end))
            }
            index = last + 1
        }
        return hits
    }

    /// The longest gazetteer name starting at `index`, its words capitalised and joined by spaces
    /// (or "St. ", "-").
    private func longestPlace(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, String)? {
        var words: [String] = []
        var found: (Int, String)?
        var last = index
        while last < tokens.count, last - index < lists.longest {
            let token = tokens[last]
            if last > index {
                let small = ["of", "de", "la", "del", "on", "the"].contains(token.key)
                guard token.isCapitalised || small, PlaceDetector.joined(bytes, tokens[last - 1], token, allowDot: true) else { break }
            }
            words.append(token.key)
            let key = PlaceLists.key(words)
            if lists.places.contains(key) { found = (last, key) }
            last += 1
        }
        return found
    }

    /// The end of the finding when the context ties the place to someone, else nil.
    private func accepted(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, first: Int, last: Int, key: String) -> Int? {
        // "Hunter's Hill Clinic": the end of a longer name, not the town of Hill.
        if first > 0, tokens[first - 1].isCapitalised, PlaceDetector.joined(bytes, tokens[first - 1], tokens[first], allowDot: false) { return nil }
        let next = last + 1 < tokens.count ? tokens[last + 1] : nil
        // "Dallas, TX", "Houston, Texas": the place and its state.
        if let next, PlaceDetector.gap(bytes, tokens[last].end, next.start).trimmingCharacters(in: .whitespaces) == "," {
            if next.isUpper, PlaceDetector.stateAbbreviations.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[next.start..<next.end]), as: UTF8.self)) {
                return next.end
            }
            if next.isCapitalised {
                if PlaceDetector.stateNames.contains(next.key) { return next.end }
                if last + 2 < tokens.count, PlaceDetector.joined(bytes, next, tokens[last + 2], allowDot: false),
                   PlaceDetector.stateNames.contains(next.key + " " + tokens[last + 2].key) { return tokens[last + 2].end }
            }
        }
        if let next, PlaceDetector.joined(bytes, tokens[last], next, allowDot: false) {
            if PlaceDetector.siteAfter.contains(next.key) { return tokens[last].end }
            if PlaceDetector.widerAfter.contains(next.key) || PlaceDetector.eponymHeads.contains(next.key) { return nil }
            // "Chicago Bulls", "Boston Children's": part of another name.
            if next.isCapitalised { return nil }
        }
        // The preposition before, past "the", "our", "downtown".
        var before = first - 1
        while before >= 0, PlaceDetector.skippable.contains(tokens[before].key), first - before <= 2 { before -= 1 }
        guard before >= 0, PlaceDetector.gap(bytes, tokens[before].end, tokens[before + 1].start).allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        let word = tokens[before].key
        let ambiguous = lists.ambiguous.contains(key)
        guard PlaceDetector.strongBefore.contains(word) || (!ambiguous && PlaceDetector.weakBefore.contains(word)) else { return nil }
        // "joins us from Boston", "joined our team from Austin": a new colleague's career, not a patient.
        if word == "from", before > 0, ["us", "team"].contains(tokens[before - 1].key) { return nil }
        // "consent from Florence", "a card from Austin": a person's name that is also a place.
        if ambiguous, before > 0, PlaceDetector.fromPerson.contains(tokens[before - 1].key) { return nil }
        // "our clinic in Springfield": where a site is, unless someone's care happened there
        // ("visited our clinic in Chicago").
        if before > 0, PlaceDetector.siteAfter.contains(tokens[before - 1].key) {
            return hasCue(tokens, bytes, around: first, last, in: PlaceDetector.events) ? tokens[last].end : nil
        }
        return hasCue(tokens, bytes, around: first, last, in: PlaceDetector.cues) ? tokens[last].end : nil
    }

    /// A person or care word on the same line, within 150 bytes.
    private func hasCue(_ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>, around first: Int, _ last: Int, in cues: Set<String>) -> Bool {
        let from = tokens[first].start - 150, to = tokens[last].end + 150
        var i = first - 1
        while i >= 0, tokens[i].start >= from {
            if PlaceDetector.gap(bytes, tokens[i].end, tokens[i + 1].start).contains("\n") { break }
            if cues.contains(tokens[i].key) { return true }
            i -= 1
        }
        i = last + 1
        while i < tokens.count, tokens[i].end <= to {
            if PlaceDetector.gap(bytes, tokens[i - 1].end, tokens[i].start).contains("\n") { break }
            if cues.contains(tokens[i].key) { return true }
            i += 1
        }
        return false
    }

    static func gap(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        start < end ? ByteText.substring(bytes, ByteRange(start, end)) : ""
    }

    /// Whether two tokens are written as one name: a space, a hyphen, or "St. " after an abbreviation.
    static func joined(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Token, _ b: Token, allowDot: Bool) -> Bool {
        let between = gap(bytes, a.end, b.start)
        if between == " " || between == "-" { return true }
        return allowDot && between == ". " && ["st", "ft", "mt"].contains(a.key)
    }

    /// Words: runs of letters, digits, apostrophes and any non-ASCII byte (accented letters, ’).
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, from body: Int) -> [Token] {
        var tokens: [Token] = []
        var index = body
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x27 || b >= 0x80
        }
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isWordByte(bytes[index]) { index += 1 }
            var lower = [UInt8]()
            lower.reserveCapacity(index - start)
            var upper = true
            for b in bytes[start..<index] {
                if b >= 0x61 && b <= 0x7A { upper = false }
                lower.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            let first = bytes[start]
            tokens.append(Token(start: start, end: index, key: String(decoding: lower, as: UTF8.self),
                                isCapitalised: (first >= 0x41 && first <= 0x5A) || first >= 0xC3, isUpper: upper))
        }
        return tokens
    }
}
