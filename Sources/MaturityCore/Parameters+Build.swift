/// What a new agent costs once, before it runs, and how much sooner each agent on shared plumbing
/// makes the next one (`parameters.build`). Money is in US dollars, converted like the run-cost ranges.
public struct BuildParameters: Sendable, Equatable {
    /// The agent itself: its set-up, prompts or model configuration, and a test on past cases.
    public var agent: ClosedRange<Double> = 15_000...40_000
    /// The connection to each kind of system of record (read and write back), at its middle.
    public var connection: [String: Double] = ["erp": 25_000, "mes": 30_000, "crm": 15_000, "spreadsheet": 5_000,
                                               "email": 8_000, "paper": 20_000, "none": 25_000]
    /// The connection's cost by write-back path, as a multiple.
    public var writeBack: [String: Double] = ["api": 1, "file_import": 0.8, "manual": 0.5, "none": 1.2]
    /// The connection's range: its middle less and plus this share.
    public var connectionSpread: Double = 0.4
    /// What a connection a live agent already built costs the next agent, as a share of a new one.
    public var reusedConnectionShare: Double = 0.2
    /// What restarting a pilot costs, as a share of building its agent new.
    public var pilotShare: Double = 0.4
    /// Weeks the build of a first agent takes (build or buy, the connection, a test on past cases).
    public var weeks: Int = 3
    /// Each live agent on the shared connectors, monitoring and staging shortens the next agent's
    /// build and rungs by this share of their length, down to `floor` (seed 000: the first agent
    /// takes about 90 days, the fifth about three weeks).
    public var speedupPerAgent: Double = 0.2
    public var speedupFloor: Double = 0.3
    public init() {}

    /// The share of a first agent's build and rung lengths the next one takes, after `agents` agents on shared plumbing.
    public func lengthShare(after agents: Int) -> Double {
        max(speedupFloor, 1 - speedupPerAgent * Double(max(0, agents)))
    }
}

/// Plant-floor work is a capital project (`parameters.line_level`): a one-time cost, value from
/// downtime and scrap avoided, and a stricter gate where an error can ship bad product or stop a line.
/// The people the plan asks for, by rung (`parameters.staffing`): hours a COO can say yes to.
public struct StaffingParameters: Sendable, Equatable {
    /// IT's or the integrator's hours a week while the agent and its connection are built.
    public var buildHoursPerWeek: Double = 24
    /// The operations owner's hours a week during set-up: the SLO, the alarm, the budget line.
    public var setupHoursPerWeek: Double = 4
    /// Minutes a person spends checking one case against the agent's answer in shadow.
    public var shadowReviewMinutesPerCase: Double = 1
    /// Minutes an approver spends on one case during approve-each.
    public var approverMinutesPerCase: Double = 2
    /// The owner's minutes a working day once the agent acts alone (the dashboard, the queue, the vendor).
    public var ownerMinutesPerDay: Double = 10
    public init() {}
}

public struct LineLevelParameters: Sendable, Equatable {
    /// The stage from which line-level and product work can be the move (and is no longer locked).
    public var unlocksAtStage: Int = 3
    /// One-time cost of a line-level use case (sensors, integration with the line, the model, validation), US dollars.
    public var oneTimeCost: ClosedRange<Double> = 150_000...600_000
    /// Share of unplanned downtime a working use case avoids (Deloitte reports up to 70% fewer breakdowns).
    public var downtimeAvoided: Double = 0.5
    /// Share of scrap cost a working use case avoids.
    public var scrapAvoided: Double = 0.3
    /// Weeks the build takes before shadow: line-level work never reuses an office connection.
    public var buildWeeks: Int = 12
    /// The auto gate where an error could ship bad product or stop a line (the office gate is the trust ladder's).
    public var strictAutoRate: Double = 0.99
    /// Where an error could ship bad product or stop a line, a person approves every high-severity action, even in auto.
    public var humanApprovesHighSeverity: Bool = true
    /// The SLO once live where the strict gate applies: the floor it holds and the line that pages the owner.
    public var strictAutoApproveAccuracy: Double = 0.99
    public var strictPageOwnerBelow: Double = 0.985
    public init() {}
}
