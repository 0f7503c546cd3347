/// Chooses the one next move from what is already live — agents, platform, governance, volume —
/// and lays out its dated plan. The first rule that applies is the move; every other rule that
/// applies is listed beside it, in rule order.
public enum Planner {
    static let nameAnOwner = Phrase("owner.name_an_owner")

    /// A named person as the owner, or "name an owner".
    static func owner(_ name: String?) -> Phrase { name.map(Phrase.verbatim) ?? nameAnOwner }

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
        // All of one agent's problems are one move: the headline's agent takes no second line beside it.
        let headlineAgent = built.move.agent
        let others = findings.dropFirst().filter { f in headlineAgent == nil || f.agent?.name != headlineAgent }
        let asides = Array(others) + s.belowBarAsides().filter { headlineAgent == nil || $0.agent?.name != headlineAgent } + s.skippingAsides()
        built.move.alongside = asides.map(\.text)
        built.move.alongsideMoves = asides.map { NextMove.Alongside(kind: $0.kind, agent: $0.agent?.name, text: $0.text) }
        let p = questionnaire.parameters
        let start = s.schedule.firstWorkday(onOrAfter: assessment.planStart)
        let lastDay = built.steps.map(\.end).max() ?? start.adding(days: p.planDays - 1)
        let end = max(lastDay, assessment.planStart.adding(days: p.planDays - 1))
        // In date order; on the same day, the move's own steps before the ones beside it.
        let ordered = built.steps.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        var plan = Plan(nextMove: built.move, steps: ordered, start: start, end: end,
                    shadowWeeks: built.shadowWeeks, flags: built.flags, slo: s.slo(strict: built.move.strictGate),
                    goNoGo: p.goNoGo.map { GoNoGoCheck(id: $0.id, question: p.fill($0.question)) }, goNoGoOn: built.goNoGoOn, budget: built.budget)
        plan.calendarGiven = assessment.calendar != nil
        return plan
    }
}

/// One rule that applies, with the agent it is about.
struct Finding {
    var kind: NextMove.Kind
    var agent: Agent?
    var text: Phrase
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
    /// The plant's working days: every step starts and ends on one.
    let schedule: BusinessCalendar

    init(_ a: Assessment, _ q: Questionnaire, _ placement: Placement, _ useCases: [UseCase], _ economics: [AgentEconomics]) {
        self.a = a
        self.q = q
        self.p = q.parameters
        self.placement = placement
        self.useCases = useCases
        self.economics = economics
        self.schedule = a.calendar ?? BusinessCalendar()
        self.start = a.planStart
        self.currency = a.organization.currency
    }

    // MARK: what is live

    /// The SLO to write down: the stricter one where an error could ship bad product or stop a line.
    func slo(strict: Bool) -> SLO {
        guard strict else { return p.slo }
        var slo = p.slo
        slo.autoApproveAccuracy = max(slo.autoApproveAccuracy, p.lineLevel.strictAutoApproveAccuracy)
        slo.pageOwnerBelow = max(slo.pageOwnerBelow, p.lineLevel.strictPageOwnerBelow)
        return slo
    }

    /// Agents acting on real work.
    var live: [Agent] { a.agents.filter(\.status.isRunning) }
    /// Agents part-way up the trust ladder.
    var climbing: [Agent] { a.agents.filter { [.shadow, .approveEach, .autoWithExceptions].contains($0.status) } }

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

    /// The agents whose pattern may be copied: a live agent under the return bar is not reused.
    func clearsBar(_ agent: Agent) -> Bool { !(economics(of: agent)?.belowBar ?? false) }

    func findings() -> [Finding] {
        var out: [Finding] = []
        for agent in live where agent.namedOwner == nil {
            out.append(Finding(kind: .ownOrRetireAgent, agent: agent,
                               text: Phrase("finding.own_or_retire", ["agent": .text(agent.name)])))
        }
        for agent in live {
            let bars = missingBars(agent)
            guard !bars.isEmpty else { continue }
            out.append(Finding(kind: .closeGateGaps, agent: agent,
                               text: Phrase("finding.close_gate_gaps", ["agent": .text(agent.name), "n": .int(bars.count), "bars": .bars(bars.map(\.id))])))
        }
        // Rule 3: an agent that loses money is fixed or stopped; one still climbing on a workflow
        // under the bar stops climbing (the bar decides what to scale, not what to switch off).
        for agent in a.agents where agent.status >= .shadow && agent.status != .retired {
            guard let e = economics(of: agent), let roi = e.roi else { continue }
            let climbingAgent = agent.status < .production
            if e.losesMoney || (climbingAgent && e.belowBar) {
                let why = e.losesMoney ? Phrase(e.judgedOnRealised ? "finding.why.loses_reported" : "finding.why.loses_estimated")
                                       : Phrase("finding.why.under_bar", ["roi": .ratio(roi), "bar": .multiple(p.roiMinimum)])
                out.append(Finding(kind: .fixOrStopAgent, agent: agent,
                                   text: Phrase(climbingAgent && !e.losesMoney ? "finding.stop_climb" : "finding.fix_or_stop",
                                                ["agent": .text(agent.name), "why": .phrase(why)])))
            }
        }
        let finishing = climbing.filter { !(economics(of: $0)?.belowBar ?? false) }
            .sorted { ($0.status, value(of: $0)) > ($1.status, value(of: $1)) }
        for agent in finishing {
            out.append(Finding(kind: .finishLadder, agent: agent,
                               text: Phrase("finding.finish_ladder", ["agent": .text(agent.name), "status": .status(agent.status)])))
        }
        if hardenApplies {
            let why = Phrase(!yes(.newAgentShipsInWeeks) ? "finding.why.takes_quarters" : "finding.why.costs_more")
            out.append(Finding(kind: .hardenPlatform, agent: nil,
                               text: Phrase("finding.harden", ["live": .int(live.count), "why": .phrase(why)])))
        }
        let habits = missingHabits
        if !habits.isEmpty {
            out.append(Finding(kind: .installGovernance, agent: nil,
                               text: Phrase("finding.install_governance", ["habits": .list(habits.map { .label($0.habit) })])))
        }
        return out
    }

    /// Rule 5 applies: three or more live agents, but new ones take quarters or cost more each time.
    var hardenApplies: Bool { live.count >= p.portfolioMinAgents && (!yes(.newAgentShipsInWeeks) || marginalCostRising) }

    /// Line-level or product AI funded (or claimed) before Stage 3: said beside the move, which stays on the office base.
    func skippingAsides() -> [Finding] {
        guard placement.stage < p.lineLevel.unlocksAtStage, placement.flags.contains(where: { $0.id == FlagID.skippingSteps.rawValue }) else { return [] }
        return [Finding(kind: .pauseLineLevel, agent: nil, text: Phrase("finding.pause_line_level", ["stage": .int(p.lineLevel.unlocksAtStage)]))]
    }

    /// Live agents that earn more than they cost but under the bar: never the move, always said beside it.
    func belowBarAsides() -> [Finding] {
        a.agents.filter { $0.status == .production }.compactMap { agent in
            guard let e = economics(of: agent), e.belowBar, !e.losesMoney, let roi = e.roi else { return nil }
            let basis = e.judgedOnRealised ? Phrase("finding.below_bar.basis_reported", ["value": .money(e.realisedValue ?? 0)])
                                           : Phrase("finding.below_bar.basis_estimated")
            let under = (e.realisedValue ?? 0) < (e.estimatedValue ?? 0)
            return Finding(kind: .agentBelow3x, agent: agent,
                           text: Phrase(under ? "finding.below_bar.under_estimate" : "finding.below_bar.reported",
                                        ["agent": .text(agent.name), "roi": .ratio(roi), "basis": .phrase(basis), "bar": .multiple(p.roiMinimum)]))
        }
    }

    private func value(of agent: Agent) -> Double { useCase(of: agent)?.annualValue ?? agent.annualDollarValue ?? 0 }
}
