import Foundation
import MaturityCore
import MaturityStore

/// What a person typed at a prompt, after the commands every prompt understands.
enum Reply<T> {
    case value(T)
    case skip
    case back
    case quit
    case ended
}

/// One question put to the person: how to show it, what Enter means, how to read the answer.
struct Prompt<T> {
    var position: String
    var text: String
    var help: String?
    /// Shown in brackets; Enter takes it.
    var defaultText: String?
    /// Whether `skip` is allowed (records unknown, or leaves an optional field empty).
    var skippable: Bool
    var choices: [Choice] = []
    var parse: (String) -> Result<T, PromptError>
    /// Typed blind: on a terminal the answer is not echoed (a workshop's answers stay unseen).
    var hidden = false
    /// What Enter takes without showing it (a workshop's earlier answer, re-asked blind).
    var unshownDefault: String? = nil
}

struct PromptError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension Terminal {
    /// Asks until the answer parses or the person types a command. Never loops at end of input.
    func ask<T>(_ p: Prompt<T>) -> Reply<T> {
        if !p.choices.isEmpty {
            // The file's id beside each choice helps an English reader who edits the YAML; in German
            // or Spanish it is a stray English word: the number is what people type.
            let ids = Language.current.code == "en"
            for (i, c) in p.choices.enumerated() { say("    \(i + 1). \(c.label)" + (ids ? dim(" (\(c.value))") : "")) }
        }
        let shownDefault = p.defaultText.map { " [\($0)]" } ?? ""
        var line = "\(p.position) \(p.text)\(shownDefault): "
        if line.count > 78 {
            // Long questions wrap at 78 columns and the answer goes on its own line.
            say(dim(p.position))
            for row in wrap(p.text, width: 78) { say(row) }
            line = "\(shownDefault.isEmpty ? "" : String(shownDefault.dropFirst()) + " ")> "
        } else {
            line = "\(dim(p.position)) \(p.text)\(shownDefault): "
        }
        while true {
            guard let raw = p.hidden ? askHidden(line) : ask(line) else { return .ended }
            let typed = raw.trimmingCharacters(in: .whitespaces)
            switch typed.lowercased() {
            case _ where typed == "?" || isCommand(typed.lowercased(), "help"):
                say(p.help.map { "  \($0)" } ?? "  " + L("cli.prompt.no_help"))
                say(dim("  " + L(p.skippable ? "cli.prompt.commands" : "cli.prompt.commands_no_skip")))
                continue
            case _ where isCommand(typed.lowercased(), "back"): return .back
            case _ where isCommand(typed.lowercased(), "quit", "exit"): return .quit
            case _ where isCommand(typed.lowercased(), "skip"):
                if p.skippable { return .skip }
                warn("  " + L("cli.prompt.needed_to_value"))
                continue
            case "":
                if let d = p.defaultText ?? p.unshownDefault {
                    if case .success(let v) = p.parse(d) { return .value(v) }
                }
                if p.skippable, p.defaultText == nil, p.unshownDefault == nil { return .skip }
                warn("  " + L("cli.prompt.answer_needed"))
                continue
            default:
                switch p.parse(typed) {
                case .success(let v):
                    // A number typed any other way than plainly ("40k", "EUR 40.000") is said back as read.
                    if let d = v as? Double, Double(typed) == nil,
                        typed != Format.decimal(d) { say("  " + L("cli.prompt.read_as", ["v": .number(d, decimals: 4)])) }
                    return .value(v)
                case .failure(let e): warn("  \(e.reason)")
                }
            }
        }
    }
}

/// Splits text into lines of at most `width` characters at spaces.
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if !current.isEmpty, current.count + 1 + word.count > width {
            lines.append(current)
            current = ""
        }
        current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// Readers for each question type, with the reason shown when an answer does not fit.
enum Parse {
    static func text(_ s: String) -> Result<String, PromptError> {
        s.isEmpty ? .failure(PromptError(L("cli.parse.text"))) : .success(s)
    }

    static func yesNo(_ s: String) -> Result<Bool, PromptError> {
        Values.yesNo(s).map { .success($0) } ?? .failure(PromptError(L("cli.parse.yes_no")))
    }

    static func choice(_ choices: [Choice]) -> (String) -> Result<String, PromptError> {
        { s in
            if let n = Int(s), (1...choices.count).contains(n) { return .success(choices[n - 1].value) }
            if let value = Values.choice(s, among: choices) { return .success(value) }
            return .failure(PromptError(L("cli.parse.choice", ["n": .int(choices.count), "values": .text(choices.map(\.value).joined(separator: ", "))])))
        }
    }

    /// A number as people type it: `1,500`, `$48`, `12.5 h`.
    static func number(unit: String, example: String, min: Double? = nil, max: Double? = nil, whole: Bool = false)
        -> (String) -> Result<Double, PromptError> {
        { s in
            // "1.200" is twelve hundred where the comma is the decimal mark (German, Spanish).
            let groups = s.split(separator: Character("."), omittingEmptySubsequences: false)
            let s = Format.style.decimal == "," && !s.contains(",") && groups.count > 1 && groups.dropFirst().allSatisfy({ $0.count == 3 })
                ? groups.joined() : s
            guard let v = Values.number(s) else {
                return .failure(PromptError(L("cli.parse.number", ["unit": .text(unit), "example": .text(example)])))
            }
            if whole, v != v.rounded() { return .failure(PromptError(L("cli.parse.whole", ["example": .text(example)]))) }
            if let min, v < min { return .failure(PromptError(L("cli.parse.at_least", ["unit": .text(unit), "v": .number(min, decimals: 4)]))) }
            if let max, v > max { return .failure(PromptError(L("cli.parse.at_most", ["unit": .text(unit), "v": .number(max, decimals: 4)]))) }
            return .success(v)
        }
    }

    /// A share: `0.1` or `10%`.
    static func share(_ s: String) -> Result<Double, PromptError> {
        // "12" means 12%: a share is never above 1, so a bigger number is a percent.
        Values.share(s).map { .success($0) } ?? .failure(PromptError(L("cli.parse.share")))
    }

    static func day(_ s: String) -> Result<Day, PromptError> {
        Day(text: s, near: Assess.today()).map { .success($0) } ?? .failure(PromptError(L("cli.parse.date")))
    }

    static func currency(_ s: String) -> Result<String, PromptError> {
        s.count == 3 && s.allSatisfy({ $0.isASCII && $0.isLetter })
            ? .success(s.uppercased()) : .failure(PromptError(L("cli.parse.currency")))
    }

    /// `Name, Role` → a respondent.
    static func respondent(_ s: String) -> Result<Respondent, PromptError> {
        let parts = s.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = parts.first, !name.isEmpty else { return .failure(PromptError(L("cli.parse.respondent"))) }
        return .success(Respondent(name: name, role: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil))
    }
}
