import Foundation
import MaturityCore

extension ReportContext {
    /// Adds "Since last quarter" and the trend when the report was asked for them.
    mutating func addChanges(_ extras: Extras, _ e: Evaluation) {
        addRoom(e)
        let money = { (v: Double?) in v.map { Format.money($0, currency: e.assessment.organization.currency) } ?? "not reported" }
        if let c = extras.comparison, let p = extras.previous {
            var changes = c.rulesFlipped.map { "\($0.before ? "No longer met" : "Now met"): \($0.rule)" }
            let titles = Dictionary((p.allFlags + e.allFlags).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            func flagNames(_ ids: [String]) -> String { ids.map { titles[$0] ?? $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ") }
            if !c.flagsRaised.isEmpty { changes.append("Flags raised: \(flagNames(c.flagsRaised))") }
            if !c.flagsCleared.isEmpty { changes.append("Flags cleared: \(flagNames(c.flagsCleared))") }
            if !c.agentsAdded.isEmpty { changes.append("New agents: \(c.agentsAdded.joined(separator: ", "))") }
            changes += c.agentsMoved.map { "\($0.name) moved \($0.forward ? "up" : "back") the ladder: \($0.from) → \($0.to)" }
            if !c.agentsRemoved.isEmpty { changes.append("No longer listed: \(c.agentsRemoved.joined(separator: ", "))") }
            let words: [FollowThrough.Mark: String] = [.done: "Done", .onTrack: "On track", .slipped: "Slipped", .dropped: "Dropped"]
            let f = c.followThrough
            since = SinceView(
                before: p.assessment.assessedOn.iso,
                stageLine: "Stage \(c.stageBefore) \(p.questionnaire.stageName(c.stageBefore)) → Stage \(c.stageAfter) \(e.questionnaire.stageName(c.stageAfter))",
                caution: c.selfReportedRise ? "The stage rose while no agent, gate bar or dollar figure changed: only self-reported answers moved. Check the answers before celebrating." : nil,
                notComparable: c.questionnaireChanged ? "The questionnaire changed between the two assessments" + (c.notComparable.isEmpty ? "." : "; these answers are not compared: \(c.notComparable.joined(separator: ", ")).") : nil,
                changes: changes, hasChanges: !changes.isEmpty,
                move: f.move, moveStatus: words[f.mark] ?? f.mark.rawValue, moveReason: f.reason,
                steps: f.steps.map { FollowRow(title: $0.title, dates: "\($0.start.iso) to \($0.end.iso)", status: words[$0.mark] ?? "", reason: $0.reason,
                                               cssClass: $0.mark == .done || $0.mark == .onTrack ? "yes" : "no") },
                ledger: c.ledger.map { LedgerView(agent: $0.agent, estimated: money($0.estimated), realised: money($0.realised), basis: $0.basis) },
                hasLedger: !c.ledger.isEmpty)
        }
        if !extras.trend.isEmpty {
            let points = extras.trend
            let dollars = points.map { p in p.assessment.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +) }
            let top = ReportContext.niceCeiling(max(dollars.max() ?? 0, 1))
            let left = 60, right = 700, topY = 20, bottom = 200
            let step = points.count > 1 ? (right - left) / (points.count - 1) : 0
            let rows = points.enumerated().map { i, p in
                TrendRow(date: p.assessment.assessedOn.iso, stage: p.placement.stage, stageName: p.questionnaire.stageName(p.placement.stage),
                         dollars: money(dollars[i]), x: left + i * step,
                         stageY: bottom - p.placement.stage * (bottom - topY) / 4,
                         dollarY: bottom - (dollars[i] / top * Double(bottom - topY)).roundedInt(.down))
            }
            trend = TrendView(width: 760, height: 250,
                              stagePoints: rows.map { "\($0.x),\($0.stageY)" }.joined(separator: " "),
                              dollarPoints: rows.map { "\($0.x),\($0.dollarY)" }.joined(separator: " "),
                              rows: rows, maxDollars: money(top),
                              description: rows.map { "\($0.date): Stage \($0.stage), \($0.dollars) reported" }.joined(separator: "; "))
        }
    }
}

extension ReportContext {
    /// Adds "Where the room disagreed" when the file records a workshop.
    mutating func addRoom(_ e: Evaluation) {
        guard let room = e.room, let w = e.assessment.workshop else { return }
        let q = e.questionnaire
        func shown(_ answer: String) -> String {
            switch answer {
            case "true": return "yes"
            case "false": return "no"
            default:
                // A choice reads as its label ("some people use them on their own"), not its id.
                for question in q.questions {
                    if let c = question.choices.first(where: { $0.value == answer }) { return Words.inSentence(c.label) }
                }
                return answer
            }
        }
        func named(_ id: String) -> String { q.question(id).map { Words.inSentence($0.short ?? $0.prompt) } ?? id }
        let ruleNote: String
        switch w.rule {
        case .strict: ruleNote = "Splits were settled by the strict rule: the least generous answer stands, so the stage is never graded up."
        case .majority: ruleNote = "Splits were settled by majority; a tie went to the least generous answer."
        case .consensus: ruleNote = "The facilitator recorded the room's consensus on each split, with any dissent."
        }
        self.room = RoomView(
            people: room.people.map { PersonRow(person: $0.person, role: $0.role ?? "", group: $0.executive ? "executive" : "hands-on",
                                                stage: "Stage \($0.stage) · \(q.stageName($0.stage))") },
            splits: room.splits.map { s in
                let alternatives = s.stageByAnswer.dropFirst().map { "\(shown($0.answer)) → Stage \($0.stage)" }
                let consensusStage = s.stageByAnswer.first?.stage ?? room.stage
                let moves = s.stageByAnswer.contains { $0.stage != consensusStage }
                let effect = moves ? "Decides the stage: \(shown(s.result)) → Stage \(consensusStage); " + alternatives.joined(separator: "; ")
                    : "No effect on the stage (Stage \(consensusStage) either way)"
                let groups = !s.executives.isEmpty && !s.handsOn.isEmpty
                    ? "Executives: \(s.executives.map { pair(shown, $0) }.joined(separator: ", ")) · hands-on: \(s.handsOn.map { pair(shown, $0) }.joined(separator: ", "))" : nil
                return SplitRow(prompt: s.prompt, id: s.question,
                                answers: s.answers.map { "\($0.person): \(shown($0.answer))" }.joined(separator: "; "),
                                result: shown(s.result), effect: effect, groups: groups, dissent: s.dissent)
            },
            hasSplits: !room.splits.isEmpty,
            movers: room.movers.map { "\($0.person)'s answer on \(named($0.question)), \(shown($0.answer)), alone would place the company at Stage \($0.stage)" },
            hasMovers: !room.movers.isEmpty,
            conflicts: room.conflicts.map { c in "\(c.item), \(c.field): " + c.values.map { "\($0.person) \($0.answer)" }.joined(separator: ", ") + " (kept \(c.kept))" },
            hasConflicts: !room.conflicts.isEmpty,
            ruleNote: ruleNote)
    }
}

/// "Ana: ad_hoc" → "Ana: some people use them on their own".
private func pair(_ shown: (String) -> String, _ text: String) -> String {
    guard let colon = text.range(of: ": ", options: .backwards) else { return text }
    return String(text[..<colon.upperBound]) + shown(String(text[colon.upperBound...]))
}
