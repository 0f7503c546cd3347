import Foundation
import PackagePlugin

/// Compiles the built-in questionnaires and report templates into Swift values at build time:
/// each is loaded and checked as `maturity` would at run time, so a broken template or
/// questionnaire fails the build with its file and line, and the binary parses neither.
@main
struct CompileContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in ["questionnaires", "templates", "phrases"] {
            guard let walker = FileManager.default.enumerator(at: root.appending(path: folder), includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "mustache" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledContent.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) questionnaire, template and phrase files",
                executable: try context.tool(named: "ContentCompilerTool").url,
                arguments: ["compile", output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
