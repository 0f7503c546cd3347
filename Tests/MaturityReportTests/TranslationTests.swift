import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// Every language has every key, with the same placeholders: the report's phrases, the
/// questionnaire's words and the file checker's messages (issue 25). The build checks the first
/// two as well; this says which key is missing by name.
@Suite("Translations")
struct TranslationTests {
    static func book(_ code: String) throws -> PhraseBook {
        let file = Repo.path("phrases/\(code).yaml")
        return try PhraseLoader.load(text: try FileStore().readText(file), file: file, language: code)
    }

    @Test(arguments: ["de", "es"])
    func everyPhraseKeyIsTranslatedWithItsPlaceholders(_ code: String) throws {
        let other = try Self.book(code)
        #expect(PhraseLoader.differences(Repo.words, other) == [])
        #expect(PhraseLoader.differences(Repo.questionnaire, other) == [])
    }

    /// The checker's messages keep their English in code beside the key; each language has each one.
    @Test(arguments: ["de", "es"])
    func everyFileCheckerMessageIsTranslated(_ code: String) throws {
        let other = try Self.book(code)
        let source = try String(contentsOfFile: Repo.path("Sources/MaturityYAML/FileProblem.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"say\("(file\.[a-z_]+)", \[[^\]]*\],\s*"((?:[^"\\]|\\.)*)""#)
        let matches = pattern.matches(in: source, range: NSRange(source.startIndex..., in: source))
        #expect(matches.count >= 20)
        for m in matches {
            let key = String(source[Range(m.range(at: 1), in: source)!])
            let english = String(source[Range(m.range(at: 2), in: source)!])
            guard case .text(let text)? = other.entries[key] else { Issue.record("\(key) is missing in \(code)"); continue }
            #expect(PhraseBook.placeholders(text) == PhraseBook.placeholders(english), "\(key): placeholders differ in \(code)")
        }
    }

    /// No currency word in any language's report phrases: money arrives formatted, in the company's currency.
    @Test(arguments: ["en", "de", "es"])
    func noTableSaysDollar(_ code: String) throws {
        let book = try Self.book(code)
        // The interview names the US dollar once, to ask for the company's rate to it.
        for (key, entry) in book.entries where !key.hasPrefix("file.") && !key.hasPrefix("cli.") {
            for form in entry.forms {
                #expect(form.range(of: "dollar", options: .caseInsensitive) == nil && form.range(of: "dólar", options: .caseInsensitive) == nil,
                        "\(code) \(key): \(form)")
            }
        }
    }

    /// The numbers a reader sees follow the language; the form files keep does not.
    @Test func formatsFollowTheLanguage() throws {
        let de = try Self.book("de"), es = try Self.book("es")
        #expect(de.longDate(Day(iso: "2026-12-06")!) == "6. Dezember 2026")
        #expect(es.longDate(Day(iso: "2026-12-06")!) == "6 de diciembre de 2026")
        #expect(de.tableDate(iso: "2026-12-06") == "06.12.2026")
        #expect(es.tableDate(iso: "2026-12-06") == "06/12/2026")
        #expect(Repo.words.tableDate(iso: "2026-12-06") == "2026-12-06")
        Language.$current.withValue(Language(code: "de")) {
            #expect(de.for(currency: "EUR", questionnaire: nil).value(.money(159_588)) == "159.588 €")
            #expect(de.value(.number(1234.5, decimals: 1)) == "1.234,5")
        }
    }
}
