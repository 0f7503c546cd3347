import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// Standard output and error without buffering surprises.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((TerminalText.safe(text) + terminator).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(text) + "\n").utf8))
    }
}

/// A command line that would lose data or cannot be carried out, with its exit code.
struct UsageProblem: ToolError {
    var path: String?
    var message: String
    var exitCode: Int32 = ExitStatus.usage
    var description: String { (path.map { "\($0): " } ?? "") + "error: " + message }
}

/// Paths compared as the files they finally name, so `./a.yaml`, `a.yaml` and a link to it match.
enum PathIdentity {
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        let parent = url.deletingLastPathComponent().resolvingSymlinksInPath()
        return parent.appendingPathComponent(url.lastPathComponent).path
    }

    /// Refuses an output that is one of the inputs: a one-word slip must never replace the assessment.
    static func refuseOverwritingInput(output: String, inputs: [String]) throws {
        let out = canonical(output)
        for input in inputs where canonical(input) == out {
            throw UsageProblem(path: output, message: "this is an input of the command (\(input)); choose another --output, nothing was written", exitCode: ExitStatus.cannotCreate)
        }
    }
}
