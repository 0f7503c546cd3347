import MaturityCore
import Mustache

struct MarkdownContentType: MustacheContentType {
    /// User text as literal Markdown: no emphasis (`*`, `_`), strike-through (`~`), code, links,
    /// table breaks, HTML or live web addresses (`https\://`, `www\.` stay text).
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        // Bidirectional controls and invisible characters are shown, not obeyed.
        let chars = Array(UnicodeSafety.shown(text))
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "|", "*", "`", "[", "]", "_", "~": out.append("\\"); out.append(c)
            case ":" where i + 2 < chars.count && chars[i + 1] == "/" && chars[i + 2] == "/": out += "\\:"
            case "." where i >= 3 && String(chars[(i - 3)..<i]).lowercased() == "www" && (i == 3 || !chars[i - 4].isLetter):
                out += "\\."
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            // A backslash escape, not &amp;: the raw Markdown stays readable ("R\&D", never "R&amp;D").
            case "&": out += "\\&"
            case "\n", "\r": out.append(" ")
            default: out.append(c)
            }
        }
        return out
    }
}

/// swift-mustache's HTML escaping (`<`, `>`, `&`, `"`, `'`), byte by byte; a value with none of
/// them is returned as it is. The five are ASCII, so they never fall inside a multi-byte character.
struct HTMLBytesContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var bytesOf = text
        return bytesOf.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for b in bytes {
                switch b {
                case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
                case 0x27: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

struct MermaidContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { ReportView.mermaidSafe(text) }
}

/// Markdown escaping for text that is not rendered through a template.
public enum MarkdownText {
    public static func escape(_ text: String) -> String { MarkdownContentType().escapeText(text) }
}
