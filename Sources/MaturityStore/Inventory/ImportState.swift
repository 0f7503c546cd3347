import Foundation
import MaturityCore
import MaturityYAML

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
    var handlingUnit: [Int: Double] = [:]
    var skippedHeadings = 0
    /// A daily count is this many cases a week; FTEs are this many hours.
    var workingDaysPerWeek = 5.0
    var hoursPerFTE = 40.0

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
            guard let field = field(forHeader: raw), !out.values.contains(field) else { continue }
            out[i] = field
        }
        return out
    }

    /// The field a header names: by its words (and their synonyms), else by its unit suffix.
    static func field(forHeader raw: String) -> String? {
        let key = InventoryImporter.normalize(raw)
        guard !key.isEmpty else { return nil }
        if let column = InventoryImporter.columns.first(where: {
            InventoryImporter.normalize($0.header) == key || InventoryImporter.normalize($0.field) == key || $0.synonyms.contains(key)
        }) { return column.field }
        if let extra = ExtraColumns.synonyms.first(where: { $0.value.contains(key) }) { return extra.key }
        return ExtraColumns.byUnit(raw)?.field
    }

    /// How good a header row `row` is: the columns it maps, less the cells that are numbers
    /// (ids and figures are data, so a data row with one word like "Activity" never wins).
    static func headerScore(_ row: SheetRow, includeHidden: Bool) -> Int {
        let numbers = row.cells.compactMap { $0 }.filter { c in
            let t = c.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && t.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "%" }
        }.count
        return mapping(row, includeHidden: includeHidden).count - numbers
    }

    mutating func chooseHeader(_ early: [SheetRow]) throws {
        // The row that maps the most columns; the earliest wins a tie.
        let best = early.enumerated().max { a, b in
            let ca = Self.headerScore(a.element, includeHidden: options.includeHidden)
            let cb = Self.headerScore(b.element, includeHidden: options.includeHidden)
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
        // With a frequency column, a volume not headed as weekly is the volume per that frequency.
        if fieldAt.values.contains("frequency"), !fieldAt.values.contains("volume_per_frequency"),
           let (i, _) = fieldAt.first(where: { $0.value == "volume_per_week" }),
           !InventoryImporter.normalize(row.cells[i] ?? "").contains("week") {
            fieldAt[i] = "volume_per_frequency"
        }
        for (i, field) in fieldAt where field == "handling_minutes" {
            handlingUnit[i] = ExtraColumns.byUnit(row.cells[i] ?? "")?.minutes ?? 1
        }
        var hiddenHeaders: [String] = []
        for (i, raw) in headers.enumerated() where !raw.trimmed.isEmpty {
            if let field = fieldAt[i] {
                mapped.append((raw.trimmed, field))
                if ["exception_share", "structured_share"].contains(field), InventoryImporter.isPercentHeader(raw) { percentColumns.insert(i) }
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
            notes.append("Skipped hidden \(hiddenHeaders.count == 1 ? "column" : "columns"): \(hiddenHeaders.joined(separator: ", ")) (--include-hidden "
                         + "reads them)")
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
        // Hours a week may come from volume × handling time, or from FTEs.
        let mapped = Set(fieldAt.values)
        let derivable = mapped.contains("handling_minutes") && (mapped.contains("volume_per_week") || mapped.contains("volume_per_frequency"))
            || mapped.contains("ftes")
        let missing = ["name", "hours_per_week"].filter { !mapped.contains($0) && !($0 == "hours_per_week" && derivable) }
        guard !missing.isEmpty else { return nil }
        let names = missing.map { f in InventoryImporter.columns.first { $0.field == f }?.header ?? f }
        return "\(file): error: no column for \(Format.list(names)); the header row (row \(header?.number ?? 1)) has "
               + "\(headers.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", ")). Expected headers: "
               + "\(InventoryImporter.templateHeaders.joined(separator: ", ")) (any case and spacing; \"Hours/week\", \"Hrs/wk\", \"Weekly hours\", "
               + "\"System\" and \"Owner\" work too). If the headers are lower down, give --header-row N."
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
        var extra = ExtraCells()
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
            case "frequency": extra.frequency = text
            case "volume_per_frequency": extra.volumePerFrequency = cells.number(text, unit: "cases per period", example: "40", max: Limits.casesPerWeek)
            case "handling_minutes":
                extra.handlingMinutes = cells.number(text, unit: "minutes per case", example: "6", max: 100_000).map { $0 * (handlingUnit[i] ?? 1) }
            case "ftes": extra.ftes = cells.number(text, unit: "full-time equivalents", example: "1.5", max: 100_000)
            case "structured_share": extra.structuredShare = cells.share(text, percentColumn: percentColumns.contains(i))
            case "pcf_id": extra.pcfID = text
            case "hierarchy_id": extra.hierarchyID = text
            case "level": extra.level = ExtraColumns.level(text)
            default: break
            }
        }
        // An APQC element with no figures (a category, a group, or work nobody measured yet) is
        // the framework's outline, not a process in this inventory.
        if extra.level != nil || extra.pcfID != nil || extra.hierarchyID != nil,
           p.hoursPerWeek == nil, extra.handlingMinutes == nil, extra.ftes == nil, cells.unreadable.isEmpty {
            skippedHeadings += 1
            return
        }
        let number = sheetRow.number
        extra.finish(&p, workingDays: workingDaysPerWeek, hoursPerFTE: hoursPerFTE, cells: &cells,
                     frequencyColumn: fieldAt.first { $0.value == "frequency" }?.key) { message in
            warnings.append("warning: \(file): row \(number): \(message)")
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
        if !skippedTotals.isEmpty { out.append("Skipped \(skippedTotals.count == 1 ? "a totals row" : "totals rows"): "
                                               + "\(skippedTotals.joined(separator: ", "))") }
        if skippedHeadings > 0 { out.append("Skipped \(skippedHeadings) APQC \(skippedHeadings == 1 ? "element" : "elements") with no hours (categories, "
                                            + "process groups, or work not measured yet)") }
        if skippedHiddenRows > 0 { out.append("Skipped \(skippedHiddenRows) hidden \(skippedHiddenRows == 1 ? "row" : "rows") (--include-hidden reads them)") }
        if !productMappings.isEmpty {
            out.append("Read product names as systems: " + productMappings.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        }
        return out
    }
}
