import Foundation
import Testing
import MaturityCore
import MaturityTestSupport

@Suite struct QuestionnaireTextsTests {
    @Test func everyTextHasOneKeyAndTranslatesBack() throws {
        let q = Repo.questionnaire
        let texts = q.texts
        #expect(Set(texts.map(\.key)).count == texts.count, "two texts share a key")
        #expect(texts.contains { $0.key == "q.question.ai_pilots.prompt" })
        #expect(texts.contains { $0.key == "q.rung.shadow.gate" && $0.text.contains("{min_cases}") })
        // Swapping every text leaves ids and numbers alone.
        let upper = q.mapTexts { _, text in text.uppercased() }
        #expect(upper.questions.map(\.id) == q.questions.map(\.id))
        #expect(upper.parameters.roiMinimum == q.parameters.roiMinimum)
        #expect(upper.stage(1)?.name == q.stage(1)?.name.uppercased())
        if let path = ProcessInfo.processInfo.environment["MATURITY_DUMP_TEXTS"] {
            let yaml = texts.map { "\($0.key): \"\($0.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }
            try (yaml.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
