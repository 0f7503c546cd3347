import ArgumentParser

/// The root command: lists the subcommands, each with an example.
public struct MaturityCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Place a manufacturer honestly on the five-stage AI maturity model and name its one next move.",
        discussion: """
        Examples:
          maturity assess --output acme.yaml          the interview, about 20 minutes
          maturity validate acme.yaml                 check a file, list every problem
          maturity report acme.yaml                   stage, next move, top use cases
          maturity report acme.yaml --format json     the same and more, for scripts
          maturity report acme.yaml --output a.html   the report a COO forwards
          maturity demo                               a sample company and its reports
          maturity templates export my-brand          templates to edit and brand
        """,
        version: "0.1.0",
        subcommands: [Assess.self, Validate.self, Report.self, History.self, Compare.self, WorkshopCommand.self, Inventory.self, Demo.self, Templates.self]
    )

    public init() {}
}
