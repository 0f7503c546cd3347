import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

struct LadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Read an agent's decision log and say, from the numbers, which rung it has earned.",
        discussion: """
        The log has one row per case (CSV, .xlsx or JSON Lines): case_id, at, mode (shadow, \
        approve_each, auto or exception), and what decides each rung: agent_action with \
        human_action (or match) in shadow, approved (yes, no or edited) in approve-each, correct \
        (from audit; blank when not reviewed) in auto, plus severity and exception_opened_at / \
        exception_cleared_at. Every rung's gate comes from the questionnaire.

        Exit status for a cron job: 0 advance (or on track), 10 hold, 11 step back or an SLO alarm now; \
        64 a usage error, 65 a log that cannot be read.

        Examples:
          maturity ladder matcher-log.csv --agent "AP invoice matcher"
          maturity ladder log.csv --agent "AP invoice matcher" --assessment acme.yaml --output ladder.html
          maturity ladder log.csv --agent "AP invoice matcher" --into acme.yaml
        """
    )

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, html, md }

    @Argument(help: "The decision log(s): .csv, .xlsx or .jsonl.") var logs: [String]
    @Option(name: .long, help: "The agent the log is for (rows for other agents are left out).") var agent: String?
    @Option(name: .long, help: ArgumentHelp("The assessment the agent belongs to: its questionnaire and process estimates.", valueName: "a.yaml"))
    var assessment: String?
    @Option(name: .shortAndLong, help: "text, json, html or md (default: from --output, else text).") var format: Format?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Option(name: .long, help: ArgumentHelp("Judge the log as of this day (default: its last case).", valueName: "YYYY-MM-DD")) var asOf: String?
    @Option(name: .long, help: ArgumentHelp("Business hours and holidays for the exception queue (YAML).", valueName: "calendar.yaml")) var calendar: String?
    @Option(name: .long, help: ArgumentHelp("Record the measured rung on --agent in this assessment, leaving the rest as it was.", valueName: "a.yaml"))
    var into: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of is \"\(asOf)\"; expected a date like 2026-12-01") }
        if into != nil, agent == nil { throw ValidationError("--into records the rung on one agent: name it with --agent") }
        if let output, format == nil {
            let ext = (output as NSString).pathExtension.lowercased()
            if !ext.isEmpty, Format(rawValue: ext == "txt" ? "text" : ext) == nil {
                throw ValidationError("--output \(output): .\(ext) names no format; use .html, .md, .json or .txt, or pass --format")
            }
        }
    }

    var resolvedFormat: Format {
        if let format { return format }
        let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        return ext == "txt" ? .text : (Format(rawValue: ext) ?? .text)
    }

    func run() throws {
        let store = FileStore()
        if let output { try PathIdentity.refuseOverwritingInput(output: output, inputs: logs + [assessment, into, calendar].compactMap { $0 }) }
        let loaded = try assessment.map { try store.loadAssessment($0) }
        let q = try loaded?.questionnaire ?? store.questionnaire(id: "ai-maturity-manufacturing")
        let businessCalendar = try calendar.map { try CalendarLoader.load(text: try store.readText($0), file: $0) } ?? BusinessCalendar()
        var cases: [DecisionCase] = []
        var notes: [String] = []
        for log in logs {
            let result = try DecisionLogReader.read(path: log, agent: agent)
            cases += result.cases
            if !result.unknownColumns.isEmpty { notes.append("Columns not read in \((log as NSString).lastPathComponent): \(result.unknownColumns.joined(separator: ", ")).") }
        }
        let name = agent ?? ((logs.first.map { ($0 as NSString).lastPathComponent } ?? "agent") as NSString).deletingPathExtension
        let stated = loaded?.assessment.agents.first { $0.name.lowercased() == name.lowercased() }
        let process = stated?.process.flatMap { p in loaded?.assessment.processes.first { $0.name.lowercased() == p.lowercased() } }
        let report = LadderAnalysis.analyse(cases, agent: name, questionnaire: q, calendar: businessCalendar, asOf: asOf.flatMap(Day.init(iso:)))
        if let stated, let current = report.currentRung, stated.status.rawValue != current, stated.status != .production {
            notes.append("The assessment states \(stated.name) at \(Words.rung(stated.status, q)); the log shows it at \(current.replacingOccurrences(of: "_", with: "-")).")
        }
        let model = LadderModel(report, questionnaire: q, process: process, notes: notes, statedRung: stated?.status.rawValue)
        let text: String
        switch resolvedFormat {
        case .json: text = try model.json()
        case .html, .md, .text:
            let renderer = TemplateRenderer(templates: ContentLibrary.files(under: "templates"), compiled: CompiledContent.templates)
            let template: ReportTemplate = resolvedFormat == .html ? .ladderHTML : resolvedFormat == .md ? .ladderMarkdown : .ladderText
            text = try renderer.render(tree: try model.tree(), template: template)
        }
        if let output {
            try store.writeAtomically(text, to: output)
            Console.err("Wrote \(output)")
        } else {
            Console.out(text, terminator: "")
        }
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
        let original = try store.readText(path)
        let (draft, q) = try AssessmentLoader.loadDraft(text: original, file: path) { id in try store.questionnaire(id: id, near: path) }
        guard let i = draft.agents.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw UsageProblem(path: path, message: "no agent named \"\(name)\"; the agents are: \(draft.agents.map(\.name).joined(separator: ", "))",
                               exitCode: ExitStatus.dataError)
        }
        var updated = draft
        updated.agents[i].measured = measured
        let text = AssessmentWriter.replacingBlock("agents", in: original, with: AssessmentWriter.yaml(updated, questionnaire: q))
        try store.writeAtomically(text, to: path)
        Console.err("Recorded on \(draft.agents[i].name) in \(path): \(measured.rung.replacingOccurrences(of: "_", with: "-")), \(measured.verdict.replacingOccurrences(of: "_", with: " ")) (\(measured.cases) cases, \(measured.from.iso) to \(measured.to.iso))")
    }
}
