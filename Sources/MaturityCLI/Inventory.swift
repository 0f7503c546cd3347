import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

struct Inventory: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "inventory",
        abstract: L("cli.help.cmd.inventory"),
        subcommands: [Import.self, Template.self]
    )

    struct Template: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "template",
            abstract: L("cli.help.cmd.inventory_template"),
            discussion: """
            Example:
              maturity inventory template --output processes.csv
            """
        )

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let text = InventoryImporter.templateCSV()
            guard let output else { return Console.out(text, terminator: "") }
            if FileManager.default.fileExists(atPath: output) {
                throw UsageProblem(path: output, message: "the file already exists; pick another --output", exitCode: ExitStatus.cannotCreate)
            }
            try FileStore().writeAtomically(text, to: output)
            Console.err("Wrote \(output)")
        }
    }
}
