/// Rule 6: the portfolio's missing governance habits as dated tracks.
extension Situation {
    /// Rule 6: the missing habits as parallel tracks with dates (owner in week 1, the first monthly
    /// value review, the first kill-or-scale at the quarter's end), the next agent's build beside them.
    func buildGovernance() -> Built {
        let habits = missingHabits
        let names = Phrase.Arg.list(habits.map { .label($0.habit) })
        let portfolioOwner = Phrase("owner.portfolio_owner")
        var m = blankMove(.installGovernance, Phrase("move.governance.title", ["habits": names]),
                          [Phrase("move.governance.detail", ["n": .int(habits.count), "habits": names])], owner: portfolioOwner)
        var steps: [PlanStep] = []
        let missing = Set(habits.map(\.id))
        let ownerDays = p.moveWeeks.nameOwnerDays
        if missing.contains("portfolio_owner") {
            steps.append(planStep("portfolio_owner", rung: "portfolio_owner", title: Phrase("step.governance_owner.title"),
                                  from: start, workdays: ownerDays,
                                  gate: Phrase("step.governance_owner.gate"), owner: Phrase("owner.executive_sponsor")))
        }
        if missing.contains("value_review") {
            // Three monthly reviews in the quarter: each track runs to its review day.
            var from = start
            for i in 1...3 {
                let reviewDay = schedule.firstWorkday(onOrAfter: start.adding(days: min(p.planDays - 1, 30 * i - 3)))
                let days = max(1, countWorkdays(from: schedule.firstWorkday(onOrAfter: from), to: reviewDay))
                steps.append(planStep("value_review_\(i)", rung: "value_review",
                                      title: i == 1 ? Phrase("step.value_review.first", ["day": .day(reviewDay)])
                                                    : Phrase("step.value_review.next", ["n": .int(i), "day": .day(reviewDay)]),
                                      from: from, workdays: days,
                                      gate: Phrase("step.value_review.gate"), owner: portfolioOwner))
                from = reviewDay.adding(days: 1)
            }
        }
        if missing.contains("kill_or_scale") {
            let decision = schedule.firstWorkday(onOrAfter: start.adding(days: max(0, p.planDays - 7)))
            let prepFrom = start.adding(days: 28)
            steps.append(planStep("kill_or_scale_prep", rung: "kill_or_scale", title: Phrase("step.kill_or_scale_prep.title"),
                                  from: prepFrom, workdays: max(1, countWorkdays(from: schedule.firstWorkday(onOrAfter: prepFrom), to: decision) - 1),
                                  gate: Phrase("step.kill_or_scale_prep.gate"), owner: portfolioOwner))
            steps.append(planStep("kill_or_scale", rung: "kill_or_scale", title: Phrase("step.kill_or_scale.title", ["day": .day(decision)]),
                                  from: decision, workdays: 1,
                                  gate: Phrase("step.kill_or_scale.gate"), owner: portfolioOwner))
        }
        if missing.contains("marginal_cost") {
            steps.append(step("marginal_cost", Phrase("step.governance_marginal_cost.title"), from: 0, days: p.planDays,
                              gate: Phrase("step.governance_marginal_cost.gate"), owner: portfolioOwner))
        }
        if missing.contains("gate_review") {
            steps.append(step("gate_review", Phrase("step.gate_review.title", ["count": .words(q.gateBars.count)]), from: 0, days: 14,
                              gate: Phrase("step.gate_review.gate"), owner: portfolioOwner))
        }
        for habit in habits where !["portfolio_owner", "value_review", "kill_or_scale", "marginal_cost", "gate_review"].contains(habit.id) {
            steps.append(step(habit.id, Phrase("step.habit.title", ["habit": .text(habit.habit), "cadence": .text(habit.cadence.lowercased()),
                                                                 "question": .text(habit.question)]), from: 0, days: p.planDays,
                              gate: Phrase("step.habit.gate", ["habit": .text(habit.habit)]), owner: portfolioOwner))
        }
        var built = Built(move: m, steps: steps)
        // The next agent's build runs beside the habits: governance is not a pause in shipping.
        if let next = nextOfficeUseCase {
            let (run, reuse) = freshLadder(next, startDay: 0, name: next.name, prefix: "next_")
            built.steps += run.steps
            m.then = next.name
            m.detail.append(Phrase(run.fits ? "move.governance.beside" : "move.governance.beside_long",
                                   ["next": .text(next.name),
                                    "reuse": .optional(reuse.map { Phrase("move.governance.on_connection", ["agent": .text($0.name)]) })]))
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
