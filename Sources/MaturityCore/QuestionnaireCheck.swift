/// A problem with a questionnaire, located by key path (the store adds the line).
public struct ContentProblem: Sendable, Equatable {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

extension Questionnaire {
    /// Everything the engine needs from a questionnaire that this one lacks or gets wrong,
    /// all at once: missing stages, questions, bars and rungs, duplicate ids, bad references.
    public func engineProblems() -> [ContentProblem] {
        duplicateIDs() + stageAndReferenceProblems() + questionProblems() + gateAndLadderProblems()
            + feasibilityTableProblems() + parameterProblems() + placeholderProblems() + parameterRanges()
    }

    /// Ids used twice in one list.
    func duplicateIDs() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        func duplicates(_ ids: [String], _ path: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append(.init(path: path, message: "id \"\(id)\" is used more than once; ids must be unique"))
            }
        }
        duplicates(questions.map(\.id), "questions")
        duplicates(gateBars.map(\.id), "gate_bars")
        duplicates(agentFields.map(\.id), "agent_fields")
        duplicates(processFields.map(\.id), "process_fields")
        duplicates(parameters.trustLadder.map(\.id), "parameters.trust_ladder")
        duplicates(parameters.goNoGo.map(\.id), "parameters.go_no_go")
        duplicates(stages.map { String($0.level) }, "stages")

        duplicates(governance.map(\.id), "governance")
        return problems
    }

    /// Stages 0 to 4, each once, and governance habits that name real questions.
    func stageAndReferenceProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for habit in governance {
            if let answer = habit.answer, question(answer) == nil {
                problems.append(.init(path: "governance.\(habit.id).answer", message: "habit \"\(habit.id)\" names answer \"\(answer)\", which is not a question id"))
            }
        }
        for level in 0...4 where stage(level) == nil {
            problems.append(.init(path: "stages", message: "stage \(level) is missing; the model needs stages 0 to 4"))
        }
        for level in stages.map(\.level) where !(0...4).contains(level) {
            problems.append(.init(path: "stages", message: "stage level \(level) is outside 0 to 4"))
        }
        return problems
    }

    /// The questions the placement rules read, with the types and choices they compare against.
    func questionProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for needed in EngineQuestion.allCases {
            guard let q = question(needed.rawValue) else {
                problems.append(.init(path: "questions", message: "question \"\(needed.rawValue)\" is missing; the placement rules read it (type \(needed.requiredType.rawValue))"))
                continue
            }
            if q.type != needed.requiredType {
                problems.append(.init(path: "questions.\(needed.rawValue).type", message: "question \"\(needed.rawValue)\" has type \(q.type.rawValue); the placement rules need \(needed.requiredType.rawValue)"))
            }
            for value in needed.requiredChoices where !q.choiceValues.contains(value) {
                problems.append(.init(path: "questions.\(needed.rawValue).choices", message: "question \"\(needed.rawValue)\" lacks the choice \"\(value)\"; the placement rules compare against it"))
            }
        }
        for q in questions where q.type == .choice && q.choices.isEmpty {
            problems.append(.init(path: "questions.\(q.id).choices", message: "question \"\(q.id)\" is a choice with no choices"))
        }
        return problems
    }

    /// The five gate bars the engine names, and the trust ladder's rungs in order, each at least a week.
    func gateAndLadderProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for bar in EngineGateBar.allCases where !gateBars.contains(where: { $0.id == bar.rawValue }) {
            problems.append(.init(path: "gate_bars", message: "gate bar \"\(bar.rawValue)\" is missing; the production gate has five bars"))
        }
        for rung in EngineRung.allCases where !parameters.trustLadder.contains(where: { $0.id == rung.rawValue }) {
            problems.append(.init(path: "parameters.trust_ladder", message: "rung \"\(rung.rawValue)\" is missing; the plan climbs setup, shadow, approve_each, auto_with_exceptions, production_owned"))
        }
        let ladderOrder = parameters.trustLadder.compactMap { EngineRung(rawValue: $0.id) }
        if ladderOrder.count == EngineRung.allCases.count, ladderOrder != EngineRung.allCases {
            problems.append(.init(path: "parameters.trust_ladder", message: "rungs are out of order; expected setup, shadow, approve_each, auto_with_exceptions, production_owned"))
        }
        for rung in parameters.trustLadder where rung.weeks < 1 {
            problems.append(.init(path: "parameters.trust_ladder.\(rung.id).weeks", message: "rung \"\(rung.id)\" lasts \(rung.weeks) weeks; it needs at least 1"))
        }
        return problems
    }

    /// Every choice a process can take has feasibility points (and maintenance hours), and only those.
    func feasibilityTableProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        // Every choice a process can take must have feasibility points (and maintenance hours).
        let tables: [(ScoredProcessField, [String: Double], String)] = [
            (.systemOfRecord, parameters.feasibility.systemOfRecord, "parameters.feasibility.system_of_record"),
            (.writeBack, parameters.feasibility.writeBack, "parameters.feasibility.write_back"),
            (.inputStructure, parameters.feasibility.inputStructure, "parameters.feasibility.input_structure"),
            (.inputStructure, parameters.maintenanceHoursMonthly, "parameters.run_cost.maintenance_hours_monthly"),
        ]
        for (field, table, path) in tables {
            guard let definition = processFields.first(where: { $0.id == field.rawValue }) else {
                problems.append(.init(path: "process_fields", message: "process field \"\(field.rawValue)\" is missing; feasibility scores it"))
                continue
            }
            for value in definition.choiceValues where table[value] == nil {
                problems.append(.init(path: path, message: "no entry for \"\(value)\" (a choice of process field \(field.rawValue)); add it"))
            }
            for value in table.keys.sorted() where !definition.choiceValues.contains(value) {
                problems.append(.init(path: path, message: "\"\(value)\" is not a choice of process field \(field.rawValue); allowed: \(definition.choiceValues.joined(separator: ", "))"))
            }
        }
        for side in Side.allCases where parameters.feasibility.side[side.rawValue] == nil {
            problems.append(.init(path: "parameters.feasibility.side", message: "no points for side \"\(side.rawValue)\"; add it"))
        }
        return problems
    }

    /// Numbers the arithmetic relies on, and the shadow rung counting what shadow_gate says.
    func parameterProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let p = parameters
        if !(0...1).contains(p.automatableShare) || p.automatableShare == 0 {
            problems.append(.init(path: "parameters.automatable_share", message: "automatable_share is \(Format.number(p.automatableShare)); expected a share above 0 and at most 1"))
        }
        if p.roiMinimum <= 0 {
            problems.append(.init(path: "parameters.roi_minimum", message: "roi_minimum must be above 0"))
        }
        if p.exceptionFTE.lowerBound < 0 {
            problems.append(.init(path: "parameters.run_cost.exception_fte", message: "exception_fte min must not be negative"))
        }
        for (name, cost) in [("model_api_monthly", p.modelAPIMonthly), ("monitoring_monthly", p.monitoringMonthly)] {
            if cost.min < 0 || cost.max < cost.min || cost.fullScaleVolumePerWeek <= 0 {
                problems.append(.init(path: "parameters.run_cost.\(name)", message: "\(name) needs 0 <= min <= max and full_scale_volume_per_week above 0"))
            }
        }
        if p.feasibility.maximum <= 0 {
            problems.append(.init(path: "parameters.feasibility", message: "feasibility points add up to 0; the best answers must score above 0"))
        }
        if p.shadowGate.minCases < 1 || p.shadowGate.lowVolumePerWeek <= 0 {
            problems.append(.init(path: "parameters.shadow_gate", message: "shadow_gate needs min_cases of at least 1 and low_volume_per_week above 0"))
        }
        if let shadow = p.rung(.shadow) {
            if let cases = shadow.minCases, cases != p.shadowGate.minCases {
                problems.append(.init(path: "parameters.trust_ladder.shadow.min_cases",
                                      message: "the shadow rung asks for \(cases) cases but shadow_gate.min_cases is \(p.shadowGate.minCases); the plan and the ladder must count the same cases, so set both to one number"))
            }
            if let rate = shadow.minRate, rate != p.shadowGate.minMatch {
                problems.append(.init(path: "parameters.trust_ladder.shadow.min_rate",
                                      message: "the shadow rung's min_rate \(Format.number(rate)) differs from shadow_gate.min_match \(Format.number(p.shadowGate.minMatch)); set both to one number"))
            }
        }
        return problems
    }

    /// `{names}` in the prose that no parameter fills.
    func placeholderProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let p = parameters
        let prose = p.trustLadder.flatMap { [("parameters.trust_ladder.\($0.id)", $0.title), ("parameters.trust_ladder.\($0.id)", $0.gate)] }
            + p.goNoGo.map { ("parameters.go_no_go.\($0.id)", $0.question) }
        for (path, text) in prose {
            for name in p.unknownPlaceholders(in: text) {
                problems.append(.init(path: path, message: "{\(name)} is not a parameter this text can name; use one of \(p.placeholderValues().keys.sorted().map { "{\($0)}" }.joined(separator: ", "))"))
            }
        }
        let allowed = placeholderValues().keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
        for (path, name) in unknownProsePlaceholders() {
            problems.append(.init(path: path, message: "{\(name)} is not a number this text can name; use one of \(allowed)"))
        }
        return problems
    }
}

extension Questionnaire {
    /// Every parameter within a range a plant could have, so no later arithmetic divides by zero,
    /// overflows or prints "500%".
    func parameterRanges() -> [ContentProblem] {
        let p = parameters
        var problems: [ContentProblem] = []
        func check(_ path: String, _ value: Double, _ range: ClosedRange<Double>, _ what: String = "") {
            guard !range.contains(value) else { return }
            problems.append(.init(path: "parameters.\(path)",
                                  message: "\(path) is \(Format.number(value)); expected \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))\(what)"))
        }
        check("weeks_per_year", p.weeksPerYear, 1...53)
        check("hours_per_fte_week", p.hoursPerFTEWeek, 1...168, " hours")
        check("roi_minimum", p.roiMinimum, 0.1...100)
        for (name, cost) in [("model_api_monthly", p.modelAPIMonthly), ("monitoring_monthly", p.monitoringMonthly)] {
            check("run_cost.\(name).max", cost.max, 0...10_000_000)
            check("run_cost.\(name).full_scale_volume_per_week", cost.fullScaleVolumePerWeek, 1...Limits.casesPerWeek)
        }
        check("run_cost.exception_fte.max", p.exceptionFTE.upperBound, 0...10, " FTE")
        for (key, hours) in p.maintenanceHoursMonthly.sorted(by: { $0.key < $1.key }) {
            check("run_cost.maintenance_hours_monthly.\(key)", hours, 0...744, " hours a month")
        }
        let f = p.feasibility
        let points = [("exception_share.points", f.exceptionSharePoints), ("high_severity_errors_possible.no", f.highSeverityNo),
                      ("high_severity_errors_possible.yes", f.highSeverityYes), ("owner_candidate.named", f.ownerNamed),
                      ("owner_candidate.none", f.ownerNone)]
            + [f.systemOfRecord, f.writeBack, f.inputStructure, f.side].flatMap { $0.sorted { $0.key < $1.key } }.map { ("points for \($0.key)", $0.value) }
        for (name, value) in points { check("feasibility.\(name)", value, 0...1000) }
        check("feasibility.exception_share.zero_at", f.exceptionShareZeroAt, 0.0001...1)
        check("quadrant.high_value", p.quadrantHighValue, 0...Limits.annualDollars)
        check("quadrant.high_feasibility", p.quadrantHighFeasibility, 0...100)
        check("placement.portfolio_min_agents", Double(p.portfolioMinAgents), 1...100)
        check("placement.several_agents", Double(p.severalAgents), 1...100)
        check("placement.stalled_pilots_for_graveyard", Double(p.stalledPilotsForGraveyard), 1...100)
        check("slo.auto_approve_accuracy", p.slo.autoApproveAccuracy, 0...1, " (a share: 0.92 is 92%)")
        check("slo.page_owner_below", p.slo.pageOwnerBelow, 0...1, " (a share: 0.9 is 90%)")
        check("slo.rolling_window_transactions", Double(p.slo.rollingWindowTransactions), 1...1_000_000)
        check("slo.high_severity_errors_allowed", Double(p.slo.highSeverityErrorsAllowed), 0...1_000)
        check("slo.exception_queue_business_hours", p.slo.exceptionQueueBusinessHours, 0...1_000)
        check("shadow_gate.min_cases", Double(p.shadowGate.minCases), 1...1_000_000)
        check("shadow_gate.min_match", p.shadowGate.minMatch, 0...1, " (a share: 0.9 is 90%)")
        check("shadow_gate.low_volume_per_week", p.shadowGate.lowVolumePerWeek, 0.0001...Limits.casesPerWeek)
        check("plan_days", Double(p.planDays), Double(Limits.planDays.lowerBound)...Double(Limits.planDays.upperBound))
        for rung in p.trustLadder {
            check("trust_ladder.\(rung.id).weeks", Double(rung.weeks), Double(Limits.rungWeeks.lowerBound)...Double(Limits.rungWeeks.upperBound))
            if let rate = rung.minRate { check("trust_ladder.\(rung.id).min_rate", rate, 0...1, " (a share: 0.95 is 95%)") }
        }
        if p.goNoGo.isEmpty {
            problems.append(.init(path: "parameters.go_no_go", message: "go_no_go has no questions; the go/no-go needs at least one"))
        }
        return problems
    }
}
