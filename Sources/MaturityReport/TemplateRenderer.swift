import Foundation
import MaturityCore
import Mustache

/// A problem in a report template, located by file and line.
public struct TemplateError: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): error: \(message)"
    }
}

/// Renders the HTML and Markdown reports from Mustache templates. Templates come as text keyed
/// by their path in the templates folder (`report.html.mustache`, `partials/...`); the caller
/// merges the built-in set with any overrides.
public struct TemplateRenderer: Sendable {
    let templates: [String: String]
    let origin: [String: String]
    /// The phrase table's fixed words (`{{w.…}}`), written into the template text before it is parsed.
    let words: [String: String]
    let parses = ParseCache()

    /// Keeps the template texts; each report template is parsed by swift-mustache, with only the
    /// partials it uses, when it is rendered (parsing every template cost more than rendering).
    /// With `words` (`PhraseBook.fixedWords`), each `{{w.name}}` is replaced by its word before the
    /// parse (see `TemplateWords`); without, the view's `w` answers them as it always can.
    public init(templates: [String: String], origin: [String: String] = [:], words: [String: String] = [:]) {
        self.templates = templates
        self.origin = origin
        self.words = words
    }

    /// Whether any template reads the output model as `{{data.…}}` (the built-in ones do not).
    /// Searched as plain bytes: Foundation's `contains` bridged every template to NSString (10% of
    /// a render) and the standard library's generic `firstRange(of:)` cost more still.
    public var readsData: Bool {
        let brace = UInt8(ascii: "{"), opener = Set("{#^& ".utf8), after = Set(".} ".utf8), data = Array("data".utf8)
        return templates.values.contains { text in
            let b = Array(text.utf8)
            for i in b.indices.dropLast() where b[i] == brace && b[i + 1] == brace {
                var j = i + 2
                while j < b.count, opener.contains(b[j]) { j += 1 }
                if j + data.count < b.count, b[j ..< j + data.count].elementsEqual(data), after.contains(b[j + data.count]) { return true }
            }
            return false
        }
    }

    /// Every report template parsed and checked as `render` would (file:line errors, missing
    /// partials, cycles, limits): the build runs this on the built-in set, and `templates check` on a folder.
    public func check() throws(TemplateError) {
        for root in ReportTemplate.allCases where templates[root.rawValue + ".mustache"] != nil { _ = try library(for: root) }
    }

    /// Parses `template` and the partials it reaches, reporting any error with file and line.
    public func library(for template: ReportTemplate) throws(TemplateError) -> MustacheLibrary {
        Self.registerContentTypes()
        var needed: [String] = []
        var includes: [String: [(partial: String, line: Int)]] = [:]
        var queue = [template.rawValue]
        while let name = queue.popLast() {
            guard !needed.contains(name) else { continue }
            let path = name + ".mustache"
            guard let text = templates[path] else {
                if name == template.rawValue {
                    throw TemplateError(file: "templates/\(path)", line: nil, column: nil, message: "template missing")
                }
                continue
            }
            needed.append(name)
            let shown = origin[path] ?? "templates/\(path)"
            // The parser slows with length; past these caps a template is refused, not waited on.
            if text.utf8.count > Limits.templateBytes {
                throw TemplateError(file: shown, line: nil, column: nil,
                                    message: "the template is \(text.utf8.count / 1024) KB; the limit is \(Limits.templateBytes / 1024) KB: "
                                             + "split it into partials")
            }
            let (tags, found) = Self.scan(text)
            if tags > Limits.templateTags {
                throw TemplateError(file: shown, line: nil, column: nil,
                                    message: "the template has \(tags) tags; the limit is \(Limits.templateTags): split it into partials")
            }
            for (partial, lineNumber) in found {
                guard templates[partial + ".mustache"] != nil else {
                    // A partial that does not exist renders as nothing; say so instead.
                    throw TemplateError(file: origin[path] ?? "templates/\(path)", line: lineNumber, column: nil,
                                        message: "the partial \"\(partial)\" does not exist; expected a file \(partial).mustache in the templates folder")
                }
                queue.append(partial)
                includes[name, default: []].append((partial, lineNumber))
            }
        }
        try refuseCycles(from: template.rawValue, includes)
        var library = MustacheLibrary()
        for name in needed.sorted() {
            let path = name + ".mustache"
            let shown = origin[path] ?? "templates/\(path)"
            do {
                try library.register(TemplateWords.inline(words, into: templates[path] ?? ""), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The parser reports an unclosed section where the file ends; point at its opening tag instead.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error,
                   let (line, name) = Self.unclosedSection(in: templates[path] ?? "") {
                    throw TemplateError(file: shown, line: line, column: nil,
                                        message: "the section {{#\(name)}} opened here is never closed; add {{/\(name)}}")
                }
                throw TemplateError(file: shown, line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: "\(Self.explain(error.error)) (near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\")")
            } catch {
                throw TemplateError(file: shown, line: nil, column: nil, message: "cannot read the template: \(error)")
            }
        }
        return library
    }

    /// A partial that includes itself, directly or through others, would recurse until the
    /// stack overflows: refuse it, naming the file and line of the include that closes the loop.
    func refuseCycles(from root: String, _ includes: [String: [(partial: String, line: Int)]]) throws(TemplateError) {
        var done = Set<String>()
        var path: [String] = []
        func visit(_ name: String) throws(TemplateError) {
            if done.contains(name) { return }
            path.append(name)
            for (partial, line) in includes[name] ?? [] {
                if let start = path.firstIndex(of: partial) {
                    let loop = (path[start...] + [partial]).joined(separator: " → ")
                    let file = origin[name + ".mustache"] ?? "templates/\(name).mustache"
                    throw TemplateError(file: file, line: line, column: nil,
                                        message: partial == name ? "partial includes itself ({{> \(partial)}})"
                                                                 : "partial includes itself through others: \(loop)")
                }
                try visit(partial)
            }
            path.removeLast()
            done.insert(name)
        }
        try visit(root)
    }

    /// Renders any model already turned into dictionaries and arrays (`LadderModel.tree()`).
    public func render(tree given: Any, template: ReportTemplate) throws(TemplateError) -> String {
        render(tree: given, template: template, library: try library(for: template))
    }

    /// With the templates already parsed (`library(for:)`, which may run while the view is built).
    func render(tree given: Any, template: ReportTemplate, library: MustacheLibrary) -> String {
        // In HTML a value with bidirectional controls is isolated, so "\u{202E}" in a name cannot reverse the page around it.
        let tree = template == .html || template == .ladderHTML ? (Self.isolatingBidi(given) ?? given) : given
        return library.render(tree, withTemplate: template.rawValue) ?? ""
    }

    public func render(_ context: ReportView, template: ReportTemplate) throws(TemplateError) -> String {
        try render(tree: try treeOf(context), template: template)
    }

    /// Starts parsing `template` (and the partials it reaches) on another core, once per run: a
    /// command calls this as soon as it knows the format, so swift-mustache's public parser runs
    /// while the assessment is read, evaluated and worded. `render` waits for it.
    public func prepare(_ template: ReportTemplate) {
        parses.start(template) { [self] () throws(TemplateError) -> MustacheLibrary in try library(for: template) }
    }

    /// Renders `template` over the view `build` makes, with the parse started by `prepare` (or now).
    func render(_ template: ReportTemplate, view build: () throws -> ReportView) throws -> String {
        prepare(template)
        let tree: Any
        do {
            tree = try treeOf(try build())
        } catch {
            _ = parses.wait(template)
            throw error
        }
        guard let result = parses.wait(template) else { return "" }
        return render(tree: tree, template: template, library: try result.get())
    }

    /// A view as the dictionaries the templates read; a view that cannot be encoded is a bug, said as one.
    func treeOf<T: Encodable>(_ view: T) throws(TemplateError) -> Any {
        do {
            return try MustacheTree.make(view)
        } catch {
            throw TemplateError(file: "(view)", line: nil, column: nil, message: "cannot prepare \(T.self) for the templates: \(error)")
        }
    }

    /// The tree with every string that carries bidirectional controls isolated; nil when none does (the usual case).
    static func isolatingBidi(_ value: Any) -> Any? {
        switch value {
        case let t as TreeText:
            return mayHoldBidi(t.renderText) && t.renderText.unicodeScalars.contains(where: UnicodeSafety.isBidiControl)
                ? TreeText(UnicodeSafety.isolated(t.renderText)) : nil
        case let s as String:
            return mayHoldBidi(s) && s.unicodeScalars.contains(where: UnicodeSafety.isBidiControl) ? UnicodeSafety.isolated(s) : nil
        case let d as [String: Any]:
            var changed: [String: Any]?
            for (k, v) in d {
                if let nv = isolatingBidi(v) {
                    if changed == nil { changed = d }
                    changed?[k] = nv
                }
            }
            return changed
        case let a as [Any]:
            var changed: [Any]?
            for (i, v) in a.enumerated() {
                if let nv = isolatingBidi(v) {
                    if changed == nil { changed = a }
                    changed?[i] = nv
                }
            }
            return changed
        default:
            return nil
        }
    }

    /// Whether `s` has a byte that starts a bidirectional control in UTF-8 (U+061C starts with
    /// 0xD8, the others with 0xE2): most values are plain ASCII and are passed by this alone.
    static func mayHoldBidi(_ s: String) -> Bool { s.utf8.contains { $0 == 0xD8 || $0 == 0xE2 } }

    /// The line and name of the first section tag that has no closing tag.
    static func unclosedSection(in text: String) -> (Int, String)? {
        var open: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let start = rest.range(of: "{{") {
                rest = rest[start.upperBound...]
                guard let end = rest.range(of: "}}") else { break }
                let tag = rest[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[end.upperBound...]
                if tag.hasPrefix("#") || tag.hasPrefix("^") {
                    open.append((index + 1, String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)))
                } else if tag.hasPrefix("/") {
                    let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                    if let i = open.lastIndex(where: { $0.1 == name }) { open.remove(at: i) }
                }
            }
        }
        return open.first
    }

    /// One pass over the bytes: how many tags a template has, and each `{{> partial}}` with its line.
    static func scan(_ text: String) -> (tags: Int, partials: [(String, Int)]) {
        let bytes = Array(text.utf8)
        var tags = 0, line = 1, i = 0
        var found: [(String, Int)] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
            } else if b == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                tags += 1
                if i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: ">") {
                    var j = i + 3
                    while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "}") && bytes[j + 1] == UInt8(ascii: "}")), bytes[j] != UInt8(ascii: "\n") { j += 1 }
                    if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "}") {
                        let name = String(decoding: bytes[(i + 3)..<j], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                        found.append((name, line))
                        i = j + 2
                        continue
                    }
                }
                i += 2
                continue
            }
            i += 1
        }
        return (tags, found)
    }

    static func explain(_ error: Error) -> String {
        guard let e = error as? MustacheTemplate.Error else { return "\(error)" }
        switch e {
        case .sectionCloseNameIncorrect: return "a section closes with a different name than it opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed with {{/name}}"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may appear inside an inheritance section"
        case .textInsideInheritSection: return "text may not appear directly inside an inheritance section"
        case .invalidConfigVariableSyntax: return "a {{% }} pragma is malformed"
        case .unrecognisedConfigVariable: return "unknown {{% }} pragma; use {{%CONTENT_TYPE: HTML}}, TEXT, MARKDOWN or MERMAID"
        @unknown default: return "\(e)"
        }
    }

    /// MARKDOWN escapes user text so it cannot start markup or break a table; MERMAID strips
    /// what Mermaid's grammar would read as syntax; HTML is swift-mustache's own escaping done on
    /// bytes (its version looks each character up in a dictionary: a quarter of a report's render).
    static func registerContentTypes() {
        MustacheContentTypes.register(HTMLBytesContentType(), named: "HTML")
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(MermaidContentType(), named: "MERMAID")
    }
}

/// The templates a report needs; each may be overridden with `--templates DIR`.
public enum ReportTemplate: String, CaseIterable, Sendable {
    case html = "report.html"
    case markdown = "report.md"
    case ladderHTML = "ladder.html"
    case ladderMarkdown = "ladder.md"
    case ladderText = "ladder.txt"
    case text = "report.txt"
    case compareText = "compare.txt"
    case compareMarkdown = "compare.md"
    case historyText = "history.txt"
    case historyMarkdown = "history.md"
}
