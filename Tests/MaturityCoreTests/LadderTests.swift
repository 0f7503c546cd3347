import MaturityCore
import MaturityTestSupport
import Testing

/// The trust ladder judged from numbers, at the boundaries the seed states.
@Suite("The ladder from a decision log")
struct LadderTests {
    let q = Repo.questionnaire
    static let monday = Day(iso: "2026-11-02")!

    /// `n` cases of `mode` on consecutive weekday mornings from `start`, `good` of them successful.
    func cases(_ mode: DecisionCase.Mode, _ n: Int, good: Int, start: Day = monday, from id: Int = 0, perDay: Int = 50) -> [DecisionCase] {
        (0..<n).map { i in
            let at = start.adding(days: i / perDay).daysSinceEpoch * 1440 + 8 * 60 + (i % perDay)
            var c = DecisionCase(row: id + i + 2, caseID: "C\(id + i)", at: at, mode: mode)
            let ok = i < good
            switch mode {
            case .shadow: c.match = ok
            case .approveEach: c.approved = ok
            case .auto: c.correct = ok
            case .exception: break
            }
            return c
        }
    }

    /// Week `week` (0 = the week of `monday`) of auto: `reviewed` audited cases, `good` of them right, five a day.
    func autoWeek(_ week: Int, reviewed: Int, good: Int) -> [DecisionCase] {
        cases(.auto, reviewed, good: good, start: Self.monday.adding(days: week * 7), from: week * 1000, perDay: max(1, (reviewed + 4) / 5))
    }

    func analyse(_ log: [DecisionCase]) -> LadderReport { LadderAnalysis.analyse(log, agent: "A", questionnaire: q) }
    func shadow(_ r: LadderReport) -> LadderReport.RungResult? { r.rungs.first { $0.rung == "shadow" } }
    func rung(_ r: LadderReport, _ id: String) throws -> LadderReport.RungResult { try #require(r.rungs.first { $0.rung == id }) }

    @Test(arguments: [(499, 499, false), (500, 450, true), (500, 449, false), (1000, 900, true), (1000, 899, false)])
    func shadowNeedsNinetyPercentOnFiveHundredCases(n: Int, good: Int, met: Bool) throws {
        let r = analyse(cases(.shadow, n, good: good))
        #expect(try #require(shadow(r)).gateMet == met, "\(good)/\(n)")
        #expect(r.verdict == (met ? .advance : .hold))
    }

    @Test func wilsonIntervalIsTheStandardOne() throws {
        let (low, high) = try #require(LadderAnalysis.wilson(90, 100))
        #expect(abs(low - 0.8256) < 0.0005 && abs(high - 0.9448) < 0.0005)
        #expect(LadderAnalysis.wilson(0, 0) == nil)
    }

    /// Approve-each at 100% on 40 cases: the interval (91.2% to 100%) cannot show 95%, so hold and
    /// audit more; the smallest sample at 100% whose lower bound clears 95% is 73 cases, 33 more.
    @Test func aSmallSampleHoldsWithAuditMore() throws {
        let r = analyse(cases(.approveEach, 40, good: 40))
        let approve = try rung(r, "approve_each")
        #expect(!approve.gateMet)
        #expect(approve.shortfalls == [.sampleTooSmall])
        #expect(approve.auditMore == 33)
        #expect(r.verdict == .hold && r.auditMore == 33)
        #expect(LadderAnalysis.auditMore(successes: 73, cases: 73, gate: 0.95, minCases: 300) == 0)
    }

    /// At 96% the interval needs more cases than the rung's minimum of 300: the minimum decides.
    @Test(arguments: [(100, 96, 200), (250, 240, 50), (300, 288, 0), (100, 94, nil)] as [(Int, Int, Int?)])
    func auditMoreIsTheFewestCasesThatShowTheGate(n: Int, good: Int, more: Int?) {
        let value = LadderAnalysis.auditMore(successes: good, cases: n, gate: 0.95, minCases: 300)
        #expect(value == more, "\(good)/\(n)")
    }

    @Test func approveEachOnItsMinimumCasesIsMet() throws {
        let r = analyse(cases(.approveEach, 300, good: 288))
        #expect(try rung(r, "approve_each").gateMet)
        #expect(r.verdict == .advance && r.advanceTo == "auto_with_exceptions")
    }

    /// Three straight weeks at 95% on at least 40 reviewed cases each.
    @Test(arguments: [(40, 3, LadderReport.Verdict.advance), (39, 1, .hold)])
    func aWeekNeedsFortyReviewedCases(middle: Int, straight: Int, verdict: LadderReport.Verdict) throws {
        let log = autoWeek(0, reviewed: 100, good: 97) + autoWeek(1, reviewed: middle, good: middle) + autoWeek(2, reviewed: 100, good: 96)
        let r = analyse(log)
        #expect(r.straightWeeks == straight)
        #expect(r.verdict == verdict)
        #expect(r.restart == (middle == 39 ? LadderReport.Restart(reason: .tooFewReviewed, week: "2026-W46") : nil))
    }

    /// Thirty-nine reviewed in the last week: it is in progress, neither counting nor breaking,
    /// and the verdict says how many more reviewed cases the week needs.
    @Test func theLastWeekShortOfReviewsIsInProgress() throws {
        let log = autoWeek(0, reviewed: 100, good: 97) + autoWeek(1, reviewed: 100, good: 97) + autoWeek(2, reviewed: 39, good: 39)
        let r = analyse(log)
        #expect(r.weeks.last?.status == .inProgress)
        #expect(r.straightWeeks == 2 && r.restart == nil)
        #expect(r.verdict == .hold && r.auditMore == 1)
    }

    @Test func aWeekBelowTheGateRestartsTheCount() throws {
        let log = autoWeek(0, reviewed: 100, good: 94) + autoWeek(1, reviewed: 100, good: 97) + autoWeek(2, reviewed: 100, good: 97)
            + autoWeek(3, reviewed: 100, good: 97)
        let r = analyse(log)
        #expect(r.straightWeeks == 3 && r.verdict == .advance)
        let broken = analyse(log + autoWeek(4, reviewed: 100, good: 94))
        #expect(broken.straightWeeks == 0)
        #expect(broken.restart == LadderReport.Restart(reason: .belowGate, week: "2026-W49"))
    }

    /// A shutdown week (no automated cases at all) neither counts nor breaks the run.
    @Test func aShutdownWeekNeitherCountsNorBreaks() throws {
        let log = autoWeek(0, reviewed: 100, good: 96) + autoWeek(1, reviewed: 100, good: 97) + autoWeek(3, reviewed: 100, good: 95)
        let r = analyse(log)
        #expect(r.weeks.map(\.status) == [.counts, .counts, .noAutoCases, .counts])
        #expect(r.straightWeeks == 3 && r.verdict == .advance)
    }

    /// An alarm inside the three weeks: each week is at or above 95% on average, but eleven wrong
    /// cases in a row in the middle week page the owner, and that week restarts the count.
    @Test func anAlarmInsideTheThreeWeeksRestartsTheCount() throws {
        var log = autoWeek(0, reviewed: 200, good: 200) + autoWeek(1, reviewed: 250, good: 250) + autoWeek(2, reviewed: 200, good: 200)
        for i in 200..<211 { log[i].correct = false }   // week 1: 239 of 250 right (95.6%), a window at 89%
        let r = analyse(log)
        #expect(r.alarms.count == 1 && r.alarms.first?.open == false)
        #expect(r.weeks.map(\.status) == [.counts, .alarm, .counts])
        #expect(r.straightWeeks == 1)
        #expect(r.restart == LadderReport.Restart(reason: .alarm, week: "2026-W46"))
        #expect(r.verdict == .hold && !r.actNow)
    }

    /// A queue breach: 2 of 20 exceptions late in a week is 90% cleared in time, under the 95%
    /// that counts as manageable, so the week restarts the count; 1 of 20 late (95%) is manageable.
    @Test(arguments: [(1, 3, LadderReport.Verdict.advance), (2, 1, .hold)])
    func aQueueBreachRestartsTheCount(late: Int, straight: Int, verdict: LadderReport.Verdict) throws {
        var log = autoWeek(0, reviewed: 100, good: 97) + autoWeek(1, reviewed: 100, good: 97) + autoWeek(2, reviewed: 100, good: 97)
        let tuesday = Self.monday.adding(days: 8).daysSinceEpoch * 1440
        for i in 0..<20 {
            let opened = tuesday + 9 * 60 + i
            // A late one clears the next day at 17:00: 8 + 9 business hours.
            let cleared = i < late ? opened + 1440 + 7 * 60 : opened + 60
            log.append(DecisionCase(row: 9000 + i, caseID: "E\(i)", at: opened, mode: .exception, exceptionOpened: opened, exceptionCleared: cleared))
        }
        let r = analyse(log)
        #expect(r.straightWeeks == straight)
        #expect(r.verdict == verdict)
        #expect(r.breaches.count == late)
        if late == 2 { #expect(r.restart == LadderReport.Restart(reason: .queueNotManageable, week: "2026-W46")) }
    }

    /// A high-severity error in approve-each long ago, followed by a clean run: judged on the cases
    /// since, the agent climbs again and nothing pages; the same error in the last 100 cases steps
    /// back to shadow and acts now.
    @Test func aHighSeverityErrorThenACleanRunClimbsAgain() throws {
        var log = cases(.approveEach, 400, good: 400)
        log[50].severity = .high
        log[50].approved = false
        let r = analyse(log)
        #expect(r.judgedSince == log[50].day)
        #expect(try rung(r, "approve_each").judgedCases == 349)
        #expect(r.verdict == .advance && !r.actNow && r.stepBackTo == nil)
        #expect(r.highSeverityErrors.map(\.caseID) == ["C50"])

        var recent = log
        recent[50].severity = .none
        recent[350].severity = .high
        let back = analyse(recent)
        #expect(back.verdict == .stepBack)
        #expect(back.stepBackTo == "shadow")
        #expect(back.actNow)
        #expect(back.reason == .highSeverityError)
    }

    @Test func anErrorInAutoStepsBackToApproveEach() throws {
        var log = autoWeek(0, reviewed: 100, good: 100)
        log[99].severity = .high
        let r = analyse(log)
        #expect(r.verdict == .stepBack && r.stepBackTo == "approve_each" && r.actNow)
    }

    @Test func anAlarmOpenAtTheEndActsNow() throws {
        var log = autoWeek(0, reviewed: 200, good: 200)
        for i in 185..<200 { log[i].correct = false }
        let r = analyse(log)
        #expect(r.alarms.last?.open == true)
        #expect(r.verdict == .stepBack && r.reason == .alarmOpen && r.stepBackTo == "approve_each" && r.actNow)
    }

    @Test func fridayFourPmToMondayTenAmIsThreeBusinessHours() {
        let friday = Day(iso: "2026-11-06")!, monday = Day(iso: "2026-11-09")!
        let calendar = BusinessCalendar()
        #expect(calendar.businessMinutes(from: friday.daysSinceEpoch * 1440 + 16 * 60, to: monday.daysSinceEpoch * 1440 + 10 * 60) == 180)
        var holiday = calendar
        holiday.holidays = [monday]
        #expect(holiday.businessMinutes(from: friday.daysSinceEpoch * 1440 + 16 * 60, to: monday.daysSinceEpoch * 1440 + 10 * 60) == 60)
    }

    /// A window at 89% pages, one at 90% does not.
    @Test func aWindowThatDipsForExactlyOneCase() throws {
        var log = cases(.auto, 200, good: 200)
        for i in 100..<111 { log[i].correct = false }
        let r = analyse(log)
        let alarm = try #require(r.alarms.first)
        #expect(r.alarms.count == 1)
        #expect(alarm.lowestAccuracy == 0.89)
        var edge = cases(.auto, 200, good: 200)
        for i in 100..<110 { edge[i].correct = false }
        #expect(analyse(edge).alarms.isEmpty)
    }

    /// The defaults a questionnaire without the new keys falls back to are the shipped file's numbers.
    @Test func theLadderDefaultsAreTheShippedQuestionnaire() throws {
        let p = q.parameters
        #expect(p.slo.exceptionQueueManageableShare == LadderDefaults.manageableShare)
        #expect(p.rung(.autoWithExceptions)?.minReviewedPerWeek == LadderDefaults.reviewedPerWeek)
        #expect(p.rung(.approveEach)?.minCases == LadderDefaults.approveEachCases)
        #expect(p.rung(.shadow)?.minCases == p.shadowGate.minCases)
    }

    /// The demo advances: its alarm falls in W43–W44, its queue is manageable every week, and the
    /// three weeks after the alarm count (the end-to-end test reads the CSV; this checks its size).
    @Test func theDemoLogHasTwelveWeeksOfCases() throws {
        let lines = DemoLog.csv().split(separator: "\n").dropFirst()
        #expect(lines.count == 10_800)
    }
}
