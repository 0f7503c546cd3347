import Foundation

/// How a language writes numbers for its readers: `1,234.5` and `$85,000` in English, `1.234,5`
/// and `85.000 €` in German and Spanish. Chosen by the report's language, never by the machine's
/// locale, so a report is byte-identical on every machine.
public struct NumberStyle: Sendable, Equatable {
    public var decimal: String
    public var group: String
    /// The currency after the amount ("85.000 €"), not before it ("$85,000").
    public var currencyAfter: Bool
    /// A space before the percent sign ("92 %").
    public var percentSpace: Bool

    public static let english = NumberStyle(decimal: ".", group: ",", currencyAfter: false, percentSpace: false)
    public static let german = NumberStyle(decimal: ",", group: ".", currencyAfter: true, percentSpace: true)
    public static let spanish = NumberStyle(decimal: ",", group: ".", currencyAfter: true, percentSpace: true)
    /// Mexico writes figures as the United States does (1,234.5; 92%), the currency's code after the amount.
    public static let mexican = NumberStyle(decimal: ".", group: ",", currencyAfter: true, percentSpace: false)

    public init(decimal: String, group: String, currencyAfter: Bool, percentSpace: Bool) {
        self.decimal = decimal
        self.group = group
        self.currencyAfter = currencyAfter
        self.percentSpace = percentSpace
    }

    /// The style a language writes (`en`, `de`, `es`); English for any other.
    public static func of(language: String, region: String? = nil) -> NumberStyle {
        if language == "es", region == "MX" { return .mexican }
        switch language {
        case "de": return .german
        case "es": return .spanish
        default: return .english
        }
    }
}

/// Number formatting. `number` is the plain machine form that files keep (`12.5`); the others
/// are for readers and follow the style of `Language.current`.
public enum Format {
    /// The readers' number style: the current language's (English unless the run sets one).
    public static var style: NumberStyle { Language.current.style }

    /// A number for readers: `number` with the style's decimal mark ("12,5" in German).
    public static func decimal(_ value: Double, maxDecimals: Int = 4) -> String {
        let plain = number(value, maxDecimals: maxDecimals)
        let s = style
        guard s.decimal != "." else { return plain }
        // German and Spanish group the thousands of any figure: 1.234,5.
        let parts = plain.split(separator: ".", maxSplits: 1)
        let whole = abs(value) >= 1000 && value.isFinite ? (value < 0 ? "-" : "") + grouped(abs(Double(parts[0]) ?? 0)) : String(parts[0])
        return parts.count == 2 ? whole + s.decimal + parts[1] : whole
    }

    /// Shortest plain form: 12, 12.5, 0.08; never an exponent. Pure integer arithmetic, since
    /// `String(format:)` is slow on Linux and reports format thousands of numbers.
    public static func number(_ value: Double, maxDecimals: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "-∞") }
        let decimals = max(0, min(maxDecimals, 9))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        // Past what an Int64 holds (no plant has such a number, but a file may say it): plain text, never a trap.
        guard abs(value) * Double(scale) < 9e17 else {
            return abs(value) < 9e18 ? String(Int64(value.rounded())) : "\(value)"  // trap-checked: |value| < 9e18
        }
        let scaled = Int64((abs(value) * Double(scale)).rounded())  // trap-checked: guarded above
        let whole = scaled / scale
        var fraction = scaled % scale
        var sign = value < 0 && scaled != 0 ? "-" : ""
        if scaled == 0 { sign = "" }
        guard fraction != 0 else { return sign + String(whole) }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }

    /// Whole units with thousands separators: 85000 → "85,000".
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 9e18 else { return number(value) }
        let whole = Int64(value.rounded())  // trap-checked: |value| < 9e18
        let digits = String(abs(whole))
        let separator = style.group
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(c)
        }
        return (whole < 0 ? "-" : "") + out
    }

    /// Money in the assessment's currency: "$85,000", "€85,000", or "85,000 CHF".
    static let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "MXN": "MX$"]

    /// After the amount ("85.000 €"), a symbol only where it is unambiguous; the ISO code otherwise.
    static let afterSymbols = ["EUR": "€", "GBP": "£", "USD": "$", "MXN": "MXN", "CHF": "CHF"]

    public static func money(_ value: Double, currency: String) -> String {
        let sign = value < 0 ? "-" : ""
        let code = currency.uppercased()
        if style.currencyAfter { return sign + grouped(abs(value)) + " " + (afterSymbols[code] ?? code) }
        if let symbol = symbols[code] { return sign + symbol + grouped(abs(value)) }
        return sign + grouped(abs(value)) + " " + currency
    }

    /// A share as a percent: 0.92 → "92%".
    public static func percent(_ share: Double) -> String { decimal(share * 100, maxDecimals: 1) + (style.percentSpace ? " %" : "%") }

    /// A bar or threshold as a multiple: 3 → "3x", 2.5 → "2.5x".
    public static func multiple(_ value: Double) -> String { decimal(value, maxDecimals: 1) + "x" }

    /// A measured ratio, always to one decimal: 3.94 → "3.9x", 1 → "1.0x".
    public static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let text = decimal(value, maxDecimals: 1)
        return (text.contains(style.decimal) ? text : text + style.decimal + "0") + "x"
    }

    /// A list in prose: "a", "a and b", "a, b and c".
    public static func list(_ items: [String], conjunction: String = "and") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
        }
    }
}
