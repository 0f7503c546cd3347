import Foundation

/// One company's answers, agents and process inventory, as read from an assessment file.
public struct Assessment: Sendable, Equatable {
    public var version: Int
    public var questionnaireID: String
    public var organization: Organization
    public var assessedOn: Day
    public var planStartsOn: Day?
    public var respondents: [Respondent]
    /// Answers by question id. A question with no entry is unknown and counts as "no".
    public var answers: [String: Answer]
    public var agents: [Agent]
    public var processes: [InventoryProcess]
    /// Present when the file records a workshop: who said what, and how each split was settled.
    public var workshop: Workshop?
    /// The plant's working days, holidays and shutdowns, when given (`--calendar`); plans fall on working days.
    public var calendar: BusinessCalendar?

    public init(version: Int = 1, questionnaireID: String, organization: Organization, assessedOn: Day,
                planStartsOn: Day? = nil, respondents: [Respondent] = [], answers: [String: Answer] = [:],
                agents: [Agent] = [], processes: [InventoryProcess] = [], workshop: Workshop? = nil) {
        self.workshop = workshop
        self.version = version
        self.questionnaireID = questionnaireID
        self.organization = organization
        self.assessedOn = assessedOn
        self.planStartsOn = planStartsOn
        self.respondents = respondents
        self.answers = answers
        self.agents = agents
        self.processes = processes
    }

    /// What the run-cost ranges (US dollars) are multiplied by in this company's currency.
    public var usdFactor: Double {
        organization.currency == "USD" ? 1 : (organization.usdRate ?? 1)
    }

    /// The day the 90-day plan counts from.
    public var planStart: Day { planStartsOn ?? assessedOn }
}

public struct Organization: Sendable, Equatable {
    public var name: String
    public var industry: String?
    public var currency: String
    public var loadedHourlyRate: Double?
    /// Units of `currency` per US dollar: converts the run-cost ranges, which are US-dollar figures.
    public var usdRate: Double?
    /// The day `usdRate` was taken from (`usd_rate_on`), said beside it in the report.
    public var usdRateOn: Day?

    public init(name: String, industry: String? = nil, currency: String = "USD", loadedHourlyRate: Double? = nil,
                usdRate: Double? = nil, usdRateOn: Day? = nil) {
        self.usdRate = usdRate
        self.usdRateOn = usdRateOn
        self.name = name
        self.industry = industry
        self.currency = currency
        self.loadedHourlyRate = loadedHourlyRate
    }
}

public struct Respondent: Sendable, Equatable {
    public var name: String
    public var role: String?
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// A recorded answer to a questionnaire question.
public enum Answer: Sendable, Hashable {
    case yesNo(Bool)
    case choice(String)
    case number(Double)
    case text(String)

    public var isYes: Bool { if case .yesNo(true) = self { return true } else { return false } }

    /// The answer as a person would read it.
    public var display: String {
        switch self {
        case .yesNo(let b): return b ? "yes" : "no"
        case .choice(let c): return c
        case .number(let n): return Format.number(n)
        case .text(let t): return t
        }
    }
}

public enum AgentStatus: String, Sendable, CaseIterable, Comparable {
    case idea, pilot, shadow
    case approveEach = "approve_each"
    case autoWithExceptions = "auto_with_exceptions"
    case production, retired

    /// Position on the trust ladder; retired sits outside it.
    public var ladderIndex: Int { AgentStatus.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: AgentStatus, rhs: AgentStatus) -> Bool { lhs.ladderIndex < rhs.ladderIndex }

    /// Acting on real work: the agents that should be reporting dollars.
    public var isRunning: Bool { self == .autoWithExceptions || self == .production }
}

public enum Side: String, Sendable, CaseIterable {
    case office, line, product
}

public struct Agent: Sendable, Equatable {
    public var name: String
    public var process: String?
    public var status: AgentStatus
    public var side: Side
    public var owner: String?
    public var annualDollarValue: Double?
    public var reportsDollars: Bool?
    /// Gate bar id → cleared. A missing bar counts as not cleared.
    public var gate: [String: Bool]
    public var reusesSharedInfrastructure: Bool?
    /// What the agent's decision log showed (`maturity ladder --into`); it outranks `status`.
    public var measured: MeasuredRung?

    public init(name: String, process: String? = nil, status: AgentStatus, side: Side = .office, owner: String? = nil,
                annualDollarValue: Double? = nil, reportsDollars: Bool? = nil, gate: [String: Bool] = [:],
                reusesSharedInfrastructure: Bool? = nil) {
        self.name = name
        self.process = process
        self.status = status
        self.side = side
        self.owner = owner
        self.annualDollarValue = annualDollarValue
        self.reportsDollars = reportsDollars
        self.gate = gate
        self.reusesSharedInfrastructure = reusesSharedInfrastructure
    }

    /// The owner's name, or nil when the field is empty.
    public var namedOwner: String? {
        guard let o = owner?.trimmingCharacters(in: .whitespaces), !o.isEmpty else { return nil }
        return o
    }
}

/// The rung an agent's decision log earned, recorded by `maturity ladder --into`.
public struct MeasuredRung: Sendable, Equatable {
    /// The log's file name, the days it covers, and its cases.
    public var log: String
    public var from: Day
    public var to: Day
    public var cases: Int
    /// The rung the log shows the agent at (shadow, approve_each, auto_with_exceptions), and the verdict.
    public var rung: String
    public var verdict: String
    /// Rolling accuracy was computed with an alarm threshold: the monitoring bar, measured.
    public var monitored: Bool
    /// The metric cleared its gate on real cases in the current rung.
    public var metricMet: Bool
    /// Weekly accuracy of the automated cases, oldest first (up to twelve weeks), and the first week's name.
    public var weekly: [Double] = []
    public var firstWeek: String?

    public init(log: String, from: Day, to: Day, cases: Int, rung: String, verdict: String, monitored: Bool, metricMet: Bool) {
        self.log = log
        self.from = from
        self.to = to
        self.cases = cases
        self.rung = rung
        self.verdict = verdict
        self.monitored = monitored
        self.metricMet = metricMet
    }

    /// The status the numbers earn: the rung it is on, the next one when it advances, the one
    /// before when it steps back. Production only when auto-with-exceptions advances.
    public var earnedStatus: AgentStatus {
        let ladder: [AgentStatus] = [.shadow, .approveEach, .autoWithExceptions, .production]
        let index = ladder.firstIndex { $0.rawValue == rung } ?? 0
        switch verdict {
        case "advance": return ladder[min(index + 1, ladder.count - 1)]
        case "step_back": return index > 0 ? ladder[index - 1] : .pilot
        default: return ladder[index]
        }
    }
}

/// An office or line process from the inventory: a candidate use case.
public struct InventoryProcess: Sendable, Equatable {
    public var name: String
    public var department: String?
    public var side: Side
    public var hoursPerWeek: Double
    public var volumePerWeek: Double?
    public var systemOfRecord: String?
    public var writeBack: String?
    public var inputStructure: String?
    public var exceptionShare: Double?
    public var highSeverityErrorsPossible: Bool?
    public var ownerCandidate: String?
    /// Line-level value: unplanned downtime the work could prevent, what an hour of it costs, and scrap a year.
    public var downtimeHoursPerYear: Double?
    public var costPerDowntimeHour: Double?
    public var scrapCostPerYear: Double?
    /// The fields filled from the questionnaire's `assumed_when_unknown`, not stated by anyone
    /// (the file's `assumed: [write_back, input_structure]`); the report says "(assumed)".
    public var assumed: [String] = []
    /// A stable id from the source list (an APQC PCF or hierarchy id like 9.6.2.3), so a re-import
    /// updates this process even when its name was edited.
    public var key: String?

    public init(name: String, department: String? = nil, side: Side = .office, hoursPerWeek: Double,
                volumePerWeek: Double? = nil, systemOfRecord: String? = nil, writeBack: String? = nil,
                inputStructure: String? = nil, exceptionShare: Double? = nil,
                highSeverityErrorsPossible: Bool? = nil, ownerCandidate: String? = nil,
                downtimeHoursPerYear: Double? = nil, costPerDowntimeHour: Double? = nil, scrapCostPerYear: Double? = nil) {
        self.downtimeHoursPerYear = downtimeHoursPerYear
        self.costPerDowntimeHour = costPerDowntimeHour
        self.scrapCostPerYear = scrapCostPerYear
        self.name = name
        self.department = department
        self.side = side
        self.hoursPerWeek = hoursPerWeek
        self.volumePerWeek = volumePerWeek
        self.systemOfRecord = systemOfRecord
        self.writeBack = writeBack
        self.inputStructure = inputStructure
        self.exceptionShare = exceptionShare
        self.highSeverityErrorsPossible = highSeverityErrorsPossible
        self.ownerCandidate = ownerCandidate
    }

    public var namedOwner: String? {
        guard let o = ownerCandidate?.trimmingCharacters(in: .whitespaces), !o.isEmpty else { return nil }
        return o
    }
}
