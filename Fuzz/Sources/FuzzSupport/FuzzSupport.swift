import Foundation

/// libFuzzer's driver, run from a target's own `main` (SwiftPM renames an executable's entry point,
/// so libFuzzer's `main` is never the one that runs).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

/// Hands the command line to libFuzzer with `target` as the function it calls for each input.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, target))
}

/// The input as text (invalid UTF-8 replaced, as a file read would see it).
public func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}
