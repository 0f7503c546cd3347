import Foundation
import MaturityTestSupport
import Testing

/// Core returns facts: ids, numbers, dates, enums and `Phrase` keys. Words live in the phrase
/// tables, the questionnaire, or the module that words an error. A string literal in
/// MaturityCore with three or more words in a row is a sentence that slipped back in; input
/// lexicons ("vice president", "purchase order") have two at most.
@Suite("MaturityCore holds no sentences")
struct CoreHoldsNoSentencesTests {
    /// A decoding error's debug text, read by no user (the loaders say their own messages).
    static let allowed = ["not a YYYY-MM-DD date: "]

    @Test func noStringLiteralInCoreIsASentence() throws {
        let folder = Repo.path("Sources/MaturityCore")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 30)
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        let sentence = try NSRegularExpression(pattern: #"[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}"#)
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() {
                let code = String(line)
                guard !code.trimmingCharacters(in: .whitespaces).hasPrefix("//") else { continue }
                for match in literal.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    let text = (code as NSString).substring(with: match.range(at: 1))
                    guard !Self.allowed.contains(where: text.hasPrefix) else { continue }
                    if sentence.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                        found.append("\(file):\(i + 1): \"\(text)\"")
                    }
                }
            }
        }
        #expect(found.isEmpty, "sentences in MaturityCore:\n\(found.joined(separator: "\n"))")
    }
}
