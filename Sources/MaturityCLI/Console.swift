import ArgumentParser
import Foundation
import MaturityCore
import MaturityReport
import MaturityStore
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Standard output and error without buffering surprises, and never a trap: a reader that went
/// away (`| head`) ends the run quietly; a full disk or a closed descriptor ends it with one line
/// and exit 74.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        // A report sent to a file or a pipe keeps its characters (HTML isolates them); a terminal shows them.
        write(TerminalText.safe(text, showingBidi: isatty(STDOUT_FILENO) == 1) + terminator, to: STDOUT_FILENO)
    }

    static func err(_ text: String) {
        write(TerminalText.safe(text) + "\n", to: STDERR_FILENO)
    }

    /// Writes every byte, retrying short writes and interrupts; on failure, exits.
    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                bytes = bytes.dropFirst(n)
                continue
            }
            let code = errno
            if n < 0, code == EINTR || code == EAGAIN { continue }
            failed(fd, code)
        }
    }

    /// The one line a failed write leaves: none for a closed pipe, as `head` expects.
    static func failed(_ fd: Int32, _ code: Int32) -> Never {
        if code == EPIPE { Foundation.exit(0) }
        let reason = code == ENOSPC ? "the disk is full" : (code == EBADF ? "it is closed" : String(cString: strerror(code)))
        if fd != STDERR_FILENO {
            let line = Array("error: cannot write to standard output: \(reason)\n".utf8)
            _ = line.withUnsafeBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        Foundation.exit(ExitStatus.ioError)
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
            throw UsageProblem(path: output, message: "this is an input of the command (\(input)); choose another --output, nothing was written",
                               exitCode: ExitStatus.cannotCreate)
        }
    }
}
