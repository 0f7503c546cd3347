import MaturityCore

/// An interview or file that lacks what every assessment needs, said in the run's language:
/// "error: the assessment is not complete: organization.name, assessed_on are missing".
extension DraftIncomplete: ToolError {
    public var description: String {
        "error: " + L("cli.draft.incomplete", ["keys": .text(missing.joined(separator: ", ")), "n": .int(missing.count)])
    }
}
