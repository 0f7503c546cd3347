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
            let text = try readText(path)
            guard AssessmentLoader.questionnaireID(text: text) != nil else { continue }
            // An interview still in progress is not an assessment yet.
            guard !AssessmentLoader.isUnfinishedInterview(text: text) else { continue }
            let loaded = try loadAssessment(path)
            out.append((path, Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)))
        }
        return out.sorted { $0.1.assessment.assessedOn < $1.1.assessment.assessedOn }
    }
}
