import Foundation
import MaturityCore

/// A process as one spreadsheet row states it: only the cells that were filled in.
public struct ProcessRow: Sendable, Equatable {
    public var row: Int
    public var name: String
    public var department: String?
    public var side: Side?
    public var hoursPerWeek: Double?
    public var volumePerWeek: Double?
    public var systemOfRecord: String?
    public var writeBack: String?
    public var inputStructure: String?
    public var exceptionShare: Double?
    public var highSeverityErrorsPossible: Bool?
    public var ownerCandidate: String?
}

/// What a spreadsheet holds, ready to merge, plus how its columns were read.
public struct ImportedInventory: Sendable {
    public var rows: [ProcessRow]
    /// Header as typed → the field it fills.
    public var columns: [(header: String, field: String)]
    public var ignoredColumns: [String]
}

/// Every bad cell in a spreadsheet, reported together.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// The outcome of merging imported rows into an inventory.
public struct MergeSummary: Sendable, Equatable {
    public var processes: [InventoryProcess]
    public var added: [String]
    public var updated: [String]
    public var unchanged: [String]
    public var removed: [String]
}

public enum InventoryImporter {
    /// Field id, the header the template writes, and the other headers people use for it.
    static let columns: [(field: String, header: String, synonyms: [String])] = [
        ("name", "Name", ["process", "processname", "task", "workflow", "usecase", "activity"]),
        ("department", "Department", ["dept", "team", "function", "area"]),
        ("side", "Side", ["officeorline", "where", "location"]),
        ("hours_per_week", "Hours per week", ["hoursweek", "weeklyhours", "hrsweek", "hrsperweek", "hoursperwk", "hours", "hrs", "staffhoursperweek", "timehoursperweek"]),
        ("volume_per_week", "Volume per week", ["volume", "weeklyvolume", "volumeweek", "casesperweek", "transactionsperweek", "itemsperweek", "casesweek"]),
        ("system_of_record", "System of record", ["system", "sor", "datasource", "datasystem", "wherethedatalives"]),
        ("write_back", "Write back", ["writebackpath", "integration", "writeto"]),
        ("input_structure", "Input structure", ["input", "inputtype", "structure", "inputformat"]),
        ("exception_share", "Exception share", ["exceptions", "exception", "exceptionrate", "exceptionspercent", "shareofexceptions", "exceptionpercent"]),
        ("high_severity_errors_possible", "High severity errors possible", ["highseverity", "highseverityerrors", "severeerrors", "cananerrorstoptheline", "couldstoptheline", "highrisk", "safetycritical"]),
        ("owner_candidate", "Owner candidate", ["owner", "processowner", "candidateowner", "willingowner"]),
    ]

    /// Words people type for the allowed values.
    static let valueSynonyms: [String: [String: String]] = [
        "system_of_record": ["excel": "spreadsheet", "sheet": "spreadsheet", "sheets": "spreadsheet", "spreadsheets": "spreadsheet",
                             "e-mail": "email", "outlook": "email", "sap": "erp", "salesforce": "crm", "nothing": "none"],
        "write_back": ["fileimport": "file_import", "file import": "file_import", "file": "file_import", "csv": "file_import",
                       "import": "file_import", "manual entry": "manual", "by hand": "manual", "rest": "api", "no": "none"],
        "input_structure": ["semi-structured": "semi", "semistructured": "semi", "semi structured": "semi"],
        "side": ["office side": "office", "line level": "line", "line-level": "line", "shop floor": "line", "plant": "line"],
    ]

    static func normalize(_ header: String) -> String {
        header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// The template's header row, in order.
    public static var templateHeaders: [String] { columns.map(\.header) }

    /// Reads `path` into rows, checking every cell; throws every problem at once.
    public static func read(path: String, sheet: String? = nil, questionnaire q: Questionnaire,
                            limits: ImportLimits = ImportLimits()) throws -> ImportedInventory {
        let file = (path as NSString).lastPathComponent
        var fieldAt: [Int: String] = [:]
        var ordered: [(Int, String)] = []
        let lookup = ChoiceLookup(q)
        var mapped: [(String, String)] = []
        var ignored: [String] = []
        var headers: [String] = []
        var rows: [ProcessRow] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]
        try SpreadsheetReader.read(path: path, sheet: sheet, limits: limits, header: { row in
            headers = row
            for (i, raw) in row.enumerated() {
                let key = normalize(raw)
                guard !key.isEmpty else { continue }
                guard let column = columns.first(where: { normalize($0.header) == key || normalize($0.field) == key || $0.synonyms.contains(key) }),
                      !fieldAt.values.contains(column.field) else {
                    ignored.append(raw.trimmed)
                    continue
                }
                fieldAt[i] = column.field
                mapped.append((raw.trimmed, column.field))
            }
            ordered = fieldAt.sorted { $0.key < $1.key }
            let missing = ["name", "hours_per_week"].filter { !fieldAt.values.contains($0) }
            if !missing.isEmpty {
                let names = missing.map { f in columns.first { $0.field == f }?.header ?? f }
                var sheets = ""
                if sheet == nil, let all = try? XLSXReader(path: path, limits: limits).sheetNames(), all.count > 1 {
                    sheets = " This is the first sheet, \"\(all[0])\"; the workbook also has \(all.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")): choose one with --sheet."
                }
                throw ImportFailure(problems: ["\(file): error: no column for \(Format.list(names)); the header row has \(row.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")). Expected headers: \(templateHeaders.joined(separator: ", ")) (any case and spacing; \"Hours/week\", \"Weekly hours\", \"System\" and \"Owner\" work too).\(sheets)"])
            }
        }, row: { sheetRow in
            var cells = CellReader(file: file, row: sheetRow.number, headers: headers, style: sheetRow.style, choices: lookup)
            var p = ProcessRow(row: sheetRow.number, name: "")
            for (i, field) in ordered {
                guard i < sheetRow.cells.count, let raw = sheetRow.cells[i] else { continue }
                let text = raw.trimmed
                guard !text.isEmpty else { continue }
                cells.column = i
                switch field {
                case "name": p.name = text
                case "department": p.department = text
                case "owner_candidate": p.ownerCandidate = text
                case "side": p.side = cells.choice(text, field: field).flatMap(Side.init(rawValue:))
                case "hours_per_week": p.hoursPerWeek = cells.number(text, unit: "hours per week", example: "12.5", max: 10_000)
                case "volume_per_week": p.volumePerWeek = cells.number(text, unit: "cases per week", example: "400", max: 100_000_000)
                case "system_of_record": p.systemOfRecord = cells.choice(text, field: field)
                case "write_back": p.writeBack = cells.choice(text, field: field)
                case "input_structure": p.inputStructure = cells.choice(text, field: field)
                case "exception_share": p.exceptionShare = cells.share(text)
                case "high_severity_errors_possible": p.highSeverityErrorsPossible = cells.yesNo(text)
                default: break
                }
            }
            if p.name.isEmpty {
                cells.column = fieldAt.first { $0.value == "name" }?.key ?? 0
                cells.problem("the process name is empty; every row needs one")
            } else if let first = seen[p.name.lowercased()] {
                cells.column = fieldAt.first { $0.value == "name" }?.key ?? 0
                cells.problem("\"\(p.name)\" repeats row \(first); give each process one row")
            } else {
                seen[p.name.lowercased()] = sheetRow.number
            }
            problems += cells.problems
            rows.append(p)
        })
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
        return ImportedInventory(rows: rows, columns: mapped.map { (header: $0.0, field: $0.1) }, ignoredColumns: ignored)
    }

    /// Merges rows by process name (ignoring case): filled cells overwrite, empty ones keep what
    /// was there. With `replace`, the imported rows become the whole inventory.
    public static func merge(_ imported: ImportedInventory, into existing: [InventoryProcess], replace: Bool,
                             file: String) throws -> MergeSummary {
        var result = replace ? [] : existing
        var index: [String: Int] = [:]
        for (i, p) in result.enumerated() { index[p.name.lowercased()] = i }
        var added: [String] = [], updated: [String] = [], unchanged: [String] = []
        var problems: [String] = []
        for row in imported.rows {
            if let i = index[row.name.lowercased()] {
                let before = result[i]
                apply(row, to: &result[i])
                (result[i] == before ? { unchanged.append(row.name) } : { updated.append(row.name) })()
            } else {
                guard let hours = row.hoursPerWeek else {
                    problems.append("\(file): row \(row.row), column \"hours per week\": empty; a new process needs its hours per week, like 12.5")
                    continue
                }
                var p = InventoryProcess(name: row.name, hoursPerWeek: hours)
                apply(row, to: &p)
                index[row.name.lowercased()] = result.count
                result.append(p)
                added.append(row.name)
            }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
        let kept = Set(imported.rows.map { $0.name.lowercased() })
        let removed = replace ? existing.map(\.name).filter { !kept.contains($0.lowercased()) } : []
        return MergeSummary(processes: result, added: added, updated: updated, unchanged: unchanged, removed: removed)
    }

    static func apply(_ row: ProcessRow, to p: inout InventoryProcess) {
        if let v = row.department { p.department = v }
        if let v = row.side { p.side = v }
        if let v = row.hoursPerWeek { p.hoursPerWeek = v }
        if let v = row.volumePerWeek { p.volumePerWeek = v }
        if let v = row.systemOfRecord { p.systemOfRecord = v }
        if let v = row.writeBack { p.writeBack = v }
        if let v = row.inputStructure { p.inputStructure = v }
        if let v = row.exceptionShare { p.exceptionShare = v }
        if let v = row.highSeverityErrorsPossible { p.highSeverityErrorsPossible = v }
        if let v = row.ownerCandidate { p.ownerCandidate = v }
    }

    /// Reads a number the way a cell would be read; for tests of the number rules.
    public static func testNumber(_ text: String, decimalComma: Bool) -> Double? {
        CellReader.parseNumber(text, style: decimalComma ? .decimalComma : .decimalPoint)
    }

    /// A CSV with the expected headers and one example row.
    public static func templateCSV() -> String {
        let example = ["Supplier follow-up", "Purchasing", "office", "30", "400", "erp", "api", "semi", "10%", "no", "Sam Ortiz"]
        return templateHeaders.joined(separator: ",") + "\n" + example.joined(separator: ",") + "\n"
    }
}

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

    mutating func share(_ text: String) -> Double? {
        let percent = text.hasSuffix("%")
        guard let v = Self.parseNumber(percent ? String(text.dropLast()) : text, style: style) else {
            problem("\"\(text)\" is not a share; expected a share between 0 and 1, like 0.1 or 10%")
            return nil
        }
        let share = percent ? v / 100 : v
        guard (0...1).contains(share) else {
            problem("\"\(text)\" is outside 0 to 1; expected a share like 0.1, or a percent like 10%")
            return nil
        }
        return share
    }

    mutating func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "x", "1", "ja", "oui", "sí", "si": return true
        case "no", "n", "false", "0", "-": return false
        default:
            problem("\"\(text)\" is not yes or no; expected yes, no, y, n, true, false or x")
            return nil
        }
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
