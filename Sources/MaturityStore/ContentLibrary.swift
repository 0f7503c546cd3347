import Foundation
import MaturityCore

/// The questionnaires and templates built into the binary, so `maturity` works from any
/// directory and as a copied file.
public enum ContentLibrary {
    /// Built-in file text by path relative to the package root (`questionnaires/x.yaml`).
    public static var files: [String: String] { EmbeddedContent.files }

    /// The commit this binary was built from (12 hex digits), or "unknown".
    public static var commit: String { EmbeddedContent.commit }

    /// `maturity --version`: the version, the commit, and the bundled questionnaire's id and version,
    /// from the values compiled at build time (or the file's first keys, without a YAML parse).
    public static func versionLine(_ version: String) -> String {
        let id = "ai-maturity-manufacturing"
        let q: String
        if let compiled = compiledQuestionnaires[id] {
            q = "questionnaire \(compiled.id) version \(compiled.version)" + (compiled.revision.map { " (\($0))" } ?? "")
        } else {
            let text = files["questionnaires/\(id).yaml"] ?? ""
            func key(_ name: String) -> String? {
                text.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
            }
            q = "questionnaire \(key("id") ?? id) version \(key("version") ?? "?")" + (key("revision").map { " (\($0))" } ?? "")
        }
        return "maturity \(version) (commit \(commit)); \(q)"
    }

    public static var builtInQuestionnaireIDs: [String] {
        files.keys.filter { $0.hasPrefix("questionnaires/") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("questionnaires/".count).dropLast(".yaml".count)) }.sorted()
    }

    /// Files under a folder of the built-in content (`templates/`), keyed by path inside it.
    public static func files(under folder: String) -> [String: String] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var out: [String: String] = [:]
        for (path, text) in files where path.hasPrefix(prefix) { out[String(path.dropFirst(prefix.count))] = text }
        return out
    }

    /// The built-in questionnaires as Swift values made and checked at build time. The command
    /// line sets this once at start-up, before anything reads it; without it (tests, fuzzing) the
    /// built-in files are parsed instead, to the same values.
    nonisolated(unsafe) public static var compiledQuestionnaires: [String: Questionnaire] = [:]

    public static func builtInQuestionnaire(id: String) throws -> Questionnaire? {
        if let compiled = compiledQuestionnaires[id] { return compiled }
        let path = "questionnaires/\(id).yaml"
        guard let text = files[path] else { return nil }
        return try QuestionnaireLoader.load(text: text, file: "(built-in) \(path)")
    }
}

/// Reading and writing files for the commands: questionnaire lookup, assessment loading,
/// and writes that never leave a half-written file.
public struct FileStore: Sendable {
    public init() {}

    /// Reads a UTF-8 text file, or a pipe or device such as /dev/stdin; refuses folders, binary
    /// data and files past `limit` bytes.
    public func readText(_ path: String, limit: Int = Limits.dataFileBytes) throws -> String {
        let data = try readData(path, limit: limit)
        if data.contains(0) { throw StoreError.notText(path: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError.notText(path: path) }
        return text
    }

    public func readData(_ path: String, limit: Int) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw StoreError.notFound(path: path) }
            throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw StoreError.unreadable(path: path, reason: "it is a folder") }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            throw StoreError.tooLarge(path: path, bytes: Int(info.st_size), limit: limit)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: access(path, R_OK) == 0 ? "it cannot be opened" : "permission denied")
        }
        defer { try? handle.close() }
        // Pipes and devices have no size up front: read in chunks and stop past the limit.
        var data = Data()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > limit { throw StoreError.tooLarge(path: path, bytes: data.count, limit: limit) }
        }
        return data
    }

    /// Finds questionnaire `id`: beside the assessment (`id.yaml` or `questionnaires/id.yaml`),
    /// then `questionnaires/id.yaml` in the working directory, then the built-in copy.
    public func questionnaire(id: String, near assessmentPath: String? = nil) throws -> Questionnaire {
        Language.current.localize(try questionnaireAsWritten(id: id, near: assessmentPath))
    }

    func questionnaireAsWritten(id: String, near assessmentPath: String?) throws -> Questionnaire {
        var candidates: [String] = []
        if let assessmentPath {
            let dir = (assessmentPath as NSString).deletingLastPathComponent
            let base = dir.isEmpty ? "." : dir
            candidates += ["\(base)/\(id).yaml", "\(base)/questionnaires/\(id).yaml"]
        }
        guard QuestionnaireID.isValid(id) else { throw StoreError.badQuestionnaireID(id: id) }
        candidates.append("questionnaires/\(id).yaml")
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            return try QuestionnaireLoader.load(text: try readText(path), file: path)
        }
        if let builtIn = try ContentLibrary.builtInQuestionnaire(id: id) { return builtIn }
        throw StoreError.questionnaireNotFound(id: id, searched: candidates)
    }

    /// Loads a questionnaire from an explicit path or id.
    public func questionnaire(pathOrID: String) throws -> Questionnaire {
        if FileManager.default.fileExists(atPath: pathOrID) {
            return Language.current.localize(try QuestionnaireLoader.load(text: try readText(pathOrID), file: pathOrID))
        }
        return try questionnaire(id: pathOrID)
    }

    /// Loads and validates an assessment file; `questionnaireOverride` replaces the lookup by id.
    public func loadAssessment(_ path: String, questionnaireOverride: Questionnaire? = nil) throws -> AssessmentLoader.Loaded {
        let text = try readText(path)
        return try AssessmentLoader.load(text: text, file: path) { id in
            if let questionnaireOverride { return questionnaireOverride }
            return try questionnaire(id: id, near: path)
        }
    }

    /// Writes to a temporary file beside `path`, then renames it into place, so a crash, a full
    /// disk or a file-size limit never leaves a half-written file behind. See `SafeWrite`.
    /// `force` writes over a file whose mode says nobody may write it (0444), which is refused otherwise.
    public func writeAtomically(_ text: String, to path: String, force: Bool = false) throws {
        try SafeWrite.write(Data(text.utf8), to: path, force: force)
    }
}
