import Foundation

/// The templates' fixed words written into the template text before swift-mustache parses it:
/// `{{w.plan_heading}}` becomes "The 90-day plan", escaped as the template's content type escapes
/// a value. The output is the same as letting Mustache look the word up, but a quarter of a
/// report's tags are words, and each cost a parse (the parser slows with every tag) and a lookup
/// through the context stack on every render, inside every loop.
///
/// Only what is certain is replaced: a template that names its content type on its first line
/// (`{{%CONTENT_TYPE: HTML}}`, as every built-in one does) and never changes its delimiters, a
/// word the table has, and a word with no braces in it. Anything else is left for Mustache.
enum TemplateWords {
    static func inline(_ words: [String: String], into text: String) -> String {
        guard !words.isEmpty, let escape = escaper(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == open, i + 2 < bytes.count, bytes[i + 1] == open, bytes[i + 2] == UInt8(ascii: "=") {
                return text  // the delimiters change from here: leave the whole template to Mustache
            }
            if bytes[i] == open, i + 1 < bytes.count, bytes[i + 1] == open, let (word, end) = tag(bytes, at: i, words: words) {
                out += Array((word.raw ? word.text : escape(word.text)).utf8)
                i = end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")

    /// The word a tag at `i` names and the index just past the tag: `{{w.x}}` (escaped), `{{{w.x}}}`
    /// or `{{&w.x}}` (raw); nil for any other tag.
    private static func tag(_ b: [UInt8], at i: Int, words: [String: String]) -> ((text: String, raw: Bool), Int)? {
        var j = i + 2
        let triple = j < b.count && b[j] == open
        let amp = j < b.count && b[j] == UInt8(ascii: "&")
        if triple || amp { j += 1 }
        while j < b.count, b[j] == UInt8(ascii: " ") { j += 1 }
        guard j + 2 < b.count, b[j] == UInt8(ascii: "w"), b[j + 1] == UInt8(ascii: ".") else { return nil }
        j += 2
        let start = j
        while j < b.count, b[j] == UInt8(ascii: "_") || (b[j] >= UInt8(ascii: "a") && b[j] <= UInt8(ascii: "z"))
            || (b[j] >= UInt8(ascii: "0") && b[j] <= UInt8(ascii: "9")) {
            j += 1
        }
        guard j > start else { return nil }
        let name = String(decoding: b[start ..< j], as: UTF8.self)
        while j < b.count, b[j] == UInt8(ascii: " ") { j += 1 }
        let closing = triple ? 3 : 2
        guard j + closing <= b.count, b[j ..< j + closing].allSatisfy({ $0 == close }) else { return nil }
        guard let word = words[name], !word.contains("{"), !word.contains("}") else { return nil }
        return ((word, triple || amp), j + closing)
    }

    /// How the template's content type escapes a value; nil when the template does not name one first.
    private static func escaper(_ text: String) -> ((String) -> String)? {
        let prefix = "{{%CONTENT_TYPE:"
        guard text.hasPrefix(prefix), let end = text.firstIndex(of: "}") else { return nil }
        switch text[text.index(text.startIndex, offsetBy: prefix.count) ..< end].trimmingCharacters(in: .whitespaces) {
        case "HTML": return HTMLBytesContentType().escapeText
        case "TEXT": return { $0 }
        case "MARKDOWN": return MarkdownContentType().escapeText
        case "MERMAID": return MermaidContentType().escapeText
        default: return nil
        }
    }
}
