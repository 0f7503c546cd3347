import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// Output formats of the history and compare commands.
enum ChangeFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, md
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a company's assessments by date: stage, flags, agents, dollars, next move.",
        discussion: """
        Keep one file per assessment in one folder (acme/2026-q3.yaml, acme/2026-q4.yaml, ...).

        Example:
          maturity history acme/
        """
    )

    @Argument(help: "The folder of assessment files.")
    var directory: String

    @Option(name: .shortAndLong, help: "text, json or md.")
    var format: ChangeFormat = .text

    func run() throws {
        let entries = try CLIErrors.catching { try FileStore().history(directory) }
            .map { HistoryEntry(file: $0.file, TrendPoint($0.evaluation)) }
        let text = try CLIErrors.catching { () throws -> String in
            switch format {
            case .json: return try ComparisonReport.json(entries)
            case .md, .text:
                return try Renderer(templates: ContentLibrary.files(under: "templates"))
                    .render(HistoryView(folder: directory, entries: entries), markdown: format == .md)
            }
        }
        Console.out(text, terminator: "")
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two assessments, and whether last quarter's next move happened.",
        discussion: """
        Example:
          maturity compare acme/2026-q2.yaml acme/2026-q3.yaml
        """
    )

    @Argument(help: "The earlier assessment.") var old: String
    @Argument(help: "The later assessment.") var new: String

    @Option(name: .shortAndLong, help: "text, json or md.")
    var format: ChangeFormat = .text

    func run() throws {
        let store = FileStore()
        let (a, b) = try CLIErrors.catching { () throws -> (Evaluation, Evaluation) in
            let x = try store.loadAssessment(old), y = try store.loadAssessment(new)
            return (Evaluation(x.assessment, questionnaire: x.questionnaire), Evaluation(y.assessment, questionnaire: y.questionnaire))
        }
        let comparison = ComparisonJSON(Since(previous: a, current: b))
        let text = try CLIErrors.catching { () throws -> String in
            switch format {
            case .json: return try ComparisonReport.json(comparison)
            case .text, .md:
                return try Renderer(templates: ContentLibrary.files(under: "templates"))
                    .render(comparison, currency: b.assessment.organization.currency, markdown: format == .md)
            }
        }
        Console.out(text, terminator: "")
    }
}
