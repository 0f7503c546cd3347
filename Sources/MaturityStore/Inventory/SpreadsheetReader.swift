import Foundation
import MaturityCore
import MaturityYAML
import SwiftCSV

/// One spreadsheet row as the importer sees it: its number as the spreadsheet shows it, and
/// its cells as text (empty cells are nil).
struct SheetRow {
    var number: Int
    var cells: [String?]
    var style: NumberStyle = .decimalPoint
    /// Hidden in the workbook (rows); hidden columns are listed in `hiddenColumns`.
    var hidden = false
    var hiddenColumns: Set<Int> = []
}

/// How numbers are written in the source: `1,500.5` or (in `;`-separated files) `1.500,5`.
enum NumberStyle { case decimalPoint, decimalComma }

/// Reads the non-empty rows of a CSV or .xlsx file in order, calling `row` for each one so large
/// sheets never sit in memory as a whole; the importer decides which row is the header.
enum SpreadsheetReader {
    /// Returns notes on how the file was read (a CSV that was not UTF-8 read as Windows-1252).
    @discardableResult
    static func read(path: String, sheet: String?, limits: ImportLimits, row: (SheetRow) throws -> Void) throws -> [String] {
        let ext = (path as NSString).pathExtension.lowercased()
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        switch ext {
        case "xlsx", "xlsm":
            try XLSXReader(path: path, limits: limits).read(sheet: sheet, row: row)
            return []
        case "csv", "txt", "tsv":
            if sheet != nil { throw ImportError.file(path, "--sheet is for .xlsx files; a CSV file has one table") }
            return try readCSV(path: path, maxRows: limits.maxRows, row: row)
        case "xls":
            throw ImportError.file(path, "the old Excel .xls format is not supported; save it as Excel Workbook (.xlsx) or CSV")
        case "ods":
            throw ImportError.file(path, "OpenDocument sheets (.ods) are not read; save it as .xlsx or as CSV UTF-8")
        default:
            throw ImportError.file(path, "expected a .csv or .xlsx file")
        }
    }

    static func readCSV(path: String, maxRows: Int, row: (SheetRow) throws -> Void) throws -> [String] {
        let data = try FileStore().readData(path, limit: Limits.sheetBytes)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError.file(path, "this is a zip archive (an .xlsx workbook?), not CSV text; rename it to .xlsx or export it as CSV")
        }
        var note: String?
        var decoded: String?
        // "Unicode text" from Excel is UTF-16 with a byte-order mark, tab-separated: read it, and say so.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            decoded = String(data: data, encoding: .utf16)
            if decoded == nil { throw ImportError.file(path, "the file says it is UTF-16 but does not read as UTF-16; export it as CSV UTF-8") }
            note = "\((path as NSString).lastPathComponent) is UTF-16 text (Excel's \"Unicode text\"); "
                   + "read it as such. Save as \"CSV UTF-8\" to avoid the guess"
        } else if data.contains(0) {
            throw ImportError.file(path, "the file holds binary data, not CSV text; export the sheet as CSV (UTF-8)")
        } else {
            decoded = String(data: data, encoding: .utf8)
        }
        if decoded == nil, let legacy = String(data: data, encoding: .windowsCP1252) {
            // Excel's "CSV" on Windows: read it, and say so.
            decoded = legacy
            note = "\((path as NSString).lastPathComponent) is not UTF-8; read it as Windows-1252 (Excel's plain CSV). Save as \"CSV UTF-8\" to avoid the guess"
        }
        guard var text = decoded else {
            throw ImportError.file(path, "the file is not UTF-8 text; export it as CSV UTF-8")
        }
        // Excel for Mac ends lines with a bare carriage return: lines are lines whichever way they end.
        if text.contains("\r"), !text.contains("\n") { text = text.replacingOccurrences(of: "\r", with: "\n") }
        let delimiter = CSVDelimiter.guessed(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if let problem = CSVQuoteCheck.problem(in: text, delimiter: delimiter.rawValue.asciiValue ?? UInt8(ascii: ",")) {
            throw ImportError.file(path, problem)
        }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
        } catch {
            throw ImportError.file(path, "the CSV cannot be read; check its quotes: a quote inside a cell must be doubled (\"\")")
        }
        var headers = csv.header
        if let first = headers.first, first.hasPrefix("\u{FEFF}") { headers[0] = String(first.dropFirst()) }
        let style: NumberStyle = delimiter == .semicolon ? .decimalComma : .decimalPoint
        if csv.rows.count > maxRows {
            throw ImportError.file(path,
                                   "the sheet has \(Format.grouped(Double(csv.rows.count))) rows; the limit is \(Format.grouped(Double(maxRows))) (an "
                                   + "inventory is far smaller): split the file")
        }
        try row(SheetRow(number: 1, cells: headers.map { $0.isEmpty ? nil : $0 }, style: style))
        for (i, cells) in csv.rows.enumerated() {
            if cells.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            try row(SheetRow(number: i + 2, cells: cells.map { $0.isEmpty ? nil : $0 }, style: style))
        }
        return note.map { [$0] } ?? []
    }
}

/// Caps that keep a hostile file from filling memory or disk.
public struct ImportLimits: Sendable {
    /// Most uncompressed bytes read from any one part of an .xlsx.
    public var maxPartBytes: UInt64 = 512 * 1024 * 1024
    /// Most rows imported.
    public var maxRows = Limits.processes
    public init(maxRows: Int = Limits.processes) { self.maxRows = maxRows }
}

public enum ImportError: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    case file(String, String)

    public var description: String {
        switch self {
        case .file(let path, let message): return "\(path): error: \(message)"
        }
    }
}

/// Checks a CSV's quoting before the parser sees it, so a stray or unclosed quote is an error
/// that names the row, never rows silently swallowed into one cell or a parser's internals.
enum CSVQuoteCheck {
    static func problem(in text: String, delimiter: UInt8) -> String? {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var row = 1
        var inQuotes = false, fieldStart = true, afterQuote = false
        var quoteRow = 1
        var bytes = text.utf8.makeIterator()
        var pending: UInt8? = nil
        while let c = pending ?? bytes.next() {
            pending = nil
            if inQuotes {
                if c == quote {
                    let next = bytes.next()
                    if next == quote { continue }
                    inQuotes = false
                    afterQuote = true
                    pending = next
                } else if c == newline {
                    row += 1
                }
                continue
            }
            switch c {
            case quote:
                guard fieldStart else {
                    return "row \(row) has a quote inside a cell; a quote inside a cell must be doubled (\"\") or the whole cell put in quotes"
                }
                inQuotes = true
                quoteRow = row
                fieldStart = false
            case delimiter:
                fieldStart = true
                afterQuote = false
            case newline:
                row += 1
                fieldStart = true
                afterQuote = false
            case cr:
                continue
            default:
                if afterQuote, c != UInt8(ascii: " ") {
                    return "row \(row) has text after a closing quote; put the whole cell in quotes and double any quote inside it (\"\")"
                }
                fieldStart = false
            }
        }
        if inQuotes { return "the quote opened on row \(quoteRow) is never closed; close it, or double a quote meant as text (\"\")" }
        return nil
    }
}
