import Foundation
import MaturityCore

/// The interview's window on the person: read a line, write text. Tests script it; the real
/// one reads standard input and never crashes or loops when input ends.
protocol Terminal: AnyObject {
    /// Shows `prompt` and returns the typed line without its newline, or nil when input has ended.
    func ask(_ prompt: String) -> String?
    func say(_ text: String)
    var colors: Bool { get }
    /// Like `ask`, but what is typed is not shown on a terminal.
    func askHidden(_ prompt: String) -> String?
}

extension Terminal {
    func askHidden(_ prompt: String) -> String? { ask(prompt) }
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
        Console.write(prompt, to: STDOUT_FILENO)
        guard let line = Swift.readLine(strippingNewline: true) else {
            Console.write("\n", to: STDOUT_FILENO)
            return nil
        }
        // A line typed at a pipe is echoed so a transcript reads like the session.
        if isatty(STDIN_FILENO) != 1 { Console.write("\(line)\n", to: STDOUT_FILENO) }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    func say(_ text: String) { Console.write(TerminalText.safe(text) + "\n", to: STDOUT_FILENO) }

    /// Echo off while the line is typed, so the next person cannot read it; a pipe is unchanged.
    func askHidden(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return ask(prompt) }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return ask(prompt) }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        Console.write(prompt, to: STDOUT_FILENO)
        guard let line = Swift.readLine(strippingNewline: true) else {
            Console.write("\n", to: STDOUT_FILENO)
            return nil
        }
        Console.write("(hidden until everyone has answered)\n", to: STDOUT_FILENO)
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}

/// Text made safe to print: control characters from a file or a name (ESC, OSC title and
/// clipboard sequences, screen clears, C1 controls) shown as visible escapes, never obeyed.
/// Only the colour codes the tool itself adds (ESC [ digits m) pass.
enum TerminalText {
    static func safe(_ given: String, showingBidi: Bool = true) -> String {
        // On a terminal, bidirectional controls (U+202E) and invisible characters are shown as (U+202E), never obeyed.
        let text = showingBidi ? UnicodeSafety.shown(given) : given
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{1B}", let end = colourCodeEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            if isControl(s) {
                let hex = String(s.value, radix: 16)
                out.append(contentsOf: ("\\x" + (hex.count < 2 ? "0" + hex : hex)).unicodeScalars)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
    }

    /// The index of the final `m` of an SGR colour code starting at `start`, if it is one.
    static func colourCodeEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < s.count, s[start + 1] == "[" else { return nil }
        var j = start + 2
        while j < s.count, (s[j].properties.numericType != nil && s[j].isASCII) || s[j] == ";" { j += 1 }
        return j < s.count && s[j] == "m" && j - start <= 12 ? j : nil
    }
}
