import Foundation
import MaturityCore
@testable import MaturityStore
import MaturityTestSupport
import Testing

/// The exports of Langfuse, LangSmith and OpenTelemetry GenAI spans, built field by field from each
/// platform's documentation (Fixtures/platforms/README.md lists the pages and source files):
/// - Langfuse: https://langfuse.com/docs/api-and-data-platform/features/export-from-ui and the
///   public API `GET /api/public/traces` (https://cloud.langfuse.com/generated/api/openapi.yml);
/// - LangSmith: https://docs.langchain.com/langsmith/run-data-format and
///   https://docs.langchain.com/langsmith/feedback-data-format;
/// - OpenTelemetry: https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-agent-spans/,
///   https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-events/ and
///   https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding.
/// All hold the same 30 cases of "Supplier follow-up agent" (plus another agent's rows and child
/// runs or spans a reader must skip), so every one must give the same log.
@Suite("Agent platform exports")
struct PlatformExportTests {
    static let sets: [(name: String, files: [String], platform: DecisionLogReader.Platform)] = [
        ("Langfuse API traces + scores CSV", ["langfuse-traces.json", "langfuse-scores.csv"], .langfuse),
        ("Langfuse UI traces export", ["langfuse-traces-ui-export.json"], .langfuse),
        ("LangSmith runs + feedback", ["langsmith-runs.jsonl", "langsmith-feedback.jsonl"], .langsmith),
        ("OTLP spans + evaluation log records", ["otlp-genai.json", "otlp-genai-logs.json"], .otlp),
    ]

    func read(_ files: [String], platform: DecisionLogReader.Platform? = nil) throws -> DecisionLogReader.Result {
        var options = DecisionLogReader.Options(agent: "Supplier follow-up agent")
        options.platform = platform
        return try DecisionLogReader.read(paths: files.map { Repo.path("Tests/MaturityStoreTests/Fixtures/platforms/\($0)") }, options: options)
    }

    @Test(arguments: sets.map(\.name))
    func everyExportGivesTheSameThirtyCases(name: String) throws {
        let set = try #require(Self.sets.first { $0.name == name })
        for platform in [nil, set.platform] {
            let log = try read(set.files, platform: platform)
            #expect(log.platform == set.platform)
            let cases = log.cases
            #expect(cases.count == 30)
            #expect(cases.first?.caseID == "SF-1001" && cases.last?.caseID == "SF-1030", "sorted by time, oldest first")
            #expect(cases.filter { $0.rung == .shadow }.count == 12)
            #expect(cases.filter { $0.rung == .approveEach }.count == 9)
            #expect(cases.filter { $0.rung == .autoWithExceptions }.count == 9)
            #expect(cases.compactMap(\.match).filter { $0 }.count == 10 && cases.compactMap(\.match).count == 12)
            #expect(cases.compactMap(\.approved).filter { $0 }.count == 7 && cases.compactMap(\.approved).count == 9)
            #expect(cases.compactMap(\.correct).filter { $0 }.count == 6 && cases.compactMap(\.correct).count == 7)
            #expect(cases.filter { $0.severity == .high }.map(\.caseID) == ["SF-1016"])
            #expect(cases.filter { $0.severity == .low }.map(\.caseID) == ["SF-1004", "SF-1019", "SF-1026"])
            #expect(cases.filter { $0.exceptionOpened != nil }.map(\.caseID) == ["SF-1024", "SF-1028"])

            let r = LadderAnalysis.analyse(cases, agent: "Supplier follow-up agent", questionnaire: Repo.questionnaire)
            // SF-1016 (high severity, approve-each) sits in the current window: step back to shadow, now.
            #expect(r.verdict == .stepBack && r.stepBackTo == "shadow" && r.actNow)
            #expect(r.breaches.map(\.caseID) == ["SF-1028"])
            #expect(r.breaches.first.map { abs($0.businessHours - 6.5) < 0.01 } == true)
        }
    }

    @Test func anotherAgentInTheExportIsNamed() throws {
        var options = DecisionLogReader.Options()
        options.platform = .langfuse
        let files = ["langfuse-traces.json", "langfuse-scores.csv"].map { Repo.path("Tests/MaturityStoreTests/Fixtures/platforms/\($0)") }
        let found: [String]
        do {
            _ = try DecisionLogReader.read(paths: files, options: options)
            found = []
        } catch let f as ImportFailure { found = f.problems }
        #expect(found == ["langfuse-traces.json + langfuse-scores.csv: error: the log holds 2 agents: Invoice matching agent (2 rows), "
                          + "Supplier follow-up agent (30 rows); choose one with --agent"])
    }
}

/// Variants of the same exports: runs carrying only their feedback_stats, a custom score name.
@Suite("Agent platform exports, other shapes")
struct PlatformVariantTests {
    let dir = Repo.path("Tests/MaturityStoreTests/Fixtures/platforms")

    /// LangSmith runs alone: `feedback_stats` holds each run's feedback summary (run-data-format docs).
    @Test func langSmithRunsAloneReadTheirFeedbackStats() throws {
        let log = try DecisionLogReader.read(paths: ["\(dir)/langsmith-runs.jsonl"], options: .init(agent: "Supplier follow-up agent"))
        #expect(log.cases.count == 30)
        #expect(log.cases.compactMap(\.correct).count == 7)
        #expect(log.cases.filter { $0.severity == .high }.map(\.caseID) == ["SF-1016"])
    }

    /// `--score correct=NAME` reads a score of another name; here the audits are renamed.
    @Test func aScoreOfAnotherNameIsNamedWithScore() throws {
        let tmp = try temporaryDirectory()
        let feedback = try String(contentsOfFile: "\(dir)/langsmith-feedback.jsonl", encoding: .utf8)
            .replacingOccurrences(of: "\"key\": \"correctness\"", with: "\"key\": \"qa_pass\"")
            .replacingOccurrences(of: "\"key\":\"correctness\"", with: "\"key\":\"qa_pass\"")
        try feedback.write(toFile: "\(tmp)/feedback.jsonl", atomically: true, encoding: .utf8)
        var runs = try String(contentsOfFile: "\(dir)/langsmith-runs.jsonl", encoding: .utf8)
        runs = runs.replacingOccurrences(of: "\"feedback_stats\"", with: "\"feedback_summary\"")
        try runs.write(toFile: "\(tmp)/runs.jsonl", atomically: true, encoding: .utf8)
        var options = DecisionLogReader.Options(agent: "Supplier follow-up agent")
        #expect(try DecisionLogReader.read(paths: ["\(tmp)/runs.jsonl", "\(tmp)/feedback.jsonl"], options: options).cases.compactMap(\.correct).isEmpty)
        options.scores = ["correct": "qa_pass"]
        let log = try DecisionLogReader.read(paths: ["\(tmp)/runs.jsonl", "\(tmp)/feedback.jsonl"], options: options)
        #expect(log.cases.compactMap(\.correct).count == 7 && log.cases.compactMap(\.correct).filter { $0 }.count == 6)
    }
}
