import ArgumentParser
import MaturityCore
import MaturityReport
import MaturityStore

extension ReportFormat: ExpressibleByArgument {}

/// Where report templates come from: the built-in set, or a folder that overrides it.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of templates (and brand.yaml) that override the built-in ones.", valueName: "dir"))
    var templates: String?

    /// Loads templates and branding, turning any problem into a located message and exit code.
    func renderer(store: FileStore) throws -> Renderer {
        let set = try store.templates(overrides: templates)
        var brand = Brand.standard
        if let b = set.brand {
            brand = Brand(firmName: b.firmName, logo: b.logo, logoAlt: b.logoAlt ?? b.firmName ?? "Logo",
                          accent: b.accent ?? brand.accent, accentDark: b.accentDark ?? b.accent ?? brand.accentDark)
        }
        return Renderer(templates: set.files, origin: set.origin, brand: brand, words: Phrases.english)
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place the company, score its processes and plan its next 90 days.",
        discussion: """
        Without --format, the format follows the --output extension (.html, .md, .json), else text.

        Examples:
          maturity report acme.yaml
          maturity report acme.yaml --output acme.html
          maturity report acme.yaml --format json --output acme.json
          maturity report acme.yaml --calendar plant-calendar.yaml --output acme.html
          maturity report acme/2026-q3.yaml --previous acme/2026-q2.yaml --history acme/ --output q3.html
        """
    )

    @Argument(help: "The assessment file (YAML).")
    var file: String

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat?

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Use this questionnaire (id or path) instead of the one the assessment names.")
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Last quarter's assessment: adds \"Since last quarter\".", valueName: "old.yaml"))
    var previous: String?

    @Option(name: .long, help: ArgumentHelp("The folder of this company's assessments: adds the trend (three or more).", valueName: "dir"))
    var history: String?

    @Option(name: .long, help: ArgumentHelp("The plant's working days, holidays and shutdowns (YAML, as for `ladder`): every plan date falls on a working day.", valueName: "calendar.yaml"))
    var calendar: String?

    @OptionGroup var templateOptions: TemplateOptions

    /// The format asked for, or the one the output file's extension names.
    var resolvedFormat: ReportFormat {
        if let format { return format }
        let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        return ReportFormat.allCases.first { $0.fileExtension == ext || (ext == "markdown" && $0 == .md) } ?? .text
    }

    func validate() throws {
        guard let output, format == nil else { return }
        let ext = (output as NSString).pathExtension.lowercased()
        if !ext.isEmpty, !ReportFormat.allCases.contains(where: { $0.fileExtension == ext }), ext != "markdown" {
            throw ValidationError("--output \(output): .\(ext) names no report format; use .html, .md, .json or .txt, or pass --format")
        }
    }

    func run() throws {
        let store = FileStore()
        if let output {
            try PathIdentity.refuseOverwritingInput(output: output, inputs: [file] + (previous.map { [$0] } ?? []) + (questionnaire.map { [$0] } ?? []) + (calendar.map { [$0] } ?? []))
        }
        let renderer = try templateOptions.renderer(store: store)
        let override = try questionnaire.map(store.questionnaire(pathOrID:))
        let loaded = try store.loadAssessment(file, questionnaireOverride: override)
        for warning in loaded.warnings { Console.err(warning.description) }
        var assessment = loaded.assessment
        if let calendar { assessment.calendar = try CalendarLoader.load(text: try store.readText(calendar), file: calendar) }
        let evaluation = Evaluation(assessment, questionnaire: loaded.questionnaire)
        let earlier = try previous.map { path -> Evaluation in
            let l = try store.loadAssessment(path)
            return Evaluation(l.assessment, questionnaire: l.questionnaire)
        }
        let past = try history.map { try store.history($0).map(\.evaluation) } ?? []
        let text = try renderer.render(evaluation.compared(with: earlier, history: past), as: resolvedFormat)
        if let output {
            try store.writeAtomically(text, to: output)
            Console.err("Wrote \(output)")
        } else {
            Console.out(text, terminator: "")
        }
    }
}

import Foundation
