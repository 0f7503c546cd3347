import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// Reads a business calendar for the exception-queue SLO:
/// ```yaml
/// workdays: [mon, tue, wed, thu, fri]
/// hours: "07:00-16:00"
/// holidays: [2026-12-25, 2027-01-01]
/// shutdowns: [{from: 2026-12-24, to: 2027-01-01}]   # the plant closed; plans move around it
/// ```
public enum CalendarLoader {
    public static func load(text: String, file: String) throws -> BusinessCalendar {
        let r = YAMLReader(file: file)
        guard let root = r.parse(text), let f = r.mapping(root, "", allowed: ["workdays", "hours", "holidays", "shutdowns"]) else {
            throw ValidationFailure(r.diagnostics)
        }
        var calendar = BusinessCalendar()
        let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
        if let days = r.sequence(f["workdays"], "workdays") {
            var set = Set<Int>()
            for node in days {
                let text = (node.string ?? "").lowercased().prefix(3)
                if let d = names[String(text)] { set.insert(d) } else { r.report(node, .notAWeekday(node.string ?? "")) }
            }
            calendar.workdays = set
        }
        if let hours = r.string(f, "hours") {
            let parts = hours.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            func minutes(_ s: String) -> Int? {
                let hm = s.split(separator: ":").compactMap { Int($0) }
                guard hm.count == 2, (0...24).contains(hm[0]), (0...59).contains(hm[1]) else { return nil }
                return hm[0] * 60 + hm[1]
            }
            if parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), b > a {
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
}
