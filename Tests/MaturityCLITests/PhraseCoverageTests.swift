import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// Every report this repository can make is worded from the table: no key is missing, so no
/// reader sees "[move.something]".
@Suite("Every phrase a report uses is in the table")
struct PhraseCoverageTests {
    @Test func noReportShowsAMissingKey() throws {
        var files = ["docs/demo/hartwell-precision.yaml", "examples/acme.yaml"]
        for folder in ["Tests/MaturityCLITests/Fixtures/moves", "Tests/MaturityCLITests/Fixtures/advice", "examples/acme-history"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Repo.path(folder)).sorted() where name.hasSuffix(".yaml")
                && !name.contains("calendar") {
                files.append("\(folder)/\(name)")
            }
        }
        let renderer = Renderer(templates: ContentLibrary.files(under: "templates"), words: Repo.words)
        let marker = try NSRegularExpression(pattern: #"\[[a-z_0-9]+(\.[a-z_0-9]+)+\]"#)
        var evaluations = try files.map { file -> (String, Evaluation) in
            let loaded = try FileStore().loadAssessment(Repo.path(file))
            return (file, Evaluation(loaded.assessment, questionnaire: loaded.questionnaire))
        }
        let history = try FileStore().history(Repo.path("examples/acme-history")).map(\.evaluation)
        evaluations.append(("acme-history compared", history[2].compared(with: history[1], history: history)))
        #expect(evaluations.count > 15)
        for (file, evaluation) in evaluations {
            for format in [OutputFormat.json, .md, .text] {
                let text = try renderer.render(evaluation, as: format)
                let found = marker.matches(in: text, range: NSRange(text.startIndex..., in: text))
                    .compactMap { Range($0.range, in: text).map { String(text[$0]) } }
                #expect(found.isEmpty, "\(file) as \(format.rawValue): \(found)")
            }
        }
    }
}

/// A field the file assumed rather than stated is said where the score is read, not only in the JSON.
@Suite("Assumed answers in the report")
struct AssumedInReportTests {
    @Test func theRankedTableSaysWhatWasAssumed() throws {
        let run = try Binary.run(["report", Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml"), "--format", "md"])
        #expect(run.status == 0, "\(run.stderr)")
        let row = try #require(run.stdout.split(separator: "\n").first { $0.contains("| Supplier follow-up |") })
        #expect(row.contains("assumed, not stated: path to write results back"))
        let json = try Binary.run(["report", Repo.path("Tests/MaturityCLITests/Fixtures/interview-acme.yaml"), "--format", "json"])
        #expect(json.stdout.contains("(assumed)"))
    }
}
