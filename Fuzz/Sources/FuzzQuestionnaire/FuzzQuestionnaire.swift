import Foundation
import MaturityCore
import MaturityStore

/// Any bytes as a questionnaire: a value or a located error; a questionnaire that loads must
/// evaluate the shipped example without a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let q = try? QuestionnaireLoader.load(text: text, file: "fuzz.yaml"),
          let example = ContentLibrary.files["examples/acme.yaml"],
          let loaded = try? AssessmentLoader.load(text: example, file: "acme.yaml", resolve: { _ in q }) else { return 0 }
    _ = Evaluation(loaded.assessment, questionnaire: q).allFlags
    return 0
}

/// libFuzzer's driver, run from our own `main` (SwiftPM renames an executable's entry point).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@main
enum FuzzQuestionnaire {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzz))
    }
}
