import Foundation
@testable import MaturityReport
import Testing

/// Views become the dictionaries the templates read through Encodable; nested containers and
/// a superclass's encoder end up as values too, and nils are left out. Strings and numbers are
/// `TreeText` (their text as `String(describing:)` gives it); bools stay bools.
@Suite("A view as the templates read it")
struct MustacheTreeTests {
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case name, inner, list, parent, missing }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("outer", forKey: .name)
            try c.encodeIfPresent(nil as String?, forKey: .missing)
            var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode(3, forKey: .name)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(true)
            try list.encode("x")
            var parent = c.superEncoder(forKey: .parent).container(keyedBy: Keys.self)
            try parent.encode(2.5, forKey: .name)
        }
    }

    @Test func nestedContainersAreValues() throws {
        let tree = try #require(try MustacheTree.make(Nested()) as? [String: Any])
        #expect((tree["name"] as? TreeText)?.renderText == "outer")
        #expect(tree["missing"] == nil)
        #expect(((tree["inner"] as? [String: Any])?["name"] as? TreeText)?.renderText == "3")
        let list = try #require(tree["list"] as? [Any])
        #expect(list.count == 2 && list[0] as? Bool == true && (list[1] as? TreeText)?.renderText == "x")
        #expect(((tree["parent"] as? [String: Any])?["name"] as? TreeText)?.renderText == "2.5")
    }

    /// A text value renders, sections and transforms as the plain value did.
    @Test func textValuesRenderAsPlainValues() throws {
        let template = ["report.txt.mustache": "{{%CONTENT_TYPE: TEXT}}{{name}}|{{#name}}[{{.}}]{{/name}}|{{^name}}none{{/name}}|"
                                               + "{{uppercased(name)}}|{{plusone(n)}}|{{#even(n)}}even{{/even(n)}}|{{x}}"]
        struct View: Encodable { var name = "Ab"; var n = 41; var x = 2.5 }
        let tree = try MustacheTree.make(View())
        let plain: [String: Any] = ["name": "Ab", "n": 41, "x": 2.5]
        let renderer = TemplateRenderer(templates: template)
        let out = try renderer.render(tree: tree, template: .text)
        #expect(out == (try renderer.render(tree: plain, template: .text)))
        #expect(out == "Ab|[Ab]||AB|42||2.5")
    }
}
