import MaturityCore

/// What `maturity compare` and a text report with `--previous` show: the comparison model in words.
public struct ComparisonView: Sendable, Encodable {
    public var before: String
    public var after: String
    /// "Stage 1 Assisted → Stage 2 First Agent (up)".
    public var stageLine: String
    public var caution: Bool
    public var questionnaireNote: String?
    /// Rules met or lost, flags raised or cleared, agents added, moved or gone.
    public var changes: [String]
    public var move: String
    public var moveStatus: String
    public var moveReason: String
    public var steps: [Step]
    public var ledger: [Ledger]
    public var hasLedger: Bool

    public struct Step: Sendable, Encodable { public var title: String; public var label: String; public var start: String; public var end: String; public var status: String; public var reason: String }
    public struct Ledger: Sendable, Encodable { public var agent: String; public var estimated: String; public var realised: String; public var basis: String }

    static let markWords = ["done": "done", "on_track": "on track", "slipped": "slipped", "dropped": "dropped"]

    public init(_ c: ComparisonJSON, currency: String) {
        let money = { (v: Int?) in v.map { Format.money(Double($0), currency: currency) } ?? "-" }
        before = c.before
        after = c.after
        stageLine = "Stage \(c.stageBefore) \(c.stageNameBefore) → Stage \(c.stageAfter) \(c.stageNameAfter)"
            + (c.stageAfter > c.stageBefore ? " (up)" : c.stageAfter < c.stageBefore ? " (down)" : " (unchanged)")
        caution = c.selfReportedRise
        questionnaireNote = c.questionnaireChanged
            ? "The questionnaire changed between the two" + (c.notComparable.isEmpty ? "." : "; not comparable: \(c.notComparable.joined(separator: ", ")).") : nil
        var lines = c.rulesFlipped.map { "Rule \($0.before ? "lost" : "met"): \($0.rule)" }
        if !c.flagsRaised.isEmpty { lines.append("Flags raised: \(c.flagsRaised.joined(separator: ", "))") }
        if !c.flagsCleared.isEmpty { lines.append("Flags cleared: \(c.flagsCleared.joined(separator: ", "))") }
        if !c.agentsAdded.isEmpty { lines.append("Agents added: \(c.agentsAdded.joined(separator: ", "))") }
        lines += c.agentsMoved.map { "\($0.name): \($0.from) → \($0.to)\($0.direction == "forward" ? "" : " (back)")" }
        if !c.agentsRemoved.isEmpty { lines.append("Agents no longer listed: \(c.agentsRemoved.joined(separator: ", "))") }
        changes = lines
        let f = c.followThrough
        move = f.move
        moveStatus = Self.markWords[f.status] ?? f.status
        moveReason = f.reason
        steps = f.steps.map {
            Step(title: $0.title, label: $0.title.split(separator: ":").first.map(String.init) ?? $0.title,
                 start: $0.start, end: $0.end, status: Self.markWords[$0.status] ?? "", reason: $0.reason)
        }
        ledger = c.ledger.map { Ledger(agent: $0.agent, estimated: money($0.estimated), realised: money($0.realised), basis: $0.basis) }
        hasLedger = !ledger.isEmpty
    }
}

/// What `maturity history` shows: one row per assessment, oldest first.
public struct HistoryView: Sendable, Encodable {
    public var folder: String
    public var rows: [Row]

    public struct Row: Sendable, Encodable {
        public var assessedOn: String
        public var stage: Int
        public var stageName: String
        public var agentsInProduction: Int
        public var dollarsReported: String
        /// The flag ids, or "none".
        public var flags: String
        public var nextMove: String
        public var file: String
    }

    public init(folder: String, entries: [HistoryEntry]) {
        self.folder = folder
        rows = entries.map {
            Row(assessedOn: $0.assessedOn, stage: $0.stage, stageName: $0.stageName, agentsInProduction: $0.agentsInProduction,
                dollarsReported: Format.grouped(Double($0.dollarsReported)), flags: $0.flags.isEmpty ? "none" : $0.flags.joined(separator: ", "),
                nextMove: $0.nextMove, file: $0.file.map { String($0.split(separator: "/").last ?? "") } ?? "")
        }
    }
}
