import MaturityCore
import MaturityYAML

/// Reads a phrase table: a mapping of key to text, or to `one:`/`other:` texts for a count `{n}`.
/// Placeholders are `{name}` with lowercase letters, digits and underscores.
public enum PhraseLoader {
    public static func load(text: String, file: String, language: String) throws(ValidationFailure) -> PhraseBook {
        let doc = YAMLDocument(text: text, file: file)
        let r = YAMLReader(file: file)
        guard let root = doc.root else { throw ValidationFailure(doc.parseProblems) }
        guard let top = r.mapping(root, "", allowed: nil) else { throw ValidationFailure(r.diagnostics) }
        var entries: [String: PhraseBook.Entry] = [:]
        for key in top.order {
            guard let node = top[key] else { continue }
            let entry: PhraseBook.Entry?
            if node.mapping != nil {
                guard let f = r.mapping(node, key, allowed: ["one", "other"]) else { continue }
                let one = f["one"].flatMap { r.scalarText($0, f.path("one")) }
                let other = f["other"].flatMap { r.scalarText($0, f.path("other")) }
                if one == nil { r.missing(f, "one", "the text for a count of one") }
                if other == nil { r.missing(f, "other", "the text for any other count") }
                entry = one.flatMap { o in other.map { .plural(one: o, other: $0) } }
            } else {
                entry = r.scalarText(node, key).map { .text($0) }
            }
            guard let entry else { continue }
            for form in entry.forms where !wellFormed(form) {
                r.report(node, .rule("\(key): a placeholder is not closed or not a name: write {name} with a-z, 0-9 and _"))
            }
            entries[key] = entry
        }
        guard !r.hasErrors else { throw ValidationFailure(r.diagnostics) }
        return PhraseBook(language: language, entries: entries)
    }

    /// Every `{` closes with `}` around a name of a-z, 0-9 and `_`.
    static func wellFormed(_ text: String) -> Bool {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return false }
            let name = rest[rest.index(after: open)..<close]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else { return false }
            rest = rest[rest.index(after: close)...]
        }
        return !rest.contains("}")
    }

    /// Keys in `other` that `base` lacks or that lack `base`'s placeholders: the check each translation passes.
    public static func differences(_ base: PhraseBook, _ other: PhraseBook) -> [String] {
        var out: [String] = []
        for key in base.entries.keys.sorted() {
            guard let theirs = other.entries[key] else { out.append("\(key): missing in \(other.language)"); continue }
            let want = base.entries[key].map { Set($0.forms.flatMap(PhraseBook.placeholders)) } ?? []
            let have = Set(theirs.forms.flatMap(PhraseBook.placeholders))
            if want != have { out.append("\(key): placeholders \(want.sorted()) in \(base.language), \(have.sorted()) in \(other.language)") }
        }
        for key in other.entries.keys.sorted() where base.entries[key] == nil && !key.hasPrefix(Questionnaire.textPrefix) && !key.hasPrefix("file.") {
            out.append("\(key): not in \(base.language)")
        }
        return out
    }

    /// The questionnaire's texts a translation lacks, or whose placeholders it does not keep
    /// (`q.` keys: the English is the questionnaire itself).
    public static func differences(_ questionnaire: Questionnaire, _ other: PhraseBook) -> [String] {
        var out: [String] = []
        for (key, english) in questionnaire.texts {
            guard let theirs = other.entries[key] else { out.append("\(key): missing in \(other.language)"); continue }
            let want = PhraseBook.placeholders(english), have = Set(theirs.forms.flatMap(PhraseBook.placeholders))
            if want != have { out.append("\(key): placeholders \(want.sorted()) in the questionnaire, \(have.sorted()) in \(other.language)") }
        }
        return out
    }
}
