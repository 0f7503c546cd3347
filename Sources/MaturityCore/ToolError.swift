/// Every error the tool reports to a person: what went wrong, where and how to fix it
/// (`description`), and the sysexits-style code the process ends with. The command line
/// catches these once, at the top, prints the description and exits with the code.
public protocol ToolError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}

/// The exit codes, as sysexits.h names them.
public enum ExitStatus {
    /// The command line was used wrongly.
    public static let usage: Int32 = 64
    /// The input data was wrong: a file, a template, a sheet.
    public static let dataError: Int32 = 65
    /// An input file does not exist or cannot be read.
    public static let noInput: Int32 = 66
    /// A bug: an error the tool did not expect.
    public static let software: Int32 = 70
    /// An output file cannot be created.
    public static let cannotCreate: Int32 = 73
    /// Standard output or error could not be written (a full disk, a closed descriptor).
    public static let ioError: Int32 = 74
}
