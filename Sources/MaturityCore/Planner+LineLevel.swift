/// Rule 9: line-level work as a capital project, or a focused portfolio of them at Stage 4.
extension Situation {
    func buildLineLevel(portfolio: Bool) -> Built {
        let line = lineUseCase
        let select = p.moveWeeks.selectLineLevel * 7
        var m: NextMove
        var steps: [PlanStep]
        if portfolio {
            let missing = q.governance.filter { $0.fromStage <= 3 && $0.inPlace(a.answers) != true }
            var detail = [Phrase("move.line_portfolio.detail", ["min": .words(p.linePortfolioMin), "max": .words(p.linePortfolioMax)]),
                          line.map { Phrase("move.line_portfolio.start_with", ["use_case": .text($0.name)]) } ?? Phrase("move.line_portfolio.list_them")]
            if !missing.isEmpty { detail.append(Phrase("move.line_portfolio.governance_first", ["habits": .list(missing.map { .label($0.habit) })])) }
            m = blankMove(.lineLevelPortfolio, Phrase("move.line_portfolio.title", ["min": .int(p.linePortfolioMin), "max": .int(p.linePortfolioMax)]),
                          detail, owner: Planner.owner(line?.owner))
            steps = [step("select_portfolio", Phrase("step.select_portfolio.title", ["min": .int(p.linePortfolioMin), "max": .int(p.linePortfolioMax)]),
                          from: 0, days: select, gate: Phrase("step.select_portfolio.gate", ["bar": .multiple(p.roiMinimum)]),
                          owner: Planner.nameAnOwner)]
        } else {
            m = blankMove(.firstLineLevel, line.map { Phrase("move.first_line.title", ["use_case": .text($0.name)]) } ?? Phrase("move.first_line.title_choose"),
                          [Phrase("move.first_line.detail")] + (line == nil ? [Phrase("move.first_line.none_listed")] : []),
                          owner: Planner.owner(line?.owner))
            steps = [step("select_line_level", Phrase("step.select_line_level.title"), from: 0, days: select,
                          gate: Phrase("step.select_line_level.gate", ["bar": .multiple(p.roiMinimum)]), owner: Planner.owner(line?.owner))]
        }
        m = withUseCase(m, line)
        if let line {
            let cost = buildPlan(line).cost
            m.oneTimeCost = cost
            m.paybackMonths = cost.paybackMonths(annualNet: line.annualValue - line.annualRunCost)
            m.strictGate = line.strictGate
            let basis = Phrase(line.valueBasis == .downtimeAndScrap ? "move.line.basis.downtime" : "move.line.basis.staff_hours")
            let args: [String: Phrase.Arg] = ["low": .money(cost.low), "high": .money(cost.high), "value": .money(line.annualValue), "basis": .phrase(basis)]
            if let months = m.paybackMonths {
                m.detail.append(Phrase("move.line.capital", args.merging(["months": .number(months.rounded())]) { $1 }))
            } else {
                m.detail.append(Phrase("move.line.capital_no_payback", args))
            }
            if line.strictGate { m.detail.append(Phrase("move.line.strict", ["rate": .percent(p.lineLevel.strictAutoRate)])) }
        }
        var built = Built(move: m, steps: steps)
        if let line {
            let (run, _) = freshLadder(line, startDay: after(steps[steps.count - 1]))
            built.steps += run.steps
            built.shadowWeeks = run.shadowWeeks
            built.goNoGoOn = run.goNoGoDay.map { start.adding(days: $0) }
            built.budget = line.runCost
            built.move.fitsIn90Days = run.fits
            built.move.weeks = weeks(run.productionStartDay)
            if run.stretched, (line.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { built.flags.append(FlagID.lowVolumeForShadow.rawValue) }
        } else {
            // Nothing on the line is listed yet: the quarter lists, costs and funds the first one.
            built.steps = [
                step("list_line_level", Phrase("step.list_line_level.title"), from: 0, days: 21,
                     gate: Phrase("step.list_line_level.gate"), owner: Phrase("owner.operations_lead_short")),
                step("capital_case", Phrase("step.capital_case.title"), from: 21, days: 35,
                     gate: Phrase("step.capital_case.gate"), owner: Phrase("owner.operations_lead_short")),
                step("fund_line_level", Phrase("step.fund_line_level.title"), from: 56, days: max(7, p.planDays - 56),
                     gate: Phrase("step.fund_line_level.gate"), owner: Phrase("owner.executive_sponsor")),
            ]
            built.move.weeks = weeks(p.planDays)
        }
        return built
    }
}
