import MaturityCore
import MaturityYAML

/// Problems reading or writing files, in words a person can act on.
public enum StoreError: ToolError, Sendable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case notText(path: String)
    case unwritable(path: String, reason: String)
    case questionnaireNotFound(id: String, searched: [String])
    case badQuestionnaireID(id: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .notText(let path), .unwritable(let path, _), .tooLarge(let path, _, _):
            return "\(path): error: \(message)"
        case .questionnaireNotFound, .badQuestionnaireID:
            return "error: \(message)"
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .notFound, .unreadable: return ExitStatus.noInput
        case .notText, .questionnaireNotFound, .badQuestionnaireID, .tooLarge: return ExitStatus.dataError
        case .unwritable: return ExitStatus.cannotCreate
        }
    }

    /// The problem and its fix, without the location.
    public var message: String {
        switch self {
        case .notFound:
            return "no such file; check the path"
        case .unreadable(_, let reason):
            return "cannot read the file (\(reason))"
        case .notText:
            return "the file is not UTF-8 text; save it as UTF-8"
        case .unwritable(_, let reason):
            return "cannot write the file (\(reason))"
        case .badQuestionnaireID(let id):
            return Diagnostic.shortened(FileProblem.badQuestionnaireID(id).message)
        case .tooLarge(_, let bytes, let limit):
            return "the file is \(Format.grouped(Double(bytes) / 1_048_576)) MB; the limit is \(Format.grouped(Double(limit) / 1_048_576)) MB"
        case .questionnaireNotFound(let id, let searched):
            return "questionnaire \"\(id)\" not found; looked in \(searched.joined(separator: ", ")) and the built-in questionnaires "
                   + "(\(ContentLibrary.builtInQuestionnaireIDs.joined(separator: ", "))); put \(id).yaml beside the assessment or fix the id"
        }
    }
}

/// The ids a questionnaire may have, and an assessment may name.
public enum QuestionnaireID {
    public static func isValid(_ id: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        return !id.isEmpty && id.count <= 100 && id.allSatisfy(allowed.contains) && id.first != "-" && id.first != "_"
    }
}
