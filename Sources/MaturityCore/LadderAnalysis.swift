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
        var fold = LadderFold(questionnaire: q, calendar: calendar, asOf: asOf)
        fold.add(contentsOf: log)
        return fold.report(agent: agent)
    }

    /// The rung below the one an error happened in: approve-each goes back to shadow, auto to approve-each.
    public static func stepBack(from rung: EngineRung) -> EngineRung {
        switch rung {
        case .autoWithExceptions, .productionOwned: return .approveEach
        case .approveEach, .shadow, .setup: return .shadow
        }
    }

    /// One rung's gate: its figures over the whole log, judged on the cases after the latest high-severity error.
    static func rung(_ id: EngineRung, whole: LadderFold.Tally, judged: LadderFold.Tally, parameters p: Parameters,
                     span: Double, last: Day?, weeks: [LadderReport.Week], straight: Int) -> LadderReport.RungResult? {
        guard let def = p.rung(id) else { return nil }
        let (n, k, highs) = (judged.n, judged.k, judged.highs)
        let rate = n > 0 ? Double(k) / Double(n) : nil
        let gateRate = def.minRate ?? p.autoGateRate
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
            let needed = def.straightWeeks ?? p.autoStraightWeeks
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
            projectedOn: projected, from: whole.from.map(Day.init(daysSinceEpoch:)), to: whole.to.map(Day.init(daysSinceEpoch:)))
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
