import MaturityCore

/// Why two process names look like one process, in the run's language: the German and Spanish
/// texts are the phrase tables' `file.similar.*` entries, the English is here, like the other file
/// messages. `validate` says it in its near-duplicate warning and the import in its held-back rows.
extension ProcessNames.Reason {
    public var message: String {
        switch self {
        case .sameWords:
            return Self.say("file.similar.same_words", [:], "the same words once abbreviations are written out")
        case .prefix(let short, let long):
            return Self.say("file.similar.prefix", ["short": short, "long": long], "\"{short}\" is the start of \"{long}\"")
        case .acronym(let acronym, let words):
            return Self.say("file.similar.acronym", ["acronym": acronym, "words": words], "\"{acronym}\" stands for \"{words}\"")
        case .mostWords(let shared, let total):
            return Self.say("file.similar.most_words", ["shared": String(shared), "total": String(total)], "{shared} of {total} words shared")
        }
    }

    static func say(_ key: String, _ args: [String: String], _ english: String) -> String {
        FileProblem.fill(Language.current.messages[key] ?? english, args)
    }
}
