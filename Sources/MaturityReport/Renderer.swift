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

    /// Renders the report; `previous` adds "Since last quarter", `history` (three or more
    /// assessments, oldest first) adds the trend.
    public func render(_ evaluation: Evaluation, as format: ReportFormat, previous: Evaluation? = nil,
                       history: [Evaluation] = []) throws -> String {
        let extra = Extras(evaluation, previous: previous, history: history)
        switch format {
        case .text:
            var text = TextReport.render(evaluation)
            if let c = extra.comparison, let p = previous {
                text += "\n" + ComparisonReport.text(c, old: p.questionnaire, new: evaluation.questionnaire,
                                                      currency: evaluation.assessment.organization.currency, markdown: false)
            }
            return text
        case .json: return try Self.json(evaluation, extras: extra)
        case .html: return try templates.render(try context(evaluation, extras: extra), template: .html)
        // Markdown embeds no data block: skip encoding the JSON (half the time on a long inventory).
        case .md: return try templates.render(try context(evaluation, extras: extra, embedJSON: false), template: .markdown)
        }
    }

    public func context(_ evaluation: Evaluation) throws -> ReportContext {
        try context(evaluation, extras: Extras(evaluation, previous: nil, history: []))
    }

    func context(_ evaluation: Evaluation, extras: Extras, embedJSON: Bool = true) throws -> ReportContext {
        var c = ReportContext(evaluation, brand: brand, json: embedJSON ? try Self.json(evaluation, pretty: false, extras: extras) : "")
        c.addChanges(extras, evaluation)
        return c
    }

    public static func json(_ evaluation: Evaluation, pretty: Bool = true) throws -> String {
        try json(evaluation, pretty: pretty, extras: Extras(evaluation, previous: nil, history: []))
    }

    static func json(_ evaluation: Evaluation, pretty: Bool = true, extras: Extras) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var report = ReportJSON(evaluation)
        if let c = extras.comparison, let p = extras.previous {
            report.sinceLastQuarter = ComparisonJSON(c, old: p.questionnaire, new: evaluation.questionnaire)
        }
        if !extras.trend.isEmpty { report.trend = extras.trend.map { HistoryEntry(file: nil, $0) } }
        let data = try encoder.encode(report)
        return String(decoding: data, as: UTF8.self) + (pretty ? "\n" : "")
    }
}

/// The optional parts of a report: the comparison with last quarter and the trend.
struct Extras {
    var previous: Evaluation?
    var comparison: Comparison?
    /// Three or more assessments, oldest first, ending with this one.
    var trend: [Evaluation]

    init(_ e: Evaluation, previous: Evaluation?, history: [Evaluation]) {
        self.previous = previous
        comparison = previous.map { Comparison.compare($0, e) }
        var all = history.filter { $0.assessment.assessedOn < e.assessment.assessedOn }
        all.append(e)
        trend = all.count >= 3 ? all : []
    }
}
