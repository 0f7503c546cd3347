import Foundation
import SwiftCSV

/// One spreadsheet row as the importer sees it: its number as the spreadsheet shows it, and
/// its cells as text (empty cells are nil).
struct SheetRow {
    var number: Int
    var cells: [String?]
    var style: NumberStyle = .decimalPoint
}

/// How numbers are written in the source: `1,500.5` or (in `;`-separated files) `1.500,5`.
enum NumberStyle { case decimalPoint, decimalComma }

/// Reads the rows of a CSV or .xlsx file, header first, calling `row` for each one so large
/// sheets never sit in memory as a whole.
enum SpreadsheetReader {
    static func read(path: String, sheet: String?, limits: ImportLimits,
                     header: ([String]) throws -> Void, row: (SheetRow) throws -> Void) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        switch ext {
        case "xlsx", "xlsm":
            try XLSXReader(path: path, limits: limits).read(sheet: sheet, header: header, row: row)
        case "csv", "txt", "tsv":
            if sheet != nil { throw ImportError.file(path, "--sheet is for .xlsx files; a CSV file has one table") }
            try readCSV(path: path, header: header, row: row)
        case "xls":
            throw ImportError.file(path, "the old Excel .xls format is not supported; save it as Excel Workbook (.xlsx) or CSV")
        default:
            throw ImportError.file(path, "expected a .csv or .xlsx file")
        }
    }

    static func readCSV(path: String, header: ([String]) throws -> Void, row: (SheetRow) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.unreadable(path: path, reason: "permission denied") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError.file(path, "this is a zip archive (an .xlsx workbook?), not CSV text; rename it to .xlsx or export it as CSV")
        }
        if data.contains(0) { throw ImportError.file(path, "the file holds binary data, not CSV text; export the sheet as CSV (UTF-8)") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.file(path, "the file is not UTF-8 text; export it as CSV UTF-8")
        }
        let delimiter = CSVDelimiter.guessed(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false)
        } catch {
            throw ImportError.file(path, "the CSV cannot be read (\(error)); check for an unclosed quote")
        }
        var headers = csv.header
        if let first = headers.first, first.hasPrefix("\u{FEFF}") { headers[0] = String(first.dropFirst()) }
        try header(headers)
        let style: NumberStyle = delimiter == .semicolon ? .decimalComma : .decimalPoint
        for (i, cells) in csv.rows.enumerated() {
            if cells.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            try row(SheetRow(number: i + 2, cells: cells.map { $0.isEmpty ? nil : $0 }, style: style))
        }
    }
}

/// Caps that keep a hostile file from filling memory or disk.
public struct ImportLimits: Sendable {
    /// Most uncompressed bytes read from any one part of an .xlsx.
    public var maxPartBytes: UInt64 = 512 * 1024 * 1024
    /// Most rows imported.
    public var maxRows = 1_000_000
    public init() {}
}

public enum ImportError: Error, CustomStringConvertible, Sendable {
    case file(String, String)

    public var description: String {
        switch self {
        case .file(let path, let message): return "\(path): error: \(message)"
        }
    }
}
