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
        "name": ["process", "processname", "task", "workflow", "usecase", "activity", "automationideaname", "ideaname", "automationidea",
                 "element", "elementname", "processelement", "pcfelement", "processtitle"],
        "department": ["dept", "team", "function", "area", "category", "processcategory", "businessunit", "automationideacategory"],
        "side": ["officeorline", "where", "location"],
        "hours_per_week": ["hoursweek", "weeklyhours", "hrsweek", "hrsperweek", "hoursperwk", "hours", "hrs", "staffhoursperweek", "timehoursperweek",
                           "weekhours", "hoursaweek", "manhoursperweek", "ftehoursperweek"],
        "volume_per_week": ["volume", "weeklyvolume", "volumeweek", "casesperweek", "transactionsperweek", "itemsperweek", "casesweek", "transactionsweek",
                            "transactions", "weeklytransactions", "ordersperweek", "ordersweek", "countperweek", "casesaweek"],
        "system_of_record": ["system", "sor", "datasource", "datasystem", "wherethedatalives"],
        "write_back": ["writebackpath", "integration", "writeto"],
        "input_structure": ["input", "inputtype", "structure", "inputformat"],
        "exception_share": ["exceptions", "exception", "exceptionrate", "exceptionspercent", "shareofexceptions", "exceptionpercent", "errorrate", "errors",
                            "exceptionspct", "reworkrate"],
        "high_severity_errors_possible": ["highseverity", "highseverityerrors", "severeerrors", "cananerrorstoptheline", "couldstoptheline", "highrisk",
                                          "safetycritical"],
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
        state.hoursPerFTE = q.parameters.hoursPerFTEWeek
        var early: [SheetRow] = []
        let readNotes = try SpreadsheetReader.read(path: path, sheet: sheet, limits: limits) { sheetRow in
            if state.header == nil {
                // The header is the row (among the first 20) that maps the most columns.
                early.append(sheetRow)
                let wanted = options.headerRow
                if let wanted, sheetRow.number >= wanted || early.count >= 20 {
                    guard let chosen = early.first(where: { $0.number == wanted }) else {
                        throw ImportFailure(problems: ["\(file): error: --header-row \(wanted) is empty or past the first rows; "
                                                       + "give the row number the spreadsheet shows for the headers"])
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
                sheets = " This is the first sheet, \"\(all[0])\"; the workbook also has \(all.dropFirst().map { "\"\($0)\"" }.joined(separator: ", ")): "
                         + "choose one with --sheet."
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
        do throws(MergeFailure) {
            return try InventoryMerge.merge(imported.rows, into: existing, replace: replace, file: file,
                                            assumptions: imported.assumptions, choices: choices)
        } catch {
            throw ImportFailure(problems: error.problems.map(\.message))
        }
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
