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

    public struct RuleFlip: Sendable, Equatable { public var id: String; public var rule: Phrase; public var before: Bool; public var after: Bool }
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
        public var title: Phrase
        public var start: Day
        public var end: Day
        public var mark: Mark
        public var reason: String
    }
    public var move: Phrase
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
                basis = "estimate: what it reported earning last quarter"
            } else {
                basis = "no estimate last quarter"
            }
            return LedgerRow(agent: agent.name, estimated: estimate ?? previous, realised: realised,
                             basis: basis + (realised == nil ? "; it reports no earnings yet" : ""))
        }
    }
}

extension FollowThrough {
    /// Marks each step of last quarter's plan from what this quarter's file shows.
    static func judge(_ old: Evaluation, _ new: Evaluation) -> FollowThrough {
        let judge = Judge(old: old, new: new)
        let steps = old.plan.steps.map { step in
            let mark = judge.mark(step)
            return Step(id: step.id, title: step.title, start: step.start, end: step.end, mark: mark.0, reason: mark.1)
        }
        let overall = Self.overall(steps)
        return FollowThrough(move: old.plan.nextMove.title, useCase: old.plan.nextMove.useCase, mark: overall.0, reason: overall.1, steps: steps)
    }

    /// The move as a whole: dropped if a step was, done when its last step is, slipped if a step slipped.
    static func overall(_ steps: [Step]) -> (Mark, String) {
        if steps.isEmpty { return (.onTrack, "last quarter's plan had no steps") }
        if let dropped = steps.first(where: { $0.mark == .dropped }) { return (.dropped, dropped.reason) }
        if steps.allSatisfy({ $0.mark == .done }) || steps.last?.mark == .done { return (.done, steps.last?.reason ?? "") }
        if let slipped = steps.first(where: { $0.mark == .slipped }) {
            return (.slipped, "\(slipped.id): \(slipped.reason)") // INTERIM: words layer to say the title's label
        }
        return (.onTrack, steps.first { $0.mark != .done }?.reason ?? "")
    }

    /// What this quarter's file says about each of last quarter's steps.
    struct Judge {
        let old: Evaluation, new: Evaluation
        let move: NextMove
        let b: Assessment
        let today: Day
        /// The agent the move was about (by name), else the one now working its use case; and the
        /// one working the use case that followed it in the same plan.
        let agent: Agent?, thenAgent: Agent?
        let processStillListed: Bool

        static let rungStatus: [String: AgentStatus] = ["shadow": .shadow, "approve_each": .approveEach,
                                                        "auto_with_exceptions": .autoWithExceptions, "production_owned": .production,
                                                        "go_no_go": .production]

        init(old: Evaluation, new: Evaluation) {
            self.old = old
            self.new = new
            move = old.plan.nextMove
            b = new.assessment
            today = new.assessment.assessedOn
            let agents = b.agents
            func agentWorking(_ name: String?) -> Agent? {
                name.flatMap { u in agents.filter { $0.process?.lowercased() == u.lowercased() }.max { $0.status < $1.status } }
            }
            let named = move.agent.flatMap { n in agents.first { $0.name == n } }
            agent = named ?? agentWorking(move.useCase)
            thenAgent = agentWorking(move.then)
            processStillListed = move.useCase.map { u in new.assessment.processes.contains { $0.name.lowercased() == u.lowercased() } } ?? true
        }

        func byDate(_ step: PlanStep, _ what: String) -> (Mark, String) {
            if step.end < today { return (.slipped, "due by \(step.end.iso), but \(what)") }
            return (.onTrack, step.start <= today ? "under way, due by \(step.end.iso)" : "not due until \(step.start.iso)")
        }

        func mark(_ step: PlanStep) -> (Mark, String) {
            // Steps of the use case that followed the move carry a "next_" prefix and judge its agent.
            let follows = step.id.hasPrefix("next_")
            let id = follows ? String(step.id.dropFirst(5)) : step.id
            let agent = follows ? thenAgent : self.agent
            if let rung = Self.rungStatus[id] { return rungMark(step, rung, agent) }
            return otherMark(step, id, agent)
        }

        /// A rung is done when the agent has reached it, dropped when the agent or its use case is gone.
        func rungMark(_ step: PlanStep, _ rung: AgentStatus, _ agent: Agent?) -> (Mark, String) {
            let q = new.questionnaire
            if let agent, agent.status == .retired { return (.dropped, "\(agent.name) was retired") }
            if let agent, agent.status >= rung { return (.done, "\(agent.name) is at \(Words.rung(agent.status, q))") }
            if !processStillListed { return (.dropped, "\(move.useCase ?? "the use case") is no longer in the inventory") }
            // A rung that should have started cannot be on track while the agent has not reached the rung before it.
            let ladder: [AgentStatus] = [.shadow, .approveEach, .autoWithExceptions, .production]
            if step.start < today, let i = ladder.firstIndex(of: rung), i > 0, (agent?.status ?? .idea) < ladder[i - 1] {
                return (.slipped, "due to start by \(step.start.iso), but " + (agent.map { "\($0.name) is still at \(Words.rung($0.status, q))" } ?? "no agent works \(move.useCase ?? "it") yet"))
            }
            return byDate(step, agent.map { "\($0.name) is still at \(Words.rung($0.status, q))" } ?? "no agent works \(move.useCase ?? "it") yet")
        }

        func otherMark(_ step: PlanStep, _ id: String, _ agent: Agent?) -> (Mark, String) {
            let q = new.questionnaire
            switch id {
            case "build":
                let built = agent.map { $0.status >= .shadow } ?? false
                return built ? (.done, "\(agent?.name ?? "its agent") is built and running in \(Words.rung(agent?.status ?? .shadow, q))")
                    : byDate(step, agent.map { "\($0.name) is still at \(Words.rung($0.status, q))" } ?? "no agent for it is built yet")
            case "setup":
                let started = agent.map { $0.status >= .shadow || $0.namedOwner != nil } ?? false
                return started ? (.done, "an agent for it exists with an owner") : byDate(step, "no agent for it is set up")
            case "close_gate_gaps":
                let open = new.placement.gateGaps.filter { gap in old.placement.gateGaps.contains { $0.agent == gap.agent } }
                return open.isEmpty ? (.done, "the gaps listed last quarter are closed")
                    : byDate(step, "still open: " + open.map { "\($0.agent) (\($0.missingBars.joined(separator: ", ")))" }.joined(separator: "; "))
            case "own_agent":
                if let agent, agent.status == .retired { return (.done, "\(agent.name) was switched off") }
                if let owner = agent?.namedOwner { return (.done, "\(agent?.name ?? "the agent") is owned by \(owner)") }
                return byDate(step, "\(move.agent ?? "the agent") still has no named owner")
            case "fix_economics":
                let weak = new.economics.first { $0.agent == move.agent }?.belowBar ?? false
                if let agent, agent.status == .retired { return (.done, "\(agent.name) was retired") }
                if agent != nil, !weak { return (.done, "\(move.agent ?? "the agent") now clears the bar") }
                return byDate(step, "\(move.agent ?? "the agent") still returns under the bar")
            case "shared_connectors":
                let alone = b.agents.filter { $0.status.isRunning && $0.reusesSharedInfrastructure != true }
                return alone.isEmpty ? (.done, "every live agent uses shared infrastructure") : byDate(step, "still on their own plumbing: " + alone.map(\.name).joined(separator: ", "))
            case "shared_monitoring":
                let blind = b.agents.filter { $0.status.isRunning && $0.gate[EngineGateBar.monitoring.rawValue] != true }
                return blind.isEmpty ? (.done, "every live agent is monitored") : byDate(step, "not monitored: " + blind.map(\.name).joined(separator: ", "))
            case "standardise_tools":
                return b.answers[EngineQuestion.staffAITools.rawValue] == .choice("standardized") ? (.done, "the tools are standardised") : byDate(step, "tool use is not standardised")
            case "measure_gains":
                return (b.answers[EngineQuestion.toolGainsMeasured.rawValue]?.isYes ?? false) ? (.done, "the tools' savings are measured") : byDate(step, "nobody measures what the tools save")
            case _ where q.governance.contains { $0.id == id } || id == "standard_gate":
                let habitID = id == "standard_gate" ? "gate_review" : id
                let habit = q.governance.first { $0.id == habitID }
                let name = habit.map { Words.inSentence($0.habit) } ?? id
                return (habit?.inPlace(b.answers) ?? false) ? (.done, "\(name) is in place") : byDate(step, "\(name) is not in place yet")
            case "inventory":
                return b.processes.count >= q.parameters.inventoryMinProcesses ? (.done, "\(b.processes.count) processes are listed") : byDate(step, "only \(b.processes.count) processes are listed")
            case "rank": return new.useCases.contains { $0.eligible } ? (.done, "a use case clears the bar") : byDate(step, "no use case clears the bar")
            case "commit": return b.agents.contains { $0.status >= .shadow } ? (.done, "an agent is in shadow or beyond") : byDate(step, "no agent reached shadow")
            case "select_portfolio", "select_line_level":
                let lineAgents = b.agents.filter { $0.side != .office && $0.status >= .pilot }.count
                return lineAgents > 0 ? (.done, "\(Words.count(lineAgents, "line or product agent")) under way") : byDate(step, "no line-level use case is under way")
            default: return byDate(step, "there is no evidence of it")
            }
        }
    }
}
