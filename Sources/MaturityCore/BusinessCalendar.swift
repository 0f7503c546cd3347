/// Business hours for the exception queue: working days, the hours of the working day, holidays,
/// and the plant's time zone. Times reach Core as the plant's wall clock (the reader converts a
/// time written with an offset into this zone), so the hours here are the plant's own.
public struct BusinessCalendar: Sendable, Equatable {
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    public var workdays: Set<Int> = [1, 2, 3, 4, 5]
    /// Minutes after midnight the working day starts and ends.
    public var opens = 8 * 60
    public var closes = 17 * 60
    public var holidays: Set<Day> = []
    /// The plant's IANA time zone (`America/Los_Angeles`); nil keeps times with an offset in UTC.
    public var timeZone: String?
    public init() {}

    /// Business minutes between two instants (minutes since the epoch on the plant's wall clock).
    public func businessMinutes(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        var total = 0
        var dayStart = Self.floorDiv(start, 1440) * 1440
        while dayStart < end {
            let day = Day(daysSinceEpoch: dayStart / 1440)
            if workdays.contains(day.isoWeekday), !holidays.contains(day) {
                let a = max(start, dayStart + opens), b = min(end, dayStart + closes)
                if b > a { total += b - a }
            }
            dayStart += 1440
        }
        return total
    }

    public static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
}
