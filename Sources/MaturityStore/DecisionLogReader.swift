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
        /// The cases in time order; empty when they were folded as read (`read(paths:options:into:)`).
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
        let state = try read(paths: paths, state: State(options: options))
        return state.result(cases: state.cases)
    }

    /// Reads every file into `state` (collecting or folding its cases) and checks the log is clean.
    static func read(paths: [String], state initial: State) throws -> State {
        // The same file named twice would count every case twice: say so before reading.
        var named = Set<String>()
        for path in paths where !named.insert(URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path).inserted {
            throw ImportError.file(path, "is given twice; each log is read once (to combine logs that share cases, pass --dedupe with different files)")
        }
        var state = initial
        let platformFiles = try DecisionLogPlatforms.classify(paths: paths, platform: state.options.platform)
        if let bundle = platformFiles {
            // An export is read whole and often newest first: its cases are collected and sorted.
            state.fold = nil
            let file = paths.map { ($0 as NSString).lastPathComponent }.joined(separator: " + ")
            state.begin(file: file)
            let rows = try DecisionLogPlatforms.rows(bundle, options: state.options)
            try state.takeRecords(rows.records, order: rows.order)
            state.platform = bundle.platform
        } else {
            for path in paths {
                let file = (path as NSString).lastPathComponent
                state.begin(file: file)
                try readFile(path: path, file: file, state: &state, limits: state.options.limits)
                if state.header == nil { state.fail("\(file): error: the log is empty; expected a header row and one row per case") }
            }
        }
        try state.finish()
        if !state.failures.isEmpty || !state.problems.isEmpty {
            throw ImportFailure(problems: state.failures + state.problemLines())
        }
        return state
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

    // MARK: CSV, streamed over bytes in chunks (a quote inside a cell is doubled; a quoted cell may span lines)

    /// Reads the file a few megabytes at a time, so a log of millions of rows is never held whole.
    static func readCSV(path: String, state: inout State) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.notFound(path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.unreadable(path: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: access(path, R_OK) == 0 ? "it cannot be opened" : "permission denied")
        }
        defer { try? handle.close() }
        // Room for every row up front: growing a million-entry array and index by doubling costs copies.
        if (info.st_mode & S_IFMT) == S_IFREG { state.reserve(min(20_000_000, Int(info.st_size) / 40)) }
        var parser = CSVStream(path: path)
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 4 << 20) ?? Data() } catch {
                throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { raw in
                try parser.feed(raw.bindMemory(to: UInt8.self)) { try state.take($0, $1) }
            }
        }
        try parser.finish { try state.take($0, $1) }
    }

    /// A whole CSV already in memory (a platform's scores export).
    static func readCSVBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String, take: (Int, [String]) throws -> Void) throws {
        var parser = CSVStream(path: path)
        try parser.feed(bytes, take: take)
        try parser.finish(take: take)
    }
}

/// A CSV parser fed chunk by chunk: the delimiter (`,`, `;` or tab) from the first line, a
/// byte-order mark skipped, quotes doubled inside quoted cells, CRLF or LF line ends.
struct CSVStream {
    let path: String
    var delimiter: UInt8?
    var cells: [String] = []
    var cell: [UInt8] = []
    var inQuotes = false
    /// Inside quotes, a quote was the last byte seen: the next byte says whether it was doubled.
    var afterQuote = false
    var row = 1, rowStart = 1
    var started = false
    var firstLine: [UInt8] = []

    init(path: String) { self.path = path }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")

    /// The first bytes, held until there are three: a byte-order mark may be split across chunks.
    var startBytes: [UInt8] = []

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, take: (Int, [String]) throws -> Void) throws {
        guard started else {
            startBytes += chunk
            guard startBytes.count >= 3 else { return }
            try start(take: take)
            return
        }
        try process(chunk, take: take)
    }

    mutating func start(take: (Int, [String]) throws -> Void) throws {
        started = true
        let head = startBytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(startBytes.dropFirst(3)) : startBytes
        startBytes = []
        try process(head, take: take)
    }

    mutating func process<C: Collection>(_ bytes: C, take: (Int, [String]) throws -> Void) throws where C.Element == UInt8 {
        if bytes.contains(0) { throw ImportError.file(path, "the file holds binary data, not CSV text") }
        if delimiter == nil {
            // The delimiter is the commonest of the three on the first line (commas unless another wins).
            firstLine += bytes.prefix { $0 != 10 }
            guard bytes.contains(10) || firstLine.count > 1 << 20 else { pendingBytes += bytes; return }
            chooseDelimiter()
            let pending = pendingBytes
            pendingBytes = []
            try parse(pending, take: take)
        }
        try parse(bytes, take: take)
    }

    mutating func chooseDelimiter() {
        let line = firstLine
        let count = { (d: UInt8) in line.filter { $0 == d }.count }
        let other = count(Self.semicolon) >= count(Self.tab) ? Self.semicolon : Self.tab
        delimiter = count(other) > count(Self.comma) ? other : Self.comma
    }

    /// Bytes of a first line longer than one chunk, kept until the line ends and the delimiter is known.
    var pendingBytes: [UInt8] = []

    mutating func parse<C: Collection>(_ bytes: C, take: (Int, [String]) throws -> Void) throws where C.Element == UInt8 {
        let delimiter = self.delimiter ?? Self.comma
        for b in bytes {
            if inQuotes {
                if afterQuote {
                    afterQuote = false
                    if b == Self.quote { cell.append(b); continue }
                    inQuotes = false
                    // The quote closed the cell: read this byte as outside quotes, below.
                } else if b == Self.quote {
                    afterQuote = true
                    continue
                } else {
                    if b == 10 { row += 1 }
                    cell.append(b)
                    continue
                }
            }
            if b == Self.quote, cell.isEmpty {
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
        }
    }

    mutating func endCell() {
        cells.append(String(decoding: cell, as: UTF8.self))
        cell.removeAll(keepingCapacity: true)
    }

    mutating func finish(take: (Int, [String]) throws -> Void) throws {
        if !started { try start(take: take) }
        if delimiter == nil {
            chooseDelimiter()
            let pending = pendingBytes
            pendingBytes = []
            try parse(pending, take: take)
        }
        if afterQuote { afterQuote = false; inQuotes = false }
        if inQuotes { throw ImportError.file(path, "the quote opened on row \(rowStart) is never closed") }
        if !cell.isEmpty || !cells.isEmpty {
            endCell()
            try take(rowStart, cells)
        }
    }
}
