import Foundation
import MaturityCore
import MaturityStore
import MaturityYAML
import MaturityTestSupport
import Testing

@Suite("Loading questionnaires")
struct QuestionnaireTests {
    static let shipped = Repo.path("questionnaires/ai-maturity-manufacturing.yaml")

    func shippedText() throws -> String { try FileStore().readText(Self.shipped) }

    /// The 1-based line of the shipped file that starts with `prefix`, so expectations follow edits to the file.
    func line(_ prefix: String) throws -> Int {
        let lines = try shippedText().split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    /// The shipped file with one edit, loaded as `q.yaml`.
    func messages(replacing old: String, with new: String) throws -> [String] {
        let text = try shippedText()
        #expect(text.contains(old), "fixture edit does not apply: \(old)")
        do {
            _ = try QuestionnaireLoader.load(text: text.replacingOccurrences(of: old, with: new), file: "q.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The gate's figures are the questionnaire's: a gated rung without them is refused, never defaulted in code.
    @Test func aGatedRungWithoutItsFiguresIsRefused() throws {
        let noWeeks = try messages(replacing: "      min_rate: 0.95\n      straight_weeks: 3\n", with: "      min_rate: 0.95\n")
        #expect(noWeeks.contains { $0.hasPrefix("q.yaml:") && $0.contains("rung \"auto_with_exceptions\" has no straight_weeks") }, "\(noWeeks)")
        let noRate = try messages(replacing: "      min_rate: 0.95\n      straight_weeks: 3\n", with: "      straight_weeks: 3\n")
        #expect(noRate.contains { $0.contains("rung \"auto_with_exceptions\" has no min_rate") }, "\(noRate)")
        #expect(Repo.questionnaire.parameters.autoGateRate == 0.95)
        #expect(Repo.questionnaire.parameters.autoStraightWeeks == 3)
    }

    /// The code's defaults stand in only for a questionnaire without these blocks: they are the file's numbers.
    @Test func theCodesDefaultsAreTheShippedFile() {
        let p = Repo.questionnaire.parameters
        #expect(LineLevelParameters() == p.lineLevel)
        #expect(BuildParameters() == p.build)
        #expect(p.lineLevel.unlocksAtStage == 3)
        #expect(MoveWeeks() == p.moveWeeks)
        #expect(StaffingParameters() == p.staffing)
        #expect(p.ownerDuties.count == 4)
    }

    @Test func theShippedQuestionnaireHasEverythingTheEngineNeeds() {
        let q = Repo.questionnaire
        #expect(q.stages.map(\.name) == ["Curious", "Assisted", "First Agent", "Portfolio", "Embedded"])
        #expect(q.gateBars.count == 5)
        #expect(q.parameters.roiMinimum == 3)
        #expect(q.parameters.shadowGate.minCases == 500)
        #expect(q.parameters.automatableShare == 0.9)
        #expect(q.parameters.slo.autoApproveAccuracy == 0.92)
        #expect(q.parameters.feasibility.maximum == 100)
        #expect(q.parameters.trustLadder.map(\.weeks) == [1, 2, 3, 4, 3])
        #expect(q.engineProblems().isEmpty)
        #expect(q.questions.allSatisfy { ($0.help ?? "").count > 20 }, "every question says why it matters")
    }

    /// Prose that states a count names it: a sixth gate bar and a smaller line portfolio change
    /// the governance question, the question prompt and the Stage 4 move, with no code touched.
    @Test func countsInTheProseFollowTheQuestionnaire() throws {
        let shipped = Repo.questionnaire
        #expect(shipped.governance.first { $0.id == "gate_review" }?.question == "Did it clear all five production bars?")
        #expect(shipped.stage(4)?.move.contains("five to twelve line-level use cases") == true)
        let text = try shippedText()
            .replacingOccurrences(of: "gate_bars:\n", with: "gate_bars:\n  - id: security_review\n    label: Passed a security review\n")
            .replacingOccurrences(of: "line_portfolio_max: 12", with: "line_portfolio_max: 10")
        let q = try QuestionnaireLoader.load(text: text, file: "q.yaml")
        #expect(q.gateBars.count == 6)
        #expect(q.governance.first { $0.id == "gate_review" }?.question == "Did it clear all six production bars?")
        #expect(q.question("gate_review_per_agent")?.prompt.contains("against the six production bars") == true)
        #expect(q.stage(4)?.move.contains("five to ten line-level use cases") == true)
        #expect(q.stages.flatMap { [$0.summary, $0.move, $0.trap] + $0.notYet.map(\.why) }.allSatisfy { !$0.contains("{") })
    }

    /// The shadow rung's case count and match rate live in shadow_gate alone: one edit there
    /// changes the rung, its gate sentence and the plan.
    @Test func theShadowRungCountsTheCasesShadowGateStates() throws {
        let text = try shippedText().replacingOccurrences(of: "shadow_gate: {min_cases: 500, min_match: 0.90,",
                                                          with: "shadow_gate: {min_cases: 300, min_match: 0.85,")
        let q = try QuestionnaireLoader.load(text: text, file: "q.yaml")
        let shadow = try #require(q.parameters.rung(.shadow))
        #expect(shadow.minCases == 300)
        #expect(shadow.minRate == 0.85)
        #expect(q.parameters.fill(shadow.gate, rung: shadow) == "Matches the person on at least 85% of at least 300 real cases")
        // A file that states the rung's own count must agree with shadow_gate.
        let both = text.replacingOccurrences(of: "      gate: Matches the person on at least {min_rate} of at least {min_cases} real cases\n",
                                             with: "      gate: Matches the person on at least {min_rate} of at least {min_cases} real cases\n"
                                                   + "      min_cases: 500\n")
        #expect(both != text)
        #expect(throws: ValidationFailure.self) { try QuestionnaireLoader.load(text: both, file: "q.yaml") }
    }

    @Test func aPlaceholderTheProseCannotNameIsRefusedWithItsLine() throws {
        let messages = try messages(replacing: "Did it clear all {gate_bar_count} production bars?", with: "Did it clear all {bar_count} production bars?")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("q.yaml:") == true)
        #expect(messages.first?.contains("{bar_count} is not a number this text can name; use one of") == true)
        #expect(messages.first?.contains("{gate_bar_count}") == true)
    }

    @Test func theBuiltInCopyMatchesTheFileInTheRepository() throws {
        #expect(ContentLibrary.files["questionnaires/ai-maturity-manufacturing.yaml"] == (try shippedText()))
    }

    @Test func aMissingEngineQuestionIsRefused() throws {
        let questions = try line("  - id: staff_ai_tools")
        #expect(try messages(replacing: "  - id: ai_in_product\n", with: "  - id: ai_in_products\n") == [
            "q.yaml:\(questions): error: question \"ai_in_product\" is missing; the placement rules read it (type yes_no)",
        ])
    }

    @Test func duplicateIdsAreRefused() throws {
        let questions = try line("  - id: staff_ai_tools")
        #expect(try messages(replacing: "  - id: tool_gains_measured\n", with: "  - id: staff_ai_tools\n") == [
            "q.yaml:\(questions): error: id \"staff_ai_tools\" is used more than once; ids must be unique",
            "q.yaml:\(questions): error: question \"tool_gains_measured\" is missing; the placement rules read it (type yes_no)",
        ])
    }

    @Test func aBadReferenceIsRefusedWithTheAllowedValues() throws {
        let table = try line("    system_of_record: {erp: 20,")
        #expect(try messages(replacing: "system_of_record: {erp: 20,", with: "system_of_record: {sap: 5, erp: 20,") == [
            "q.yaml:\(table): error: \"sap\" is not a choice of process field system_of_record; allowed: erp, mes, crm, spreadsheet, email, paper, none",
        ])
    }

    /// Core names a range's unit (`RangeUnit`); the words and the line come from here.
    @Test func aParameterOutOfRangeSaysItsUnitAndLine() throws {
        let hours = try line("    maintenance_hours_monthly:")
        #expect(try messages(replacing: "maintenance_hours_monthly: {structured: 4,", with: "maintenance_hours_monthly: {structured: 800,") == [
            "q.yaml:\(hours): error: run_cost.maintenance_hours_monthly.structured is 800; expected 0 to 744 hours a month",
        ])
        let share = try line("    page_owner_below:")
        #expect(try messages(replacing: "    page_owner_below: 0.90\n", with: "    page_owner_below: 9\n") == [
            "q.yaml:\(share): error: slo.page_owner_below is 9; expected 0 to 1 (a share: 0.9 is 90%)",
        ])
        let table = try line("    system_of_record: {erp: 20,")
        #expect(try messages(replacing: "system_of_record: {erp: 20,", with: "system_of_record: {erp: 2000,") == [
            "q.yaml:\(table): error: feasibility.system_of_record.erp is 2000; expected 0 to 1000",
        ])
    }

    @Test func everyProblemIsListedAtOnce() throws {
        var text = try shippedText()
        text = text.replacingOccurrences(of: "  - id: monitoring\n", with: "  - id: monitored\n")
        text = text.replacingOccurrences(of: "    - id: approve_each\n", with: "    - id: approve\n")
        text = text.replacingOccurrences(of: "mes: 20, ", with: "")
        do {
            _ = try QuestionnaireLoader.load(text: text, file: "q.yaml")
            Issue.record("a broken questionnaire loaded")
        } catch {
            let text = error.diagnostics.map(\.message)
            #expect(text.contains("gate bar \"monitoring\" is missing; the production gate has five bars"))
            #expect(text.contains("rung \"approve_each\" is missing; the plan climbs setup, shadow, approve_each, auto_with_exceptions, production_owned"))
            #expect(text.contains("no entry for \"mes\" (a choice of process field system_of_record); add it"))
        }
    }

    @Test func aMissingNumberIsAStructuralError() throws {
        let parameters = try line("  automatable_share:")
        #expect(try messages(replacing: "  roi_minimum: 3\n", with: "") == [
            "q.yaml:\(parameters): error: parameters.roi_minimum is missing; add it (a number)",
        ])
    }

    @Test func aNewerVersionIsRefusedByName() throws {
        #expect(try messages(replacing: "version: 1\nid:", with: "version: 7\nid:") == [
            "q.yaml:4: error: version is 7, newer than this maturity reads (1); upgrade maturity",
        ])
    }
}
