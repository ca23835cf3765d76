// Masking hides the identifier and keeps the author's own words readable around it: a date's day
// goes whole (not "November •rd"), a word with a digit in it (A1c) and a measurement stay as written.
import Testing
@testable import PostGuard
@testable import PostGuardReport

@Suite("Masking")
struct MaskingTests {
    @Test("A date: its numbers go, with an ordinal's letters; the month's name stays", arguments: [
        ("November 3rd", "November •••"),
        ("03/14/1951", "••/••/••••"),
        ("March 21st, 2024", "March ••••, ••••"),
        ("Nov 3", "Nov •"),
        ("the 2nd of June", "the ••• of June"),
    ])
    func date(text: String, masked: String) {
        #expect(Masking.mask(text, category: .date) == masked)
    }

    @Test("Words quoted by a policy finding: lone numbers go, words and measurements stay", arguments: [
        ("her A1c came down", "her A1c came down"),
        ("A1c of 7.2%", "A1c of 7.2%"),
        ("B12 shots", "B12 shots"),
        ("COVID-19 booster", "COVID-19 booster"),
        ("lost 40 lbs", "lost 40 lbs"),
        ("10% better", "10% better"),
        ("ext 3301 for results", "ext •••• for results"),
        ("visit number 88412", "visit number •••••"),
    ])
    func policyQuote(text: String, masked: String) {
        #expect(Masking.mask(text, category: .healthInfo) == masked)
    }

    @Test("A room, bed or unit: every digit goes, since the number is what points at the patient")
    func locationDetail() {
        #expect(Masking.mask("room 412", category: .locationDetail) == "room •••")
        #expect(Masking.mask("bed 4B", category: .locationDetail) == "bed •B")
    }

    @Test("The terminal answer keeps the words next to an identifier readable")
    func inTheReport() throws {
        let draft = "So proud of Maria Lopez, who beat breast cancer! Her A1c came down too.\nShe was admitted on November 3rd."
        let run = try runPostGuard(["check"], stdin: draft)
        #expect(run.stdout.contains("Her A1c came down too."), "\(run.stdout)")
        #expect(run.stdout.contains("on November •••."), "\(run.stdout)")
        #expect(!run.stdout.contains("Lopez") && !run.stdout.contains("3rd"))
    }
}

extension MaskingTests {
    @Test("A quasi-identifier: proper names keep their initial, numbers go, ordinary words stay", arguments: [
        ("on Tuesday", "on T••••••"),
        ("the bus driver", "the bus driver"),
        ("72-year-old", "••-year-old"),
        ("from Millbrook", "from M••••••••"),
    ])
    func quasiIdentifier(text: String, masked: String) {
        #expect(Masking.mask(text, category: .quasiIdentifier) == masked)
    }

    @Test("ASCII text masked by bytes is what masking a Character at a time gives, on every fixture text and its lines")
    func asciiMaskingAsCharacters() {
        let dot = Masking.dot
        func initials(_ text: String) -> String {
            var previous = false
            return String(text.map { char in
                defer { previous = char.isLetter || char.isNumber }
                return (char.isLetter || char.isNumber) && previous ? dot : char
            })
        }
        var texts = fixtureTexts.flatMap { text in [text] + text.split(separator: "\n").map(String.init) }
        texts += ["", "a", "A1c", "line\r\nnext", "tab\there", "@user_9 #tag {x}[y]`z` ~^|\\", String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })]
        var ascii = 0
        for text in texts {
            if text.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            #expect(Masking.maskAlphanumerics(text) == String(text.map { $0.isLetter || $0.isNumber ? dot : $0 }), "\(text.prefix(60))")
            #expect(Masking.maskDigits(text) == String(text.map { $0.isNumber ? dot : $0 }), "\(text.prefix(60))")
            #expect(Masking.keepInitials(text) == initials(text), "\(text.prefix(60))")
        }
        #expect(ascii > 1000)
    }
}
