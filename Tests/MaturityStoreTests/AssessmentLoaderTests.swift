import Foundation
import MaturityCore
import MaturityStore
import MaturityTestSupport
import Testing

/// One fixture per invalid-file case, each asserting the exact messages a user sees.
struct InvalidCase: CustomTestStringConvertible, Sendable {
    let file: String
    let messages: [String]
    var testDescription: String { file }
}

let invalidCases: [InvalidCase] = [
    InvalidCase(file: "syntax.yaml", messages: [
        "syntax.yaml:4:12: error: YAML syntax: while parsing a flow mapping did not find expected ',' or '}'; "
        + "check indentation, colons and quotes on this line or the one before",
    ]),
    InvalidCase(file: "unknown_key.yaml", messages: [
        "unknown_key.yaml:1: error: assessed_on is missing; add it (a date like 2026-11-20)",
        "unknown_key.yaml:4: error: assesed_on is not a known key (did you mean assessed_on?); allowed keys: version, questionnaire, organization, "
        + "assessed_on, plan_starts_on, respondents, answers, agents, processes, notes, interview, workshop",
    ]),
    InvalidCase(file: "bad_choice.yaml", messages: [
        "bad_choice.yaml:6: error: answers.staff_ai_tools is \"sometimes\"; expected none, ad_hoc or standardized",
    ]),
    InvalidCase(file: "wrong_type.yaml", messages: [
        "wrong_type.yaml:7: error: processes[0].hours_per_week is \"lots\"; expected hours per week, like 12.5",
    ]),
    InvalidCase(file: "negative_hours.yaml", messages: [
        "negative_hours.yaml:7: error: processes[0].hours_per_week is -5; it must be at least 0",
    ]),
    InvalidCase(file: "share_above_one.yaml", messages: [
        "share_above_one.yaml:8: error: processes[0].exception_share is 1.5; it must be at most 1 (0 to 1)",
    ]),
    InvalidCase(file: "many_problems.yaml", messages: [
        "many_problems.yaml:4: error: assessed_on is \"2026-11-31\"; expected a date between 1900 and 2199, like 2026-11-20 or 20.11.2026",
        "many_problems.yaml:6: error: answers.ai_pilots is \"two\"; expected a whole number, like 2",
        "many_problems.yaml:7: error: answers.new_agent_ships_in_weeks is \"maybe\"; expected yes or no (also y/n, true/false, on/off, 1/0, or x for yes)",
        "many_problems.yaml:10: error: agents[0].status is \"live\"; expected idea, pilot, shadow, approve_each, auto_with_exceptions, production or retired",
        "many_problems.yaml:11: error: agents[0].gate.tested is not a known key; allowed keys: metric_on_real_data, writes_to_system_of_record, human_handoff, "
        + "named_owner_reports_dollars, monitoring",
        "many_problems.yaml:15: error: processes[0].system_of_record is \"mainframe\"; expected erp, mes, crm, spreadsheet, email, paper or none",
    ]),
    InvalidCase(file: "newer_version.yaml", messages: [
        "newer_version.yaml:1: error: version is 2, newer than this maturity reads (1); upgrade maturity",
    ]),
    InvalidCase(file: "missing_fields.yaml", messages: [
        "missing_fields.yaml:1: error: assessed_on is missing; add it (a date like 2026-11-20)",
        "missing_fields.yaml:3: error: organization.name is missing; add it (text)",
        "missing_fields.yaml:3: error: organization.loaded_hourly_rate is missing; processes are valued with it (a loaded cost per staff hour, like 48)",
        "missing_fields.yaml:7: error: processes[1].name \"supplier follow-up\" repeats processes[0]; give each process its own name",
    ]),
    InvalidCase(file: "not_a_mapping.yaml", messages: [
        "not_a_mapping.yaml:1: error: the file should be a mapping of key: value lines; found a list",
    ]),
]

@Suite("Loading assessment files")
struct AssessmentLoaderTests {
    static let fixtures = Repo.path("Tests/MaturityStoreTests/Fixtures")

    /// Loads a fixture under the short name a user would have typed.
    func load(_ folder: String, _ name: String) throws -> AssessmentLoader.Loaded {
        let text = try FileStore().readText("\(Self.fixtures)/\(folder)/\(name)")
        return try AssessmentLoader.load(text: text, file: name) { id in
            guard id == Repo.questionnaire.id else { throw StoreError.questionnaireNotFound(id: id, searched: []) }
            return Repo.questionnaire
        }
    }

    @Test(arguments: invalidCases)
    func reportsEveryProblemWithFileLineAndFix(_ row: InvalidCase) {
        do {
            _ = try load("invalid", row.file)
            Issue.record("\(row.file) loaded, but it is invalid")
        } catch let failure as ValidationFailure {
            #expect(failure.diagnostics.map(\.description) == row.messages)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsTheDesignExample() throws {
        let loaded = try load("valid", "acme.yaml")
        let a = loaded.assessment
        #expect(a.organization.name == "Acme Castings")
        #expect(a.organization.loadedHourlyRate == 48)
        #expect(a.assessedOn.iso == "2026-11-20")
        #expect(a.planStart.iso == "2026-12-01")
        #expect(a.answers["staff_ai_tools"] == .choice("ad_hoc"))
        #expect(a.answers["ai_pilots"] == .number(2))
        #expect(a.answers["line_level_ai_funded"] == .yesNo(true))
        #expect(a.agents.first?.gate.count == 5)
        #expect(a.agents.first?.status == .production)
        #expect(a.processes.map(\.name) == ["Supplier follow-up", "Customer PO entry"])
        #expect(a.processes.first?.exceptionShare == 0.1)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        #expect(try load("valid", "bom.yaml").assessment == load("valid", "acme.yaml").assessment)
    }

    @Test func minimalFileLoadsAndKeepsUserTextAsTyped() throws {
        let a = try load("valid", "minimal.yaml").assessment
        #expect(a.organization.name == "Smith & Sons <Metal>")
        #expect(a.organization.currency == "USD")
        #expect(a.answers.isEmpty)
    }

    /// The file takes the same yes/no words as the interview and the import.
    @Test(arguments: ["yes", "Y", "true", "on", "1", "x", "ja", "oui"])
    func yesWordsReadTheSameEverywhere(_ word: String) throws {
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: X}
        assessed_on: 2026-11-20
        answers: {ai_in_product: "\(word)"}
        """
        let a = try AssessmentLoader.load(text: text, file: "x.yaml") { _ in Repo.questionnaire }.assessment
        #expect(a.answers["ai_in_product"] == .yesNo(true))
        #expect(Values.yesNo(word) == true)
    }

    @Test func aYesNoAnswerThatIsNeitherNamesTheWordsAccepted() {
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: X}
        assessed_on: 2026-11-20
        answers: {ai_in_product: maybe}
        """
        do {
            _ = try AssessmentLoader.load(text: text, file: "x.yaml") { _ in Repo.questionnaire }
            Issue.record("maybe was read as yes or no")
        } catch let failure as ValidationFailure {
            #expect(failure.diagnostics.map(\.description).contains { $0.contains("x.yaml:5") && $0.contains("\"maybe\"")
                                                                     && $0.contains("y/n, true/false, on/off, 1/0") })
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownAnswersAreNotRecorded() throws {
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: X}
        assessed_on: 2026-11-20
        answers: {staff_ai_tools: unknown, ai_pilots: ~, ai_in_product: no, tool_gains_measured: YES}
        """
        let a = try AssessmentLoader.load(text: text, file: "x.yaml") { _ in Repo.questionnaire }.assessment
        #expect(a.answers == ["ai_in_product": .yesNo(false), "tool_gains_measured": .yesNo(true)])
    }

    @Test func choicesMatchIgnoringCaseAndSharesAcceptPercent() throws {
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: X, loaded_hourly_rate: 40}
        assessed_on: 2026-11-20
        processes:
          - {name: P, hours_per_week: 10, system_of_record: ERP, write_back: API, exception_share: 10%}
        """
        let p = try #require(try AssessmentLoader.load(text: text, file: "x.yaml") { _ in Repo.questionnaire }.assessment.processes.first)
        #expect(p.systemOfRecord == "erp")
        #expect(p.writeBack == "api")
        #expect(p.exceptionShare == 0.1)
    }

    @Test func anAgentNamingNoListedProcessIsAWarningNotAnError() throws {
        let text = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: X, loaded_hourly_rate: 40}
        assessed_on: 2026-11-20
        agents:
          - {name: A, status: pilot, process: PO entry}
        processes:
          - {name: Customer PO entry, hours_per_week: 10}
        """
        let loaded = try AssessmentLoader.load(text: text, file: "x.yaml") { _ in Repo.questionnaire }
        #expect(loaded.warnings.map(\.description) == [
            "x.yaml:6: warning: agents[0].process is \"PO entry\", which names no process in the inventory; "
            + "the ranking cannot tell that this work is automated (names: Customer PO entry)",
        ])
    }
}

@Suite("Errors carry their exit codes")
struct ExitCodeTests {
    @Test(arguments: [
        (StoreError.notFound(path: "a.yaml"), ExitStatus.noInput),
        (StoreError.unreadable(path: "a.yaml", reason: "permission denied"), ExitStatus.noInput),
        (StoreError.notText(path: "a.yaml"), ExitStatus.dataError),
        (StoreError.tooLarge(path: "a.yaml", bytes: 1 << 30, limit: 1 << 20), ExitStatus.dataError),
        (StoreError.badQuestionnaireID(id: "../x"), ExitStatus.dataError),
        (StoreError.questionnaireNotFound(id: "x", searched: ["."]), ExitStatus.dataError),
        (StoreError.unwritable(path: "a.yaml", reason: "read-only"), ExitStatus.cannotCreate),
    ])
    func storeErrors(_ error: StoreError, _ code: Int32) {
        #expect(error.exitCode == code)
    }

    @Test func badDataIsSixtyFive() {
        let errors: [any ToolError] = [ValidationFailure([]), ImportError.file("a.csv", "bad")]
        #expect(errors.allSatisfy { $0.exitCode == 65 })
        #expect(FileLock.Failure.held(path: "a.yaml").exitCode == 73)
    }
}

/// A workshop file keeps each person's answer typed as its question asks.
@Suite("Workshop answers in the file")
struct WorkshopFileTests {
    func merged() throws -> String {
        var people: [(person: Respondent, draft: Draft)] = []
        for name in ["ana", "lee", "raj"] {
            let (draft, _) = try AssessmentLoader.loadDraft(text: try FileStore().readText(Repo.path("examples/workshop/\(name).yaml")),
                                                              file: name) { _ in Repo.questionnaire }
            people.append((draft.respondents.first ?? Respondent(name: name), draft))
        }
        return AssessmentWriter.yaml(WorkshopMerger.merge(people, rule: .strict, questionnaire: Repo.questionnaire), questionnaire: Repo.questionnaire)
    }

    @Test func answersAreWrittenAndReadAsTheirTypes() throws {
        let text = try merged()
        #expect(text.contains("answers: {Ana Ruiz: 0, Lee Chan: 1, Raj Patel: 0}"))
        #expect(text.contains("answers: {Ana Ruiz: false, Lee Chan: false, Raj Patel: true}"))
        let loaded = try AssessmentLoader.load(text: text, file: "m.yaml") { _ in Repo.questionnaire }
        let split = try #require(loaded.assessment.workshop?.disagreements.first { $0.question == "ai_pilots" })
        #expect(split.answers.map(\.answer) == [.number(0), .number(1), .number(0)])
        #expect(split.result == .number(0))
        // Files written before answers were typed quote them; they read the same.
        let quoted = text.replacingOccurrences(of: "{Ana Ruiz: 0, Lee Chan: 1, Raj Patel: 0}", with: "{Ana Ruiz: \"0\", Lee Chan: \"1\", Raj Patel: \"0\"}")
        #expect(quoted != text)
        let old = try AssessmentLoader.load(text: quoted, file: "m.yaml") { _ in Repo.questionnaire }
        #expect(old.assessment == loaded.assessment)
    }

    @Test func anAnswerOfTheWrongTypeIsRefusedWithItsLine() throws {
        let text = try merged().replacingOccurrences(of: "Raj Patel: true}", with: "Raj Patel: maybe}")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Raj Patel: maybe") }) + 1
        #expect(throws: ValidationFailure.self) { try AssessmentLoader.load(text: text, file: "m.yaml") { _ in Repo.questionnaire } }
        do {
            _ = try AssessmentLoader.load(text: text, file: "m.yaml") { _ in Repo.questionnaire }
        } catch {
            #expect("\(error)".hasPrefix("m.yaml:\(line): error: workshop.disagreements["))
            #expect("\(error)".contains(".answers.Raj Patel is \"maybe\"; expected yes or no"))
        }
    }
}

/// Problems in a file are cases: a test pins the kind and its values, and the sentence follows.
@Suite("File problems, by kind")
struct FileProblemTests {
    @Test func everyProblemInAFileIsAKind() throws {
        let file = Repo.path("Tests/MaturityStoreTests/Fixtures/invalid/many_problems.yaml")
        let text = try FileStore().readText(file)
        let failure = try #require(throws: ValidationFailure.self) { try AssessmentLoader.load(text: text, file: "m.yaml") { _ in Repo.questionnaire } }
        let systems = try #require(Repo.questionnaire.processFields.first { $0.id == "system_of_record" }).choiceValues
        #expect(failure.diagnostics.map(\.problem) == [
            .notADate(path: "assessed_on", value: "2026-11-31"),
            .notANumber(path: "answers.ai_pilots", value: "two", unit: "a whole number", example: "2"),
            .notYesNo(path: "answers.new_agent_ships_in_weeks", value: "maybe"),
            .notAChoice(path: "agents[0].status", value: "live", allowed: AgentStatus.allCases.map(\.rawValue)),
            .unknownKey(path: "agents[0].gate.tested", allowed: Repo.questionnaire.gateBars.map(\.id), suggestion: nil),
            .notAChoice(path: "processes[0].system_of_record", value: "mainframe", allowed: systems),
        ])
    }

    @Test func aFilesOwnRulesAreKindsToo() throws {
        let acme = try FileStore().readText(Repo.path("examples/acme.yaml"))
        let names = try AssessmentLoader.load(text: acme, file: "a.yaml") { _ in Repo.questionnaire }.assessment.processes.map(\.name)
        let first = try #require(names.first)
        // A second process of the same name, and an agent pointing at a process nobody listed.
        var text = acme.replacingOccurrences(of: "processes:\n", with: "processes:\n  - {name: \(first), hours_per_week: 3}\n")
        #expect(text != acme)
        text = text.replacingOccurrences(of: "agents:\n", with: "agents:\n  - {name: Bot, status: pilot, side: office, process: Fax filing}\n")
        let failure = try #require(throws: ValidationFailure.self) { try AssessmentLoader.load(text: text, file: "a.yaml") { _ in Repo.questionnaire } }
        #expect(failure.diagnostics.map(\.problem).contains(.repeatedName(list: "processes", index: 1, name: first, first: 0, noun: "process")))
        #expect(failure.diagnostics.contains { $0.severity == .warning
                                              && $0.problem == .unknownProcess(path: "agents[0].process", process: "Fax filing", names: [first] + names) })
    }

    @Test func aNearMissKeyNamesTheKeyItMeant() throws {
        let text = try FileStore().readText(Repo.path("examples/acme.yaml")).replacingOccurrences(of: "assessed_on:", with: "assesed_on:")
        let failure = try #require(throws: ValidationFailure.self) { try AssessmentLoader.load(text: text, file: "a.yaml") { _ in Repo.questionnaire } }
        #expect(failure.diagnostics.contains { if case .unknownKey(path: "assesed_on", _,
                                                                   suggestion: "assessed_on") = $0.problem { return true }; return false })
        #expect(failure.diagnostics.contains { $0.problem == .missing(path: "assessed_on", expected: "a date like 2026-11-20") })
    }
}
