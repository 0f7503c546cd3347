/// The ladder analysis as running totals: cases go in one at a time in time order (by `at`, then
/// row) and `report(agent:)` judges them, so a log of millions of rows is never held whole.
/// What it keeps grows with the weeks, the errors and breaches the report lists, the exceptions
/// not yet cleared, and one bit per reviewed automated case (the chart samples the rolling
/// accuracy at points spaced by the total, known only at the end); never with the cases themselves.
/// `LadderAnalysis.analyse` folds an array through it, so both paths give the same report.
public struct LadderFold: Sendable {
    let parameters: Parameters
    let calendar: BusinessCalendar
    let asOf: Day?
    /// `slo.rolling_window_transactions`, at least 1.
    let window: Int

    /// Reviewed cases, successes and high-severity errors of one rung, with its first and last day.
    struct Tally: Sendable {
        var n = 0, k = 0, highs = 0
        var from: Int?, to: Int?
    }

    /// Cases folded so far; the first and last day (days since 1970).
    var count = 0
    var firstDay: Int?, lastDay: Int?

    /// Shadow, approve-each and auto with exceptions over the whole log, and since the latest high-severity error.
    var whole = [Tally](repeating: Tally(), count: 3)
    var since = [Tally](repeating: Tally(), count: 3)

    /// High-severity errors an acting rung made (they step back), and the latest one's position.
    var highs: [LadderReport.HighSeverityError] = []
    var latestHigh: (index: Int, day: Int, rung: EngineRung)?
    /// The position of the last case in auto with exceptions, and the rung of the last case.
    var lastAutoIndex: Int?
    var lastRung: EngineRung?

    // Rolling SLO over reviewed automated cases.
    /// One bit per reviewed automated case, set when it was right.
    var okBits: [UInt64] = []
    /// (first reviewed index, day) each time the day of a reviewed automated case changes.
    var reviewedDays: [(index: Int, day: Int)] = []
    var reviewed = 0
    var right = 0
    /// The case ids of the last `window` reviewed automated cases, for the first case of an alarm.
    var ring: [String] = []
    var previousReviewed: (id: String, day: Int)?
    var openAlarm: (first: Int, low: Double, firstCase: String, from: Int)?
    var alarms: [LadderReport.AlarmWindow] = []

    // The exception queue.
    var automated = 0, excepted = 0, exceptions = 0, inTime = 0
    var worst: Double?
    var breaches: [LadderReport.Breach] = []
    /// Exceptions with no cleared time: judged at the end, when the day the log ends is known.
    /// `position` is the count of breaches before them, so the breaches stay in case order.
    var uncleared: [(position: Int, opened: Int, caseID: String)] = []
    /// Per ISO week (its Monday, days since 1970): exceptions opened and those cleared in time.
    var queueByWeek: [Int: (Int, Int)] = [:]

    // ISO weeks of auto with exceptions.
    /// The day of the first reviewed automated case, and of the last case in auto with exceptions.
    var firstReviewedDay: Int?, lastAutoDay: Int?
    /// Automated, reviewed and right per ISO week (its Monday); the current week is kept apart to spare a hash per case.
    var weekCounts: [Int: (auto: Int, reviewed: Int, right: Int)] = [:]
    var currentWeek: (monday: Int, auto: Int, reviewed: Int, right: Int)?

    public init(questionnaire q: Questionnaire, calendar: BusinessCalendar = BusinessCalendar(), asOf: Day? = nil) {
        parameters = q.parameters
        self.calendar = calendar
        self.asOf = asOf
        window = max(1, q.parameters.slo.rollingWindowTransactions)
    }

    /// How many cases have been folded.
    public var cases: Int { count }

    static func slot(_ rung: EngineRung) -> Int? {
        switch rung {
        case .shadow: return 0
        case .approveEach: return 1
        case .autoWithExceptions: return 2
        case .setup, .productionOwned: return nil
        }
    }

    /// The Monday of a day's ISO week (days since 1970, a Thursday): `Day.isoWeekday` without building a `Day`.
    static func monday(_ day: Int) -> Int { day - ((day % 7 + 7) % 7 + 3) % 7 }

    /// Folds the next case; cases must come in time order (by `at`, then row), as the readers give them.
    public mutating func add(_ c: DecisionCase) {
        let index = count
        count += 1
        let day = BusinessCalendar.floorDiv(c.at, 1440)
        if firstDay == nil { firstDay = day }
        lastDay = day
        let rung = c.rung
        lastRung = rung

        if let s = Self.slot(rung) {
            let outcome: Bool? = rung == .shadow ? c.match : rung == .approveEach ? c.approved : (c.mode == .auto ? c.correct : nil)
            whole[s].add(outcome, high: c.severity == .high, day: day)
            // The rungs are judged on the cases after the latest high-severity error an acting rung made.
            if c.severity == .high, c.mode != .shadow {
                since = [Tally](repeating: Tally(), count: 3)
                latestHigh = (index, day, rung)
                highs.append(.init(caseID: c.caseID, day: Day(daysSinceEpoch: day), rung: rung.rawValue))
            } else {
                since[s].add(outcome, high: c.severity == .high, day: day)
            }
        }

        if rung == .autoWithExceptions {
            lastAutoIndex = index
            lastAutoDay = day
            let monday = Self.monday(day)
            if currentWeek?.monday != monday {
                flushWeek()
                currentWeek = (monday, 0, 0, 0)
            }
            currentWeek?.auto += 1
            if c.mode == .auto, let ok = c.correct {
                currentWeek?.reviewed += 1
                if ok { currentWeek?.right += 1 }
                if firstReviewedDay == nil { firstReviewedDay = day }
                addReviewed(ok, id: c.caseID, day: day)
            }
        }
        if c.mode == .auto || c.mode == .exception {
            automated += 1
            if c.mode == .exception || c.exceptionOpened != nil { excepted += 1 }
        }
        if let opened = c.exceptionOpened { addException(opened: opened, cleared: c.exceptionCleared, caseID: c.caseID) }
    }

    /// Folds a whole log in time order (by `at`, then row), sorting it first when it is not.
    public mutating func add(contentsOf log: [DecisionCase]) {
        // Readers sort; sort here only when a caller did not, to spare a copy of a million cases.
        let inOrder = zip(log, log.dropFirst()).allSatisfy { ($0.at, $0.row) <= ($1.at, $1.row) }
        for c in inOrder ? log : log.sorted(by: { ($0.at, $0.row) < ($1.at, $1.row) }) { add(c) }
    }

    mutating func flushWeek() {
        guard let w = currentWeek else { return }
        let t = weekCounts[w.monday] ?? (0, 0, 0)
        weekCounts[w.monday] = (t.auto + w.auto, t.reviewed + w.reviewed, t.right + w.right)
        currentWeek = nil
    }

    /// One reviewed automated case into the rolling window: the alarm opens when the window's
    /// accuracy drops below the page line and closes at the case before it recovers.
    mutating func addReviewed(_ ok: Bool, id: String, day: Int) {
        let e = reviewed
        reviewed += 1
        if e % 64 == 0 { okBits.append(0) }
        if ok { okBits[e / 64] |= 1 << UInt64(e % 64) }
        if reviewedDays.last?.day != day { reviewedDays.append((e, day)) }
        if ok { right += 1 }
        if e >= window, Self.bit(okBits, e - window) { right -= 1 }
        if ring.count < window { ring.append(id) } else { ring[e % window] = id }
        defer { previousReviewed = (id, day) }
        guard e >= window - 1 else { return }
        let accuracy = Double(right) / Double(window)
        let pageBelow = parameters.slo.pageOwnerBelow
        if accuracy < pageBelow {
            if let o = openAlarm {
                openAlarm?.low = min(o.low, accuracy)
            } else {
                // The oldest case in the window: the one after this case's slot in the ring.
                openAlarm = (e, accuracy, ring[(e + 1) % window], day)
            }
        } else if let o = openAlarm, let previous = previousReviewed {
            alarms.append(.init(firstCase: o.firstCase, lastCase: previous.id, from: Day(daysSinceEpoch: o.from),
                                to: Day(daysSinceEpoch: previous.day), lowestAccuracy: o.low, open: false))
            openAlarm = nil
        }
    }

    static func bit(_ bits: [UInt64], _ i: Int) -> Bool { bits[i / 64] & (1 << UInt64(i % 64)) != 0 }

    /// One exception against the queue's business-hours limit; one with no cleared time waits for the end of the log.
    mutating func addException(opened: Int, cleared: Int?, caseID: String) {
        exceptions += 1
        guard let cleared else {
            uncleared.append((breaches.count, opened, caseID))
            return
        }
        if let breach = judgeException(opened: opened, end: cleared, caseID: caseID, cleared: true) { breaches.append(breach) }
    }

    /// Counts the exception in its week and in the worst time; returns it when it broke the limit.
    mutating func judgeException(opened: Int, end: Int, caseID: String, cleared: Bool) -> LadderReport.Breach? {
        let hours = Double(calendar.businessMinutes(from: opened, to: end)) / 60
        worst = max(worst ?? 0, hours)
        let openedDay = BusinessCalendar.floorDiv(opened, 1440)
        let late = hours * 60 > parameters.slo.exceptionQueueBusinessHours * 60
        let weekStart = Self.monday(openedDay)
        let (n, ok) = queueByWeek[weekStart] ?? (0, 0)
        queueByWeek[weekStart] = (n + 1, ok + (late ? 0 : 1))
        guard late else {
            inTime += 1
            return nil
        }
        return .init(caseID: caseID, opened: Day(daysSinceEpoch: openedDay), week: Day(daysSinceEpoch: weekStart).isoWeekName,
                     businessHours: hours, cleared: cleared)
    }
}

extension LadderFold.Tally {
    mutating func add(_ outcome: Bool?, high: Bool, day: Int) {
        if from == nil { from = day }
        to = day
        if high { highs += 1 }
        if let ok = outcome {
            n += 1
            if ok { k += 1 }
        }
    }
}
