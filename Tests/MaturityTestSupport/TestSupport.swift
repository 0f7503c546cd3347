import Foundation
import MaturityCore
import MaturityReport
import MaturityStore

/// Paths into the repository, found from this file's location so tests run from anywhere.
public enum Repo {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The shipped questionnaire, loaded through the real loader.
    public static let questionnaire: Questionnaire = {
        let file = Repo.path("questionnaires/ai-maturity-manufacturing.yaml")
        do {
            return try QuestionnaireLoader.load(text: try FileStore().readText(file), file: file)
        } catch {
            preconditionFailure("the shipped questionnaire does not load: \(error)")
        }
    }()

    /// The English phrase table, loaded through the real loader.
    public static let words: PhraseBook = {
        let file = Repo.path("phrases/en.yaml")
        do {
            return try PhraseLoader.load(text: try FileStore().readText(file), file: file, language: "en")
        } catch {
            preconditionFailure("the English phrase table does not load: \(error)")
        }
    }()

    /// Set MATURITY_RECORD=1 to rewrite golden files instead of comparing against them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["MATURITY_RECORD"] == "1" }
}

/// Small builders so each test row states only what it is about.
public enum Build {
    public static let day = Day(iso: "2026-11-20")!

    public static func assessment(_ answers: [String: Answer] = [:], agents: [Agent] = [],
                                  processes: [InventoryProcess] = [], planStartsOn: Day? = nil) -> Assessment {
        Assessment(questionnaireID: "ai-maturity-manufacturing",
                   organization: Organization(name: "Test Co", currency: "USD", loadedHourlyRate: 48),
                   assessedOn: day, planStartsOn: planStartsOn, answers: answers, agents: agents, processes: processes)
    }

    public static let allBars: [String: Bool] = Dictionary(uniqueKeysWithValues: EngineGateBar.allCases.map { ($0.rawValue, true) })

    /// An agent in production that clears all five bars.
    public static func gated(_ name: String, side: Side = .office) -> Agent {
        Agent(name: name, status: .production, side: side, owner: "Owner of \(name)", annualDollarValue: 50_000,
              reportsDollars: true, gate: allBars)
    }

    public static func agent(_ name: String, _ status: AgentStatus, missing: [EngineGateBar] = [], owner: String? = "Pat Lee",
                             reportsDollars: Bool? = true, side: Side = .office) -> Agent {
        var gate = allBars
        for bar in missing { gate[bar.rawValue] = false }
        return Agent(name: name, status: status, side: side, owner: owner, reportsDollars: reportsDollars, gate: gate)
    }

    public static func process(_ name: String, hours: Double = 30, volume: Double? = 400, side: Side = .office,
                               owner: String? = "Sam Ortiz", exceptionShare: Double? = 0.1) -> InventoryProcess {
        InventoryProcess(name: name, department: "Purchasing", side: side, hoursPerWeek: hours, volumePerWeek: volume,
                         systemOfRecord: "erp", writeBack: "api", inputStructure: "semi", exceptionShare: exceptionShare,
                         highSeverityErrorsPossible: false, ownerCandidate: owner)
    }
}

/// A fresh empty folder under the system temp directory.
public func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// A phrase in the report's English words, with the real questionnaire: what a reader sees.
public func say(_ phrase: Phrase, currency: String = "USD") -> String {
    Repo.words.for(currency: currency, questionnaire: Repo.questionnaire).say(phrase)
}

public func say(_ phrase: Phrase?, currency: String = "USD") -> String? { phrase.map { say($0, currency: currency) } }

/// Tests read Core's phrases as a reader does: in English, through the real table.
extension Phrase {
    public var text: String { say(self) }
    public func contains(_ s: String) -> Bool { text.contains(s) }
    public func hasPrefix(_ s: String) -> Bool { text.hasPrefix(s) }
    public func hasSuffix(_ s: String) -> Bool { text.hasSuffix(s) }
    public static func == (p: Phrase, s: String) -> Bool { p.text == s }
}

extension Array where Element == Phrase {
    /// Sentences as the report joins them.
    public var text: String { map(\.text).filter { !$0.isEmpty }.joined(separator: " ") }
    public func contains(_ s: String) -> Bool { text.contains(s) }
}
