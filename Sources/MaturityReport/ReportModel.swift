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
    }
    /// `answer` as recorded (a choice id, true/false); `shown` in the report's words.
    public struct PersonAnswerJSON: Encodable, Sendable { public var person: String; public var answer: String; public var shown: String }
    public struct AnswerStageJSON: Encodable, Sendable { public var answer: String; public var shown: String; public var stage: Int }
    public struct PersonStageJSON: Encodable, Sendable { public var person: String; public var role: String?; public var executive: Bool; public var stage: Int }
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

    public struct NextMoveJSON: Encodable, Sendable {
        public var kind: String
        public var title: String
        public var detail: String
        public var useCase: String?
        public var owner: String
        public var annualValue: Int?
        public var annualRunCost: Int?
        public var roi: Double?
        public var costOfDelayPerQuarter: Int?
        public var alongside: [String]
        public var agent: String?
        public var reuses: String?
        public var then: String?
        public var fitsIn90Days: Bool
        public var alternative: String?
        public var weeks: Int
        public var alongsideMoves: [AlongsideJSON]

        enum CodingKeys: String, CodingKey {
            case kind, title, detail, useCase, owner, annualValue, annualRunCost, roi, costOfDelayPerQuarter, alongside
            case agent, reuses, then, fitsIn90Days, alternative, weeks, alongsideMoves
        }

        /// The names the move points at are always present, as null when there is none.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(detail, forKey: .detail)
            try c.encode(useCase, forKey: .useCase)
            try c.encode(owner, forKey: .owner)
            try c.encodeIfPresent(annualValue, forKey: .annualValue)
            try c.encodeIfPresent(annualRunCost, forKey: .annualRunCost)
            try c.encodeIfPresent(roi, forKey: .roi)
            try c.encodeIfPresent(costOfDelayPerQuarter, forKey: .costOfDelayPerQuarter)
            try c.encode(alongside, forKey: .alongside)
            try c.encode(agent, forKey: .agent)
            try c.encode(reuses, forKey: .reuses)
            try c.encode(then, forKey: .then)
            try c.encode(fitsIn90Days, forKey: .fitsIn90Days)
            try c.encode(alternative, forKey: .alternative)
            try c.encode(weeks, forKey: .weeks)
            try c.encode(alongsideMoves, forKey: .alongsideMoves)
        }
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
    /// The model of one evaluation, with its comparison, trend and room when the evaluation has them.
    public init(_ e: Evaluation) {
        let a = e.assessment, q = e.questionnaire, pl = e.placement, plan = e.plan
        let money = { (v: Double) in v.roundedInt() }
        let round1 = { (v: Double) in (v * 10).rounded() / 10 }
        let round2 = { (v: Double) in (v * 100).rounded() / 100 }
        let costLines = { (lines: [CostLine]) in
            lines.map { CostLineJSON(id: $0.id, label: $0.label, annual: money($0.annual), basis: $0.basis) }
        }
        organization = OrganizationJSON(name: a.organization.name, industry: a.organization.industry,
                                        currency: a.organization.currency, loadedHourlyRate: a.organization.loadedHourlyRate)
        questionnaire = QuestionnaireRef(id: q.id, title: q.title, version: q.version, revision: q.revision)
        assessedOn = a.assessedOn.iso
        planStartsOn = a.planStart.iso
        stage = pl.stage
        stageName = q.stageName(pl.stage)
        let current = q.stage(pl.stage)
        stageSummary = e.stageSummary
        trap = current?.trap ?? ""
        stageLooksLike = current?.looksLike ?? ""
        stageMove = current?.move ?? ""
        notYet = (current?.notYet ?? []).map { NotYetJSON(what: $0.what, why: $0.why) }
        stages = (0...4).map { StageRefJSON(level: $0, name: q.stageName($0)) }
        respondents = a.respondents.map { RespondentJSON(name: $0.name, role: $0.role) }
        answers = q.questions.map { question in
            var shown: String?
            if let answer = a.answers[question.id] {
                if case .choice(let c) = answer {
                    shown = question.choices.first { $0.value == c }.map { "\($0.label) (\(c))" } ?? c
                } else {
                    shown = answer.display
                }
            }
            return AnswerJSON(id: question.id, short: question.short ?? question.prompt, section: question.section,
                              prompt: question.prompt, answer: shown)
        }
        parameters = ParametersJSON(q.parameters)
        governance = q.governance.map {
            HabitJSON(id: $0.id, habit: $0.habit, cadence: $0.cadence, question: $0.question, fromStage: $0.fromStage,
                      inPlace: $0.inPlace(a.answers))
        }
        sources = q.sources.map { SourceJSON(fact: $0.fact, source: $0.source) }
        currencyNote = e.currencyNote
        shadowStretched = plan.flags.contains(FlagID.lowVolumeForShadow.rawValue)
        evidence = pl.evidence.map { EvidenceJSON(stage: $0.stage, id: $0.id, rule: $0.rule, passed: $0.passed, basis: $0.basis) }
        flags = e.allFlags.map { FlagJSON(id: $0.id, title: $0.title, detail: $0.detail, subjects: $0.subjects) }
        unknownAnswers = pl.unknownAnswers
        moveUp = pl.moveUp.map { MoveUpJSON(toStage: $0.toStage, toStageName: q.stageName($0.toStage), facts: $0.facts) }
        gatedAgents = pl.gatedAgents
        let m = plan.nextMove
        nextMove = NextMoveJSON(kind: m.kind.rawValue, title: m.title, detail: m.detail, useCase: m.useCase, owner: m.owner,
                                annualValue: m.annualValue.map(money), annualRunCost: m.annualRunCost.map(money),
                                roi: m.roi.map(round1), costOfDelayPerQuarter: m.costOfDelayPerQuarter.map(money),
                                alongside: m.alongside, agent: m.agent, reuses: m.reuses, then: m.then,
                                fitsIn90Days: m.fitsIn90Days, alternative: m.alternative, weeks: m.weeks,
                                alongsideMoves: m.alongsideMoves.map { AlongsideJSON(kind: $0.kind.rawValue, agent: $0.agent, text: $0.text) })
        goNoGoOn = plan.goNoGoOn?.iso
        useCases = e.useCases.map { u in
            UseCaseJSON(rank: u.rank, name: u.name, department: u.department, side: u.side.rawValue,
                        hoursPerWeek: u.hoursPerWeek, volumePerWeek: u.volumePerWeek, owner: u.owner,
                        annualValue: money(u.annualValue), fteFreed: round2(u.fteFreed),
                        annualRunCost: money(u.annualRunCost), runCost: costLines(u.runCost), roi: round1(u.roi),
                        feasibility: u.feasibility,
                        factors: u.factors.map { FactorJSON(id: $0.id, label: $0.label, answer: $0.answer,
                                                            points: round1($0.points), maxPoints: $0.maxPoints) },
                        locked: u.locked, lockedReason: u.lockedReason, quadrant: u.quadrant.rawValue,
                        quadrantLabel: u.quadrant.label, flags: u.flags, alreadyAutomated: u.alreadyAutomated,
                        agent: u.agent, agentStatus: u.agentStatus?.rawValue, eligible: u.eligible,
                        ineligibleReason: u.ineligibleReason)
        }
        self.plan = plan.steps.map { PlanStepJSON(id: $0.id, title: $0.title, label: $0.label, start: $0.start.iso, end: $0.end.iso,
                                                  gate: $0.gate, owner: $0.owner) }
        planEnd = plan.end.iso
        shadowWeeks = plan.shadowWeeks
        slo = SLOJSON(autoApproveAccuracy: plan.slo.autoApproveAccuracy, pageOwnerBelow: plan.slo.pageOwnerBelow,
                      rollingWindowTransactions: plan.slo.rollingWindowTransactions,
                      highSeverityErrorsAllowed: plan.slo.highSeverityErrorsAllowed,
                      exceptionQueueBusinessHours: plan.slo.exceptionQueueBusinessHours)
        goNoGo = plan.goNoGo.map(\.question)
        budget = costLines(plan.budget)
        if let room = e.room {
            // A recorded answer in the report's words: yes/no, or a choice's label rather than its id.
            func shown(_ answer: String) -> String {
                switch answer {
                case "true": return "yes"
                case "false": return "no"
                default:
                    for question in q.questions {
                        if let c = question.choices.first(where: { $0.value == answer }) { return Words.inSentence(c.label) }
                    }
                    return answer
                }
            }
            // "Ana: ad_hoc" → "Ana: some people use them on their own".
            func pair(_ text: String) -> String {
                guard let colon = text.range(of: ": ", options: .backwards) else { return text }
                return String(text[..<colon.upperBound]) + shown(String(text[colon.upperBound...]))
            }
            disagreements = room.splits.map { s in
                DisagreementJSON(question: s.question, prompt: s.prompt,
                                 answers: s.answers.map { PersonAnswerJSON(person: $0.person, answer: $0.answer, shown: shown($0.answer)) },
                                 rule: s.rule.rawValue, result: s.result, resultShown: shown(s.result), dissent: s.dissent,
                                 stageByAnswer: s.stageByAnswer.map { AnswerStageJSON(answer: $0.answer, shown: shown($0.answer), stage: $0.stage) },
                                 executives: s.executives.map(pair), handsOn: s.handsOn.map(pair))
            }
            personStages = room.people.map { PersonStageJSON(person: $0.person, role: $0.role, executive: $0.executive, stage: $0.stage) }
            stageMovers = room.movers.map {
                MoverJSON(person: $0.person, question: $0.question,
                          questionText: q.question($0.question).map { Words.inSentence($0.short ?? $0.prompt) } ?? $0.question,
                          answer: $0.answer, shown: shown($0.answer), stage: $0.stage)
            }
            workshopRule = (a.workshop?.rule ?? .strict).rawValue
            conflicts = room.conflicts.map { c in
                ConflictJSON(item: c.item, field: c.field,
                             values: c.values.map { PersonAnswerJSON(person: $0.person, answer: $0.answer, shown: $0.answer) }, kept: c.kept)
            }
        }
        if let since = e.since { sinceLastQuarter = ComparisonJSON(since) }
        if !e.trend.isEmpty { trend = e.trend.map { HistoryEntry(file: nil, $0) } }
        agents = a.agents.map { agent in
            let missing = Placement.missingBars(agent, questionnaire: q)
            let bars = q.gateBars.map {
                GateBarJSON(id: $0.id, label: $0.label, cleared: !missing.contains($0.id), answered: agent.gate[$0.id] != nil)
            }
            let econ = e.economics.first { $0.agent == agent.name }
            let measured = agent.measured.map {
                MeasuredJSON(log: $0.log, rung: $0.rung, verdict: $0.verdict, cases: $0.cases, from: $0.from.iso, to: $0.to.iso,
                             weekly: $0.weekly, firstWeek: $0.firstWeek)
            }
            return AgentJSON(name: agent.name, process: agent.process, status: agent.status.rawValue, side: agent.side.rawValue,
                             owner: agent.namedOwner, annualDollarValue: agent.annualDollarValue.map(money),
                             reportsDollars: agent.reportsDollars, gate: bars, clearsGate: pl.gatedAgents.contains(agent.name),
                             estimatedAnnualValue: econ?.estimatedValue.map(money), annualRunCost: econ?.annualRunCost.map(money),
                             estimatedRoi: econ?.estimatedROI.map(round1), realisedRoi: econ?.realisedROI.map(round1),
                             realisedAnnualValue: econ?.realisedValue.map(money), measured: measured,
                             statedRung: e.claims.first { $0.agent == agent.name }.map { Words.rung($0.stated, q) })
        }
    }

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
        autoWithExceptionsMinRate = p.rung(.autoWithExceptions)?.minRate
        useCasesShown = ReportModel.useCasesShown
    }
}

extension ReportModel {
    /// Use cases shown in the report's table and chart; a long inventory says how many more there are.
    public static let useCasesShown = 50
}
