import Foundation
import MaturityCore

/// Writes assessment files the way DESIGN.md shows them: plain Unicode, numbers as people
/// write them (0.5, never 5e-1), short records in flow style, quotes only where YAML needs them.
public enum AssessmentWriter {
    public static func yaml(_ d: Draft, questionnaire q: Questionnaire) -> String {
        // Appends to one string: an inventory of 100,000 processes as an array of lines took
        // three times the memory.
        var out = Lines()
        out.append("version: \(d.version)")
        out.append("questionnaire: \(scalar(d.questionnaireID))")
        var org: [(String, String)] = []
        if let v = d.name { org.append(("name", scalar(v, flow: true))) }
        if let v = d.industry { org.append(("industry", scalar(v, flow: true))) }
        if let v = d.currency { org.append(("currency", scalar(v, flow: true))) }
        if let v = d.loadedHourlyRate { org.append(("loaded_hourly_rate", Format.number(v))) }
        if let v = d.usdRate { org.append(("usd_rate", Format.number(v, maxDecimals: 6))) }
        if let v = d.usdRateOn { org.append(("usd_rate_on", v.iso)) }
        out.append("organization: " + flow(org))
        if let v = d.assessedOn { out.append("assessed_on: \(v.iso)") }
        if let v = d.planStartsOn { out.append("plan_starts_on: \(v.iso)") }
        if !d.respondents.isEmpty {
            let items = d.respondents.map { r -> String in
                var fields = [("name", scalar(r.name, flow: true))]
                if let role = r.role { fields.append(("role", scalar(role, flow: true))) }
                return flow(fields)
            }
            out.append("respondents: [" + items.joined(separator: ", ") + "]")
        }
        // Answers in questionnaire order, so the file reads like the interview.
        let answered = q.questions.filter { d.answers[$0.id] != nil }
        if !answered.isEmpty {
            out.append("answers:")
            for question in answered {
                let value: String
                switch d.answers[question.id] {
                case .some(.some(let answer)): value = answerText(answer)
                default: value = "unknown"
                }
                out.append("  \(question.id): \(value)")
            }
        }
        if !d.agents.isEmpty { agentLines(d.agents, q, into: &out) }
        if !d.processes.isEmpty { processLines(d.processes, into: &out) }
        if let w = d.workshop { out.append(contentsOf: workshopLines(w)) }
        if let next = d.next { out.append("interview: {next: \(next)}") }
        return out.text
    }

    /// Each agent as a block: status, side, owner, dollars, its gate bar by bar, any measured rung.
    static func agentLines(_ agents: [Agent], _ q: Questionnaire, into out: inout Lines) {
        out.append("agents:")
        for a in agents {
            out.append("  - name: \(scalar(a.name))")
            if let v = a.process { out.append("    process: \(scalar(v))") }
            out.append("    status: \(a.status.rawValue)")
            out.append("    side: \(a.side.rawValue)")
            if let v = a.owner { out.append("    owner: \(scalar(v))") }
            if let v = a.annualDollarValue { out.append("    annual_dollar_value: \(Format.number(v))") }
            if let v = a.reportsDollars { out.append("    reports_dollars: \(v)") }
            let bars = q.gateBars.compactMap { bar in a.gate[bar.id].map { (bar.id, String($0)) } }
            if !bars.isEmpty { out.append(contentsOf: wrapped("    gate: ", flow(bars))) }
            if let v = a.reusesSharedInfrastructure { out.append("    reuses_shared_infrastructure: \(v)") }
            if let m = a.measured {
                var fields: [(String, String)] = [("log", scalar(m.log, flow: true)), ("from", m.from.iso), ("to", m.to.iso),
                                                  ("cases", String(m.cases)), ("rung", m.rung), ("verdict", m.verdict),
                                                  ("monitored", String(m.monitored)), ("metric_met", String(m.metricMet))]
                if let first = m.firstWeek { fields.append(("first_week", first)) }
                if !m.weekly.isEmpty {
                    let weekly: [String] = m.weekly.map { Format.number($0, maxDecimals: 3) }
                    fields.append(("weekly", "[" + weekly.joined(separator: ", ") + "]"))
                }
                out.append(contentsOf: wrapped("    measured: ", flow(fields)))
            }
        }
    }

    /// Each process as a block, its fields in the order `InventoryProcess.fields` lists them.
    static func processLines(_ processes: [InventoryProcess], into out: inout Lines) {
        out.append("processes:")
        out.text.reserveCapacity(out.text.utf8.count + processes.count * 320)
        for p in processes {
            for (i, field) in InventoryProcess.fields.enumerated() {
                guard let v = field.value(p) else { continue }
                out.field((i == 0 ? "  - " : "    ") + field.id, field.isText ? scalar(v) : v)
            }
            if let key = p.key { out.field("    key", scalar(key)) }
            // Which of those values nobody stated: filled from the questionnaire's assumptions.
            if !p.assumed.isEmpty { out.field("    assumed", "[" + p.assumed.joined(separator: ", ") + "]") }
        }
    }

    /// A text built line by line.
    struct Lines {
        var text = ""
        mutating func append(_ line: String) {
            text += line
            text += "\n"
        }
        mutating func append(contentsOf lines: [String]) { for line in lines { append(line) } }
        /// `key: value` without building the line first (this runs once per field of every process).
        mutating func field(_ key: String, _ value: String) {
            text += key
            text += ": "
            text += value
            text += "\n"
        }
    }

    /// A flow mapping broken after commas to stay within 100 columns, continuation lines aligned
    /// under its first key, as DESIGN.md writes the gate.
    static func wrapped(_ lead: String, _ flow: String) -> [String] {
        guard lead.count + flow.count > 100 else { return [lead + flow] }
        let indent = String(repeating: " ", count: lead.count + 1)
        var lines: [String] = []
        var current = lead
        for part in flow.split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + part.count + 1 > 100, current.hasSuffix(",") {
                lines.append(current)
                current = indent + part
            } else {
                current += (current == lead ? "" : " ") + part
            }
        }
        lines.append(current)
        return lines
    }

    static func workshopLines(_ w: Workshop) -> [String] {
        var lines = ["workshop:", "  rule: \(w.rule.rawValue)"]
        let people = w.participants.map { r -> String in
            var fields = [("name", scalar(r.name, flow: true))]
            if let role = r.role { fields.append(("role", scalar(role, flow: true))) }
            return flow(fields)
        }
        lines.append("  participants: [" + people.joined(separator: ", ") + "]")
        func answers(_ list: [Workshop.PersonAnswer]) -> String {
            flow(list.map { (scalar($0.person, flow: true), $0.answer.map { answerText($0, flow: true) } ?? "unknown") })
        }
        func values(_ list: [Workshop.PersonValue]) -> String {
            flow(list.map { (scalar($0.person, flow: true), scalar($0.value, flow: true)) })
        }
        if !w.disagreements.isEmpty {
            lines.append("  disagreements:")
            for d in w.disagreements {
                lines.append("    - question: \(d.question)")
                lines.append("      answers: " + answers(d.answers))
                lines.append("      rule: \(d.rule.rawValue)")
                lines.append("      result: " + (d.pending ? "pending" : d.result.map { answerText($0) } ?? "unknown"))
                if let dissent = d.dissent { lines.append("      dissent: \(scalar(dissent))") }
            }
        }
        if !w.conflicts.isEmpty {
            lines.append("  conflicts:")
            for c in w.conflicts {
                lines.append("    - item: \(scalar(c.item))")
                lines.append("      field: \(c.field)")
                lines.append("      values: " + values(c.values))
                lines.append("      kept: \(scalar(c.kept))")
            }
        }
        return lines
    }

    static func answerText(_ a: Answer, flow: Bool = false) -> String {
        switch a {
        case .yesNo(let b): return b ? "true" : "false"
        case .choice(let c): return scalar(c, flow: flow)
        case .number(let n): return Format.number(n)
        case .text(let t): return scalar(t, flow: flow)
        }
    }

    static func flow(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A YAML scalar, plain when that reads back as the same text, double-quoted otherwise.
    public static func scalar(_ text: String, flow: Bool = false) -> String {
        plainIsSafe(text, flow: flow) ? text : quoted(text)
    }

    static func plainIsSafe(_ text: String, flow: Bool) -> Bool {
        // Fast path: a letter, then letters, digits, single spaces and harmless punctuation.
        let bytes = text.utf8
        if let f = bytes.first, (f >= 65 && f <= 90) || (f >= 97 && f <= 122), bytes.last != 32,
           bytes.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 32 || $0 == 45 || $0 == 46 || $0 == 40
                             || $0 == 41 || $0 == 47 }) {
            return !["true", "false", "yes", "no", "y", "n", "on", "off", "null", "unknown", "nan", "inf"].contains(text.lowercased())
        }
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if flow, text.contains(where: { ",[]{}".contains($0) }) { return false }
        if text.contains(where: { $0.isNewline || $0 == "\t" || ($0.asciiValue.map { $0 < 32 } ?? false) }) { return false }
        if text.unicodeScalars.contains(where: needsEscape) { return false }
        // Words and numbers YAML would read as something other than text.
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "y", "n", "on", "off", "null", "~", "unknown"].contains(lowered) { return false }
        if Double(text.replacingOccurrences(of: "_", with: "")) != nil { return false }
        if Day(iso: text) != nil { return false }
        if text.hasPrefix("0x") || text.hasPrefix("0o") || text.hasPrefix(".") { return false }
        return true
    }

    /// Characters YAML may not carry as they are (C0 and C1 controls, DEL, U+FEFF inside text,
    /// the non-characters U+FFFE and U+FFFF): written as escapes, so every file reads back.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + String(scalar.value, radix: 16).leftPad(2)
                } else if needsEscape(scalar) {
                    out += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPad(4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension AssessmentWriter {
    /// `original` with its top-level `processes:` block replaced by the one in `rewritten` (or the
    /// block appended when it had none); every other line, comments included, is kept byte for byte.
    public static func replacingProcesses(in original: String, with rewritten: String) -> String {
        replacingBlock("processes", in: original, with: rewritten)
    }

    /// `original` with one top-level block replaced by the same block of `rewritten`. Works on
    /// the UTF-8 bytes, so a 100,000-process inventory is never split into a million lines.
    public static func replacingBlock(_ key: String, in original: String, with rewritten: String) -> String {
        guard let newRange = blockRange(key, in: rewritten) else { return original }
        let newBlock = rewritten.utf8[newRange]
        guard let oldRange = blockRange(key, in: original) else {
            let base = original.hasSuffix("\n") ? original : original + "\n"
            return base + String(decoding: newBlock, as: UTF8.self)
        }
        var out = String(decoding: original.utf8[..<oldRange.lowerBound], as: UTF8.self)
        out += String(decoding: newBlock, as: UTF8.self)
        out += String(decoding: original.utf8[oldRange.upperBound...], as: UTF8.self)
        return out
    }

    /// The bytes of a top-level key's block: from its line to the next top-level key, keeping
    /// trailing blank and comment lines with what follows.
    static func blockRange(_ key: String, in text: String) -> Range<String.UTF8View.Index>? {
        let utf8 = text.utf8
        let marker = Array((key + ":").utf8)
        var lineStart = utf8.startIndex
        var start: String.UTF8View.Index?
        var lastContentEnd: String.UTF8View.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            let first = lineStart < lineEnd ? utf8[lineStart] : nil
            if let s = start {
                _ = s
                let isTopLevel = first.map { $0 != 32 && $0 != 9 && $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "-") } ?? false
                if isTopLevel { break }
                let isBlankOrComment = first == nil || first == UInt8(ascii: "#")
                    || utf8[lineStart..<lineEnd].allSatisfy { $0 == 32 || $0 == 9 }
                if !isBlankOrComment { lastContentEnd = next }
            } else if utf8[lineStart...].starts(with: marker) {
                start = lineStart
                lastContentEnd = next
            }
            lineStart = next
        }
        guard let s = start, let e = lastContentEnd else { return nil }
        return s..<e
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
