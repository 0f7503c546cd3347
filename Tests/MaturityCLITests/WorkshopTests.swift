import Foundation
import MaturityCore
import MaturityTestSupport
import Testing

@Suite("Workshop: several people, one honest answer")
struct WorkshopTests {
    static let three = ["ana", "raj", "lee"].map { Repo.path("examples/workshop/\($0).yaml") }
    static let seven = (1...7).map { Repo.path("Tests/MaturityCLITests/Fixtures/workshop-7/p\($0).yaml") }

    func merged(_ files: [String], rule: String = "strict") throws -> (dir: String, text: String, json: [String: Any]) {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["workshop", "merge"] + files + ["--output", "m.yaml", "--rule", rule], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Binary.run(["report", "m.yaml", "--format", "json"], in: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        return (dir, try String(contentsOfFile: "\(dir)/m.yaml", encoding: .utf8), json)
    }

    @Test func threePeopleStrictTakesTheLeastGenerousAnswerAndKeepsEveryDisagreement() throws {
        let (_, text, json) = try merged(Self.three)
        #expect(json["stage"] as? Int == 0)
        #expect(text.contains("answers:\n  staff_ai_tools: none\n  tool_gains_measured: false\n  ai_pilots: 0\n"))
        #expect(text.contains("  line_level_ai_funded: true\n"), "yes is the sobering answer here, so strict keeps it")
        // Participants in name order, whatever order the files were given in.
        #expect(text.contains("    - question: staff_ai_tools\n      answers: {Ana Ruiz: none, Lee Chan: standardized, Raj Patel: ad_hoc}\n      rule: strict\n"
                              + "      result: none\n"))
        let splits = try #require(json["disagreements"] as? [[String: Any]])
        #expect(splits.compactMap { $0["question"] as? String } == ["staff_ai_tools", "ai_pilots", "line_level_ai_funded"])
        let first = try #require(splits.first?["answers"] as? [[String: Any]])
        #expect(first.compactMap { $0["person"] as? String } == ["Ana Ruiz", "Lee Chan", "Raj Patel"])
        #expect(first.compactMap { $0["answer"] as? String } == ["none", "standardized", "ad_hoc"])
        let people = try #require(json["personStages"] as? [[String: Any]])
        #expect(people.compactMap { $0["stage"] as? Int } == [0, 1, 1])
        #expect(people.compactMap { $0["executive"] as? Bool } == [true, false, false])
        #expect(text.contains("    - item: processes/Supplier follow-up\n      field: hours_per_week\n"
                              + "      values: {Ana Ruiz: \"30\", Lee Chan: \"30\", Raj Patel: \"40\"}\n      kept: \"30\"\n"))
        #expect(text.contains("    hours_per_week: 30\n"), "strict keeps the least generous figure, never an average")
    }

    @Test func sevenPeopleMajorityAndStrictPlaceDifferently() throws {
        let strict = try merged(Self.seven)
        let majority = try merged(Self.seven, rule: "majority")
        #expect(strict.json["stage"] as? Int == 0)
        #expect(majority.json["stage"] as? Int == 1)
        #expect(majority.text.contains("  staff_ai_tools: ad_hoc\n"))
        let people = try #require(majority.json["personStages"] as? [[String: Any]])
        #expect(people.count == 7)
        #expect(people.compactMap { $0["stage"] as? Int }.sorted() == [0, 0, 1, 1, 1, 1, 1])
        let movers = try #require(strict.json["stageMovers"] as? [[String: Any]])
        #expect(movers.count == 5, "each of the five who said ad_hoc or standardized would, alone, lift it to Stage 1")
    }

    @Test func theReportShowsWhereTheRoomDisagreed() throws {
        let (dir, _, _) = try merged(Self.three)
        let md = try Binary.run(["report", "m.yaml", "--format", "md"], in: dir)
        #expect(md.stdout.contains("## Where the room disagreed"))
        #expect(md.stdout.contains("| Ana Ruiz | COO | executive | Stage 0 · Curious |"))
        #expect(md.stdout.contains("| Moves it alone: licensed, trained and part of how the team works → Stage 1; "
                                   + "some people use them on their own → Stage 1 |"))
        #expect(md.stdout.contains("| No effect alone |") == false && md.stdout.contains("| No effect (Stage 0 either way) |"))
        #expect(md.stdout.contains("What would move the stage from Stage 0: staff use of AI tools answered"))
        #expect(md.stdout.contains("Executives: Ana Ruiz: nobody uses them for work · hands-on:"))
        #expect(md.stdout.contains("- Raj Patel's answer on staff use of AI tools, some people use them on their own, "
                                   + "alone would place the company at Stage 1"))
        let html = try Binary.run(["report", "m.yaml", "--format", "html"], in: dir)
        #expect(html.stdout.contains("<h2 id=\"h-room\">Where the room disagreed</h2>"))
        let single = try Binary.run(["report", "examples/acme.yaml", "--format", "md"])
        #expect(!single.stdout.contains("Where the room disagreed"))
    }

    @Test func aFacilitatedRunThroughAPipeRecordsConsensusAndDissent() throws {
        let dir = try temporaryDirectory()
        let keys = try String(contentsOfFile: Repo.path("Tests/MaturityCLITests/Fixtures/workshop-run.txt"), encoding: .utf8)
        let run = try Binary.run(["workshop", "run", "--participants", "Ana Ruiz (COO)", "--participants", "Raj Patel (Plant manager)",
                                  "--output", "w.yaml"], in: dir, stdin: keys)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  Spread: ad_hoc — Raj Patel; none — Ana Ruiz\n"))
        #expect(run.stdout.contains("  The room agrees.\n"))
        #expect(run.stdout.contains("Stage 0 Curious; 1 split question recorded with the consensus."))
        let text = try String(contentsOfFile: "\(dir)/w.yaml", encoding: .utf8)
        #expect(text.contains("respondents: [{name: Ana Ruiz, role: COO}, {name: Raj Patel, role: Plant manager}]\n"))
        #expect(text.hasSuffix("""
            - question: staff_ai_tools
              answers: {Ana Ruiz: none, Raj Patel: ad_hoc}
              rule: consensus
              result: none
              dissent: Raj sees ad hoc use on the floor

        """))
        let validate = try Binary.run(["validate", "w.yaml"], in: dir)
        #expect(validate.status == 0)
    }

    @Test func aRunStoppedMidQuestionResumesWithTheAnswersAlreadyGiven() throws {
        let dir = try temporaryDirectory()
        let keys = try String(contentsOfFile: Repo.path("Tests/MaturityCLITests/Fixtures/workshop-run.txt"), encoding: .utf8).components(separatedBy: "\n")
        let first = try Binary.run(["workshop", "run", "--participants", "Ana Ruiz (COO)", "--participants", "Raj Patel (Plant manager)",
                                    "--output", "w.yaml"], in: dir, stdin: keys.prefix(8).joined(separator: "\n") + "\n")
        #expect(first.status == 75)
        #expect(try String(contentsOfFile: "\(dir)/w.yaml", encoding: .utf8)
            .contains("      answers: {Ana Ruiz: none}\n      rule: consensus\n      result: pending\n"))
        let second = try Binary.run(["workshop", "run", "--output", "w.yaml", "--resume"], in: dir, stdin: keys.dropFirst(8).joined(separator: "\n"))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("Ana Ruiz (COO), your answer: 1"), "Ana's answer is not asked again")
        #expect(try String(contentsOfFile: "\(dir)/w.yaml", encoding: .utf8).contains("dissent: Raj sees ad hoc use on the floor"))
    }

    @Test func mergeNeedsTwoFiles() throws {
        let run = try Binary.run(["workshop", "merge", Self.three[0], "--output", "/tmp/x.yaml"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("merge needs at least two participants' files"))
    }

    @Test(arguments: [("COO", true), ("Chief Financial Officer", true), ("Plant manager", false), ("VP Operations", true),
                      ("Buyer", false), ("Head of Quality", true), ("Production supervisor", false)])
    func rolesAreReadAsExecutiveOrHandsOn(role: String, executive: Bool) {
        #expect(WorkshopAnalysis.isExecutive(role) == executive)
    }
}

@Suite("Workshop merge is fair: order, skips, figures")
struct WorkshopFairnessTests {
    static let three = WorkshopTests.three

    /// Every order of the same files gives the same bytes.
    @Test func anyOrderOfTheFilesGivesByteIdenticalOutput() throws {
        let dir = try temporaryDirectory()
        // Ben's profile differs from Ana's: the rate and a figure must not come from whoever is first.
        var ben = try String(contentsOfFile: Self.three[1], encoding: .utf8)
        ben = ben.replacingOccurrences(of: "loaded_hourly_rate: 48", with: "loaded_hourly_rate: 42")
        try ben.write(toFile: "\(dir)/raj.yaml", atomically: true, encoding: .utf8)
        let files = [Self.three[0], "\(dir)/raj.yaml", Self.three[2]]
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        var outputs = Set<String>()
        var reports = Set<String>()
        for (i, order) in orders.enumerated() {
            let run = try Binary.run(["workshop", "merge"] + order.map { files[$0] } + ["--output", "m\(i).yaml"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            outputs.insert(try String(contentsOfFile: "\(dir)/m\(i).yaml", encoding: .utf8))
            reports.insert(try Binary.run(["report", "m\(i).yaml", "--format", "json"], in: dir).stdout)
        }
        #expect(outputs.count == 1)
        #expect(reports.count == 1)
        let merged = try #require(outputs.first)
        #expect(merged.contains("loaded_hourly_rate: 42"), "strict keeps the lower rate")
        #expect(merged.contains("    - item: organization\n      field: loaded_hourly_rate\n"))
    }

    @Test func aSkipNeverBeatsAnAnswerSomeoneGave() throws {
        let q = try #require(Repo.questionnaire.question("line_level_ai_funded"))
        #expect(Workshop.settle([.yesNo(true), .yesNo(false), nil], question: q, rule: .strict) == .yesNo(true))
        let pilots = try #require(Repo.questionnaire.question("ai_pilots"))
        #expect(Workshop.settle([.number(3), .number(1), nil], question: pilots, rule: .strict) != nil)
        #expect(Workshop.settle([nil, nil], question: pilots, rule: .strict) == nil)
        let tools = try #require(Repo.questionnaire.question("staff_ai_tools"))
        #expect(Workshop.settle([.choice("ad_hoc"), nil, .choice("standardized")], question: tools, rule: .strict) == .choice("ad_hoc"))
    }

    static let settleRows: [(answers: [Answer?], rule: Workshop.Rule, expected: Answer?)] = [
        ([.choice("none"), .choice("ad_hoc"), .choice("standardized")], .strict, .choice("none")),
        ([.choice("ad_hoc"), .choice("ad_hoc"), .choice("none")], .majority, .choice("ad_hoc")),
        ([.choice("ad_hoc"), .choice("none")], .majority, .choice("none")),
        ([.yesNo(true), .yesNo(false)], .strict, .yesNo(false)),
        ([.number(2), .number(0), nil], .strict, .number(0)),
    ]

    @Test(arguments: settleRows)
    func settleAsATable(answers: [Answer?], rule: Workshop.Rule, expected: Answer?) throws {
        let id: String
        switch answers[0] {
        case .yesNo?: id = "new_agent_ships_in_weeks"
        case .number?: id = "ai_pilots"
        default: id = "staff_ai_tools"
        }
        let q = try #require(Repo.questionnaire.question(id))
        #expect(Workshop.settle(answers, question: q, rule: rule) == expected)
    }

    @Test func pilotsTakeTheAnswerThatPlacesLowestThenShowsTheMost() throws {
        let dir = try temporaryDirectory()
        let base = try String(contentsOfFile: Self.three[0], encoding: .utf8)
        for (name, pilots) in [("Ana Ruiz", "3"), ("Ben Cole", "1"), ("Cy Park", "unknown")] {
            var text = base.replacingOccurrences(of: "ai_pilots: 0", with: "ai_pilots: \(pilots)")
            text = text.replacingOccurrences(of: "{name: Ana Ruiz, role: COO}", with: "{name: \(name), role: COO}")
            try text.write(toFile: "\(dir)/\(name.prefix(3)).yaml", atomically: true, encoding: .utf8)
        }
        let run = try Binary.run(["workshop", "merge", "Ana.yaml", "Ben.yaml", "Cy .yaml", "--output", "m.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let merged = try String(contentsOfFile: "\(dir)/m.yaml", encoding: .utf8)
        // 3 and 1 both place at Stage 1; 3 also shows the stalled pilots. A skip never wins.
        #expect(merged.contains("  ai_pilots: 3\n"))
        // Between 0 and 1, 0 places lower: the room is never graded up.
        let three = try WorkshopTests().merged(Self.three)
        #expect(three.text.contains("  ai_pilots: 0\n"))
    }

    @Test func participantsMayFollowOneFlag() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["workshop", "run", "--participants", "Ana (CEO)", "Ben (Plant manager)", "Cy (AP clerk)",
                                  "--output", "w.yaml"], in: dir, stdin: "")
        #expect(!run.stderr.contains("name at least two"))
        #expect(run.stdout.contains("Workshop: Ana, Ben, Cy"))
    }

    @Test func ruleHelpListsOnlyWhatMergeAccepts() throws {
        let help = try Binary.run(["workshop", "merge", "--help"])
        #expect(!help.stdout.contains("consensus"))
        let refused = try Binary.run(["workshop", "merge", "a.yaml", "b.yaml", "-o", "m.yaml", "--rule", "consensus"])
        #expect(refused.status == 64)
    }

    @Test func anUnfinishedInterviewIsMergedWithAWarningThatNamesWhatIsMissing() throws {
        let dir = try temporaryDirectory()
        let half = "version: 1\nquestionnaire: ai-maturity-manufacturing\norganization: {name: Acme Castings, currency: USD, loaded_hourly_rate: 48}\n"
                   + "assessed_on: 2026-11-20\nrespondents: [{name: Cy Park, role: AP clerk}]\nanswers:\n  staff_ai_tools: ad_hoc\n"
                   + "interview: {next: q:tool_gains_measured}\n"
        try half.write(toFile: "\(dir)/cy.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["workshop", "merge", Self.three[0], "\(dir)/cy.yaml", "--output", "m.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("cy.yaml: warning: this interview is not finished; no answer yet to: Tool savings measured"))
    }
}

@Suite("A facilitated workshop, piped")
struct WorkshopRunTests {
    static let profile = ["Acme", "", "", "48", "2026-11-20", "", ""]

    @Test func backAtTheConsensusReasksTheLastPersonNotTheWholeQuestion() throws {
        let dir = try temporaryDirectory()
        let keys = Self.profile + ["1", "3", "back", "2", "", "", "quit"]
        let run = try Binary.run(["workshop", "run", "--participants", "Ana (CEO)", "Ben (Ops)", "--output", "w.yaml"], in: dir,
                                 stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        // After back, Ben is asked again; Ana's answer stands (she is next asked on question 2).
        #expect(run.stdout.contains("Consensus the room records [none]: back\n   Ben (Ops), your answer: 2\n  Spread: ad_hoc — Ben; none — Ana"))
        let saved = try String(contentsOfFile: "\(dir)/w.yaml", encoding: .utf8)
        #expect(saved.contains("answers: {Ana: none, Ben: ad_hoc}"))
    }

    @Test func aFinishedWorkshopWritesItsReports() throws {
        let dir = try temporaryDirectory()
        // Two people who agree on everything, no agents, no processes.
        var keys = Self.profile
        for _ in 0..<6 { keys += ["1", "1"] }
        keys += ["done", "done", ""]
        let run = try Binary.run(["workshop", "run", "--participants", "Ana (CEO)", "Ben (Ops)", "--output", "w.yaml"], in: dir,
                                 stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Wrote w.yaml, w.html, w.md"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/w.html"))
    }

    @Test func aQuestionReaskedFromTheReviewStaysBlind() throws {
        let dir = try temporaryDirectory()
        var keys = Self.profile + ["1", "3", "", ""]          // split on staff tools: consensus none, no dissent
        keys += ["n", "n", "0", "0", "n", "n", "n", "n", "n", "n"]
        keys += ["done", "done", "7", "", "", "", "", ""]     // review: re-ask question 7, Enter keeps each answer unseen
        let run = try Binary.run(["workshop", "run", "--participants", "Ana (CEO)", "Ben (Ops)", "--output", "w.yaml"], in: dir,
                                 stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Ana (CEO), your answer (Enter keeps your earlier one):"))
        #expect(!run.stdout.contains("your answer [none]") && !run.stdout.contains("your answer [standardized]"))
        #expect(try String(contentsOfFile: "\(dir)/w.yaml", encoding: .utf8).contains("answers: {Ana: none, Ben: standardized}"))
    }
}
