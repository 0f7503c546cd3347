/// What changed between two assessments of one company, and whether last quarter's next move
/// happened. Pure: both evaluations come in, nothing is read from the clock or disk.
public struct Comparison: Sendable, Equatable {
    public var before: Day
    public var after: Day
    public var stageBefore: Int
    public var stageAfter: Int
    public var rulesFlipped: [RuleFlip]
    public var flagsRaised: [String]
    public var flagsCleared: [String]
    public var agentsAdded: [String]
    public var agentsRemoved: [String]
    public var agentsMoved: [AgentMove]
    public var useCasesMoved: [RankMove]
    public var followThrough: FollowThrough
    public var ledger: [LedgerRow]
    /// The stage rose while no agent, gate bar or dollar figure changed: only answers moved.
    public var selfReportedRise: Bool
    public var answersChanged: [AnswerChange]
    /// Questions that cannot be compared because the questionnaire changed between the two.
    public var notComparable: [String]
    public var questionnaireChanged: Bool

    public struct RuleFlip: Sendable, Equatable { public var id: String; public var rule: String; public var before: Bool; public var after: Bool }
    public struct AgentMove: Sendable, Equatable { public var name: String; public var from: String; public var to: String; public var forward: Bool }
    public struct RankMove: Sendable, Equatable { public var name: String; public var before: Int?; public var after: Int? }
    public struct AnswerChange: Sendable, Equatable {
        public var id: String
        public var before: String
        public var after: String
        public init(id: String, before: String, after: String) {
            self.id = id
            self.before = before
            self.after = after
        }
    }
    public struct LedgerRow: Sendable, Equatable {
        public var agent: String
        public var estimated: Double?
        public var realised: Double?
        public var basis: String
    }
}

/// Last quarter's move and plan, each judged from this quarter's evidence.
public struct FollowThrough: Sendable, Equatable {
    public enum Mark: String, Sendable { case done, onTrack = "on_track", slipped, dropped }
    public struct Step: Sendable, Equatable {
        public var id: String
        public var title: String
        public var start: Day
        public var end: Day
        public var mark: Mark
        public var reason: String
    }
    public var move: String
    public var useCase: String?
    public var mark: Mark
    public var reason: String
    public var steps: [Step]
}

extension Comparison {
    public static func compare(_ old: Evaluation, _ new: Evaluation) -> Comparison {
        let a = old.assessment, b = new.assessment
        let flips = new.placement.evidence.compactMap { rule -> RuleFlip? in
            guard let was = old.placement.evidence.first(where: { $0.id == rule.id }), was.passed != rule.passed else { return nil }
            return RuleFlip(id: rule.id, rule: rule.rule, before: was.passed, after: rule.passed)
        }
        let flagsBefore = old.allFlags.map(\.id), flagsAfter = new.allFlags.map(\.id)
        let oldAgents = Dictionary(a.agents.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { x, _ in x })
        let newNames = Set(b.agents.map { $0.name.lowercased() })
        var moved: [AgentMove] = []
        for agent in b.agents {
            guard let was = oldAgents[agent.name.lowercased()], was.status != agent.status else { continue }
            moved.append(AgentMove(name: agent.name, from: was.status.rawValue, to: agent.status.rawValue,
                                   forward: agent.status > was.status && agent.status != .retired))
        }
        let oldRanks = Dictionary(old.useCases.map { ($0.name.lowercased(), $0.rank) }, uniquingKeysWith: { x, _ in x })
        let newRanks = Dictionary(new.useCases.map { ($0.name.lowercased(), $0.rank) }, uniquingKeysWith: { x, _ in x })
        var rankMoves = new.useCases.compactMap { u -> RankMove? in
            let was = oldRanks[u.name.lowercased()]
            return was == u.rank ? nil : RankMove(name: u.name, before: was, after: u.rank)
        }
        rankMoves += old.useCases.filter { newRanks[$0.name.lowercased()] == nil }.map { RankMove(name: $0.name, before: $0.rank, after: nil) }

        // Answers are comparable only where both questionnaires ask the same question the same way.
        var changed: [AnswerChange] = []
        var notComparable: [String] = []
        for q in new.questionnaire.questions {
            guard let was = old.questionnaire.question(q.id), was.type == q.type, was.choiceValues == q.choiceValues else {
                if a.answers[q.id] != nil || b.answers[q.id] != nil || old.questionnaire.question(q.id) != nil { notComparable.append(q.id) }
                continue
            }
            let x = a.answers[q.id]?.display ?? "unknown", y = b.answers[q.id]?.display ?? "unknown"
            if x != y { changed.append(AnswerChange(id: q.id, before: x, after: y)) }
        }
        for q in old.questionnaire.questions where new.questionnaire.question(q.id) == nil { notComparable.append(q.id) }

        let evidenceChanged = Self.agentEvidence(a.agents) != Self.agentEvidence(b.agents)
        return Comparison(
            before: a.assessedOn, after: b.assessedOn, stageBefore: old.placement.stage, stageAfter: new.placement.stage,
            rulesFlipped: flips,
            flagsRaised: flagsAfter.filter { !flagsBefore.contains($0) }, flagsCleared: flagsBefore.filter { !flagsAfter.contains($0) },
            agentsAdded: b.agents.filter { oldAgents[$0.name.lowercased()] == nil }.map(\.name),
            agentsRemoved: a.agents.filter { !newNames.contains($0.name.lowercased()) }.map(\.name),
            agentsMoved: moved, useCasesMoved: rankMoves,
            followThrough: FollowThrough.judge(old, new),
            ledger: Self.ledger(old, new),
            selfReportedRise: new.placement.stage > old.placement.stage && !evidenceChanged,
            answersChanged: changed, notComparable: notComparable,
            questionnaireChanged: old.questionnaire.id != new.questionnaire.id || old.questionnaire.version != new.questionnaire.version
                || old.questionnaire.revision != new.questionnaire.revision)
    }

    /// What the stage should rest on: each agent's status, gate bars and reported dollars.
    static func agentEvidence(_ agents: [Agent]) -> [String] {
        agents.map { a in
            let bars = a.gate.keys.sorted().map { "\($0)=\(a.gate[$0] == true)" }.joined(separator: ",")
            return "\(a.name.lowercased())|\(a.status.rawValue)|\(bars)|\(a.annualDollarValue.map { Format.number($0) } ?? "-")|\(a.reportsDollars.map { "\($0)" } ?? "-")"
        }.sorted()
    }

    /// Last quarter's estimate for each agent's work against the dollars it reports now.
    static func ledger(_ old: Evaluation, _ new: Evaluation) -> [LedgerRow] {
        new.assessment.agents.filter { $0.status != .idea }.map { agent in
            let process = agent.process?.lowercased()
            let estimate = old.useCases.first { $0.name.lowercased() == process }?.annualValue
            let previous = old.assessment.agents.first { $0.name.lowercased() == agent.name.lowercased() }?.annualDollarValue
            let realised = agent.reportsDollars == true ? agent.annualDollarValue : nil
            let basis: String
            if estimate != nil {
                basis = "estimate: last quarter's value of \(agent.process ?? "its process")"
            } else if previous != nil {
                basis = "estimate: the dollars it reported last quarter"
            } else {
                basis = "no estimate last quarter"
            }
            return LedgerRow(agent: agent.name, estimated: estimate ?? previous, realised: realised,
                             basis: basis + (realised == nil ? "; it reports no dollars yet" : ""))
        }
    }
}

extension FollowThrough {
    /// Marks each step of last quarter's plan from what this quarter's file shows.
    static func judge(_ old: Evaluation, _ new: Evaluation) -> FollowThrough {
        let move = old.plan.nextMove
        let today = new.assessment.assessedOn
        let b = new.assessment
        let useCase = move.useCase?.lowercased()
        func agentWorking(_ name: String?) -> Agent? {
            name.flatMap { u in b.agents.filter { $0.process?.lowercased() == u.lowercased() }.max { $0.status < $1.status } }
        }
        // The agent the move was about (by name), else the one now working its use case.
        let named = move.agent.flatMap { n in b.agents.first { $0.name == n } }
        let agent = named ?? agentWorking(useCase)
        let thenAgent = agentWorking(move.then)
        let processStillListed = useCase.map { u in b.processes.contains { $0.name.lowercased() == u } } ?? true
        let rungStatus: [String: AgentStatus] = ["shadow": .shadow, "approve_each": .approveEach,
                                                 "auto_with_exceptions": .autoWithExceptions, "production_owned": .production]
        func byDate(_ step: PlanStep, _ what: String) -> (Mark, String) {
            if step.end < today { return (.slipped, "due by \(step.end.iso), but \(what)") }
            return (.onTrack, step.start <= today ? "under way, due by \(step.end.iso)" : "not due until \(step.start.iso)")
        }
        func answered(_ id: String) -> Bool { b.answers[id]?.isYes ?? false }
        var steps: [Step] = []
        for step in old.plan.steps {
            let mark: (Mark, String)
            // Steps of the use case that followed the move carry a "next_" prefix and judge its agent.
            let follows = step.id.hasPrefix("next_")
            let id = follows ? String(step.id.dropFirst(5)) : step.id
            let agent = follows ? thenAgent : agent
            if let rung = rungStatus[id] ?? (id == "go_no_go" ? .production : nil) {
                if let agent, agent.status == .retired {
                    mark = (.dropped, "\(agent.name) was retired")
                } else if let agent, agent.status >= rung {
                    mark = (.done, "\(agent.name) is at \(Words.rung(agent.status, new.questionnaire))")
                } else if !processStillListed {
                    mark = (.dropped, "\(move.useCase ?? "the use case") is no longer in the inventory")
                } else {
                    mark = byDate(step, agent.map { "\($0.name) is still at \(Words.rung($0.status, new.questionnaire))" } ?? "no agent works \(move.useCase ?? "it") yet")
                }
            } else {
                switch id {
                case "setup":
                    let started = agent.map { $0.status >= .shadow || $0.namedOwner != nil } ?? false
                    mark = started ? (.done, "an agent for it exists with an owner") : byDate(step, "no agent for it is set up")
                case "close_gate_gaps":
                    let open = new.placement.gateGaps.filter { gap in old.placement.gateGaps.contains { $0.agent == gap.agent } }
                    mark = open.isEmpty ? (.done, "the gaps listed last quarter are closed")
                        : byDate(step, "still open: " + open.map { "\($0.agent) (\($0.missingBars.joined(separator: ", ")))" }.joined(separator: "; "))
                case "own_agent":
                    if let agent, agent.status == .retired { mark = (.done, "\(agent.name) was switched off") }
                    else if let owner = agent?.namedOwner { mark = (.done, "\(agent?.name ?? "the agent") is owned by \(owner)") }
                    else { mark = byDate(step, "\(move.agent ?? "the agent") still has no named owner") }
                case "fix_economics":
                    let weak = new.economics.first { $0.agent == move.agent }?.belowBar ?? false
                    if let agent, agent.status == .retired { mark = (.done, "\(agent.name) was retired") }
                    else if agent != nil, !weak { mark = (.done, "\(move.agent ?? "the agent") now clears the bar") }
                    else { mark = byDate(step, "\(move.agent ?? "the agent") still returns under the bar") }
                case "shared_connectors":
                    let alone = b.agents.filter { $0.status.isRunning && $0.reusesSharedInfrastructure != true }
                    mark = alone.isEmpty ? (.done, "every live agent uses shared infrastructure") : byDate(step, "still on their own plumbing: " + alone.map(\.name).joined(separator: ", "))
                case "shared_monitoring":
                    let blind = b.agents.filter { $0.status.isRunning && $0.gate[EngineGateBar.monitoring.rawValue] != true }
                    mark = blind.isEmpty ? (.done, "every live agent is monitored") : byDate(step, "not monitored: " + blind.map(\.name).joined(separator: ", "))
                case "standardise_tools":
                    mark = b.answers[EngineQuestion.staffAITools.rawValue] == .choice("standardized") ? (.done, "the tools are standardised") : byDate(step, "tool use is not standardised")
                case "measure_gains":
                    mark = answered(EngineQuestion.toolGainsMeasured.rawValue) ? (.done, "the tools' savings are measured") : byDate(step, "nobody measures what the tools save")
                case _ where new.questionnaire.governance.contains { $0.id == id } || id == "standard_gate":
                    let habitID = id == "standard_gate" ? "gate_review" : id
                    let habit = new.questionnaire.governance.first { $0.id == habitID }
                    let inPlace = habit?.inPlace(b.answers) ?? false
                    mark = inPlace ? (.done, "\(habit.map { Words.inSentence($0.habit) } ?? id) is in place") : byDate(step, "\(habit.map { Words.inSentence($0.habit) } ?? id) is not in place yet")
                case "inventory": mark = b.processes.count >= new.questionnaire.parameters.inventoryMinProcesses ? (.done, "\(b.processes.count) processes are listed") : byDate(step, "only \(b.processes.count) processes are listed")
                case "rank": mark = new.useCases.contains { $0.eligible } ? (.done, "a use case clears the bar") : byDate(step, "no use case clears the bar")
                case "commit": mark = b.agents.contains { $0.status >= .shadow } ? (.done, "an agent is in shadow or beyond") : byDate(step, "no agent reached shadow")
                case "select_portfolio", "select_line_level":
                    let lineAgents = b.agents.filter { $0.side != .office && $0.status >= .pilot }.count
                    mark = lineAgents > 0 ? (.done, "\(Words.count(lineAgents, "line or product agent")) under way") : byDate(step, "no line-level use case is under way")
                default: mark = byDate(step, "there is no evidence of it")
                }
            }
            steps.append(Step(id: step.id, title: step.title, start: step.start, end: step.end, mark: mark.0, reason: mark.1))
        }
        let overall: (Mark, String)
        if steps.isEmpty {
            overall = (.onTrack, "last quarter's plan had no steps")
        } else if let dropped = steps.first(where: { $0.mark == .dropped }) {
            overall = (.dropped, dropped.reason)
        } else if steps.allSatisfy({ $0.mark == .done }) || steps.last?.mark == .done {
            overall = (.done, steps.last?.reason ?? "")
        } else if let slipped = steps.first(where: { $0.mark == .slipped }) {
            overall = (.slipped, "\(slipped.title.split(separator: ":").first.map(String.init) ?? slipped.title): \(slipped.reason)")
        } else {
            overall = (.onTrack, steps.first { $0.mark != .done }?.reason ?? "")
        }
        return FollowThrough(move: move.title, useCase: move.useCase, mark: overall.0, reason: overall.1, steps: steps)
    }
}
