import MaturityCore
import MaturityTestSupport
import Testing

@Suite("A draft becomes an assessment")
struct DraftTests {
    func draft() -> Draft {
        var d = Draft(questionnaireID: "ai-maturity-manufacturing")
        d.name = "Acme & Sons"
        d.currency = "eur"
        d.loadedHourlyRate = 48
        d.assessedOn = Day(iso: "2026-11-20")
        d.answers = ["staff_ai_tools": .choice("ad_hoc"), "ai_pilots": Answer?.none]
        d.processes = [Build.process("Supplier follow-up")]
        return d
    }

    @Test func aCompleteDraftIsTheAssessmentItStates() throws {
        let a = try draft().assessment()
        #expect(a.organization.name == "Acme & Sons")
        #expect(a.organization.currency == "EUR")
        #expect(a.answers == ["staff_ai_tools": .choice("ad_hoc")], "a skipped answer is left out: unknown counts as no")
        #expect(a.processes.map(\.name) == ["Supplier follow-up"])
    }

    @Test func eachMissingKeyIsNamed() throws {
        var noName = draft()
        noName.name = nil
        #expect(throws: DraftIncomplete(missing: ["organization.name"])) { try noName.assessment() }
        var noDate = draft()
        noDate.assessedOn = nil
        #expect(throws: DraftIncomplete(missing: ["assessed_on"])) { try noDate.assessment() }
        noDate.name = nil
        #expect(throws: DraftIncomplete(missing: ["organization.name", "assessed_on"])) { try noDate.assessment() }
    }

    @Test func processesNeedAnHourlyRate() {
        var d = draft()
        d.loadedHourlyRate = nil
        #expect(throws: DraftIncomplete(missing: ["organization.loaded_hourly_rate"])) { try d.assessment() }
        d.processes = []
        #expect(throws: Never.self) { try d.assessment() }
    }

    @Test func anIncompleteDraftExitsAsBadData() {
        #expect(DraftIncomplete(missing: ["assessed_on"]).exitCode == ExitStatus.dataError)
    }
}
