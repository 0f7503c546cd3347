import Foundation
import MaturityCore

extension FileStore {
    /// Every assessment file in `directory`, evaluated, oldest first. Files that are not
    /// assessments (a questionnaire, a brand.yaml) are skipped; an invalid assessment is an error.
    public func history(_ directory: String) throws -> [(file: String, evaluation: Evaluation)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError.notFound(path: directory)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var out: [(String, Evaluation)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = (directory as NSString).appendingPathComponent(name)
            // Read and parsed once: told apart, then loaded from the same parse.
            let doc = YAMLDocument(text: try readText(path), file: path)
            // A questionnaire or a brand.yaml is not an assessment, nor is an interview still in progress.
            guard doc.questionnaireID != nil, !doc.isUnfinishedInterview else { continue }
            let loaded = try AssessmentLoader.load(doc) { id in try questionnaire(id: id, near: path) }
            out.append((path, Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)))
        }
        return out.sorted { $0.1.assessment.assessedOn < $1.1.assessment.assessedOn }
    }
}
