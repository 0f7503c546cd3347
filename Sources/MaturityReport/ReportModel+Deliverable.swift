import MaturityCore

extension ReportModel {
    public struct FirstPickJSON: Encodable, Sendable {
        public var order: Int
        public var useCase: String
        public var rank: Int
        public var annualValue: Int
        public var annualRunCost: Int
        public var roi: Double
        public var feasibility: Int
        public var systemOfRecord: String?
        public var reuses: String?
        public var reason: String
    }

    public struct StaffingJSON: Encodable, Sendable {
        /// `it_or_integrator`, `operations_owner`, `reviewers`, `approvers` or `exception_queue`.
        public var role: String
        public var roleLabel: String
        /// Plan week, 1 from the plan's first day.
        public var week: Int
        public var hours: Double
    }

    public struct RiskJSON: Encodable, Sendable {
        public var id: String
        /// A few words for lists: "system access", "document format drift".
        public var title: String
        public var because: String
        public var mitigation: String
    }

    /// The deliverable's parts in words, and the CEO's paragraph from the figures already in the model.
    mutating func addDeliverable(_ d: Deliverable, _ w: PhraseBook) {
        firstFive = d.firstFive.map {
            FirstPickJSON(order: $0.order, useCase: $0.useCase, rank: $0.rank, annualValue: $0.annualValue.roundedInt(),
                          annualRunCost: $0.annualRunCost.roundedInt(), roi: ($0.roi * 10).rounded() / 10, feasibility: $0.feasibility,
                          systemOfRecord: $0.system, reuses: $0.reuses, reason: w.sentences($0.reason))
        }
        staffing = d.staffing.map {
            StaffingJSON(role: $0.role.rawValue, roleLabel: w.say("role." + $0.role.rawValue), week: $0.week, hours: ($0.hours * 10).rounded() / 10)
        }
        risks = d.risks.map { RiskJSON(id: $0.id, title: w.say("risk.\($0.id).title"), because: w.say($0.because), mitigation: w.say($0.mitigation)) }
        summary = Self.summary(self, w)
    }

    /// Plain words for the top of the report: the stage, the move, its cost and return, and the ask.
    static func summary(_ m: ReportModel, _ w: PhraseBook) -> String {
        let move = m.nextMove
        var parts = [Phrase("summary.stage", ["company": .text(m.organization.name), "stage": .int(m.stage), "name": .text(m.stageName)]),
                     Phrase("summary.move", ["days": .int(m.parameters.planDays), "move": .text(move.title)])]
        if let value = move.annualValue, let run = move.annualRunCost {
            if let agent = move.agent, move.restarts == nil, move.oneTimeCost == nil {
                // A move about a live agent: its figures are what it earns today, not what the move adds;
                // an agent still climbing the ladder earns nothing yet, and its figure is the estimate.
                let live = m.agents.first { $0.name == agent }?.status == AgentStatus.production.rawValue
                parts.append(Phrase(live ? "summary.costs_agent" : "summary.costs_agent_estimated",
                                    ["agent": .text(agent), "value": .money(Double(value)), "run": .money(Double(run))]))
            } else if let once = move.oneTimeCost {
                let payback = move.paybackMonths.map { Phrase("summary.payback", ["months": .number($0.rounded())]) }
                parts.append(Phrase("summary.costs", ["once": .money(Double(once)), "run": .money(Double(run)), "value": .money(Double(value)),
                                                      "payback": .optional(payback)]))
            } else {
                parts.append(Phrase("summary.costs_run_only", ["run": .money(Double(run)), "value": .money(Double(value))]))
            }
        }
        // The next agent built beside the move has a price a CFO asks for too.
        if let then = move.then, let u = m.useCases.first(where: { $0.name == then }) {
            parts.append(Phrase(u.paybackMonths == nil ? "summary.then_no_payback" : "summary.then",
                                ["then": .text(then), "once": .money(Double(u.oneTimeCost)), "months": .number((u.paybackMonths ?? 0).rounded()),
                                 "low": .money(Double(u.oneTimeCostRange.low)), "high": .money(Double(u.oneTimeCostRange.high))]))
        }
        var asks: [Phrase.Arg] = []
        let named = move.ownerNamed
        asks.append(.phrase(named ? Phrase("summary.ask.owner", ["owner": .text(move.owner)]) : Phrase("summary.ask.name_owner")))
        if let then = move.then, let owner = m.useCases.first(where: { $0.name == then })?.owner, owner != move.owner {
            asks.append(.phrase(Phrase("summary.ask.then_owner", ["owner": .text(owner), "then": .text(then)])))
        }
        if let once = move.oneTimeCost, let run = move.annualRunCost {
            asks.append(.phrase(Phrase("summary.ask.budget", ["once": .money(Double(once)), "run": .money(Double(run))])))
        }
        let build = m.staffing.filter { $0.role == Deliverable.Role.integrator.rawValue }
        if let last = build.map(\.week).max() {
            let hours = build.reduce(0) { $0 + $1.hours }
            asks.append(.phrase(Phrase("summary.ask.hours", ["hours": .number(hours.rounded()), "weeks": .count(last, "week")])))
        }
        let checking = m.staffing.filter { $0.role == Deliverable.Role.reviewers.rawValue || $0.role == Deliverable.Role.approvers.rawValue }
            .reduce(0) { $0 + $1.hours }
        let work = move.oneTimeCost != nil ? move.useCase : (move.then ?? move.useCase)
        if checking >= 1, let work { asks.append(.phrase(Phrase("summary.ask.reviewers", ["hours": .number(checking.rounded()), "work": .text(work)]))) }
        if asks.count == 1 { asks.append(.phrase(Phrase("summary.ask.decision"))) }
        parts.append(Phrase("summary.ask", ["asks": .list(asks)]))
        return w.sentences(parts)
    }
}
