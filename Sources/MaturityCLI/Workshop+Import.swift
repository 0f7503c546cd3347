import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

extension WorkshopCommand {
    struct Import: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "import",
            abstract: L("cli.help.cmd.workshop_import"),
            discussion: """
            One row per respondent, one column per question. A column answers a question when its header \
            is the question's text (any case and punctuation, a leading number like "3." dropped) or its id; \
            --map names the rest. Answers are read like typed ones: a choice by its label or value, yes/no \
            as people write it, numbers with separators. An empty cell or "not sure" is unknown. If any \
            cell cannot be read, every such cell is listed and nothing is written. Then merge the files: \
            maturity workshop merge DIR/*.yaml --output acme.yaml

            Examples:
              maturity workshop import responses.csv --output room --company "Acme Castings"
              maturity workshop import responses.csv --output room --from acme.yaml --role-column "Job title"
              maturity workshop import typeform.csv --output room --company Acme --map "Pilots so far=ai_pilots"
            """
        )

        @Argument(help: "The survey export: .csv (comma or semicolon) or .xlsx.") var file: String
        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the participants' files into (made if missing).", valueName: "dir"))
        var output: String
        @Option(name: .long, help: ArgumentHelp("The column with each person's name, by header or number (default: found).", valueName: "header"))
        var nameColumn: String?
        @Option(name: .long, help: ArgumentHelp("The column with each person's role, by header or number (default: found).", valueName: "header"))
        var roleColumn: String?
        @Option(name: .long, help: ArgumentHelp("A header and the question it answers, \"Header text=question_id\"; repeat for more.", valueName: "header=id"))
        var map: [String] = []
        @ArgumentParser.Flag(name: .long, help: "The survey recorded no names: call the respondents Respondent 1, 2, … in row order.")
        var anonymous = false
        @Option(name: .long, help: "The company's name, written into every file (or take the profile from --from).")
        var company: String?
        @Option(name: .long, help: ArgumentHelp("An assessment whose company profile, agents and processes every file starts from.",
                                                valueName: "assessment.yaml"))
        var from: String?
        @Option(name: .long, help: "Questionnaire id or path (default: the --from file's, else ai-maturity-manufacturing).")
        var questionnaire: String?
        @Option(name: .long, help: ArgumentHelp("The assessment date for every file (default: the latest submission date, else today).",
                                                valueName: "YYYY-MM-DD"))
        var assessedOn: String?
        @ArgumentParser.Flag(name: .long, help: "Read and check everything; write nothing.") var dryRun = false
        @ArgumentParser.Flag(name: .long, help: "Replace participants' files that already exist in --output.") var force = false

        func validate() throws {
            for m in map where !m.contains("=") { throw ValidationError("--map \"\(m)\" needs the form \"Header text=question_id\"") }
            if let assessedOn, Day(iso: assessedOn) == nil { throw ValidationError("--assessed-on \"\(assessedOn)\" is not a date; "
                                                                                   + "write YYYY-MM-DD, like 2026-11-20") }
            if company == nil, from == nil { throw ValidationError("name the company with --company \"Acme Castings\", "
                                                                   + "or start every file from an assessment with --from acme.yaml") }
            if anonymous, nameColumn != nil { throw ValidationError("--anonymous and --name-column do not go together; pick one") }
        }

        var maps: [(header: String, question: String)] {
            map.compactMap { m in
                guard let eq = m.lastIndex(of: "=") else { return nil }
                return (String(m[..<eq]).trimmingCharacters(in: .whitespaces), String(m[m.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
            }
        }

        /// Every file starts from the --from assessment's profile, agents and processes, or from the company name.
        func base(store: FileStore) throws -> (Draft, Questionnaire) {
            if let from {
                let (draft, q) = try AssessmentLoader.loadDraft(text: try store.readText(from), file: from) { id in
                    try questionnaire.map(store.questionnaire(pathOrID:)) ?? store.questionnaire(id: id, near: from)
                }
                var d = draft
                d.answers = [:]
                d.respondents = []
                d.workshop = nil
                d.next = nil
                if let company { d.name = company }
                return (d, q)
            }
            let q = try questionnaire.map(store.questionnaire(pathOrID:)) ?? store.questionnaire(id: "ai-maturity-manufacturing")
            var d = Draft(questionnaireID: q.id)
            d.name = company
            return (d, q)
        }

        /// On a terminal, an unclear name column is asked; through a pipe nothing is asked.
        func chosenNameColumn(_ table: SurveyTable, terminal: Terminal?) -> String? {
            if let nameColumn { return nameColumn }
            let candidates = SurveyImporter.nameCandidates(table)
            guard let terminal, !anonymous, candidates.count != 1 else { return nil }
            terminal.say(candidates.isEmpty ? "No column looks like the respondents' names. The columns:" : "Several columns could hold the names:")
            for (i, h) in table.headers.enumerated() { terminal.say("    \(i + 1). \(h)") }
            let prompt = Prompt<Int>(position: "[Import]", text: "Number of the column with each person's name",
                                     help: "Each participant's file is named after them.",
                                     defaultText: candidates.first.map { "\($0 + 1)" }, skippable: false, parse: { s in
                if let n = Int(s), (1...table.headers.count).contains(n) { return .success(n) }
                return .failure(PromptError("Type a number from 1 to \(table.headers.count)."))
            })
            if case .value(let n) = terminal.ask(prompt) { return "\(n)" }
            return nil
        }

        func run() throws {
            let store = FileStore()
            let (start, q) = try base(store: store)
            let table = try SurveyTable.load(file)
            let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            let options = SurveyOptions(nameColumn: chosenNameColumn(table, terminal: interactive ? StandardTerminal() : nil),
                                        roleColumn: roleColumn, maps: maps, anonymous: anonymous)
            let read = try SurveyImporter.read(table, questionnaire: q, options: options)
            for note in table.notes { Console.out(note + ".") }
            Console.out("Read \(englishCount(read.people.count, "response")) from \(file)" + (table.tool.map { " (a \($0) export)" } ?? "") + ".")
            let chosen = { (c: Int?, given: String?, flag: String) -> String in
                guard let c else { return "none (\(flag) names one)" }
                return table.describe(c) + (given == nil ? " (found; \(flag) picks another)" : "")
            }
            Console.out("Names: "
                        + (anonymous ? "none; numbered Respondent 1 to \(read.people.count) in row order"
                           : chosen(read.nameColumn, nameColumn, "--name-column")))
            Console.out("Roles: " + chosen(read.roleColumn, roleColumn, "--role-column"))
            Console.out("Questions (\(read.matches.count) of the questionnaire's \(q.questions.count)):")
            for m in read.matches {
                let header = table.headers[m.column]
                let shortHeader = header.count > 50 ? String(header.prefix(49)) + "…" : header
                Console.out("  column \(m.column + 1) \"\(shortHeader)\" → \(m.question)" + (m.how == "text" ? "" : " (by \(m.how))"))
            }
            if !read.exportColumns.isEmpty { Console.out("The export's own columns, not questions: "
                                                         + read.exportColumns.map { table.headers[$0] }.joined(separator: ", ")) }
            for (c, nearest) in read.ignored {
                Console.err("\(file): warning: \(table.describe(c)) is no question of \(q.id); ignored"
                            + (nearest.map { ". If it asks \($0), add --map \"\(table.headers[c])=\($0)\"" } ?? ""))
            }
            if !read.unasked.isEmpty { Console.out("Not asked in the survey (unknown for everyone, counts as no): " + read.unasked.joined(separator: ", ")) }
            for w in read.warnings { Console.err(w) }

            let assessed = assessedOn.flatMap(Day.init(iso:)) ?? read.people.compactMap(\.submitted).max() ?? Assess.today()
            Console.out("Assessed on \(assessed.iso)"
                        + (assessedOn != nil ? "." : read.people.contains { $0.submitted != nil } ? " (the latest submission; --assessed-on sets another)."
                           : " (--assessed-on sets another)."))
            var files: [(path: String, text: String, person: Respondent)] = []
            var used = Set<String>()
            for p in read.people {
                var d = start
                d.assessedOn = assessed
                // A plan start from an earlier assessment would date the plan before this one.
                if let plan = d.planStartsOn, plan < assessed { d.planStartsOn = nil }
                d.respondents = [p.respondent]
                d.answers = p.answers
                do {
                    _ = try d.assessment()
                } catch {
                    throw ValidationFailure([.init(file: file, message: "row \(p.row): \(error.description)")])
                }
                var name = Self.fileName(p.respondent.name)
                var n = 2
                while used.contains(name) { name = Self.fileName(p.respondent.name) + "-\(n)"; n += 1 }
                used.insert(name)
                files.append(((output as NSString).appendingPathComponent(name + ".yaml"), AssessmentWriter.yaml(d, questionnaire: q), p.respondent))
            }
            if dryRun {
                for f in files { Console.out("Would write \(f.path) (\(Self.who(f.person))).") }
                return Console.out("Dry run: nothing written.")
            }
            try write(files)
        }

        /// Checks every target before writing any, then writes each atomically. Ctrl-C waits for
        /// the file being written and stops after it, saying which files are complete.
        func write(_ files: [(path: String, text: String, person: Respondent)]) throws {
            let fm = FileManager.default
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: output, isDirectory: &isDir), !isDir.boolValue {
                throw UsageProblem(path: output, message: "is a file; --output names the folder the participants' files go into",
                                   exitCode: ExitStatus.cannotCreate)
            }
            let existing = files.map(\.path).filter { fm.fileExists(atPath: $0) }
            if !existing.isEmpty, !force {
                throw UsageProblem(path: output,
                                   message: "already holds \(existing.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")); "
                                            + "pick another --output or add --force", exitCode: ExitStatus.cannotCreate)
            }
            do {
                try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw UsageProblem(path: output,
                                   message: "cannot make the folder (\((error as NSError).localizedFailureReason ?? "permission denied")); "
                                            + "pick another --output", exitCode: ExitStatus.cannotCreate)
            }
            let stop = StopFlag()
            signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            source.setEventHandler { stop.raise() }
            source.resume()
            defer { source.cancel(); signal(SIGINT, SIG_DFL) }
            var written: [String] = []
            for f in files {
                try FileStore().writeAtomically(f.text, to: f.path, force: force)
                written.append(f.path)
                Console.out("Wrote \(f.path) (\(Self.who(f.person))).")
                if stop.raised, written.count < files.count {
                    Console.err("\nStopped after \(written.count) of \(files.count) files; each written file is complete. "
                                + "Run the same command with --force to write them all.")
                    throw ExitCode(130)
                }
            }
            Console.out("Next: maturity workshop merge \((output as NSString).appendingPathComponent("*.yaml")) --output workshop.yaml")
        }

        static func who(_ r: Respondent) -> String { r.name + (r.role.map { ", \($0)" } ?? "") }

        /// A file name from a person's name: "Ana Ruiz" → ana-ruiz.
        static func fileName(_ name: String) -> String {
            let words = SurveyText.plain(name).split(separator: " ").map { String($0).unicodeScalars.filter { $0.isASCII }.map(String.init).joined() }
            let slug = words.filter { !$0.isEmpty }.joined(separator: "-")
            return slug.isEmpty ? "participant" : String(slug.prefix(60))
        }
    }
}

/// Set from a signal handler's queue, read on the main thread between files.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func raise() { lock.lock(); value = true; lock.unlock() }
    var raised: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
