import Foundation
import MaturityCore

/// Reads an agent's decision log as people have it: this tool's CSV, .xlsx or JSON Lines (any
/// column order, nested JSON addressed by dotted paths like `metadata.mode`, keys first seen on
/// any line), and the exports of Langfuse, LangSmith and OpenTelemetry GenAI spans (see
/// `DecisionLogPlatforms`). Rows come in any order and are sorted by time; every problem is
/// listed once per kind with its count and first rows, and nothing is returned unless the log is clean.
public enum DecisionLogReader {
    public enum Platform: String, Sendable, CaseIterable { case langfuse, langsmith, otlp }
    /// Which comes first in a date written with slashes (`--date-format DD/MM/YYYY` or `MM/DD/YYYY`).
    public enum DateOrder: String, Sendable { case dayFirst = "day_first", monthFirst = "month_first" }

    public struct Options: Sendable {
        /// The agent to keep when the log holds several (`--agent`).
        public var agent: String?
        /// The plant's time zone: times written with an offset are converted to its wall clock.
        public var timeZone: TimeZone?
        /// How slashed or dotted dates are ordered (`--date-format`); nil detects it.
        public var dateOrder: DateOrder?
        /// Keep the first of repeated case ids instead of refusing them (`--dedupe`).
        public var dedupe = false
        /// The platform the files were exported from (`--from`); nil detects it.
        public var platform: Platform?
        /// Field → column or dotted path (`--map mode=metadata.rung`).
        public var map: [String: String] = [:]
        /// Field → score or feedback name (`--score correct=qa_pass`).
        public var scores: [String: String] = [:]
        public var limits = ImportLimits(maxRows: 20_000_000)
        public init(agent: String? = nil) { self.agent = agent }
    }

    public struct Result: Sendable {
        public var cases: [DecisionCase]
        /// Header as typed → the field it fills.
        public var columns: [(header: String, field: String)]
        /// Columns present but not read.
        public var unknownColumns: [String]
        /// The agents the log names, with their rows (before the --agent filter).
        public var agents: [(name: String, rows: Int)]
        /// The platform the files were read as, when one.
        public var platform: Platform?
        /// Repeated case ids left out by --dedupe.
        public var droppedDuplicates: Int
    }

    /// One log file, kept for the tests and the import of a single file.
    public static func read(path: String, agent: String?, limits: ImportLimits = ImportLimits(maxRows: 5_000_000)) throws -> Result {
        var options = Options(agent: agent)
        options.limits = limits
        return try read(paths: [path], options: options)
    }

    public static func read(paths: [String], options: Options) throws -> Result {
        // The same file named twice would count every case twice: say so before reading.
        var named = Set<String>()
        for path in paths where !named.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted {
            throw ImportError.file(path, "is given twice; each log is read once (to combine logs that share cases, pass --dedupe with different files)")
        }
        var state = State(options: options)
        let platformFiles = try DecisionLogPlatforms.classify(paths: paths, platform: options.platform)
        if let bundle = platformFiles {
            let file = paths.map { ($0 as NSString).lastPathComponent }.joined(separator: " + ")
            state.begin(file: file)
            let rows = try DecisionLogPlatforms.rows(bundle, options: options)
            try state.takeRecords(rows.records, order: rows.order)
            state.platform = bundle.platform
        } else {
            for path in paths {
                let file = (path as NSString).lastPathComponent
                state.begin(file: file)
                try readFile(path: path, file: file, state: &state, limits: options.limits)
                if state.header == nil { state.fail("\(file): error: the log is empty; expected a header row and one row per case") }
            }
        }
        state.finish()
        if !state.failures.isEmpty || !state.problems.isEmpty {
            throw ImportFailure(problems: state.failures + state.problemLines())
        }
        return Result(cases: state.cases, columns: state.allColumns, unknownColumns: state.allUnknown,
                      agents: state.agentCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                      platform: state.platform, droppedDuplicates: state.dropped)
    }

    static func readFile(path: String, file: String, state: inout State, limits: ImportLimits) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "jsonl", "ndjson", "json":
            let objects = try JSONRecords.read(path: path, file: file) { line, message in state.problem("json", row: line, column: nil, message) }
            try state.takeRecords(objects.map { JSONRecords.flatten($0.object).map { ($0.key, $0.value) } }, order: objects.map(\.line))
        case "xlsx", "xlsm":
            try XLSXReader(path: path, limits: limits).read(sheet: nil) { row in
                try state.take(row.number, row.cells.map { $0 ?? "" })
            }
        case "csv", "txt", "tsv":
            try readCSV(path: path, state: &state)
        default:
            throw ImportError.file(path, "expected a decision log as .csv, .xlsx or .jsonl, or a Langfuse, LangSmith or OTLP export (.json, .jsonl, .csv)")
        }
    }

    // MARK: CSV, streamed over bytes (a quote inside a cell is doubled; a quoted cell may span lines)

    static func readCSV(path: String, state: inout State) throws {
        let data = try FileStore().readData(path, limit: Int.max / 2)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            let skip = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF ? 3 : 0
            // Room for every row up front: growing a million-entry array and index by doubling costs copies.
            state.reserve(min(20_000_000, all.count / 40))
            try readCSVBytes(UnsafeBufferPointer(rebasing: all[skip...]), path: path) { try state.take($0, $1) }
        }
    }

    static func readCSVBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String, take: (Int, [String]) throws -> Void) throws {
        if bytes.contains(0) { throw ImportError.file(path, "the file holds binary data, not CSV text") }
        let firstLine = bytes.prefix { $0 != 10 }
        let delimiter: UInt8 = [UInt8(ascii: ";"), UInt8(ascii: "\t")].max { a, b in
            firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count
        }.flatMap { d in firstLine.filter { $0 == d }.count > firstLine.filter { $0 == UInt8(ascii: ",") }.count ? d : nil } ?? UInt8(ascii: ",")
        var cells: [String] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var row = 1, rowStart = 1
        var i = 0
        let quote = UInt8(ascii: "\"")
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == quote {
                    if i + 1 < bytes.count, bytes[i + 1] == quote { cell.append(quote); i += 1 } else { inQuotes = false }
                } else {
                    if b == 10 { row += 1 }
                    cell.append(b)
                }
            } else if b == quote, cell.isEmpty {
                inQuotes = true
            } else if b == delimiter {
                endCell()
            } else if b == 10 {
                endCell()
                if !(cells.count == 1 && cells[0].isEmpty) { try take(rowStart, cells) }
                cells.removeAll(keepingCapacity: true)
                row += 1
                rowStart = row
            } else if b != 13 {
                cell.append(b)
            }
            i += 1
        }
        if inQuotes { throw ImportError.file(path, "the quote opened on row \(rowStart) is never closed") }
        if !cell.isEmpty || !cells.isEmpty {
            endCell()
            try take(rowStart, cells)
        }
    }
}
