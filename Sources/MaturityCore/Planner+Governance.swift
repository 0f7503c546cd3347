/// Rule 6: the portfolio's missing governance habits as dated tracks.
extension Situation {
    /// Rule 6: the missing habits as parallel tracks with dates (owner in week 1, the first monthly
    /// value review, the first kill-or-scale at the quarter's end), the next agent's build beside them.
    func buildGovernance() -> Built {
        let habits = missingHabits
        let names = Format.list(habits.map { Words.inSentence($0.habit) })
        var m = blankMove(.installGovernance, "Install the missing governance: \(names)",
                          "The portfolio is real, but \(habits.count == 1 ? "one habit that keeps it honest is" : "\(habits.count) habits that keep it honest are") missing: \(names). Without them agents that no longer earn their number keep running. Put in only these, each on its own date; the rest already run.",
                          owner: "portfolio owner")
        var steps: [PlanStep] = []
        let missing = Set(habits.map(\.id))
        let ownerDays = p.moveWeeks.nameOwnerDays
        if missing.contains("portfolio_owner") {
            steps.append(planStep("portfolio_owner", rung: "portfolio_owner", title: "Portfolio owner: one person named for the whole set of agents",
                                  from: start, workdays: ownerDays,
                                  gate: "One person named in week 1, with the budget and the authority to retire agents", owner: "executive sponsor"))
        }
        if missing.contains("value_review") {
            // Three monthly reviews in the quarter: each track runs to its review day.
            var from = start
            for i in 1...3 {
                let reviewDay = schedule.firstWorkday(onOrAfter: start.adding(days: min(p.planDays - 1, 30 * i - 3)))
                let days = max(1, countWorkdays(from: schedule.firstWorkday(onOrAfter: from), to: reviewDay))
                steps.append(planStep("value_review_\(i)", rung: "value_review",
                                      title: i == 1 ? "Value review: a one-page number per agent, and the first monthly review on \(reviewDay.iso)"
                                                    : "Value review: monthly review \(i) on \(reviewDay.iso)",
                                      from: from, workdays: days,
                                      gate: "Each agent's earnings set against its run cost and the plant's metrics, and written down",
                                      owner: "portfolio owner"))
                from = reviewDay.adding(days: 1)
            }
        }
        if missing.contains("kill_or_scale") {
            let decision = schedule.firstWorkday(onOrAfter: start.adding(days: max(0, p.planDays - 7)))
            let prepFrom = start.adding(days: 28)
            steps.append(planStep("kill_or_scale_prep", rung: "kill_or_scale", title: "Kill-or-scale: list each agent's number, run cost and trend",
                                  from: prepFrom, workdays: max(1, countWorkdays(from: schedule.firstWorkday(onOrAfter: prepFrom), to: decision) - 1),
                                  gate: "Every agent on one page with its realised return against the bar", owner: "portfolio owner"))
            steps.append(planStep("kill_or_scale", rung: "kill_or_scale", title: "Kill-or-scale: the first quarterly decision, on \(decision.iso)",
                                  from: decision, workdays: 1,
                                  gate: "Each agent marked grow, keep or retire, and the retirements carried out", owner: "portfolio owner"))
        }
        if missing.contains("marginal_cost") {
            steps.append(step("marginal_cost", "Marginal cost: record what the next agent costs and how many weeks it takes", from: 0, days: p.planDays,
                              gate: "Cost and weeks to ship recorded for each new agent, set against the last one", owner: "portfolio owner"))
        }
        if missing.contains("gate_review") {
            steps.append(step("gate_review", "Gate review: the \(Words.number(q.gateBars.count)) production bars as a checklist every new agent passes", from: 0, days: 14,
                              gate: "The checklist written and used on the next agent before it goes live", owner: "portfolio owner"))
        }
        for habit in habits where !["portfolio_owner", "value_review", "kill_or_scale", "marginal_cost", "gate_review"].contains(habit.id) {
            steps.append(step(habit.id, "\(habit.habit): \(habit.cadence.lowercased()), answering \"\(habit.question)\"", from: 0, days: p.planDays,
                              gate: "\(habit.habit) held for the first time, with its answer written down", owner: "portfolio owner"))
        }
        var built = Built(move: m, steps: steps)
        // The next agent's build runs beside the habits: governance is not a pause in shipping.
        if let next = nextOfficeUseCase {
            let (run, reuse) = freshLadder(next, startDay: 0, name: next.name, prefix: "next_")
            built.steps += run.steps
            m.then = next.name
            m.detail += " Beside them, \(next.name) starts its build" + (reuse.map { " on \($0.name)'s connection" } ?? "")
                + (run.fits ? " and reaches its go/no-go inside the quarter." : "; its ladder runs past the quarter at its volume.")
            built.shadowWeeks = run.shadowWeeks
            built.goNoGoOn = run.goNoGoDay.map { start.adding(days: $0) }
            built.budget = next.runCost
            if run.stretched, (next.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { built.flags.append(FlagID.lowVolumeForShadow.rawValue) }
        }
        built.move = m
        built.move.weeks = weeks(p.planDays)
        return built
    }
}
