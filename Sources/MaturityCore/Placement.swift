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
    public var rule: Phrase
    public var passed: Bool
    /// The answers or agents the verdict rests on.
    public var basis: Phrase
}

public struct Flag: Sendable, Equatable {
    public var id: String
    public var title: Phrase
    public var detail: Phrase
    /// Agents, pilots or use cases the flag is about.
    public var subjects: [String]
}

public struct GateGap: Sendable, Equatable {
    public var agent: String
    public var missingBars: [String]
}

public struct MoveUp: Sendable, Equatable {
    public var toStage: Int
    public var facts: [Phrase]
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

    /// `weak` names agents climbing on a workflow under the return bar (known once the use cases
    /// are scored): they are never offered as the way up.
    public static func place(_ assessment: Assessment, questionnaire: Questionnaire, weak: Set<String> = []) -> Placement {
        let facts = PlacementFacts(assessment, questionnaire)
        let evidence = rules(facts)
        let stage = stage(evidence)
        // A question about agents cannot apply before any agent exists: it is not "unknown".
        let hasAgents = assessment.agents.contains { $0.status != .idea }
        let unknown = questionnaire.questions.filter { assessment.answers[$0.id] == nil && (hasAgents || !$0.needsAgents) }.map(\.id)
        return Placement(
            stage: stage,
            evidence: evidence,
            flags: flags(facts, stage: stage),
            unknownAnswers: unknown,
            moveUp: moveUp(facts, evidence: evidence, stage: stage, weak: weak),
            gatedAgents: facts.gated.map(\.name),
            gateGaps: facts.gaps
        )
    }

    /// The stage alone: the highest level whose rules, and every rule below it, pass.
    public static func stage(_ assessment: Assessment, questionnaire: Questionnaire) -> Int {
        stage(rules(PlacementFacts(assessment, questionnaire)))
    }

    static func stage(_ evidence: [RuleResult]) -> Int {
        var stage = 0
        for level in 1...4 {
            guard evidence.filter({ $0.stage == level }).allSatisfy(\.passed) else { break }
            stage = level
        }
        return stage
    }

    static func rules(_ f: PlacementFacts) -> [RuleResult] {
        var out: [RuleResult] = []
        func rule(_ stage: Int, _ id: String, _ args: [String: Phrase.Arg] = [:], passed: Bool, basis: Phrase) {
            out.append(RuleResult(stage: stage, id: id, rule: Phrase("placement.rule." + id, args), passed: passed, basis: basis))
        }
        // Stage 1: any AI use by staff, or any pilot.
        let tools = f.choice(.staffAITools)
        let usesTools = tools == "ad_hoc" || tools == "standardized"
        let pilotAgents = f.agents.filter { $0.status != .idea }
        let aiUse = usesTools || f.pilots > 0 || !pilotAgents.isEmpty
        var basis: [Phrase.Arg] = [.phrase(f.said(.staffAITools)), .phrase(f.said(.aiPilots))]
        if !pilotAgents.isEmpty { basis.append(.phrase(Phrase("placement.basis.agents_past_idea", ["agents": .count(pilotAgents.count, "agent")]))) }
        rule(1, "ai_in_use", passed: aiUse, basis: Phrase("value", ["v": .joined(basis, "; ")]))

        // Stage 2: one agent in production clearing all five bars.
        let gatedBasis: Phrase
        if let first = f.gated.first {
            gatedBasis = Phrase("placement.basis.gated", ["agent": .text(first.name), "bars": f.barCount])
        } else if let gap = f.gaps.first {
            gatedBasis = Phrase("placement.basis.misses", ["agent": .text(gap.agent), "missing": .bars(gap.missingBars)])
        } else {
            gatedBasis = Phrase(f.agents.isEmpty ? "placement.basis.no_agents" : "placement.basis.none_in_production")
        }
        rule(2, "gated_agent_in_production", ["bars": f.barCount], passed: !f.gated.isEmpty, basis: gatedBasis)

        // Stage 3: a gated portfolio that ships fast and reports dollars.
        let needed = f.parameters.portfolioMinAgents
        rule(3, "portfolio_of_gated_agents", ["needed": .int(needed), "bars": f.barCount], passed: f.gated.count >= needed,
             basis: Phrase("placement.basis.gated_agents", [
                "agents": .count(f.gated.count, "gated_agent"),
                "names": .optional(f.gated.isEmpty ? nil : Phrase("placement.basis.names", ["names": .names(f.gated.map(\.name), ", ")])),
             ]))
        rule(3, "ships_in_weeks", passed: f.yes(.newAgentShipsInWeeks), basis: f.said(.newAgentShipsInWeeks))
        let silent = f.silentRunning
        rule(3, "every_agent_reports_dollars", passed: f.yes(.everyAgentReportsDollars) && silent.isEmpty,
             basis: Phrase("placement.basis.reports_dollars", [
                "said": .phrase(f.said(.everyAgentReportsDollars)),
                "silent": .optional(silent.isEmpty ? nil : Phrase("placement.basis.not_reporting", ["agents": .names(silent.map(\.name), ", ")])),
             ]))

        // Stage 4: AI in core decisions or the product, on the Stage 3 base.
        rule(4, "ai_in_core_decisions_or_product", passed: f.yes(.aiInCoreDecisions) || f.yes(.aiInProduct),
             basis: Phrase("value", ["v": .joined([.phrase(f.said(.aiInCoreDecisions)), .phrase(f.said(.aiInProduct))], "; ")]))
        return out
    }

    static func flags(_ f: PlacementFacts, stage: Int) -> [Flag] {
        var out: [Flag] = []
        func flag(_ id: FlagID, _ args: [String: Phrase.Arg], subjects: [String], detail: String = "detail") {
            out.append(Flag(id: id.rawValue, title: Phrase("flag.\(id.rawValue).title"),
                            detail: Phrase("flag.\(id.rawValue).\(detail)", args), subjects: subjects))
        }
        // Line-level or product work before the portfolio exists.
        let lineAgents = f.agents.filter { $0.side != .office && $0.status != .idea && $0.status != .retired }
        var early: [Phrase.Arg] = []
        if f.yes(.lineLevelAIFunded) { early.append(.phrase(Phrase("flag.skipping_steps.line_level_funded"))) }
        if f.yes(.aiInProduct) { early.append(.phrase(Phrase("flag.skipping_steps.in_product"))) }
        if f.yes(.aiInCoreDecisions) { early.append(.phrase(Phrase("flag.skipping_steps.in_core_decisions"))) }
        if !lineAgents.isEmpty {
            early.append(.phrase(Phrase("flag.skipping_steps.line_agents", ["agents": .names(lineAgents.map(\.name), ", ")])))
        }
        if stage < 3, !early.isEmpty {
            flag(.skippingSteps, ["stage": .int(stage), "signs": .list(early)], subjects: lineAgents.map(\.name))
        }
        let silent = f.silentRunning
        if !silent.isEmpty {
            flag(.sprawlRisk, ["agents": .names(silent.map(\.name), ", ")], subjects: silent.map(\.name))
        }
        let inProduction = f.agents.filter { $0.status == .production }
        if inProduction.count >= f.parameters.severalAgents, !f.yes(.newAgentShipsInWeeks) {
            flag(.notYetPortfolio, ["n": .int(inProduction.count)], subjects: inProduction.map(\.name))
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
            flag(.pilotGraveyard, ["n": .int(stalled)], subjects: stalledAgents.map(\.name), detail: reached == 0 ? "detail_none_reached" : "detail")
        }
        let orphans = f.agents.filter { $0.namedOwner == nil && $0.status != .idea && $0.status != .retired }
        if !orphans.isEmpty {
            flag(.orphanedAgent, ["agents": .names(orphans.map(\.name), ", ")], subjects: orphans.map(\.name))
        }
        if !f.gaps.isEmpty {
            let lines = f.gaps.map { Phrase.Arg.phrase(Phrase("flag.gate_gaps.agent_misses", ["agent": .text($0.agent), "missing": .bars($0.missingBars)])) }
            flag(.gateGaps, ["bars": f.barCount, "gaps": .joined(lines, "; "), "in_reach": .optional(stage < 2 ? Phrase("flag.gate_gaps.in_reach") : nil)],
                 subjects: f.gaps.map(\.agent))
        }
        let tools = f.choice(.staffAITools)
        if tools == "ad_hoc" || tools == "standardized", !f.yes(.toolGainsMeasured) {
            flag(.softGains, ["tools": f.answer(.staffAITools)], subjects: [])
        }
        return out
    }

    /// What would lift the company one stage. Agents in `weak` (climbing on a workflow under the
    /// return bar) are never offered as the way up: the report tells them to fix or stop.
    static func moveUp(_ f: PlacementFacts, evidence: [RuleResult], stage: Int, weak: Set<String> = []) -> MoveUp? {
        guard stage < 4 else { return nil }
        let target = stage + 1
        var facts: [Phrase] = []
        for rule in evidence where rule.stage == target && !rule.passed {
            switch rule.id {
            case "gated_agent_in_production":
                facts.append(f.closestToGate(excluding: weak))
            case "portfolio_of_gated_agents":
                let short = f.parameters.portfolioMinAgents - f.gated.count
                let nearly = f.gaps.map(\.agent) + f.agents.filter { $0.status > .pilot && $0.status < .production && !weak.contains($0.name) }.map(\.name)
                facts.append(Phrase("placement.move_up.portfolio_of_gated_agents", [
                    "more": .count(short, "more_agent"), "bars": f.barCount, "gated": .int(f.gated.count), "needed": .int(f.parameters.portfolioMinAgents),
                    "closest": .optional(nearly.isEmpty ? nil : Phrase("placement.move_up.closest", ["agents": .names(Array(nearly.prefix(short)), ", ")])),
                ]))
            case "every_agent_reports_dollars":
                let silent = f.silentRunning.map(\.name)
                facts.append(Phrase("placement.move_up.every_agent_reports_dollars", [
                    "start": .optional(silent.isEmpty ? nil : Phrase("placement.move_up.start_with", ["agents": .names(silent, ", ")])),
                ]))
            case "ai_in_use", "ships_in_weeks", "ai_in_core_decisions_or_product":
                facts.append(Phrase("placement.move_up." + rule.id))
            default:
                facts.append(rule.rule)
            }
        }
        return MoveUp(toStage: target, facts: facts)
    }
}

extension Phrase.Arg {
    /// Names as typed, joined by a separator: "A, B".
    static func names(_ names: [String], _ separator: String) -> Phrase.Arg { .joined(names.map(Phrase.Arg.text), separator) }
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

    /// The number of gate bars, in words: "all five bars".
    var barCount: Phrase.Arg { .words(questionnaire.gateBars.count) }

    /// "Staff use of AI tools: some people use them on their own".
    func said(_ question: EngineQuestion) -> Phrase {
        let id = question.rawValue
        let name = questionnaire.question(id).map { $0.short ?? $0.prompt } ?? id
        return Phrase("placement.basis.said", ["question": .text(name), "answer": answer(question)])
    }

    /// The answer on file: a choice as its label, yes or no, a number, or unknown.
    func answer(_ question: EngineQuestion) -> Phrase.Arg {
        switch assessment.answers[question.rawValue] {
        case nil: return .phrase(Phrase("answer.unknown"))
        case .choice(let c)?: return .choice(question.rawValue, c)
        case .yesNo(let yes)?: return .phrase(Phrase(yes ? "answer.yes" : "answer.no"))
        case .number(let n)?: return .number(n)
        case .text(let t)?: return .text(t)
        }
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

    /// Running agents that do not report dollars.
    var silentRunning: [Agent] { agents.filter { $0.status.isRunning && $0.reportsDollars != true } }

    /// The single change that gets the nearest agent through the gate.
    func closestToGate(excluding weak: Set<String>) -> Phrase {
        if let gap = gaps.min(by: { $0.missingBars.count < $1.missingBars.count }) {
            return Phrase("placement.move_up.close_gaps", ["n": .int(gap.missingBars.count), "agent": .text(gap.agent), "missing": .bars(gap.missingBars)])
        }
        let underway = agents.filter { $0.status > .idea && $0.status < .production && !weak.contains($0.name) }.max { $0.status < $1.status }
        if let agent = underway {
            return Phrase("placement.move_up.to_production", ["agent": .text(agent.name), "status": .status(agent.status), "bars": barCount])
        }
        return Phrase("placement.move_up.first_gated_agent", ["bars": barCount, "labels": .bars(questionnaire.gateBars.map(\.id))])
    }
}
