import MaturityCore

/// What `maturity compare` and a text report with `--previous` show: the comparison model in words.
public struct ComparisonView: Sendable, Encodable {
    /// The phrase table's language and its fixed words (`{{w.…}}`, as `ReportView.w`).
    public var lang: String
    public var w: [String: String]
    /// "Since {before}", and "Since {before} (assessed {after})" for the terminal.
    public var heading: String
    public var headingAssessed: String
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

    public struct Step: Sendable, Encodable {
        public var title: String; public var label: String; public var start: String; public var end: String; public var span: String; public var status: String
        public var reason: String
    }
    public struct Ledger: Sendable, Encodable {
        public var agent: String; public var estimated: String; public var realised: String; public var basis: String; public var line: String
    }

    /// A follow-through status of last quarter's move and steps.
    static let statuses = ["done", "on_track", "slipped", "dropped"]

    /// The statuses as `compare` says them (`ui.compare.mark.<status>`: "done", "on track", …).
    static func markWords(_ words: PhraseBook) -> [String: String] {
        Dictionary(uniqueKeysWithValues: statuses.map { ($0, words.say("ui.compare.mark.\($0)")) })
    }

    /// Rules met or lost, flags raised or cleared, agents added, moved or gone: said once, the same
    /// way in `compare` and in the report's "since last quarter".
    static func changeLines(_ c: ComparisonJSON, words: PhraseBook) -> [String] {
        let names = { (list: [String]) in Phrase.Arg.joined(list.map(Phrase.Arg.text), words.say("ui.list.separator")) }
        let flagNames = { (ids: [String]) in names(ids.map { c.flagTitles[$0] ?? $0.replacingOccurrences(of: "_", with: " ") }) }
        var lines = c.rulesFlipped.map { words.say($0.before ? "ui.since.rule_lost" : "ui.since.rule_met", ["rule": .text($0.rule)]) }
        if !c.flagsRaised.isEmpty { lines.append(words.say("ui.since.flags_raised", ["flags": flagNames(c.flagsRaised)])) }
        if !c.flagsCleared.isEmpty { lines.append(words.say("ui.since.flags_cleared", ["flags": flagNames(c.flagsCleared)])) }
        if !c.agentsAdded.isEmpty { lines.append(words.say("ui.since.agents_added", ["agents": names(c.agentsAdded)])) }
        lines += c.agentsMoved.map {
            words.say($0.direction == "forward" ? "ui.since.agent_up" : "ui.since.agent_back",
                      ["agent": .text($0.name), "from": words.rungArg($0.from), "to": words.rungArg($0.to)])
        }
        if !c.agentsRemoved.isEmpty { lines.append(words.say("ui.since.agents_removed", ["agents": names(c.agentsRemoved)])) }
        return lines
    }

    public init(_ c: ComparisonJSON, currency: String, words: PhraseBook) {
        let money = { (v: Int?) in v.map { Format.money(Double($0), currency: currency) } ?? "-" }
        lang = words.language
        w = words.fixedWords
        heading = words.say("ui.compare.since", ["date": .text(words.tableDate(iso: c.before))])
        headingAssessed = words.say("ui.compare.since_assessed",
                                    ["before": .text(words.tableDate(iso: c.before)), "after": .text(words.tableDate(iso: c.after))])
        before = c.before
        after = c.after
        let names = { (list: [String]) in Phrase.Arg.joined(list.map(Phrase.Arg.text), words.say("ui.list.separator")) }
        let stages: [String: Phrase.Arg] = ["before": .text(String(c.stageBefore)), "before_name": .text(c.stageNameBefore),
                                             "after": .text(String(c.stageAfter)), "after_name": .text(c.stageNameAfter)]
        stageLine = words.say(c.stageAfter > c.stageBefore ? "ui.compare.stage_up" : c.stageAfter < c.stageBefore ? "ui.compare.stage_down"
                              : "ui.compare.stage_unchanged", stages)
        caution = c.selfReportedRise
        questionnaireNote = c.questionnaireChanged
            ? (c.notComparable.isEmpty ? words.say("ui.compare.questionnaire_changed")
               : words.say("ui.compare.questionnaire_changed_answers", ["answers": names(c.notComparable)])) : nil
        changes = Self.changeLines(c, words: words)
        let f = c.followThrough
        let marks = Self.markWords(words)
        move = f.move
        moveStatus = marks[f.status] ?? f.status
        moveReason = f.reason
        steps = f.steps.map {
            Step(title: $0.title, label: $0.title.split(separator: ":").first.map(String.init) ?? $0.title,
                 start: words.tableDate(iso: $0.start), end: words.tableDate(iso: $0.end), span: words.span($0.start, $0.end), status: marks[$0.status] ?? "",
                 reason: $0.reason)
        }
        ledger = c.ledger.map {
            let estimated = money($0.estimated), realised = money($0.realised)
            return Ledger(agent: $0.agent, estimated: estimated, realised: realised, basis: $0.basis,
                          line: words.say("ui.compare.ledger_line", ["agent": .text($0.agent), "estimated": .text(estimated), "realised": .text(realised)]))
        }
        hasLedger = !ledger.isEmpty
    }
}

/// What `maturity history` shows: one row per assessment, oldest first.
public struct HistoryView: Sendable, Encodable {
    public var folder: String
    public var rows: [Row]
    /// The phrase table's language, its fixed words (`{{w.…}}`) and "No assessments in {folder}.": set by `worded(_:)`.
    public var lang = ""
    public var w: [String: String] = [:]
    public var noneLine = ""

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
        /// "Stage 2", "1 in production", "$8,000 reported".
        public var stageLabel = ""
        public var inProduction = ""
        public var reported = ""
    }

    /// The view with its words from the table.
    public func worded(_ words: PhraseBook) -> HistoryView {
        var v = self
        v.lang = words.language
        v.w = words.fixedWords
        v.noneLine = words.say("ui.history.none", ["folder": .text(folder)])
        for i in v.rows.indices {
            let r = v.rows[i]
            if r.flags.isEmpty {
                v.rows[i].flags = words.say("ui.text.none")
            } else {
                // Each flag by its title, where the table has one without values to fill.
                v.rows[i].flags = r.flags.components(separatedBy: ", ").map { id in
                    if case .text(let t)? = words.entries["flag.\(id).title"], !t.contains("{") { return t }
                    return id.replacingOccurrences(of: "_", with: " ")
                }.joined(separator: words.say("ui.list.separator"))
            }
            v.rows[i].assessedOn = words.tableDate(iso: r.assessedOn)
            v.rows[i].stageLabel = words.say("ui.stage.n", ["level": .text(String(r.stage))])
            v.rows[i].inProduction = words.say("ui.history.in_production", ["n": .text(String(r.agentsInProduction))])
            v.rows[i].reported = words.say("ui.history.reported", ["money": .text(r.dollarsReported)])
        }
        return v
    }

    public init(folder: String, entries: [HistoryEntry]) {
        self.folder = folder
        rows = entries.map {
            Row(assessedOn: $0.assessedOn, stage: $0.stage, stageName: $0.stageName, agentsInProduction: $0.agentsInProduction,
                dollarsReported: Format.money(Double($0.dollarsReported), currency: $0.currency), flags: $0.flags.joined(separator: ", "),
                nextMove: $0.nextMove, file: $0.file.map { String($0.split(separator: "/").last ?? "") } ?? "")
        }
    }
}
