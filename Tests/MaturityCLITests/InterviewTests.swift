import Foundation
import MaturityCore
import MaturityStore
import MaturityTestSupport
import Testing

@Suite("maturity assess: the interview")
struct InterviewTests {
    static let answers = Repo.path("Tests/MaturityCLITests/Fixtures/interview-answers.txt")
    static let golden = Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml")

    func answerLines() throws -> [String] {
        try String(contentsOfFile: Self.answers, encoding: .utf8).components(separatedBy: "\n")
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func pipedAnswersWriteTheDesignFileAndItsReports() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["assess", "--output", "acme.yaml"], in: dir, stdin: try read(Self.answers))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}["), "no colour or cursor codes through a pipe")
        #expect(try read("\(dir)/acme.yaml") == (try read(Self.golden)))
        #expect(run.stdout.contains("Stage 2 of 4: First Agent."))
        #expect(run.stdout.contains("Wrote acme.yaml, acme.html, acme.md"))
        #expect(run.stdout.contains("Next time, without the interview: maturity report acme.yaml --output acme.html"))
        let validate = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(validate.status == 0)
        #expect(validate.stderr.isEmpty)
        #expect(try read("\(dir)/acme.html").contains("<span class=\"stage-badge\">Stage 2 of 4 · First Agent</span>"))
    }

    @Test func theWrittenFileSurvivesALoadSaveRoundTrip() throws {
        let text = try read(Self.golden)
        let (draft, q) = try AssessmentLoader.loadDraft(text: text, file: "acme.yaml") { _ in Repo.questionnaire }
        #expect(AssessmentWriter.yaml(draft, questionnaire: q) == text)
        #expect(text.contains("exception_share: 0.1\n"), "0.1, never 1e-1")
    }

    @Test func awkwardTextIsQuotedOnlyWhereYAMLNeedsIt() throws {
        var draft = Draft(questionnaireID: "ai-maturity-manufacturing")
        draft.name = "Smith & Sons: Müller, Ltd"
        draft.industry = "yes"
        draft.currency = "EUR"
        draft.processes = [InventoryProcess(name: "Quotes \"rush\" #2", hoursPerWeek: 12.5)]
        let text = AssessmentWriter.yaml(draft, questionnaire: Repo.questionnaire)
        #expect(text.contains("organization: {name: \"Smith & Sons: Müller, Ltd\", industry: \"yes\", currency: EUR}"))
        #expect(text.contains("  - name: \"Quotes \\\"rush\\\" #2\"\n"))
        #expect(text.contains("    hours_per_week: 12.5\n"))
        let (back, _) = try AssessmentLoader.loadDraft(text: text, file: "x.yaml") { _ in Repo.questionnaire }
        #expect(back.name == draft.name)
        #expect(back.industry == "yes")
        #expect(back.processes.first?.name == "Quotes \"rush\" #2")
    }

    @Test func endOfInputSavesEveryAnswerAndResumeFinishesTheSameFile() throws {
        let dir = try temporaryDirectory()
        let lines = try answerLines()
        let first = try Binary.run(["assess", "--output", "acme.yaml"], in: dir, stdin: lines.prefix(12).joined(separator: "\n") + "\n")
        #expect(first.status == 75)
        #expect(first.stderr.contains("Input ended before the interview finished; every confirmed answer is saved in acme.yaml. Continue with: maturity assess --output acme.yaml --resume"))
        let saved = try read("\(dir)/acme.yaml")
        #expect(saved.contains("  staff_ai_tools: ad_hoc\n  tool_gains_measured: false\n  ai_pilots: 2\n"))
        #expect(saved.hasSuffix("interview: {next: q:every_agent_reports_dollars}\n"))
        let report = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(report.stderr.contains("warning: the interview that writes this file is not finished"))
        let second = try Binary.run(["assess", "--output", "acme.yaml", "--resume"], in: dir,
                                    stdin: lines.dropFirst(12).joined(separator: "\n"))
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.hasPrefix("Continuing acme.yaml at q:every_agent_reports_dollars."))
        #expect(try read("\(dir)/acme.yaml") == (try read(Self.golden)))
    }

    @Test func aBadAnswerIsAskedAgainWithTheReason() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: "Acme\n\nEUR\nforty\n-3\n48\nquit\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("  Expected money per hour, like 48.\n"))
        #expect(run.stdout.contains("  Expected money per hour of at least 0.01.\n"))
        #expect(run.stdout.contains("Saved a.yaml. Continue with: maturity assess --output a.yaml --resume"))
        #expect(try read("\(dir)/a.yaml").contains("organization: {name: Acme, currency: EUR, loaded_hourly_rate: 48}"))
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let dir = try temporaryDirectory()
        try "keep me\n".write(toFile: "\(dir)/a.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: "")
        #expect(run.status == 73)
        #expect(run.stderr == "a.yaml: error: the file already exists; continue it with --resume, or pick another --output\n")
        #expect(try read("\(dir)/a.yaml") == "keep me\n")
    }

    @Test func lastQuarterPrefillsEveryAnswerSoEnterKeepsIt() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.golden, toPath: "\(dir)/q3.yaml")
        // Enter through everything; only the assessment date changes.
        let keys = ["", "", "", "", "2027-02-20", "", ""] + Array(repeating: "", count: 13) + ["done", "done", ""]
        let run = try Binary.run(["assess", "--from", "q3.yaml", "--output", "q4.yaml"], in: dir, stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let expected = try read(Self.golden)
            .replacingOccurrences(of: "assessed_on: 2026-11-20\nplan_starts_on: 2026-12-01\n", with: "assessed_on: 2027-02-20\n")
        #expect(try read("\(dir)/q4.yaml") == expected)
        #expect(run.stdout.contains("[Company 1/7] Company name [Acme Castings]: "))
    }

    @Test func killedBetweenAnswersLosesNothing() throws {
        let dir = try temporaryDirectory()
        let lines = try answerLines()
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["assess", "--output", "acme.yaml"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data((lines.prefix(5).joined(separator: "\n") + "\n").utf8))
        let deadline = Date().addingTimeInterval(10)
        var saved = ""
        while Date() < deadline, !saved.contains("assessed_on: 2026-11-20") {
            Thread.sleep(forTimeInterval: 0.05)
            saved = (try? read("\(dir)/acme.yaml")) ?? ""
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(saved.contains("organization: {name: Acme Castings, industry: Metal castings, currency: USD, loaded_hourly_rate: 48}"))
        let resumed = try Binary.run(["assess", "--output", "acme.yaml", "--resume"], in: dir,
                                     stdin: lines.dropFirst(5).joined(separator: "\n"))
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(try read("\(dir)/acme.yaml") == (try read(Self.golden)))
    }
}
