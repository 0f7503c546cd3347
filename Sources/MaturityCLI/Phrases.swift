import Foundation
import MaturityCore
import MaturityReport

/// The phrase tables compiled into the binary (phrases/*.yaml, checked at build time).
enum Phrases {
    static let english = book("en")

    static func book(_ code: String) -> PhraseBook {
        PhraseBook(language: code, entries: CompiledContent.phrases[code] ?? CompiledContent.phrases["en"] ?? [:])
    }

    /// The words of the run's language (`--lang`, else the locale, else English).
    static var current: PhraseBook { Language.current.code == "en" ? english : book(Language.current.code) }

    /// A language with its number style and its words for the built-in questionnaires.
    static func language(_ tag: String) -> Language {
        let code = String(tag.prefix(2)), region = tag.count == 5 ? String(tag.suffix(2)) : nil
        guard code != "en" else { return .english }
        let table = book(code)
        var texts: [String: (english: String, text: String)] = [:]
        for q in CompiledContent.questionnaires.values {
            for (key, english) in q.texts {
                if case .text(let t)? = table.entries[key] { texts[key] = (english, t) }
            }
        }
        var numbers: [Int: String] = [:]
        for n in 0...20 { if case .text(let t)? = table.entries["number.\(n)"] { numbers[n] = t } }
        var language = Language(code: code, region: region, questionnaireTexts: texts, numberWords: numbers)
        for (key, entry) in table.entries where key.hasPrefix("file.") { if case .text(let t) = entry { language.messages[key] = t } }
        return language
    }

    /// The language asked for: `--lang de` or `--lang=de` on the command line, else `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` (`de_DE.UTF-8` → German), else English. Nil with the wrong value.
    static func requested(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, LanguageError> {
        var given: String?
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { given = arguments[i + 1] }
            if a.hasPrefix("--lang=") { given = String(a.dropFirst("--lang=".count)) }
        }
        if let given {
            // en, de, es, or with a region: es-MX (Mexico's number style), de_AT.
            return Language.code(fromLocale: given).map { .success($0) } ?? .failure(LanguageError(value: given))
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return .success(Language.code(fromLocale: value) ?? "en") }
        }
        return .success("en")
    }

    struct LanguageError: Error, CustomStringConvertible {
        var value: String
        var description: String { "--lang \(value): reports are written in en (English), de (Deutsch) or es (Español), "
                                  + "with a region if you like (es-MX writes figures the Mexican way); pick one of those" }
    }
}
