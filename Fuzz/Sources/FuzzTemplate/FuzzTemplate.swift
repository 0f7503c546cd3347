import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// Any bytes as the Markdown report template (what `--templates` reads): a report or a located
/// template error, never a trap or a runaway recursion.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing"),
          let example = ContentLibrary.files["examples/acme.yaml"],
          let loaded = try? AssessmentLoader.load(text: example, file: "acme.yaml", resolve: { _ in q }) else { return 0 }
    var templates = ContentLibrary.files(under: "templates")
    templates["report.md.mustache"] = text
    templates["partials/md/why.mustache"] = text
    let renderer = Renderer(templates: templates)
    _ = try? renderer.render(Evaluation(loaded.assessment, questionnaire: q), as: .md)
    return 0
}

/// libFuzzer's driver, run from our own `main` (SwiftPM renames an executable's entry point).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@main
enum FuzzTemplate {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzz))
    }
}
