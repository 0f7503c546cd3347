import Foundation
import MaturityCore
import MaturityTestSupport
import Testing

@Suite("Quarterly re-placement: history, compare, follow-through")
struct HistoryTests {
    static let dir = "examples/acme-history"

    func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try Binary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func historyListsEveryAssessmentByDate() throws {
        let run = try Binary.run(["history", Self.dir, "--format", "json"])
        #expect(run.status == 0)
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(output["tool"] as? String == "maturity history")
        #expect(output["schemaVersion"] as? Int == 2)
        let entries = try #require(output["assessments"] as? [[String: Any]])
        #expect(entries.last?["nextMoveKind"] as? String == "ship_next_agent")
        #expect(entries.compactMap { $0["assessedOn"] as? String } == ["2026-01-15", "2026-04-15", "2026-07-15"])
        #expect(entries.compactMap { $0["stage"] as? Int } == [1, 1, 2])
        #expect(entries.compactMap { $0["dollarsReported"] as? Int } == [0, 0, 85000])
        #expect(entries.last?["nextMove"] as? String == "Ship Supplier follow-up as your next agent, reusing Order entry agent's connection to the ERP")
        let text = try Binary.run(["history", Self.dir])
        #expect(text.stdout.contains("2026-07-15  Stage 2 First Agent  ·  1 in production  ·  $85,000 reported  ·  2026-q3.yaml\n"))
        #expect(entries.last?["currency"] as? String == "USD")
    }

    @Test func aSlippedPlanIsMarkedStepByStepWithTheReason() throws {
        let c = try json(["compare", "\(Self.dir)/2026-q1.yaml", "\(Self.dir)/2026-q2.yaml", "--format", "json"])
        #expect(c["stageBefore"] as? Int == 1)
        #expect(c["stageAfter"] as? Int == 1)
        #expect(c["agentsAdded"] as? [String] == ["Order entry agent"])
        let follow = try #require(c["followThrough"] as? [String: Any])
        #expect(follow["status"] as? String == "slipped")
        #expect(follow["useCase"] as? String == "Customer PO entry")
        let steps = try #require(follow["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["id"] as? String } == ["build", "setup", "shadow", "approve_each", "auto_with_exceptions", "go_no_go",
                                                             "production_owned"])
        #expect(steps.compactMap { $0["status"] as? String } == ["done", "done", "done", "slipped", "slipped", "on_track", "on_track"])
        #expect(steps[3]["reason"] as? String == "due by 2026-03-27, but Order entry agent is still at shadow")
        // Auto should have started by 30 March; the agent never left shadow, so it is not "under way".
        #expect(steps[4]["reason"] as? String == "due to start by 2026-03-30, but Order entry agent is still at shadow")
        let ledger = try #require((c["ledger"] as? [[String: Any]])?.first)
        #expect(ledger["estimated"] as? Int == 101088)
        #expect(ledger["realised"] == nil)
        #expect(c["selfReportedRise"] as? Bool == false)
    }

    @Test func aMoveThatHappenedIsDoneAndTheLedgerShowsRealisedDollars() throws {
        let c = try json(["compare", "\(Self.dir)/2026-q2.yaml", "\(Self.dir)/2026-q3.yaml", "--format", "json"])
        #expect(c["stageBefore"] as? Int == 1)
        #expect(c["stageAfter"] as? Int == 2)
        let flips = try #require(c["rulesFlipped"] as? [[String: Any]])
        #expect(flips.compactMap { $0["id"] as? String } == ["gated_agent_in_production"])
        #expect(c["flagsCleared"] as? [String] == ["pilot_graveyard", "soft_gains"])
        let moved = try #require((c["agentsMoved"] as? [[String: Any]])?.first)
        #expect(moved["from"] as? String == "shadow")
        #expect(moved["to"] as? String == "production")
        #expect(moved["direction"] as? String == "forward")
        #expect((c["followThrough"] as? [String: Any])?["status"] as? String == "done")
        let ledger = try #require((c["ledger"] as? [[String: Any]])?.first)
        #expect(ledger["estimated"] as? Int == 101088)
        #expect(ledger["realised"] as? Int == 85000)
    }

    @Test func theReportGainsSinceLastQuarterAndTheTrend() throws {
        let q3 = "\(Self.dir)/2026-q3.yaml", q2 = "\(Self.dir)/2026-q2.yaml"
        let html = try Binary.run(["report", q3, "--previous", q2, "--history", Self.dir, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<h2 id=\"h-since\">Since last quarter (2026-04-15)</h2>"))
        #expect(html.stdout.contains("<p><strong>Stage 1 Assisted → Stage 2 First Agent</strong></p>"))
        #expect(html.stdout.contains("<h2 id=\"h-trend\">The trend</h2>"))
        let md = try Binary.run(["report", q3, "--previous", q2, "--format", "md"])
        #expect(md.stdout.contains("| Order entry agent | $101,088 | $85,000 | estimate: last quarter's value of Customer PO entry |"))
        #expect(!md.stdout.contains("## The trend"), "no trend without --history")
        let json = try self.json(["report", q3, "--previous", q2, "--history", Self.dir, "--format", "json"])
        #expect((json["sinceLastQuarter"] as? [String: Any])?["stageAfter"] as? Int == 2)
        #expect((json["trend"] as? [[String: Any]])?.compactMap { $0["stage"] as? Int } == [1, 1, 2])
        let plain = try Binary.run(["report", "examples/acme.yaml", "--format", "html"])
        #expect(!plain.stdout.contains("h-since"), "no section without --previous")
    }
}

@Suite("Comparing assessments")
struct ComparisonTests {
    @Test func aRiseOnAnswersAloneIsFlaggedAsSelfReported() {
        let q = Repo.questionnaire
        let before = Evaluation(Build.assessment(["staff_ai_tools": .choice("none")]), questionnaire: q)
        let after = Evaluation(Build.assessment(["staff_ai_tools": .choice("standardized")]), questionnaire: q)
        let c = Comparison.compare(before, after)
        #expect(c.stageBefore == 0 && c.stageAfter == 1)
        #expect(c.selfReportedRise)
        #expect(c.answersChanged == [.init(id: "staff_ai_tools", before: "none", after: "standardized")])
        let withAgent = Evaluation(Build.assessment(["staff_ai_tools": .choice("none")], agents: [Build.agent("Pilot", .pilot)]), questionnaire: q)
        #expect(!Comparison.compare(before, withAgent).selfReportedRise, "an agent appeared: the rise rests on evidence")
    }

    @Test func aChangedQuestionIsListedAsNotComparableNeverASilentDelta() {
        var newer = Repo.questionnaire
        newer.revision = "2027-01"
        let i = newer.questions.firstIndex { $0.id == "staff_ai_tools" }!
        newer.questions[i].choices = [Choice(value: "none", label: "None"), Choice(value: "ad_hoc", label: "Some"),
                                      Choice(value: "standardized", label: "All"), Choice(value: "embedded", label: "In every role")]
        let before = Evaluation(Build.assessment(["staff_ai_tools": .choice("ad_hoc")]), questionnaire: Repo.questionnaire)
        let after = Evaluation(Build.assessment(["staff_ai_tools": .choice("standardized")]), questionnaire: newer)
        let c = Comparison.compare(before, after)
        #expect(c.questionnaireChanged)
        #expect(c.notComparable == ["staff_ai_tools"])
        #expect(c.answersChanged.isEmpty)
    }
}

/// Every command that writes JSON says which tool wrote it and in which schema version
/// (docs/schema/; CI validates the outputs against the schemas with check-jsonschema).
@Suite("Each command's JSON names its tool and schema version")
struct JSONContractTests {
    func object(_ arguments: [String]) throws -> [String: Any] {
        let run = try Binary.run(arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    @Test func compareNamesItsToolAndVersion() throws {
        let c = try object(["compare", "examples/acme-history/2026-q1.yaml", "examples/acme-history/2026-q2.yaml", "--format", "json"])
        #expect(c["tool"] as? String == "maturity compare")
        #expect(c["schemaVersion"] as? Int == 1)
        #expect(c["stageBefore"] as? Int == 1, "the comparison's own keys sit beside them")
    }

    @Test func validateListsEachFileWithItsProblemsAndExits65() throws {
        let run = try Binary.run(["validate", "examples/acme.yaml", "Tests/MaturityStoreTests/Fixtures/invalid/bad_choice.yaml", "--format", "json"])
        #expect(run.status == 65)
        #expect(run.stderr.isEmpty, "JSON carries the problems: \(run.stderr)")
        let v = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(v["tool"] as? String == "maturity validate")
        #expect(v["valid"] as? Bool == false)
        let files = try #require(v["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [true, false])
        let problem = try #require((files[1]["problems"] as? [[String: Any]])?.first)
        #expect(problem["line"] as? Int == 6)
        #expect((problem["message"] as? String)?.contains("staff_ai_tools is \"sometimes\"") == true)
    }

    @Test func everySchemaIsValidJSONAndNamesItsTool() throws {
        for (name, tool) in [("report", "maturity"), ("compare", "maturity compare"), ("history", "maturity history"), ("validate", "maturity validate")] {
            let data = try Data(contentsOf: Repo.root.appendingPathComponent("docs/schema/\(name).schema.json"))
            let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect((properties["tool"] as? [String: Any])?["const"] as? String == tool, "\(name)")
            #expect((schema["required"] as? [String])?.contains("schemaVersion") == true, "\(name)")
        }
    }
}
