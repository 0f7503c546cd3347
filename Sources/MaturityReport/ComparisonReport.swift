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

    public init(_ c: Comparison, old: Questionnaire, new: Questionnaire) {
        let money = { (v: Double) in v.roundedInt() }
        before = c.before.iso
        after = c.after.iso
        stageBefore = c.stageBefore
        stageAfter = c.stageAfter
        stageNameBefore = old.stageName(c.stageBefore)
        stageNameAfter = new.stageName(c.stageAfter)
        rulesFlipped = c.rulesFlipped.map { Flip(id: $0.id, rule: $0.rule, before: $0.before, after: $0.after) }
        flagsRaised = c.flagsRaised
        flagsCleared = c.flagsCleared
        agentsAdded = c.agentsAdded
        agentsRemoved = c.agentsRemoved
        agentsMoved = c.agentsMoved.map { Move(name: $0.name, from: $0.from, to: $0.to, direction: $0.forward ? "forward" : "back") }
        useCasesMoved = c.useCasesMoved.map { Rank(name: $0.name, before: $0.before, after: $0.after) }
        let f = c.followThrough
        followThrough = Follow(move: f.move, useCase: f.useCase, status: f.mark.rawValue, reason: f.reason,
                               steps: f.steps.map { Step(id: $0.id, title: $0.title, start: $0.start.iso, end: $0.end.iso, status: $0.mark.rawValue, reason: $0.reason) })
        ledger = c.ledger.map { Ledger(agent: $0.agent, estimated: $0.estimated.map(money), realised: $0.realised.map(money), basis: $0.basis) }
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

    public init(file: String?, _ e: Evaluation) {
        self.file = file
        assessedOn = e.assessment.assessedOn.iso
        stage = e.placement.stage
        stageName = e.questionnaire.stageName(e.placement.stage)
        flags = e.allFlags.map(\.id)
        agentsInProduction = e.assessment.agents.filter { $0.status == .production }.count
        dollarsReported = e.assessment.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +).roundedInt()
        nextMove = e.plan.nextMove.title
    }
}

public enum ComparisonReport {
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static let markWords: [FollowThrough.Mark: String] = [.done: "done", .onTrack: "on track", .slipped: "slipped", .dropped: "dropped"]

    /// The comparison for a terminal, or as Markdown (`markdown: true`).
    public static func text(_ c: Comparison, old: Questionnaire, new: Questionnaire, currency: String, markdown: Bool) -> String {
        let money = { (v: Double?) in v.map { Format.money($0, currency: currency) } ?? "-" }
        let esc = { (s: String) in markdown ? MarkdownContentType().escapeText(s) : s }
        var out: [String] = []
        let head = markdown ? "## Since \(c.before.iso)" : "Since \(c.before.iso) (assessed \(c.after.iso))"
        out.append(head)
        if markdown { out.append("") }
        out.append("Stage \(c.stageBefore) \(old.stageName(c.stageBefore)) → Stage \(c.stageAfter) \(new.stageName(c.stageAfter))"
                   + (c.stageAfter > c.stageBefore ? " (up)" : c.stageAfter < c.stageBefore ? " (down)" : " (unchanged)"))
        if c.selfReportedRise {
            out.append((markdown ? "> " : "") + "Caution: the stage rose while no agent, gate bar or dollar figure changed; only self-reported answers moved.")
        }
        if c.questionnaireChanged {
            out.append("The questionnaire changed between the two" + (c.notComparable.isEmpty ? "." : "; not comparable: \(c.notComparable.joined(separator: ", ")).")) }
        for flip in c.rulesFlipped { out.append("\(markdown ? "- " : "  ")Rule \(flip.before ? "lost" : "met"): \(flip.rule)") }
        if !c.flagsRaised.isEmpty { out.append("\(markdown ? "- " : "  ")Flags raised: \(c.flagsRaised.joined(separator: ", "))") }
        if !c.flagsCleared.isEmpty { out.append("\(markdown ? "- " : "  ")Flags cleared: \(c.flagsCleared.joined(separator: ", "))") }
        if !c.agentsAdded.isEmpty { out.append("\(markdown ? "- " : "  ")Agents added: \(esc(c.agentsAdded.joined(separator: ", ")))") }
        for m in c.agentsMoved { out.append("\(markdown ? "- " : "  ")\(esc(m.name)): \(m.from) → \(m.to)\(m.forward ? "" : " (back)")") }
        if !c.agentsRemoved.isEmpty { out.append("\(markdown ? "- " : "  ")Agents no longer listed: \(esc(c.agentsRemoved.joined(separator: ", ")))") }
        let f = c.followThrough
        if markdown { out.append("") }
        out.append("Last quarter's move: \(esc(f.move)): \(markWords[f.mark] ?? f.mark.rawValue) (\(esc(f.reason)))")
        if markdown {
            out += ["", "| Step | Dates | Status | Why |", "| --- | --- | --- | --- |"]
            for s in f.steps { out.append("| \(esc(s.title)) | \(s.start.iso) to \(s.end.iso) | \(markWords[s.mark] ?? "") | \(esc(s.reason)) |") }
        } else {
            for s in f.steps {
                let label = s.title.split(separator: ":").first.map(String.init) ?? s.title
                out.append("  \(label) (\(s.start.iso) → \(s.end.iso)): \(markWords[s.mark] ?? "") — \(s.reason)")
            }
        }
        if !c.ledger.isEmpty {
            if markdown {
                out += ["", "| Agent | Estimated a year | Reported a year | Basis |", "| --- | ---: | ---: | --- |"]
                for l in c.ledger { out.append("| \(esc(l.agent)) | \(money(l.estimated)) | \(money(l.realised)) | \(esc(l.basis)) |") }
            } else {
                out.append("Estimated vs realised:")
                for l in c.ledger { out.append("  \(l.agent): estimated \(money(l.estimated)), reported \(money(l.realised))") }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
