import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MaturityTestSupport
import Testing

/// A real terminal: tmux runs the binary on a pseudo-terminal, types keys and reads the screen.
final class TmuxSession {
    let socket = "maturity-test-\(UUID().uuidString.prefix(8))"
    let name = "iv"

    /// Runs a tmux command with posix_spawn and waitpid. Foundation's Process never returns from
    /// a command that starts the tmux server, and the server must not inherit this process's
    /// pipes, so bash closes every descriptor above 2 before it runs tmux.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let quoted = (["tmux", "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let script = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; exec " + quoted.joined(separator: " ")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = ["/bin/bash", "-c", script]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", &actions, nil, &argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts `command` in `directory`; the pane stays after exit and shows the exit code.
    func start(_ command: String, in directory: String) throws {
        try tmux(["new-session", "-d", "-s", name, "-x", "100", "-y", "40", "-c", directory,
                  "\(command); echo __EXIT=$?; sleep 600"])
    }

    func type(_ text: String) throws {
        if !text.isEmpty { try tmux(["send-keys", "-t", name, "-l", "--", text]) }
        try tmux(["send-keys", "-t", name, "Enter"])
    }

    func interrupt() throws { try tmux(["send-keys", "-t", name, "C-c"]) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-J", "-S", "-300", "-t", name]) }

    /// The screen with its colour and attribute escape codes.
    func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e", "-J", "-S", "-300", "-t", name]) }

    /// Waits until the screen's last non-blank line contains `text` (a prompt waiting for input).
    func waitForPrompt(_ text: String, timeout: TimeInterval = 10) throws {
        try waitUntil(timeout, "prompt \(text)") { screen in
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains(text) ?? false
        }
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) throws {
        try waitUntil(timeout, text) { $0.contains(text) }
    }

    private func waitUntil(_ timeout: TimeInterval, _ what: String, _ done: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if done(last) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)")
        throw CancellationError()
    }

    func kill() { _ = try? tmux(["kill-server"]) }
}

@Suite("The interview in a real terminal")
struct InterviewTerminalTests {
    /// A facilitated workshop on a terminal: what each person types is not shown to the next.
    @Test func workshopAnswersAreTypedBlind() throws {
        let dir = try temporaryDirectory()
        let tmux = TmuxSession()
        defer { tmux.kill() }
        try tmux.start("'\(Binary.url.path)' workshop run --participants 'Ana (CEO)' 'Ben (Ops)' --output w.yaml", in: dir)
        try tmux.waitForPrompt("Company name:")
        for answer in ["Acme", "", "", "48", "2026-11-20", "", ""] {
            try tmux.type(answer)
            Thread.sleep(forTimeInterval: 0.2)
        }
        try tmux.waitForPrompt("Ana (CEO), your answer:")
        try tmux.type("3")
        try tmux.waitForPrompt("Ben (Ops), your answer:")
        let screen = try tmux.screen()
        // The line Ana typed on shows no answer, only that it is hidden.
        #expect(screen.contains("Ana (CEO), your answer: (hidden until everyone has answered)"), "\(screen)")
        try tmux.type("1")
        try tmux.waitFor("Spread:")
        try tmux.type("quit")
        try tmux.waitFor("__EXIT=")
    }

    @Test func helpBackSkipCtrlCThenResumeKeepsEveryConfirmedAnswer() throws {
        let dir = try temporaryDirectory()
        let tmux = TmuxSession()
        defer { tmux.kill() }
        let bin = Binary.url.path
        try tmux.start("'\(bin)' assess --output acme.yaml", in: dir)
        try tmux.waitForPrompt("Company name:")
        try tmux.type("Acme Castings")
        try tmux.waitForPrompt("Industry (what the company makes):")
        try tmux.type("?")
        try tmux.waitFor("Optional; shown under the company name.")
        try tmux.type("back")
        try tmux.waitForPrompt("Company name [Acme Castings]:")
        try tmux.type("")
        try tmux.waitForPrompt("Industry (what the company makes):")
        try tmux.type("skip")
        try tmux.waitForPrompt("Currency [USD]:")
        try tmux.type("")
        try tmux.waitForPrompt("Loaded cost of one staff hour")
        try tmux.type("lots")
        try tmux.waitFor("Expected money per hour, like 48.")
        try tmux.type("48")
        try tmux.waitForPrompt("Date of this assessment")
        try tmux.type("2026-11-20")
        try tmux.waitForPrompt("Day the 90-day plan starts [2026-11-20]:")
        try tmux.type("")
        try tmux.waitForPrompt("Name, role")
        try tmux.type("Dana Ruiz, COO")
        try tmux.waitForPrompt("Add another")
        try tmux.type("")
        try tmux.waitForPrompt(">")
        try tmux.type("3")
        try tmux.waitFor("question 2 of 13")
        try tmux.waitForPrompt(">")
        try tmux.type("skip")
        try tmux.waitFor("question 3 of 13")
        try tmux.interrupt()
        try tmux.waitFor("__EXIT=130")
        try tmux.waitFor("Stopped. Every confirmed answer is saved in acme.yaml. Continue with: maturity assess --output acme.yaml --resume")

        let saved = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        #expect(saved == """
        version: 1
        questionnaire: ai-maturity-manufacturing
        organization: {name: Acme Castings, currency: USD, loaded_hourly_rate: 48}
        assessed_on: 2026-11-20
        respondents: [{name: Dana Ruiz, role: COO}]
        answers:
          staff_ai_tools: standardized
          tool_gains_measured: unknown
        interview: {next: q:ai_pilots}

        """)

        try tmux.tmux(["kill-session", "-t", tmux.name])
        try tmux.start("'\(bin)' assess --output acme.yaml --resume", in: dir)
        try tmux.waitFor("Continuing acme.yaml at the question \"AI pilots run\".")
        try tmux.waitForPrompt(">")
        try tmux.type("4")
        try tmux.waitFor("question 6 of 13")
        try tmux.type("quit")
        try tmux.waitFor("__EXIT=0")
        let resumed = try String(contentsOfFile: "\(dir)/acme.yaml", encoding: .utf8)
        #expect(resumed.contains("  tool_gains_measured: unknown\n  ai_pilots: 4\n"))
        #expect(resumed.hasSuffix("interview: {next: q:line_level_ai_funded}\n"))
    }

    @Test(arguments: [false, true])
    func colourOnATerminalUnlessNoColorIsSet(noColor: Bool) throws {
        let dir = try temporaryDirectory()
        let tmux = TmuxSession()
        defer { tmux.kill() }
        // The test runner's own environment must not decide the outcome: set or clear NO_COLOR explicitly.
        try tmux.start((noColor ? "env NO_COLOR=1 " : "env -u NO_COLOR ") + "'\(Binary.url.path)' assess --output a.yaml", in: dir)
        try tmux.waitForPrompt("Company name:")
        let styled = try tmux.styledScreen()
        #expect(styled.contains("\u{1B}[") == !noColor)
        let widest = try tmux.screen().split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 80, "the opening screen fits 80 columns")
        try tmux.type("quit")
        try tmux.waitFor("__EXIT=0")
    }

    @Test func aConsultantsQuestionnaireDrivesTheSameInterview() throws {
        let dir = try temporaryDirectory()
        let shipped = try String(contentsOfFile: Repo.path("questionnaires/ai-maturity-manufacturing.yaml"), encoding: .utf8)
        let custom = shipped
            .replacingOccurrences(of: "id: ai-maturity-manufacturing", with: "id: northbridge-2027")
            .replacingOccurrences(of: "  - id: staff_ai_tools\n", with: """
              - id: erp_upgrade_planned
                section: Northbridge extras
                type: yes_no
                prompt: Is an ERP upgrade planned in the next 12 months?
                help: An upgrade changes the integration every agent writes back through.
              - id: staff_ai_tools

            """)
        try custom.write(toFile: "\(dir)/northbridge-2027.yaml", atomically: true, encoding: .utf8)
        // The seven questions about agents are passed over: this company lists none.
        let keys = ["Acme", "", "", "48", "", "", "Dana, COO", "", "y"] + Array(repeating: "skip", count: 6) + ["done", "done", ""]
        let run = try Binary.run(["assess", "--questionnaire", "northbridge-2027.yaml", "--output", "a.yaml"], in: dir,
                                 stdin: keys.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("[Northbridge extras · question 1 of 14]\nIs an ERP upgrade planned in the next 12 months? (y/n)\n> y\n"))
        let saved = try String(contentsOfFile: "\(dir)/a.yaml", encoding: .utf8)
        #expect(saved.contains("questionnaire: northbridge-2027\n"))
        #expect(saved.contains("answers:\n  erp_upgrade_planned: true\n  staff_ai_tools: unknown\n"))
    }
}
