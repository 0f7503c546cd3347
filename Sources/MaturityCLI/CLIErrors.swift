import ArgumentParser
import Foundation
import MaturityReport
import MaturityStore

/// Standard output and error without buffering surprises.
enum Console {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
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
        default: return "error: \(error)"
        }
    }

    static func exitCode(_ error: Error) -> ExitCode {
        switch error {
        case is ValidationFailure, is TemplateError, is ImportFailure, is ImportError: return ExitCode(65) // EX_DATAERR
        case StoreError.notFound, StoreError.unreadable: return ExitCode(66) // EX_NOINPUT
        case StoreError.notText: return ExitCode(65)
        case StoreError.questionnaireNotFound: return ExitCode(65)
        case StoreError.unwritable: return ExitCode(73)          // EX_CANTCREAT
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
