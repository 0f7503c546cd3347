import Foundation
import MaturityCore

/// The report formats `maturity report` can write.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json
}

/// Turns an evaluation into report text. Returns strings; never writes.
public enum Renderer {
    public static func render(_ evaluation: Evaluation, as format: ReportFormat) throws -> String {
        switch format {
        case .text: return TextReport.render(evaluation)
        case .json: return try json(evaluation)
        }
    }

    public static func json(_ evaluation: Evaluation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ReportJSON(evaluation))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
