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
        case .idea: return "idea"
        case .pilot: return "pilot"
        case .production: return "production"
        case .retired: return "retired"
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

    /// "1 step", "2 steps".
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// A system of record as people say it: erp → "ERP", spreadsheet → "spreadsheets".
    public static func system(_ id: String?, _ q: Questionnaire) -> String {
        guard let id else { return "its system of record" }
        let label = q.processFields.first { $0.id == "system_of_record" }?.choices.first { $0.value == id }?.label
        return label.map(inSentence) ?? id
    }

    /// The names of the currencies a report may be kept in: singular, plural.
    static let currencyNames: [String: (String, String)] = [
        "EUR": ("euro", "euros"), "GBP": ("pound", "pounds"), "CHF": ("franc", "francs"), "MXN": ("peso", "pesos"),
        "JPY": ("yen", "yen"), "SEK": ("krona", "kronor"), "NOK": ("krone", "kroner"), "DKK": ("krone", "kroner"),
        "PLN": ("złoty", "złoty"), "CZK": ("koruna", "korunas"), "INR": ("rupee", "rupees"), "CNY": ("yuan", "yuan"),
        "BRL": ("real", "reais"), "HUF": ("forint", "forints"), "RON": ("leu", "lei"), "TRY": ("lira", "lira"),
    ]

    /// Our prose about money in a company's currency: "dollars" becomes "euros" in a EUR report, and a
    /// currency without a plain English name is said by its code ("reports its value in CAD").
    public static func inCurrency(_ text: String, _ code: String) -> String {
        guard code.uppercased() != "USD", text.range(of: "dollar", options: .caseInsensitive) != nil || text.contains("$") else { return text }
        let name = currencyNames[code.uppercased()] ?? (code.uppercased(), code.uppercased())
        let phrases: [(String, String)] = [
            ("by how many dollars", "by how much"),
            ("US-dollar figures", "USD figures"), ("US dollars", "USD"), ("US dollar", "USD"),
            ("dollar number", "number in \(name.1)"), ("dollar contribution", "contribution in \(name.1)"),
            ("dollar figure", "figure in \(name.1)"), ("dollar metric", "metric in \(name.1)"),
            ("its dollars", "its value in \(name.1)"), ("their dollars", "their value in \(name.1)"),
            ("Dollars", name.1.prefix(1).uppercased() + name.1.dropFirst()), ("dollars", name.1),
            ("Dollar", name.0.prefix(1).uppercased() + name.0.dropFirst()), ("dollar", name.0),
        ]
        var out = text
        for (from, to) in phrases { out = out.replacingOccurrences(of: from, with: to) }
        // A US figure the seeds quote ($200–2,000, a $250M manufacturer) is said as USD.
        out = out.replacingOccurrences(of: #"\$(?=[0-9])"#, with: "USD ", options: .regularExpression)
        return out
    }
}
