import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

struct LadderCommand: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "ladder",
        abstract: L("cli.help.cmd.ladder"),
        discussion: """
        The log has one row per case (CSV, .xlsx or JSON Lines, nested keys as dotted paths, in \
        any order): case_id, at, mode (shadow, approve_each, auto or exception), and what decides \
        each rung: agent_action with human_action (or match) in shadow, approved (yes, no or \
        edited) in approve-each, correct (from audit; blank when not reviewed) in auto, plus \
        severity, exception_opened_at / exception_cleared_at and agent. Every rung's gate comes \
        from the questionnaire: a rate at or above the bar, shown by its 95% interval or by the \
        rung's minimum cases (else "audit N more"); for auto, straight ISO weeks each with 40 \
        reviewed cases at the gate, no rolling alarm and a manageable exception queue.

        Exports of agent platforms are read as they come: Langfuse traces with their scores \
        export, LangSmith runs with their feedback, OpenTelemetry GenAI spans (OTLP JSON) with \
        their evaluation log records. The platform is detected, or named with --from.

        Exit status for a cron job: 0 advance (or on track: the rate clears the gate and only the \
        sample or the weeks are still coming), 10 hold, 11 act now (step back): a rolling alarm \
        open at the end of the log, or a high-severity error among its last \
        slo.rolling_window_transactions cases (100), the current window. An older error steps \
        back once: the rungs are then judged on the cases after it, so a nightly job pages once. \
        64 a usage error, 65 a log that cannot be read.

        Examples:
          maturity ladder matcher-log.csv --agent "AP invoice matcher"
          maturity ladder traces.json scores.csv --from langfuse --agent "Supplier follow-up agent"
          maturity ladder runs.jsonl feedback.jsonl --from langsmith --agent "Supplier follow-up agent"
          maturity ladder spans.json evaluations.json --from otlp --agent "Supplier follow-up agent"
          maturity ladder log.jsonl --map mode=metadata.rung --score correct=qa_pass
          maturity ladder log.csv --agent "AP invoice matcher" --assessment acme.yaml --output ladder.html
          maturity ladder log.csv --agent "AP invoice matcher" --into acme.yaml
        """
    )

    @Argument(help: "The decision log(s): .csv, .xlsx or .jsonl, or a platform's export files (.json, .jsonl, .csv).") var logs: [String]
    @Option(name: .long, help: "The agent the log is for (rows for other agents are left out).") var agent: String?
    @Option(name: .long, help: ArgumentHelp("The assessment the agent belongs to: its questionnaire and process estimates.", valueName: "a.yaml"))
    var assessment: String?
    @OptionGroup var out: OutputOptions
    @Option(name: .long, help: ArgumentHelp("Judge the log as of this day (default: its last case).", valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(name: .long, help: ArgumentHelp("The plant's time zone, business hours and holidays for the exception queue (YAML: timezone, workdays, hours, "
                                            + "holidays).", valueName: "calendar.yaml")) var calendar: String?
    @Option(name: .long, help: ArgumentHelp("Record the measured rung on --agent in this assessment, leaving the rest as it was.", valueName: "a.yaml"))
    var into: String?
    @Option(name: .long, help: ArgumentHelp("The platform the files were exported from: langfuse, langsmith or otlp (default: detected).",
                                            valueName: "platform"))
    var from: String?
    @Option(name: .long, help: ArgumentHelp("Read a field from this column or dotted path (repeatable), e.g. mode=metadata.rung.", valueName: "field=column"))
    var map: [String] = []
    @Option(name: .long, help: ArgumentHelp("Read a field from this score or feedback name (repeatable), e.g. correct=qa_pass.", valueName: "field=name"))
    var score: [String] = []
    @Option(name: .long, help: ArgumentHelp("How dates with slashes or dots are written: DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY (default: detected).",
                                            valueName: "format"))
    var dateFormat: String?
    @ArgumentParser.Flag(name: .long, help: "With --into: write into the assessment even when its mode makes it read-only.")
    var force = false

    @ArgumentParser.Flag(name: .long, help: "Keep the first row of a case id that repeats (the same log given twice) instead of refusing it.")
    var dedupe = false

    static let mappable = ["case_id", "at", "mode", "agent", "agent_action", "human_action", "match", "approved", "correct", "severity",
                           "exception_opened_at", "exception_cleared_at"]

    static func pairs(_ values: [String], option: String, allowed: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for v in values {
            let parts = v.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty, allowed.contains(parts[0]) else {
                throw ValidationError("--\(option) \(v): expected FIELD=NAME with FIELD one of \(allowed.joined(separator: ", "))")
            }
            out[parts[0]] = parts[1]
        }
        return out
    }

    var dateOrder: DecisionLogReader.DateOrder? {
        guard let f = dateFormat?.uppercased() else { return nil }
        guard let d = f.range(of: "DD"), let m = f.range(of: "MM") else { return nil }
        return d.lowerBound < m.lowerBound ? .dayFirst : .monthFirst
    }

    func validate() throws {
        if let from, DecisionLogReader.Platform(rawValue: from.lowercased()) == nil {
            throw ValidationError("--from is \"\(from)\"; expected langfuse, langsmith or otlp")
        }
        _ = try Self.pairs(map, option: "map", allowed: Self.mappable)
        _ = try Self.pairs(score, option: "score", allowed: ["match", "approved", "correct", "severity"])
        if let dateFormat, dateOrder == nil
            || !["DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY", "MM.DD.YYYY"].contains(where: { dateFormat.uppercased().hasPrefix($0) }) {
            throw ValidationError("--date-format is \"\(dateFormat)\"; expected DD/MM/YYYY, MM/DD/YYYY or DD.MM.YYYY (a time like HH:MM may follow)")
        }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of is \"\(asOf)\"; expected a date like 2026-12-01") }
        if into != nil, agent == nil { throw ValidationError("--into records the rung on one agent: name it with --agent") }
        _ = try out.format(offered: [.text, .json, .html, .md])
    }

    func run() throws {
        let store = FileStore()
        if let output = out.output { try PathIdentity.refuseOverwritingInput(output: output, inputs: logs + [assessment, into, calendar].compactMap { $0 }) }
        let format = try out.format(offered: [.text, .json, .html, .md])
        let loaded = try assessment.map { try store.loadAssessment($0) }
        let q = try loaded?.questionnaire ?? store.questionnaire(id: "ai-maturity-manufacturing")
        let businessCalendar = try calendar.map { try CalendarLoader.load(text: try store.readText($0), file: $0) } ?? BusinessCalendar()
        var options = DecisionLogReader.Options(agent: agent)
        options.timeZone = businessCalendar.timeZone.flatMap(TimeZone.init(identifier:))
        options.dateOrder = dateOrder
        options.dedupe = dedupe
        options.platform = from.flatMap { DecisionLogReader.Platform(rawValue: $0.lowercased()) }
        options.map = try Self.pairs(map, option: "map", allowed: Self.mappable)
        options.scores = try Self.pairs(score, option: "score", allowed: ["match", "approved", "correct", "severity"])
        // The log is folded as it is read: ten million rows never sit in memory at once.
        var fold = LadderFold(questionnaire: q, calendar: businessCalendar, asOf: asOf.flatMap(Day.init(iso:)))
        let result = try DecisionLogReader.read(paths: logs, options: options, into: &fold)
        var notes: [String] = []
        let words = Phrases.current
        if !result.unknownColumns.isEmpty, result.platform == nil {
            let columns = Phrase.Arg.text(result.unknownColumns.prefix(12).joined(separator: words.say("ui.list.separator")))
            notes.append(result.unknownColumns.count > 12
                ? words.say("ui.trust.note.columns_more", plain: result.unknownColumns.count - 12, ["columns": columns])
                : words.say("ui.trust.note.columns", ["columns": columns]))
        }
        if result.droppedDuplicates > 0 { notes.append(words.say("ui.trust.note.dedupe", plain: result.droppedDuplicates)) }
        let logName = ((logs.first.map { ($0 as NSString).lastPathComponent } ?? "agent") as NSString).deletingPathExtension
        let name = agent ?? (result.agents.count == 1 ? result.agents[0].name : logName)
        let stated = loaded?.assessment.agents.first { $0.name.lowercased() == name.lowercased() }
        let process = stated?.process.flatMap { p in loaded?.assessment.processes.first { $0.name.lowercased() == p.lowercased() } }
        let report = fold.report(agent: name)
        if let stated, let current = report.currentRung, stated.status.rawValue != current, stated.status != .production {
            notes.append(words.say("ui.trust.note.stated", ["agent": .text(stated.name), "stated": .text(Words.rung(stated.status, q)),
                                                             "current": .text(current.replacingOccurrences(of: "_", with: "-"))]))
        }
        let model = LadderModel(report, questionnaire: q, process: process, notes: notes, statedRung: stated?.status.rawValue, words: words)
        let text: String
        switch format {
        case .json: text = try model.json()
        case .html, .md, .text, .xlsx:  // xlsx is refused by format(offered:)
            let template: ReportTemplate = format == .html ? .ladderHTML : format == .md ? .ladderMarkdown : .ladderText
            text = try out.renderer(store: store).templates.render(tree: try model.tree(), template: template)
        }
        try out.write(text, store: store)
        if let into, let from = report.from, let to = report.to, let rung = report.currentRung {
            var measured = MeasuredRung(
                log: logs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "), from: from, to: to, cases: report.cases,
                rung: rung, verdict: report.verdict.rawValue, monitored: report.rolling100 != nil,
                metricMet: report.rungs.first { $0.rung == rung }?.gateMet ?? false)
            let recent = report.weeks.suffix(12)
            measured.firstWeek = recent.first?.week
            measured.weekly = recent.map { (($0.accuracy ?? 0) * 1000).rounded() / 1000 }
            try record(into: into, agent: name, measured: measured, store: store)
        }
        if model.exitStatus != 0 { throw ExitCode(model.exitStatus) }
    }

    /// Writes `measured:` on the agent, changing only the agents block of the file.
    func record(into path: String, agent name: String, measured: MeasuredRung, store: FileStore) throws {
        // Under the file's lock, only the agents block changes (AssessmentEditor checks the result reads back as meant).
        var recordedName = name
        try AssessmentEditor.edit(path, force: force, store: store) { draft, _ in
            guard let i = draft.agents.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw UsageProblem(path: path, message: "no agent named \"\(name)\"; the agents are: \(draft.agents.map(\.name).joined(separator: ", "))",
                                   exitCode: ExitStatus.dataError)
            }
            draft.agents[i].measured = measured
            recordedName = draft.agents[i].name
            return ["agents"]
        }
        Console.err("Recorded on \(recordedName) in \(path): \(measured.rung.replacingOccurrences(of: "_", with: "-")), "
                    + "\(measured.verdict.replacingOccurrences(of: "_", with: " ")) (\(measured.cases) cases, \(measured.from.iso) to \(measured.to.iso))")
    }
}
