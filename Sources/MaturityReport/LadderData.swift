import Foundation
import MaturityCore

/// `maturity ladder --format json`: the measured ladder as data (schema in
/// `docs/schema/ladder.schema.json`). Ids, days, counts and shares only: no chart geometry and no
/// sentences; the text, HTML and Markdown views word the same facts (`LadderModel`).
public struct LadderData: Codable, Sendable, Equatable {
    public static let schemaVersion = 2

    public var tool = "maturity ladder"
    public var schemaVersion = LadderData.schemaVersion
    public var agent: String
    public var from: String?
    public var to: String?
    public var cases: Int
    public var currentRung: String?
    /// The rung the assessment states for the agent, when one was given.
    public var statedRung: String?
    public var rungs: [Rung]
    public var weeks: [Week]
    public var straightWeeks: Int
    public var straightWeeksNeeded: Int
    public var restart: Restart?
    public var slo: SLO
    public var alarms: [Alarm]
    public var breaches: [Breach]
    public var highSeverityErrors: [HighSeverityError]
    public var verdict: LadderReport.Verdict
    public var reason: LadderReport.Reason
    public var advanceTo: String?
    public var stepBackTo: String?
    public var auditMore: Int?
    public var actNow: Bool
    public var exitStatus: Int
    public var judgedSince: String?
    /// The cases "now" refers to: the last `slo.window` cases of the log.
    public var currentWindowCases: Int
    public var economics: Economics

    public struct Rung: Codable, Sendable, Equatable {
        public var rung: String
        public var cases: Int
        public var successes: Int
        public var rate: Double?
        public var low: Double?
        public var high: Double?
        /// The reviewed cases the gate was judged on (after the latest high-severity error).
        public var judgedCases: Int
        public var judgedSuccesses: Int
        public var gateRate: Double
        public var gateCases: Int?
        public var gateMet: Bool
        public var shortfalls: [LadderReport.Shortfall]
        public var auditMore: Int?
        public var highSeverity: Int
        public var projectedOn: String?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rung, forKey: .rung)
            try c.encode(cases, forKey: .cases)
            try c.encode(successes, forKey: .successes)
            try c.encode(rate, forKey: .rate)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
            try c.encode(judgedCases, forKey: .judgedCases)
            try c.encode(judgedSuccesses, forKey: .judgedSuccesses)
            try c.encode(gateRate, forKey: .gateRate)
            try c.encode(gateCases, forKey: .gateCases)
            try c.encode(gateMet, forKey: .gateMet)
            try c.encode(shortfalls, forKey: .shortfalls)
            try c.encode(auditMore, forKey: .auditMore)
            try c.encode(highSeverity, forKey: .highSeverity)
            try c.encode(projectedOn, forKey: .projectedOn)
        }
    }

    public struct Week: Codable, Sendable, Equatable {
        public var week: String
        public var start: String
        public var reviewed: Int
        public var correct: Int
        public var accuracy: Double?
        public var exceptions: Int
        public var clearedInTime: Int
        public var counts: Bool
        /// Why the week does not count; nil when it counts.
        public var reason: LadderReport.WeekStatus?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(week, forKey: .week)
            try c.encode(start, forKey: .start)
            try c.encode(reviewed, forKey: .reviewed)
            try c.encode(correct, forKey: .correct)
            try c.encode(accuracy, forKey: .accuracy)
            try c.encode(exceptions, forKey: .exceptions)
            try c.encode(clearedInTime, forKey: .clearedInTime)
            try c.encode(counts, forKey: .counts)
            try c.encode(reason, forKey: .reason)
        }
    }

    public struct Restart: Codable, Sendable, Equatable {
        public var reason: LadderReport.WeekStatus
        public var week: String
    }

    public struct SLO: Codable, Sendable, Equatable {
        public var window: Int
        public var rollingAccuracy: Double?
        public var pageBelow: Double
        public var queueLimitBusinessHours: Double
        public var manageableShare: Double
        public var exceptions: Int
        public var exceptionsClearedInTime: Int
        public var worstQueueBusinessHours: Double?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(window, forKey: .window)
            try c.encode(rollingAccuracy, forKey: .rollingAccuracy)
            try c.encode(pageBelow, forKey: .pageBelow)
            try c.encode(queueLimitBusinessHours, forKey: .queueLimitBusinessHours)
            try c.encode(manageableShare, forKey: .manageableShare)
            try c.encode(exceptions, forKey: .exceptions)
            try c.encode(exceptionsClearedInTime, forKey: .exceptionsClearedInTime)
            try c.encode(worstQueueBusinessHours, forKey: .worstQueueBusinessHours)
        }
    }

    public struct Alarm: Codable, Sendable, Equatable {
        public var firstCase: String
        public var lastCase: String
        public var from: String
        public var to: String
        public var lowest: Double
        public var open: Bool
    }

    public struct Breach: Codable, Sendable, Equatable {
        public var caseID: String
        public var opened: String
        public var week: String
        public var businessHours: Double
        public var cleared: Bool
    }

    public struct HighSeverityError: Codable, Sendable, Equatable {
        public var caseID: String
        public var day: String
        public var rung: String
    }

    public struct Economics: Codable, Sendable, Equatable {
        public var casesPerWeek: Double
        public var exceptionShare: Double?
        public var process: String?
        public var estimatedCasesPerWeek: Double?
        public var estimatedExceptionShare: Double?
    }

    public init(_ r: LadderReport, questionnaire q: Questionnaire, process: InventoryProcess?, statedRung: String? = nil) {
        let p = q.parameters
        let round3 = { (v: Double) in (v * 1000).rounded() / 1000 }
        let tenth = { (v: Double) in (v * 10).rounded() / 10 }
        agent = r.agent
        from = r.from?.iso
        to = r.to?.iso
        cases = r.cases
        currentRung = r.currentRung
        self.statedRung = statedRung
        rungs = r.rungs.map { x in
            Rung(rung: x.rung, cases: x.cases, successes: x.successes, rate: x.rate.map(round3), low: x.low.map(round3), high: x.high.map(round3),
                 judgedCases: x.judgedCases, judgedSuccesses: x.judgedSuccesses, gateRate: x.gateRate, gateCases: x.gateCases, gateMet: x.gateMet,
                 shortfalls: x.shortfalls, auditMore: x.auditMore,
                 highSeverity: x.highSeverity, projectedOn: x.projectedOn?.iso)
        }
        weeks = r.weeks.map { w in
            Week(week: w.week, start: w.start.iso, reviewed: w.reviewed, correct: w.correct, accuracy: w.accuracy.map(round3),
                 exceptions: w.exceptions, clearedInTime: w.clearedInTime, counts: w.counts, reason: w.counts ? nil : w.status)
        }
        straightWeeks = r.straightWeeks
        straightWeeksNeeded = r.straightWeeksNeeded
        restart = r.restart.map { Restart(reason: $0.reason, week: $0.week) }
        slo = SLO(window: p.slo.rollingWindowTransactions, rollingAccuracy: r.rolling100.map(round3), pageBelow: p.slo.pageOwnerBelow,
                  queueLimitBusinessHours: p.slo.exceptionQueueBusinessHours, manageableShare: p.slo.exceptionQueueManageableShare,
                  exceptions: r.exceptionCases, exceptionsClearedInTime: r.exceptionsClearedInTime, worstQueueBusinessHours: r.worstQueueHours.map(tenth))
        alarms = r.alarms.map { Alarm(firstCase: $0.firstCase, lastCase: $0.lastCase, from: $0.from.iso, to: $0.to.iso, lowest: round3($0.lowestAccuracy),
                                      open: $0.open) }
        breaches = r.breaches.map { Breach(caseID: $0.caseID, opened: $0.opened.iso, week: $0.week, businessHours: tenth($0.businessHours),
                                           cleared: $0.cleared) }
        highSeverityErrors = r.highSeverityErrors.map { HighSeverityError(caseID: $0.caseID, day: $0.day.iso, rung: $0.rung) }
        verdict = r.verdict
        reason = r.reason
        advanceTo = r.advanceTo
        stepBackTo = r.stepBackTo
        auditMore = r.auditMore
        actNow = r.actNow
        judgedSince = r.judgedSince?.iso
        currentWindowCases = r.currentWindowCases
        economics = Economics(casesPerWeek: tenth(r.casesPerWeek), exceptionShare: r.exceptionShare.map(round3), process: process?.name,
                              estimatedCasesPerWeek: process?.volumePerWeek, estimatedExceptionShare: process?.exceptionShare)
        exitStatus = Self.exitStatus(r)
    }

    /// Holding only because the sample or the weeks are not in yet, at a rate that clears the gate.
    public var onTrack: Bool { verdict == .hold && exitStatus == 0 }

    /// The status a cron job pages on: 0 advance, or hold while on track (the judged rate clears the
    /// bar, only the sample or the straight weeks are short, and nothing restarted the count);
    /// 10 hold; 11 act now (step back).
    static func exitStatus(_ r: LadderReport) -> Int {
        if r.actNow { return 11 }
        switch r.verdict {
        case .advance: return 0
        case .stepBack: return 11
        case .hold:
            guard let current = r.rungs.first(where: { $0.rung == r.currentRung }), current.judgedCases > 0,
                  Double(current.judgedSuccesses) / Double(current.judgedCases) >= current.gateRate,
                  current.shortfalls.allSatisfy({ $0 == .sampleTooSmall || $0 == .straightWeeksShort }) else { return 10 }
            // Something restarted the straight weeks (a week below the gate, short of reviews, an
            // alarm, a late queue, an error): a hold with a reason, not a wait for the weeks to come.
            return r.restart == nil ? 0 : 10
        }
    }

    /// Every key is written, a missing value as null, so a reader sees the whole contract.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(agent, forKey: .agent)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(cases, forKey: .cases)
        try c.encode(currentRung, forKey: .currentRung)
        try c.encode(statedRung, forKey: .statedRung)
        try c.encode(rungs, forKey: .rungs)
        try c.encode(weeks, forKey: .weeks)
        try c.encode(straightWeeks, forKey: .straightWeeks)
        try c.encode(straightWeeksNeeded, forKey: .straightWeeksNeeded)
        try c.encode(restart, forKey: .restart)
        try c.encode(slo, forKey: .slo)
        try c.encode(alarms, forKey: .alarms)
        try c.encode(breaches, forKey: .breaches)
        try c.encode(highSeverityErrors, forKey: .highSeverityErrors)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(reason, forKey: .reason)
        try c.encode(advanceTo, forKey: .advanceTo)
        try c.encode(stepBackTo, forKey: .stepBackTo)
        try c.encode(auditMore, forKey: .auditMore)
        try c.encode(actNow, forKey: .actNow)
        try c.encode(exitStatus, forKey: .exitStatus)
        try c.encode(judgedSince, forKey: .judgedSince)
        try c.encode(currentWindowCases, forKey: .currentWindowCases)
        try c.encode(economics, forKey: .economics)
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
