import Foundation
import MaturityCore

extension ReportView {
    /// Formats and lays out a report model. `json` is the model's encoding, embedded as data.
    public init(_ m: ReportModel, words: PhraseBook, brand: Brand = .standard, json: String, generator: String = "maturity") {
        let currency = m.organization.currency, p = m.parameters
        let money = { (v: Int) in Format.money(Double(v), currency: currency) }
        let stageName = { (level: Int) in m.stages.first { $0.level == level }?.name ?? "Stage \(level)" }
        let text = { (s: String) in Phrase.Arg.text(s) }
        self.currency = currency
        self.generator = generator
        lang = words.language
        w = words.fixedWords
        title = words.say("ui.report.title", ["company": text(m.organization.name)])
        heading = words.around("ui.report.heading", "company")
        company = m.organization.name
        industry = m.organization.industry
        assessedOn = m.assessedOn
        assessedOnLong = words.longDate(iso: m.assessedOn)
        assessedLine = words.say("ui.report.assessed", ["date": text(assessedOnLong)])
        assessedShort = words.say("ui.report.assessed_short", ["date": text(m.assessedOn)])
        respondents = m.respondents.map { Respondent(name: $0.name, role: $0.role) }
        hasRespondents = !respondents.isEmpty
        answeredBy = words.say("ui.report.answered_by", ["names": text(respondents.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: ", "))])
        self.brand = brand
        preparedBy = brand.firmName.map { words.say("ui.report.prepared_by", ["firm": text($0)]) }
        questionnaireLine = words.say("ui.report.questionnaire", ["id": text(m.questionnaire.id), "version": text(String(m.questionnaire.version))])
        madeBy = words.say("ui.report.made_by", ["generator": text(generator)])
        madeByFor = brand.firmName.map { words.say("ui.report.made_by_for", ["generator": text(generator), "firm": text($0)]) } ?? madeBy
        ladderDescription = words.say("ui.ladder.chart_desc", ["company": text(m.organization.name), "level": text(String(m.stage)), "name": text(m.stageName)])

        let notYet = m.notYet.map { NotYetRow(what: $0.what, why: $0.why) }
        let level = text(String(m.stage))
        stage = StageView(level: m.stage, name: m.stageName, summary: m.stageSummary, looksLike: m.stageLooksLike,
                          trap: m.trap, move: m.stageMove, notYet: notYet, hasNotYet: !notYet.isEmpty,
                          of: words.say("ui.stage.of", ["level": level]), whyHeading: words.say("ui.why.heading", ["level": level]),
                          notYetHeading: words.say("ui.ladder.not_yet", ["level": level]))
        ladder = Self.ladder(m, words: words)

        nextMove = Self.move(m, words: words, money: money)
        deliverable = DeliverableView(m, words: words, money: money)
        headline = Self.headline(m, move: nextMove, money: money)

        evidence = m.evidence.map {
            EvidenceRow(stage: $0.stage, stageName: stageName($0.stage), rule: $0.rule, result: words.say($0.passed ? "ui.mark.yes" : "ui.mark.no"),
                        passed: $0.passed, basis: $0.basis)
        }
        flags = m.flags.map { FlagRow(id: $0.id, title: $0.title, detail: $0.detail) }
        hasFlags = !flags.isEmpty
        answers = m.answers.map { AnswerRow($0, words: words) }
        unknownAnswers = answers.filter(\.unknown)
        hasUnknownAnswers = !unknownAnswers.isEmpty
        moveUp = m.moveUp.map {
            MoveUpView(toStage: $0.toStage, toStageName: $0.toStageName, facts: $0.facts,
                       heading: words.say("ui.why.move_up", ["level": text(String($0.toStage)), "name": text($0.toStageName)]))
        }

        // A long inventory shows its best rows in the table and chart; the JSON keeps every one.
        useCases = Self.useCaseRows(m, words: words, money: money)
        moreUseCases = m.useCases.count > useCases.count
            ? words.say("ui.use_cases.more", ["n": .int(m.useCases.count - useCases.count)]) : nil
        hasUseCases = !useCases.isEmpty
        chart = Self.scatter(m, money: money)
        self.plan = Self.planView(m, words: words, money: money)
        gateBars = m.agents.first?.gate.map(\.label) ?? []
        agents = m.agents.map { Self.agentRow($0, model: m, words: words, money: money) }
        hasAgents = !agents.isEmpty
        governance = m.governance.filter { $0.fromStage <= max(m.stage, 1) }.map { HabitRow($0, words: words) }
        hasGovernance = m.stage >= 2 && !governance.isEmpty
        questionnaire = QuestionnaireView(id: m.questionnaire.id, title: m.questionnaire.title, version: m.questionnaire.version,
                                          revision: m.questionnaire.revision ?? "",
                                          answersCaption: words.say("ui.appendix.answers_caption", ["id": text(m.questionnaire.id), "version": text(String(m.questionnaire.version))]))
        sources = m.sources.map { SourceRow(fact: $0.fact, source: $0.source) }
        method = Self.method(p, currency: currency)
        // The data block's keys and ids say "dollar" (annualDollarValue): escaped as JSON allows, so a
        // report kept in euros reads no "dollar" anywhere, while every JSON parser reads the same data.
        jsonForScript = Self.scriptSafe(json).replacingOccurrences(of: "ollar", with: "\\u006fllar")
        addChanges(m, words: words)
        addRoom(m)
    }

    /// The five stages as steps of a staircase, the company's own step marked.
    static func ladder(_ m: ReportModel, words: PhraseBook) -> [LadderStep] {
        m.stages.map { s in
            let level = s.level, height = 44 + level * 26, x = 8 + level * 150
            return LadderStep(level: level, label: words.say("ui.stage.n", ["level": .text(String(level))]), name: s.name, x: x, y: 170 - height, width: 142, height: height,
                              textX: x + 71, textY: 170 - height + 24, current: level == m.stage, reached: level <= m.stage,
                              cssClass: level == m.stage ? "step current" : (level < m.stage ? "step reached" : "step ahead"))
        }
    }

    /// The one next move, its figures formatted.
    static func move(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> MoveView {
        let move = m.nextMove
        let aboutLiveAgent = move.agent != nil && ["own_or_retire_agent", "close_gate_gaps", "fix_or_stop_agent"].contains(move.kind)
        var view = MoveView(title: move.title, detail: move.detail, useCase: move.useCase, owner: move.owner,
                        value: move.annualValue.map(money), runCost: move.annualRunCost.map(money),
                        roi: move.roi.map(Format.ratio), costOfDelay: move.costOfDelayPerQuarter.map(money),
                        alongside: move.alongside, hasAlongside: !move.alongside.isEmpty,
                        valueLabel: aboutLiveAgent ? "At stake" : "Worth",
                        then: move.then, alternative: move.alternative,
                        fitsNote: move.fitsIn90Days ? nil : "This cannot finish within \(m.parameters.planDays) days at its volume: it takes about \(Words.count(move.weeks, "week")) to reach production-owned."
                            + (move.alternative.map { " \($0) fits inside the window instead." } ?? ""),
                        goNoGoOn: m.goNoGoOn.flatMap(Day.init(iso:)).map(words.longDate),
                        oneTimeCost: move.oneTimeCostRange.map { "\(money($0.low)) to \(money($0.high))" },
                        payback: move.oneTimeCostRange == nil ? nil
                            : (move.paybackMonths.map { "about \(Format.number($0.rounded())) months" } ?? "never at these figures"))
        let said = { (key: String, name: String, value: String?) in value.map { words.say(key, [name: .text($0)]) } }
        view.heading = words.say("ui.glance.next_move", ["title": .text(view.title)])
        view.valueAYear = said("ui.money.a_year", "money", view.value)
        view.runCostLine = said("ui.glance.to_run", "money", view.runCost)
        view.toBuild = said("ui.glance.to_build", "money", view.oneTimeCost)
        view.paybackLine = said("ui.glance.from_go_live", "months", view.payback)
        view.costsOnceLine = view.oneTimeCost.map { words.say("ui.glance.costs_once_line", ["money": .text($0), "months": .text(view.payback ?? "")]) }
        view.goNoGoWhen = said("ui.glance.go_no_go_when", "date", view.goNoGoOn)
        view.delaySentence = said("ui.plan.delay_sentence", "money", view.costOfDelay)
        return view
    }

    /// At most five figures at a glance: the stage, the move's value and cost of delay, the open
    /// use cases and the agents in production.
    static func headline(_ m: ReportModel, move: MoveView, money: (Int) -> String) -> [Figure] {
        let eligible = m.useCases.filter(\.eligible)
        let inProduction = m.agents.filter { $0.status == AgentStatus.production.rawValue }
        let reported = m.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +)
        var figures = [Figure(label: "Stage", value: "\(m.stage) · \(m.stageName)", note: nil)]
        if let v = m.nextMove.annualValue {
            var note = m.nextMove.roi.map { "\(Format.ratio($0)) its run cost" }
            // A reported figure beside the model's estimate for the same work: say which the plan uses, and why they differ.
            if let agent = m.agents.first(where: { $0.name == m.nextMove.agent }), let estimate = agent.estimatedAnnualValue,
               let realised = agent.realisedAnnualValue, realised == v, estimate != realised {
                note = (note.map { $0 + "; " } ?? "") + "the figure the agent reports, which the plan uses (the model estimates \(money(estimate)))"
            }
            figures.append(Figure(label: move.valueLabel == "At stake" ? "At stake, per year" : "Next move, per year", value: money(v), note: note))
        }
        if let d = m.nextMove.costOfDelayPerQuarter { figures.append(Figure(label: "Cost of a quarter's delay", value: money(d), note: "net of run cost")) }
        figures.append(Figure(label: "Open use cases", value: "\(eligible.count) of \(m.useCases.count)",
                              note: eligible.isEmpty ? nil : money(eligible.reduce(0) { $0 + $1.annualValue }) + " a year"))
        figures.append(Figure(label: "Agents in production", value: "\(inProduction.count)",
                              note: "\(m.gatedAgents.count) through the gate" + (reported > 0 ? ", \(money(reported)) reported" : "")))
        return Array(figures.prefix(5))
    }

    /// The ranked table's rows, the best `useCasesShown` of them, each with its status in words.
    static func useCaseRows(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> [UseCaseRow] {
        let p = m.parameters
        return m.useCases.prefix(p.useCasesShown).map { u in
            let belowBar = u.flags.contains(FlagID.roiBelow3x.rawValue)
            var status = u.quadrantLabel
            if u.locked {
                status = m.stage >= m.parameters.lineLevelUnlocksAtStage ? "Locked until the governance habits are in place: \(u.side == "line" ? "line-level" : "product") work"
                                      : "Locked until Stage \(m.parameters.lineLevelUnlocksAtStage): \(u.side == "line" ? "line-level" : "product") work"
            }
            else if u.alreadyAutomated { status = "Automated by \(u.agent ?? "an agent")" }
            else if belowBar { status = "Under the \(Format.multiple(p.roiMinimum)) return bar" }
            else if let agent = u.agent, let s = u.agentStatus { status += "; \(agent) is at \(s.replacingOccurrences(of: "_", with: " "))" }
            // Unknown volume is priced at the top of the run-cost ranges: a figure a reader will question, explained where it stands.
            if u.volumePerWeek == nil { status += "; volume unknown, so its run cost is priced at the top of the range" }
            // What the file assumed rather than stated is said where the score is read.
            let assumed = u.factors.filter { $0.answer.hasSuffix("(assumed)") }.map { Words.inSentence($0.label) }
            if !assumed.isEmpty { status += "; assumed, not stated: " + Format.list(assumed) }
            let fte = Format.number(u.fteFreed, maxDecimals: 2)
            return UseCaseRow(rank: u.rank, name: u.name, department: u.department ?? "", side: u.side,
                              value: money(u.annualValue), fte: fte, fteText: words.say("ui.use_cases.fte", ["fte": .text(fte)]),
                              runCost: money(u.annualRunCost), roi: Format.ratio(u.roi), feasibility: u.feasibility,
                              quadrant: u.quadrantLabel, status: status, locked: u.locked, belowBar: belowBar)
        }
    }

    /// How the numbers are worked out, with the questionnaire's figures in the sentences.
    static func method(_ p: ReportModel.ParametersJSON, currency: String) -> [String] {
        let usd = { (v: Double) in Format.money(v, currency: currency) }
        return [
            "Placement is gated: each stage needs every rule of the stages below it, the lowest failing rule decides, and an unknown answer counts as no.",
            "Annual value = hours a week × \(Format.number(p.weeksPerYear)) weeks × loaded hourly rate × \(Format.percent(p.automatableShare)) (the routine share an agent takes; judgement stays with people).",
            "Run cost = model/API (\(usd(p.modelApiMonthly.min))–\(usd(p.modelApiMonthly.max)) a month by volume) + monitoring (\(usd(p.monitoringMonthly.min))–\(usd(p.monitoringMonthly.max)) a month) + exception handling (\(Format.number(p.exceptionFte.min))–\(Format.number(p.exceptionFte.max)) FTE) + maintenance hours.",
            "A use case must return at least \(Format.multiple(p.roiMinimum)) its run cost to be the next move.",
            "Feasibility adds points for data in a system of record, a write-back path, structured input, few exceptions, no high-severity failure mode, a willing owner and office-side work.",
            "The plan climbs the trust ladder; the shadow rung needs \(p.shadowMinCases) real cases, so below \(Format.number(p.shadowLowVolumePerWeek)) cases a week it is stretched.",
        ]
    }

    static func agentRow(_ agent: ReportModel.AgentJSON, model m: ReportModel, words: PhraseBook, money: (Int) -> String) -> AgentRow {
        let production = agent.status == AgentStatus.production.rawValue
        let bars = agent.gate.map { bar -> BarCell in
            // Before production an unanswered bar is not failed, just not reached yet.
            if !bar.cleared, !production, !bar.answered {
                return BarCell(label: bar.label, cleared: false, mark: words.say("ui.mark.not_yet"), cssClass: "pending")
            }
            return BarCell(label: bar.label, cleared: bar.cleared, mark: words.say(bar.cleared ? "ui.mark.bar_yes" : "ui.mark.bar_no"), cssClass: bar.cleared ? "yes" : "no")
        }
        let estimated = agent.estimatedAnnualValue.map { money($0) + (agent.estimatedRoi.map { " (\(Format.ratio($0)))" } ?? "") } ?? "-"
        let realised = agent.realisedAnnualValue.map { money($0) + (agent.realisedRoi.map { " (\(Format.ratio($0)))" } ?? "") }
            ?? (agent.annualDollarValue.map { money($0) + " reported" } ?? "-")
        var verdict = agent.clearsGate ? "Through the gate" : production ? "In production with gaps" : "Not yet in production"
        if let measured = agent.measured {
            let stated = agent.statedRung.map { "; stated \($0)" } ?? ""
            verdict += ". Measured from \(measured.log): \(measured.rung.replacingOccurrences(of: "_", with: " ")), \(measured.verdict.replacingOccurrences(of: "_", with: " ")) on \(Format.grouped(Double(measured.cases))) cases, \(measured.from) to \(measured.to)\(stated)"
        }
        let gate = m.parameters.autoWithExceptionsMinRate ?? 1  // always set from the questionnaire
        let weekly = agent.measured?.weekly ?? []
        return AgentRow(name: agent.name, status: agent.status.replacingOccurrences(of: "_", with: " "),
                        owner: agent.owner ?? "no named owner", side: agent.side, bars: bars,
                        verdict: verdict, clears: agent.clearsGate, estimated: estimated, realised: realised,
                        runCost: agent.annualRunCost.map(money) ?? "-",
                        sparkBars: Self.spark(weekly, gate: gate), hasSpark: !weekly.isEmpty,
                        sparkText: weekly.isEmpty ? "" : "Weekly accuracy from the log" + (agent.measured?.firstWeek.map { " from \($0)" } ?? "") + ": " + weekly.map { Format.percent($0) }.joined(separator: ", "),
                        sparkGateY: 40 - ((gate - 0.6) / 0.4 * 40).roundedInt())
    }

    /// JSON with `<`, `>` and `&` written as \\u escapes: still the same JSON, but it can never
    /// close the script element it sits in.
    /// Without the plant's calendar, a plan over the year's end says what it assumed.
    static func calendarNote(_ m: ReportModel, steps: [StepRow]) -> String? {
        guard !m.calendarGiven, let first = Day(iso: m.planStartsOn), let last = Day(iso: m.planEnd) else { return nil }
        var d = first
        while d <= last {
            if d.month == 12, d.day == 25 {
                return "These dates count Monday to Friday with no holidays, and the plan runs over 25 December and the new year. Give the plant's calendar (--calendar, with its holidays and shutdowns) and every step moves around them."
            }
            d = d.adding(days: 1)
        }
        return nil
    }

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

    static func scatter(_ m: ReportModel, money whole: (Int) -> String) -> ScatterChart {
        let p = m.parameters, rows = m.useCases.prefix(p.useCasesShown)
        let money = { (v: Double) in Format.money(v, currency: m.organization.currency) }
        let maxValue = Self.niceCeiling(max(Double(m.useCases.map(\.annualValue).max() ?? 0), p.quadrantHighValue * 1.2))
        // Room for the widest axis label ("CA$100,000"): about 7 px a character at 12 px type.
        let widest = (0...4).map { money(maxValue * Double($0) / 4).count }.max() ?? 8
        let left = max(78, 14 + widest * 7)
        let width = left + 562, height = 380, right = left + 542, top = 20, bottom = 330
        func px(_ feasibility: Int) -> Int { left + (Double(feasibility) / 100 * Double(right - left)).roundedInt() }
        func py(_ value: Double) -> Int { bottom - (value / maxValue * Double(bottom - top)).roundedInt() }
        let points = rows.map { u -> Point in
            let y = py(Double(u.annualValue))
            let cls = u.locked ? "point locked" : (u.eligible ? "point open" : "point closed")
            return Point(x: px(u.feasibility), y: y, rank: u.rank, name: u.name, cssClass: cls,
                         labelClass: u.locked ? "point-label dark" : "point-label", labelY: y + 4)
        }
        let yTicks = (0...4).map { i -> Tick in
            let v = maxValue * Double(i) / 4
            return Tick(at: py(v), label: money(v))
        }
        let xTicks = stride(from: 0, through: 100, by: 20).map { Tick(at: px($0), label: "\($0)") }
        let description = rows.isEmpty ? "No processes listed yet."
            : rows.map { "\($0.rank). \($0.name): \(whole($0.annualValue)) a year, feasibility \($0.feasibility)" }.joined(separator: "; ")
        // Mermaid splits its quadrants at 0.5, so map each threshold to the middle of its axis.
        func split(_ v: Double, threshold: Double, max top: Double) -> String {
            let t = min(max(threshold, 0.0001), top * 0.9999)
            let share = v < t ? 0.5 * v / t : 0.5 + 0.5 * min(1, (v - t) / (top - t))
            return Format.number(min(0.98, max(0.02, share)), maxDecimals: 2)
        }
        let mermaid = m.useCases.prefix(12).map { u in
            MermaidPoint(label: u.name,
                         x: split(Double(u.feasibility), threshold: p.quadrantHighFeasibility, max: 100),
                         y: split(Double(u.annualValue), threshold: p.quadrantHighValue, max: maxValue))
        }
        return ScatterChart(width: width, height: height, left: left, right: right, top: top, bottom: bottom,
                            thresholdX: px(p.quadrantHighFeasibility.roundedInt()),
                            thresholdY: p.quadrantHighValue < maxValue ? py(p.quadrantHighValue) : nil,
                            xTicks: xTicks, yTicks: yTicks, points: points, description: description,
                            mermaidPoints: mermaid,
                            mermaidYThreshold: money(p.quadrantHighValue))
    }

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
            let closed = s.closedDays.isEmpty ? ""
                : " The plant is closed \(Words.count(s.closedDays.count, "working day")) inside this step (\(s.closedDays.first ?? "") to \(s.closedDays.last ?? "")), so it ends that much later."
            let dates = ["start": Phrase.Arg.text(s.start), "end": .text(s.end)]
            return StepRow(index: i + 1, title: s.title, shortTitle: short, start: s.start, end: s.end,
                           span: words.say("ui.plan.span", dates), spanLines: words.say("ui.plan.span_lines", dates.merging(["br": .text("<br>")]) { a, _ in a }),
                           gate: s.gate + closed,
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
        let sloRows = [
            Figure(label: "Auto-approve accuracy", value: "at least \(Format.percent(slo.autoApproveAccuracy))", note: nil),
            Figure(label: "Page the owner", value: "below \(Format.percent(slo.pageOwnerBelow)) over any rolling \(slo.rollingWindowTransactions) transactions", note: nil),
            Figure(label: "High-severity errors", value: slo.highSeverityErrorsAllowed == 0 ? "zero; they always escalate" : "at most \(slo.highSeverityErrorsAllowed)", note: nil),
            Figure(label: "Exception queue", value: "cleared within \(Format.number(slo.exceptionQueueBusinessHours)) business hours", note: nil),
        ]
        let monthly = { (annual: Int) in Format.money(Double(annual) / 12, currency: m.organization.currency) }
        let budget = m.budget.map { BudgetRow(label: $0.label, monthly: monthly($0.annual), annual: money($0.annual), basis: $0.basis) }
        let total = m.budget.reduce(0) { $0 + $1.annual }
        let goNoGoDate = m.goNoGoOn
        return PlanView(
            heading: words.say("ui.plan.heading", ["start": .text(m.planStartsOn), "end": .text(m.planEnd)]),
            goNoGoHeading: goNoGoDate.map { words.say("ui.plan.go_no_go_on", ["date": .text($0)]) } ?? words.say("ui.plan.go_no_go_heading"),
            goNoGoLead: words.say("ui.plan.go_no_go_lead", ["count": .words(m.goNoGo.count)]),
            start: m.planStartsOn, end: m.planEnd, days: days, steps: steps, hasSteps: !steps.isEmpty,
            stretched: m.shadowStretched,
            shadowNote: m.shadowStretched ? "The shadow rung lasts \(m.shadowWeeks ?? 0) weeks so that it sees \(p.shadowMinCases) real cases"
                + (days > p.planDays ? "; the plan runs \(days) days, not \(p.planDays)." : ".") : nil,
            calendarNote: Self.calendarNote(m, steps: steps),
            timelineWidth: barRight + 70, timelineHeight: 44 + steps.count * 34, labelWidth: labelWidth, months: months,
            slo: sloRows, budget: budget, hasBudget: !budget.isEmpty, budgetMonthly: monthly(total), budgetAnnual: money(total),
            goNoGo: m.goNoGo,
            description: steps.map { "\($0.shortTitle) from \($0.start) to \($0.end)" }.joined(separator: "; "),
            goNoGoOn: m.goNoGoOn,
            gatesAndSLO: "Each rung's gate (in the steps above) must be met before the agent moves up, up to at least \(Format.percent(max(p.approveEachMinRate ?? 0, p.autoWithExceptionsMinRate ?? 0))) in approve-each and auto; the SLO is the floor it must hold once live: at least \(Format.percent(slo.autoApproveAccuracy)) accuracy, with the owner paged below \(Format.percent(slo.pageOwnerBelow)) over any rolling \(slo.rollingWindowTransactions) transactions.",
            currencyNote: m.currencyNote,
            goNoGoCount: words.words(m.goNoGo.count))
    }

    /// Bars of a measured agent's weekly accuracy on a 60–100% scale, 40 px high.
    static func spark(_ weekly: [Double], gate: Double) -> [SparkBar] {
        weekly.enumerated().map { i, v in
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

extension ReportView.AnswerRow {
    init(_ a: ReportModel.AnswerJSON, words: PhraseBook) {
        self.init(id: a.id, short: a.short, section: a.section ?? "", prompt: a.prompt,
                  answer: a.shown ?? words.say(a.applies ? "ui.answer.unknown" : "ui.answer.not_applicable"),
                  unknown: a.answer == nil && a.applies)
    }
}

extension ReportView.HabitRow {
    init(_ h: ReportModel.HabitJSON, words: PhraseBook) {
        self.init(habit: h.habit, cadence: h.cadence, question: h.question,
                  inPlace: words.say(h.inPlace.map { $0 ? "ui.habit.in_place" : "ui.habit.not_yet" } ?? "ui.habit.unknown"), running: h.inPlace ?? false)
    }
}
