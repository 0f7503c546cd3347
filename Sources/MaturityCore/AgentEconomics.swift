/// What one agent's workflow returns: the estimate for its process and, once it acts on live work
/// and reports dollars, what it realises against the same run cost.
public struct AgentEconomics: Sendable, Equatable {
    public var agent: String
    /// The inventory process the agent works, when the file links it.
    public var process: String?
    public var estimatedValue: Double?
    public var annualRunCost: Double?
    public var estimatedROI: Double?
    /// The dollars the agent reports a year (only for agents acting on live work).
    public var realisedValue: Double?
    public var realisedROI: Double?
    /// The ratio the rules judge: realised when there is one, else estimated; nil when neither is known.
    public var roi: Double? { realisedROI ?? estimatedROI }
    public var judgedOnRealised: Bool { realisedROI != nil }
    public var belowBar: Bool
    /// Realised (or, without a report, estimated) value below its run cost: it loses money.
    public var losesMoney: Bool { (roi ?? 1) < 1 }

    /// Economics for every agent past the idea stage that is not retired.
    public static func of(_ assessment: Assessment, useCases: [UseCase], roiMinimum: Double) -> [AgentEconomics] {
        assessment.agents.filter { $0.status != .idea && $0.status != .retired }.map { agent in
            let u = agent.process.flatMap { name in useCases.first { $0.name.lowercased() == name.lowercased() } }
            var realised: Double?
            if agent.status.isRunning, agent.reportsDollars != false, let dollars = agent.annualDollarValue,
               let cost = u?.annualRunCost, cost > 0 {
                realised = dollars / cost
            }
            let estimated = u.map(\.roi)
            let judged = realised ?? estimated
            return AgentEconomics(agent: agent.name, process: u?.name, estimatedValue: u?.annualValue,
                                  annualRunCost: u?.annualRunCost, estimatedROI: estimated,
                                  realisedValue: realised == nil ? nil : agent.annualDollarValue, realisedROI: realised,
                                  belowBar: judged.map { $0 < roiMinimum } ?? false)
        }
    }
}
