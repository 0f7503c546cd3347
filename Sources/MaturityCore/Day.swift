/// A calendar day with no time zone, so plans and reports never depend on the clock.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date may fall in, everywhere (assessments, plans, logs, calendars): a plant's
    /// records do not reach before 1900, and a wider range only lets a typo run work for centuries.
    public static let years = 1900...2199

    /// Parses `YYYY-MM-DD`; nil for anything else, including impossible dates like 2026-02-30 and
    /// years outside `Day.years`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), Day.years.contains(y),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y)
        else { return nil }
        self.year = y
        self.month = m
        self.day = d
    }

    /// A day from numbers already checked to be a real date.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01 (negative counts back).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from `self` to `other`.
    public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    public var iso: String {
        // Four digits always, so what is written reads back.
        let y = year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension Day {
    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let d = daysSinceEpoch
        return ((d % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The ISO week it falls in, like "2026-W49".
    public var isoWeekName: String {
        let thursday = adding(days: 4 - isoWeekday)
        let firstJan = Day(year: thursday.year, month: 1, day: 1)
        let week = firstJan.days(until: thursday) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }
}

extension Day {
    /// The day of an Excel date serial (days since 1899-12-30); nil outside `Day.years`.
    public init?(excelSerial serial: Double) {
        guard (0...2_958_465).contains(serial) else { return nil }
        let day = Day(year: 1899, month: 12, day: 30).adding(days: serial.roundedInt(.down))
        guard Day.years.contains(day.year) else { return nil }
        self = day
    }

    /// An Excel date serial as YYYY-MM-DD, with the time of day (YYYY-MM-DDTHH:MM:SS) when the
    /// serial has one, as a decision log's timestamps do; the number as written when it is no date.
    public static func isoText(excelSerial serial: Double) -> String {
        guard let day = Day(excelSerial: serial) else { return String(serial) }
        let seconds = ((serial - serial.rounded(.down)) * 86_400).roundedInt()
        guard seconds > 0, seconds < 86_400 else { return day.iso }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
