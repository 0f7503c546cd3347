import Foundation
import MaturityCore

/// `maturity compare --format json`, and the `sinceLastQuarter` block of a report's JSON.
public struct ComparisonJSON: Encodable, Sendable {
    public var before: String
    public var after: String
    public var stageBefore: Int
    public var stageAfter: Int
    public var stageNameBefore: String
    public var stageNameAfter: String
    public var rulesFlipped: [Flip]
    public var flagsRaised: [String]
    public var flagsCleared: [String]
    public var agentsAdded: [String]
    public var agentsRemoved: [String]
    public var agentsMoved: [Move]
    public var useCasesMoved: [Rank]
    public var followThrough: Follow
    public var ledger: [Ledger]
    public var selfReportedRise: Bool
    public var answersChanged: [Change]
    public var notComparable: [String]
    public var questionnaireChanged: Bool
    /// Each raised or cleared flag's title, by id.
    public var flagTitles: [String: String]

    public struct Flip: Encodable, Sendable { public var id: String; public var rule: String; public var before: Bool; public var after: Bool }
    public struct Move: Encodable, Sendable { public var name: String; public var from: String; public var to: String; public var direction: String }
    public struct Rank: Encodable, Sendable { public var name: String; public var before: Int?; public var after: Int? }
    public struct Change: Encodable, Sendable { public var id: String; public var before: String; public var after: String }
    public struct Ledger: Encodable, Sendable { public var agent: String; public var estimated: Int?; public var realised: Int?; public var basis: String }
    public struct Follow: Encodable, Sendable {
        public var move: String
        public var useCase: String?
        public var status: String
        public var reason: String
        public var steps: [Step]
    }
    public struct Step: Encodable, Sendable {
        public var id: String
        public var title: String
        public var start: String
        public var end: String
        public var status: String
        public var reason: String
    }

    /// The comparison in words; `words` is the phrase table for the later assessment (its currency and questionnaire).
    public init(_ since: Since, words w: PhraseBook) {
        let c = since.comparison
        let money = { (v: Double) in v.roundedInt() }
        before = c.before.iso
        after = c.after.iso
        stageBefore = c.stageBefore
        stageAfter = c.stageAfter
        stageNameBefore = since.stageNameBefore
        stageNameAfter = since.stageNameAfter
        flagTitles = since.flagTitles.filter { c.flagsRaised.contains($0.key) || c.flagsCleared.contains($0.key) }.mapValues(w.say)
        rulesFlipped = c.rulesFlipped.map { Flip(id: $0.id, rule: w.say($0.rule), before: $0.before, after: $0.after) }
        flagsRaised = c.flagsRaised
        flagsCleared = c.flagsCleared
        agentsAdded = c.agentsAdded
        agentsRemoved = c.agentsRemoved
        agentsMoved = c.agentsMoved.map { Move(name: $0.name, from: $0.from, to: $0.to, direction: $0.forward ? "forward" : "back") }
        useCasesMoved = c.useCasesMoved.map { Rank(name: $0.name, before: $0.before, after: $0.after) }
        let f = c.followThrough
        // Last quarter's move and steps are said as last quarter's report said them (its currency, its questionnaire's labels).
        let then = w.for(currency: since.currencyBefore, questionnaire: since.questionnaireBefore)
        // A move that slipped names the step that slipped by the words before its title's colon: "Shadow: due by …".
        let reason = f.slippedStep.map { Phrase("compare.follow.slipped_step",
                                                ["step": .text(PhraseBook.label(ofTitle: then.say($0))), "reason": .phrase(f.reason)]) } ?? f.reason
        followThrough = Follow(move: then.say(f.move), useCase: f.useCase, status: f.mark.rawValue, reason: w.say(reason),
                               steps: f.steps.map { Step(id: $0.id, title: then.say($0.title), start: $0.start.iso, end: $0.end.iso, status: $0.mark.rawValue,
                                                         reason: w.say($0.reason)) })
        ledger = c.ledger.map { Ledger(agent: $0.agent, estimated: $0.estimated.map(money), realised: $0.realised.map(money), basis: w.say($0.basis)) }
        selfReportedRise = c.selfReportedRise
        answersChanged = c.answersChanged.map { Change(id: $0.id, before: $0.before, after: $0.after) }
        notComparable = c.notComparable
        questionnaireChanged = c.questionnaireChanged
    }
}

/// One assessment in a company's history.
public struct HistoryEntry: Encodable, Sendable {
    /// The assessment file; absent in a report's trend, which lists dates only.
    public var file: String?
    public var assessedOn: String
    public var stage: Int
    public var stageName: String
    public var flags: [String]
    public var agentsInProduction: Int
    public var dollarsReported: Int
    public var nextMove: String
    /// The rule that chose the move (`ship_next_agent`, …), as in the report's `nextMove.kind`.
    public var nextMoveKind: String
    /// The assessment's currency, which `dollarsReported` is in.
    public var currency: String = "USD"

    /// The point in words: `words` is the language's table; each point is said in its own assessment's currency and questionnaire.
    public init(file: String?, _ p: TrendPoint, words: PhraseBook) {
        let w = words.for(currency: p.currency, questionnaire: p.questionnaire)
        self.file = file
        assessedOn = p.assessedOn.iso
        stage = p.stage
        stageName = p.stageName
        flags = p.flags
        agentsInProduction = p.agentsInProduction
        dollarsReported = p.dollarsReported.roundedInt()
        nextMove = w.say(p.nextMove)
        nextMoveKind = p.nextMoveKind.rawValue
        currency = p.currency
    }
}

/// `maturity history --format json`: the tool, the schema version and the assessments by date.
/// Version 2: the output is an object (version 1 was a bare array), and each entry names its move's kind.
public struct HistoryOutput: Encodable, Sendable {
    public var tool = "maturity history"
    public var schemaVersion = 2
    public var folder: String
    public var assessments: [HistoryEntry]
    public init(folder: String, assessments: [HistoryEntry]) {
        self.folder = folder
        self.assessments = assessments
    }
}

/// `maturity compare --format json`: the comparison's keys with the tool and schema version beside them.
public struct CompareOutput: Encodable, Sendable {
    public var comparison: ComparisonJSON
    public init(_ comparison: ComparisonJSON) { self.comparison = comparison }
    enum Keys: String, CodingKey { case tool, schemaVersion }
    public func encode(to encoder: Encoder) throws {
        try comparison.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode("maturity compare", forKey: .tool)
        try c.encode(1, forKey: .schemaVersion)
    }
}

/// `maturity validate --format json`: each file with its kind, whether it is valid and every problem.
public struct ValidateOutput: Encodable, Sendable {
    public struct Problem: Encodable, Sendable {
        public var line: Int?
        public var column: Int?
        public var severity: String
        public var message: String
        public init(line: Int?, column: Int?, severity: String, message: String) {
            self.line = line
            self.column = column
            self.severity = severity
            self.message = message
        }
    }
    public struct File: Encodable, Sendable {
        public var file: String
        /// `assessment` or `questionnaire`; null when the file could not be read at all.
        public var kind: String?
        public var valid: Bool
        public var exitCode: Int32
        public var problems: [Problem]
        public init(file: String, kind: String?, valid: Bool, exitCode: Int32, problems: [Problem]) {
            self.file = file
            self.kind = kind
            self.valid = valid
            self.exitCode = exitCode
            self.problems = problems
        }
    }
    public var tool = "maturity validate"
    public var schemaVersion = 1
    public var valid: Bool
    public var files: [File]
    public init(files: [File]) {
        self.files = files
        valid = files.allSatisfy(\.valid)
    }
}

public enum ComparisonReport {
    /// `maturity history --format json` and `maturity compare --format json`.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
