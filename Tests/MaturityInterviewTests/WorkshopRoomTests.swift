import Foundation
@testable import MaturityCLI
import MaturityCore
import MaturityStore
import MaturityTestSupport
import Testing

/// The facilitated workshop, in-process through the Terminal protocol: a re-asked question stays
/// blind, and a recorded dissent survives Enter.
@Suite("A workshop run is fair")
struct WorkshopRoomTests {
    static let profile = ["Acme", "", "", "48", "2026-11-20", "", ""]
    /// The five other questions, both answering the same (no agents, so the agent questions are passed over), then no agents and no processes.
    static let rest = ["n", "n", "0", "0", "n", "n", "n", "n", "n", "n", "done", "done"]

    func run(_ keys: [String]) throws -> (Interview, ScriptedTerminal) {
        let dir = try temporaryDirectory()
        let terminal = ScriptedTerminal(keys)
        let q = Repo.questionnaire
        var draft = Draft(questionnaireID: q.id)
        let people = [Respondent(name: "Ana", role: "CEO"), Respondent(name: "Ben", role: "Ops")]
        draft.respondents = people
        draft.workshop = Workshop(rule: .consensus, participants: people)
        let interview = Interview(terminal: terminal, questionnaire: q, path: "\(dir)/w.yaml", draft: draft, previous: nil, today: Build.day)
        interview.participants = people
        let outcome = try interview.run(from: nil as String?)
        #expect(outcome == .finished)
        return (interview, terminal)
    }

    @Test func aQuestionReaskedFromTheReviewDoesNotShowAnyonesEarlierAnswer() throws {
        // Staff tools split: Ana none, Ben standardized; consensus none. Then the review re-asks it (7):
        // Enter keeps each earlier answer without showing it.
        let keys = Self.profile + ["1", "3", "", ""] + Self.rest + ["7", "", "", "", "", ""]
        let (interview, terminal) = try run(keys)
        let reasked = terminal.transcript.drop { !$0.hasPrefix("Review") }
        #expect(reasked.contains { $0.contains("Ana (CEO), your answer (Enter keeps your earlier one): ") })
        #expect(!reasked.contains { $0.contains("your answer [") }, "no earlier answer is shown as a default")
        #expect(!terminal.transcript.contains { $0.contains("[none]:") && $0.contains("your answer") })
        let entry = try #require(interview.draft.workshop?.disagreements.first { $0.question == "staff_ai_tools" })
        #expect(entry.answers == [.init(person: "Ana", answer: .choice("none")), .init(person: "Ben", answer: .choice("standardized"))])
    }

    @Test func enterAtTheDissentNoteKeepsTheDissentRecorded() throws {
        let keys = Self.profile + ["1", "3", "", "Ben sees licensed use in sales"] + Self.rest
            + ["7", "", "", "", "", ""]                  // re-ask: both keep their answers, Enter at the consensus and at the note
        let (interview, terminal) = try run(keys)
        #expect(terminal.transcript.contains("Dissent note (Enter keeps it; none clears it)"))
        #expect(terminal.transcript.contains("[Ben sees licensed use in sales] > "), "the recorded dissent is the default Enter takes")
        let entry = try #require(interview.draft.workshop?.disagreements.first { $0.question == "staff_ai_tools" })
        #expect(entry.dissent == "Ben sees licensed use in sales")
        #expect(!entry.pending)
    }

    @Test func noneClearsARecordedDissent() throws {
        let keys = Self.profile + ["1", "3", "", "Ben disagrees"] + Self.rest + ["7", "", "", "", "none", ""]
        let (interview, _) = try run(keys)
        let entry = try #require(interview.draft.workshop?.disagreements.first { $0.question == "staff_ai_tools" })
        #expect(entry.dissent == nil)
    }

    @Test func aNewAnswerAtTheReaskReplacesTheEarlierOne() throws {
        let keys = Self.profile + ["1", "3", "", ""] + Self.rest + ["7", "2", "", "", "", ""]
        let (interview, _) = try run(keys)
        let entry = try #require(interview.draft.workshop?.disagreements.first { $0.question == "staff_ai_tools" })
        #expect(entry.answers.map(\.answer) == [.choice("ad_hoc"), .choice("standardized")])
    }
}

/// `workshop import` on a terminal asks for the name column only when it is unclear.
@Suite("Workshop import asks what it cannot find")
struct WorkshopImportChoiceTests {
    @Test func anUnclearNameColumnIsAskedOnATerminal() throws {
        let table = SurveyTable(file: "r.csv", headers: ["Timestamp", "Who are you?", "Is AI part of the product you sell?"],
                                rows: [.init(number: 2, cells: ["2026-11-18", "Ana Ruiz", "No"])])
        let command = try WorkshopCommand.Import.parse(["r.csv", "--output", "room", "--company", "Acme"])
        let terminal = ScriptedTerminal(["2"])
        #expect(command.chosenNameColumn(table, terminal: terminal) == "2")
        #expect(terminal.transcript.contains("No column looks like the respondents' names. The columns:"))
        // Through a pipe (no terminal) nothing is asked.
        #expect(command.chosenNameColumn(table, terminal: nil) == nil)
        // A clear name column is never asked about.
        let clear = SurveyTable(file: "r.csv", headers: ["Your name", "Is AI part of the product you sell?"], rows: [.init(number: 2, cells: ["Ana", "No"])])
        let quiet = ScriptedTerminal([])
        #expect(command.chosenNameColumn(clear, terminal: quiet) == nil)
        #expect(quiet.prompts == 0)
    }
}
