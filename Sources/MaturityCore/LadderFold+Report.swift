/// The report from a fold's running totals, and the measures that need the end of the log.
extension LadderFold {
    /// The report on the cases folded so far: each rung against its gate, the weeks, the SLO and the verdict.
    public func report(agent: String) -> LadderReport {
        let p = parameters
        let first = firstDay.map(Day.init(daysSinceEpoch:)), last = lastDay.map(Day.init(daysSinceEpoch:))
        let span = max(1.0, Double((first?.days(until: (asOf ?? last) ?? first ?? Day(daysSinceEpoch: 0)) ?? 0) + 1) / 7)
        let windowStart = max(0, count - window)

        let slo = rollingSLO()
        let queue = exceptionQueue(until: asOf ?? last)
        let autoDef = p.rung(.autoWithExceptions)
        let autoGate = p.autoGateRate
        let weekly = autoDef?.minReviewedPerWeek ?? LadderDefaults.reviewedPerWeek
        let weeks = self.weeks(gate: autoGate, minReviewed: weekly, alarms: slo.alarms, queue: queue.byWeek,
                               manageable: p.slo.exceptionQueueManageableShare, highSeverityOn: latestHigh.map { Day(daysSinceEpoch: $0.day) })
        let run = LadderAnalysis.straightRun(weeks)
        let rungs: [LadderReport.RungResult] = [EngineRung.shadow, .approveEach, .autoWithExceptions].compactMap { id in
            guard let s = Self.slot(id) else { return nil }
            return LadderAnalysis.rung(id, whole: whole[s], judged: since[s], parameters: p, span: span, last: last, weeks: weeks, straight: run.count)
        }

        // The rung of the last case after the latest high-severity error; when that error is the last case, the rung below it.
        let currentID = latestHigh.flatMap { $0.index == count - 1 ? LadderAnalysis.stepBack(from: $0.rung) : nil } ?? lastRung
        let current = currentID?.rawValue
        var verdict = LadderReport.Verdict.hold, reason = LadderReport.Reason.noCases
        var advanceTo: String?, stepBackTo: String?, auditMore: Int?, actNow = false
        let openAlarm = slo.alarms.last.flatMap { $0.open ? $0 : nil }
        let autoNow = lastAutoIndex.map { $0 >= windowStart } ?? false
        if openAlarm != nil, autoNow {
            (verdict, reason, actNow) = (.stepBack, .alarmOpen, true)
            stepBackTo = EngineRung.approveEach.rawValue
        } else if let h = latestHigh, h.index >= windowStart {
            (verdict, reason, actNow) = (.stepBack, .highSeverityError, true)
            stepBackTo = LadderAnalysis.stepBack(from: h.rung).rawValue
        } else if let current, let result = rungs.first(where: { $0.rung == current }) {
            if result.gateMet {
                (verdict, reason) = (.advance, .gateMet)
                let ids = p.trustLadder.map(\.id)
                if let i = ids.firstIndex(of: current), i + 1 < ids.count { advanceTo = ids[i + 1] }
            } else {
                (verdict, reason) = (.hold, .gateShort)
                auditMore = result.auditMore
            }
        }
        return LadderReport(
            agent: agent, from: first, to: last, cases: count, currentRung: current, rungs: rungs, weeks: weeks,
            straightWeeks: run.count, straightWeeksNeeded: p.autoStraightWeeks, restart: run.restart,
            rolling100: slo.points.last?.accuracy, rollingPoints: slo.points, alarms: slo.alarms, highSeverityErrors: highs,
            exceptionCases: exceptions, exceptionsClearedInTime: queue.inTime, breaches: queue.breaches, worstQueueHours: queue.worst,
            verdict: verdict, reason: reason, advanceTo: advanceTo, stepBackTo: stepBackTo, auditMore: auditMore, actNow: actNow,
            judgedSince: latestHigh.map { Day(daysSinceEpoch: $0.day) }, currentWindowCases: count - windowStart,
            casesPerWeek: Double(count) / span, exceptionShare: automated == 0 ? nil : Double(excepted) / Double(automated))
    }
}

/// The measures that need the whole log: the rolling accuracy's chart points, the exceptions
/// still open at its end, and the ISO weeks of auto with exceptions.
extension LadderFold {
    /// The rolling accuracy at about 1,400 points of a long log (every point of a short one, and
    /// always the last), replayed from one bit per reviewed case; and the alarms, the last one
    /// still open if the window is below the page line at the last reviewed automated case.
    func rollingSLO() -> (points: [LadderReport.RollingPoint], alarms: [LadderReport.AlarmWindow]) {
        guard reviewed >= window else { return ([], []) }
        var alarms = self.alarms
        if let o = openAlarm, let last = previousReviewed {
            alarms.append(.init(firstCase: o.firstCase, lastCase: last.id, from: Day(daysSinceEpoch: o.from),
                                to: Day(daysSinceEpoch: last.day), lowestAccuracy: o.low, open: true))
        }
        var points: [LadderReport.RollingPoint] = []
        let stride = max(1, (reviewed - window + 1) / 1400)
        var right = 0, run = 0
        for e in 0..<reviewed {
            if Self.bit(okBits, e) { right += 1 }
            if e >= window, Self.bit(okBits, e - window) { right -= 1 }
            guard e >= window - 1, (e - window + 1) % stride == 0 || e == reviewed - 1 else { continue }
            while run + 1 < reviewedDays.count, reviewedDays[run + 1].index <= e { run += 1 }
            points.append(.init(day: Day(daysSinceEpoch: reviewedDays[run].day), accuracy: Double(right) / Double(window)))
        }
        return (points, alarms)
    }

    /// The exception queue with the exceptions still open judged against the log's end (or `until`):
    /// one still open counts as late once it is past the limit. Breaches stay in case order.
    func exceptionQueue(until: Day?) -> (inTime: Int, breaches: [LadderReport.Breach], worst: Double?, byWeek: [Int: (Int, Int)]) {
        guard !uncleared.isEmpty else { return (inTime, breaches, worst, queueByWeek) }
        var judged = self
        var merged: [LadderReport.Breach] = []
        var taken = 0
        for u in uncleared {
            let end = until.map { ($0.daysSinceEpoch + 1) * 1440 } ?? u.opened
            guard let breach = judged.judgeException(opened: u.opened, end: end, caseID: u.caseID, cleared: false) else { continue }
            merged += breaches[taken..<u.position]
            taken = u.position
            merged.append(breach)
        }
        merged += breaches[taken...]
        return (judged.inTime, merged, judged.worst, judged.queueByWeek)
    }

    /// The ISO weeks of auto with exceptions, from the first reviewed automated case to the last
    /// automated case, each with its status against the gate (see `LadderReport.WeekStatus`).
    func weeks(gate: Double, minReviewed: Int, alarms: [LadderReport.AlarmWindow],
               queue: [Int: (Int, Int)], manageable: Double, highSeverityOn: Day? = nil) -> [LadderReport.Week] {
        guard let firstReviewed = firstReviewedDay, let lastAuto = lastAutoDay, firstReviewed <= lastAuto else { return [] }
        var counts = weekCounts
        if let w = currentWeek {
            let t = counts[w.monday] ?? (0, 0, 0)
            counts[w.monday] = (t.auto + w.auto, t.reviewed + w.reviewed, t.right + w.right)
        }
        let lastDay = Day(daysSinceEpoch: lastAuto)
        var weeks: [LadderReport.Week] = []
        var monday = Self.monday(firstReviewed)
        while monday <= lastAuto {
            let start = Day(daysSinceEpoch: monday), end = Day(daysSinceEpoch: monday + 6)
            let t = counts[monday] ?? (0, 0, 0)
            let accuracy = t.reviewed > 0 ? Double(t.right) / Double(t.reviewed) : nil
            let (exceptions, inTime) = queue[monday] ?? (0, 0)
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
            monday += 7
        }
        return weeks
    }
}
