/// Something the report will say, as facts: a key into the phrase table (`phrases/<language>.yaml`)
/// and the values its placeholders take. Core never words a sentence; the words layer
/// (MaturityReport's `PhraseBook`) looks the key up in the reader's language and formats each value
/// in the reader's formats.
public struct Phrase: Sendable, Hashable {
    public var key: String
    public var args: [String: Arg]

    public init(_ key: String, _ args: [String: Arg] = [:]) {
        self.key = key
        self.args = args
    }

    /// The user's own words (a name, an owner), said as typed.
    public static func verbatim(_ text: String) -> Phrase { Phrase(Phrase.verbatimKey, ["text": .text(text)]) }
    public static let verbatimKey = "="

    /// Nothing: an optional part of a sentence that does not apply.
    public static let empty = Phrase.verbatim("")

    /// The text when this phrase is `verbatim`, for the few places that need the user's own words back.
    public var verbatimText: String? {
        guard key == Phrase.verbatimKey, case .text(let t)? = args["text"] else { return nil }
        return t
    }

    /// One value a placeholder takes, typed so each language formats it its own way.
    public indirect enum Arg: Sendable, Hashable {
        /// The user's words or an id, as is.
        case text(String)
        /// A questionnaire label inside a sentence ("Monitoring that catches drift" reads "monitoring …" in English).
        case label(String)
        /// A whole number in digits: 21.
        case int(Int)
        /// A small count in words where prose writes it so: 5 → "five"; 21 stays digits.
        case words(Int)
        /// A number with at most this many decimals: 1,234.5.
        case number(Double, decimals: Int)
        /// Money in the assessment's currency.
        case money(Double)
        /// A measured ratio, to one decimal: 3.9x.
        case ratio(Double)
        /// A bar or threshold as a multiple: 3x.
        case multiple(Double)
        /// A share as a percent: 0.92 → 92%.
        case percent(Double)
        /// A date.
        case day(Day)
        /// A count with its unit, from the table's plural entry `count.<unit>`: "1 day", "3 days".
        case count(Int, String)
        /// A nested phrase.
        case phrase(Phrase)
        /// A nested phrase inside a sentence: a capital that only opened a sentence is lowered.
        case inSentence(Phrase)
        /// Items in prose: "a, b and c".
        case list([Arg])
        /// Items joined by a separator: "a; b".
        case joined([Arg], String)
        /// An agent status as its rung's name (from the questionnaire, or the table's `status.<id>`).
        case status(AgentStatus)
        /// A gate bar by id, as its questionnaire label inside a sentence.
        case bar(String)
        /// A choice's label inside a sentence: the question (or process field) id and the value.
        case choice(String, String)
    }
}

extension Phrase.Arg {
    public static func number(_ v: Double) -> Phrase.Arg { .number(v, decimals: 4) }
    public static let none = Phrase.Arg.phrase(.empty)
    /// A phrase, or nothing when nil.
    public static func optional(_ p: Phrase?) -> Phrase.Arg { .phrase(p ?? .empty) }
    /// Gate bars by id, in prose.
    public static func bars(_ ids: [String]) -> Phrase.Arg { .list(ids.map(Phrase.Arg.bar)) }
    /// Names as typed, in prose.
    public static func names(_ names: [String]) -> Phrase.Arg { .list(names.map(Phrase.Arg.text)) }
}

extension Phrase: CustomStringConvertible {
    /// For debugging and test failure messages only: the key and its values, never shown to a reader.
    public var description: String {
        if let t = verbatimText { return t }
        return key + (args.isEmpty ? "" : "(" + args.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")")
    }
}
