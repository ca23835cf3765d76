// Policy: what a valid authorization covers in the story it was signed for. It covers its subject,
// not everyone the story mentions: "Gloria had her hip replaced, and her husband's knee surgery is
// next" discloses the husband's health, which only his own authorization could cover. The reading is
// deliberately simple and documented in the README:
//   - a health term belongs to the nearest person reference before it in its sentence: a name (a
//     covered person, since the gate has already checked every name), a relation noun ("her
//     husband", "his son", "su esposo"), or a pronoun; first- and second-person pronouns are the
//     subject speaking or spoken to ("my hip replacement", "your last radiation treatment");
//     "he/his" and "she/her" stand for the nearest earlier relation noun of the same gender in the
//     sentence, else for the subject; "their", "su" and "sus" for the subject;
//   - "of" / "de" and a relation noun just after the term make it theirs ("la cirugía de su esposo");
//   - with no reference in the sentence, a term is about the story's subject.
// Hashtags: a name-shaped hashtag is a person only when it spells a first name followed by a surname
// (#MariaLopez); others (#DonaVida, #PrayForJamie) are campaign tags, not people the story shows.
import PostGuardEngine
import PostGuardDetectors
import PostGuardConsent

enum ConsentCoverage {
    enum Gender { case male, female, any }

    /// Who a health term is about.
    enum Owner: Equatable {
        case subject
        /// A relative or other person, as written ("her husband").
        case other(String)
    }

    static let relations: [String: Gender] = {
        var table: [String: Gender] = [:]
        for word in ["husband", "son", "sons", "father", "dad", "daddy", "brother", "grandson", "grandfather", "grandpa",
                     "granddad", "uncle", "nephew", "boyfriend", "fiancé", "fiance", "stepson", "stepfather", "stepdad",
                     "esposo", "marido", "hijo", "padre", "papá", "papa", "hermano", "nieto", "abuelo", "tío", "tio",
                     "sobrino", "novio", "primo", "brother-in-law", "father-in-law", "son-in-law", "cuñado", "suegro", "yerno",
                     "cognato", "suocero", "genero", "marito", "figlio", "fratello", "nonno", "zio", "cugino"] { table[word] = .male }
        for word in ["wife", "daughter", "daughters", "mother", "mom", "mum", "mommy", "mama", "sister", "granddaughter",
                     "grandmother", "grandma", "granny", "aunt", "niece", "girlfriend", "fiancée", "fiancee",
                     "stepdaughter", "stepmother", "stepmom", "esposa", "hija", "madre", "mamá", "hermana", "nieta",
                     "abuela", "tía", "tia", "sobrina", "novia", "prima", "sister-in-law", "mother-in-law", "daughter-in-law",
                     "cuñada", "suegra", "nuera", "cognata", "suocera", "nuora", "moglie", "figlia", "sorella", "nonna", "zia",
                     "cugina"] { table[word] = .female }
        for word in ["partner", "spouse", "child", "children", "kid", "kids", "grandchild", "grandchildren", "grandkid",
                     "grandkids", "sibling", "siblings", "cousin", "twin", "twins", "parent", "parents", "friend",
                     "neighbor", "neighbour", "roommate", "coworker", "co-worker", "hijos", "hijas", "nietos", "nietas",
                     "padres", "hermanos", "primos", "pareja", "amigo", "amiga", "vecino", "vecina", "compañero",
                     "compañera", "ex", "ex's", "exes", "ex-wife", "ex-husband", "ex-boyfriend", "ex-girlfriend", "ex-partner", "bf", "gf",
                     "bestie", "boss", "landlord", "roomie", "suegros", "cuñados",
                     // People the reader lets to or lives with: "your tenant in Unit 2B has scabies".
                     // ("Employee" is not here: "Employee flu shot clinic is Thursday" owns nothing.)
                     "tenant", "tenants", "landlady", "housemate", "flatmate", "inquilino", "inquilina"] { table[word] = .any }
        return table
    }()
    static let pluralRelations: Set<String> = [
        "sons", "daughters", "children", "kids", "grandchildren", "grandkids", "siblings", "twins", "parents",
        "hijos", "hijas", "nietos", "nietas", "padres", "hermanos", "primos", "tenants",
    ]
    static let speakerOrReader: Set<String> = ["i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself",
                                               "yo", "mi", "mis", "tu", "tus", "usted", "te"]
    static let thirdPerson: [String: Gender] = [
        "he": .male, "him": .male, "his": .male, "himself": .male, "él": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female, "ella": .female,
    ]
    static let ofWords: Set<String> = ["of", "de", "del", "di", "della", "do", "da"]
    static let determiners: Set<String> = ["the", "a", "an", "her", "his", "their", "my", "your", "our",
                                           "el", "la", "los", "las", "su", "sus", "mi", "mis", "tu", "tus", "un", "una",
                                           // Italian and Portuguese: "il referto di tua cognata".
                                           "il", "tua", "tuo", "sua", "suo", "mia", "mio", "o", "seu"]

    struct Word {
        var key: String
        var range: ByteRange
    }

    /// Who the health term at `span` is about. `names` are the spans of names in the text (all of
    /// them people the records cover, or tags). For more than one term of a document, ask one `Reader`.
    static func owner(of span: ByteRange, in bytes: UnsafeBufferPointer<UInt8>, names: [ByteRange]) -> Owner {
        Reader(bytes, names: names).owner(of: span)
    }

    /// One document's sentences and their words, read once: asked of every health term, reading the
    /// term's whole sentence again each time made a message of many health words in one sentence
    /// take a minute (issue 15, item 3).
    final class Reader {
        /// What someone does for a patient: the care words after them are the patient's.
        static let aidVerbs: Set<String> = ["started", "began", "gave", "performed", "did", "administered", "called", "dialed",
                                            "drove", "rushed", "found", "noticed", "spotted", "recognized", "recognised", "used", "inició", "llamó"]
        /// A child named in a birth story, and the words of the birth, which is the mother's care.
        static let childWords: Set<String> = ["daughter", "son", "baby", "twins", "triplets", "child", "hija", "hijo", "bebé", "bebe", "gemelos", "gemelas"]
        static let birthWords: Set<String> = ["birth", "born", "delivered", "delivery", "labor", "labour", "c-section", "cesarean", "caesarean", "epidural",
                                              "welcomed", "welcome", "arrived", "parto", "nació", "nacimiento", "luz", "cesárea", "cesarea"]
        let bytes: UnsafeBufferPointer<UInt8>
        private let names: RangeIndex
        /// Every offset `sentenceRange` stops at, in order; found the first time a sentence is asked for.
        private var stops: [Int]?
        private var sentences: [ByteRange: Sentence] = [:]

        /// A sentence's words, with, for each word, the nearest word at or before it that says whose a
        /// term is, and the nearest a "he" or a "she" could stand for.
        struct Sentence {
            var words: [Word]
            var isName: [Bool]
            var decisive: [Int]
            var antecedent: [Gender: [Int]]
        }

        /// Names of someone who signed for the subject (a parent, a proxy) and is not the subject.
        private let representatives: RangeIndex

        /// Reading a consented story, where a bare plural ("counting kids") is no one the story shows.
        private let story: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>, names: [ByteRange], representatives: [ByteRange] = [], story: Bool = false) {
            self.bytes = bytes
            self.names = RangeIndex(names)
            self.representatives = RangeIndex(representatives)
            self.story = story
        }

        func sentenceRange(around span: ByteRange) -> ByteRange {
            let stops: [Int]
            if let known = self.stops {
                stops = known
            } else {
                stops = bytes.indices.filter { ConsentCoverage.isStop($0, in: bytes) }
                WorkMeter.current?.count(bytes.count)
                self.stops = stops
            }
            let start = min(span.start, bytes.count), end = min(span.end, bytes.count)
            // After the last stop before the start; at the first stop at or after the end.
            let before = WordView.count(of: stops, below: start)
            let after = WordView.count(of: stops, below: end)
            return ByteRange(before > 0 ? stops[before - 1] + 1 : 0, after < stops.count ? stops[after] : bytes.count)
        }

        private func sentence(_ range: ByteRange) -> Sentence {
            if let known = sentences[range] { return known }
            let words = ConsentCoverage.words(in: bytes, range)
            let isName = words.map { names.contains($0.range) }
            var decisive: [Int] = [], male: [Int] = [], female: [Int] = []
            var lastDecisive = -1, lastMale = -1, lastFemale = -1
            for (index, word) in words.enumerated() {
                let relation = relations[word.key]
                if isName[index] || relation != nil || speakerOrReader.contains(word.key) || thirdPerson[word.key] != nil { lastDecisive = index }
                // "his" is one person: not "his grandchildren", nor a relative a pronoun of the same
                // gender owns ("his partner ... his diagnosis" is his).
                let single = !pluralRelations.contains(word.key)
                let owner = index > 0 ? thirdPerson[words[index - 1].key] : nil
                if isName[index] || (single && owner != .male && (relation == .male || relation == .any)) { lastMale = index }
                if isName[index] || (single && owner != .female && (relation == .female || relation == .any)) { lastFemale = index }
                decisive.append(lastDecisive); male.append(lastMale); female.append(lastFemale)
            }
            let sentence = Sentence(words: words, isName: isName, decisive: decisive, antecedent: [.male: male, .female: female])
            sentences[range] = sentence
            return sentence
        }

        /// Possessives whose repeat in one sentence is one owner: "su nieta ... su cirugía".
        static let possessives: Set<String> = ["su", "sus", "her", "his", "their"]
        /// Words before a plural that make it particular people: "both kids", "these children".
        static let particular: Set<String> = ["both", "two", "three", "four", "these", "those", "ambos", "ambas", "dos", "tres"]
        /// "every new mom", "all parents": no one in particular.
        static let quantifiers: Set<String> = ["every", "all", "any", "each"]

        /// Words of telling, asking and wanting: what follows is what someone says, not their state.
        static let tellingWords: Set<String> = ["says", "said", "shares", "shared", "asked", "asks", "wants", "wanted", "told", "tells",
                                                "know", "knows", "remembers", "recalls", "writes", "wrote", "explains", "explained"]

        /// Who the health term at `span` is about (see the file's header). `representativeMayOwn`:
        /// the term is a condition or an injury, which a parent or proxy who signed may have.
        func owner(of span: ByteRange, representativeMayOwn: Bool = false) -> Owner {
            let sentence = sentence(sentenceRange(around: span))
            let all = sentence.words
            // Words are in order: those ending by the term's start, and those starting at its end or after.
            var low = 0, high = all.count
            while low < high { let middle = (low + high) / 2; if all[middle].range.end <= span.start { low = middle + 1 } else { high = middle } }
            let beforeCount = low
            low = beforeCount; high = all.count
            while low < high { let middle = (low + high) / 2; if all[middle].range.start < span.end { low = middle + 1 } else { high = middle } }
            let afterStart = low
            WorkMeter.current?.count(1)
            // "the surgery of her husband", "la cirugía de su esposo".
            if afterStart < all.count, ofWords.contains(all[afterStart].key) {
                let first = all[afterStart]
                var next = afterStart + 1
                while next < all.count, determiners.contains(all[next].key) { next += 1 }
                if next < all.count, all[next].range.start - first.range.end < 24, relations[all[next].key] != nil {
                    return .other(phrase(at: next, in: all))
                }
            }
            // The nearest word before the term that says whose it is.
            guard beforeCount > 0 else { return .subject }
            let index = sentence.decisive[beforeCount - 1]
            guard index >= 0 else { return .subject }
            let word = all[index]
            if sentence.isName[index] {
                // "His mom Kirsten Brandvold wasn't as lucky — two broken ribs": the parent who signed
                // for the subject, with health of her own. (A birth is told of the child too.)
                // Only a condition or an injury of their own (`representativeMayOwn`), not the care
                // they tell of or ask us to share ("His wife Chiamaka shares what hospice care
                // meant", "her husband Curtis wants every family to know: heavy bleeding ...").
                if representativeMayOwn, representatives.contains(word.range),
                   !ConsentCoverage.words(in: bytes, span).contains(where: { Reader.birthWords.contains($0.key) }),
                   !all[(index + 1)..<beforeCount].contains(where: { Reader.tellingWords.contains($0.key) }),
                   !(all[index].range.end..<span.start).contains(where: { bytes[$0] == UInt8(ascii: ":") }) {
                    return .other("the person who signed for them")
                }
                return .subject
            }
            // "our Children's Cancer Center": a relation word written inside a capitalised name is
            // the name's; "every new mom", "all parents": no one in particular.
            // (A plural or possessive relation word: "Mama Ntuli" is a person, "Children's Cancer Center" a place.)
            if relations[word.key] != nil, index > 0, (0x41...0x5A).contains(bytes[word.range.start]),
               ["children", "kids", "families", "women", "parents", "mothers", "moms"].contains(word.key)
                || (word.range.end >= 2 && bytes[word.range.end - 1] | 0x20 == 0x73 && (bytes[word.range.end - 2] == 0x27 || bytes[word.range.end - 2] == 0x99)) { return .subject }
            // "she and her husband welcomed twins": the couple, the story's subject among them.
            if relations[word.key] != nil, index >= 3, ["her", "his", "their"].contains(all[index - 1].key), all[index - 2].key == "and",
               ["she", "he", "they"].contains(all[index - 3].key) || sentence.isName[index - 3] { return .subject }
            if relations[word.key] != nil, index > 0,
               Reader.quantifiers.contains(all[index - 1].key) || (index > 1 && Reader.quantifiers.contains(all[index - 2].key)) { return .subject }
            // "she kept counting kids until the last one was in an ambulance": in a story, a bare
            // plural is no one in particular ("her kids", "the twins", "both kids" are). (A message
            // about "kids at Larkfield Elementary still missing MMR" points at a list of them.)
            if story, pluralRelations.contains(word.key), index > 0, !sentence.isName[index - 1],
               !determiners.contains(all[index - 1].key), !Reader.particular.contains(all[index - 1].key), Int(all[index - 1].key) == nil { return .subject }
            if relations[word.key] != nil {
                // "bailó en la quinceañera de su nieta ... después de su cirugía de cadera": the same
                // possessive before the relative and right before the term is one owner's, the
                // relative's owner (as "his partner ... his diagnosis" is his).
                if index > 0, index < beforeCount - 1, Reader.possessives.contains(all[index - 1].key),
                   Reader.possessives.contains(all[beforeCount - 1].key),
                   all[index - 1].key.prefix(2) == all[beforeCount - 1].key.prefix(2) { return .subject }
                // "Juan Pérez padre": a generational suffix right after a name is the name.
                if index > 0, sentence.isName[index - 1], SubjectMatch.suffixes.contains(word.key) { return .subject }
                // "who became a mom at 41", "Yesenia Paredes, mamá primeriza": a relation word said of
                // the subject (after "a", or set beside their name) describes them, no one else.
                if index > 0, ["a", "an", "un", "una"].contains(all[index - 1].key) { return .subject }
                if index > 0, sentence.isName[index - 1],
                   (all[index - 1].range.end..<word.range.start).contains(where: { bytes[$0] == UInt8(ascii: ",") }) { return .subject }
                // "Grace Oyelaran, architect and wife, had a stroke": the relation word inside an
                // apposition set off after the name, with no one's possessive before it, is hers.
                if let name = (max(0, index - 4)..<index).last(where: { sentence.isName[$0] }),
                   (all[name].range.end..<all[name + 1].range.start).contains(where: { bytes[$0] == UInt8(ascii: ",") }),
                   !all[(name + 1)..<index].contains(where: { determiners.contains($0.key) || thirdPerson[$0.key] != nil }) { return .subject }
                // "Noor hears her daughter's voice for the first time since losing her hearing": a
                // relation's possessive that owns another noun, far from the term, is not its subject.
                if index < beforeCount - 3, word.range.end >= 2, bytes[word.range.end - 1] == UInt8(ascii: "s"),
                   bytes[word.range.end - 2] == UInt8(ascii: "'") || (word.range.end >= 4 && bytes[word.range.end - 4] == 0xE2 && bytes[word.range.end - 2] == 0x99) {
                    return .subject
                }
                // "His granddaughter started CPR", "her husband called 911 for the stroke": what a
                // relative did for the patient is the patient's care, not the relative's health.
                if all[(index + 1)..<beforeCount].contains(where: { Reader.aidVerbs.contains($0.key) }) { return .subject }
                // "She welcomed her daughter Ivy after a water birth", "dio a luz a su primera hija por
                // cesárea": the child is born, the birth is the mother's care.
                if Reader.childWords.contains(word.key),
                   all[(index + 1)..<min(all.count, afterStart + 2)].contains(where: { Reader.birthWords.contains($0.key) })
                    || all[max(0, index - 4)..<index].contains(where: { Reader.birthWords.contains($0.key) }) { return .subject }
                return .other(phrase(at: index, in: all))
            }
            if speakerOrReader.contains(word.key) { return .subject }
            if let gender = thirdPerson[word.key] {
                // The pronoun's antecedent: the nearest earlier name or relation noun of its gender.
                let back = index > 0 ? sentence.antecedent[gender]![index - 1] : -1
                guard back >= 0, !sentence.isName[back] else { return .subject }
                return .other(phrase(at: back, in: all))
            }
            return .subject
        }
    }

    /// The relation noun at `index` with the possessive before it ("her husband").
    private static func phrase(at index: Int, in words: [Word]) -> String {
        if index > 0, determiners.contains(words[index - 1].key) { return words[index - 1].key + " " + words[index].key }
        return words[index].key
    }

    /// Whether the byte at `index` ends a sentence for `sentenceRange`.
    static func isStop(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes[index] {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), 0x0A: return true
        case UInt8(ascii: "."):
            var start = index
            while start > 0, isASCIILetter(bytes[start - 1]) { start -= 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased()
            return !(word.count == 1 || WordView.abbreviations.contains(word))
        default: return false
        }
    }

    /// The sentence holding `span`: up to `.`, `!`, `?`, `;` or a line break, not counting the period
    /// of an abbreviation or an initial ("Jamal Whitaker Jr., 16", "Maria L. is home").
    static func sentenceRange(around span: ByteRange, in bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
        var start = min(span.start, bytes.count), end = min(span.end, bytes.count)
        while start > 0, !isStop(start - 1, in: bytes) { start -= 1 }
        while end < bytes.count, !isStop(end, in: bytes) { end += 1 }
        WorkMeter.current?.count(end - start)
        return ByteRange(start, end)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Words of `range`, lower-cased, a possessive "'s" dropped ("husband's" → "husband").
    static func words(in bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> [Word] {
        WorkMeter.current?.count(range.end - range.start)
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        var result: [Word] = []
        var current = "", start = range.start, offset = range.start
        func flush() {
            if !current.isEmpty {
                var key = current.lowercased().replacingOccurrences(of: "’", with: "'")
                while key.hasSuffix("'") { key.removeLast() }
                if key.hasSuffix("'s") { key.removeLast(2) }
                result.append(Word(key: key, range: ByteRange(start, offset)))
            }
            current = ""
        }
        for scalar in text.unicodeScalars {
            let isWordPart = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || ((scalar == "'" || scalar == "’") && !current.isEmpty)
            if isWordPart {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
            offset += String(scalar).utf8.count
        }
        flush()
        // A relation word inside a hyphenated compound names no relative: "our child-life team",
        // "the mother-baby unit", "a father-daughter dance". Its key is marked so no list holds it.
        // (A relative's own compounds stay: "sister-in-law", "mom-to-be", "step-son", "half-brother".)
        for index in result.indices where relations[result[index].key] != nil {
            let range = result[index].range
            let joinedAfter = index + 1 < result.count && range.end < bytes.count && bytes[range.end] == UInt8(ascii: "-")
                && result[index + 1].range.start == range.end + 1 && !relativeCompounds.contains(result[index + 1].key)
            let joinedBefore = index > 0 && range.start > 0 && bytes[range.start - 1] == UInt8(ascii: "-")
                && result[index - 1].range.end == range.start - 1 && !relativeCompounds.contains(result[index - 1].key)
            if joinedAfter || joinedBefore { result[index].key += "-" }
        }
        return result
    }

    /// The other halves of a relative's own hyphenated name: "sister-in-law", "mom-to-be", "step-son".
    static let relativeCompounds: Set<String> = ["in", "law", "to", "be", "step", "half", "great", "grand", "ex", "god", "foster"]

    /// Whether a hashtag found as a name spells a person: a first name followed by a surname
    /// (#MariaLopez, #JusticeForMariaLopez). The person's name, in words, when it does.
    /// What is named after a person: "the Lorna Breen Act", "the Jenna Marsh Fund".
    static let namedAfterHeads: Set<String> = ["act", "law", "bill", "foundation", "fund", "scholarship", "award", "day", "week", "month",
                                               "walk", "run", "5k", "10k", "challenge", "center", "centre", "strong", "memorial", "project", "initiative"]

    static func hashtagPerson(_ tag: String, lists: NameLists) -> String? {
        var words: [String] = []
        var current = ""
        for char in tag.dropFirst() {
            if !(char.isLetter || char.isNumber) { if !current.isEmpty { words.append(current) }; current = ""; continue }
            if char.isUppercase, let last = current.last, last.isLowercase { words.append(current); current = "" }
            current.append(char)
        }
        if !current.isEmpty { words.append(current) }
        let keys = words.map { $0.lowercased().folding(options: .diacriticInsensitive, locale: nil) }
        // "#LornaBreenAct", "#RunForJennaFund": a law, a fund or an event named after someone is not them.
        if let last = keys.last, namedAfterHeads.contains(last) { return nil }
        for index in keys.indices.dropLast() where keys[index].count >= 3 && keys[index + 1].count >= 3 {
            if lists.firstNames.contains(keys[index]), lists.surnames.contains(keys[index + 1]) {
                return words[index] + " " + words[index + 1]
            }
        }
        return nil
    }
}
