import ArgumentParser
import MaturityCore
import MaturityStore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check assessment or questionnaire files and list every problem.",
        discussion: """
        Each file is recognised by its content: a questionnaire has `stages:`, an assessment \
        names its `questionnaire:`. Exit code 0 when all are valid, 65 when any has errors.

        Example:
          maturity validate acme.yaml questionnaires/ai-maturity-manufacturing.yaml
        """
    )

    @Argument(help: "Assessment or questionnaire files (YAML).")
    var files: [String]

    @Option(name: .long, help: "Use this questionnaire (id or path) for the assessments instead of the one they name.")
    var questionnaire: String?

    func run() throws {
        let store = FileStore()
        var worst: Int32 = 0
        let override = try questionnaire.map(store.questionnaire(pathOrID:))
        for file in files {
            do {
                let doc = YAMLDocument(text: try store.readText(file), file: file)
                if doc.isQuestionnaire {
                    let q = try QuestionnaireLoader.load(doc)
                    Console.out("\(file): OK (questionnaire \(q.id), version \(q.version), \(q.questions.count) questions)")
                } else {
                    let loaded = try AssessmentLoader.load(doc) { id in try override ?? store.questionnaire(id: id, near: file) }
                    for warning in loaded.warnings { Console.err(warning.description) }
                    let a = loaded.assessment
                    Console.out("\(file): OK (\(a.organization.name), \(a.answers.count) answers, \(a.agents.count) agents, \(a.processes.count) processes)")
                }
            } catch {
                // Every file is checked, so this command reports each failure itself and exits with the worst code.
                Console.err((error as? ToolError)?.description ?? "error: \(error)")
                worst = max(worst, (error as? ToolError)?.exitCode ?? ExitStatus.software)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
