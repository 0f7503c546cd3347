import Foundation
import MaturityCore

/// The formats the commands write; each command says which of them it offers.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, html, md
    /// The consultant's workbook (`maturity report` only).
    case xlsx

    /// The file extension for `--output` folders and the demo.
    public var fileExtension: String { self == .text ? "txt" : rawValue }

    /// The format a file name's extension names (.markdown and .htm too), nil for none or another.
    public init?(extension ext: String) {
        switch ext.lowercased() {
        case "txt", "text": self = .text
        case "json": self = .json
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}

/// Turns an evaluation into report text in any format: evaluation → `ReportModel` → the JSON
/// encoding, or a template over the model's `ReportView`. Returns strings; never writes.
public struct Renderer: Sendable {
    /// The templates, for models that render straight from a tree (`ladder`).
    public let templates: TemplateRenderer
    let brand: Brand
    /// The phrase table the report is worded from.
    public let words: PhraseBook

    /// `templates` are the built-in templates merged with any overrides, keyed by path in the folder.
    /// Template errors surface when a format that uses the template is rendered.
    public init(templates: [String: String], origin: [String: String] = [:], brand: Brand = .standard, words: PhraseBook) {
        self.templates = TemplateRenderer(templates: templates, origin: origin, words: words.fixedWords)
        self.brand = brand
        self.words = words
    }

    /// Renders the report. An evaluation `compared(with:history:)` adds "Since last quarter" and the trend.
    public func render(_ evaluation: Evaluation, as format: OutputFormat) throws -> String {
        try render(ReportModel(evaluation, words: words), as: format)
    }

    public func render(_ model: ReportModel, as format: OutputFormat) throws -> String {
        switch format {
        case .json: return try model.json()
        case .html:
            // The data block's JSON is encoded on another core while this one words and renders the
            // page, which holds a mark where the JSON goes; the JSON takes the mark's place at the end.
            let json = Background { ReportView.scriptSafe(try model.json(pretty: false)) }
            let page = try templates.render(.html) {
                var v = try view(model)
                v.jsonForScript = Self.jsonMark
                return v
            }
            return Self.replacing(Self.jsonMark, in: page, with: try json.value())
        // Markdown and text embed no data block: no JSON is encoded (half the time on a long inventory).
        case .md: return try templates.render(.markdown) { try view(model) }
        case .text: return try templates.render(.text) { try view(model) }
        case .xlsx: throw TemplateError(file: "(xlsx)", line: nil, column: nil, message: "a workbook is bytes, not text: use workbook(_:)")
        }
    }

    /// Starts parsing the templates `format` needs, so the parse overlaps reading and evaluating
    /// the assessment (see `TemplateRenderer.prepare`). Rendering without it works the same, later.
    public func prepare(_ format: OutputFormat) {
        switch format {
        case .html: templates.prepare(.html)
        case .md: templates.prepare(.markdown)
        case .text: templates.prepare(.text)
        case .json, .xlsx: break
        }
    }

    /// Letters only, so any escaping leaves it as it is; no report text holds it.
    static let jsonMark = "MATURITYDATABLOCKd41d8cd98f00b204"

    /// `page` with every `mark` replaced by `text`, on bytes (the page is 100 KB and more).
    static func replacing(_ mark: String, in page: String, with text: String) -> String {
        let m = Array(mark.utf8), p = Array(page.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(p.count + text.utf8.count)
        var i = 0
        while i < p.count {
            if p[i] == m[0], i + m.count <= p.count, p[i ..< i + m.count].elementsEqual(m) {
                out += text.utf8
                i += m.count
            } else {
                out.append(p[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The consultant's workbook of the report (--format xlsx).
    public func workbook(_ evaluation: Evaluation) throws -> Data { try Workbook.data(ReportModel(evaluation, words: words), words: words) }

    /// The view the templates read (the HTML's data block is filled by `render`).
    public func view(_ model: ReportModel) throws -> ReportView {
        var view = ReportView(model, words: words, brand: brand)
        view.text = ReportView.TextView(model, words: words)
        // The whole model costs a second tree to prepare: only when a template reads it.
        if templates.readsData { view.data = model }
        view.comparison = model.sinceLastQuarter.map { ComparisonView($0, currency: model.organization.currency, words: words) }
        return view
    }

    /// `maturity compare` in text or Markdown.
    public func render(_ comparison: ComparisonJSON, currency: String, markdown: Bool) throws -> String {
        try templates.render(tree: try templates.treeOf(ComparisonView(comparison, currency: currency, words: words)),
                             template: markdown ? .compareMarkdown : .compareText)
    }

    /// `maturity history` in text or Markdown.
    public func render(_ history: HistoryView, markdown: Bool) throws -> String {
        try templates.render(tree: try templates.treeOf(history.worded(words)), template: markdown ? .historyMarkdown : .historyText)
    }
}
