import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// Reads a business calendar for the exception-queue SLO:
/// ```yaml
/// timezone: America/Los_Angeles      # the plant's IANA zone; times with an offset are read in it
/// workdays: [mon, tue, wed, thu, fri]
/// hours: "07:00-16:00"
/// holidays: [2026-12-25, 2027-01-01]
/// shutdowns: [{from: 2026-12-24, to: 2027-01-01}]   # the plant closed; plans move around it
/// ```
/// Values are checked exactly: a weekday is its three-letter or full English name, the hours are
/// `HH:MM-HH:MM` with the close after the open, and an empty workdays list is refused.
public enum CalendarLoader {
    static let weekdays = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
                           "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7]

    public static func load(text: String, file: String) throws -> BusinessCalendar {
        let r = YAMLReader(file: file)
        guard let root = r.parse(text), let f = r.mapping(root, "", allowed: ["timezone", "workdays", "hours", "holidays", "shutdowns"]) else {
            throw ValidationFailure(r.diagnostics)
        }
        var calendar = BusinessCalendar()
        if let zone = r.string(f, "timezone") {
            if TimeZone(identifier: zone) != nil, zone.contains("/") || zone == "UTC" {
                calendar.timeZone = zone
            } else {
                r.report(f["timezone"], .unknownTimeZone(zone))
            }
        }
        if let days = r.sequence(f["workdays"], "workdays") {
            var set = Set<Int>()
            for node in days {
                let text = (node.string ?? "").trimmingCharacters(in: .whitespaces).lowercased()
                if let d = weekdays[text] { set.insert(d) } else { r.report(node, .notAWeekday(node.string ?? "")) }
            }
            if days.isEmpty { r.report(f["workdays"], .emptyList(path: "workdays", fix: "list the working days, like [mon, tue, wed, thu, fri]")) }
            calendar.workdays = set
        }
        if let hours = r.string(f, "hours") {
            if let (a, b) = openingHours(hours) {
                calendar.opens = a
                calendar.closes = b
            } else {
                r.report(f["hours"], .badOpeningHours(hours))
            }
        }
        if let days = r.sequence(f["holidays"], "holidays") {
            for node in days {
                if let d = node.string.flatMap(Day.init(iso:)) { calendar.holidays.insert(d) } else { r.report(node, .notAHoliday(node.string ?? "")) }
            }
        }
        shutdowns(r, f, into: &calendar)
        if r.hasErrors { throw ValidationFailure(r.diagnostics) }
        return calendar
    }

    /// `shutdowns:`, each `{from: DATE, to: DATE}`: every day in it is closed, like a holiday.
    static func shutdowns(_ r: YAMLReader, _ f: Fields, into calendar: inout BusinessCalendar) {
        guard let list = r.sequence(f["shutdowns"], "shutdowns") else { return }
        for (i, node) in list.enumerated() {
            guard let m = r.mapping(node, "shutdowns[\(i)]", allowed: ["from", "to", "name"]) else { continue }
            let from = r.string(m, "from", required: true).flatMap(Day.init(iso:))
            let to = r.string(m, "to", required: true).flatMap(Day.init(iso:))
            guard let from, let to else {
                r.report(node, .notAHoliday(r.string(m, "from") ?? r.string(m, "to") ?? ""))
                continue
            }
            guard from <= to, from.days(until: to) <= 366 else {
                r.report(node, .minAboveMax(min: "shutdowns[\(i)].from", max: "to (or a shutdown longer than a year)"))
                continue
            }
            var d = from
            while d <= to {
                calendar.holidays.insert(d)
                d = d.adding(days: 1)
            }
        }
    }

    /// `HH:MM-HH:MM` (spaces around the dash allowed), 00:00 to 24:00, closing after opening.
    static func openingHours(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func minutes(_ s: String) -> Int? {
            let hm = s.split(separator: ":", omittingEmptySubsequences: false)
            guard hm.count == 2, hm[0].count == 2, hm[1].count == 2, hm.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0...59).contains(m), h < 24 || m == 0 else { return nil }
            return h * 60 + m
        }
        guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), b > a else { return nil }
        return (a, b)
    }
}
