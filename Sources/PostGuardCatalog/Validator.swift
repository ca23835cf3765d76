// Rules: the named checks a pattern cannot express — check digits, number ranges, calendars and
// Safe Harbor's own thresholds. Each is a pure function of the matched text.
import PostGuardEngine
import PostGuardDocuments
import PostGuardInput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Validator: String, Sendable, CaseIterable {
    case nanp, ssn, itin, luhn, vin, dea, mbi, ipv4, ipv6
    case calendarDate = "calendar-date"
    case ageOver89 = "age-over-89"
    case restrictedZip3 = "restricted-zip3"

    /// One line for `postguard rules --validators` and `explain`.
    public var summary: String {
        switch self {
        case .nanp: "a North American number: area code and exchange start with 2-9 and are not N11"
        case .ssn: "an SSN the SSA could issue: area not 000, 666 or 900-999; group not 00; serial not 0000"
        case .itin: "an ITIN the IRS could issue: area 900-999 and group 50-65, 70-88, 90-92 or 94-99"
        case .luhn: "13 to 19 digits passing the Luhn check, as payment card numbers do"
        case .vin: "a 17-character VIN whose 9th character is the ISO 3779 check digit"
        case .dea: "a DEA registration: two letters and seven digits with a valid check digit"
        case .mbi: "a Medicare Beneficiary Identifier: 11 characters in CMS's letter and digit positions"
        case .ipv4: "four numbers from 0 to 255"
        case .ipv6: "an address the system's IPv6 parser accepts"
        case .calendarDate: "a real day of a real month"
        case .ageOver89: "an age of 90 or more (Safe Harbor keeps ages up to 89)"
        case .restrictedZip3: "a ZIP code whose first three digits cover 20,000 people or fewer"
        }
    }

    public func accepts(_ text: Substring, data: RuleData) -> Bool {
        switch self {
        case .nanp: Validator.isNANP(text)
        case .ssn: Validator.isSSN(text)
        case .itin: Validator.isITIN(text)
        case .luhn: Validator.passesLuhn(text)
        case .vin: Validator.isVIN(text)
        case .dea: Validator.isDEA(text)
        case .mbi: Validator.isMBI(text)
        case .ipv4: Validator.isIPv4(text)
        case .ipv6: Validator.isIPv6(text)
        case .calendarDate: CalendarDate.parse(text) != nil
        case .ageOver89: Validator.age(in: text).map { $0 >= 90 && $0 <= 130 } ?? false
        case .restrictedZip3: Validator.isRestrictedZip(text, data.restrictedZip3)
        }
    }

    static func isRestrictedZip(_ text: Substring, _ restricted: Set<String>) -> Bool {
        let d = digits(text)
        return d.count >= 3 && restricted.contains(String(decoding: d.prefix(3), as: UTF8.self))
    }

    static func digits(_ text: Substring) -> [UInt8] {
        text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func isNANP(_ text: Substring) -> Bool {
        // An extension ("x204", "ext. 12") is part of the match but not of the number.
        var d = digits(text.prefix { !$0.isLetter })
        if d.count == 11, d[0] == 0x31 { d.removeFirst() }
        guard d.count == 10 else { return false }
        // Area code and exchange: NXX, N = 2-9, and N11 codes are service codes, not numbers.
        for start in [0, 3] {
            guard d[start] >= 0x32, !(d[start + 1] == 0x31 && d[start + 2] == 0x31) else { return false }
        }
        return true
    }

    /// Individual Taxpayer Identification Numbers are written as SSNs are, in the area the SSA
    /// never issues (9XX), with the IRS's group ranges (IRS Publication 1915).
    static func isITIN(_ text: Substring) -> Bool {
        let d = digits(text)
        guard d.count == 9, d[0] == 0x39 else { return false }
        let group = number(d[3..<5])
        return (50...65).contains(group) || (70...88).contains(group) || (90...92).contains(group) || (94...99).contains(group)
    }

    static func isSSN(_ text: Substring) -> Bool {
        let d = digits(text)
        guard d.count == 9 else { return false }
        let area = number(d[0..<3]), group = number(d[3..<5]), serial = number(d[5..<9])
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    static func passesLuhn(_ text: Substring) -> Bool {
        let d = digits(text)
        guard (13...19).contains(d.count) else { return false }
        var sum = 0
        for (index, digit) in d.reversed().enumerated() {
            var value = Int(digit - 0x30)
            if index % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }

    static func isVIN(_ text: Substring) -> Bool {
        let chars = Array(text.uppercased().unicodeScalars)
        guard chars.count == 17 else { return false }
        let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
        var sum = 0
        for (index, char) in chars.enumerated() {
            guard let value = vinValue(char) else { return false }
            sum += value * weights[index]
        }
        let check = sum % 11
        let expected: Unicode.Scalar = check == 10 ? "X" : Unicode.Scalar(UInt8(0x30 + check))
        return chars[8] == expected
    }

    /// ISO 3779 transliteration; I, O and Q never appear in a VIN.
    private static func vinValue(_ char: Unicode.Scalar) -> Int? {
        switch char {
        case "0"..."9": Int(char.value - 0x30)
        case "A", "J": 1
        case "B", "K", "S": 2
        case "C", "L", "T": 3
        case "D", "M", "U": 4
        case "E", "N", "V": 5
        case "F", "W": 6
        case "G", "P", "X": 7
        case "H", "Y": 8
        case "R", "Z": 9
        default: nil
        }
    }

    static func isDEA(_ text: Substring) -> Bool {
        let chars = Array(text.uppercased().utf8).filter { $0 != 0x2D && $0 != 0x20 }
        guard chars.count == 9,
              chars[0..<2].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A || $0 == 0x39 }),
              chars[2..<9].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let d = chars[2..<9].map { Int($0 - 0x30) }
        let check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return check == d[6]
    }

    static func isMBI(_ text: Substring) -> Bool {
        let chars = Array(text.uppercased().utf8).filter { $0 != 0x2D && $0 != 0x20 }
        guard chars.count == 11 else { return false }
        // CMS: letters exclude S, L, O, I, B and Z so they are not read as digits.
        let excluded: Set<UInt8> = Set("SLOIBZ".utf8)
        func isLetter(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A && !excluded.contains(c) }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        // Positions: C A AN N A AN N A A N N (C = 1-9).
        let shape: [(UInt8) -> Bool] = [
            { $0 >= 0x31 && $0 <= 0x39 }, isLetter, { isLetter($0) || isDigit($0) }, isDigit,
            isLetter, { isLetter($0) || isDigit($0) }, isDigit, isLetter, isLetter, isDigit, isDigit,
        ]
        return zip(shape, chars).allSatisfy { $0.0($0.1) }
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let value = Int(part) else { return false }
            return value <= 255
        }
    }

    static func isIPv6(_ text: Substring) -> Bool {
        var address = in6_addr()
        return String(text).withCString { inet_pton(AF_INET6, $0, &address) } == 1
    }

    /// The age a phrase states, in digits ("93", "93-year-old") or English words ("ninety-three").
    static func age(in text: Substring) -> Int? {
        let d = digits(text)
        if !d.isEmpty, d.count <= 3 {
            // Only the first run of digits: "93 yo" is 93, not 93 followed by anything else.
            let run = text.utf8.drop { !($0 >= 0x30 && $0 <= 0x39) }.prefix { $0 >= 0x30 && $0 <= 0x39 }
            return number(ArraySlice(run))
        }
        return NumberWords.value(of: text)
    }
}

/// English and Spanish number words up to a few hundred, enough for ages.
enum NumberWords {
    private static let units: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
        "diez": 10,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90, "ochenta": 80, "noventa": 90,
    ]

    static func value(of text: Substring) -> Int? {
        let words = text.lowercased().split { !$0.isLetter }
        var total = 0, found = false
        for word in words {
            let w = String(word)
            if w == "hundred" || w == "cien" || w == "ciento" {
                total = max(total, 1) * 100; found = true
            } else if let t = tens[w] {
                total += t; found = true
            } else if let u = units[w] {
                total += u; found = true
            }
        }
        return found ? total : nil
    }
}
