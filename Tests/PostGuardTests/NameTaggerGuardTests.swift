// The name detector's guards on the learned tagger's guesses (issue 10, item 6), tested with the
// tagger's mentions given directly, so that each guard is tested whatever the shipped weights
// happen to propose; and the word classes a weights file may carry.
import Foundation
import Testing
@testable import PostGuard
@testable import PostGuardDetectors

@Suite("Name tagger guards and word classes")
struct NameTaggerGuardTests {
    let detector = NameDetector(lists: Detector(library: shippedLibrary).names)

    /// The name hits for `text` when the tagger proposes `proposed` (tentative when `tentative`).
    func hits(_ text: String, proposed: String, tentative: Bool = false, loose: Bool = false) throws -> [(text: String, tentative: Bool)] {
        let bytes = Array(text.utf8)
        let start = try #require(text.range(of: proposed)).lowerBound.utf16Offset(in: text)
        let lower = text.utf8.distance(from: text.utf8.startIndex, to: String.Index(utf16Offset: start, in: text))
        let mention = PersonMention(range: lower..<(lower + proposed.utf8.count), isHandle: proposed.hasPrefix("@"),
                                    isTentative: tentative || loose, isLoose: loose)
        return bytes.withUnsafeBufferPointer { buffer in
            detector.hits(in: buffer, body: 0, tagged: [mention]).map {
                (String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self), $0.isTentative)
            }
        }
    }

    @Test("An ordinary word the tagger is sure of, capitalised as a name, is a possible name; in lower case, as a rank or at a sentence's start it is nothing")
    func surnameThatIsAWord() throws {
        let inside = try hits("not a Trump supporter by any means", proposed: "Trump")
        #expect(inside.count == 1 && inside.first?.text == "Trump" && inside.first?.tentative == true)
        // A listed surname opening a sentence is a possible name too; an unlisted word there is the sentence's.
        #expect(try hits("Trump is in the news again", proposed: "Trump").map(\.tentative) == [true])
        #expect(try hits("Dude should join the team", proposed: "Dude").isEmpty)
        // Only what the tagger is sure of: its looser guesses of such words stay unreported.
        #expect(try hits("not a Trump supporter by any means", proposed: "Trump", tentative: true).isEmpty)
        #expect(try hits("Every Joker ever", proposed: "Joker", tentative: true).isEmpty)
        // Sure, capitalised inside a sentence: listed at info, judged on nothing ("you and Des looked beautiful").
        #expect(try hits("you and Des looked beautiful", proposed: "Des").map(\.tentative) == [true])
        #expect(try hits("Every Joker ever", proposed: "Joker").map(\.tentative) == [true])
        // In lower case only a listed name that is not an everyday word ("lebron"); not "our donor",
        // not a rank, not a lone letter or an initial.
        #expect(try hits("the reason lebron started laughing", proposed: "lebron").map(\.tentative) == [true])
        #expect(try hits("thanks to every donor who came", proposed: "donor").isEmpty)
        #expect(try hits("ask the Sergeant at the desk", proposed: "Sergeant").isEmpty)
        #expect(try hits("new dx of H. pylori in a teen", proposed: "H.").isEmpty)
    }

    @Test("A chart label or wristband gives the surname in capitals, a comma and the first name or its initial")
    func chartLabels() {
        func names(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { detector.hits(in: $0, body: 0) }
                .filter { $0.category == .name }.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }
        }
        #expect(names("[photo: hand x-ray, 'MERCER, J' in the corner]") == ["MERCER, J"])
        #expect(names("wristband reads ANDERSON, PAUL") == ["ANDERSON, PAUL"])
        // Without the comma it is two shouted words, not a label.
        #expect(!names("GO MERCER J TEAM").contains("MERCER J"))
        // Nor is a code whose letters happen to spell a surname and an initial.
        #expect(names("in /tmp/run-A782-F9E8-BEE8-4C4AB3011255/empty.jsonl").isEmpty)
        // Nor a word with no vowel: a code or a sound, not a name.
        #expect(names("dctlsfqbnskdgrmspfjrfhfsmjjdtlfj").isEmpty)
        #expect(names("Grrr, Hmmm, the printer jammed again.").isEmpty)
        // A clinical query's surname and initial; a hyphenated first name whose parts are first names.
        #expect(names("hx of CHF & COPD, Garcia J., visited the clinic") == ["Garcia J."])
        #expect(names("interactions for Anne-Marie B., who resides at") == ["Anne-Marie B."])
        #expect(names("Hepatitis B. is a vaccine-preventable infection").isEmpty)
    }

    @Test("Clinical words are no person: medical endings, acronyms and numerals with ordinary words, a score named after a town")
    func clinicalWords() throws {
        #expect(try hits("a 7-year-old child with streptococcal pharyngitis and no allergies", proposed: "pharyngitis").isEmpty)
        #expect(try hits("a 68-year-old patient with stage III COPD", proposed: "III COPD").isEmpty)
        #expect(try hits("a 35-year-old female with NYHA Class III heart failure", proposed: "NYHA Class III").isEmpty)
        #expect(try hits("with a Framingham risk score of 17", proposed: "Framingham").isEmpty)
        // A name before a person's own score is still a name.
        #expect(try hits("Zyrkel Vantossi pain score 7 today", proposed: "Zyrkel Vantossi").map(\.text) == ["Zyrkel Vantossi"])
    }

    @Test("A shouted name the lists know is a name; a shouted acronym is not")
    func shoutedNames() throws {
        #expect(try hits("IS THAT IDRIS ? black british actors", proposed: "IDRIS").map(\.text) == ["IDRIS"])
        #expect(try hits("bridged to transplant with ECMO today", proposed: "ECMO").isEmpty)
        #expect(try hits("hx of HTN and GERD", proposed: "GERD").isEmpty)
    }

    @Test("A word listed beside a name found, in the same case and no ordinary word, is a possible name")
    func namesInLists() throws {
        // "Vinkare" is found (proposed), "Herbalisti" beside it by "and" is listed as possible.
        let listed = try hits("Where is Vinkare and Herbalisti tonight", proposed: "Vinkare")
        #expect(listed.map(\.text) == ["Vinkare", "Herbalisti"] && listed.map(\.tentative) == [false, true])
        // After a comma, in lower case as the name is.
        let chat = try hits("missing sunil grover , chandu", proposed: "sunil grover")
        #expect(chat.map(\.text) == ["sunil grover", "chandu"])
        // An ordinary word, a word in another case or a word beyond a line break is not.
        #expect(try hits("Where is Vinkare and breakfast", proposed: "Vinkare").map(\.text) == ["Vinkare"])
        #expect(try hits("Where is Vinkare and herbalisti", proposed: "Vinkare").map(\.text) == ["Vinkare"])
        #expect(try hits("Where is Vinkare ,\nHerbalisti", proposed: "Vinkare").map(\.text) == ["Vinkare"])
    }

    @Test("Insurers, patient-services departments and an acronym before a lower-case word (\"RSV szn\") are no person")
    func institutionsAndAcronyms() throws {
        #expect(try hits("We're in network with Medicare, Aetna, Cigna and BCBS.", proposed: "Aetna").isEmpty)
        #expect(try hits("por favor, llame a Atención al Paciente al 617-555-0100", proposed: "Atención al Paciente").isEmpty)
        #expect(try hits("During flu and RSV szn we ask everyone to mask.", proposed: "RSV szn").isEmpty)
        // Not every capitalised phrase: a name the tagger proposes is still reported.
        #expect(try hits("so proud of Zyrkel Vantossi today", proposed: "Zyrkel Vantossi").map(\.text) == ["Zyrkel Vantossi"])
    }

    @Test("A handle the tagger is unsure of is reported only when it opens with a first name that is no word")
    func tentativeHandles() throws {
        let person = try hits("Shoutout to @kayla.runs.26 for being so brave", proposed: "@kayla.runs.26", tentative: true)
        #expect(person.map(\.text) == ["@kayla.runs.26"])
        #expect(try hits("Shoutout to @hope.walks.26 for the fundraiser", proposed: "@hope.walks.26", tentative: true).isEmpty)
        #expect(try hits("Shoutout to @runclub26 for the fundraiser", proposed: "@runclub26", tentative: true).isEmpty)
    }

    @Test("What only the loosest bias finds is a possible name only where it is written as a name inside a sentence")
    func looseGuesses() throws {
        // An unlisted capitalised word that is no word, inside a sentence: a possible name.
        #expect(try hits("I cannot stand how Ivanka talks", proposed: "Ivanka", loose: true).map(\.text) == ["Ivanka"])
        #expect(try hits("so much better than DeFrozen , complete pkg", proposed: "DeFrozen", loose: true).map(\.tentative) == [true])
        // Opening a sentence, a clause, a quotation or a message after the handles it answers.
        #expect(try hits("Zorvex you are late", proposed: "Zorvex", loose: true).isEmpty)
        #expect(try hits("really ? ( Zorvex take this ) ok", proposed: "Zorvex", loose: true).isEmpty)
        #expect(try hits("at the end \" Zorvex", proposed: "Zorvex", loose: true).isEmpty)
        #expect(try hits("@daniellemenop Zorvex hahaha", proposed: "Zorvex", loose: true).isEmpty)
        // Not capitalised as a name: lower case, shouted, drawn out; a hashtag's word, a label.
        #expect(try hits("i saw zorvex today", proposed: "zorvex", loose: true).isEmpty)
        #expect(try hits("i saw ZORVEX today", proposed: "ZORVEX", loose: true).isEmpty)
        #expect(try hits("that was Zorrrvex lol", proposed: "Zorrrvex", loose: true).isEmpty)
        #expect(try hits("great game # Zorvex", proposed: "Zorvex", loose: true).isEmpty)
        #expect(try hits("worried about the Zorvex#: 12-44", proposed: "Zorvex", loose: true).isEmpty)
        // Words a dictionary writes capitalised, states, holidays, weekdays, drugs.
        #expect(try hits("excuse my English please", proposed: "English", loose: true).isEmpty)
        #expect(try hits("they were all Canadian", proposed: "Canadian", loose: true).isEmpty)
        #expect(try hits("moved back to Massachusetts", proposed: "Massachusetts", loose: true).isEmpty)
        #expect(try hits("we close on Tuesdays for cleaning", proposed: "Tuesdays", loose: true).isEmpty)
        #expect(try hits("safety of Remdesivir for treating", proposed: "Remdesivir", loose: true).isEmpty)
        // Never a handle.
        #expect(try hits("go follow @zorvex26 now", proposed: "@zorvex26", loose: true).isEmpty)
        // Only the loosest guesses: the same word proposed at the tentative bias opening a sentence is kept.
        #expect(try hits("Zorvex you are late", proposed: "Zorvex", tentative: true).map(\.text) == ["Zorvex"])
    }

    @Test("A sentence's first word is cut from a possible name; \"to\" does not make a town; ¡ and ¿ open a sentence")
    func sentenceStartsAndTo() throws {
        #expect(try hits("Damn Zorvex daughter is here", proposed: "Damn Zorvex", tentative: true).map(\.text) == ["Zorvex"])
        #expect(try hits("Bye Zorvex !", proposed: "Bye Zorvex", tentative: true).map(\.text) == ["Zorvex"])
        // A sure name keeps its first word (a place after a dash was a name the policy judged on).
        #expect(try hits("our patient (IYKYK — Pine Whitby class of '09)", proposed: "Pine Whitby").map(\.text) == ["Pine Whitby"])
        // After "to" a person as often as a town; after "from" an unlisted phrase is still a town.
        #expect(try hits("she is related to Zorvex", proposed: "Zorvex", tentative: true).map(\.text) == ["Zorvex"])
        #expect(try hits("she drove in from Zorvex Falls", proposed: "Zorvex Falls", tentative: true).isEmpty)
        // A word after ¡ or ¿ opens its sentence: no loosest guess there.
        #expect(try hits("ya llegó ¡Zorvex está aquí!", proposed: "Zorvex", loose: true).isEmpty)
        #expect(try hits("ya llegó y Zorvex está aquí", proposed: "Zorvex", loose: true).map(\.text) == ["Zorvex"])
    }

    @Test("The weights header's loose bias adds a third decoding whose mentions are tentative and loose")
    func looseDecoding() throws {
        let lists = Detector(library: shippedLibrary).names
        // Every word leans O by 100 (the bias feature, template 0); three words lean B by their own
        // weight (template 1): sure at -30 (70 < 80), found only at -44 (56 < 62), only at -84 (16 < 30).
        func weights(header: String) -> Data {
            var body: [UInt8] = []
            func row(_ template: UInt8, _ value: UInt64, _ o: Float, _ b: Float) {
                withUnsafeBytes(of: UInt32(NameFeatures.row(template, value)).littleEndian) { body += $0 }
                for v in [o, b, 0] { withUnsafeBytes(of: v.bitPattern.littleEndian) { body += $0 } }
            }
            row(0, 0, 100, 0)
            row(1, NameFeatures.lowerHash(Array("alpha".utf8)), 0, 80)
            row(1, NameFeatures.lowerHash(Array("beta".utf8)), 0, 62)
            row(1, NameFeatures.lowerHash(Array("gamma".utf8)), 0, 30)
            return Data(Array("postguard-name-tagger version=1 hash=fnv1a64 bits=20 tags=O,B,I \(header) rows=4\n".utf8) + body)
        }
        func mentions(_ header: String) throws -> [String: (tentative: Bool, loose: Bool)] {
            let tagger = try NameTagger(weightsData: weights(header: header), firstNames: lists.firstNames, surnames: lists.surnames,
                                        commonWords: lists.commonWords)
            let bytes = Array("alpha , beta , gamma , delta".utf8)
            let found = bytes.withUnsafeBufferPointer { tagger.personMentions(in: $0) }
            return Dictionary(uniqueKeysWithValues: found.map { (String(decoding: bytes[$0.range], as: UTF8.self), ($0.isTentative, $0.isLoose)) })
        }
        let three = try mentions("o-bias=-30 tentative-bias=-44 loose-bias=-84")
        #expect(three.keys.sorted() == ["alpha", "beta", "gamma"])
        #expect(three["alpha"]! == (false, false) && three["beta"]! == (true, false) && three["gamma"]! == (true, true))
        // Without the field there is no third decoding.
        #expect(try mentions("o-bias=-30 tentative-bias=-44").keys.sorted() == ["alpha", "beta"])
    }

    @Test("Word classes in a weights file are read and feed the tagger's features")
    func wordClasses() throws {
        let lists = Detector(library: shippedLibrary).names
        // One weight: the word class 5 (template 60) votes B. "zorblat" is in class 5, "qwertz" in none.
        let classOf: [(String, UInt16)] = [("zorblat", 5 | 2 << 8)]
        func weights(classes: [(String, UInt16)]) -> Data {
            var body: [UInt8] = []
            withUnsafeBytes(of: UInt32(NameFeatures.row(60, 5)).littleEndian) { body += $0 }
            for v: Float in [0, 100, 0] { withUnsafeBytes(of: v.bitPattern.littleEndian) { body += $0 } }
            for (word, code) in classes.sorted(by: { NameFeatures.lowerHash(Array($0.0.utf8)) < NameFeatures.lowerHash(Array($1.0.utf8)) }) {
                withUnsafeBytes(of: NameFeatures.lowerHash(Array(word.utf8)).littleEndian) { body += $0 }
                withUnsafeBytes(of: code.littleEndian) { body += $0 }
            }
            let header = "postguard-name-tagger version=1 hash=fnv1a64 bits=20 tags=O,B,I o-bias=0 clusters=\(classes.count) rows=1\n"
            return Data(Array(header.utf8) + body)
        }
        let tagger = try NameTagger(weightsData: weights(classes: classOf), firstNames: lists.firstNames, surnames: lists.surnames,
                                    commonWords: lists.commonWords)
        func persons(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { tagger.personSpans(in: $0) }.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(persons("hello zorblat and qwertz") == ["zorblat"])
        // Without the classes the same weight votes for nothing.
        let plain = try NameTagger(weightsData: weights(classes: []), firstNames: lists.firstNames, surnames: lists.surnames,
                                   commonWords: lists.commonWords)
        let text = Array("hello zorblat and qwertz".utf8)
        #expect(text.withUnsafeBufferPointer { plain.personSpans(in: $0) }.isEmpty)
        // A class table shorter than its header says is refused.
        var cut = weights(classes: classOf)
        cut.removeLast(3)
        #expect(throws: NameTaggerError.self) {
            try NameTagger(weightsData: cut, firstNames: lists.firstNames, surnames: lists.surnames, commonWords: lists.commonWords)
        }
    }
}
