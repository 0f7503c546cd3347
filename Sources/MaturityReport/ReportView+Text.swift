import MaturityCore

extension ReportView.TextView {
    /// The terminal summary: why the stage, flags, the next move and the top five use cases.
    init(_ m: ReportModel) {
        let money = { (v: Int) in Format.money(Double(v), currency: m.organization.currency) }
        if let failed = m.evidence.first(where: { !$0.passed }) {
            why = "Why not Stage \(failed.stage): \(Words.inSentence(failed.rule)) — no (\(failed.basis))."
        } else {
            why = "Why: every rule up to Stage 4 passes."
        }
        if let up = m.moveUp, !up.facts.isEmpty {
            toNextStage = "To reach Stage \(up.toStage) (\(up.toStageName)): \(up.facts.joined(separator: "; "))."
        }
        flags = m.flags.isEmpty ? "none" : m.flags.map(\.title).joined(separator: "; ")
        let unknownAnswers = m.answers.filter { $0.answer == nil && $0.applies }
        if !unknownAnswers.isEmpty { unknown = unknownAnswers.map(\.short).joined(separator: "; ") }
        if let people = m.personStages, let splits = m.disagreements {
            room = "\(Words.count(splits.count, "split question")) settled by \(m.workshopRule ?? "strict"); on their own answers "
                + people.map { "\($0.person) Stage \($0.stage)" }.joined(separator: ", ")
        }
        let move = m.nextMove
        var facts = ["owner: \(move.owner)"]
        if let v = move.annualValue { facts.append("\(money(v))/year") }
        if let roi = move.roi { facts.append("\(Format.ratio(roi)) its run cost") }
        if let delay = move.costOfDelayPerQuarter { facts.append("each quarter of delay costs \(money(delay))") }
        if let cost = move.oneTimeCostRange {
            facts.append("\(money(cost.low)) to \(money(cost.high)) once" + (move.paybackMonths.map { ", paid back in about \(Format.number($0.rounded())) months from go-live" } ?? ""))
        }
        moveFacts = facts.joined(separator: " · ")
        alternative = move.alternative.map { "Fits in \(m.parameters.planDays) days instead: \($0)" }
        if let first = m.plan.first {
            plan = "\(first.start) → \(m.planEnd), \(Words.count(m.plan.count, "step"))"
                + (m.goNoGoOn.map { ", go/no-go \($0)" } ?? "")
                + (m.shadowStretched ? m.shadowWeeks.map { ", shadow stretched to \($0) weeks for volume" } ?? "" : "")
        }
        let top = m.useCases.prefix(5)
        useCases = top.map { u in
            var note = u.quadrantLabel.lowercased()
            if u.locked { note = m.stage >= m.parameters.lineLevelUnlocksAtStage ? "locked until governance is in place" : "locked until Stage \(m.parameters.lineLevelUnlocksAtStage)" } else if u.alreadyAutomated { note = "automated by \(u.agent ?? "an agent")" }
            else if u.flags.contains(FlagID.roiBelow3x.rawValue) { note = "under \(Format.multiple(m.parameters.roiMinimum))" }
            return "\(u.rank). \(u.name): \(money(u.annualValue)) · \(money(u.annualRunCost)) · \(Format.ratio(u.roi)) · \(u.feasibility)/100 · \(note)"
        }
        hasUseCases = !useCases.isEmpty
        if m.useCases.count > top.count { more = "… and \(m.useCases.count - top.count) more (--format json for all)" }
    }
}
