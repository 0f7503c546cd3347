import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

/// The release this source is; `--version` adds the commit and the questionnaire.
public let maturityVersion = "0.2.0"

/// The root command: lists the subcommands, each with an example.
public struct MaturityCommand: ParsableCommand {
    /// Said in the run's language: `--help` is read after `--lang` (or the locale) is known.
    public static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    /// Every command states its `commandName`: derived from the type's name it cost a
    /// reflection per command on every run (4% of a report).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "maturity",
        abstract: L("cli.help.abstract"),
        discussion: L("cli.help.examples_heading") + "\n" + Self.examples.map { command, key in
            // A description too long for the 80 columns --help wraps at goes on its own line.
            let said = L("cli.help.example.\(key)")
            return 2 + 48 + said.count < 80 ? "  " + command + String(repeating: " ", count: max(0, 48 - command.count)) + said
                : "  " + command + "\n      " + said
        }.joined(separator: "\n"),
        version: ContentLibrary.versionLine(maturityVersion),
        subcommands: [Assess.self, Validate.self, Report.self, History.self, Compare.self, WorkshopCommand.self, Inventory.self, LadderCommand.self, Demo.self,
                      Templates.self]
    )

    static let examples: [(String, String)] = [
        ("maturity assess --output acme.yaml", "assess"), ("maturity validate acme.yaml", "validate"),
        ("maturity report acme.yaml", "report"), ("maturity report acme.yaml --format json", "json"),
        ("maturity report acme.yaml --output a.html", "html"), ("maturity report acme.yaml --lang de", "lang"),
        ("maturity history acme/", "history"), ("maturity compare q2.yaml q3.yaml", "compare"),
        ("maturity workshop merge a.yaml b.yaml -o m.yaml", "merge"), ("maturity inventory import p.xlsx --into a.yaml", "import"),
        ("maturity ladder log.csv --agent \"AP matcher\"", "ladder"), ("maturity demo", "demo"),
        ("maturity templates export my-brand", "templates"),
    ]

    public init() {}

    /// Parses the command line and runs the command. Errors are handled here and only here:
    /// a `ToolError` prints its description and exits with its code; anything else (help,
    /// --version, a usage error) goes to ArgumentParser, which knows how to say it.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        ContentLibrary.compiledQuestionnaires = CompiledContent.questionnaires
        // A closed pipe is an error code to handle (Console), not a signal that kills mid-write.
        signal(SIGPIPE, SIG_IGN)
        // A closed standard output stays closed to us: hold its descriptor with /dev/null opened
        // read-only, so a write still fails as closed (EBADF) and no file the run opens later (the
        // template parser's worker threads open descriptors) lands on 1 and takes the report.
        for fd in [STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 {
            let held = open("/dev/null", O_RDONLY)
            if held != fd, held >= 0 { _ = dup2(held, fd); close(held) }
        }
        let code: String
        switch Phrases.requested(arguments ?? Array(CommandLine.arguments.dropFirst())) {
        case .success(let c): code = c
        case .failure(let e):
            Console.err("Error: \(e.description)")
            Foundation.exit(64)
        }
        // The whole run, its refusals and --help included, speaks the chosen language.
        Language.$current.withValue(Phrases.language(code)) {
            do {
                TemplateOptions.prefetch(arguments ?? Array(CommandLine.arguments.dropFirst()))
                var command = try parseAsRoot(arguments)
                try command.run()
                exit(withError: nil)
            } catch let error as ToolError {
                Console.err(error.description)
                Foundation.exit(error.exitCode)
            } catch {
                exit(withError: error)
            }
        }
        Foundation.exit(0)  // not reached: every path above exits
    }
}
