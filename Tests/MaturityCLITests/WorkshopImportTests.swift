import Foundation
import MaturityCore
import MaturityTestSupport
import Testing

/// Survey exports in the three tools' formats (see Fixtures/survey/README.md for where each shape
/// comes from) become participants' files that `workshop merge` takes as they are.
@Suite("Workshop import from a survey export")
struct WorkshopImportTests {
    static func fixture(_ name: String) -> String { Repo.path("Tests/MaturityCLITests/Fixtures/survey/\(name)") }

    func imported(_ file: String, _ extra: [String] = []) throws -> (dir: String, run: Run) {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["workshop", "import", Self.fixture(file), "--output", "room", "--company", "Acme Castings",
                                  "--assessed-on", "2026-11-20"] + extra, in: dir, stdin: "")
        return (dir, run)
    }

    /// Each export gives the same three people with the same answers as examples/workshop.
    @Test(arguments: [("microsoft-forms.csv", [String]()), ("google-forms.csv", []), ("semicolon.csv", []),
                      ("typeform.csv", ["--map", "Does anyone measure what those tools save?=tool_gains_measured",
                                        "--map", "Pilots so far (including live ones)=ai_pilots"])])
    func eachToolsExportBecomesThreeParticipants(_ file: String, _ extra: [String]) throws {
        let (dir, run) = try imported(file, extra)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Read 3 responses from"))
        let ana = try String(contentsOfFile: "\(dir)/room/ana-ruiz.yaml", encoding: .utf8)
        #expect(ana == """
            version: 1
            questionnaire: ai-maturity-manufacturing
            organization: {name: Acme Castings}
            assessed_on: 2026-11-20
            respondents: [{name: Ana Ruiz, role: COO}]
            answers:
              staff_ai_tools: none
              tool_gains_measured: false
              ai_pilots: 0
              line_level_ai_funded: false
              ai_in_core_decisions: false
              ai_in_product: false

            """)
        let raj = try String(contentsOfFile: "\(dir)/room/raj-patel.yaml", encoding: .utf8)
        #expect(raj.contains("respondents: [{name: Raj Patel, role: Plant manager}]\n"))
        #expect(raj.contains("  staff_ai_tools: ad_hoc\n") && raj.contains("  line_level_ai_funded: true\n"))
        let lee = try String(contentsOfFile: "\(dir)/room/lee-chan.yaml", encoding: .utf8)
        #expect(lee.contains("  tool_gains_measured: true\n  ai_pilots: 1\n"))
        let merge = try Binary.run(["workshop", "merge", "room/ana-ruiz.yaml", "room/lee-chan.yaml", "room/raj-patel.yaml", "--output", "m.yaml"], in: dir)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("Merged 3 participants by the strict rule: Stage 0 Curious."))
        #expect(merge.stdout.contains("  Lee Chan (Buyer): Stage 1 on their own answers"))
    }

    @Test func itSaysWhatItChoseAndWhatItIgnored() throws {
        let (_, run) = try imported("google-forms.csv")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("(a Google Forms export)"))
        #expect(run.stdout.contains("Names: column 3 \"Your name\" (found; --name-column picks another)"))
        #expect(run.stdout.contains("Roles: column 4 \"Your role\" (found; --role-column picks another)"))
        #expect(run.stdout.contains("The export's own columns, not questions: Timestamp, Email Address"))
        #expect(run.stderr.contains("column 11 \"Anything else we should know?\" is no question of ai-maturity-manufacturing; ignored"))
        #expect(run.stderr.contains("row 4, column 5 \"How do staff use AI tools (chat assistants, copilots, "
                                    + "quoting helpers) today?\": warning: 2 choices ticked"))
        #expect(run.stdout.contains("Next: maturity workshop merge room/*.yaml --output workshop.yaml"))
    }

    @Test func theAssessmentDateIsTheLatestSubmissionUnlessGiven() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["workshop", "import", Self.fixture("google-forms.csv"), "-o", "room", "--company", "Acme"], in: dir, stdin: "")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Assessed on 2026-11-19 (the latest submission; --assessed-on sets another)."))
    }

    @Test func aNearQuestionIsNamedWithTheMapThatFixesIt() throws {
        let (_, run) = try imported("typeform.csv")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("column 5 \"Does anyone measure what those tools save?\" is no question of ai-maturity-manufacturing; "
                                    + "ignored. If it asks tool_gains_measured, add --map \"Does anyone measure what those tools save?=tool_gains_measured\""))
        #expect(run.stdout.contains("Not asked in the survey (unknown for everyone, counts as no): tool_gains_measured, ai_pilots,"))
    }

    @Test func badCellsAreAllListedAndNothingIsWritten() throws {
        let (dir, run) = try imported("bad-cells.csv")
        #expect(run.status == 65)
        #expect(run.stderr.components(separatedBy: ": error: ").count == 5, "\(run.stderr)")
        #expect(run.stderr.contains("row 3, column 6 \"How many AI pilots or proofs of concept have you run, including any that went live?\": error: "
                                    + "\"2-3\" is not one number (a range?); expected a whole number, like 2"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/room"))
    }

    @Test func existingFilesAreKeptUnlessForced() throws {
        let (dir, first) = try imported("microsoft-forms.csv")
        #expect(first.status == 0)
        let again = try Binary.run(["workshop", "import", Self.fixture("microsoft-forms.csv"), "--output", "room", "--company", "Acme"], in: dir, stdin: "")
        #expect(again.status == 73)
        #expect(again.stderr.contains("room: error: already holds ana-ruiz.yaml, raj-patel.yaml, lee-chan.yaml; pick another --output or add --force"))
    }

    @Test func theProfileComesFromAnAssessment() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["workshop", "import", Self.fixture("microsoft-forms.csv"), "--output", "room", "--from",
                                  Repo.path("examples/workshop/ana.yaml"),
                                  "--assessed-on", "2026-11-20"], in: dir, stdin: "")
        #expect(run.status == 0, "\(run.stderr)")
        let lee = try String(contentsOfFile: "\(dir)/room/lee-chan.yaml", encoding: .utf8)
        #expect(lee.hasPrefix("version: 1\nquestionnaire: ai-maturity-manufacturing\norganization: {name: Acme Castings, industry: Metal castings, "
                              + "currency: USD, loaded_hourly_rate: 48}\n"))
        #expect(lee.contains("processes:\n  - name: Supplier follow-up\n"))
        #expect(try Binary.run(["validate", "room/lee-chan.yaml"], in: dir).status == 0)
    }

    @Test func withoutANameColumnItAsksNothingAndSaysHow() throws {
        let dir = try temporaryDirectory()
        try "Timestamp,Is AI part of the product you sell?\n2026/11/18 9:05:12,No\n".write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["workshop", "import", "r.csv", "--output", "room", "--company", "Acme"], in: dir, stdin: "")
        #expect(run.status == 65)
        #expect(run.stderr.contains("r.csv: error: no column holds the respondents' names"))
        let anonymous = try Binary.run(["workshop", "import", "r.csv", "--output", "room", "--company", "Acme", "--anonymous"], in: dir, stdin: "")
        #expect(anonymous.status == 0, "\(anonymous.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/room/respondent-1.yaml"))
    }

    @Test func theCompanyIsNeeded() throws {
        let run = try Binary.run(["workshop", "import", Self.fixture("microsoft-forms.csv"), "--output", "/tmp/never"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("name the company with --company"))
    }
}
