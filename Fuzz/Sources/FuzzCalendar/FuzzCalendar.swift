import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

/// Any bytes as a plant calendar: a calendar or an error naming the line, never a trap; a calendar
/// that loads schedules a plan on it without hanging (a year of closures at most).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let calendar = try? CalendarLoader.load(text: text(data, size), file: "fuzz.yaml") else { return 0 }
    let start = Day(year: 2026, month: 12, day: 1)
    let span = calendar.span(from: start, workdays: 60)
    _ = calendar.workdaysBetween(span.start, span.end)
    return 0
}

@main
enum FuzzCalendar {
    static func main() { runFuzzer(fuzz) }
}
