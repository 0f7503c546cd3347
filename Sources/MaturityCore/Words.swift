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
}
