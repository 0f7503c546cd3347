import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

/// The release this source is; `--version` adds the commit and the questionnaire.
public let maturityVersion = "0.2.0"

/// The root command: lists the subcommands, each with an example.
public struct MaturityCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Place a manufacturer honestly on the five-stage AI maturity model and name its one next move.",
        discussion: """
        Examples:
          maturity assess --output acme.yaml              the interview, ~20 minutes
          maturity validate acme.yaml                     list every problem
          maturity report acme.yaml                       stage, next move, use cases
          maturity report acme.yaml --format json         the same and more
          maturity report acme.yaml --output a.html       the report a COO forwards
          maturity history acme/                          every assessment by date
          maturity compare q2.yaml q3.yaml                what changed since
          maturity workshop merge a.yaml b.yaml -o m.yaml one answer from many
          maturity inventory import p.xlsx --into a.yaml  processes from a sheet
          maturity ladder log.csv --agent "AP matcher"    the rung the numbers earn
          maturity demo                                   a sample and its reports
          maturity templates export my-brand              templates to edit
        """,
        version: ContentLibrary.versionLine(maturityVersion),
        subcommands: [Assess.self, Validate.self, Report.self, History.self, Compare.self, WorkshopCommand.self, Inventory.self, LadderCommand.self, Demo.self, Templates.self]
    )

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
        do {
            try Language.$current.withValue(Phrases.language(code)) {
                var command = try parseAsRoot(arguments)
                try command.run()
            }
            exit(withError: nil)
        } catch let error as ToolError {
            Console.err(error.description)
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
