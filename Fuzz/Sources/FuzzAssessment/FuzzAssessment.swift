import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

/// Any bytes as an assessment file: loading must end in a value or a located error, and a
/// loaded file must place, score, plan and render without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = FuzzSupport.text(data, size)
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing") else { return 0 }
    if let loaded = try? AssessmentLoader.load(text: text, file: "fuzz.yaml", resolve: { _ in q }) {
        let e = Evaluation(loaded.assessment, questionnaire: q)
        _ = e.allFlags
        _ = AssessmentWriter.yaml(Draft(loaded.assessment), questionnaire: q)
    }
    _ = try? AssessmentLoader.loadDraft(text: text, file: "fuzz.yaml", resolve: { _ in q })
    return 0
}


@main
enum FuzzAssessment {
    static func main() { runFuzzer(fuzz) }
}
