import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// Output formats of the history and compare commands.
enum ChangeFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, md
}

extension FileStore {
    /// Every assessment file in `directory`, evaluated, oldest first. Files that are not
    /// assessments (a questionnaire, a brand.yaml) are skipped; an invalid assessment is an error.
    func history(_ directory: String) throws -> [(file: String, evaluation: Evaluation)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.notFound(path: directory)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var out: [(String, Evaluation)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(name)
            let text = try readText(path)
            guard AssessmentLoader.questionnaireID(text: text) != nil else { continue }
            // An interview still in progress is not an assessment yet.
            guard !AssessmentLoader.isUnfinishedInterview(text: text) else { continue }
            let loaded = try loadAssessment(path)
            out.append((path, Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)))
        }
        return out.sorted { $0.1.assessment.assessedOn < $1.1.assessment.assessedOn }
    }
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
        let entries = try CLIErrors.catching { try FileStore().history(directory) }.map { HistoryEntry(file: $0.file, $0.evaluation) }
        switch format {
        case .json:
            Console.out(try CLIErrors.catching { try ComparisonReport.json(entries) }, terminator: "")
        case .md:
            Console.out("| Assessed | Stage | Agents in production | Dollars reported | Flags | Next move |")
            Console.out("| --- | --- | ---: | ---: | --- | --- |")
            for e in entries {
                Console.out("| \(e.assessedOn) | \(e.stage) \(e.stageName) | \(e.agentsInProduction) | \(Format.grouped(Double(e.dollarsReported))) | \(e.flags.joined(separator: ", ")) | \(MarkdownText.escape(e.nextMove)) |")
            }
        case .text:
            if entries.isEmpty { Console.out("No assessments in \(directory).") }
            for e in entries {
                Console.out("\(e.assessedOn)  Stage \(e.stage) \(e.stageName)  ·  \(e.agentsInProduction) in production  ·  \(Format.grouped(Double(e.dollarsReported))) reported  ·  \(((e.file ?? "") as NSString).lastPathComponent)")
                Console.out("            flags: \(e.flags.isEmpty ? "none" : e.flags.joined(separator: ", "))")
                Console.out("            next move: \(e.nextMove)")
            }
        }
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
        let comparison = Comparison.compare(a, b)
        switch format {
        case .json:
            Console.out(try CLIErrors.catching { try ComparisonReport.json(ComparisonJSON(comparison, old: a.questionnaire, new: b.questionnaire)) }, terminator: "")
        case .text, .md:
            Console.out(ComparisonReport.text(comparison, old: a.questionnaire, new: b.questionnaire,
                                              currency: b.assessment.organization.currency, markdown: format == .md), terminator: "")
        }
    }
}
