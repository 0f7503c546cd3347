import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing

/// `maturity ladder` folds a log as it reads it (ten million rows in bounded memory). A large log
/// read that way must give the report the whole-array analysis gives, the figures a plain count
/// of the rows gives, and the same repeats and order handling as a small log.
@Suite("Reading a large decision log as a stream")
struct DecisionLogStreamingTests {
    /// One generated row, with what a plain count needs.
    struct Row {
        var id: String
        var at: Int
        var mode: String
        var reviewed: Bool?
        var exception: Bool
    }

    /// 40 weeks of one agent, 250 cases a weekday one minute apart: shadow, approve-each, then auto
    /// with about a tenth to the exception queue (a few cleared a day late, the last day's never),
    /// a third audited, a dip below the alarm line in week 20 and one high-severity error in week 25.
    static let log = makeLog()

    static func makeLog() -> (csv: String, rows: [Row]) {
        var seed: UInt64 = 42
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        func stamp(_ minutes: Int) -> String {
            let day = Day(daysSinceEpoch: minutes / 1440), m = minutes % 1440
            return "\(day.iso)T\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60):00Z"
        }
        let start = Day(year: 2026, month: 1, day: 5).daysSinceEpoch
        var lines = ["case_id,at,mode,match,approved,correct,severity,exception_opened_at,exception_cleared_at"]
        var rows: [Row] = []
        var n = 0
        for week in 0..<40 {
            for weekday in 0..<5 {
                let day = start + week * 7 + weekday
                for i in 0..<250 {
                    n += 1
                    let at = day * 1440 + 8 * 60 + i
                    let id = "PO-2026-\(n)-V\(1000 + Int(random() * 400))"
                    let r = random()
                    var row = Row(id: id, at: at, mode: "auto", reviewed: nil, exception: false)
                    switch week {
                    case 0..<4:
                        row.mode = "shadow"
                        lines.append("\(id),\(stamp(at)),shadow,\(r < 0.93 ? "yes" : "no"),,,none,,")
                    case 4..<8:
                        row.mode = "approve_each"
                        lines.append("\(id),\(stamp(at)),approve_each,,\(r < 0.97 ? "yes" : "edited"),,none,,")
                    default:
                        if week == 25, weekday == 1, i == 100 {
                            row.reviewed = false
                            lines.append("\(id),\(stamp(at)),auto,,,no,high,,")
                        } else if r < 0.10 {
                            row.mode = "exception"
                            row.exception = true
                            let lastDay = week == 39 && weekday == 4
                            let cleared = lastDay ? "" : stamp(at + 30 + Int(random() * 200) + (random() < 0.03 ? 1440 : 0))
                            lines.append("\(id),\(stamp(at)),exception,,,,none,\(stamp(at)),\(cleared)")
                        } else if random() < 0.34 {
                            let dip = week == 20 && weekday >= 2
                            let right = random() < (dip ? 0.8 : 0.975)
                            row.reviewed = right
                            lines.append("\(id),\(stamp(at)),auto,,,\(right ? "yes" : "no"),\(right ? "none" : "low"),,")
                        } else {
                            lines.append("\(id),\(stamp(at)),auto,,,,none,,")
                        }
                    }
                    rows.append(row)
                }
            }
        }
        return (lines.joined(separator: "\n") + "\n", rows)
    }

    func write(_ text: String, _ name: String, in dir: String) throws -> String {
        let path = "\(dir)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func folded(_ paths: [String], options: DecisionLogReader.Options = .init()) throws -> LadderReport {
        var fold = LadderFold(questionnaire: Repo.questionnaire)
        _ = try DecisionLogReader.read(paths: paths, options: options, into: &fold)
        return fold.report(agent: "A")
    }

    @Test func fiftyThousandRowsFoldedGiveTheWholeArraysReportAndTheRowsOwnCounts() throws {
        let (csv, rows) = Self.log
        let dir = try temporaryDirectory()
        let path = try write(csv, "log.csv", in: dir)
        let streamed = try folded([path])
        let collected = try DecisionLogReader.read(paths: [path], options: .init())
        #expect(streamed == LadderAnalysis.analyse(collected.cases, agent: "A", questionnaire: Repo.questionnaire))

        // The figures a plain count of the rows gives.
        #expect(streamed.cases == 50_000)
        #expect(streamed.exceptionCases == rows.filter(\.exception).count)
        #expect(streamed.highSeverityErrors.count == 1)
        let audited = rows.compactMap(\.reviewed)
        #expect(streamed.rolling100 == Double(audited.suffix(100).filter { $0 }.count) / 100)
        var byWeek: [Int: (reviewed: Int, right: Int)] = [:]
        for row in rows {
            guard let ok = row.reviewed else { continue }
            let day = row.at / 1440, monday = day - Day(daysSinceEpoch: day).isoWeekday + 1
            byWeek[monday, default: (0, 0)].reviewed += 1
            if ok { byWeek[monday, default: (0, 0)].right += 1 }
        }
        #expect(streamed.weeks.count == 32)
        for week in streamed.weeks {
            #expect(week.reviewed == byWeek[week.start.daysSinceEpoch]?.reviewed ?? 0)
            #expect(week.correct == byWeek[week.start.daysSinceEpoch]?.right ?? 0)
        }
        #expect(streamed.alarms.contains { $0.from.iso.hasPrefix("2026-05-2") })
        // The last day's exceptions never cleared: each is a breach still open at the end of the log.
        #expect(streamed.breaches.contains { !$0.cleared } && streamed.breaches.contains { $0.cleared })
        // The chart's rolling-100 points, summed window by window: about 1,400 evenly spaced, and the last.
        let reviewed = rows.filter { $0.reviewed != nil }
        let stride = max(1, (reviewed.count - 99) / 1400)
        let ends = (99..<reviewed.count).filter { ($0 - 99) % stride == 0 || $0 == reviewed.count - 1 }
        #expect(streamed.rollingPoints.count == ends.count && ends.count > 1_000)
        #expect(streamed.rollingPoints.map { "\($0.day) \($0.accuracy)" } == ends.map { end in
            "\(Day(daysSinceEpoch: reviewed[end].at / 1440)) \(Double(reviewed[(end - 99)...end].filter { $0.reviewed == true }.count) / 100)"
        })
    }

    @Test func newestFirstIsCollectedAndSortedToTheSameReport() throws {
        let (csv, _) = Self.log
        let lines = csv.split(separator: "\n")
        let dir = try temporaryDirectory()
        let inOrder = try write(csv, "log.csv", in: dir)
        let newestFirst = try write(([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n") + "\n", "newest-first.csv", in: dir)
        #expect(try folded([newestFirst]) == (try folded([inOrder])))
    }

    @Test func aCaseRepeatedFarFromItsFirstRowIsFoundWithThatRow() throws {
        let (csv, rows) = Self.log
        let dir = try temporaryDirectory()
        let a = try write(csv, "a.csv", in: dir)
        let later = "case_id,at,mode,correct\n\(rows[1].id),2027-01-04T09:00:00Z,auto,yes\n\(rows[49_998].id),2027-01-04T09:01:00Z,auto,yes\n"
            + "fresh-1,2027-01-04T09:02:00Z,auto,yes\n"
        let b = try write(later, "b.csv", in: dir)
        do {
            _ = try folded([a, b])
            Issue.record("a repeated case was accepted")
        } catch let failure as ImportFailure {
            #expect(failure.problems == ["b.csv: row 2, column \"case_id\": case \"\(rows[1].id)\" repeats a.csv row 3; "
                                         + "each case is one row (the same log given twice? --dedupe keeps the first) (and 1 more row like it: rows 3)"])
        }
        var options = DecisionLogReader.Options()
        options.dedupe = true
        var fold = LadderFold(questionnaire: Repo.questionnaire)
        let result = try DecisionLogReader.read(paths: [a, b], options: options, into: &fold)
        #expect(result.droppedDuplicates == 2 && fold.cases == 50_001)
    }

    /// Folding as read, and collecting then analysing, give the same report or the same problems.
    @Test(arguments: [
        // Slashed dates held until row 4 shows they are day first.
        ["log.csv": "case_id,at,mode,match\nc1,03/04/2026 09:00,shadow,yes\nc2,04/04/2026 10:00,shadow,no\nc3,25/04/2026 09:00,shadow,yes\n"
                    + "c4,27/04/2026 09:00,shadow,yes\n"],
        // Held exceptions take their opening time from the date once it is read.
        ["log.csv": "case_id,at,mode,correct\nc1,03/04/2026 09:00,exception,\nc2,04/04/2026 10:00,auto,yes\nc3,25/04/2026 09:00,auto,no\n"],
        // Read day first, the held row lands after the row that told: collected and sorted instead.
        ["log.csv": "case_id,at,mode,match\nc1,05/04/2026 09:00,shadow,yes\nc2,25/03/2026 09:00,shadow,no\nc3,26/03/2026 09:00,shadow,yes\n"],
        // No row tells: the same problem either way.
        ["log.csv": "case_id,at,mode,match\nc1,03/04/2026 09:00,shadow,yes\nc2,04/04/2026 09:00,shadow,yes\n"],
        // Two files whose cases share their times: the file order breaks the tie, as when collected.
        ["a.csv": "case_id,at,mode,approved\na1,2026-11-02T09:00:00Z,approve_each,yes\na2,2026-11-02T09:05:00Z,approve_each,no\n",
         "b.csv": "case_id,at,mode,approved\nb1,2026-11-02T09:00:00Z,approve_each,no\nb2,2026-11-02T09:05:00Z,approve_each,yes\n"],
        // JSON Lines, newest first, with a high-severity error.
        ["log.jsonl": #"{"case_id": "c2", "at": "2026-11-03T09:00:00Z", "mode": "auto", "correct": false, "severity": "high"}"# + "\n"
            + #"{"case_id": "c1", "at": "2026-11-02T09:00:00Z", "mode": "auto", "correct": true}"# + "\n"],
        // Bad rows: the problems, not a report.
        ["log.csv": "case_id,at,mode,match\nc1,2026-11-02T09:00:00Z,shadow,maybe\nc1,2026-11-02T09:01:00Z,shadow,yes\nc3,someday,shadow,yes\n"],
    ])
    func foldingAndCollectingAgree(files: [String: String]) throws {
        let dir = try temporaryDirectory()
        let paths = try files.keys.sorted().map { try write(files[$0] ?? "", $0, in: dir) }
        func outcome(_ body: () throws -> LadderReport) -> String {
            do { return "\(try body())" } catch let failure as ImportFailure { return failure.problems.joined(separator: "\n") } catch { return "\(error)" }
        }
        let collected = outcome {
            LadderAnalysis.analyse(try DecisionLogReader.read(paths: paths, options: .init()).cases, agent: "A", questionnaire: Repo.questionnaire)
        }
        #expect(outcome { try folded(paths) } == collected)
    }

    @Test func theIDSetFindsEveryIDAndItsPlaceAcrossMerges() throws {
        // A small recent table, so the ids go through a dozen merges into the sorted array.
        let set = CaseIDSet(maxBits: 14)
        let ids = (0..<100_000).map { $0 % 3 == 0 ? "c\($0)" : "INV-\($0)-\(($0 &* 2_654_435_761) % 100_000)" }
        for (i, id) in ids.enumerated() { #expect(try set.insert(id, place: UInt32(i), file: "f") == nil) }
        #expect(set.count == 100_000 && set.sortedCount > 90_000)
        var wrong = 0
        for (i, id) in ids.enumerated() where try set.insert(id, place: 0, file: "f") != UInt32(i) { wrong += 1 }
        #expect(wrong == 0)
        #expect(try set.insert("never-seen", place: 7, file: "f") == nil)
    }
}
