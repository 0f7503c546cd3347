import ArgumentParser
import Foundation
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

/// Maps store and validation errors to messages and sysexits-style exit codes.
enum CLIErrors {
    static func describe(_ error: Error) -> String {
        switch error {
        case let failure as ValidationFailure: return failure.description
        case let e as StoreError: return e.description
        case let e as TemplateError: return e.description
        case let e as ImportFailure: return e.description
        case let e as ImportError: return e.description
        case let e as UsageProblem: return e.description
        default: return "error: \(error)"
        }
    }

    static func exitCode(_ error: Error) -> ExitCode {
        switch error {
        case is ValidationFailure, is TemplateError, is ImportFailure, is ImportError: return ExitCode(65) // EX_DATAERR
        case StoreError.notFound, StoreError.unreadable: return ExitCode(66) // EX_NOINPUT
        case StoreError.notText: return ExitCode(65)
        case StoreError.questionnaireNotFound, StoreError.badQuestionnaireID, StoreError.tooLarge: return ExitCode(65)
        case StoreError.unwritable: return ExitCode(73)          // EX_CANTCREAT
        case let e as UsageProblem: return ExitCode(e.code)
        default: return ExitCode(70)                               // EX_SOFTWARE
        }
    }

    /// Runs `body`; on a failure prints the message to standard error and exits with its code.
    static func catching<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.err(describe(error))
            throw exitCode(error)
        }
    }
}

/// A command line that would lose data or cannot be carried out, with its exit code.
struct UsageProblem: Error, CustomStringConvertible {
    var path: String?
    var message: String
    var code: Int32 = 64
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
            throw UsageProblem(path: output, message: "this is an input of the command (\(input)); choose another --output, nothing was written", code: 73)
        }
    }
}
