import Foundation
import FuzzSupport
import MaturityCore
import MaturityStore

/// Any bytes as a questionnaire: a value or a located error; a questionnaire that loads must
/// evaluate the shipped example without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = FuzzSupport.text(data, size)
    guard let q = try? QuestionnaireLoader.load(text: text, file: "fuzz.yaml"),
          let example = ContentLibrary.files["examples/acme.yaml"],
          let loaded = try? AssessmentLoader.load(text: example, file: "acme.yaml", resolve: { _ in q }) else { return 0 }
    _ = Evaluation(loaded.assessment, questionnaire: q).allFlags
    return 0
}


@main
enum FuzzQuestionnaire {
    static func main() { runFuzzer(fuzz) }
}
