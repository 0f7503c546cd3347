import Foundation
import MaturityCore
import MaturityStore
import MaturityYAML
import MaturityTestSupport
import Testing

/// The questionnaire's words about money are the model's: the file lists how they read for a
/// company that keeps its books in another currency (`money_words:`, `currency_names:`), and
/// the engine only applies that list. A questionnaire without it keeps its own words.
@Suite("Money words from the questionnaire")
struct MoneyWordsTests {
    static let shipped = Repo.path("questionnaires/ai-maturity-manufacturing.yaml")

    /// The shipped file with its first stage's summary saying dollars, after `edit`.
    func load(_ edit: (String) -> String = { $0 }) throws -> Questionnaire {
        let text = try FileStore().readText(Self.shipped)
        let summary = try #require(Repo.questionnaire.stage(0)?.summary)
        let said = "Nobody can say by how many dollars its dollars grew; a $250M plant counts US dollars."
        #expect(text.contains(summary))
        return try QuestionnaireLoader.load(text: edit(text.replacingOccurrences(of: summary, with: said)), file: "q.yaml")
    }

    @Test func theFilesMoneyWordsSayTheCompanysCurrency() throws {
        let q = try load()
        #expect(q.moneyWords.count >= 10 && q.currencyNames.contains { $0.code == "EUR" && $0.plural == "euros" })
        #expect(q.inCurrency("EUR").stage(0)?.summary == "Nobody can say by how much its value in euros grew; a USD 250M plant counts USD.")
        #expect(q.inCurrency("MXN").stage(0)?.summary == "Nobody can say by how much its value in pesos grew; a USD 250M plant counts USD.")
        // A currency the file does not name is said by its code; US dollars stay as written.
        #expect(q.inCurrency("CAD").stage(0)?.summary == "Nobody can say by how much its value in CAD grew; a USD 250M plant counts USD.")
        #expect(q.inCurrency("USD").stage(0)?.summary == "Nobody can say by how many dollars its dollars grew; a $250M plant counts US dollars.")
    }

    @Test func aQuestionnaireWithoutMoneyWordsKeepsItsOwn() throws {
        let q = try load { text in
            let start = try! #require(text.range(of: "money_words:"))
            let end = try! #require(text.range(of: "# Placement questions"))
            return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        }
        #expect(q.moneyWords.isEmpty && q.currencyNames.isEmpty)
        #expect(q.inCurrency("EUR").stage(0)?.summary == "Nobody can say by how many dollars its dollars grew; a USD 250M plant counts US dollars.")
    }

    @Test func aMisspeltEntryIsRefusedWithItsLine() throws {
        let text = try FileStore().readText(Self.shipped)
            .replacingOccurrences(of: "{code: GBP, singular: pound, plural: pounds}", with: "{code: GBP, singular: pound, plurals: pounds}")
        do {
            _ = try QuestionnaireLoader.load(text: text, file: "q.yaml")
            Issue.record("a misspelt key was accepted")
        } catch {
            let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("plurals") }) + 1
            let messages = error.diagnostics.map(\.description).joined(separator: "\n")
            #expect(messages.contains("q.yaml:\(line):"), "\(messages)")
            #expect(messages.contains("plurals"))
        }
    }
}
