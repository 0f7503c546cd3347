import Foundation
import MaturityTestSupport

/// Runs the built `maturity` binary the way a user would and captures what they would see.
struct Run {
    let stdout: String
    let stderr: String
    let status: Int32
}

enum Binary {
    /// The `maturity` executable beside the test bundle (SwiftPM builds both into one folder).
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("maturity"),
            Bundle.main.bundleURL.appendingPathComponent("maturity"),
            Repo.root.appendingPathComponent(".build/debug/maturity"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    static func run(_ arguments: [String], in directory: String = Repo.root.path, stdin: String? = nil,
                    environment: [String: String] = [:], executable: URL = url) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // The language comes from the locale when --lang is not given: the tests say theirs.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try launch(process)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                   status: process.terminationStatus)
    }
}

/// Starts `process`, retrying while the kernel reports "text file busy". A binary the test has
/// just copied can be briefly held open for writing by a child that another test forked at the
/// same moment (the descriptor lives until that child's exec); the launch then fails with
/// ETXTBSY about one run in seven. The wait is bounded: two seconds, then the error stands.
private func launch(_ process: Process) throws {
    var attempt = 0
    while true {
        do {
            try process.run()
            return
        } catch let error as NSError where textFileBusy(error) && attempt < 40 {
            attempt += 1
            usleep(50_000)
        }
    }
}

/// Foundation reports a failed spawn as a Cocoa "read unknown" error with the errno beneath it.
private func textFileBusy(_ error: NSError) -> Bool {
    let posix = (error.userInfo[NSUnderlyingErrorKey] as? NSError) ?? error
    return posix.domain == NSPOSIXErrorDomain && posix.code == Int(ETXTBSY)
}
