import Foundation
import MaturityTestSupport
import Testing

/// `inventory import --into` changes only the processes block, found by the YAML parser, and
/// writes only a file that reads back as meant; two writers at once both keep their change.
@Suite("Editing a user's file")
struct FileEditTests {
    func setUp(_ transform: (String) -> String) throws -> String {
        let dir = try temporaryDirectory()
        let text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
        try transform(text).write(toFile: "\(dir)/acme.yaml", atomically: true, encoding: .utf8)
        try "Name,Hours per week,Volume per week\nFreight booking,12,80\n".write(toFile: "\(dir)/p.csv", atomically: true, encoding: .utf8)
        return dir
    }

    func importInto(_ dir: String, _ csv: String = "p.csv") throws -> Run {
        try Binary.run(["inventory", "import", csv, "--into", "acme.yaml"], in: dir)
    }

    func read(_ dir: String) throws -> String { try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8) }

    enum Shape: String, CaseIterable, Sendable {
        case quotedKey = "a quoted key", spaceBeforeColon = "a space before the colon", documentEnd = "a document end marker"
        case comments = "comments around and inside other blocks"
        func apply(_ t: String) -> String {
            switch self {
            case .quotedKey: return t.replacingOccurrences(of: "\nprocesses:", with: "\n\"processes\":")
            case .spaceBeforeColon: return t.replacingOccurrences(of: "\nprocesses:", with: "\nprocesses :")
            case .documentEnd: return t + "...\n"
            case .comments: return t.replacingOccurrences(of: "\nagents:", with: "\n# our agents, reviewed monthly\nagents:  # keep\n")
            }
        }
    }

    @Test(arguments: Shape.allCases)
    func theProcessesBlockIsFoundByTheParser(_ shape: Shape) throws {
        let name = shape.rawValue
        let dir = try setUp(shape.apply)
        let before = try read(dir)
        let run = try importInto(dir)
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let after = try read(dir)
        #expect(after.contains("Freight booking"), "\(name)")
        // Everything before the processes block is byte for byte as it was.
        let head = before.components(separatedBy: "\n").prefix { !$0.contains("processes") }.joined(separator: "\n")
        #expect(after.hasPrefix(head), "\(name)")
        let validate = try Binary.run(["validate", "acme.yaml"], in: dir)
        #expect(validate.status == 0, "\(name): \(validate.stderr)")
    }

    @Test func anAnchorUsedOutsideTheBlockIsRefusedAndNothingIsWritten() throws {
        // The processes block first, defining an anchor that the respondents below it use.
        let dir = try setUp { t in
            let parts = t.components(separatedBy: "\nprocesses:")
            let processes = "processes:" + (parts.count > 1 ? parts[1] : "")
            let head = parts[0].replacingOccurrences(of: "{name: Dana Ruiz, role: COO}", with: "{name: *sam, role: COO}")
            let lines = head.components(separatedBy: "\n")
            return ([lines[0], processes.replacingOccurrences(of: "owner_candidate: Sam Ortiz", with: "owner_candidate: &sam Sam Ortiz")]
                    + lines.dropFirst()).joined(separator: "\n") + "\n"
        }
        let before = try read(dir)
        guard before.contains("&sam"), before.contains("*sam") else {
            Issue.record("the fixture did not take the anchor")
            return
        }
        let run = try importInto(dir)
        #expect(run.status == 65)
        #expect(run.stderr.contains("cannot change the file safely: the processes block defines the YAML anchor &sam"))
        #expect(try read(dir) == before)
    }

    /// Twenty pairs of imports at once, each adding its own process: every one survives.
    @Test func twentyConcurrentImportsKeepEveryChange() throws {
        let dir = try setUp { $0 }
        for i in 0..<20 {
            try "Name,Hours per week,Volume per week\nConcurrent process \(i),\(i + 5),100\n".write(toFile: "\(dir)/c\(i).csv", atomically: true,
                encoding: .utf8)
        }
        let group = DispatchGroup()
        let statuses = Statuses()
        for i in 0..<20 {
            group.enter()
            DispatchQueue.global().async {
                let run = try? Binary.run(["inventory", "import", "c\(i).csv", "--into", "acme.yaml"], in: dir)
                statuses.add(run?.status ?? -1)
                group.leave()
            }
        }
        group.wait()
        #expect(statuses.all.allSatisfy { $0 == 0 }, "\(statuses.all)")
        let after = try read(dir)
        for i in 0..<20 { #expect(after.contains("Concurrent process \(i)"), "process \(i) was lost") }
    }
}

final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int32] = []
    func add(_ v: Int32) { lock.lock(); values.append(v); lock.unlock() }
    var all: [Int32] { lock.lock(); defer { lock.unlock() }; return values }
}

/// `ladder --into` on one file from two agents' logs at once, twenty pairs: both results survive.
@Suite("Two ladder --into runs on one file")
struct LadderIntoConcurrencyTests {
    @Test func twentyConcurrentPairsKeepBothAgentsMeasured() throws {
        let dir = try temporaryDirectory()
        let demo = try Binary.run(["demo", "--output", "demo"], in: dir)
        #expect(demo.status == 0, "\(demo.stderr)")
        var quote = "case_id,at,mode,match\n"
        for i in 0..<60 { quote += "Q\(i),2026-11-\(String(format: "%02d", 2 + i / 20))T09:\(String(format: "%02d", i % 20)):00Z,shadow,yes\n" }
        try quote.write(toFile: "\(dir)/quote-log.csv", atomically: true, encoding: .utf8)
        let group = DispatchGroup()
        let statuses = Statuses()
        for _ in 0..<20 {
            for (log, agent) in [("demo/ap-invoice-matcher-log.csv", "AP invoice matcher"), ("quote-log.csv", "Quote drafting assistant")] {
                group.enter()
                DispatchQueue.global().async {
                    let run = try? Binary.run(["ladder", log, "--agent", agent, "--into", "demo/hartwell-precision.yaml", "--format", "json"], in: dir)
                    statuses.add(run.map { $0.status == 11 ? 0 : ($0.status == 10 ? 0 : $0.status) } ?? -1)
                    group.leave()
                }
            }
        }
        group.wait()
        #expect(statuses.all.allSatisfy { $0 == 0 }, "\(statuses.all)")
        let text = try String(contentsOfFile: "\(dir)/demo/hartwell-precision.yaml", encoding: .utf8)
        let measured = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("measured:") }
        #expect(measured.count == 2, "both agents keep their measured rung")
        #expect(text.contains("log: quote-log.csv"))
        #expect(text.contains("log: ap-invoice-matcher-log.csv"))
        let validate = try Binary.run(["validate", "demo/hartwell-precision.yaml"], in: dir)
        #expect(validate.status == 0, "\(validate.stderr)")
    }
}

/// `ladder --into` changes one agent's lines: comments on the file and on the other agents stay.
@Suite("ladder --into keeps the rest of the file")
struct LadderIntoCommentsTests {
    @Test func commentsInsideTheAgentsBlockSurvive() throws {
        let dir = try temporaryDirectory()
        #expect(try Binary.run(["demo", "--output", "demo"], in: dir).status == 0)
        let path = "\(dir)/demo/hartwell-precision.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "  - name: Quote drafting assistant",
                                  with: "  # approved by the CFO in October\n  - name: Quote drafting assistant  # Tom's project")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Binary.run(["ladder", "demo/ap-invoice-matcher-log.csv", "--agent", "AP invoice matcher", "--into", "demo/hartwell-precision.yaml"],
                                 in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.contains("  # approved by the CFO in October\n  - name: Quote drafting assistant  # Tom's project"))
        #expect(after.contains("measured:"))
        #expect(try Binary.run(["validate", "demo/hartwell-precision.yaml"], in: dir).status == 0)
    }
}
