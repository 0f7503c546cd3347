import Foundation
import MaturityTestSupport
import Testing

/// Every word a report prints comes from the phrase table (`phrases/<language>.yaml`), so a
/// translation is one file: a template holds tags, markup and punctuation, never English prose.
@Suite("Templates hold no prose")
struct TemplateWordsTests {
    /// The style partial is CSS, not words.
    static let skipped: Set<String> = ["partials/style.mustache"]

    /// Words a template may hold that no reader reads as English: Mermaid's keywords and code-fence
    /// languages, the gantt chart's date formats.
    static let allowed = ["quadrantChart", "xychart-beta", "gantt", "dateFormat", "axisFormat", "YYYY-MM-DD", "%d %b",
                          "x-axis", "y-axis", "quadrant-1", "quadrant-2", "quadrant-3", "quadrant-4", "title", "line",
                          "```mermaid", "```text"]

    /// What is left of a template once its tags, HTML (elements, attributes, entities, styles) and
    /// Markdown and Mermaid syntax are gone.
    static func prose(_ template: String) throws -> String {
        var text = template
        for (pattern, with) in [
            (#"\{\{\{[^}]*\}\}\}"#, " "),         // {{{unescaped}}}
            (#"\{\{[^}]*\}\}"#, " "),             // {{tags}}, {{! comments }}, {{% pragmas}}
            (#"(?s)<style>.*?</style>"#, " "),   // inline CSS
            (#"(?s)<!--.*?-->"#, " "),
            (#"<[^>]*>"#, " "),                   // elements with their attributes
            (#"&[a-z]+;|&#[0-9]+;"#, " "),
        ] {
            text = try NSRegularExpression(pattern: pattern).stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: with)
        }
        for word in allowed { text = text.replacingOccurrences(of: word, with: " ") }
        return text
    }

    @Test func noTemplateHoldsTwoWordsOfProse() throws {
        let root = Repo.path("templates")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(files.count > 20)
        let twoWords = try NSRegularExpression(pattern: #"[A-Za-z][A-Za-z'’]*[ \t]+[A-Za-z][A-Za-z'’]*"#)
        for file in files where !Self.skipped.contains(file) {
            let text = try Self.prose(String(contentsOfFile: "\(root)/\(file)", encoding: .utf8))
            let found = twoWords.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range, in: text).map { String(text[$0]) } }
            #expect(found.isEmpty, "templates/\(file) holds prose; move it to phrases/en.yaml as a ui.* key: \(found)")
        }
    }

    @Test func theCheckFindsProse() throws {
        #expect(try Self.prose("<h2 id=\"h-x\">{{w.x_heading}}</h2>\n| {{w.col_a}} | --- |").allSatisfy { !$0.isLetter })
        #expect(try Self.prose("<p>The plan: {{plan.start}}</p>").contains("The plan"))
    }
}
