import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

extension Inventory {
    struct Import: ParsableCommand {
        @OptionGroup var language: LanguageOption

        static var configuration: CommandConfiguration { cachedConfiguration }
        /// Built once, on first use, in the run's language (set before the command line is parsed).
        static let cachedConfiguration = CommandConfiguration(
            commandName: "import",
            abstract: L("cli.help.cmd.inventory_import"),
            discussion: """
            Columns are matched by header in any order, ignoring case, spaces and punctuation; extra \
            columns are ignored and named. RPA assessment sheets (frequency, volume per frequency, \
            handling time) and APQC PCF lists are read too. Rows merge by key, then by process name: \
            filled cells update, empty cells keep what was there. A cell that cannot be read is left \
            unknown with a warning (--strict refuses the sheet instead, and nothing is written). What a \
            row leaves unknown takes the questionnaire's assumptions, marked assumed. A row whose name \
            looks like an existing process is held back until you say: --merge-into or --add-as-new. \
            If the assessment does not exist yet, a new one is created.

            Examples:
              maturity inventory import processes.xlsx --into acme.yaml --dry-run
              maturity inventory import processes.csv --into acme.yaml
              maturity inventory import q4.xlsx --sheet Processes --into acme.yaml --replace
              maturity inventory import q4.csv --into acme.yaml --merge-into "Quote preparation=Quote prep"
            """
        )

        @Argument(help: "The spreadsheet: .csv (comma, semicolon or tab) or .xlsx.")
        var file: String

        @Option(name: .long, help: ArgumentHelp("The assessment file to add the processes to (created if it does not exist).", valueName: "assessment.yaml"))
        var into: String

        @Option(name: .long, help: "The sheet to read in an .xlsx workbook (default: the first).")
        var sheet: String?

        @ArgumentParser.Flag(name: .long, help: "Replace the whole inventory instead of merging by name.")
        var replace = false

        @ArgumentParser.Flag(name: .long, help: "Show what would change; write nothing.")
        var dryRun = false

        @Option(name: .long, help: ArgumentHelp("The row that holds the headers, as the spreadsheet numbers it (default: "
                                                + "found by its headers in the first 20 rows).", valueName: "n"))
        var headerRow: Int?

        @ArgumentParser.Flag(name: .long, help: "Read hidden rows and columns too (skipped by default).")
        var includeHidden = false

        @ArgumentParser.Flag(name: .long, help: "Refuse the sheet if any cell cannot be read (default: leave it unknown, with a warning).")
        var strict = false

        @Option(name: .long, help: ArgumentHelp("Merge a row into an existing process: \"Row name=Existing name\", "
                                                + "or just \"Existing name\" for the row flagged as like it. Repeatable.", valueName: "row=existing"))
        var mergeInto: [String] = []

        @Option(name: .long, help: ArgumentHelp("Add this row as a new process even though its name looks like an existing one. Repeatable.",
                                                valueName: "row name"))
        var addAsNew: [String] = []

        @ArgumentParser.Flag(name: .long, help: "Write into the assessment even when its mode makes it read-only.")
        var force = false

        func validate() throws {
            if let headerRow, headerRow < 1 { throw ValidationError("--header-row is a row number, 1 or more") }
            for m in mergeInto where m.split(separator: "=",
                                             omittingEmptySubsequences: false).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("--merge-into \"\(m)\": give \"Row name=Existing name\" or \"Existing name\"")
            }
        }

        func run() throws {
            let store = FileStore()
            let creating = !FileManager.default.fileExists(atPath: into)
            let (draft, questionnaire) = creating ? try Self.skeleton(store: store)
                : try AssessmentLoader.loadDraft(text: try store.readText(into), file: into) { id in
                try store.questionnaire(id: id, near: into)
            }
            let options = ImportOptions(headerRow: headerRow, includeHidden: includeHidden, strict: strict)
            let imported = try InventoryImporter.read(path: file, sheet: sheet, questionnaire: questionnaire, options: options)
            let fileName = (file as NSString).lastPathComponent
            // The cells read with a guess or left unknown are said first, so an error below has its cause beside it.
            for warning in imported.warnings { Console.err(warning) }
            let summary = try merge(imported, into: draft.processes, file: fileName)
            report(imported, summary)
            if dryRun {
                Console.out("Dry run: \(into) not \(creating ? "created" : "changed").")
                return
            }
            if creating {
                try create(draft, questionnaire, summary, store: store)
                return
            }
            // Only the processes block changes: every other line, comments included, stays as it was.
            // The file is read again under its lock and merged there, so a change made meanwhile is kept.
            var written = 0
            var changed = false
            try AssessmentEditor.edit(into, force: force, store: store) { current, q in
                let merged = try merge(imported, into: current.processes, file: fileName)
                changed = merged.processes != current.processes
                current.processes = merged.processes
                written = merged.processes.count
                return ["processes"]
            }
            Console.out(changed ? "Wrote \(into) (\(written) processes)." : "Nothing changed; \(into) left as it was.")
        }

        /// The merge with the user's choices about rows that look like existing processes. A bare
        /// `--merge-into "Existing"` takes the row flagged as like that process.
        func merge(_ imported: ImportedInventory, into processes: [InventoryProcess], file: String) throws -> MergeSummary {
            var pairs: [String: String] = [:], bare: [String] = []
            for m in mergeInto {
                let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 { pairs[parts[0]] = parts[1] } else { bare.append(parts[0]) }
            }
            var choices = MergeChoices(mergeInto: pairs, addAsNew: Set(addAsNew))
            var summary = try InventoryImporter.merge(imported, into: processes, replace: replace, file: file, choices: choices)
            guard !bare.isEmpty else { return summary }
            for target in bare {
                let rows = summary.nearDuplicates.filter { $0.existing.lowercased() == target.lowercased() }
                guard !rows.isEmpty else {
                    throw UsageProblem(path: file,
                                       message: "--merge-into \"\(target)\": no row was flagged as like \"\(target)\"; "
                                                + "name the row too: --merge-into \"Row name=\(target)\"", exitCode: ExitStatus.usage)
                }
                for row in rows { pairs[row.name] = row.existing }
            }
            choices = MergeChoices(mergeInto: pairs, addAsNew: Set(addAsNew))
            summary = try InventoryImporter.merge(imported, into: processes, replace: replace, file: file, choices: choices)
            return summary
        }

        func report(_ imported: ImportedInventory, _ summary: MergeSummary) {
            Console.out("Read \(englishCount(imported.rows.count, "row")) from \(file)\(sheet.map { " (sheet \($0))" } ?? "").")
            Console.out("Columns: " + imported.columns.map { "\($0.header) → \($0.field)" }.joined(separator: ", "))
            if !imported.ignoredColumns.isEmpty { Console.out("Ignored columns: " + imported.ignoredColumns.joined(separator: ", ")) }
            for note in imported.notes {
                if note.hasPrefix("warning: ") { Console.err("\(file): \(note)") } else { Console.out(note + ".") }
            }
            func line(_ label: String, _ names: [String]) {
                // Long lists are summarised: the first ten names and how many more.
                guard !names.isEmpty else { return }
                let shown = names.prefix(10).joined(separator: ", ")
                Console.out("\(label) \(names.count): \(shown)" + (names.count > 10 ? ", and \(names.count - 10) more" : ""))
            }
            line("Added", summary.added)
            line("Updated", summary.updated)
            line("Unchanged", summary.unchanged)
            line("Removed (--replace)", summary.removed)
            if summary.assumedFields > 0 {
                Console.out("Assumed \(englishCount(summary.assumedFields, "field")) the sheet left unknown (the questionnaire's assumed_when_unknown); "
                            + "each is marked assumed in the file and \"(assumed)\" in the report.")
            }
            for d in summary.nearDuplicates {
                Console.err("\((file as NSString).lastPathComponent): row \(d.row): warning: "
                            + L("cli.inventory.near_duplicate", ["name": .text(d.name), "existing": .text(d.existing), "reason": .text(d.reason.message)]))
            }
        }

        /// A new assessment for `--into` a file that does not exist yet: the questionnaire, a
        /// placeholder name and today's date; nothing is asked.
        static func skeleton(store: FileStore) throws -> (Draft, Questionnaire) {
            let q = try store.questionnaire(id: "ai-maturity-manufacturing")
            var d = Draft(questionnaireID: q.id)
            d.name = "Your company"
            d.assessedOn = Assess.today()
            return (d, q)
        }

        func create(_ skeleton: Draft, _ q: Questionnaire, _ summary: MergeSummary, store: FileStore) throws {
            let lock = try FileLock(for: into)
            defer { withExtendedLifetime(lock) {} }
            guard !FileManager.default.fileExists(atPath: into) else {
                throw UsageProblem(path: into, message: "the file appeared while importing; run the import again to merge into it",
                                   exitCode: ExitStatus.cannotCreate)
            }
            var draft = skeleton
            draft.processes = summary.processes
            try store.writeAtomically(AssessmentWriter.yaml(draft, questionnaire: q), to: into)
            Console.out("Wrote \(into) (\(summary.processes.count) processes).")
            Console.err("Created \(into): a new assessment (questionnaire \(q.id), assessed on \(draft.assessedOn?.iso ?? "today")). "
                        + "Fill in organization.name (now \"Your company\") and organization.loaded_hourly_rate (needed to value the processes), "
                        + "then check it: maturity validate \(into)")
        }
    }
}
