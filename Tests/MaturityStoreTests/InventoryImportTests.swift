import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing
import ZIPFoundation

@Suite("Importing a process inventory")
struct InventoryImportTests {
    static let dir = Repo.path("Tests/MaturityStoreTests/Fixtures/import")

    func read(_ file: String, sheet: String? = nil, limits: ImportLimits = ImportLimits()) throws -> ImportedInventory {
        try InventoryImporter.read(path: "\(Self.dir)/\(file)", sheet: sheet, questionnaire: Repo.questionnaire, limits: limits)
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let e as ImportFailure {
            return e.problems
        } catch {
            return ["\(error)"]
        }
    }

    @Test func commaCSVWithQuotesNewlinesAndCRLF() throws {
        let inv = try read("comma-crlf.csv")
        #expect(inv.rows.map(\.name) == ["Invoice matching, AP", "Quote prep \"rush\""])
        #expect(inv.rows[0].volumePerWeek == 1500)
        #expect(inv.rows[0].systemOfRecord == "erp")
        #expect(inv.rows[0].exceptionShare == 0.1)
        #expect(inv.rows[0].highSeverityErrorsPossible == false)
        #expect(inv.rows[1].systemOfRecord == "spreadsheet")
        #expect(inv.rows[1].highSeverityErrorsPossible == true)
        #expect(inv.rows[1].ownerCandidate == "Raj\nPatel")
        #expect(inv.rows.map(\.row) == [2, 3])
    }

    @Test func semicolonCSVWithBOMAndDecimalCommas() throws {
        let inv = try read("semicolon-bom.csv")
        let row = try #require(inv.rows.first)
        #expect(row.name == "Invoice matching")
        #expect(row.hoursPerWeek == 1500.5)
        #expect(row.volumePerWeek == 1200)
        #expect(row.exceptionShare == 0.1)
        #expect(inv.columns.map(\.field) == ["name", "hours_per_week", "volume_per_week", "system_of_record", "exception_share"])
    }

    @Test func tabSeparatedCSV() throws {
        let inv = try read("tab.csv")
        #expect(inv.rows.first?.name == "Freight booking")
        #expect(inv.rows.first?.hoursPerWeek == 14)
        #expect(inv.rows.first?.ownerCandidate == "Ana")
    }

    @Test func openpyxlWorkbookByNamedSheet() throws {
        let inv = try read("openpyxl.xlsx", sheet: "Processes")
        #expect(inv.rows.map(\.name) == ["Supplier follow-up", "Customer PO entry", "Qualitätsprüfung Berichte"])
        #expect(inv.rows[0].hoursPerWeek == 30)
        #expect(inv.rows[0].highSeverityErrorsPossible == false)
        #expect(inv.rows[1].hoursPerWeek == 45, "a number stored as text")
        #expect(inv.rows[1].exceptionShare == 0.08)
        #expect(inv.rows[1].volumePerWeek == nil, "openpyxl writes formulas without a cached value: unknown")
        #expect(inv.rows[2].highSeverityErrorsPossible == true)
        #expect(inv.ignoredColumns == ["Reviewed on", "Cost centre"])
    }

    @Test func libreOfficeWorkbookWithSharedStrings() throws {
        let inv = try read("libreoffice.xlsx")
        #expect(inv.rows.map(\.name) == ["Supplier follow-up", "Invoice matching", "Quotes, rush"])
        #expect(inv.rows[1].hoursPerWeek == 1500)
        #expect(inv.rows[1].writeBack == "api")
        #expect(inv.rows[1].exceptionShare == 0.05)
        #expect(inv.rows[2].highSeverityErrorsPossible == true)
    }

    @Test func theFirstSheetIsReadByDefaultAndTheErrorNamesTheOthers() {
        let found = problems { _ = try read("openpyxl.xlsx") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("openpyxl.xlsx: error: no column for Name and Hours per week; the header row (row 1) has \"Inventory on the "
                                       + "next sheet\".") == true)
        #expect(found.first?.hasSuffix("This is the first sheet, \"Read me\"; the workbook also has \"Processes\": choose one with --sheet.") == true)
    }

    @Test func anUnknownSheetListsTheSheets() {
        let found = problems { _ = try read("openpyxl.xlsx", sheet: "Inventory") }
        #expect(found == ["\(Self.dir)/openpyxl.xlsx: error: no sheet named \"Inventory\"; the sheets are: Read me, Processes"])
    }

    @Test func everyBadCellIsReportedWithRowColumnValueAndExpectation() throws {
        let dir = try temporaryFolder()
        let csv = "Name,Hours per week,Exception share,System of record,High severity errors possible\nA,lots,150%,Mainframe,maybe\n,3,0.1,erp,no\n"
                  + "A,2,0.1,erp,no\n"
        try csv.write(toFile: "\(dir)/bad.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/bad.csv", questionnaire: Repo.questionnaire, options: ImportOptions(strict: true)) }
        #expect(found == [
            "bad.csv: row 2, column \"Hours per week\": \"lots\" is not a number; expected hours per week, like 12.5",
            "bad.csv: row 2, column \"Exception share\": \"150%\" is outside 0 to 1; expected a share like 0.1, or a percent like 10%",
            "bad.csv: row 2, column \"System of record\": \"Mainframe\" is not one of erp, mes, crm, spreadsheet, email, paper, none",
            "bad.csv: row 2, column \"High severity errors possible\": \"maybe\" is not yes or no; expected yes or no (also y/n, true/false, on/off, 1/0, "
            + "or x for yes)",
            "bad.csv: row 3, column \"Name\": the process name is empty; every row needs one",
            "bad.csv: row 4, column \"Name\": \"A\" repeats row 2; give each process one row",
        ])
    }

    @Test func aMissingRequiredColumnListsTheExpectedHeaders() throws {
        let dir = try temporaryFolder()
        try "Process,Owner\nA,B\n".write(toFile: "\(dir)/x.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/x.csv", questionnaire: Repo.questionnaire) }
        #expect(found.first?.hasPrefix("x.csv: error: no column for Hours per week; the header row (row 1) has \"Process\", \"Owner\". Expected headers: Name, "
                                       + "Department, Side, Hours per week,") == true)
    }

    /// The template's headers come from the field ids; the list is what users' files carry, so it must not move.
    @Test func theTemplateHeadersAreTheFieldIdsInWords() {
        #expect(InventoryImporter.templateHeaders == [
            "Name", "Department", "Side", "Hours per week", "Volume per week", "System of record", "Write back",
            "Input structure", "Exception share", "High severity errors possible", "Owner candidate",
            "Downtime hours per year", "Cost per downtime hour", "Scrap cost per year",
        ])
    }

    @Test(arguments: [
        ("fake.xlsx", "not a valid .xlsx workbook (it is not a zip archive)"),
        ("binary.csv", "the file holds binary data, not CSV text"),
    ])
    func aFileThatIsNotWhatItsExtensionSaysIsRefused(file: String, message: String) {
        let found = problems { _ = try read(file) }
        #expect(found.count == 1)
        #expect(found.first?.contains(message) == true, "\(found)")
    }

    @Test func anXLSXMadeOfAZipBombIsRefusedBeforeItFillsMemory() throws {
        let dir = try temporaryFolder()
        let rows = String(repeating: "<row><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>", count: 60_000)
        try makeWorkbook(at: "\(dir)/bomb.xlsx", sheet: "<worksheet><sheetData>\(rows)</sheetData></worksheet>")
        var limits = ImportLimits()
        limits.maxPartBytes = 1_000_000
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/bomb.xlsx", questionnaire: Repo.questionnaire, limits: limits) }
        #expect(found == ["\(dir)/bomb.xlsx: error: the part xl/worksheets/sheet1.xml unpacks to more than 1 MB; "
                          + "refusing it (a zip bomb, or a sheet far larger than an inventory)"])
    }

    @Test func anEntityBombIsRefused() throws {
        let dir = try temporaryFolder()
        let sheet = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """
        try makeWorkbook(at: "\(dir)/entities.xlsx", sheet: sheet)
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/entities.xlsx", questionnaire: Repo.questionnaire) }
        #expect(found == ["\(dir)/entities.xlsx: error: the part xl/worksheets/sheet1.xml declares a DTD or entities, which workbooks never need; refusing it"])
    }

    @Test func mergeUpdatesByNameKeepsWhatEmptyCellsLeaveAndAddsTheRest() throws {
        let existing = [InventoryProcess(name: "Supplier follow-up", department: "Purchasing", hoursPerWeek: 30, volumePerWeek: 400, ownerCandidate: "Sam")]
        let inv = try read("comma-crlf.csv")
        var rows = inv
        rows.rows.append(ProcessRow(row: 4, name: "supplier FOLLOW-UP", hoursPerWeek: 35))
        let merged = try InventoryImporter.merge(rows, into: existing, replace: false, file: "x.csv")
        #expect(merged.added == ["Invoice matching, AP", "Quote prep \"rush\""])
        #expect(merged.updated == ["supplier FOLLOW-UP"])
        #expect(merged.processes[0].hoursPerWeek == 35)
        #expect(merged.processes[0].volumePerWeek == 400, "an empty cell keeps the value")
        #expect(merged.processes[0].ownerCandidate == "Sam")
        let replaced = try InventoryImporter.merge(inv, into: existing, replace: true, file: "x.csv")
        #expect(replaced.removed == ["Supplier follow-up"])
        #expect(replaced.processes.count == 2)
    }

    @Test func numbersAsPeopleTypeThem() {
        let cases: [(String, NumberStyleCase, Double?)] = [
            ("1,500", .point, 1500), ("$1,500.50", .point, 1500.5), ("1 500", .point, 1500), ("12 h", .point, 12),
            ("3,5", .point, 3.5), ("1.500,5", .comma, 1500.5), ("1 200", .comma, 1200), ("0,1", .comma, 0.1),
            ("€ 85.000", .comma, 85000), ("lots", .point, nil), ("1,2,3", .point, 123),
        ]
        for (text, style, expected) in cases {
            #expect(InventoryImporter.testNumber(text, decimalComma: style == .comma) == expected, "\(text)")
        }
    }

    enum NumberStyleCase { case point, comma }

    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func csv(_ text: String, options: ImportOptions = ImportOptions()) throws -> ImportedInventory {
        let dir = try temporaryFolder()
        try text.write(toFile: "\(dir)/p.csv", atomically: true, encoding: .utf8)
        return try InventoryImporter.read(path: "\(dir)/p.csv", questionnaire: Repo.questionnaire, options: options)
    }

    @Test(arguments: ["TOTAL", "Total", "Grand total", "Subtotal", "Summe", "Gesamt", "Suma", "Somme", "Sous-total", "Totals:"])
    func totalsRowsAreSkippedAndReported(_ name: String) throws {
        let inv = try csv("Name,Hours per week\nQuotes,40\nOrders,20\n\(name),99\n")
        #expect(inv.rows.map(\.name) == ["Quotes", "Orders"])
        #expect(inv.notes.contains { $0.hasPrefix("Skipped a totals row: row 4") })
    }

    @Test func aRowThatSumsTheRowsAboveIsATotal() throws {
        let inv = try csv("Name,Hours per week\nQuotes,40\nOrders,20\nAll office work,60\n")
        #expect(inv.rows.map(\.name) == ["Quotes", "Orders"])
    }

    @Test func theHeaderRowIsFoundBelowATitle() throws {
        let inv = try csv("Process inventory,,\nFinance,,\n\nName,Hours per week,System\nQuotes,40,erp\n")
        #expect(inv.rows.map(\.name) == ["Quotes"])
        #expect(inv.rows.first?.row == 5)
        #expect(inv.notes.first == "Took row 4 as the header row (the rows above it look like a title); use --header-row N to choose another")
        let chosen = try csv("Name,Hours per week\nQuotes,40\nName,Hours per week\nOrders,30\n", options: ImportOptions(headerRow: 3))
        #expect(chosen.rows.map(\.name) == ["Orders"])
    }

    @Test(arguments: [("Hrs/wk", "hours_per_week"), ("Hours/wk", "hours_per_week"), ("Weekly hrs", "hours_per_week"),
                      ("Transactions/wk", "volume_per_week"), ("Txns per week", "volume_per_week"), ("Error rate", "exception_share"),
                      ("Responsible", "owner_candidate"), ("Exceptions %", "exception_share")])
    func headersAsPeopleWriteThem(header: String, field: String) throws {
        let value = field == "exception_share" && !header.contains("%") ? "0.3" : "30"
        let inv = field == "hours_per_week"
            ? try csv("Name,\(header)\nQuotes,\(value)\n")
            : try csv("Name,Hours per week,\(header)\nQuotes,40,\(value)\n")
        #expect(inv.columns.contains { $0.header == header && $0.field == field }, "\(inv.columns)")
    }

    @Test func aColumnThatLooksLikeAFieldIsAWarningWithTheClosest() throws {
        let inv = try csv("Name,Hours per week,Volume per wek\nQuotes,40,100\n")
        #expect(inv.notes.contains("warning: column \"Volume per wek\" is not imported; it looks like \"Volume per week\". Rename the header to import it"))
    }

    @Test func valuesAsFinancePeopleWriteThem() throws {
        let inv = try csv("Name,Hours per week,Volume per week,System,Exceptions %,Owner\nQuotes,40,TBD,Epicor 10,30,?\nOrders,20,n/a,Salesforce,12.5%,Dana\n")
        #expect(inv.rows[0].volumePerWeek == nil && inv.rows[0].ownerCandidate == nil)
        #expect(inv.rows[0].systemOfRecord == "erp" && inv.rows[1].systemOfRecord == "crm")
        #expect(inv.rows[0].exceptionShare == 0.3 && inv.rows[1].exceptionShare == 0.125)
        #expect(inv.notes.contains("Read product names as systems: Epicor 10 → erp"))
    }

    @Test func aWindows1252CSVIsReadAndSaysSo() throws {
        let dir = try temporaryFolder()
        try Data("Name,Hours per week\nCaf\u{E9} orders,12\n".data(using: .windowsCP1252)!).write(to: URL(fileURLWithPath: "\(dir)/w.csv"))
        let inv = try InventoryImporter.read(path: "\(dir)/w.csv", questionnaire: Repo.questionnaire)
        #expect(inv.rows.first?.name == "Café orders")
        #expect(inv.notes.first?.contains("read it as Windows-1252") == true)
    }

    @Test func anODSFileIsToldWhatToSaveAs() throws {
        let dir = try temporaryFolder()
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(dir)/p.ods"))
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/p.ods", questionnaire: Repo.questionnaire) }
        #expect(found == ["\(dir)/p.ods: error: OpenDocument sheets (.ods) are not read; save it as .xlsx or as CSV UTF-8"])
    }

    @Test func hiddenRowsAndColumnsAreSkippedUnlessAskedFor() throws {
        let dir = try temporaryFolder()
        try makeWorkbook(at: "\(dir)/hidden.xlsx", sheet: """
            <worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Hours per week</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>Hours per week</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>Quotes</t></is></c><c r="B2"><v>99</v></c><c r="C2"><v>40</v></c></row>\
            <row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>Old row</t></is></c><c r="B3"><v>1</v></c><c r="C3"><v>5</v></c></row>\
            </sheetData></worksheet>
            """)
        let inv = try InventoryImporter.read(path: "\(dir)/hidden.xlsx", questionnaire: Repo.questionnaire)
        #expect(inv.rows.map(\.name) == ["Quotes"])
        #expect(inv.rows.first?.hoursPerWeek == 40, "the visible column wins over the hidden stale one")
        #expect(inv.notes.contains("Skipped hidden column: Hours per week (--include-hidden reads them)"))
        #expect(inv.notes.contains("Skipped 1 hidden row (--include-hidden reads them)"))
        let all = try InventoryImporter.read(path: "\(dir)/hidden.xlsx", questionnaire: Repo.questionnaire, options: ImportOptions(includeHidden: true))
        #expect(all.rows.map(\.name) == ["Quotes", "Old row"])
    }

    @Test func aDecisionLogIsReadFromAWorkbookWithExcelDates() throws {
        let dir = try temporaryFolder()
        // 46335.375 is 2026-11-09 09:00 as Excel counts days.
        try makeWorkbook(at: "\(dir)/log.xlsx", sheet: """
            <worksheet><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>Case</t></is></c><c r="B1" t="inlineStr"><is><t>Timestamp</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>Mode</t></is></c><c r="D1" t="inlineStr"><is><t>Correct</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>c1</t></is></c><c r="B2"><v>46335.375</v></c>\
            <c r="C2" t="inlineStr"><is><t>auto</t></is></c><c r="D2" t="inlineStr"><is><t>yes</t></is></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>c2</t></is></c><c r="B3"><v>46335.5</v></c>\
            <c r="C3" t="inlineStr"><is><t>auto</t></is></c><c r="D3" t="inlineStr"><is><t>no</t></is></c></row>\
            </sheetData></worksheet>
            """)
        let log = try DecisionLogReader.read(path: "\(dir)/log.xlsx", agent: nil)
        #expect(log.cases.map(\.caseID) == ["c1", "c2"])
        #expect(log.cases.map(\.correct) == [true, false])
        #expect(log.cases.first?.day.iso == "2026-11-09")
        #expect(log.cases.first.map { $0.at % 1440 } == 9 * 60)
    }

    /// Found by FuzzXLSX: a part whose deflate stream runs to the end of the file used to spin
    /// the zip reader forever; it is now read from exactly its own bytes and refused.
    @Test func aPartThatRunsPastTheEndOfTheFileIsRefused() throws {
        let file = Repo.path("Tests/MaturityStoreTests/Fixtures/import/fuzz-styles-past-end.xlsx")
        let found = problems { _ = try InventoryImporter.read(path: file, questionnaire: Repo.questionnaire) }
        #expect(found == ["\(file): error: not a valid .xlsx workbook (the part xl/styles.xml ends before its data does); "
                          + "save it from Excel or LibreOffice as .xlsx, or export CSV"])
    }

    @Test func aCellReferencePastTheLastColumnIsRefused() throws {
        let dir = try temporaryFolder()
        try makeWorkbook(at: "\(dir)/far.xlsx", sheet: """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Hours per week</t></is></c></row>\
            <row r="2"><c r="ZZZZZZZ99999999" t="inlineStr"><is><t>Quote prep</t></is></c></row></sheetData></worksheet>
            """)
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/far.xlsx", questionnaire: Repo.questionnaire) }
        #expect(found == ["\(dir)/far.xlsx: error: cell reference \"ZZZZZZZ99999999\" is outside any worksheet (columns A to XFD, rows 1 to 1,048,576); "
                          + "the file is damaged: open and save it again"])
    }

    @Test func aSharedStringPastTheTableIsRefusedNamingTheCell() throws {
        let dir = try temporaryFolder()
        try makeWorkbook(at: "\(dir)/shared.xlsx", sheet: """
            <worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2"><v>40</v></c></row></sheetData></worksheet>
            """, sharedStrings: ["Name", "Hours per week"])
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/shared.xlsx", questionnaire: Repo.questionnaire) }
        #expect(found == ["\(dir)/shared.xlsx: error: cell A2 points at shared string \"99\", but the workbook has 2 shared strings; "
                          + "the file is damaged: open and save it again in Excel or LibreOffice"])
    }

    /// One value at column XFD on every row must not make each row 16,384 cells wide: the far
    /// cells are left out and the inventory reads as usual.
    @Test func aStrayCellAtColumnXFDIsLeftOut() throws {
        let dir = try temporaryFolder()
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Hours per week</t></is></c>"
            + "<c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
        for r in 2...2001 {
            rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>Process \(r)</t></is></c><c r=\"B\(r)\"><v>\(r % 40 + 1)</v></c>"
                + "<c r=\"XFD\(r)\"><v>1</v></c></row>"
        }
        try makeWorkbook(at: "\(dir)/far.xlsx", sheet: "<worksheet><sheetData>\(rows)</sheetData></worksheet>")
        let inv = try InventoryImporter.read(path: "\(dir)/far.xlsx", questionnaire: Repo.questionnaire)
        #expect(inv.rows.count == 2000)
        #expect(inv.rows.first?.hoursPerWeek == 3)
    }

    /// A shared-strings table of more than 10 MB (long notes in a big inventory) is read, not
    /// refused as "not well-formed" by libxml2's single-chunk limit.
    @Test func aSharedStringTableOverTenMegabytesIsRead() throws {
        let dir = try temporaryFolder()
        let note = String(repeating: "a long note about the process, ", count: 8)
        let strings = ["Name", "Hours per week", "Notes"] + (0..<50_000).map { "Process \($0)" } + (0..<50_000).map { "\(note)\($0)" }
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
        rows += "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\"><v>12</v></c></row>"
        try makeWorkbook(at: "\(dir)/big.xlsx", sheet: "<worksheet><sheetData>\(rows)</sheetData></worksheet>", sharedStrings: strings)
        let inv = try InventoryImporter.read(path: "\(dir)/big.xlsx", questionnaire: Repo.questionnaire)
        #expect(inv.rows.map(\.name) == ["Process 0"])
    }

    /// A cell longer than any spreadsheet allows (a small file that unpacks to one huge string) is
    /// refused while it streams, naming the cell, before it fills memory.
    @Test func aCellLongerThanAnySpreadsheetAllowsIsRefusedNamingIt() throws {
        let dir = try temporaryFolder()
        let huge = String(repeating: "x", count: 2_000_000)
        try makeWorkbook(at: "\(dir)/huge.xlsx", sheet: """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Hours per week</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>\(huge)</t></is></c><c r="B2"><v>4</v></c></row></sheetData></worksheet>
            """)
        let found = problems { _ = try InventoryImporter.read(path: "\(dir)/huge.xlsx", questionnaire: Repo.questionnaire) }
        #expect(found == ["\(dir)/huge.xlsx: error: cell A2 is longer than any spreadsheet cell (32,767 characters); "
                          + "the file is damaged or not a real workbook"])
        try makeWorkbook(at: "\(dir)/shared.xlsx", sheet: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
                         sharedStrings: ["Name", huge])
        let shared = problems { _ = try InventoryImporter.read(path: "\(dir)/shared.xlsx", questionnaire: Repo.questionnaire) }
        #expect(shared == ["\(dir)/shared.xlsx: error: shared string 1 is longer than any spreadsheet cell (32,767 characters); "
                           + "the file is damaged or not a real workbook"])
    }

    /// A minimal workbook whose first sheet is `sheet`.
    func makeWorkbook(at path: String, sheet: String, sharedStrings: [String]? = nil) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        var parts = [
            "xl/workbook.xml": "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" "
                               + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": sheet,
        ]
        if let sharedStrings {
            parts["xl/sharedStrings.xml"] = "<sst>" + sharedStrings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        }
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}

/// Text exports that are not plain UTF-8 with newlines.
@Suite("CSV as other programs write it")
struct CSVEncodingTests {
    func write(_ data: Data, _ name: String) throws -> String {
        let dir = try temporaryDirectory()
        let path = "\(dir)/\(name)"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Excel's "Unicode Text (*.txt)" and "UTF-16 CSV": little-endian UTF-16 with a byte-order mark, tab-separated.
    @Test func utf16WithAByteOrderMarkIsReadAndSaid() throws {
        let text = "Name\tHours per week\tVolume per week\nQuote prep\t40\t300\nSupplier follow-up\t25\t400\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian) ?? Data())
        let inv = try InventoryImporter.read(path: try write(data, "unicode.csv"), questionnaire: Repo.questionnaire)
        #expect(inv.rows.map(\.name) == ["Quote prep", "Supplier follow-up"])
        #expect(inv.rows.first?.hoursPerWeek == 40)
        #expect(inv.notes.contains { $0.contains("UTF-16") })
    }

    /// Excel for Mac's plain CSV ends lines with a bare carriage return.
    @Test func carriageReturnOnlyLinesAreLines() throws {
        let text = "Name,Hours per week,Volume per week\rQuote prep,40,300\rSupplier follow-up,25,400\r"
        let inv = try InventoryImporter.read(path: try write(Data(text.utf8), "mac.csv"), questionnaire: Repo.questionnaire)
        #expect(inv.rows.map(\.name) == ["Quote prep", "Supplier follow-up"])
        #expect(inv.rows.map(\.volumePerWeek) == [300, 400])
    }
}
