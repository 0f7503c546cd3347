import Foundation
import MaturityCore
import MaturityTestSupport
import Testing

/// "Where the room disagreed": what would move the stage is said once, true for the whole room,
/// and each person's answer is listed once.
@Suite("The room's table in the report")
struct WorkshopRoomReportTests {
    /// The facilitator recorded the generous answers: ad hoc tool use and three pilots (Stage 1).
    /// Ana's none and 0 each leave it at Stage 1 alone (either one still earns it), but together place it at Stage 0.
    static let generousConsensus = """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: Acme Castings, currency: USD, loaded_hourly_rate: 48}
        assessed_on: 2026-11-20
        respondents: [{name: Ana Ruiz, role: COO}, {name: Lee Chan, role: Buyer}]
        answers:
          staff_ai_tools: ad_hoc
          tool_gains_measured: false
          ai_pilots: 3
          line_level_ai_funded: false
          ai_in_core_decisions: false
          ai_in_product: false
        workshop:
          rule: consensus
          participants: [{name: Ana Ruiz, role: COO}, {name: Lee Chan, role: Buyer}]
          disagreements:
            - question: staff_ai_tools
              answers: {Ana Ruiz: none, Lee Chan: ad_hoc}
              rule: consensus
              result: ad_hoc
            - question: ai_pilots
              answers: {Ana Ruiz: 0, Lee Chan: 3}
              rule: consensus
              result: 3
              dissent: Ana counts no real pilot
            - question: ai_in_product
              answers: {Ana Ruiz: false, Lee Chan: true}
              rule: consensus
              result: false

        """

    func report(_ text: String, format: String = "md") throws -> String {
        let dir = try temporaryDirectory()
        try text.write(toFile: "\(dir)/w.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "w.yaml", "--format", format], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func answersThatMoveTheStageOnlyTogetherAreSaidSo() throws {
        let md = try report(Self.generousConsensus)
        #expect(!md.contains("No effect on the stage"), "no row claims no effect when the two together move it")
        #expect(md.contains("| Moves it only together with AI pilots run (Stage 0) |"))
        #expect(md.contains("| Moves it only together with staff use of AI tools (Stage 0) |"))
        #expect(md.contains("| No effect alone |"), "AI in the product changes nothing, alone")
        #expect(md.components(separatedBy: "What would move the stage from Stage 1: together, staff use of AI tools answered nobody uses them for work and AI "
                                           + "pilots run answered 0 (Stage 0).").count == 2,
                "said once")
    }

    @Test func eachPersonsAnswerIsListedOnce() throws {
        let md = try report(Self.generousConsensus)
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| How do staff use AI tools") })
        #expect(row.components(separatedBy: "Ana Ruiz: nobody uses them for work").count == 2)
        #expect(row.contains("Executives: Ana Ruiz: nobody uses them for work · hands-on: Lee Chan: some people use them on their own"))
    }

    @Test func theJSONCarriesTheSetAsFacts() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report(Self.generousConsensus, format: "json").utf8)) as? [String: Any])
        let together = try #require(json["stageTogether"] as? [[String: Any]])
        #expect(together.count == 1)
        #expect(together.first?["stage"] as? Int == 0)
        let answers = try #require(together.first?["answers"] as? [[String: Any]])
        #expect(answers.compactMap { $0["question"] as? String } == ["staff_ai_tools", "ai_pilots"])
        #expect(answers.compactMap { $0["answer"] as? String } == ["none", "0"])
        #expect(answers.first?["people"] as? [String] == ["Ana Ruiz"])
    }

    @Test func aRoomWhoseAnswersChangeNothingSaysSoOnce() throws {
        // Ana's 0 pilots alone leaves ad hoc tool use, so Stage 1 stands whatever is taken.
        let text = Self.generousConsensus
            .replacingOccurrences(of: "{Ana Ruiz: none, Lee Chan: ad_hoc}", with: "{Ana Ruiz: standardized, Lee Chan: ad_hoc}")
        #expect(try report(text).contains("No answer given in the room, alone or together, moves the stage from Stage 1."))
        let quiet = """
            version: 1
            questionnaire: ai-maturity-manufacturing
            organization: {name: Acme Castings}
            assessed_on: 2026-11-20
            respondents: [{name: Ana Ruiz, role: COO}, {name: Lee Chan, role: Buyer}]
            answers:
              staff_ai_tools: ad_hoc
              ai_in_product: false
            workshop:
              rule: strict
              participants: [{name: Ana Ruiz, role: COO}, {name: Lee Chan, role: Buyer}]
              disagreements:
                - question: ai_in_product
                  answers: {Ana Ruiz: false, Lee Chan: true}
                  rule: strict
                  result: false

            """
        let plain = try report(quiet)
        #expect(plain.contains("| No effect (Stage 1 either way) |"))
        #expect(plain.contains("No answer given in the room, alone or together, moves the stage from Stage 1."))
    }
}
