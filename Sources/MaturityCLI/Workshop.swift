import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// The rules a merge can apply; the consensus rule is what `workshop run` records.
enum MergeRule: String, CaseIterable, ExpressibleByArgument {
    case strict, majority
    var rule: Workshop.Rule { self == .strict ? .strict : .majority }
}

struct WorkshopCommand: ParsableCommand {
    static var configuration: CommandConfiguration { cachedConfiguration }
    /// Built once, on first use, in the run's language (set before the command line is parsed).
    static let cachedConfiguration = CommandConfiguration(
        commandName: "workshop",
        abstract: L("cli.help.cmd.workshop"),
        subcommands: [Merge.self, Run.self, Import.self]
    )

    struct Merge: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "merge",
            abstract: L("cli.help.cmd.workshop_merge"),
            discussion: """
            Each participant answers on their own: maturity assess --respondent "Ana Ruiz, COO" --output ana.yaml

            Examples:
              maturity workshop merge ana.yaml raj.yaml lee.yaml --output acme.yaml
              maturity workshop merge *.yaml --output acme.yaml --rule majority
            """
        )

        @Argument(help: "The participants' assessment files.") var files: [String]
        @Option(name: .shortAndLong, help: "The merged assessment file to write.") var output: String
        @Option(name: .long, help: "strict (the least generous answer and figure, the default) or majority (the most common answer, the median figure).")
        var rule: MergeRule = .strict
        @ArgumentParser.Flag(name: .long, help: "Replace --output if it exists.") var force = false

        func validate() throws {
            if files.count < 2 { throw ValidationError("merge needs at least two participants' files") }
        }

        /// Each participant's file, read once and checked as a whole assessment, with its person.
        func participants(store: FileStore) throws -> ([(person: Respondent, draft: Draft)], Questionnaire) {
            var out: [(person: Respondent, draft: Draft)] = []
            var q: Questionnaire?
            for file in files {
                let read = try AssessmentLoader.read(.init(text: try store.readText(file), file: file), strict: true) { id in
                    try store.questionnaire(id: id, near: file)
                }
                let (draft, questionnaire) = (read.draft, read.questionnaire)
                if let q, q.id != questionnaire.id {
                    throw ValidationFailure([Diagnostic(file: file,
                                                        message: "uses questionnaire \(questionnaire.id), the others \(q.id); "
                                                                 + "every participant must answer the same questionnaire")])
                }
                q = questionnaire
                // An unfinished interview still counts, but the room should know what it lacks.
                if draft.next != nil {
                    let missing = questionnaire.questions.filter { draft.answers[$0.id] == nil }.map { $0.short ?? $0.prompt }
                    Console.err("\(file): warning: this interview is not finished"
                                + (missing.isEmpty ? "" : "; no answer yet to: " + missing.joined(separator: "; ")) + ". Its empty answers count as unknown")
                }
                let fallback = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                out.append((draft.respondents.first ?? Respondent(name: fallback), draft))
            }
            guard let q else { throw ValidationFailure([Diagnostic(file: "workshop merge", message: "no participants' files given")]) }
            return (out, q)
        }

        func run() throws {
            let store = FileStore()
            if FileManager.default.fileExists(atPath: output), !force {
                throw UsageProblem(path: output, message: "the file already exists; pick another --output or add --force", exitCode: ExitStatus.cannotCreate)
            }
            let (people, questionnaire) = try participants(store: store)
            let merged = WorkshopMerger.merge(people, rule: rule.rule, questionnaire: questionnaire)
            let evaluation = Evaluation(try merged.assessment(), questionnaire: questionnaire)
            try store.writeAtomically(AssessmentWriter.yaml(merged, questionnaire: questionnaire), to: output)
            let room = evaluation.room
            Console.out("Merged \(people.count) participants by the \(rule.rawValue) rule: "
                        + "Stage \(evaluation.placement.stage) \(questionnaire.stageName(evaluation.placement.stage)).")
            for p in room?.people ?? [] {
                Console.out("  \(p.person)\(p.role.map { " (\($0))" } ?? ""): Stage \(p.stage) on their own answers")
            }
            let splits = room?.splits ?? []
            Console.out(splits.isEmpty ? "The room agreed on every question." : "\(englishCount(splits.count, "split question")):")
            for s in splits {
                Console.out("  \(s.question): " + s.answers.map { "\($0.person) \(Workshop.text($0.answer))" }.joined(separator: ", ")
                            + " → \(Workshop.text(s.result))")
            }
            if let conflicts = room?.conflicts, !conflicts.isEmpty {
                Console.out("\(englishCount(conflicts.count, "figure")) given differently (settled by the \(rule.rawValue) rule, "
                            + "every value kept in the file):")
                for c in conflicts { Console.out("  \(c.item) \(c.field): " + c.values.map { "\($0.person) \($0.value)" }.joined(separator: ", ")
                                                 + " → \(c.kept)") }
            }
            Console.out("Wrote \(output). See it: maturity report \(output) --output \((output as NSString).deletingPathExtension).html")
        }
    }

    struct Run: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "run",
            abstract: L("cli.help.cmd.workshop_run"),
            discussion: """
            The facilitator types each person's answer in turn; nobody's answer is shown until all have \
            answered. Then the spread appears and the facilitator records the consensus (the strict, least \
            generous answer is the default) and an optional dissent note. Saved after every answer; \
            --resume continues.

            Example:
              maturity workshop run --participants "Ana Ruiz (COO)" --participants "Raj Patel (Plant manager)" --output acme.yaml
            """
        )

        @Option(name: .long, parsing: .upToNextOption,
                help: ArgumentHelp("Each participant as \"Name (Role)\": --participants \"Ana (CEO)\" \"Ben (Plant manager)\"", valueName: "name (role)"))
        var participants: [String] = []
        @Option(name: .shortAndLong, help: "The assessment file to write.") var output: String = "workshop.yaml"
        @ArgumentParser.Flag(name: .long, help: "Continue an unfinished session in --output.") var resume = false
        @Option(name: .long, help: "Questionnaire id or path (default: ai-maturity-manufacturing).") var questionnaire: String?

        static func person(_ text: String) -> Respondent {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
                let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                let role = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)].trimmingCharacters(in: .whitespaces)
                return Respondent(name: name, role: role.isEmpty ? nil : role)
            }
            if case .success(let r) = Parse.respondent(trimmed) { return r }
            return Respondent(name: trimmed)
        }

        func validate() throws {
            if !resume, participants.count < 2 { throw ValidationError("name at least two --participants, like --participants \"Ana Ruiz (COO)\"") }
            let names = participants.map { Self.person($0).name.lowercased() }
            if Set(names).count != names.count { throw ValidationError("each participant needs a different name") }
        }

        /// The workshop file to continue (with `--resume`) or a new one, and its questionnaire.
        func start(store: FileStore) throws -> (Draft, Questionnaire) {
            if resume {
                return try AssessmentLoader.loadDraft(text: try store.readText(output), file: output) { id in
                    try questionnaire.map(store.questionnaire(pathOrID:)) ?? store.questionnaire(id: id, near: output)
                }
            }
            let q = try questionnaire.map(store.questionnaire(pathOrID:)) ?? store.questionnaire(id: "ai-maturity-manufacturing")
            var d = Draft(questionnaireID: q.id)
            d.respondents = participants.map(Self.person)
            d.workshop = Workshop(rule: .consensus, participants: d.respondents)
            return (d, q)
        }

        func run() throws {
            let store = FileStore()
            let exists = FileManager.default.fileExists(atPath: output)
            if resume, !exists { throw UsageProblem(path: output, message: "nothing to resume", exitCode: ExitStatus.noInput) }
            if !resume, exists { throw UsageProblem(path: output, message: "the file already exists; continue it with --resume, or pick another --output",
                                                    exitCode: ExitStatus.cannotCreate) }
            let lock = try FileLock(for: output)
            defer { withExtendedLifetime(lock) {} }
            let (draft, q) = try start(store: store)
            let people = draft.workshop?.participants ?? participants.map(Self.person)
            let terminal = StandardTerminal()
            let interview = Interview(terminal: terminal, questionnaire: q, path: output, draft: draft, previous: nil, today: Assess.today())
            interview.participants = people
            let hint = "maturity workshop run --output \(output) --resume"
            let stop = Assess.onInterrupt { Console.err("\n" + L("cli.assess.stopped", ["file": .text(output), "command": .text(hint)])) }
            defer { stop.cancel() }
            terminal.heading(resume ? L("cli.workshop.continuing", ["file": .text(output)])
                             : L("cli.workshop.heading", ["people": .text(people.map(\.name).joined(separator: ", "))]))
            terminal.say(terminal.dim(L("cli.assess.commands")))
            switch try interview.run(from: resume ? (draft.next ?? "review") : nil) {
            case .quit: terminal.say(L("cli.assess.saved", ["file": .text(output), "command": .text(hint)]))
            case .ended:
                Console.err(L("cli.workshop.input_ended", ["file": .text(output), "command": .text(hint)]))
                throw ExitCode(75)
            case .finished:
                let evaluation = Evaluation(try interview.draft.assessment(), questionnaire: q)
                let splits = evaluation.room?.splits.count ?? 0
                terminal.say(L("cli.workshop.done",
                               ["stage": .int(evaluation.placement.stage), "name": .text(q.stageName(evaluation.placement.stage)),
                                "splits": .count(splits, "split_question")]))
                // The same reports the interview writes, beside the file.
                try Assess.writeReports(beside: output, evaluation,
                                        renderer: Renderer(templates: ContentLibrary.files(under: "templates"), words: Phrases.current),
                                        store: store, terminal: terminal)
            }
        }
    }
}
