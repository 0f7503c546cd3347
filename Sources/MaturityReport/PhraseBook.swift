import Foundation
import MaturityCore

/// The words layer: a language's phrase table (`phrases/<language>.yaml`) and the formats its
/// readers use. Core hands over `Phrase` facts; this says them.
public struct PhraseBook: Sendable {
    /// One entry of the table: a text with `{placeholders}`, or a text per plural form chosen by `{n}`.
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural(one: String, other: String)

        public var forms: [String] {
            switch self {
            case .text(let t): return [t]
            case .plural(let one, let other): return [one, other]
            }
        }
    }

    public var language: String
    public var entries: [String: Entry] { didSet { derived = Derived() } }
    /// What is worked out from `entries` once per table (the fixed words), dropped when they change.
    var derived = Derived()
    /// The assessment's currency, for money.
    public var currency: String
    /// The questionnaire, for bar labels, rung names and choice labels.
    public var questionnaire: Questionnaire?

    public init(language: String, entries: [String: Entry], currency: String = "USD", questionnaire: Questionnaire? = nil) {
        self.language = language
        self.entries = entries
        self.currency = currency
        self.questionnaire = questionnaire
    }

    /// The same table for one assessment: its currency and questionnaire.
    public func `for`(currency: String, questionnaire: Questionnaire?) -> PhraseBook {
        var b = self
        b.currency = currency
        b.questionnaire = questionnaire
        return b
    }

    /// The phrase in words. A key the table lacks says itself in brackets, so a gap shows (a test keeps them out).
    public func say(_ p: Phrase) -> String {
        if let t = p.verbatimText { return t }
        guard let entry = entries[p.key] else { return "[\(p.key)]" }
        let template: String
        switch entry {
        case .text(let t): template = t
        case .plural(let one, let other):
            var n = 0
            if case .int(let v)? = p.args["n"] { n = v } else if case .words(let v)? = p.args["n"] { n = v }
            template = n == 1 ? one : other
        }
        return fill(template, p.args)
    }

    /// A fixed text by key.
    public func say(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> String { say(Phrase(key, args)) }

    func fill(_ template: String, _ args: [String: Phrase.Arg]) -> String {
        // On bytes: a report fills a few thousand phrases, and walking them by Character was half
        // the time of building the model. The braces are ASCII, never inside another character.
        var copy = template
        return copy.withUTF8 { b in
            guard b.contains(UInt8(ascii: "{")) else { return template }
            var out = ""
            out.reserveCapacity(b.count + 32)
            var literal = 0, i = 0
            while i < b.count {
                guard b[i] == UInt8(ascii: "{") else { i += 1; continue }
                guard let close = b[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) else { break }
                out += String(decoding: b[literal ..< i], as: UTF8.self)
                let name = String(decoding: b[(i + 1) ..< close], as: UTF8.self)
                out += args[name].map(value) ?? "{\(name)}"
                literal = close + 1
                i = close + 1
            }
            out += String(decoding: b[literal...], as: UTF8.self)
            return out
        }
    }

    /// One value in this language's formats.
    public func value(_ a: Phrase.Arg) -> String {
        switch a {
        case .text(let t): return t
        case .label(let l): return inSentence(l)
        case .int(let n): return Format.grouped(Double(n))
        case .words(let n): return words(n)
        case .number(let v, let d): return Format.decimal(v, maxDecimals: d)
        case .money(let v): return Format.money(v, currency: currency)
        case .ratio(let v): return Format.ratio(v)
        case .multiple(let v): return Format.multiple(v)
        case .percent(let v): return Format.percent(v)
        case .day(let d): return language == "en" ? d.iso : longDate(d)
        case .count(let n, let unit): return say(Phrase("count." + unit, ["n": .int(n)]))
        case .phrase(let p): return say(p)
        case .inSentence(let p):
            let text = say(p)
            return language == "de" ? text : text.prefix(1).lowercased() + text.dropFirst()
        case .list(let items): return Format.list(items.map(value), conjunction: say("list.and"))
        case .joined(let items, let separator): return items.map(value).joined(separator: separator)
        case .status(let s): return status(s)
        case .bar(let id): return inSentence(questionnaire?.gateBars.first { $0.id == id }?.label ?? id.replacingOccurrences(of: "_", with: " "))
        case .choice(let question, let v): return choice(question, v)
        }
    }

    /// A label inside a sentence. English lowers the first letter ("Monitoring …" → "monitoring …")
    /// unless the word is an acronym; German keeps its capitals.
    public func inSentence(_ label: String) -> String {
        language == "de" ? label : Words.inSentence(label)
    }

    /// A date in a table or a span, short and in this language's numeric order: 2026-12-06 in
    /// English (as the reports have always shown it), 06.12.2026 in German, 06/12/2026 in Spanish.
    public func tableDate(iso: String) -> String {
        guard let d = Day(iso: iso), entries["date.numeric"] != nil else { return iso }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return say("date.numeric", ["yyyy": .text(String(d.year)), "mm": .text(two(d.month)), "dd": .text(two(d.day))])
    }

    /// A status or rung id as its name in this language ("approve_each" → "approve-each", "Einzelfreigabe").
    public func rungArg(_ id: String) -> Phrase.Arg { AgentStatus(rawValue: id).map { .status($0) } ?? .text(id) }

    /// Two days as a span ("2026-12-01 to 2026-12-05"), or the one day when they are the same.
    public func span(_ start: String, _ end: String) -> String {
        start == end ? tableDate(iso: start) : say("ui.plan.span", ["start": .text(tableDate(iso: start)), "end": .text(tableDate(iso: end))])
    }

    /// An ISO week ("2026-W44") as the reader's calendar names it: "2026-W44", "KW 44/2026", "sem. 44/2026".
    public func weekName(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), entries["date.iso_week"] != nil else { return id }
        return say("date.iso_week", ["year": .text(String(parts[0])), "week": .text(String(parts[1].dropFirst()))])
    }

    /// Office, line or product work in a few words (`side.<id>`); the id when the table lacks it.
    public func sideName(_ id: String) -> String { entries["side.\(id)"] != nil ? say("side.\(id)") : id }

    /// Small counts in words, from the table's `number.<n>`; digits past twenty.
    public func words(_ n: Int) -> String {
        if case .text(let t)? = entries["number.\(n)"] { return t }
        return String(n)
    }

    /// A status as its rung's name: approve_each → "approve-each"; idea, pilot, production, retired from the table.
    public func status(_ s: AgentStatus) -> String {
        if let rung = questionnaire?.parameters.trustLadder.first(where: { $0.id == s.rawValue }) {
            return inSentence(rung.title.split(separator: ":").first.map(String.init) ?? rung.title)
        }
        if entries["status.\(s.rawValue)"] != nil { return say("status.\(s.rawValue)") }
        if entries["ui.status.\(s.rawValue)"] != nil { return say("ui.status.\(s.rawValue)") }
        return s.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// A choice's label inside a sentence, from the question or process field that offers it.
    public func choice(_ question: String, _ v: String) -> String {
        let q = questionnaire
        let field = q?.question(question) ?? q?.processFields.first { $0.id == question } ?? q?.agentFields.first { $0.id == question }
        return field?.choices.first { $0.value == v }.map { inSentence($0.label) } ?? v
    }

    /// Sentences one after another, skipping any that say nothing.
    public func sentences(_ parts: [Phrase]) -> String {
        parts.map(say).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A few words for charts: the part of a step's title before its colon.
    public static func label(ofTitle title: String) -> String { title.split(separator: ":").first.map(String.init) ?? title }

    /// Every `{placeholder}` name in a text.
    public static func placeholders(_ text: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A table's derived values, shared by its copies (`for(currency:…)` keeps the same entries).
final class Derived: @unchecked Sendable {
    private let lock = NSLock()
    private var words: [String: String]?

    func fixedWords(_ make: () -> [String: String]) -> [String: String] {
        lock.lock()
        defer { lock.unlock() }
        if let words { return words }
        let made = make()
        words = made
        return made
    }
}
