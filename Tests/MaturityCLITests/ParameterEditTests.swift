import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// Every number the engine uses comes from the questionnaire. Each row edits one parameter in a
/// copy of the shipped file, evaluates the demo company with it, and finds the change where a
/// reader would: in the placement, the plan, or the words of the report.
@Suite("Each parameter, edited, changes what the report says")
struct ParameterEditTests {
    struct Outcome {
        var evaluation: Evaluation
        var markdown: String
        var text: String
    }

    static let demo = Repo.path("docs/demo/hartwell-precision.yaml")

    func outcome(replacing old: String, with new: String, file: String = demo) throws -> Outcome {
        let shipped = try FileStore().readText(Repo.path("questionnaires/ai-maturity-manufacturing.yaml"))
        #expect(shipped.contains(old), "the edit applies: \(old)")
        let q = try QuestionnaireLoader.load(text: shipped.replacingOccurrences(of: old, with: new), file: "edited.yaml")
        let loaded = try FileStore().loadAssessment(file, questionnaireOverride: q)
        let e = Evaluation(loaded.assessment, questionnaire: q)
        let renderer = Renderer(templates: ContentLibrary.files(under: "templates"), words: Repo.words)
        return Outcome(evaluation: e, markdown: try renderer.render(e, as: .md), text: try renderer.render(e, as: .text))
    }

    var baseline: Outcome { get throws { try outcome(replacing: "plan_days: 90", with: "plan_days: 90") } }

    @Test func theReturnBar() throws {
        let before = try baseline, after = try outcome(replacing: "  roi_minimum: 3\n", with: "  roi_minimum: 2.5\n")
        #expect(before.markdown.contains("at least 3x its run cost"))
        #expect(after.markdown.contains("at least 2.5x its run cost"))
        #expect(!after.markdown.contains("at least 3x its run cost"))
        #expect(after.evaluation.plan.goNoGo.contains { $0.question.contains("2.5x") })
    }

    @Test func theShadowGate() throws {
        let after = try outcome(replacing: "shadow_gate: {min_cases: 500, min_match: 0.90,", with: "shadow_gate: {min_cases: 300, min_match: 0.85,")
        let shadow = try #require(after.evaluation.plan.steps.first { $0.id.hasSuffix("shadow") })
        #expect(shadow.gate.contains("at least 85% of at least 300 real cases"))
        #expect(after.markdown.contains("at least 85% of at least 300 real cases"))
        #expect(!after.markdown.contains("500 real cases"))
    }

    @Test(arguments: [
        ("auto_approve_accuracy: 0.92", "auto_approve_accuracy: 0.93", "at least 93%"),
        ("page_owner_below: 0.90", "page_owner_below: 0.88", "below 88%"),
        ("rolling_window_transactions: 100", "rolling_window_transactions: 250", "rolling 250 transactions"),
        ("exception_queue_business_hours: 4", "exception_queue_business_hours: 6", "within 6 business hours"),
    ])
    func theSLO(_ old: String, _ new: String, _ said: String) throws {
        let before = try baseline, after = try outcome(replacing: old, with: new)
        #expect(!before.markdown.contains(said))
        #expect(after.markdown.contains(said), "the report's SLO says \(said)")
        let setup = try #require(after.evaluation.plan.steps.first { $0.id.hasSuffix("setup") })
        #expect(setup.gate.contains(said), "the plan's set-up gate writes the SLO with \(said)")
    }

    @Test(arguments: [
        ("automatable_share: 0.9", "automatable_share: 0.8", 0.8 / 0.9, "× 80%"),
        ("weeks_per_year: 52", "weeks_per_year: 48", 48.0 / 52.0, "× 48 weeks"),
    ])
    func theValueOfAnHour(_ old: String, _ new: String, _ ratio: Double, _ said: String) throws {
        let before = try baseline, after = try outcome(replacing: old, with: new)
        let was = try #require(before.evaluation.useCases.first { $0.name == "Customer PO entry" })
        let now = try #require(after.evaluation.useCases.first { $0.name == "Customer PO entry" })
        #expect(abs(now.annualValue - was.annualValue * ratio) < 0.01)
        #expect(after.markdown.contains(said))
    }

    /// A rung's weeks move every later step; the plan still ends on its 90th day.
    @Test func theLengthOfARung() throws {
        let acme = Repo.path("examples/acme.yaml")
        let before = try outcome(replacing: "plan_days: 90", with: "plan_days: 90", file: acme)
        let after = try outcome(replacing: "      title: \"Shadow: run on live volume, take no action\"\n      weeks: 2\n",
                                with: "      title: \"Shadow: run on live volume, take no action\"\n      weeks: 3\n", file: acme)
        func step(_ o: Outcome, _ id: String) throws -> PlanStep { try #require(o.evaluation.plan.steps.first { $0.id == id }) }
        // Two weeks of shadow are 10 working days, three weeks 15.
        let days = { (s: PlanStep) in BusinessCalendar().workdaysBetween(s.start, s.end) }
        #expect(days(try step(before, "shadow")) == 10)
        #expect(days(try step(after, "shadow")) == 15)
        #expect(try step(after, "auto_with_exceptions").start > (try step(before, "auto_with_exceptions").start))
        #expect(after.evaluation.plan.end == before.evaluation.plan.end)
        #expect(after.markdown.contains(try step(after, "shadow").end.iso))
        #expect(!before.markdown.contains(try step(after, "shadow").end.iso))
    }

    /// Acme in the third quarter has one agent through the gate and is at Stage 2: what it needs
    /// for Stage 3 counts the agents the questionnaire asks for.
    @Test func thePortfolioSize() throws {
        let acme = Repo.path("examples/acme-history/2026-q3.yaml")
        let before = try outcome(replacing: "plan_days: 90", with: "plan_days: 90", file: acme)
        let after = try outcome(replacing: "portfolio_min_agents: 3", with: "portfolio_min_agents: 5", file: acme)
        #expect(before.evaluation.placement.stage == after.evaluation.placement.stage)
        let was = try #require(before.evaluation.placement.moveUp?.facts.map { say($0) }.joined(separator: "; "))
        let now = try #require(after.evaluation.placement.moveUp?.facts.map { say($0) }.joined(separator: "; "))
        #expect(was.contains("of 3 today"))
        #expect(now.contains("of 5 today"))
        #expect(after.text.contains("of 5 today"))
    }

    @Test func theQuadrantLine() throws {
        let before = try baseline, after = try outcome(replacing: "quadrant: {high_value: 50000,", with: "quadrant: {high_value: 500000,")
        let was = try #require(before.evaluation.useCases.first)
        let now = try #require(after.evaluation.useCases.first)
        #expect(was.quadrant == .quickWin)
        #expect(now.quadrant != .quickWin, "no use case is worth $500,000 a year")
        #expect(before.markdown.contains("| 1 | Customer PO entry | $146,016 | $31,267 | 4.7x | 93/100 | Quick win |"))
        #expect(after.markdown.contains("| 1 | Customer PO entry | $146,016 | $31,267 | 4.7x | 93/100 | \(say(now.quadrant.label)) |"))
    }

    @Test func theHoursOfAFullTimeWeek() throws {
        let before = try baseline, after = try outcome(replacing: "hours_per_fte_week: 40", with: "hours_per_fte_week: 35")
        let was = try #require(before.evaluation.useCases.first), now = try #require(after.evaluation.useCases.first)
        #expect(abs(now.fteFreed - was.fteFreed * 40 / 35) < 0.0001)
        #expect(now.annualRunCost > was.annualRunCost, "an exception FTE of fewer hours costs more an hour")
    }

    @Test(arguments: [
        ("model_api_monthly: {min: 200, max: 2000,", "model_api_monthly: {min: 400, max: 2000,", "$400–$2,000 a month by volume"),
        ("monitoring_monthly: {min: 0, max: 500,", "monitoring_monthly: {min: 100, max: 500,", "monitoring ($100–$500 a month)"),
        ("exception_fte: {min: 0.1, max: 0.5}", "exception_fte: {min: 0.2, max: 0.5}", "exception handling (0.2–0.5 FTE)"),
    ])
    func theRunCostRanges(_ old: String, _ new: String, _ said: String) throws {
        let before = try baseline, after = try outcome(replacing: old, with: new)
        let was = try #require(before.evaluation.useCases.first), now = try #require(after.evaluation.useCases.first)
        #expect(now.annualRunCost > was.annualRunCost)
        #expect(after.markdown.contains(said))
        #expect(!before.markdown.contains(said))
    }

    @Test func maintenanceHours() throws {
        let before = try baseline,
            after = try outcome(replacing: "maintenance_hours_monthly: {structured: 4, semi: 6,", with: "maintenance_hours_monthly: {structured: 4, semi: 12,")
        let line = { (o: Outcome) in o.evaluation.useCases.first?.runCost.first { $0.id == "maintenance" }?.annual ?? 0 }
        #expect(line(before) > 0)
        #expect(abs(line(after) - 2 * line(before)) < 0.01, "Customer PO entry has semi-structured input")
    }

    @Test func feasibilityPoints() throws {
        let before = try baseline, after = try outcome(replacing: "system_of_record: {erp: 20,", with: "system_of_record: {erp: 10,")
        let was = try #require(before.evaluation.useCases.first { $0.name == "Customer PO entry" })
        let now = try #require(after.evaluation.useCases.first { $0.name == "Customer PO entry" })
        #expect(now.feasibility < was.feasibility)
        #expect(after.markdown.contains("\(now.feasibility)/100"))
    }

    @Test func theQuadrantFeasibilityLine() throws {
        let before = try baseline, after = try outcome(replacing: "high_feasibility: 60}", with: "high_feasibility: 95}")
        #expect(before.evaluation.useCases.first { $0.name == "Customer PO entry" }?.quadrant == .quickWin)
        #expect(after.evaluation.useCases.first { $0.name == "Customer PO entry" }?.quadrant == .bigBet, "93/100 is under the new line")
        #expect(after.evaluation.useCases.filter { $0.quadrant == .quickWin }.allSatisfy { $0.feasibility >= 95 })
    }

    /// The demo runs one agent in production without shared plumbing: with "several" set to one,
    /// that is already several, and the flag that says it is not yet a portfolio goes up.
    @Test func howManyAgentsCountAsSeveral() throws {
        let before = try baseline, after = try outcome(replacing: "several_agents: 2", with: "several_agents: 1")
        #expect(!before.evaluation.allFlags.contains { $0.id == "not_yet_portfolio" })
        #expect(after.evaluation.allFlags.contains { $0.id == "not_yet_portfolio" })
        #expect(after.text.contains("Not yet a portfolio"))
    }

    /// The demo has an agent in production and one pilot that never got there: under the shipped
    /// threshold of two that is no graveyard; at a threshold of one it is.
    @Test func stalledPilotsForTheGraveyard() throws {
        let shipped = "stalled_pilots_for_graveyard: 2\n    # ...and at least this share of all pilots run: two stalled beside four live is not a graveyard.\n"
                      + "    stalled_pilot_share_for_graveyard: 0.5"
        let before = try baseline
        let after = try outcome(replacing: shipped, with: shipped.replacingOccurrences(of: ": 2", with: ": 1").replacingOccurrences(of: "0.5", with: "0.3"))
        #expect(!before.evaluation.allFlags.contains { $0.id == "pilot_graveyard" })
        #expect(after.evaluation.allFlags.contains { $0.id == "pilot_graveyard" })
        #expect(after.markdown.contains("Pilot graveyard"))
    }

    /// One stalled pilot of the demo's three is a third: at the shipped share of a half that is no
    /// graveyard even at a threshold of one; at a share of 0.3 it is.
    @Test func theShareOfStalledPilots() throws {
        let shipped = "stalled_pilots_for_graveyard: 2\n    # ...and at least this share of all pilots run: two stalled beside four live is not a graveyard.\n"
                      + "    stalled_pilot_share_for_graveyard: 0.5"
        let one = shipped.replacingOccurrences(of: ": 2", with: ": 1")
        let before = try outcome(replacing: shipped, with: one)
        let after = try outcome(replacing: shipped, with: one.replacingOccurrences(of: "0.5", with: "0.3"))
        #expect(!before.evaluation.allFlags.contains { $0.id == "pilot_graveyard" })
        #expect(after.evaluation.allFlags.contains { $0.id == "pilot_graveyard" })
    }

    @Test func thePlanWindow() throws {
        let acme = Repo.path("examples/acme.yaml")
        let before = try outcome(replacing: "plan_days: 90", with: "plan_days: 90", file: acme)
        let after = try outcome(replacing: "plan_days: 90", with: "plan_days: 120", file: acme)
        #expect(before.evaluation.plan.start.days(until: before.evaluation.plan.end) + 1 == 90)
        #expect(after.evaluation.plan.start.days(until: after.evaluation.plan.end) + 1 == 120)
        #expect(after.markdown.contains(after.evaluation.plan.end.iso))
    }

    @Test func theLengthOfAMoveThatIsNotARung() throws {
        let before = try baseline, after = try outcome(replacing: "    close_gate_gaps: 2\n", with: "    close_gate_gaps: 3\n")
        let step = { (o: Outcome) in o.evaluation.plan.steps.first { $0.id == "close_gate_gaps" } }
        let was = try #require(step(before)), now = try #require(step(after))
        #expect(BusinessCalendar().workdaysBetween(was.start, was.end) == 10)
        #expect(BusinessCalendar().workdaysBetween(now.start, now.end) == 15)
    }

    @Test func theOwnersDuties() throws {
        let acme = Repo.path("examples/acme.yaml")
        let after = try outcome(replacing: "    - clear the exception queue or route it\n", with: "    - clear the exception queue by noon\n", file: acme)
        #expect(after.evaluation.plan.steps.contains { $0.gate.text.contains("clear the exception queue by noon") })
        #expect(after.markdown.contains("clear the exception queue by noon"))
    }

    @Test func highSeverityErrorsAllowed() throws {
        let before = try baseline, after = try outcome(replacing: "high_severity_errors_allowed: 0", with: "high_severity_errors_allowed: 1")
        #expect(before.markdown.contains("zero; they always escalate"))
        #expect(after.markdown.contains("at most 1"))
    }

    @Test func theShadowRungsVolumeLine() throws {
        let acme = Repo.path("examples/acme.yaml")
        let before = try outcome(replacing: "plan_days: 90", with: "plan_days: 90", file: acme)
        let after = try outcome(replacing: "low_volume_per_week: 250}", with: "low_volume_per_week: 5000}", file: acme)
        let was = try #require(before.evaluation.useCases.first), now = try #require(after.evaluation.useCases.first)
        #expect(!was.flags.contains("low_volume_for_shadow"))
        #expect(now.flags.contains("low_volume_for_shadow"), "\(now.name) runs under 5000 cases a week")
        #expect(after.markdown.contains("below 5000 cases a week it is stretched"))
    }

    @Test func aGoNoGoQuestion() throws {
        let acme = Repo.path("examples/acme.yaml")
        let after = try outcome(replacing: "- {id: economics, question: \"Economics: does it return at least",
                                with: "- {id: economics, question: \"Economics, checked by finance: does it return at least", file: acme)
        #expect(after.evaluation.plan.goNoGo.contains { $0.question.hasPrefix("Economics, checked by finance") })
        #expect(after.markdown.contains("Economics, checked by finance"))
    }
}
