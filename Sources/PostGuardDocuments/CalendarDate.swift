// Rules: a day on the calendar, read from the ways people write dates in posts ("3/14/51",
// "14 March 2026", "March 3rd", "2026-03-14"), and the ISO form consent records use.
import PostGuardEngine

public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int?
    public var month: Int
    public var day: Int

    public init?(year: Int?, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(in: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// `YYYY-MM-DD`, the only form the consent registry accepts.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    public var description: String {
        let y = year.map { String($0) } ?? "????"
        return "\(y)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year ?? 0, lhs.month, lhs.day) < (rhs.year ?? 0, rhs.month, rhs.day)
    }

    static func days(in month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            // Without a year, 29 February is a real date.
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day an event's own words place it by: "the April 2026 gala" → 2026-04-30, "the
    /// Spring Gala (April 18, 2026)" → 2026-04-18, "the end of the 2027 campaign" → 2027-12-31, a
    /// full date as itself. The latest such day when it names several; nil when it names none.
    /// A year alone is the least precise: beside a month or a full date it adds nothing ("End of
    /// the 2026 Spring Gala campaign (gala held 2026-04-18)" is over on 2026-04-18, not at the year's
    /// end); beside a season it ends with the season ("the spring 2026 campaign" → 2026-06-20).
    public static func lastDayNamed(in text: String) -> CalendarDate? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
        func year(_ index: Int) -> Int? {
            guard index < words.count, words[index].count == 4, let y = Int(words[index]), (1900...2100).contains(y) else { return nil }
            return y
        }
        var latest: CalendarDate?, latestYear: CalendarDate?
        for (index, word) in words.enumerated() {
            var day: CalendarDate?
            if let y = year(index), let season = seasonEnds[index > 0 ? words[index - 1] : ""] ?? seasonEnds[index + 1 < words.count ? words[index + 1] : ""] {
                // "spring 2026", "2026 Spring Gala": the season's last day (winter's is in the next year).
                day = CalendarDate(year: season.month <= 3 ? y + 1 : y, month: season.month, day: season.day)
            } else if let iso = CalendarDate(iso: word) {
                day = iso
            } else if let month = monthNames[word] {
                if let y = year(index + 1) {
                    day = CalendarDate(year: y, month: month, day: days(in: month, year: y))
                } else if index + 1 < words.count, let d = Int(words[index + 1]), let y = year(index + 2) {
                    day = CalendarDate(year: y, month: month, day: d)
                }
            } else if let y = year(index), !(index > 0 && monthNames[words[index - 1]] != nil),
                      !(index > 1 && monthNames[words[index - 2]] != nil && Int(words[index - 1]) != nil) {
                if let end = CalendarDate(year: y, month: 12, day: 31), latestYear.map({ $0 < end }) ?? true { latestYear = end }
                continue
            }
            // A day the event starts on is not when it ends: "launched 2026-03-01", "starting May 4, 2026".
            if day != nil, words[max(0, index - 2)..<index].contains(where: startWords.contains) { continue }
            if let day, latest.map({ $0 < day }) ?? true { latest = day }
        }
        return latest ?? latestYear
    }

    /// The day a span of time after `start` ends: "one year after the date of signature", "18
    /// months from signing", "two years after signing" — an expiry event counted from the day the
    /// authorization was signed. Nil unless the words give a count, a unit and "after"/"from" a
    /// signing.
    public static func periodAfterSigning(in text: String, signed start: CalendarDate) -> CalendarDate? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let counts: [String: Int] = ["one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                     "twelve": 12, "eighteen": 18, "twenty-four": 24, "un": 1, "una": 1, "dos": 2, "tres": 3]
        let units: [String: Int] = ["year": 12, "years": 12, "month": 1, "months": 1, "año": 12, "años": 12, "mes": 1, "meses": 1]
        let signingWords: Set<String> = ["signature", "signing", "signed", "execution", "firma"]
        for index in words.indices.dropLast(2) {
            guard let count = counts[words[index]] ?? Int(words[index]), count > 0, count <= 120,
                  let unit = units[words[index + 1]], ["after", "from", "following", "después", "despues", "desde"].contains(words[index + 2]),
                  words[(index + 3)...].prefix(5).contains(where: signingWords.contains), let year = start.year else { continue }
            let months = start.month - 1 + count * unit
            let (y, m) = (year + months / 12, months % 12 + 1)
            // The same day that many months on (the month's last day when it has fewer): the expiry
            // date, in force through it as a written one is.
            return CalendarDate(year: y, month: m, day: min(start.day, days(in: m, year: y)))
        }
        return nil
    }

    private static let startWords: Set<String> = ["launched", "launch", "starting", "started", "starts", "start", "begins", "beginning", "began", "from", "since", "opened", "opening", "kicked", "desde"]

    /// The last day of each season of the northern year, by the word that names it.
    private static let seasonEnds: [String: (month: Int, day: Int)] = [
        "spring": (6, 20), "summer": (9, 22), "fall": (12, 20), "autumn": (12, 20), "winter": (3, 19),
        "primavera": (6, 20), "verano": (9, 22), "otoño": (12, 20), "invierno": (3, 19),
    ]

    private static let monthNames: [String: Int] = {
        let english = ["january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december"]
        let spanish = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                       "septiembre", "octubre", "noviembre", "diciembre"]
        var names: [String: Int] = [:]
        for (index, name) in english.enumerated() {
            names[name] = index + 1
            names[String(name.prefix(3))] = index + 1
        }
        for (index, name) in spanish.enumerated() { names[name] = index + 1 }
        names["sept"] = 9; names["setiembre"] = 9
        return names
    }()

    /// Reads a written date. Numeric dates are read US-style (month first) unless they start with a
    /// four-digit year or cannot be month-first; two-digit years are kept as written.
    public static func parse(_ text: Substring) -> CalendarDate? {
        var numbers: [(value: Int, digits: Int)] = []
        var month: Int?
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            if let first = current.first, first.isNumber {
                if let value = Int(current.prefix { $0.isNumber }) { numbers.append((value, current.prefix { $0.isNumber }.count)) }
            } else if month == nil, let named = monthNames[current.lowercased()] {
                month = named
            }
            current = ""
        }
        for char in text {
            if char.isLetter || char.isNumber { current.append(char) } else { flush() }
        }
        flush()
        if let month {
            // "14 March 2026", "March 3rd", "Mar 3, 1951": the day is the first number of 1-2 digits.
            guard let day = numbers.first(where: { $0.digits <= 2 })?.value else { return nil }
            let year = numbers.first(where: { $0.digits == 4 })?.value
            return CalendarDate(year: year, month: month, day: day)
        }
        guard numbers.count >= 2 else { return nil }
        if numbers[0].digits == 4, numbers.count >= 3 {
            return CalendarDate(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
        }
        let year = numbers.count >= 3 ? numbers[2].value : nil
        // "14/03/1951" cannot be month-first: read it day-first, as Spanish and British posts write it.
        if numbers[0].value > 12, numbers[1].value <= 12 {
            return CalendarDate(year: year, month: numbers[1].value, day: numbers[0].value)
        }
        return CalendarDate(year: year, month: numbers[0].value, day: numbers[1].value)
    }
}
