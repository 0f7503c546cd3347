import Foundation
import PackagePlugin

/// Embeds the package's data folders (questionnaires/, templates/, examples/, phrases/) into the target as
/// Swift source, so a copied binary needs no resource bundle beside it.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["questionnaires", "templates", "examples", "phrases"]
        var inputs: [URL] = []
        let fm = FileManager.default
        for folder in folders {
            let dir = root.appending(path: folder)
            guard let walker = fm.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                if isFile, !url.lastPathComponent.hasPrefix(".") { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        // The commit the binary is built from, for `maturity --version`: HEAD and the ref it names
        // are inputs, so a new commit re-runs the tool.
        let git = root.appending(path: ".git")
        var gitInputs: [URL] = []
        let head = git.appending(path: "HEAD")
        if let text = try? String(contentsOf: head, encoding: .utf8) {
            gitInputs.append(head)
            if text.hasPrefix("ref: ") {
                let ref = git.appending(path: text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
                if fm.fileExists(atPath: ref.path) { gitInputs.append(ref) }
            }
            let packed = git.appending(path: "packed-refs")
            if fm.fileExists(atPath: packed.path) { gitInputs.append(packed) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedContent.swift")
        var arguments = ["embed", output.path, root.path, gitInputs.isEmpty ? "-" : git.path]
        arguments += inputs.map(\.path)
        inputs += gitInputs
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) content files",
                executable: try context.tool(named: "ContentCompilerTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
