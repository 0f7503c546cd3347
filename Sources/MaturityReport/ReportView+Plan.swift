import Foundation
import MaturityCore

/// The plan section: dated steps laid out on a timeline, the SLO, the run-cost budget and the go/no-go.
extension ReportView {
    /// The plan as the templates read it: rows with dates in the reader's order and timeline geometry.
    static func planView(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> PlanView {
        let p = m.parameters
        let day = { (iso: String) in Day(iso: iso) ?? Day(year: 2000, month: 1, day: 1) }
        let planStart = day(m.planStartsOn), planEnd = day(m.planEnd)
        let days = max(1, planStart.days(until: planEnd) + 1)
        // The label column fits the longest step name ("7. Customer PO entry · Production-owned").
        let longest = m.plan.enumerated().map { "\($0.offset + 1). \($0.element.label)".count }.max() ?? 0
        let labelWidth = max(230, longest * 7), barLeft = labelWidth + 10, barRight = barLeft + 520
        let scale = Double(barRight - barLeft) / Double(days)
        let steps = m.plan.enumerated().map { i, s -> StepRow in
            let start = day(s.start), end = day(s.end)
            let offset = planStart.days(until: start)
            let length = start.days(until: end) + 1
            let short = s.label
            // A step that spans a shutdown or a holiday says so: the plant's closed days pushed its end out.
            let gate = s.closedDays.isEmpty ? s.gate
                : words.say("ui.plan.gate_closed", ["gate": .text(s.gate), "days": .count(s.closedDays.count, "working_day"),
                                                    "first": .text(words.tableDate(iso: s.closedDays.first ?? "")),
                                                    "last": .text(words.tableDate(iso: s.closedDays.last ?? ""))])
            let dates = ["start": Phrase.Arg.text(words.tableDate(iso: s.start)), "end": .text(words.tableDate(iso: s.end))]
            return StepRow(index: i + 1, title: s.title, shortTitle: short, start: s.start, end: s.end,
                           // A one-day step (the go/no-go) shows its day once, not "26 Feb to 26 Feb".
                           span: s.start == s.end ? words.tableDate(iso: s.start) : words.say("ui.plan.span", dates),
                           spanLines: s.start == s.end ? words.tableDate(iso: s.start)
                               : words.say("ui.plan.span_lines", dates.merging(["br": .text("<br>")]) { a, _ in a }),
                           gate: gate,
                           owner: s.owner, barX: barLeft + (Double(offset) * scale).roundedInt(),
                           barWidth: max(4, (Double(length) * scale).roundedInt()), y: 34 + i * 34, textY: 34 + i * 34 + 17,
                           mermaidTitle: "\(i + 1) " + Self.mermaidSafe(short), mermaidDays: length, mermaidID: "s\(i + 1)")
        }
        var months: [Tick] = []
        var cursor = planStart.adding(days: 1 - planStart.day)
        while cursor <= planEnd {
            if cursor >= planStart {
                months.append(Tick(at: barLeft + (Double(planStart.days(until: cursor)) * scale).roundedInt(),
                                   label: words.shortDate(cursor)))
            }
            cursor = cursor.adding(days: Day.daysIn(month: cursor.month, year: cursor.year))
        }
        // The month the plan starts in gets its tick at the plan's first day, unless the next month's tick sits too close to read.
        if planStart.day != 1, (months.first?.at ?? Int.max) - barLeft >= 70 {
            months.insert(Tick(at: barLeft, label: words.shortDate(planStart)), at: 0)
        }
        let slo = m.slo
        let sloArgs: [String: Phrase.Arg] = ["accuracy": .percent(slo.autoApproveAccuracy), "page": .percent(slo.pageOwnerBelow),
                                              "window": .int(slo.rollingWindowTransactions), "n": .int(slo.highSeverityErrorsAllowed),
                                              "hours": .text(Format.decimal(slo.exceptionQueueBusinessHours))]
        let sloRows = [
            Figure(label: words.say("ui.slo.accuracy"), value: words.say("ui.slo.accuracy_value", sloArgs), note: nil),
            Figure(label: words.say("ui.slo.page"), value: words.say("ui.slo.page_value", sloArgs), note: nil),
            Figure(label: words.say("ui.slo.high_severity"),
                   value: words.say(slo.highSeverityErrorsAllowed == 0 ? "ui.slo.high_severity_zero" : "ui.slo.high_severity_value", sloArgs), note: nil),
            Figure(label: words.say("ui.slo.queue"), value: words.say("ui.slo.queue_value", sloArgs), note: nil),
        ]
        let monthly = { (annual: Int) in Format.money(Double(annual) / 12, currency: m.organization.currency) }
        let budget = m.budget.map { BudgetRow(label: $0.label, monthly: monthly($0.annual), annual: money($0.annual), basis: $0.basis) }
        let total = m.budget.reduce(0) { $0 + $1.annual }
        let goNoGoDate = m.goNoGoOn.map { words.tableDate(iso: $0) }
        return PlanView(
            heading: words.say("ui.plan.heading", ["start": .text(words.tableDate(iso: m.planStartsOn)), "end": .text(words.tableDate(iso: m.planEnd))]),
            goNoGoHeading: goNoGoDate.map { words.say("ui.plan.go_no_go_on", ["date": .text($0)]) } ?? words.say("ui.plan.go_no_go_heading"),
            goNoGoLead: words.say("ui.plan.go_no_go_lead", ["count": .words(m.goNoGo.count)]),
            start: m.planStartsOn, end: m.planEnd, days: days, steps: steps, hasSteps: !steps.isEmpty,
            stretched: m.shadowStretched,
            shadowNote: m.shadowStretched
                ? words.say(days > p.planDays ? "ui.plan.shadow_note_longer" : "ui.plan.shadow_note",
                            ["weeks": .count(m.shadowWeeks ?? 0, "week"), "cases": .int(p.shadowMinCases), "days": .count(days, "day"),
                             "plan_days": .int(p.planDays)])
                : nil,
            calendarNote: Self.calendarNote(m, words: words),
            timelineWidth: barRight + 70, timelineHeight: 44 + steps.count * 34, labelWidth: labelWidth, months: months,
            slo: sloRows, budget: budget, hasBudget: !budget.isEmpty, budgetMonthly: monthly(total), budgetAnnual: money(total),
            goNoGo: m.goNoGo,
            description: steps.map { words.say("ui.plan.step_desc",
                                               ["step": .text($0.shortTitle), "start": .text(words.tableDate(iso: $0.start)),
                                                "end": .text(words.tableDate(iso: $0.end))]) }
                .joined(separator: words.say("ui.clauses.separator")),
            goNoGoOn: m.goNoGoOn,
            gatesAndSLO: words.say("ui.plan.gates_and_slo",
                                   sloArgs.merging(["gate": .percent(max(p.approveEachMinRate ?? 0, p.autoWithExceptionsMinRate ?? 0))]) { a, _ in a }),
            currencyNote: m.currencyNote,
            goNoGoCount: words.words(m.goNoGo.count))
    }

    /// Without the plant's calendar, a plan over the year's end says what it assumed.
    static func calendarNote(_ m: ReportModel, words: PhraseBook) -> String? {
        guard !m.calendarGiven, let first = Day(iso: m.planStartsOn), let last = Day(iso: m.planEnd) else { return nil }
        var d = first
        while d <= last {
            if d.month == 12, d.day == 25 {
                return words.say("ui.plan.calendar_note")
            }
            d = d.adding(days: 1)
        }
        return nil
    }
}
