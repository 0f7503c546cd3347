import MaturityCore
import MaturityTestSupport
import Testing

@Suite("The next move and the 90-day plan")
struct PlanTests {
    let q = Repo.questionnaire

    func evaluate(_ answers: [String: Answer] = ["staff_ai_tools": .choice("ad_hoc")], agents: [Agent] = [],
                  processes: [InventoryProcess], start: Day? = nil) -> Evaluation {
        Evaluation(Build.assessment(answers, agents: agents, processes: processes, planStartsOn: start), questionnaire: q)
    }

    @Test func stageOneShipsTheTopRankedOfficeUseCaseWithItsOwner() {
        let e = evaluate(processes: [Build.process("Supplier follow-up", hours: 30, owner: "Sam Ortiz"),
                                     Build.process("Invoice matching", hours: 50, owner: "Lee Chan")])
        #expect(e.placement.stage == 1)
        #expect(e.plan.nextMove.kind == .shipFirstAgent)
        #expect(e.plan.nextMove.useCase == "Invoice matching")
        #expect(e.plan.nextMove.owner == "Lee Chan")
        // The operations owner owns the rungs; IT or the integrator owns the build.
        #expect(e.plan.steps.filter { $0.rung != "build" }.allSatisfy { $0.owner == "Lee Chan" })
        #expect(e.plan.steps.first { $0.rung == "build" }?.owner.text == "IT or the integrator")
    }

    @Test func stepsAreDatedFromPlanStartAndFillNinetyDays() {
        let start = Day(iso: "2026-12-01")!
        let e = evaluate(processes: [Build.process("Supplier follow-up", volume: 400)], start: start)
        let steps = e.plan.steps
        // No pilot yet: the build (three weeks, 15 working days) comes first with the set-up beside
        // it; then shadow 10 working days, approve-each 15, auto 20, each on working days.
        #expect(steps.map(\.id) == ["build", "setup", "shadow", "approve_each", "auto_with_exceptions", "go_no_go", "production_owned"])
        #expect(steps.map(\.start.iso) == ["2026-12-01", "2026-12-01", "2026-12-22", "2027-01-05", "2027-01-26", "2027-02-22", "2027-02-23"])
        #expect(steps.map(\.end.iso) == ["2026-12-21", "2026-12-07", "2027-01-04", "2027-01-25", "2027-02-22", "2027-02-22", "2027-02-26"])
        #expect(steps.allSatisfy { (1...5).contains($0.start.isoWeekday) && (1...5).contains($0.end.isoWeekday) })
        #expect(start.days(until: e.plan.end) == 89)
        #expect(steps[2].gate.contains("500 real cases"))
        #expect(!e.allFlags.map(\.id).contains("low_volume_for_shadow"))
    }

    @Test func planDefaultsToTheAssessmentDate() {
        let e = evaluate(processes: [Build.process("Supplier follow-up")])
        #expect(e.plan.steps.first?.start == Build.day)
    }

    @Test func lowVolumeStretchesTheShadowStageToReachFiveHundredCases() {
        let e = evaluate(processes: [Build.process("Quote prep", hours: 40, volume: 120)], start: Day(iso: "2026-12-01")!)
        #expect(e.plan.shadowWeeks == 5)                       // 500 ÷ 120 = 4.2, so 5 weeks
        let shadow = e.plan.steps.first { $0.id == "shadow" }
        #expect(shadow?.start.iso == "2026-12-22")
        #expect(shadow?.end.iso == "2027-01-19")                // 21 working days
        #expect(shadow?.gate.contains("take 5 weeks") == true)
        #expect(e.allFlags.map(\.id).contains("low_volume_for_shadow"))
        #expect(Day(iso: "2026-12-01")!.days(until: e.plan.end) > 89)
    }

    @Test func unknownVolumeKeepsTheShadowRungAndSaysToCountTheCases() {
        // 80 hours a week keeps the return above 3x with the run cost at its unknown-volume estimate.
        let e = evaluate(processes: [Build.process("Quote prep", hours: 80, volume: nil)], start: Day(iso: "2026-12-01")!)
        #expect(e.plan.nextMove.useCase == "Quote prep")
        let shadow = e.plan.steps.first { $0.id == "shadow" }
        #expect(shadow?.start.iso == "2026-12-22")
        #expect(shadow?.end.iso == "2027-01-04")                // the rung's own two weeks (10 working days), not stretched
        #expect(shadow?.gate.contains("weekly volume unknown") == true)
        #expect(shadow?.gate.contains("until 500 are in") == true)
    }

    /// The case count and the return bar are read from the questionnaire: a copy that asks for
    /// 300 cases and 2x changes the rung's length and every sentence that states them.
    @Test func theShadowCaseCountAndReturnBarComeFromTheQuestionnaire() {
        var edited = q
        edited.parameters.shadowGate.minCases = 300
        let shadowIndex = edited.parameters.trustLadder.firstIndex { $0.id == "shadow" }!
        edited.parameters.trustLadder[shadowIndex].minCases = 300
        #expect(edited.engineProblems().isEmpty)
        edited.parameters.roiMinimum = 2
        let a = Build.assessment(["staff_ai_tools": .choice("ad_hoc")], processes: [Build.process("Quote prep", hours: 40, volume: 120)],
                                 planStartsOn: Day(iso: "2026-12-01")!)
        let e = Evaluation(a, questionnaire: edited)
        #expect(e.plan.shadowWeeks == 3)                       // 300 ÷ 120 = 2.5, so 3 weeks (500 would need 5)
        let shadow = e.plan.steps.first { $0.id == "shadow" }
        #expect(shadow?.gate.contains("300 real cases") == true)
        #expect(shadow?.gate.contains("500") == false)
        let goNoGo = e.plan.steps.first { $0.id == "go_no_go" }
        #expect(goNoGo?.gate.contains("Economics") == true)
        #expect(e.plan.goNoGo.first { $0.id == "economics" }?.question.contains("at least 2x its run cost") == true)
        #expect(e.plan.goNoGo.allSatisfy { !$0.question.contains("3x") && !$0.question.contains("{") })
    }

    /// The inventory size and the line-level portfolio size are parameters too.
    @Test func inventoryAndPortfolioSizesComeFromTheQuestionnaire() {
        var edited = q
        edited.parameters.inventoryMinProcesses = 8
        let empty = Evaluation(Build.assessment(["ai_pilots": .number(1)], agents: [Build.gated("Order entry agent")]), questionnaire: edited)
        #expect(empty.plan.nextMove.kind == .buildInventory)
        #expect(empty.plan.nextMove.detail.contains("List eight to sixteen,"))
        #expect(empty.plan.steps.first?.gate.hasPrefix("At least 8 processes") == true)
        let shipped = Evaluation(Build.assessment(["ai_pilots": .number(1)], agents: [Build.gated("Order entry agent")]), questionnaire: q)
        #expect(shipped.plan.nextMove.detail.contains("List ten to twenty,"))

        edited.parameters.linePortfolioMin = 3
        edited.parameters.linePortfolioMax = 6
        let stage4 = portfolioAnswersForStageFour()
        let line = Evaluation(Build.assessment(stage4, agents: (1...3).map { Build.gated("Agent \($0)") }), questionnaire: edited)
        #expect(line.placement.stage == 4)
        #expect(line.plan.nextMove.title.contains("3 to 6 line-level use cases"))
        #expect(line.plan.nextMove.detail.contains("Choose three to six line or product use cases"))
    }

    private func portfolioAnswersForStageFour() -> [String: Answer] {
        ["staff_ai_tools": .choice("standardized"), "tool_gains_measured": .yesNo(true), "ai_pilots": .number(3),
         "new_agent_ships_in_weeks": .yesNo(true), "every_agent_reports_dollars": .yesNo(true), "ai_in_core_decisions": .yesNo(true)]
    }

    @Test func theQuestionnaireCheckRefusesAnUnknownPlaceholderAndTwoCaseCounts() {
        var edited = q
        edited.parameters.shadowGate.minCases = 300          // the shadow rung still says 500
        edited.parameters.goNoGo[0].question = "Accuracy: above {slo_target} for weeks?"
        let problems = edited.engineProblems()
        #expect(problems.contains(.shadowCasesDiffer(rung: 500, gate: 300)))
        #expect(problems.contains(.unknownParameterPlaceholder(path: "parameters.go_no_go.accuracy", name: "slo_target",
                                                               allowed: q.parameters.placeholderValues().keys.sorted())))
        #expect(problems.first { $0.path == "parameters.trust_ladder.shadow.min_cases" }?.message
                == "the shadow rung asks for 500 cases but shadow_gate.min_cases is 300; the plan and the ladder must count the same cases, "
                   + "so set both to one number")
        #expect(q.engineProblems().isEmpty)
    }

    @Test func noOwnerCandidateMeansNameAnOwner() {
        let e = evaluate(processes: [Build.process("Supplier follow-up", owner: nil)])
        #expect(e.plan.nextMove.owner == "name an owner")
        #expect(e.plan.steps.filter { $0.rung != "build" }.allSatisfy { $0.owner == "name an owner" })
    }

    @Test func stageTwoClosesTheLiveAgentsGapsBeforeTheNextAgent() {
        var gated = Build.gated("Order entry agent")
        gated.process = "Customer PO entry"
        let agents = [gated, Build.agent("Invoice agent", .production, missing: [.monitoring])]
        let e = evaluate(["ai_pilots": .number(2)], agents: agents,
                         processes: [Build.process("Customer PO entry", hours: 45), Build.process("Supplier follow-up")])
        #expect(e.placement.stage == 2)
        #expect(e.plan.nextMove.kind == .closeGateGaps)
        #expect(e.plan.nextMove.agent == "Invoice agent")
        #expect(e.plan.nextMove.title == "Close Invoice agent's gate gap: monitoring that catches drift")
        #expect(e.plan.nextMove.then == "Supplier follow-up")
        #expect(e.plan.steps.first?.id == "close_gate_gaps")
        #expect(e.plan.steps.map(\.id).contains("next_shadow"))
    }

    @Test func stageThreeInstallsGovernanceWithDatedHabits() {
        let answers: [String: Answer] = ["ai_pilots": .number(3), "new_agent_ships_in_weeks": .yesNo(true),
                                         "every_agent_reports_dollars": .yesNo(true)]
        let e = evaluate(answers, agents: (1...3).map { Build.gated("Agent \($0)") }, processes: [], start: Day(iso: "2027-01-04")!)
        #expect(e.placement.stage == 3)
        #expect(e.plan.nextMove.kind == .installGovernance)
        // Parallel tracks with dates: the owner in week 1, three monthly value reviews, the first
        // kill-or-scale at the quarter's end; every week of the quarter has a track running.
        #expect(e.plan.steps.map(\.id) == ["portfolio_owner", "value_review_1", "marginal_cost", "gate_review", "kill_or_scale_prep",
                                           "value_review_2", "value_review_3", "kill_or_scale"])
        #expect(e.plan.steps.first?.end.iso == "2027-01-08")
        #expect(e.plan.steps.first { $0.id == "value_review_1" }?.end.iso == "2027-02-01")     // day 27 is a Sunday
        #expect(e.plan.steps.last?.start.iso == "2027-03-29")
        let start = Day(iso: "2027-01-04")!
        for week in 0..<13 {
            let monday = start.adding(days: week * 7)
            #expect(e.plan.steps.contains { $0.start <= monday.adding(days: 4) && $0.end >= monday }, "week \(week + 1) is empty")
        }
    }

    @Test func stageFourFundsTheLinePortfolioStartingWithTheTopLineUseCase() {
        let answers: [String: Answer] = ["ai_pilots": .number(3), "new_agent_ships_in_weeks": .yesNo(true),
                                         "every_agent_reports_dollars": .yesNo(true), "ai_in_core_decisions": .yesNo(true)]
        let e = evaluate(answers, agents: (1...3).map { Build.gated("Agent \($0)") },
                         processes: [Build.process("Predictive maintenance", hours: 80, volume: 900, side: .line)])
        #expect(e.placement.stage == 4)
        #expect(e.plan.nextMove.kind == .lineLevelPortfolio)
        #expect(e.plan.nextMove.useCase == "Predictive maintenance")
    }

    @Test func emptyInventoryAtStageOneStandardisesToolsAndAsksForTheInventory() {
        let e = evaluate(processes: [])
        #expect(e.plan.nextMove.kind == .standardiseTools)
        #expect(e.plan.steps.map(\.id) == ["standardise_tools", "measure_gains", "inventory"])
    }

    @Test func emptyInventoryAtStageTwoAsksForTheInventory() {
        let e = evaluate(["staff_ai_tools": .choice("ad_hoc")], agents: [Build.gated("Order entry agent")], processes: [])
        #expect(e.placement.stage == 2)
        #expect(e.plan.nextMove.kind == .buildInventory)
        #expect(e.plan.steps.first?.id == "inventory")
    }

    @Test func costOfDelayIsAQuarterOfNetValue() throws {
        let e = evaluate(processes: [Build.process("Supplier follow-up")])
        let u = try #require(e.useCases.first)
        #expect(e.plan.nextMove.costOfDelayPerQuarter == (u.annualValue - u.annualRunCost) / 4)
    }

    /// A move that costs more to run than it returns (only possible with a return bar under 1x)
    /// loses nothing by waiting: the cost of delay is zero, never negative.
    @Test func costOfDelayIsZeroWhenTheRunCostExceedsTheValue() throws {
        var lenient = q
        lenient.parameters.roiMinimum = 0.01
        let a = Build.assessment(["staff_ai_tools": .choice("ad_hoc")], processes: [Build.process("Fax filing", hours: 1, volume: 400)])
        let e = Evaluation(a, questionnaire: lenient)
        let u = try #require(e.useCases.first)
        #expect(u.annualRunCost > u.annualValue)
        #expect(e.plan.nextMove.useCase == "Fax filing")
        #expect(e.plan.nextMove.costOfDelayPerQuarter == 0)
    }
}

@Suite("Calendar days")
struct DayTests {
    @Test(arguments: ["2026-11-20", "2024-02-29", "2000-01-01", "1999-12-31"])
    func roundTrips(_ iso: String) throws {
        let d = try #require(Day(iso: iso))
        #expect(d.iso == iso)
        #expect(Day(daysSinceEpoch: d.daysSinceEpoch) == d)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "20261120", "2026-1-5", "next week"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func readsExcelDateSerials() {
        #expect(Day(excelSerial: 46346)?.iso == "2026-11-20")
        #expect(Day.isoText(excelSerial: 46346.5) == "2026-11-20T12:00:00")
        #expect(Day.isoText(excelSerial: 46346) == "2026-11-20")
        #expect(Day(excelSerial: -1) == nil)
        #expect(Day.isoText(excelSerial: 3e6) == "3000000.0")
    }

    @Test func addsAcrossMonthAndYearEnds() {
        #expect(Day(iso: "2026-12-25")!.adding(days: 7).iso == "2027-01-01")
        #expect(Day(iso: "2028-02-28")!.adding(days: 1).iso == "2028-02-29")
    }
}

@Suite("Number formatting")
struct FormatTests {
    @Test(arguments: [
        (0.5, 4, "0.5"), (12.0, 4, "12"), (0.08, 4, "0.08"), (-3.25, 4, "-3.25"), (1e-7, 4, "0"),
        (2.005, 2, "2.01"), (1_000_000.0, 0, "1000000"), (0.1 + 0.2, 4, "0.3"), (-0.00001, 2, "0"), (7.05, 1, "7.1"),
    ])
    func plainNumbers(value: Double, decimals: Int, expected: String) {
        #expect(Format.number(value, maxDecimals: decimals) == expected)
    }

    @Test func moneyRatiosAndPercents() {
        #expect(Format.money(67392.4, currency: "USD") == "$67,392")
        #expect(Format.money(-1500, currency: "EUR") == "-€1,500")
        #expect(Format.money(999, currency: "CHF") == "999 CHF")
        #expect(Format.ratio(1) == "1.0x")
        #expect(Format.ratio(3.94) == "3.9x")
        #expect(Format.multiple(3) == "3x")
        #expect(Format.percent(0.92) == "92%")
        #expect(Format.percent(0.125) == "12.5%")
    }
}

/// The questionnaire check names each kind of problem as a case.
@Suite("Questionnaire problems, by kind")
struct QuestionnaireProblemTests {
    let q = Repo.questionnaire

    @Test func eachEditIsTheProblemItNames() {
        var noBar = q
        noBar.gateBars.removeAll { $0.id == EngineGateBar.monitoring.rawValue }
        #expect(noBar.engineProblems() == [.missingGateBar(EngineGateBar.monitoring.rawValue)])

        var twice = q
        twice.questions.append(twice.questions[0])
        #expect(twice.engineProblems() == [.duplicateID(list: "questions", id: twice.questions[0].id)])

        var reordered = q
        reordered.parameters.trustLadder.swapAt(1, 2)
        #expect(reordered.engineProblems() == [.rungsOutOfOrder])

        var share = q
        share.parameters.automatableShare = 1.5
        #expect(share.engineProblems() == [.automatableShare(1.5)])

        var days = q
        days.parameters.planDays = 5
        #expect(days.engineProblems().contains { if case .outOfRange(path: "plan_days", value: 5, _, _) = $0 { return true }; return false })
    }
}
