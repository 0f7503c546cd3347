import Foundation
import MaturityCore

/// The one model of a report. Built from an evaluation once; `--format json` is its encoding,
/// and the HTML, Markdown and text reports are templates over it (through `ReportView`, which
/// only formats and lays out what this model says). Keys are camelCase, dates ISO, money in
/// whole currency units, and the order stable (sorted keys). The keys DESIGN.md names are a
/// contract: add, never rename or drop.
public struct ReportModel: Encodable, Sendable {
    public var tool: String = "maturity"
    public var schemaVersion: Int = 1
    public var organization: OrganizationJSON
    public var questionnaire: QuestionnaireRef
    public var assessedOn: String
    public var planStartsOn: String
    public var stage: Int
    public var stageName: String
    /// The stage in one sentence, fitted to the answers (the same sentence every format shows).
    public var stageSummary: String
    public var trap: String
    public var stageLooksLike: String
    public var stageMove: String
    /// What not to do yet at this stage, and why.
    public var notYet: [NotYetJSON]
    /// Every stage's number and name, 0 to 4.
    public var stages: [StageRefJSON]
    public var respondents: [RespondentJSON]
    /// Every question with the answer on file as the reports show it; `answer` is null when unknown.
    public var answers: [AnswerJSON]
    /// The questionnaire's numbers the reports state (the method, the chart, the plan).
    public var parameters: ParametersJSON
    /// The governance habits that apply from this stage, and whether each is in place.
    public var governance: [HabitJSON]
    public var sources: [SourceJSON]
    /// How the US-dollar run-cost ranges were put into the company's currency (null for USD).
    public var currencyNote: String?
    /// The shadow rung was stretched past two weeks to see enough real cases.
    public var shadowStretched: Bool
    /// Whether the plant's calendar (--calendar) placed the plan; without it, Monday to Friday and no holidays.
    public var calendarGiven: Bool
    public var evidence: [EvidenceJSON]
    public var flags: [FlagJSON]
    public var unknownAnswers: [String]
    public var moveUp: MoveUpJSON?
    public var gatedAgents: [String]
    public var nextMove: NextMoveJSON
    public var useCases: [UseCaseJSON]
    public var plan: [PlanStepJSON]
    public var planEnd: String
    public var shadowWeeks: Int?
    public var slo: SLOJSON
    public var goNoGo: [String]
    /// The go/no-go's date: the last day of auto-with-exceptions, before production-owned.
    public var goNoGoOn: String?
    public var budget: [CostLineJSON]
    public var agents: [AgentJSON]
    /// One paragraph for the CEO: where we stand, the one move, what it costs and returns, what we need.
    public var summary: String = ""
    /// The first five workflows worth scaling, in order, with the reason for the order.
    public var firstFive: [FirstPickJSON] = []
    /// The people the plan asks for: hours by role and plan week.
    public var staffing: [StaffingJSON] = []
    /// Risks the move's process names, each with what the plan does about it.
    public var risks: [RiskJSON] = []
    /// Present with `--previous`: what changed and whether last quarter's move happened.
    public var sinceLastQuarter: ComparisonJSON?
    /// Present with `--history` and three or more assessments.
    public var trend: [HistoryEntry]?
    /// Present for a workshop's file: each split question with every person's answer.
    public var disagreements: [DisagreementJSON]?
    /// Present for a workshop's file: the stage on each person's answers alone.
    public var personStages: [PersonStageJSON]?
    /// Present for a workshop's file: one person's answer that alone would move the stage.
    public var stageMovers: [MoverJSON]?
    /// Present for a workshop's file: the rule that settled the splits (strict, majority, consensus).
    public var workshopRule: String?
    /// Present for a workshop's file: inventory and agent fields participants gave differently.
    public var conflicts: [ConflictJSON]?
    /// Present for a workshop's file: answers given in the room that move the stage only together.
    public var stageTogether: [TogetherJSON]?
    /// Present for a workshop's file: what would move the stage, said once for the whole room.
    public var roomMoves: String?

    public struct NotYetJSON: Encodable, Sendable { public var what: String; public var why: String }
    public struct StageRefJSON: Encodable, Sendable { public var level: Int; public var name: String }
    public struct RespondentJSON: Encodable, Sendable { public var name: String; public var role: String? }
    public struct AnswerJSON: Encodable, Sendable {
        public var id: String
        /// The question in a few words, for lists.
        public var short: String
        public var section: String?
        public var prompt: String
        /// As shown: a choice as "label (value)", yes/no, a number or text; null when unknown.
        public var answer: String?
        /// The answer in words only (a choice's label), for prose; null when unknown.
        public var shown: String?
        /// False for a question about agents while the company has none: it cannot apply, so it is not unknown.
        public var applies: Bool
    }
    public struct RangeJSON: Encodable, Sendable { public var min: Double; public var max: Double }
    public struct ParametersJSON: Encodable, Sendable {
        public var planDays: Int
        public var roiMinimum: Double
        public var weeksPerYear: Double
        public var automatableShare: Double
        public var modelApiMonthly: RangeJSON
        public var monitoringMonthly: RangeJSON
        public var exceptionFte: RangeJSON
        public var shadowMinCases: Int
        public var shadowLowVolumePerWeek: Double
        public var quadrantHighValue: Double
        public var quadrantHighFeasibility: Double
        /// The accuracy the approve-each and auto-with-exceptions rungs ask for.
        public var approveEachMinRate: Double?
        public var autoWithExceptionsMinRate: Double?
        /// Use cases the table and chart show; the JSON lists every one.
        public var useCasesShown: Int
        /// The stage from which line-level and product work is no longer locked.
        public var lineLevelUnlocksAtStage: Int
    }
    public struct HabitJSON: Encodable, Sendable {
        public var id: String
        public var habit: String
        public var cadence: String
        public var question: String
        public var fromStage: Int
        /// True or false on the answers; null when the question is unanswered.
        public var inPlace: Bool?
    }
    public struct SourceJSON: Encodable, Sendable { public var fact: String; public var source: String }
    public struct ConflictJSON: Encodable, Sendable {
        public var item: String
        public var field: String
        public var values: [PersonAnswerJSON]
        public var kept: String
    }

    public struct DisagreementJSON: Encodable, Sendable {
        public var question: String
        public var prompt: String
        public var answers: [PersonAnswerJSON]
        public var rule: String
        public var result: String
        public var resultShown: String
        public var dissent: String?
        public var stageByAnswer: [AnswerStageJSON]
        /// The split by group, as "person: answer" in the report's words, when both groups answered.
        public var executives: [String]
        public var handsOn: [String]
        /// What this split does to the stage, in the report's words: the answers that move it alone,
        /// the others it moves it with, or no effect.
        public var effectShown: String = ""
    }
    public struct TogetherJSON: Encodable, Sendable {
        public var stage: Int
        public var answers: [TogetherAnswerJSON]
    }
    public struct TogetherAnswerJSON: Encodable, Sendable {
        public var question: String
        public var answer: String
        public var shown: String
        public var people: [String]
    }
    /// `answer` as recorded (a choice id, true/false); `shown` in the report's words.
    public struct PersonAnswerJSON: Encodable, Sendable { public var person: String; public var answer: String; public var shown: String }
    public struct AnswerStageJSON: Encodable, Sendable { public var answer: String; public var shown: String; public var stage: Int }
    public struct PersonStageJSON: Encodable, Sendable {
        public var person: String; public var role: String?; public var executive: Bool; public var stage: Int
    }
    public struct MoverJSON: Encodable, Sendable {
        public var person: String
        public var question: String
        public var questionText: String
        public var answer: String
        public var shown: String
        public var stage: Int
    }

    public struct OrganizationJSON: Encodable, Sendable {
        public var name: String
        public var industry: String?
        public var currency: String
        public var loadedHourlyRate: Double?
        /// Units of `currency` per US dollar, and the day of that rate, when the company gave them.
        public var usdRate: Double? = nil
        public var usdRateOn: String? = nil
    }

    public struct QuestionnaireRef: Encodable, Sendable {
        public var id: String
        public var title: String
        public var version: Int
        public var revision: String?
    }

    public struct EvidenceJSON: Encodable, Sendable {
        public var stage: Int
        public var id: String
        public var rule: String
        public var passed: Bool
        public var basis: String
    }

    public struct FlagJSON: Encodable, Sendable {
        public var id: String
        public var title: String
        public var detail: String
        public var subjects: [String]
    }

    public struct MoveUpJSON: Encodable, Sendable {
        public var toStage: Int
        public var toStageName: String
        public var facts: [String]
    }

    public struct AlongsideJSON: Encodable, Sendable {
        public var kind: String
        public var agent: String?
        public var text: String
    }

    public struct UseCaseJSON: Encodable, Sendable {
        public var rank: Int
        public var name: String
        public var department: String?
        public var side: String
        public var hoursPerWeek: Double
        public var volumePerWeek: Double?
        public var owner: String?
        public var annualValue: Int
        public var fteFreed: Double
        public var annualRunCost: Int
        public var runCost: [CostLineJSON]
        public var roi: Double
        public var feasibility: Int
        public var factors: [FactorJSON]
        public var locked: Bool
        public var lockedReason: String?
        public var quadrant: String
        public var quadrantLabel: String
        public var flags: [String]
        /// A live agent already does this work.
        public var alreadyAutomated: Bool
        public var agent: String?
        public var agentStatus: String?
        public var eligible: Bool
        public var ineligibleReason: String?
        /// staff_hours, or downtime_and_scrap for line-level work valued on what it avoids.
        public var valueBasis: String
        /// What it costs once, new, on its own connection (the middle of the range), the range, and the payback.
        public var oneTimeCost: Int
        public var oneTimeCostRange: MoneyRangeJSON
        public var paybackMonths: Double?
        public var strictGate: Bool
    }

    public struct CostLineJSON: Encodable, Sendable {
        public var id: String
        public var label: String
        public var annual: Int
        public var basis: String
    }

    public struct FactorJSON: Encodable, Sendable {
        public var id: String
        public var label: String
        public var answer: String
        public var points: Double
        public var maxPoints: Double
    }

    public struct PlanStepJSON: Encodable, Sendable {
        public var id: String
        public var title: String
        /// The title in a few words, for the timeline.
        public var label: String
        public var start: String
        public var end: String
        public var gate: String
        public var owner: String
        /// The trust-ladder rung (build, setup, shadow, approve_each, auto_with_exceptions, go_no_go,
        /// production_owned) or the move's own step id.
        public var rung: String
        /// Plant closures on working days inside the step, which pushed its end out.
        public var closedDays: [String]
    }

    public struct SLOJSON: Encodable, Sendable {
        public var autoApproveAccuracy: Double
        public var pageOwnerBelow: Double
        public var rollingWindowTransactions: Int
        public var highSeverityErrorsAllowed: Int
        public var exceptionQueueBusinessHours: Double
    }

    public struct AgentJSON: Encodable, Sendable {
        public var name: String
        public var process: String?
        public var status: String
        public var side: String
        public var owner: String?
        public var annualDollarValue: Int?
        public var reportsDollars: Bool?
        public var gate: [GateBarJSON]
        public var clearsGate: Bool
        /// The estimate for the agent's process, its run cost, and what it realises where it reports dollars.
        public var estimatedAnnualValue: Int?
        public var annualRunCost: Int?
        public var estimatedRoi: Double?
        public var realisedRoi: Double?
        public var realisedAnnualValue: Int?
        /// The rung a decision log measured (`maturity ladder --into`), when there is one.
        public var measured: MeasuredJSON?
        /// The rung the file stated, in words, when the log earned a different one.
        public var statedRung: String?
    }

    public struct MeasuredJSON: Encodable, Sendable {
        public var log: String
        public var rung: String
        public var verdict: String
        public var cases: Int
        public var from: String
        public var to: String
        /// Weekly accuracy of the automated cases, oldest first, and the first week's name.
        public var weekly: [Double]
        public var firstWeek: String?
    }

    public struct GateBarJSON: Encodable, Sendable {
        public var id: String
        public var label: String
        public var cleared: Bool
        /// The file answers this bar for this agent (an unanswered bar before production is "not yet").
        public var answered: Bool
    }
}

extension ReportModel {
    /// The model as JSON: sorted keys, no escaped slashes; `pretty` for people, compact to embed.
    public func json(pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + (pretty ? "\n" : "")
    }
}

extension ReportModel.ParametersJSON {
    init(_ p: Parameters) {
        planDays = p.planDays
        roiMinimum = p.roiMinimum
        weeksPerYear = p.weeksPerYear
        automatableShare = p.automatableShare
        modelApiMonthly = .init(min: p.modelAPIMonthly.min, max: p.modelAPIMonthly.max)
        monitoringMonthly = .init(min: p.monitoringMonthly.min, max: p.monitoringMonthly.max)
        exceptionFte = .init(min: p.exceptionFTE.lowerBound, max: p.exceptionFTE.upperBound)
        shadowMinCases = p.shadowGate.minCases
        shadowLowVolumePerWeek = p.shadowGate.lowVolumePerWeek
        quadrantHighValue = p.quadrantHighValue
        quadrantHighFeasibility = p.quadrantHighFeasibility
        approveEachMinRate = p.rung(.approveEach)?.minRate
        autoWithExceptionsMinRate = p.autoGateRate
        useCasesShown = ReportModel.useCasesShown
        lineLevelUnlocksAtStage = p.lineLevel.unlocksAtStage
    }
}

extension ReportModel {
    /// Use cases shown in the report's table and chart; a long inventory says how many more there are.
    public static let useCasesShown = 50
}
