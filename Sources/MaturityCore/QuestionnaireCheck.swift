/// What a parameter's range counts, so its out-of-range message can name it (MaturityYAML words it).
public enum RangeUnit: Sendable, Equatable {
    /// A bare number: the path says what it is.
    case plain
    case hours
    case fte
    case hoursPerMonth
    /// A share between 0 and 1, shown with a typical value (0.92 is 92%).
    case share(example: Double)
}

/// A problem with a questionnaire, one case per kind, so tests pin the kind and its values; the
/// key path is `path` (the loader adds the line) and the words a person reads are MaturityYAML's
/// `message`, beside the other file messages.
public enum ContentProblem: Sendable, Equatable {
    case duplicateID(list: String, id: String)
    case unknownHabitAnswer(habit: String, answer: String)
    case missingStage(Int)
    case stageOutOfRange(Int)
    case missingQuestion(id: String, type: QuestionType)
    case wrongQuestionType(id: String, has: QuestionType, needs: QuestionType)
    case missingChoice(question: String, value: String)
    case noChoices(question: String)
    case missingGateBar(String)
    case missingRung(String)
    case rungsOutOfOrder
    case rungTooShort(rung: String, weeks: Int)
    case missingProcessField(String)
    case missingTableEntry(path: String, value: String, field: String)
    case unknownTableEntry(path: String, value: String, field: String, allowed: [String])
    case missingSidePoints(String)
    case automatableShare(Double)
    case roiMinimumNotPositive
    case negativeExceptionFTE
    case badScaledCost(String)
    case feasibilityAllZero
    case badShadowGate
    case shadowCasesDiffer(rung: Int, gate: Int)
    case shadowRateDiffers(rung: Double, gate: Double)
    /// A gated rung without the figure its gate is judged on (`min_rate`, or the auto rung's `straight_weeks`).
    case rungGateMissing(rung: String, field: String)
    /// A `{name}` in a rung or go/no-go sentence that no parameter fills.
    case unknownParameterPlaceholder(path: String, name: String, allowed: [String])
    /// A `{name}` elsewhere in the prose that nothing fills.
    case unknownPlaceholder(path: String, name: String, allowed: [String])
    case outOfRange(path: String, value: Double, range: ClosedRange<Double>, unit: RangeUnit)
    case noGoNoGoQuestions

    public var path: String {
        switch self {
        case .duplicateID(let list, _): return list
        case .unknownHabitAnswer(let habit, _): return "governance.\(habit).answer"
        case .missingStage, .stageOutOfRange: return "stages"
        case .missingQuestion: return "questions"
        case .wrongQuestionType(let id, _, _): return "questions.\(id).type"
        case .missingChoice(let id, _): return "questions.\(id).choices"
        case .noChoices(let id): return "questions.\(id).choices"
        case .missingGateBar: return "gate_bars"
        case .missingRung, .rungsOutOfOrder: return "parameters.trust_ladder"
        case .rungTooShort(let rung, _): return "parameters.trust_ladder.\(rung).weeks"
        case .missingProcessField: return "process_fields"
        case .missingTableEntry(let path, _, _), .unknownTableEntry(let path, _, _, _): return path
        case .missingSidePoints: return "parameters.feasibility.side"
        case .automatableShare: return "parameters.automatable_share"
        case .roiMinimumNotPositive: return "parameters.roi_minimum"
        case .negativeExceptionFTE: return "parameters.run_cost.exception_fte"
        case .badScaledCost(let name): return "parameters.run_cost.\(name)"
        case .feasibilityAllZero: return "parameters.feasibility"
        case .badShadowGate: return "parameters.shadow_gate"
        case .shadowCasesDiffer: return "parameters.trust_ladder.shadow.min_cases"
        case .shadowRateDiffers: return "parameters.trust_ladder.shadow.min_rate"
        case .rungGateMissing(let rung, let field): return "parameters.trust_ladder.\(rung).\(field)"
        case .unknownParameterPlaceholder(let path, _, _), .unknownPlaceholder(let path, _, _): return path
        case .outOfRange(let path, _, _, _): return "parameters.\(path)"
        case .noGoNoGoQuestions: return "parameters.go_no_go"
        }
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
                problems.append(.duplicateID(list: path, id: id))
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
                problems.append(.unknownHabitAnswer(habit: habit.id, answer: answer))
            }
        }
        for level in 0...4 where stage(level) == nil {
            problems.append(.missingStage(level))
        }
        for level in stages.map(\.level) where !(0...4).contains(level) {
            problems.append(.stageOutOfRange(level))
        }
        return problems
    }

    /// The questions the placement rules read, with the types and choices they compare against.
    func questionProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for needed in EngineQuestion.allCases {
            guard let q = question(needed.rawValue) else {
                problems.append(.missingQuestion(id: needed.rawValue, type: needed.requiredType))
                continue
            }
            if q.type != needed.requiredType {
                problems.append(.wrongQuestionType(id: needed.rawValue, has: q.type, needs: needed.requiredType))
            }
            for value in needed.requiredChoices where !q.choiceValues.contains(value) {
                problems.append(.missingChoice(question: needed.rawValue, value: value))
            }
        }
        for q in questions where q.type == .choice && q.choices.isEmpty {
            problems.append(.noChoices(question: q.id))
        }
        return problems
    }

    /// The five gate bars the engine names, and the trust ladder's rungs in order, each at least a week.
    func gateAndLadderProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        for bar in EngineGateBar.allCases where !gateBars.contains(where: { $0.id == bar.rawValue }) {
            problems.append(.missingGateBar(bar.rawValue))
        }
        for rung in EngineRung.allCases where !parameters.trustLadder.contains(where: { $0.id == rung.rawValue }) {
            problems.append(.missingRung(rung.rawValue))
        }
        let ladderOrder = parameters.trustLadder.compactMap { EngineRung(rawValue: $0.id) }
        if ladderOrder.count == EngineRung.allCases.count, ladderOrder != EngineRung.allCases {
            problems.append(.rungsOutOfOrder)
        }
        for rung in parameters.trustLadder where rung.weeks < 1 {
            problems.append(.rungTooShort(rung: rung.id, weeks: rung.weeks))
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
                problems.append(.missingProcessField(field.rawValue))
                continue
            }
            for value in definition.choiceValues where table[value] == nil {
                problems.append(.missingTableEntry(path: path, value: value, field: field.rawValue))
            }
            for value in table.keys.sorted() where !definition.choiceValues.contains(value) {
                problems.append(.unknownTableEntry(path: path, value: value, field: field.rawValue, allowed: definition.choiceValues))
            }
        }
        for side in Side.allCases where parameters.feasibility.side[side.rawValue] == nil {
            problems.append(.missingSidePoints(side.rawValue))
        }
        return problems
    }

    /// Numbers the arithmetic relies on, and the shadow rung counting what shadow_gate says.
    func parameterProblems() -> [ContentProblem] {
        var problems: [ContentProblem] = []
        let p = parameters
        if !(0...1).contains(p.automatableShare) || p.automatableShare == 0 {
            problems.append(.automatableShare(p.automatableShare))
        }
        if p.roiMinimum <= 0 {
            problems.append(.roiMinimumNotPositive)
        }
        if p.exceptionFTE.lowerBound < 0 {
            problems.append(.negativeExceptionFTE)
        }
        for (name, cost) in [("model_api_monthly", p.modelAPIMonthly), ("monitoring_monthly", p.monitoringMonthly)] {
            if cost.min < 0 || cost.max < cost.min || cost.fullScaleVolumePerWeek <= 0 {
                problems.append(.badScaledCost(name))
            }
        }
        if p.feasibility.maximum <= 0 {
            problems.append(.feasibilityAllZero)
        }
        if p.shadowGate.minCases < 1 || p.shadowGate.lowVolumePerWeek <= 0 {
            problems.append(.badShadowGate)
        }
        for id in [EngineRung.shadow, .approveEach, .autoWithExceptions] where p.rung(id) != nil && p.rung(id)?.minRate == nil {
            problems.append(.rungGateMissing(rung: id.rawValue, field: "min_rate"))
        }
        if let auto = p.rung(.autoWithExceptions), auto.straightWeeks == nil {
            problems.append(.rungGateMissing(rung: EngineRung.autoWithExceptions.rawValue, field: "straight_weeks"))
        }
        if let shadow = p.rung(.shadow) {
            if let cases = shadow.minCases, cases != p.shadowGate.minCases {
                problems.append(.shadowCasesDiffer(rung: cases, gate: p.shadowGate.minCases))
            }
            if let rate = shadow.minRate, rate != p.shadowGate.minMatch {
                problems.append(.shadowRateDiffers(rung: rate, gate: p.shadowGate.minMatch))
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
                problems.append(.unknownParameterPlaceholder(path: path, name: name, allowed: p.placeholderValues().keys.sorted()))
            }
        }
        let allowed = placeholderValues().keys.sorted()
        for (path, name) in unknownProsePlaceholders() {
            problems.append(.unknownPlaceholder(path: path, name: name, allowed: allowed))
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
        func check(_ path: String, _ value: Double, _ range: ClosedRange<Double>, _ unit: RangeUnit = .plain) {
            guard !range.contains(value) else { return }
            problems.append(.outOfRange(path: path, value: value, range: range, unit: unit))
        }
        check("weeks_per_year", p.weeksPerYear, 1...53)
        check("hours_per_fte_week", p.hoursPerFTEWeek, 1...168, .hours)
        check("roi_minimum", p.roiMinimum, 0.1...100)
        for (name, cost) in [("model_api_monthly", p.modelAPIMonthly), ("monitoring_monthly", p.monitoringMonthly)] {
            check("run_cost.\(name).max", cost.max, 0...10_000_000)
            check("run_cost.\(name).full_scale_volume_per_week", cost.fullScaleVolumePerWeek, 1...Limits.casesPerWeek)
        }
        check("run_cost.exception_fte.max", p.exceptionFTE.upperBound, 0...10, .fte)
        for (key, hours) in p.maintenanceHoursMonthly.sorted(by: { $0.key < $1.key }) {
            check("run_cost.maintenance_hours_monthly.\(key)", hours, 0...744, .hoursPerMonth)
        }
        let f = p.feasibility
        let points = [("exception_share.points", f.exceptionSharePoints), ("high_severity_errors_possible.no", f.highSeverityNo),
                      ("high_severity_errors_possible.yes", f.highSeverityYes), ("owner_candidate.named", f.ownerNamed),
                      ("owner_candidate.none", f.ownerNone)]
            + [("system_of_record", f.systemOfRecord), ("write_back", f.writeBack), ("input_structure", f.inputStructure), ("side", f.side)]
                .flatMap { table, points in points.sorted { $0.key < $1.key }.map { ("\(table).\($0.key)", $0.value) } }
        for (name, value) in points { check("feasibility.\(name)", value, 0...1000) }
        check("feasibility.exception_share.zero_at", f.exceptionShareZeroAt, 0.0001...1)
        check("quadrant.high_value", p.quadrantHighValue, 0...Limits.annualDollars)
        check("quadrant.high_feasibility", p.quadrantHighFeasibility, 0...100)
        check("placement.portfolio_min_agents", Double(p.portfolioMinAgents), 1...100)
        check("placement.several_agents", Double(p.severalAgents), 1...100)
        check("placement.stalled_pilots_for_graveyard", Double(p.stalledPilotsForGraveyard), 1...100)
        check("slo.auto_approve_accuracy", p.slo.autoApproveAccuracy, 0...1, .share(example: 0.92))
        check("slo.page_owner_below", p.slo.pageOwnerBelow, 0...1, .share(example: 0.9))
        check("slo.rolling_window_transactions", Double(p.slo.rollingWindowTransactions), 1...1_000_000)
        check("slo.high_severity_errors_allowed", Double(p.slo.highSeverityErrorsAllowed), 0...1_000)
        check("slo.exception_queue_business_hours", p.slo.exceptionQueueBusinessHours, 0...1_000)
        check("slo.exception_queue_manageable_share", p.slo.exceptionQueueManageableShare, 0...1, .share(example: 0.95))
        check("shadow_gate.min_cases", Double(p.shadowGate.minCases), 1...1_000_000)
        check("shadow_gate.min_match", p.shadowGate.minMatch, 0...1, .share(example: 0.9))
        check("shadow_gate.low_volume_per_week", p.shadowGate.lowVolumePerWeek, 0.0001...Limits.casesPerWeek)
        check("plan_days", Double(p.planDays), Double(Limits.planDays.lowerBound)...Double(Limits.planDays.upperBound))
        for rung in p.trustLadder {
            check("trust_ladder.\(rung.id).weeks", Double(rung.weeks), Double(Limits.rungWeeks.lowerBound)...Double(Limits.rungWeeks.upperBound))
            if let rate = rung.minRate { check("trust_ladder.\(rung.id).min_rate", rate, 0...1, .share(example: 0.95)) }
            if let cases = rung.minCases { check("trust_ladder.\(rung.id).min_cases", Double(cases), 1...1_000_000) }
            if let weekly = rung.minReviewedPerWeek { check("trust_ladder.\(rung.id).min_reviewed_per_week", Double(weekly), 1...1_000_000) }
        }
        if p.goNoGo.isEmpty {
            problems.append(.noGoNoGoQuestions)
        }
        return problems
    }
}
