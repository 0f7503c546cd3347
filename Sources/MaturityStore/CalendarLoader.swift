import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// Reads a business calendar for the exception-queue SLO:
/// ```yaml
/// workdays: [mon, tue, wed, thu, fri]
/// hours: "07:00-16:00"
/// holidays: [2026-12-25, 2027-01-01]
/// ```
public enum CalendarLoader {
    public static func load(text: String, file: String) throws -> BusinessCalendar {
        let r = YAMLReader(file: file)
        guard let root = r.parse(text), let f = r.mapping(root, "", allowed: ["workdays", "hours", "holidays"]) else {
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
        if r.hasErrors { throw ValidationFailure(r.diagnostics) }
        return calendar
    }
}
