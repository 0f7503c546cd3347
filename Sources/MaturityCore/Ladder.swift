/// One case an agent touched, as a decision log records it.
public struct DecisionCase: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case shadow, approveEach = "approve_each", auto, exception }
    public enum Severity: String, Sendable { case none, low, high }

    public var row: Int
    public var caseID: String
    /// Minutes since 1970-01-01 00:00 on the plant's wall clock (the reader converts zones).
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

    public var day: Day { Day(daysSinceEpoch: BusinessCalendar.floorDiv(at, 1440)) }

    /// The trust-ladder rung a case ran under: an exception is part of auto with exceptions.
    public var rung: EngineRung {
        switch mode {
        case .shadow: return .shadow
        case .approveEach: return .approveEach
        case .auto, .exception: return .autoWithExceptions
        }
    }
}

/// What a decision log says about an agent's climb: each rung's rate against its gate, the weeks,
/// the SLO and the verdict, as typed facts (ids, days, numbers); the report words them.
/// Built by `LadderAnalysis.analyse`, a pure function.
public struct LadderReport: Sendable, Equatable {
    /// Why a rung's gate is not met.
    public enum Shortfall: String, Sendable, Codable, CaseIterable {
        case noCases = "no_cases"
        case rateBelowGate = "rate_below_gate"
        /// The rate clears the bar but neither the interval nor the case count can show it yet.
        case sampleTooSmall = "sample_too_small"
        case highSeverity = "high_severity"
        case straightWeeksShort = "straight_weeks_short"
    }

    public struct RungResult: Sendable, Equatable {
        public var rung: String
        public var title: String
        /// Reviewed cases and successes in the whole log, with the rate and its 95% interval.
        public var cases: Int
        public var successes: Int
        public var rate: Double?
        public var low: Double?
        public var high: Double?
        /// The reviewed cases the gate is judged on: those after the latest high-severity error.
        public var judgedCases: Int
        public var judgedSuccesses: Int
        public var gateRate: Double
        /// Reviewed cases that show the gate when the interval does not (a floor for shadow, as the seed states it).
        public var gateCases: Int?
        public var highSeverity: Int
        public var gateMet: Bool
        public var shortfalls: [Shortfall]
        /// Reviewed cases still needed, at the current rate, for the sample to show the gate.
        public var auditMore: Int?
        /// The day the gate would be met at this rate and volume, if it will be.
        public var projectedOn: Day?
        public var from: Day?
        public var to: Day?
    }

    /// Whether an ISO week of auto with exceptions counts toward the straight weeks, and if not why.
    public enum WeekStatus: String, Sendable, Codable, CaseIterable {
        case counts
        case belowGate = "below_gate"
        case tooFewReviewed = "too_few_reviewed"
        case alarm
        case queueNotManageable = "queue_not_manageable"
        /// The week of the latest high-severity error: the count starts again after it.
        case highSeverity = "high_severity"
        /// No automated cases at all (a shutdown week): neither counts nor breaks the run.
        case noAutoCases = "no_auto_cases"
        /// The log's last week, short of reviewed cases only: neither counts nor breaks yet.
        case inProgress = "in_progress"

        /// A week with this status restarts the count of straight weeks.
        public var breaksRun: Bool { ![.counts, .noAutoCases, .inProgress].contains(self) }
    }

    public struct Week: Sendable, Equatable {
        public var week: String
        public var start: Day
        public var reviewed: Int
        public var correct: Int
        public var accuracy: Double?
        public var exceptions: Int
        public var clearedInTime: Int
        public var status: WeekStatus
        public var counts: Bool { status == .counts }
    }

    /// The week, counting back from the last, that restarted the straight weeks, and why.
    public struct Restart: Sendable, Equatable {
        public var reason: WeekStatus
        public var week: String
        public init(reason: WeekStatus, week: String) {
            self.reason = reason
            self.week = week
        }
    }

    public struct AlarmWindow: Sendable, Equatable {
        public var firstCase: String
        public var lastCase: String
        public var from: Day
        public var to: Day
        public var lowestAccuracy: Double
        /// Still below the line at the last reviewed automated case.
        public var open: Bool
    }

    public struct Breach: Sendable, Equatable {
        public var caseID: String
        public var opened: Day
        public var week: String
        public var businessHours: Double
        /// False while the exception is still open at the end of the log.
        public var cleared: Bool
    }

    public struct HighSeverityError: Sendable, Equatable {
        public var caseID: String
        public var day: Day
        public var rung: String
    }

    public enum Verdict: String, Sendable, Codable { case advance, hold, stepBack = "step_back" }

    /// What decided the verdict.
    public enum Reason: String, Sendable, Codable {
        case gateMet = "gate_met"
        case gateShort = "gate_short"
        case highSeverityError = "high_severity_error"
        case alarmOpen = "alarm_open"
        case noCases = "no_cases"
    }

    public var agent: String
    public var from: Day?
    public var to: Day?
    public var cases: Int
    public var currentRung: String?
    public var rungs: [RungResult]
    public var weeks: [Week]
    public var straightWeeks: Int
    public var straightWeeksNeeded: Int
    public var restart: Restart?
    public var rolling100: Double?
    /// (day, accuracy) points of the rolling window, for the chart.
    public var rollingPoints: [RollingPoint]
    public var alarms: [AlarmWindow]
    public var highSeverityErrors: [HighSeverityError]
    public var exceptionCases: Int
    public var exceptionsClearedInTime: Int
    public var breaches: [Breach]
    public var worstQueueHours: Double?
    public var verdict: Verdict
    public var reason: Reason
    public var advanceTo: String?
    public var stepBackTo: String?
    public var auditMore: Int?
    /// Page the owner: an alarm open at the end of the log, or a high-severity error in the current window.
    public var actNow: Bool
    /// The day of the latest high-severity error, when the rungs are judged only on the cases after it.
    public var judgedSince: Day?
    /// The last `slo.rolling_window_transactions` cases of the log: the window "now" refers to.
    public var currentWindowCases: Int
    public var casesPerWeek: Double
    public var exceptionShare: Double?

    public struct RollingPoint: Sendable, Equatable {
        public var day: Day
        public var accuracy: Double
    }
}
