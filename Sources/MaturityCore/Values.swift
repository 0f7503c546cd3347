import Foundation

/// The one vocabulary for what users type or paste as a value, shared by the interview, the
/// assessment reader and the import, so a "yes" that works in one works in all three.
public enum Values {
    /// Words read as yes: English, the spreadsheet tick "x", 1, and yes in German, French and Spanish.
    public static let yesWords: Set<String> = ["yes", "y", "true", "on", "1", "x", "ja", "j", "oui", "sí", "si"]
    public static let noWords: Set<String> = ["no", "n", "false", "off", "0", "nein", "non"]

    /// `text` as yes or no, ignoring case and surrounding spaces; nil when it is neither.
    public static func yesNo(_ text: String) -> Bool? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if yesWords.contains(word) { return true }
        if noWords.contains(word) { return false }
        return nil
    }

    /// A number as people type or paste it: `1,500`, `1 500`, `$48`, `48 USD`, `12.5 h`, `300/wk`,
    /// `3,5` (a lone comma not followed by three digits is a decimal comma). With `decimalComma`
    /// (a file that writes 1.234,5), dots group thousands and the comma is the decimal point.
    public static func number(_ raw: String, decimalComma: Bool = false) -> Double? {
        // Most values are plain numbers: take the fast path.
        if !decimalComma || !raw.contains("."), let plain = Double(raw), plain.isFinite { return plain }
        var text = trimmed(raw)
        // A currency named around the number; a euro amount writes its thousands with dots ("EUR 40.000").
        var euro = false
        for symbol in ["US$", "CA$", "$", "€", "£", "¥", "USD", "EUR", "GBP", "CAD", "CHF", "MXN", "Fr.", "kr"] {
            if text.hasSuffix(symbol) {
                text = trimmed(String(text.dropLast(symbol.count)))
                euro = euro || symbol == "€" || symbol == "EUR"
            }
            if text.hasPrefix(symbol) {
                text = trimmed(String(text.dropFirst(symbol.count)))
                euro = euro || symbol == "€" || symbol == "EUR"
            }
        }
        var multiplier = 1.0
        // Words before the number: "about 40", "approx. 12".
        if let first = text.firstIndex(where: { $0.isNumber || $0 == "-" }), first != text.startIndex,
           text[..<first].allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "~" }) {
            text = String(text[first...])
        }
        // A unit after the number: "12.5 h", "40 hours", "300/wk", "300 cases a week"; a magnitude
        // ("40k", "1.2m", "2 Mio", "1.5bn") multiplies, and words after it ("maybe") are dropped.
        if let last = text.lastIndex(where: { $0.isNumber }) {
            let unit = text[text.index(after: last)...]
            if unit.allSatisfy({ $0.isLetter || $0 == " " || $0 == "/" || $0 == "." || $0 == "€" || $0 == "$" }), unit.contains(where: \.isLetter) {
                let word = unit.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" })
                    .first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) } ?? ""
                multiplier = magnitudes[word] ?? 1
                text = String(text[...last])
            }
        }
        text = text.filter { !" \u{00A0}\u{202F}'_".contains($0) }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        // Dots as thousands separators: "1.200.000", or "40.000" written beside a euro sign.
        let dots = text.filter { $0 == "." }.count
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        let grouped = groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count)
        if !decimalComma, !text.contains(","), grouped, dots >= 2 || euro {
            text = text.filter { $0 != "." }
        }
        if decimalComma {
            text = String(text.compactMap { $0 == "." ? nil : ($0 == "," ? "." : $0) })
        } else if let dot = text.firstIndex(of: "."), let comma = text.lastIndex(of: ","), comma > dot {
            // "1.200,50": dots group the thousands and the comma is the decimal mark, as German and
            // Spanish write it; refused unless the groups are whole ("1.20,5" says nothing clear).
            let whole = text[..<comma].split(separator: ".", omittingEmptySubsequences: false)
            guard text.filter({ $0 == "," }).count == 1, whole.count > 1, (1...3).contains(whole[0].count),
                  whole.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            text = whole.joined() + "." + text[text.index(after: comma)...]
        } else if !text.contains("."), let comma = text.lastIndex(of: ","), text.filter({ $0 == "," }).count == 1,
                  text.distance(from: comma, to: text.endIndex) - 1 != 3 {
            text = String(text.map { $0 == "," ? "." : $0 })
        } else {
            text = text.filter { $0 != "," }
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let v = Double(text), (v * multiplier).isFinite else { return nil }
        return (negative ? -v : v) * multiplier
    }

    /// Words for thousands, millions and billions after a number.
    static let magnitudes: [String: Double] = ["k": 1e3, "thousand": 1e3, "tsd": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mio": 1e6,
                                              "million": 1e6, "millions": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9, "mrd": 1e9]

    /// A share between 0 and 1 as people write it: `0.1` or `10%`. Where a bare number means a
    /// percent (`percent`, a column headed with %), `10` is 10%; elsewhere a bare number above 1
    /// and up to 100 is read as a percent too, since a share is never above 1. Nil when it is
    /// not a number or falls outside 0 to 1.
    public static func share(_ raw: String, percent: Bool = false, decimalComma: Bool = false) -> Double? {
        let text = trimmed(raw)
        let written = text.hasSuffix("%")
        guard let v = number(written ? String(text.dropLast()) : text, decimalComma: decimalComma) else { return nil }
        let isPercent = written || (percent && (v > 1 || (v == 1 && !text.contains(".")))) || (!percent && v > 1 && v <= 100)
        let share = isPercent ? v / 100 : v
        return (0...1).contains(share) ? share : nil
    }

    /// Words people type for the allowed values.
    public static let choiceSynonyms: [String: [String: String]] = [
        "system_of_record": ["excel": "spreadsheet", "sheet": "spreadsheet", "sheets": "spreadsheet", "spreadsheets": "spreadsheet",
                             "e-mail": "email", "outlook": "email", "sap": "erp", "salesforce": "crm", "nothing": "none"],
        "write_back": ["fileimport": "file_import", "file import": "file_import", "file": "file_import", "csv": "file_import",
                       "import": "file_import", "manual entry": "manual", "by hand": "manual", "rest": "api", "no": "none"],
        "input_structure": ["semi-structured": "semi", "semistructured": "semi", "semi structured": "semi"],
        "side": ["office side": "office", "line level": "line", "line-level": "line", "shop floor": "line", "plant": "line"],
    ]

    /// Product names people write for where data lives, and the kind each one is.
    public static let productKinds: [(String, String)] = [
        ("epicor", "erp"), ("sap", "erp"), ("oracle", "erp"), ("netsuite", "erp"), ("dynamics", "erp"), ("d365", "erp"),
        ("business central", "erp"), ("infor", "erp"), ("sage", "erp"), ("plex", "erp"), ("qad", "erp"), ("syspro", "erp"),
        ("acumatica", "erp"), ("jd edwards", "erp"), ("ifs", "erp"), ("odoo", "erp"), ("global shop", "erp"), ("jobboss", "erp"),
        ("salesforce", "crm"), ("hubspot", "crm"), ("zoho", "crm"), ("pipedrive", "crm"),
        ("excel", "spreadsheet"), ("google sheets", "spreadsheet"), ("smartsheet", "spreadsheet"),
        ("outlook", "email"), ("gmail", "email"), ("inbox", "email"),
        ("mes", "mes"), ("wonderware", "mes"), ("opcenter", "mes"),
    ]

    /// Spaces and tabs off both ends; a value that has none (nearly every cell of a large sheet)
    /// is returned as it is, without Foundation's slower trimming.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first != 0x20, first != 0x09, last != 0x20, last != 0x09, first < 0x80, last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A choice of a process field as people write it ("Excel", "SAP", "semi-structured", "file
    /// import"), or nil: the synonyms above, then a product name for where the data lives.
    public static func choiceSynonym(_ text: String, field: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let direct = choiceSynonyms[field]?[t] { return direct }
        if field == "system_of_record", let kind = productKinds.first(where: { t.contains($0.0) })?.1 { return kind }
        return nil
    }

    /// One of `choices` as people write it: the value or the label in any case, with spaces or
    /// hyphens for underscores ("ad hoc", "Ad-hoc"), or a synonym a process field knows ("Excel").
    public static func choice(_ text: String, among choices: [Choice]) -> String? {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let c = choices.first(where: { $0.value.lowercased() == lowered || $0.label.lowercased() == lowered }) { return c.value }
        let joined = lowered.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        if let c = choices.first(where: { $0.value.lowercased() == joined }) { return c.value }
        for field in choiceSynonyms.keys.sorted() {
            if let value = choiceSynonym(text, field: field), choices.contains(where: { $0.value == value }) { return value }
        }
        return nil
    }
}
