/// The one next move and the dated plan that carries it out.
public struct Plan: Sendable, Equatable {
    public var nextMove: NextMove
    public var steps: [PlanStep]
    public var start: Day
    public var end: Day
    /// Weeks the shadow rung lasts (stretched when volume is low), nil when the plan has no ladder.
    public var shadowWeeks: Int?
    public var flags: [String]
    public var slo: SLO
    public var goNoGo: [GoNoGoCheck]
    /// Run-cost lines to put on the budget before week 1 (the next move's use case).
    public var budget: [CostLine]
}

public struct NextMove: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case buildInventory = "build_inventory"
        case findBetterWorkflow = "find_better_workflow"
        case shipFirstAgent = "ship_first_agent"
        case shipSecondAgent = "ship_agent_two"
        case installGovernance = "install_governance"
        case fundLinePortfolio = "fund_line_portfolio"
    }

    public var kind: Kind
    public var title: String
    public var detail: String
    public var useCase: String?
    public var owner: String
    public var annualValue: Double?
    public var annualRunCost: Double?
    public var roi: Double?
    /// Net dollars a quarter lost by not starting (value less run cost, over four).
    public var costOfDelayPerQuarter: Double?
    /// Work that runs beside the move: gate gaps on agents already in production.
    public var alongside: [String]
}

public struct PlanStep: Sendable, Equatable {
    public var id: String
    public var title: String
    /// A few words for charts: the part of the title before its colon.
    public var label: String { title.split(separator: ":").first.map(String.init) ?? title }
    public var start: Day
    public var end: Day
    public var gate: String
    public var owner: String
}

public enum Planner {
    static let nameAnOwner = "name an owner"

    /// Picks the one next move for the stage and lays out its plan from `start`.
    public static func plan(_ assessment: Assessment, questionnaire: Questionnaire, placement: Placement,
                            useCases: [UseCase]) -> Plan {
        let p = questionnaire.parameters
        let start = assessment.planStart
        let top = useCases.first { $0.eligible && $0.side == .office }
        let gapWork = placement.gateGaps.map { "Close \($0.agent)'s gate gaps: \($0.missingBars.joined(separator: ", "))" }
        let currency = assessment.organization.currency
        var move: NextMove
        var steps: [PlanStep] = []
        var shadowWeeks: Int?
        var flags: [String] = []
        var budget: [CostLine] = []

        func ladder(for useCase: UseCase) {
            let built = trustLadder(useCase, start: start, p: p)
            steps += built.steps
            shadowWeeks = built.shadowWeeks
            if built.stretched { flags.append(FlagID.lowVolumeForShadow.rawValue) }
            budget = useCase.runCost
        }
        func moveFor(_ kind: NextMove.Kind, _ title: String, _ detail: String, _ u: UseCase) -> NextMove {
            NextMove(kind: kind, title: title, detail: detail, useCase: u.name, owner: u.owner ?? nameAnOwner,
                     annualValue: u.annualValue, annualRunCost: u.annualRunCost, roi: u.roi,
                     costOfDelayPerQuarter: max(0, u.annualValue - u.annualRunCost) / 4, alongside: gapWork)
        }

        switch placement.stage {
        case 0, 1, 2:
            if let u = top {
                let first = placement.stage < 2
                let value = Format.money(u.annualValue, currency: currency)
                move = first
                    ? moveFor(.shipFirstAgent, "Ship \(u.name) as your first agent within \(p.planDays) days",
                              "The top-ranked office use case: \(value) a year at \(Format.ratio(u.roi)) its run cost, feasibility \(u.feasibility)/100. Owner: \(u.owner ?? nameAnOwner).", u)
                    : moveFor(.shipSecondAgent, "Ship \(u.name) as agent two, reusing \(placement.gatedAgents.first ?? "the first agent")'s integrations",
                              "Agent one is through the gate; the next-ranked office use case is worth \(value) a year at \(Format.ratio(u.roi)). Reuse its connectors, monitoring and gate.", u)
                if !gapWork.isEmpty {
                    steps.append(PlanStep(id: "close_gate_gaps", title: "Close gate gaps: clear the bars that agents already live still miss",
                                          start: start, end: start.adding(days: 13),
                                          gate: "All five bars cleared: " + gapWork.joined(separator: "; "),
                                          owner: placement.gateGaps.compactMap { gap in assessment.agents.first { $0.name == gap.agent }?.namedOwner }.first ?? nameAnOwner))
                }
                ladder(for: u)
            } else {
                (move, steps) = noCandidate(assessment, useCases: useCases, start: start, p: p, alongside: gapWork)
            }
        case 3:
            move = NextMove(kind: .installGovernance, title: "Install light governance over the portfolio",
                            detail: "Name one portfolio owner, hold every agent to the standard gate, review each agent's dollars monthly, decide kill-or-scale quarterly, and track the marginal cost of each new agent.",
                            useCase: nil, owner: nameAnOwner, annualValue: nil, annualRunCost: nil, roi: nil,
                            costOfDelayPerQuarter: nil, alongside: gapWork)
            steps = governance(start: start, p: p)
        default:
            let line = useCases.first { $0.eligible && $0.side != .office }
            move = NextMove(kind: .fundLinePortfolio, title: "Fund a focused portfolio of 5 to 12 line-level use cases as capital projects",
                            detail: "The office base is proven. Pick five to twelve line or product use cases, fund them as CapEx, and take them through the same gate."
                                + (line.map { " Start with \($0.name)." } ?? " List line-level processes in the inventory to rank them."),
                            useCase: line?.name, owner: line?.owner ?? nameAnOwner, annualValue: line?.annualValue,
                            annualRunCost: line?.annualRunCost, roi: line?.roi,
                            costOfDelayPerQuarter: line.map { max(0, $0.annualValue - $0.annualRunCost) / 4 }, alongside: gapWork)
            steps = [PlanStep(id: "select_portfolio", title: "Select the portfolio: choose and fund 5 to 12 line-level use cases",
                              start: start, end: start.adding(days: 13),
                              gate: "Each selected use case returns at least \(Format.multiple(p.roiMinimum)) its run cost; CapEx approved; an owner per use case",
                              owner: nameAnOwner)]
            if let line { ladder(for: line) }
        }
        let end = steps.map(\.end).max() ?? start.adding(days: p.planDays - 1)
        return Plan(nextMove: move, steps: steps, start: start, end: end, shadowWeeks: shadowWeeks, flags: flags,
                    slo: p.slo, goNoGo: p.goNoGo, budget: budget)
    }

    /// The trust ladder for one use case, rung by rung; the shadow rung lasts as many weeks
    /// as the volume needs to reach the shadow gate's case count.
    static func trustLadder(_ u: UseCase, start: Day, p: Parameters) -> (steps: [PlanStep], shadowWeeks: Int, stretched: Bool) {
        var steps: [PlanStep] = []
        var day = 0
        var shadowWeeks = 0
        var stretched = false
        let owner = u.owner ?? nameAnOwner
        let planEnd = p.planDays - 1
        for (i, rung) in p.trustLadder.enumerated() {
            var weeks = rung.weeks
            var gate = rung.gate
            if rung.id == EngineRung.shadow.rawValue {
                let volume = u.volumePerWeek ?? 0
                if volume < p.shadowGate.lowVolumePerWeek {
                    let needed = volume > 0 ? Int((Double(p.shadowGate.minCases) / volume).rounded(.up)) : 0
                    weeks = max(weeks, needed)
                    stretched = true
                    gate += volume > 0
                        ? " (at \(Format.number(volume)) cases a week that takes \(needed) weeks, not \(rung.weeks))"
                        : " (weekly volume unknown: count the cases and extend this rung until \(p.shadowGate.minCases) are in)"
                }
                shadowWeeks = weeks
            }
            var end = day + weeks * 7 - 1
            // The last rung closes the plan window when the ladder fits inside it.
            if i == p.trustLadder.count - 1, !stretched { end = max(day + 6, planEnd) }
            steps.append(PlanStep(id: rung.id, title: rung.title, start: start.adding(days: day),
                                  end: start.adding(days: end), gate: gate, owner: owner))
            day = end + 1
        }
        return (steps, shadowWeeks, stretched)
    }

    static func governance(start: Day, p: Parameters) -> [PlanStep] {
        let owner = "portfolio owner"
        return [
            PlanStep(id: "portfolio_owner", title: "Portfolio owner: name one owner for the whole set of agents", start: start, end: start.adding(days: 6),
                     gate: "One person named, with the authority to retire agents", owner: "executive sponsor"),
            PlanStep(id: "standard_gate", title: "Standard gate: adopt one production gate and review every live agent against it",
                     start: start.adding(days: 7), end: start.adding(days: 27),
                     gate: "Every live agent checked against all five bars; gaps have an owner and a date", owner: owner),
            PlanStep(id: "value_review", title: "Value review: hold the first monthly review of each agent's dollars",
                     start: start.adding(days: 28), end: start.adding(days: 34),
                     gate: "Every running agent's dollar number reported next to the plant metrics", owner: owner),
            PlanStep(id: "marginal_cost", title: "Marginal cost: track what each new agent costs to ship",
                     start: start.adding(days: 35), end: start.adding(days: 62),
                     gate: "Cost and weeks to ship recorded for the last and the next agent; the trend is falling", owner: owner),
            PlanStep(id: "kill_or_scale", title: "Kill-or-scale: make the first quarterly call on every agent",
                     start: start.adding(days: 63), end: start.adding(days: p.planDays - 1),
                     gate: "Each agent marked grow, keep or retire, with its dollars behind the call", owner: owner),
        ]
    }

    static func noCandidate(_ a: Assessment, useCases: [UseCase], start: Day, p: Parameters, alongside: [String])
        -> (NextMove, [PlanStep]) {
        let empty = useCases.filter { $0.side == .office }.isEmpty
        let move = NextMove(
            kind: empty ? .buildInventory : .findBetterWorkflow,
            title: empty ? "Inventory your office processes and rank them" : "Find a workflow that clears the \(Format.multiple(p.roiMinimum)) bar",
            detail: empty
                ? "No office process is listed yet. List ten to twenty, with hours, volume and where the data lives; the ranking then names the first agent."
                : "No listed office process returns \(Format.multiple(p.roiMinimum)) its run cost with the figures given. Add more processes, or check the hours and volumes of the best ones.",
            useCase: nil, owner: nameAnOwner, annualValue: nil, annualRunCost: nil, roi: nil,
            costOfDelayPerQuarter: nil, alongside: alongside)
        let steps = [
            PlanStep(id: "inventory", title: "Inventory: list ten to twenty office processes with hours, volume and system of record",
                     start: start, end: start.adding(days: 13),
                     gate: "At least 10 processes, each with hours a week, cases a week and where its data lives", owner: nameAnOwner),
            PlanStep(id: "rank", title: "Rank: score the inventory and pick the first agent",
                     start: start.adding(days: 14), end: start.adding(days: 20),
                     gate: "One office use case at \(Format.multiple(p.roiMinimum)) or better, with a named owner", owner: nameAnOwner),
            PlanStep(id: "commit", title: "Commit: start that agent up the trust ladder",
                     start: start.adding(days: 21), end: start.adding(days: p.planDays - 1),
                     gate: "Shadow running on live volume, SLO written, run cost budgeted", owner: nameAnOwner),
        ]
        return (move, steps)
    }
}
