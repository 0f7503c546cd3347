/// Ids turned into the words a COO reads: gate bars by their labels, statuses by their rung names,
/// answers by their choice labels.
public enum Words {
    /// A label inside a sentence: "Monitoring that catches drift" → "monitoring that catches drift"; "AI takes part" stays.
    public static func inSentence(_ label: String) -> String {
        let chars = Array(label)
        guard chars.count > 1, chars[0].isUppercase, !chars[1].isUppercase else { return label }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    /// A status as the rung's name: approve_each → "approve-each".
    public static func rung(_ status: AgentStatus, _ q: Questionnaire) -> String {
        switch status {
        case .idea, .pilot, .production, .retired: return status.rawValue
        default:
            if let rung = q.parameters.trustLadder.first(where: { $0.id == status.rawValue }) {
                let name = rung.title.split(separator: ":").first.map(String.init) ?? rung.title
                return inSentence(name)
            }
            return status.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// Small counts in words, as prose writes them: 5 → "five"; 21 → "21".
    public static func number(_ n: Int) -> String {
        if let word = Language.current.numberWords[n] { return word }
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        return words.indices.contains(n) ? words[n] : String(n)
    }

    /// The names of the currencies a report may be kept in: singular, plural.
    static let currencyNames: [String: (String, String)] = [
        "EUR": ("euro", "euros"), "GBP": ("pound", "pounds"), "CHF": ("franc", "francs"), "MXN": ("peso", "pesos"),
        "JPY": ("yen", "yen"), "SEK": ("krona", "kronor"), "NOK": ("krone", "kroner"), "DKK": ("krone", "kroner"),
        "PLN": ("złoty", "złoty"), "CZK": ("koruna", "korunas"), "INR": ("rupee", "rupees"), "CNY": ("yuan", "yuan"),
        "BRL": ("real", "reais"), "HUF": ("forint", "forints"), "RON": ("leu", "lei"), "TRY": ("lira", "lira"),
    ]

    /// The built-in questionnaire's English model words about money (it is written in US dollars),
    /// rewritten for a company that keeps its books in another currency, longest first. These are
    /// the model's words, not the tool's: `{singular}`, `{plural}` and their capitalised forms
    /// take the currency's English name ("euro", "euros"), or its code when it has none.
    static let currencyRewrites: [(from: String, to: String)] = [
        ("by how many dollars", "by how much"),
        ("US-dollar figures", "USD figures"), ("US dollars", "USD"), ("US dollar", "USD"),
        ("dollar number", "number in {plural}"), ("dollar contribution", "contribution in {plural}"),
        ("dollar figure", "figure in {plural}"), ("dollar metric", "metric in {plural}"),
        ("its dollars", "its value in {plural}"), ("their dollars", "their value in {plural}"),
        ("Dollars", "{Plural}"), ("dollars", "{plural}"),
        ("Dollar", "{Singular}"), ("dollar", "{singular}"),
    ]

    /// Our prose about money in a company's currency: "dollars" becomes "euros" in a EUR report, and a
    /// currency without a plain English name is said by its code ("reports its value in CAD").
    public static func inCurrency(_ text: String, _ code: String) -> String {
        guard code.uppercased() != "USD", text.range(of: "dollar", options: .caseInsensitive) != nil || text.contains("$") else { return text }
        let name = currencyNames[code.uppercased()] ?? (code.uppercased(), code.uppercased())
        func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
        let names = [("{singular}", name.0), ("{plural}", name.1), ("{Singular}", capitalised(name.0)), ("{Plural}", capitalised(name.1))]
        var out = text
        for (from, template) in currencyRewrites {
            var to = template
            for (slot, word) in names where to.contains(slot) { to = to.replacingOccurrences(of: slot, with: word) }
            out = out.replacingOccurrences(of: from, with: to)
        }
        // A US figure the seeds quote ($200–2,000, a $250M manufacturer) is said as USD.
        out = out.replacingOccurrences(of: #"\$(?=[0-9])"#, with: "USD ", options: .regularExpression)
        return out
    }
}
