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
                     "sobrino", "novio", "primo"] { table[word] = .male }
        for word in ["wife", "daughter", "daughters", "mother", "mom", "mum", "mommy", "mama", "sister", "granddaughter",
                     "grandmother", "grandma", "granny", "aunt", "niece", "girlfriend", "fiancée", "fiancee",
                     "stepdaughter", "stepmother", "stepmom", "esposa", "hija", "madre", "mamá", "hermana", "nieta",
                     "abuela", "tía", "tia", "sobrina", "novia", "prima"] { table[word] = .female }
        for word in ["partner", "spouse", "child", "children", "kid", "kids", "grandchild", "grandchildren", "grandkid",
                     "grandkids", "sibling", "siblings", "cousin", "twin", "twins", "parent", "parents", "friend",
                     "neighbor", "neighbour", "roommate", "coworker", "co-worker", "hijos", "hijas", "nietos", "nietas",
                     "padres", "hermanos", "primos", "pareja", "amigo", "amiga", "vecino", "vecina", "compañero",
                     "compañera"] { table[word] = .any }
        return table
    }()
    static let pluralRelations: Set<String> = [
        "sons", "daughters", "children", "kids", "grandchildren", "grandkids", "siblings", "twins", "parents",
        "hijos", "hijas", "nietos", "nietas", "padres", "hermanos", "primos",
    ]
    static let speakerOrReader: Set<String> = ["i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself",
                                               "yo", "mi", "mis", "tu", "tus", "usted", "te"]
    static let thirdPerson: [String: Gender] = [
        "he": .male, "him": .male, "his": .male, "himself": .male, "él": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female, "ella": .female,
    ]
    static let ofWords: Set<String> = ["of", "de", "del"]
    static let determiners: Set<String> = ["the", "a", "an", "her", "his", "their", "my", "your", "our",
                                           "el", "la", "los", "las", "su", "sus", "mi", "mis", "tu", "tus", "un", "una"]

    struct Word {
        var key: String
        var range: ByteRange
    }

    /// Who the health term at `span` is about. `names` are the spans of names in the text (all of
    /// them people the records cover, or tags).
    static func owner(of span: ByteRange, in bytes: UnsafeBufferPointer<UInt8>, names: [ByteRange]) -> Owner {
        let sentence = sentenceRange(around: span, in: bytes)
        let all = words(in: bytes, sentence)
        let before = all.filter { $0.range.end <= span.start }
        let after = all.filter { $0.range.start >= span.end }
        // "the surgery of her husband", "la cirugía de su esposo".
        if let first = after.first, ofWords.contains(first.key) {
            let rest = after.dropFirst().drop { determiners.contains($0.key) }
            if let noun = rest.first, noun.range.start - first.range.end < 24, relations[noun.key] != nil {
                return .other(phrase(ending: noun, in: after))
            }
        }
        func isName(_ word: Word) -> Bool { names.contains { $0.start <= word.range.start && word.range.end <= $0.end } }
        var index = before.count - 1
        while index >= 0 {
            let word = before[index]
            if isName(word) { return .subject }
            if relations[word.key] != nil {
                // "Juan Pérez padre": a generational suffix right after a name is the name.
                if index > 0, isName(before[index - 1]), SubjectMatch.suffixes.contains(word.key) { return .subject }
                return .other(phrase(ending: word, in: before))
            }
            if speakerOrReader.contains(word.key) { return .subject }
            if let gender = thirdPerson[word.key] {
                // The pronoun's antecedent: the nearest earlier name or relation noun of its gender.
                var back = index - 1
                while back >= 0 {
                    let earlier = before[back]
                    if isName(earlier) { return .subject }
                    // "his" is one person: not "his grandchildren", nor a relation it owns itself.
                    if let relation = relations[earlier.key], relation == gender || relation == .any,
                       !pluralRelations.contains(earlier.key), !(back > 0 && before[back - 1].key == word.key) {
                        return .other(phrase(ending: earlier, in: before))
                    }
                    back -= 1
                }
                return .subject
            }
            index -= 1
        }
        return .subject
    }

    /// The relation noun with the possessive before it ("her husband").
    private static func phrase(ending noun: Word, in words: some Collection<Word>) -> String {
        let list = Array(words)
        guard let at = list.firstIndex(where: { $0.range == noun.range }) else { return noun.key }
        if at > 0, determiners.contains(list[at - 1].key) { return list[at - 1].key + " " + noun.key }
        return noun.key
    }

    /// The sentence holding `span`: up to `.`, `!`, `?`, `;` or a line break, not counting the period
    /// of an abbreviation or an initial ("Jamal Whitaker Jr., 16", "Maria L. is home").
    static func sentenceRange(around span: ByteRange, in bytes: UnsafeBufferPointer<UInt8>) -> ByteRange {
        func isStop(_ index: Int) -> Bool {
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
        var start = min(span.start, bytes.count), end = min(span.end, bytes.count)
        while start > 0, !isStop(start - 1) { start -= 1 }
        while end < bytes.count, !isStop(end) { end += 1 }
        return ByteRange(start, end)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Words of `range`, lower-cased, a possessive "'s" dropped ("husband's" → "husband").
    static func words(in bytes: UnsafeBufferPointer<UInt8>, _ range: ByteRange) -> [Word] {
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
        return result
    }

    /// Whether a hashtag found as a name spells a person: a first name followed by a surname
    /// (#MariaLopez, #JusticeForMariaLopez). The person's name, in words, when it does.
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
        for index in keys.indices.dropLast() where keys[index].count >= 3 && keys[index + 1].count >= 3 {
            if lists.firstNames.contains(keys[index]), lists.surnames.contains(keys[index + 1]) {
                return words[index] + " " + words[index + 1]
            }
        }
        return nil
    }
}
