import ArgumentParser
import MaturityCore
import MaturityReport
import MaturityStore


struct Report: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "report",
        abstract: L("cli.help.cmd.report"),
        discussion: """
        Without --format, the format follows the --output extension (.html, .md, .json, .xlsx), else text.

        Examples:
          maturity report acme.yaml
          maturity report acme.yaml --output acme.html
          maturity report acme.yaml --format json --output acme.json
          maturity report acme.yaml --output acme-plan.xlsx
          maturity report acme.yaml --calendar plant-calendar.yaml --output acme.html
          maturity report acme/2026-q3.yaml --previous acme/2026-q2.yaml --history acme/ --output q3.html
        """
    )

    @Argument(help: "The assessment file (YAML).")
    var file: String

    @Option(name: .long, help: "Use this questionnaire (id or path) instead of the one the assessment names.")
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Last quarter's assessment: adds \"Since last quarter\".", valueName: "old.yaml"))
    var previous: String?

    @Option(name: .long, help: ArgumentHelp("The folder of this company's assessments: adds the trend (three or more).", valueName: "dir"))
    var history: String?

    @Option(name: .long, help: ArgumentHelp("The plant's working days, holidays and shutdowns (YAML, as for `ladder`): every plan date falls on a working day.",
                                            valueName: "calendar.yaml"))
    var calendar: String?

    @OptionGroup var out: OutputOptions

    func validate() throws { _ = try out.format(offered: OutputFormat.allCases) }

    func run() throws {
        let store = FileStore()
        if let output = out.output {
            try PathIdentity.refuseOverwritingInput(output: output,
                                                    inputs: [file] + (previous.map { [$0] } ?? []) + (questionnaire.map { [$0] } ?? [])
                                                        + (calendar.map { [$0] } ?? []))
        }
        let renderer = try out.renderer(store: store)
        let format = try out.format(offered: OutputFormat.allCases)
        renderer.prepare(format)  // the templates parse on the other core while the file is read and evaluated
        let override = try questionnaire.map(store.questionnaire(pathOrID:))
        let loaded = try store.loadAssessment(file, questionnaireOverride: override)
        for warning in loaded.warnings { Console.err(warning.description) }
        var assessment = loaded.assessment
        if let calendar { assessment.calendar = try CalendarLoader.load(text: try store.readText(calendar), file: calendar) }
        let evaluation = Evaluation(assessment, questionnaire: loaded.questionnaire)
        let earlier = try previous.map { path -> Evaluation in
            let l = try store.loadAssessment(path)
            return Evaluation(l.assessment, questionnaire: l.questionnaire)
        }
        let past = try history.map { try store.history($0).map(\.evaluation) } ?? []
        let compared = evaluation.compared(with: earlier, history: past)
        if format == .xlsx {
            // A workbook is bytes: to a file only, never to a terminal.
            guard let output = out.output else {
                throw ValidationError("--format xlsx writes a workbook: give --output plan.xlsx")
            }
            try SafeWrite.write(try renderer.workbook(compared), to: output)
            Console.err("Wrote \(output)")
            return
        }
        try out.write(try renderer.render(compared, as: format), store: store)
    }
}

import Foundation
