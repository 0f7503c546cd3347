import ArgumentParser
import MaturityCore
import MaturityReport
import MaturityStore

extension ReportFormat: ExpressibleByArgument {}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place the company, score its processes and plan its next 90 days.",
        discussion: """
        Examples:
          maturity report acme.yaml
          maturity report acme.yaml --format json --output acme.json
        """
    )

    @Argument(help: "The assessment file (YAML).")
    var file: String

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Use this questionnaire (id or path) instead of the one the assessment names.")
    var questionnaire: String?

    func run() throws {
        let store = FileStore()
        let loaded = try CLIErrors.catching {
            let override = try questionnaire.map(store.questionnaire(pathOrID:))
            return try store.loadAssessment(file, questionnaireOverride: override)
        }
        for warning in loaded.warnings { Console.err(warning.description) }
        let evaluation = Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)
        let text = try CLIErrors.catching { try Renderer.render(evaluation, as: format) }
        if let output {
            try CLIErrors.catching { try store.writeAtomically(text, to: output) }
            Console.err("Wrote \(output)")
        } else {
            Console.out(text, terminator: "")
        }
    }
}
