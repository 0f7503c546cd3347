import Foundation
import MaturityReport
import Testing

/// The fixed words are written into a template before swift-mustache parses it (a speed-up):
/// the page must be byte for byte what Mustache itself makes when it looks the words up.
@Suite("Fixed words written into the templates")
struct TemplateInliningTests {
    static let words = ["title": "R&D <Plan> \"now\" 'then'", "row": "Zeile · *fett* [x]", "braces": "a {{b}} c"]

    /// The same template rendered with the words inlined and with Mustache looking them up in the tree.
    static func both(_ template: String, root: ReportTemplate = .html) throws -> (inlined: String, looked: String) {
        let tree: [String: Any] = ["w": words, "rows": [["name": "a<b & c"], ["name": "d_e"]]]
        let templates = [root.rawValue + ".mustache": template]
        let inlined = try TemplateRenderer(templates: templates, words: words).render(tree: tree, template: root)
        let looked = try TemplateRenderer(templates: templates).render(tree: tree, template: root)
        return (inlined, looked)
    }

    @Test func htmlEscapesTheWordsAsMustacheDoes() throws {
        let (inlined, looked) = try Self.both("""
            {{%CONTENT_TYPE: HTML}}<h1>{{w.title}}</h1><p>{{{w.title}}}</p><p>{{& w.title}}</p>
            {{#rows}}<li>{{ w.row }} {{name}}</li>{{/rows}}{{w.missing}}.{{w.braces}}
            """)
        #expect(inlined == looked)
        #expect(inlined.contains("<h1>R&amp;D &lt;Plan&gt; &quot;now&quot; &#39;then&#39;</h1>"))
        #expect(inlined.contains("<p>R&D <Plan> \"now\" 'then'</p>"))
        #expect(inlined.contains("<li>Zeile · *fett* [x] a&lt;b &amp; c</li>"))
    }

    @Test func markdownAndTextEscapeAsTheirContentTypes() throws {
        let md = try Self.both("{{%CONTENT_TYPE: MARKDOWN}}| {{w.row}} |\n{{#rows}}- {{w.title}} {{name}}\n{{/rows}}", root: .markdown)
        #expect(md.inlined == md.looked)
        #expect(md.inlined.contains(#"Zeile · \*fett\* \[x\]"#))
        let text = try Self.both("{{%CONTENT_TYPE: TEXT}}{{w.title}} / {{w.row}}", root: .text)
        #expect(text.inlined == text.looked)
        #expect(text.inlined == "R&D <Plan> \"now\" 'then' / Zeile · *fett* [x]")
    }

    /// What the inliner cannot be sure of stays a tag: no content type named first, changed delimiters.
    @Test func uncertainTemplatesAreLeftToMustache() throws {
        let plain = try Self.both("<h1>{{w.title}}</h1>")
        #expect(plain.inlined == plain.looked)
        let delimiters = try Self.both("{{%CONTENT_TYPE: HTML}}<h1>{{w.title}}</h1>{{=<% %>=}}<p>{{w.title}} <%w.row%></p>")
        #expect(delimiters.inlined == delimiters.looked)
        #expect(delimiters.inlined.contains("<p>{{w.title}} Zeile"))
    }

    /// Registered as swift-mustache's HTML content type, the byte-level escaping must escape what
    /// it escaped: the five characters, in any text, next to multi-byte characters too.
    @Test func htmlEscapingOfValuesIsUnchanged() throws {
        let template = ["report.html.mustache": "{{%CONTENT_TYPE: HTML}}{{#rows}}[{{name}}]{{/rows}}"]
        let tree: [String: Any] = ["rows": ["Müller & Söhne <GmbH>", "\"Quote\" 'n' ☃<", "plain", ""].map { ["name": $0] }]
        let out = try TemplateRenderer(templates: template).render(tree: tree, template: .html)
        #expect(out == "[Müller &amp; Söhne &lt;GmbH&gt;][&quot;Quote&quot; &#39;n&#39; ☃&lt;][plain][]")
    }
}
