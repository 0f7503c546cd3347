/// Where the company stands: the stage, every rule checked on the way, the flags, and what
/// would move it one stage up. Built by `Placement.place`, a pure function.
public struct Placement: Sendable, Equatable {
    public var stage: Int
    public var evidence: [RuleResult]
    public var flags: [Flag]
    /// Questionnaire questions with no answer; placement counted them as "no".
    public var unknownAnswers: [String]
    /// The facts that would place the company one stage higher (empty at Stage 4).
    public var moveUp: MoveUp?
    /// Agents in production that clear all five gate bars.
    public var gatedAgents: [String]
    /// Agents in production that miss at least one bar, with the bars they miss.
    public var gateGaps: [GateGap]
}

/// One placement rule, checked.
public struct RuleResult: Sendable, Equatable {
    /// The stage this rule guards.
    public var stage: Int
    public var id: String
    public var rule: String
    public var passed: Bool
    /// The answers or agents the verdict rests on, in words.
    public var basis: String
}

public struct Flag: Sendable, Equatable {
    public var id: String
    public var title: String
    public var detail: String
    /// Agents, pilots or use cases the flag is about.
    public var subjects: [String]
}

public struct GateGap: Sendable, Equatable {
    public var agent: String
    public var missingBars: [String]
}

public struct MoveUp: Sendable, Equatable {
    public var toStage: Int
    public var facts: [String]
}

/// The flag ids the JSON output uses.
public enum FlagID: String, CaseIterable, Sendable {
    case skippingSteps = "skipping_steps"
    case sprawlRisk = "sprawl_risk"
    case notYetPortfolio = "not_yet_portfolio"
    case pilotGraveyard = "pilot_graveyard"
    case orphanedAgent = "orphaned_agent"
    case gateGaps = "gate_gaps"
    case softGains = "soft_gains"
    case roiBelow3x = "roi_below_3x"
    case lowVolumeForShadow = "low_volume_for_shadow"
    case agentBelow3x = "agent_below_3x"
    case claimedNotMeasured = "claimed_not_measured"
}

extension Placement {
    /// Places a company by the gated rules: each stage needs every rule of the stages below
    /// it, the lowest failing stage wins, and unknown answers count as "no".
    /// The gate bars `agent` does not clear, by id, at any status: the one rule every report shows.
    public static func missingBars(_ agent: Agent, questionnaire: Questionnaire) -> [String] {
        PlacementFacts.missingBars(agent, questionnaire)
    }

    public static func place(_ assessment: Assessment, questionnaire: Questionnaire) -> Placement {
        let facts = PlacementFacts(assessment, questionnaire)
        let evidence = rules(facts)
        var stage = 0
        for level in 1...4 {
            guard evidence.filter({ $0.stage == level }).allSatisfy(\.passed) else { break }
            stage = level
        }
        // A question about agents cannot apply before any agent exists: it is not "unknown".
        let hasAgents = assessment.agents.contains { $0.status != .idea }
        let unknown = questionnaire.questions.filter { assessment.answers[$0.id] == nil && (hasAgents || !$0.needsAgents) }.map(\.id)
        return Placement(
            stage: stage,
            evidence: evidence,
            flags: flags(facts, stage: stage),
            unknownAnswers: unknown,
            moveUp: moveUp(facts, evidence: evidence, stage: stage),
            gatedAgents: facts.gated.map(\.name),
            gateGaps: facts.gaps
        )
    }

    static func rules(_ f: PlacementFacts) -> [RuleResult] {
        var out: [RuleResult] = []
        // Stage 1: any AI use by staff, or any pilot.
        let tools = f.choice(.staffAITools)
        let usesTools = tools == "ad_hoc" || tools == "standardized"
        let pilotAgents = f.agents.filter { $0.status != .idea }
        let aiUse = usesTools || f.pilots > 0 || !pilotAgents.isEmpty
        var basis = [f.said(.staffAITools), f.said(.aiPilots)]
        if !pilotAgents.isEmpty { basis.append(Words.count(pilotAgents.count, "agent") + " past the idea stage") }
        out.append(RuleResult(stage: 1, id: "ai_in_use",
                              rule: "Staff use AI tools, or at least one AI pilot has run",
                              passed: aiUse, basis: basis.joined(separator: "; ")))

        // Stage 2: one agent in production clearing all five bars.
        let gatedBasis: String
        if let first = f.gated.first {
            gatedBasis = "\(first.name) is in production and clears all \(f.barCount) bars"
        } else if let gap = f.gaps.first {
            gatedBasis = "\(gap.agent) is in production but misses: \(Words.bars(ids: gap.missingBars, f.questionnaire))"
        } else {
            gatedBasis = f.agents.isEmpty ? "no agents listed" : "no agent is in production"
        }
        out.append(RuleResult(stage: 2, id: "gated_agent_in_production",
                              rule: "At least one agent in production clears all \(f.barCount) production-gate bars",
                              passed: !f.gated.isEmpty, basis: gatedBasis))

        // Stage 3: a gated portfolio that ships fast and reports dollars.
        let needed = f.parameters.portfolioMinAgents
        out.append(RuleResult(stage: 3, id: "portfolio_of_gated_agents",
                              rule: "At least \(needed) agents in production clear all \(f.barCount) bars",
                              passed: f.gated.count >= needed,
                              basis: Words.count(f.gated.count, "gated agent") + (f.gated.isEmpty ? "" : ": " + f.gated.map(\.name).joined(separator: ", "))))
        out.append(RuleResult(stage: 3, id: "ships_in_weeks",
                              rule: "New agents ship in weeks by reusing shared infrastructure",
                              passed: f.yes(.newAgentShipsInWeeks),
                              basis: f.said(.newAgentShipsInWeeks)))
        let silent = f.silentRunning
        var dollarsBasis = f.said(.everyAgentReportsDollars)
        if !silent.isEmpty { dollarsBasis += "; not reporting what they earn: " + silent.map(\.name).joined(separator: ", ") }
        out.append(RuleResult(stage: 3, id: "every_agent_reports_dollars",
                              rule: "Every running agent reports what it earns in a regular review",
                              passed: f.yes(.everyAgentReportsDollars) && silent.isEmpty, basis: dollarsBasis))

        // Stage 4: AI in core decisions or the product, on the Stage 3 base.
        out.append(RuleResult(stage: 4, id: "ai_in_core_decisions_or_product",
                              rule: "AI takes part in core operational decisions or in the product",
                              passed: f.yes(.aiInCoreDecisions) || f.yes(.aiInProduct),
                              basis: "\(f.said(.aiInCoreDecisions)); \(f.said(.aiInProduct))"))
        return out
    }

    static func flags(_ f: PlacementFacts, stage: Int) -> [Flag] {
        var out: [Flag] = []
        // Line-level or product work before the portfolio exists.
        let lineAgents = f.agents.filter { $0.side != .office && $0.status != .idea && $0.status != .retired }
        var early: [String] = []
        if f.yes(.lineLevelAIFunded) { early.append("line-level AI is funded") }
        if f.yes(.aiInProduct) { early.append("AI is in the product") }
        if f.yes(.aiInCoreDecisions) { early.append("AI is claimed in core decisions") }
        if !lineAgents.isEmpty { early.append("line or product agents are underway: " + lineAgents.map(\.name).joined(separator: ", ")) }
        if stage < 3, !early.isEmpty {
            out.append(Flag(id: FlagID.skippingSteps.rawValue, title: "Skipping steps",
                            detail: "At Stage \(stage), \(Format.list(early)). Line, product and core-decision AI pays only on a proven office portfolio (Stage 3).",
                            subjects: lineAgents.map(\.name)))
        }
        let silent = f.silentRunning
        if !silent.isEmpty {
            out.append(Flag(id: FlagID.sprawlRisk.rawValue, title: "Sprawl risk",
                            detail: "Running agents that report nothing of what they earn: \(silent.map(\.name).joined(separator: ", ")). Nobody can tell whether they still earn their keep.",
                            subjects: silent.map(\.name)))
        }
        let inProduction = f.agents.filter { $0.status == .production }
        if inProduction.count >= f.parameters.severalAgents, !f.yes(.newAgentShipsInWeeks) {
            out.append(Flag(id: FlagID.notYetPortfolio.rawValue, title: "Not yet a portfolio",
                            detail: "\(inProduction.count) agents are in production, but a new one still takes quarters, not weeks. Each is its own project until they share infrastructure.",
                            subjects: inProduction.map(\.name)))
        }
        // A retired agent counts as having reached production only if the file says it got there
        // (it reports dollars from live work); an agent on the ladder is climbing, not stalled.
        let reached = f.agents.filter { $0.status.isRunning || ($0.status == .retired && $0.annualDollarValue != nil) }.count
        let climbing = f.agents.filter { [.shadow, .approveEach].contains($0.status) }.count
        let stalledAgents = f.agents.filter { $0.status == .pilot }
        let stalled = max(f.pilots - reached - climbing, stalledAgents.count)
        // A graveyard is where most pilots die: two stalled beside four live is a good record, not a graveyard.
        let tried = max(f.pilots, reached + climbing + stalledAgents.count)
        let stalledShare = tried > 0 ? Double(stalled) / Double(tried) : 0
        if stalled > 0, reached == 0 || (stalled >= f.parameters.stalledPilotsForGraveyard
                                         && stalledShare >= f.parameters.stalledPilotShareForGraveyard) {
            out.append(Flag(id: FlagID.pilotGraveyard.rawValue, title: "Pilot graveyard",
                            detail: "\(Words.count(stalled, "pilot")) \(stalled == 1 ? "has" : "have") not reached production" + (reached == 0 ? " and none ever has." : ".") + " Pilots that stall teach the team that AI does not ship.",
                            subjects: stalledAgents.map(\.name)))
        }
        let orphans = f.agents.filter { $0.namedOwner == nil && $0.status != .idea && $0.status != .retired }
        if !orphans.isEmpty {
            out.append(Flag(id: FlagID.orphanedAgent.rawValue, title: "Orphaned agent",
                            detail: "No named owner: \(orphans.map(\.name).joined(separator: ", ")). Orphaned agents degrade unseen and get switched off.",
                            subjects: orphans.map(\.name)))
        }
        if !f.gaps.isEmpty {
            let lines = f.gaps.map { "\($0.agent) misses: \(Words.bars(ids: $0.missingBars, f.questionnaire))" }
            let inReach = stage < 2 ? " Stage 2 is in reach once they are closed." : ""
            out.append(Flag(id: FlagID.gateGaps.rawValue, title: "Production-gate gaps",
                            detail: "In production without clearing all \(f.barCount) bars: \(lines.joined(separator: "; ")).\(inReach)",
                            subjects: f.gaps.map(\.agent)))
        }
        let tools = f.choice(.staffAITools)
        if tools == "ad_hoc" || tools == "standardized", !f.yes(.toolGainsMeasured) {
            out.append(Flag(id: FlagID.softGains.rawValue, title: "Soft gains",
                            detail: "Staff use AI tools (\(Words.answer(f.assessment.answers[EngineQuestion.staffAITools.rawValue], of: EngineQuestion.staffAITools.rawValue, f.questionnaire))), but nobody measures what they save. Gains that are not counted cannot be defended or built on.",
                            subjects: []))
        }
        return out
    }

    /// What would lift the company one stage. Agents in `weak` (climbing on a workflow under the
    /// return bar) are never offered as the way up: the report tells them to fix or stop.
    static func moveUp(_ f: PlacementFacts, evidence: [RuleResult], stage: Int, weak: Set<String> = []) -> MoveUp? {
        guard stage < 4 else { return nil }
        let target = stage + 1
        var facts: [String] = []
        for rule in evidence where rule.stage == target && !rule.passed {
            switch rule.id {
            case "ai_in_use":
                facts.append("Put an AI tool in staff hands, or run one AI pilot")
            case "gated_agent_in_production":
                facts.append(f.closestToGate(excluding: weak))
            case "portfolio_of_gated_agents":
                let short = f.parameters.portfolioMinAgents - f.gated.count
                var text = "\(Words.count(short, "more agent")) in production clearing all \(f.barCount) bars (\(f.gated.count) of \(f.parameters.portfolioMinAgents) today)"
                let nearly = f.gaps.map(\.agent) + f.agents.filter { $0.status > .pilot && $0.status < .production && !weak.contains($0.name) }.map(\.name)
                if !nearly.isEmpty { text += "; closest: " + nearly.prefix(short).joined(separator: ", ") }
                facts.append(text)
            case "ships_in_weeks":
                facts.append("New agents ship in weeks by reusing the first agents' connectors and monitoring")
            case "every_agent_reports_dollars":
                let silent = f.silentRunning.map(\.name)
                facts.append("Every running agent reports what it earns in a regular review"
                             + (silent.isEmpty ? "" : "; start with " + silent.joined(separator: ", ")))
            case "ai_in_core_decisions_or_product":
                facts.append("AI in one core operational decision, written back within guardrails, or in the product")
            default:
                facts.append(rule.rule)
            }
        }
        return MoveUp(toStage: target, facts: facts)
    }
}

/// The answers and agents in the form the rules read them.
struct PlacementFacts {
    let assessment: Assessment
    let questionnaire: Questionnaire
    let parameters: Parameters
    let agents: [Agent]
    let gated: [Agent]
    let gaps: [GateGap]

    init(_ assessment: Assessment, _ questionnaire: Questionnaire) {
        self.assessment = assessment
        self.questionnaire = questionnaire
        self.parameters = questionnaire.parameters
        self.agents = assessment.agents
        var gated: [Agent] = []
        var gaps: [GateGap] = []
        for agent in assessment.agents where agent.status == .production {
            let missing = PlacementFacts.missingBars(agent, questionnaire)
            if missing.isEmpty { gated.append(agent) } else { gaps.append(GateGap(agent: agent.name, missingBars: missing)) }
        }
        self.gated = gated
        self.gaps = gaps
    }

    /// Bars not cleared; an owner bar claimed with no owner named does not count.
    /// Every bar the questionnaire defines counts, not only the five the engine knows by name.
    static func missingBars(_ agent: Agent, _ q: Questionnaire) -> [String] {
        q.gateBars.compactMap { bar in
            var cleared = agent.gate[bar.id] == true
            if bar.id == EngineGateBar.namedOwnerReportsDollars.rawValue, agent.namedOwner == nil || agent.reportsDollars == false { cleared = false }
            return cleared ? nil : bar.id
        }
    }

    var barCount: String { Words.number(questionnaire.gateBars.count) }

    /// "Staff use of AI tools: some people use them on their own".
    func said(_ question: EngineQuestion) -> String {
        let id = question.rawValue
        let name = questionnaire.question(id).map { $0.short ?? $0.prompt } ?? id
        return "\(name): \(Words.answer(assessment.answers[id], of: id, questionnaire))"
    }

    func yes(_ q: EngineQuestion) -> Bool { assessment.answers[q.rawValue]?.isYes ?? false }

    func choice(_ q: EngineQuestion) -> String? {
        if case .choice(let c)? = assessment.answers[q.rawValue] { return c }
        return nil
    }

    var pilots: Int {
        if case .number(let n)? = assessment.answers[EngineQuestion.aiPilots.rawValue] { return n.roundedInt() }
        return 0
    }

    func answerText(_ q: EngineQuestion) -> String { assessment.answers[q.rawValue]?.display ?? "unknown" }

    /// Running agents that do not report dollars.
    var silentRunning: [Agent] { agents.filter { $0.status.isRunning && $0.reportsDollars != true } }

    /// The single change that gets the nearest agent through the gate.
    func closestToGate(excluding weak: Set<String>) -> String {
        if let gap = gaps.min(by: { $0.missingBars.count < $1.missingBars.count }) {
            return "\(gap.agent) clears the \(gap.missingBars.count == 1 ? "bar" : "bars") it misses: \(Words.bars(ids: gap.missingBars, questionnaire))"
        }
        let underway = agents.filter { $0.status > .idea && $0.status < .production && !weak.contains($0.name) }.max { $0.status < $1.status }
        if let agent = underway {
            return "\(agent.name) moves from \(Words.rung(agent.status, questionnaire)) to production and clears all \(barCount) bars"
        }
        return "One agent in production that clears all \(barCount) bars: " + Format.list(questionnaire.gateBars.map { Words.inSentence($0.label) })
    }
}
