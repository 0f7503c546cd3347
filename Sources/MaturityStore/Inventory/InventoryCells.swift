import Foundation
import MaturityCore
import MaturityYAML

/// Allowed values per choice field, with the spellings people use, looked up once per import.
struct ChoiceLookup {
    var allowed: [String: [String]] = [:]
    var byText: [String: [String: String]] = [:]

    init(_ q: Questionnaire) {
        for field in ["side", "system_of_record", "write_back", "input_structure"] {
            let values = q.processFields.first { $0.id == field }?.choiceValues ?? Side.allCases.map(\.rawValue)
            allowed[field] = values
            var table: [String: String] = [:]
            for v in values {
                table[v.lowercased()] = v
                table[String(v.lowercased().map { $0 == "_" ? " " : $0 })] = v
            }
            for (text, value) in Values.choiceSynonyms[field] ?? [:] where values.contains(value) { table[text] = value }
            byText[field] = table
        }
    }

    func match(_ text: String, field: String) -> String? {
        byText[field]?[text] ?? byText[field]?[text.lowercased()]
    }
}

/// Reads cells as people type them and records what is wrong with each, by row and header.
struct CellReader {
    let file: String
    let row: Int
    let headers: [String]
    let style: NumberStyle
    let choices: ChoiceLookup
    /// With `strict`, a cell that cannot be read is an error; without, it is left unknown with a warning.
    var strict = true
    var column = 0
    /// Problems with the row itself (no name, a repeated name): errors either way.
    var problems: [String] = []
    /// Cells that could not be read: errors under `strict`, else warnings and the value unknown.
    var unreadable: [String] = []
    /// What was read with a guess the user should see (a range's midpoint).
    var warnings: [String] = []

    var place: String {
        let header = column < headers.count ? headers[column].trimmed : "column \(column + 1)"
        return "\(file): row \(row), column \"\(header)\""
    }

    mutating func problem(_ message: String) { problems.append("\(place): \(message)") }

    /// A cell that cannot be read; `nearly` says what it was close to.
    mutating func unreadable(_ message: String, nearly: String? = nil) {
        unreadable.append("\(place): \(message)" + (nearly.map { " (nearly \($0))" } ?? ""))
    }

    /// `5-10%`, `20 – 30`: the two ends of a range, when the cell is one.
    static func range(_ text: String, style: NumberStyle) -> (low: Double, high: Double, percent: Bool)? {
        let percent = text.hasSuffix("%")
        let body = percent ? String(text.dropLast()) : text
        let parts = body.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let low = parseNumber(parts[0].hasSuffix("%") ? String(parts[0].dropLast()) : parts[0], style: style),
              let high = parseNumber(parts[1], style: style), low <= high else { return nil }
        return (low, high, percent || parts[0].hasSuffix("%"))
    }

    /// The midpoint of a range cell, with a warning; under `strict`, a range is not read.
    mutating func midpoint(_ text: String) -> (Double, Bool)? {
        guard !strict, let r = Self.range(text, style: style) else { return nil }
        let mid = (r.low + r.high) / 2
        warnings.append("\(place): \"\(text)\" is a range; took its midpoint, \(Format.number(mid))\(r.percent ? "%" : "")")
        return (mid, r.percent)
    }

    mutating func number(_ text: String, unit: String, example: String, max: Double) -> Double? {
        if let (mid, _) = midpoint(text) { return mid }
        guard let v = Self.parseNumber(text, style: style), v.isFinite else {
            unreadable("\"\(text)\" is not a number; expected \(unit), like \(example)")
            return nil
        }
        if v < 0 { unreadable("\(Format.number(v)) is negative; expected \(unit) of 0 or more"); return nil }
        if v > max { unreadable("\(Format.number(v)) is more than \(Format.number(max)); expected \(unit)"); return nil }
        return v
    }

    /// A share: 0.1 or 10%; in a column headed with % (`percentColumn`), 10 means 10%.
    mutating func share(_ text: String, percentColumn: Bool = false) -> Double? {
        if let (mid, percent) = midpoint(text) {
            let share = percent || percentColumn || mid > 1 ? mid / 100 : mid
            if (0...1).contains(share) { return share }
        }
        let percent = text.hasSuffix("%")
        guard Self.parseNumber(percent ? String(text.dropLast()) : text, style: style) != nil else {
            unreadable("\"\(text)\" is not a share; expected a share between 0 and 1, like 0.1 or 10%")
            return nil
        }
        guard let share = Values.share(text, percent: percentColumn, decimalComma: style == .decimalComma) else {
            unreadable("\"\(text)\" is outside 0 to 1; expected a share like 0.1, or a percent like 10%")
            return nil
        }
        return share
    }

    mutating func yesNo(_ text: String) -> Bool? {
        if text == "-" { return false }          // a dash in a yes/no column reads as no
        if let value = Values.yesNo(text) { return value }
        unreadable("\"\(text)\" is not yes or no; expected \(Values.yesNoHint)")
        return nil
    }

    mutating func choice(_ text: String, field: String) -> String? {
        if let match = choices.match(text, field: field) { return match }
        let allowed = choices.allowed[field, default: []]
        let key = text.lowercased()
        let near = allowed.min { editDistance($0, key) < editDistance($1, key) }
            .flatMap { editDistance($0, key) <= max(2, $0.count / 3) || key.contains($0) ? "\"\($0)\"" : nil }
        unreadable("\"\(text)\" is not one of \(allowed.joined(separator: ", "))", nearly: near)
        return nil
    }

    /// A system of record as its nearest kind, by a word in it: "Paper / scans" → paper,
    /// "ATLAS / email" → email, "CAQ" → mes (a quality system on the shop floor), "Carrier portals" → none
    /// (a website an agent reads but cannot write back to). Nil when no word gives a kind.
    func nearestSystem(_ text: String) -> (kind: String, why: String)? {
        let allowed = choices.allowed["system_of_record", default: []]
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        for word in words {
            if let kind = choices.match(word, field: "system_of_record") { return (kind, "\"\(word)\"") }
        }
        for word in words {
            if let (kind, why) = Self.systemWords[word], allowed.contains(kind) { return (kind, why) }
        }
        return nil
    }

    /// Words that name a kind of system without naming it.
    static let systemWords: [String: (String, String)] = [
        "scan": ("paper", "scans are paper"), "scans": ("paper", "scans are paper"), "scanned": ("paper", "scans are paper"),
        "fax": ("paper", "a fax is paper"), "pdf": ("email", "PDFs arrive by email"), "mail": ("email", "mail"),
        "caq": ("mes", "a quality system on the shop floor"), "qms": ("mes", "a quality system on the shop floor"),
        "lims": ("mes", "a lab system on the shop floor"), "scada": ("mes", "a shop-floor system"), "mrp": ("erp", "MRP is part of an ERP"),
        "portal": ("none", "a website an agent reads but cannot write back to"),
        "portals": ("none", "a website an agent reads but cannot write back to"),
        "website": ("none", "a website an agent reads but cannot write back to"), "web": ("none", "a website"),
        "sharepoint": ("spreadsheet", "files on a share"), "csv": ("spreadsheet", "a file"), "xlsx": ("spreadsheet", "a file"),
    ]

    /// `1,500`, `$1,500.50`, `1 500`, `1.500,5` (decimal comma), `12 h`.
    static func parseNumber(_ raw: String, style: NumberStyle) -> Double? { Values.number(raw, decimalComma: style == .decimalComma) }
}
