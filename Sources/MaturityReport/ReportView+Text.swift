import MaturityCore

extension ReportView.TextView {
    /// The terminal summary: why the stage, flags, the next move and the top five use cases.
    init(_ m: ReportModel, words: PhraseBook) {
        let money = { (v: Int) in Phrase.Arg.text(Format.money(Double(v), currency: m.organization.currency)) }
        let level = { (n: Int) in Phrase.Arg.text(String(n)) }
        let clauses = words.say("ui.clauses.separator"), items = words.say("ui.list.separator")
        if let failed = m.evidence.first(where: { !$0.passed }) {
            why = words.say("ui.text.why_not", ["level": level(failed.stage), "rule": .label(failed.rule), "basis": .text(failed.basis)])
        } else {
            why = words.say("ui.text.why_all")
        }
        if let up = m.moveUp, !up.facts.isEmpty {
            toNextStage = words.say("ui.text.to_reach", ["level": level(up.toStage), "name": .text(up.toStageName),
                                                         "facts": .joined(up.facts.map(Phrase.Arg.text), clauses)])
        }
        flags = m.flags.isEmpty ? words.say("ui.text.none") : m.flags.map(\.title).joined(separator: clauses)
        let unknownAnswers = m.answers.filter { $0.answer == nil && $0.applies }
        if !unknownAnswers.isEmpty { unknown = unknownAnswers.map(\.short).joined(separator: clauses) }
        if let people = m.personStages, let splits = m.disagreements {
            let stages = people.map { Phrase.Arg.text(words.say("ui.text.person_stage", ["person": .text($0.person), "level": level($0.stage)])) }
            room = words.say("ui.text.room_line", ["splits": .count(splits.count, "split_question"),
                                                    "rule": .text(words.say("ui.room.rule.\(m.workshopRule ?? "strict")")),
                                                    "people": .joined(stages, items)])
        }
        let move = m.nextMove
        var facts = [words.say("ui.text.fact.owner", ["owner": .text(move.owner)])]
        if let v = move.annualValue { facts.append(words.say("ui.text.fact.value", ["money": money(v)])) }
        if let roi = move.roi { facts.append(words.say("ui.headline.roi_note", ["roi": .text(Format.ratio(roi))])) }
        if let delay = move.costOfDelayPerQuarter { facts.append(words.say("ui.text.fact.delay", ["money": money(delay)])) }
        if let cost = move.oneTimeCostRange {
            let range = Phrase.Arg.text(words.say("ui.money.range", ["low": money(cost.low), "high": money(cost.high)]))
            facts.append(move.paybackMonths.map { words.say("ui.text.fact.once_payback", ["money": range, "n": ReportView.whole($0)]) }
                         ?? words.say("ui.text.fact.once", ["money": range]))
        }
        moveFacts = facts.joined(separator: " · ")
        alternative = move.alternative.map { words.say("ui.text.alternative", ["days": .count(m.parameters.planDays, "day"), "move": .text($0)]) }
        if let first = m.plan.first {
            var parts = [words.say("ui.text.plan_span", ["start": .text(words.tableDate(iso: first.start)), "end": .text(words.tableDate(iso: m.planEnd))]),
                         words.say("count.step", ["n": .int(m.plan.count)])]
            if let date = m.goNoGoOn { parts.append(words.say("ui.text.plan_go_no_go", ["date": .text(words.tableDate(iso: date))])) }
            if m.shadowStretched, let weeks = m.shadowWeeks { parts.append(words.say("ui.text.plan_shadow", ["weeks": .count(weeks, "week")])) }
            plan = parts.joined(separator: items)
        }
        let top = m.useCases.prefix(5)
        useCases = top.map { u in
            var note = words.inSentence(u.quadrantLabel)
            if u.locked {
                note = m.stage >= m.parameters.lineLevelUnlocksAtStage ? words.say("ui.text.locked_governance")
                    : words.say("ui.text.locked_stage", ["level": level(m.parameters.lineLevelUnlocksAtStage)])
            } else if u.alreadyAutomated {
                note = u.agent.map { words.say("ui.text.automated_by", ["agent": .text($0)]) } ?? words.say("ui.text.automated")
            }
            else if u.flags.contains(FlagID.roiBelow3x.rawValue) { note = words.say("ui.text.under_bar",
                                                                                    ["bar": .text(Format.multiple(m.parameters.roiMinimum))]) }
            return words.say("ui.text.use_case",
                             ["rank": .int(u.rank), "name": .text(u.name), "value": money(u.annualValue), "run_cost": money(u.annualRunCost),
                                                  "roi": .text(Format.ratio(u.roi)), "feasibility": .int(u.feasibility), "note": .text(note)])
        }
        hasUseCases = !useCases.isEmpty
        if m.useCases.count > top.count { more = words.say("ui.text.more", ["n": .int(m.useCases.count - top.count)]) }
    }
}
