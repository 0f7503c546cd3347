import MaturityCore
import MaturityTestSupport
import Testing

/// The trust ladder judged from numbers, at the boundaries the seed states.
@Suite("The ladder from a decision log")
struct LadderTests {
    let q = Repo.questionnaire
    static let monday = Day(iso: "2026-11-02")!

    /// `n` cases of `mode` on consecutive weekday mornings from `start`, `good` of them successful.
    func cases(_ mode: DecisionCase.Mode, _ n: Int, good: Int, start: Day = monday, from id: Int = 0) -> [DecisionCase] {
        (0..<n).map { i in
            let at = start.adding(days: i / 50).daysSinceEpoch * 1440 + 8 * 60 + (i % 50)
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

    func shadow(_ r: LadderReport) -> LadderReport.RungResult? { r.rungs.first { $0.rung == "shadow" } }

    @Test(arguments: [(499, 499, false), (500, 450, true), (500, 449, false), (1000, 900, true), (1000, 899, false)])
    func shadowNeedsNinetyPercentOnFiveHundredCases(n: Int, good: Int, met: Bool) throws {
        let r = LadderAnalysis.analyse(cases(.shadow, n, good: good), agent: "A", questionnaire: q)
        #expect(try #require(shadow(r)).gateMet == met, "\(good)/\(n)")
        #expect(r.verdict == (met ? .advance : .hold))
    }

    @Test func ninetyPointNineIsShortAndNinetyIsMet() throws {
        let under = LadderAnalysis.analyse(cases(.shadow, 1000, good: 899), agent: "A", questionnaire: q)
        #expect(try #require(shadow(under)).why.contains("89.9% against 90%"))
        let at = LadderAnalysis.analyse(cases(.shadow, 1000, good: 900), agent: "A", questionnaire: q)
        #expect(try #require(shadow(at)).gateMet)
    }

    @Test func wilsonIntervalIsTheStandardOne() throws {
        let (low, high) = try #require(LadderAnalysis.wilson(90, 100))
        #expect(abs(low - 0.8256) < 0.0005 && abs(high - 0.9448) < 0.0005)
        #expect(LadderAnalysis.wilson(0, 0) == nil)
    }

    @Test func fewCasesAreSaidInWords() throws {
        let r = LadderAnalysis.analyse(cases(.approveEach, 40, good: 40), agent: "A", questionnaire: q)
        #expect(try #require(r.rungs.first { $0.rung == "approve_each" }).uncertain)
    }

    @Test func aHighSeverityErrorSendsItBack() throws {
        var log = cases(.approveEach, 300, good: 300)
        log[120].severity = .high
        let r = LadderAnalysis.analyse(log, agent: "A", questionnaire: q)
        #expect(r.verdict == .stepBack)
        #expect(r.verdictReason.contains("C120"))
    }

    /// Three straight weeks at 95%, with an empty week in between that neither counts nor breaks.
    @Test func threeStraightWeeksWithAnEmptyWeekBetween() throws {
        var log: [DecisionCase] = []
        for (week, good) in [(0, 96), (1, 97), (3, 95)] {
            log += cases(.auto, 100, good: good, start: Self.monday.adding(days: week * 7), from: week * 1000)
        }
        let r = LadderAnalysis.analyse(log, agent: "A", questionnaire: q)
        #expect(r.straightWeeks == 3)
        #expect(r.emptyWeeks.count == 1)
        #expect(try #require(r.rungs.first { $0.rung == "auto_with_exceptions" }).gateMet)
        var broken = log
        broken += cases(.auto, 100, good: 94, start: Self.monday.adding(days: 28), from: 9000)
        #expect(LadderAnalysis.analyse(broken, agent: "A", questionnaire: q).straightWeeks == 0)
    }

    @Test func fridayFourPmToMondayTenAmIsThreeBusinessHours() {
        let friday = Day(iso: "2026-11-06")!, monday = Day(iso: "2026-11-09")!
        let calendar = BusinessCalendar()
        #expect(calendar.businessMinutes(from: friday.daysSinceEpoch * 1440 + 16 * 60, to: monday.daysSinceEpoch * 1440 + 10 * 60) == 180)
        var holiday = calendar
        holiday.holidays = [monday]
        #expect(holiday.businessMinutes(from: friday.daysSinceEpoch * 1440 + 16 * 60, to: monday.daysSinceEpoch * 1440 + 10 * 60) == 60)
    }

    /// 100 good, then one wrong case takes a rolling window to 89/100 for exactly one case... only
    /// when eleven wrong ones sit inside it: a window at 89% pages, one at 90% does not.
    @Test func aWindowThatDipsForExactlyOneCase() throws {
        var log = cases(.auto, 200, good: 200)
        for i in 100..<111 { log[i].correct = false }       // window ending at 110 holds 11 wrong: 89%
        let r = LadderAnalysis.analyse(log, agent: "A", questionnaire: q)
        let alarm = try #require(r.alarms.first)
        #expect(r.alarms.count == 1)
        #expect(alarm.lowestAccuracy == 0.89)
        var edge = cases(.auto, 200, good: 200)
        for i in 100..<110 { edge[i].correct = false }      // at most 10 wrong in any window: 90%, no alarm
        #expect(LadderAnalysis.analyse(edge, agent: "A", questionnaire: q).alarms.isEmpty)
    }

    @Test func theDemoLogAdvancesAfterItsDriftEpisode() throws {
        // Parse the generated CSV the simple way: it has no quotes.
        let lines = DemoLog.csv().split(separator: "\n").dropFirst()
        #expect(lines.count == 10_800)
        let week8 = lines.filter { $0.contains(",auto,") && $0.contains("2026-10-2") }
        #expect(!week8.isEmpty)
    }
}
