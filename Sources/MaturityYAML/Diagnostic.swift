import MaturityCore

/// One problem found in a file, located by line and key path, worded so a person can fix it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    /// The kind of problem and its values.
    public var problem: FileProblem
    /// The problem in words, with quoted values cut short.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, problem: FileProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.problem = problem
        self.message = Diagnostic.shortened(problem.message)
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.init(file: file, line: line, column: column, severity: severity, problem: .rule(message))
    }

    /// Quoted values cut to 60 characters and the whole message to 600: an error never echoes
    /// more than a short prefix of whatever file it came from.
    public static func shortened(_ message: String) -> String {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        var out = ""
        for (i, part) in parts.enumerated() {
            if i > 0 { out += "\"" }
            out += i % 2 == 1 && part.count > 60 ? part.prefix(60) + "…" : String(part)
        }
        return out.count > 600 ? String(out.prefix(600)) + "…" : out
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
public struct ValidationFailure: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    public var diagnostics: [Diagnostic]
    /// Keeps diagnostics in file order (stable for problems on the same line).
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
