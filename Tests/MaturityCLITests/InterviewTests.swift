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
        #expect(run.stdout.contains("Stage 2 of 0–4: First Agent."))
        #expect(run.stdout.contains("Wrote acme.yaml, acme.html, acme.md"))
        #expect(run.stdout.contains("Next time, without the interview: maturity report acme.yaml --output acme.html"))
        let validate = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(validate.status == 0)
        #expect(validate.stderr.isEmpty)
        #expect(try read("\(dir)/acme.html").contains("<span class=\"stage-badge\">Stage 2 of 0–4 · First Agent</span>"))
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
        #expect(first.stderr.contains("Input ended before the interview finished; every confirmed answer is saved in acme.yaml. Continue with: "
                                      + "maturity assess --output acme.yaml --resume"))
        let saved = try read("\(dir)/acme.yaml")
        #expect(saved.contains("  staff_ai_tools: ad_hoc\n  tool_gains_measured: false\n  ai_pilots: 2\n"))
        #expect(saved.hasSuffix("interview: {next: q:ai_in_core_decisions}\n"))
        let report = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(report.stderr.contains("warning: the interview that writes this file is not finished"))
        let second = try Binary.run(["assess", "--output", "acme.yaml", "--resume"], in: dir,
                                    stdin: lines.dropFirst(12).joined(separator: "\n"))
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.hasPrefix("Continuing acme.yaml at the question \"AI in core decisions\"."))
        #expect(try read("\(dir)/acme.yaml") == (try read(Self.golden)))
    }

    @Test func aBadAnswerIsAskedAgainWithTheReason() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: "Acme\n\nEUR\nskip\nforty\n-3\n48\nquit\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("  Expected money per hour, like 48.\n"))
        #expect(run.stdout.contains("  Expected money per hour of at least 0.01.\n"))
        #expect(run.stdout.contains("Saved a.yaml. Continue with: maturity assess --output a.yaml --resume"))
        #expect(try read("\(dir)/a.yaml").contains("organization: {name: Acme, currency: EUR, loaded_hourly_rate: 48}"))
    }

    /// A company outside the US gives its rate to the US dollar and the day of it, in the forms it writes them (issue 25).
    @Test func aEuroCompanyGivesItsRateAndItsDate() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: "Acme\n\nEUR\n0,92\n01.12.2026\n48\nquit\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("How many EUR is one US dollar (USD)?"))
        #expect(run.stdout.contains("Date of that rate"))
        #expect(try read("\(dir)/a.yaml").contains("organization: {name: Acme, currency: EUR, loaded_hourly_rate: 48, usd_rate: 0.92, "
                                                   + "usd_rate_on: 2026-12-01}"))
        // A US company is not asked.
        let us = try Binary.run(["assess", "--output", "b.yaml"], in: dir, stdin: "Acme\n\nUSD\n48\nquit\n")
        #expect(!us.stdout.contains("US dollar"))
        #expect(try read("\(dir)/b.yaml").contains("organization: {name: Acme, currency: USD, loaded_hourly_rate: 48}"))
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
        // Profile, the six questions before the agents, the agents, the seven about agents, processes, review.
        let keys = ["", "", "", "", "2027-02-20", "", ""] + Array(repeating: "", count: 6) + ["done"] + Array(repeating: "", count: 7) + ["done", ""]
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

@Suite("The interview fits in about 20 minutes")
struct InterviewLengthTests {
    /// A realistic plant: two agents (one live, one pilot) and twelve processes, typed one line each.
    static let script: [String] = {
        var keys = ["Birch & Sons Fabrication", "Sheet metal", "", "46", "2026-11-20", "", "Dana Ruiz, COO", "",
                    "2", "n", "3", "n", "n", "n"]
        keys += ["add", "Order entry agent", "6", "1", "Pat Lee", "90000", "y", "n", "y", "y", "y", "y", "n"]
        keys += ["add", "Quote helper", "2", "1", "", "", "n", "n", "done"]
        keys += ["n", "n", "skip", "skip", "skip", "skip", "1"]
        let processes = ["Customer PO entry, 45h, 900/wk, ERP, 8%, owner Pat Lee", "Supplier follow-up, 30h, 400/wk, ERP, owner Sam Ortiz",
                         "Quote preparation, 55h, 140/wk, CRM", "Invoice matching, 40h, 900/wk, SAP", "Freight booking, 14h, 260/wk, email",
                         "Order acknowledgements, 25h, 700/wk, ERP", "Certificates of conformance, 18h, 300/wk, MES",
                         "Credit hold reviews, 8h, 60/wk, ERP", "Engineering change notices, 22h, 40/wk, Excel",
                         "Complaint triage, 16h, 45/wk, email", "Timesheet posting, 6h, 500/wk, ERP", "Vendor master updates, 5h, 30/wk, ERP"]
        keys += processes + ["done", "1", "4", ""]
        return keys
    }()

    @Test func twelveProcessesAndTwoAgentsTakeAtMost120Prompts() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["assess", "--output", "plant.yaml"], in: dir, stdin: Self.script.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let prompts = Self.script.count
        print("interview: \(prompts) prompts for 12 processes and 2 agents (target at most 120)")
        #expect(prompts <= 120)
        let saved = try String(contentsOfFile: "\(dir)/plant.yaml", encoding: .utf8)
        #expect(saved.components(separatedBy: "\n  - name: ").count - 1 == 14, "2 agents and 12 processes")
        #expect(saved.contains("    process: Customer PO entry\n"))
        #expect(saved.contains("system_of_record: erp, write_back: api") || saved.contains("    system_of_record: erp\n    write_back: api\n"))
        #expect(try Binary.run(["validate", "plant.yaml"], in: dir).status == 0)
    }

    @Test func questionsAboutAgentsAreSkippedWhenThereAreNone() throws {
        let dir = try temporaryDirectory()
        let keys = ["Acme", "", "", "40", "2026-11-20", "", "Dana Ruiz, COO", "", "1", "n", "0", "n", "n", "n", "done",
                    "Quotes, 30h, 400/wk, ERP", "done", ""]
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("Does every running agent report its dollar contribution"))
        #expect(!run.stdout.contains("Is one person named as owner of the whole set of agents"))
    }

    @Test func aShareTypedAsAWholeNumberIsAPercent() throws {
        let dir = try temporaryDirectory()
        let keys = ["Acme", "", "", "40", "2026-11-20", "", "Dana Ruiz, COO", "", "ad hoc", "n", "0", "n", "n", "n", "done",
                    "add", "Quotes", "30", "400", "Excel", "edit 1", "", "", "", "", "", "", "", "", "12", "", "", "done", ""]
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let saved = try String(contentsOfFile: "\(dir)/a.yaml", encoding: .utf8)
        #expect(saved.contains("staff_ai_tools: ad_hoc"), "choices accept what the import accepts")
        #expect(saved.contains("system_of_record: spreadsheet"))
        #expect(saved.contains("exception_share: 0.12"))
    }

    @Test func aCorrectedRespondentTheGateBarsOnHelpAndAProcessThatIsNotListed() throws {
        let dir = try temporaryDirectory()
        let keys = ["Acme", "", "", "40", "2026-11-20", "", "Dana Ruiz, COO", "Dana Ruiz, CFO", "", "1", "n", "1", "n", "n", "n",
                    "add", "PO agent", "6", "1", "Pat Lee", "90000", "y", "n", "?", "y", "y", "y", "y", "y", "done",
                    "n", "n", "skip", "skip", "skip", "skip", "1",
                    "Customer PO entry, 45h, 900/wk, ERP", "done", "Invoice posting", "1", ""]
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1. Hits its metric on real data; 2. Writes back to the system of record;"), "? on a gate bar lists all five")
        #expect(run.stdout.contains("Invoice posting is not in the inventory; type a number from 1 to 1"))
        let saved = try String(contentsOfFile: "\(dir)/a.yaml", encoding: .utf8)
        #expect(saved.contains("respondents: [{name: Dana Ruiz, role: CFO}]"), "the same name corrects the role, never adds a twin")
        #expect(saved.contains("    process: Customer PO entry\n"))
    }
}
