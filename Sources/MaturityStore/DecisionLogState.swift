import Foundation
import MaturityCore

extension DecisionLogReader {
    /// Our fields and the headers (or the last part of a dotted path) that fill them, in order of preference.
    static let fields: [(field: String, synonyms: [String])] = [
        ("case_id", ["caseid", "case", "ticketid", "transactionid", "orderid", "ticket", "transaction", "txn", "document", "id"]),
        ("at", ["timestamp", "starttime", "startedat", "time", "datetime", "date", "when", "createdat", "created", "loggedat", "ts",
                "starttimeunixnano", "timeunixnano"]),
        ("mode", ["rung", "stage", "phase", "ladder", "trustrung", "trustladder", "maturitymode"]),
        ("agent_action", ["agentdecision", "agentoutput", "proposed", "agentproposed", "agentanswer", "prediction"]),
        ("human_action", ["humandecision", "human", "person", "actual", "final", "humananswer", "truth"]),
        ("match", ["matched", "agree", "agreed", "agreement", "matcheshuman", "humanmatch"]),
        ("approved", ["approval", "approve", "decision", "reviewresult"]),
        ("correct", ["correctness", "accurate", "audit", "qa", "auditresult", "qaresult", "auditcorrect"]),
        ("severity", ["sev", "errorseverity", "impact"]),
        ("exception_opened_at", ["exceptionopened", "exceptionopen", "queuedat", "openedat", "opened"]),
        ("exception_cleared_at", ["exceptioncleared", "exceptionclosed", "clearedat", "closedat", "resolvedat", "cleared"]),
        ("agent", ["agentname", "genaiagentname", "bot", "botname", "agentid"]),
        // One verdict column for every rung: the match in shadow, the approval in approve-each, the audit in auto.
        ("outcome", ["result", "verdict", "reviewoutcome", "judgement", "judgment"]),
    ]

    /// The fields a row's verdict comes from; a log with none of them cannot be judged.
    static let verdictFields: Set<String> = ["match", "agent_action", "approved", "correct", "outcome"]

    static func key(_ header: String) -> String {
        header.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Modes as people and platforms write them. `status` and `level` columns are never read as the mode.
    static func mode(_ text: String) -> DecisionCase.Mode? {
        switch text {
        case "auto": return .auto
        case "shadow": return .shadow
        case "exception": return .exception
        case "approve_each": return .approveEach
        default: break
        }
        var k = key(text)
        if k.hasPrefix("mode") { k.removeFirst(4) }
        switch k {
        case "shadow": return .shadow
        case "approveeach", "approve", "approval", "humanintheloop", "review", "humanreview", "hitl": return .approveEach
        case "auto", "autowithexceptions", "automatic", "autonomous", "production", "productionowned": return .auto
        case "exception", "exceptions", "escalated", "handoff", "exceptionqueue": return .exception
        default: return nil
        }
    }

    /// Which header column fills each field: `--map` first, then the field's own name, then its
    /// synonyms, each matched on the whole header and then on the last part of a dotted path.
    static func assign(_ header: [String], map: [String: String]) -> (fieldAt: [Int: String], unmapped: [String]) {
        let full = header.map(key)
        let last = header.map { key(String($0.split(separator: ".").last ?? Substring($0))) }
        var taken = Set<Int>(), fieldAt: [Int: String] = [:], unmapped: [String] = []
        for (field, synonyms) in fields {
            if let path = map[field] {
                if let i = header.firstIndex(where: { $0 == path }) ?? full.firstIndex(of: key(path)), !taken.contains(i) {
                    fieldAt[i] = field
                    taken.insert(i)
                } else {
                    unmapped.append(field)
                }
                continue
            }
            let names = [key(field)] + synonyms
            var best: (rank: Int, length: Int, index: Int)?
            for i in header.indices where !taken.contains(i) && !["status", "level"].contains(last[i]) {
                var rank: Int?
                for (n, name) in names.enumerated() {
                    if full[i] == name { rank = n * 2; break }
                    if last[i] == name, header[i].contains(".") { rank = n * 2 + 1; break }
                }
                guard let r = rank else { continue }
                let candidate = (r, header[i].count, i)
                if best.map({ (candidate.0, candidate.1) < ($0.rank, $0.length) }) ?? true { best = candidate }
            }
            if let b = best {
                fieldAt[b.index] = field
                taken.insert(b.index)
            }
        }
        return (fieldAt, unmapped)
    }

    struct State {
        let options: Options
        var file = ""
        var header: [String]?
        var fieldAt: [Int: String] = [:]
        var index = FieldIndex()
        var allColumns: [(header: String, field: String)] = []
        var allUnknown: [String] = []
        /// The cases read, when they are collected; when they are folded (`fold` set), none are kept.
        var cases: [DecisionCase] = []
        var fold: LadderFold?
        /// Cases given to `cases` or `fold` so far, or held until their dates can be read.
        var taken = 0
        /// Folding: the last case's time and row (they must not go back), and the cases held while a
        /// slashed date's order is unknown, with the held cases whose date waits and those that failed.
        var lastKey: (at: Int, row: Int)?
        var held: [DecisionCase] = []
        var heldPending: [(index: Int, text: String, row: Int, file: String)] = []
        var failedPending: [(text: String, row: Int, file: String)] = []
        /// Case ids and where each was first read, as a place (see `fileBases`).
        let seen = CaseIDSet()
        var files: [String] = []
        /// Per file, the place of its row 0: a place is the file's base plus the row, so one 32-bit number says both.
        var fileBases: [Int] = []
        var nextBase = 0
        var zoned: Bool?
        var agentCounts: [String: Int] = [:]
        var platform: Platform?
        var dropped = 0
        /// Whole-file errors, shown before the row problems.
        var failures: [String] = []
        /// Row problems by file and kind: how many, the first rows, and the first message.
        var problems: [(file: String, kind: String, count: Int, rows: [Int], message: String)] = []
        var problemAt: [String: Int] = [:]
        /// Slashed dates whose order is not known yet: the case and the text, settled when another row tells.
        var pending: [(index: Int, text: String, row: Int, file: String)] = []
        var detectedOrder: DateOrder?

        init(options: Options, fold: LadderFold? = nil) {
            self.options = options
            self.fold = fold
        }

        mutating func reserve(_ rows: Int) {
            if fold == nil { cases.reserveCapacity(cases.count + rows) }
        }

        mutating func begin(file: String) {
            self.file = file
            files.append(file)
            fileBases.append(nextBase)
            header = nil
            fieldAt = [:]
            zoned = nil
        }

        mutating func fail(_ message: String) { failures.append(message) }

        mutating func problem(_ kind: String, row: Int, column: String?, _ message: String) {
            let k = "\(file)\u{1}\(kind)"
            let text = "\(file): row \(row)" + (column.map { ", column \"\($0)\"" } ?? "") + ": \(message)"
            if let i = problemAt[k] {
                problems[i].count += 1
                if problems[i].rows.count < 5 { problems[i].rows.append(row) }
            } else {
                problemAt[k] = problems.count
                problems.append((file, kind, 1, [row], text))
            }
        }

        /// One line per kind of problem: the first message, then how many more rows and which.
        func problemLines() -> [String] {
            problems.map { p in
                p.count == 1 ? p.message
                    : p.message + " (and \(p.count - 1) more \(p.count == 2 ? "row" : "rows") like it: "
                                  + "rows \(p.rows.dropFirst().map(String.init).joined(separator: ", "))\(p.count > p.rows.count ? ", …" : ""))"
            }
        }

        /// Rows given as (column, value) pairs: the columns are the union of every row's keys, in the order first seen.
        mutating func takeRecords(_ records: [[(String, String)]], order: [Int]) throws {
            var columns: [String] = [], position: [String: Int] = [:]
            for record in records {
                for (k, _) in record where position[k] == nil {
                    position[k] = columns.count
                    columns.append(k)
                }
            }
            if records.isEmpty { return }
            try take(0, columns)
            for (n, record) in records.enumerated() {
                var cells = Array(repeating: "", count: columns.count)
                for (k, v) in record { if let i = position[k] { cells[i] = v } }
                try take(n < order.count ? order[n] : n + 1, cells)
            }
        }

        /// The header row: which column holds which field, and the columns not read.
        mutating func takeHeader(_ cells: [String]) throws {
            header = cells
            let (assigned, unmapped) = DecisionLogReader.assign(cells.map { $0.trimmingCharacters(in: .whitespaces) }, map: options.map)
            fieldAt = assigned
            index = FieldIndex(fieldAt)
            var unknown: [String] = []
            for (i, raw) in cells.enumerated() {
                let name = raw.trimmingCharacters(in: .whitespaces)
                if let field = fieldAt[i] { allColumns.append((name, field)) } else if !name.isEmpty { unknown.append(name) }
            }
            allUnknown += unknown
            var messages: [String] = []
            let present = Set(fieldAt.values)
            if present.isDisjoint(with: DecisionLogReader.verdictFields) {
                let shown = unknown.prefix(20).joined(separator: ", ") + (unknown.count > 20 ? ", …" : "")
                messages.append("\(file): error: no column holds a verdict (match, agent_action with human_action, approved, correct or outcome), "
                                + "so no case can be judged"
                                + (unknown.isEmpty ? "" : "; the columns not read are: \(shown)")
                                + ". Name the column with --map correct=COLUMN (or match=, approved=), or a platform's score with --score correct=NAME")
            }
            for field in unmapped {
                messages.append("\(file): error: --map \(field)=\(options.map[field] ?? "") names no column; "
                                + "the columns are: \(cells.prefix(30).joined(separator: ", "))")
            }
            let missing = ["case_id", "at", "mode"].filter { !present.contains($0) }
            if !missing.isEmpty {
                messages.append("\(file): error: no column for \(Format.list(missing)); "
                                + "the header has \(cells.prefix(30).map { "\"\($0)\"" }.joined(separator: ", ")). Expected: case_id, at, mode, "
                                + "and agent_action with human_action (or match), approved, correct, severity, exception_opened_at, exception_cleared_at; "
                                + "or name one with --map mode=COLUMN")
            }
            if !messages.isEmpty { throw ImportFailure(problems: failures + messages) }
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
            let columnOf = fieldAt
            func headerName(_ field: String) -> String {
                columnOf.first { $0.value == field }.flatMap { header.indices.contains($0.key) ? header[$0.key] : nil } ?? field
            }
            if let name = values[.agent] {
                agentCounts[name, default: 0] += 1
                if let agent = options.agent, name.lowercased() != agent.lowercased() { return }
            }
            guard let id = values[.caseID] else { problem("case_id", row: row, column: headerName("case_id"),
                                                          "the case id is empty; every row needs one"); return }
            let place = (fileBases.last ?? 0) + max(0, row)
            guard place < Int(UInt32.max) else { throw ImportError.file(file, "holds more than 4 billion rows; split the log") }
            nextBase = max(nextBase, place + 1)
            if let first = try seen.insert(id, place: UInt32(place), file: file).map(Int.init) {
                if options.dedupe { dropped += 1; return }
                let f = fileBases.lastIndex { $0 <= first } ?? 0
                let firstFile = files.indices.contains(f) ? files[f] : file, firstRow = first - fileBases[f]
                let where_ = firstFile == file ? "row \(firstRow)" : "\(firstFile) row \(firstRow)"
                problem("duplicate", row: row, column: headerName("case_id"),
                        "case \"\(id.prefix(40))\" repeats \(where_); each case is one row (the same log given twice? --dedupe keeps the first)")
                return
            }
            guard let modeText = values[.mode], let mode = DecisionLogReader.mode(modeText) else {
                problem("mode", row: row, column: headerName("mode"),
                        "\"\(values[.mode]?.prefix(40) ?? "")\" is not a mode; expected shadow, approve_each, auto or exception")
                return
            }
            var at = 0
            var pendingText: String?
            if let atText = values[.at], let (minutes, hasZone) = Timestamp.parse(atText, order: options.dateOrder ?? detectedOrder) {
                if detectedOrder == nil, options.dateOrder == nil, atText.utf8.contains(UInt8(ascii: "/")) { detectedOrder = Self.order(of: atText) }
                if options.timeZone == nil {
                    if let zoned, zoned != hasZone {
                        problem("zone", row: row, column: headerName("at"),
                                "\"\(atText)\" \(hasZone ? "has" : "has no") time zone, unlike the rows before; "
                                + "write every time the same way, or give the plant's zone with --calendar (timezone:)")
                    }
                    zoned = zoned ?? hasZone
                }
                at = Self.local(minutes, zoned: hasZone, zone: options.timeZone)
            } else if let atText = values[.at], options.dateOrder == nil, Timestamp.isAmbiguous(atText) {
                pendingText = atText
            } else {
                problem("at", row: row, column: headerName("at"),
                        "\"\(values[.at]?.prefix(40) ?? "")\" is not a time between 1900 and 2199; expected ISO 8601 like 2026-12-01T08:15:00Z, epoch seconds, "
                        + "DD.MM.YYYY HH:MM, or an Excel date")
                return
            }
            var c = DecisionCase(row: row, caseID: id, at: at, mode: mode)
            // A static function, so the closure's hold on `self` does not make the call copy the whole state per row.
            Self.readOutcomes(values, into: &c, order: options.dateOrder ?? detectedOrder, zone: options.timeZone) { field, message in
                problem(field, row: row, column: headerName(field), message)
            }
            if mode == .exception, c.exceptionOpened == nil { c.exceptionOpened = at }
            try emit(c, pendingText: pendingText)
        }

        static func order(of text: String) -> DateOrder? {
            let parts = text.prefix { $0 != " " && $0 != "T" }.split(separator: "/")
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
            return a > 12 ? .dayFirst : b > 12 ? .monthFirst : nil
        }

        /// Minutes on the plant's wall clock: a time with a zone is moved into the plant's zone (DST included).
        func local(_ minutes: Int, zoned: Bool) -> Int { Self.local(minutes, zoned: zoned, zone: options.timeZone) }

        static func local(_ minutes: Int, zoned: Bool, zone: TimeZone?) -> Int {
            guard zoned, let zone else { return minutes }
            return minutes + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(minutes) * 60)) / 60
        }

        /// Severities as logs and platforms write them (`["high"]` from a Langfuse export included).
        static func severity(_ text: String) -> DecisionCase.Severity? {
            switch text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]\" ")) {
            case "none", "", "no", "0", "-", "ok", "info": return DecisionCase.Severity.none
            case "low", "minor", "medium", "moderate", "warning": return .low
            case "high", "critical", "severe", "major", "sev1", "p1": return .high
            default: return nil
            }
        }

        /// What happened to the case: match, approval, correctness, severity and its exception's times.
        static func readOutcomes(_ values: Row, into c: inout DecisionCase, order: DateOrder?, zone: TimeZone?, problem: (String, String) -> Void) {
            if let m = values[.match] {
                c.match = YesNo.read(m)
                if c.match == nil { problem("match", "\"\(m.prefix(40))\" is not yes or no") }
            } else if let a = values[.agentAction], let h = values[.humanAction] {
                c.match = a.lowercased() == h.lowercased()
            }
            if let a = values[.approved] {
                c.approved = YesNo.read(a)
                if c.approved == nil { problem("approved", "\"\(a.prefix(40))\" is not yes, no or edited") }
            }
            if let v = values[.correct] {
                c.correct = YesNo.read(v)
                if c.correct == nil { problem("correct", "\"\(v.prefix(40))\" is not yes or no (leave it blank when the case was not reviewed)") }
            }
            if let o = values[.outcome] {
                let read = YesNo.read(o)
                if read == nil { problem("outcome", "\"\(o.prefix(40))\" is not yes or no") }
                switch c.mode {
                case .shadow: if c.match == nil { c.match = read }
                case .approveEach: if c.approved == nil { c.approved = read }
                case .auto: if c.correct == nil { c.correct = read }
                case .exception: break
                }
            }
            if let s = values[.severity] {
                switch s {
                case "none": c.severity = .none
                case "low": c.severity = .low
                case "high": c.severity = .high
                default:
                    if let read = Self.severity(s) {
                        c.severity = read
                    } else {
                        problem("severity", "\"\(s.prefix(40))\" is not a severity; expected none, low or high")
                    }
                }
            }
            for field in [LogField.exceptionOpenedAt, .exceptionClearedAt] {
                guard let o = values[field] else { continue }
                if let (t, z) = Timestamp.parse(o, order: order) {
                    let minutes = local(t, zoned: z, zone: zone)
                    if field == .exceptionOpenedAt { c.exceptionOpened = minutes } else { c.exceptionCleared = minutes }
                } else {
                    problem(field.rawValue, "\"\(o.prefix(40))\" is not a time between 1900 and 2199, like 2026-12-01T08:15:00Z")
                }
            }
        }

        mutating func finish() throws {
            if fold != nil { try finishFolding() }
            // Slashed dates settle on the order another row showed; none showed it, the user must say.
            for p in pending {
                let savedFile = file
                file = p.file
                if let order = detectedOrder, let (t, z) = Timestamp.parse(p.text, order: order) {
                    cases[p.index].at = local(t, zoned: z)
                    if cases[p.index].mode == .exception, cases[p.index].exceptionOpened == 0 { cases[p.index].exceptionOpened = cases[p.index].at }
                } else {
                    problem("at_order", row: p.row, column: nil,
                            "\"\(p.text)\" could be day-first or month-first and no row tells; pass --date-format DD/MM/YYYY or MM/DD/YYYY")
                }
                file = savedFile
            }
            if let agent = options.agent {
                let mine = agentCounts.first { $0.key.lowercased() == agent.lowercased() }
                if mine == nil, !agentCounts.isEmpty, taken == 0 {
                    failures.insert("\(file): error: no row is for \(agent); the log is for \(agentList())", at: 0)
                }
            } else if agentCounts.count > 1 {
                failures.insert("\(file): error: the log holds \(agentCounts.count) agents: \(agentList()); choose one with --agent", at: 0)
            }
            // Any order in, time order out (exports come newest first). The sort is stable, so ties keep the file's order.
            if fold == nil, zip(cases, cases.dropFirst()).contains(where: { $0.at > $1.at }) {
                cases.sort { $0.at < $1.at }
            }
        }

        func agentList() -> String {
            agentCounts.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }.joined(separator: ", ")
        }
    }
}
