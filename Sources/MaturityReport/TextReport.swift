import MaturityCore

/// The terminal summary: stage, why, flags, the next move and the top use cases, in under 25 lines.
enum TextReport {
    static func render(_ e: Evaluation) -> String {
        let a = e.assessment, q = e.questionnaire, pl = e.placement, move = e.plan.nextMove
        let money = { (v: Double) in Format.money(v, currency: a.organization.currency) }
        var out: [String] = []
        out.append("\(a.organization.name) · assessed \(a.assessedOn.iso)")
        out.append("Stage \(pl.stage) of 4: \(q.stageName(pl.stage)). \(q.stage(pl.stage)?.summary ?? "")")
        let failed = pl.evidence.first { !$0.passed }
        if let failed {
            out.append("Why not Stage \(failed.stage): \(Words.inSentence(failed.rule)) — no (\(failed.basis)).")
        } else {
            out.append("Why: every rule up to Stage 4 passes.")
        }
        if let up = pl.moveUp, !up.facts.isEmpty {
            out.append("To reach Stage \(up.toStage) (\(q.stageName(up.toStage))): \(up.facts.joined(separator: "; ")).")
        }
        let flags = e.allFlags
        out.append("Flags: " + (flags.isEmpty ? "none" : flags.map(\.id).joined(separator: ", ")))
        if !pl.unknownAnswers.isEmpty {
            out.append("Unknown (counted as no): \(pl.unknownAnswers.map { id in q.question(id).map { $0.short ?? $0.prompt } ?? id }.joined(separator: "; "))")
        }
        if let room = e.room {
            out.append("Room: \(Words.count(room.splits.count, "split question")) settled by \(a.workshop?.rule.rawValue ?? "strict"); on their own answers "
                       + room.people.map { "\($0.person) Stage \($0.stage)" }.joined(separator: ", "))
        }
        out.append("")
        out.append("Next move: \(move.title)")
        var facts = ["owner: \(move.owner)"]
        if let v = move.annualValue { facts.append("\(money(v))/year") }
        if let roi = move.roi { facts.append("\(Format.ratio(roi)) its run cost") }
        if let delay = move.costOfDelayPerQuarter { facts.append("each quarter of delay costs \(money(delay))") }
        out.append("  " + facts.joined(separator: " · "))
        if let then = move.then { out.append("  Then: \(then), in the same plan") }
        if let alternative = move.alternative {
            out.append("  Fits in \(q.parameters.planDays) days instead: \(alternative)")
        }
        for item in move.alongside { out.append("  Alongside: \(item)") }
        if let first = e.plan.steps.first, let last = e.plan.steps.last {
            out.append("  Plan: \(first.start.iso) → \(last.end.iso), \(Words.count(e.plan.steps.count, "step"))" +
                       (e.plan.goNoGoOn.map { ", go/no-go \($0.iso)" } ?? "") +
                       (e.plan.shadowWeeks.map { $0 > 2 ? ", shadow stretched to \($0) weeks for volume" : "" } ?? ""))
        }
        let top = e.useCases.prefix(5)
        if !top.isEmpty {
            out.append("")
            out.append("Top use cases (value/yr · run cost · ROI · feasibility):")
            for u in top {
                var note = u.quadrant.label.lowercased()
                if u.locked { note = "locked until Stage 3" } else if u.alreadyAutomated { note = "automated by \(u.agent ?? "an agent")" }
                else if u.flags.contains(FlagID.roiBelow3x.rawValue) { note = "under \(Format.multiple(q.parameters.roiMinimum))" }
                out.append("  \(u.rank). \(u.name): \(money(u.annualValue)) · \(money(u.annualRunCost)) · \(Format.ratio(u.roi)) · \(u.feasibility)/100 · \(note)")
            }
            if e.useCases.count > top.count { out.append("  … and \(e.useCases.count - top.count) more (--format json for all)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

