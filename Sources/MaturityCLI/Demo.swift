import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

struct Demo: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "demo",
        abstract: L("cli.help.cmd.demo"),
        discussion: """
        The sample is a metal-parts maker of about $250M a year with sixteen processes and two agents.

        Example:
          maturity demo --output demo && open demo/hartwell-precision.html
        """
    )

    static let sample = "examples/hartwell-precision.yaml"

    @Option(name: .shortAndLong, help: "Folder to write into (created if missing).")
    var output: String = "maturity-demo"

    @OptionGroup var templateOptions: TemplateOptions

    @ArgumentParser.Flag(name: .long, help: "Write into --output even if it already holds files.")
    var force = false

    func run() throws {
        let store = FileStore()
        let renderer = try templateOptions.renderer(store: store)
        guard let text = ContentLibrary.files[Self.sample] else {
            throw UsageProblem(path: nil, message: "the built-in sample is missing from this build", exitCode: ExitStatus.software)
        }
        let name = ((Self.sample as NSString).lastPathComponent as NSString).deletingPathExtension
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw UsageProblem(path: output, message: "this is a file, not a folder; give --output a folder name", exitCode: ExitStatus.cannotCreate)
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
            if !contents.isEmpty, !force {
                throw UsageProblem(path: output,
                                   message: "the folder already holds files; nothing was written. Pick another --output, "
                                            + "or add --force to overwrite the demo files in it", exitCode: ExitStatus.cannotCreate)
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw UsageProblem(path: output, message: "cannot create the folder (\(String(cString: strerror(errno)))); check the path",
                               exitCode: ExitStatus.cannotCreate)
        }
        let assessmentPath = (output as NSString).appendingPathComponent("\(name).yaml")
        let loaded = try AssessmentLoader.load(text: text, file: assessmentPath) { id in try store.questionnaire(id: id) }
        let evaluation = Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)
        try store.writeAtomically(text, to: assessmentPath)
        var written = [assessmentPath]
        for format in [OutputFormat.html, .md, .json] {
            let path = (output as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
            try store.writeAtomically(try renderer.render(evaluation, as: format), to: path)
            written.append(path)
        }
        // Twelve weeks of the live agent's decision log, to try `maturity ladder` on.
        let logPath = (output as NSString).appendingPathComponent(DemoLog.fileName)
        try store.writeAtomically(DemoLog.csv(), to: logPath)
        written.append(logPath)
        Console.out(try renderer.render(evaluation, as: .text), terminator: "")
        Console.out("")
        Console.out(L("cli.demo.wrote"))
        for path in written { Console.out("  \(path)") }
        Console.out(L("cli.demo.try", ["command": .text("maturity ladder \(logPath) --agent \"AP invoice matcher\" --assessment \(assessmentPath)")]))
    }
}
