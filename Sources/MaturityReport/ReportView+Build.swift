import Foundation
import MaturityCore

extension ReportView {
    /// Formats and lays out a report model. The HTML's data block (`jsonForScript`) is left empty:
    /// `Renderer` fills it with the model's encoding, made on the side thread.
    public init(_ m: ReportModel, words: PhraseBook, brand: Brand = .standard, generator: String = "maturity") {
        let currency = m.organization.currency, p = m.parameters
        let money = { (v: Int) in Format.money(Double(v), currency: currency) }
        let stageName = { (level: Int) in m.stages.first { $0.level == level }?.name ?? words.say("ui.stage.n", ["level": .text(String(level))]) }
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
        assessedShort = words.say("ui.report.assessed_short", ["date": text(words.tableDate(iso: m.assessedOn))])
        respondents = m.respondents.map { Respondent(name: $0.name, role: $0.role) }
        hasRespondents = !respondents.isEmpty
        answeredBy = words.say("ui.report.answered_by",
                               ["names": text(respondents.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: ", "))])
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
        headline = Self.headline(m, words: words, money: money)

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
        chart = Self.scatter(m, words: words, money: money)
        self.plan = Self.planView(m, words: words, money: money)
        gateBars = m.agents.first?.gate.map(\.label) ?? []
        agents = m.agents.map { Self.agentRow($0, model: m, words: words, money: money) }
        hasAgents = !agents.isEmpty
        governance = m.governance.filter { $0.fromStage <= max(m.stage, 1) }.map { HabitRow($0, words: words) }
        hasGovernance = m.stage >= 2 && !governance.isEmpty
        questionnaire = QuestionnaireView(id: m.questionnaire.id, title: m.questionnaire.title, version: m.questionnaire.version,
                                          revision: m.questionnaire.revision ?? "",
                                          answersCaption: words.say("ui.appendix.answers_caption",
                                                                    ["id": text(m.questionnaire.id), "version": text(String(m.questionnaire.version))]))
        sources = m.sources.map { SourceRow(fact: $0.fact, source: $0.source) }
        method = Self.method(p, words: words, currency: currency, usdRate: m.organization.usdRate ?? 1)
        jsonForScript = ""
        addChanges(m, words: words)
        addRoom(m, words: words)
    }

    /// The five stages as steps of a staircase, the company's own step marked.
    static func ladder(_ m: ReportModel, words: PhraseBook) -> [LadderStep] {
        m.stages.map { s in
            let level = s.level, height = 44 + level * 26, x = 8 + level * 150
            return LadderStep(level: level, label: words.say("ui.stage.n", ["level": .text(String(level))]), name: s.name, x: x, y: 170 - height, width: 142,
                              height: height,
                              textX: x + 71, textY: 170 - height + 24, current: level == m.stage, reached: level <= m.stage,
                              cssClass: level == m.stage ? "step current" : (level < m.stage ? "step reached" : "step ahead"))
        }
    }

    /// The one next move, its figures formatted.
    static func move(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> MoveView {
        let move = m.nextMove
        let fits: String? = move.fitsIn90Days ? nil
            : move.alternative.map { words.say("ui.glance.fits_note_alternative",
                                               ["days": .count(m.parameters.planDays, "day"), "weeks": .count(move.weeks, "week"), "alternative": .text($0)]) }
                ?? words.say("ui.glance.fits_note", ["days": .count(m.parameters.planDays, "day"), "weeks": .count(move.weeks, "week")])
        var view = MoveView(title: move.title, detail: move.detail, useCase: move.useCase, owner: move.owner,
                        value: move.annualValue.map(money), runCost: move.annualRunCost.map(money),
                        roi: move.roi.map(Format.ratio), costOfDelay: move.costOfDelayPerQuarter.map(money),
                        alongside: move.alongside, hasAlongside: !move.alongside.isEmpty,
                        valueLabel: words.say(Self.aboutLiveAgent(m) ? "ui.glance.at_stake" : "ui.glance.worth"),
                        then: move.then, alternative: move.alternative,
                        fitsNote: fits,
                        goNoGoOn: m.goNoGoOn.flatMap(Day.init(iso:)).map(words.longDate),
                        oneTimeCost: move.oneTimeCostRange.map { words.say("ui.money.range", ["low": .text(money($0.low)), "high": .text(money($0.high))]) },
                        payback: move.oneTimeCostRange == nil ? nil
                            : (move.paybackMonths.map { words.say("ui.glance.payback_months", ["n": Self.whole($0)]) } ?? words.say("ui.glance.payback_never")))
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

    /// A figure rounded to a whole number, as a count a plural entry chooses by ("about 9 months").
    static func whole(_ v: Double) -> Phrase.Arg {
        let n = v.rounded()
        return n.isFinite && abs(n) < 1e15 ? .int(Int(n)) : .text(Format.decimal(n))  // trap-checked: finite and bounded
    }

    /// A move about a live agent puts its value "at stake"; a new one is "worth" it.
    static func aboutLiveAgent(_ m: ReportModel) -> Bool {
        m.nextMove.agent != nil && ["own_or_retire_agent", "close_gate_gaps", "fix_or_stop_agent"].contains(m.nextMove.kind)
    }

    /// At most five figures at a glance: the stage, the move's value and cost of delay, the open
    /// use cases and the agents in production.
    static func headline(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> [Figure] {
        let eligible = m.useCases.filter(\.eligible)
        let inProduction = m.agents.filter { $0.status == AgentStatus.production.rawValue }
        let reported = m.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +)
        let text = { (s: String) in Phrase.Arg.text(s) }
        var figures = [Figure(label: words.say("ui.col.stage"),
                              value: words.say("ui.headline.stage_value", ["level": text(String(m.stage)), "name": text(m.stageName)]), note: nil)]
        if let v = m.nextMove.annualValue {
            let roi = m.nextMove.roi.map { text(Format.ratio($0)) }
            var note = roi.map { words.say("ui.headline.roi_note", ["roi": $0]) }
            // A reported figure beside the model's estimate for the same work: say which the plan uses, and why they differ.
            if let agent = m.agents.first(where: { $0.name == m.nextMove.agent }), let estimate = agent.estimatedAnnualValue,
               let realised = agent.realisedAnnualValue, realised == v, estimate != realised {
                note = roi.map { words.say("ui.headline.roi_reported_note", ["roi": $0, "money": text(money(estimate))]) }
                    ?? words.say("ui.headline.reported_note", ["money": text(money(estimate))])
            }
            figures.append(Figure(label: words.say(Self.aboutLiveAgent(m) ? "ui.headline.at_stake" : "ui.headline.next_move"), value: money(v), note: note))
        }
        if let d = m.nextMove.costOfDelayPerQuarter {
            figures.append(Figure(label: words.say("ui.headline.delay"), value: money(d), note: words.say("ui.headline.delay_note")))
        }
        figures.append(Figure(label: words.say("ui.headline.open_use_cases"),
                              value: words.say("ui.headline.open_of", ["open": .int(eligible.count), "total": .int(m.useCases.count)]),
                              note: eligible.isEmpty ? nil : words.say("ui.money.a_year", ["money": text(money(eligible.reduce(0) { $0 + $1.annualValue }))])))
        let gated = ["n": Phrase.Arg.int(m.gatedAgents.count), "money": text(money(reported))]
        figures.append(Figure(label: words.say("ui.col.agents_in_production"), value: Format.grouped(Double(inProduction.count)),
                              note: words.say(reported > 0 ? "ui.headline.through_gate_reported" : "ui.headline.through_gate", gated)))
        return Array(figures.prefix(5))
    }

    /// The ranked table's rows, the best `useCasesShown` of them, each with its status in words.
    static func useCaseRows(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) -> [UseCaseRow] {
        let p = m.parameters
        return m.useCases.prefix(p.useCasesShown).map { u in
            let belowBar = u.flags.contains(FlagID.roiBelow3x.rawValue)
            // The status, then what a reader should know about its figures, each said whole.
            var parts = [u.quadrantLabel]
            let work = u.side == "line" ? "line" : "product"
            if u.locked {
                parts = [m.stage >= m.parameters.lineLevelUnlocksAtStage
                    ? words.say("ui.use_cases.status.locked_governance_\(work)")
                    : words.say("ui.use_cases.status.locked_stage_\(work)", ["level": .text(String(m.parameters.lineLevelUnlocksAtStage))])]
            }
            else if u.alreadyAutomated {
                parts = [u.agent.map { words.say("ui.use_cases.status.automated_by", ["agent": .text($0)]) } ?? words.say("ui.use_cases.status.automated")]
            }
            else if belowBar { parts = [words.say("ui.use_cases.status.under_bar", ["bar": .text(Format.multiple(p.roiMinimum))])] }
            else if let agent = u.agent, let s = u.agentStatus {
                parts.append(words.say("ui.use_cases.status.agent_at", ["agent": .text(agent), "status": .text(words.rungWord(s))]))
            }
            // Unknown volume is priced at the top of the run-cost ranges: a figure a reader will question, explained where it stands.
            if u.volumePerWeek == nil { parts.append(words.say("ui.use_cases.status.volume_unknown")) }
            // What the file assumed rather than stated is said where the score is read.
            let assumed = u.factors.filter { $0.answer.hasSuffix("(assumed)") }.map { Phrase.Arg.label($0.label) }
            if !assumed.isEmpty { parts.append(words.say("ui.use_cases.status.assumed", ["fields": .list(assumed)])) }
            let status = parts.joined(separator: words.say("ui.clauses.separator"))
            let fte = Format.decimal(u.fteFreed, maxDecimals: 2)
            return UseCaseRow(rank: u.rank, name: u.name, department: u.department ?? "", side: words.sideName(u.side),
                              value: money(u.annualValue), fte: fte, fteText: words.say("ui.use_cases.fte", ["fte": .text(fte)]),
                              runCost: money(u.annualRunCost), roi: Format.ratio(u.roi), feasibility: u.feasibility,
                              quadrant: u.quadrantLabel, status: status, locked: u.locked, belowBar: belowBar)
        }
    }

    /// How the numbers are worked out, with the questionnaire's figures in the sentences.
    static func method(_ p: ReportModel.ParametersJSON, words: PhraseBook, currency: String, usdRate: Double = 1) -> [String] {
        // The ranges are US-dollar figures: shown converted, as the report's run costs are.
        let usd = { (v: Double) in Phrase.Arg.text(Format.money(v * usdRate, currency: currency)) }
        let number = { (v: Double) in Phrase.Arg.text(Format.decimal(v)) }
        return [
            words.say("ui.method.placement"),
            words.say("ui.method.annual_value", ["weeks": number(p.weeksPerYear), "share": .text(Format.percent(p.automatableShare))]),
            words.say("ui.method.run_cost", ["api_min": usd(p.modelApiMonthly.min), "api_max": usd(p.modelApiMonthly.max),
                                             "monitoring_min": usd(p.monitoringMonthly.min), "monitoring_max": usd(p.monitoringMonthly.max),
                                             "fte_min": number(p.exceptionFte.min), "fte_max": number(p.exceptionFte.max)]),
            words.say("ui.method.return_bar", ["bar": .text(Format.multiple(p.roiMinimum))]),
            words.say("ui.method.feasibility"),
            words.say("ui.method.shadow", ["cases": .int(p.shadowMinCases), "volume": number(p.shadowLowVolumePerWeek)]),
        ]
    }

    static func agentRow(_ agent: ReportModel.AgentJSON, model m: ReportModel, words: PhraseBook, money: (Int) -> String) -> AgentRow {
        let production = agent.status == AgentStatus.production.rawValue
        let bars = agent.gate.map { bar -> BarCell in
            // Before production an unanswered bar is not failed, just not reached yet.
            if !bar.cleared, !production, !bar.answered {
                return BarCell(label: bar.label, cleared: false, mark: words.say("ui.mark.not_yet"), cssClass: "pending")
            }
            return BarCell(label: bar.label, cleared: bar.cleared, mark: words.say(bar.cleared ? "ui.mark.bar_yes" : "ui.mark.bar_no"),
                           cssClass: bar.cleared ? "yes" : "no")
        }
        // A value with its return beside it: "$90,000 (3.9x)".
        func withRoi(_ value: Int, _ roi: Double?) -> String {
            let shown = money(value)
            return roi.map { words.say("ui.agents.value_roi", ["money": .text(shown), "roi": .text(Format.ratio($0))]) } ?? shown
        }
        let estimated = agent.estimatedAnnualValue.map { withRoi($0, agent.estimatedRoi) } ?? "-"
        let realised = agent.realisedAnnualValue.map { withRoi($0, agent.realisedRoi) }
            ?? (agent.annualDollarValue.map { words.say("ui.history.reported", ["money": .text(money($0))]) } ?? "-")
        var verdict = words.say(agent.clearsGate ? "ui.agents.verdict.through_gate" : production ? "ui.agents.verdict.with_gaps" : "ui.agents.verdict.not_yet")
        if let measured = agent.measured {
            var args: [String: Phrase.Arg] = ["verdict": .text(verdict), "log": .text(measured.log), "rung": .text(words.rungWord(measured.rung)),
                                              "result": .text(words.say("ui.verdict.\(measured.verdict)")), "n": .int(measured.cases),
                                              "from": .text(words.tableDate(iso: measured.from)), "to": .text(words.tableDate(iso: measured.to))]
            if let stated = agent.statedRung { args["stated"] = .text(stated) }
            verdict = words.say(agent.statedRung == nil ? "ui.agents.measured" : "ui.agents.measured_stated", args)
        }
        let gate = m.parameters.autoWithExceptionsMinRate ?? 1  // always set from the questionnaire
        let weekly = agent.measured?.weekly ?? []
        return AgentRow(name: agent.name, status: words.rungWord(agent.status),
                        owner: agent.owner ?? words.say("ui.agents.no_owner"), side: words.sideName(agent.side), bars: bars,
                        verdict: verdict, clears: agent.clearsGate, estimated: estimated, realised: realised,
                        runCost: agent.annualRunCost.map(money) ?? "-",
                        sparkBars: Self.spark(weekly, gate: gate), hasSpark: !weekly.isEmpty,
                        sparkText: weekly.isEmpty ? "" : Self.sparkText(weekly, firstWeek: agent.measured?.firstWeek, words: words),
                        sparkGateY: 40 - ((gate - 0.6) / 0.4 * 40).roundedInt())
    }

    /// "Weekly accuracy from the log from 2026-W36: 91%, 93%, …".
    static func sparkText(_ weekly: [Double], firstWeek: String?, words: PhraseBook) -> String {
        let weeks = Phrase.Arg.joined(weekly.map { .percent($0) }, words.say("ui.list.separator"))
        return firstWeek.map { words.say("ui.agents.spark_from", ["week": .text($0), "weeks": weeks]) } ?? words.say("ui.agents.spark", ["weeks": weeks])
    }

    /// JSON with `<`, `>` and `&` written as \\u escapes: still the same JSON, but it can never
    /// close the script element it sits in. The data block's keys say "dollar" (annualDollarValue):
    /// its "o" is escaped too, as JSON allows, so a report kept in euros reads no "dollar" anywhere
    /// while every JSON parser reads the same data.
    static func scriptSafe(_ json: String) -> String {
        // Bytes, not scalars: a long inventory's JSON is megabytes. <, >, & and "ollar" are ASCII,
        // so they never occur inside a multi-byte character.
        let bytes = Array(json.utf8)
        let ollar = Array("ollar".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            case ollar[0] where i + ollar.count <= bytes.count && bytes[i + 1 ..< i + ollar.count].elementsEqual(ollar.dropFirst()):
                out += Array("\\u006f".utf8)
            default: out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func scatter(_ m: ReportModel, words: PhraseBook, money whole: (Int) -> String) -> ScatterChart {
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
        let description = rows.isEmpty ? words.say("ui.use_cases.chart_none")
            : rows.map { words.say("ui.use_cases.chart_point",
                                   ["rank": .int($0.rank), "name": .text($0.name), "money": .text(whole($0.annualValue)),
                                    "feasibility": .int($0.feasibility)]) }
                .joined(separator: words.say("ui.clauses.separator"))
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
