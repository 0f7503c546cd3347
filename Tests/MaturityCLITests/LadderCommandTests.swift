import Foundation
import MaturityCore
import MaturityReport
import MaturityTestSupport
import Testing

@Suite("maturity ladder: the rung the numbers earn")
struct LadderCommandTests {
    func demo() throws -> String {
        let dir = try temporaryDirectory()
        #expect(try Binary.run(["demo", "--output", "d"], in: dir).status == 0)
        return "\(dir)/d"
    }

    /// Minute `i` of a working morning, in order.
    func at(_ i: Int) -> String { "2026-11-02T\(String(format: "%02d", 8 + i / 60)):\(String(format: "%02d", i % 60)):00Z" }

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The demo's twelve weeks: the alarm in W43–W44 restarts the count, the three weeks after it
    /// count (each with a manageable queue), so it advances; the JSON is data and decodes back.
    @Test func theDemoLogAdvancesAfterItsAlarmAndTheJSONIsData() throws {
        let d = try demo()
        let run = try Binary.run(["ladder", "\(d)/ap-invoice-matcher-log.csv", "--agent", "AP invoice matcher",
                                  "--assessment", "\(d)/hartwell-precision.yaml", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try JSONDecoder().decode(LadderData.self, from: Data(run.stdout.utf8))
        #expect(data.tool == "maturity ladder" && data.schemaVersion == 2)
        #expect(data.agent == "AP invoice matcher")
        #expect(data.verdict == .advance && data.advanceTo == "production_owned" && data.stepBackTo == nil)
        #expect(data.exitStatus == 0 && !data.actNow)
        #expect(data.rungs.map(\.rung) == ["shadow", "approve_each", "auto_with_exceptions"])
        #expect(data.rungs.map(\.gateMet) == [true, true, true])
        #expect(data.rungs.map(\.cases) == [1800, 2700, 1956])
        #expect(data.straightWeeks == 3)
        #expect(data.restart?.reason == .alarm && data.restart?.week == "2026-W44")
        #expect(data.weeks.suffix(3).allSatisfy { $0.counts })
        #expect(data.alarms.count == 1 && data.alarms.first?.from == "2026-10-21" && data.alarms.first?.to == "2026-10-27")
        #expect(data.breaches.count == 5 && data.slo.exceptions == 615 && data.slo.exceptionsClearedInTime == 610)
        #expect(data.highSeverityErrors.isEmpty)
        // Data only: no sentences, chart geometry or Mermaid in the JSON.
        for word in ["Text\"", "mermaid", "chart", "\"has", "why", "sentence", "lines"] {
            #expect(!run.stdout.contains(word), "\(word)")
        }
    }

    @Test func textHtmlAndMarkdownFromTheSameModel() throws {
        let d = try demo()
        let log = "\(d)/ap-invoice-matcher-log.csv"
        let text = try Binary.run(["ladder", log, "--agent", "AP invoice matcher"])
        #expect(text.stdout.hasPrefix("AP invoice matcher · 10800 cases from 2026-08-31 to 2026-11-20\nVerdict: advance"))
        // The terminal summary is a template over the same model: every part of it is there.
        #expect(text.stdout.contains("\n  Straight weeks at the gate: 3, 3 needed; the count restarted after 2026-W44 (a rolling-100 alarm)\n\nSLO: rolling 100 accuracy 93%; high-severity errors 0; exception queue worst 12.7 of 4 business hours\n"))
        #expect(text.stdout.contains("\n  Alarm: below 90% from 2026-10-21 to 2026-10-27 (cases INV-106434 to INV-107456, lowest 70%)\n"))
        #expect(text.stdout.contains("\n  Queue breach: case INV-105455 opened 2026-10-12, 12.7 business hours\n"))
        #expect(text.stdout.hasSuffix("\n\nThe log shows 922 cases a week.\nExceptions are 9.8% of the automated cases.\n"))
        let html = try Binary.run(["ladder", log, "--agent", "AP invoice matcher", "--format", "html"])
        #expect(html.stdout.contains("<polyline class=\"line\""))
        #expect(html.stdout.contains("it fell below 90% from 2026-10-21 to 2026-10-27"))
        let md = try Binary.run(["ladder", log, "--agent", "AP invoice matcher", "--format", "md"])
        #expect(md.stdout.contains("| Auto with exceptions | 1956 | 95.5% |"))
    }

    @Test func exitStatusForACronJob() throws {
        let dir = try temporaryDirectory()
        var hold = "case_id,at,mode,match\n"
        for i in 0..<200 { hold += "c\(i),\(at(i)),shadow,\(i < 150 ? "yes" : "no")\n" }
        try hold.write(toFile: "\(dir)/hold.csv", atomically: true, encoding: .utf8)
        let held = try Binary.run(["ladder", "hold.csv", "--agent", "A"], in: dir)
        #expect(held.status == 10, "\(held.stdout)\(held.stderr)")
        var back = "case_id,at,mode,approved,severity\n"
        for i in 0..<50 { back += "c\(i),\(at(i)),approve_each,yes,\(i == 10 ? "high" : "none")\n" }
        try back.write(toFile: "\(dir)/back.csv", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["ladder", "back.csv", "--agent", "A"], in: dir).status == 11)
        var track = "case_id,at,mode,match\n"
        for i in 0..<100 { track += "c\(i),\(at(i)),shadow,yes\n" }
        try track.write(toFile: "\(dir)/track.csv", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["ladder", "track.csv", "--agent", "A"], in: dir).status == 0, "on track: the rate clears the gate, the cases are still coming")
    }

    @Test(arguments: [
        ("case_id,mode\nc1,shadow\n", "no column for at"),
        ("case_id,at,mode\nc1,2026-11-02T09:00:00Z,flying\n", "row 2, column \"mode\": \"flying\" is not a mode"),
        ("case_id,at,mode\nc1,2026-11-02T09:00:00Z,shadow\nc2,2026-11-01T09:00:00Z,shadow\n", "row 3, column \"at\": 2026-11-01T09:00:00Z is earlier than row 2"),
        ("case_id,at,mode\nc1,yesterday,shadow\n", "row 2, column \"at\": \"yesterday\" is not a time"),
        ("case_id,at,mode\nc1,2026-11-02T09:00:00Z,shadow\nc1,2026-11-02T10:00:00Z,shadow\n", "row 3, column \"case_id\": case \"c1\" repeats row 2"),
        ("case_id,at,mode\nc1,2026-11-02T09:00:00Z,shadow\nc2,2026-11-02 10:00,shadow\n", "has no time zone, unlike the rows before"),
        ("case_id,at,mode,agent_name\nc1,2026-11-02T09:00:00Z,shadow,Quote bot\n", "no row is for AP matcher; the log is for Quote bot (1 rows)"),
    ])
    func badLogsAreRefusedWithRowAndColumn(log: String, message: String) throws {
        let dir = try temporaryDirectory()
        try log.write(toFile: "\(dir)/log.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["ladder", "log.csv", "--agent", "AP matcher", "--output", "out.json"], in: dir)
        #expect(run.status == 65)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.json"), "nothing written")
    }

    @Test func jsonLinesAreReadToo() throws {
        let dir = try temporaryDirectory()
        var lines = ""
        for i in 0..<120 { lines += "{\"case_id\": \"c\(i)\", \"at\": \"\(at(i))\", \"mode\": \"shadow\", \"match\": \(i < 110)}\n" }
        try lines.write(toFile: "\(dir)/log.jsonl", atomically: true, encoding: .utf8)
        let run = try Binary.run(["ladder", "log.jsonl", "--agent", "A", "--format", "json"], in: dir)
        let j = try json(run)
        let shadow = try #require((j["rungs"] as? [[String: Any]])?.first)
        #expect(shadow["cases"] as? Int == 120)
        #expect((shadow["rate"] as? Double).map { abs($0 - 0.917) < 0.001 } == true)
    }

    @Test func intoRecordsTheMeasuredRungAndTheReportPrefersIt() throws {
        let d = try demo()
        let before = try String(contentsOfFile: "\(d)/hartwell-precision.yaml", encoding: .utf8)
        let run = try Binary.run(["ladder", "\(d)/ap-invoice-matcher-log.csv", "--agent", "AP invoice matcher", "--into", "\(d)/hartwell-precision.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOfFile: "\(d)/hartwell-precision.yaml", encoding: .utf8)
        #expect(after.contains("    measured: {log: ap-invoice-matcher-log.csv, from: 2026-08-31, to: 2026-11-20, cases: 10800,"))
        #expect(after.hasPrefix(before.components(separatedBy: "\nagents:")[0]), "only the agents block changed")
        let report = try Binary.run(["report", "\(d)/hartwell-precision.yaml", "--format", "json"])
        let j = try json(report)
        // The log shows the monitoring the file said was missing: the matcher clears the gate.
        #expect(j["stage"] as? Int == 2)
        #expect((j["gatedAgents"] as? [String]) == ["AP invoice matcher"])
        // A log that shows a lower rung than the file claims raises the flag.
        let claimed = after.replacingOccurrences(of: "verdict: advance", with: "verdict: hold")
        try claimed.write(toFile: "\(d)/claimed.yaml", atomically: true, encoding: .utf8)
        let flagged = try json(try Binary.run(["report", "\(d)/claimed.yaml", "--format", "json"]))
        #expect((flagged["flags"] as? [[String: Any]])?.contains { $0["id"] as? String == "claimed_not_measured" } == true)
    }
}
