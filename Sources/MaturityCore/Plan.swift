/// The one next move and the dated plan that carries it out.
public struct Plan: Sendable, Equatable {
    public var nextMove: NextMove
    public var steps: [PlanStep]
    public var start: Day
    public var end: Day
    /// Weeks the shadow rung lasts (stretched when volume is low), nil when the plan has no shadow rung.
    public var shadowWeeks: Int?
    public var flags: [String]
    public var slo: SLO
    public var goNoGo: [GoNoGoCheck]
    /// The day the go/no-go is held: the last day of auto-with-exceptions, before production-owned starts.
    public var goNoGoOn: Day?
    /// Run-cost lines to put on the budget before week 1 (the next move's use case).
    public var budget: [CostLine]
    /// Whether the plant's calendar was given; without it the plan counts Monday to Friday with no holidays.
    public var calendarGiven = false
}

public struct NextMove: Sendable, Equatable {
    /// The rule that chose the move; the raw values are part of the JSON contract.
    public enum Kind: String, Sendable, CaseIterable {
        case ownOrRetireAgent = "own_or_retire_agent"
        case closeGateGaps = "close_gate_gaps"
        case fixOrStopAgent = "fix_or_stop_agent"
        case finishLadder = "finish_ladder"
        case hardenPlatform = "harden_platform"
        case installGovernance = "install_governance"
        case shipFirstAgent = "ship_first_agent"
        case shipNextAgent = "ship_next_agent"
        case standardiseTools = "standardise_tools"
        case firstLineLevel = "first_line_level"
        case lineLevelPortfolio = "line_level_portfolio"
        /// Stage 2 with no office process listed.
        case buildInventory = "build_inventory"
        /// Stage 2 with no office process that clears the return bar.
        case findBetterWorkflow = "find_better_workflow"
        /// Only ever beside the move: a live agent that earns more than it costs but under the return bar.
        case agentBelow3x = "agent_below_3x"
        /// Only ever beside the move: line-level or product AI funded before the office base is governed.
        case pauseLineLevel = "pause_line_level"
    }

    public var kind: Kind
    public var title: Phrase
    /// Sentences, said one after another.
    public var detail: [Phrase]
    public var useCase: String?
    /// The agent the move is about (own it, close its gaps, fix it, finish its ladder).
    public var agent: String?
    /// The live agent whose connection and monitoring the new agent reuses (same system of record).
    public var reuses: String?
    /// The use case that follows in the same plan once this move's work is done, where the 90 days leave room.
    public var then: String?
    /// Whether the move's work, ladder included, finishes inside the plan window at its volume.
    public var fitsIn90Days: Bool
    /// When it does not fit: the best use case at or above the return bar whose ladder does.
    public var alternative: String?
    /// Weeks the move's work takes, start to go/no-go or last step.
    public var weeks: Int
    public var owner: Phrase
    /// Whether the move has a named owner, or asks for one to be named.
    public var ownerNamed: Bool { owner != Planner.nameAnOwner }
    public var annualValue: Double?
    public var annualRunCost: Double?
    public var roi: Double?
    /// Net dollars a quarter lost by not starting (value less run cost, over four).
    public var costOfDelayPerQuarter: Double?
    /// What the move costs once (build and connection, or a line-level project's capital), when it ships something.
    public var oneTimeCost: CostRange?
    /// Months of net value (value less run cost) that pay the one-time cost back.
    public var paybackMonths: Double?
    /// The pilot (or stalled agent) the move restarts instead of building a new agent on the same process.
    public var restarts: String?
    /// Live agents on shared connectors, monitoring and staging, which make this agent's build and rungs shorter.
    public var platformAgents: Int = 0
    /// The share of a first agent's build and rung lengths this one takes (1 for the first).
    public var lengthShare: Double = 1
    /// Weeks from the start until the agent acts on live work (auto with exceptions begins).
    public var weeksToLive: Int?
    /// The work's error could ship bad product or stop a line: the stricter auto gate applies.
    public var strictGate = false
    /// Every other rule that applies, in rule order.
    public var alongside: [Phrase]
    /// The same, as kinds and agents, for machines.
    public var alongsideMoves: [Alongside]

    public struct Alongside: Sendable, Equatable {
        public var kind: Kind
        public var agent: String?
        public var text: Phrase
    }
}

public struct PlanStep: Sendable, Equatable {
    public var id: String
    /// Said as a title; the part before its colon is the chart's label.
    public var title: Phrase
    public var start: Day
    public var end: Day
    public var gate: Phrase
    public var owner: Phrase
    /// The trust-ladder rung the step is (`build`, `setup`, `shadow`, `approve_each`,
    /// `auto_with_exceptions`, `go_no_go`, `production_owned`), or the move's own step id.
    public var rung: String = ""
    /// Plant closures (holidays, shutdowns) on working days inside the step, which pushed its end out.
    public var closed: [Day] = []
}
