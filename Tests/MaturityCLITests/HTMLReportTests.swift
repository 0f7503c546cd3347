import Foundation
import MaturityTestSupport
import Testing

@Suite("HTML and Markdown reports")
struct HTMLReportTests {
    /// Writes an assessment with the given organisation name into a temp folder.
    func assessment(named name: String) throws -> String {
        let dir = try temporaryDirectory()
        var text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "{name: Acme Castings,", with: "{name: \"\(name)\",")
        try text.write(toFile: "\(dir)/a.yaml", atomically: true, encoding: .utf8)
        return "\(dir)/a.yaml"
    }

    @Test func demoReportsMatchTheReviewedCopiesInDocs() throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["demo", "--output", dir])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Stage 1 of 0–4: Assisted."))
        #expect(run.stdout.contains("\(dir)/hartwell-precision.html"))
        for file in ["hartwell-precision.yaml", "hartwell-precision.html", "hartwell-precision.md", "hartwell-precision.json"] {
            let made = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
            let golden = Repo.path("docs/demo/\(file)")
            if Repo.recording, made != (try? String(contentsOfFile: golden, encoding: .utf8)) {
                try made.write(toFile: golden, atomically: true, encoding: .utf8)
                Issue.record("Recorded a new baseline for docs/demo/\(file): review the diff, then run the tests again")
            }
            #expect(made == (try String(contentsOfFile: golden, encoding: .utf8)), "\(file) differs from docs/demo; review and re-record")
        }
        // The ladder on the demo's decision log, reviewed like the reports.
        for (format, file) in [("html", "ladder.html"), ("md", "ladder.md")] {
            let made = try Binary.run(["ladder", "\(dir)/ap-invoice-matcher-log.csv", "--agent", "AP invoice matcher",
                                       "--assessment", "\(dir)/hartwell-precision.yaml", "--format", format]).stdout
            let golden = Repo.path("docs/demo/\(file)")
            if Repo.recording, made != (try? String(contentsOfFile: golden, encoding: .utf8)) {
                try made.write(toFile: golden, atomically: true, encoding: .utf8)
                Issue.record("Recorded a new baseline for docs/demo/\(file): review the diff, then run the tests again")
            }
            #expect(made == (try String(contentsOfFile: golden, encoding: .utf8)), "\(file) differs from docs/demo; review and re-record")
        }
    }

    /// The demo in German and Spanish, reviewed by a reader of each language (issue 25).
    @Test(arguments: ["de", "es"])
    func theDemoInEachLanguageMatchesItsReviewedCopy(_ lang: String) throws {
        let dir = try temporaryDirectory()
        let run = try Binary.run(["demo", "--lang", lang, "--output", dir])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        var files: [(String, String)] = []
        for file in ["hartwell-precision.html", "hartwell-precision.md"] { files.append((file, try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8))) }
        files.append(("ladder.md", try Binary.run(["ladder", "\(dir)/ap-invoice-matcher-log.csv", "--agent", "AP invoice matcher", "--lang", lang,
                                                   "--assessment", "\(dir)/hartwell-precision.yaml", "--format", "md"]).stdout))
        for (file, made) in files {
            let golden = Repo.path("docs/demo/\(lang)/\(file)")
            if Repo.recording, made != (try? String(contentsOfFile: golden, encoding: .utf8)) {
                try FileManager.default.createDirectory(atPath: Repo.path("docs/demo/\(lang)"), withIntermediateDirectories: true)
                try made.write(toFile: golden, atomically: true, encoding: .utf8)
                Issue.record("Recorded a new baseline for docs/demo/\(lang)/\(file): review the diff, then run the tests again")
            }
            #expect(made == (try String(contentsOfFile: golden, encoding: .utf8)), "\(lang)/\(file) differs from docs/demo; review and re-record")
        }
    }

    @Test func companyNameWithMarkupShowsAsTextEverywhere() throws {
        let file = try assessment(named: "<script>alert(1)</script> & Sons")
        let html = try Binary.run(["report", file, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons: where it stands with AI</h1>"))
        #expect(!html.stdout.contains("<script>alert"))
        #expect(html.stdout.components(separatedBy: "<script").count == 2, "only the JSON data block is a script element")
        #expect(html.stdout.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 Sons"))
        let md = try Binary.run(["report", file, "--format", "md"])
        #expect(md.stdout.hasPrefix("# &lt;script&gt;alert(1)&lt;/script&gt; \\& Sons: where it stands with AI\n"))
        #expect(!md.stdout.contains("&amp;"))
    }

    @Test func htmlIsOneOfflineFileThatForbidsScripts() throws {
        let html = try Binary.run(["report", "examples/acme.yaml", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                              + "script-src 'none'\">"))
        for external in ["src=\"http", "href=\"http", "url(http", "@import", "<link "] {
            #expect(!html.contains(external), "no external fetch: \(external)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("<title id=\"ladder-title\">") && html.contains("<desc id=\"chart-desc\">"))
    }

    @Test func embeddedJSONRoundTripsToTheJSONReport() throws {
        let html = try Binary.run(["report", "examples/acme.yaml", "--format", "html"]).stdout
        let json = try Binary.run(["report", "examples/acme.yaml", "--format", "json"]).stdout
        let open = "<script type=\"application/json\" id=\"maturity-report\">"
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let embedded = String(html[start.upperBound..<end.lowerBound])
        let a = try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        #expect(a != nil && a == b)
    }

    /// Every format states the same facts the JSON does. The case is the one that once split
    /// them: an agent with the owner bar ticked and no owner named.
    @Test func everyFormatStatesWhatTheJSONSays() throws {
        let dir = try temporaryDirectory()
        let demo = try String(contentsOfFile: Repo.path("docs/demo/hartwell-precision.yaml"), encoding: .utf8)
        let ownerless = demo.replacingOccurrences(of: "    owner: Lena Fischer\n", with: "")
        #expect(ownerless != demo)
        try ownerless.write(toFile: "\(dir)/ownerless.yaml", atomically: true, encoding: .utf8)
        func report(_ format: String) throws -> String { try Binary.run(["report", "\(dir)/ownerless.yaml", "--format", format]).stdout }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report("json").utf8)) as? [String: Any])
        let html = try report("html"), md = try report("md"), text = try report("text")

        let agents = try #require(json["agents"] as? [[String: Any]])
        let matcher = try #require(agents.first { $0["name"] as? String == "AP invoice matcher" })
        let bars = try #require(matcher["gate"] as? [[String: Any]])
        let ownerBar = try #require(bars.first { $0["id"] as? String == "named_owner_reports_dollars" })
        #expect(ownerBar["cleared"] as? Bool == false)
        #expect(matcher["clearsGate"] as? Bool == false)

        // The HTML's gate table row for the agent: ✓/✗ per bar in questionnaire order, as the JSON has them.
        let row = try #require(html.range(of: "AP invoice matcher<br><span class=\"muted\">production · no named owner</span></th>"))
        let rowEnd = try #require(html.range(of: "</tr>", range: row.upperBound..<html.endIndex))
        let cells = html[row.upperBound..<rowEnd.lowerBound].components(separatedBy: "<td").dropFirst()
        let marks = cells.compactMap { $0.contains("✓") ? true : $0.contains("✗") ? false : nil }
        #expect(marks == bars.map { $0["cleared"] as? Bool == true })

        let stage = try #require(json["stage"] as? Int), stageName = try #require(json["stageName"] as? String)
        let move = try #require((json["nextMove"] as? [String: Any])?["title"] as? String)
        let top = try #require((json["useCases"] as? [[String: Any]])?.first)
        let value = try #require(top["annualValue"] as? Double)
        let money = "$" + NumberFormatter.localizedString(from: NSNumber(value: value.rounded()), number: .decimal)
            .replacingOccurrences(of: "\u{202F}", with: ",").replacingOccurrences(of: "\u{A0}", with: ",")
        for (format, body) in [("html", html), ("md", md), ("text", text)] {
            #expect(body.contains("Stage \(stage)"), "\(format) states the stage")
            #expect(body.contains(stageName), "\(format) names the stage")
            #expect(body.contains(move.replacingOccurrences(of: "'", with: format == "html" ? "&#39;" : "'"))
                    || body.contains(move.replacingOccurrences(of: "'", with: "&#x27;")), "\(format) gives the next move")
            #expect(body.contains(money), "\(format) shows the top use case's \(money)")
        }
    }

    /// The stage sentence fitted to the answers (licensed tools, savings measured) is the one the
    /// JSON gives, and every other format gives the same; it used to be the JSON's stock sentence
    /// against the HTML's fitted one.
    @Test func everyFormatGivesTheJSONsStageSentence() throws {
        let file = Repo.path("Tests/MaturityCLITests/Fixtures/moves/approve-each.yaml")
        func report(_ format: String) throws -> String { try Binary.run(["report", file, "--format", format]).stdout }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report("json").utf8)) as? [String: Any])
        let sentence = try #require(json["stageSummary"] as? String)
        #expect(sentence.hasPrefix("Staff use licensed, trained AI tools and their savings are measured"))
        let html = try report("html"), md = try report("md"), text = try report("text")
        for (format, body) in [("html", html), ("md", md), ("text", text)] {
            #expect(body.contains(sentence), "\(format) gives the stage sentence the JSON gives")
        }
        // The HTML's embedded data block is the same model as --format json.
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"maturity-report\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let embedded = try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? NSDictionary)
        #expect(embedded == json as NSDictionary)
    }

    @Test func markdownHasTablesAndMermaidBlocks() throws {
        let md = try Binary.run(["report", "examples/acme.yaml", "--format", "md"]).stdout
        #expect(md.contains("| # | Process | Value a year | Run cost a year | Return | Feasibility | Status |"))
        #expect(md.contains("| 1 | Supplier follow-up | $67,392 | $20,256 | 3.3x | 92/100 | Quick win |"))
        #expect(md.contains("```mermaid\ngantt\n"))
        #expect(md.contains("    3 Shadow :s3, 2026-12-08, 14d\n"))
        #expect(md.contains("```mermaid\nquadrantChart\n"))
    }

    @Test func pipesAndNewlinesInUserTextCannotBreakAMarkdownTable() throws {
        let file = try assessment(named: "Pipe | Co *bold*")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "name: Supplier follow-up", with: "name: \"Supplier | follow-up: [x]\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let md = try Binary.run(["report", file, "--format", "md"])
        #expect(md.status == 0)
        #expect(md.stdout.contains("| 1 | Supplier \\| follow-up: \\[x\\] | $67,392 |"))
        #expect(md.stdout.contains("# Pipe \\| Co \\*bold\\*: where it stands with AI"))
        #expect(md.stdout.contains("    \"Supplier follow-up x\": ["), "mermaid gets a quoted label without its syntax characters")
    }

    @Test func formatFollowsTheOutputExtension() throws {
        let dir = try temporaryDirectory()
        for (file, start) in [("r.html", "<!DOCTYPE html>"), ("r.md", "# Acme Castings"), ("r.json", "{")] {
            let run = try Binary.run(["report", "examples/acme.yaml", "--output", "\(dir)/\(file)"])
            #expect(run.status == 0)
            #expect(try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8).hasPrefix(start), "\(file)")
        }
    }
}

@Suite("Editable templates")
struct TemplateTests {
    @Test func exportWritesTheDefaultsAndKeepsEditsOnASecondRun() throws {
        let dir = try temporaryDirectory()
        let first = try Binary.run(["templates", "export", dir])
        #expect(first.status == 0)
        for file in ["report.html.mustache", "report.md.mustache", "partials/style.mustache", "partials/html/plan.mustache", "brand.yaml"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/\(file)"), "\(file)")
            #expect(first.stdout.contains("Wrote \(dir)/\(file)"))
        }
        let second = try Binary.run(["templates", "export", dir])
        #expect(second.stdout == "Nothing written: every template already exists in \(dir) (use --force to replace them).\n")
    }

    @Test func anOverriddenTemplateIsUsedAndTheRestFallBack() throws {
        let dir = try temporaryDirectory()
        _ = try Binary.run(["templates", "export", dir])
        let path = "\(dir)/partials/html/glance.mustache"
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "<h2 id=\"h-glance\">{{w.glance_heading}}</h2>", with: "<h2 id=\"h-glance\">Summary for the board</h2>")
        #expect(edited.contains("Summary for the board"))
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(dir)/report.md.mustache")
        let html = try Binary.run(["report", "examples/acme.yaml", "--format", "html", "--templates", dir])
        #expect(html.status == 0)
        #expect(html.stdout.contains("Summary for the board"))
        let md = try Binary.run(["report", "examples/acme.yaml", "--format", "md", "--templates", dir])
        #expect(md.stdout.contains("## At a glance"))
    }

    @Test func brandingAddsFirmLogoAndColour() throws {
        let dir = try temporaryDirectory()
        let logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        try "firm_name: Northbridge & Co\nlogo: \(logo)\naccent: \"#7a1f3d\"\n".write(toFile: "\(dir)/brand.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "html", "--templates", dir])
        #expect(run.status == 0)
        #expect(run.stdout.contains("<img src=\"\(logo)\" alt=\"Northbridge &amp; Co\"><span>Northbridge &amp; Co</span>"))
        #expect(run.stdout.contains("--accent: #7a1f3d;"))
    }

    @Test func aBadBrandColourIsRefusedWithItsLine() throws {
        let dir = try temporaryDirectory()
        try "firm_name: X\naccent: \"#ffff00\"\nlogo: http://example.com/logo.png\n".write(toFile: "\(dir)/brand.yaml", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "html", "--templates", dir])
        #expect(run.status == 65)
        #expect(run.stderr == """
        \(dir)/brand.yaml:2: error: accent #ffff00 is too light for white text (contrast 1.1:1, needs 4.5:1); pick a darker colour
        \(dir)/brand.yaml:3: error: logo must be a data URI like data:image/png;base64,...; a link to a file would break the offline report

        """)
    }

    @Test func aTemplateErrorNamesTheFileAndLine() throws {
        let dir = try temporaryDirectory()
        try "line one\n{{#flags}}\n<p>{{title}}</p>\n".write(toFile: "\(dir)/report.html.mustache", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "html", "--templates", dir])
        #expect(run.status == 65)
        #expect(run.stderr == "\(dir)/report.html.mustache:2: error: the section {{#flags}} opened here is never closed; add {{/flags}}\n")
    }

    @Test func aMissingPartialIsAnErrorNotABlank() throws {
        let dir = try temporaryDirectory()
        try "<p>x</p>\n{{> partials/nope}}\n".write(toFile: "\(dir)/report.html.mustache", atomically: true, encoding: .utf8)
        let run = try Binary.run(["report", "examples/acme.yaml", "--format", "html", "--templates", dir])
        #expect(run.status == 65)
        #expect(run.stderr == "\(dir)/report.html.mustache:2: error: the partial \"partials/nope\" does not exist; "
                              + "expected a file partials/nope.mustache in the templates folder\n")
    }
}

/// The Markdown's Mermaid blocks through Mermaid 11's own parser (in headless Chromium), with
/// names that break unquoted labels. Skipped where Chromium is not installed (CI installs it).
@Suite("Mermaid blocks parse with the real parser")
struct MermaidParserTests {
    static var chromium: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }
    }

    @Test(.enabled(if: chromium))
    func hostileNamesStillParse() throws {
        let dir = try temporaryDirectory()
        var text = try String(contentsOfFile: Repo.path("examples/acme.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "name: Supplier follow-up", with: "name: \"Café orders title x-axis classDef quadrant-1 @ ~ ^\"")
        text = text.replacingOccurrences(of: "Customer PO entry", with: "Qualitätsprüfung")
        try text.write(toFile: "\(dir)/names.yaml", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["report", "names.yaml", "--output", "names.md"], in: dir).status == 0)
        #expect(try Binary.run(["demo", "--output", "demo"], in: dir).status == 0)
        let check = try Binary.run(["python3", Repo.path("scripts/mermaid_check.py"), "\(dir)/names.md", "\(dir)/demo/hartwell-precision.md"],
                                   executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.components(separatedBy: "OK ").count - 1 == 4)
    }
}
