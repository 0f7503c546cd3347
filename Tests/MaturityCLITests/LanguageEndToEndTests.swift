import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// German and Spanish companies end to end, interview included (issue 25): every word in the
/// reader's language, numbers, money and dates the way that reader writes them, and no dollars
/// in a report kept in another currency.
@Suite("German and Spanish, end to end", .serialized)
struct LanguageEndToEndTests {
    static func book(_ code: String) throws -> PhraseBook {
        let file = Repo.path("phrases/\(code).yaml")
        return try PhraseLoader.load(text: try FileStore().readText(file), file: file, language: code)
    }

    /// Common English words, whole: one of them in a German or Spanish report is English left behind.
    static let englishWords = ["the", "and", "with", "of", "is", "for", "this", "that", "from", "each", "every", "weeks",
                               "which", "before", "after", "until", "agents", "owner", "should", "not", "yes", "no", "none"]

    /// The English words found in `text` outside the names the company gave (its processes, agents, people).
    static func english(in text: String, allowing names: [String], spanish: Bool = false) -> [String] {
        var rest = text
        // HTML: the reader sees the text, not the data block, the styles or the tags' names.
        for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
            while let a = rest.range(of: open), let b = rest.range(of: close, range: a.upperBound..<rest.endIndex) {
                rest.replaceSubrange(a.lowerBound..<b.upperBound, with: " ")
            }
        }
        var visible = ""
        var inTag = false
        for c in rest {
            if c == "<" { inTag = true } else if c == ">" { inTag = false; visible.append(" ") } else if !inTag { visible.append(c) }
        }
        rest = visible
        // Titles of published sources and a loan term German uses as it is.
        for kept in ["The State of AI", "The GenAI Divide", "Proofs of Concept", "Proof of Concept"] {
            rest = rest.replacingOccurrences(of: kept, with: " ")
        }
        for name in names.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: name, with: " ") }
        // The English term of each trust-ladder rung is given once, in brackets, beside its name.
        for term in ["(shadow)", "(approve-each)", "(auto with exceptions)", "(production-owned)", "(set up)", "(go/no-go)"] {
            rest = rest.replacingOccurrences(of: term, with: " ")
        }
        let words = rest.split { !$0.isLetter && $0 != "-" }.map(String.init)
        return Array(Set(words.filter { englishWords.contains($0) && !(spanish && $0 == "no") })).sorted()
    }

    static func names(_ path: String) throws -> [String] {
        let loaded = try FileStore().loadAssessment(Repo.path(path))
        let a = loaded.assessment
        return [a.organization.name, a.organization.industry ?? ""] + a.processes.flatMap { [$0.name, $0.department ?? "", $0.ownerCandidate ?? ""] }
            + a.agents.flatMap { [$0.name, $0.owner ?? ""] } + a.respondents.flatMap { [$0.name, $0.role ?? ""] }
    }

    @Test func aGermanFoundrysReportIsGermanThrough() throws {
        for format in ["md", "html", "text"] {
            let run = try Binary.run(["report", "examples/mueller-guss.yaml", "--lang", "de", "--format", format])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let out = run.stdout
            let left = Self.english(in: out, allowing: try Self.names("examples/mueller-guss.yaml"))
            #expect(left.isEmpty, "\(format): English left: \(left)")
            #expect(out.range(of: #"\d{1,3}(\.\d{3})+ €"#, options: .regularExpression) != nil, "\(format): money is written 159.588 €")
            #expect(out.range(of: #"€ ?\d"#, options: .regularExpression) == nil, "\(format): no euro sign before an amount")
            #expect(out.range(of: "dollar", options: .caseInsensitive) == nil && !out.contains("$"), "\(format): no dollars in a euro report")
            #expect(out.range(of: #"\d+,\d+x"#, options: .regularExpression) != nil || format == "text", "\(format): a ratio has a decimal comma")
            if format != "text" {
                #expect(out.contains("6. Dezember 2026"), "\(format): the assessment date in German")
            }
            if format == "html" { #expect(out.contains("<html lang=\"de\">")) }
        }
        // Said once: the run-cost ranges are USD figures converted at the company's rate of a given day.
        let md = try Binary.run(["report", "examples/mueller-guss.yaml", "--lang", "de", "--format", "md"]).stdout
        #expect(md.contains("0,92"))
        #expect(md.contains("1. Dezember 2026"))
    }

    @Test func aMexicanFoundrysReportIsSpanishThrough() throws {
        for format in ["md", "html", "text"] {
            let run = try Binary.run(["report", "examples/fundiciones-pena.yaml", "--lang", "es", "--format", format])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let out = run.stdout
            let left = Self.english(in: out, allowing: try Self.names("examples/fundiciones-pena.yaml"), spanish: true)
            #expect(left.isEmpty, "\(format): English left: \(left)")
            #expect(out.range(of: #"\d{1,3}(\.\d{3})+ MXN"#, options: .regularExpression) != nil, "\(format): money is written 159.588 MXN")
            #expect(out.range(of: "dollar", options: .caseInsensitive) == nil && !out.contains("$"), "\(format): no dollars in a peso report")
            if format != "text" { #expect(out.contains("6 de diciembre de 2026"), "\(format): the assessment date in Spanish") }
            if format == "html" { #expect(out.contains("<html lang=\"es\">")) }
            // Said once, where the run costs first appear: converted at the company's rate of a given day.
            if format != "text" {
                let shown = out.range(of: "<script").map { String(out[..<$0.lowerBound]) } ?? out   // not the HTML's data block
                #expect(shown.components(separatedBy: "17,25").count == 2, "\(format): the rate is said once")
                #expect(out.contains("2 de diciembre de 2026"))
            }
        }
    }

    /// Spanish for Mexico writes figures the Mexican way; the words stay the Spanish table's.
    @Test func spanishForMexicoWritesMexicanFigures() throws {
        for run in [try Binary.run(["report", "examples/fundiciones-pena.yaml", "--lang", "es-MX", "--format", "md"]),
                    try Binary.run(["report", "examples/fundiciones-pena.yaml", "--format", "md"], environment: ["LANG": "es_MX.UTF-8"])] {
            #expect(run.status == 0)
            #expect(run.stdout.contains("580,320 MXN"))
            #expect(run.stdout.contains("6 de diciembre de 2026"))
            #expect(run.stdout.range(of: #"\d+\.\dx"#, options: .regularExpression) != nil, "a ratio with a decimal point")
        }
        let spain = try Binary.run(["report", "examples/fundiciones-pena.yaml", "--lang", "es", "--format", "md"]).stdout
        #expect(spain.contains("580.320 MXN"))
    }

    /// The language comes from the locale when --lang is not given.
    @Test func theLocaleChoosesTheLanguage() throws {
        let de = try Binary.run(["report", "examples/mueller-guss.yaml", "--format", "md"], environment: ["LANG": "de_AT.UTF-8"])
        #expect(de.stdout.contains("6. Dezember 2026"))
        let en = try Binary.run(["report", "examples/mueller-guss.yaml", "--format", "md"], environment: ["LANG": "C.UTF-8"])
        #expect(en.stdout.contains("6 December 2026") || en.stdout.contains("2026-12-06"))
        let bad = try Binary.run(["report", "examples/mueller-guss.yaml", "--lang", "fr"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--lang fr"))
    }

    /// A euro company's report in English still says no "dollar".
    @Test func anEnglishReportInEurosSaysNoDollar() throws {
        for format in ["md", "html", "text"] {
            let out = try Binary.run(["report", "examples/mueller-guss.yaml", "--lang", "en", "--format", format]).stdout
            #expect(out.range(of: "dollar", options: .caseInsensitive) == nil, "\(format)")
            #expect(out.contains("€"))
        }
    }

    /// A German interview, scripted: German prompts, answers typed the German way, a German report.
    @Test func aGermanInterviewEndToEnd() throws {
        let de = try Self.book("de")
        let dir = try temporaryDirectory()
        let answers = ["Müller & Söhne", "Gießerei", "EUR", "0,92", "01.12.2026", "52,50", "06.12.2026", "4. Januar 2027",
                       "Jürgen Weiß, COO", ""]
        let run = try Binary.run(["assess", "--output", "m.yaml", "--lang", "de"], in: dir,
                                 stdin: answers.joined(separator: "\n") + "\n" + de.say("cli.cmd.quit") + "\n")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(de.say("cli.ask.name")))
        #expect(run.stdout.contains(de.say("cli.ask.usd_rate", ["currency": .text("EUR")])))
        let saved = try String(contentsOfFile: "\(dir)/m.yaml", encoding: .utf8)
        #expect(saved.contains("loaded_hourly_rate: 52.5, usd_rate: 0.92, usd_rate_on: 2026-12-01"))
        #expect(saved.contains("assessed_on: 2026-12-06"))
        #expect(saved.contains("plan_starts_on: 2027-01-04"))
        #expect(saved.contains("Jürgen Weiß"))
        // The first question is asked in German, from the questionnaire's German words.
        let first = try #require(Repo.questionnaire.questions.first)
        if case .text(let german)? = de.entries["q.question.\(first.id).prompt"] {
            #expect(run.stdout.contains(String(german.prefix(30))))
        } else { Issue.record("no German prompt") }
    }

    /// A Spanish interview, scripted, to the end: the report it writes is in Spanish.
    @Test func aSpanishInterviewWritesASpanishReport() throws {
        let es = try Self.book("es")
        let dir = try temporaryDirectory()
        let profile = ["Fundiciones Peña", "Aluminio", "MXN", "17,25", "2 de diciembre de 2026", "310", "6 de diciembre de 2026", "",
                       "María José Núñez, Directora de operaciones", ""]
        // Every placement question skipped (unknown), no agents, no processes, then the review.
        let questions = Array(repeating: es.say("cli.cmd.skip"), count: Repo.questionnaire.questions.filter { !$0.needsAgents }.count)
        let script = profile + questions + ["", "", ""]
        let run = try Binary.run(["assess", "--output", "p.yaml", "--lang", "es"], in: dir, stdin: script.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "stderr: \(run.stderr)\n\(run.stdout.suffix(800))")
        let md = try String(contentsOfFile: "\(dir)/p.md", encoding: .utf8)
        #expect(md.contains("6 de diciembre de 2026"))
        let saved = try String(contentsOfFile: "\(dir)/p.yaml", encoding: .utf8)
        #expect(saved.contains("currency: MXN, loaded_hourly_rate: 310, usd_rate: 17.25, usd_rate_on: 2026-12-02"))
        let left = Self.english(in: md, allowing: ["Fundiciones Peña", "Aluminio", "María José Núñez", "Directora de operaciones"], spanish: true)
        #expect(left.isEmpty, "English left: \(left)")
    }
}
