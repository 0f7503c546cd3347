import MaturityCore

extension Values {
    /// How an import error names the words `Values.yesNo` accepts.
    static let yesNoHint = "yes or no (also y/n, true/false, on/off, 1/0, or x for yes)"
}
