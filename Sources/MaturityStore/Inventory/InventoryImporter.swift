import Foundation
import MaturityCore
import MaturityYAML

/// What a spreadsheet holds, ready to merge, plus how its columns were read.
public struct ImportedInventory: Sendable {
    public var rows: [ProcessRow]
    /// Header as typed → the field it fills.
    public var columns: [(header: String, field: String)]
    public var ignoredColumns: [String]
    /// What the import decided and the reader should know: the header row taken, rows and
    /// columns skipped (totals, hidden), product names read as a kind, a guessed encoding,
    /// and columns that look like a field but were not matched.
    public var notes: [String] = []
    /// Cells read with a guess or left unknown, each naming file, row, column and value.
    public var warnings: [String] = []
    /// The questionnaire's assumptions for what a row leaves empty.
    public var assumptions: Assumptions?
}

/// How an import reads a sheet beyond its cells.
public struct ImportOptions: Sendable {
    /// The spreadsheet row that holds the headers (1-based); nil finds it in the first 20 rows.
    public var headerRow: Int?
    /// Read hidden rows and columns too (skipped by default).
    public var includeHidden = false
    /// Refuse the whole sheet when any cell cannot be read (the default leaves such cells unknown, with a warning).
    public var strict = false
    public init(headerRow: Int? = nil, includeHidden: Bool = false, strict: Bool = false) {
        self.headerRow = headerRow
        self.includeHidden = includeHidden
        self.strict = strict
    }
}

public enum InventoryImporter {
    /// Field id, the header the template writes (both from `InventoryProcess.fields`), and the
    /// other headers people use for it.
    static let columns: [(field: String, header: String, synonyms: [String])] = InventoryProcess.fields.map {
        ($0.id, $0.header, headerSynonyms[$0.id] ?? [])
    }

    /// Headers people write for each field, normalised (lower case, letters and digits only).
    static let headerSynonyms: [String: [String]] = [
        "name": ["process", "processname", "task", "workflow", "usecase", "activity"],
        "department": ["dept", "team", "function", "area"],
        "side": ["officeorline", "where", "location"],
        "hours_per_week": ["hoursweek", "weeklyhours", "hrsweek", "hrsperweek", "hoursperwk", "hours", "hrs", "staffhoursperweek", "timehoursperweek", "weekhours", "hoursaweek", "manhoursperweek", "ftehoursperweek"],
        "volume_per_week": ["volume", "weeklyvolume", "volumeweek", "casesperweek", "transactionsperweek", "itemsperweek", "casesweek", "transactionsweek", "transactions", "weeklytransactions", "ordersperweek", "ordersweek", "countperweek", "casesaweek"],
        "system_of_record": ["system", "sor", "datasource", "datasystem", "wherethedatalives"],
        "write_back": ["writebackpath", "integration", "writeto"],
        "input_structure": ["input", "inputtype", "structure", "inputformat"],
        "exception_share": ["exceptions", "exception", "exceptionrate", "exceptionspercent", "shareofexceptions", "exceptionpercent", "errorrate", "errors", "exceptionspct", "reworkrate"],
        "high_severity_errors_possible": ["highseverity", "highseverityerrors", "severeerrors", "cananerrorstoptheline", "couldstoptheline", "highrisk", "safetycritical"],
        "owner_candidate": ["owner", "processowner", "candidateowner", "willingowner", "responsible", "accountable", "lead", "contact"],
        "downtime_hours_per_year": ["downtimehours", "downtimehoursyear", "unplanneddowntimehours", "downtimehoursayear", "downtimeperyear", "downtime"],
        "cost_per_downtime_hour": ["downtimecosthour", "costofdowntimehour", "downtimecostperhour", "costperhourdowntime", "downtimecost"],
        "scrap_cost_per_year": ["scrapcost", "scrapcostyear", "scrapandrework", "scrapreworkcost", "annualscrapcost", "scrap"],
    ]

    /// A header as a key: lower case, words joined, common abbreviations written out
    /// ("Hrs/wk" → "hoursweek", "Txns per week" → "transactionsperweek"), "%" dropped.
    static func normalize(_ header: String) -> String {
        let words = header.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        let long = ["hrs": "hours", "hr": "hours", "h": "hours", "wk": "week", "wks": "week", "weekly": "weekly",
                    "txns": "transactions", "txn": "transactions", "trans": "transactions", "vol": "volume",
                    "no": "number", "num": "number", "pct": "percent", "exc": "exceptions", "excs": "exceptions",
                    "p": "per", "sys": "system", "dept": "dept"]
        return words.map { long[$0] ?? $0 }.joined()
    }

    /// A header that says its column holds percentages ("Exceptions %", "Error rate (pct)").
    static func isPercentHeader(_ header: String) -> Bool {
        let h = header.lowercased()
        return h.contains("%") || h.contains("percent") || h.split { !$0.isLetter }.contains("pct")
    }

    /// Names that mark a totals row, in English, German, Spanish and French.
    static let totalNames: Set<String> = ["total", "totals", "sum", "grandtotal", "subtotal", "subtotals", "overall",
                                          "summe", "gesamt", "gesamtsumme", "zwischensumme", "insgesamt",
                                          "totalgeneral", "suma", "sumatotal", "subtotales",
                                          "somme", "soustotal", "totalgénéral", "totalgeneral"]

    /// Cells that mean "not known yet": left empty, never an error.
    static let unknownWords: Set<String> = ["tbd", "tbc", "?", "??", "n/a", "na", "unknown", "not known", "-?"]

    /// A choice as people write it ("Excel", "SAP", "semi-structured", "file import"), or nil (see `Values.choice`).
    public static func choiceValue(_ text: String, field: String) -> String? { Values.choiceSynonym(text, field: field) }

    /// The template's header row, in order.
    public static var templateHeaders: [String] { columns.map(\.header) }

    /// Reads `path` into rows, checking every cell; throws every problem at once.
    public static func read(path: String, sheet: String? = nil, questionnaire q: Questionnaire,
                            limits: ImportLimits = ImportLimits(), options: ImportOptions = ImportOptions()) throws -> ImportedInventory {
        let file = (path as NSString).lastPathComponent
        let lookup = ChoiceLookup(q)
        var state = ImportState(file: file, lookup: lookup, options: options)
        var early: [SheetRow] = []
        let readNotes = try SpreadsheetReader.read(path: path, sheet: sheet, limits: limits) { sheetRow in
            if state.header == nil {
                // The header is the row (among the first 20) that maps the most columns.
                early.append(sheetRow)
                let wanted = options.headerRow
                if let wanted, sheetRow.number >= wanted || early.count >= 20 {
                    guard let chosen = early.first(where: { $0.number == wanted }) else {
                        throw ImportFailure(problems: ["\(file): error: --header-row \(wanted) is empty or past the first rows; give the row number the spreadsheet shows for the headers"])
                    }
                    try state.take(header: chosen)
                    for later in early where later.number > chosen.number { try state.read(later) }
                } else if wanted == nil, early.count >= 20 {
                    try state.chooseHeader(early)
                }
                return
            }
            try state.read(sheetRow)
        }
        if state.header == nil {
            guard !early.isEmpty else { throw ImportFailure(problems: ["\(file): error: the sheet is empty; expected a header row and one row per process"]) }
            if let wanted = options.headerRow {
                guard let chosen = early.first(where: { $0.number == wanted }) else {
                    throw ImportFailure(problems: ["\(file): error: --header-row \(wanted) is empty or past the end of the sheet"])
                }
                try state.take(header: chosen)
                for later in early where later.number > chosen.number { try state.read(later) }
            } else {
                try state.chooseHeader(early)
            }
        }
        if let missing = state.missingRequired {
            var sheets = ""
            if sheet == nil, let all = try? XLSXReader(path: path, limits: limits).sheetNames(), all.count > 1 {
                sheets = " This is the first sheet, \"\(all[0])\"; the workbook also has \(all.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")): choose one with --sheet."
            }
            throw ImportFailure(problems: [missing + sheets])
        }
        if !state.problems.isEmpty { throw ImportFailure(problems: state.problems) }
        var notes = state.finalNotes
        notes.insert(contentsOf: readNotes, at: 0)
        return ImportedInventory(rows: state.rows, columns: state.mapped.map { (header: $0.0, field: $0.1) },
                                 ignoredColumns: state.ignored, notes: notes, warnings: state.warnings,
                                 assumptions: q.parameters.assumedWhenUnknown)
    }

    /// Merges the rows into an inventory (see `InventoryMerge`).
    public static func merge(_ imported: ImportedInventory, into existing: [InventoryProcess], replace: Bool,
                             file: String, choices: MergeChoices = MergeChoices()) throws(ImportFailure) -> MergeSummary {
        try InventoryMerge.merge(imported.rows, into: existing, replace: replace, file: file,
                                 assumptions: imported.assumptions, choices: choices)
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

/// The running state of one import: the header, the rows read so far, and what to report.
struct ImportState {
    let file: String
    let lookup: ChoiceLookup
    let options: ImportOptions
    var header: SheetRow?
    var headers: [String] = []
    var fieldAt: [Int: String] = [:]
    var ordered: [(Int, String)] = []
    var percentColumns: Set<Int> = []
    var mapped: [(String, String)] = []
    var ignored: [String] = []
    var rows: [ProcessRow] = []
    var problems: [String] = []
    var notes: [String] = []
    var warnings: [String] = []
    var seen: [String: Int] = [:]
    var hoursSoFar = 0.0
    var skippedTotals: [String] = []
    var skippedHiddenRows = 0
    var productMappings: [String: String] = [:]

    init(file: String, lookup: ChoiceLookup, options: ImportOptions) {
        self.file = file
        self.lookup = lookup
        self.options = options
    }

    /// Columns of `row` that would be read as fields, by position.
    static func mapping(_ row: SheetRow, includeHidden: Bool) -> [Int: String] {
        var out: [Int: String] = [:]
        for (i, cell) in row.cells.enumerated() {
            guard let raw = cell, includeHidden || !row.hiddenColumns.contains(i) else { continue }
            let key = InventoryImporter.normalize(raw)
            guard !key.isEmpty,
                  let column = InventoryImporter.columns.first(where: {
                      InventoryImporter.normalize($0.header) == key || InventoryImporter.normalize($0.field) == key || $0.synonyms.contains(key)
                  }),
                  !out.values.contains(column.field) else { continue }
            out[i] = column.field
        }
        return out
    }

    mutating func chooseHeader(_ early: [SheetRow]) throws {
        // The row that maps the most columns; the earliest wins a tie.
        let best = early.enumerated().max { a, b in
            let ca = Self.mapping(a.element, includeHidden: options.includeHidden).count
            let cb = Self.mapping(b.element, includeHidden: options.includeHidden).count
            return ca != cb ? ca < cb : a.offset > b.offset
        }?.element ?? early[0]
        try take(header: best)
        if best.number != early[0].number {
            notes.append("Took row \(best.number) as the header row (the rows above it look like a title); use --header-row N to choose another")
        }
        for later in early where later.number > best.number { try read(later) }
    }

    mutating func take(header row: SheetRow) throws {
        header = row
        headers = row.cells.map { $0 ?? "" }
        fieldAt = Self.mapping(row, includeHidden: options.includeHidden)
        var hiddenHeaders: [String] = []
        for (i, raw) in headers.enumerated() where !raw.trimmed.isEmpty {
            if let field = fieldAt[i] {
                mapped.append((raw.trimmed, field))
                if field == "exception_share", InventoryImporter.isPercentHeader(raw) { percentColumns.insert(i) }
            } else if !options.includeHidden, row.hiddenColumns.contains(i) {
                hiddenHeaders.append(raw.trimmed)
            } else {
                ignored.append(raw.trimmed)
                if let near = Self.closestField(raw) {
                    notes.append("warning: column \"\(raw.trimmed)\" is not imported; it looks like \"\(near)\". Rename the header to import it")
                }
            }
        }
        if !hiddenHeaders.isEmpty {
            notes.append("Skipped hidden \(hiddenHeaders.count == 1 ? "column" : "columns"): \(hiddenHeaders.joined(separator: ", ")) (--include-hidden reads them)")
        }
        ordered = fieldAt.sorted { $0.key < $1.key }
    }

    /// The expected header a stray one is closest to, when it is close enough to be a slip.
    static func closestField(_ raw: String) -> String? {
        let key = InventoryImporter.normalize(raw)
        guard key.count >= 4 else { return nil }
        var best: (String, Int)?
        for column in InventoryImporter.columns {
            for candidate in [InventoryImporter.normalize(column.header)] + column.synonyms where candidate.count >= 4 {
                let d = MaturityYAML.editDistance(key, candidate)
                if d <= max(2, candidate.count / 4), d < (best?.1 ?? Int.max) { best = (column.header, d) }
            }
        }
        return best?.0
    }

    var missingRequired: String? {
        let missing = ["name", "hours_per_week"].filter { !fieldAt.values.contains($0) }
        guard !missing.isEmpty else { return nil }
        let names = missing.map { f in InventoryImporter.columns.first { $0.field == f }?.header ?? f }
        return "\(file): error: no column for \(Format.list(names)); the header row (row \(header?.number ?? 1)) has \(headers.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")). Expected headers: \(InventoryImporter.templateHeaders.joined(separator: ", ")) (any case and spacing; \"Hours/week\", \"Hrs/wk\", \"Weekly hours\", \"System\" and \"Owner\" work too). If the headers are lower down, give --header-row N."
    }

    mutating func read(_ sheetRow: SheetRow) throws {
        guard missingRequired == nil else { return }
        if sheetRow.hidden, !options.includeHidden {
            skippedHiddenRows += 1
            return
        }
        var cells = CellReader(file: file, row: sheetRow.number, headers: headers, style: sheetRow.style, choices: lookup)
        cells.strict = options.strict
        var p = ProcessRow(row: sheetRow.number, name: "")
        for (i, field) in ordered {
            guard i < sheetRow.cells.count, let raw = sheetRow.cells[i] else { continue }
            let text = raw.trimmed
            guard !text.isEmpty, field == "name" || !InventoryImporter.unknownWords.contains(text.lowercased()) else { continue }
            cells.column = i
            switch field {
            case "name": p.name = text
            case "department": p.department = text
            case "owner_candidate": p.ownerCandidate = text
            case "side": p.side = cells.choice(text, field: field).flatMap(Side.init(rawValue:))
            case "hours_per_week": p.hoursPerWeek = cells.number(text, unit: "hours per week", example: "12.5", max: Limits.hoursPerWeek)
            case "volume_per_week": p.volumePerWeek = cells.number(text, unit: "cases per week", example: "400", max: Limits.casesPerWeek)
            case "system_of_record":
                if let direct = lookup.match(text, field: field) {
                    p.systemOfRecord = direct
                } else if let kind = Values.productKinds.first(where: { text.lowercased().contains($0.0) })?.1,
                          lookup.allowed[field, default: []].contains(kind) {
                    p.systemOfRecord = kind
                    productMappings[text] = kind
                } else if !options.strict, let near = cells.nearestSystem(text) {
                    p.systemOfRecord = near.kind
                    productMappings[text] = "\(near.kind) (nearest kind: \(near.why))"
                } else {
                    p.systemOfRecord = cells.choice(text, field: field)
                }
            case "write_back": p.writeBack = cells.choice(text, field: field)
            case "input_structure": p.inputStructure = cells.choice(text, field: field)
            case "exception_share": p.exceptionShare = cells.share(text, percentColumn: percentColumns.contains(i))
            case "high_severity_errors_possible": p.highSeverityErrorsPossible = cells.yesNo(text)
            case "downtime_hours_per_year": p.downtimeHoursPerYear = cells.number(text, unit: "hours per year", example: "120", max: 8784)
            case "cost_per_downtime_hour": p.costPerDowntimeHour = cells.number(text, unit: "money per hour", example: "4500", max: 10_000_000)
            case "scrap_cost_per_year": p.scrapCostPerYear = cells.number(text, unit: "money per year", example: "180000", max: 1_000_000_000_000)
            default: break
            }
        }
        // A totals row: named so, or its hours are the sum of every row above.
        let key = InventoryImporter.normalize(p.name)
        let isTotal = InventoryImporter.totalNames.contains(key)
            || (rows.count >= 2 && (p.hoursPerWeek.map { abs($0 - hoursSoFar) < 0.0001 && $0 > 0 } ?? false))
        if isTotal {
            skippedTotals.append("row \(sheetRow.number) (\"\(p.name)\")")
            return
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
        hoursSoFar += p.hoursPerWeek ?? 0
        problems += cells.problems
        if options.strict {
            problems += cells.unreadable
        } else {
            warnings += cells.unreadable.map { "warning: " + $0 + "; left unknown (--strict refuses the sheet instead)" }
        }
        warnings += cells.warnings.map { "warning: " + $0 }
        rows.append(p)
    }

}

extension ImportState {
    /// Notes gathered while reading, in the order a reader wants them.
    var finalNotes: [String] {
        var out = notes
        if !skippedTotals.isEmpty { out.append("Skipped \(skippedTotals.count == 1 ? "a totals row" : "totals rows"): \(skippedTotals.joined(separator: ", "))") }
        if skippedHiddenRows > 0 { out.append("Skipped \(skippedHiddenRows) hidden \(skippedHiddenRows == 1 ? "row" : "rows") (--include-hidden reads them)") }
        if !productMappings.isEmpty {
            out.append("Read product names as systems: " + productMappings.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        }
        return out
    }
}
