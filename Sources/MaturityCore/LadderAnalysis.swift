/// Judges a decision log against the trust ladder as seed 000 writes the gates:
/// - a gate is met only when the sample can show it (the Wilson lower bound clears the bar, or the
///   rung has its minimum reviewed cases; shadow's 500 is a floor, as the seed states a count);
/// - auto with exceptions needs straight ISO weeks that each clear the gate on the weekly minimum
///   of reviewed cases, with no rolling alarm and a manageable exception queue;
/// - a high-severity error steps back one named rung now; after it the rungs are judged on the
///   cases since, so a fixed agent climbs again and "act now" ends once the error leaves the
///   current window (the last `slo.rolling_window_transactions` cases).
public enum LadderAnalysis {
    /// Cases below this in a rung are too few for the interval to say much (the report says so).
    public static let fewCases = 100

    public static func analyse(_ log: [DecisionCase], agent: String, questionnaire q: Questionnaire,
                               calendar: BusinessCalendar = BusinessCalendar(), asOf: Day? = nil) -> LadderReport {
        let p = q.parameters
        // Readers sort; sort here only when a caller did not, to spare a copy of a million cases.
        let inOrder = zip(log, log.dropFirst()).allSatisfy { ($0.at, $0.row) <= ($1.at, $1.row) }
        let cases = inOrder ? log : log.sorted { ($0.at, $0.row) < ($1.at, $1.row) }
        let first = cases.first?.day, last = cases.last?.day
        let span = max(1.0, Double((first?.days(until: (asOf ?? last) ?? first ?? Day(daysSinceEpoch: 0)) ?? 0) + 1) / 7)
        let window = max(1, p.slo.rollingWindowTransactions)
        let windowStart = max(0, cases.count - window)

        // The latest high-severity error an acting rung made: the rungs are judged on the cases after it.
        let highs = cases.indices.filter { cases[$0].severity == .high && cases[$0].mode != .shadow }
        let latestHigh = highs.last
        let judged = cases[(latestHigh.map { $0 + 1 } ?? 0)...]

        let slo = rollingSLO(cases, window: window, pageBelow: p.slo.pageOwnerBelow)
        let queue = exceptionQueue(cases, slo: p.slo, calendar: calendar, until: asOf ?? last)
        let autoDef = p.rung(.autoWithExceptions)
        let autoGate = autoDef?.minRate ?? 0.95
        let weekly = autoDef?.minReviewedPerWeek ?? LadderDefaults.reviewedPerWeek
        let weeks = self.weeks(cases[...], gate: autoGate, minReviewed: weekly, alarms: slo.alarms, queue: queue.byWeek,
                               manageable: p.slo.exceptionQueueManageableShare, highSeverityOn: latestHigh.map { cases[$0].day })
        let run = straightRun(weeks)
        let rungs: [LadderReport.RungResult] = [EngineRung.shadow, .approveEach, .autoWithExceptions].compactMap { id in
            rung(id, all: cases[...], judged: judged, parameters: p, span: span, last: last, weeks: weeks, straight: run.count)
        }

        let currentID = judged.last?.rung ?? latestHigh.map { stepBack(from: cases[$0].rung) } ?? cases.last?.rung
        let current = currentID?.rawValue
        var verdict = LadderReport.Verdict.hold, reason = LadderReport.Reason.noCases
        var advanceTo: String?, stepBackTo: String?, auditMore: Int?, actNow = false
        let openAlarm = slo.alarms.last.flatMap { $0.open ? $0 : nil }
        let autoNow = cases[windowStart...].contains { $0.rung == .autoWithExceptions }
        if openAlarm != nil, autoNow {
            (verdict, reason, actNow) = (.stepBack, .alarmOpen, true)
            stepBackTo = EngineRung.approveEach.rawValue
        } else if let h = latestHigh, h >= windowStart {
            (verdict, reason, actNow) = (.stepBack, .highSeverityError, true)
            stepBackTo = stepBack(from: cases[h].rung).rawValue
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
        let errors = highs.map { LadderReport.HighSeverityError(caseID: cases[$0].caseID, day: cases[$0].day, rung: cases[$0].rung.rawValue) }
        return LadderReport(
            agent: agent, from: first, to: last, cases: cases.count, currentRung: current, rungs: rungs, weeks: weeks,
            straightWeeks: run.count, straightWeeksNeeded: autoDef?.straightWeeks ?? 3, restart: run.restart,
            rolling100: slo.points.last?.accuracy, rollingPoints: slo.points, alarms: slo.alarms, highSeverityErrors: errors,
            exceptionCases: queue.exceptions, exceptionsClearedInTime: queue.inTime, breaches: queue.breaches, worstQueueHours: queue.worst,
            verdict: verdict, reason: reason, advanceTo: advanceTo, stepBackTo: stepBackTo, auditMore: auditMore, actNow: actNow,
            judgedSince: latestHigh.map { cases[$0].day }, currentWindowCases: cases.count - windowStart,
            casesPerWeek: Double(cases.count) / span, exceptionShare: queue.share)
    }

    /// The rung below the one an error happened in: approve-each goes back to shadow, auto to approve-each.
    public static func stepBack(from rung: EngineRung) -> EngineRung {
        switch rung {
        case .autoWithExceptions, .productionOwned: return .approveEach
        case .approveEach, .shadow, .setup: return .shadow
        }
    }

    /// Reviewed cases and successes of one rung, counted in one pass, with its high-severity errors and days.
    static func count(_ id: EngineRung, _ cases: ArraySlice<DecisionCase>) -> (n: Int, k: Int, highs: Int, from: Day?, to: Day?) {
        var k = 0, n = 0, highs = 0
        var firstDay: Day?, lastDay: Day?
        for c in cases where c.rung == id {
            if firstDay == nil { firstDay = c.day }
            lastDay = c.day
            if c.severity == .high { highs += 1 }
            let outcome: Bool? = id == .shadow ? c.match : id == .approveEach ? c.approved : (c.mode == .auto ? c.correct : nil)
            if let ok = outcome {
                n += 1
                if ok { k += 1 }
            }
        }
        return (n, k, highs, firstDay, lastDay)
    }

    /// One rung's gate: its figures over the whole log, judged on the cases after the latest high-severity error.
    static func rung(_ id: EngineRung, all: ArraySlice<DecisionCase>, judged: ArraySlice<DecisionCase>, parameters p: Parameters,
                     span: Double, last: Day?, weeks: [LadderReport.Week], straight: Int) -> LadderReport.RungResult? {
        guard let def = p.rung(id) else { return nil }
        let whole = count(id, all)
        let (n, k, highs, _, _) = judged.startIndex == all.startIndex ? whole : count(id, judged)
        let rate = n > 0 ? Double(k) / Double(n) : nil
        let gateRate = def.minRate ?? 0.95
        let minCases = id == .approveEach ? (def.minCases ?? LadderDefaults.approveEachCases) : def.minCases
        var short: [LadderReport.Shortfall] = []
        var more: Int?
        if let rate {
            if rate < gateRate { short.append(.rateBelowGate) }
        } else {
            short.append(.noCases)
        }
        if let allowed = def.highSeverityAllowed ?? (id == .shadow ? nil : p.slo.highSeverityErrorsAllowed), highs > allowed {
            short.append(.highSeverity)
        }
        if id == .autoWithExceptions {
            let needed = def.straightWeeks ?? 3
            if straight < needed, n > 0 { short.append(.straightWeeksShort) }
            // The last week is in progress only for want of reviewed cases: say how many it still needs.
            if let lastWeek = weeks.last, lastWeek.status == .inProgress {
                more = max(0, (def.minReviewedPerWeek ?? LadderDefaults.reviewedPerWeek) - lastWeek.reviewed)
            }
        } else if rate.map({ $0 >= gateRate }) ?? false {
            more = auditMore(successes: k, cases: n, gate: gateRate, minCases: minCases, floor: id == .shadow)
            if (more ?? 1) > 0 { short.append(.sampleTooSmall) } else { more = nil }
        }
        var projected: Day?
        if let m = more, m > 0, let last, id != .autoWithExceptions {
            let perWeek = max(1, Double(n) / max(1, span))
            projected = last.adding(days: (Double(m) / perWeek * 7).roundedInt(.up))
        }
        let wholeRate = whole.n > 0 ? Double(whole.k) / Double(whole.n) : nil
        let interval = wilson(whole.k, whole.n)
        return LadderReport.RungResult(
            rung: id.rawValue, title: p.fill(def.title, rung: def).split(separator: ":").first.map(String.init) ?? def.title,
            cases: whole.n, successes: whole.k, rate: wholeRate, low: interval?.low, high: interval?.high,
            judgedCases: n, judgedSuccesses: k, gateRate: gateRate, gateCases: minCases,
            highSeverity: whole.highs, gateMet: short.isEmpty, shortfalls: short, auditMore: short.isEmpty ? nil : more,
            projectedOn: projected, from: whole.from, to: whole.to)
    }

    /// Straight weeks counted back from the last: a counting week adds one, a shutdown week or the
    /// week still in progress neither counts nor breaks, and any other week restarts the count.
    static func straightRun(_ weeks: [LadderReport.Week]) -> (count: Int, restart: LadderReport.Restart?) {
        var run = 0
        for week in weeks.reversed() {
            if week.status == .counts {
                run += 1
            } else if week.status.breaksRun {
                return (run, LadderReport.Restart(reason: week.status, week: week.week))
            }
        }
        return (run, nil)
    }
}
