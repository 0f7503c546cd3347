@testable import MaturityCLI
import MaturityCore
import MaturityStore
import Testing

/// Core says why two process names look alike as a fact; the words are the file messages' own,
/// in English from the code and in German and Spanish from the phrase tables (`file.similar.*`).
@Suite("Why two process names look alike, in words")
struct SimilarNamesWordingTests {
    static let reasons: [ProcessNames.Reason] = [
        .sameWords, .prefix(short: "prep", long: "preparation"), .acronym("COC", of: "Certificates of conformity"), .mostWords(shared: 3, of: 4),
    ]

    @Test func englishIsTheCodesOwn() {
        #expect(Self.reasons.map(\.message) == [
            "the same words once abbreviations are written out",
            "\"prep\" is the start of \"preparation\"",
            "\"COC\" stands for \"Certificates of conformity\"",
            "3 of 4 words shared",
        ])
    }

    @Test(arguments: ["de", "es"])
    func everyReasonIsTranslated(_ code: String) {
        Language.$current.withValue(Phrases.language(code)) {
            for reason in Self.reasons {
                let english = Language.$current.withValue(.english) { reason.message }
                #expect(reason.message != english, "\(code): \(reason)")
                #expect(!reason.message.contains("{"), "\(code): \(reason.message)")
            }
        }
    }
}
