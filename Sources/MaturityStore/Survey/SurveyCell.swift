import Foundation
import MaturityCore

/// One survey cell read as an answer to a question, as the interview reads typed answers
/// (`Values`): a choice by its label or value in any case and punctuation, yes/no in the forms
/// people write it, numbers with separators and units.
enum SurveyCell {
    enum Reading: Equatable {
        /// The answer; `note` says how it was read when that took a judgement (two boxes ticked).
        case answer(Answer, note: String?)
        /// Left empty, or "not sure": recorded as unknown, which counts as no.
        case unknown
        /// Not readable; the reason names what was expected.
        case problem(String)
    }

    /// Words that mean the person did not know or did not answer.
    static let unknownWords: Set<String> = ["", "not sure", "unsure", "dont know", "don t know", "do not know", "i dont know",
                                            "i don t know", "i do not know", "unknown", "n a", "na", "skip", "no answer",
                                            "prefer not to say", "weiss nicht", "keine angabe", "ne sais pas", "no se"]

    static func read(_ raw: String, for q: Question, decimalComma: Bool) -> Reading {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text == "?" || text == "-" || unknownWords.contains(SurveyText.plain(text)) { return .unknown }
        switch q.type {
        case .yesNo: return yesNo(text)
        case .choice: return choice(text, q.choices)
        case .count, .number, .money: return number(text, q, decimalComma: decimalComma)
        case .share:
            if let v = Values.share(text, decimalComma: decimalComma) { return .answer(.number(v), note: nil) }
            return .problem("\"\(text)\" is not a share; expected a share between 0 and 1, like 0.1 or 10%")
        case .date:
            if let day = Day(iso: String(text.prefix(10))) ?? Day(text: text) { return .answer(.text(day.iso), note: nil) }
            return .problem("\"\(text)\" is not a date; expected a date like 2026-11-20 or 20.11.2026")
        case .text, .list:
            return .answer(.text(text), note: nil)
        }
    }

    /// Yes or no as written: `Yes`, `no`, `TRUE`, `1`, or a sentence that starts with one ("Yes, monthly").
    static func yesNo(_ text: String) -> Reading {
        if let v = Values.yesNo(text) { return .answer(.yesNo(v), note: nil) }
        let words = SurveyText.plain(text).split(separator: " ").map(String.init)
        if let first = words.first, let v = Values.yesNo(first), first != "1", first != "0", first != "x" {
            return .answer(.yesNo(v), note: nil)
        }
        if words.starts(with: ["not", "yet"]) || words == ["never"] || words == ["none"] { return .answer(.yesNo(false), note: nil) }
        return .problem("\"\(text)\" is not yes or no; expected \(Values.yesNoHint), or leave it empty for unknown")
    }

    /// A choice by its value or label, ignoring case, accents and punctuation; a label followed
    /// by an explanation ("Some people use them on their own (mostly ChatGPT)"); the choice's
    /// number. Several choices ticked in a checkbox question (Google Forms joins them with ", ")
    /// keep the least mature one, the strict reading, and say so.
    static func choice(_ text: String, _ choices: [Choice]) -> Reading {
        if let v = single(text, choices) { return .answer(.choice(v), note: nil) }
        let ticked = ticks(text, choices)
        if ticked.isEmpty, let v = explained(text, choices) { return .answer(.choice(v), note: nil) }
        if let least = ticked.first, ticked.count > 1 {
            let names = ticked.map { v in choices.first { $0.value == v }?.label ?? v }
            return .answer(.choice(least),
                           note: "\(ticked.count) choices ticked (\(names.joined(separator: "; "))); kept the least mature, \(least), as the strict rule would")
        }
        if let only = ticked.first { return .answer(.choice(only), note: nil) }
        let listed = choices.enumerated().map { "\($0.offset + 1). \($0.element.label) (\($0.element.value))" }.joined(separator: "; ")
        return .problem("\"\(text)\" is none of the choices: \(listed); write one of them, or leave it empty for unknown")
    }

    static func single(_ text: String, _ choices: [Choice]) -> String? {
        if let v = Values.choice(text, among: choices) { return v }
        let plain = SurveyText.plain(text)
        guard !plain.isEmpty else { return nil }
        if let c = choices.first(where: { SurveyText.plain($0.label) == plain || SurveyText.plain($0.value) == plain }) { return c.value }
        if let n = Int(plain), (1...choices.count).contains(n),
           !choices.contains(where: { SurveyText.plain($0.label) == plain || $0.value == plain }) {
            return choices[n - 1].value
        }
        return nil
    }

    /// The label and then more words ("Some people use them on their own (mostly ChatGPT)"): only
    /// when exactly one label fits.
    static func explained(_ text: String, _ choices: [Choice]) -> String? {
        let plain = SurveyText.plain(text)
        let prefixed = choices.filter { plain.hasPrefix(SurveyText.plain($0.label) + " ") }
        return prefixed.count == 1 ? prefixed[0].value : nil
    }

    /// The choices named in a cell of several, in questionnaire order (least mature first). A
    /// label with a comma in it spans several parts, so parts are joined until they name a choice.
    static func ticks(_ text: String, _ choices: [Choice]) -> [String] {
        let parts = text.components(separatedBy: CharacterSet(charactersIn: ",;\n")).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count > 1 else { return [] }
        var found = Set<String>()
        var i = 0
        while i < parts.count {
            var matched = false
            // The longest run of parts that names a choice wins.
            for end in stride(from: parts.count, to: i, by: -1) {
                let joined = parts[i..<end].joined(separator: ", ")
                if let v = single(joined, choices) {
                    found.insert(v)
                    i = end
                    matched = true
                    break
                }
            }
            if !matched {
                if !parts[i].isEmpty { return [] }     // a part that names nothing: not a list of choices
                i += 1
            }
        }
        return choices.map(\.value).filter(found.contains)
    }

    /// A number as the interview reads it (`1,500`, `about 3`, `2 pilots`), within the question's bounds.
    static func number(_ text: String, _ q: Question, decimalComma: Bool) -> Reading {
        let whole = q.type == .count
        let unit = q.unit ?? (whole ? "a whole number" : "a number")
        let example = whole ? "2" : "12.5"
        let plain = SurveyText.plain(text)
        let value: Double?
        if ["none", "zero", "no", "nil", "never"].contains(plain) {
            value = 0
        } else {
            value = Values.number(text, decimalComma: decimalComma)
        }
        guard let v = value else {
            let range = text.range(of: #"\d\s*(-|–|to)\s*\d"#, options: .regularExpression) != nil
            return .problem("\"\(text)\" is not " + (range ? "one number (a range?)" : "a number") + "; expected \(unit), like \(example)")
        }
        if whole, v != v.rounded() { return .problem("\"\(text)\" is not a whole number; expected \(unit), like \(example)") }
        if let min = q.min, v < min { return .problem("\(Format.number(v)) is below \(Format.number(min)); "
                                                      + "expected \(unit) of at least \(Format.number(min))") }
        if let max = q.max, v > max { return .problem("\(Format.number(v)) is above \(Format.number(max)); expected \(unit) of at most \(Format.number(max))") }
        return .answer(.number(v), note: nil)
    }
}
