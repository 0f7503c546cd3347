import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

struct History: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "history",
        abstract: L("cli.help.cmd.history"),
        discussion: """
        Keep one file per assessment in one folder (acme/2026-q3.yaml, acme/2026-q4.yaml, ...).

        Example:
          maturity history acme/
        """
    )

    @Argument(help: "The folder of assessment files.")
    var directory: String

    @OptionGroup var out: OutputOptions

    func validate() throws { _ = try out.format(offered: [.text, .json, .md]) }

    func run() throws {
        let store = FileStore()
        let format = try out.format(offered: [.text, .json, .md])
        let entries = try FileStore().history(directory)
            .map { HistoryEntry(file: $0.file, TrendPoint($0.evaluation), words: Phrases.current) }
        let text = format == .json ? try ComparisonReport.json(HistoryOutput(folder: directory, assessments: entries))
            : try out.renderer(store: store).render(HistoryView(folder: directory, entries: entries), markdown: format == .md)
        try out.write(text, store: store)
    }
}

struct Compare: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "compare",
        abstract: L("cli.help.cmd.compare"),
        discussion: """
        Example:
          maturity compare acme/2026-q2.yaml acme/2026-q3.yaml
        """
    )

    @Argument(help: "The earlier assessment.") var old: String
    @Argument(help: "The later assessment.") var new: String

    @OptionGroup var out: OutputOptions

    func validate() throws { _ = try out.format(offered: [.text, .json, .md]) }

    func run() throws {
        let store = FileStore()
        let format = try out.format(offered: [.text, .json, .md])
        let x = try store.loadAssessment(old), y = try store.loadAssessment(new)
        let a = Evaluation(x.assessment, questionnaire: x.questionnaire), b = Evaluation(y.assessment, questionnaire: y.questionnaire)
        let comparison = ComparisonJSON(Since(previous: a, current: b),
                                        words: Phrases.current.for(currency: b.assessment.organization.currency, questionnaire: b.questionnaire))
        let text = format == .json ? try ComparisonReport.json(CompareOutput(comparison))
            : try out.renderer(store: store).render(comparison, currency: b.assessment.organization.currency, markdown: format == .md)
        try out.write(text, store: store)
    }
}
