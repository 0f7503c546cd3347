import Foundation
import MaturityCore
import MaturityYAML

/// A survey export as read: its header row and its answer rows, one per respondent. Read with
/// the inventory's CSV reading (a byte-order mark, CRLF, quoted cells over several lines,
/// `;`-separated exports with decimal commas, Windows-1252), or from an .xlsx workbook.
public struct SurveyTable: Sendable {
    public struct Row: Sendable {
        /// The row as the spreadsheet numbers it (the header is row 1 in a CSV).
        public var number: Int
        public var cells: [String]
        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }
        public func cell(_ column: Int) -> String { column < cells.count ? cells[column] : "" }
    }

    public var file: String
    public var headers: [String]
    public var rows: [Row]
    /// A `;`-separated export writes 1.234,5: numbers are read that way.
    public var decimalComma: Bool
    /// How the file was read, when it needed a guess (Windows-1252, UTF-16).
    public var notes: [String]

    public init(file: String, headers: [String], rows: [Row], decimalComma: Bool = false, notes: [String] = []) {
        self.file = file
        self.headers = headers
        self.rows = rows
        self.decimalComma = decimalComma
        self.notes = notes
    }

    /// Reads `path` (.csv, .txt, .tsv or .xlsx); the first non-empty row is the header.
    public static func load(_ path: String, maxRows: Int = 10_000) throws -> SurveyTable {
        var headers: [String]?
        var rows: [Row] = []
        var decimalComma = false
        let notes = try SpreadsheetReader.read(path: path, sheet: nil, limits: ImportLimits(maxRows: maxRows)) { row in
            // A cell typed over several lines keeps its lines; Windows line ends become plain ones.
            let cells = row.cells.map { ($0 ?? "").replacingOccurrences(of: "\r\n", with: "\n") }
            if headers == nil {
                headers = cells.map { $0.replacingOccurrences(of: "\n", with: " ").trimmed }
                decimalComma = row.style == .decimalComma
                return
            }
            if cells.allSatisfy({ $0.trimmed.isEmpty }) { return }
            rows.append(Row(number: row.number, cells: cells))
        }
        guard let headers, headers.contains(where: { !$0.isEmpty }) else {
            throw SurveyImportFailure(["\(path): error: the file is empty; export the survey's responses (one row per respondent, the questions as headers)"])
        }
        if rows.isEmpty {
            throw SurveyImportFailure(["\(path): error: the file has a header row but no responses; export it again once people have answered"])
        }
        return SurveyTable(file: path, headers: headers, rows: rows, decimalComma: decimalComma, notes: notes)
    }

    /// The survey tool whose export this looks like, by its fixed columns; nil when none fits.
    public var tool: String? {
        let h = headers.map(SurveyText.plain)
        if h.starts(with: ["id", "start time", "completion time"]) { return "Microsoft Forms" }
        if h.first == "timestamp" { return "Google Forms" }
        if h.contains("submit date utc") || (h.first == "" && headers.first == "#") { return "Typeform" }
        return nil
    }

    /// How a column is named in messages: its number (1 = A) and its header.
    public func describe(_ column: Int) -> String {
        "column \(column + 1) \"\(column < headers.count ? headers[column] : "")\""
    }
}

/// Everything that stops a survey import, listed together; nothing is written.
public struct SurveyImportFailure: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

/// Text compared the way people mean it: case, accents, punctuation and spacing aside.
public enum SurveyText {
    /// Lowercased, accents folded, every run of punctuation or space one space: "Ad-hoc!" → "ad hoc".
    public static func plain(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
        var out = ""
        var space = false
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                if space, !out.isEmpty { out.append(" ") }
                out.append(ch)
                space = false
            } else {
                space = true
            }
        }
        return out
    }

    /// A header without a leading question number ("3. ", "Q3:", "3)") or a trailing required mark.
    public static func question(_ header: String) -> String {
        var words = plain(header).split(separator: " ").map(String.init)
        if let first = words.first, words.count > 1,
           first.allSatisfy(\.isNumber) || (first.hasPrefix("q") && first.dropFirst().allSatisfy(\.isNumber) && first.count > 1) {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// How alike two texts are by their words (0 to 1): shared words over all words.
    public static func likeness(_ a: String, _ b: String) -> Double {
        let x = Set(plain(a).split(separator: " ")), y = Set(plain(b).split(separator: " "))
        guard !x.isEmpty || !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}
