import MaturityCore

/// The machine-readable report: the contract of `--format json`. Keys are camelCase, dates
/// ISO, money in whole currency units, and the order stable (sorted keys).
public struct ReportJSON: Encodable, Sendable {
    public var tool: String = "maturity"
    public var schemaVersion: Int = 1
    public var organization: OrganizationJSON
    public var questionnaire: QuestionnaireRef
    public var assessedOn: String
    public var planStartsOn: String
    public var stage: Int
    public var stageName: String
    public var stageSummary: String
    public var trap: String
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

    public struct DisagreementJSON: Encodable, Sendable {
        public var question: String
        public var answers: [PersonAnswerJSON]
        public var rule: String
        public var result: String
        public var dissent: String?
        public var stageByAnswer: [AnswerStageJSON]
    }
    public struct PersonAnswerJSON: Encodable, Sendable { public var person: String; public var answer: String }
    public struct AnswerStageJSON: Encodable, Sendable { public var answer: String; public var stage: Int }
    public struct PersonStageJSON: Encodable, Sendable { public var person: String; public var role: String?; public var executive: Bool; public var stage: Int }
    public struct MoverJSON: Encodable, Sendable { public var person: String; public var question: String; public var answer: String; public var stage: Int }

    public struct OrganizationJSON: Encodable, Sendable {
        public var name: String
        public var industry: String?
        public var currency: String
        public var loadedHourlyRate: Double?
    }

    public struct QuestionnaireRef: Encodable, Sendable {
        public var id: String
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
        public var flags: [String]
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
    }

    public struct GateBarJSON: Encodable, Sendable {
        public var id: String
        public var label: String
        public var cleared: Bool
    }
}

extension ReportJSON {
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
        questionnaire = QuestionnaireRef(id: q.id, version: q.version, revision: q.revision)
        assessedOn = a.assessedOn.iso
        planStartsOn = a.planStart.iso
        stage = pl.stage
        stageName = q.stageName(pl.stage)
        stageSummary = q.stage(pl.stage)?.summary ?? ""
        trap = q.stage(pl.stage)?.trap ?? ""
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
                        locked: u.locked, lockedReason: u.lockedReason, quadrant: u.quadrant.rawValue, flags: u.flags,
                        agent: u.agent, agentStatus: u.agentStatus?.rawValue, eligible: u.eligible,
                        ineligibleReason: u.ineligibleReason)
        }
        self.plan = plan.steps.map { PlanStepJSON(id: $0.id, title: $0.title, start: $0.start.iso, end: $0.end.iso,
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
            disagreements = room.splits.map { s in
                DisagreementJSON(question: s.question, answers: s.answers.map { PersonAnswerJSON(person: $0.person, answer: $0.answer) },
                                 rule: s.rule.rawValue, result: s.result, dissent: s.dissent,
                                 stageByAnswer: s.stageByAnswer.map { AnswerStageJSON(answer: $0.answer, stage: $0.stage) })
            }
            personStages = room.people.map { PersonStageJSON(person: $0.person, role: $0.role, executive: $0.executive, stage: $0.stage) }
            stageMovers = room.movers.map { MoverJSON(person: $0.person, question: $0.question, answer: $0.answer, stage: $0.stage) }
        }
        agents = a.agents.map { agent in
            let missing = Placement.missingBars(agent, questionnaire: q)
            let bars = q.gateBars.map { GateBarJSON(id: $0.id, label: $0.label, cleared: !missing.contains($0.id)) }
            let econ = e.economics.first { $0.agent == agent.name }
            return AgentJSON(name: agent.name, process: agent.process, status: agent.status.rawValue, side: agent.side.rawValue,
                             owner: agent.namedOwner, annualDollarValue: agent.annualDollarValue.map(money),
                             reportsDollars: agent.reportsDollars, gate: bars, clearsGate: pl.gatedAgents.contains(agent.name),
                             estimatedAnnualValue: econ?.estimatedValue.map(money), annualRunCost: econ?.annualRunCost.map(money),
                             estimatedRoi: econ?.estimatedROI.map(round1), realisedRoi: econ?.realisedROI.map(round1))
        }
    }
}
