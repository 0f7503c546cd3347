import ArgumentParser
import Foundation
import MaturityCore
import MaturityStore

struct Inventory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a process inventory in from a spreadsheet (CSV or .xlsx).",
        subcommands: [Import.self, Template.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import processes from a CSV or .xlsx file into an assessment.",
            discussion: """
            Columns are matched by header in any order, ignoring case, spaces and punctuation; extra \
            columns are ignored and named. Rows merge by process name: filled cells update, empty cells \
            keep what was there. If any cell is bad, nothing is imported and the file is left as it was.

            Examples:
              maturity inventory import processes.xlsx --into acme.yaml --dry-run
              maturity inventory import processes.csv --into acme.yaml
              maturity inventory import q4.xlsx --sheet Processes --into acme.yaml --replace
            """
        )

        @Argument(help: "The spreadsheet: .csv (comma, semicolon or tab) or .xlsx.")
        var file: String

        @Option(name: .long, help: ArgumentHelp("The assessment file to add the processes to.", valueName: "assessment.yaml"))
        var into: String

        @Option(name: .long, help: "The sheet to read in an .xlsx workbook (default: the first).")
        var sheet: String?

        @ArgumentParser.Flag(name: .long, help: "Replace the whole inventory instead of merging by name.")
        var replace = false

        @ArgumentParser.Flag(name: .long, help: "Show what would change; write nothing.")
        var dryRun = false

        @Option(name: .long, help: ArgumentHelp("The row that holds the headers, as the spreadsheet numbers it (default: found in the first 20 rows).", valueName: "n"))
        var headerRow: Int?

        @ArgumentParser.Flag(name: .long, help: "Read hidden rows and columns too (skipped by default).")
        var includeHidden = false

        @ArgumentParser.Flag(name: .long, help: "Write into the assessment even when its mode makes it read-only.")
        var force = false

        func validate() throws {
            if let headerRow, headerRow < 1 { throw ValidationError("--header-row is a row number, 1 or more") }
        }

        func run() throws {
            let store = FileStore()
            let (draft, questionnaire) = try AssessmentLoader.loadDraft(text: try store.readText(into), file: into) { id in
                try store.questionnaire(id: id, near: into)
            }
            let options = ImportOptions(headerRow: headerRow, includeHidden: includeHidden)
            let imported = try InventoryImporter.read(path: file, sheet: sheet, questionnaire: questionnaire, options: options)
            let summary = try InventoryImporter.merge(imported, into: draft.processes, replace: replace, file: (file as NSString).lastPathComponent)
            Console.out("Read \(Words.count(imported.rows.count, "row")) from \(file)\(sheet.map { " (sheet \($0))" } ?? "").")
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
            if dryRun {
                Console.out("Dry run: \(into) not changed.")
                return
            }
            // Only the processes block changes: every other line, comments included, stays as it was.
            // The file is read again under its lock and merged there, so a change made meanwhile is kept.
            var written = 0
            try AssessmentEditor.edit(into, force: force, store: store) { current, q in
                let merged = try InventoryImporter.merge(imported, into: current.processes, replace: replace, file: (file as NSString).lastPathComponent)
                current.processes = merged.processes
                written = merged.processes.count
                return ["processes"]
            }
            Console.out("Wrote \(into) (\(written) processes).")
        }
    }

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a CSV with the expected headers and one example row.",
            discussion: """
            Example:
              maturity inventory template --output processes.csv
            """
        )

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            let text = InventoryImporter.templateCSV()
            guard let output else { return Console.out(text, terminator: "") }
            if FileManager.default.fileExists(atPath: output) {
                throw UsageProblem(path: output, message: "the file already exists; pick another --output", exitCode: ExitStatus.cannotCreate)
            }
            try FileStore().writeAtomically(text, to: output)
            Console.err("Wrote \(output)")
        }
    }
}
