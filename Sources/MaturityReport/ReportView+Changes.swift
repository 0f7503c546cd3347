import Foundation
import MaturityCore

extension ReportView {
    /// "Since last quarter" and the trend, when the model has them.
    mutating func addChanges(_ m: ReportModel, words: PhraseBook) {
        let money = { (v: Int?) in v.map { Format.money(Double($0), currency: m.organization.currency) } ?? "not reported" }
        if let c = m.sinceLastQuarter {
            var changes = c.rulesFlipped.map { "\($0.before ? "No longer met" : "Now met"): \($0.rule)" }
            func flagNames(_ ids: [String]) -> String { ids.map { c.flagTitles[$0] ?? $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ") }
            if !c.flagsRaised.isEmpty { changes.append("Flags raised: \(flagNames(c.flagsRaised))") }
            if !c.flagsCleared.isEmpty { changes.append("Flags cleared: \(flagNames(c.flagsCleared))") }
            if !c.agentsAdded.isEmpty { changes.append("New agents: \(c.agentsAdded.joined(separator: ", "))") }
            changes += c.agentsMoved.map { "\($0.name) moved \($0.direction == "forward" ? "up" : "back") the ladder: \($0.from) → \($0.to)" }
            if !c.agentsRemoved.isEmpty { changes.append("No longer listed: \(c.agentsRemoved.joined(separator: ", "))") }
            let f = c.followThrough
            since = SinceView(
                heading: words.say("ui.since.heading", ["date": .text(c.before)]),
                before: c.before,
                stageLine: "Stage \(c.stageBefore) \(c.stageNameBefore) → Stage \(c.stageAfter) \(c.stageNameAfter)",
                caution: c.selfReportedRise ? "The stage rose while no agent, gate bar or reported figure changed: only self-reported answers moved. Check the answers before celebrating." : nil,
                notComparable: c.questionnaireChanged ? "The questionnaire changed between the two assessments" + (c.notComparable.isEmpty ? "." : "; these answers are not compared: \(c.notComparable.joined(separator: ", ")).") : nil,
                changes: changes, hasChanges: !changes.isEmpty,
                move: f.move, moveStatus: Self.markWords[f.status] ?? f.status, moveReason: f.reason,
                steps: f.steps.map { FollowRow(title: $0.title, dates: "\($0.start) to \($0.end)", status: Self.markWords[$0.status] ?? "", reason: $0.reason,
                                               cssClass: $0.status == "done" || $0.status == "on_track" ? "yes" : "no") },
                ledger: c.ledger.map { LedgerView(agent: $0.agent, estimated: money($0.estimated), realised: money($0.realised), basis: $0.basis) },
                hasLedger: !c.ledger.isEmpty)
        }
        if let points = m.trend, !points.isEmpty {
            let top = ReportView.niceCeiling(Double(max(points.map(\.dollarsReported).max() ?? 0, 1)))
            let left = 60, right = 700, topY = 20, bottom = 200
            let step = points.count > 1 ? (right - left) / (points.count - 1) : 0
            let rows = points.enumerated().map { i, p in
                TrendRow(date: p.assessedOn, stage: p.stage, stageName: p.stageName,
                         dollars: money(p.dollarsReported), x: left + i * step,
                         stageY: bottom - p.stage * (bottom - topY) / 4,
                         dollarY: bottom - (Double(p.dollarsReported) / top * Double(bottom - topY)).roundedInt(.down))
            }
            let maxDollars = Format.money(top, currency: m.organization.currency)
            trend = TrendView(width: 760, height: 250,
                              stagePoints: rows.map { "\($0.x),\($0.stageY)" }.joined(separator: " "),
                              dollarPoints: rows.map { "\($0.x),\($0.dollarY)" }.joined(separator: " "),
                              rows: rows, maxDollars: maxDollars,
                              description: rows.map { "\($0.date): Stage \($0.stage), \($0.dollars) reported" }.joined(separator: "; "),
                              topLabel: words.say("ui.stage.n", ["level": .text("4")]),
                              maxLabel: words.say("ui.money.a_year", ["money": .text(maxDollars)]),
                              caption: words.say("ui.trend.caption", ["money": .text(maxDollars)]))
        }
    }

    /// Follow-through marks as the report's table says them: `compare`'s words, capitalised.
    static let markWords = ComparisonView.markWords.mapValues { $0.prefix(1).uppercased() + $0.dropFirst() }

    /// "Where the room disagreed", when the model records a workshop.
    mutating func addRoom(_ m: ReportModel) {
        guard let people = m.personStages, let splits = m.disagreements else { return }
        let stageName = { (level: Int) in m.stages.first { $0.level == level }?.name ?? "Stage \(level)" }
        let ruleNote: String
        switch m.workshopRule {
        case "majority": ruleNote = "Splits were settled by majority; a tie went to the least generous answer."
        case "consensus": ruleNote = "The facilitator recorded the room's consensus on each split, with any dissent."
        default: ruleNote = "Splits were settled by the strict rule: the least generous answer stands, so the stage is never graded up."
        }
        let movers = m.stageMovers ?? [], conflicts = m.conflicts ?? []
        room = RoomView(
            people: people.map { PersonRow(person: $0.person, role: $0.role ?? "", group: $0.executive ? "executive" : "hands-on",
                                           stage: "Stage \($0.stage) · \(stageName($0.stage))") },
            splits: splits.map { s in
                // Each answer once: by group when both groups answered, else in name order.
                let grouped = !s.executives.isEmpty && !s.handsOn.isEmpty
                let answers = grouped ? "Executives: \(s.executives.joined(separator: ", ")) · hands-on: \(s.handsOn.joined(separator: ", "))"
                    : s.answers.map { "\($0.person): \($0.shown)" }.joined(separator: "; ")
                return SplitRow(prompt: s.prompt, id: s.question, answers: answers, result: s.resultShown, effect: s.effectShown,
                                groups: nil, dissent: s.dissent)
            },
            hasSplits: !splits.isEmpty,
            moves: m.roomMoves,
            movers: movers.map { "\($0.person)'s answer on \($0.questionText), \($0.shown), alone would place the company at Stage \($0.stage)" },
            hasMovers: !movers.isEmpty,
            conflicts: conflicts.map { c in "\(c.item), \(c.field): " + c.values.map { "\($0.person) \($0.answer)" }.joined(separator: ", ") + " (kept \(c.kept))" },
            hasConflicts: !conflicts.isEmpty,
            ruleNote: ruleNote)
    }
}
