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
            for (text, value) in InventoryImporter.valueSynonyms[field] ?? [:] where values.contains(value) { table[text] = value }
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
    var column = 0
    var problems: [String] = []

    mutating func problem(_ message: String) {
        let header = column < headers.count ? headers[column].trimmed : "column \(column + 1)"
        problems.append("\(file): row \(row), column \"\(header)\": \(message)")
    }

    mutating func number(_ text: String, unit: String, example: String, max: Double) -> Double? {
        guard let v = Self.parseNumber(text, style: style), v.isFinite else {
            problem("\"\(text)\" is not a number; expected \(unit), like \(example)")
            return nil
        }
        if v < 0 { problem("\(Format.number(v)) is negative; expected \(unit) of 0 or more"); return nil }
        if v > max { problem("\(Format.number(v)) is more than \(Format.number(max)); expected \(unit)"); return nil }
        return v
    }

    /// A share: 0.1 or 10%; in a column headed with % (`percentColumn`), 10 means 10%.
    mutating func share(_ text: String, percentColumn: Bool = false) -> Double? {
        let percent = text.hasSuffix("%")
        guard let v = Self.parseNumber(percent ? String(text.dropLast()) : text, style: style) else {
            problem("\"\(text)\" is not a share; expected a share between 0 and 1, like 0.1 or 10%")
            return nil
        }
        let share = percent || (percentColumn && v > 1) || (percentColumn && v == 1 && !text.contains(".")) ? v / 100 : v
        guard (0...1).contains(share) else {
            problem("\"\(text)\" is outside 0 to 1; expected a share like 0.1, or a percent like 10%")
            return nil
        }
        return share
    }

    mutating func yesNo(_ text: String) -> Bool? {
        if text == "-" { return false }          // a dash in a yes/no column reads as no
        if let value = Values.yesNo(text) { return value }
        problem("\"\(text)\" is not yes or no; expected \(Values.yesNoHint)")
        return nil
    }

    mutating func choice(_ text: String, field: String) -> String? {
        if let match = choices.match(text, field: field) { return match }
        problem("\"\(text)\" is not one of \(choices.allowed[field, default: []].joined(separator: ", "))")
        return nil
    }

    /// `1,500`, `$1,500.50`, `1 500`, `1.500,5` (decimal comma), `12 h`.
    static func parseNumber(_ raw: String, style: NumberStyle) -> Double? {
        // Most cells are plain numbers (and every numeric .xlsx cell is): take the fast path.
        if style == .decimalPoint || !raw.contains("."), let plain = Double(raw), plain.isFinite { return plain }
        var text = raw.trimmed
        for symbol in ["$", "€", "£", "¥", "USD", "EUR", "GBP", "hrs", "hr", "h"] {
            if text.hasSuffix(symbol) { text = String(text.dropLast(symbol.count)) }
            if text.hasPrefix(symbol) { text = String(text.dropFirst(symbol.count)) }
        }
        text = text.filter { !" \u{00A0}\u{202F}'_".contains($0) }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        switch style {
        case .decimalComma:
            text = String(text.compactMap { $0 == "." ? nil : ($0 == "," ? "." : $0) })
        case .decimalPoint:
            // A lone comma followed by other than three digits is a decimal comma (e.g. "3,5").
            if !text.contains("."), let comma = text.lastIndex(of: ","), text.filter({ $0 == "," }).count == 1,
               text.distance(from: comma, to: text.endIndex) - 1 != 3 {
                text = String(text.map { $0 == "," ? "." : $0 })
            } else {
                text = text.filter { $0 != "," }
            }
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }),
              let v = Double(text) else { return nil }
        return negative ? -v : v
    }
}
