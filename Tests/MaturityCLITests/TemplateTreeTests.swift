import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
import MaturityTestSupport
import Testing

/// The built-in templates ship as trees parsed at build time. They must render exactly what
/// swift-mustache renders from the template text, for every report this repository makes.
@Suite("Templates parsed at build time")
struct TemplateTreeTests {
    let templates = ContentLibrary.files(under: "templates")

    func evaluate(_ relative: String) throws -> Evaluation {
        let loaded = try FileStore().loadAssessment(Repo.path(relative))
        return Evaluation(loaded.assessment, questionnaire: loaded.questionnaire)
    }

    /// Every file the demo, the examples and the next-move fixtures make, plus a report with a
    /// comparison and a trend, and a workshop's merged file.
    func evaluations() throws -> [(String, Evaluation)] {
        var out: [(String, Evaluation)] = []
        for file in ["docs/demo/hartwell-precision.yaml", "examples/acme.yaml"] { out.append((file, try evaluate(file))) }
        let moves = Repo.path("Tests/MaturityCLITests/Fixtures/moves")
        for name in try FileManager.default.contentsOfDirectory(atPath: moves).sorted() where name.hasSuffix(".yaml") {
            out.append((name, try evaluate("Tests/MaturityCLITests/Fixtures/moves/\(name)")))
        }
        let history = try FileStore().history(Repo.path("examples/acme-history")).map(\.evaluation)
        out.append(("acme-history", history[2].compared(with: history[1], history: history)))
        var people: [(person: Respondent, draft: Draft)] = []
        for name in ["ana", "lee", "raj"] {
            let (draft, _) = try AssessmentLoader.loadDraft(text: try FileStore().readText(Repo.path("examples/workshop/\(name).yaml")),
                                                              file: name) { _ in Repo.questionnaire }
            people.append((draft.respondents.first ?? Respondent(name: name), draft))
        }
        let merged = WorkshopMerger.merge(people, rule: .strict, questionnaire: Repo.questionnaire)
        out.append(("workshop", Evaluation(try merged.assessment(), questionnaire: Repo.questionnaire)))
        return out
    }

    @Test func everyReportRendersTheSameFromTheTreeAsFromTheText() throws {
        let trees = try TemplateRenderer(templates: templates).trees()
        let parsed = Renderer(templates: templates, words: Repo.words)
        let compiled = Renderer(templates: templates, compiled: trees, words: Repo.words)
        var compared = 0
        for (name, evaluation) in try evaluations() {
            for format in [ReportFormat.html, .md, .text] {
                let expected = try parsed.render(evaluation, as: format)
                let made = try compiled.render(evaluation, as: format)
                #expect(made == expected, "\(name) as \(format.rawValue)")
                compared += 1
            }
            if let since = ReportModel(evaluation, words: Repo.words).sinceLastQuarter {
                for markdown in [false, true] {
                    #expect(try compiled.render(since, currency: "USD", markdown: markdown) == (try parsed.render(since, currency: "USD", markdown: markdown)))
                }
            }
        }
        let entries = try FileStore().history(Repo.path("examples/acme-history")).map { HistoryEntry(file: $0.file, TrendPoint($0.evaluation), words: Repo.words) }
        for markdown in [false, true] {
            for view in [HistoryView(folder: "acme", entries: entries), HistoryView(folder: "empty", entries: [])] {
                #expect(try compiled.render(view, markdown: markdown) == (try parsed.render(view, markdown: markdown)))
            }
        }
        #expect(compared == 3 * (try evaluations().count))
    }

    /// The trees are what renders when given: a changed tree shows in the report.
    @Test func theTreeIsWhatRenders() throws {
        var trees = try TemplateRenderer(templates: templates).trees()
        #expect(Set(trees.keys).isSuperset(of: ["report.html", "report.md", "report.txt", "partials/html/glance", "ladder.md"]))
        trees["partials/html/glance"] = [.text("<p>from the tree</p>")]
        let html = try Renderer(templates: templates, compiled: trees, words: Repo.words).render(try evaluate("examples/acme.yaml"), as: .html)
        #expect(html.contains("<p>from the tree</p>"))
        #expect(!html.contains("id=\"glance\""))
    }

    @Test func theLadderReportsRenderTheSameFromTheTree() throws {
        let trees = try TemplateRenderer(templates: templates).trees()
        let log = try temporaryDirectory() + "/log.csv"
        try DemoLog.csv().write(toFile: log, atomically: true, encoding: .utf8)
        let cases = try DecisionLogReader.read(path: log, agent: nil).cases
        let report = LadderAnalysis.analyse(cases, agent: "AP invoice matcher", questionnaire: Repo.questionnaire,
                                            calendar: BusinessCalendar(), asOf: nil)
        let tree = try LadderModel(report, questionnaire: Repo.questionnaire, process: nil, notes: ["A note with <b> & \"quotes\""]).tree()
        for template in [ReportTemplate.ladderHTML, .ladderMarkdown, .ladderText] {
            let expected = try TemplateRenderer(templates: templates).render(tree: tree, template: template)
            #expect(try TemplateRenderer(templates: templates, compiled: trees).render(tree: tree, template: template) == expected)
        }
    }

    /// Hostile text goes through the tree's escaping as it goes through swift-mustache's.
    @Test func escapingMatchesForHostileNames() throws {
        let trees = try TemplateRenderer(templates: templates).trees()
        var evaluation = try evaluate("examples/acme.yaml")
        var a = evaluation.assessment
        a.organization.name = "<script>alert('x')</script> & \"Sons\" | *R&D* [x](y) `z` www.evil.com https://e.com"
        a.processes[0].name = "Quote: prep; (rush) #1 {x} <i>"
        evaluation = Evaluation(a, questionnaire: evaluation.questionnaire)
        for format in [ReportFormat.html, .md, .text] {
            #expect(try Renderer(templates: templates, compiled: trees, words: Repo.words).render(evaluation, as: format)
                    == (try Renderer(templates: templates, words: Repo.words).render(evaluation, as: format)))
        }
    }
}
