import Foundation
import MaturityCore

/// The exports of the agent platforms teams use, turned into decision-log rows (our field names):
/// - Langfuse: traces (API `GET /api/public/traces`, or the UI export with one array column per
///   score name), mode from `metadata.mode` or a `mode:<rung>` tag, joined with the Scores export
///   (one row per score) by `traceId`;
/// - LangSmith: root runs (`parent_run_id` null), mode from `extra.metadata.mode`, joined with
///   feedback by `run_id`; `status` is never the mode;
/// - OpenTelemetry GenAI spans (OTLP JSON): `invoke_agent` spans, attribute lists, times in
///   `startTimeUnixNano`, `gen_ai.evaluation.result` span events and log records joined by
///   `spanId`, and `maturity.exception` child spans for the exception queue.
enum DecisionLogPlatforms {
    typealias Platform = DecisionLogReader.Platform
    typealias Record = [(String, String)]

    struct Bundle {
        var platform: Platform
        /// The files holding the cases, and those holding scores, feedback or evaluations.
        var cases: [String]
        var scores: [String]
    }

    enum Kind { case cases, scores, none }

    /// Which platform the files come from (`--from`, or detected from their first bytes), or nil for this tool's own columns.
    static func classify(paths: [String], platform: Platform?) throws -> Bundle? {
        var found: [(path: String, platform: Platform, kind: Kind)] = []
        for path in paths {
            let head = peek(path)
            if let (p, kind) = detect(head) { found.append((path, p, kind)) } else { found.append((path, platform ?? .langfuse, .none)) }
        }
        let detected = found.filter { $0.kind != .none }
        guard !detected.isEmpty || platform != nil else { return nil }
        let chosen = platform ?? detected[0].platform
        if let other = detected.first(where: { $0.platform != chosen }) {
            throw ImportError.file(other.path,
                                   "is a \(name(other.platform)) export, but the other files are \(name(chosen)); read one platform's files at a time")
        }
        var bundle = Bundle(platform: chosen, cases: [], scores: [])
        for f in found {
            switch f.kind {
            case .scores: bundle.scores.append(f.path)
            case .cases, .none: bundle.cases.append(f.path)
            }
        }
        if bundle.cases.isEmpty {
            throw ImportError.file(paths[0],
                                   "holds \(name(chosen)) scores or feedback but no \(chosen == .otlp ? "spans" : chosen == .langsmith ? "runs" : "traces"); "
                                   + "give the \(chosen == .otlp ? "spans" : chosen == .langsmith ? "runs" : "traces") export too")
        }
        return bundle
    }

    static func name(_ p: Platform) -> String {
        switch p {
        case .langfuse: return "Langfuse"
        case .langsmith: return "LangSmith"
        case .otlp: return "OpenTelemetry (OTLP)"
        }
    }

    static func peek(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 16_384)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func detect(_ head: String) -> (Platform, Kind)? {
        if head.contains("\"resourceSpans\"") { return (.otlp, .cases) }
        if head.contains("\"resourceLogs\"") { return (.otlp, .scores) }
        if head.contains("\"run_type\"") || head.contains("\"dotted_order\"") { return (.langsmith, .cases) }
        if head.contains("\"run_id\""), head.contains("\"key\"") { return (.langsmith, .scores) }
        let firstLine = head.prefix { $0 != "\n" }
        if firstLine.contains("traceId"), firstLine.contains("dataType") || firstLine.contains("stringValue") { return (.langfuse, .scores) }
        if head.contains("\"traceId\""), head.contains("\"dataType\"") { return (.langfuse, .scores) }
        if head.contains("\"htmlPath\"") || (head.contains("\"projectId\"") && head.contains("\"timestamp\""))
            || (head.contains("\"sessionId\"") && head.contains("\"bookmarked\"")) { return (.langfuse, .cases) }
        return nil
    }

    /// Score or feedback names → our fields: the defaults, and `--score field=NAME`.
    static func scoreFields(_ options: DecisionLogReader.Options) -> [String: String] {
        var names: [String: String] = [:]
        let defaults = ["match": ["match", "matches_human", "human_match", "matched"],
                        "approved": ["approved", "approval"],
                        "correct": ["correct", "correctness", "audit_correct"],
                        "severity": ["severity"]]
        for (field, list) in defaults { for n in list { names[DecisionLogReader.key(n)] = field } }
        for (field, n) in options.scores { names[DecisionLogReader.key(n)] = field }
        return names
    }

    /// A judgement as a cell: its label when it reads as yes or no (approved, edited, True), else its number.
    static func verdictCell(field: String, label: String?, number: String?) -> String? {
        if field == "severity" { return label ?? number }
        if let label, !label.isEmpty, YesNo.read(label) != nil { return label }
        return number ?? label
    }

    static func rows(_ bundle: Bundle, options: DecisionLogReader.Options) throws -> (records: [Record], order: [Int]) {
        let fields = scoreFields(options)
        switch bundle.platform {
        case .langfuse: return try langfuse(bundle, fields: fields, options: options)
        case .langsmith: return try langsmith(bundle, fields: fields, options: options)
        case .otlp: return try otlp(bundle, fields: fields, options: options)
        }
    }

    /// JSON objects of a file: a JSON document (array, `{data: [...]}`), JSON Lines, or a CSV's rows as objects.
    static func objects(_ path: String) throws -> [[String: Any]] {
        let file = (path as NSString).lastPathComponent
        if (path as NSString).pathExtension.lowercased() == "csv" {
            var header: [String]?
            var out: [[String: Any]] = []
            let data = try FileStore().readData(path, limit: Int.max / 2)
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let all = raw.bindMemory(to: UInt8.self)
                let skip = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF ? 3 : 0
                try DecisionLogReader.readCSVBytes(UnsafeBufferPointer(rebasing: all[skip...]), path: path) { _, cells in
                    // Langfuse writes JSON.stringify'd cells inside CSV quotes: one more pair of quotes comes off.
                    let clean = cells.map { c -> String in c.count >= 2 && c.hasPrefix("\"") && c.hasSuffix("\"") ? String(c.dropFirst().dropLast()) : c }
                    guard let h = header else { header = clean; return }
                    var object: [String: Any] = [:]
                    for (i, k) in h.enumerated() where i < clean.count { object[k] = clean[i] }
                    out.append(object)
                }
            }
            return out
        }
        var problems: [String] = []
        let records = try JSONRecords.read(path: path, file: file) { line, message in problems.append("\(file): line \(line): \(message)") }
        if !problems.isEmpty { throw ImportFailure(problems: Array(problems.prefix(5))) }
        return records.map(\.object)
    }

    static func string(_ value: Any?) -> String? {
        guard let value else { return nil }
        if let a = value as? [Any] { return a.last.flatMap { string($0) } }
        let s = JSONRecords.scalar(value)
        return s?.isEmpty == true ? nil : s
    }

    /// Times a platform writes without a zone are UTC (LangSmith's REST API does so).
    static func utc(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard let (_, zoned) = Timestamp.parse(text) else { return text }
        return zoned ? text : text + "Z"
    }

    /// `--map field=path` over a record's flattened paths.
    static func mapped(_ record: inout [String: String], object: [String: Any], options: DecisionLogReader.Options) {
        guard !options.map.isEmpty else { return }
        let flat = Dictionary(JSONRecords.flatten(object).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for (field, path) in options.map { if let v = flat[path] { record[field] = v } }
    }

    static func ordered(_ record: [String: String]) -> Record {
        record.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Langfuse

    static func langfuse(_ bundle: Bundle, fields: [String: String], options: DecisionLogReader.Options) throws -> (records: [Record], order: [Int]) {
        // traceId → field → cell, from the Scores export (one row per score).
        var scores: [String: [String: String]] = [:]
        for path in bundle.scores {
            for s in try objects(path) {
                guard let trace = string(s["traceId"]), let name = string(s["name"]), let field = fields[DecisionLogReader.key(name)] else { continue }
                let label = string(s["stringValue"]), number = string(s["value"])
                if let cell = verdictCell(field: field, label: label, number: number) { scores[trace, default: [:]][field] = cell }
            }
        }
        var records: [Record] = [], order: [Int] = []
        for path in bundle.cases {
            for (n, t) in try objects(path).enumerated() {
                let metadata = t["metadata"] as? [String: Any] ?? [:]
                var r: [String: String] = [:]
                let id = string(t["id"]) ?? ""
                r["case_id"] = string(metadata["case_id"]) ?? string(metadata["caseId"]) ?? id
                r["at"] = string(t["timestamp"])
                r["agent"] = string(t["name"])
                let tags = (t["tags"] as? [Any])?.compactMap { $0 as? String } ?? []
                r["mode"] = string(metadata["mode"]) ?? tags.first { $0.lowercased().hasPrefix("mode:") }.map { String($0.dropFirst(5)) }
                r["exception_opened_at"] = string(metadata["exception_opened_at"])
                r["exception_cleared_at"] = string(metadata["exception_cleared_at"])
                // The UI export flattens scores into one array column per score name.
                for (key, value) in t where value is [Any] {
                    guard let field = fields[DecisionLogReader.key(key)], let cell = string(value) else { continue }
                    r[field] = verdictCell(field: field, label: cell, number: cell)
                }
                // A single-trace API response embeds its scores as objects.
                for case let score as [String: Any] in t["scores"] as? [Any] ?? [] {
                    guard let name = string(score["name"]), let field = fields[DecisionLogReader.key(name)] else { continue }
                    if let cell = verdictCell(field: field, label: string(score["stringValue"]), number: string(score["value"])) { r[field] = cell }
                }
                for (field, cell) in scores[id] ?? [:] { r[field] = cell }
                mapped(&r, object: t, options: options)
                records.append(ordered(r.filter { !$0.value.isEmpty }))
                order.append(n + 1)
            }
        }
        return (records, order)
    }

    // MARK: LangSmith

    static func langsmith(_ bundle: Bundle, fields: [String: String], options: DecisionLogReader.Options) throws -> (records: [Record], order: [Int]) {
        var feedback: [String: [String: String]] = [:]
        for path in bundle.scores {
            for f in try objects(path) {
                guard let run = string(f["run_id"])?.lowercased(), let key = string(f["key"]), let field = fields[DecisionLogReader.key(key)] else { continue }
                if let cell = verdictCell(field: field, label: string(f["value"]), number: string(f["score"])) { feedback[run, default: [:]][field] = cell }
            }
        }
        var records: [Record] = [], order: [Int] = []
        for path in bundle.cases {
            for (n, run) in try objects(path).enumerated() {
                // Root runs are the cases; child runs (tools, LLM calls) carry the same metadata.
                if let parent = string(run["parent_run_id"]), !parent.isEmpty { continue }
                let extra = run["extra"] as? [String: Any] ?? [:]
                let metadata = extra["metadata"] as? [String: Any] ?? run["metadata"] as? [String: Any] ?? [:]
                let id = string(run["id"]) ?? ""
                var r: [String: String] = [:]
                r["case_id"] = string(metadata["case_id"]) ?? id
                r["at"] = utc(string(run["start_time"]))
                r["agent"] = string(run["name"])
                r["mode"] = string(metadata["mode"])
                r["exception_opened_at"] = utc(string(metadata["exception_opened_at"]))
                r["exception_cleared_at"] = utc(string(metadata["exception_cleared_at"]))
                // Without a feedback file, a run's own feedback_stats summarise it: the average score, or the commonest label.
                for (key, value) in run["feedback_stats"] as? [String: Any] ?? [:] {
                    guard let field = fields[DecisionLogReader.key(key)], let stats = value as? [String: Any] else { continue }
                    let label = (stats["values"] as? [String: Any])?.compactMap { k, v in (v as? NSNumber).map { (k, $0.intValue) } }
                        .max { ($0.1, $1.0) < ($1.1, $0.0) }?.0
                    if let cell = verdictCell(field: field, label: label, number: string(stats["avg"])) { r[field] = cell }
                }
                for (field, cell) in feedback[id.lowercased()] ?? [:] { r[field] = cell }
                mapped(&r, object: run, options: options)
                records.append(ordered(r.filter { !$0.value.isEmpty }))
                order.append(n + 1)
            }
        }
        return (records, order)
    }

    // MARK: OpenTelemetry (OTLP JSON)

    /// An OTLP attribute list (`[{key, value: {stringValue|intValue|doubleValue|boolValue}}]`) as a dictionary.
    static func attributes(_ value: Any?) -> [String: String] {
        var out: [String: String] = [:]
        for item in value as? [Any] ?? [] {
            guard let kv = item as? [String: Any], let key = kv["key"] as? String, let v = kv["value"] as? [String: Any] else { continue }
            if let s = v["stringValue"] as? String { out[key] = s }
            else if let i = v["intValue"] { out[key] = string(i) }
            else if let d = v["doubleValue"] { out[key] = string(d) }
            else if let b = v["boolValue"] as? Bool { out[key] = b ? "yes" : "no" }
        }
        return out
    }

    /// Nanoseconds since the epoch (a decimal string or a number) as an ISO time in UTC.
    static func iso(nanos value: Any?) -> String? {
        guard let text = string(value), let ns = Int(text) ?? Double(text).map({ $0.roundedInt(.down) }) else { return nil }
        let seconds = ns / 1_000_000_000
        let day = Day(daysSinceEpoch: BusinessCalendar.floorDiv(seconds, 86_400))
        let s = seconds - day.daysSinceEpoch * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(s / 3600)):\(two(s % 3600 / 60)):\(two(s % 60))Z"
    }

    static func documents(_ path: String) throws -> [[String: Any]] { try objects(path) }

    static func otlp(_ bundle: Bundle, fields: [String: String], options: DecisionLogReader.Options) throws -> (records: [Record], order: [Int]) {
        var evaluations: [String: [String: String]] = [:]
        func evaluate(span: String, _ a: [String: String]) {
            guard let name = a["gen_ai.evaluation.name"], let field = fields[DecisionLogReader.key(name)] else { return }
            if let cell = verdictCell(field: field, label: a["gen_ai.evaluation.score.label"], number: a["gen_ai.evaluation.score.value"]) {
                evaluations[span.lowercased(), default: [:]][field] = cell
            }
        }
        for path in bundle.scores {
            for doc in try documents(path) {
                for rl in doc["resourceLogs"] as? [Any] ?? [] {
                    for sl in (rl as? [String: Any])?["scopeLogs"] as? [Any] ?? [] {
                        for lr in (sl as? [String: Any])?["logRecords"] as? [Any] ?? [] {
                            guard let record = lr as? [String: Any], let span = string(record["spanId"]) else { continue }
                            evaluate(span: span, attributes(record["attributes"]))
                        }
                    }
                }
            }
        }
        var spans: [[String: Any]] = []
        for path in bundle.cases {
            for doc in try documents(path) {
                for rs in doc["resourceSpans"] as? [Any] ?? [] {
                    for ss in (rs as? [String: Any])?["scopeSpans"] as? [Any] ?? [] {
                        spans += ((ss as? [String: Any])?["spans"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
                    }
                }
            }
        }
        var exceptions: [String: (opened: String?, cleared: String?)] = [:]
        for span in spans {
            let id = string(span["spanId"])?.lowercased() ?? ""
            for event in span["events"] as? [Any] ?? [] {
                guard let e = event as? [String: Any], string(e["name"]) == "gen_ai.evaluation.result" else { continue }
                evaluate(span: id, attributes(e["attributes"]))
            }
            if string(span["name"]) == "maturity.exception", let parent = string(span["parentSpanId"])?.lowercased() {
                exceptions[parent] = (iso(nanos: span["startTimeUnixNano"]), iso(nanos: span["endTimeUnixNano"]))
            }
        }
        var records: [Record] = [], order: [Int] = []
        for (n, span) in spans.enumerated() {
            let a = attributes(span["attributes"])
            let mappedMode = options.map["mode"].flatMap { a[$0] ?? a[$0.replacingOccurrences(of: "attributes.", with: "")] }
            guard a["gen_ai.operation.name"] == "invoke_agent" || a["maturity.mode"] != nil || mappedMode != nil,
                  string(span["name"]) != "maturity.exception" else { continue }
            let id = string(span["spanId"])?.lowercased() ?? ""
            var r: [String: String] = [:]
            r["case_id"] = a["maturity.case_id"] ?? "\(string(span["traceId"])?.lowercased() ?? "")-\(id)"
            r["at"] = iso(nanos: span["startTimeUnixNano"])
            r["agent"] = a["gen_ai.agent.name"]
            r["mode"] = mappedMode ?? a["maturity.mode"]
            if let x = exceptions[id] {
                r["exception_opened_at"] = x.opened
                r["exception_cleared_at"] = x.cleared
            }
            for (field, cell) in evaluations[id] ?? [:] { r[field] = cell }
            for (field, path) in options.map where field != "mode" {
                if let v = a[path] ?? a[path.replacingOccurrences(of: "attributes.", with: "")] { r[field] = v }
            }
            records.append(ordered(r.filter { !$0.value.isEmpty }))
            order.append(n + 1)
        }
        return (records, order)
    }
}
