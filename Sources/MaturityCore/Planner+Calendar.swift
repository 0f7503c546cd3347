/// Plans fall on the plant's working days: a step starts on a working day, lasts a number of
/// working days, and ends on one; holidays and shutdowns inside it push its end out and are kept
/// on the step, so a shadow rung never spans a shutdown without saying so.
extension BusinessCalendar {
    public func isWorkday(_ day: Day) -> Bool { workdays.contains(day.isoWeekday) && !holidays.contains(day) }

    /// The first working day on or after `day` (the day itself when there are no working days at all).
    public func firstWorkday(onOrAfter day: Day) -> Day {
        guard !workdays.isEmpty else { return day }
        var d = day
        // A year of closures is the most any calendar this tool reads can hold.
        for _ in 0..<400 where !isWorkday(d) { d = d.adding(days: 1) }
        return d
    }

    /// Working days a span of `calendarDays` holds in an ordinary week (at least one).
    public func workdays(inCalendarDays calendarDays: Int) -> Int {
        let perWeek = max(1, workdays.count)
        return max(1, (Double(calendarDays * perWeek) / 7).roundedInt(.up))
    }

    /// `count` working days from the first working day on or after `from`: the first and last
    /// day, and the closed days (holidays, shutdowns) on regular working days between them.
    public func span(from: Day, workdays count: Int) -> (start: Day, end: Day, closed: [Day]) {
        let start = firstWorkday(onOrAfter: from)
        guard !workdays.isEmpty else { return (start, start.adding(days: max(1, count) - 1), []) }
        var left = max(1, count) - 1
        var d = start
        var closed: [Day] = []
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkday(d) {
                left -= 1
            } else if workdays.contains(d.isoWeekday) {
                closed.append(d)
            }
            if closed.count > 400 { break }
        }
        return (start, d, closed)
    }

    /// Working days from `a` to `b`, both counted.
    public func workdaysBetween(_ a: Day, _ b: Day) -> Int {
        guard a <= b, a.days(until: b) <= 5000 else { return 0 }
        var n = 0
        var d = a
        while d <= b {
            if isWorkday(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }
}
