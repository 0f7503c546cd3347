import Foundation
import MaturityCore
import ZIPFoundation

/// The consultant's workbook (`--format xlsx`): the use cases with every cost line and feasibility
/// factor, the dated plan, the staffing by week and the budget, as real cells — numbers as numbers,
/// dates as dates, and formulas wherever a figure is a total or a ratio (each with its value cached,
/// so a reader that does not recalculate sees the same figure). Built from the report model only.
public enum Workbook {
    /// One cell: text, a number with a style, a date, or a formula with the value it gives.
    enum Cell {
        case text(String)
        case number(Double, Style)
        case date(Day)
        case formula(String, Double, Style)
        /// A formula whose value is text.
        case textFormula(String, String)
        case empty
    }

    /// The workbook's cell styles, by index into styles.xml's cellXfs.
    enum Style: Int { case general = 0, date = 1, whole = 2, decimal = 3, header = 4 }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        var widths: [Double]
        /// Its first row is a header (every sheet but the summary, which is label and value).
        var hasHeader = true
    }

    /// The workbook in the phrase table's language: its sheet names, headers and the few words in its cells.
    public static func data(_ m: ReportModel, words: PhraseBook) throws -> Data {
        let sheets = [summary(m, words), useCases(m, words), plan(m, words), staffing(m, words), budget(m, words)]
        let archive = try Archive(accessMode: .create)
        var files: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRels),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRels(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (i, sheet) in sheets.enumerated() { files.append(("xl/worksheets/sheet\(i + 1).xml", xml(sheet))) }
        for (path, text) in files {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    // MARK: the sheets

    static func summary(_ m: ReportModel, _ words: PhraseBook) -> Sheet {
        let move = m.nextMove
        let say = { (key: String) in Cell.text(words.say(key)) }
        var rows: [[Cell]] = [
            [say("ui.xlsx.company"), .text(m.organization.name)],
            [say("ui.xlsx.assessed_on"), Day(iso: m.assessedOn).map(Cell.date) ?? .text(m.assessedOn)],
            [say("ui.col.stage"), .number(Double(m.stage), .whole), .text(m.stageName)],
            [say("ui.xlsx.next_move"), .text(move.title)],
            [say("ui.col.owner"), .text(move.owner)],
            [say("ui.xlsx.currency"), .text(m.organization.currency)],
        ]
        if let v = move.annualValue { rows.append([say("ui.col.value_year"), .number(Double(v), .whole)]) }
        if let c = move.annualRunCost {
            rows.append([move.useCase.map { .text(words.say("ui.xlsx.run_cost_for", ["use_case": .text($0)])) } ?? say("ui.col.run_cost_year"),
                         .number(Double(c), .whole)])
        }
        if let once = move.oneTimeCost { rows.append([say("ui.xlsx.one_time_middle"), .number(Double(once), .whole)]) }
        if let v = move.annualValue, let c = move.annualRunCost, let once = move.oneTimeCost, v > c {
            let r = rows.count + 1
            rows.append([say("ui.xlsx.payback"), .formula("B\(r - 1)/((B\(r - 3)-B\(r - 2))/12)", Double(once) / (Double(v - c) / 12), .decimal)])
        }
        rows.append([say("ui.xlsx.paragraph"), .text(m.summary)])
        return Sheet(name: words.say("ui.xlsx.sheet.summary"), rows: rows, widths: [34, 90, 20], hasHeader: false)
    }

    static let factorIDs = ["system_of_record", "write_back", "input_structure", "exception_share", "high_severity_errors_possible",
                            "owner_candidate", "side"]

    static func useCases(_ m: ReportModel, _ words: PhraseBook) -> Sheet {
        let first = m.useCases.first
        let costLabels = first?.runCost.map(\.label) ?? []
        let factorLabels = factorIDs.map { id in first?.factors.first { $0.id == id }?.label ?? id }
        let say = { (keys: [String]) in keys.map { words.say($0) } }
        let header: [String] = say(["ui.xlsx.rank", "ui.xlsx.use_case", "ui.xlsx.department", "ui.xlsx.side", "ui.xlsx.hours_week", "ui.xlsx.cases_week",
                                    "ui.col.value_year"])
            + costLabels + say(["ui.col.run_cost_year", "ui.xlsx.return", "ui.xlsx.feasibility"]) + factorLabels
            + say(["ui.xlsx.one_time", "ui.xlsx.payback", "ui.xlsx.quadrant", "ui.xlsx.can_be_next", "ui.xlsx.why_not"])
        var rows: [[Cell]] = [header.map { .text($0) }]
        let costStart = 8, costEnd = costStart + costLabels.count - 1
        let runCol = col(costEnd + 1), valueCol = col(7), oneTimeCol = col(costEnd + 4 + factorIDs.count)
        for u in m.useCases {
            let r = rows.count + 1
            var row: [Cell] = [.number(Double(u.rank), .whole), .text(u.name), .text(u.department ?? ""), .text(u.side),
                               .number(u.hoursPerWeek, .decimal), u.volumePerWeek.map { .number($0, .decimal) } ?? .text(words.say("ui.xlsx.unknown")),
                               .number(Double(u.annualValue), .whole)]
            row += u.runCost.map { .number(Double($0.annual), .whole) }
            let runCost = u.runCost.reduce(0) { $0 + $1.annual }
            row.append(.formula("SUM(\(col(costStart))\(r):\(col(costEnd))\(r))", Double(runCost), .whole))
            row.append(.formula("IF(\(runCol)\(r)>0,\(valueCol)\(r)/\(runCol)\(r),0)", runCost > 0 ? Double(u.annualValue) / Double(runCost) : 0, .decimal))
            row.append(.number(Double(u.feasibility), .whole))
            row += factorIDs.map { id in u.factors.first { $0.id == id }.map { .number($0.points, .decimal) } ?? .empty }
            row.append(.number(Double(u.oneTimeCost), .whole))
            let net = Double(u.annualValue - runCost)
            let payback = "IF(\(valueCol)\(r)-\(runCol)\(r)>0,\(oneTimeCol)\(r)/((\(valueCol)\(r)-\(runCol)\(r))/12),\"\")"
            // Never pays back: the formula's own answer, an empty text, cached as such (not a 0 a preview would show).
            row.append(net > 0 ? .formula(payback, Double(u.oneTimeCost) / (net / 12), .decimal) : .textFormula(payback, ""))
            row += [.text(u.quadrantLabel), .text(words.say(u.eligible ? "ui.xlsx.yes" : "ui.xlsx.no")), .text(u.ineligibleReason ?? "")]
            rows.append(row)
        }
        let last = rows.count
        if last > 1 {
            var total: [Cell] = [.empty, .text(words.say("ui.plan.total")), .empty, .empty,
                                 .formula("SUM(E2:E\(last))", m.useCases.reduce(0) { $0 + $1.hoursPerWeek }, .decimal), .empty,
                                 .formula("SUM(G2:G\(last))", Double(m.useCases.reduce(0) { $0 + $1.annualValue }), .whole)]
            for c in costStart...(costEnd + 1) {
                let sum = m.useCases.reduce(0.0) { s, u in
                    c <= costEnd ? s + Double(u.runCost[c - costStart].annual) : s + Double(u.runCost.reduce(0) { $0 + $1.annual })
                }
                total.append(.formula("SUM(\(col(c))2:\(col(c))\(last))", sum, .whole))
            }
            rows.append(total)
        }
        return Sheet(name: words.say("ui.xlsx.sheet.use_cases"), rows: rows, widths: [6, 34, 16, 8, 10, 10, 12] + costLabels.map { _ in 14.0 } + [14, 10, 10]
                     + factorIDs.map { _ in 12.0 } + [14, 10, 12, 10, 50])
    }

    static func plan(_ m: ReportModel, _ words: PhraseBook) -> Sheet {
        var rows: [[Cell]] = [["ui.col.number", "ui.col.step", "ui.col.rung", "ui.xlsx.starts", "ui.xlsx.ends", "ui.xlsx.calendar_days", "ui.col.owner",
                               "ui.col.gate"]
            .map { .text(words.say($0)) }]
        for (i, s) in m.plan.enumerated() {
            let r = rows.count + 1
            let start = Day(iso: s.start), end = Day(iso: s.end)
            rows.append([.number(Double(i + 1), .whole), .text(s.title), .text(s.rung), start.map(Cell.date) ?? .text(s.start),
                         end.map(Cell.date) ?? .text(s.end),
                         .formula("E\(r)-D\(r)+1", Double((start.flatMap { a in end.map { a.days(until: $0) } } ?? 0) + 1), .whole),
                         .text(s.owner), .text(s.gate)])
        }
        return Sheet(name: words.say("ui.xlsx.sheet.plan"), rows: rows, widths: [5, 60, 18, 12, 12, 10, 28, 90])
    }

    static func staffing(_ m: ReportModel, _ words: PhraseBook) -> Sheet {
        var rows: [[Cell]] = [["ui.col.role", "ui.xlsx.plan_week", "ui.xlsx.hours"].map { .text(words.say($0)) }]
        for s in m.staffing { rows.append([.text(s.roleLabel), .number(Double(s.week), .whole), .number(s.hours, .decimal)]) }
        let last = rows.count
        rows.append([])
        rows.append([.text(words.say("ui.col.role")), .text(words.say("ui.col.hours_in_all"))])
        var seen: [String] = []
        for s in m.staffing where !seen.contains(s.roleLabel) {
            seen.append(s.roleLabel)
            let r = rows.count + 1
            let total = m.staffing.filter { $0.roleLabel == s.roleLabel }.reduce(0) { $0 + $1.hours }
            rows.append([.text(s.roleLabel), .formula("SUMIF(A$2:A$\(last),A\(r),C$2:C$\(last))", total, .decimal)])
        }
        return Sheet(name: words.say("ui.xlsx.sheet.staffing"), rows: rows, widths: [30, 10, 10])
    }

    static func budget(_ m: ReportModel, _ words: PhraseBook) -> Sheet {
        let basis = m.nextMove.useCase.map { words.say("ui.xlsx.basis_for", ["use_case": .text($0)]) } ?? words.say("ui.col.basis")
        var rows: [[Cell]] = [[words.say("ui.xlsx.run_cost_line"), basis, words.say("ui.xlsx.per_month"), words.say("ui.xlsx.per_year")].map { .text($0) }]
        for line in m.budget {
            let r = rows.count + 1
            rows.append([.text(line.label), .text(line.basis), .formula("D\(r)/12", Double(line.annual) / 12, .whole), .number(Double(line.annual), .whole)])
        }
        let last = rows.count
        if last > 1 {
            let total = Double(m.budget.reduce(0) { $0 + $1.annual })
            rows.append([.text(words.say("ui.plan.total")), .empty, .formula("SUM(C2:C\(last))", total / 12, .whole),
                         .formula("SUM(D2:D\(last))", total, .whole)])
        }
        return Sheet(name: words.say("ui.xlsx.sheet.budget"), rows: rows, widths: [30, 60, 12, 12])
    }
}
