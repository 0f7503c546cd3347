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
        #expect(text.stdout.contains("\n  Straight weeks at the gate: 3, 3 needed; the count restarted after 2026-W44 (a rolling-100 alarm)\n\n"
                                     + "SLO: rolling 100 accuracy 93%; high-severity errors 0; exception queue worst 12.7 of 4 business hours\n"))
        #expect(text.stdout.contains("\n  Alarm: below 90% from 2026-10-21 to 2026-10-27 (cases INV-106434 to INV-107456, lowest 70%)\n"))
        #expect(text.stdout.contains("\n  Queue breach: case INV-105455 opened 2026-10-12, 12.7 business hours (2026-W42: "))
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
        ("case_id,mode,match\nc1,shadow,yes\n", "no column for at"),
        ("case_id,at,mode,match\nc1,2026-11-02T09:00:00Z,flying,yes\n", "row 2, column \"mode\": \"flying\" is not a mode"),
        ("case_id,at,mode,match\nc1,yesterday,shadow,yes\n", "row 2, column \"at\": \"yesterday\" is not a time"),
        // One range of dates everywhere: a log dated 0999 is a typo, refused with its row, not judged over a millennium.
        ("case_id,at,mode,match\nc1,0999-11-02T09:00:00Z,shadow,yes\n", "row 2, column \"at\": \"0999-11-02T09:00:00Z\" is not a time between 1900 and 2199"),
        ("case_id,at,mode,match\nc1,2026-11-02T09:00:00Z,shadow,yes\nc1,2026-11-02T10:00:00Z,shadow,yes\n",
         "row 3, column \"case_id\": case \"c1\" repeats row 2"),
        ("case_id,at,mode,match\nc1,2026-11-02T09:00:00Z,shadow,yes\nc2,2026-11-02 10:00,shadow,yes\n", "has no time zone, unlike the rows before"),
        ("case_id,at,mode,match,agent_name\nc1,2026-11-02T09:00:00Z,shadow,yes,Quote bot\n", "no row is for AP matcher; the log is for Quote bot (1 rows)"),
        ("case_id,at,mode,verdict_flag\nc1,2026-11-02T09:00:00Z,shadow,yes\n", "error: no column holds a verdict"),
    ])
    func badLogsAreRefusedWithRowAndColumn(log: String, message: String) throws {
        let dir = try temporaryDirectory()
        try log.write(toFile: "\(dir)/log.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["ladder", "log.csv", "--agent", "AP matcher", "--output", "out.json"], in: dir)
        #expect(run.status == 65)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out.json"), "nothing written")
    }

    /// One command per platform, as the README shows them: same counts, step back to shadow, exit 11.
    @Test(arguments: [
        ["langfuse-traces.json", "langfuse-scores.csv", "--from", "langfuse"],
        ["langfuse-traces-ui-export.json"],
        ["langsmith-runs.jsonl", "langsmith-feedback.jsonl", "--from", "langsmith"],
        ["otlp-genai.json", "otlp-genai-logs.json", "--from", "otlp"],
    ])
    func platformExportsGiveTheirVerdictAndExitStatus(arguments: [String]) throws {
        let dir = Repo.path("Tests/MaturityStoreTests/Fixtures/platforms")
        let run = try Binary.run(["ladder"] + arguments + ["--agent", "Supplier follow-up agent", "--format", "json"], in: dir)
        #expect(run.status == 11, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let data = try JSONDecoder().decode(LadderData.self, from: Data(run.stdout.utf8))
        #expect(data.cases == 30 && data.from == "2027-03-01" && data.to == "2027-03-19")
        #expect(data.rungs.map(\.cases) == [12, 9, 7] && data.rungs.map(\.successes) == [10, 7, 6])
        #expect(data.verdict == .stepBack && data.stepBackTo == "shadow" && data.actNow && data.exitStatus == 11)
        #expect(data.highSeverityErrors.first?.caseID == "SF-1016" && data.judgedSince == "2027-03-10")
        #expect(data.breaches.map(\.caseID) == ["SF-1028"])
    }

    /// A high-severity error followed by a clean run climbs again and does not page; the same error
    /// in the last 100 cases steps back to a named rung and exits 11.
    @Test func aHighSeverityErrorPagesOnceThenTheAgentClimbsAgain() throws {
        let dir = try temporaryDirectory()
        func log(errorAt: Int) -> String {
            var text = "case_id,at,mode,approved,severity\n"
            for i in 0..<400 {
                let day = Day(iso: "2026-11-02")!.adding(days: i / 50)
                text += "c\(i),\(day.iso)T\(String(format: "%02d", 8 + (i % 50) / 10)):\(String(format: "%02d", (i % 10) * 5)):00Z,"
                    + "approve_each,\(i == errorAt ? "no" : "yes"),\(i == errorAt ? "high" : "none")\n"
            }
            return text
        }
        try log(errorAt: 40).write(toFile: "\(dir)/old.csv", atomically: true, encoding: .utf8)
        try log(errorAt: 350).write(toFile: "\(dir)/recent.csv", atomically: true, encoding: .utf8)
        let old = try Binary.run(["ladder", "old.csv", "--agent", "A"], in: dir)
        #expect(old.status == 0, "\(old.stdout)\(old.stderr)")
        #expect(old.stdout.contains("Verdict: advance — Approve-each gate met (100% on 359 cases since 2026-11-02 clears 95% on at least 100)"))
        #expect(old.stdout.contains("The rungs are judged on the cases after the high-severity error of 2026-11-02 (case c40)."))
        let recent = try Binary.run(["ladder", "recent.csv", "--agent", "A", "--format", "json"], in: dir)
        #expect(recent.status == 11)
        let data = try JSONDecoder().decode(LadderData.self, from: Data(recent.stdout.utf8))
        #expect(data.verdict == .stepBack && data.stepBackTo == "shadow" && data.reason == .highSeverityError)
    }

    @Test func theSameLogTwiceIsRefusedAndNewestFirstIsRead() throws {
        let dir = try temporaryDirectory()
        var text = "case_id,at,mode,match\n"
        for i in (0..<120).reversed() { text += "c\(i),\(at(i)),shadow,\(i < 110 ? "yes" : "no")\n" }
        try text.write(toFile: "\(dir)/a.csv", atomically: true, encoding: .utf8)
        try text.write(toFile: "\(dir)/b.csv", atomically: true, encoding: .utf8)
        let once = try Binary.run(["ladder", "a.csv", "--agent", "A", "--format", "json"], in: dir)
        #expect(once.status == 0, "\(once.stderr)")
        #expect(try JSONDecoder().decode(LadderData.self, from: Data(once.stdout.utf8)).rungs.first?.cases == 120)
        let twice = try Binary.run(["ladder", "a.csv", "b.csv", "--agent", "A"], in: dir)
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("b.csv: row 2, column \"case_id\": case \"c119\" repeats a.csv row 2; each case is one row (the same log given twice? "
                                      + "--dedupe keeps the first) (and 119 more rows like it: rows 3, 4, 5, 6, …)"))
        #expect(twice.stdout.isEmpty)
        let deduped = try Binary.run(["ladder", "a.csv", "b.csv", "--agent", "A", "--dedupe", "--format", "json"], in: dir)
        #expect(deduped.status == 0)
    }

    /// `--map` reads a field from any path; `--from` names only the three platforms.
    @Test func mapAndFromOnTheCommandLine() throws {
        let dir = try temporaryDirectory()
        var text = ""
        for i in 0..<120 { text += "{\"id\": \"c\(i)\", \"ts\": \(1_793_869_200 + i * 60), \"metadata\": {\"ladder_step\": \"shadow\"}, "
                                   + "\"eval\": {\"match\": \(i < 115)}}\n" }
        try text.write(toFile: "\(dir)/log.jsonl", atomically: true, encoding: .utf8)
        let refused = try Binary.run(["ladder", "log.jsonl", "--agent", "A"], in: dir)
        #expect(refused.status == 65 && refused.stderr.contains("no column for mode"), "\(refused.stderr)")
        let run = try Binary.run(["ladder", "log.jsonl", "--agent", "A", "--map", "mode=metadata.ladder_step", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try JSONDecoder().decode(LadderData.self, from: Data(run.stdout.utf8))
        #expect(data.rungs.first?.cases == 120 && data.rungs.first?.successes == 115 && data.from == "2026-11-05")
        let bad = try Binary.run(["ladder", "log.jsonl", "--from", "datadog"], in: dir)
        #expect(bad.status == 64 && bad.stderr.contains("--from is \"datadog\"; expected langfuse, langsmith or otlp"))
    }

    /// A plant in Los Angeles: an exception opened 09:00 and cleared 16:30 at −08:00 took 7.5
    /// business hours, a breach of 4; read in UTC it would have taken none.
    @Test func theCalendarsTimeZoneCountsThePlantsHours() throws {
        let dir = try temporaryDirectory()
        var text = "case_id,at,mode,correct,exception_opened_at,exception_cleared_at\n"
        text += "c0,2026-11-04T08:00:00-08:00,exception,,2026-11-04T09:00:00-08:00,2026-11-04T16:30:00-08:00\n"
        for i in 1..<50 { text += "c\(i),2026-11-04T10:\(String(format: "%02d", i)):00-08:00,auto,yes,,\n" }
        try text.write(toFile: "\(dir)/log.csv", atomically: true, encoding: .utf8)
        try "timezone: America/Los_Angeles\n".write(toFile: "\(dir)/plant.yaml", atomically: true, encoding: .utf8)
        let plant = try JSONDecoder().decode(LadderData.self,
                                             from: Data(try Binary.run(["ladder", "log.csv", "--agent", "A", "--calendar", "plant.yaml", "--format", "json"],
                                                                       in: dir).stdout.utf8))
        #expect(plant.breaches.first?.businessHours == 7.5)
        let utc = try JSONDecoder().decode(LadderData.self,
                                           from: Data(try Binary.run(["ladder", "log.csv", "--agent", "A", "--format", "json"], in: dir).stdout.utf8))
        #expect(utc.breaches.isEmpty)
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

/// `docs/schema/ladder.schema.json` names every key the JSON has, and the JSON has every key it requires.
@Suite("maturity ladder: the JSON schema")
struct LadderSchemaTests {
    func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }

    @Test func theSchemaAndTheOutputAgree() throws {
        let schema = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: Repo.root.appendingPathComponent("docs/schema/ladder.schema.json"))) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let dir = Repo.path("Tests/MaturityStoreTests/Fixtures/platforms")
        let run = try Binary.run(["ladder", "langsmith-runs.jsonl", "langsmith-feedback.jsonl", "--agent", "Supplier follow-up agent", "--format", "json"],
                                 in: dir)
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let checks: [(schema: Any?, value: Any?)] = [
            (schema, output),
            (defs["rung"], (output["rungs"] as? [Any])?.first),
            (defs["week"], (output["weeks"] as? [Any])?.first),
            ((schema["properties"] as? [String: Any])?["slo"], output["slo"]),
        ]
        for (s, value) in checks {
            let properties = keys((s as? [String: Any])?["properties"])
            let required = Set((s as? [String: Any])?["required"] as? [String] ?? [])
            #expect(!properties.isEmpty)
            #expect(keys(value).isSubset(of: properties), "\(keys(value).subtracting(properties))")
            #expect(required.isSubset(of: keys(value)), "\(required.subtracting(keys(value)))")
        }
    }
}

/// The exit status a nightly job reads, for the verdicts a user meets.
@Suite("maturity ladder: exit status")
struct LadderExitStatusTests {
    static let monday = Day(iso: "2026-11-02") ?? Day(daysSinceEpoch: 0)

    static func week(_ n: Int, reviewed: Int, good: Int) -> [DecisionCase] {
        (0..<reviewed).map { i in
            let at = monday.adding(days: n * 7 + i % 5).daysSinceEpoch * 1440 + 8 * 60 + i
            return DecisionCase(row: n * 1000 + i, caseID: "W\(n)-\(i)", at: at, mode: .auto, correct: i < good)
        }
    }

    @Test(arguments: [
        ("three good weeks: advance", [100, 100, 100], [97, 97, 97], 0),
        ("39 reviewed in the last week: hold, on track", [100, 100, 39], [97, 97, 39], 0),
        ("39 reviewed in the middle week: hold, the count restarted", [100, 39, 100], [97, 39, 97], 10),
        ("the first week below the gate, two good since: hold", [100, 100, 100], [90, 97, 97], 10),
        ("two good weeks so far: hold, on track", [100, 100], [97, 97], 0),
        ("the last week below the gate: hold", [100, 100, 100], [97, 97, 90], 10),
    ])
    func exitStatus(name: String, reviewed: [Int], good: [Int], status: Int) {
        let log = reviewed.indices.flatMap { Self.week($0, reviewed: reviewed[$0], good: good[$0]) }
        let report = LadderAnalysis.analyse(log, agent: "A", questionnaire: Repo.questionnaire)
        let data = LadderData(report, questionnaire: Repo.questionnaire, process: nil)
        #expect(data.exitStatus == status, "\(name): \(data.verdict) \(data.weeks.map { $0.reason?.rawValue ?? "counts" })")
    }
}
