import Foundation
import MaturityCore

/// What the report templates read: the `ReportModel` formatted for reading (money in the
/// company's currency, dates in words) and laid out (chart and timeline coordinates). Built from
/// the model alone, never from the evaluation, so no format can state a fact the JSON does not.
public struct ReportView: Sendable, Encodable {
    /// The phrase table's language, for `<html lang>`.
    public var lang: String
    /// The templates' fixed words, `ui.<area>.<name>` read as `{{w.<area>_<name>}}` (`PhraseBook.fixedWords`).
    public var w: [String: String]
    public var title: String
    /// "{company}: where it stands with AI", cut around the company so HTML isolates the name on its own.
    public var heading: PhraseBook.Around
    /// "Assessed 6 December 2026"; "assessed 2026-12-06" for the terminal.
    public var assessedLine: String
    public var assessedShort: String
    /// "answered by Dana (COO), Lee", when the file names respondents.
    public var answeredBy: String
    /// "prepared by {firm}", with a brand's firm.
    public var preparedBy: String?
    /// "questionnaire {id} version {n}", "made by maturity", and "made by maturity for {firm}" with a brand's firm.
    public var questionnaireLine: String
    public var madeBy: String
    public var madeByFor: String
    /// The ladder chart's description: "Stages 0 to 4; {company} is at Stage 2, …".
    public var ladderDescription: String
    public var company: String
    public var industry: String?
    public var assessedOn: String
    public var assessedOnLong: String
    public var respondents: [Respondent]
    public var hasRespondents: Bool
    public var brand: Brand
    public var stage: StageView
    public var ladder: [LadderStep]
    public var nextMove: MoveView
    /// The CEO's paragraph, the first five, the staffing ask and the risks.
    public var deliverable: DeliverableView
    public var headline: [Figure]
    public var evidence: [EvidenceRow]
    public var flags: [FlagRow]
    public var hasFlags: Bool
    public var unknownAnswers: [AnswerRow]
    public var hasUnknownAnswers: Bool
    public var moveUp: MoveUpView?
    public var useCases: [UseCaseRow]
    public var hasUseCases: Bool
    /// "and 9,950 more…" when the inventory is longer than the table shows.
    public var moreUseCases: String?
    public var chart: ScatterChart
    public var plan: PlanView
    public var agents: [AgentRow]
    public var hasAgents: Bool
    public var gateBars: [String]
    public var governance: [HabitRow]
    public var hasGovernance: Bool
    public var answers: [AnswerRow]
    public var questionnaire: QuestionnaireView
    public var sources: [SourceRow]
    public var method: [String]
    public var currency: String
    /// The report's JSON with `<`, `>` and `&` as \u escapes, safe to place inside a script element.
    public var jsonForScript: String
    public var generator: String
    /// "Since last quarter", with `--previous`.
    public var since: SinceView? = nil
    /// Stage and dollars over time, with `--history` and three or more assessments.
    public var trend: TrendView? = nil
    /// "Where the room disagreed", for a workshop's file.
    public var room: RoomView? = nil
    /// The terminal summary's lines (`--format text`).
    public var text: TextView = TextView()
    /// What changed since the previous assessment, as `maturity compare` words it.
    public var comparison: ComparisonView? = nil
    /// The whole output model, as the JSON carries it: a template can show any field as
    /// `{{data.nextMove.weeks}}` without a line here (format it here when it needs the currency).
    public var data: ReportModel? = nil

    public struct TextView: Sendable, Encodable {
        public var why = ""
        public var toNextStage: String?
        public var flags = ""
        public var unknown: String?
        public var room: String?
        public var moveFacts = ""
        public var alternative: String?
        public var plan: String?
        public var useCases: [String] = []
        public var hasUseCases = false
        public var more: String?
    }

    public struct RoomView: Sendable, Encodable {
        public var people: [PersonRow]
        public var splits: [SplitRow]
        public var hasSplits: Bool
        /// What would move the stage, said once under the splits.
        public var moves: String?
        public var movers: [String]
        public var hasMovers: Bool
        public var conflicts: [String]
        public var hasConflicts: Bool
        public var ruleNote: String
    }
    public struct PersonRow: Sendable, Encodable { public var person: String; public var role: String; public var group: String; public var stage: String }
    public struct SplitRow: Sendable, Encodable {
        public var prompt: String
        public var id: String
        public var answers: String
        public var result: String
        public var effect: String
        public var groups: String?
        public var dissent: String?
    }

    public struct SinceView: Sendable, Encodable {
        public var heading: String
        public var before: String
        public var stageLine: String
        public var caution: String?
        public var notComparable: String?
        public var changes: [String]
        public var hasChanges: Bool
        public var move: String
        public var moveStatus: String
        public var moveReason: String
        public var steps: [FollowRow]
        public var ledger: [LedgerView]
        public var hasLedger: Bool
    }
    public struct FollowRow: Sendable, Encodable {
        public var title: String; public var dates: String; public var status: String; public var reason: String; public var cssClass: String
    }
    public struct LedgerView: Sendable, Encodable {
        public var agent: String; public var estimated: String; public var realised: String; public var basis: String
    }
    public struct TrendView: Sendable, Encodable {
        public var width: Int
        public var height: Int
        public var stagePoints: String
        public var dollarPoints: String
        public var rows: [TrendRow]
        public var maxDollars: String
        public var description: String
        /// "Stage 4" at the top of the axis, "$80,000 a year" at the top of the other, and the figure's caption.
        public var topLabel: String
        public var maxLabel: String
        public var caption: String
    }
    public struct TrendRow: Sendable, Encodable {
        public var date: String
        public var stage: Int
        public var stageName: String
        public var dollars: String
        public var x: Int
        public var stageY: Int
        public var dollarY: Int
    }

    public struct Respondent: Sendable, Encodable { public var name: String; public var role: String? }
    public struct Figure: Sendable, Encodable { public var label: String; public var value: String; public var note: String? }
    public struct StageView: Sendable, Encodable {
        public var level: Int
        public var name: String
        public var summary: String
        public var looksLike: String
        public var trap: String
        public var move: String
        public var notYet: [NotYetRow]
        public var hasNotYet: Bool
        /// "Stage 2 of 0–4", "Why Stage 2", "Not yet: what to skip at Stage 2".
        public var of: String
        public var whyHeading: String
        public var notYetHeading: String
    }
    public struct NotYetRow: Sendable, Encodable { public var what: String; public var why: String }
    public struct LadderStep: Sendable, Encodable {
        public var level: Int
        /// "Stage 2".
        public var label: String
        public var name: String
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
        public var textX: Int
        public var textY: Int
        public var current: Bool
        public var reached: Bool
        public var cssClass: String
    }
    public struct MoveView: Sendable, Encodable {
        public var title: String
        public var detail: String
        public var useCase: String?
        public var owner: String
        public var value: String?
        public var runCost: String?
        public var roi: String?
        public var costOfDelay: String?
        public var alongside: [String]
        public var hasAlongside: Bool
        /// "At stake" for a move about a live agent, "Worth" for a new one.
        public var valueLabel: String
        public var then: String?
        public var alternative: String?
        public var fitsNote: String?
        public var goNoGoOn: String?
        /// "$45,000 to $95,000 once", and "about 9 months" to pay it back.
        public var oneTimeCost: String?
        public var payback: String?
        /// The same figures in their sentences: "The one next move: …", "$90,000 a year", "for $20,000 a year
        /// to run", "$45,000 to $95,000 to build", "about 9 months from go-live", the Markdown's "Costs once: …"
        /// line, "6 December 2026, before production-owned starts" and the cost of delay's sentence.
        public var heading: String = ""
        public var valueAYear: String? = nil
        public var runCostLine: String? = nil
        public var toBuild: String? = nil
        public var paybackLine: String? = nil
        public var costsOnceLine: String? = nil
        public var goNoGoWhen: String? = nil
        public var delaySentence: String? = nil
    }
    public struct EvidenceRow: Sendable, Encodable {
        public var stage: Int
        public var stageName: String
        public var rule: String
        public var result: String
        public var passed: Bool
        public var basis: String
    }
    public struct FlagRow: Sendable, Encodable { public var id: String; public var title: String; public var detail: String }
    public struct MoveUpView: Sendable, Encodable {
        public var toStage: Int; public var toStageName: String; public var facts: [String]; public var heading: String
    }
    public struct UseCaseRow: Sendable, Encodable {
        public var rank: Int
        public var name: String
        public var department: String
        public var side: String
        public var value: String
        public var fte: String
        /// "0.4 FTE".
        public var fteText: String
        public var runCost: String
        public var roi: String
        public var feasibility: Int
        public var quadrant: String
        public var status: String
        public var locked: Bool
        public var belowBar: Bool
    }
    public struct ScatterChart: Sendable, Encodable {
        public var width: Int
        public var height: Int
        public var left: Int
        public var right: Int
        public var top: Int
        public var bottom: Int
        public var thresholdX: Int
        public var thresholdY: Int?
        public var xTicks: [Tick]
        public var yTicks: [Tick]
        public var points: [Point]
        public var description: String
        public var mermaidPoints: [MermaidPoint]
        public var mermaidYThreshold: String
    }
    public struct Tick: Sendable, Encodable { public var at: Int; public var label: String }
    public struct Point: Sendable, Encodable {
        public var x: Int
        public var y: Int
        public var rank: Int
        public var name: String
        public var cssClass: String
        public var labelClass: String
        public var labelY: Int
    }
    public struct MermaidPoint: Sendable, Encodable { public var label: String; public var x: String; public var y: String }
    public struct PlanView: Sendable, Encodable {
        /// "The plan: {start} to {end}", the go/no-go's heading and the sentence under it.
        public var heading: String
        public var goNoGoHeading: String
        public var goNoGoLead: String
        public var start: String
        public var end: String
        public var days: Int
        public var steps: [StepRow]
        public var hasSteps: Bool
        public var stretched: Bool
        public var shadowNote: String?
        /// Said when no plant calendar placed a plan that runs over the holidays.
        public var calendarNote: String?
        public var timelineWidth: Int
        public var timelineHeight: Int
        public var labelWidth: Int
        public var months: [Tick]
        public var slo: [Figure]
        public var budget: [BudgetRow]
        public var hasBudget: Bool
        public var budgetMonthly: String
        public var budgetAnnual: String
        public var goNoGo: [String]
        public var description: String
        public var goNoGoOn: String?
        /// How the rung gates (95%) and the SLO (92%, page below 90%) relate, in one sentence.
        public var gatesAndSLO: String
        public var currencyNote: String?
        public var goNoGoCount: String
    }
    public struct StepRow: Sendable, Encodable {
        public var index: Int
        public var title: String
        public var shortTitle: String
        public var start: String
        public var end: String
        /// "{start} to {end}"; in HTML's table the same on two lines (ISO dates, so safe unescaped).
        public var span: String
        public var spanLines: String
        public var gate: String
        public var owner: String
        public var barX: Int
        public var barWidth: Int
        public var y: Int
        public var textY: Int
        public var mermaidTitle: String
        public var mermaidDays: Int
        public var mermaidID: String
    }
    public struct BudgetRow: Sendable, Encodable { public var label: String; public var monthly: String; public var annual: String; public var basis: String }
    public struct AgentRow: Sendable, Encodable {
        public var name: String
        public var status: String
        public var owner: String
        public var side: String
        public var bars: [BarCell]
        public var verdict: String
        public var clears: Bool
        public var estimated: String
        public var realised: String
        public var runCost: String
        /// The weekly accuracy a decision log measured, as bars for a small chart.
        public var sparkBars: [SparkBar]
        public var hasSpark: Bool
        public var sparkText: String
        public var sparkGateY: Int
    }
    public struct SparkBar: Sendable, Encodable {
        public var x: Int; public var y: Int; public var height: Int; public var label: String; public var cssClass: String
    }
    public struct BarCell: Sendable, Encodable { public var label: String; public var cleared: Bool; public var mark: String; public var cssClass: String }
    public struct HabitRow: Sendable, Encodable {
        public var habit: String
        public var cadence: String
        public var question: String
        public var inPlace: String
        public var running: Bool
    }
    public struct AnswerRow: Sendable, Encodable {
        public var id: String
        /// The question in a few words, for lists.
        public var short: String
        public var section: String
        public var prompt: String
        public var answer: String
        public var unknown: Bool
    }
    public struct QuestionnaireView: Sendable, Encodable {
        public var id: String; public var title: String; public var version: Int; public var revision: String; public var answersCaption: String
    }
    public struct SourceRow: Sendable, Encodable { public var fact: String; public var source: String }
}
