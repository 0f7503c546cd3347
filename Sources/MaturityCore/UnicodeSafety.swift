/// Characters in a name that could make a report say something else than it says: bidirectional
/// controls (U+202E reverses the rest of a line) and invisible ones. In HTML a value with them is
/// isolated (first-strong isolate … pop directional isolate, the character form of `<bdi>`), so its
/// reordering cannot leak past it; in Markdown and on a terminal they are shown, escaped.
public enum UnicodeSafety {
    /// Embeddings, overrides, isolates and marks that reorder text.
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Invisible characters that hide what a name is (zero-width space, word joiner, a stray BOM).
    public static func isInvisible(_ s: Unicode.Scalar) -> Bool { s.value == 0x200B || s.value == 0x2060 || s.value == 0xFEFF }

    public static func needsCare(_ text: String) -> Bool {
        text.unicodeScalars.contains { isBidiControl($0) || isInvisible($0) }
    }

    /// The text with each such character shown as `<U+202E>`, for a terminal or Markdown.
    public static func shown(_ text: String) -> String {
        guard needsCare(text) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isBidiControl(s) || isInvisible(s) {
                let hex = String(s.value, radix: 16, uppercase: true)
                out.append(contentsOf: "(U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// The text isolated from what surrounds it, when it carries bidirectional controls.
    public static func isolated(_ text: String) -> String {
        text.unicodeScalars.contains(where: isBidiControl) ? "\u{2068}" + text + "\u{2069}" : text
    }
}
