import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// The paragraph for the CEO is the report's own figures in plain words.
@Suite("The CEO's paragraph")
struct SummaryTests {
    @Test func itSaysTheStageTheMoveItsCostAndTheAsk() throws {
        var a = Build.assessment(["staff_ai_tools": .choice("standardized")], processes: [Build.process("PO entry", hours: 120, volume: 900)],
                                 planStartsOn: Day(iso: "2026-03-02"))
        a.organization.currency = "EUR"
        let e = Evaluation(a, questionnaire: Repo.questionnaire)
        let m = ReportModel(e, words: Repo.words)
        let once = try #require(m.nextMove.oneTimeCost), months = try #require(m.nextMove.paybackMonths)
        #expect(m.summary.hasPrefix("Test Co is at Stage \(m.stage) of 0–4 (\(m.stageName))."))
        #expect(m.summary.contains("The one move for the next 90 days: \(m.nextMove.title)."))
        #expect(m.summary.contains("It costs about \(Format.money(Double(once), currency: "EUR")) once"))
        #expect(m.summary.contains("paying the one-time cost back in about \(Format.number(months.rounded())) months"))
        #expect(m.summary.contains("What we need from you: Sam Ortiz as its owner"))
        let itHours = m.staffing.filter { $0.role == "it_or_integrator" }.reduce(0) { $0 + $1.hours }
        #expect(m.summary.contains("\(Format.number(itHours.rounded())) hours of IT or integrator time"))
        #expect(!m.summary.lowercased().contains("dollar"))
    }
}

@Suite("The plan's timeline")
struct TimelineTests {
    @Test func theMonthThePlanStartsInHasItsTick() throws {
        let a = Build.assessment(["staff_ai_tools": .choice("standardized")], processes: [Build.process("PO entry", hours: 120, volume: 900)],
                                 planStartsOn: Day(iso: "2026-12-07"))
        let view = try Renderer(templates: ContentLibrary.files(under: "templates"), words: Repo.words)
            .view(ReportModel(Evaluation(a, questionnaire: Repo.questionnaire), words: Repo.words))
        #expect(view.plan.months.first?.label == "Dec 2026")
        #expect(view.plan.months.dropFirst().first?.label == "Jan 2027")
    }
}

@Suite("The CEO's paragraph when the move is about a live agent")
struct AgentMoveSummaryTests {
    @Test func itSaysWhatTheAgentEarnsTodayAndAsksForEveryOwnerAndTheCheckersTime() throws {
        let loaded = try FileStore().loadAssessment(Repo.path("docs/demo/hartwell-precision.yaml"))
        let m = ReportModel(Evaluation(loaded.assessment, questionnaire: loaded.questionnaire), words: Repo.words)
        #expect(m.nextMove.kind == "close_gate_gaps")
        #expect(m.summary.contains("AP invoice matcher already earns about $61,000 a year for $26,896 a year to run."))
        #expect(!m.summary.contains("It costs about $26,896"))
        let next = try #require(m.useCases.first { $0.name == m.nextMove.then })
        #expect(m.summary.contains("\(next.owner ?? "?") as the owner of \(next.name)"))
        let checking = m.staffing.filter { $0.role == "reviewers" || $0.role == "approvers" }.reduce(0) { $0 + $1.hours }
        #expect(m.summary.contains("\(Format.number(checking.rounded())) hours from the people who check and approve \(next.name)'s answers"))
    }
}
