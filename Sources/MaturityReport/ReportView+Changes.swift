import Foundation
import MaturityCore

extension ReportView {
    /// "Since last quarter" and the trend, when the model has them.
    mutating func addChanges(_ m: ReportModel, words: PhraseBook) {
        let money = { (v: Int?) in v.map { Format.money(Double($0), currency: m.organization.currency) } ?? words.say("ui.since.not_reported") }
        let items = words.say("ui.list.separator")
        let names = { (list: [String]) in Phrase.Arg.joined(list.map(Phrase.Arg.text), items) }
        if let c = m.sinceLastQuarter {
            let changes = ComparisonView.changeLines(c, words: words)
            let f = c.followThrough
            let marks = Self.markWords(words)
            since = SinceView(
                heading: words.say("ui.since.heading", ["date": .text(words.tableDate(iso: c.before))]),
                before: c.before,
                stageLine: words.say("ui.since.stage_line", ["before": .text(String(c.stageBefore)), "before_name": .text(c.stageNameBefore),
                                                              "after": .text(String(c.stageAfter)), "after_name": .text(c.stageNameAfter)]),
                caution: c.selfReportedRise ? words.say("ui.since.caution_text") : nil,
                notComparable: c.questionnaireChanged
                    ? (c.notComparable.isEmpty ? words.say("ui.since.questionnaire_changed")
                       : words.say("ui.since.questionnaire_changed_answers", ["answers": names(c.notComparable)])) : nil,
                changes: changes, hasChanges: !changes.isEmpty,
                move: f.move, moveStatus: marks[f.status] ?? f.status, moveReason: f.reason,
                steps: f.steps.map { FollowRow(title: $0.title, dates: words.span($0.start, $0.end),
                                               status: marks[$0.status] ?? "", reason: $0.reason,
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
                              description: rows.map { words.say("ui.trend.point",
                                                                ["date": .text($0.date), "level": .text(String($0.stage)), "money": .text($0.dollars)]) }
                                  .joined(separator: words.say("ui.clauses.separator")),
                              topLabel: words.say("ui.stage.n", ["level": .text("4")]),
                              maxLabel: words.say("ui.money.a_year", ["money": .text(maxDollars)]),
                              caption: words.say("ui.trend.caption", ["money": .text(maxDollars)]))
        }
    }

    /// Follow-through marks as the report's table says them (`ui.since.mark.<status>`: "Done", "On track", …).
    static func markWords(_ words: PhraseBook) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ComparisonView.statuses.map { ($0, words.say("ui.since.mark.\($0)")) })
    }

    /// "Where the room disagreed", when the model records a workshop.
    mutating func addRoom(_ m: ReportModel, words: PhraseBook) {
        guard let people = m.personStages, let splits = m.disagreements else { return }
        let stageName = { (level: Int) in m.stages.first { $0.level == level }?.name ?? words.say("ui.stage.n", ["level": .text(String(level))]) }
        let items = words.say("ui.list.separator"), clauses = words.say("ui.clauses.separator")
        let names = { (list: [String]) in Phrase.Arg.joined(list.map(Phrase.Arg.text), items) }
        let ruleNote = words.say("ui.room.rule_note.\(m.workshopRule ?? "strict")")
        let movers = m.stageMovers ?? [], conflicts = m.conflicts ?? []
        room = RoomView(
            people: people.map { PersonRow(person: $0.person, role: $0.role ?? "",
                                           group: words.say($0.executive ? "ui.room.group.executive" : "ui.room.group.hands_on"),
                                           stage: words.say("ui.room.person_stage", ["level": .text(String($0.stage)), "name": .text(stageName($0.stage))])) },
            splits: splits.map { s in
                // Each answer once: by group when both groups answered, else in name order.
                let grouped = !s.executives.isEmpty && !s.handsOn.isEmpty
                let answers = grouped ? words.say("ui.room.answers_grouped", ["executives": names(s.executives), "hands_on": names(s.handsOn)])
                    : s.answers.map { words.say("ui.room.answer", ["person": .text($0.person), "answer": .text($0.shown)]) }.joined(separator: clauses)
                return SplitRow(prompt: s.prompt, id: s.question, answers: answers, result: s.resultShown, effect: s.effectShown,
                                groups: nil, dissent: s.dissent)
            },
            hasSplits: !splits.isEmpty,
            moves: m.roomMoves,
            movers: movers.map { words.say("ui.room.mover", ["person": .text($0.person), "question": .text($0.questionText), "answer": .text($0.shown),
                                                             "level": .text(String($0.stage))]) },
            hasMovers: !movers.isEmpty,
            conflicts: conflicts.map { c in
                let values = c.values.map { Phrase.Arg.text(words.say("ui.room.conflict_value", ["person": .text($0.person), "answer": .text($0.answer)])) }
                return words.say("ui.room.conflict", ["item": .text(c.item), "field": .text(c.field), "values": .joined(values, items), "kept": .text(c.kept)])
            },
            hasConflicts: !conflicts.isEmpty,
            ruleNote: ruleNote)
    }
}
