import Foundation
import MaturityCore
import Mustache

/// A report template parsed once, at build time, into a tree that renders without parsing.
/// The tree is what swift-mustache's own parser made of the template (standalone lines, partial
/// indentation and all), read out of the parsed template; `TemplateTreeRenderer` walks it the
/// way swift-mustache renders. A test renders every report both ways and compares them byte for
/// byte; templates a user overrides with `--templates` are parsed at run time as before.
public indirect enum TemplateNode: Sendable, Equatable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` (as is); `name` is a dotted path or `.`.
    case value(String, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`. An empty name with a
    /// `flag` asks the list being rendered: `{{^last()}}`.
    case section(String, flag: String?, inverted: Bool, [TemplateNode])
    /// `{{> name}}`; `indentation` is set when the tag stands on a line of its own.
    case partial(String, indentation: String?)
    /// `{{%CONTENT_TYPE: …}}`: how the rest of this template escapes values.
    case escaping(TemplateEscaping)
}

/// The content types the report templates declare.
public enum TemplateEscaping: String, Sendable, Equatable {
    case html, text, markdown, mermaid

    func escape(_ text: String, html: any MustacheContentType) -> String {
        switch self {
        case .html: return html.escapeText(text)
        case .text: return text
        case .markdown: return MarkdownContentType().escapeText(text)
        case .mermaid: return MermaidContentType().escapeText(text)
        }
    }

    /// swift-mustache's own HTML escaping, so a tree escapes exactly as the parsed template would.
    /// The library keeps its content types internal: read the one a one-tag template declares.
    static let libraryHTML: (any MustacheContentType)? = {
        guard let template = try? MustacheTemplate(string: "{{%CONTENT_TYPE: HTML}}"),
              let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
              let token = Mirror(reflecting: tokens).children.first?.value else { return nil }
        return Mirror(reflecting: token).children.first?.value as? any MustacheContentType
    }()
}

/// A template the tree cannot hold (a feature the report templates do not use).
public struct TemplateTreeError: ToolError, Sendable {
    public var template: String
    public var message: String
    public var exitCode: Int32 { ExitStatus.software }
    public var description: String { "templates/\(template).mustache: error: \(message)" }
}

extension TemplateRenderer {
    /// Parses every template with swift-mustache (with the same checks as at run time) and reads
    /// the parsed tokens out as trees, keyed by template name (`report.html`, `partials/html/why`).
    public func trees() throws -> [String: [TemplateNode]] {
        Self.registerContentTypes()
        // The run-time checks first, report by report: file:line errors, missing partials, cycles, limits.
        for root in ReportTemplate.allCases where templates[root.rawValue + ".mustache"] != nil { _ = try library(for: root) }
        var out: [String: [TemplateNode]] = [:]
        for path in templates.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let parsed: MustacheTemplate
            do {
                parsed = try MustacheTemplate(string: templates[path] ?? "")
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: origin[path] ?? "templates/\(path)", line: error.context.lineNumber,
                                    column: error.context.columnNumber, message: Self.explain(error.error))
            }
            out[name] = try Self.nodes(parsed, template: name)
        }
        return out
    }

    /// The tokens of a parsed template, read by reflection: swift-mustache keeps them internal.
    static func nodes(_ template: MustacheTemplate, template name: String) throws -> [TemplateNode] {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else {
            throw TemplateTreeError(template: name, message: "swift-mustache no longer keeps its tokens where this build reads them; update TemplateTree.swift")
        }
        return try Mirror(reflecting: tokens).children.map { try node($0.value, template: name) }
    }

    static func node(_ token: Any, template name: String) throws -> TemplateNode {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let case_ = mirror.children.first, let kind = case_.label else {
            throw TemplateTreeError(template: name, message: "unreadable token \(token)")
        }
        let fields = Dictionary(Mirror(reflecting: case_.value).children.enumerated().map { ($0.element.label ?? ".\($0.offset)", $0.element.value) },
                                uniquingKeysWith: { a, _ in a })
        let transforms = fields["transforms"] as? [String] ?? []
        func section(inverted: Bool) throws -> TemplateNode {
            guard let variable = fields["name"] as? String, let inner = fields["template"] as? MustacheTemplate else {
                throw TemplateTreeError(template: name, message: "unreadable section \(token)")
            }
            guard transforms.count <= 1, transforms.isEmpty || variable.isEmpty else {
                throw TemplateTreeError(template: name, message: "transforms on \(variable) are not supported in a built-in template")
            }
            return .section(variable, flag: transforms.first, inverted: inverted, try nodes(inner, template: name))
        }
        switch kind {
        case "text":
            guard let text = case_.value as? String else { throw TemplateTreeError(template: name, message: "unreadable text") }
            return .text(text)
        case "variable", "unescapedVariable":
            guard let variable = fields["name"] as? String, transforms.isEmpty else {
                throw TemplateTreeError(template: name, message: "unsupported variable \(token)")
            }
            return .value(variable, escaped: kind == "variable")
        case "section": return try section(inverted: false)
        case "invertedSection": return try section(inverted: true)
        case "partial":
            guard let partial = fields[".0"] as? String, fields["inherits"].map({ ($0 as? [String: MustacheTemplate]) == nil }) ?? true else {
                throw TemplateTreeError(template: name, message: "partials with blocks are not supported in a built-in template")
            }
            return .partial(partial, indentation: fields["indentation"] as? String)
        case "contentType":
            switch String(describing: type(of: case_.value)) {
            case "HTMLContentType": return .escaping(.html)
            case "TextContentType": return .escaping(.text)
            case "MarkdownContentType": return .escaping(.markdown)
            case "MermaidContentType": return .escaping(.mermaid)
            case let other: throw TemplateTreeError(template: name, message: "unknown content type \(other)")
            }
        default:
            throw TemplateTreeError(template: name, message: "{{\(kind)}} tags are not supported in a built-in template")
        }
    }
}

/// Renders template trees over a model turned into dictionaries and arrays (`MustacheTree`),
/// as swift-mustache would render the templates they came from.
public struct TemplateTreeRenderer: Sendable {
    let trees: [String: [TemplateNode]]
    let html: any MustacheContentType

    /// Nil when swift-mustache's HTML escaping cannot be had; the templates are then parsed as text.
    public init?(trees: [String: [TemplateNode]]) {
        guard let html = TemplateEscaping.libraryHTML else { return nil }
        self.trees = trees
        self.html = html
    }

    struct Context {
        var stack: [Any]
        /// Where in the list being rendered this item is, for `first()`/`last()`.
        var position: (first: Bool, last: Bool, index: Int)?
        var indentation: String?
        var escaping: TemplateEscaping = .html
    }

    public func render(_ tree: Any, template: String) -> String? {
        guard let nodes = trees[template] else { return nil }
        return render(nodes, Context(stack: [tree]))
    }

    func render(_ nodes: [TemplateNode], _ start: Context) -> String {
        var context = start
        var out = ""
        let indentation = start.indentation ?? ""
        for node in nodes {
            let piece = render(node, &context)
            if !indentation.isEmpty, !piece.isEmpty, out.last == "\n" { out += indentation }
            out += piece
        }
        return out
    }

    func render(_ node: TemplateNode, _ context: inout Context) -> String {
        switch node {
        case .text(let text):
            return text
        case .value(let name, let escaped):
            guard let value = lookup(name, context) else { return "" }
            let text = value as? String ?? String(describing: value)
            return escaped ? context.escaping.escape(text, html: html) : text
        case .section(let name, let flag, let inverted, let children):
            let value = flag.map { flagValue($0, context) } ?? lookup(name, context)
            return inverted ? renderInverted(value, children, context) : renderSection(value, children, context)
        case .partial(let name, let indentation):
            guard let nodes = trees[name] else { return "" }
            var inner = context
            inner.position = nil
            inner.escaping = .html
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            return render(nodes, inner)
        case .escaping(let escaping):
            context.escaping = escaping
            return ""
        }
    }

    func renderSection(_ value: Any?, _ children: [TemplateNode], _ context: Context) -> String {
        switch value {
        case let list as [Any]:
            var out = ""
            for (i, item) in list.enumerated() {
                var inner = context
                inner.stack.append(item)
                inner.position = (i == 0, i == list.count - 1, i)
                out += render(children, inner)
            }
            return out
        case let flag as Bool:
            return flag ? render(children, context) : ""
        case .some(let object):
            var inner = context
            inner.stack.append(object)
            inner.position = nil
            return render(children, inner)
        case .none:
            return ""
        }
    }

    func renderInverted(_ value: Any?, _ children: [TemplateNode], _ context: Context) -> String {
        switch value {
        case let list as [Any]:
            guard list.isEmpty else { return "" }
            var inner = context
            inner.stack.append(list)
            inner.position = nil
            return render(children, inner)
        case let flag as Bool:
            return flag ? "" : render(children, context)
        case .some:
            return ""
        case .none:
            return render(children, context)
        }
    }

    func flagValue(_ flag: String, _ context: Context) -> Any? {
        guard let p = context.position else { return nil }
        switch flag {
        case "first": return p.first
        case "last": return p.last
        case "index": return p.index
        case "even": return p.index & 1 == 0
        case "odd": return p.index & 1 == 1
        default: return nil
        }
    }

    /// `.` is the item being rendered; `a.b` finds `a` in the nearest item that has it, then `b` in `a`.
    func lookup(_ name: String, _ context: Context) -> Any? {
        guard let top = context.stack.last else { return nil }
        if name == "." { return top }
        let parts = name.split(separator: ".").map(String.init)
        if name.first == "." { return follow(parts[...], from: top) }
        guard let first = parts.first else { return nil }
        for object in context.stack.reversed() {
            if let child = (object as? [String: Any])?[first] { return follow(parts.dropFirst(), from: child) }
        }
        return nil
    }

    func follow(_ parts: ArraySlice<String>, from object: Any) -> Any? {
        var current = object
        for part in parts {
            guard let next = (current as? [String: Any])?[part] else { return nil }
            current = next
        }
        return current
    }
}
