import MaturityCore

/// One problem found in a file, located by line and key path, worded so a person can fix it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `acme.yaml:14: error: …`, the form compilers and editors understand.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Everything wrong with a file, reported together.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Problems reading or writing files, in words a person can act on.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case notText(path: String)
    case unwritable(path: String, reason: String)
    case questionnaireNotFound(id: String, searched: [String])

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): error: no such file; check the path"
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file (\(reason))"
        case .notText(let path):
            return "\(path): error: the file is not UTF-8 text; save it as UTF-8 YAML"
        case .unwritable(let path, let reason):
            return "\(path): error: cannot write the file (\(reason)); check the folder exists and is writable"
        case .questionnaireNotFound(let id, let searched):
            return "error: questionnaire \"\(id)\" not found; looked in \(searched.joined(separator: ", ")) and the built-in questionnaires (\(ContentLibrary.builtInQuestionnaireIDs.joined(separator: ", ")))"
        }
    }
}
