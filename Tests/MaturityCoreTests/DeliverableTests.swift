import MaturityCore
import MaturityTestSupport
import Testing

/// What a COO forwards: the first five in order, the people by week, the risks the process names.
@Suite("The deliverable: first five, staffing, risks")
struct DeliverableTests {
    func evaluate(_ processes: [InventoryProcess], start: String = "2026-03-02") -> Evaluation {
        var a = Build.assessment(["staff_ai_tools": .choice("standardized")], processes: processes, planStartsOn: Day(iso: start))
        a.assessedOn = Day(iso: "2026-02-20")!
        return Evaluation(a, questionnaire: Repo.questionnaire)
    }

    @Test func theMovesUseCaseComesFirstAndASecondOnTheSameSystemReusesItsConnection() throws {
        var crm = Build.process("Quote follow-up", hours: 60, volume: 500)
        crm.systemOfRecord = "crm"
        let e = evaluate([Build.process("PO entry", hours: 120, volume: 900), crm, Build.process("Supplier chasing", hours: 80, volume: 600)])
        let d = Deliverable(e)
        #expect(d.firstFive.first?.useCase == e.plan.nextMove.useCase)
        #expect(d.firstFive.map(\.order) == Array(1...d.firstFive.count))
        let chasing = try #require(d.firstFive.first { $0.useCase == "Supplier chasing" })
        #expect(chasing.reuses == "PO entry")
        #expect(chasing.reason.text.contains("Reuses the connection to the ERP built for PO entry"))
        let quotes = try #require(d.firstFive.first { $0.useCase == "Quote follow-up" })
        #expect(quotes.reuses == nil)
        #expect(quotes.reason.text.contains("Needs its own connection to the CRM"))
    }

    @Test func approversAreCasesAWeekTimesMinutesACase() throws {
        let e = evaluate([Build.process("PO entry", hours: 120, volume: 900)])
        let d = Deliverable(e)
        let s = Repo.questionnaire.parameters.staffing
        let approve = try #require(e.plan.steps.first { $0.rung == "approve_each" })
        // A full week inside approve-each: every working day of it is an approval day.
        let weekIndex = (e.plan.start.days(until: approve.start) + 7) / 7 + 1
        let full = d.staffing.first { $0.role == .approvers && $0.week == weekIndex }
        #expect(full.map { abs($0.hours - 900 * s.approverMinutesPerCase / 60) < 0.01 } == true, "\(d.staffing.filter { $0.role == .approvers })")
        let build = d.staffing.filter { $0.role == .integrator }
        #expect(!build.isEmpty)
        #expect(build.allSatisfy { $0.hours <= s.buildHoursPerWeek + 0.001 })
        #expect(d.staffing.contains { $0.role == .exceptionQueue })
    }

    @Test func risksComeFromTheProcess() throws {
        var severe = Build.process("Setup sheet check", hours: 120, volume: nil)
        severe.highSeverityErrorsPossible = true
        severe.inputStructure = "unstructured"
        severe.ownerCandidate = nil
        let d = Deliverable(evaluate([severe], start: "2026-12-07"))
        let ids = d.risks.map(\.id)
        #expect(ids.contains("system_access"))
        #expect(ids.contains("format_drift"))
        #expect(ids.contains("high_severity"))
        #expect(ids.contains("volume_unknown"))
        #expect(ids.contains("no_owner"))
        #expect(ids.contains("seasonal_volume"), "a shadow or approve-each rung over the year end, with no plant calendar")
        let clean = Deliverable(evaluate([Build.process("PO entry", hours: 120, volume: 900)], start: "2026-03-02"))
        var structured = clean
        structured.risks = clean.risks.filter { $0.id != "system_access" && $0.id != "format_drift" }
        #expect(structured.risks.isEmpty, "\(clean.risks.map(\.id))")
    }
}
