import Foundation
import MaturityCore

/// How a decision log's cells are read: yes/no in its many spellings, timestamps, field positions.
/// yes/no as logs write them.
enum YesNo {
    static func read(_ text: String) -> Bool? {
        switch text {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: break
        }
        if let value = Values.yesNo(text) { return value }
        var t = text.lowercased().trimmingCharacters(in: .whitespaces)
        // A one-element JSON array, as a Langfuse traces export writes a score: [1], ["True"].
        if t.hasPrefix("["), t.hasSuffix("]") {
            t = String(t.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("\""), t.hasSuffix("\""), t.count >= 2 { t = String(t.dropFirst().dropLast()) }
            if t.contains(",") { t = String(t.split(separator: ",").last ?? "").trimmingCharacters(in: .whitespaces) }
        }
        switch t {
        case "match", "matched", "correct", "approved", "approve", "accept", "accepted", "ok", "pass", "passed", "true", "yes", "y", "1", "1.0",
             "thumbs_up", "thumbsup", "thumbs up", "up", "+1", "👍", "good", "positive":
            return true
        case "mismatch", "incorrect", "wrong", "rejected", "reject", "fail", "failed", "false", "no", "n", "0", "0.0",
             "thumbs_down", "thumbsdown", "thumbs down", "down", "-1", "👎", "bad", "negative", "edited", "edit", "changed", "modified":
            return false
        default:
            if let v = Double(t) { return v >= 0.5 }
            return nil
        }
    }
}

/// Timestamps as logs write them, as minutes since 1970 in UTC when they carry a zone.
enum Timestamp {
    typealias Order = DecisionLogReader.DateOrder

    /// Minutes since the epoch at the start of 1900 and the end of 2199: the one range of dates the tool reads.
    static let range = (Day(year: Day.years.lowerBound, month: 1, day: 1).daysSinceEpoch * 1440)
        ..< (Day(year: Day.years.upperBound + 1, month: 1, day: 1).daysSinceEpoch * 1440)

    /// A time as logs write it, within `Day.years` (a log dated 0999 or 9999 is a typo, refused with its row).
    static func parse(_ raw: String, order: Order? = nil) -> (minutes: Int, zoned: Bool)? {
        guard let read = parseAnyYear(raw, order: order), range.contains(read.minutes) else { return nil }
        return read
    }

    static func parseAnyYear(_ raw: String, order: Order? = nil) -> (minutes: Int, zoned: Bool)? {
        // The common case first, with no copies: ISO 8601 starting with the year (a million rows).
        if raw.utf8.count >= 10, let first = raw.utf8.first, first >= 48, first <= 57 {
            var copy = raw
            if let iso = copy.withUTF8({ parse(bytes: $0) }) { return iso }
        }
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        if let number = Double(text) {
            // An Excel serial date (days since 1899-12-30, the fraction the time of day).
            if number > 1, number < 2_958_466 { return (((number - 25_569) * 1440).roundedInt(.down), false) }
            // Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by size (UTC).
            if number >= 1e8, number < 1e20, let whole = Int(text) ?? Optional(number.roundedInt(.down)) {
                let seconds = whole >= 100_000_000_000_000_000 ? whole / 1_000_000_000
                    : whole >= 100_000_000_000_000 ? whole / 1_000_000 : whole >= 100_000_000_000 ? whole / 1000 : whole
                return (BusinessCalendar.floorDiv(seconds, 60), true)
            }
            return nil
        }
        if let dotted = dayMonthYear(text, order: order) { return dotted }
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// `DD.MM.YYYY HH:MM` (dots are always day first) and `DD/MM/YYYY` or `MM/DD/YYYY` (slashes
    /// take `order`, or are read day first when the first number is above 12 and month first when
    /// the second is). Nil when the text is not such a date, or its order cannot be told.
    static func dayMonthYear(_ text: String, order: Order?) -> (minutes: Int, zoned: Bool)? {
        let datePart = text.prefix { $0 != " " && $0 != "T" }
        let separator: Character = datePart.contains(".") ? "." : "/"
        let parts = datePart.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        let dayFirst: Bool
        if separator == "." { dayFirst = order != .monthFirst } else if let order { dayFirst = order == .dayFirst }
        else if a > 12 { dayFirst = true } else if b > 12 { dayFirst = false } else { return nil }
        let (d, m) = dayFirst ? (a, b) : (b, a)
        guard (1...12).contains(m), d >= 1, d <= Day.daysIn(month: m, year: y) else { return nil }
        var minutes = Day(year: y, month: m, day: d).daysSinceEpoch * 1440
        let rest = text.dropFirst(datePart.count).trimmingCharacters(in: CharacterSet(charactersIn: " T"))
        if !rest.isEmpty {
            let hm = rest.split(separator: ":")
            guard hm.count >= 2, let h = Int(hm[0]), let mm = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(mm) else { return nil }
            minutes += h * 60 + mm
        }
        return (minutes, false)
    }

    /// A slashed date whose day and month are both 12 or under: its order cannot be told from it.
    static func isAmbiguous(_ text: String) -> Bool {
        let datePart = text.trimmingCharacters(in: .whitespaces).prefix { $0 != " " && $0 != "T" }
        let parts = datePart.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), parts[2].count == 4 else { return false }
        return a <= 12 && b <= 12
    }

    static func parse(bytes chars: UnsafeBufferPointer<UInt8>) -> (minutes: Int, zoned: Bool)? {
        func digits(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= chars.count else { return nil }
            var v = 0
            for k in a..<(a + n) {
                let c = chars[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
              (1...12).contains(mo), d >= 1, d <= Day.daysIn(month: mo, year: y) else { return nil }
        let day = Day(year: y, month: mo, day: d)
        var minutes = day.daysSinceEpoch * 1440
        guard chars.count > 10 else { return (minutes, false) }
        guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
        func number(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= chars.count else { return nil }
            var v = 0
            for c in chars[a..<(a + n)] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let hh = number(11, 2), chars.count > 13, chars[13] == UInt8(ascii: ":"), let mm = number(14, 2), hh < 24, mm < 60 else { return nil }
        minutes += hh * 60 + mm
        var i = 16
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            guard number(17, 2) != nil else { return nil }
            i = 19
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
            }
        }
        guard i < chars.count else { return (minutes, false) }
        if chars[i] == UInt8(ascii: "Z"), i + 1 == chars.count { return (minutes, true) }
        guard chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"), let oh = number(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < chars.count {
            let at = chars[i + 3] == UInt8(ascii: ":") ? i + 4 : i + 3
            guard let m = number(at, 2) else { return nil }
            om = m
        }
        let offset = oh * 60 + om
        return (minutes - (chars[i] == UInt8(ascii: "+") ? offset : -offset), true)
    }
}

/// The fields of a decision-log row.
enum LogField: String, CaseIterable {
    case caseID = "case_id", at, mode, agentAction = "agent_action", humanAction = "human_action", match, approved, correct, severity
    case exceptionOpenedAt = "exception_opened_at", exceptionClearedAt = "exception_cleared_at", agent, outcome

    static let ordinals: [String: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1.rawValue, $0) })
    var ordinal: Int {
        switch self {
        case .caseID: return 0
        case .at: return 1
        case .mode: return 2
        case .agentAction: return 3
        case .humanAction: return 4
        case .match: return 5
        case .approved: return 6
        case .correct: return 7
        case .severity: return 8
        case .exceptionOpenedAt: return 9
        case .exceptionClearedAt: return 10
        case .agent: return 11
        case .outcome: return 12
        }
    }
}

/// Where each field sits in a row, worked out once from the header: an array lookup per cell, no hashing.
struct FieldIndex {
    var positions = [Int?](repeating: nil, count: LogField.allCases.count)
    init() {}
    init(_ fieldAt: [Int: String]) {
        for (i, f) in fieldAt { if let o = LogField.ordinals[f] { positions[o] = i } }
    }
}

/// One row's cells by field, looked up through the index.
struct Row {
    let value: (Int?) -> String?
    let at: FieldIndex
    subscript(_ field: LogField) -> String? { value(at.positions[field.ordinal]) }
    subscript(_ name: String) -> String? { LogField.ordinals[name].flatMap { value(at.positions[$0]) } }
}
