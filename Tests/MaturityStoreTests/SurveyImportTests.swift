import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing
import ZIPFoundation

/// A survey's cells read as answers the way the interview reads typed ones.
@Suite("Survey cells and columns")
struct SurveyImportTests {
    static func question(_ id: String) throws -> Question { try #require(Repo.questionnaire.question(id)) }

    @Test(arguments: [("Nobody uses them for work", "none"), ("nobody uses them for work.", "none"), ("Ad-hoc", "ad_hoc"),
                      ("SOME PEOPLE USE THEM ON THEIR OWN", "ad_hoc"), ("3", "standardized"),
                      ("Licensed, trained, and part of how the team works!", "standardized"),
                      ("Some people use them on their own (mostly ChatGPT)", "ad_hoc")])
    func aChoiceByItsLabelOrValue(_ cell: String, _ value: String) throws {
        #expect(SurveyCell.read(cell, for: try Self.question("staff_ai_tools"), decimalComma: false) == .answer(.choice(value), note: nil))
    }

    @Test func checkboxTicksKeepTheLeastMatureAndSaySo() throws {
        let reading = SurveyCell.read("Licensed, trained and part of how the team works, Some people use them on their own",
                                      for: try Self.question("staff_ai_tools"), decimalComma: false)
        guard case .answer(.choice("ad_hoc"), let note?) = reading else {
            Issue.record("read as \(reading)")
            return
        }
        #expect(note.hasPrefix("2 choices ticked"))
    }

    @Test(arguments: [("Yes", true), ("no", false), ("TRUE", true), ("Ja", true), ("Nein", false), ("Yes, monthly", true),
                      ("No, not yet", false), ("y", true), ("0", false)])
    func yesOrNoAsPeopleWriteIt(_ cell: String, _ yes: Bool) throws {
        #expect(SurveyCell.read(cell, for: try Self.question("tool_gains_measured"), decimalComma: false) == .answer(.yesNo(yes), note: nil))
    }

    @Test(arguments: ["", "  ", "Not sure", "don't know", "N/A", "?", "-"])
    func notKnowingIsUnknown(_ cell: String) throws {
        #expect(SurveyCell.read(cell, for: try Self.question("tool_gains_measured"), decimalComma: false) == .unknown)
    }

    @Test func countsAsTheInterviewReadsThem() throws {
        let pilots = try Self.question("ai_pilots")
        #expect(SurveyCell.read("about 2", for: pilots, decimalComma: false) == .answer(.number(2), note: nil))
        #expect(SurveyCell.read("none", for: pilots, decimalComma: false) == .answer(.number(0), note: nil))
        #expect(SurveyCell.read("1,0", for: pilots, decimalComma: true) == .answer(.number(1), note: nil))
        #expect(SurveyCell.read("2-3", for: pilots, decimalComma: false) == .problem("\"2-3\" is not one number (a range?); expected a whole number, like 2"))
        #expect(SurveyCell.read("2.5", for: pilots, decimalComma: false) == .problem("\"2.5\" is not a whole number; expected a whole number, like 2"))
        #expect(SurveyCell.read("-3", for: pilots, decimalComma: false) == .problem("-3 is below 0; expected a whole number of at least 0"))
    }

    @Test func headersAreMatchedWithoutNumbersOrPunctuation() {
        #expect(SurveyText.question("3. How do staff use AI tools (chat assistants, copilots, quoting helpers) today? *")
            == SurveyText.question("How do staff use AI tools (chat assistants, copilots, quoting helpers) today?"))
        #expect(SurveyText.question("Q12: Is AI part of the product you sell?") == "is ai part of the product you sell")
    }

    /// A byte-order mark, CRLF line ends and a quoted cell over two lines, in one file.
    @Test func aBOMCRLFAndAMultiLineCellAreRead() throws {
        let dir = try temporaryDirectory()
        let text = "\u{FEFF}Timestamp,Your name,Is AI part of the product you sell?,Notes\r\n2026/11/18 9:05:12 AM GMT+1,Ana Ruiz,No,\"two\r\nlines\"\r\n"
        try text.write(toFile: "\(dir)/r.csv", atomically: true, encoding: .utf8)
        let table = try SurveyTable.load("\(dir)/r.csv")
        #expect(table.headers == ["Timestamp", "Your name", "Is AI part of the product you sell?", "Notes"])
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells[3] == "two\nlines")
        #expect(table.tool == "Google Forms")
        let read = try SurveyImporter.read(table, questionnaire: Repo.questionnaire, options: SurveyOptions())
        #expect(read.people.map(\.respondent.name) == ["Ana Ruiz"])
        #expect(read.people[0].answers["ai_in_product"] == .some(.yesNo(false)))
        #expect(read.people[0].submitted == Day(iso: "2026-11-18"))
    }

    @Test func everyUnreadableCellIsListedTogether() throws {
        let table = try SurveyTable.load(Repo.path("Tests/MaturityCLITests/Fixtures/survey/bad-cells.csv"))
        do {
            _ = try SurveyImporter.read(table, questionnaire: Repo.questionnaire, options: SurveyOptions())
            Issue.record("read a file with bad cells")
        } catch let failure as SurveyImportFailure {
            #expect(failure.problems.count == 4)
            #expect(failure.problems[0].hasSuffix("bad-cells.csv: row 2, column 4 \"How do staff use AI tools (chat assistants, copilots, "
                                                  + "quoting helpers) today?\": error: \"Sometimes\" is none of the choices: "
                                                  + "1. Nobody uses them for work (none); 2. Some people use them on their own (ad_hoc); "
                                                  + "3. Licensed, trained and part of how the team works (standardized); "
                                                  + "write one of them, or leave it empty for unknown"))
            #expect(failure.problems[3].hasSuffix("row 4, column 2 \"Your name\": error: no name (\"\"); "
                                                  + "type the person's name in the cell, or pass --anonymous to number the respondents"))
        }
    }

    @Test func aHeaderWithTheWholeQuestionAndMoreIsMatched() throws {
        let table = SurveyTable(file: "r.csv", headers: ["Your name", "6. Is AI part of the product you sell? (tick one)"],
                                rows: [.init(number: 2, cells: ["Ana", "No"])])
        let read = try SurveyImporter.read(table, questionnaire: Repo.questionnaire, options: SurveyOptions())
        #expect(read.matches.map(\.question) == ["ai_in_product"])
        #expect(read.matches.first?.how == "text with more words")
    }

    @Test func anAnonymousMicrosoftFormsNameColumnIsNotTakenForNames() throws {
        let table = SurveyTable(file: "r.csv", headers: ["ID", "Start time", "Completion time", "Email", "Name", "Your name"],
                                rows: [.init(number: 2, cells: ["1", "", "", "anonymous", "Anonymous", "Ana Ruiz"])])
        #expect(SurveyImporter.nameCandidates(table) == [5])
        #expect(table.tool == "Microsoft Forms")
    }

    /// Microsoft Forms' own download is an Excel workbook: read it as it comes.
    @Test func aMicrosoftFormsWorkbookIsReadToo() throws {
        let dir = try temporaryDirectory()
        let rows = [["ID", "Start time", "Completion time", "Email", "Name", "Is AI part of the product you sell?"],
                    ["1", "11/18/26 9:02:11", "11/18/26 9:14:02", "ana.ruiz@acme.example", "Ana Ruiz", "No"]]
        let cells = rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().map { c, text in
                "<c r=\"\(String(UnicodeScalar(UInt8(65 + c))))\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        let archive = try Archive(url: URL(fileURLWithPath: "\(dir)/r.xlsx"), accessMode: .create)
        let parts = [
            "xl/workbook.xml": "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" "
                               + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml": "<worksheet><sheetData>\(cells)</sheetData></worksheet>",
        ]
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let table = try SurveyTable.load("\(dir)/r.xlsx")
        #expect(table.tool == "Microsoft Forms")
        let read = try SurveyImporter.read(table, questionnaire: Repo.questionnaire, options: SurveyOptions())
        #expect(read.people.map(\.respondent.name) == ["Ana Ruiz"])
        #expect(read.people[0].answers["ai_in_product"] == .some(.yesNo(false)))
    }
}
