import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing

/// Decision logs as people have them, and the exports of three agent platforms.
@Suite("Reading decision logs")
struct DecisionLogReaderTests {
    func write(_ text: String, _ name: String) throws -> String {
        let path = "\(try temporaryDirectory())/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let failure as ImportFailure {
            return failure.problems
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aJSONLinesKeyFirstSeenOnLineTwoIsRead() throws {
        let path = try write("""
            {"case_id": "c1", "at": "2026-11-02T09:00:00Z", "mode": "approve_each", "approved": true}
            {"case_id": "c2", "at": "2026-11-02T09:05:00Z", "mode": "approve_each", "approved": false, "severity": "high"}
            """, "log.jsonl")
        let log = try DecisionLogReader.read(path: path, agent: nil)
        #expect(log.cases.map(\.severity) == [.none, .high])
        #expect(log.cases.map(\.approved) == [true, false])
    }

    @Test func nestedObjectsAreDottedPathsAndStatusIsNeverTheMode() throws {
        let path = try write("""
            {"id": "r1", "status": "success", "metadata": {"mode": "auto", "case_id": "c1"}, "timestamp": "2026-11-02T09:00:00Z", "qa": {"correct": 1}}
            {"id": "r2", "status": "error", "metadata": {"mode": "auto", "case_id": "c2"}, "timestamp": "2026-11-02T09:01:00Z", "qa": {"correct": 0}}
            """, "runs.jsonl")
        let log = try DecisionLogReader.read(path: path, agent: nil)
        #expect(log.cases.map(\.caseID) == ["c1", "c2"])
        #expect(log.cases.map(\.mode) == [.auto, .auto])
        #expect(log.cases.map(\.correct) == [true, false])
    }

    @Test func mapNamesAColumnAndSeveralAgentsAreSplitOrRefused() throws {
        let path = try write("""
            {"case_id": "c1", "at": "2026-11-02T09:00:00Z", "metadata": {"rung": "shadow"}, "match": "yes", "gen_ai": {"agent": {"name": "Quote bot"}}}
            {"case_id": "c2", "at": "2026-11-02T09:01:00Z", "metadata": {"rung": "shadow"}, "match": "no", "gen_ai": {"agent": {"name": "PO bot"}}}
            {"case_id": "c3", "at": "2026-11-02T09:02:00Z", "metadata": {"rung": "shadow"}, "match": "yes", "gen_ai": {"agent": {"name": "PO bot"}}}
            """, "two.jsonl")
        var options = DecisionLogReader.Options()
        options.map = ["mode": "metadata.rung"]
        #expect(problems { _ = try DecisionLogReader.read(paths: [path], options: options) }
                == ["two.jsonl: error: the log holds 2 agents: PO bot (2 rows), Quote bot (1 rows); choose one with --agent"])
        options.agent = "po bot"
        let log = try DecisionLogReader.read(paths: [path], options: options)
        #expect(log.cases.map(\.caseID) == ["c2", "c3"])
    }

    @Test func oneOutcomeColumnServesEveryRung() throws {
        let path = try write("""
            timestamp,case,rung,outcome
            2026-11-02T09:00:00Z,c1,shadow,yes
            2026-11-02T09:01:00Z,c2,Approve each,no
            2026-11-02T09:02:00Z,c3,auto,
            2026-11-02T09:03:00Z,c4,auto,true
            """, "log.csv")
        let cases = try DecisionLogReader.read(path: path, agent: nil).cases
        #expect(cases.map(\.match) == [true, nil, nil, nil])
        #expect(cases.map(\.approved) == [nil, false, nil, nil])
        #expect(cases.map(\.correct) == [nil, nil, nil, true])
    }

    @Test(arguments: [("1", true), ("0", false), ("1.0", true), ("0.0", false), ("True", true), ("False", false), ("[1]", true),
                      ("[0]", false), ("[\"True\"]", true), ("thumbs_up", true), ("👎", false), ("approve", true), ("reject", false),
                      ("approved", true), ("rejected", false), ("edited", false), ("yes", true), ("no", false)])
    func verdictCellsAsPlatformsWriteThem(text: String, value: Bool) {
        #expect(YesNo.read(text) == value, "\(text)")
    }

    /// The CSV is read in chunks: a chunk may end anywhere, inside a quoted cell or between two quotes.
    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func aCSVReadInChunksOfAnySize(size: Int) throws {
        let text = "\u{FEFF}case_id;at;note\r\nc1;2026-11-02;\"say \"\"hi\"\"; then\nmore\"\r\nc2;2026-11-03;\"\"\r\nc3;2026-11-04;plain"
        let bytes = Array(text.utf8)
        var rows: [[String]] = []
        var parser = CSVStream(path: "x.csv")
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(bytes.count, i + size)])
            try chunk.withUnsafeBufferPointer { try parser.feed($0) { rows.append($1) } }
            i += size
        }
        try parser.finish { rows.append($1) }
        #expect(rows == [["case_id", "at", "note"], ["c1", "2026-11-02", "say \"hi\"; then\nmore"], ["c2", "2026-11-03", ""], ["c3", "2026-11-04", "plain"]])
    }

    @Test func newestFirstIsSortedOnRead() throws {
        let path = try write("case_id,at,mode,match\nc3,2026-11-02T11:00:00Z,shadow,yes\nc2,2026-11-02T10:00:00Z,shadow,no\n"
                             + "c1,2026-11-02T09:00:00Z,shadow,yes\n", "log.csv")
        let log = try DecisionLogReader.read(path: path, agent: nil)
        #expect(log.cases.map(\.caseID) == ["c1", "c2", "c3"])
    }

    @Test(arguments: [
        ("1793869200", "2026-11-05 09:00"),            // epoch seconds
        ("1793869200000", "2026-11-05 09:00"),         // milliseconds
        ("1793869200000000000", "2026-11-05 09:00"),   // nanoseconds
        ("05.11.2026 09:00", "2026-11-05 09:00"),      // DD.MM.YYYY HH:MM
        ("2026-11-05T10:00:00+01:00", "2026-11-05 09:00"),
    ])
    func timesAsLogsWriteThem(text: String, expected: String) throws {
        let path = try write("case_id,at,mode,match\nc1,\(text),shadow,yes\n", "log.csv")
        let c = try #require(try DecisionLogReader.read(path: path, agent: nil).cases.first)
        let m = c.at % 1440
        #expect("\(c.day.iso) \(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60)" == expected)
    }

    @Test func slashedDatesAreDetectedWhenOneRowTellsAndRefusedWhenNoneDoes() throws {
        let told = try write("case_id,at,mode,match\nc1,03/04/2026 09:00,shadow,yes\nc2,25/04/2026 09:00,shadow,yes\n", "told.csv")
        #expect(try DecisionLogReader.read(path: told, agent: nil).cases.map(\.day.iso) == ["2026-04-03", "2026-04-25"])
        let unsure = try write("case_id,at,mode,match\nc1,03/04/2026 09:00,shadow,yes\nc2,04/04/2026 09:00,shadow,yes\n", "unsure.csv")
        let found = problems { _ = try DecisionLogReader.read(path: unsure, agent: nil) }
        #expect(found.first?.contains("could be day-first or month-first and no row tells; pass --date-format DD/MM/YYYY or MM/DD/YYYY") == true)
        var options = DecisionLogReader.Options()
        options.dateOrder = .monthFirst
        #expect(try DecisionLogReader.read(paths: [unsure], options: options).cases.map(\.day.iso) == ["2026-03-04", "2026-04-04"])
    }

    @Test func theSameLogGivenTwiceIsRefusedOrDeduped() throws {
        let dir = try temporaryDirectory()
        let text = "case_id,at,mode,match\nc1,2026-11-02T09:00:00Z,shadow,yes\nc2,2026-11-02T09:01:00Z,shadow,yes\n"
        try text.write(toFile: "\(dir)/a.csv", atomically: true, encoding: .utf8)
        try text.write(toFile: "\(dir)/b.csv", atomically: true, encoding: .utf8)
        let found = problems { _ = try DecisionLogReader.read(paths: ["\(dir)/a.csv", "\(dir)/b.csv"], options: .init()) }
        #expect(found == ["b.csv: row 2, column \"case_id\": case \"c1\" repeats a.csv row 2; each case is one row (the same log given twice? --dedupe keeps "
                          + "the first) (and 1 more row like it: rows 3)"])
        #expect(problems { _ = try DecisionLogReader.read(paths: ["\(dir)/a.csv", "\(dir)/./a.csv"], options: .init()) }
                == ["\(dir)/./a.csv: error: is given twice; each log is read once (to combine logs that share cases, pass --dedupe with different files)"])
        var options = DecisionLogReader.Options()
        options.dedupe = true
        let log = try DecisionLogReader.read(paths: ["\(dir)/a.csv", "\(dir)/b.csv"], options: options)
        #expect(log.cases.count == 2 && log.droppedDuplicates == 2)
    }

    @Test func fiftyBadRowsAreOneMessage() throws {
        var text = "case_id,at,mode,match\n"
        for i in 0..<50 { text += "c\(i),someday,shadow,yes\n" }
        let found = problems { _ = try DecisionLogReader.read(path: try write(text, "log.csv"), agent: nil) }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("log.csv: row 2, column \"at\": \"someday\" is not a time") == true)
        #expect(found.first?.hasSuffix("(and 49 more rows like it: rows 3, 4, 5, 6, …)") == true)
    }

    @Test func aFileWithNoVerdictColumnSaysSoFirst() throws {
        let path = try write("case_id,at,mode,outcome_flag\nc1,2026-11-02T09:00:00Z,auto,1\n", "log.csv")
        let found = problems { _ = try DecisionLogReader.read(path: path, agent: nil) }
        #expect(found.first?.hasPrefix("log.csv: error: no column holds a verdict (match, agent_action with human_action, approved, correct or outcome), "
                                       + "so no case can be judged; the columns not read are: outcome_flag.") == true)
    }

    /// 09:00–16:30 at −08:00 is 7.5 business hours in Los Angeles (and 0 in UTC business hours).
    @Test func timesWithAZoneAreReadOnThePlantsClock() throws {
        let path = try write("""
            case_id,at,mode,correct,exception_opened_at,exception_cleared_at
            c1,2026-11-04T09:00:00-08:00,auto,yes,2026-11-04T09:00:00-08:00,2026-11-04T16:30:00-08:00
            """, "log.csv")
        var options = DecisionLogReader.Options()
        options.timeZone = TimeZone(identifier: "America/Los_Angeles")
        let c = try #require(try DecisionLogReader.read(paths: [path], options: options).cases.first)
        let opened = try #require(c.exceptionOpened), cleared = try #require(c.exceptionCleared)
        #expect(BusinessCalendar().businessMinutes(from: opened, to: cleared) == 450)
        // The same instants in UTC fall after 17:00: no business hours at all.
        let utc = try #require(try DecisionLogReader.read(path: path, agent: nil).cases.first)
        #expect(BusinessCalendar().businessMinutes(from: utc.exceptionOpened ?? 0, to: utc.exceptionCleared ?? 0) == 0)
    }

    /// Across the autumn DST change the offset moves from −07:00 to −08:00; wall-clock 09:00 stays 09:00.
    @Test func daylightSavingIsTheZonesOwn() throws {
        let path = try write("case_id,at,mode,match\nc1,2026-10-30T16:00:00Z,shadow,yes\nc2,2026-11-02T17:00:00Z,shadow,yes\n", "log.csv")
        var options = DecisionLogReader.Options()
        options.timeZone = TimeZone(identifier: "America/Los_Angeles")
        let cases = try DecisionLogReader.read(paths: [path], options: options).cases
        #expect(cases.map { $0.at % 1440 } == [9 * 60, 9 * 60])
    }

    @Test(arguments: [
        ("timezone: Mars/Olympus\n", "timezone is \"Mars/Olympus\""),
        ("workdays: [mon, funday]\n", "workdays has \"funday\""),
        ("workdays: []\n", "workdays is empty"),
        ("hours: \"8-17\"\n", "hours is \"8-17\""),
        ("hours: \"17:00-08:00\"\n", "hours is \"17:00-08:00\""),
    ])
    func calendarValuesAreCheckedExactly(text: String, message: String) {
        let found = problems { _ = try CalendarLoader.load(text: text, file: "cal.yaml") }
        #expect(found.contains { $0.contains(message) }, "\(found)")
    }

    @Test func aCalendarWithAZoneLoads() throws {
        let c = try CalendarLoader.load(text: "timezone: America/Los_Angeles\nworkdays: [Monday, tue, wed, thu, fri]\nhours: \"07:00-16:00\"\n",
                                        file: "cal.yaml")
        #expect(c.timeZone == "America/Los_Angeles" && c.opens == 420 && c.closes == 960 && c.workdays == [1, 2, 3, 4, 5])
    }
}
