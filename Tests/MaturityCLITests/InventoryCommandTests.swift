import Foundation
import MaturityTestSupport
import Testing

@Suite("maturity inventory")
struct InventoryCommandTests {
    static let fixtures = Repo.path("Tests/MaturityStoreTests/Fixtures/import")

    func assessment() throws -> String {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml"), toPath: "\(dir)/acme.yaml")
        return dir
    }

    @Test func importMergesAndSaysWhatChanged() throws {
        let dir = try assessment()
        let run = try Binary.run(["inventory", "import", "\(Self.fixtures)/libreoffice.xlsx", "--into", "acme.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Read 3 rows from \(Self.fixtures)/libreoffice.xlsx.\n"))
        #expect(run.stdout.contains("Added 2: Invoice matching, Quotes, rush\n"))
        // The same figures, now stated by the sheet where the interview had assumed them.
        #expect(run.stdout.contains("Updated 1: Supplier follow-up\n"))
        #expect(run.stdout.contains("Wrote acme.yaml (4 processes).\n"))
        let text = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        #expect(text.contains("  - name: Quotes, rush\n    side: office\n    hours_per_week: 12.5\n"))
        let validate = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(validate.status == 0)
    }

    @Test func dryRunAndBadCellsLeaveTheFileByteForByte() throws {
        let dir = try assessment()
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/acme.yaml"))
        let dry = try Binary.run(["inventory", "import", "\(Self.fixtures)/comma-crlf.csv", "--into", "acme.yaml", "--dry-run"], in: dir)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasSuffix("Dry run: acme.yaml not changed.\n"))
        try "Name,Hours per week\nGood row,10\nBad row,ten\n".write(toFile: "\(dir)/bad.csv", atomically: true, encoding: .utf8)
        let bad = try Binary.run(["inventory", "import", "bad.csv", "--into", "acme.yaml", "--strict"], in: dir)
        #expect(bad.status == 65)
        #expect(bad.stderr == "bad.csv: row 3, column \"Hours per week\": \"ten\" is not a number; expected hours per week, like 12.5\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/acme.yaml")) == before)
        // Without --strict the cell is left unknown, but a new process cannot be added without its hours.
        let lenient = try Binary.run(["inventory", "import", "bad.csv", "--into", "acme.yaml"], in: dir)
        #expect(lenient.status == 65)
        #expect(lenient.stderr == """
            warning: bad.csv: row 3, column "Hours per week": "ten" is not a number; expected hours per week, like 12.5; \
            left unknown (--strict refuses the sheet instead)
            bad.csv: row 3, column "hours per week": empty or unreadable; a new process needs its hours per week, like 12.5

            """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/acme.yaml")) == before)
    }

    @Test func templateHasTheHeadersTheImporterExpects() throws {
        let dir = try assessment()
        let made = try Binary.run(["inventory", "template", "--output", "processes.csv"], in: dir)
        #expect(made.status == 0)
        let header = try String(contentsOfFile: "\(dir)/processes.csv", encoding: .utf8).split(separator: "\n").first
        #expect(header == """
            Name,Department,Side,Hours per week,Volume per week,System of record,Write back,Input structure,Exception share,High severity \
            errors possible,Owner candidate,Downtime hours per year,Cost per downtime hour,Scrap cost per year
            """)
        let run = try Binary.run(["inventory", "import", "processes.csv", "--into", "acme.yaml"], in: dir)
        #expect(run.status == 0)
        // The example row is the design's process; it states what the interview had assumed.
        #expect(run.stdout.contains("Updated 1: Supplier follow-up\n"), "the example row is the same process as the design's")
        let again1 = try Binary.run(["inventory", "import", "processes.csv", "--into", "acme.yaml"], in: dir)
        #expect(again1.stdout.contains("Unchanged 1: Supplier follow-up\n"))
        let again = try Binary.run(["inventory", "template", "--output", "processes.csv"], in: dir)
        #expect(again.status == 73)
    }

    @Test func theInterviewOffersTheImportAtTheInventory() throws {
        let dir = try temporaryDirectory()
        let answers = try String(contentsOfFile: Repo.path("Tests/MaturityCLITests/Fixtures/interview-answers.txt"), encoding: .utf8)
            .components(separatedBy: "\n").prefix(35)
        // A path as a terminal pastes a dragged file: quoted, with its spaces kept.
        try FileManager.default.createDirectory(atPath: "\(dir)/My Sheets", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(Self.fixtures)/openpyxl.xlsx", toPath: "\(dir)/My Sheets/q4 inventory.xlsx")
        let keys = Array(answers) + ["import missing.csv", "import '\(dir)/My Sheets/q4 inventory.xlsx' --sheet Processes", "done", "", ""]
        let run = try Binary.run(["assess", "--output", "a.yaml"], in: dir, stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  Nothing imported: missing.csv: error: no such file; check the path\n"))
        #expect(run.stdout.contains("  Imported 3 rows: 3 added, 0 updated, 0 unchanged.\n"))
        let saved = try String(contentsOfFile: "\(dir)/a.yaml", encoding: .utf8)
        #expect(saved.contains("  - name: Qualitätsprüfung Berichte\n    department: Qualität\n"))
    }

    @Test func importChangesOnlyTheProcessesBlockAndKeepsComments() throws {
        let dir = try temporaryDirectory()
        var text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "assessed_on: 2026-11-20", with: "# the plant visit\nassessed_on: 2026-11-20   # keep me")
        text = text.replacingOccurrences(of: "organization: {name: Acme Castings,", with: "organization: {name: 'Acme Castings',")
        try text.write(toFile: "\(dir)/acme.yaml", atomically: true, encoding: .utf8)
        try "Name,Hours per week\nInvoice posting,12\n".write(toFile: "\(dir)/p.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["inventory", "import", "p.csv", "--into", "acme.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        let before = text.components(separatedBy: "\nprocesses:")[0]
        #expect(after.hasPrefix(before), "every line above the processes block is byte for byte the same")
        #expect(after.contains("  - name: Invoice posting\n"))
        #expect(try Binary.run(["validate", "acme.yaml"], in: dir).status == 0)
    }
}

/// Import into a file that does not exist yet, near-duplicates and what the report says was assumed.
@Suite("maturity inventory import, new files and near-duplicates")
struct InventoryImportNewFileTests {
    static let fixtures = Repo.path("Tests/MaturityStoreTests/Fixtures/import")

    @Test func intoAFileThatDoesNotExistCreatesASkeleton() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["inventory", "import", "\(Self.fixtures)/rpa-automation-hub.csv", "--into", "new.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Added 5: Quote preparation, Supplier invoice entry, Month-end accruals, Customs declarations, Supplier audit pack\n"))
        #expect(run.stdout.contains("Assumed 6 fields the sheet left unknown"))
        #expect(run.stderr.contains("Created new.yaml: a new assessment (questionnaire ai-maturity-manufacturing, assessed on "))
        let text = try String(contentsOfFile: "\(dir)/new.yaml", encoding: .utf8)
        #expect(text.hasPrefix("version: 1\nquestionnaire: ai-maturity-manufacturing\norganization: {name: Your company}\nassessed_on: "))
        let validate = try Binary.run(["validate", "new.yaml"], in: dir)
        #expect(validate.status == 65)
        #expect(validate.stderr == "new.yaml:3: error: organization.loaded_hourly_rate is missing; processes are valued with it (a loaded cost per staff hour, "
                                   + "like 48)\n")
        // Filled in, it validates and the report says what was assumed.
        try text.replacingOccurrences(of: "{name: Your company}", with: "{name: Acme, loaded_hourly_rate: 48}").write(toFile: "\(dir)/new.yaml",
            atomically: true, encoding: .utf8)
        #expect(try Binary.run(["validate", "new.yaml"], in: dir).status == 0)
        let report = try Binary.run(["report", "new.yaml", "--format", "json"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"no (assumed)\""), "the feasibility factor says the answer was assumed")
    }

    @Test func aNearDuplicateIsFlaggedOnImportAndInValidate() throws {
        let dir = try temporaryDirectory()
        try "Name,Hours per week,Volume per week,System\nQuote prep,40,300,ERP\n".write(toFile: "\(dir)/a.csv", atomically: true, encoding: .utf8)
        try "Name,Hours per week,Volume per week,System\nQuote preparation,42,300,ERP\n".write(toFile: "\(dir)/b.csv", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["inventory", "import", "a.csv", "--into", "acme.yaml"], in: dir).status == 0)
        let held = try Binary.run(["inventory", "import", "b.csv", "--into", "acme.yaml"], in: dir)
        #expect(held.status == 0)
        #expect(held.stderr.contains("b.csv: row 2: warning: \"Quote preparation\" looks like \"Quote prep\" (the same words once abbreviations are written "
                                     + "out); not added. Merge it with --merge-into \"Quote preparation=Quote prep\", "
                                     + "or keep both with --add-as-new \"Quote preparation\""))
        let merged = try Binary.run(["inventory", "import", "b.csv", "--into", "acme.yaml", "--merge-into", "Quote prep"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("Updated 1: Quote preparation\n"))
        let text = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        #expect(text.contains("  - name: Quote prep\n    side: office\n    hours_per_week: 42\n"))
        let both = try Binary.run(["inventory", "import", "b.csv", "--into", "acme.yaml", "--add-as-new", "Quote preparation"], in: dir)
        #expect(both.stdout.contains("Added 1: Quote preparation\n"))
        try (try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)).replacingOccurrences(of: "{name: Your company}",
            with: "{name: Acme, loaded_hourly_rate: 48}")
            .write(toFile: "\(dir)/acme.yaml", atomically: true, encoding: .utf8)
        let validate = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("warning: processes[1].name \"Quote preparation\" looks like the process \"Quote prep\" (the same words once "
                                         + "abbreviations are written out)"))
    }
}
