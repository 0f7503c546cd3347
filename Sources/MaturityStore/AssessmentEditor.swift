import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// The one way to change a user's assessment file (`inventory import --into`, `ladder --into`):
/// take the file's lock (a second writer waits), read it once, let the caller change the draft,
/// replace only the top-level blocks that changed, found by the YAML parser's own keys (never a
/// text search, so `"agents":`, `agents :`, anchors and a trailing `...` are handled), re-read the
/// result and check it loads to exactly the intended assessment, then write it with SafeWrite
/// (owner, mode and links kept). What cannot be changed safely is refused and nothing is written.
public enum AssessmentEditor {
    public struct Refusal: ToolError, Sendable {
        public var path: String
        public var reason: String
        public var exitCode: Int32 { ExitStatus.dataError }
        public var description: String { "\(path): error: cannot change the file safely: \(reason); nothing was written" }
    }

    /// Changes `path` under its lock; `change` edits the draft and names the top-level blocks it
    /// changed (`agents`, `processes`). Returns the draft as written.
    @discardableResult
    public static func edit(_ path: String, force: Bool = false, store: FileStore = FileStore(),
                            change: (inout Draft, Questionnaire) throws -> [String]) throws -> Draft {
        let lock = try FileLock(for: path, wait: true)
        defer { withExtendedLifetime(lock) {} }
        let original = try store.readText(path)
        let (before, q) = try AssessmentLoader.loadDraft(text: original, file: path) { id in try store.questionnaire(id: id, near: path) }
        var draft = before
        let blocks = try change(&draft, q)
        guard draft != before else { return draft }
        let rewritten = AssessmentWriter.yaml(draft, questionnaire: q)
        var text = original
        for key in blocks {
            // An agent's change replaces that agent's lines only: comments on the others stay.
            if key == "agents", before.agents.count == draft.agents.count,
               let edited = replacingItems(key, in: text, with: rewritten, changed: draft.agents.indices.filter { before.agents[$0] != draft.agents[$0] }) {
                text = edited
            } else {
                text = try replacing(key, in: text, with: rewritten, path: path)
            }
        }
        // The result must read back as exactly what was meant, or nothing is written.
        let check: Draft
        do {
            check = try AssessmentLoader.loadDraft(text: text, file: path) { id in try store.questionnaire(id: id, near: path) }.0
        } catch {
            throw Refusal(path: path, reason: "the edited file would not load (\((error as? ToolError)?.description ?? "\(error)"))")
        }
        guard check == draft else {
            throw Refusal(path: path,
                          reason: "the edited file would read differently from the change (a YAML anchor, "
                                  + "tag or merge key in the \(blocks.joined(separator: " or ")) block?); change it by hand or remove the anchors")
        }
        try store.writeAtomically(text, to: path, force: force)
        return draft
    }

    /// `original` with the top-level block `key` replaced by the same block of `rewritten` (the
    /// writer's output), or added at the end when the file has none.
    public static func replacing(_ key: String, in original: String, with rewritten: String, path: String) throws -> String {
        guard let newRange = AssessmentWriter.blockRange(key, in: rewritten) else {
            throw Refusal(path: path, reason: "the new \(key) block could not be written")
        }
        let newBlock = String(decoding: rewritten.utf8[newRange], as: UTF8.self)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let root = try? Yams.compose(yaml: original), let mapping = root.mapping else {
            throw Refusal(path: path, reason: "it is not a YAML mapping")
        }
        // Top-level keys by the parser, with their 0-based lines, in file order.
        let keys: [(name: String, line: Int)] = mapping.compactMap { pair in
            guard let name = pair.key.string, let mark = pair.key.mark else { return nil }
            return (name, mark.line - 1)
        }
        // A document end (`...`) or a second document (`---`) after the mapping ends the last block.
        let lastKeyLine = keys.map(\.line).max() ?? 0
        let documentEnd = lines.indices.first { $0 > lastKeyLine && (lines[$0].hasPrefix("...") || lines[$0].hasPrefix("---")) } ?? lines.count
        guard let index = keys.firstIndex(where: { $0.name == key }) else {
            // No block yet: add it where the document ends.
            var head = Array(lines[..<documentEnd])
            while let last = head.last, last.trimmingCharacters(in: .whitespaces).isEmpty { head.removeLast() }
            let tail = Array(lines[documentEnd...])
            return (head + [newBlock.hasSuffix("\n") ? String(newBlock.dropLast()) : newBlock] + tail).joined(separator: "\n")
                + (tail.isEmpty && !original.hasSuffix("\n") ? "" : (tail.isEmpty ? "\n" : ""))
        }
        let start = keys[index].line
        var end = index + 1 < keys.count ? keys[index + 1].line : documentEnd
        // Blank and comment lines just before the next key belong to it.
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
        let old = lines[start..<end].joined(separator: "\n")
        let rest = (lines[..<start] + lines[end...]).joined(separator: "\n")
        // An anchor the block defines and the rest of the file uses would dangle once the block is rewritten.
        for anchor in anchors(in: old) where rest.contains("*" + anchor) {
            throw Refusal(path: path, reason: "the \(key) block defines the YAML anchor &\(anchor), which is used elsewhere in the file")
        }
        let replacement = newBlock.hasSuffix("\n") ? String(newBlock.dropLast()) : newBlock
        return (Array(lines[..<start]) + [replacement] + Array(lines[end...])).joined(separator: "\n")
    }

    /// `original` with the items at `changed` of the top-level list `key` replaced by the same
    /// items of `rewritten`; nil when either file's list cannot be matched item for item.
    static func replacingItems(_ key: String, in original: String, with rewritten: String, changed: [Int]) -> String? {
        guard let old = itemLines(key, in: original), let new = itemLines(key, in: rewritten), old.ranges.count == new.ranges.count else { return nil }
        var lines = old.lines
        for i in changed.sorted(by: >) where i < old.ranges.count {
            let piece = Array(new.lines[new.ranges[i]])
            // An anchor the old item defines and the rest of the file uses would dangle.
            let oldText = lines[old.ranges[i]].joined(separator: "\n")
            let rest = (lines[..<old.ranges[i].lowerBound] + lines[old.ranges[i].upperBound...]).joined(separator: "\n")
            if anchors(in: oldText).contains(where: { rest.contains("*" + $0) }) { return nil }
            lines.replaceSubrange(old.ranges[i], with: piece)
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of a text and, for the top-level list `key`, each item's line range (trailing
    /// blank and comment lines left with what follows).
    static func itemLines(_ key: String, in text: String) -> (lines: [String], ranges: [Range<Int>])? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return nil }
        let entries = Array(mapping)
        guard let index = entries.firstIndex(where: { $0.key.string == key }), let items = entries[index].value.sequence else { return nil }
        let keyLine = (entries[index].key.mark?.line ?? 1) - 1
        let nextKey = entries.indices.contains(index + 1) ? (entries[index + 1].key.mark?.line ?? lines.count + 1) - 1 : lines.count
        let lastKeyLine = entries.compactMap { $0.key.mark?.line }.max().map { $0 - 1 } ?? 0
        let documentEnd = lines.indices.first { $0 > lastKeyLine && (lines[$0].hasPrefix("...") || lines[$0].hasPrefix("---")) } ?? lines.count
        let blockEnd = min(nextKey, documentEnd)
        let starts = items.compactMap { $0.mark.map { $0.line - 1 } }
        guard starts.count == items.count, starts.allSatisfy({ $0 > keyLine && $0 < blockEnd }),
              zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        var ranges: [Range<Int>] = []
        for (i, start) in starts.enumerated() {
            var end = i + 1 < starts.count ? starts[i + 1] : blockEnd
            while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty
                || lines[end - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") { end -= 1 }
            ranges.append(start..<end)
        }
        return (lines, ranges)
    }

    /// The names of the anchors (`&name`) in a piece of YAML.
    static func anchors(in text: String) -> [String] {
        var out: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "&", i == 0 || " :-[{,\t\n".contains(chars[i - 1]) {
                var j = i + 1
                while j < chars.count, !chars[j].isWhitespace, !",]}".contains(chars[j]) { j += 1 }
                if j > i + 1 { out.append(String(chars[(i + 1)..<j])) }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
