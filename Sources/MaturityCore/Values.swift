import Foundation

/// The one vocabulary for what users type or paste as a value, shared by the interview, the
/// assessment reader and the import, so a "yes" that works in one works in all three.
public enum Values {
    /// Words read as yes: English, the spreadsheet tick "x", 1, and yes in German, French and Spanish.
    public static let yesWords: Set<String> = ["yes", "y", "true", "on", "1", "x", "ja", "oui", "sí", "si"]
    public static let noWords: Set<String> = ["no", "n", "false", "off", "0", "nein", "non"]

    /// `text` as yes or no, ignoring case and surrounding spaces; nil when it is neither.
    public static func yesNo(_ text: String) -> Bool? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if yesWords.contains(word) { return true }
        if noWords.contains(word) { return false }
        return nil
    }

    /// How an error names the accepted words.
    public static let yesNoHint = "yes or no (also y/n, true/false, on/off, 1/0, or x for yes)"
}
