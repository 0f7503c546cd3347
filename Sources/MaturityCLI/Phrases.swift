import MaturityReport

/// The phrase tables compiled into the binary (phrases/*.yaml, checked at build time).
enum Phrases {
    static let english = PhraseBook(language: "en", entries: CompiledContent.phrases["en"] ?? [:])
}
