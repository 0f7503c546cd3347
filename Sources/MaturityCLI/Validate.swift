import ArgumentParser
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityYAML

struct Validate: ParsableCommand {
    @OptionGroup var language: LanguageOption

    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "validate",
        abstract: L("cli.help.cmd.validate"),
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

    @Option(name: .shortAndLong, help: "text, or json: each file, its kind, whether it is valid and every problem with its line.")
    var format: OutputFormat = .text

    func validate() throws {
        guard [.text, .json].contains(format) else { throw ValidationError("--format \(format.rawValue): this command writes text, json") }
    }

    func run() throws {
        let store = FileStore()
        var worst: Int32 = 0
        let override = try questionnaire.map(store.questionnaire(pathOrID:))
        var results: [ValidateOutput.File] = []
        let json = format == .json
        func problems(_ diagnostics: [Diagnostic]) -> [ValidateOutput.Problem] {
            diagnostics.map { .init(line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message) }
        }
        for file in files {
            var kind: String?
            do {
                let doc = YAMLDocument(text: try store.readText(file), file: file)
                kind = doc.isQuestionnaire ? "questionnaire" : "assessment"
                if doc.isQuestionnaire {
                    let q = try QuestionnaireLoader.load(doc)
                    if !json { Console.out(L("cli.validate.ok_questionnaire",
                                             ["file": .text(file), "id": .text(q.id), "version": .int(q.version),
                                              "questions": .count(q.questions.count, "question")])) }
                    results.append(.init(file: file, kind: kind, valid: true, exitCode: 0, problems: []))
                } else {
                    let loaded = try AssessmentLoader.load(doc) { id in try override ?? store.questionnaire(id: id, near: file) }
                    if !json { for warning in loaded.warnings { Console.err(warning.description) } }
                    let a = loaded.assessment
                    if !json { Console.out(L("cli.validate.ok_assessment",
                                             ["file": .text(file), "name": .text(a.organization.name), "answers": .count(a.answers.count, "answer"),
                                              "agents": .count(a.agents.count, "agent"), "processes": .count(a.processes.count, "process")])) }
                    results.append(.init(file: file, kind: kind, valid: true, exitCode: 0, problems: problems(loaded.warnings)))
                }
            } catch {
                // Every file is checked, so this command reports each failure itself and exits with the worst code.
                let code = (error as? ToolError)?.exitCode ?? ExitStatus.software
                if !json { Console.err((error as? ToolError)?.description ?? "error: \(error)") }
                let listed = (error as? ValidationFailure).map { problems($0.diagnostics) }
                    ?? [.init(line: nil, column: nil, severity: "error", message: (error as? ToolError)?.description ?? "\(error)")]
                results.append(.init(file: file, kind: kind, valid: false, exitCode: code, problems: listed))
                worst = max(worst, code)
            }
        }
        if json { Console.out(try ComparisonReport.json(ValidateOutput(files: results)), terminator: "") }
        if worst != 0 { throw ExitCode(worst) }
    }
}
