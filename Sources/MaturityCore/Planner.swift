/// Chooses the one next move from what is already live — agents, platform, governance, volume —
/// and lays out its dated plan. The first rule that applies is the move; every other rule that
/// applies is listed beside it, in rule order.
public enum Planner {
    static let nameAnOwner = "name an owner"

    public static func plan(_ assessment: Assessment, questionnaire: Questionnaire, placement: Placement,
                            useCases: [UseCase], economics: [AgentEconomics]) -> Plan {
        let s = Situation(assessment, questionnaire, placement, useCases, economics)
        let findings = s.findings()
        var built: Built
        if let first = findings.first {
            built = s.build(first)
        } else {
            built = s.buildWhenNothingIsLive()
        }
        built.move.alongside = findings.dropFirst().map(\.text)
        built.move.alongsideMoves = findings.dropFirst().map { NextMove.Alongside(kind: $0.kind, agent: $0.agent?.name, text: $0.text) }
        let p = questionnaire.parameters
        let start = assessment.planStart
        let lastDay = built.steps.map(\.end).max() ?? start.adding(days: p.planDays - 1)
        let end = max(lastDay, start.adding(days: p.planDays - 1))
        return Plan(nextMove: built.move, steps: built.steps, start: start, end: end, shadowWeeks: built.shadowWeeks,
                    flags: built.flags, slo: p.slo, goNoGo: p.goNoGo.map { GoNoGoCheck(id: $0.id, question: p.fill($0.question)) }, goNoGoOn: built.goNoGoOn, budget: built.budget)
    }
}

/// One rule that applies, with the agent it is about.
struct Finding {
    var kind: NextMove.Kind
    var agent: Agent?
    var text: String
}

/// A move with its steps, before the alongside list is attached.
struct Built {
    var move: NextMove
    var steps: [PlanStep] = []
    var shadowWeeks: Int?
    var flags: [String] = []
    var goNoGoOn: Day?
    var budget: [CostLine] = []
}

/// The facts the rules read, worked out once.
struct Situation {
    let a: Assessment
    let q: Questionnaire
    let p: Parameters
    let placement: Placement
    let useCases: [UseCase]
    let economics: [AgentEconomics]
    let start: Day
    let currency: String

    init(_ a: Assessment, _ q: Questionnaire, _ placement: Placement, _ useCases: [UseCase], _ economics: [AgentEconomics]) {
        self.a = a
        self.q = q
        self.p = q.parameters
        self.placement = placement
        self.useCases = useCases
        self.economics = economics
        self.start = a.planStart
        self.currency = a.organization.currency
    }

    // MARK: what is live

    /// Agents acting on real work.
    var live: [Agent] { a.agents.filter(\.status.isRunning) }
    /// Agents part-way up the trust ladder.
    var climbing: [Agent] { a.agents.filter { [.shadow, .approveEach, .autoWithExceptions].contains($0.status) } }

    func money(_ v: Double) -> String { Format.money(v, currency: currency) }

    func economics(of agent: Agent) -> AgentEconomics? { economics.first { $0.agent == agent.name } }

    func useCase(of agent: Agent) -> UseCase? {
        agent.process.flatMap { name in useCases.first { $0.name.lowercased() == name.lowercased() } }
    }

    func process(named name: String?) -> InventoryProcess? {
        name.flatMap { n in a.processes.first { $0.name.lowercased() == n.lowercased() } }
    }

    /// Bars a live agent misses. In production an unanswered bar counts as missed (the placement
    /// rule); at auto-with-exceptions only a bar marked no is a gap, since the go/no-go checks the rest.
    func missingBars(_ agent: Agent) -> [GateBar] {
        if agent.status == .production {
            let ids = placement.gateGaps.first { $0.agent == agent.name }?.missingBars ?? []
            return q.gateBars.filter { ids.contains($0.id) }
        }
        return q.gateBars.filter { agent.gate[$0.id] == false }
    }

    func yes(_ question: EngineQuestion) -> Bool { a.answers[question.rawValue]?.isYes ?? false }

    var marginalCostRising: Bool { a.answers["marginal_cost_trend"] == .choice("rising") }

    /// Governance habits a Stage 3 company still lacks, in the questionnaire's order.
    var missingHabits: [Habit] {
        guard placement.stage == 3 else { return [] }
        return q.governance.filter { $0.fromStage <= 3 && $0.inPlace(a.answers) != true }
    }

    /// Rule 7's pick: the top-ranked unlocked office use case at or above the bar that no agent is already climbing.
    var nextOfficeUseCase: UseCase? {
        useCases.first { $0.eligible && $0.side == .office && ($0.agentStatus.map { $0 < .shadow } ?? true) }
    }

    var lineUseCase: UseCase? { useCases.first { $0.eligible && $0.side != .office } }

    // MARK: the rules, in order

    func findings() -> [Finding] {
        var out: [Finding] = []
        for agent in live where agent.namedOwner == nil {
            out.append(Finding(kind: .ownOrRetireAgent, agent: agent,
                               text: "Own or switch off \(agent.name): it acts on live work with no named owner"))
        }
        for agent in live {
            let bars = missingBars(agent)
            guard !bars.isEmpty else { continue }
            out.append(Finding(kind: .closeGateGaps, agent: agent,
                               text: "Close \(agent.name)'s gate \(bars.count == 1 ? "gap" : "gaps"): \(Words.bars(bars))"))
        }
        let onLadderOrLive = a.agents.filter { $0.status >= .shadow && $0.status != .retired }
        for agent in onLadderOrLive {
            guard let e = economics(of: agent), e.belowBar, let roi = e.roi else { continue }
            out.append(Finding(kind: .fixOrStopAgent, agent: agent,
                               text: "Fix the economics of \(agent.name) or stop it: \(Format.ratio(roi)) its run cost (\(e.judgedOnRealised ? "realised" : "estimated")), under the \(Format.multiple(p.roiMinimum)) bar"))
        }
        let finishing = climbing.filter { !(economics(of: $0)?.belowBar ?? false) }
            .sorted { ($0.status, value(of: $0)) > ($1.status, value(of: $1)) }
        for agent in finishing {
            out.append(Finding(kind: .finishLadder, agent: agent,
                               text: "Finish \(agent.name)'s climb from \(Words.rung(agent.status, q)) to production"))
        }
        if live.count >= p.portfolioMinAgents, !yes(.newAgentShipsInWeeks) || marginalCostRising {
            let why = !yes(.newAgentShipsInWeeks) ? "new agents still take quarters" : "each new agent costs more than the last"
            out.append(Finding(kind: .hardenPlatform, agent: nil,
                               text: "Harden the platform under the \(live.count) live agents before adding another: \(why)"))
        }
        let habits = missingHabits
        if !habits.isEmpty {
            out.append(Finding(kind: .installGovernance, agent: nil,
                               text: "Install the missing governance: \(Format.list(habits.map { $0.habit.lowercased() }))"))
        }
        return out
    }

    private func value(of agent: Agent) -> Double { useCase(of: agent)?.annualValue ?? agent.annualDollarValue ?? 0 }
}
