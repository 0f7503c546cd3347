import Foundation
import FuzzSupport
import MaturityCore
import MaturityReport
import MaturityStore

/// Any bytes as the Markdown report template (what `--templates` reads): a report or a located
/// template error, never a trap or a runaway recursion.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = FuzzSupport.text(data, size)
    guard let q = try? ContentLibrary.builtInQuestionnaire(id: "ai-maturity-manufacturing"),
          let example = ContentLibrary.files["examples/acme.yaml"],
          let loaded = try? AssessmentLoader.load(text: example, file: "acme.yaml", resolve: { _ in q }),
          let words = try? PhraseLoader.load(text: ContentLibrary.files["phrases/en.yaml"] ?? "", file: "en.yaml", language: "en") else { return 0 }
    var templates = ContentLibrary.files(under: "templates")
    templates["report.md.mustache"] = text
    templates["partials/md/why.mustache"] = text
    let renderer = Renderer(templates: templates, words: words)
    _ = try? renderer.render(Evaluation(loaded.assessment, questionnaire: q), as: .md)
    return 0
}


@main
enum FuzzTemplate {
    static func main() { runFuzzer(fuzz) }
}
