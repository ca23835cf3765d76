// Each validator on both sides of its line: the Safe Harbor thresholds and check digits are where
// existing tools get details wrong.
import Testing
@testable import PostGuard

@Suite("Validators")
struct ValidatorTests {
    let data = RuleData(restrictedZip3: ["036", "059", "102", "893"])

    func accepts(_ validator: Validator, _ text: String) -> Bool { validator.accepts(text[...], data: data) }

    @Test("Ages: 89 is kept by Safe Harbor, 90 and over are identifiers",
          arguments: [("89", false), ("90", true), ("91 yo", true), ("102", true), ("age 45", false),
                      ("ninety-three", true), ("eighty-nine", false), ("one hundred and two", true),
                      ("noventa y tres", true), ("ochenta y nueve", false)])
    func ageOver89(text: String, expected: Bool) {
        #expect(accepts(.ageOver89, text) == expected)
    }

    @Test("SSN: the SSA never issues area 000, 666 or 900-999, group 00 or serial 0000",
          arguments: [("123-45-6789", true), ("000-45-6789", false), ("666-45-6789", false),
                      ("900-45-6789", false), ("999-45-6789", false), ("899-45-6789", true),
                      ("123-00-6789", false), ("123-45-0000", false), ("123456789", true), ("12345678", false)])
    func ssn(text: String, expected: Bool) {
        #expect(accepts(.ssn, text) == expected)
    }

    @Test("ITIN: area 900-999 with the IRS's group ranges 50-65, 70-88, 90-92, 94-99",
          arguments: [("987-65-4321", true), ("912-70-1234", true), ("999-99-9999", true), ("987-12-4321", false),
                      ("987-66-4321", false), ("987-93-4321", false), ("887-65-4321", false), ("987-65-432", false)])
    func itin(text: String, expected: Bool) {
        #expect(accepts(.itin, text) == expected)
    }

    @Test("Luhn: card numbers with a valid check digit",
          arguments: [("4111 1111 1111 1111", true), ("4111 1111 1111 1112", false),
                      ("5500-0000-0000-0004", true), ("378282246310005", true), ("1234", false)])
    func luhn(text: String, expected: Bool) {
        #expect(accepts(.luhn, text) == expected)
    }

    @Test("VIN: ISO 3779 check digit in position 9, no I, O or Q",
          arguments: [("1M8GDM9AXKP042788", true), ("1M8GDM9A1KP042788", false),
                      ("11111111111111111", true), ("1M8GDM9AXKP04278", false), ("1M8GDM9AXKPO42788", false)])
    func vin(text: String, expected: Bool) {
        #expect(accepts(.vin, text) == expected)
    }

    @Test("DEA: (d1+d3+d5) + 2(d2+d4+d6) ends in d7",
          arguments: [("AB1234563", true), ("AB1234562", false), ("BJ6125341", true), ("A11234563", false)])
    func dea(text: String, expected: Bool) {
        #expect(accepts(.dea, text) == expected)
    }

    @Test("MBI: CMS positions, no S, L, O, I, B or Z",
          arguments: [("1EG4-TE5-MK73", true), ("1EG4TE5MK73", true), ("0EG4-TE5-MK73", false),
                      ("1SG4-TE5-MK73", false), ("1EG4-TE5-MK7", false), ("1EGATE5MK73", false)])
    func mbi(text: String, expected: Bool) {
        #expect(accepts(.mbi, text) == expected)
    }

    @Test("NANP: area code and exchange start 2-9 and are not N11",
          arguments: [("617-555-0142", true), ("+1 617 555 0142", true), ("117-555-0142", false),
                      ("617-155-0142", false), ("911-555-0142", false), ("617-411-0142", false), ("555-0142", false)])
    func nanp(text: String, expected: Bool) {
        #expect(accepts(.nanp, text) == expected)
    }

    @Test("IP addresses", arguments: [
        (Validator.ipv4, "192.168.10.24", true), (.ipv4, "256.1.1.1", false), (.ipv4, "1.2.3", false),
        (.ipv6, "2001:db8::1", true), (.ipv6, "fe80::1ff:fe23:4567:890a", true), (.ipv6, "2001:db8:::1", false),
    ])
    func ip(validator: Validator, text: String, expected: Bool) {
        #expect(accepts(validator, text) == expected)
    }

    @Test("Calendar dates: a real day of a real month",
          arguments: [("03/14/1951", true), ("3/14/51", true), ("2/29/2024", true), ("2/29/2023", false),
                      ("13/01/2020", true), ("14/03/1951", true), ("13/13/2020", false), ("2026-03-14", true), ("2026-02-30", false),
                      ("14 March 2026", true), ("March 3rd", true), ("Mar 32", false), ("3 de marzo", true)])
    func calendarDate(text: String, expected: Bool) {
        #expect(accepts(.calendarDate, text) == expected)
    }

    @Test("Restricted ZIP3: prefixes covering 20,000 people or fewer",
          arguments: [("03601", true), ("05901-1234", true), ("02139", false), ("10201", true), ("893", true), ("894", false)])
    func restrictedZip(text: String, expected: Bool) {
        #expect(accepts(.restrictedZip3, text) == expected)
    }

    @Test("The shipped restricted ZIP3 list is the 17 prefixes of the 2000 Census")
    func shippedZipList() {
        #expect(shippedLibrary.data.restrictedZip3.count == 17)
        #expect(shippedLibrary.data.restrictedZip3.contains("036"))
        #expect(!shippedLibrary.data.restrictedZip3.contains("021"))
    }
}
