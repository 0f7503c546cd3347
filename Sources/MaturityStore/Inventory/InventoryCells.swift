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
        guard Self.parseNumber(percent ? String(text.dropLast()) : text, style: style) != nil else {
            problem("\"\(text)\" is not a share; expected a share between 0 and 1, like 0.1 or 10%")
            return nil
        }
        guard let share = Values.share(text, percent: percentColumn, decimalComma: style == .decimalComma) else {
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
    static func parseNumber(_ raw: String, style: NumberStyle) -> Double? { Values.number(raw, decimalComma: style == .decimalComma) }
}
