/// One case an agent touched, as a decision log records it.
public struct DecisionCase: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case shadow, approveEach = "approve_each", auto, exception }
    public enum Severity: String, Sendable { case none, low, high }

    public var row: Int
    public var caseID: String
    /// Minutes since 1970-01-01 00:00 in the log's own clock (zones are normalised by the reader).
    public var at: Int
    public var mode: Mode
    /// Shadow: the agent agreed with the person.
    public var match: Bool?
    /// Approve-each: the person approved it unchanged (edited counts as not approved).
    public var approved: Bool?
    /// Auto: an audit found it right; nil when not reviewed.
    public var correct: Bool?
    public var severity: Severity
    public var exceptionOpened: Int?
    public var exceptionCleared: Int?

    public init(row: Int, caseID: String, at: Int, mode: Mode, match: Bool? = nil, approved: Bool? = nil, correct: Bool? = nil,
                severity: Severity = .none, exceptionOpened: Int? = nil, exceptionCleared: Int? = nil) {
        self.row = row
        self.caseID = caseID
        self.at = at
        self.mode = mode
        self.match = match
        self.approved = approved
        self.correct = correct
        self.severity = severity
        self.exceptionOpened = exceptionOpened
        self.exceptionCleared = exceptionCleared
    }

    public var day: Day { Day(daysSinceEpoch: at >= 0 ? at / 1440 : (at - 1439) / 1440) }
}

/// Business hours for the exception queue: working days, the hours of the working day, holidays.
public struct BusinessCalendar: Sendable, Equatable {
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    public var workdays: Set<Int> = [1, 2, 3, 4, 5]
    /// Minutes after midnight the working day starts and ends.
    public var opens = 8 * 60
    public var closes = 17 * 60
    public var holidays: Set<Day> = []
    public init() {}

    /// Business minutes between two instants (minutes since the epoch).
    public func businessMinutes(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        var total = 0
        var dayStart = (start / 1440) * 1440
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
}

/// What a decision log says about an agent's climb: each rung's rate against its gate, the SLO,
/// and the verdict. Built by `LadderAnalysis.analyse`, a pure function.
public struct LadderReport: Sendable, Equatable {
    public struct RungResult: Sendable, Equatable {
        public var rung: String
        public var title: String
        public var cases: Int
        public var successes: Int
        public var rate: Double?
        public var low: Double?
        public var high: Double?
        public var gateRate: Double
        public var gateCases: Int?
        public var highSeverity: Int
        public var gateMet: Bool
        public var why: String
        /// Too few cases, or an interval that straddles the gate.
        public var uncertain: Bool
        /// The day the gate would be met at this rate and volume, if it will be.
        public var projectedOn: Day?
        public var from: Day?
        public var to: Day?
    }

    public struct Week: Sendable, Equatable {
        public var week: String
        public var start: Day
        public var reviewed: Int
        public var correct: Int
        public var accuracy: Double?
        public var meetsGate: Bool
    }

    public struct AlarmWindow: Sendable, Equatable {
        public var firstCase: String
        public var lastCase: String
        public var from: Day
        public var to: Day
        public var lowestAccuracy: Double
    }

    public struct Breach: Sendable, Equatable {
        public var caseID: String
        public var opened: Day
        public var businessHours: Double
    }

    public enum Verdict: String, Sendable { case advance, hold, stepBack = "step_back" }

    public var agent: String
    public var from: Day?
    public var to: Day?
    public var cases: Int
    public var currentRung: String?
    public var rungs: [RungResult]
    public var weeks: [Week]
    public var straightWeeks: Int
    public var emptyWeeks: [String]
    public var rolling100: Double?
    /// (case index, accuracy) points of the rolling window, for the chart.
    public var rollingPoints: [(day: Day, accuracy: Double)]
    public var alarms: [AlarmWindow]
    public var highSeverity: Int
    public var exceptionCases: Int
    public var breaches: [Breach]
    public var worstQueueHours: Double?
    public var verdict: Verdict
    public var verdictReason: String
    public var advanceTo: String?
    public var casesPerWeek: Double
    public var exceptionShare: Double?

    public static func == (a: LadderReport, b: LadderReport) -> Bool {
        a.agent == b.agent && a.rungs == b.rungs && a.weeks == b.weeks && a.verdict == b.verdict && a.alarms == b.alarms
    }
}

public enum LadderAnalysis {
    /// 95% Wilson score interval for `k` successes in `n` trials.
    public static func wilson(_ k: Int, _ n: Int, z: Double = 1.959964) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let p = Double(k) / Double(n), nn = Double(n)
        let denominator = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denominator
        let margin = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()) / denominator
        return (max(0, centre - margin), min(1, centre + margin))
    }

    /// Cases below this in a rung are called too few to be sure of.
    public static let fewCases = 100

    public static func analyse(_ log: [DecisionCase], agent: String, questionnaire q: Questionnaire,
                               calendar: BusinessCalendar = BusinessCalendar(), asOf: Day? = nil) -> LadderReport {
        let p = q.parameters
        // Logs come sorted (the reader insists); sort only when they do not, to spare a copy of a million cases.
        let inOrder = zip(log, log.dropFirst()).allSatisfy { ($0.at, $0.row) <= ($1.at, $1.row) }
        let cases = inOrder ? log : log.sorted { ($0.at, $0.row) < ($1.at, $1.row) }
        let first = cases.first?.day, last = cases.last?.day
        let span = max(1.0, Double((first?.days(until: (asOf ?? last) ?? first ?? Day(daysSinceEpoch: 0)) ?? 0) + 1) / 7)
        let perWeek = Double(cases.count) / span

        let rungs = [
            rung(.shadow, .shadow, { $0.match }, cases: cases, parameters: p, span: span, last: last),
            rung(.approveEach, .approveEach, { $0.approved }, cases: cases, parameters: p, span: span, last: last),
            rung(.autoWithExceptions, .auto, { $0.correct }, cases: cases, parameters: p, span: span, last: last),
        ].compactMap { $0 }
        let autoGate = p.rung(.autoWithExceptions)?.minRate ?? 0.95
        let weeks = weekly(cases, gate: autoGate)
        let slo = rollingSLO(cases, parameters: p)
        let queue = exceptionQueue(cases, parameters: p, calendar: calendar, until: asOf ?? last)
        let judged = verdict(cases, rungs: rungs, slo: slo, parameters: p)
        return LadderReport(agent: agent, from: first, to: last, cases: cases.count, currentRung: judged.current, rungs: rungs,
                            weeks: weeks, straightWeeks: straightRun(cases, gate: autoGate), emptyWeeks: emptyWeeks(weeks),
                            rolling100: slo.current, rollingPoints: slo.points,
                            alarms: slo.alarms, highSeverity: cases.filter { $0.severity == .high }.count,
                            exceptionCases: queue.exceptions, breaches: queue.breaches,
                            worstQueueHours: queue.worst, verdict: judged.verdict, verdictReason: judged.reason, advanceTo: judged.advanceTo,
                            casesPerWeek: perWeek, exceptionShare: queue.share)
    }

    /// One rung's gate, judged from its cases in one pass: rate, interval, count, high-severity errors.
    static func rung(_ id: EngineRung, _ mode: DecisionCase.Mode, _ outcome: (DecisionCase) -> Bool?, cases: [DecisionCase],
                     parameters p: Parameters, span: Double, last: Day?) -> LadderReport.RungResult? {
        guard let def = p.rung(id) else { return nil }
        // One pass: no copies of the rung's cases.
        var k = 0, n = 0, highs = 0, inRungCount = 0
        var firstDay: Day?, lastDay: Day?
        for c in cases where c.mode == mode {
            inRungCount += 1
            if firstDay == nil { firstDay = c.day }
            lastDay = c.day
            if c.severity == .high { highs += 1 }
            if let ok = outcome(c) {
                n += 1
                if ok { k += 1 }
            }
        }
        let rate = n > 0 ? Double(k) / Double(n) : nil
        let interval = wilson(k, n)
        let gateRate = def.minRate ?? 0.95
        var short: [String] = []
        if let needed = def.minCases, n < needed { short.append("\(n) of \(needed) cases") }
        if let rate, rate < gateRate { short.append("\(Format.percent(rate)) against \(Format.percent(gateRate))") }
        if rate == nil { short.append("no cases yet") }
        if let allowed = def.highSeverityAllowed, highs > allowed { short.append("\(highs) high-severity \(highs == 1 ? "error" : "errors")") }
        var met = short.isEmpty
        var why = met ? "\(Format.percent(rate ?? 0)) on \(n) cases clears \(Format.percent(gateRate))" + (def.minCases.map { " on at least \($0)" } ?? "")
                      : "short: " + short.joined(separator: "; ")
        if id == .autoWithExceptions, let weeksNeeded = def.straightWeeks, n > 0 {
            // Judged week by week: the gate holds for the last straight weeks, whatever came before.
            let run = straightRun(cases, gate: gateRate)
            let highsOK = def.highSeverityAllowed.map { highs <= $0 } ?? true
            met = run >= weeksNeeded && highsOK
            why = "\(run) straight \(run == 1 ? "week" : "weeks") at or above \(Format.percent(gateRate)), \(weeksNeeded) needed"
                + (highsOK ? "" : "; \(highs) high-severity errors")
        }
        // Auto is judged week by week; the other rungs on their rate and count.
        let uncertain = n < fewCases || (id != .autoWithExceptions && (interval.map { $0.low < gateRate && $0.high >= gateRate } ?? true))
        var projected: Day?
        if !met, let rate, rate < gateRate, n > 0 { why += "; not at this rate" }
        if !met, let rate, rate >= gateRate, let needed = def.minCases, n < needed, let last {
            let weekly = max(1, Double(inRungCount) / max(1, span))
            projected = last.adding(days: (Double(needed - n) / weekly * 7).roundedInt(.up))
        }
        return LadderReport.RungResult(rung: id.rawValue, title: p.fill(def.title, rung: def).split(separator: ":").first.map(String.init) ?? def.title,
                                       cases: n, successes: k, rate: rate, low: interval?.low, high: interval?.high,
                                       gateRate: gateRate, gateCases: def.minCases, highSeverity: highs, gateMet: met, why: why,
                                       uncertain: uncertain, projectedOn: projected,
                                       from: firstDay, to: lastDay)
    }

    /// The SLO: accuracy over every rolling window of reviewed auto cases, and the windows below the page line.
    static func rollingSLO(_ cases: [DecisionCase], parameters p: Parameters)
        -> (points: [(day: Day, accuracy: Double)], alarms: [LadderReport.AlarmWindow], current: Double?, lastReviewed: Day?) {
    let reviewed = cases.indices.filter { cases[$0].mode == .auto && cases[$0].correct != nil }.map { Int32($0) }
    let window = p.slo.rollingWindowTransactions
    var points: [(day: Day, accuracy: Double)] = []
    var alarms: [LadderReport.AlarmWindow] = []
    var current100: Double?
    if reviewed.count >= window {
        func ok(_ i: Int) -> Bool { cases[Int(reviewed[i])].correct == true }
        func dayOf(_ i: Int) -> Day { cases[Int(reviewed[i])].day }
        var right = (0..<window).filter(ok).count
        var open: (first: Int, low: Double)?
        for end in (window - 1)..<reviewed.count {
            if end >= window {
                if ok(end) { right += 1 }
                if ok(end - window) { right -= 1 }
            }
            let accuracy = Double(right) / Double(window)
            points.append((dayOf(end), accuracy))
            if accuracy < p.slo.pageOwnerBelow {
                open = open.map { ($0.first, min($0.low, accuracy)) } ?? (end, accuracy)
            } else if let o = open {
                alarms.append(alarm(cases, reviewed, o.first, end - 1, window, o.low))
                open = nil
            }
        }
        if let o = open { alarms.append(alarm(cases, reviewed, o.first, reviewed.count - 1, window, o.low)) }
        current100 = points.last?.accuracy
    }
        return (points, alarms, current100, reviewed.last.map { cases[Int($0)].day })
    }

    /// The exception queue against its business-hours limit, and the share of automated cases that needed a person.
    static func exceptionQueue(_ cases: [DecisionCase], parameters p: Parameters, calendar: BusinessCalendar, until: Day?)
        -> (exceptions: Int, breaches: [LadderReport.Breach], worst: Double?, share: Double?) {
    let exceptions = cases.filter { $0.exceptionOpened != nil }
    let limitMinutes = p.slo.exceptionQueueBusinessHours * 60
    var breaches: [LadderReport.Breach] = []
    var worst: Double?
    for c in exceptions {
        guard let opened = c.exceptionOpened else { continue }
        let end = c.exceptionCleared ?? (until.map { ($0.daysSinceEpoch + 1) * 1440 } ?? opened)
        let minutes = calendar.businessMinutes(from: opened, to: end)
        let hours = Double(minutes) / 60
        worst = max(worst ?? 0, hours)
        if Double(minutes) > limitMinutes {
            breaches.append(.init(caseID: c.caseID, opened: Day(daysSinceEpoch: opened / 1440), businessHours: hours))
        }
    }
    var automated = 0, excepted = 0
    for c in cases where c.mode == .auto || c.mode == .exception {
        automated += 1
        if c.mode == .exception || c.exceptionOpened != nil { excepted += 1 }
    }
    let exceptionShare = automated == 0 ? nil : Double(excepted) / Double(automated)
        return (exceptions.count, breaches, worst, exceptionShare)
    }

    /// Advance, hold or step back: an open alarm or a recent high-severity error steps back; else the current rung's gate decides.
    static func verdict(_ cases: [DecisionCase], rungs: [LadderReport.RungResult],
                        slo: (points: [(day: Day, accuracy: Double)], alarms: [LadderReport.AlarmWindow], current: Double?, lastReviewed: Day?),
                        parameters p: Parameters) -> (current: String?, verdict: LadderReport.Verdict, reason: String, advanceTo: String?) {
        let alarms = slo.alarms, window = p.slo.rollingWindowTransactions
    // The current rung is the highest mode the log reaches.
    let order: [(DecisionCase.Mode, String)] = [(.shadow, "shadow"), (.approveEach, "approve_each"), (.auto, "auto_with_exceptions")]
    let current = order.last { m in cases.contains { $0.mode == m.0 } }?.1
    var verdict = LadderReport.Verdict.hold
    var reason = "no cases in the log"
    var advanceTo: String?
    let ladderIDs = p.trustLadder.map(\.id)
    let recentHigh = cases.filter { $0.severity == .high && ($0.mode == .approveEach || $0.mode == .auto) }
    if let latestAlarm = alarms.last, slo.lastReviewed.map({ $0 <= latestAlarm.to }) ?? false {
        verdict = .stepBack
        reason = "the rolling \(window) accuracy is below \(Format.percent(p.slo.pageOwnerBelow)) now (since \(latestAlarm.from.iso)): page the owner and go back one rung"
    } else if let high = recentHigh.last {
        verdict = .stepBack
        reason = "a high-severity error (case \(high.caseID), \(high.day.iso)): any no sends the agent back a rung"
    } else if let current, let result = rungs.first(where: { $0.rung == current }) {
        if result.gateMet {
            verdict = .advance
            if let i = ladderIDs.firstIndex(of: current), i + 1 < ladderIDs.count { advanceTo = ladderIDs[i + 1] }
            reason = "\(result.title) gate met (\(result.why)); advance to \(advanceTo.flatMap { id in p.trustLadder.first { $0.id == id }.flatMap { p.fill($0.title, rung: $0).split(separator: ":").first.map(String.init) } } ?? "the next rung")"
        } else {
            verdict = .hold
            reason = "\(result.title): \(result.why)"
        }
    }
        return (current, verdict, reason, advanceTo)
    }

    static func alarm(_ cases: [DecisionCase], _ reviewed: [Int32], _ firstEnd: Int, _ lastEnd: Int, _ window: Int, _ low: Double) -> LadderReport.AlarmWindow {
        let c = { (i: Int) in cases[Int(reviewed[i])] }
        return LadderReport.AlarmWindow(firstCase: c(firstEnd - window + 1).caseID, lastCase: c(lastEnd).caseID,
                                        from: c(firstEnd).day, to: c(lastEnd).day, lowestAccuracy: low)
    }

    /// Reviewed auto cases by ISO week, every week from the first to the last (empty ones too).
    static func weekly(_ cases: [DecisionCase], gate: Double) -> [LadderReport.Week] {
        let auto = cases.lazy.filter { $0.mode == .auto && $0.correct != nil }
        guard let firstDay = auto.first?.day, let lastDay = cases.last(where: { $0.mode == .auto && $0.correct != nil })?.day else { return [] }
        // Reviewed and right per week, counted in one pass.
        var counts: [Int: (Int, Int)] = [:]
        let origin = firstDay.adding(days: 1 - firstDay.isoWeekday).daysSinceEpoch
        for c in auto {
            let w = (c.day.daysSinceEpoch - origin) / 7
            let (n, k) = counts[w] ?? (0, 0)
            counts[w] = (n + 1, k + (c.correct == true ? 1 : 0))
        }
        var weeks: [LadderReport.Week] = []
        var start = firstDay.adding(days: 1 - firstDay.isoWeekday)
        while start <= lastDay {
            let end = start.adding(days: 7)
            let (reviewed, right) = counts[(start.daysSinceEpoch - origin) / 7] ?? (0, 0)
            let accuracy = reviewed > 0 ? Double(right) / Double(reviewed) : nil
            weeks.append(.init(week: start.isoWeekName, start: start, reviewed: reviewed, correct: right, accuracy: accuracy,
                               meetsGate: accuracy.map { $0 >= gate } ?? false))
            start = end
        }
        return weeks
    }

    /// Straight weeks at or above the gate, counted back from the last week; a week with no
    /// reviewed cases neither counts nor breaks the run.
    static func straightRun(_ cases: [DecisionCase], gate: Double) -> Int {
        var run = 0
        for week in weekly(cases, gate: gate).reversed() {
            if week.reviewed == 0 { continue }
            if week.meetsGate { run += 1 } else { break }
        }
        return run
    }

    static func emptyWeeks(_ weeks: [LadderReport.Week]) -> [String] { weeks.filter { $0.reviewed == 0 }.map(\.week) }
}
