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
        public var basis: Phrase
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
        public var reason: Phrase
    }
    public var move: Phrase
    public var useCase: String?
    public var mark: Mark
    /// Why the move earns its mark: a step's reason; when it slipped, the reason of the step that slipped.
    public var reason: Phrase
    /// The title of the step that slipped, when the move slipped: the report names it before the reason.
    public var slippedStep: Phrase?
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
            return "\(a.name.lowercased())|\(a.status.rawValue)|\(bars)|"
                + "\(a.annualDollarValue.map { Format.number($0) } ?? "-")|\(a.reportsDollars.map { "\($0)" } ?? "-")"
        }.sorted()
    }

    /// Last quarter's estimate for each agent's work against the dollars it reports now.
    static func ledger(_ old: Evaluation, _ new: Evaluation) -> [LedgerRow] {
        new.assessment.agents.filter { $0.status != .idea }.map { agent in
            let process = agent.process?.lowercased()
            let estimate = old.useCases.first { $0.name.lowercased() == process }?.annualValue
            let previous = old.assessment.agents.first { $0.name.lowercased() == agent.name.lowercased() }?.annualDollarValue
            let realised = agent.reportsDollars == true ? agent.annualDollarValue : nil
            let basis: Phrase
            if estimate != nil {
                basis = Phrase("compare.ledger.estimate_process",
                               ["process": agent.process.map(Phrase.Arg.text) ?? .phrase(Phrase("compare.ledger.its_process"))])
            } else if previous != nil {
                basis = Phrase("compare.ledger.estimate_reported")
            } else {
                basis = Phrase("compare.ledger.no_estimate")
            }
            return LedgerRow(agent: agent.name, estimated: estimate ?? previous, realised: realised,
                             basis: Phrase("compare.ledger.basis", ["basis": .phrase(basis),
                                                                    "realised": .optional(realised == nil ? Phrase("compare.ledger.no_earnings") : nil)]))
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
        let slipped = overall.0 == .slipped ? steps.first { $0.mark == .slipped }?.title : nil
        return FollowThrough(move: old.plan.nextMove.title, useCase: old.plan.nextMove.useCase, mark: overall.0, reason: overall.1,
                             slippedStep: slipped, steps: steps)
    }

    /// The move as a whole: dropped if a step was, done when its last step is, slipped if a step slipped
    /// (with that step's reason; `judge` names the step).
    static func overall(_ steps: [Step]) -> (Mark, Phrase) {
        if steps.isEmpty { return (.onTrack, Phrase("compare.follow.no_steps")) }
        if let dropped = steps.first(where: { $0.mark == .dropped }) { return (.dropped, dropped.reason) }
        if steps.allSatisfy({ $0.mark == .done }) || steps.last?.mark == .done { return (.done, steps.last?.reason ?? .empty) }
        if let slipped = steps.first(where: { $0.mark == .slipped }) { return (.slipped, slipped.reason) }
        return (.onTrack, steps.first { $0.mark != .done }?.reason ?? .empty)
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

        /// Why a step earns its mark: `compare.follow.<key>` with its values.
        func because(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> Phrase { Phrase("compare.follow." + key, args) }

        /// A name from the file, or the words for it when the file has none ("the agent").
        func named(_ name: String?, or key: String) -> Phrase.Arg { name.map(Phrase.Arg.text) ?? .phrase(because(key)) }

        /// Where the agent stands when it has not got there yet.
        func stillAt(_ agent: Agent?, or none: Phrase? = nil) -> Phrase {
            agent.map { because("still_at", ["agent": .text($0.name), "status": .status($0.status)]) }
                ?? none ?? because("no_agent_works", ["use_case": named(move.useCase, or: "it")])
        }

        func byDate(_ step: PlanStep, _ what: Phrase) -> (Mark, Phrase) {
            if step.end < today { return (.slipped, because("due_but", ["end": .day(step.end), "what": .phrase(what)])) }
            return (.onTrack, step.start <= today ? because("under_way", ["end": .day(step.end)]) : because("not_due", ["start": .day(step.start)]))
        }

        func mark(_ step: PlanStep) -> (Mark, Phrase) {
            // Steps of the use case that followed the move carry a "next_" prefix and judge its agent.
            let follows = step.id.hasPrefix("next_")
            let id = follows ? String(step.id.dropFirst(5)) : step.id
            let agent = follows ? thenAgent : self.agent
            if let rung = Self.rungStatus[id] { return rungMark(step, rung, agent) }
            return otherMark(step, id, agent)
        }

        /// A rung is done when the agent has reached it, dropped when the agent or its use case is gone.
        func rungMark(_ step: PlanStep, _ rung: AgentStatus, _ agent: Agent?) -> (Mark, Phrase) {
            if let agent, agent.status == .retired { return (.dropped, because("retired", ["agent": .text(agent.name)])) }
            if let agent, agent.status >= rung { return (.done, because("at_rung", ["agent": .text(agent.name), "status": .status(agent.status)])) }
            if !processStillListed { return (.dropped, because("not_in_inventory", ["use_case": named(move.useCase, or: "the_use_case")])) }
            // A rung that should have started cannot be on track while the agent has not reached the rung before it.
            let ladder: [AgentStatus] = [.shadow, .approveEach, .autoWithExceptions, .production]
            if step.start < today, let i = ladder.firstIndex(of: rung), i > 0, (agent?.status ?? .idea) < ladder[i - 1] {
                return (.slipped, because("start_due_but", ["start": .day(step.start), "what": .phrase(stillAt(agent))]))
            }
            return byDate(step, stillAt(agent))
        }

        func otherMark(_ step: PlanStep, _ id: String, _ agent: Agent?) -> (Mark, Phrase) {
            let q = new.questionnaire
            func done(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> (Mark, Phrase) { (.done, because(key, args)) }
            func notYet(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> (Mark, Phrase) { byDate(step, because(key, args)) }
            switch id {
            case "build":
                let built = agent.map { $0.status >= .shadow } ?? false
                return built ? done("built", ["agent": named(agent?.name, or: "its_agent"), "status": .status(agent?.status ?? .shadow)])
                    : byDate(step, stillAt(agent, or: because("not_built")))
            case "setup":
                let started = agent.map { $0.status >= .shadow || $0.namedOwner != nil } ?? false
                return started ? done("set_up") : notYet("not_set_up")
            case "close_gate_gaps":
                let open = new.placement.gateGaps.filter { gap in old.placement.gateGaps.contains { $0.agent == gap.agent } }
                let gaps = open.map { Phrase.Arg.phrase(because("gap_open", ["agent": .text($0.agent), "bars": .names($0.missingBars, ", ")])) }
                return open.isEmpty ? done("gaps_closed") : notYet("gaps_open", ["gaps": .joined(gaps, "; ")])
            case "own_agent":
                if let agent, agent.status == .retired { return done("switched_off", ["agent": .text(agent.name)]) }
                if let owner = agent?.namedOwner { return done("owned_by", ["agent": named(agent?.name, or: "the_agent"), "owner": .text(owner)]) }
                return notYet("no_owner", ["agent": named(move.agent, or: "the_agent")])
            case "fix_economics":
                let weak = new.economics.first { $0.agent == move.agent }?.belowBar ?? false
                if let agent, agent.status == .retired { return done("retired", ["agent": .text(agent.name)]) }
                if agent != nil, !weak { return done("clears_bar", ["agent": named(move.agent, or: "the_agent")]) }
                return notYet("under_bar", ["agent": named(move.agent, or: "the_agent")])
            case "shared_connectors":
                let alone = b.agents.filter { $0.status.isRunning && $0.reusesSharedInfrastructure != true }
                return alone.isEmpty ? done("shared_infrastructure") : notYet("own_plumbing", ["agents": .names(alone.map(\.name), ", ")])
            case "shared_monitoring":
                let blind = b.agents.filter { $0.status.isRunning && $0.gate[EngineGateBar.monitoring.rawValue] != true }
                return blind.isEmpty ? done("monitored") : notYet("not_monitored", ["agents": .names(blind.map(\.name), ", ")])
            case "standardise_tools":
                return b.answers[EngineQuestion.staffAITools.rawValue] == .choice("standardized") ? done("tools_standardised")
                    : notYet("tools_not_standardised")
            case "measure_gains":
                return (b.answers[EngineQuestion.toolGainsMeasured.rawValue]?.isYes ?? false) ? done("gains_measured") : notYet("gains_not_measured")
            case _ where q.governance.contains { $0.id == id }:
                let habit = q.governance.first { $0.id == id }
                let name = habit.map { Phrase.Arg.label($0.habit) } ?? .text(id)
                return (habit?.inPlace(b.answers) ?? false) ? done("habit_in_place", ["habit": name]) : notYet("habit_not_in_place", ["habit": name])
            case "inventory":
                let listed = Phrase.Arg.number(Double(b.processes.count), decimals: 0)
                return b.processes.count >= q.parameters.inventoryMinProcesses ? done("processes_listed", ["n": listed])
                    : notYet("only_processes_listed", ["n": listed])
            case "rank": return new.useCases.contains { $0.eligible } ? done("use_case_clears") : notYet("no_use_case_clears")
            case "commit": return b.agents.contains { $0.status >= .shadow } ? done("agent_in_shadow") : notYet("no_agent_in_shadow")
            case "select_portfolio", "select_line_level":
                let lineAgents = b.agents.filter { $0.side != .office && $0.status >= .pilot }.count
                return lineAgents > 0 ? done("line_agents_under_way", ["agents": .count(lineAgents, "line_or_product_agent")]) : notYet("no_line_level")
            default: return notYet("no_evidence")
            }
        }
    }
}
