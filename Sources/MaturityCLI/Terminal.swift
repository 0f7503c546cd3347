import Foundation

/// The interview's window on the person: read a line, write text. Tests script it; the real
/// one reads standard input and never crashes or loops when input ends.
protocol Terminal: AnyObject {
    /// Shows `prompt` and returns the typed line without its newline, or nil when input has ended.
    func ask(_ prompt: String) -> String?
    func say(_ text: String)
    var colors: Bool { get }
}

extension Terminal {
    func heading(_ text: String) { say(colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text) }
    func dim(_ text: String) -> String { colors ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    /// Prose wrapped to fit an 80-column terminal.
    func note(_ text: String) { for row in wrap(text, width: 78) { say(row) } }
    func warn(_ text: String) { say(colors ? "\u{1B}[33m\(text)\u{1B}[0m" : text) }
}

final class StandardTerminal: Terminal {
    /// Colour only on a real terminal, and never when NO_COLOR is set or TERM is dumb.
    let colors: Bool

    init() {
        let env = ProcessInfo.processInfo.environment
        colors = isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    func ask(_ prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = Swift.readLine(strippingNewline: true) else {
            FileHandle.standardOutput.write(Data("\n".utf8))
            return nil
        }
        // A line typed at a pipe is echoed so a transcript reads like the session.
        if isatty(STDIN_FILENO) != 1 { FileHandle.standardOutput.write(Data("\(line)\n".utf8)) }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
}
