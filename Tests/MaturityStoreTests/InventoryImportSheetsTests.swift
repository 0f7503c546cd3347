import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing

/// RPA assessment sheets, APQC lists, cells the import cannot read, and names that look alike.
extension InventoryImportTests {
    func lenient(_ file: String) throws -> ImportedInventory { try read(file) }

    @Test func unreadableCellsAreLeftUnknownWithAWarningAndStrictRefuses() throws {
        let inv = try read("messy-cells.csv")
        #expect(inv.rows.map(\.name) == ["Carrier booking", "Incoming inspection records", "Customs filing", "Complaint logging"])
        #expect(inv.rows.map(\.systemOfRecord) == ["none", "paper", "email", "mes"])
        #expect(inv.rows[0].exceptionShare == 0.075)
        #expect(inv.rows[1].highSeverityErrorsPossible == nil)
        #expect(inv.rows[3].exceptionShare == nil)
        #expect(inv.warnings == [
            "warning: messy-cells.csv: row 2, column \"Exceptions %\": \"5-10%\" is a range; took its midpoint, 7.5%",
            "warning: messy-cells.csv: row 3, column \"Can an error stop the line?\": \"maybe\" is not yes or no; "
            + "expected yes or no (also y/n, true/false, on/off, 1/0, or x for yes); left unknown (--strict refuses the sheet instead)",
            "warning: messy-cells.csv: row 5, column \"Exceptions %\": \"lots\" is not a share; expected a share between 0 and 1, like 0.1 or 10%; "
            + "left unknown (--strict refuses the sheet instead)",
        ])
        #expect(inv.notes.contains { $0.contains("Carrier portals → none (nearest kind: a website an agent reads but cannot write back to)") })
        #expect(inv.notes.contains { $0.contains("CAQ → mes (nearest kind: a quality system on the shop floor)") })
        let strict = problems {
            _ = try InventoryImporter.read(path: "\(Self.dir)/messy-cells.csv", questionnaire: Repo.questionnaire, options: ImportOptions(strict: true))
        }
        #expect(strict.count == 7)
        #expect(strict.first == "messy-cells.csv: row 2, column \"System\": \"Carrier portals\" is not one of erp, mes, crm, spreadsheet, email, paper, none")
        #expect(strict.contains("messy-cells.csv: row 3, column \"System\": \"Paper / scans\" is not one of erp, mes, crm, spreadsheet, email, paper, "
                                + "none (nearly \"paper\")"))
        #expect(strict.contains("messy-cells.csv: row 2, column \"Exceptions %\": \"5-10%\" is not a share; expected a share between 0 and 1, like 0.1 or 10%"))
    }

    /// UiPath Automation Hub's detailed assessment fields (docs.uipath.com/automation-hub/automation-cloud/latest/api-guide/input-for-detailed-assessment).
    @Test func anAutomationHubSheetGivesCasesAndHoursAWeek() throws {
        let inv = try read("rpa-automation-hub.csv")
        #expect(inv.rows.map(\.name) == ["Quote preparation", "Supplier invoice entry", "Month-end accruals", "Customs declarations", "Supplier audit pack"])
        // daily × 5 working days, weekly, monthly ÷ 4.33, quarterly ÷ 13, yearly ÷ 52
        #expect(inv.rows.map(\.volumePerWeek) == [300, 400, 27.71, 30, 1])
        // cases × minutes ÷ 60
        #expect(inv.rows.map(\.hoursPerWeek) == [40, 20, 13.86, 10, 4])
        #expect(inv.rows.map(\.exceptionShare) == [0.1, 0.08, 0.02, 0.075, nil])
        #expect(inv.rows.map(\.inputStructure) == ["semi", "structured", "unstructured", "semi", "unstructured"])
        #expect(inv.rows.map(\.department) == ["Sales", "Finance", "Finance", "Logistics", "Quality"])
        #expect(inv.ignoredColumns == ["% Rule-based", "Application Stability"])
        #expect(inv.warnings.contains("warning: rpa-automation-hub.csv: row 4: 13.86 hours a week, but 3 FTEs are 120 hours; "
                                      + "check the volume, handling time or FTEs (hours were kept)"))
        #expect(!inv.warnings.contains { $0.contains("row 2:") || $0.contains("row 3:") }, "hours that agree with the FTEs are not flagged")
    }

    @Test func aBluePrismSheetReadsHeadersByTheirUnit() throws {
        let inv = try read("rpa-blue-prism.csv")
        #expect(inv.columns.map(\.field) == ["name", "department", "frequency", "volume_per_frequency", "handling_minutes", "ftes",
                                              "exception_share", "structured_share", "hours_per_week"])
        #expect(inv.rows[0].hoursPerWeek == 20, "Current Manual Time (hrs/week) is the hours")
        #expect(inv.rows[0].volumePerWeek == 200)
        #expect(inv.rows[0].exceptionShare == 0.12)
        #expect(inv.rows[1].volumePerWeek == 150, "bi-weekly is half a week's")
        #expect(inv.rows[1].hoursPerWeek == 10)
    }

    @Test func theRPASheetAsAWorkbookReadsTheSame() throws {
        let dir = try temporaryDirectory()
        let csv = try String(contentsOfFile: "\(Self.dir)/rpa-automation-hub.csv", encoding: .utf8)
        var xml = "<worksheet><sheetData>"
        for (r, line) in csv.split(separator: "\n").enumerated() {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !cell.isEmpty {
                let ref = "\(Character(UnicodeScalar(65 + c)!))\(r + 1)"
                if let n = Double(cell) {
                    xml += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                } else {
                    xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(cell.replacingOccurrences(of: "&", with: "&amp;"))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        try makeWorkbook(at: "\(dir)/rpa.xlsx", sheet: xml + "</sheetData></worksheet>")
        let book = try InventoryImporter.read(path: "\(dir)/rpa.xlsx", questionnaire: Repo.questionnaire)
        let sheet = try read("rpa-automation-hub.csv")
        #expect(book.rows == sheet.rows)
    }

    @Test func anAPQCListKeepsItsIdsAndSkipsItsOutline() throws {
        let inv = try read("apqc-pcf.csv")
        #expect(inv.notes.contains("Took row 2 as the header row (the rows above it look like a title); use --header-row N to choose another"))
        #expect(inv.notes.contains("Skipped 3 APQC elements with no hours (categories, process groups, or work not measured yet)"))
        #expect(inv.rows.map(\.name) == ["Review and process invoices", "Process payments", "Respond to AP inquiries"])
        #expect(inv.rows.map(\.key) == ["10759", "10760", "10761"])
        // A re-import updates by key, even after the name was edited in the assessment.
        var first = try InventoryImporter.merge(inv, into: [], replace: false, file: "apqc-pcf.csv").processes
        first[0].name = "AP invoice review"
        let again = try InventoryImporter.merge(inv, into: first, replace: false, file: "apqc-pcf.csv")
        #expect(again.processes.count == 3)
        #expect(again.added.isEmpty)
        #expect(again.processes[0].name == "AP invoice review")
    }

    @Test func aDataCellThatLooksLikeAHeaderIsNotTheHeader() throws {
        let dir = try temporaryDirectory()
        // The first data row holds "Activity" (a header word for the name) and sits above nothing but numbers.
        try "PCF ID,Hierarchy ID,Name,Level,Hours per week\n10760,9.6.2.3,Process payments,Activity,6\n"
            .write(toFile: "\(dir)/pcf.csv", atomically: true, encoding: .utf8)
        let inv = try InventoryImporter.read(path: "\(dir)/pcf.csv", questionnaire: Repo.questionnaire)
        #expect(inv.rows.map(\.name) == ["Process payments"])
    }

    @Test(arguments: [
        ("Quote prep", "Quote preparation"),
        ("Certificates of conformity (CoC)", "CoC / material certs"),
        ("Certificates of conformity", "CoC / material certs"),
        ("Supplier invoices", "Supplier invoice"),
        ("PO entry", "Purchase order entry"),
        ("Month-end close reconciliations", "Month-end close recon"),
    ])
    func nearDuplicateNames(_ a: String, _ b: String) {
        #expect(ProcessNames.similarity(a, b) != nil, "\(a) / \(b)")
    }

    @Test(arguments: [
        ("Supplier follow-up", "Customer follow-up"),
        ("Invoice matching", "Invoice approval"),
        ("Supplier follow-up", "Supplier invoice follow-up"),
        ("Quote prep", "Quality prep"),
        ("Order entry", "Order entry and invoicing"),
        ("CoC archive", "CoC / material certs"),
        ("Freight invoice audit", "Freight booking"),
        ("Customs filing", "Customer filing"),
    ])
    func differentNamesAreNotFlagged(_ a: String, _ b: String) {
        #expect(ProcessNames.similarity(a, b) == nil, "\(a) / \(b): \(String(describing: ProcessNames.similarity(a, b)))")
    }

    @Test func aNearDuplicateIsHeldBackUntilTheUserSays() throws {
        let existing = [InventoryProcess(name: "Quote prep", hoursPerWeek: 40),
                        InventoryProcess(name: "Certificates of conformity (CoC)", hoursPerWeek: 6)]
        let rows = [ProcessRow(row: 2, name: "Quote preparation", hoursPerWeek: 42),
                    ProcessRow(row: 3, name: "CoC / material certs", hoursPerWeek: 5),
                    ProcessRow(row: 4, name: "Freight audit", hoursPerWeek: 8)]
        let held = try InventoryMerge.merge(rows, into: existing, replace: false, file: "x.csv")
        #expect(held.added == ["Freight audit"])
        #expect(held.nearDuplicates.map(\.existing) == ["Quote prep", "Certificates of conformity (CoC)"])
        #expect(held.nearDuplicates[1].reason == .acronym("COC", of: "Certificates of conformity"))
        #expect(held.nearDuplicates[1].reason.message == "\"COC\" stands for \"Certificates of conformity\"")
        let chosen = try InventoryMerge.merge(rows, into: existing, replace: false, file: "x.csv",
                                              choices: MergeChoices(mergeInto: ["quote preparation": "Quote prep"], addAsNew: ["CoC / material certs"]))
        #expect(chosen.updated == ["Quote preparation"])
        #expect(chosen.processes[0].hoursPerWeek == 42)
        #expect(chosen.added == ["CoC / material certs", "Freight audit"])
        #expect(chosen.nearDuplicates.isEmpty)
    }
}
