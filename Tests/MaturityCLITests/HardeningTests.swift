import Foundation
import MaturityCore
import MaturityStore
import MaturityTestSupport
import Testing
import ZIPFoundation

/// Each finding of the adversarial pass, as a user would hit it: a clear error and exit code,
/// nothing lost, never a crash.
@Suite("Hardening: no input crashes the tool or is silently accepted")
struct HardeningTests {
    func acme(_ replace: [(String, String)] = [], in dir: String? = nil) throws -> (dir: String, file: String) {
        let dir = try dir ?? temporaryDirectory()
        var text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
        for (a, b) in replace { text = text.replacingOccurrences(of: a, with: b) }
        try text.write(toFile: "\(dir)/acme.yaml", atomically: true, encoding: .utf8)
        return (dir, "\(dir)/acme.yaml")
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test(arguments: [
        ("hours_per_week: 30", "hours_per_week: 1e308", "processes[0].hours_per_week is 1e+308; it must be at most 10,000 (0 to 10,000)"),
        ("loaded_hourly_rate: 48", "loaded_hourly_rate: 1e16",
         "organization.loaded_hourly_rate is 10000000000000000; it must be at most 10,000 (0.01 to 10,000)"),
        ("annual_dollar_value: 85000", "annual_dollar_value: 1e19",
         "agents[0].annual_dollar_value is 1e+19; it must be at most 10,000,000,000 (0 to 10,000,000,000)"),
        ("ai_pilots: 2", "ai_pilots: 99999999999999999999", "answers.ai_pilots is 1e+20; it must be at most 1,000 (0 to 1,000)"),
    ])
    func numbersNoPlantHasAreRefusedWithTheirRange(find: String, replace: String, message: String) throws {
        let (_, file) = try acme([(find, replace)])
        for command in [["validate", file], ["report", file]] {
            let run = try Binary.run(command)
            #expect(run.status == 65)
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"))
        }
    }

    @Test(arguments: [
        ("hours_per_fte_week: 40", "hours_per_fte_week: 0", "hours_per_fte_week is 0; expected 1 to 168 hours"),
        ("auto_approve_accuracy: 0.92", "auto_approve_accuracy: 5", "slo.auto_approve_accuracy is 5; expected 0 to 1 (a share: 0.92 is 92%)"),
        ("plan_days: 90", "plan_days: 100000000", "plan_days is 100000000; expected 7 to 730"),
        ("automatable_share: 0.9", "automatable_share: 1e308", "automatable_share is 1e+308; it must be at most 1,000,000,000,000"),
        ("roi_minimum: 3", "roi_minimum: 1e308", "roi_minimum is 1e+308; it must be at most 1,000,000,000,000"),
        ("min_cases: 500, ", "min_cases: 1e308, ", "shadow_gate.min_cases is 1e+308; it must be at most 1,000,000,000,000"),
    ])
    func questionnaireParametersHaveRanges(find: String, replace: String, message: String) throws {
        let dir = try temporaryDirectory()
        var text = try read(Repo.path("questionnaires/ai-maturity-manufacturing.yaml"))
        #expect(text.contains(find))
        text = text.replacingOccurrences(of: find, with: replace)
        try text.write(toFile: "\(dir)/q.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["validate", "\(dir)/q.yaml"])
        #expect(run.status == 65)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func anEmptyGoNoGoIsRefused() throws {
        let dir = try temporaryDirectory()
        var text = try read(Repo.path("questionnaires/ai-maturity-manufacturing.yaml"))
        let start = try #require(text.range(of: "  go_no_go:\n"))
        let end = try #require(text.range(of: "failure_mode", range: start.upperBound..<text.endIndex))
        let lineEnd = text[end.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        text.replaceSubrange(start.lowerBound..<lineEnd, with: "  go_no_go: []")
        try text.write(toFile: "\(dir)/q.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["validate", "\(dir)/q.yaml"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("go_no_go has no questions"))
    }

    @Test func theQuestionnaireKeyTakesAnIdNeverAPath() throws {
        let (dir, file) = try acme([("questionnaire: ai-maturity-manufacturing", "questionnaire: \"./.env\"")])
        try "SECRET_TOKEN=hunter2\n".write(toFile: "\(dir)/.env", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", file], in: dir)
        #expect(run.status == 65)
        #expect(run.stderr.contains("questionnaire is \"./.env\"; expected an id such as ai-maturity-manufacturing"))
        #expect(!run.stderr.contains("hunter2"))
        let etc = try acme([("questionnaire: ai-maturity-manufacturing", "questionnaire: /etc/passwd")])
        let second = try Binary.run(["validate", etc.file])
        #expect(second.status == 65)
        #expect(!second.stderr.contains("root:"))
    }

    @Test func errorsNeverEchoMoreThanAShortPrefix() throws {
        let long = String(repeating: "x", count: 5000)
        let (_, file) = try acme([("staff_ai_tools: ad_hoc", "staff_ai_tools: \(long)")])
        let run = try Binary.run(["validate", file])
        #expect(run.status == 65)
        #expect(run.stderr.count < 700)
        #expect(run.stderr.contains("…"))
    }

    @Test func reportOntoItsOwnInputIsRefusedAndTheInputSurvives() throws {
        let (dir, file) = try acme()
        let before = try read(file)
        let same = try Binary.run(["report", "acme.yaml", "--format", "text", "--output", "./acme.yaml"], in: dir)
        #expect(same.status == 73)
        #expect(same.stderr.contains("this is an input of the command"))
        let unknown = try Binary.run(["report", "acme.yaml", "--output", "acme.yaml"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains(".yaml names no format this command writes"))
        #expect(try read(file) == before)
    }

    @Test func assessRefusesAReportNameAsItsOutput() throws {
        let dir = try temporaryDirectory()
        for name in ["acme.md", "acme.html"] {
            let run = try Binary.run(["assess", "--output", name], in: dir, stdin: "")
            #expect(run.status == 64)
            #expect(run.stderr.contains("the interview writes the assessment itself, a .yaml file"))
        }
    }

    @Test func theInterviewLeavesAReportItDidNotWrite() throws {
        let dir = try temporaryDirectory()
        try "<p>my own notes</p>\n".write(toFile: "\(dir)/acme.html", atomically: true, encoding: .utf8)
        let answers = try read(Repo.path("Tests/MaturityCLITests/Fixtures/interview-answers.txt"))
        let run = try Binary.run(["assess", "--output", "acme.yaml"], in: dir, stdin: answers)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try read("\(dir)/acme.html") == "<p>my own notes</p>\n")
        #expect(run.stdout.contains("acme.html already exists and was not written by maturity; left as it is"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/acme.md"))
    }

    @Test func aSecondInterviewOnTheSameFileIsRefused() throws {
        let dir = try temporaryDirectory()
        try read(Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml")).write(toFile: "\(dir)/acme.yaml", atomically: true, encoding: .utf8)
        let lock = try FileLock(for: "\(dir)/acme.yaml")
        let run = try Binary.run(["assess", "--output", "acme.yaml", "--resume"], in: dir, stdin: "")
        #expect(run.status == 73)
        #expect(run.stderr.contains("another maturity run is writing this file"))
        withExtendedLifetime(lock) {}
    }

    @Test(arguments: [0x01, 0x07, 0x1B, 0x7F, 0x80, 0x85, 0x92, 0x9F, 0xA0, 0xFEFF, 0xFFFE, 0xFFFF, 0xE000, 0x1F600, 0x10FFFF])
    func everyCodePointRoundTripsThroughTheFile(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let name = "Bob" + String(Character(scalar)) + "s Parts"
        var draft = Draft(questionnaireID: "ai-maturity-manufacturing")
        draft.name = name
        draft.currency = "USD"
        draft.assessedOn = Build.day
        draft.processes = [Build.process("Quo" + String(Character(scalar)) + "te")]
        draft.loadedHourlyRate = 40
        let yaml = AssessmentWriter.yaml(draft, questionnaire: Repo.questionnaire)
        let loaded = try AssessmentLoader.load(text: yaml, file: "t.yaml") { _ in Repo.questionnaire }
        #expect(loaded.assessment.organization.name == name)
        #expect(loaded.assessment.processes.first?.name == "Quo" + String(Character(scalar)) + "te")
    }

    @Test func writesKeepTheModeAndGoThroughASymlink() throws {
        let (dir, _) = try acme()
        let out = "\(dir)/report.md"
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        chmod(out, 0o600)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/link.md", withDestinationPath: "report.md")
        let run = try Binary.run(["report", "acme.yaml", "--output", "link.md"], in: dir)
        #expect(run.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/link.md") == "report.md")
        #expect(try read(out).hasPrefix("# Acme Castings"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["acme.yaml", "link.md", "report.md"])
    }

    @Test func aDeviceIsWrittenNotReplaced() throws {
        let run = try Binary.run(["report", "examples/acme.yaml", "--output", "/dev/null"])
        #expect(run.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func theFileSizeLimitIsReportedAndNothingIsLeftBehind() throws {
        let (dir, _) = try acme()
        try "keep me\n".write(toFile: "\(dir)/r.html", atomically: true, encoding: .utf8)
        let run = try Binary.run(["-c", "ulimit -f 8; exec \"$0\" report acme.yaml --output r.html", Binary.url.path],
                                 in: dir, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 73)
        #expect(run.stderr.contains("larger than this shell allows (ulimit -f); nothing was changed"))
        #expect(try read("\(dir)/r.html") == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["acme.yaml", "r.html"])
    }

    /// A real full disk: a 32 KB tmpfs, so root only (CI runs as root); elsewhere it is skipped.
    @Test(.enabled(if: getuid() == 0))
    func aFullDiskIsReportedAndTheOriginalKept() throws {
        let dir = try temporaryDirectory()
        let mount = try Binary.run(["-t", "tmpfs", "-o", "size=32k", "tmpfs", dir], executable: URL(fileURLWithPath: "/bin/mount"))
        // As root the mount must work: a test that passed because it could not mount would prove nothing.
        try #require(mount.status == 0, "mount tmpfs failed: \(mount.stderr)")
        defer { _ = try? Binary.run([dir], executable: URL(fileURLWithPath: "/bin/umount")) }
        try "keep me\n".write(toFile: "\(dir)/r.html", atomically: false, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: "\(dir)/fill", contents: Data(count: 24 * 1024))
        let run = try Binary.run(["report", Repo.path("examples/acme.yaml"), "--output", "\(dir)/r.html"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("the disk is full; nothing was changed"))
        #expect(try read("\(dir)/r.html") == "keep me\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["fill", "r.html"])
    }

    @Test func aFolderAsOutputSaysSo() throws {
        let (dir, _) = try acme()
        try FileManager.default.createDirectory(atPath: "\(dir)/out.md", withIntermediateDirectories: false)
        let run = try Binary.run(["report", "acme.yaml", "--output", "out.md"], in: dir)
        #expect(run.status == 73)
        #expect(run.stderr.contains("it is a folder"))
    }

    @Test func standardInputIsReadable() throws {
        let text = try read(Repo.path("examples/acme.yaml"))
        let run = try Binary.run(["report", "/dev/stdin"], stdin: text)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Acme Castings"))
    }

    @Test func demoNeverOverwritesWithoutAsking() throws {
        let dir = try temporaryDirectory()
        let first = try Binary.run(["demo", "--output", "d"], in: dir)
        #expect(first.status == 0)
        let again = try Binary.run(["demo", "--output", "d"], in: dir)
        #expect(again.status == 73)
        #expect(again.stderr.contains("the folder already holds files; nothing was written"))
        #expect(try Binary.run(["demo", "--output", "d", "--force"], in: dir).status == 0)
        try "x".write(toFile: "\(dir)/f", atomically: true, encoding: .utf8)
        let file = try Binary.run(["demo", "--output", "f"], in: dir)
        #expect(file.status == 73)
        #expect(file.stderr == "f: error: this is a file, not a folder; give --output a folder name\n")
    }

    @Test func historyLeavesOutUnfinishedInterviews() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("examples/acme.yaml"), toPath: "\(dir)/2026-q4.yaml")
        try "version: 1\nquestionnaire: ai-maturity-manufacturing\norganization: {name: Acme}\ninterview: {next: profile.industry}\n"
            .write(toFile: "\(dir)/draft.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["history", dir, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((output["assessments"] as? [[String: Any]])?.count == 1)
    }

    @Test func controlSequencesInNamesAreShownNotObeyed() throws {
        let (_, file) = try acme([("{name: Acme Castings,", "{name: \"Evil\\e]0;pwned\\a\\e[2J\\e]52;c;aGk=\\a Co\",")])
        for format in ["text", "md"] {
            let run = try Binary.run(["report", file, "--format", format])
            #expect(run.status == 0)
            #expect(!run.stdout.contains("\u{1B}"))
            #expect(!run.stdout.contains("\u{07}"))
            #expect(run.stdout.contains("Evil\\x1b"))
        }
    }

    @Test func markdownNeverTurnsANameIntoFormattingOrALink() throws {
        let (_, file) = try acme([("{name: Acme Castings,", "{name: \"_x_ ~~y~~ https://evil.example www.evil.example\",")])
        let md = try Binary.run(["report", file, "--format", "md"]).stdout
        #expect(md.hasPrefix("# \\_x\\_ \\~\\~y\\~\\~ https\\://evil.example www\\.evil.example: where it stands with AI\n"))
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNotACrash() throws {
        let dir = try temporaryDirectory()
        #expect(try Binary.run(["templates", "export", "\(dir)/t"]).status == 0)
        let why = "\(dir)/t/partials/md/why.mustache"
        try (try read(why) + "{{> partials/md/why}}\n").write(toFile: why, atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "md", "--templates", "\(dir)/t"])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("\(dir)/t/partials/md/why.mustache:"))
        #expect(run.stderr.contains("partial includes itself"))
        let glance = "\(dir)/t/partials/md/glance.mustache"
        try (try read(why)).replacingOccurrences(of: "{{> partials/md/why}}\n", with: "").write(toFile: why, atomically: true, encoding: .utf8)
        try (try read(glance) + "{{> partials/md/why}}\n").write(toFile: glance, atomically: true, encoding: .utf8)
        try (try read(why) + "{{> partials/md/glance}}\n").write(toFile: why, atomically: true, encoding: .utf8)
        let loop = try Binary.run(["report", "examples/acme.yaml", "--format", "md", "--templates", "\(dir)/t"])
        #expect(loop.status == 65)
        #expect(loop.stderr.contains("partial includes itself through others"))
    }

    @Test func aHugeTemplateIsRefusedAtOnce() throws {
        let dir = try temporaryDirectory()
        #expect(try Binary.run(["templates", "export", "\(dir)/t"]).status == 0)
        try String(repeating: "{{company}}", count: 16_384).write(toFile: "\(dir)/t/report.md.mustache", atomically: true, encoding: .utf8)
        let started = Date()
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "md", "--templates", "\(dir)/t"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("the template has 16384 tags; the limit is 4000"))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func csvQuotesAreCheckedByRow() throws {
        let (dir, file) = try acme()
        let before = try read(file)
        try "Name,Hours per week\nQuote \"prep\",40\nOrders,30\n".write(toFile: "\(dir)/stray.csv", atomically: true, encoding: .utf8)
        let stray = try Binary.run(["inventory", "import", "stray.csv", "--into", "acme.yaml"], in: dir)
        #expect(stray.status == 65)
        #expect(stray.stderr == "stray.csv: error: row 2 has a quote inside a cell; a quote inside a cell must be doubled (\"\") or the whole cell put "
                                + "in quotes\n")
        try "Name,Hours per week\n\"Quote prep,40\nOrders,30\nBilling,20\n".write(toFile: "\(dir)/open.csv", atomically: true, encoding: .utf8)
        let open = try Binary.run(["inventory", "import", "open.csv", "--into", "acme.yaml"], in: dir)
        #expect(open.status == 65)
        #expect(open.stderr.contains("the quote opened on row 2 is never closed"))
        #expect(try read(file) == before)
    }

    @Test func importKeepsTheAssessmentsModeAndLink() throws {
        let (dir, file) = try acme()
        chmod(file, 0o600)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/current.yaml", withDestinationPath: "acme.yaml")
        try "Name,Hours per week\nInvoice posting,12\n".write(toFile: "\(dir)/p.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["inventory", "import", "p.csv", "--into", "current.yaml"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(dir)/current.yaml") == "acme.yaml")
        #expect(try read(file).contains("Invoice posting"))
    }

    @Test func longListsAreSummarised() throws {
        let (dir, _) = try acme()
        var csv = "Name,Hours per week\n"
        for i in 0..<3000 { csv += "P\(i),1\n" }
        try csv.write(toFile: "\(dir)/many.csv", atomically: true, encoding: .utf8)
        let run = try Binary.run(["inventory", "import", "many.csv", "--into", "acme.yaml", "--dry-run"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Added 3000: P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, and 2990 more\n"))
    }
}

/// Standard output that cannot be written is an error to report, never a trap.
@Suite("Output to a full disk, a closed descriptor or a closed pipe")
struct OutputFailureTests {
    /// Runs the binary through the shell so its standard output can be redirected.
    func shell(_ redirect: String) throws -> Run {
        try Binary.run(["-c", "\"$0\" report examples/acme.yaml --format html \(redirect)", Binary.url.path],
                       executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aFullDiskEndsWithOneLineAndExit74() throws {
        let run = try shell("> /dev/full")
        #expect(run.status == 74)
        #expect(run.stderr == "error: cannot write to standard output: the disk is full\n")
    }

    @Test func aClosedStandardOutputEndsWithOneLineAndExit74() throws {
        let run = try shell(">&-")
        #expect(run.status == 74)
        #expect(run.stderr == "error: cannot write to standard output: it is closed\n")
    }

    @Test func aReaderThatStopsEarlyEndsTheRunQuietly() throws {
        let run = try Binary.run(["-c", "\"$0\" report examples/acme.yaml --format html | head -c 10 > /dev/null; echo \"${PIPESTATUS:-x}\"",
                                  Binary.url.path], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }
}

/// A right-to-left override (U+202E) in a name cannot reorder the rest of a line: HTML isolates the
/// value (first-strong isolate … pop directional isolate, the character form of <bdi>), Markdown shows it.
@Suite("Bidirectional controls in names")
struct BidiTests {
    func file() throws -> String {
        let dir = try temporaryDirectory()
        let text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{name: Acme Castings,", with: "{name: \"Acme \\u202Egnitsac Co\",")
        try text.write(toFile: "\(dir)/a.yaml", atomically: true, encoding: .utf8)
        return "\(dir)/a.yaml"
    }

    @Test func htmlIsolatesTheNameSoItsOverrideEndsWithIt() throws {
        let html = try Binary.run(["report", try file(), "--format", "html"]).stdout
        #expect(html.contains("<h1>\u{2068}Acme \u{202E}gnitsac Co\u{2069}: where it stands with AI</h1>"))
    }

    @Test func markdownShowsTheControlInsteadOfObeyingIt() throws {
        let md = try Binary.run(["report", try file(), "--format", "md"]).stdout
        #expect(md.hasPrefix("# Acme (U+202E)gnitsac Co: where it stands with AI"))
        #expect(!md.unicodeScalars.contains { $0.value == 0x202E })
    }
}

/// `--templates DIR` reads only regular files inside DIR.
@Suite("Templates only from files inside the folder")
struct TemplateFolderTests {
    @Test func aLinkLeadingOutOfTheFolderIsRefusedAndNothingLeaks() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(dir)/t", withIntermediateDirectories: true)
        try "the payroll file".write(toFile: "\(dir)/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/t/report.html.mustache", withDestinationPath: "\(dir)/secret.txt")
        let run = try Binary.run(["report", "examples/acme.yaml", "--templates", "\(dir)/t", "--format", "html"])
        #expect(run.status != 0)
        #expect(!run.stdout.contains("the payroll file"))
        #expect(run.stderr.contains("report.html.mustache: error: cannot read the file (it is a link to a file outside the templates folder"))
    }

    @Test func aPipeNamedLikeATemplateIsRefusedNotWaitedOn() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(dir)/t", withIntermediateDirectories: true)
        #expect(mkfifo("\(dir)/t/report.md.mustache", 0o600) == 0)
        let run = try Binary.run(["report", "examples/acme.yaml", "--templates", "\(dir)/t", "--format", "md"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("it is not a regular file"))
    }

    @Test func aLinkInsideTheFolderIsRead() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(dir)/t", withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE: TEXT}}Custom {{company}}\n".write(toFile: "\(dir)/t/mine.txt.mustache", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/t/report.txt.mustache", withDestinationPath: "\(dir)/t/mine.txt.mustache")
        let run = try Binary.run(["report", "examples/acme.yaml", "--templates", "\(dir)/t"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Custom Acme Castings"))
    }
}

/// YAML aliases are read in bounded work: never as keys, and at most a few hundred.
@Suite("YAML aliases, bounded")
struct AliasTests {
    func validate(_ yaml: String) throws -> Run {
        let dir = try temporaryDirectory()
        try yaml.write(toFile: "\(dir)/a.yaml", atomically: true, encoding: .utf8)
        return try Binary.run(["validate", "a.yaml"], in: dir)
    }

    @Test func anAliasUsedAsAKeyIsRefusedWithItsLine() throws {
        var yaml = "version: 1\nquestionnaire: ai-maturity-manufacturing\na0: &a0 {x: 1, y: 1}\n"
        for i in 1...12 { yaml += "a\(i): &a\(i) {*a\(i - 1): 1, k\(i): *a\(i - 1)}\n" }
        yaml += "*a12: boom\n"
        let run = try validate(yaml)
        #expect(run.status == 65)
        // The first one, inside a flow mapping on line 4, is named.
        #expect(run.stderr.contains("a.yaml:4: error: the alias *a0 is used as a key; write the key out"), "\(run.stderr)")
    }

    @Test func tooManyAliasesAreRefused() throws {
        var yaml = "version: 1\nquestionnaire: ai-maturity-manufacturing\nbase: &b 1\nlist:\n"
        for _ in 0..<250 { yaml += "  - *b\n" }
        let run = try validate(yaml)
        #expect(run.status == 65)
        #expect(run.stderr.contains("aliases (*name); at most 200 are read"))
    }

    @Test func aFewAliasesForValuesStillRead() throws {
        let text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "loaded_hourly_rate: 48}", with: "loaded_hourly_rate: &rate 48}")
        #expect(text.contains("&rate"))
        let run = try validate(text)
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// Writing into a user's file keeps what makes it theirs: its mode, its links, its owner; a file
/// whose mode lets nobody write it is refused unless --force (root could write it regardless).
@Suite("A written file stays the user's")
struct FileKeepingTests {
    func importInto(_ dir: String, _ extra: [String] = []) throws -> Run {
        try "Name,Hours per week,Volume per week\nFreight booking,12,80\n".write(toFile: "\(dir)/p.csv", atomically: true, encoding: .utf8)
        return try Binary.run(["inventory", "import", "p.csv", "--into", "acme.yaml"] + extra, in: dir)
    }

    @Test func aReadOnlyFileIsRefusedUnlessForced() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("examples/acme.yaml"), toPath: "\(dir)/acme.yaml")
        chmod("\(dir)/acme.yaml", 0o444)
        let before = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        let refused = try importInto(dir)
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("acme.yaml: error: cannot write the file (read-only: its mode lets nobody write it; "
                                        + "make it writable (chmod u+w) or pass --force)"))
        #expect(try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8) == before)
        let forced = try importInto(dir, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8).contains("Freight booking"))
        var info = stat()
        #expect(stat("\(dir)/acme.yaml", &info) == 0 && info.st_mode & 0o777 == 0o444, "the mode is kept")
    }

    @Test func aHardLinkedFileIsWrittenInPlaceSoBothNamesSeeIt() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("examples/acme.yaml"), toPath: "\(dir)/acme.yaml")
        #expect(link("\(dir)/acme.yaml", "\(dir)/shared-copy.yaml") == 0)
        let run = try importInto(dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: "\(dir)/shared-copy.yaml", encoding: .utf8).contains("Freight booking"))
        var a = stat(), b = stat()
        #expect(stat("\(dir)/acme.yaml", &a) == 0 && stat("\(dir)/shared-copy.yaml", &b) == 0 && a.st_ino == b.st_ino)
    }

    /// Only root can write a file someone else owns; CI runs as root.
    @Test(.enabled(if: getuid() == 0, "needs root")) func theOwnerIsKeptWhenRootWrites() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: Repo.path("examples/acme.yaml"), toPath: "\(dir)/acme.yaml")
        #expect(chown("\(dir)/acme.yaml", 1000, 1000) == 0)
        let run = try importInto(dir)
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(stat("\(dir)/acme.yaml", &info) == 0 && info.st_uid == 1000 && info.st_gid == 1000)
    }
}

/// One `--format`/`--output`/`--templates` for every command that renders.
@Suite("The same output options on every command")
struct OutputOptionTests {
    @Test func compareAndHistoryWriteToAFileAndFollowItsExtension() throws {
        let dir = try temporaryDirectory()
        let q2 = Repo.path("examples/acme-history/2026-q2.yaml"), q3 = Repo.path("examples/acme-history/2026-q3.yaml")
        let compare = try Binary.run(["compare", q2, q3, "--output", "changes.md"], in: dir)
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.isEmpty)
        #expect(compare.stderr.contains("Wrote changes.md"))
        #expect(try String(contentsOfFile: dir + "/changes.md", encoding: .utf8).hasPrefix("#"))
        let history = try Binary.run(["history", Repo.path("examples/acme-history"), "-o", "history.json"], in: dir)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(try String(contentsOfFile: dir + "/history.json", encoding: .utf8).contains("\"schemaVersion\""))
    }

    @Test func aFormatTheCommandDoesNotWriteIsRefusedWithTheOnesItDoes() throws {
        let q2 = Repo.path("examples/acme-history/2026-q2.yaml"), q3 = Repo.path("examples/acme-history/2026-q3.yaml")
        let html = try Binary.run(["compare", q2, q3, "--format", "html"])
        #expect(html.status == 64)
        #expect(html.stderr.contains("--format html: this command writes text, json, md"))
        let validate = try Binary.run(["validate", Repo.path("examples/acme.yaml"), "--format", "md"])
        #expect(validate.status == 64)
        #expect(validate.stderr.contains("this command writes text, json"))
    }

    @Test func compareReadsTemplatesFromAFolder() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/t", withIntermediateDirectories: true)
        try "Our own compare: {{stageLine}}\n".write(toFile: dir + "/t/compare.txt.mustache", atomically: true, encoding: .utf8)
        let q2 = Repo.path("examples/acme-history/2026-q2.yaml"), q3 = Repo.path("examples/acme-history/2026-q3.yaml")
        let run = try Binary.run(["compare", q2, q3, "--templates", "t"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Our own compare:"))
    }
}

/// A field of the output model reaches a template without a line in the view.
@Suite("Templates read the output model")
struct TemplateDataTests {
    @Test func aTemplateShowsAnyModelFieldAsData() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/t", withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE: TEXT}}{{data.nextMove.kind}} in {{data.nextMove.weeks}} weeks, stage {{data.stage}}\n"
            .write(toFile: dir + "/t/report.txt.mustache", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", Repo.path("examples/acme.yaml"), "--templates", "t"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Binary.run(["report", Repo.path("examples/acme.yaml"), "--format", "json"], in: dir)
        let model = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let move = model?["nextMove"] as? [String: Any]
        let kind = try #require(move?["kind"] as? String), weeks = try #require(move?["weeks"] as? Int)
        #expect(run.stdout == "\(kind) in \(weeks) weeks, stage \(model?["stage"] as? Int ?? -1)\n")
    }
}

/// `--format xlsx`: a workbook of real cells, written to a file only.
@Suite("The consultant's workbook")
struct WorkbookTests {
    @Test func theWorkbookHasNumbersDatesAndFormulas() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["report", Repo.path("examples/acme.yaml"), "--output", "plan.xlsx"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/plan.xlsx"))
        #expect(data.prefix(2) == Data("PK".utf8))
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> String {
            let entry = try #require(archive[path])
            var out = Data()
            _ = try archive.extract(entry) { out.append($0) }
            return String(decoding: out, as: UTF8.self)
        }
        let useCases = try part("xl/worksheets/sheet2.xml")
        #expect(useCases.contains("<f>SUM(H2:K2)</f>"))
        #expect(useCases.contains("Customer PO entry"))
        let plan = try part("xl/worksheets/sheet3.xml")
        // Dates are serial days with the date style: 2026-11-23 is 46349.
        #expect(plan.contains(#"s="1"><v>46"#))
        #expect(try part("xl/workbook.xml").contains(#"<sheet name="Budget""#))
    }

    @Test func aWorkbookIsNeverWrittenToTheTerminal() throws {
        let run = try Binary.run(["report", Repo.path("examples/acme.yaml"), "--format", "xlsx"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("give --output plan.xlsx"))
        #expect(run.stdout.isEmpty)
    }
}
