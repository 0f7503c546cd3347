import Foundation
import MaturityCore

/// Reads an agent's decision log (CSV, .xlsx or JSON Lines) into cases, checking every row:
/// missing columns, unknown modes, bad or out-of-order timestamps, mixed time zones, duplicate
/// case ids and rows for another agent are all listed with their row and column, and nothing
/// is returned unless the log is clean. CSV and JSON Lines stream byte by byte, so a
/// million-row log reads in seconds.
public enum DecisionLogReader {
    public struct Result: Sendable {
        public var cases: [DecisionCase]
        /// Header as typed → the field it fills.
        public var columns: [(header: String, field: String)]
        /// Columns present but not read.
        public var unknownColumns: [String]
    }

    static let fields: [(field: String, synonyms: [String])] = [
        ("case_id", ["caseid", "case", "id", "ticket", "ticketid", "transaction", "transactionid", "txn", "orderid", "document"]),
        ("at", ["timestamp", "time", "datetime", "date", "when", "createdat", "created", "loggedat", "ts"]),
        ("mode", ["rung", "stage", "phase", "ladder", "status"]),
        ("agent_action", ["agentdecision", "agentoutput", "proposed", "agentproposed", "agentanswer", "prediction"]),
        ("human_action", ["humandecision", "human", "person", "actual", "final", "humananswer", "truth"]),
        ("match", ["matched", "agree", "agreed", "agreement"]),
        ("approved", ["approval", "approve", "decision", "reviewresult"]),
        ("correct", ["accurate", "audit", "qa", "correctness", "auditresult", "qaresult"]),
        ("severity", ["sev", "errorseverity", "impact"]),
        ("exception_opened_at", ["exceptionopened", "exceptionopen", "queuedat", "openedat", "opened"]),
        ("exception_cleared_at", ["exceptioncleared", "exceptionclosed", "clearedat", "closedat", "resolvedat", "cleared"]),
        ("agent_name", ["agentname", "bot", "botname", "agentid"]),
    ]

    static func key(_ header: String) -> String {
        header.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func field(for header: String) -> String? {
        let k = key(header)
        return fields.first { key($0.field) == k || $0.synonyms.contains(k) }?.field
    }

    /// Modes as people and platforms write them.
    static func mode(_ text: String) -> DecisionCase.Mode? {
        switch text {
        case "auto": return .auto
        case "shadow": return .shadow
        case "exception": return .exception
        case "approve_each": return .approveEach
        default: break
        }
        switch key(text) {
        case "shadow": return .shadow
        case "approveeach", "approve", "approval", "humanintheloop", "review": return .approveEach
        case "auto", "autowithexceptions", "automatic", "autonomous", "production", "productionowned": return .auto
        case "exception", "exceptions", "escalated", "handoff": return .exception
        default: return nil
        }
    }

    public static func read(path: String, agent: String?, limits: ImportLimits = ImportLimits(maxRows: 5_000_000)) throws -> Result {
        let ext = (path as NSString).pathExtension.lowercased()
        let file = (path as NSString).lastPathComponent
        var state = State(file: file, agent: agent)
        switch ext {
        case "jsonl", "ndjson", "json":
            try readJSONLines(path: path, file: file, state: &state)
        case "xlsx", "xlsm":
            try XLSXReader(path: path, limits: limits).read(sheet: nil) { row in
                try state.take(row.number, row.cells.map { $0 ?? "" })
            }
        case "csv", "txt", "tsv":
            try readCSV(path: path, state: &state)
        default:
            throw ImportError.file(path, "expected a decision log as .csv, .xlsx or .jsonl")
        }
        if state.header == nil { throw ImportFailure(problems: ["\(file): error: the log is empty; expected a header row and one row per case"]) }
        state.finish()
        if !state.problems.isEmpty {
            let shown = Array(state.problems.prefix(50))
            throw ImportFailure(problems: shown + (state.problems.count > 50 ? ["\(file): and \(state.problems.count - 50) more problems"] : []))
        }
        return Result(cases: state.cases, columns: state.columns, unknownColumns: state.unknown)
    }

    // MARK: CSV, streamed over bytes (a quote inside a cell is doubled; a quoted cell may span lines)

    static func readCSV(path: String, state: inout State) throws {
        let data = try FileStore().readData(path, limit: Int.max / 2)
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let all = raw.bindMemory(to: UInt8.self)
            let skip = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF ? 3 : 0
            try readCSVBytes(UnsafeBufferPointer(rebasing: all[skip...]), path: path, state: &state)
        }
    }

    static func readCSVBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String, state: inout State) throws {
        if bytes.contains(0) { throw ImportError.file(path, "the file holds binary data, not CSV text") }
        // WorkshopAnalysis for every row up front: growing a million-case array by doubling would hold two copies at once.
        state.cases.reserveCapacity(min(5_000_000, bytes.count / 40))
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
                if !(cells.count == 1 && cells[0].isEmpty) { try state.take(rowStart, cells) }
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
            try state.take(rowStart, cells)
        }
    }

    // MARK: JSON Lines

    static func readJSONLines(path: String, file: String, state: inout State) throws {
        let data = try FileStore().readData(path, limit: Int.max / 2)
        var line = 0
        var header: [String] = []
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 10) ?? data.endIndex
            line += 1
            let chunk = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if chunk.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { continue }
            guard let object = (try? JSONSerialization.jsonObject(with: chunk)) as? [String: Any] else {
                state.problems.append("\(file): line \(line): not a JSON object; each line holds one case as {\"case_id\": …, \"at\": …, \"mode\": …}")
                continue
            }
            if header.isEmpty {
                header = object.keys.sorted()
                try state.take(0, header)
            }
            let cells = header.map { key -> String in
                if let v = object[key], type(of: v) == Bool.self, let b = v as? Bool { return b ? "yes" : "no" }
                switch object[key] {
                case let s as String: return s
                case let n as NSNumber: return n.stringValue
                case nil, is NSNull: return ""
                default: return "\(object[key] ?? "")"
                }
            }
            try state.take(line, cells)
        }
    }

    // MARK: Rows into cases

    struct State {
        let file: String
        let agent: String?
        var header: [String]?
        var fieldAt: [Int: String] = [:]
        var columns: [(header: String, field: String)] = []
        var unknown: [String] = []
        var cases: [DecisionCase] = []
        var problems: [String] = []
        var seen: [String: Int] = [:]
        var zoned: Bool?
        var lastAt = Int.min
        var lastRow = 0
        var otherAgents: [String: Int] = [:]

        init(file: String, agent: String?) {
            self.file = file
            self.agent = agent
        }

        /// Column positions of each field, worked out once from the header.
        var index = FieldIndex()

        /// The header row: which column holds which field, and the columns not read.
        mutating func takeHeader(_ cells: [String]) throws {
            self.header = cells
            for (i, raw) in cells.enumerated() {
                if let field = DecisionLogReader.field(for: raw), !fieldAt.values.contains(field) {
                    fieldAt[i] = field
                    columns.append((raw.trimmingCharacters(in: .whitespaces), field))
                } else if !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    unknown.append(raw.trimmingCharacters(in: .whitespaces))
                }
            }
            index = FieldIndex(fieldAt)
            let missing = ["case_id", "at", "mode"].filter { !fieldAt.values.contains($0) }
            if !missing.isEmpty {
                throw ImportFailure(problems: ["\(file): error: no column for \(Format.list(missing)); the header has \(cells.map { "\"\($0)\"" }.joined(separator: ", ")). Expected: case_id, at, mode, and agent_action with human_action (or match), approved, correct, severity, exception_opened_at, exception_cleared_at"])
            }
        }

        /// What happened to the case: match, approval, correctness, severity and its exception's times.
        static func readOutcomes(_ values: Row, into c: inout DecisionCase, problem: (String, String) -> Void) {
            if let m = values["match"] {
                c.match = YesNo.read(m)
                if c.match == nil { problem("match", "\"\(m.prefix(40))\" is not yes or no") }
            } else if let a = values["agent_action"], let h = values["human_action"] {
                c.match = a.lowercased() == h.lowercased()
            }
            if let a = values["approved"] {
                switch a.lowercased() {
                case "edited", "edit", "changed", "modified": c.approved = false
                default:
                    c.approved = YesNo.read(a)
                    if c.approved == nil { problem("approved", "\"\(a.prefix(40))\" is not yes, no or edited") }
                }
            }
            if let v = values["correct"] {
                c.correct = YesNo.read(v)
                if c.correct == nil { problem("correct", "\"\(v.prefix(40))\" is not yes or no (leave it blank when the case was not reviewed)") }
            }
            if let s = values["severity"] {
                switch s.lowercased() {
                case "none", "", "no", "0", "-": c.severity = .none
                case "low", "minor", "medium": c.severity = .low
                case "high", "critical", "severe", "major": c.severity = .high
                default: problem("severity", "\"\(s.prefix(40))\" is not a severity; expected none, low or high")
                }
            }
            if let o = values["exception_opened_at"] {
                if let (t, _) = Timestamp.parse(o) { c.exceptionOpened = t } else { problem("exception_opened_at", "\"\(o.prefix(40))\" is not a time") }
            }
            if let o = values["exception_cleared_at"] {
                if let (t, _) = Timestamp.parse(o) { c.exceptionCleared = t } else { problem("exception_cleared_at", "\"\(o.prefix(40))\" is not a time") }
            }
        }

        mutating func take(_ row: Int, _ cells: [String]) throws {
            guard let header else { return try takeHeader(cells) }
            // Cells by field, read straight from the row: no dictionary per row (a million rows).
            func value(_ field: Int?) -> String? {
                guard let i = field, i < cells.count else { return nil }
                let v = cells[i]
                guard let first = v.utf8.first else { return nil }
                if first == 32 || v.utf8.last == 32 || first == 9 {
                    let t = v.trimmingCharacters(in: .whitespaces)
                    return t.isEmpty ? nil : t
                }
                return v
            }
            let values = Row(value: value, at: index)
            func problem(_ field: String, _ message: String) {
                let headerName = fieldAt.first { $0.value == field }.flatMap { i in header.indices.contains(i.key) ? header[i.key] : nil } ?? field
                problems.append("\(file): row \(row), column \"\(headerName)\": \(message)")
            }
            if let name = values["agent_name"], let agent, name.lowercased() != agent.lowercased() {
                otherAgents[name, default: 0] += 1
                return
            }
            guard let id = values["case_id"] else { problem("case_id", "the case id is empty; every row needs one"); return }
            if let first = seen[id] { problem("case_id", "case \"\(id.prefix(40))\" repeats row \(first); each case is one row") } else { seen[id] = row }
            guard let modeText = values["mode"], let mode = DecisionLogReader.mode(modeText) else {
                problem("mode", "\"\(values["mode"]?.prefix(40) ?? "")\" is not a mode; expected shadow, approve_each, auto or exception")
                return
            }
            guard let atText = values["at"], let (at, hasZone) = Timestamp.parse(atText) else {
                problem("at", "\"\(values["at"]?.prefix(40) ?? "")\" is not a time; expected ISO 8601 like 2026-12-01T08:15:00Z, or an Excel date")
                return
            }
            if let zoned, zoned != hasZone {
                problem("at", "\"\(atText)\" \(hasZone ? "has" : "has no") time zone, unlike the rows before; write every time the same way")
            }
            zoned = zoned ?? hasZone
            if at < lastAt {
                problem("at", "\(atText) is earlier than row \(lastRow); sort the log by time")
            } else {
                lastAt = at
                lastRow = row
            }
            var c = DecisionCase(row: row, caseID: id, at: at, mode: mode)
            Self.readOutcomes(values, into: &c, problem: problem)
            if mode == .exception, c.exceptionOpened == nil { c.exceptionOpened = at }
            cases.append(c)
        }

        mutating func finish() {
            if !otherAgents.isEmpty {
                let names = otherAgents.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }.joined(separator: ", ")
                if cases.isEmpty {
                    problems.append("\(file): error: no row is for \(agent ?? "this agent"); the log is for \(names)")
                }
            }
        }
    }
}
