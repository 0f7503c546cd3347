/// Whitespace trimming in plain Swift. Foundation's `trimmingCharacters(in:)` goes through
/// NSString on Linux and was a fifth of the time of a large import.
extension String {
    public var trimmed: String { Substring(self).trimmed }
}

extension Substring {
    public var trimmed: String {
        // Fast path: most cells start and end with a visible ASCII character.
        if let f = utf8.first, let l = utf8.last, f > 0x20, f < 0x7F, l > 0x20, l < 0x7F { return String(self) }
        guard let first = unicodeScalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = unicodeScalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: unicodeScalars[first...last])
        return String(out)
    }
}
