import ArgumentParser
import MaturityStore

struct Templates: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "templates",
        abstract: L("cli.help.cmd.templates"),
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "export",
            abstract: L("cli.help.cmd.templates_export"),
            discussion: """
            Edit the copies, then pass the folder with --templates. Files you leave out fall back to the built-in ones.

            Example:
              maturity templates export my-brand && maturity report acme.yaml --templates my-brand --output acme.html
            """
        )

        @Argument(help: "Folder to write the templates into (created if missing).")
        var directory: String

        @ArgumentParser.Flag(name: .long, help: "Replace files that already exist.")
        var force = false

        func run() throws {
            let written = try FileStore().exportTemplates(to: directory, overwrite: force)
            if written.isEmpty {
                Console.out("Nothing written: every template already exists in \(directory) (use --force to replace them).")
            }
            for path in written { Console.out("Wrote \(path)") }
        }
    }
}
