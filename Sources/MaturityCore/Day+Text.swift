import Foundation

/// Dates as people write them in English, German and Spanish: `2026-12-06`, `06.12.2026`,
/// `6.12.26`, `6. Dezember 2026`, `6 de diciembre de 2026`, `Dec 6, 2026`, `jan 5`.
extension Day {
    /// Month names and their usual abbreviations in the three languages, lower-cased, without dots.
    static let monthNames: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "januar", "jän", "jänner", "jaen", "enero", "ene"],
            ["feb", "february", "februar", "feber", "febrero"],
            ["mar", "march", "märz", "maerz", "mär", "marzo"],
            ["apr", "april", "abril", "abr"],
            ["may", "mai", "mayo"],
            ["jun", "june", "juni", "junio"],
            ["jul", "july", "juli", "julio"],
            ["aug", "august", "agosto", "ago"],
            ["sep", "sept", "september", "septiembre", "setiembre", "set"],
            ["oct", "october", "oktober", "okt", "octubre"],
            ["nov", "november", "noviembre"],
            ["dec", "december", "dezember", "dez", "diciembre", "dic"],
        ]
        var out: [String: Int] = [:]
        for (i, list) in names.enumerated() { for n in list { out[n] = i + 1 } }
        return out
    }()

    /// A date in any of the forms above. Day first when the parts are numbers (`06.12.2026`,
    /// `6/12/2026`: the order Europe and Latin America write); a date without a year takes the year
    /// that puts it nearest `near` (a plan start typed as "jan 5" in December means next January).
    public init?(text raw: String, near: Day? = nil) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = Day(iso: text) {
            self = d
            return
        }
        // Words and numbers, dropping the fillers between them ("de", "del", commas, dots).
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        words.removeAll { $0 == "de" || $0 == "del" || $0 == "the" || $0 == "of" }
        var numbers: [Int] = []
        var month: Int?
        for w in words {
            if w.allSatisfy(\.isNumber), w.count <= 4, let n = Int(w) {
                numbers.append(n)
            } else if month == nil, let m = Day.monthNames[w] ?? (w.count > 3 ? Day.monthNames[String(w.prefix(3))] : nil) {
                month = m
            } else if let ordinal = Day.ordinal(w) {
                numbers.append(ordinal)
            } else {
                return nil
            }
        }
        var d: Int, m: Int, y: Int?
        if let month {
            // "6 Dezember 2026", "Dec 6, 2026", "jan 5": the number under 32 is the day.
            guard (1...2).contains(numbers.count) else { return nil }
            m = month
            if numbers.count == 2 {
                if numbers[0] > 31 { (y, d) = (numbers[0], numbers[1]) } else { (d, y) = (numbers[0], numbers[1]) }
            } else {
                d = numbers[0]
            }
        } else {
            // "06.12.2026", "6/12/26", "6.12.": day, month, then the year if there is one.
            guard (2...3).contains(numbers.count), !text.contains("-") || numbers.count == 3 else { return nil }
            if numbers[0] > 31 {
                guard numbers.count == 3 else { return nil }
                (y, m, d) = (numbers[0], numbers[1], numbers[2])
            } else {
                (d, m) = (numbers[0], numbers[1])
                y = numbers.count == 3 ? numbers[2] : nil
            }
        }
        if let two = y, two < 100 { y = 2000 + two }
        guard (1...12).contains(m) else { return nil }
        if let y {
            guard Day.years.contains(y), (1...Day.daysIn(month: m, year: y)).contains(d) else { return nil }
            self.init(year: y, month: m, day: d)
            return
        }
        guard let near, (1...31).contains(d) else { return nil }
        let candidates = (near.year - 1...near.year + 1).compactMap { year -> Day? in
            d <= Day.daysIn(month: m, year: year) ? Day(year: year, month: m, day: d) : nil
        }
        guard let best = candidates.min(by: { abs(near.days(until: $0)) < abs(near.days(until: $1)) }) else { return nil }
        self = best
    }

    /// "5th", "1st", "2nd", "3rd": the day of an English date.
    static func ordinal(_ w: String) -> Int? {
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            return Int(w.dropLast(2)).flatMap { (1...31).contains($0) ? $0 : nil }
        }
        return nil
    }
}
