import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

extension OutputFormat: ExpressibleByArgument {}

/// `--format`, `--output` and `--templates`, the same for every command that renders: the format
/// is the one asked for, else the one the output file's extension names, else text.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "text, json, html or md, as the command offers (default: from --output's extension, else text).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var templateOptions: TemplateOptions

    /// The format to write, refused with the fix when the command does not offer it.
    func format(offered: [OutputFormat]) throws -> OutputFormat {
        let list = offered.map(\.rawValue).joined(separator: ", ")
        if let format {
            guard offered.contains(format) else { throw ValidationError("--format \(format.rawValue): this command writes \(list)") }
            return format
        }
        guard let output else { return .text }
        let ext = (output as NSString).pathExtension
        if ext.isEmpty { return .text }
        guard let named = OutputFormat(extension: ext), offered.contains(named) else {
            throw ValidationError("--output \(output): .\(ext) names no format this command writes (\(list)); use one of those extensions, or pass --format")
        }
        return named
    }

    /// The templates (built in, or overridden from --templates) and branding.
    func renderer(store: FileStore) throws -> Renderer { try templateOptions.renderer(store: store) }

    /// To --output atomically (saying so on stderr), or to standard output.
    func write(_ text: String, store: FileStore) throws {
        if let output {
            try store.writeAtomically(text, to: output)
            Console.err("Wrote \(output)")
        } else {
            Console.out(text, terminator: "")
        }
    }
}

/// Where report templates come from: the built-in set, or a folder that overrides it.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of templates (and brand.yaml) that override the built-in ones.", valueName: "dir"))
    var templates: String?

    @OptionGroup var language: LanguageOption

    /// The built-in templates and the English phrase table, for commands that take no --templates.
    static var builtIn: Renderer { Renderer(templates: ContentLibrary.files(under: "templates"), words: Phrases.current) }

    /// The templates (built in, or overridden from --templates) and branding, any problem located.
    func renderer(store: FileStore) throws -> Renderer {
        guard templates != nil else { return Self.sharedBuiltIn() }
        let set = try store.templates(overrides: templates)
        var brand = Brand.standard
        if let b = set.brand {
            brand = Brand(firmName: b.firmName, logo: b.logo, logoAlt: b.logoAlt ?? b.firmName ?? "Logo",
                          accent: b.accent ?? brand.accent, accentDark: b.accentDark ?? b.accent ?? brand.accentDark)
        }
        return Renderer(templates: set.files, origin: set.origin, brand: brand, words: Phrases.current)
    }
}

extension TemplateOptions {
    /// The built-in templates with the standard brand, one renderer per language for the whole
    /// process, so a parse started before the command line is read (`prefetch`) is the one the
    /// command renders with. It is exactly what `renderer(store:)` makes without --templates.
    static func sharedBuiltIn() -> Renderer { BuiltInRenderers.shared.renderer(Phrases.current) }

    /// `maturity report …` without --templates: starts parsing the templates its format will need
    /// while the command line is still being read (ArgumentParser takes 3 ms). The format is read
    /// as `OutputOptions.format` reads it; a wrong guess only parses a template nobody waits for.
    static func prefetch(_ arguments: [String]) {
        guard arguments.first == "report", !arguments.contains(where: { $0 == "--templates" || $0.hasPrefix("--templates=") }) else { return }
        var format: String?, output: String?
        for (i, a) in arguments.enumerated() {
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            if a == "--format" || a == "-f" { format = next }
            if a.hasPrefix("--format=") { format = String(a.dropFirst("--format=".count)) }
            if a == "--output" || a == "-o" { output = next }
            if a.hasPrefix("--output=") { output = String(a.dropFirst("--output=".count)) }
        }
        let chosen = format.flatMap(OutputFormat.init(rawValue:))
            ?? output.flatMap { OutputFormat(extension: ($0 as NSString).pathExtension) }
            ?? .text
        sharedBuiltIn().prepare(chosen)
    }
}

/// The built-in renderers by language, made once each.
final class BuiltInRenderers: @unchecked Sendable {
    static let shared = BuiltInRenderers()
    private let lock = NSLock()
    private var made: [String: Renderer] = [:]

    func renderer(_ words: PhraseBook) -> Renderer {
        lock.lock()
        defer { lock.unlock() }
        if let r = made[words.language] { return r }
        let r = Renderer(templates: ContentLibrary.files(under: "templates"), words: words)
        made[words.language] = r
        return r
    }
}

/// `--lang`: the language of the interview, the reports and the messages. Read before the
/// command line is parsed (so a refusal is said in it too); declared here so every command takes it.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("en, de or es (default: from LANG, else en).", valueName: "code"))
    var lang: String?
}
