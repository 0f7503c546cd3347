import Foundation
import MaturityCore

extension ReportContext {
    /// Builds the view model from an evaluation. `json` is the report's JSON, embedded as data.
    public init(_ e: Evaluation, brand: Brand = .standard, json: String, generator: String = "maturity") {
        let a = e.assessment, q = e.questionnaire, pl = e.placement, plan = e.plan
        let currency = a.organization.currency
        let money = { (v: Double) in Format.money(v, currency: currency) }
        self.currency = currency
        self.generator = generator
        title = "AI maturity: \(a.organization.name)"
        company = a.organization.name
        industry = a.organization.industry
        assessedOn = a.assessedOn.iso
        assessedOnLong = Self.longDate(a.assessedOn)
        respondents = a.respondents.map { Respondent(name: $0.name, role: $0.role) }
        hasRespondents = !respondents.isEmpty
        self.brand = brand

        let current = q.stage(pl.stage)
        let notYet = (current?.notYet ?? []).map { NotYetRow(what: $0.what, why: $0.why) }
        stage = StageView(level: pl.stage, name: q.stageName(pl.stage), summary: e.stageSummary,
                          looksLike: current?.looksLike ?? "", trap: current?.trap ?? "", move: current?.move ?? "",
                          notYet: notYet, hasNotYet: !notYet.isEmpty)
        ladder = (0...4).map { level in
            let height = 44 + level * 26
            let x = 8 + level * 150
            return LadderStep(level: level, name: q.stageName(level), x: x, y: 170 - height, width: 142, height: height,
                              textX: x + 71, textY: 170 - height + 24, current: level == pl.stage, reached: level <= pl.stage,
                              cssClass: level == pl.stage ? "step current" : (level < pl.stage ? "step reached" : "step ahead"))
        }

        let m = plan.nextMove
        nextMove = MoveView(title: m.title, detail: m.detail, useCase: m.useCase, owner: m.owner,
                            value: m.annualValue.map(money), runCost: m.annualRunCost.map(money),
                            roi: m.roi.map(Format.ratio), costOfDelay: m.costOfDelayPerQuarter.map(money),
                            alongside: m.alongside, hasAlongside: !m.alongside.isEmpty,
                            valueLabel: m.agent != nil && [.ownOrRetireAgent, .closeGateGaps, .fixOrStopAgent].contains(m.kind) ? "At stake" : "Worth",
                            then: m.then, alternative: m.alternative,
                            fitsNote: m.fitsIn90Days ? nil : "This cannot finish within \(q.parameters.planDays) days at its volume: it takes about \(Words.count(m.weeks, "week")) to reach production-owned."
                                + (m.alternative.map { " \($0) fits inside the window instead." } ?? ""),
                            goNoGoOn: plan.goNoGoOn.map { Self.longDate($0) })

        let eligible = e.useCases.filter(\.eligible)
        let inProduction = a.agents.filter { $0.status == .production }
        let reported = a.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +)
        var figures = [Figure(label: "Stage", value: "\(pl.stage) · \(q.stageName(pl.stage))", note: nil)]
        if let v = m.annualValue {
            let atStake = nextMove.valueLabel == "At stake"
            figures.append(Figure(label: atStake ? "At stake, per year" : "Next move, per year", value: money(v), note: m.roi.map { "\(Format.ratio($0)) its run cost" }))
        }
        if let d = m.costOfDelayPerQuarter { figures.append(Figure(label: "Cost of a quarter's delay", value: money(d), note: "net of run cost")) }
        figures.append(Figure(label: "Open use cases", value: "\(eligible.count) of \(e.useCases.count)",
                              note: eligible.isEmpty ? nil : money(eligible.reduce(0) { $0 + $1.annualValue }) + " a year"))
        figures.append(Figure(label: "Agents in production", value: "\(inProduction.count)",
                              note: "\(pl.gatedAgents.count) through the gate" + (reported > 0 ? ", \(money(reported)) reported" : "")))
        headline = Array(figures.prefix(5))

        evidence = pl.evidence.map {
            EvidenceRow(stage: $0.stage, stageName: q.stageName($0.stage), rule: $0.rule, result: $0.passed ? "Yes" : "No",
                        passed: $0.passed, basis: $0.basis)
        }
        flags = e.allFlags.map { FlagRow(id: $0.id, title: $0.title, detail: $0.detail) }
        hasFlags = !flags.isEmpty
        let answerRows = q.questions.map { question -> AnswerRow in
            let answer = a.answers[question.id]
            let shown: String
            if let answer, case .choice(let c) = answer {
                shown = question.choices.first { $0.value == c }.map { "\($0.label) (\(c))" } ?? c
            } else {
                shown = answer?.display ?? "unknown (counted as no)"
            }
            return AnswerRow(id: question.id, short: question.short ?? question.prompt, section: question.section ?? "", prompt: question.prompt, answer: shown,
                             unknown: answer == nil)
        }
        answers = answerRows
        unknownAnswers = answerRows.filter(\.unknown)
        hasUnknownAnswers = !unknownAnswers.isEmpty
        moveUp = pl.moveUp.map { MoveUpView(toStage: $0.toStage, toStageName: q.stageName($0.toStage), facts: $0.facts) }

        // A long inventory shows its best 50 in the table and chart; the JSON keeps every one.
        let shown = e.useCases.prefix(Self.useCaseRows)
        moreUseCases = e.useCases.count > shown.count
            ? "and \(Format.grouped(Double(e.useCases.count - shown.count))) more, ranked below these; the JSON report (--format json) lists every one" : nil
        useCases = shown.map { u in
            var status = u.quadrant.label
            if u.locked { status = "Locked until Stage 3: \(u.side.rawValue == "line" ? "line-level" : "product") work" }
            else if u.alreadyAutomated { status = "Automated by \(u.agent ?? "an agent")" }
            else if u.flags.contains(FlagID.roiBelow3x.rawValue) { status = "Under the \(Format.multiple(e.questionnaire.parameters.roiMinimum)) return bar" }
            else if let agent = u.agent, let s = u.agentStatus { status += "; \(agent) is at \(s.rawValue.replacingOccurrences(of: "_", with: " "))" }
            return UseCaseRow(rank: u.rank, name: u.name, department: u.department ?? "", side: u.side.rawValue,
                              value: money(u.annualValue), fte: Format.number(u.fteFreed, maxDecimals: 2),
                              runCost: money(u.annualRunCost), roi: Format.ratio(u.roi), feasibility: u.feasibility,
                              quadrant: u.quadrant.label, status: status, locked: u.locked,
                              belowBar: u.flags.contains(FlagID.roiBelow3x.rawValue))
        }
        hasUseCases = !useCases.isEmpty
        chart = Self.scatter(e, money: money)
        self.plan = Self.planView(e, money: money)
        gateBars = q.gateBars.map(\.label)
        agents = a.agents.map { agent in
            let missing = Placement.missingBars(agent, questionnaire: q)
            let bars = q.gateBars.map { bar -> BarCell in
                let cleared = !missing.contains(bar.id)
                // Before production an unanswered bar is not failed, just not reached yet.
                if !cleared, agent.status != .production, agent.gate[bar.id] == nil {
                    return BarCell(label: bar.label, cleared: false, mark: "not yet", cssClass: "pending")
                }
                return BarCell(label: bar.label, cleared: cleared, mark: cleared ? "✓ yes" : "✗ no", cssClass: cleared ? "yes" : "no")
            }
            let econ = e.economics.first { $0.agent == agent.name }
            let estimated = econ.flatMap { x in x.estimatedValue.map { money($0) + (x.estimatedROI.map { " (\(Format.ratio($0)))" } ?? "") } } ?? "-"
            let realised = econ.flatMap { x in x.realisedValue.map { money($0) + (x.realisedROI.map { " (\(Format.ratio($0)))" } ?? "") } }
                ?? (agent.annualDollarValue.map { money($0) + " reported" } ?? "-")
            let runCost = econ?.annualRunCost.map(money) ?? "-"
            let clears = pl.gatedAgents.contains(agent.name)
            var verdict: String
            if clears { verdict = "Through the gate" }
            else if agent.status == .production { verdict = "In production with gaps" }
            else { verdict = "Not yet in production" }
            if let m = agent.measured {
                let stated = e.claims.first { $0.agent == agent.name }.map { "; stated \(Words.rung($0.stated, q))" } ?? ""
                verdict += ". Measured from \(m.log): \(m.rung.replacingOccurrences(of: "_", with: " ")), \(m.verdict.replacingOccurrences(of: "_", with: " ")) on \(Format.grouped(Double(m.cases))) cases, \(m.from.iso) to \(m.to.iso)\(stated)"
            }
            return AgentRow(name: agent.name, status: agent.status.rawValue.replacingOccurrences(of: "_", with: " "),
                            owner: agent.namedOwner ?? "no named owner", side: agent.side.rawValue, bars: bars,
                            verdict: verdict, clears: clears, estimated: estimated, realised: realised, runCost: runCost,
                            sparkBars: Self.spark(agent.measured, gate: q.parameters.rung(.autoWithExceptions)?.minRate ?? 0.95),
                            hasSpark: !(agent.measured?.weekly.isEmpty ?? true),
                            sparkText: agent.measured.map { m in m.weekly.isEmpty ? "" : "Weekly accuracy from the log" + (m.firstWeek.map { " from \($0)" } ?? "") + ": " + m.weekly.map { Format.percent($0) }.joined(separator: ", ") } ?? "",
                            sparkGateY: 40 - (((q.parameters.rung(.autoWithExceptions)?.minRate ?? 0.95) - 0.6) / 0.4 * 40).roundedInt())
        }
        hasAgents = !agents.isEmpty
        governance = q.governance.filter { $0.fromStage <= max(pl.stage, 1) }.map { habit in
            let answer = habit.answer.flatMap { a.answers[$0] }
            let running = habit.inPlace(a.answers)
            let inPlace = running.map { $0 ? "In place" : "Not yet" } ?? (answer == nil ? "Unknown" : "Not yet")
            return HabitRow(habit: habit.habit, cadence: habit.cadence, question: habit.question, inPlace: inPlace,
                            running: running ?? false)
        }
        hasGovernance = pl.stage >= 2 && !governance.isEmpty
        questionnaire = QuestionnaireView(id: q.id, title: q.title, version: q.version, revision: q.revision ?? "")
        sources = q.sources.map { SourceRow(fact: $0.fact, source: $0.source) }
        let p = q.parameters
        method = [
            "Placement is gated: each stage needs every rule of the stages below it, the lowest failing rule decides, and an unknown answer counts as no.",
            "Annual value = hours a week × \(Format.number(p.weeksPerYear)) weeks × loaded hourly rate × \(Format.percent(p.automatableShare)) (the routine share an agent takes; judgement stays with people).",
            "Run cost = model/API (\(money(p.modelAPIMonthly.min))–\(money(p.modelAPIMonthly.max)) a month by volume) + monitoring (\(money(p.monitoringMonthly.min))–\(money(p.monitoringMonthly.max)) a month) + exception handling (\(Format.number(p.exceptionFTE.lowerBound))–\(Format.number(p.exceptionFTE.upperBound)) FTE) + maintenance hours.",
            "A use case must return at least \(Format.multiple(p.roiMinimum)) its run cost to be the next move.",
            "Feasibility adds points for data in a system of record, a write-back path, structured input, few exceptions, no high-severity failure mode, a willing owner and office-side work.",
            "The plan climbs the trust ladder; the shadow rung needs \(p.shadowGate.minCases) real cases, so below \(Format.number(p.shadowGate.lowVolumePerWeek)) cases a week it is stretched.",
        ]
        jsonForScript = Self.scriptSafe(json)
    }

    /// JSON with `<`, `>` and `&` written as \\u escapes: still the same JSON, but it can never
    /// close the script element it sits in.
    static func scriptSafe(_ json: String) -> String {
        // Bytes, not scalars: a long inventory's JSON is megabytes. <, > and & are ASCII, so
        // they never occur inside a multi-byte character.
        let utf8 = json.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 64)
        for b in utf8 {
            switch b {
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func longDate(_ d: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// Use cases shown in the table and the chart.
    static let useCaseRows = 50

    static func scatter(_ e: Evaluation, money: (Double) -> String) -> ScatterChart {
        let p = e.questionnaire.parameters
        let maxValue = Self.niceCeiling(max(e.useCases.map(\.annualValue).max() ?? 0, p.quadrantHighValue * 1.2))
        // Room for the widest axis label ("CA$100,000"): about 7 px a character at 12 px type.
        let widest = (0...4).map { money(maxValue * Double($0) / 4).count }.max() ?? 8
        let left = max(78, 14 + widest * 7)
        let width = left + 562, height = 380, right = left + 542, top = 20, bottom = 330
        func px(_ feasibility: Int) -> Int { left + (Double(feasibility) / 100 * Double(right - left)).roundedInt() }
        func py(_ value: Double) -> Int { bottom - (value / maxValue * Double(bottom - top)).roundedInt() }
        let points = e.useCases.prefix(useCaseRows).map { u -> Point in
            let y = py(u.annualValue)
            let cls = u.locked ? "point locked" : (u.eligible ? "point open" : "point closed")
            return Point(x: px(u.feasibility), y: y, rank: u.rank, name: u.name, cssClass: cls,
                         labelClass: u.locked ? "point-label dark" : "point-label", labelY: y + 4)
        }
        let yTicks = (0...4).map { i -> Tick in
            let v = maxValue * Double(i) / 4
            return Tick(at: py(v), label: money(v))
        }
        let xTicks = stride(from: 0, through: 100, by: 20).map { Tick(at: px($0), label: "\($0)") }
        let description = e.useCases.isEmpty ? "No processes listed yet."
            : e.useCases.prefix(useCaseRows).map { "\($0.rank). \($0.name): \(money($0.annualValue)) a year, feasibility \($0.feasibility)" }.joined(separator: "; ")
        // Mermaid splits its quadrants at 0.5, so map each threshold to the middle of its axis.
        func split(_ v: Double, threshold: Double, max top: Double) -> String {
            let t = min(max(threshold, 0.0001), top * 0.9999)
            let share = v < t ? 0.5 * v / t : 0.5 + 0.5 * min(1, (v - t) / (top - t))
            return Format.number(min(0.98, max(0.02, share)), maxDecimals: 2)
        }
        let mermaid = e.useCases.prefix(12).map { u in
            MermaidPoint(label: u.name,
                         x: split(Double(u.feasibility), threshold: p.quadrantHighFeasibility, max: 100),
                         y: split(u.annualValue, threshold: p.quadrantHighValue, max: maxValue))
        }
        return ScatterChart(width: width, height: height, left: left, right: right, top: top, bottom: bottom,
                            thresholdX: px(p.quadrantHighFeasibility.roundedInt()),
                            thresholdY: p.quadrantHighValue < maxValue ? py(p.quadrantHighValue) : nil,
                            xTicks: xTicks, yTicks: yTicks, points: points, description: description,
                            mermaidPoints: mermaid,
                            mermaidXThreshold: Format.number(p.quadrantHighFeasibility, maxDecimals: 0),
                            mermaidYThreshold: money(p.quadrantHighValue))
    }

    static func planView(_ e: Evaluation, money: (Double) -> String) -> PlanView {
        let plan = e.plan, p = e.questionnaire.parameters
        let days = max(1, plan.start.days(until: plan.end) + 1)
        // The label column fits the longest step name ("7. Customer PO entry · Production-owned").
        let longest = plan.steps.enumerated().map { "\($0.offset + 1). \($0.element.label)".count }.max() ?? 0
        let labelWidth = max(230, longest * 7), barLeft = labelWidth + 10, barRight = barLeft + 520
        let scale = Double(barRight - barLeft) / Double(days)
        let steps = plan.steps.enumerated().map { i, s -> StepRow in
            let offset = plan.start.days(until: s.start)
            let length = s.start.days(until: s.end) + 1
            let short = s.label
            return StepRow(index: i + 1, title: s.title, shortTitle: short, start: s.start.iso, end: s.end.iso, gate: s.gate,
                           owner: s.owner, barX: barLeft + (Double(offset) * scale).roundedInt(),
                           barWidth: max(4, (Double(length) * scale).roundedInt()), y: 34 + i * 34, textY: 34 + i * 34 + 17,
                           mermaidTitle: "\(i + 1) " + Self.mermaidSafe(short), mermaidDays: length, mermaidID: "s\(i + 1)")
        }
        var months: [Tick] = []
        var cursor = plan.start.adding(days: 1 - plan.start.day)
        while cursor <= plan.end {
            if cursor >= plan.start {
                let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                months.append(Tick(at: barLeft + (Double(plan.start.days(until: cursor)) * scale).roundedInt(),
                                   label: "\(names[cursor.month - 1]) \(cursor.year)"))
            }
            cursor = cursor.adding(days: Day.daysIn(month: cursor.month, year: cursor.year))
        }
        let slo = [
            Figure(label: "Auto-approve accuracy", value: "at least \(Format.percent(p.slo.autoApproveAccuracy))", note: nil),
            Figure(label: "Page the owner", value: "below \(Format.percent(p.slo.pageOwnerBelow)) over any rolling \(p.slo.rollingWindowTransactions) transactions", note: nil),
            Figure(label: "High-severity errors", value: p.slo.highSeverityErrorsAllowed == 0 ? "zero; they always escalate" : "at most \(p.slo.highSeverityErrorsAllowed)", note: nil),
            Figure(label: "Exception queue", value: "cleared within \(Format.number(p.slo.exceptionQueueBusinessHours)) business hours", note: nil),
        ]
        let budget = plan.budget.map { BudgetRow(label: $0.label, monthly: money($0.annual / 12), annual: money($0.annual), basis: $0.basis) }
        let total = plan.budget.reduce(0) { $0 + $1.annual }
        let stretched = plan.flags.contains(FlagID.lowVolumeForShadow.rawValue)
        return PlanView(
            start: plan.start.iso, end: plan.end.iso, days: days, steps: steps, hasSteps: !steps.isEmpty,
            stretched: stretched,
            shadowNote: stretched ? "The shadow rung lasts \(plan.shadowWeeks ?? 0) weeks so that it sees \(p.shadowGate.minCases) real cases; the plan runs \(days) days, not \(p.planDays)." : nil,
            timelineWidth: barRight + 70, timelineHeight: 44 + steps.count * 34, labelWidth: labelWidth, months: months,
            slo: slo, budget: budget, hasBudget: !budget.isEmpty, budgetMonthly: money(total / 12), budgetAnnual: money(total),
            goNoGo: plan.goNoGo.map(\.question),
            description: steps.map { "\($0.shortTitle) from \($0.start) to \($0.end)" }.joined(separator: "; "),
            goNoGoOn: plan.goNoGoOn?.iso,
            gatesAndSLO: "The rung gates ask for at least \(Format.percent(p.rung(.approveEach)?.minRate ?? p.slo.autoApproveAccuracy)) before the agent moves up; the SLO is the floor it must hold once live: at least \(Format.percent(p.slo.autoApproveAccuracy)) accuracy, with the owner paged below \(Format.percent(p.slo.pageOwnerBelow)) over any rolling \(p.slo.rollingWindowTransactions) transactions.",
            currencyNote: e.currencyNote,
            goNoGoCount: Words.number(plan.goNoGo.count))
    }

    /// Bars of a measured agent's weekly accuracy on a 60–100% scale, 40 px high.
    static func spark(_ m: MeasuredRung?, gate: Double) -> [SparkBar] {
        guard let m else { return [] }
        return m.weekly.enumerated().map { i, v in
            let h = max(1, ((max(0.6, min(1, v)) - 0.6) / 0.4 * 40).roundedInt())
            return SparkBar(x: i * 12, y: 40 - h, height: h, label: Format.percent(v), cssClass: v >= gate ? "spark ok" : "spark low")
        }
    }

    /// Rounds up to 1, 2 or 5 times a power of ten, for chart axes.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// Text safe inside a Mermaid block: no characters its grammar treats as syntax.
    static func mermaidSafe(_ text: String) -> String {
        let cleaned = text.map { c -> Character in
            ":;#\"'`[]{}()<>,\\|%\n\r\t".contains(c) ? " " : c
        }
        return String(cleaned).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
