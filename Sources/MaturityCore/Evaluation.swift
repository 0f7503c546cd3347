/// The whole pipeline's result for one assessment: placement, scores and plan.
public struct Evaluation: Sendable, Equatable {
    public var assessment: Assessment
    public var questionnaire: Questionnaire
    public var placement: Placement
    public var useCases: [UseCase]
    public var plan: Plan
    /// Each agent's workflow: estimated and, where reported, realised return.
    public var economics: [AgentEconomics]

    /// Agents whose decision log earned a different rung than the file states.
    public var claims: [Claim] = []

    /// An agent stated at one rung whose decision log earned another.
    public struct Claim: Sendable, Equatable {
        public var agent: String
        public var stated: AgentStatus
        public var measured: AgentStatus
    }
    /// For a workshop's merged file: where the room split and whose answer alone moves the stage.
    /// Worked out once here, so no report analyses the room again.
    public private(set) var room: WorkshopAnalysis?
    /// With a previous assessment: what changed since, and whether its next move happened.
    public private(set) var since: Since?
    /// With a history of three or more assessments: each one's headline, oldest first, ending with this one.
    public private(set) var trend: [TrendPoint] = []

    /// Runs placement → scoring → plan. Pure: the same input always gives the same result.
    /// A rung measured from a decision log outranks the status someone typed.
    public init(_ given: Assessment, questionnaire shipped: Questionnaire) {
        // The model's words in the company's currency: a EUR report never says "dollars".
        let questionnaire = shipped.inCurrency(given.organization.currency)
        var assessment = given
        var claims: [Claim] = []
        for i in assessment.agents.indices {
            guard let m = assessment.agents[i].measured, assessment.agents[i].status != .retired else { continue }
            let earned = m.earnedStatus
            if earned != assessment.agents[i].status { claims.append(Claim(agent: assessment.agents[i].name, stated: assessment.agents[i].status,
                                                                           measured: earned)) }
            assessment.agents[i].status = earned
            assessment.agents[i].gate[EngineGateBar.metricOnRealData.rawValue] = m.metricMet
            if m.monitored { assessment.agents[i].gate[EngineGateBar.monitoring.rawValue] = true }
        }
        self.claims = claims
        self.assessment = assessment
        self.questionnaire = questionnaire
        // The stage scores the use cases; the scored workflows say which agents climb under the
        // return bar; only then is the placement whole, its way up leaving those agents out.
        let stage = Placement.stage(assessment, questionnaire: questionnaire)
        let governed = questionnaire.governance.allSatisfy { $0.fromStage > 3 || $0.inPlace(assessment.answers) == true }
        useCases = Scoring.score(assessment, questionnaire: questionnaire, stage: stage, governed: governed)
        economics = AgentEconomics.of(assessment, useCases: useCases, roiMinimum: questionnaire.parameters.roiMinimum)
        placement = Placement.place(assessment, questionnaire: questionnaire, weak: Set(economics.filter(\.belowBar).map(\.agent)))
        plan = Planner.plan(assessment, questionnaire: questionnaire, placement: placement, useCases: useCases,
                            economics: economics)
        room = WorkshopAnalysis.analyse(self)
    }

    /// This evaluation set against the one before it and the company's history, each worked out
    /// once here so that no report compares anything itself. `history` may include this assessment
    /// and later ones; only earlier assessments count, and a trend needs three points.
    public func compared(with previous: Evaluation?, history: [Evaluation] = []) -> Evaluation {
        var out = self
        out.since = previous.map { Since(previous: $0, current: self) }
        var points = history.filter { $0.assessment.assessedOn < assessment.assessedOn }.map(TrendPoint.init)
        points.append(TrendPoint(self))
        out.trend = points.count >= 3 ? points : []
        return out
    }

    /// The stage in one sentence, fitted to the answers: the questionnaire's summary, except where
    /// the answers say something it would get wrong (Stage 1 with standardised or measured tools,
    /// or with pilots and no tool use).
    public var stageSummary: Phrase {
        let base = Phrase.verbatim(questionnaire.stage(placement.stage)?.summary ?? "")
        guard placement.stage == 1 else { return base }
        // An agent already on live work: the stock line ("nobody can say by how much") would contradict its number.
        let running = assessment.agents.filter(\.status.isRunning)
        if let first = running.first {
            let reported = running.compactMap { $0.reportsDollars != false ? $0.annualDollarValue : nil }.reduce(0, +)
            let n = Phrase.Arg.int(running.count)
            return Phrase("summary.stage1.running", [
                "n": n, "agent": .text(first.name),
                "reports": .optional(reported > 0 ? Phrase("summary.stage1.running_reports", ["n": n, "money": .money(reported)]) : nil),
            ])
        }
        let tools = assessment.answers[EngineQuestion.staffAITools.rawValue]
        let measured = assessment.answers[EngineQuestion.toolGainsMeasured.rawValue]?.isYes ?? false
        switch (tools, measured) {
        case (.choice("standardized")?, true): return Phrase("summary.stage1.standardized_measured")
        case (.choice("standardized")?, false): return Phrase("summary.stage1.standardized_unmeasured")
        case (.choice("ad_hoc")?, true): return Phrase("summary.stage1.ad_hoc_measured")
        case (.choice("ad_hoc")?, false): return base
        default: return Phrase("summary.stage1.pilots_only")
        }
    }

    /// How the run-cost ranges, which are US-dollar figures, were put into the company's currency.
    public var currencyNote: Phrase? {
        let org = assessment.organization
        guard org.currency != "USD" else { return nil }
        if let rate = org.usdRate, let on = org.usdRateOn {
            return Phrase("summary.currency_note.converted_on", ["rate": .number(rate, decimals: 6), "currency": .text(org.currency), "on": .day(on)])
        }
        if let rate = org.usdRate {
            return Phrase("summary.currency_note.converted", ["rate": .number(rate, decimals: 6), "currency": .text(org.currency)])
        }
        return Phrase("summary.currency_note.unconverted", ["currency": .text(org.currency)])
    }

    /// Company flags and plan flags together, in a stable order, each once.
    public var allFlags: [Flag] {
        var flags = placement.flags
        func flag(_ id: FlagID, title: [String: Phrase.Arg] = [:], _ detail: [String: Phrase.Arg], subjects: [String]) {
            flags.append(Flag(id: id.rawValue, title: Phrase("flag.\(id.rawValue).title", title),
                              detail: Phrase("flag.\(id.rawValue).detail", detail), subjects: subjects))
        }
        let p = questionnaire.parameters
        if plan.flags.contains(FlagID.lowVolumeForShadow.rawValue), let u = plan.nextMove.useCase,
           let useCase = useCases.first(where: { $0.name == u }) {
            let volume = useCase.volumePerWeek.map { Phrase("flag.low_volume_for_shadow.volume", ["volume": .number($0)]) }
                ?? Phrase("flag.low_volume_for_shadow.volume_unknown")
            flag(.lowVolumeForShadow, ["use_case": .text(u), "volume": .phrase(volume), "cases": .number(Double(p.shadowGate.minCases), decimals: 0),
                                       "weeks": .number(Double(plan.shadowWeeks ?? 0), decimals: 0), "days": .number(Double(p.planDays), decimals: 0)],
                 subjects: [u])
        }
        let below = useCases.filter { $0.flags.contains(FlagID.roiBelow3x.rawValue) && !$0.locked }.map(\.name)
        if !below.isEmpty {
            flag(.roiBelow3x, title: ["bar": .multiple(p.roiMinimum)], ["bar": .multiple(p.roiMinimum), "use_cases": .names(below, ", ")], subjects: below)
        }
        if !claims.isEmpty {
            let lines = claims.map {
                Phrase.Arg.phrase(Phrase("flag.claimed_not_measured.claim",
                                         ["agent": .text($0.agent), "stated": .status($0.stated), "measured": .status($0.measured)]))
            }
            flag(.claimedNotMeasured, ["claims": .joined(lines, "; ")], subjects: claims.map(\.agent))
        }
        let weak = economics.filter { e in
            e.belowBar && assessment.agents.contains { $0.name == e.agent && $0.status >= .shadow && $0.status != .retired }
        }
        if !weak.isEmpty {
            let lines = weak.map {
                Phrase.Arg.phrase(Phrase("flag.agent_below_3x.agent", ["agent": .text($0.agent), "roi": .ratio($0.roi ?? 0),
                                                                       "basis": .phrase(Phrase($0.judgedOnRealised ? "flag.agent_below_3x.realised"
                                                                           : "flag.agent_below_3x.modelled"))]))
            }
            flag(.agentBelow3x, title: ["bar": .multiple(p.roiMinimum)],
                 ["bar": .multiple(p.roiMinimum), "agents": .joined(lines, "; "),
                  "losing": .optional(weak.contains(where: \.losesMoney) ? Phrase("flag.agent_below_3x.losing") : nil)],
                 subjects: weak.map(\.agent))
        }
        return flags
    }
}


/// What changed since the previous assessment, with the names the previous questionnaire used.
public struct Since: Sendable, Equatable {
    public var comparison: Comparison
    public var stageNameBefore: String
    public var stageNameAfter: String
    /// Titles for every flag id raised or cleared, from whichever assessment raised it.
    public var flagTitles: [String: Phrase]
    /// The earlier assessment's currency and questionnaire: last quarter's move and plan are said in them.
    public var currencyBefore: String
    public var questionnaireBefore: Questionnaire

    public init(previous: Evaluation, current: Evaluation) {
        comparison = Comparison.compare(previous, current)
        currencyBefore = previous.assessment.organization.currency
        questionnaireBefore = previous.questionnaire
        stageNameBefore = previous.questionnaire.stageName(comparison.stageBefore)
        stageNameAfter = current.questionnaire.stageName(comparison.stageAfter)
        flagTitles = Dictionary((previous.allFlags + current.allFlags).map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }
}

/// One assessment's headline, as a point in the company's history.
public struct TrendPoint: Sendable, Equatable {
    public var assessedOn: Day
    public var stage: Int
    public var stageName: String
    public var flags: [String]
    public var agentsInProduction: Int
    /// The dollars agents report a year, only where they report them.
    public var dollarsReported: Double
    public var nextMove: Phrase
    public var nextMoveKind: NextMove.Kind
    /// The assessment's currency and questionnaire: its move is said in them.
    public var currency: String
    public var questionnaire: Questionnaire

    public init(_ e: Evaluation) {
        assessedOn = e.assessment.assessedOn
        stage = e.placement.stage
        stageName = e.questionnaire.stageName(e.placement.stage)
        flags = e.allFlags.map(\.id)
        agentsInProduction = e.assessment.agents.filter { $0.status == .production }.count
        dollarsReported = e.assessment.agents.compactMap { $0.reportsDollars == true ? $0.annualDollarValue : nil }.reduce(0, +)
        nextMove = e.plan.nextMove.title
        nextMoveKind = e.plan.nextMove.kind
        currency = e.assessment.organization.currency
        questionnaire = e.questionnaire
    }
}
