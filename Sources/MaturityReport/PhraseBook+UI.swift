import MaturityCore

/// The words the report templates and views print around the facts: headings, table headers,
/// captions and labels (`ui.…` keys), and dates (`date.…` keys), in the table's language.
extension PhraseBook {
    /// The templates' fixed words: every `ui.<area>.<name>` text without placeholders, as
    /// `<area>_<name>` (read as `{{w.<area>_<name>}}`). A sentence with a value in it is not
    /// here: the view says it whole with `say`, so each language orders it its own way.
    public var fixedWords: [String: String] { derived.fixedWords { makeFixedWords() } }

    private func makeFixedWords() -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(entries.count / 2)
        for (key, entry) in entries where key.hasPrefix("ui.") {
            guard case .text(let t) = entry, !t.contains("{") else { continue }
            // "ui.glance.heading" → "glance_heading", byte by byte (no Foundation on this hot path).
            out[String(decoding: key.utf8.dropFirst(3).map { $0 == UInt8(ascii: ".") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)] = t
        }
        return out
    }

    /// An agent status or a measured rung by id, as the report's tables write it (`ui.status.<id>`):
    /// approve_each → "approve each". An id the table does not know reads with spaces for underscores.
    public func rungWord(_ id: String) -> String {
        entries["ui.status.\(id)"] != nil ? say("ui.status.\(id)") : id.replacingOccurrences(of: "_", with: " ")
    }

    /// A plural entry chosen by `n`, with `n` in plain digits: a decision log's counts read as the
    /// log has them ("10800 cases").
    public func say(_ key: String, plain n: Int, _ args: [String: Phrase.Arg] = [:]) -> String {
        guard let entry = entries[key] else { return "[\(key)]" }
        var all = args
        all["n"] = .text(language == "en" ? String(n) : Format.grouped(Double(n)))  // the log's plain digits in English
        switch entry {
        case .text(let t): return fill(t, all)
        case .plural(let one, let other): return fill(n == 1 ? one : other, all)
        }
    }

    /// A month's name, from the table's `date.month.<1-12>`.
    public func monthName(_ month: Int) -> String { say("date.month.\(month)") }

    /// A month's short name for charts, from `date.month_short.<1-12>`.
    public func shortMonthName(_ month: Int) -> String { say("date.month_short.\(month)") }

    /// A date in words, as `date.long` orders it: "6 December 2026".
    public func longDate(_ d: Day) -> String {
        say("date.long", ["day": .text(String(d.day)), "month": .text(monthName(d.month)), "year": .text(String(d.year))])
    }

    /// An ISO date in words; text that is not a date stays as it is.
    public func longDate(iso: String) -> String { Day(iso: iso).map(longDate) ?? iso }

    /// A month and year for a chart's axis, as `date.month_year` orders it: "Dec 2026".
    public func shortDate(_ d: Day) -> String {
        say("date.month_year", ["month": .text(shortMonthName(d.month)), "year": .text(String(d.year))])
    }

    /// A phrase cut at one of its placeholders: the words before it and after it, so a template can
    /// place a value it must show apart (a name HTML isolates on its own) where this language puts it.
    public func around(_ key: String, _ placeholder: String, _ args: [String: Phrase.Arg] = [:]) -> Around {
        var marked = args
        marked[placeholder] = .text("\u{0}")
        let text = say(key, marked)
        guard let cut = text.firstIndex(of: "\u{0}") else { return Around(before: text, after: "") }
        return Around(before: String(text[..<cut]), after: String(text[text.index(after: cut)...]))
    }

    public struct Around: Sendable, Encodable, Equatable {
        public var before: String
        public var after: String
    }
}
