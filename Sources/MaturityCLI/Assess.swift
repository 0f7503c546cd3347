import ArgumentParser
import Dispatch
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

struct Assess: ParsableCommand {
    @OptionGroup var language: LanguageOption

    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "assess",
        abstract: L("cli.help.cmd.assess"),
        discussion: """
        At any prompt: ? shows help and why it matters, back returns to the previous question, skip \
        records unknown (counted as no), quit saves and stops. Enter takes the default in brackets.

        Examples:
          maturity assess --output acme.yaml
          maturity assess --output acme.yaml --resume
          maturity assess --from acme-2026-q3.yaml --output acme-2026-q4.yaml
        """
    )

    @Option(name: .shortAndLong, help: "The assessment file to write.")
    var output: String = "assessment.yaml"

    @ArgumentParser.Flag(name: .long, help: "Continue an unfinished interview in --output where it stopped.")
    var resume = false

    @Option(name: .long, help: ArgumentHelp("Last quarter's assessment: its answers become the defaults.", valueName: "previous.yaml"))
    var from: String?

    @Option(name: .long, help: "Questionnaire id or path (default: ai-maturity-manufacturing).")
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Who is answering, as \"Name, Role\".", valueName: "name, role"))
    var respondent: String?

    func validate() throws {
        let ext = (output as NSString).pathExtension.lowercased()
        if ext != "yaml" && ext != "yml" {
            throw ValidationError("--output \(output): the interview writes the assessment itself, a .yaml file; "
                                  + "the HTML and Markdown reports are written beside it (for example --output acme.yaml gives acme.html and acme.md)")
        }
        if let from, PathIdentity.canonical(from) == PathIdentity.canonical(output) {
            throw ValidationError("--from and --output are the same file; last quarter's file is read, never rewritten. Pick a new --output")
        }
        if resume, from != nil { throw ValidationError("--resume continues a file as it is; --from starts a new one from last quarter. Use one.") }
        if let respondent, case .failure(let e) = Parse.respondent(respondent) { throw ValidationError("--respondent: \(e.reason)") }
    }

    /// The draft to continue (with `--resume`) or a new one, its questionnaire, and the
    /// assessment `--from` names, whose answers become the defaults.
    func start(store: FileStore) throws -> (Draft, Questionnaire, Draft?) {
        if resume {
            let (d, q) = try AssessmentLoader.loadDraft(text: try store.readText(output), file: output) { id in
                try questionnaire.map(store.questionnaire(pathOrID:)) ?? store.questionnaire(id: id, near: output)
            }
            return (d, q, nil)
        }
        var previous: Draft?
        if let from { previous = Draft(try store.loadAssessment(from).assessment) }
        let q = try questionnaire.map(store.questionnaire(pathOrID:))
            ?? store.questionnaire(id: previous?.questionnaireID ?? "ai-maturity-manufacturing", near: from)
        var d = Draft(questionnaireID: q.id)
        if let respondent, case .success(let r) = Parse.respondent(respondent) { d.respondents = [r] }
        return (d, q, previous)
    }

    func run() throws {
        let store = FileStore()
        let exists = FileManager.default.fileExists(atPath: output)
        if resume, !exists {
            throw UsageProblem(path: output, message: "nothing to resume; start with: maturity assess --output \(output)", exitCode: ExitStatus.noInput)
        }
        if !resume, exists {
            throw UsageProblem(path: output, message: "the file already exists; continue it with --resume, or pick another --output",
                               exitCode: ExitStatus.cannotCreate)
        }
        let lock = try FileLock(for: output)
        defer { withExtendedLifetime(lock) {} }
        let (draft, q, previous) = try start(store: store)
        let terminal = StandardTerminal()
        let interview = Interview(terminal: terminal, questionnaire: q, path: output, draft: draft, previous: previous, today: Self.today())
        let resumeHint = "maturity assess --output \(output) --resume"
        let stopSignal = Self.onInterrupt {
            Console.err("\n" + L("cli.assess.stopped", ["file": .text(output), "command": .text(resumeHint)]))
        }
        defer { stopSignal.cancel() }
        if resume { terminal.say(L("cli.assess.continuing", ["file": .text(output), "step": .text(interview.stepWords(draft.next))])) }
        if !resume { terminal.heading(L("cli.assess.heading", ["title": .text(q.title)])) }
        terminal.say(terminal.dim(L("cli.assess.commands")))
        terminal.say(terminal.dim(L("cli.assess.enter")))
        let outcome = try interview.run(from: resume ? (draft.next ?? "review") : nil)
        switch outcome {
        case .quit:
            terminal.say(L("cli.assess.saved", ["file": .text(output), "command": .text(resumeHint)]))
        case .ended:
            Console.err(L("cli.assess.input_ended", ["file": .text(output), "command": .text(resumeHint)]))
            throw ExitCode(75)
        case .finished:
            try finish(Evaluation(try interview.draft.assessment(), questionnaire: q), store: store, terminal: terminal)
        }
    }

    /// Shows the placement of the finished interview and writes the reports beside its file.
    func finish(_ evaluation: Evaluation, store: FileStore, terminal: Terminal) throws {
        let renderer = TemplateOptions.builtIn
        let base = (output as NSString).deletingPathExtension
        terminal.say("")
        let summary = try renderer.render(evaluation, as: .text)
        for line in summary.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = String(line.prefix { $0 == " " })
            let rows = wrap(String(line.dropFirst(indent.count)), width: 78 - indent.count - 2)
            if rows.isEmpty { terminal.say("") }
            for (i, row) in rows.enumerated() { terminal.say(indent + (i == 0 ? "" : "  ") + row) }
        }
        try Self.writeReports(beside: output, evaluation, renderer: renderer, store: store, terminal: terminal)
        terminal.say(L("cli.assess.next_time", ["command": .text("maturity report \(output) --output \(base).html")]))
    }

    /// Writes NAME.html and NAME.md beside NAME.yaml and says what it wrote. A file of that name
    /// that maturity did not write is someone's work: it is left as it is.
    static func writeReports(beside output: String, _ evaluation: Evaluation, renderer: Renderer, store: FileStore, terminal: Terminal) throws {
        let base = (output as NSString).deletingPathExtension
        var written = [output]
        for format in [OutputFormat.html, .md] {
            let path = "\(base).\(format.fileExtension)"
            if FileManager.default.fileExists(atPath: path), !madeByMaturity(path, store: store) {
                terminal.say(L("cli.assess.not_ours",
                               ["file": .text(path), "command": .text("maturity report \(output) --output \(base)-report.\(format.fileExtension)")]))
                continue
            }
            try store.writeAtomically(try renderer.render(evaluation, as: format), to: path)
            written.append(path)
        }
        terminal.say(L("cli.wrote", ["files": .text(written.joined(separator: ", "))]))
    }

    /// Whether a report file carries the mark maturity puts in every report it writes.
    static func madeByMaturity(_ path: String, store: FileStore) -> Bool {
        guard let text = try? store.readText(path) else { return false }
        if text.contains("<meta name=\"generator\" content=\"maturity") { return true }
        // The Markdown's last line names the maker in the report's language: "· made by maturity", "· erstellt mit maturity".
        return Language.codes.contains { text.contains("· " + Phrases.book($0).say("ui.report.made_by", ["generator": .text("maturity")])) }
    }

    /// Today's date in the local calendar; the only place the interview reads the clock.
    static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(iso: String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)) ?? Day(daysSinceEpoch: 0)
    }

    /// On Ctrl-C: say where the answers are and exit 130. Answers are already on disk.
    static func onInterrupt(_ message: @escaping @Sendable () -> Void) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            message()
            Foundation.exit(130)
        }
        source.resume()
        return source
    }
}
