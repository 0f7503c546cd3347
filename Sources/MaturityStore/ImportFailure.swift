import MaturityCore

/// Every bad cell in a spreadsheet, reported together.
public struct ImportFailure: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    public var problems: [String]
    public init(problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}
