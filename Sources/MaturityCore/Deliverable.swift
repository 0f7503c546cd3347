/// What a COO forwards beside the move, as facts: the first five workflows worth scaling and why in
/// that order, the people the plan asks for week by week, and the risks the process itself names.
public struct Deliverable: Sendable, Equatable {
    /// One of the first five workflows to scale (seed 000's "first 5 agents").
    public struct Pick: Sendable, Equatable {
        public var order: Int
        public var useCase: String
        public var rank: Int
        public var annualValue: Double
        public var annualRunCost: Double
        public var roi: Double
        public var feasibility: Int
        public var system: String?
        /// The live agent, or the earlier pick, whose connection to the same system this one reuses.
        public var reuses: String?
        public var reason: [Phrase]
    }

    /// Who the plan needs, as an id the words layer names.
    public enum Role: String, Sendable, CaseIterable {
        case integrator = "it_or_integrator"
        case owner = "operations_owner"
        case reviewers
        case approvers
        case exceptionQueue = "exception_queue"
    }

    /// Hours one role gives in one week of the plan (week 1 starts on the plan's first day).
    public struct Staffing: Sendable, Equatable {
        public var role: Role
        public var week: Int
        public var hours: Double
    }

    public struct Risk: Sendable, Equatable {
        public var id: String
        public var because: Phrase
        public var mitigation: Phrase
    }

    public var firstFive: [Pick]
    public var staffing: [Staffing]
    public var risks: [Risk]

    public init(_ e: Evaluation) {
        firstFive = Self.firstFive(e)
        staffing = Self.staffing(e)
        risks = Self.risks(e)
    }

    static func system(of useCase: String, _ a: Assessment) -> String? {
        a.processes.first { $0.name.lowercased() == useCase.lowercased() }?.systemOfRecord
    }

    /// In rank order (value net of run cost, weighted by feasibility), the move's use case first;
    /// each says whether it reuses a connection already built.
    static func firstFive(_ e: Evaluation) -> [Pick] {
        let p = e.questionnaire.parameters
        var candidates = e.useCases.filter { $0.eligible && $0.side == .office }
        if let move = e.plan.nextMove.useCase, let i = candidates.firstIndex(where: { $0.name == move }), i > 0 {
            candidates.insert(candidates.remove(at: i), at: 0)
        }
        let liveAgents = e.assessment.agents.filter { $0.status.isRunning && $0.side == .office }
        var picks: [Pick] = []
        for u in candidates.prefix(5) {
            let system = Self.system(of: u.name, e.assessment)
            let shared = system.flatMap { s in s == "none" || s == "paper" ? nil : s }
            let agent = shared.flatMap { s in
                liveAgents.first { a in a.process.flatMap { Self.system(of: $0, e.assessment) } == s
                                  && !(e.economics.first { $0.agent == a.name }?.belowBar ?? false) }
            }
            let earlier = shared.flatMap { s in picks.first { $0.system == s } }
            var reason = [Phrase(picks.isEmpty && u.name == e.plan.nextMove.useCase ? "first_five.reason.the_move" : "first_five.reason.rank",
                                 ["rank": .int(u.rank), "bar": .multiple(p.roiMinimum)])]
            let systemArg: Phrase.Arg = system.map { .choice("system_of_record", $0) } ?? .phrase(Phrase("system.unknown"))
            if let agent {
                reason.append(Phrase("first_five.reason.reuses_agent", ["agent": .text(agent.name), "system": systemArg]))
            } else if let earlier {
                reason.append(Phrase("first_five.reason.reuses_pick", ["pick": .text(earlier.useCase), "system": systemArg]))
            } else {
                reason.append(Phrase("first_five.reason.own_connection", ["system": systemArg]))
            }
            picks.append(Pick(order: picks.count + 1, useCase: u.name, rank: u.rank, annualValue: u.annualValue, annualRunCost: u.annualRunCost,
                              roi: u.roi, feasibility: u.feasibility, system: system, reuses: agent?.name ?? earlier?.useCase, reason: reason))
        }
        return picks
    }

    /// Hours by role and plan week, from the plan's dated rungs: the build, the owner's set-up, the
    /// reviewers in shadow and the approvers in approve-each (cases a week × minutes a case), then the
    /// exception queue (the run cost's FTE) and the owner's daily minutes once the agent acts alone.
    static func staffing(_ e: Evaluation) -> [Staffing] {
        let p = e.questionnaire.parameters, s = p.staffing, plan = e.plan
        let calendar = e.assessment.calendar ?? BusinessCalendar()
        let perWeek = Double(max(1, calendar.workdays.count))
        var hours: [Role: [Int: Double]] = [:]
        let weeks = max(1, (plan.start.days(until: plan.end) + 1 + 6) / 7)
        for step in plan.steps {
            let name = step.id.hasPrefix("next_") ? plan.nextMove.then : plan.nextMove.useCase
            let process = name.flatMap { n in e.assessment.processes.first { $0.name.lowercased() == n.lowercased() } }
            let volume = process?.volumePerWeek
            for week in 1...weeks {
                let weekStart = plan.start.adding(days: (week - 1) * 7), weekEnd = weekStart.adding(days: 6)
                let from = max(weekStart, step.start), to = min(weekEnd, step.end)
                guard from <= to else { continue }
                let days = Double(calendar.workdaysBetween(from, to))
                guard days > 0 else { continue }
                let share = days / perWeek
                func add(_ role: Role, _ h: Double?) { if let h, h > 0 { hours[role, default: [:]][week, default: 0] += h } }
                switch step.rung {
                case "build": add(.integrator, s.buildHoursPerWeek * share)
                case "setup": add(.owner, s.setupHoursPerWeek * share)
                case "shadow": add(.reviewers, volume.map { $0 * share * s.shadowReviewMinutesPerCase / 60 })
                case "approve_each": add(.approvers, volume.map { $0 * share * s.approverMinutesPerCase / 60 })
                case "auto_with_exceptions", "production_owned":
                    add(.exceptionQueue, process.map { Scoring.exceptionFTE($0, p) * p.hoursPerFTEWeek * share })
                    add(.owner, s.ownerMinutesPerDay * days / 60)
                default: break
                }
            }
        }
        return Role.allCases.flatMap { role in
            (hours[role] ?? [:]).keys.sorted().map { Staffing(role: role, week: $0, hours: hours[role]?[$0] ?? 0) }
        }
    }

    /// Risks the move's own process names, each with what the plan does about it.
    static func risks(_ e: Evaluation) -> [Risk] {
        let move = e.plan.nextMove, p = e.questionnaire.parameters
        // The risks of building: the move's own use case when it ships one, else the agent that follows it in the plan.
        let ships: Set<NextMove.Kind> = [.shipFirstAgent, .shipNextAgent, .finishLadder, .firstLineLevel, .lineLevelPortfolio]
        let following = !ships.contains(move.kind) && move.then != nil
        guard let name = following ? move.then : move.useCase, let process = e.assessment.processes.first(where: { $0.name == name }) else {
            return !move.ownerNamed
                ? [Risk(id: "no_owner", because: Phrase("risk.no_owner.because"), mitigation: Phrase("risk.no_owner.mitigation"))] : []
        }
        var out: [Risk] = []
        let system: Phrase.Arg = process.systemOfRecord.map { .choice("system_of_record", $0) } ?? .phrase(Phrase("system.unknown"))
        if let s = process.systemOfRecord, ["erp", "mes", "crm"].contains(s) {
            out.append(Risk(id: "system_access", because: Phrase("risk.system_access.because", ["system": system]),
                            mitigation: Phrase("risk.system_access.mitigation", ["system": system])))
        }
        let gated = e.plan.steps.filter { ["shadow", "approve_each", "auto_with_exceptions"].contains($0.rung) && $0.id.hasPrefix("next_") == following }
        if let closed = gated.first(where: { !$0.closed.isEmpty }) {
            out.append(Risk(id: "seasonal_volume",
                            because: Phrase("risk.seasonal.closed", ["rung": Self.rung(closed.rung), "days": .count(closed.closed.count, "working_day")]),
                            mitigation: Phrase("risk.seasonal.mitigation")))
        } else if e.assessment.calendar == nil, let december = gated.first(where: { Self.spansYearEnd($0) }) {
            out.append(Risk(id: "seasonal_volume", because: Phrase("risk.seasonal.year_end", ["rung": Self.rung(december.rung)]),
                            mitigation: Phrase("risk.seasonal.mitigation")))
        }
        if process.inputStructure != "structured" {
            out.append(Risk(id: "format_drift", because: Phrase("risk.format_drift.because"),
                            mitigation: Phrase("risk.format_drift.mitigation", ["window": .int(p.slo.rollingWindowTransactions),
                                                                                "below": .percent(e.plan.slo.pageOwnerBelow)])))
        }
        if following ? e.useCases.first(where: { $0.name == name })?.strictGate == true : move.strictGate {
            out.append(Risk(id: "high_severity", because: Phrase("risk.high_severity.because"),
                            mitigation: Phrase("risk.high_severity.mitigation", ["rate": .percent(p.lineLevel.strictAutoRate)])))
        }
        if process.volumePerWeek == nil {
            out.append(Risk(id: "volume_unknown", because: Phrase("risk.volume_unknown.because"), mitigation: Phrase("risk.volume_unknown.mitigation")))
        } else if e.plan.flags.contains(FlagID.lowVolumeForShadow.rawValue) {
            out.append(Risk(id: "low_volume", because: Phrase("risk.low_volume.because", ["volume": .number(process.volumePerWeek ?? 0)]),
                            mitigation: Phrase("risk.low_volume.mitigation")))
        }
        if process.namedOwner == nil {
            out.append(Risk(id: "no_owner", because: Phrase("risk.no_owner.because"), mitigation: Phrase("risk.no_owner.mitigation")))
        }
        return out
    }

    /// A step over the Christmas to New Year weeks, when volume and reviewers thin out.
    /// A rung by its id, said by its name in the reader's language.
    static func rung(_ id: String) -> Phrase.Arg { AgentStatus(rawValue: id).map { .status($0) } ?? .text(id) }

    static func spansYearEnd(_ step: PlanStep) -> Bool {
        var d = step.start
        while d <= step.end {
            if (d.month == 12 && d.day >= 22) || (d.month == 1 && d.day <= 2) { return true }
            d = d.adding(days: 1)
        }
        return false
    }
}
