/// Every number the engine uses, read from the questionnaire's `parameters:`.
public struct Parameters: Sendable, Equatable {
    public var automatableShare: Double
    public var weeksPerYear: Double
    public var hoursPerFTEWeek: Double
    public var roiMinimum: Double
    public var modelAPIMonthly: ScaledCost
    public var monitoringMonthly: ScaledCost
    public var exceptionFTE: ClosedRange<Double>
    /// Maintenance hours a month by input structure.
    public var maintenanceHoursMonthly: [String: Double]
    public var feasibility: FeasibilityPoints
    public var quadrantHighValue: Double
    public var quadrantHighFeasibility: Double
    public var portfolioMinAgents: Int
    public var severalAgents: Int
    public var stalledPilotsForGraveyard: Int
    public var slo: SLO
    public var shadowGate: ShadowGate
    public var planDays: Int
    public var trustLadder: [Rung]
    public var goNoGo: [GoNoGoCheck]
    /// Processes an inventory needs before the ranking is worth acting on.
    public var inventoryMinProcesses: Int = 10
    /// The size of a focused line-level portfolio at Stage 4, fewest to most.
    public var linePortfolioMin: Int = 5
    public var linePortfolioMax: Int = 12
    /// How long the moves that are not a trust ladder take, and how much shorter a set-up is on reused plumbing.
    public var moveWeeks: MoveWeeks = MoveWeeks()
    /// What an agent costs to build, and how much faster each reused platform makes the next.
    public var build: BuildParameters = BuildParameters()
    /// Plant-floor work as capital projects.
    public var lineLevel: LineLevelParameters = LineLevelParameters()
    /// What a process that leaves a field empty is taken to have, wherever it came from.
    public var assumedWhenUnknown: Assumptions = Assumptions()
    public var staffing: StaffingParameters = StaffingParameters()
    /// Pilots stalled before production, as a share of all pilots run, that make a graveyard (with `stalledPilotsForGraveyard`).
    public var stalledPilotShareForGraveyard: Double = 0.5
    /// What the production owner does, said in the plan's owner step (`parameters.owner_duties`;
    /// the shipped questionnaire always gives them, so none are made up here).
    public var ownerDuties: [String] = []

    public init(automatableShare: Double, weeksPerYear: Double, hoursPerFTEWeek: Double, roiMinimum: Double,
                modelAPIMonthly: ScaledCost, monitoringMonthly: ScaledCost, exceptionFTE: ClosedRange<Double>,
                maintenanceHoursMonthly: [String: Double], feasibility: FeasibilityPoints,
                quadrantHighValue: Double, quadrantHighFeasibility: Double, portfolioMinAgents: Int,
                severalAgents: Int, stalledPilotsForGraveyard: Int, slo: SLO, shadowGate: ShadowGate,
                planDays: Int, trustLadder: [Rung], goNoGo: [GoNoGoCheck]) {
        self.automatableShare = automatableShare
        self.weeksPerYear = weeksPerYear
        self.hoursPerFTEWeek = hoursPerFTEWeek
        self.roiMinimum = roiMinimum
        self.modelAPIMonthly = modelAPIMonthly
        self.monitoringMonthly = monitoringMonthly
        self.exceptionFTE = exceptionFTE
        self.maintenanceHoursMonthly = maintenanceHoursMonthly
        self.feasibility = feasibility
        self.quadrantHighValue = quadrantHighValue
        self.quadrantHighFeasibility = quadrantHighFeasibility
        self.portfolioMinAgents = portfolioMinAgents
        self.severalAgents = severalAgents
        self.stalledPilotsForGraveyard = stalledPilotsForGraveyard
        self.slo = slo
        self.shadowGate = shadowGate
        self.planDays = planDays
        self.trustLadder = trustLadder
        self.goNoGo = goNoGo
    }

    public func rung(_ id: EngineRung) -> Rung? { trustLadder.first { $0.id == id.rawValue } }

    /// The auto-with-exceptions gate's accuracy bar. The questionnaire check requires it, so the
    /// fallback (the strictest bar) is never used on a loaded questionnaire.
    public var autoGateRate: Double { rung(.autoWithExceptions)?.minRate ?? 1 }

    /// Straight weeks the auto-with-exceptions gate needs (required by the questionnaire check).
    public var autoStraightWeeks: Int { rung(.autoWithExceptions)?.straightWeeks ?? 1 }

    /// Paid hours in a working year for one full-time person.
    public var fteHoursPerYear: Double { hoursPerFTEWeek * weeksPerYear }
}

/// Durations of the plan steps that are not rungs of the trust ladder (`parameters.move_weeks`).
public struct MoveWeeks: Sendable, Equatable {
    /// Days an operations owner has to take on an orphaned live agent, or switch it off.
    public var ownWithinDays: Int = 14
    public var closeGateGaps: Int = 2
    public var fixEconomics: Int = 3
    public var standardiseTools: Int = 4
    public var measureGains: Int = 4
    public var selectLineLevel: Int = 2
    /// Days the set-up rung lasts when the agent reuses a live agent's connection and monitoring.
    public var reuseSetupDays: Int = 3
    /// Working days the portfolio owner has to be named in a Stage 3 governance plan.
    public var nameOwnerDays: Int = 5
    public init() {}
}

/// A monthly cost that grows linearly with weekly volume from `min` to `max`.
public struct ScaledCost: Sendable, Equatable {
    public var min: Double
    public var max: Double
    public var fullScaleVolumePerWeek: Double
    public init(min: Double, max: Double, fullScaleVolumePerWeek: Double) {
        self.min = min
        self.max = max
        self.fullScaleVolumePerWeek = fullScaleVolumePerWeek
    }

    /// Unknown volume is priced at the top of the range: never flatter the economics.
    public func monthly(volumePerWeek: Double?) -> Double {
        guard let v = volumePerWeek else { return max }
        let share = Swift.min(1, Swift.max(0, v / fullScaleVolumePerWeek))
        return min + (max - min) * share
    }
}

public struct FeasibilityPoints: Sendable, Equatable {
    public var systemOfRecord: [String: Double]
    public var writeBack: [String: Double]
    public var inputStructure: [String: Double]
    public var exceptionSharePoints: Double
    public var exceptionShareZeroAt: Double
    public var highSeverityNo: Double
    public var highSeverityYes: Double
    public var ownerNamed: Double
    public var ownerNone: Double
    public var side: [String: Double]

    public init(systemOfRecord: [String: Double], writeBack: [String: Double], inputStructure: [String: Double],
                exceptionSharePoints: Double, exceptionShareZeroAt: Double, highSeverityNo: Double,
                highSeverityYes: Double, ownerNamed: Double, ownerNone: Double, side: [String: Double]) {
        self.systemOfRecord = systemOfRecord
        self.writeBack = writeBack
        self.inputStructure = inputStructure
        self.exceptionSharePoints = exceptionSharePoints
        self.exceptionShareZeroAt = exceptionShareZeroAt
        self.highSeverityNo = highSeverityNo
        self.highSeverityYes = highSeverityYes
        self.ownerNamed = ownerNamed
        self.ownerNone = ownerNone
        self.side = side
    }

    /// The most points a process can score; the engine scales feasibility to 0–100 by it.
    public var maximum: Double {
        (systemOfRecord.values.max() ?? 0) + (writeBack.values.max() ?? 0) + (inputStructure.values.max() ?? 0)
            + exceptionSharePoints + Swift.max(highSeverityNo, highSeverityYes) + Swift.max(ownerNamed, ownerNone)
            + (side.values.max() ?? 0)
    }
}

public struct SLO: Sendable, Equatable {
    public var autoApproveAccuracy: Double
    public var pageOwnerBelow: Double
    public var rollingWindowTransactions: Int
    public var highSeverityErrorsAllowed: Int
    public var exceptionQueueBusinessHours: Double
    /// The share of a week's exceptions cleared within `exceptionQueueBusinessHours` that counts as
    /// a manageable queue (`slo.exception_queue_manageable_share`).
    public var exceptionQueueManageableShare: Double = LadderDefaults.manageableShare
    public init(autoApproveAccuracy: Double, pageOwnerBelow: Double, rollingWindowTransactions: Int,
                highSeverityErrorsAllowed: Int, exceptionQueueBusinessHours: Double,
                exceptionQueueManageableShare: Double = LadderDefaults.manageableShare) {
        self.exceptionQueueManageableShare = exceptionQueueManageableShare
        self.autoApproveAccuracy = autoApproveAccuracy
        self.pageOwnerBelow = pageOwnerBelow
        self.rollingWindowTransactions = rollingWindowTransactions
        self.highSeverityErrorsAllowed = highSeverityErrorsAllowed
        self.exceptionQueueBusinessHours = exceptionQueueBusinessHours
    }
}

public struct ShadowGate: Sendable, Equatable {
    public var minCases: Int
    public var minMatch: Double
    public var lowVolumePerWeek: Double
    public init(minCases: Int, minMatch: Double, lowVolumePerWeek: Double) {
        self.minCases = minCases
        self.minMatch = minMatch
        self.lowVolumePerWeek = lowVolumePerWeek
    }
}
