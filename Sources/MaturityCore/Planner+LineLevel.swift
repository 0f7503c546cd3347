/// Rule 9: line-level work as a capital project, or a focused portfolio of them at Stage 4.
extension Situation {
    func buildLineLevel(portfolio: Bool) -> Built {
        let line = lineUseCase
        let select = p.moveWeeks.selectLineLevel * 7
        var m: NextMove
        var steps: [PlanStep]
        if portfolio {
            m = blankMove(.lineLevelPortfolio, "Fund a focused portfolio of \(p.linePortfolioMin) to \(p.linePortfolioMax) line-level use cases as capital projects",
                          "The office base is proven. Choose \(Words.number(p.linePortfolioMin)) to \(Words.number(p.linePortfolioMax)) line or product use cases, fund them as CapEx, and take each through the same gate and go/no-go."
                              + (line.map { " Start with \($0.name)." } ?? " List line-level processes in the inventory to rank them.")
                              + (q.governance.filter { $0.fromStage <= 3 && $0.inPlace(a.answers) != true }.isEmpty ? ""
                                  : " Put the missing governance in place first: " + Format.list(q.governance.filter { $0.fromStage <= 3 && $0.inPlace(a.answers) != true }.map { Words.inSentence($0.habit) }) + "."),
                          owner: line?.owner ?? Planner.nameAnOwner)
            steps = [step("select_portfolio", "Select the portfolio: choose and fund \(p.linePortfolioMin) to \(p.linePortfolioMax) line-level use cases", from: 0, days: select,
                          gate: "Each chosen use case has a capital case (one-time cost, payback in months, value from downtime, scrap or throughput) and returns at least \(Format.multiple(p.roiMinimum)) its run cost; CapEx approved; an owner for each",
                          owner: Planner.nameAnOwner)]
        } else {
            m = blankMove(.firstLineLevel, line.map { "Fund \($0.name) as your first line-level use case, as a capital project" }
                            ?? "Choose your first line-level use case and fund it as a capital project",
                          "The portfolio is governed and the office agents have built the team's competence. The first line-level use case is capital work: fund it as CapEx and hold it to the same gate, with more at stake."
                              + (line == nil ? " No line-level process is listed yet: add them to the inventory to rank them." : ""),
                          owner: line?.owner ?? Planner.nameAnOwner)
            steps = [step("select_line_level", "Fund it: a capital case for the first line-level use case", from: 0, days: select,
                          gate: "A capital case: one-time cost, payback in months, value from downtime, scrap or throughput, and at least \(Format.multiple(p.roiMinimum)) its run cost; CapEx approved; an operations owner named",
                          owner: line?.owner ?? Planner.nameAnOwner)]
        }
        m = withUseCase(m, line)
        if let line {
            let cost = buildPlan(line).cost
            m.oneTimeCost = cost
            m.paybackMonths = cost.paybackMonths(annualNet: line.annualValue - line.annualRunCost)
            m.strictGate = line.strictGate
            let basis = line.valueBasis == .downtimeAndScrap ? "the downtime and scrap it avoids" : "the staff hours it frees (add its downtime and scrap figures to value it properly)"
            m.detail += " It costs \(money(cost.low)) to \(money(cost.high)) once and returns \(money(line.annualValue)) a year from \(basis)"
                + (m.paybackMonths.map { ", paying back in about \(Format.number($0.rounded())) months." } ?? ", which does not pay the capital back: rework the case before funding it.")
            if line.strictGate {
                m.detail += " An error here ships bad product or stops the line: its auto gate is \(Format.percent(p.lineLevel.strictAutoRate)), a person approves every high-severity action, and it gets its own connection, never an office agent's."
            }
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
                step("list_line_level", "List the line: downtime hours and their cost, scrap, and the people who would own each candidate", from: 0, days: 21,
                     gate: "At least five line-level candidates, each with downtime hours a year, cost per downtime hour and scrap cost a year", owner: "operations lead"),
                step("capital_case", "Capital case for the best candidate: one-time cost, payback, the stricter gate where errors ship bad product", from: 21, days: 35,
                     gate: "One-time cost and payback in months from downtime and scrap avoided; the integrator's quote; an operations owner named", owner: "operations lead"),
                step("fund_line_level", "Fund it: CapEx approval and the integrator chosen", from: 56, days: max(7, p.planDays - 56),
                     gate: "CapEx approved; the integrator contracted; the build can start next quarter", owner: "executive sponsor"),
            ]
            built.move.weeks = weeks(p.planDays)
        }
        return built
    }
}
