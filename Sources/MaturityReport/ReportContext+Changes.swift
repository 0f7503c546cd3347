import MaturityCore

extension ReportContext {
    /// Adds "Since last quarter" and the trend when the report was asked for them.
    mutating func addChanges(_ extras: Extras, _ e: Evaluation) {
        let money = { (v: Double?) in v.map { Format.money($0, currency: e.assessment.organization.currency) } ?? "not reported" }
        if let c = extras.comparison, let p = extras.previous {
            var changes = c.rulesFlipped.map { "\($0.before ? "No longer met" : "Now met"): \($0.rule)" }
            if !c.flagsRaised.isEmpty { changes.append("Flags raised: \(c.flagsRaised.joined(separator: ", "))") }
            if !c.flagsCleared.isEmpty { changes.append("Flags cleared: \(c.flagsCleared.joined(separator: ", "))") }
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
                         dollarY: bottom - Int(dollars[i] / top * Double(bottom - topY)))
            }
            trend = TrendView(width: 760, height: 250,
                              stagePoints: rows.map { "\($0.x),\($0.stageY)" }.joined(separator: " "),
                              dollarPoints: rows.map { "\($0.x),\($0.dollarY)" }.joined(separator: " "),
                              rows: rows, maxDollars: money(top),
                              description: rows.map { "\($0.date): Stage \($0.stage), \($0.dollars) reported" }.joined(separator: "; "))
        }
    }
}
