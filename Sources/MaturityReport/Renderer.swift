import Foundation
import MaturityCore

/// The report formats `maturity report` can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, html, md

    /// The file extension for `--output` folders and the demo.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Turns an evaluation into report text in any format. Returns strings; never writes.
public struct Renderer: Sendable {
    let templates: TemplateRenderer
    let brand: Brand

    /// `templates` are the built-in templates merged with any overrides, keyed by path in the folder.
    /// Template errors surface when a format that uses the template is rendered.
    public init(templates: [String: String], origin: [String: String] = [:], brand: Brand = .standard) {
        self.templates = TemplateRenderer(templates: templates, origin: origin)
        self.brand = brand
    }

    public func render(_ evaluation: Evaluation, as format: ReportFormat) throws -> String {
        switch format {
        case .text: return TextReport.render(evaluation)
        case .json: return try Self.json(evaluation)
        case .html: return try templates.render(try context(evaluation), template: .html)
        case .md: return try templates.render(try context(evaluation), template: .markdown)
        }
    }

    public func context(_ evaluation: Evaluation) throws -> ReportContext {
        ReportContext(evaluation, brand: brand, json: try Self.json(evaluation, pretty: false))
    }

    public static func json(_ evaluation: Evaluation, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ReportJSON(evaluation))
        return String(decoding: data, as: UTF8.self) + (pretty ? "\n" : "")
    }
}
