import MaturityCore
import MaturityReport

/// A text of the command line in the run's language: the phrase table's `cli.` entries.
func L(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> String { Phrases.current.say(key, args) }

/// A command word typed at a prompt: the English one, or the run's language's (`zurück`, `atrás`).
func isCommand(_ typed: String, _ english: String...) -> Bool {
    english.contains(typed) || english.contains { typed == L("cli.cmd.\($0)").lowercased() }
}
