// Detectors: people's names. A regular expression cannot know that "Jamie" is a name and "Will" is
// usually a verb, so this detector works from the name lists in Rules/data (US Census first names
// and surnames, Spanish names) and a list of common English words that are also names:
//   - after an honorific (Mr, Mrs, Dr, Sra...) or a patient cue ("our patient", "resident",
//     "baby", "in memory of"), capitalised words are a name;
//   - a first name followed by a surname or an initial ("Maria Lopez", "Jamie R.") is a name, in
//     any case (MARIA LOPEZ, maria lopez) when neither word is a common word;
//   - a capitalised first name that is not a common word is a name on its own ("Jamie is home");
//   - @handles and #hashtags spelling a person's name (@marialopez, #PrayForJamie);
//   - and every person the learned tagger (NameTagger.swift) finds where these rules found nothing,
//     unless the rules' own guards say it is a place, an eponym, a title, a role or a date word:
//     the tagger reaches lower-case chat names, names that are words and names no list holds, and
//     knows ALL-CAPS shouting from a name.
import PostGuardEngine
import PostGuardDocuments
import PostGuardCatalog
import Foundation

public struct NameLists: Sendable {
    /// Whether `term` (a health term's bytes inside the name `text`, which starts at `nameStart`) is
    /// the surname of a person: the run's last word, after a first name the lists know that is no
    /// everyday word ("Kendra Foley"; not "Laparoscopic Nissen", nor "Grace Foley" on its own).
    public func surnameIsTerm(_ text: String, nameStart: Int, term: ByteRange) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let first = words.first, let last = words.last,
              last.first?.isUppercase == true,
              term.start - nameStart >= text.utf8.count - last.utf8.count else { return false }
        let key = first.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        return key.count >= 3 && firstNames.contains(key) && !commonWords.contains(key)
    }
    public var firstNames: WordSet = [] { didSet { dropTables() } }
    public var surnames: WordSet = [] { didSet { dropTables() } }
    /// Names that are also everyday words (Will, Grace, May, Brown): never a name on their own.
    public var commonWords: WordSet = [] { didSet { dropTables() } }
    /// Every word of the three lists with the lists that hold it (`first`, `surname`, `common`), so
    /// the name detector asks one hash lookup per word instead of one per list and question; the
    /// three lists above are views of it. Read from the rule cache as it lies, or built from the
    /// files (`ListTables`); nil when a list was set by hand (then `bits` asks the sets).
    package private(set) var listBits: WordTable?
    /// The tagger's hashes of the three lists' words, kept with `listBits`.
    package private(set) var listHashes: ListHashes?
    package static let first: UInt8 = 1, surname: UInt8 = 2, common: UInt8 = 4
    /// Ordinary English and Spanish words (SCOWL, wspanish): a name only the tagger proposes that is
    /// made of nothing else ("Masks still", "Swipe") is not a person's.
    public var vocabulary = WordList()
    /// Words a dictionary writes only capitalised (SCOWL's: peoples, languages, faiths, places,
    /// brands): what only the tagger's loosest bias proposes is no name when it is one of these
    /// and no listed first name ("English", "Canadian", "Kremlin").
    public var capitalisedWords = WordList()
    /// The world's countries (Rules/data/countries.txt, from GeoNames): a place, never a person,
    /// unless a listed first name ("Jordan").
    public var countries = WordList()
    /// Given names and their nicknames (Rules/data/nicknames.txt): "Bobby" is Robert, "Liz" is
    /// Elizabeth. Read the first time a consent's subject is matched against a story.
    public var nicknames = NicknameTable()

    public init() {}

    /// The three lists as views of `table`, whose bits say which list holds each word.
    package mutating func use(_ table: WordTable, hashes: ListHashes) {
        firstNames = WordSet(table: table, bit: NameLists.first)
        surnames = WordSet(table: table, bit: NameLists.surname)
        commonWords = WordSet(table: table, bit: NameLists.common)
        listBits = table
        listHashes = hashes
    }

    private mutating func dropTables() {
        listBits = nil
        listHashes = nil
    }

    /// Builds `listBits` (and the tagger's hashes) from the three lists.
    package mutating func indexListBits() {
        var words: [[UInt8]: UInt8] = [:]
        for (list, bit) in [(firstNames, NameLists.first), (surnames, NameLists.surname), (commonWords, NameLists.common)] {
            for word in list { WordTable.add(word, bits: bit, to: &words) }
        }
        use(WordTable(words), hashes: ListHashes(firstNames: firstNames, surnames: surnames, commonWords: commonWords))
    }

    /// Which of the three lists hold `word`.
    package func bits(_ word: String) -> UInt8 {
        if let listBits { return listBits.bits(word) }
        return (firstNames.contains(word) ? NameLists.first : 0) | (surnames.contains(word) ? NameLists.surname : 0)
            | (commonWords.contains(word) ? NameLists.common : 0)
    }

    var isEmpty: Bool { firstNames.isEmpty }

    /// Whether an e-mail address's local part is made of everyday words and no given name
    /// ("donorcare", "disputes", "people-ops", "askthedoc"): the mailbox of a desk, a service or a
    /// list, not of a person. People's addresses carry their names, initials or digits
    /// ("maria.gonzalez", "jburke77", "a.ramos"); a part that is a given name ("rob", "grace"), a
    /// piece shorter than three letters or any digit keeps the address a person's, and so does a
    /// surname that is no common word ("familia.soto") or a word that stands for a person
    /// ("someone", "yourname").
    public func namesARole(mailbox local: Substring) -> Bool {
        guard vocabulary.isAvailable, !local.isEmpty, !local.contains(where: \.isNumber) else { return false }
        let parts = local.lowercased().split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" || $0 == "+" })
        return !parts.isEmpty && parts.allSatisfy { part in
            part.count >= 3 && !isPersonsWord(String(part)) && isEverydayWords(Array(part.utf8)[...], pieces: 3)
        }
    }

    /// Words in a mailbox that stand for one person: the indefinite pronouns and the placeholders
    /// of a form ("someone@", "yourname@", "first.last@").
    static let personWords: Set<String> = [
        "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "myself", "yourself",
        "name", "yourname", "myname", "firstname", "lastname", "first", "last", "user", "username", "person",
    ]

    /// Whether `word` names a person in a mailbox: a given name, a surname that is no common word,
    /// or a word standing for someone.
    private func isPersonsWord(_ word: String) -> Bool {
        let bits = bits(word)
        return bits & NameLists.first != 0 || (bits & NameLists.surname != 0 && bits & NameLists.common == 0)
            || NameLists.personWords.contains(word)
    }

    /// Whether `word` is a vocabulary word or up to `pieces` of them run together, each of three
    /// letters or more and none a given name ("donor" + "care", "ask" + "the" + "doc").
    private func isEverydayWords(_ word: ArraySlice<UInt8>, pieces: Int) -> Bool {
        guard let whole = String(bytes: word, encoding: .utf8) else { return false }
        if vocabulary.contains(whole) && !isPersonsWord(whole) { return true }
        guard pieces > 1, word.count >= 6 else { return false }
        for cut in (word.startIndex + 3)...(word.endIndex - 3) {
            guard let head = String(bytes: word[..<cut], encoding: .utf8), vocabulary.contains(head),
                  !isPersonsWord(head) else { continue }
            if isEverydayWords(word[cut...], pieces: pieces - 1) { return true }
        }
        return false
    }
}

/// Pairs of a given name and one of its nicknames, one pair a line ("robert bobby"), read on first use.
public final class NicknameTable: @unchecked Sendable {
    // @unchecked: `pairs` is written once, under the lock, before any read of it.
    private let file: URL?
    private let lock = NSLock()
    private var pairs: Set<String>?

    public init(file: URL? = nil) { self.file = file }

    /// Whether `nickname` is a nickname of `name` (both lower case), in either direction.
    public func relates(_ name: String, _ nickname: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if pairs == nil {
            let text = file.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
            pairs = Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) })
        }
        return pairs!.contains("\(name) \(nickname)") || pairs!.contains("\(nickname) \(name)")
    }
}

/// A large word list read on first use: 160,000 words cost a one-draft check more time than all its
/// matching, and most drafts never need them. Read into a `WordTable` (the words' bytes in
/// open-addressed slots, equal as `String`s are) and, with a rule cache, kept beside it as that
/// table: the first question of a run then costs a checksum and a copy. A `Set<String>` of the
/// vocabulary took 160 M instructions, 40 ms, four tenths of a one-draft check that names someone;
/// building the table takes 100 M, reading it back 15 M.
public final class WordList: @unchecked Sendable {
    // @unchecked: `words` is written once, under the lock, before any read of it.
    private let file: URL?
    private let stored: RuleCache.Attachment?
    private let lock = NSLock()
    private var words: WordTable?

    /// Whether there is a list to consult (its file exists).
    public let isAvailable: Bool

    public convenience init(file: URL? = nil) { self.init(file: file, stored: nil) }

    /// `stored`: where the table is kept (keyed by the file's bytes too), nil for nowhere.
    package init(file: URL?, stored: RuleCache.Attachment?) {
        self.file = file
        self.stored = stored
        isAvailable = file.map { FileManager.default.fileExists(atPath: $0.path) } ?? false
    }

    public func contains(_ word: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if words == nil { words = load() }
        return words!.bits(word) != 0
    }

    /// The file's words (none when it is missing or not UTF-8, as before).
    private func load() -> WordTable {
        let data = file.flatMap { FileManager.default.contents(atPath: $0.path) }
        let kept = stored?.keyed(by: [data.map { [UInt8]($0) }])
        if let bytes = kept?.read(), let table = WordTable(stored: bytes) { return table }
        let text = data.flatMap { String(data: $0, encoding: .utf8) } ?? ""
        var builder = WordTable.Builder(capacity: text.utf8.count / 8)
        WordFile.forEachLine(text) { builder.add($0, bits: 1) }
        let table = builder.table()
        kept?.write(table.bytes)
        return table
    }
}

/// Word lists (Rules/data/*.txt) read by bytes: the lines `ByteText.lines` gives, each handed over
/// as its bytes, with no `Substring` or array of lines in between. Splitting the name and place
/// lists into `Substring`s and copying them into `String`s was a fifth of a one-draft check.
enum WordFile {
    /// Calls `body` with the bytes of each line of `text`, as `ByteText.lines(text)` splits it.
    static func forEachLine(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            // Any line break but LF (CR, VT, FF, NEL, LS, PS): `ByteText.lines` splits by `Character`.
            for i in bytes.indices {
                let byte = bytes[i]
                if byte == 0x0B || byte == 0x0C || byte == 0x0D || (byte == 0x85 && i > 0 && bytes[i - 1] == 0xC2)
                    || ((byte == 0xA8 || byte == 0xA9) && i > 1 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2) { return false }
            }
            var start = 0
            for i in bytes.indices where bytes[i] == 0x0A {
                if i > start { body(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
            }
            if bytes.count > start { body(UnsafeBufferPointer(rebasing: bytes[start...])) }
            return true
        }
        if !done {
            for line in ByteText.lines(text) {
                var line = String(line)
                line.withUTF8 { body($0) }
            }
        }
    }

    /// `Set(ByteText.lines(text).map { String($0) })`.
    static func set(of text: String) -> Set<String> {
        var words = Set<String>(minimumCapacity: text.utf8.count / 8)
        forEachLine(text) { words.insert(String(decoding: $0, as: UTF8.self)) }
        return words
    }
}

public struct NameDetector: Sendable {
    public let lists: NameLists
    /// ASCII chunks read by bytes (`asciiWords`); off only in the test that proves it gives the
    /// tokens of the scalar path.
    var readsASCIIByBytes = true

    public init(lists: NameLists) { self.lists = lists }

    package static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sr", "sra", "srta", "don", "doña", "dona", "señor", "señora", "señorita",
        // Kin titles and honorifics other languages write before a name: "cô Võ Thị Hồng", "anh Thành",
        // "Frè Anel Toussaint", "Walaal Sagal", "Aling Nena".
        "ông", "bà", "cô", "chú", "bác", "anh", "chị", "frè", "sè", "manmi", "madan", "msye", "walaal", "hooyo", "aabo",
        "aling", "kuya", "tita", "tito",
    ]
    /// Words after which a capitalised word is a patient's (or a family member's) name.
    static let cues: [[String]] = [
        ["patient"], ["patients"], ["resident"], ["baby"], ["memory", "of"], ["honor", "of"], ["honour", "of"],
        ["paciente"], ["bebé"], ["bebe"], ["residente"], ["memoria", "de"], ["named"], ["nuestra"], ["nuestro"],
        // Greetings and introductions name a person next.
        ["hi"], ["hello"], ["hey"], ["dear"], ["hola"], ["querida"], ["querido"], ["remembering"],
        ["congrats", "to"], ["congratulations", "to"], ["shoutout", "to"], ["shout-out", "to"], ["thanks", "to"],
        ["prayers", "for"], ["friends", "of"], ["family", "of"], ["note", "from"], ["felicidades", "a"],
        ["gracias", "a"], ["familia"], ["pt"], ["message", "from"], ["permission", "from"], ["thank", "you"],
        // Family members and titles.
        ["mom"], ["dad"], ["grandma"], ["grandpa"], ["abuela"], ["abuelo"], ["daughter"], ["son"], ["wife"], ["husband"],
        ["aunt"], ["uncle"], ["brother"], ["sister"], ["niece"], ["nephew"], ["grandson"], ["granddaughter"],
        ["mother"], ["father"], ["officer"], ["hija"], ["hijo"], ["esposa"], ["esposo"], ["tía"], ["tío"], ["hermana"], ["hermano"],
        // Public titles before a surname: "care for Mayor Lindqvist", "Coach Brekke's son".
        ["mayor"], ["senator"], ["governor"], ["councilman"], ["councilwoman"], ["councillor"], ["councilor"],
        ["coach"], ["judge"], ["pastor"], ["reverend"], ["rev"], ["sheriff"], ["commissioner"], ["congressman"], ["congresswoman"],
        // Ranks before a surname, as military, police and fire write them: "SGT Moreno's sleep study",
        // "SPC Haddad", "Capt. DeLuca".
        ["sgt"], ["sergeant"], ["spc"], ["pfc"], ["pvt"], ["cpl"], ["corporal"], ["ssg"], ["sfc"], ["cpt"], ["capt"], ["captain"],
        ["lt"], ["lieutenant"], ["col"], ["colonel"], ["maj"], ["cmdr"], ["commander"], ["deputy"], ["trooper"], ["detective"],
        ["firefighter"], ["airman"], ["seaman"], ["ensign"],
        // People one lives or spends days beside: "her old roommate Dot", "my neighbor Al".
        ["roommate"], ["neighbor"], ["neighbour"], ["cousin"], ["fiancé"], ["fiancée"], ["boyfriend"], ["girlfriend"],
    ]
    /// The cues by their first word, so each token is compared with the few cues it can start.
    static let cuesByFirstWord: [String: [[String]]] = Dictionary(grouping: cues, by: { $0[0] })

    /// Words after a capitalised word that make it a family name ("the Delgado twins").
    /// Lower-case words inside a capitalised name.
    static let nameParticles: Set<String> = ["de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "van", "von", "der", "den", "ter", "le", "du", "bin", "ibn", "al", "y", "e"]
    /// Nouns a person's name owns that only a person has: their carers, family and care.
    static let possessedCare: Set<String> = [
        "pediatrician", "doctor", "dentist", "therapist", "psychiatrist", "surgeon", "oncologist", "nurse", "nurses",
        "care", "caregiver", "mom", "dad", "mother", "father", "parents", "grandma", "grandpa", "wife", "husband",
        "diagnosis", "treatment", "chemo", "surgery", "appointment", "appointments", "meds", "medication", "medications",
        "prescription", "therapy", "biopsy", "results", "labs", "seizures", "seizure", "iep", "caseworker", "pcp",
    ]
    static let familyWords: Set<String> = ["family", "twins", "home", "household", "kids", "children", "family's", "triplets", "boy", "girl", "boys", "girls", "baby", "kid"]
    /// Capitalised words that follow a cue without being names ("our patient Care team").
    /// "seven-year-old", "3-month-old", "six-yr-old": an age compound.
    static func isAgeCompound(_ key: String) -> Bool {
        key.hasSuffix("-old") && ["-year-old", "-years-old", "-yr-old", "-month-old", "-week-old", "-day-old"].contains { key.hasSuffix($0) }
    }
    static let notNames: Set<String> = [
        "care", "team", "room", "unit", "floor", "services", "experience", "portal", "and", "or",
        // Units of time as chat shortens them: "arrive 15 min early".
        "min", "mins", "hr", "hrs", "sec", "secs",
        // People by where they are from, in the plural: "38 million Americans have diabetes".
        "americans", "canadians", "mexicans", "texans", "californians", "floridians", "ohioans", "alaskans", "hawaiians",
        "europeans", "africans", "asians", "latinos", "latinas", "latinx", "hispanics", "brits", "australians", "indians",
        // Roles come before names ("Nurse Manager Dana Whitfield") without being names.
        "nurse", "manager", "doctor", "director", "chef", "coach", "chaplain", "volunteer", "volunteers", "staff",
        "technician", "therapist", "pharmacist", "surgeon", "physician", "midwife", "doula", "enfermera", "enfermero",
        "doctora", "nurses", "everyone", "all", "our", "the",
        // Ranks, as they stand before a surname ("Capt. DeLuca", "SGT Moreno").
        "sgt", "sergeant", "spc", "pfc", "pvt", "cpl", "corporal", "ssg", "sfc", "cpt", "capt", "captain", "lt", "lieutenant",
        "col", "colonel", "maj", "cmdr", "commander", "deputy", "trooper", "detective", "firefighter", "airman", "seaman", "ensign",
        // The writer: "hey I tested positive" greets no one called I.
        "i", "i'm", "i've", "i'll", "i'd",
        // English prepositions and articles: capitalised opening a sentence they start no name, though
        // a list may hold one as a given name ("In August a PTO shaft caught his sleeve": "In" is on
        // the first-name list, "August" on the surnames').
        "in", "on", "at", "by", "of", "to", "for", "from", "with", "since", "after", "before", "during",
        "until", "into", "onto", "over", "under", "a", "an",
        // A finger, though a nickname too: "Pinky numb? Different nerve".
        "pinky",
        // Spanish words that open a sentence capitalised and are no one's name there: pronouns and
        // determiners ("Le recordamos su cita", "Esta semana"), imperatives of a notice ("Oren por los
        // enfermos", "Puede venir el lunes", "Llame al"), a day and God ("Día Mundial", "gracias a Dios").
        "le", "les", "lo", "los", "las", "esta", "este", "estos", "estas", "esa", "ese", "eso", "esto", "su", "sus", "mi", "mis",
        "tu", "tus", "nuestro", "nuestra", "nuestros", "nuestras", "puede", "pueden", "oren", "ore", "llame", "llamen", "venga",
        "vengan", "traiga", "traigan", "recuerde", "recuerden", "hoy", "aquí", "gracias", "dios", "día", "todo", "toda", "todos", "todas",
        "cada", "hay", "hola", "también", "tambien", "ya", "muy", "pero", "porque", "cuando", "donde", "usted", "ustedes",
    ]
    /// Months and days are capitalised and some are first names (May, June, April, Domingo): a name
    /// only with a surname after them ("June Albright", not "June 3").
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Weekdays as schedules shorten them: "Tue/Thu 8–3", "Mon–Fri".
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    ]

    struct Token: Equatable {
        var range: ByteRange
        var text: String
        var key: String
        var folded: String
        var isCapitalised: Bool
        var isAllCaps: Bool
        var isInitial: Bool
        /// Whitespace-only gap before the next token (names do not cross commas or line breaks).
        var joinedToNext = false
        /// The lists that hold the word (`NameLists.first`, `.surname`, `.common`), by its key or
        /// its accent-folded key; a hyphenated word whose every part is a surname counts as one.
        var lists: UInt8 = 0
    }

    public struct Hit: Sendable, Hashable {
        public var range: ByteRange
        public var category: Category
        /// A name only the tagger's looser bias found (`PersonMention.isTentative`): reported by the
        /// `possible-names` rules, at `info`, never judged on.
        public var isTentative = false
    }

    /// Name spans (and handle spans, category `other-id`) in `bytes[body...]`; `tagged` are the
    /// name tagger's person mentions, offsets relative to `body`.
    static let vowels = "aeiouyáéíóúàèìòùäëïöüâêîôûãõåæøœ"
    static let vowelsWithAcute = "aeiouyáéíóú"

    /// Whether `key` holds a letter of `vowels`. An ASCII key's letters are its bytes, and the only
    /// ASCII letters either list holds are a, e, i, o, u and y: tested as bytes, since a `Character`
    /// search of the list for every letter of every word was 4% of an audit of social posts.
    static func hasVowel(_ key: String, among vowels: String) -> Bool {
        var key = key
        if let ascii = key.withUTF8({ utf8 -> Bool? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return utf8.contains { byte in
                byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i")
                    || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u") || byte == UInt8(ascii: "y")
            }
        }) { return ascii }
        return key.contains(where: { vowels.contains($0) })
    }

    public func hits(in bytes: UnsafeBufferPointer<UInt8>, body: Int, tagged: [PersonMention] = []) -> [Hit] {
        guard !lists.isEmpty else { return [] }
        var hits: [Hit] = []
        let tokens = tokenize(UnsafeBufferPointer(rebasing: bytes[body...]), offset: body, handles: &hits)
        // A text written mostly in a language the word lists do not hold (Vietnamese, Haitian Creole,
        // Somali): fewer than half of its lower-case words are English or Spanish ones. There the
        // lists and the tagger, which learned from English, take ordinary words for chat names
        // ("sáng tại", "fè yon", "pa santi").
        // Asked only of a candidate that needs it, once per text.
        lazy var otherLanguage: Bool = {
            guard lists.vocabulary.isAvailable else { return false }
            var lower = 0, known = 0
            for token in tokens where !token.isCapitalised && !token.isAllCaps && token.key.count >= 2 {
                lower += 1
                if lists.vocabulary.contains(token.key) { known += 1 }
            }
            return lower >= 8 && known * 2 < lower
        }()
        var named = [Bool](repeating: false, count: tokens.count)
        var index = 0
        while index < tokens.count {
            if case (let end, var start)? = match(tokens, at: index, named: named, bytes: bytes), !isPlace(tokens, start, end), !isEponym(tokens, end, bytes),
               !(tokens[start...end].allSatisfy { !$0.isCapitalised && !$0.isAllCaps } && otherLanguage),
               // There a sentence's first word is a name only as the lists spell it: "Tìm hiểu về ..."
               // is "learn about", not Tim.
               !(start == end && tokens[start].key != tokens[start].folded && startsSentence(tokens, start, bytes) && otherLanguage),
               !namesThing(tokens, start, end), !isLanguageOrPhrase(tokens, start, end),
               !opensInstitutionName(tokens, end, bytes), !namesEvent(tokens, start, end), !namesAward(tokens, end),
               !namesPlaceOrThing(tokens, start, end, bytes),
               // A place down a list of places, unless it holds a first name; a first name before a
               // land word is a town there too ("to Kessler, Dunmore and Hollis Ford").
               !((!tokens[start...end].contains(where: isFirst) || end > start && NameDetector.placeWords.contains(tokens[end].key))
                 && placeByPosition(tokens, start, bytes)) {
                // "Seven-year-old Milo": an age written before the name is no part of it.
                if start < end, NameDetector.isAgeCompound(tokens[start].key) { start += 1 }
                hits.append(Hit(range: ByteRange(tokens[start].range.start, tokens[end].range.end), category: .name))
                for i in start...end { named[i] = true }
                index = end + 1
            } else {
                index += 1
            }
        }
        // "Jaylen's pediatrician", "Arlo's care team": a capitalised word owning a person's carer,
        // family or care is someone's name, even one no list holds.
        for (i, token) in tokens.enumerated() where !named[i] && i + 1 < tokens.count && token.isCapitalised && !token.isAllCaps
            && !isCommon(token) && NameDetector.possessedCare.contains(tokens[i + 1].key)
            && !(i > 0 && ["st", "saint", "mt", "mount"].contains(tokens[i - 1].key)) && !NameDetector.placeWords.contains(token.key)
            && !opensInstitutionName(tokens, i, bytes) {
            let end = token.range.end
            guard end + 2 < bytes.count, tokens[i + 1].range.start <= end + 4 else { continue }
            let straight = bytes[end] == 0x27 && bytes[end + 1] | 0x20 == 0x73
            let curly = end + 3 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x99 && bytes[end + 3] | 0x20 == 0x73
            if straight || curly {
                hits.append(Hit(range: token.range, category: .name))
                named[i] = true
            }
        }
        // "Mike & Debbie Sorensen", "Ruby and Jack": a first name joined by "and" to a name found.
        // A month is the date of what the name did ("the reconstruction in April and Jax put her
        // through squats").
        for (i, token) in tokens.enumerated() where i + 2 < tokens.count && !named[i] && named[i + 2] {
            if token.isCapitalised, isFirst(token) || !isCommon(token), token.joinedToNext, !NameDetector.calendarWords.contains(token.key),
               ["and", "y", "&"].contains(tokens[i + 1].key) || tokens[i + 1].text == "&", tokens[i + 1].joinedToNext {
                hits.append(Hit(range: token.range, category: .name))
                named[i] = true
            }
        }
        // Once a person is named, later mentions of their first or last name are them too
        // ("Remembering Bill Thompson ... Bill, you made every shift brighter").
        let known = Set(tokens.indices.filter { named[$0] && !tokens[$0].isInitial }.map { tokens[$0].folded })
        for (i, token) in tokens.enumerated() where !named[i] && known.contains(token.folded) && (token.isCapitalised || token.isAllCaps) {
            hits.append(Hit(range: token.range, category: .name))
        }
        // The tagger's persons where the rules found nothing; the rules' spans are kept as found.
        // Its guesses pass the rules' own guards, and a few more for the kinds of mistake it makes on
        // the organisation's posts (measured on the dev corpora and fixtures, not tuned to examples).
        // What is already found, asked of every mention: the rules' spans as an index, and the bytes
        // of the mentions taken (they never overlap one another, so marking them is linear).
        let ruleSpans = RangeIndex(hits.map(\.range))
        var taken = tagged.isEmpty ? [] : [Bool](repeating: false, count: bytes.count)
        for mention in tagged {
            var range = ByteRange(body + mention.range.lowerBound, body + mention.range.upperBound)
            guard !ruleSpans.overlaps(range), !taken[range.start..<range.end].contains(true) else { continue }
            for offset in range.start..<range.end { taken[offset] = true }
            WorkMeter.current?.count(range.end - range.start)
            if mention.isHandle {
                // The loosest guesses are words written as names, never handles (see below).
                if mention.isLoose { continue }
                // A handle the tagger is unsure of stays unreported (handles are for the rules and
                // the tagger's confident guesses), unless it opens with a first name that is no
                // word, as people's accounts do: "@kayla.runs.26", not "@hopeclinic".
                if mention.isTentative, !opensWithFirstName(ByteText.substring(bytes, ByteRange(range.start + 1, range.end))) { continue }
                // BTC, which taught the tagger handles, marks every person's account, and an
                // organisation's own accounts look alike to it (@examplehealth, @nightshiftcrew): a
                // handle naming an institution or a team is not a person's.
                let handle = ByteText.substring(bytes, range).lowercased()
                if !NameDetector.namesInstitution(handle) {
                    hits.append(Hit(range: range, category: .otherID))
                }
                continue
            }
            // Codes and ordinals ("4TRK919", "104th") are other identifiers' business.
            guard !(range.start..<range.end).contains(where: { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else { continue }
            // A #hashtag has no words here: the rules read hashtags that spell a name (#PrayForJamie);
            // the tagger's hashtags are campaign tags (#FluSeason, #postpartum).
            // Tokens are in order: the first that ends after the mention starts, by binary search.
            var low = 0, high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].range.end <= range.start { low = middle + 1 } else { high = middle }
            }
            guard low < tokens.count, tokens[low].range.start < range.end else { continue }
            var first = low
            var last = first
            while last + 1 < tokens.count, tokens[last + 1].range.start < range.end { last += 1 }
            // A capitalised name does not run on into lower-case words: "Shima still", "Lil Darth
            // Vader kitten" are "Shima", "Lil Darth Vader" (in chat, where all of a name is lower
            // case, nothing is cut).
            let isLower = { (t: Token) in !t.isCapitalised && !t.isAllCaps && !t.isInitial && t.key.count > 1 }
            if tokens[first...last].contains(where: { $0.isCapitalised }) {
                while last > first, isLower(tokens[last]) { last -= 1 }
                while first < last, isLower(tokens[first]) { first += 1 }
                range = ByteRange(tokens[first].range.start, tokens[last].range.end)
            }
            // A sentence's first word is capitalised as the sentence's, and the tagger sometimes takes
            // it into the name after it: "Damn Athenas", "Bye Capwin !", "Please Shima come back". An
            // ordinary word there (no first name; a surname only if it is an everyday word) is cut off.
            // Only from the possible names, which judge nothing: a sure name keeps its words, since
            // on the verdict sets the cut turned a place after a dash ("— Pine Hollow class of '09")
            // from a name into a possible one, and that post passed.
            if mention.isTentative, first < last, tokens[first].isCapitalised, tokens[first + 1].isCapitalised || tokens[first + 1].isAllCaps,
               !isFirst(tokens[first]), !isSurname(tokens[first]) || isCommon(tokens[first]), startsSentence(tokens, first, bytes),
               lists.vocabulary.contains(tokens[first].key) {
                first += 1
                range = ByteRange(tokens[first].range.start, tokens[last].range.end)
            }
            // "Seven-year-old Milo Brannigan": an age written before the name is no part of it.
            if first < last, NameDetector.isAgeCompound(tokens[first].key) {
                first += 1
                range = ByteRange(tokens[first].range.start, tokens[last].range.end)
            }
            // "I'm Carlos": the writer's pronoun is no part of their name.
            if first < last, NameDetector.firstPersonTokens.contains(tokens[first].key) {
                first += 1
                range = ByteRange(tokens[first].range.start, tokens[last].range.end)
            }
            let words = tokens[first...last]
            // "WeTransfer", "SharePoint", "MyChart": a word with a capital inside after an ordinary
            // word is most often a product's name; a person's has a name's prefix there ("DeShawn",
            // "McKenzie"). Social text writes personas so too ("MysteryGuitarMan"): a possible name.
            // A word of four letters or more with no vowel is no one's name ("dctlsfqbnskd" in a
            // temporary folder's path, "hmmm", "grrr"): a code or a sound.
            if words.contains(where: { word in
                word.key.count >= 4 && !NameDetector.hasVowel(word.key, among: NameDetector.vowels)
            }) { continue }
            let brandCased = words.contains(where: isBrandCased)
                // "don't use Dropbox", "upload it via Box": a tool is used, a person is not.
                || (first == last && first > 0 && tokens[first - 1].joinedToNext && !isFirst(tokens[first])
                    && NameDetector.toolVerbs.contains(tokens[first - 1].key))
            // What only the tagger's loosest bias finds is a name only where it is written as one
            // inside a sentence: each word capitalised (or with capitals inside, "DeFrozen"), no
            // word of English or Spanish and none a dictionary writes capitalised ("English",
            // "Kremlin"; a state, a holiday, a weekday, a drug), none shouted or drawn out ("Wooow"), not the sentence's
            // first word ("Hope you...", "Lmao") and not a hashtag's ("# NotOk"). Measured on the
            // dev sets: the names it adds are unlisted names in running text ("how Ivanka talks",
            // "Bye Capwin !"); what else it proposes opens a sentence or is an interjection.
            if mention.isLoose {
                var before = range.start - 1
                while before >= 0, NameDetector.isSpace(bytes[before]) { before -= 1 }
                var opensClause = before >= 0 && [UInt8(ascii: "("), UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "-")].contains(bytes[before])
                // A message opens after the @handles it answers ("@daniellemenop Aww hahaha").
                if before >= 0, !opensClause {
                    var start = before
                    while start > 0, !NameDetector.isSpace(bytes[start - 1]) { start -= 1 }
                    opensClause = bytes[start] == UInt8(ascii: "@")
                }
                // A label or a piece of a word: "Acct#:", "Sci- Fi".
                let joined = range.end < bytes.count && [UInt8(ascii: "#"), UInt8(ascii: "-")].contains(bytes[range.end])
                guard !opensClause, !joined, !startsSentence(tokens, first, bytes), words.allSatisfy({ word in
                    word.isCapitalised && word.key.count >= 3 && !NameDetector.drawnOut(word.key)
                        && !NameDetector.drugStems.contains { word.key.count > $0.count + 2 && word.key.hasSuffix($0) }
                        && !NameDetector.calendarWords.contains(String(word.key.dropLast())) && !NameDetector.holidays.contains(word.key)
                        && !(PlaceDetector.stateNames.contains(word.key) && !isFirst(word))
                        && !lists.vocabulary.contains(word.key) && !(lists.capitalisedWords.contains(word.key) && !isFirst(word))
                }) else { continue }
            }
            // Greetings, family words, titles, roles and dates alone are no name ("Hey", "Grandpa",
            // "Dr", "Nurse", "May"); nor is a phrase with a title, credential or institution word
            // ("PharmD", "Harborview Dental"), one starting with a day or month ("domingo hay"), a
            // place or an eponym.
            guard !words.allSatisfy({ NameDetector.cuesByFirstWord[$0.key] != nil || NameDetector.familyWords.contains($0.key)
                                        || NameDetector.honorifics.contains($0.key) || NameDetector.notNames.contains($0.key)
                                        || NameDetector.calendarWords.contains($0.key) }),
                  !words.contains(where: { NameDetector.taggerNotNames.contains($0.key) || NameDetector.placeWords.contains($0.key) }),
                  !NameDetector.calendarWords.contains(tokens[first].key),
                  !isPlace(tokens, first, last), !isEponym(tokens, last, bytes) else { continue }
            // "Jimmy Ruiz Memorial Golf Classic", "the Ridgeway Neuroscience team", "Bexley Hollow
            // Community Page": a name that opens a longer capitalised name ending in an institution's
            // noun is the institution's.
            if opensInstitutionName(tokens, last, bytes) || namesEvent(tokens, first, last) || namesAward(tokens, last) { continue }
            // "The Wildcats family appreciates you": a capitalised plural of an everyday word after
            // "the" is a team or a group, not a person ("the Johnsons" is a surname's family).
            if first == last, first > 0, tokens[first - 1].key == "the", tokens[first].isCapitalised, tokens[first].key.hasSuffix("s"),
               !isFirst(tokens[first]), !isSurname(tokens[first]), lists.vocabulary.contains(String(tokens[first].key.dropLast())),
               lists.bits(String(tokens[first].key.dropLast())) & (NameLists.first | NameLists.surname) == 0 { continue }
            // A lower-case phrase in a text of another language is words of that language.
            if words.allSatisfy({ !$0.isCapitalised && !$0.isAllCaps }), otherLanguage { continue }
            // A lower-case phrase opened by a Spanish or French pronoun or article is a clause, not a
            // chat name: "Hola Sofía, le recordamos su cita".
            if words.allSatisfy({ !$0.isCapitalised && !$0.isAllCaps }),
               ["le", "la", "lo", "les", "los", "las", "el", "de", "du", "des", "un", "une", "una", "se", "te", "me", "nos", "y", "o", "u", "ni", "et", "que",
                "su", "sus", "mi", "mis", "tu", "tus", "todo", "toda"].contains(words.first!.key) { continue }
            if namesThing(tokens, first, last) { continue }
            if isLanguageOrPhrase(tokens, first, last) { continue }
            // A place's site of ours: "our Harmon lab", "the Millbrook walk-in", "at the Eastgate location".
            if last + 1 < tokens.count, tokens[last].joinedToNext, NameDetector.facilityNouns.contains(tokens[last + 1].key),
               first > 0, tokens[first - 1].joinedToNext, ["our", "the", "at", "in", "from", "nuestro", "nuestra"].contains(tokens[first - 1].key),
               !words.contains(where: isFirst) { continue }
            if namesPlaceOrThing(tokens, first, last, bytes) { continue }
            // A place's people: "Alder Falls residents who use home oxygen", "Millbrook families".
            if last + 1 < tokens.count, tokens[last].joinedToNext, NameDetector.communityNouns.contains(tokens[last + 1].key),
               !words.contains(where: isFirst) || words.count > 1 && !words.contains(where: isSurname) { continue }
            // One capitalised word between "a"/"an" and a lower-case noun modifies the noun: a town
            // or a brand ("a Millbrook native", "a Corolla driver"), not a person, whom no one counts
            // with an article. A first name or surname the lists know keeps its reading ("a Trump supporter").
            if first == last, first > 0, ["a", "an"].contains(tokens[first - 1].key), tokens[first - 1].joinedToNext,
               tokens[first].isCapitalised, !isFirst(tokens[first]), !isSurname(tokens[first]), last + 1 < tokens.count, tokens[last].joinedToNext,
               !tokens[last + 1].isCapitalised, !tokens[last + 1].isAllCaps, tokens[last + 1].key.count > 2,
               lists.vocabulary.contains(tokens[last + 1].key) { continue }
            // A country is no one's name, whichever decoding found it ("our partner clinic in
            // Mzuzu, Malawi"), unless its words hold a listed first name ("Jordan").
            if !words.contains(where: isFirst), lists.countries.contains(words.map(\.key).joined(separator: " ")) { continue }
            // After "from", "in", "near"... a phrase with no first name in it is a town ("from Cedar Falls").
            // (The capitalised run is read whole: the tagger may have taken only "Falls".) Not after
            // "to", which comes before people as often ("related to Ayanda", "opposed to Shaq's
            // dominance", "a reaction to DJ Switch"); the gazetteer still finds towns after it.
            var runStart = first
            while runStart > 0, tokens[runStart - 1].joinedToNext, tokens[runStart - 1].isCapitalised { runStart -= 1 }
            // A lone word after "in" or "near" that is a surname as well as a given name is a town
            // named after a family ("surgery in Corliss"); a given name only stays a person ("the
            // change in Sarah"), and a possessive keeps it a person's ("in Maria's room"). Not after
            // "from" ("a card from Grace") or Spanish "de" ("la hija de María"), which come before people.
            // After "to" only where a journey goes ("3-hour drives to Corliss", "flown to Alder Falls").
            let journeyTo = runStart >= 2 && isJourneyTo(tokens, runStart - 1)
            let lonePlace = runStart == last && runStart > 0 && (["in", "near"].contains(tokens[runStart - 1].key) || journeyTo) && isSurname(tokens[last])
                && !(last + 1 < tokens.count && tokens[last].joinedToNext && tokens[last + 1].isCapitalised)
                && !(tokens[last].range.end < bytes.count && [UInt8(ascii: "'"), 0xE2].contains(bytes[tokens[last].range.end]))
            if runStart > 0, tokens[runStart - 1].joinedToNext, NameDetector.placePrepositions.contains(tokens[runStart - 1].key),
               tokens[runStart - 1].key != "to" || journeyTo,
               lonePlace || !tokens[runStart...last].contains(where: isFirst) { continue }
            // The same holds down a list of places ("urgent care in Millbrook & Danforth", "from
            // Alder Falls, Pike Hollow and Wren"), after an institution's name as in an address line
            // ("Harlan Valley Medical Center, Millbrook."), and for a subreddit ("r/Millbrook").
            if !tokens[runStart...last].contains(where: isFirst), placeByPosition(tokens, runStart, bytes) { continue }
            // A phrase that mixes capitalised and lower-case words is not written as a name ("Masks
            // still"): people write a name all capitalised or, in chat, all lower-case. Name particles
            // ("Juan de la Cruz", "Vincent van Gogh") are lower-case in capitalised names.
            // An acronym counts as capitalised here ("RSV szn").
            if words.contains(where: { $0.isCapitalised || $0.isAllCaps && $0.key.count > 1 }),
               words.contains(where: { !$0.isCapitalised && !$0.isAllCaps && !$0.isInitial && $0.key.count > 1
                                       && !NameDetector.nameParticles.contains($0.key) }) { continue }
            // Several words, none a first name or surname the lists know, and half of them or more
            // ordinary words: a title or an event ("Korean War", "Centro Comunitario"), not a person.
            // Acronyms and Roman numerals count as ordinary here ("stage III COPD", "NYHA Class III").
            if lists.vocabulary.isAvailable, words.count > 1, !words.contains(where: { isFirst($0) || isSurname($0) }),
               2 * words.filter({ lists.vocabulary.contains($0.key) || ($0.isAllCaps && $0.key.count <= 5) }).count >= words.count { continue }
            // A word with a medical ending names a condition or a procedure, not a person
            // ("streptococcal pharyngitis", "splenectomy"; Rules/policy/medical-word-forms.yaml).
            if words.contains(where: { word in NameDetector.medicalEndings.contains { word.key.count > $0.count + 2 && word.key.hasSuffix($0) } }) { continue }
            // A clinical score named after a town or a person: "Framingham risk score", "Glasgow coma scale".
            if last + 2 < tokens.count, tokens[last].joinedToNext, tokens[last + 1].joinedToNext,
               NameDetector.scoreQualifiers.contains(tokens[last + 1].key), PlaceDetector.eponymHeads.contains(tokens[last + 2].key) { continue }
            // Ordinary words only, none a name the lists know ("Swipe", "Room B").
            // A lone acronym or numeral in capitals (GI, HTN, RA, III) is clinical shorthand, not a name;
            // a shouted name the lists know is not ("IS THAT IDRIS"): four letters or more and no
            // word of the vocabulary ("ECMO", "MRSA" are no listed name).
            if first == last, tokens[first].isAllCaps, tokens[first].key.count <= 5,
               !isShoutedName(tokens[first]) || !isShouting(tokens, around: first) { continue }
            // So is one joined by hyphens from short capitals none of which is a listed first name
            // ("OB-GYN", "ENT-ICU"): a shouted double name has a first name in it ("JEAN-LUC").
            if first == last, tokens[first].isAllCaps, tokens[first].key.contains("-"), tokens[first].key.split(separator: "-").allSatisfy({ part in
                part.count <= 4 && lists.bits(String(part)) & NameLists.first == 0
            }) { continue }
            // A first name that is also an everyday word, inside a run of three capitalised words whose
            // middle one is an everyday word and no name, title or cue, is a headline's word
            // ("Derek's Second Chance", "Our Big Hope Gala"; not "with Weird Al", "If Roman made").
            if first == last, isCommon(tokens[first]), first > 1, tokens[first - 1].joinedToNext, tokens[first - 1].isCapitalised,
               (tokens[first - 2].joinedToNext || NameDetector.possessiveBefore(tokens[first - 1].range.start, in: bytes)) && tokens[first - 2].isCapitalised,
               lists.vocabulary.contains(tokens[first - 1].key), !isFirst(tokens[first - 1]), !isSurname(tokens[first - 1]),
               NameDetector.cuesByFirstWord[tokens[first - 1].key] == nil, !NameDetector.honorifics.contains(tokens[first - 1].key) { continue }
            // A lone word counts as a name only if it is a first name ("Messenger" the app is a
            // surname too, but a surname alone is no one). Ordinary words the tagger is sure of,
            // each written with a capital as a name is, and no initial or lone letter ("Bodega was a shit detective", "you and Des
            // looked beautiful", "LeBron"; not "donor", not a rank such as "Sergeant"), are possible
            // names: listed at `info`, never judged on, since half of them are names in social text
            // and half are not ("Dude", "Narrator"). So is a listed surname capitalised inside a
            // sentence ("not a Trump supporter"), and in lower case a word that is a listed name and
            // not one of the names that are everyday words ("the reason lebron started laughing").
            var possible = mention.isTentative || brandCased
            if lists.vocabulary.isAvailable, words.allSatisfy({ word in
                !isFirst(word) && (words.count == 1 || !isSurname(word))
                    && (word.key.count == 1 || word.key.split(separator: "-").allSatisfy { lists.vocabulary.contains(String($0)) })
            }) {
                guard !mention.isTentative, words.allSatisfy({ word in
                    (word.isCapitalised || (!word.isAllCaps && (isFirst(word) || isSurname(word)) && !isCommon(word)))
                        && !word.isInitial && word.key.count >= 3 && !NameDetector.ranks.contains(word.key)
                }) else { continue }
                possible = true
            }
            // A lone lower-case everyday word ("poison ivy season", "teaching pearl") is at most a
            // possible name, even when a list holds it as a name: in lower case it is the word.
            // Not a word straight before a capitalised one ("his running buddy Ren"): that reads as the
            // start of a name phrase, which the names after it judge.
            if first == last, !tokens[first].isCapitalised, !tokens[first].isAllCaps, lists.vocabulary.isAvailable,
               lists.vocabulary.contains(tokens[first].key),
               !(last + 1 < tokens.count && tokens[last].joinedToNext && tokens[last + 1].isCapitalised) { possible = true }
            // One capitalised word opening a sentence is a name only if the lists know it ("Bravo!"),
            // or if it is no word at all ("Jedidiah is beyond irritating"): the vocabulary guard
            // above has already turned away the ordinary words.
            // Nor one followed by an article or a possessive: that is a verb telling the reader to do
            // something ("Pide tu cita", "Traiga su tarjeta"); a name is followed by its verb.
            if first == last, startsSentence(tokens, first, bytes), !isFirst(tokens[first]), !isSurname(tokens[first]),
               !lists.vocabulary.isAvailable || lists.vocabulary.contains(tokens[first].key) || tokens[first].key.count < 4
                || (last + 1 < tokens.count && tokens[last].joinedToNext && NameDetector.determiners.contains(tokens[last + 1].key)) { continue }
            // The tagger's less certain guesses are listed only where they look like a name as
            // people write one (measured on the ASQ-PHI clinical queries, where they otherwise take
            // jargon for names): in lower case only a name the lists know that is no word ("croy", not
            // "bilirubin", "al"); no phrase of ordinary words;
            // never a word with no vowel or with a lower-case start and capitals inside ("Mgmt",
            // "eGFR"); never a description before a person noun ("African American male").
            if mention.isTentative {
                if words.allSatisfy({ !$0.isCapitalised && !$0.isAllCaps }), !words.allSatisfy({ word in
                    word.key.count >= 3 && (isFirst(word) || isSurname(word)) && !lists.vocabulary.contains(word.key)
                }) { continue }
                // Ordinary words, plurals too (the Spanish list has few): "Relaciones con Pacientes".
                if lists.vocabulary.isAvailable, words.allSatisfy({ word in
                    !isFirst(word) && (lists.vocabulary.contains(word.key)
                        || word.key.hasSuffix("s") && lists.vocabulary.contains(String(word.key.dropLast()))
                        || word.key.hasSuffix("es") && lists.vocabulary.contains(String(word.key.dropLast(2))))
                }) { continue }
                if words.contains(where: { word in
                    !NameDetector.hasVowel(word.key, among: NameDetector.vowelsWithAcute)
                        || (word.text.first?.isLowercase ?? false) && word.text.contains(where: \.isUppercase)
                }) { continue }
                if last + 1 < tokens.count, tokens[last].joinedToNext, NameDetector.personNouns.contains(tokens[last + 1].key) { continue }
                // Units and lab terms: a word against a slash ("mL/min"), a letter and a hyphen ("D-dimer").
                if (range.start > 0 && bytes[range.start - 1] == UInt8(ascii: "/")) || (range.end < bytes.count && bytes[range.end] == UInt8(ascii: "/"))
                    || words.contains(where: { $0.key.count > 2 && $0.key.dropFirst().first == "-" }) { continue }
            }
            // "Pizza from Tony's 🍕", "brunch at Mario's.": one name owning nothing, after "from" or
            // "at", is the shop or restaurant called after someone.
            if first == last, first > 0, tokens[first - 1].joinedToNext, ["from", "at"].contains(tokens[first - 1].key),
               NameDetector.possessiveOwnsNothing(range.end, in: bytes) { continue }
            // "Dr. Patel": the title is not part of the name.
            if first < last, NameDetector.honorifics.contains(tokens[first].key) { range.start = tokens[first + 1].range.start }
            hits.append(Hit(range: range, category: .name, isTentative: possible))
        }
        hits += coordinatedNames(tokens, hits, bytes)
        return hits
    }

    /// Names in a list with a name found: "DMX , Busta and I", "butler and klay", "Where is Vinkare
    /// and Herbalisti". A word joined by "and", "&", "y", "or" or a lone comma to a name found,
    /// written in the same case as that name's neighbouring word, and no ordinary word (a listed
    /// first name that is no common word counts too), is a possible name: listed at `info`, never
    /// judged on. One step from a name found, never a chain.
    private func coordinatedNames(_ tokens: [Token], _ hits: [Hit], _ bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
        guard hits.contains(where: { $0.category == .name }), lists.vocabulary.isAvailable, tokens.count > 1 else { return [] }
        let found = RangeIndex(hits.map(\.range))
        var starts = Set<Int>(), ends = Set<Int>()
        for hit in hits where hit.category == .name { starts.insert(hit.range.start); ends.insert(hit.range.end) }
        func caseOf(_ t: Token) -> Int { t.isAllCaps ? 2 : t.isCapitalised ? 1 : 0 }
        // Tokens a and b (a before b) are list neighbours: one comma and spaces between them, or a
        // conjunction between them (on one line).
        func listed(_ a: Int, _ b: Int) -> Bool {
            if b == a + 1 {
                var commas = 0
                for i in tokens[a].range.end..<tokens[b].range.start {
                    if bytes[i] == UInt8(ascii: ",") { commas += 1 } else if bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
                }
                return commas == 1
            }
            return b == a + 2 && tokens[a].joinedToNext && tokens[a + 1].joinedToNext
                && (NameDetector.conjunctions.contains(tokens[a + 1].key) || tokens[a + 1].text == "&")
        }
        var result: [Hit] = []
        for (i, token) in tokens.enumerated() {
            guard token.key.count >= 3, !token.isInitial, !found.overlaps(token.range),
                  !NameDetector.calendarWords.contains(token.key), !NameDetector.notNames.contains(token.key),
                  !NameDetector.taggerNotNames.contains(token.key), !NameDetector.placeWords.contains(token.key) else { continue }
            let besideName = (1...2).contains { gap in
                (i - gap >= 0 && ends.contains(tokens[i - gap].range.end) && caseOf(tokens[i - gap]) == caseOf(token) && listed(i - gap, i))
                    || (i + gap < tokens.count && starts.contains(tokens[i + gap].range.start) && caseOf(tokens[i + gap]) == caseOf(token) && listed(i, i + gap))
            }
            // The vocabulary last: a large list read on first use, asked only of a word beside a name.
            if besideName, !lists.vocabulary.contains(token.key) || (isFirst(token) && !isCommon(token)) {
                result.append(Hit(range: token.range, category: .name, isTentative: true))
            }
        }
        return result
    }

    /// Holidays, capitalised as names are: "Christmas", "Navidad".
    static let holidays: Set<String> = [
        "christmas", "xmas", "easter", "halloween", "thanksgiving", "hanukkah", "chanukah", "kwanzaa", "ramadan", "diwali",
        "passover", "navidad", "pascua", "nochebuena",
    ]

    /// Endings of drug names (USAN stems: antivirals, antibodies, kinase inhibitors, ACE inhibitors,
    /// beta blockers, statins, antifungals, antibiotics...): "Remdesivir" is no one's name.
    /// A lone word no name list holds that the gazetteer holds as a town ("Thank you Millbrook!",
    /// "Eastport"), that ends in a drug's naming stem ("lovastatin"), or that is a weekday's or a
    /// month's plural ("Saturdays"): a place, a drug or a day, not a person. (A word a list holds
    /// as a given name or surname stays a name: "Hollis", "Austin".)
    static func namesNoOne(_ text: String, names: NameLists, places: PlaceLists) -> Bool {
        let key = text.lowercased()
        // "Walk-ins Mon–Fri", "Clinic Tue/Thu": a schedule's abbreviated day or month in the phrase.
        if key.split(whereSeparator: { $0 == " " || $0 == "-" }).contains(where: { scheduleAbbreviations.contains(String($0)) }) { return true }
        guard key.count >= 4, key.unicodeScalars.allSatisfy({ CharacterSet.letters.contains($0) }),
              names.bits(key) & (NameLists.first | NameLists.surname) == 0 else { return false }
        if places.places.contains(key) { return true }
        if drugStems.contains(where: { key.count > $0.count + 2 && key.hasSuffix($0) }) { return true }
        return key.hasSuffix("s") && calendarWords.contains(String(key.dropLast())) && key.count > 4
    }

    /// Whether an honorific stands right before `start` ("Mrs. Millbrook", "Sr. Díaz"): whatever
    /// else the word is, it is a person's name there.
    static func titled(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = start
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        var begin = end
        while begin > 0, (bytes[begin - 1] | 0x20) >= 0x61 && (bytes[begin - 1] | 0x20) <= 0x7A { begin -= 1 }
        guard begin < end, end - begin <= 5 else { return false }
        return honorifics.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self).lowercased())
    }

    /// Whether a verb that tells what befell a person follows `end` ("Millbrook had a stroke",
    /// "Wexford was admitted"): the word is someone's name there, whatever town shares it.
    static func subjectOfAPersonVerb(_ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = end
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        guard start > end else { return false }
        var stop = start
        while stop < bytes.count, (bytes[stop] | 0x20) >= 0x61 && (bytes[stop] | 0x20) <= 0x7A { stop += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self).lowercased()
        return personVerbs.contains(word)
    }
    /// Verbs of what befalls a person, after a word the lists would read as no one.
    static let personVerbs: Set<String> = ["had", "was", "is", "died", "passed", "fell", "broke", "tore", "suffered", "underwent", "tested", "delivered"]

    /// Days and months as schedules abbreviate them, none a given name ("Jan" and "Jun" are).
    static let scheduleAbbreviations: Set<String> = ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                                                    "feb", "apr", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]

    static let drugStems = [
        "vir", "mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin", "cycline", "floxacin",
        "dipine", "tidine", "prazole", "parin", "gliptin", "gliflozin", "triptan", "setron", "dronate", "lukast",
        "azepam", "oxetine", "glutide", "formin",
    ]

    /// A letter three times running ("Wooow", "Beyoooond", "ITTTTT"): a word drawn out, not a name.
    static func drawnOut(_ key: String) -> Bool {
        var run = 1
        var previous: Character?
        for char in key {
            run = char == previous ? run + 1 : 1
            if run >= 3 { return true }
            previous = char
        }
        return false
    }

    static let conjunctions: Set<String> = ["and", "y", "or", "n", "e", "o"]

    /// Ranks and offices written before a name or alone in its place ("Sergeant", "Captain"): no
    /// name on their own.
    static let ranks: Set<String> = [
        "sergeant", "captain", "lieutenant", "corporal", "colonel", "major", "detective", "chief", "commander",
        "admiral", "deputy", "sheriff", "trooper", "marshal", "private", "officer",
    ]

    /// An ALL-CAPS word of four or five letters that is a name, not an acronym: a first name or
    /// surname the lists know that is no word of the vocabulary.
    /// Whether the words beside `index` are shouted too ("IS THAT IDRIS"): a lone word in capitals
    /// among lower-case ones is an acronym ("employers: OSHA 300 logs").
    private func isShouting(_ tokens: [Token], around index: Int) -> Bool {
        let neighbours = [index - 1, index + 1].filter { tokens.indices.contains($0) && tokens[$0].key.count > 1 }
        return neighbours.isEmpty || neighbours.contains { tokens[$0].isAllCaps }
    }

    private func isShoutedName(_ token: Token) -> Bool {
        token.key.count >= 4 && lists.vocabulary.isAvailable && !lists.vocabulary.contains(token.key) && (isFirst(token) || isSurname(token))
    }

    /// Whether "'s " or "’s " ends right before `position`: the word after a possessive name.
    static func possessiveBefore(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if position >= 3, bytes[position - 3] == 0x27, bytes[position - 2] | 0x20 == 0x73, bytes[position - 1] == 0x20 { return true }
        return position >= 5 && bytes[position - 5] == 0xE2 && bytes[position - 4] == 0x80 && bytes[position - 3] == 0x99
            && bytes[position - 2] | 0x20 == 0x73 && bytes[position - 1] == 0x20
    }

    /// Whether a possessive "'s" or "’s" starts at `position` with no word after it on its line
    /// ("Pizza from Tony's 🍕", "brunch at Mario's."): the shop or restaurant, owning nothing named.
    static func possessiveOwnsNothing(_ position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = position
        if i + 1 < bytes.count, bytes[i] == 0x27, bytes[i + 1] | 0x20 == 0x73 { i += 2 }
        else if i + 3 < bytes.count, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, bytes[i + 3] | 0x20 == 0x73 { i += 4 }
        else { return false }
        if i < bytes.count, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A { return false }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i == bytes.count || !((bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A)
    }

    static let firstPersonTokens: Set<String> = ["i", "i'm", "i’m", "im", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll"]

    /// Endings of conditions and procedures (as in Rules/policy/medical-word-forms.yaml).
    static let medicalEndings = ["itis", "ectomy", "ostomy", "otomy", "plasty", "scopy", "opathy", "emia", "aemia",
                                 // Instruments and images: "arthroscope", "angiogram", "sonography".
                                 "oscope", "ogram", "ography"]
    /// Words between an eponym and the score or scale it names ("Framingham risk score").
    static let scoreQualifiers: Set<String> = ["risk", "coma", "severity", "stroke", "bleeding"]

    /// Nouns a description of a person comes before ("a 58-year-old African American female").
    static let personNouns: Set<String> = [
        "male", "female", "man", "woman", "men", "women", "boy", "girl", "patient", "pt", "child", "infant", "adult",
        "veteran", "hombre", "mujer", "paciente",
    ]

    /// Titles, credentials and institution words the tagger sometimes takes for names ("Dra.",
    /// "PharmD", "Harborview Dental"): a mention holding one is not a person's name.
    static let taggerNotNames: Set<String> = [
        "dra", "prof", "rev", "sgt", "md", "do", "rn", "np", "pa", "phd", "pharmd", "dds", "dmd", "lpn", "cna",
        "dental", "pharmacy", "pediatrics", "radiology", "cardiology", "oncology", "orthopedics", "rehab", "labs",
        // Units as staff write them: "new grads starting on Med-Surg, ICU, L&D and Peds".
        "peds", "tele", "onc", "neuro", "psych", "derm", "cardio", "med-surg", "medsurg", "postpartum",
        "equipo", "edificio", "sala", "piso", "clínica", "clinica", "hospital",
        // Health insurers and programmes, listed in "we take Aetna, Cigna, BCBS and UnitedHealthcare".
        "aetna", "cigna", "humana", "medicare", "medicaid", "tricare", "anthem", "bcbs", "unitedhealthcare", "kaiser",
        "molina", "centene", "ambetter", "wellcare", "highmark", "optum", "chip",
        // Patient-services departments: "Patient Relations", "Atención al Paciente".
        "patient", "patients", "paciente", "pacientes", "atención", "atencion",
        // Care organisations by their kind: "Evening Star Hospice", "Pine County Public Health".
        "hospice", "healthcare", "medical", "dermatology", "urology", "neurology", "neuroscience", "counseling", "counselling",
        "fertility", "imaging", "dialysis", "orthopaedics", "ortho", "chiropractic", "optometry", "audiology", "physiotherapy",
    ]

    /// Whether a handle's body (without the @) starts with a listed first name of three letters or
    /// more that is no common word: its first piece by separators, digits or camel case.
    func opensWithFirstName(_ body: String) -> Bool {
        var piece = ""
        for char in body {
            if char.isLetter, !(char.isUppercase && !piece.isEmpty && piece.last!.isLowercase) { piece.append(char) } else { break }
        }
        let key = piece.lowercased().folding(options: .diacriticInsensitive, locale: nil)
        return key.count >= 3 && lists.firstNames.contains(key) && !lists.commonWords.contains(key)
    }

    /// Parts of an account name that make it an institution's or a team's (read inside the handle,
    /// since handles run words together).
    static let institutionParts = [
        "health", "hospital", "clinic", "care", "med", "nurs", "pharm", "dental", "crew", "team", "staff", "shift",
        "center", "centre", "news", "official", "info", "help", "support", "club", "school", "college", "univ",
    ]

    /// Whether a lower-cased handle holds one of `institutionParts`. An ASCII handle (as the
    /// tagger's are) is searched by bytes: Foundation's `contains` on every handle the tagger
    /// found was 3% of an audit of social posts.
    static func namesInstitution(_ handle: String) -> Bool {
        guard handle.utf8.allSatisfy({ $0 < 0x80 }) else { return institutionParts.contains(where: { handle.contains($0) }) }
        let bytes = Array(handle.utf8)
        return institutionPartBytes.contains { part in
            bytes.count >= part.count && (0...(bytes.count - part.count)).contains { i in bytes[i..<(i + part.count)].elementsEqual(part) }
        }
    }
    static let institutionPartBytes = institutionParts.map { Array($0.utf8) }

    /// The first word of a sentence, or of a clause after a dash ("Ça va — Gowns still required"):
    /// capitalised as the sentence's, not as a name's.
    private func startsSentence(_ tokens: [Token], _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = tokens[index].range.start
        var i = start - 1
        while i >= 0, NameDetector.isSpace(bytes[i]) { i -= 1 }
        if i < 0 || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?")
            || bytes[i] == UInt8(ascii: ":") || bytes[i] == 0x0A { return true }
        // Spanish opens a question or an exclamation with ¿ or ¡ (C2 BF, C2 A1): "¡Traiga a toda la familia!".
        if i >= 1, bytes[i - 1] == 0xC2, bytes[i] == 0xBF || bytes[i] == 0xA1 { return true }
        // An em or en dash (E2 80 94, E2 80 93), or a hyphen standing alone, with a space before the word.
        guard i + 1 < start else { return false }
        if i >= 2, bytes[i - 2] == 0xE2, bytes[i - 1] == 0x80, bytes[i] == 0x94 || bytes[i] == 0x93 { return true }
        return bytes[i] == UInt8(ascii: "-") && (i == 0 || NameDetector.isSpace(bytes[i - 1]))
    }

    /// Words that make a capitalised phrase a place or an institution, not a person.
    package static let placeWords: Set<String> = [
        "high", "school", "street", "st", "avenue", "ave", "road", "rd", "garden", "gardens", "valley", "park",
        "hospital", "center", "centre", "clinic", "county", "hall", "library", "university", "college", "state", "square",
        "building", "wing", "plaza", "lake", "river", "hill", "heights", "village", "house", "church", "field",
        // Trails and landmarks a patient story names: "hiked the Bright Angel Trail", "hiked Eldon Ridge".
        "trail", "trails", "ridge", "peak", "canyon", "creek", "falls", "island", "bluff", "gorge", "forest", "harbor",
        "harbour", "pier", "bay", "mountain", "rounds", "law", "regulations", "fountain", "statue", "bridge", "courtyard", "atrium", "overlook", "dam",
        // Churches by their denomination: "St. Ansgar Lutheran", "Grace Baptist".
        "lutheran", "baptist", "methodist", "presbyterian", "episcopal", "catholic", "parish", "cathedral", "chapel",
        "mosque", "synagogue", "temple", "congregation", "fellowship", "ministries", "tabernacle", "assembly",
        "general", "memorial", "medical", "regional", "community", "health", "children's",
        // Funds, foundations, awards and buildings named after people are not those people.
        "foundation", "fund", "trust", "institute", "scholarship", "award", "lecture", "endowment", "pavilion",
        "fundación", "fundacion",
        // Places of worship, shelters, businesses and clubs take a founder's or a saint's name too:
        // "Grace Chapel", "Hope Lodge", "Rosa's Kitchen", "Miller Farm".
        "chapel", "lodge", "temple", "mosque", "synagogue", "cathedral", "parish", "ministries", "ministry",
        "academy", "shelter", "pantry", "kitchen", "market", "bank", "cafe", "café", "bakery", "store", "shop",
        "pharmacy", "manor", "estates", "apartments", "towers", "tower", "court", "terrace", "commons", "arena",
        "stadium", "theater", "theatre", "museum", "gallery", "station", "farm", "ranch", "inn", "hotel",
        "fieldhouse", "gym", "gymnasium", "rink", "natatorium", "ballpark", "playhouse",
        "grill", "restaurant", "club", "society", "league", "association", "council", "alliance", "network",
        "coalition", "services", "company", "inc", "llc", "mission",
        // Practices by their specialty: "Ostrander Family Dental", "Kim Orthodontics", "Ruiz Pediatrics".
        "dental", "dentistry", "orthodontics", "endodontics", "periodontics", "pediatrics", "dermatology", "optometry",
        "chiropractic", "podiatry", "audiology", "physiotherapy", "eyecare", "counseling", "counselling", "neurology",
        "cardiology", "orthopedics", "urology", "oncology", "radiology", "wellness",
        "iglesia", "capilla", "parroquia", "escuela", "colegio",
        // Schools by level: "Lincoln Elementary", "Riverside Middle".
        "elementary", "middle", "primary", "intermediate",
        // Insurers and their products: "most Aetna plans", "Humana coverage".
        "plan", "plans", "insurance", "coverage", "network",
        // A town's services: "Wrenfield Fire and PD", "Kerns County EMS".
        "fire", "police", "pd", "ems", "rescue", "sheriff", "dept", "department", "township", "borough",
        // The land a town or a landmark is named after, and a town's services: "Hollis Bend", "Miller
        // Pond", "Tamsett Transit", "Hollis Bend Volunteer Ambulance".
        "bend", "pond", "meadows", "prairie", "transit", "ambulance",
        // Small towns and their venues by the word that ends their names: "Ferris Mill", "Pike Hollow", "Harmon Lanes".
        "mill", "mills", "hollow", "crossing", "junction", "springs", "grove", "flats", "landing", "corners", "lanes", "bowl",
    ]
    /// Nouns that head an institution's "X of Y" name.
    static let ofInstitutionHeads: Set<String> = [
        "mission", "missions", "sisters", "brothers", "order", "knights", "daughters", "society", "department", "university",
        "college", "school", "church", "house", "city", "county", "bank", "museum", "hospital", "friends", "league",
    ]
    /// Words of a journey before "to" and a place: "drives to Corliss", "airlifted to".
    static let journeyWords: Set<String> = [
        "drive", "drives", "drove", "driving", "trip", "trips", "ride", "rides", "flight", "flights", "flew", "flown", "fly",
        "moved", "move", "moving", "commute", "commutes", "airlifted", "transferred", "transfer", "transported", "headed",
        "heading", "road", "way", "miles", "minutes", "hours",
    ]
    /// Prepositions before a single capitalised word that make it a place ("in Quincy", "from Lowell").
    static let placePrepositions: Set<String> = ["in", "at", "from", "near", "to", "en", "de", "desde", "visiting", "downtown"]

    /// Words before a name that make it a saint's, and so a church's, a hospital's or a town's:
    /// "St. Luke's", "Saint Joseph", "San Rafael".
    static let saintWords: Set<String> = ["st", "saint", "ste", "sainte", "san", "santa", "santo", "são",
                                          // And the words that open a place's name: "Mount Tamsen", "Fort Calder", "Lake Orrin".
                                          "mount", "mt", "fort", "lake", "cape", "camp", "port",
                                          // In Spanish the kind of place comes first: "Parque Hidalgo", "Colonia
                                          // Juárez", "Calle Morelos", "Cerro Gordo" (not "Río", a given name too).
                                          "parque", "plaza", "calle", "avenida", "colonia", "rancho", "puerto", "cerro",
                                          "lago", "playa", "valle", "lomas", "arroyo", "barrio", "isla", "bahía", "paseo", "fraccionamiento"]

    /// Words that close an event's hashtag after the name it is named for: "#KarenWalk", "#HollyBall".
    static let eventTagWords: Set<String> = ["day", "days", "walk", "run", "gala", "ball", "week", "month", "challenge",
                                             "classic", "cup", "games", "fest", "festival", "drive", "night", "awards", "prize"]

    /// Place words after two places joined: "Harlan and Wells townships", "Kerns and Tulare counties".
    static let pluralPlaceWords: Set<String> = ["townships", "counties", "parishes", "towns", "cities", "villages", "boroughs", "streets", "parks", "lakes", "schools", "hospitals"]

    /// Words that open an institution's name in Spanish, French or Portuguese word order: "Farmacia
    /// San Judas", "Clínica San Telmo", "Hôpital Sainte-Justine".
    static let facilityOpeners: Set<String> = [
        "farmacia", "clínica", "clinica", "hospital", "centro", "consultorio", "laboratorio", "residencia", "sanatorio",
        "policlínica", "policlinica", "colegio", "escuela", "iglesia", "parroquia", "fundación", "fundacion", "hôpital",
        "hopital", "clinique", "pharmacie", "école", "ecole", "centre", "farmácia", "escola", "igreja", "masjid",
        // Haitian Creole, Vietnamese, Tagalog: "Legliz Batis Betèl", "Chùa Phước Huệ", "Simbahan ng San Roque".
        "legliz", "lopital", "klinik", "lekòl", "chùa", "simbahan", "ospital",
    ]

    /// Compass words that open a place's name: "North Hollis", "East Millbrook", "Northwest Dunmore".
    static let compassWords: Set<String> = ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                            "upper", "lower", "norte", "sur", "oeste"]

    private func isPlace(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        if NameDetector.facilityOpeners.contains(tokens[start].key), tokens[start].isCapitalised { return true }
        // "QuickCare North Hollis & Millbrook": a capitalised compass word before the run, with no
        // title before it ("Mrs. West Hollis" stays a person).
        if start > 0, tokens[start - 1].joinedToNext, tokens[start - 1].isCapitalised, !tokens[start - 1].isAllCaps,
           NameDetector.compassWords.contains(tokens[start - 1].key),
           !(start > 1 && tokens[start - 2].joinedToNext && NameDetector.honorifics.contains(tokens[start - 2].key)) { return true }
        // The same with the compass word inside the run ("North" is a surname too): "North Hollis".
        if start < end, tokens[start].isCapitalised, !tokens[start].isAllCaps, NameDetector.compassWords.contains(tokens[start].key),
           !(start > 0 && tokens[start - 1].joinedToNext && NameDetector.honorifics.contains(tokens[start - 1].key)) { return true }
        // The second half of an institution's "X of Y": "Mission of Mercy", "Sisters of Charity".
        if start >= 2, tokens[start - 1].key == "of", tokens[start - 2].isCapitalised,
           NameDetector.ofInstitutionHeads.contains(tokens[start - 2].key) { return true }
        // "la parroquia Santa María", "la escuela Benito Juárez": in Spanish the institution's noun is
        // written in lower case before its name.
        if start > 0, tokens[start - 1].joinedToNext,
           NameDetector.facilityOpeners.contains(tokens[start - 1].key) { return true }
        // "Santa Elena", "San José", "Fort Calder": a saint's or a landmark's word opening the phrase
        // names a place (the tagger may take the opening word alone: "Santa" before "Elena").
        if NameDetector.saintWords.contains(tokens[start].key), tokens[start].isCapitalised,
           start < end || (end + 1 < tokens.count && tokens[end].joinedToNext && tokens[end + 1].isCapitalised) { return true }
        if start > 0, NameDetector.saintWords.contains(tokens[start - 1].key),
           tokens[start].range.start - tokens[start - 1].range.end <= 2 { return true }
        if end + 1 < tokens.count, tokens[end].joinedToNext, NameDetector.placeWords.contains(tokens[end + 1].key) { return true }
        // "the Marquez Family Foundation": a family's name on an institution.
        if end + 2 < tokens.count, tokens[end].joinedToNext, tokens[end + 1].joinedToNext,
           NameDetector.familyWords.contains(tokens[end + 1].key), NameDetector.placeWords.contains(tokens[end + 2].key) { return true }
        if start < end, NameDetector.placeWords.contains(tokens[end].key), !isPersonWithPlaceSurname(tokens, start, end) { return true }
        // "Harlan and Wells townships": places joined before a plural place word.
        if end + 3 < tokens.count, tokens[end].joinedToNext, ["and", "&", "or"].contains(tokens[end + 1].key), tokens[end + 1].joinedToNext,
           tokens[end + 2].isCapitalised, tokens[end + 2].joinedToNext, NameDetector.pluralPlaceWords.contains(tokens[end + 3].key) { return true }
        if start >= 2, ["and", "&", "or"].contains(tokens[start - 1].key), tokens[start - 1].joinedToNext, tokens[start - 2].joinedToNext,
           tokens[start - 2].isCapitalised, end + 1 < tokens.count, tokens[end].joinedToNext,
           NameDetector.pluralPlaceWords.contains(tokens[end + 1].key) { return true }
        // One word closing an institution's capitalised name: "the Women's Health Van", "Community
        // Express" — a van, not Mr. Van.
        if start == end, start > 0, tokens[start - 1].joinedToNext, tokens[start - 1].isCapitalised,
           NameDetector.placeWords.contains(tokens[start - 1].key) { return true }
        return false
    }

    /// Whether the capitalised run opening at `start` stands where only a place is written: a
    /// subreddit ("r/Millbrook"); the next item of a list of places a preposition opened ("in
    /// Millbrook & Danforth", "from Alder Falls, Pike Hollow or Wren"); after an institution's name
    /// and a comma, closing its line or sentence ("Harlan Valley Medical Center, Millbrook.").
    /// The caller has checked that the run holds no listed first name.
    private func placeByPosition(_ tokens: [Token], _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start > 0 else { return false }
        let gap = PlaceDetector.gap(bytes, tokens[start - 1].range.end, tokens[start].range.start)
        if tokens[start - 1].key == "r", gap == "/" { return true }
        // A list opened by the places it names: "at all clinics: Millbrook, Oakridge and Cedar Falls".
        if gap == ": " || gap == ":", NameDetector.placeListNouns.contains(tokens[start - 1].key) { return true }
        // The run before this one, across a list's joint.
        var end = start - 1
        if ["and", "or", "y", "o"].contains(tokens[end].key), tokens[end].joinedToNext, end > 0,
           tokens[end - 1].joinedToNext || PlaceDetector.gap(bytes, tokens[end - 1].range.end, tokens[end].range.start) == ", " {
            end -= 1
        } else if gap != " & " && gap != ", " {
            return false
        }
        guard tokens[end].isCapitalised else { return false }
        var first = end
        while first > 0, tokens[first - 1].joinedToNext, tokens[first - 1].isCapitalised { first -= 1 }
        // An institution's name, then the town: closing a line or a sentence.
        if gap == ", ", NameDetector.placeWords.contains(tokens[end].key) {
            var last = start
            while last + 1 < tokens.count, tokens[last].joinedToNext, tokens[last + 1].isCapitalised { last += 1 }
            let after = tokens[last].range.end
            if after == bytes.count || [UInt8(ascii: "."), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";")].contains(bytes[after]) { return true }
        }
        // A list of places: the run before is one, opened by a place preposition (or itself
        // continuing such a list), and holds no first name.
        guard !tokens[first...end].contains(where: isFirst) else { return false }
        if first > 0, tokens[first - 1].joinedToNext, NameDetector.placePrepositions.contains(tokens[first - 1].key),
           tokens[first - 1].key != "to" || isJourneyTo(tokens, first - 1) { return true }
        // After a run that is a place by its own form: "the back roads of Wren Hollow and Saddleback".
        if end > first, NameDetector.placeWords.contains(tokens[end].key) { return true }
        return first > 0 && placeByPosition(tokens, first, bytes)
    }

    /// Capitalised words that their surroundings make a place or a thing: a list of sites named by
    /// their towns ("our Corliss and Eastmere clinics", "in the Corliss and Bramwell areas"); a
    /// vehicle named by its colour or its work ("the Blue Van" a mobile clinic runs; not "Van
    /// Nguyen": a lone vehicle noun after a capitalised everyday word); a Spanish institution's name
    /// running on across "de" ("Iglesia Fuente de Vida", "Centro Comunitario de Esperanza").
    private func namesPlaceOrThing(_ tokens: [Token], _ first: Int, _ last: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if inSiteList(tokens, first, last, bytes) { return true }
        if first == last, NameDetector.vehicleNouns.contains(tokens[first].key), first > 0, tokens[first - 1].joinedToNext,
           tokens[first - 1].isCapitalised, !isFirst(tokens[first - 1]), lists.vocabulary.contains(tokens[first - 1].key) { return true }
        if first >= 2, ["de", "del"].contains(tokens[first - 1].key), tokens[first - 1].joinedToNext, tokens[first - 2].joinedToNext,
           tokens[first - 2].isCapitalised {
            var head = first - 2
            while head > 0, tokens[head - 1].joinedToNext, tokens[head - 1].isCapitalised { head -= 1 }
            return NameDetector.spanishInstitutionHeads.contains(tokens[head].folded) || NameDetector.spanishInstitutionHeads.contains(tokens[head].key)
        }
        return false
    }

    /// Whether the "to" at `to` ends a journey: "drives to Corliss", "airlifted to", or from a
    /// place of ours to another ("delivery from the CVH Outpatient Pharmacy to Corliss").
    private func isJourneyTo(_ tokens: [Token], _ to: Int) -> Bool {
        guard to >= 1, tokens[to].key == "to", tokens[to - 1].joinedToNext else { return false }
        if NameDetector.journeyWords.contains(tokens[to - 1].key) { return true }
        return NameDetector.facilityNouns.contains(tokens[to - 1].key) && tokens[max(0, to - 8)..<(to - 1)].contains { $0.key == "from" }
    }

    /// Whether the run `first...last` is one of a list of towns that ends in a plural site noun:
    /// "our Corliss and Eastmere clinics", "the Corliss and Bramwell areas", "Millbrook, Oakridge &
    /// Alder Falls offices". A list's joint must stand before or after the run.
    private func inSiteList(_ tokens: [Token], _ first: Int, _ last: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Asked of every name found: a set lookup per word first, the gaps' text only where a site noun follows.
        guard tokens[min(tokens.count, last + 1)..<min(tokens.count, last + 11)].contains(where: { NameDetector.siteNouns.contains($0.key) }) else { return false }
        var crossed = first > 0 && (["and", "or", "y", "&"].contains(tokens[first - 1].key)
            || PlaceDetector.gap(bytes, tokens[first - 1].range.end, tokens[first].range.start) == ", " && tokens[first - 1].isCapitalised)
        var index = last + 1
        while index < tokens.count, index - last <= 10 {
            let gap = PlaceDetector.gap(bytes, tokens[index - 1].range.end, tokens[index].range.start)
            guard gap == " " || gap == ", " || gap == " & " else { return false }
            if gap != " " { crossed = true }
            let token = tokens[index]
            if NameDetector.siteNouns.contains(token.key) { return crossed }
            if ["and", "or", "y", "&"].contains(token.key) { crossed = true } else if !token.isCapitalised { return false }
            index += 1
        }
        return false
    }
    /// Plural nouns for an organisation's sites or a region's parts, after a list of town names.
    static let siteNouns: Set<String> = [
        "clinics", "offices", "locations", "sites", "campuses", "branches", "areas", "regions", "counties", "pharmacies",
        "hospitals", "centers", "centres", "labs", "practices", "communities", "neighborhoods", "neighbourhoods", "schools", "stores",
    ]
    /// Vehicles a service names ("the Blue Van", "the Care Bus").
    static let vehicleNouns: Set<String> = ["van", "bus", "truck", "wagon", "shuttle", "rv"]
    /// Spanish nouns that open an institution's name: "Iglesia Fuente de Vida".
    static let spanishInstitutionHeads: Set<String> = [
        "iglesia", "clínica", "clinica", "hospital", "centro", "casa", "parroquia", "escuela", "colegio", "universidad", "fundación",
        "fundacion", "asociación", "asociacion", "misión", "mision", "ministerio", "templo", "capilla", "comunidad", "instituto", "farmacia",
    ]

    /// Plural nouns for the places of an organisation, before a colon and the list of them.
    static let placeListNouns: Set<String> = [
        "clinics", "locations", "sites", "offices", "branches", "campuses", "towns", "communities", "counties", "stops",
        "pharmacies", "centers", "centres", "hospitals", "practices", "cities", "neighborhoods", "neighbourhoods", "sedes", "clínicas",
    ]

    /// "Tom Hill", "Grace Park": a first name and a surname that is also a place word name a
    /// person, unless a preposition or an article puts them on the map ("at Grace Park", "the
    /// Grace Park fields") or another capitalised word continues the place ("Grace Park Road").
    private func isPersonWithPlaceSurname(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        guard end == start + 1, isFirst(tokens[start]), isSurname(tokens[end]) else { return false }
        if end + 1 < tokens.count, tokens[end].joinedToNext, tokens[end + 1].isCapitalised { return false }
        if start > 0, tokens[start - 1].joinedToNext || tokens[start - 1].range.end + 1 == tokens[start].range.start,
           NameDetector.honorifics.contains(tokens[start - 1].key) { return true }
        // A first name that is also a word ("Grace", "Hope") needs a person's verb after it.
        if isCommon(tokens[start]), !(end + 1 < tokens.count && tokens[end].joinedToNext
            && ["was", "is", "has", "had", "who", "said", "says", "told"].contains(tokens[end + 1].key)) { return false }
        // "her Oskar Falls classroom", "our Cedar Falls team": after a possessive word, a run that
        // qualifies the lower-case noun after it names a place ("thanks to our Lisa Hall" and "our
        // Lisa Hall is retiring" stay people).
        if start > 0, tokens[start - 1].joinedToNext, ["my", "your", "his", "her", "our", "their"].contains(tokens[start - 1].key),
           NameDetector.qualifiesNextWord(end, in: tokens) { return false }
        if start > 0, tokens[start - 1].joinedToNext,
           NameDetector.placePrepositions.contains(tokens[start - 1].key) || ["the", "visit", "on", "by", "into", "through", "around", "past"].contains(tokens[start - 1].key)
            // Verbs that take a place: "hiked Eldon Ridge", "summited Mount...".
            || ["hiked", "climbed", "summited", "toured", "crossed", "reached", "explored", "walked", "biked", "kayaked", "paddled", "fished", "skied"].contains(tokens[start - 1].key) { return false }
        if end + 1 < tokens.count, tokens[end].joinedToNext, tokens[end + 1].isCapitalised { return false }
        return true
    }

    /// Whether the token at `index` stands before a lower-case word it qualifies, as a noun's
    /// modifier does ("ED charge nurse", "Oskar Falls classroom"): the next word is joined to it,
    /// in lower case, and no verb or function word that starts a clause ("JT, who", "Lisa Hall is").
    static func qualifiesNextWord(_ index: Int, in tokens: [Token]) -> Bool {
        guard index + 1 < tokens.count, tokens[index].joinedToNext else { return false }
        let next = tokens[index + 1]
        return !next.isCapitalised && !next.isAllCaps && !next.isInitial && next.key.count > 2 && !clauseWords.contains(next.key)
    }
    /// Words that start a clause or a phrase after a name rather than a noun it qualifies.
    static let clauseWords: Set<String> = [
        "is", "was", "has", "had", "have", "are", "were", "will", "would", "can", "could", "who", "whose", "said", "says", "told",
        "and", "or", "but", "for", "to", "on", "in", "at", "with", "from", "just", "joins", "joined", "retires", "retired", "did",
        "does", "got", "gets", "the", "our", "her", "his", "their", "you", "your", "also", "now", "today", "tonight", "here", "there",
    ]
    /// The cues that end in a preposition ("congratulations to", "prayers for"): after them a unit's
    /// acronym is as likely as a person.
    static let cuePrepositions: Set<String> = ["to", "for", "of", "from", "a", "de"]

    /// A thing with an article, not a person: a lower-case phrase after "a"/"an" ("give a teddy bear
    /// an IV": no one writes a person's name with an indefinite article), or a place and a letter
    /// after "the" ("the Ashford Y.": the Y, the U), not a surname and an initial.
    private func namesThing(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        guard start > 0, tokens[start - 1].joinedToNext else { return false }
        let words = tokens[start...end]
        if ["a", "an"].contains(tokens[start - 1].key), words.allSatisfy({ !$0.isCapitalised && !$0.isAllCaps }),
           lists.vocabulary.contains(tokens[end].key), !isFirst(tokens[end]) { return true }
        return tokens[start - 1].key == "the" && end == start + 1 && tokens[end].isInitial && !isFirst(tokens[start])
    }

    /// A medical eponym, not a person: "Wilson's disease", "Barrett's esophagus", "Bell palsy".
    private func isEponym(_ tokens: [Token], _ end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard end + 1 < tokens.count else { return false }
        let gap = PlaceDetector.gap(bytes, tokens[end].range.end, tokens[end + 1].range.start)
        if PlaceDetector.eponymHeads.contains(tokens[end + 1].key) { return gap == " " || gap == "'s " || gap == "’s " }
        // "Tommy John surgery", "Braxton Hicks contractions", "a Foley catheter": named after
        // someone only when written straight before the word; "Kai's surgery" is Kai's.
        return gap == " " && NameDetector.eponymousCare.contains(tokens[end + 1].key)
    }
    /// "raised at the Holly Ball", "the Amy Lane Classic": a name after "the" that ends in an
    /// event's noun is the event.
    private func namesEvent(_ tokens: [Token], _ first: Int, _ last: Int) -> Bool {
        first > 0 && last > first && tokens[first - 1].key == "the" && NameDetector.eventNouns.contains(tokens[last].key)
    }
    /// "named the state's Rural Nurse of the Year", "Volunteer of the Month": capitalised words
    /// before "of the year" are an award's title, not a person.
    private func namesAward(_ tokens: [Token], _ last: Int) -> Bool {
        last + 3 < tokens.count && tokens[last].joinedToNext && tokens[last + 1].key == "of" && tokens[last + 1].joinedToNext
            && tokens[last + 2].key == "the" && tokens[last + 2].joinedToNext && NameDetector.awardPeriods.contains(tokens[last + 3].key)
    }
    static let awardPeriods: Set<String> = ["year", "month", "week", "quarter", "decade"]
    static let eventNouns: Set<String> = ["ball", "gala", "classic", "festival", "fair", "tournament", "run", "walk", "cup", "open", "invitational", "memorial", "lecture", "award", "games", "rounds"]

    /// Whether the capitalised words after the mention ending at `last` run on into an institution's
    /// noun (capitalised, or the lower-case noun right after them: "the Ridgeway Neuroscience team").
    private func opensInstitutionName(_ tokens: [Token], _ last: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Joined by spaces, or by a possessive inside the name ("Ruiz Children's Asthma Fund").
        func joined(_ i: Int) -> Bool {
            tokens[i].joinedToNext || PlaceDetector.gap(bytes, tokens[i].range.end, tokens[i + 1].range.start).allSatisfy { " 's’".contains($0) }
        }
        var index = last + 1
        // "the Margaret and James Whitfield Foundation": a couple's names joined before the noun.
        while index < tokens.count, index <= last + 7, joined(index - 1), tokens[index].isCapitalised || ["and", "&"].contains(tokens[index].key) && index + 1 < tokens.count && tokens[index + 1].isCapitalised {
            if NameDetector.institutionNouns.contains(tokens[index].key) { return true }
            index += 1
        }
        return index > last + 1 && index < tokens.count && joined(index - 1) && NameDetector.institutionNouns.contains(tokens[index].key)
    }
    static let institutionNouns: Set<String> = [
        "fund", "foundation", "classic", "tournament", "scholarship", "award", "awards", "memorial", "center", "centre", "clinic",
        "hospital", "team", "page", "group", "institute", "hall", "wing", "pavilion", "school", "academy", "library", "society",
        "association", "club", "league", "program", "programme", "project", "initiative", "lecture", "lectureship", "endowment",
        "trust", "campus", "building", "5k", "10k", "run", "walk", "gala", "invitational", "cup", "prize", "fellowship", "chair",
        // Units and practices named after people: "the Lucia and Tomas Ferreira Pediatric Critical Care Unit".
        "unit", "dental", "dentistry", "orthodontics", "pediatrics", "dermatology", "optometry", "chiropractic", "day",
        // Laws and teaching formats named after people: "Rory's Regulations", "Schwartz Rounds".
        "law", "laws", "act", "regulations", "rule", "rounds",
    ]
    /// Plural nouns for the people of a place: after a capitalised phrase they make it a place.
    /// A language, or a Spanish phrase, read as a name: a language is no one's name without a first
    /// name beside it ("Bilingual English and Igbo staff", "Hablamos Tagalog"); "Ola de calor", "Golpe
    /// de calor" are phrases (a name's "de" comes before a capitalised word: "María de la Cruz").
    private func isLanguageOrPhrase(_ tokens: [Token], _ first: Int, _ last: Int) -> Bool {
        let words = tokens[first...last]
        // "Tagalog-speaking staff": a language before a hyphen too.
        if words.contains(where: { NameDetector.languages.contains($0.key) || NameDetector.languages.contains(String($0.key.split(separator: "-").first ?? "")) }),
           !words.contains(where: isFirst) { return true }
        return first == last && last + 2 < tokens.count && tokens[last].joinedToNext && ["de", "del"].contains(tokens[last + 1].key)
            && tokens[last + 1].joinedToNext && !tokens[last + 2].isCapitalised && !tokens[last + 2].isAllCaps
            && !["la", "las", "los", "el"].contains(tokens[last + 2].key) && lists.vocabulary.contains(tokens[last + 2].key)
    }

    /// Languages a clinic offers care in (the U.S. Census's most spoken at home, and sign language).
    static let languages: Set<String> = [
        "english", "spanish", "chinese", "mandarin", "cantonese", "tagalog", "filipino", "vietnamese", "arabic", "french", "korean", "russian",
        "german", "creole", "hindi", "portuguese", "polish", "urdu", "japanese", "persian", "farsi", "dari", "pashto", "gujarati", "bengali",
        "punjabi", "italian", "somali", "amharic", "tigrinya", "igbo", "yoruba", "hmong", "navajo", "asl", "swahili", "nepali", "burmese",
        "karen", "ukrainian", "haitian", "español", "inglés", "ingles", "portugués", "k'iche'", "mam", "quechua",
        // As their speakers write them: "Nou pale Kreyòl", "Af-Soomaali", "tiếng Việt".
        "kreyòl", "kreyol", "soomaali", "af-soomaali", "français", "arabe", "tiếng", "wikang", "português", "русский",
    ]
    /// An organisation's sites, after a place's name: "our Harmon lab", "the Eastgate location".
    static let facilityNouns: Set<String> = ["lab", "labs", "clinic", "campus", "location", "office", "station", "branch", "site", "pharmacy",
                                             "walk-in", "hospital", "center", "centre", "er", "ed", "ward", "unit", "facility", "clínica"]
    static let communityNouns: Set<String> = ["residents", "families", "neighbors", "neighbours", "voters", "homeowners", "renters", "seniors", "businesses", "taxpayers", "commuters", "vecinos", "residentes"]
    /// Care named after a person, read as an eponym only without a possessive (see `isEponym`).
    static let eponymousCare: Set<String> = ["surgery", "contractions", "catheter", "technique", "protocol", "splint", "stockings"]

    private func isFirst(_ t: Token) -> Bool { t.lists & NameLists.first != 0 }
    private func isSurname(_ t: Token) -> Bool { t.lists & NameLists.surname != 0 }
    private func isCommon(_ t: Token) -> Bool { t.lists & NameLists.common != 0 }

    /// A token's `lists`, asked once when it is made.
    private func listBits(key: String, folded: String) -> UInt8 {
        var bits = lists.bits(key)
        if folded != key { bits |= lists.bits(folded) }
        // Hyphenated first names: "Anne-Marie", "Jean-Luc" when each part is a first name.
        if bits & NameLists.first == 0, folded.utf8.contains(0x2D) {
            let parts = folded.split(separator: "-")
            if parts.count > 1, parts.allSatisfy({ lists.bits(String($0)) & NameLists.first != 0 }) { bits |= NameLists.first }
        }
        // Hyphenated surnames: "Lopez-Garcia" when each part is a surname.
        if bits & NameLists.surname == 0, folded.utf8.contains(0x2D) {
            let parts = folded.split(separator: "-")
            if parts.count > 1, parts.allSatisfy({ lists.bits(String($0)) & NameLists.surname != 0 }) { bits |= NameLists.surname }
        }
        return bits
    }
    private func looksLikeName(_ t: Token) -> Bool { (t.isCapitalised || t.isAllCaps) && !NameDetector.notNames.contains(t.key) }

    /// The name starting at `index`: (last token index, first token index of the name).
    private func match(_ tokens: [Token], at index: Int, named: [Bool], bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        let token = tokens[index]
        // "I'm Carlos": the writer's pronoun starts no name (the name after it is found on its own).
        if NameDetector.firstPersonTokens.contains(token.key) { return nil }
        // "the Delgado twins", "the Nguyen family": a capitalised word before a family word.
        if looksLikeName(token), !isCommon(token) || isSurname(token), token.joinedToNext, index + 1 < tokens.count,
           NameDetector.familyWords.contains(tokens[index + 1].key), index > 0, tokens[index - 1].key == "the",
           // "the Marquez Family Foundation" is an institution named after a family.
           !(index + 2 < tokens.count && tokens[index + 1].joinedToNext && NameDetector.placeWords.contains(tokens[index + 2].key)) {
            return (index, index)
        }
        // A wristband or chart label: "ANDERSON, PAUL", and with the first name's initial, "MERCER, J".
        if token.isAllCaps, isSurname(token), index + 1 < tokens.count,
           (tokens[index + 1].isAllCaps && isFirst(tokens[index + 1]))
               || (tokens[index + 1].key.count == 1 && tokens[index + 1].isCapitalised && !token.joinedToNext),
           (1...3).contains(tokens[index + 1].range.start - token.range.end),
           // Only a comma and spaces part them: "BEE8-4C" in a code is no wristband.
           bytes[token.range.end..<tokens[index + 1].range.start].allSatisfy({ $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: " ") }) {
            return (index + 1, index)
        }
        // "Tom and Priya Shah": a capitalised word joined to a name just found by "and".
        if index >= 2, named[index - 2], ["and", "y", "&", "or", "e"].contains(tokens[index - 1].key), tokens[index - 1].joinedToNext,
           tokens[index - 2].joinedToNext, token.isCapitalised, !isCommon(token) || isFirst(token),
           !NameDetector.honorifics.contains(token.key), !NameDetector.notNames.contains(token.key) {
            return (extend(tokens, from: index, loose: true), index)
        }
        // "little Zuri", "sweet Ines": an endearment in lower case before a capitalised word that is
        // no everyday one names a baby or a child ("Little Rock" and "Little League" are capitalised).
        if ["little", "sweet", "baby"].contains(token.key), !token.isCapitalised, !token.isAllCaps, token.joinedToNext, index + 1 < tokens.count,
           tokens[index + 1].isCapitalised, !isCommon(tokens[index + 1]) || isFirst(tokens[index + 1]),
           !NameDetector.notNames.contains(tokens[index + 1].key), !NameDetector.calendarWords.contains(tokens[index + 1].key) {
            return (extend(tokens, from: index + 1, loose: true), index + 1)
        }
        // Honorific or cue, then capitalised words: the name starts after the cue ("Don Julio"). In
        // lower case "miss" is the verb ("he's gonna miss Tuesday ortho visits").
        if NameDetector.honorifics.contains(token.key), token.joinedToNext, index + 1 < tokens.count, looksLikeName(tokens[index + 1]),
           token.key != "miss" || token.isCapitalised || token.isAllCaps {
            return (extend(tokens, from: index + 1, loose: true), index + 1)
        }
        for cue in NameDetector.cuesByFirstWord[token.key] ?? [] where cue.count <= tokens.count - index {
            let matched = cue.indices.allSatisfy { tokens[index + $0].key == cue[$0] && (tokens[index + $0].joinedToNext) }
            let next = index + cue.count
            guard matched, next < tokens.count, !NameDetector.notNames.contains(tokens[next].key),
                  !NameDetector.calendarWords.contains(tokens[next].key) else { continue }
            let candidate = tokens[next]
            // "Patient Story: Walter's Road Back": an everyday word heading a title is no name.
            if isCommon(candidate), !isFirst(candidate), candidate.range.end < bytes.count,
               [UInt8(ascii: ":"), UInt8(ascii: "|")].contains(bytes[candidate.range.end]) { continue }
            // "named Leader of the Year", "Employee of the Month": a title, not a name.
            if next + 1 < tokens.count, candidate.joinedToNext, tokens[next + 1].key == "of", !isFirst(candidate) { continue }
            // "Congratulations to ED charge nurse ...", "thanks to ICU staff": after a cue that
            // ends in a preposition, a lone acronym in capitals that qualifies the lower-case word
            // after it is a unit or a service, as everywhere else in this detector. A shouted name
            // the lists know ("THANKS TO IDRIS"), initials a clause follows ("Prayers for JT, who
            // had surgery", "thanks to JT for the ride") and a greeting's ("hey GT") stay names.
            if let last = cue.last, NameDetector.cuePrepositions.contains(last), candidate.isAllCaps, candidate.key.count <= 5,
               NameDetector.qualifiesNextWord(next, in: tokens),
               !isShoutedName(candidate) || !isShouting(tokens, around: next) { continue }
            if looksLikeName(candidate), !isCommon(candidate) || isFirst(candidate) || isSurname(candidate) {
                return (extend(tokens, from: next, loose: true), next)
            }
            // After a greeting, a first name in lower case too ("hi danny").
            if !candidate.isCapitalised, !candidate.isAllCaps, isFirst(candidate), !isCommon(candidate) {
                return (next, next)
            }
        }
        // "Smith J.": a surname that is no everyday word and the first name's initial, as a chart
        // or a clinical query writes a patient.
        if token.isCapitalised, isSurname(token), !isCommon(token), token.joinedToNext, index + 1 < tokens.count,
           tokens[index + 1].isInitial, !NameDetector.placeWords.contains(token.key) {
            return (index + 1, index)
        }
        // "J. Alvarez": an initial and a surname.
        if token.isInitial, token.joinedToNext, index + 1 < tokens.count, tokens[index + 1].isCapitalised, isSurname(tokens[index + 1]),
           !isCommon(tokens[index + 1]) {
            return (index + 1, index)
        }
        // "Paco Salinas": a capitalised word no list knows, then a surname that is no everyday word.
        if token.isCapitalised, !isFirst(token), !isCommon(token), !isSurname(token), token.joinedToNext, index + 1 < tokens.count,
           tokens[index + 1].isCapitalised, isSurname(tokens[index + 1]), !isCommon(tokens[index + 1]),
           !NameDetector.placeWords.contains(tokens[index + 1].key) {
            return (extend(tokens, from: index + 1, loose: false), index)
        }
        guard isFirst(token), !token.isInitial, !NameDetector.notNames.contains(token.key) else { return nil }
        let isCalendarWord = NameDetector.calendarWords.contains(token.key)
        let next = index + 1 < tokens.count && token.joinedToNext ? tokens[index + 1] : nil
        // First name + surname or initial, in the same case.
        // A day or month in lower case ("el domingo hay...") is the word, not a name.
        if let next, sameCase(token, next), (next.isInitial && !isCalendarWord) || isSurname(next),
           !(isCalendarWord && !token.isCapitalised && !token.isAllCaps) {
            // In lower case only a pair that is not two everyday words ("will smith", "may brown").
            if token.isCapitalised || token.isAllCaps || !(isCommon(token) && isCommon(next)) {
                return (extend(tokens, from: index + 1, loose: false), index)
            }
        }
        // "June Kettering's home oxygen": a month that is also a first name, before a capitalised
        // word no list or dictionary knows ("June Gala", "May Day" are the month's).
        if isCalendarWord, token.isCapitalised, !token.isAllCaps, let next, next.isCapitalised, !next.isAllCaps, !isCommon(next),
           !isFirst(next), !lists.vocabulary.contains(next.key), !lists.capitalisedWords.contains(next.key),
           !NameDetector.placeWords.contains(next.key), !NameDetector.notNames.contains(next.key), !NameDetector.calendarWords.contains(next.key) {
            return (extend(tokens, from: index + 1, loose: false), index)
        }
        // A capitalised first name that is not an everyday word stands on its own.
        if token.isCapitalised, !token.isAllCaps, !isCommon(token), !isCalendarWord {
            // "in Quincy", "from Lowell": a lone first name after a preposition is usually a town.
            let afterPreposition = index > 0 && tokens[index - 1].joinedToNext
                && NameDetector.placePrepositions.contains(tokens[index - 1].key)
            if afterPreposition { return nil }
            // "Claudette Fairweather": a capitalised word no list or dictionary knows, after a first
            // name, is her surname.
            if let next, next.isCapitalised, !isCommon(next), !isFirst(next), !lists.vocabulary.contains(next.key),
               !lists.capitalisedWords.contains(next.key), !NameDetector.placeWords.contains(next.key),
               !NameDetector.notNames.contains(next.key), !NameDetector.calendarWords.contains(next.key) {
                return (extend(tokens, from: index + 1, loose: false), index)
            }
            return (index, index)
        }
        return nil
    }

    /// Articles and possessives, which follow a verb and not a name.
    static let determiners: Set<String> = ["tu", "tus", "su", "sus", "el", "la", "los", "las", "un", "una", "your", "the", "our", "votre", "vos", "le", "les", "ihre", "ihren"]

    /// Words before a product: what is used, installed or sent through.
    static let toolVerbs: Set<String> = ["use", "using", "install", "installed", "download", "downloaded", "via", "upload", "open", "uninstall"]

    /// Prefixes before a capital inside a person's name: "DeShawn", "LaToya", "McKenzie", "VanBuren".
    static let innerCapitalPrefixes: Set<String> = [
        "de", "da", "la", "le", "di", "du", "mc", "mac", "van", "von", "st", "ja", "ke", "ty", "sha", "ka", "o", "d",
        "ta", "tre", "de'", "al", "el", "ben", "fitz", "ma",
    ]

    private func isBrandCased(_ token: Token) -> Bool {
        guard token.isCapitalised, let inner = token.text.dropFirst().firstIndex(where: \.isUppercase) else { return false }
        let prefix = token.text[..<inner].lowercased()
        guard prefix.count >= 2, prefix.allSatisfy(\.isLetter), !NameDetector.innerCapitalPrefixes.contains(prefix) else { return false }
        return lists.vocabulary.contains(prefix)
    }

    private func sameCase(_ a: Token, _ b: Token) -> Bool {
        if b.isInitial { return a.isCapitalised || a.isAllCaps }
        return (a.isCapitalised && b.isCapitalised) || (a.isAllCaps && b.isAllCaps)
            || (!a.isCapitalised && !a.isAllCaps && !b.isCapitalised && !b.isAllCaps)
    }

    /// Extends a name over following surnames, initials and (when `loose`) capitalised words.
    private func extend(_ tokens: [Token], from start: Int, loose: Bool) -> Int {
        var end = start
        while end + 1 < tokens.count, tokens[end].joinedToNext, end - start < 3 {
            let next = tokens[end + 1]
            let fits = next.isInitial || (isSurname(next) && sameCase(tokens[start], next))
                || (loose && looksLikeName(next) && !isCommon(next)) || (loose && next.isCapitalised && isSurname(next))
            guard fits, !NameDetector.notNames.contains(next.key) else { break }
            end += 1
        }
        return end
    }

    /// Words with their byte ranges. Chunks that are URLs or emails are skipped (other rules own
    /// them); @handles and #hashtags are judged whole here. `utf8` is the text's bytes from
    /// `offset` on (read in place: no copy of the document).
    func tokenize(_ utf8: UnsafeBufferPointer<UInt8>, offset: Int, handles: inout [Hit]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 5 + 1)
        var position = 0
        while position < utf8.count {
            // One whitespace-delimited chunk at a time.
            while position < utf8.count, NameDetector.isSpace(utf8[position]) { position += 1 }
            let chunkStart = position
            var ascii = true
            while position < utf8.count, !NameDetector.isSpace(utf8[position]) { ascii = ascii && utf8[position] < 0x80; position += 1 }
            guard chunkStart < position else { break }
            let bytes = utf8[chunkStart..<position]
            if let hit = redditAccount(utf8, chunkStart, position, offset: offset) {
                handles.append(hit)
                if let last = tokens.indices.last { tokens[last].joinedToNext = false }
                continue
            }
            // Byte tests: Foundation's `contains("://")` on every chunk was 5% of a scan.
            let isLink = bytes.count > 4 && (bytes.starts(with: NameDetector.www) || bytes.starts(with: NameDetector.wwwCapitals))
                || NameDetector.containsSchemeSeparator(bytes) || (bytes.contains(UInt8(ascii: "@")) && bytes.first != UInt8(ascii: "@"))
            if isLink {
                if let last = tokens.indices.last { tokens[last].joinedToNext = false }
                continue
            }
            if bytes.first == UInt8(ascii: "@") || bytes.first == UInt8(ascii: "#") {
                let hit = ascii && readsASCIIByBytes ? asciiHandle(UnsafeBufferPointer(rebasing: bytes), start: offset + chunkStart)
                    : handle(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self), start: offset + chunkStart)
                if let hit { handles.append(hit) }
                if let last = tokens.indices.last { tokens[last].joinedToNext = false }
                continue
            }
            // Words inside the chunk: letters with inner apostrophes and hyphens; a possessive 's
            // is not part of the name.
            let chunkTokenStart = tokens.count
            if ascii, readsASCIIByBytes {
                asciiWords(utf8, chunkStart, position, offset: offset, into: &tokens)
            } else {
                words(bytes, offset: offset + chunkStart, into: &tokens)
            }
            // Words inside one chunk ("J.R.", "Ana/Luis") are not joined; across chunks, only
            // whitespace joins, or the dot of an initial or honorific ("Jamie R. Ortiz", "Dr. Kim").
            if chunkTokenStart > 0, chunkTokenStart < tokens.count {
                let last = chunkTokenStart - 1
                let gap = utf8[(tokens[last].range.end - offset)..<(tokens[chunkTokenStart].range.start - offset)]
                let dotted = tokens[last].isInitial || NameDetector.honorifics.contains(tokens[last].key)
                tokens[last].joinedToNext = gap.allSatisfy { NameDetector.isSpace($0) || (dotted && $0 == UInt8(ascii: ".")) }
                    && !gap.contains(0x0A)
            }
        }
        return tokens
    }

    /// The words of an ASCII chunk `utf8[start..<end]`, read as bytes: what `words` finds, with no
    /// `String` built a scalar at a time, no Unicode property lookups and no array of scalars.
    /// Most chunks of English text are ASCII.
    private func asciiWords(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, offset: Int, into tokens: inout [Token]) {
        @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        var i = start
        while i < end {
            guard isLetter(utf8[i]) else { i += 1; continue }
            let wordStart = i
            while i < end, isLetter(utf8[i]) || ((utf8[i] == 0x2D || utf8[i] == 0x27) && i + 1 < end && isLetter(utf8[i + 1])) { i += 1 }
            var wordEnd = i
            // A possessive 's (the word is longer than it).
            if wordEnd - wordStart > 2, utf8[wordEnd - 1] | 0x20 == 0x73, utf8[wordEnd - 2] == 0x27 { wordEnd -= 2 }
            let word = UnsafeBufferPointer(rebasing: utf8[wordStart..<wordEnd])
            let text = String(decoding: word, as: UTF8.self)
            var hasLower = false, hasUpper = false
            for b in word { if b >= 0x61 && b <= 0x7A { hasLower = true } else if b >= 0x41 && b <= 0x5A { hasUpper = true } }
            let key = hasUpper ? String(unsafeUninitializedCapacity: word.count) { out in
                for (k, b) in word.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                return word.count
            } : text
            let isUpper = word[0] >= 0x41 && word[0] <= 0x5A
            // (The first letter is a capital, so a lower-case letter is one of the rest.)
            let allCaps = isUpper && word.count >= 2 && !hasLower
            var token = Token(range: ByteRange(offset + wordStart, offset + wordEnd), text: text, key: key, folded: key,
                              isCapitalised: isUpper && !allCaps, isAllCaps: allCaps, isInitial: false,
                              lists: listBits(key: key, folded: key))
            // "R." is an initial.
            if word.count == 1, i < end, utf8[i] == 0x2E, isUpper {
                token.isInitial = true
                token.isCapitalised = true
                token.range.end += 1 // the initial's dot is part of the name as written
            }
            tokens.append(token)
        }
    }

    /// The words of any chunk, scalar by scalar (`offset`: the chunk's first byte in the document).
    private func words(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, offset: Int, into tokens: inout [Token]) {
        let scalars = NameDetector.scalars(of: bytes)
        var byteCursor = offset
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if !NameDetector.isAlphabetic(s) { byteCursor += UTF8.width(s); i += 1; continue }
            var word = ""
            let wordStart = byteCursor
            while i < scalars.count, NameDetector.isAlphabetic(scalars[i]) || ((scalars[i] == "-" || scalars[i] == "'" || scalars[i] == "’") && i + 1 < scalars.count && NameDetector.isAlphabetic(scalars[i + 1])) {
                word.unicodeScalars.append(scalars[i]); byteCursor += UTF8.width(scalars[i]); i += 1
            }
            var end = byteCursor
            for suffix in ["'s", "’s"] where NameDetector.mayEndWithPossessive(word) && word.count > 2 && word.lowercased().hasSuffix(suffix) {
                word.removeLast(2)
                end -= suffix.utf8.count
            }
            var token = makeToken(word, ByteRange(wordStart, end))
            // "R." is an initial.
            if word.unicodeScalars.count == 1, i < scalars.count, scalars[i] == ".", token.isCapitalised || token.isAllCaps {
                token.isInitial = true
                token.isCapitalised = true
                token.range.end += 1 // the initial's dot is part of the name as written
            }
            tokens.append(token)
        }
    }

    private func isHonorificDot(_ byte: UInt8, _ token: Token) -> Bool {
        byte == UInt8(ascii: ".") && NameDetector.honorifics.contains(token.key)
    }

    private func makeToken(_ word: String, _ range: ByteRange) -> Token {
        let lower = word.lowercased()
        let first = word.unicodeScalars.first!
        let rest = word.unicodeScalars.dropFirst()
        let isUpper = first.properties.isUppercase
        let allCaps = isUpper && rest.count >= 1 && rest.allSatisfy { !$0.properties.isLowercase }
        // Folding accents goes through ICU: only for words that have any.
        let folded = lower.utf8.allSatisfy { $0 < 0x80 } ? lower : lower.folding(options: .diacriticInsensitive, locale: nil)
        return Token(
            range: range, text: word, key: lower, folded: folded,
            isCapitalised: isUpper && !allCaps, isAllCaps: allCaps, isInitial: false, lists: listBits(key: lower, folded: folded))
    }

    /// `@marialopez`, `@jamie_r`, `#PrayForMaria`: a handle or hashtag that spells a person's name.
    private func handle(_ chunk: String, start: Int) -> Hit? {
        let marker = chunk.first!
        let body = chunk.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        let trimmed = body.hasSuffix(".") ? body.dropLast() : body
        guard trimmed.count >= 3 else { return nil }
        let range = ByteRange(start, start + 1 + trimmed.utf8.count)
        // Words of the handle: camel case and separators.
        var words: [String] = []
        var current = ""
        for char in trimmed {
            if char == "_" || char == "." || char.isNumber { if !current.isEmpty { words.append(current) }; current = ""; continue }
            if char.isUppercase, !current.isEmpty, current.last!.isLowercase { words.append(current); current = "" }
            current.append(char)
        }
        if !current.isEmpty { words.append(current) }
        let keys = words.map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
        return handleHit(keys, marker: marker, range: range)
    }

    /// "u/sadgirl_semaglutide", "/u/pacu_roz": a Reddit account, which identifies its holder as an
    /// @handle does, whatever words it is made of (Reddit writes no real names beside it). An
    /// institution's or a team's account ("u/Halcyra_Official", "u/TamsettCountyHealth") is none.
    func redditAccount(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, offset: Int) -> Hit? {
        var i = start
        if i < end, utf8[i] == UInt8(ascii: "/") { i += 1 }
        guard end - i > 4, utf8[i] | 0x20 == UInt8(ascii: "u"), utf8[i + 1] == UInt8(ascii: "/") else { return nil }
        var last = i + 2
        while last < end, (utf8[last] | 0x20 >= 0x61 && utf8[last] | 0x20 <= 0x7A) || (0x30...0x39).contains(utf8[last])
                || utf8[last] == UInt8(ascii: "_") || utf8[last] == UInt8(ascii: "-") { last += 1 }
        guard last - (i + 2) >= 3 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: utf8[(i + 2)..<last]), as: UTF8.self).lowercased()
        guard !NameDetector.namesInstitution(name) else { return nil }
        return Hit(range: ByteRange(offset + i, offset + last), category: .otherID)
    }

    /// `handle` of an ASCII chunk, by bytes: the same words and keys without `Character`s or
    /// Foundation's accent folding (an ASCII word has no accent to fold).
    func asciiHandle(_ chunk: UnsafeBufferPointer<UInt8>, start: Int) -> Hit? {
        @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        // The body: letters, digits, _ and . after the marker, less one final dot.
        var end = 1
        while end < chunk.count, isLower(chunk[end]) || isUpper(chunk[end]) || isDigit(chunk[end]) || chunk[end] == 0x5F || chunk[end] == 0x2E { end += 1 }
        if end > 1, chunk[end - 1] == 0x2E { end -= 1 }
        guard end - 1 >= 3 else { return nil }
        func key(_ from: Int, _ to: Int) -> String {
            String(unsafeUninitializedCapacity: to - from) { out in
                for k in from..<to { out[k - from] = isUpper(chunk[k]) ? chunk[k] | 0x20 : chunk[k] }
                return to - from
            }
        }
        // Words: split at _ . and digits, and before a capital that follows a lower-case letter.
        var keys: [String] = []
        var wordStart = -1
        for i in 1..<end {
            let b = chunk[i]
            if b == 0x5F || b == 0x2E || isDigit(b) {
                if wordStart >= 0 { keys.append(key(wordStart, i)) }
                wordStart = -1
                continue
            }
            if isUpper(b), wordStart >= 0, isLower(chunk[i - 1]) { keys.append(key(wordStart, i)); wordStart = i; continue }
            if wordStart < 0 { wordStart = i }
        }
        if wordStart >= 0 { keys.append(key(wordStart, end)) }
        return handleHit(keys, marker: Character(Unicode.Scalar(chunk[0])), range: ByteRange(start, start + end))
    }

    /// Whether a handle's or hashtag's words (`keys`, lower case) spell a person's name.
    private func handleHit(_ keys: [String], marker: Character, range: ByteRange) -> Hit? {
        func first(_ w: String) -> Bool { lists.firstNames.contains(w) && w.count >= 3 }
        func surname(_ w: String) -> Bool { lists.surnames.contains(w) && w.count >= 3 }
        func common(_ w: String) -> Bool { lists.commonWords.contains(w) }
        var named = false
        for (index, key) in keys.enumerated() {
            if first(key), index + 1 < keys.count, surname(keys[index + 1]) { named = true }
            if first(key), !common(key), marker == "#" || keys.count == 1 { named = true }
        }
        // A handle written as one lower-case run: try every split into first name + surname.
        if !named, keys.count == 1, let word = keys.first, word.count >= 6 {
            for cut in 3..<(word.count - 2) {
                let split = word.index(word.startIndex, offsetBy: cut)
                if first(String(word[..<split])), surname(String(word[split...])), !common(String(word[split...])) || !common(String(word[..<split])) {
                    named = true
                    break
                }
            }
        }
        guard named else { return nil }
        // "#EstrellaAward", "#HopeLodge", "#KarenWalk": a name opening an award's, a place's or an
        // event's name is theirs, as it is in running text ("the Estrella Award").
        if marker == "#", keys.count >= 2, let last = keys.last,
           NameDetector.placeWords.contains(last) || NameDetector.eventTagWords.contains(last) { return nil }
        return Hit(range: range, category: marker == "@" ? .otherID : .name)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    static let www = Array("www.".utf8), wwwCapitals = Array("WWW.".utf8)

    static func containsSchemeSeparator(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = bytes.startIndex
        while index + 2 < bytes.endIndex {
            if bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F { return true }
            index += 1
        }
        return false
    }

    /// The Unicode scalars of valid UTF-8 bytes, without a `String` in between.
    static func scalars(of bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        return scalars
    }

    /// `Unicode.Scalar.Properties.isAlphabetic`, answered without the property table for ASCII.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    /// Whether a word's last two scalars are an apostrophe and an s: the cheap test before the
    /// exact one (`lowercased().hasSuffix`), which allocates.
    static func mayEndWithPossessive(_ word: String) -> Bool {
        var last = word.unicodeScalars.reversed().makeIterator()
        guard let s = last.next(), s == "s" || s == "S", let mark = last.next() else { return false }
        return mark == "'" || mark == "’"
    }
}
