import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// The words layer: Core's phrases said from the table, in the reader's formats.
@Suite("Phrase table")
struct PhraseBookTests {
    let book = PhraseBook(language: "en", entries: [
        "count.day": .plural(one: "{n} day", other: "{n} days"),
        "move.own": .text("Give {agent} an owner within {days}"),
        "list.and": .text("and"),
        "number.2": .text("two"),
    ], currency: "EUR")

    @Test func placeholdersTakeTheirValuesInTheReadersFormats() {
        #expect(book.say(Phrase("move.own", ["agent": .text("Quote bot"), "days": .count(14, "day")])) == "Give Quote bot an owner within 14 days")
        #expect(book.say(Phrase("move.own", ["agent": .text("Quote bot"), "days": .count(1, "day")])) == "Give Quote bot an owner within 1 day")
        #expect(book.value(.money(159_588)) == "€159,588")
        #expect(book.value(.words(2)) == "two")
        #expect(book.value(.words(21)) == "21")
        #expect(book.value(.list([.text("a"), .text("b"), .text("c")])) == "a, b and c")
        #expect(book.value(.percent(0.92)) == "92%")
    }

    @Test func aUsersOwnWordsAreSaidAsTyped() {
        // Braces in a name are the user's, not a placeholder.
        #expect(book.say(.verbatim("R&D {east}")) == "R&D {east}")
        #expect(book.say(Phrase("move.own", ["agent": .text("{days}"), "days": .count(2, "day")])) == "Give {days} an owner within 2 days")
    }

    @Test func aKeyTheTableLacksShowsItself() {
        #expect(book.say(Phrase("move.nowhere")) == "[move.nowhere]")
    }

    @Test func theLoaderRefusesABrokenPlaceholderWithItsLine() throws {
        let text = "ok: \"fine {n}\"\nbroken: \"Give {agent an owner\"\n"
        #expect(throws: ValidationFailure.self) { try PhraseLoader.load(text: text, file: "de.yaml", language: "de") }
        do {
            _ = try PhraseLoader.load(text: text, file: "de.yaml", language: "de")
        } catch {
            #expect(error.description.contains("de.yaml:2"))
            #expect(error.description.contains("broken"))
        }
    }

    @Test func aTranslationMustKeepEveryKeyAndPlaceholder() throws {
        let en = try PhraseLoader.load(text: "a: \"{agent} has {n}\"\nb: \"x\"\n", file: "en.yaml", language: "en")
        let de = try PhraseLoader.load(text: "a: \"{agent} hat\"\nc: \"y\"\n", file: "de.yaml", language: "de")
        let gaps = PhraseLoader.differences(en, de)
        #expect(gaps.contains { $0.hasPrefix("a: placeholders") })
        #expect(gaps.contains("b: missing in de"))
        #expect(gaps.contains("c: not in en"))
    }

    /// Every key the code names literally is in the English table.
    @Test func everyKeyTheCodeNamesIsInTheTable() throws {
        let words = Repo.words
        var missing: [String] = []
        let sources = Repo.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        let pattern = try NSRegularExpression(pattern: #"Phrase\("([a-z0-9_.]+)""#)
        var found = 0
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range(at: 1), in: text) else { continue }
                found += 1
                let key = String(text[r])
                if words.entries[key] == nil, !key.hasSuffix(".") { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(found > 150)
        #expect(missing.isEmpty, "keys missing from phrases/en.yaml: \(missing)")
    }
}
