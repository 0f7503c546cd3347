import MaturityCore
import MaturityTestSupport
import Testing

/// One row per placement rule and flag in DESIGN.md.
struct PlacementCase: CustomTestStringConvertible, Sendable {
    let name: String
    let answers: [String: Answer]
    let agents: [Agent]
    let stage: Int
    let flags: [String]
    var testDescription: String { name }
}

private let yes = Answer.yesNo(true)
private let no = Answer.yesNo(false)
private let threeGated = (1...3).map { Build.gated("Agent \($0)") }
private let portfolioAnswers: [String: Answer] = [
    "staff_ai_tools": .choice("standardized"), "tool_gains_measured": yes, "ai_pilots": .number(3),
    "new_agent_ships_in_weeks": yes, "every_agent_reports_dollars": yes,
]

let placementCases: [PlacementCase] = [
    PlacementCase(name: "nothing answered: every unknown counts as no, Stage 0",
                  answers: [:], agents: [], stage: 0, flags: []),
    PlacementCase(name: "no tools, no pilots: Stage 0",
                  answers: ["staff_ai_tools": .choice("none"), "ai_pilots": .number(0)], agents: [], stage: 0, flags: []),
    PlacementCase(name: "staff use tools ad hoc, unmeasured: Stage 1 with soft gains",
                  answers: ["staff_ai_tools": .choice("ad_hoc")], agents: [], stage: 1, flags: ["soft_gains"]),
    PlacementCase(name: "standardised tools with measured gains: Stage 1, no flags",
                  answers: ["staff_ai_tools": .choice("standardized"), "tool_gains_measured": yes], agents: [], stage: 1, flags: []),
    PlacementCase(name: "one pilot and nothing live: Stage 1, pilot graveyard",
                  answers: ["ai_pilots": .number(1)], agents: [], stage: 1, flags: ["pilot_graveyard"]),
    PlacementCase(name: "an agent in production missing monitoring: Stage 2 in reach, gate gaps",
                  answers: ["ai_pilots": .number(1)], agents: [Build.agent("Invoice agent", .production, missing: [.monitoring])],
                  stage: 1, flags: ["gate_gaps"]),
    PlacementCase(name: "a gated agent in production: Stage 2",
                  answers: ["ai_pilots": .number(1)], agents: [Build.gated("Order entry agent")], stage: 2, flags: []),
    PlacementCase(name: "owner bar ticked but no owner named: not gated, orphaned",
                  answers: ["ai_pilots": .number(1)], agents: [Build.agent("Quote agent", .production, owner: "")],
                  stage: 1, flags: ["orphaned_agent", "gate_gaps"]),
    PlacementCase(name: "four gated agents that ship slowly: Stage 2, not yet a portfolio",
                  answers: ["ai_pilots": .number(4), "new_agent_ships_in_weeks": no, "every_agent_reports_dollars": yes],
                  agents: (1...4).map { Build.gated("Agent \($0)") }, stage: 2, flags: ["not_yet_portfolio"]),
    PlacementCase(name: "three gated agents, fast, all reporting: Stage 3",
                  answers: portfolioAnswers, agents: threeGated, stage: 3, flags: []),
    PlacementCase(name: "three gated plus a running agent with no dollars: sprawl, Stage 2",
                  answers: portfolioAnswers,
                  agents: threeGated + [Build.agent("Silent agent", .autoWithExceptions, reportsDollars: false)],
                  stage: 2, flags: ["sprawl_risk"]),
    PlacementCase(name: "every-agent-reports answered no: not Stage 3 even with three gated agents",
                  answers: portfolioAnswers.merging(["every_agent_reports_dollars": no]) { $1 },
                  agents: threeGated, stage: 2, flags: []),
    PlacementCase(name: "line-level AI funded at Stage 1: skipping steps",
                  answers: ["staff_ai_tools": .choice("standardized"), "tool_gains_measured": yes, "line_level_ai_funded": yes],
                  agents: [], stage: 1, flags: ["skipping_steps"]),
    PlacementCase(name: "core-decision AI claimed on a one-agent base: Stage 2, skipping steps",
                  answers: ["ai_pilots": .number(1), "ai_in_core_decisions": yes],
                  agents: [Build.gated("Order entry agent")], stage: 2, flags: ["skipping_steps"]),
    PlacementCase(name: "a line-side pilot before the portfolio: skipping steps",
                  answers: ["staff_ai_tools": .choice("standardized"), "tool_gains_measured": yes],
                  agents: [Build.agent("Vision inspection", .shadow, side: .line)], stage: 1, flags: ["skipping_steps"]),
    PlacementCase(name: "core decisions on a Stage 3 base: Stage 4, not skipping",
                  answers: portfolioAnswers.merging(["ai_in_core_decisions": yes]) { $1 }, agents: threeGated, stage: 4, flags: []),
    PlacementCase(name: "AI in the product on a Stage 3 base: Stage 4",
                  answers: portfolioAnswers.merging(["ai_in_product": yes]) { $1 }, agents: threeGated, stage: 4, flags: []),
    PlacementCase(name: "four pilots and one agent live: three stalled pilots, a graveyard",
                  answers: ["ai_pilots": .number(4)], agents: [Build.gated("Order entry agent")], stage: 2, flags: ["pilot_graveyard"]),
    PlacementCase(name: "two pilots and one agent live: one stall is not yet a graveyard",
                  answers: ["ai_pilots": .number(2)], agents: [Build.gated("Order entry agent")], stage: 2, flags: []),
    PlacementCase(name: "two agents in production, new ones take quarters: not yet a portfolio",
                  answers: ["ai_pilots": .number(2)], agents: [Build.gated("A"), Build.gated("B")], stage: 2, flags: ["not_yet_portfolio"]),
]

@Suite("Placement rules")
struct PlacementTests {
    @Test(arguments: placementCases)
    func placesAndFlags(_ row: PlacementCase) {
        let placement = Placement.place(Build.assessment(row.answers, agents: row.agents), questionnaire: Repo.questionnaire)
        #expect(placement.stage == row.stage)
        #expect(placement.flags.map(\.id).sorted() == row.flags.sorted())
    }

    @Test func unknownAnswersAreListedInQuestionnaireOrder() {
        let placement = Placement.place(Build.assessment(["staff_ai_tools": .choice("ad_hoc")]), questionnaire: Repo.questionnaire)
        #expect(placement.unknownAnswers.first == "tool_gains_measured")
        #expect(!placement.unknownAnswers.contains("staff_ai_tools"))
        // Questions about agents cannot apply to a company with none: they are not "unknown".
        #expect(placement.unknownAnswers.count == Repo.questionnaire.questions.filter { !$0.needsAgents }.count - 1)
        #expect(!placement.unknownAnswers.contains("portfolio_owner"))
    }

    @Test func evidenceNamesTheAnswerBehindEachRule() {
        let placement = Placement.place(Build.assessment(["staff_ai_tools": .choice("ad_hoc")]), questionnaire: Repo.questionnaire)
        let first = placement.evidence.first { $0.id == "ai_in_use" }
        #expect(first?.passed == true)
        #expect(say(first?.basis)?.contains("Staff use of AI tools: some people use them on their own") == true)
        #expect(say(first?.basis)?.contains("_") == false)
        let gate = placement.evidence.first { $0.id == "gated_agent_in_production" }
        #expect(gate?.passed == false)
        #expect(say(gate?.basis) == "no agents listed")
    }

    @Test func gateGapsSayWhichBarsWouldMoveTheStage() {
        let agents = [Build.agent("Invoice agent", .production, missing: [.monitoring, .humanHandoff])]
        let placement = Placement.place(Build.assessment(["ai_pilots": .number(1)], agents: agents), questionnaire: Repo.questionnaire)
        #expect(placement.moveUp?.toStage == 2)
        #expect(placement.moveUp?.facts.map { say($0) } == ["Invoice agent clears the bars it misses: hands low-confidence cases to a person and monitoring "
                                                            + "that catches drift"])
    }

    /// Any one bar missing, on its own, keeps a production agent below Stage 2, and the way up
    /// names that bar by its label (from the questionnaire, not the id).
    @Test(arguments: EngineGateBar.allCases)
    func eachBarMissingAloneKeepsTheAgentUngated(_ bar: EngineGateBar) throws {
        let agents = [Build.agent("Invoice agent", .production, missing: [bar])]
        let placement = Placement.place(Build.assessment(["ai_pilots": .number(1)], agents: agents), questionnaire: Repo.questionnaire)
        let label = try #require(Repo.questionnaire.gateBars.first { $0.id == bar.rawValue }?.label)
        #expect(placement.stage == 1)
        #expect(placement.flags.map(\.id).contains("gate_gaps"))
        #expect(placement.moveUp?.facts.map { say($0) } == ["Invoice agent clears the bar it misses: \(label.prefix(1).lowercased() + label.dropFirst())"])
    }

    /// A bar the questionnaire adds is a bar the agent must clear: the rule reads the list.
    @Test func aSixthGateBarInTheQuestionnaireIsRequired() {
        var q = Repo.questionnaire
        q.gateBars.append(GateBar(id: "security_review", label: "Passed a security review"))
        let agent = Build.gated("Order entry agent")
        let unticked = Placement.place(Build.assessment(["ai_pilots": .number(1)], agents: [agent]), questionnaire: q)
        #expect(unticked.stage == 1)
        #expect(unticked.moveUp?.facts.map { Repo.words.for(currency: "USD",
                                                            questionnaire: q).say($0) } == ["Order entry agent clears the bar it misses: "
                                                                                            + "passed a security review"])
        var ticked = agent
        ticked.gate["security_review"] = true
        let cleared = Placement.place(Build.assessment(["ai_pilots": .number(1)], agents: [ticked]), questionnaire: q)
        #expect(cleared.stage == 2)
    }

    @Test func stageZeroMoveUpIsOneToolOrOnePilot() {
        let placement = Placement.place(Build.assessment(), questionnaire: Repo.questionnaire)
        #expect(placement.moveUp?.toStage == 1)
        #expect(placement.moveUp?.facts.count == 1)
        #expect(say(placement.moveUp?.facts.first) == "Put an AI tool in staff hands, or run one AI pilot")
    }

    @Test func stageTwoMoveUpListsOnlyTheFailingStageThreeRules() {
        let answers: [String: Answer] = ["ai_pilots": .number(1), "new_agent_ships_in_weeks": yes, "every_agent_reports_dollars": yes]
        let placement = Placement.place(Build.assessment(answers, agents: [Build.gated("A")]), questionnaire: Repo.questionnaire)
        #expect(placement.moveUp?.toStage == 3)
        #expect(placement.moveUp?.facts.map { say($0) } == ["2 more agents in production clearing all five bars (1 of 3 today)"])
    }

    @Test func stageFourHasNothingAbove() {
        let answers = portfolioAnswers.merging(["ai_in_product": yes]) { $1 }
        #expect(Placement.place(Build.assessment(answers, agents: threeGated), questionnaire: Repo.questionnaire).moveUp == nil)
    }
}
