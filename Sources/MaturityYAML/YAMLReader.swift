import Foundation
import MaturityCore
import Yams

/// Reads a YAML tree into typed values, collecting every problem with its line and key
/// path instead of stopping at the first one.
public final class YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    /// Parses text into a node tree; a syntax error keeps Yams' line and column.
    public func parse(_ text: String) -> Node? {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Aliases are read in bounded work: never as keys, and a few hundred at most (a file that
        // nests aliases of aliases would otherwise take minutes or gigabytes to expand).
        if text.contains("*"), !aliasesAreBounded(text) { return nil }
        do {
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                report(line: 1, .emptyFile)
                return nil
            }
            return node
        } catch let e as YamlError {
            report(e)
            return nil
        } catch {
            self.report(line: 1, .notYAML("\(error)"))
            return nil
        }
    }

    /// At most this many aliases in one file.
    public static let aliasLimit = 200

    /// False (with the problem reported) when an alias is a key or there are too many of them.
    func aliasesAreBounded(_ text: String) -> Bool {
        var count = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            // Indentation, list dashes and an explicit-key mark, then an alias followed by a colon.
            while let first = rest.first, first == " " || first == "-" || first == "?" || first == "\t" { rest = rest.dropFirst() }
            if rest.hasPrefix("*") {
                let alias = rest.prefix { !$0.isWhitespace && $0 != ":" }
                let after = rest.dropFirst(alias.count).drop { $0 == " " }
                if after.hasPrefix(":") || line.trimmingCharacters(in: .whitespaces).hasPrefix("?") {
                    report(line: index + 1, .aliasAsKey(String(alias.prefix(40))))
                    return false
                }
            }
            // Aliases outside quotes and comments: `*name` after a space, a colon, a dash, a comma or a bracket.
            var quote: Character?
            var previous: Character = " "
            let chars = Array(line)
            var i = 0
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "#", previous == " " || previous == "\t" {
                    break
                } else if c == "*", " :-,[{?\t".contains(previous) {
                    count += 1
                    if count > Self.aliasLimit {
                        report(line: index + 1, .tooManyAliases(count: count, limit: Self.aliasLimit))
                        return false
                    }
                    // In a flow mapping too: `{*a: 1}` is an alias as a key.
                    var j = i + 1
                    while j < chars.count, !chars[j].isWhitespace, !",:]}".contains(chars[j]) { j += 1 }
                    var k = j
                    while k < chars.count, chars[k] == " " { k += 1 }
                    if j > i + 1, k < chars.count, chars[k] == ":" {
                        report(line: index + 1, .aliasAsKey(String(String(chars[i..<j]).prefix(40))))
                        return false
                    }
                }
                previous = c
                i += 1
            }
        }
        return true
    }

    private func report(_ e: YamlError) {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, problem: .yamlSyntax("\(ctx)\(problem)")))
        case let .duplicatedKeysInMapping(duplicates, context):
            diagnostics.append(Diagnostic(file: file, line: context.mark.line, column: context.mark.column, problem: .duplicateKey(duplicates)))
        default:
            diagnostics.append(Diagnostic(file: file, line: 1, message: "YAML: \(e)"))
        }
    }

    /// Records a problem of a known kind at `node`.
    public func report(_ node: Node?, _ problem: FileProblem, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: file, line: node?.mark?.line, severity: severity, problem: problem))
    }

    public func report(line: Int?, _ problem: FileProblem) {
        diagnostics.append(Diagnostic(file: file, line: line, problem: problem))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: Structure

    /// A mapping's entries by key; unknown keys are reported with the keys that are allowed.
    public func mapping(_ node: Node?, _ path: String, allowed: [String]?) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(node, .notAMapping(path: path, found: describe(node)))
            return nil
        }
        var fields = Fields(node: node, path: path)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(keyNode, .keyNotText(path: path))
                continue
            }
            if let allowed, !allowed.contains(key) {
                let near = allowed.min { editDistance($0, key) < editDistance($1, key) }
                report(keyNode, .unknownKey(path: join(path, key), allowed: allowed, suggestion: near.flatMap { editDistance($0, key) <= 3 ? $0 : nil }))
                continue
            }
            fields.entries[key] = value
            fields.keyNodes[key] = keyNode
            fields.order.append(key)
        }
        return fields
    }

    public func sequence(_ node: Node?, _ path: String) -> [Node]? {
        guard let node, !isNull(node) else { return nil }
        guard case .sequence(let seq) = node else {
            report(node, .notAList(path: path, found: describe(node)))
            return nil
        }
        return Array(seq)
    }

    // MARK: Scalars

    public func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// True when the value is missing, null or the word `unknown`.
    public func isUnknown(_ node: Node?) -> Bool {
        guard let node else { return true }
        if isNull(node) { return true }
        return node.scalar?.string.lowercased() == "unknown"
    }

    /// "96.000", "1.200.000": dots between whole groups of three, no leading zero.
    static func dotGrouped(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count), first.first != "0" else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    public func scalarText(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let s) = node else {
            report(node, .notAValue(path: path, found: describe(node)))
            return nil
        }
        return s.string
    }

    public func string(_ f: Fields, _ key: String, required: Bool = false) -> String? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, "text") }
            return nil
        }
        guard let text = scalarText(node, f.path(key)) else { return nil }
        let trimmed = text.trimmed
        if required, trimmed.isEmpty { report(node, .empty(path: f.path(key))) }
        return trimmed
    }

    public func bool(_ f: Fields, _ key: String, required: Bool = false) -> Bool? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, "yes or no") }
            return nil
        }
        return boolValue(node, f.path(key))
    }

    public func boolValue(_ node: Node, _ path: String) -> Bool? {
        guard let text = scalarText(node, path) else { return nil }
        if let value = Values.yesNo(text) { return value }
        report(node, .notYesNo(path: path, value: text))
        return nil
    }

    public func double(_ f: Fields, _ key: String, required: Bool = false, min: Double? = nil, max: Double? = nil,
                unit: String = "a number", example: String = "12.5") -> Double? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, unit) }
            return nil
        }
        return doubleValue(node, f.path(key), min: min, max: max, unit: unit, example: example)
    }

    public func doubleValue(_ node: Node, _ path: String, min: Double? = nil, max: Double? = nil,
                     unit: String = "a number", example: String = "12.5", allowPercent: Bool = false) -> Double? {
        // Every number has a ceiling: a figure no plant has is refused before any arithmetic sees it.
        let max = max ?? Limits.anyNumber
        guard let raw = scalarText(node, path) else { return nil }
        var text = raw.trimmed.filter { $0 != "_" }
        var scale = 1.0
        if allowPercent, text.hasSuffix("%") {
            text.removeLast()
            scale = 0.01
        }
        // "96.000" in quotes is how German and Spanish write ninety-six thousand: a quoted figure
        // whose dots group whole thousands is read that way (a plain 96.000 stays YAML's 96).
        if case .scalar(let s) = node, s.style != .plain, Self.dotGrouped(text.trimmed) { text = text.replacingOccurrences(of: ".", with: "") }
        guard let value = Values.number(text.trimmed) else {
            report(node, .notANumber(path: path, value: raw, unit: unit, example: example))
            return nil
        }
        let scaled = value * scale
        if let min, scaled < min {
            report(node, .belowMinimum(path: path, value: Format.number(scaled), minimum: Format.number(min)))
            return nil
        }
        if scaled > max {
            report(node, .aboveMaximum(path: path, value: Format.number(scaled), maximum: Format.grouped(max),
                                       range: min.map { "\(Format.number($0)) to \(Format.grouped(max))" }))
            return nil
        }
        return scaled
    }

    public func int(_ f: Fields, _ key: String, required: Bool = false, min: Int? = nil, max: Int = Limits.anyCount) -> Int? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, "a whole number") }
            return nil
        }
        guard let text = scalarText(node, f.path(key)) else { return nil }
        guard let value = Int(text.trimmed) else {
            report(node, .notWhole(path: f.path(key), value: text))
            return nil
        }
        if let min, value < min {
            report(node, .belowMinimum(path: f.path(key), value: "\(value)", minimum: "\(min)"))
            return nil
        }
        if value > max {
            report(node, .aboveMaximum(path: f.path(key), value: "\(value)", maximum: Format.grouped(Double(max)),
                                       range: min.map { "\($0) to \(Format.grouped(Double(max)))" }))
            return nil
        }
        return value
    }

    /// A value from a fixed set; matching ignores case so `ERP` reads as `erp`.
    public func choice(_ f: Fields, _ key: String, allowed: [String], required: Bool = false) -> String? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, "one of " + allowed.joined(separator: ", ")) }
            return nil
        }
        return choiceValue(node, f.path(key), allowed: allowed)
    }

    public func choiceValue(_ node: Node, _ path: String, allowed: [String]) -> String? {
        guard let text = scalarText(node, path) else { return nil }
        let wanted = text.trimmed.lowercased()
        if let match = allowed.first(where: { $0.lowercased() == wanted }) { return match }
        // As people write it: "ad hoc" for ad_hoc, "Excel" for spreadsheet.
        if let match = Values.choice(text, among: allowed.map { Choice(value: $0, label: $0) }) { return match }
        report(node, .notAChoice(path: path, value: text, allowed: allowed))
        return nil
    }

    public func day(_ f: Fields, _ key: String, required: Bool = false) -> Day? {
        guard let node = f.entries[key], !isNull(node) else {
            if required { missing(f, key, "a date like 2026-11-20") }
            return nil
        }
        guard let text = scalarText(node, f.path(key)) else { return nil }
        guard let day = Day(text: text) else {
            report(node, .notADate(path: f.path(key), value: text))
            return nil
        }
        return day
    }

    public func missing(_ f: Fields, _ key: String, _ expected: String) {
        report(f.node, .missing(path: f.path(key), expected: expected))
    }

    public func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    public func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// A mapping's entries with the path that names them in messages.
public struct Fields {
    public let node: Node
    public let path: String
    public var entries: [String: Node] = [:]
    public var keyNodes: [String: Node] = [:]
    public var order: [String] = []

    public init(node: Node, path: String) {
        self.node = node
        self.path = path
    }

    public func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    public subscript(key: String) -> Node? { entries[key] }
    public func has(_ key: String) -> Bool { entries[key] != nil }
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// A YAML file composed once, so a command can tell what it is (an assessment, an
/// interview still in progress, a questionnaire) and then read it without parsing it again.
public struct YAMLDocument {
    public let file: String
    public let root: Node?
    public let parseProblems: [Diagnostic]

    public init(text: String, file: String) {
        let r = YAMLReader(file: file)
        root = r.parse(text)
        parseProblems = r.diagnostics
        self.file = file
    }

    /// The `questionnaire:` id an assessment names; nil for anything else.
    public var questionnaireID: String? {
        root?.mapping?["questionnaire"]?.scalar?.string.trimmingCharacters(in: .whitespaces)
    }

    /// An interview that has not finished still says where to continue.
    public var isUnfinishedInterview: Bool { root?.mapping?["interview"] != nil }

    /// A questionnaire has stages and names no questionnaire.
    public var isQuestionnaire: Bool { questionnaireID == nil && root?.mapping?["stages"] != nil }
}
