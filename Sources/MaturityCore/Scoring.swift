/// A process from the inventory, scored as an automation use case.
public struct UseCase: Sendable, Equatable {
    public var name: String
    public var department: String?
    public var side: Side
    public var hoursPerWeek: Double
    public var volumePerWeek: Double?
    public var owner: String?
    /// hours a week × weeks a year × loaded rate × automatable share.
    public var annualValue: Double
    public var fteFreed: Double
    public var runCost: [CostLine]
    public var annualRunCost: Double
    /// annualValue ÷ annualRunCost.
    public var roi: Double
    public var feasibility: Int
    public var factors: [FeasibilityFactor]
    public var locked: Bool
    public var lockedReason: Phrase?
    public var quadrant: Quadrant
    public var flags: [String]
    /// An agent already working this process, if one is listed.
    public var agent: String?
    public var agentStatus: AgentStatus?
    /// An agent at auto-with-exceptions or beyond already does this work.
    public var alreadyAutomated: Bool
    /// Ranked first to last, 1-based.
    public var rank: Int
    /// Whether it can be the one next move: unlocked, at or above the ROI bar, not yet automated.
    public var eligible: Bool
    public var ineligibleReason: Phrase?
    /// What the value is counted from: office hours freed, or downtime and scrap avoided on the line.
    public var valueBasis: ValueBasis = .staffHours
    /// What it costs once to build, new, on its own connection: low, middle, high (the plan lowers it for reuse).
    public var oneTimeCost: CostRange = CostRange(low: 0, high: 0)
    /// Months until the net value (value less run cost) pays the one-time cost back; nil when it never does.
    public var paybackMonths: Double? { oneTimeCost.paybackMonths(annualNet: annualValue - annualRunCost) }
    /// An error could ship bad product or stop a line: the stricter auto gate and a person on every high-severity action.
    public var strictGate: Bool = false
}

public enum ValueBasis: String, Sendable {
    case staffHours = "staff_hours"
    /// Line-level work: the downtime and scrap it avoids, plus any staff hours.
    case downtimeAndScrap = "downtime_and_scrap"
}

/// A one-time cost as a range; the middle is the figure plans and payback use.
public struct CostRange: Sendable, Equatable {
    public var low: Double
    public var high: Double
    public var middle: Double { (low + high) / 2 }
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public func scaled(_ factor: Double) -> CostRange { CostRange(low: low * factor, high: high * factor) }
    public static func + (a: CostRange, b: CostRange) -> CostRange { CostRange(low: a.low + b.low, high: a.high + b.high) }

    /// Months of net value that repay the middle of the range; nil when the net value is not positive.
    public func paybackMonths(annualNet: Double) -> Double? {
        guard annualNet > 0 else { return nil }
        return middle / (annualNet / 12)
    }
}

public struct CostLine: Sendable, Equatable {
    public var id: String
    public var label: Phrase
    public var annual: Double
    public var basis: Phrase
}

public struct FeasibilityFactor: Sendable, Equatable {
    public var id: String
    public var label: Phrase
    public var answer: Phrase
    public var points: Double
    public var maxPoints: Double
}

public enum Quadrant: String, Sendable, CaseIterable {
    case quickWin = "quick_win"
    case bigBet = "big_bet"
    case fillIn = "fill_in"
    case notNow = "not_now"

    public var label: Phrase { Phrase("quadrant." + rawValue) }
}

public enum Scoring {
    /// Scores every process and ranks them best first: use cases that can be the next move
    /// (by value net of run cost, weighted by feasibility), then those already automated,
    /// then those under the ROI bar, then those locked at this stage.
    /// `governed`: at Stage 3, whether the governance habits are all in place; line-level work
    /// stays locked until they are (the stage's "not yet" says so).
    public static func score(_ assessment: Assessment, questionnaire: Questionnaire, stage: Int, governed: Bool = true) -> [UseCase] {
        let p = questionnaire.parameters
        let rate = assessment.organization.loadedHourlyRate ?? 0
        var cases = assessment.processes.map { process in
            var u = useCase(process, rate: rate, currency: assessment.organization.currency, stage: stage,
                            agents: assessment.agents, p: p, usdFactor: assessment.usdFactor)
            if stage == p.lineLevel.unlocksAtStage, !governed, !u.locked, u.side != .office {
                u.locked = true
                u.lockedReason = Phrase("usecase.waits_governance." + (u.side == .line ? "line" : "product"))
                u.ineligibleReason = u.lockedReason
                u.eligible = false
            }
            return u
        }
        cases.sort { a, b in
            let ga = group(a), gb = group(b)
            if ga != gb { return ga < gb }
            let sa = rankScore(a), sb = rankScore(b)
            if sa != sb { return sa > sb }
            let na = a.annualValue - a.annualRunCost, nb = b.annualValue - b.annualRunCost
            if na != nb { return na > nb }
            if a.feasibility != b.feasibility { return a.feasibility > b.feasibility }
            return a.name < b.name
        }
        for i in cases.indices { cases[i].rank = i + 1 }
        return cases
    }

    static func group(_ u: UseCase) -> Int {
        if u.eligible { return 0 }
        if u.locked { return 3 }
        if u.alreadyAutomated { return 1 }
        return 2
    }

    /// Expected net value: what the use case earns after its run cost, discounted by how hard it is.
    /// Below zero the weight flips (a loss counts for more the less feasible the work), so a use case
    /// at least as good on value, run cost and feasibility never ranks below a worse one, and every
    /// loss ranks below every gain.
    static func rankScore(_ u: UseCase) -> Double {
        let net = u.annualValue - u.annualRunCost
        let f = Double(u.feasibility) / 100
        return net >= 0 ? net * f : net * (2 - f)
    }

    static func useCase(_ process: InventoryProcess, rate: Double, currency: String, stage: Int, agents: [Agent], p: Parameters,
                        usdFactor: Double = 1) -> UseCase {
        let automatedHours = process.hoursPerWeek * p.automatableShare
        let lineValue = Self.lineValue(process, p.lineLevel)
        let value = automatedHours * p.weeksPerYear * rate + (lineValue ?? 0)
        let fte = automatedHours / p.hoursPerFTEWeek
        let lines = runCost(process, rate: rate, currency: currency, p: p, usdFactor: usdFactor)
        let cost = lines.reduce(0) { $0 + $1.annual }
        let roi = cost > 0 ? value / cost : 0
        let factors = feasibilityFactors(process, p.feasibility)
        let points = factors.reduce(0) { $0 + $1.points }
        let feasibility = (points / p.feasibility.maximum * 100).roundedInt()

        let locked = process.side != .office && stage < p.lineLevel.unlocksAtStage
        let lockedReason = locked
            ? Phrase("usecase.locked." + (process.side == .line ? "line" : "product"), ["stage": .int(stage), "unlocks": .int(p.lineLevel.unlocksAtStage)])
            : nil
        let highValue = value >= p.quadrantHighValue
        let highFeasibility = Double(feasibility) >= p.quadrantHighFeasibility
        // Line-level work is a capital project: high value makes it a big bet, never a quick win.
        let quadrant: Quadrant = highValue ? (highFeasibility && process.side == .office ? .quickWin : .bigBet) : (highFeasibility ? .fillIn : .notNow)

        var flags: [String] = []
        if roi < p.roiMinimum { flags.append(FlagID.roiBelow3x.rawValue) }
        if (process.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { flags.append(FlagID.lowVolumeForShadow.rawValue) }

        let agent = agents.filter { $0.process?.lowercased() == process.name.lowercased() && $0.status != .retired }.max { $0.status < $1.status }
        let automated = agent.map { $0.status >= .autoWithExceptions } ?? false
        var reason: Phrase?
        if locked {
            reason = lockedReason
        } else if let agent, agent.status >= .autoWithExceptions {
            reason = Phrase("usecase.automated_by", ["agent": .text(agent.name), "status": .status(agent.status)])
        } else if roi < p.roiMinimum {
            reason = Phrase("usecase.under_bar", ["roi": .ratio(roi), "bar": .multiple(p.roiMinimum)])
        }
        var u = UseCase(
            name: process.name, department: process.department, side: process.side,
            hoursPerWeek: process.hoursPerWeek, volumePerWeek: process.volumePerWeek, owner: process.namedOwner,
            annualValue: value, fteFreed: fte, runCost: lines, annualRunCost: cost, roi: roi,
            feasibility: feasibility, factors: factors, locked: locked, lockedReason: lockedReason,
            quadrant: quadrant, flags: flags, agent: agent?.name, agentStatus: agent?.status, alreadyAutomated: automated, rank: 0,
            eligible: reason == nil, ineligibleReason: reason)
        u.valueBasis = lineValue == nil ? .staffHours : .downtimeAndScrap
        u.oneTimeCost = oneTimeCost(process, p: p, usdFactor: usdFactor)
        u.strictGate = process.highSeverityErrorsPossible == true
        return u
    }

    /// Downtime and scrap a line-level use case avoids a year; nil for office work or when neither is given.
    static func lineValue(_ process: InventoryProcess, _ l: LineLevelParameters) -> Double? {
        guard process.side != .office else { return nil }
        let downtime = process.downtimeHoursPerYear.flatMap { h in process.costPerDowntimeHour.map { h * $0 * l.downtimeAvoided } }
        let scrap = process.scrapCostPerYear.map { $0 * l.scrapAvoided }
        if downtime == nil, scrap == nil { return nil }
        return (downtime ?? 0) + (scrap ?? 0)
    }

    /// What the use case costs once, new: a line-level project's capital range, or an office agent's
    /// build plus the connection to its system of record, scaled by the write-back path.
    public static func oneTimeCost(_ process: InventoryProcess, p: Parameters, usdFactor: Double = 1) -> CostRange {
        if process.side != .office {
            return CostRange(low: p.lineLevel.oneTimeCost.lowerBound, high: p.lineLevel.oneTimeCost.upperBound).scaled(usdFactor)
        }
        return (agentBuild(p) + connection(process, p: p)).scaled(usdFactor)
    }

    static func agentBuild(_ p: Parameters) -> CostRange { CostRange(low: p.build.agent.lowerBound, high: p.build.agent.upperBound) }

    /// The connection to the process's system of record, at the price of its write-back path (unknowns at the dearest).
    static func connection(_ process: InventoryProcess, p: Parameters) -> CostRange {
        let b = p.build
        let base = process.systemOfRecord.flatMap { b.connection[$0] } ?? (b.connection.values.max() ?? 0)
        let factor = process.writeBack.flatMap { b.writeBack[$0] } ?? (b.writeBack.values.max() ?? 1)
        let middle = base * factor
        return CostRange(low: middle * (1 - b.connectionSpread), high: middle * (1 + b.connectionSpread))
    }

    /// People on the exception queue once the agent acts alone: the judgement share of today's hours,
    /// kept within the range the seed gives (someone must own the queue). The budget and the staffing both read it.
    public static func exceptionFTE(_ process: InventoryProcess, _ p: Parameters) -> Double {
        let needed = process.hoursPerWeek * (process.exceptionShare ?? 0.5) / p.hoursPerFTEWeek
        return min(p.exceptionFTE.upperBound, max(p.exceptionFTE.lowerBound, needed))
    }

    /// The four run-cost lines of the seed's budget table, each with the inputs behind it.
    /// `usdFactor` converts the model/API and monitoring ranges, which are US-dollar figures.
    static func runCost(_ process: InventoryProcess, rate: Double, currency: String, p: Parameters, usdFactor: Double = 1) -> [CostLine] {
        let volume = process.volumePerWeek
        let volumeText = Phrase.Arg.phrase(volume.map { Phrase("cost.volume", ["volume": .number($0)]) } ?? Phrase("cost.volume_unknown"))
        let model = p.modelAPIMonthly.monthly(volumePerWeek: volume) * usdFactor
        let monitoring = p.monitoringMonthly.monthly(volumePerWeek: volume) * usdFactor
        let exceptionShare = process.exceptionShare ?? 0.5
        let exceptionHours = process.hoursPerWeek * exceptionShare
        let needed = exceptionHours / p.hoursPerFTEWeek
        let fte = exceptionFTE(process, p)
        let bound = needed < p.exceptionFTE.lowerBound ? Phrase("cost.exception_floor")
            : (needed > p.exceptionFTE.upperBound ? Phrase("cost.exception_ceiling") : .empty)
        let structure = process.inputStructure ?? "unstructured"
        let maintenanceHours = p.maintenanceHoursMonthly[structure] ?? (p.maintenanceHoursMonthly.values.max() ?? 0)
        func line(_ id: String, _ annual: Double, _ basis: Phrase) -> CostLine {
            CostLine(id: id, label: Phrase("cost." + id), annual: annual, basis: basis)
        }
        return [
            line("model_api", model * 12, Phrase("cost.per_month_for", ["money": .money(model), "volume": volumeText])),
            line("monitoring", monitoring * 12, Phrase("cost.per_month_for", ["money": .money(monitoring), "volume": volumeText])),
            line("exception_handling", fte * p.fteHoursPerYear * rate,
                 Phrase("cost.exception_basis", ["fte": .number(fte, decimals: 2), "bound": .phrase(bound), "share": .percent(exceptionShare),
                                                 "assumed": .optional(process.exceptionShare == nil ? Phrase("cost.exception_share_assumed") : nil)])),
            line("maintenance", maintenanceHours * 12 * rate,
                 Phrase("cost.maintenance_basis",
                        ["hours": .number(maintenanceHours), "structure": .phrase(Phrase("structure.\(structure)")), "rate": .money(rate)])),
        ]
    }

    /// Feasibility factors; an unknown answer scores as the worst case.
    static func feasibilityFactors(_ process: InventoryProcess, _ f: FeasibilityPoints) -> [FeasibilityFactor] {
        // An assumed answer is said as such: "api (assumed)".
        func said(_ id: String, _ answer: Phrase) -> Phrase {
            process.isAssumed(id) ? Phrase("answer.assumed", ["answer": .phrase(answer)]) : answer
        }
        func table(_ id: String, _ answer: String?, _ points: [String: Double]) -> FeasibilityFactor {
            FeasibilityFactor(id: id, label: Phrase("factor." + id), answer: said(id, answer.map(Phrase.verbatim) ?? Phrase("answer.unknown")),
                              points: answer.flatMap { points[$0] } ?? (points.values.min() ?? 0),
                              maxPoints: points.values.max() ?? 0)
        }
        let share = process.exceptionShare
        let sharePoints = share.map { f.exceptionSharePoints * max(0, 1 - $0 / f.exceptionShareZeroAt) } ?? 0
        let severe = process.highSeverityErrorsPossible
        return [
            table("system_of_record", process.systemOfRecord, f.systemOfRecord),
            table("write_back", process.writeBack, f.writeBack),
            table("input_structure", process.inputStructure, f.inputStructure),
            FeasibilityFactor(id: "exception_share", label: Phrase("factor.exception_share"),
                              answer: said("exception_share", share.map { Phrase("value", ["v": .percent($0)]) } ?? Phrase("answer.unknown")),
                              points: sharePoints,
                              maxPoints: f.exceptionSharePoints),
            FeasibilityFactor(id: "high_severity_errors_possible", label: Phrase("factor.high_severity_errors_possible"),
                              answer: said("high_severity_errors_possible", Phrase("answer." + (severe.map { $0 ? "yes" : "no" } ?? "unknown"))),
                              points: severe == false ? f.highSeverityNo : f.highSeverityYes,
                              maxPoints: max(f.highSeverityNo, f.highSeverityYes)),
            FeasibilityFactor(id: "owner_candidate", label: Phrase("factor.owner_candidate"),
                              answer: process.namedOwner.map(Phrase.verbatim) ?? Phrase("answer.none_named"),
                              points: process.namedOwner == nil ? f.ownerNone : f.ownerNamed,
                              maxPoints: max(f.ownerNamed, f.ownerNone)),
            table("side", process.side.rawValue, f.side),
        ]
    }
}
