/// The reader's language for one run: its code (`en`, `de`, `es`), how it writes numbers, and its
/// words for the built-in questionnaire. Set once by the command line around the whole run with
/// `Language.$current.withValue(…)`; English when nothing sets it (tests, fuzzing).
public struct Language: Sendable {
    public var code: String
    public var style: NumberStyle
    /// Key → (the built-in English text, the text in this language) for the questionnaire's words.
    public var questionnaireTexts: [String: (english: String, text: String)]
    /// Small numbers in words ("vier", "cuatro"), for sentences the engine fills; English when empty.
    public var numberWords: [Int: String]
    /// The file checker's messages in this language (`file.*` keys); English is the code's own.
    public var messages: [String: String] = [:]

    public init(code: String, region: String? = nil, questionnaireTexts: [String: (english: String, text: String)] = [:],
                numberWords: [Int: String] = [:]) {
        self.code = code
        self.style = NumberStyle.of(language: code, region: region)
        self.questionnaireTexts = questionnaireTexts
        self.numberWords = numberWords
    }

    public static let english = Language(code: "en")
    /// The languages the reports are written in.
    public static let codes = ["en", "de", "es"]

    @TaskLocal public static var current: Language = .english

    /// The questionnaire in this language. A text is replaced only where it is still the built-in
    /// English one: a questionnaire someone edited keeps the words they wrote.
    public func localize(_ q: Questionnaire) -> Questionnaire {
        guard !questionnaireTexts.isEmpty else { return q }
        return q.mapTexts { key, text in
            guard let t = questionnaireTexts[key], t.english == text else { return text }
            return t.text
        }
    }

    /// The language a locale name asks for (`de_DE.UTF-8`, `es_MX`, `es-MX`, `C`): its first two
    /// letters when they name a language the reports are written in, with the region when one follows.
    public static func code(fromLocale name: String?) -> String? {
        guard let name, name.count >= 2 else { return nil }
        let two = String(name.prefix(2)).lowercased()
        guard codes.contains(two) else { return nil }
        let rest = name.dropFirst(2)
        guard let sep = rest.first, sep == "_" || sep == "-" else { return rest.isEmpty || rest.first == "." ? two : nil }
        let region = rest.dropFirst().prefix { $0.isLetter }
        return region.count == 2 ? two + "-" + region.uppercased() : two
    }
}
