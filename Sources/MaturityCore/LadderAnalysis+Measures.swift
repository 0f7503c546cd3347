/// The measures the verdict is built from: the interval and the sample it needs, the rolling SLO,
/// the exception queue in business hours, and the ISO weeks of auto with exceptions.
extension LadderAnalysis {
    /// 95% Wilson score interval for `k` successes in `n` trials.
    public static func wilson(_ k: Int, _ n: Int, z: Double = 1.959964) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        return wilson(rate: Double(k) / Double(n), n, z: z)
    }

    static func wilson(rate p: Double, _ n: Int, z: Double = 1.959964) -> (low: Double, high: Double) {
        let nn = Double(n)
        let denominator = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denominator
        let margin = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()) / denominator
        return (max(0, centre - margin), min(1, centre + margin))
    }

    /// The fewest extra reviewed cases that make the gate provable at the current rate: the smallest
    /// N ≥ n with the Wilson lower bound of (rate, N) at or above the gate, or N at the rung's
    /// minimum cases, whichever comes first; the answer is N − n. The lower bound grows with N at a
    /// fixed rate, so a binary search finds N. Nil when the rate is below the gate (no number of
    /// cases at that rate shows it). `floor`: the minimum is a hard count (shadow's, as the seed states it).
    public static func auditMore(successes k: Int, cases n: Int, gate: Double, minCases: Int?, floor: Bool = false) -> Int? {
        guard n > 0 else { return minCases }
        let rate = Double(k) / Double(n)
        guard rate >= gate else { return nil }
        if floor, let minCases { return max(0, minCases - n) }
        func provable(_ total: Int) -> Bool { (minCases.map { total >= $0 } ?? false) || wilson(rate: rate, total).low >= gate }
        if provable(n) { return 0 }
        var low = n, high = max(n, minCases ?? n)
        while !provable(high) {
            // Only at exactly the gate with no minimum does the interval never clear it.
            guard high < 100_000_000 else { return nil }
            low = high
            high *= 2
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if provable(mid) { high = mid } else { low = mid }
        }
        return high - n
    }

    /// Accuracy over every rolling window of reviewed automated cases, and the windows below the page line.
    static func rollingSLO(_ cases: [DecisionCase], window: Int, pageBelow: Double)
        -> (points: [LadderReport.RollingPoint], alarms: [LadderReport.AlarmWindow]) {
        let reviewed = cases.indices.filter { cases[$0].mode == .auto && cases[$0].correct != nil }.map { Int32($0) }
        guard reviewed.count >= window else { return ([], []) }
        func ok(_ i: Int) -> Bool { cases[Int(reviewed[i])].correct == true }
        func caseAt(_ i: Int) -> DecisionCase { cases[Int(reviewed[i])] }
        var points: [LadderReport.RollingPoint] = []
        var alarms: [LadderReport.AlarmWindow] = []
        var right = (0..<window).filter(ok).count
        let stride = max(1, (reviewed.count - window + 1) / 1400)
        var open: (first: Int, low: Double)?
        func close(_ lastEnd: Int, low: Double, first: Int, stillOpen: Bool) {
            alarms.append(.init(firstCase: caseAt(first - window + 1).caseID, lastCase: caseAt(lastEnd).caseID,
                                from: caseAt(first).day, to: caseAt(lastEnd).day, lowestAccuracy: low, open: stillOpen))
        }
        for end in (window - 1)..<reviewed.count {
            if end >= window {
                if ok(end) { right += 1 }
                if ok(end - window) { right -= 1 }
            }
            let accuracy = Double(right) / Double(window)
            // Every point of a short log; about 1,400 of a long one (a chart shows 700), and always the last.
            if (end - window + 1) % stride == 0 || end == reviewed.count - 1 {
                points.append(.init(day: caseAt(end).day, accuracy: accuracy))
            }
            if accuracy < pageBelow {
                open = open.map { ($0.first, min($0.low, accuracy)) } ?? (end, accuracy)
            } else if let o = open {
                close(end - 1, low: o.low, first: o.first, stillOpen: false)
                open = nil
            }
        }
        if let o = open { close(reviewed.count - 1, low: o.low, first: o.first, stillOpen: true) }
        return (points, alarms)
    }

    /// The exception queue against its business-hours limit: every breach, the worst time, the share
    /// of automated cases that needed a person, and per ISO week (by the day an exception opened)
    /// the exceptions and those cleared in time. One still open counts as late once it is past the limit.
    static func exceptionQueue(_ cases: [DecisionCase], slo: SLO, calendar: BusinessCalendar, until: Day?)
        -> (exceptions: Int, inTime: Int, breaches: [LadderReport.Breach], worst: Double?, share: Double?, byWeek: [Day: (Int, Int)]) {
        let limitMinutes = slo.exceptionQueueBusinessHours * 60
        var breaches: [LadderReport.Breach] = []
        var worst: Double?
        var byWeek: [Day: (Int, Int)] = [:]
        var exceptions = 0, inTime = 0, automated = 0, excepted = 0
        for c in cases {
            if c.mode == .auto || c.mode == .exception {
                automated += 1
                if c.mode == .exception || c.exceptionOpened != nil { excepted += 1 }
            }
            guard let opened = c.exceptionOpened else { continue }
            exceptions += 1
            let end = c.exceptionCleared ?? (until.map { ($0.daysSinceEpoch + 1) * 1440 } ?? opened)
            let hours = Double(calendar.businessMinutes(from: opened, to: end)) / 60
            worst = max(worst ?? 0, hours)
            let openedDay = Day(daysSinceEpoch: BusinessCalendar.floorDiv(opened, 1440))
            let weekStart = openedDay.adding(days: 1 - openedDay.isoWeekday)
            let late = hours * 60 > limitMinutes
            let (n, ok) = byWeek[weekStart] ?? (0, 0)
            byWeek[weekStart] = (n + 1, ok + (late ? 0 : 1))
            if late {
                breaches.append(.init(caseID: c.caseID, opened: openedDay, week: weekStart.isoWeekName, businessHours: hours,
                                      cleared: c.exceptionCleared != nil))
            } else {
                inTime += 1
            }
        }
        return (exceptions, inTime, breaches, worst, automated == 0 ? nil : Double(excepted) / Double(automated), byWeek)
    }

    /// The ISO weeks of auto with exceptions, from the first reviewed automated case to the last
    /// automated case, each with its status against the gate (see `LadderReport.WeekStatus`).
    static func weeks(_ cases: ArraySlice<DecisionCase>, gate: Double, minReviewed: Int, alarms: [LadderReport.AlarmWindow],
                      queue: [Day: (Int, Int)], manageable: Double, highSeverityOn: Day? = nil) -> [LadderReport.Week] {
        guard let firstDay = cases.first(where: { $0.mode == .auto && $0.correct != nil })?.day,
              let lastDay = cases.last(where: { $0.rung == .autoWithExceptions })?.day, firstDay <= lastDay else { return [] }
        let origin = firstDay.adding(days: 1 - firstDay.isoWeekday)
        // Automated, reviewed and right per week, counted in one pass.
        var counts: [Int: (auto: Int, reviewed: Int, right: Int)] = [:]
        for c in cases where c.rung == .autoWithExceptions {
            let w = BusinessCalendar.floorDiv(origin.days(until: c.day), 7)
            guard w >= 0 else { continue }
            var t = counts[w] ?? (0, 0, 0)
            t.auto += 1
            if c.mode == .auto, let ok = c.correct {
                t.reviewed += 1
                if ok { t.right += 1 }
            }
            counts[w] = t
        }
        var weeks: [LadderReport.Week] = []
        var start = origin
        while start <= lastDay {
            let end = start.adding(days: 6)
            let t = counts[origin.days(until: start) / 7] ?? (0, 0, 0)
            let accuracy = t.reviewed > 0 ? Double(t.right) / Double(t.reviewed) : nil
            let (exceptions, inTime) = queue[start] ?? (0, 0)
            let alarm = alarms.contains { $0.from <= end && $0.to >= start }
            let queueOK = exceptions == 0 || Double(inTime) / Double(exceptions) >= manageable
            let isLast = end >= lastDay
            let status: LadderReport.WeekStatus
            if let day = highSeverityOn, day >= start, day <= end { status = .highSeverity }
            else if t.auto == 0 { status = .noAutoCases }
            else if alarm { status = .alarm }
            else if !queueOK { status = .queueNotManageable }
            else if t.reviewed < minReviewed { status = isLast ? .inProgress : .tooFewReviewed }
            else if (accuracy ?? 0) < gate { status = .belowGate }
            else { status = .counts }
            weeks.append(.init(week: start.isoWeekName, start: start, reviewed: t.reviewed, correct: t.right, accuracy: accuracy,
                               exceptions: exceptions, clearedInTime: inTime, status: status))
            start = start.adding(days: 7)
        }
        return weeks
    }
}
