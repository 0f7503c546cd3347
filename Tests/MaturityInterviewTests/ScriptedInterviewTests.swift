import Foundation
@testable import MaturityCLI
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// A terminal that types a script of lines and keeps everything said, so the interview runs
/// in-process: no binary, no pipe, no tmux (one tmux test in MaturityCLITests keeps the real terminal honest).
final class ScriptedTerminal: Terminal {
    var lines: [String]
    var transcript: [String] = []
    var prompts = 0
    let colors = false

    init(_ lines: [String]) { self.lines = lines }

    func ask(_ prompt: String) -> String? {
        prompts += 1
        transcript.append(prompt)
        guard !lines.isEmpty else { return nil }
        return lines.removeFirst()
    }

    func say(_ text: String) { transcript.append(text) }
}

@Suite("The interview, scripted through the Terminal protocol")
struct ScriptedInterviewTests {
    static let answers = Repo.path("Tests/MaturityCLITests/Fixtures/interview-answers.txt")
    static let golden = Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml")

    func run(_ lines: [String], in dir: String) throws -> (Interview.Outcome, Interview, ScriptedTerminal) {
        let terminal = ScriptedTerminal(lines)
        let q = Repo.questionnaire
        let interview = Interview(terminal: terminal, questionnaire: q, path: "\(dir)/acme.yaml",
                                  draft: Draft(questionnaireID: q.id), previous: nil, today: Day(iso: "2026-11-20")!)
        return (try interview.run(from: nil), interview, terminal)
    }

    @Test func theScriptedAnswersWriteTheDesignFile() throws {
        let dir = try temporaryDirectory()
        let lines = try String(contentsOfFile: Self.answers, encoding: .utf8).components(separatedBy: "\n")
        let (outcome, interview, terminal) = try run(lines, in: dir)
        #expect(outcome == .finished)
        #expect(try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8) == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
        // The finished draft is an assessment without reading the file back, and it places as the file does.
        let evaluation = Evaluation(try interview.draft.assessment(), questionnaire: Repo.questionnaire)
        let loaded = try FileStore().loadAssessment("\(dir)/acme.yaml")
        #expect(evaluation == Evaluation(loaded.assessment, questionnaire: loaded.questionnaire))
        #expect(evaluation.placement.stage == 2)
        #expect(terminal.transcript.allSatisfy { !$0.contains("\u{1B}[") }, "no colour codes when colours are off")
    }

    @Test func inputThatEndsMidwaySavesWhatWasConfirmed() throws {
        let dir = try temporaryDirectory()
        let (outcome, interview, _) = try run(["Acme Castings", "Metal castings"], in: dir)
        #expect(outcome == .ended)
        #expect(interview.draft.name == "Acme Castings")
        let saved = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        #expect(saved.contains("organization: {name: Acme Castings, industry: Metal castings"))
        #expect(saved.contains("interview: {next:"))
        #expect(throws: DraftIncomplete.self) { try interview.draft.assessment() }
    }

    /// Core names the missing keys; the command line says them (`cli.draft.incomplete`).
    @Test func anIncompleteDraftSaysWhatIsMissing() {
        #expect(DraftIncomplete(missing: ["organization.name", "assessed_on"]).description
            == "error: the assessment is not complete: organization.name, assessed_on are missing")
        #expect(DraftIncomplete(missing: ["assessed_on"]).description == "error: the assessment is not complete: assessed_on is missing")
        Language.$current.withValue(Phrases.language("de")) {
            #expect(DraftIncomplete(missing: ["assessed_on"]).description == "error: die Bewertung ist nicht vollständig: assessed_on fehlt")
        }
    }

    @Test func quitSavesAndSaysHowToContinue() throws {
        let dir = try temporaryDirectory()
        let (outcome, _, terminal) = try run(["Acme Castings", "quit"], in: dir)
        #expect(outcome == .quit)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/acme.yaml"))
        #expect(terminal.prompts == 2)
    }
}

/// What the build compiled into the binary is what the files say.
@Suite("Content compiled at build time")
struct CompiledContentTests {
    @Test func theCompiledQuestionnaireIsTheFileLoaded() throws {
        let compiled = try #require(CompiledContent.questionnaires["ai-maturity-manufacturing"])
        #expect(compiled == Repo.questionnaire)
        #expect(CompiledContent.questionnaires.count == ContentLibrary.builtInQuestionnaireIDs.count)
    }

    @Test func theCompiledPhraseTableIsTheFileLoaded() throws {
        let compiled = try #require(CompiledContent.phrases["en"])
        #expect(compiled == Repo.words.entries)
        #expect(Phrases.english.entries.count == Repo.words.entries.count)
    }
}

/// Numbers as people type them in the interview: read right, and said back when not typed plainly.
@Suite("Numbers as people type them, in the interview")
struct TypedNumberTests {
    @Test func aOneLineProcessKeepsAThousandsComma() {
        let p = ProcessLine.parse("Quote prep, 60h, 1,200/wk, SAP S/4", questionnaire: Repo.questionnaire)
        #expect(p.name == "Quote prep")
        #expect(p.hoursPerWeek == 60)
        #expect(p.volumePerWeek == 1200)
        #expect(p.systemOfRecord == "erp")
    }

    /// The same line as a German or Spanish planner types it: a decimal comma and their units (issue 25).
    @Test(arguments: [("Angebotserstellung, 12,5 Std, 300 Fälle/Woche, ERP, verantwortlich Anja Böhm", "Anja Böhm"),
                      ("Cotizaciones, 12,5 horas, 300 casos/sem, ERP, responsable Lucía Ibáñez", "Lucía Ibáñez")])
    func aOneLineProcessInGermanOrSpanish(_ line: String, _ owner: String) {
        let p = ProcessLine.parse(line, questionnaire: Repo.questionnaire)
        #expect(p.hoursPerWeek == 12.5)
        #expect(p.volumePerWeek == 300)
        #expect(p.systemOfRecord == "erp")
        #expect(p.ownerCandidate == owner)
    }

    @Test(arguments: [("40k", 40_000.0), ("€40k maybe", 40_000), ("1.2m", 1_200_000), ("EUR 40.000", 40_000)])
    func moneyIsReadAndEchoed(_ typed: String, _ value: Double) {
        let terminal = ScriptedTerminal([typed])
        let reply = terminal.ask(Prompt(position: "[Agent 1]", text: "Euros it earns a year", help: nil, defaultText: nil,
                                        skippable: true, parse: Parse.number(unit: "money per year", example: "85000", min: 0)))
        guard case .value(let v) = reply else {
            Issue.record("not read: \(reply)")
            return
        }
        #expect(v == value)
        #expect(terminal.transcript.contains("  Read as \(Format.number(value))."))
    }

    @Test func aPlainNumberIsNotEchoed() {
        let terminal = ScriptedTerminal(["85000"])
        _ = terminal.ask(Prompt(position: "[Agent 1]", text: "Dollars it earns a year", help: nil, defaultText: nil,
                                skippable: true, parse: Parse.number(unit: "money per year", example: "85000", min: 0)))
        #expect(!terminal.transcript.contains { $0.hasPrefix("  Read as") })
    }
}
