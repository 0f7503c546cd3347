import Foundation
@testable import MaturityCLI
import MaturityCore
import MaturityStore
import MaturityTestSupport
import Testing

/// One rule for what is unknown: a process typed as one line and the same process imported from a
/// sheet get the questionnaire's assumptions, marked assumed, and score the same.
@Suite("One rule for what is unknown")
struct UnknownRuleTests {
    func score(_ p: InventoryProcess) -> UseCase? {
        let a = Assessment(questionnaireID: "ai-maturity-manufacturing",
                           organization: Organization(name: "Acme", loadedHourlyRate: 48), assessedOn: Day(iso: "2026-11-20")!,
                           processes: [p])
        return Scoring.score(a, questionnaire: Repo.questionnaire, stage: 1).first
    }

    @Test func quotePrepTypedAndImportedScoreTheSame() throws {
        let q = Repo.questionnaire
        let dir = try temporaryDirectory()
        var draft = Draft(questionnaireID: q.id)
        draft.processes = [ProcessLine.parse("Quote prep, 40h, 300/wk, ERP", questionnaire: q)]
        let interview = Interview(terminal: ScriptedTerminal([]), questionnaire: q, path: "\(dir)/a.yaml", draft: draft,
                                  previous: nil, today: Day(iso: "2026-11-20")!)
        interview.applyDefaults(0)
        let typed = interview.draft.processes[0]

        try "Name,Hours per week,Volume per week,System\nQuote preparation,40,300,ERP\n".write(toFile: "\(dir)/q.csv", atomically: true, encoding: .utf8)
        let imported = try InventoryImporter.read(path: "\(dir)/q.csv", questionnaire: q)
        let merged = try InventoryImporter.merge(imported, into: [], replace: false, file: "q.csv")
        let sheet = merged.processes[0]

        #expect(typed.assumed == ["write_back", "input_structure", "exception_share", "high_severity_errors_possible"])
        #expect(sheet.assumed == typed.assumed)
        #expect(merged.assumedFields == 4)
        let a = try #require(score(typed)), b = try #require(score(sheet))
        #expect(a.feasibility == b.feasibility)
        // 20 erp + 20 api + 10 semi + 12 at 10% exceptions + 15 no line-stopping errors + 0 no owner + 5 office
        #expect(a.feasibility == 82)
        #expect(a.annualValue == b.annualValue)
        #expect(a.quadrant == b.quadrant)
        #expect(a.quadrant == .quickWin)
        // The report says each assumption as one: "api (assumed)".
        let writeBack = try #require(b.factors.first { $0.id == "write_back" })
        #expect(writeBack.answer == Phrase("answer.assumed", ["answer": .phrase(.verbatim("api"))]))
    }

    @Test func aStatedValueIsNoLongerAssumed() throws {
        var p = InventoryProcess(name: "Quote prep", hoursPerWeek: 40, systemOfRecord: "erp")
        Repo.questionnaire.parameters.assumedWhenUnknown.fill(&p)
        let row = ProcessRow(row: 2, name: "Quote prep", inputStructure: "structured")
        let merged = try InventoryMerge.merge([row], into: [p], replace: false, file: "x.csv",
                                              assumptions: Repo.questionnaire.parameters.assumedWhenUnknown)
        #expect(merged.processes[0].inputStructure == "structured")
        #expect(merged.processes[0].assumed == ["write_back", "exception_share", "high_severity_errors_possible"])
        // A new system re-assumes the write-back path from it.
        let moved = try InventoryMerge.merge([ProcessRow(row: 2, name: "Quote prep", systemOfRecord: "email")], into: [p], replace: false,
                                             file: "x.csv", assumptions: Repo.questionnaire.parameters.assumedWhenUnknown)
        #expect(moved.processes[0].writeBack == "manual")
        #expect(moved.processes[0].isAssumed("write_back"))
    }
}
