import MaturityCore

/// What is wrong at one place in a file, one case per kind, so tests pin the kind and its values;
/// `message` is the sentence a person reads (the file and line are the `Diagnostic`'s). Rules
/// particular to one kind of file (a repeated process name, a missing hourly rate) are `rule`.
public enum FileProblem: Sendable, Equatable {
    case emptyFile
    case notYAML(String)
    case yamlSyntax(String)
    case duplicateKey([String])
    case notAMapping(path: String, found: String)
    case keyNotText(path: String)
    case unknownKey(path: String, allowed: [String], suggestion: String?)
    case notAList(path: String, found: String)
    case notAValue(path: String, found: String)
    case missing(path: String, expected: String)
    case empty(path: String)
    case notYesNo(path: String, value: String)
    case notANumber(path: String, value: String, unit: String, example: String)
    case notWhole(path: String, value: String)
    case belowMinimum(path: String, value: String, minimum: String)
    case aboveMaximum(path: String, value: String, maximum: String, range: String?)
    case notAChoice(path: String, value: String, allowed: [String])
    case notADate(path: String, value: String)
    case rule(String)

    public var message: String {
        switch self {
        case .emptyFile: return "the file is empty; expected a YAML mapping"
        case .notYAML(let reason): return "not valid YAML (\(reason))"
        case .yamlSyntax(let text): return "YAML syntax: \(text); check indentation, colons and quotes on this line or the one before"
        case .duplicateKey(let keys): return "the key \(keys.joined(separator: ", ")) appears twice in one mapping; keep one"
        case .notAMapping(let path, let found): return "\(path.isEmpty ? "the file" : path) should be a mapping of key: value lines; found \(found)"
        case .keyNotText(let path): return "\(path) has a key that is not text"
        case .unknownKey(let path, let allowed, let suggestion):
            return "\(path) is not a known key\(suggestion.map { " (did you mean \($0)?)" } ?? ""); allowed keys: \(allowed.joined(separator: ", "))"
        case .notAList(let path, let found): return "\(path) should be a list (lines starting with \"- \"); found \(found)"
        case .notAValue(let path, let found): return "\(path) should be a single value; found \(found)"
        case .missing(let path, let expected): return "\(path) is missing; add it (\(expected))"
        case .empty(let path): return "\(path) is empty; it needs a value"
        case .notYesNo(let path, let value): return "\(path) is \"\(value)\"; expected \(Values.yesNoHint)"
        case .notANumber(let path, let value, let unit, let example): return "\(path) is \"\(value)\"; expected \(unit), like \(example)"
        case .notWhole(let path, let value): return "\(path) is \"\(value)\"; expected a whole number, like 3"
        case .belowMinimum(let path, let value, let minimum): return "\(path) is \(value); it must be at least \(minimum)"
        case .aboveMaximum(let path, let value, let maximum, let range): return "\(path) is \(value); it must be at most \(maximum)\(range.map { " (\($0))" } ?? "")"
        case .notAChoice(let path, let value, let allowed): return "\(path) is \"\(value)\"; expected \(Format.list(allowed, conjunction: "or"))"
        case .notADate(let path, let value): return "\(path) is \"\(value)\"; expected a date written YYYY-MM-DD, like 2026-11-20"
        case .rule(let message): return message
        }
    }
}
