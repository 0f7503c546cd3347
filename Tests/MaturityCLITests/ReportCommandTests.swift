import Foundation
import MaturityTestSupport
import Testing

@Suite("maturity report and validate, run as a user runs them")
struct ReportCommandTests {
    @Test func textReportFitsOnOneScreenAndNamesStageMoveAndUseCases() throws {
        let run = try Binary.run(["report", "examples/acme.yaml"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count < 25)
        #expect(lines.first == "Acme Castings · assessed 2026-11-20")
        #expect(run.stdout.contains("Stage 2 of 0–4: First Agent."))
        #expect(run.stdout.contains("Flags: Skipping steps; Soft gains"))
        #expect(run.stdout.contains("Next move: Ship Supplier follow-up as your next agent, reusing Order entry agent's connection to the ERP"))
        #expect(run.stdout.contains("go/no-go 2027-02-08"))
        #expect(run.stdout.contains("$18,000 to $47,000 once, paid back in about 8 months from go-live"))
        #expect(run.stdout.contains("owner: Sam Ortiz · $67,392/year · 3.3x its run cost"))
        #expect(run.stdout.contains("1. Supplier follow-up: $67,392 · $20,256 · 3.3x · 92/100 · quick win"))
    }

    @Test func jsonReportMatchesTheReviewedGoldenFile() throws {
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "json"])
        #expect(run.status == 0)
        let golden = Repo.path("Tests/MaturityCLITests/Fixtures/acme.json")
        if Repo.recording, run.stdout != (try? String(contentsOfFile: golden, encoding: .utf8)) {
            try run.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
            Issue.record("Recorded a new baseline for acme.json: review the diff, then run the tests again")
        }
        #expect(run.stdout == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test func jsonCarriesTheContractKeys() throws {
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["stage"] as? Int == 2)
        #expect(json["stageName"] as? String == "First Agent")
        #expect((json["flags"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["skipping_steps", "soft_gains"])
        #expect((json["nextMove"] as? [String: Any])?["useCase"] as? String == "Supplier follow-up")
        let useCase = try #require((json["useCases"] as? [[String: Any]])?.first)
        for key in ["name", "annualValue", "annualRunCost", "roi", "feasibility", "locked"] {
            #expect(useCase[key] != nil, "useCases[0].\(key)")
        }
        let step = try #require((json["plan"] as? [[String: Any]])?.first)
        #expect(step["start"] as? String == "2026-12-01")
        // The build reuses the order-entry agent's ERP connection, so it takes three days, not weeks.
        #expect(step["rung"] as? String == "build")
        #expect(step["owner"] as? String == "IT or the integrator")
        #expect(step["end"] as? String == "2026-12-03")
        let move = try #require(json["nextMove"] as? [String: Any])
        #expect(move["kind"] as? String == "ship_next_agent")
        #expect(move["reuses"] as? String == "Order entry agent")
        #expect(move["fitsIn90Days"] as? Bool == true)
        #expect(move["then"] is NSNull && move["alternative"] is NSNull && move["agent"] is NSNull)
        // A three-day build on the reused connection, then shadow 10, approve-each 15 and auto 20 working days.
        #expect(json["goNoGoOn"] as? String == "2027-02-08")
        #expect(move["oneTimeCost"] as? Int == 32_500)
        #expect(move["paybackMonths"] as? Double == 8.3)
        #expect(step["title"] != nil && step["gate"] != nil)
    }

    @Test func outputFileIsWrittenAndStdoutStaysClean() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "json", "--output", "\(dir)/acme.json"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "Wrote \(dir)/acme.json\n")
        let written = try String(contentsOfFile: "\(dir)/acme.json", encoding: .utf8)
        #expect(written.contains("\"stageName\" : \"First Agent\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["acme.json"], "no temp file left behind")
    }

    @Test func unwritableOutputFailsWithTheReason() throws {
        let run = try Binary.run(["report", "examples/acme.yaml", "--output", "/nonexistent-dir/r.txt"])
        #expect(run.status == 73)
        #expect(run.stderr.hasPrefix("/nonexistent-dir/r.txt: error: cannot write the file"))
    }

    @Test func invalidAssessmentExitsSixtyFiveWithEveryProblem() throws {
        let file = "Tests/MaturityStoreTests/Fixtures/invalid/many_problems.yaml"
        let run = try Binary.run(["report", file])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first == "\(file):4: error: assessed_on is \"2026-11-31\"; expected a date between 1900 and 2199, like 2026-11-20 or 20.11.2026")
    }

    @Test func validateSaysOKOrListsProblemsPerFile() throws {
        let bad = "Tests/MaturityStoreTests/Fixtures/invalid/bad_choice.yaml"
        let run = try Binary.run(["validate", "examples/acme.yaml", bad, "questionnaires/ai-maturity-manufacturing.yaml"])
        #expect(run.status == 65)
        #expect(run.stdout == """
        examples/acme.yaml: OK (Acme Castings, 7 answers, 1 agent, 2 processes)
        questionnaires/ai-maturity-manufacturing.yaml: OK (questionnaire ai-maturity-manufacturing, version 1, 13 questions)

        """)
        #expect(run.stderr == "\(bad):6: error: answers.staff_ai_tools is \"sometimes\"; expected none, ad_hoc or standardized\n")
    }

    @Test func missingFileExitsSixtySix() throws {
        let run = try Binary.run(["report", "nope.yaml"])
        #expect(run.status == 66)
        #expect(run.stderr == "nope.yaml: error: no such file; check the path\n")
    }

    @Test func binaryFileIsRefusedAsNotText() throws {
        let dir = try temporaryDirectory()
        try Data([0x00, 0xFF, 0x10, 0x00]).write(to: URL(fileURLWithPath: "\(dir)/a.yaml"))
        let run = try Binary.run(["validate", "\(dir)/a.yaml"])
        #expect(run.status == 65)
        #expect(run.stderr == "\(dir)/a.yaml: error: the file is not UTF-8 text; save it as UTF-8\n")
    }

    @Test func helpListsEveryCommandWithAnExample() throws {
        let run = try Binary.run(["--help"])
        #expect(run.status == 0)
        for command in ["assess", "validate", "report", "history", "compare", "workshop", "inventory", "demo", "templates"] {
            #expect(run.stdout.contains("  \(command) "), "lists \(command)")
            #expect(run.stdout.contains("maturity \(command) "), "example for \(command)")
        }
    }

    @Test func aCopiedBinaryWorksFromAnyFolderWithItsBuiltInQuestionnaire() throws {
        let dir = try temporaryDirectory()
        let copy = URL(fileURLWithPath: "\(dir)/maturity")
        try FileManager.default.copyItem(at: Binary.url, to: copy)
        try FileManager.default.copyItem(atPath: Repo.path("examples/acme.yaml"), toPath: "\(dir)/acme.yaml")
        let run = try Binary.run(["report", "acme.yaml"], in: dir, executable: copy)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Stage 2 of 0–4: First Agent."))
    }

    @Test func userTextWithMarkupComesOutAsTyped() throws {
        let dir = try temporaryDirectory()
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: "<script>alert(1)</script> & Sons", loaded_hourly_rate: 50}
        assessed_on: 2026-11-20
        """
        try text.write(toFile: "\(dir)/x.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "\(dir)/x.yaml", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"name\" : \"<script>alert(1)</script> & Sons\""))
    }
}
