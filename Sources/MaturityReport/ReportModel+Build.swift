import MaturityCore

/// Builds the report model from an evaluation, part by part. This is the only code that reads an
/// evaluation for a report; every format reads the model.
extension ReportModel {
    /// The model of one evaluation, with its comparison, trend and room when the evaluation has them.
    public init(_ e: Evaluation, words: PhraseBook) {
        let a = e.assessment, q = e.questionnaire, pl = e.placement, plan = e.plan
        let w = words.for(currency: a.organization.currency, questionnaire: q)
        organization = OrganizationJSON(name: a.organization.name, industry: a.organization.industry,
                                        currency: a.organization.currency, loadedHourlyRate: a.organization.loadedHourlyRate)
        organization.usdRate = a.organization.currency == "USD" ? nil : a.organization.usdRate
        organization.usdRateOn = a.organization.currency == "USD" ? nil : a.organization.usdRateOn?.iso
        questionnaire = QuestionnaireRef(id: q.id, title: q.title, version: q.version, revision: q.revision)
        assessedOn = a.assessedOn.iso
        planStartsOn = a.planStart.iso
        stage = pl.stage
        stageName = q.stageName(pl.stage)
        let current = q.stage(pl.stage)
        stageSummary = w.say(e.stageSummary)
        trap = current?.trap ?? ""
        stageLooksLike = current?.looksLike ?? ""
        stageMove = current?.move ?? ""
        notYet = (current?.notYet ?? []).map { NotYetJSON(what: $0.what, why: $0.why) }
        stages = (0...4).map { StageRefJSON(level: $0, name: q.stageName($0)) }
        respondents = a.respondents.map { RespondentJSON(name: $0.name, role: $0.role) }
        answers = Self.answers(a, q, w)
        parameters = ParametersJSON(q.parameters)
        governance = q.governance.map {
            HabitJSON(id: $0.id, habit: $0.habit, cadence: $0.cadence, question: $0.question, fromStage: $0.fromStage,
                      inPlace: $0.inPlace(a.answers))
        }
        sources = q.sources.map { SourceJSON(fact: $0.fact, source: $0.source) }
        currencyNote = e.currencyNote.map(w.say)
        shadowStretched = plan.flags.contains(FlagID.lowVolumeForShadow.rawValue)
        calendarGiven = plan.calendarGiven
        evidence = pl.evidence.map { EvidenceJSON(stage: $0.stage, id: $0.id, rule: w.say($0.rule), passed: $0.passed, basis: w.say($0.basis)) }
        flags = e.allFlags.map { FlagJSON(id: $0.id, title: w.say($0.title), detail: w.say($0.detail), subjects: $0.subjects) }
        unknownAnswers = pl.unknownAnswers
        moveUp = pl.moveUp.map { MoveUpJSON(toStage: $0.toStage, toStageName: q.stageName($0.toStage), facts: $0.facts.map(w.say)) }
        gatedAgents = pl.gatedAgents
        nextMove = NextMoveJSON(plan.nextMove, w)
        goNoGoOn = plan.goNoGoOn?.iso
        useCases = e.useCases.map { UseCaseJSON($0, w) }
        self.plan = plan.steps.map { step in
            let title = w.say(step.title)
            return PlanStepJSON(id: step.id, title: title, label: PhraseBook.label(ofTitle: title), start: step.start.iso, end: step.end.iso,
                                gate: w.say(step.gate), owner: w.say(step.owner), rung: step.rung.isEmpty ? step.id : step.rung,
                                closedDays: step.closed.map(\.iso))
        }
        planEnd = plan.end.iso
        shadowWeeks = plan.shadowWeeks
        slo = SLOJSON(autoApproveAccuracy: plan.slo.autoApproveAccuracy, pageOwnerBelow: plan.slo.pageOwnerBelow,
                      rollingWindowTransactions: plan.slo.rollingWindowTransactions,
                      highSeverityErrorsAllowed: plan.slo.highSeverityErrorsAllowed,
                      exceptionQueueBusinessHours: plan.slo.exceptionQueueBusinessHours)
        goNoGo = plan.goNoGo.map(\.question)
        budget = plan.budget.map { CostLineJSON($0, w) }
        agents = a.agents.map { AgentJSON($0, e, w) }
        addDeliverable(Deliverable(e), w)
        if let since = e.since { sinceLastQuarter = ComparisonJSON(since, words: w) }
        if !e.trend.isEmpty { trend = e.trend.map { HistoryEntry(file: nil, $0, words: w) } }
        if let room = e.room { addRoom(room, rule: a.workshop?.rule ?? .strict, q, w) }
    }

    /// Every question with the answer on file, a choice as "label (value)".
    static func answers(_ a: Assessment, _ q: Questionnaire, _ w: PhraseBook) -> [AnswerJSON] {
        let hasAgents = a.agents.contains { $0.status != .idea }
        return q.questions.map { question in
            var shown: String?
            var words: String?
            if let answer = a.answers[question.id] {
                if case .choice(let c) = answer {
                    shown = question.choices.first { $0.value == c }.map { "\($0.label) (\(c))" } ?? c
                    words = question.choices.first { $0.value == c }?.label ?? c
                } else if case .yesNo(let yes) = answer {
                    shown = answer.display
                    words = w.say(yes ? "answer.yes" : "answer.no")
                } else if case .number(let n) = answer {
                    shown = answer.display
                    words = Format.decimal(n)
                } else {
                    shown = answer.display
                    words = shown
                }
            }
            return AnswerJSON(id: question.id, short: question.short ?? question.prompt, section: question.section,
                              prompt: question.prompt, answer: shown, shown: words, applies: hasAgents || !question.needsAgents)
        }
    }

    /// Where the room split and whose answer alone moves the stage, in the report's words. `answer`
    /// keeps the form the file records ("true", "ad_hoc", "unknown"); `shown` is how a reader says it.
    mutating func addRoom(_ room: WorkshopAnalysis, rule: Workshop.Rule, _ q: Questionnaire, _ w: PhraseBook) {
        func shown(_ answer: Answer?, _ question: String) -> String {
            switch answer {
            case nil: return w.say("answer.unknown")
            case .yesNo(let yes)?: return w.say(yes ? "answer.yes" : "answer.no")
            case .choice(let c)?:
                // A choice reads as its label ("some people use them on their own"), not its id.
                return q.question(question)?.choices.first { $0.value == c }.map { w.inSentence($0.label) } ?? c
            case let other?: return other.display
            }
        }
        func person(_ a: Workshop.PersonAnswer, _ question: String) -> PersonAnswerJSON {
            PersonAnswerJSON(person: a.person, answer: Workshop.text(a.answer), shown: shown(a.answer, question))
        }
        disagreements = room.splits.map { s in
            DisagreementJSON(question: s.question, prompt: s.prompt, answers: s.answers.map { person($0, s.question) },
                             rule: s.rule.rawValue, result: Workshop.text(s.result), resultShown: shown(s.result, s.question), dissent: s.dissent,
                             stageByAnswer: s.stageByAnswer.map { AnswerStageJSON(answer: Workshop.text($0.answer), shown: shown($0.answer, s.question),
                                                                                  stage: $0.stage) },
                             executives: s.executives.map { w.say("ui.room.answer",
                                                                  ["person": .text($0.person), "answer": .text(shown($0.answer, s.question))]) },
                             handsOn: s.handsOn.map { w.say("ui.room.answer", ["person": .text($0.person), "answer": .text(shown($0.answer, s.question))]) })
        }
        stageTogether = room.together.map { t in
            TogetherJSON(stage: t.stage, answers: t.picks.map { TogetherAnswerJSON(question: $0.question, answer: Workshop.text($0.answer),
                                                                                   shown: shown($0.answer, $0.question), people: $0.people) })
        }
        let short = { (id: String) in q.question(id).map { w.inSentence($0.short ?? $0.prompt) } ?? id }
        let stageArg = { (level: Int) in Phrase.Arg.int(level) }
        for (i, s) in room.splits.enumerated() {
            let alone = s.stageByAnswer.dropFirst().filter { $0.stage != room.stage }
            let with = room.together.filter { t in t.picks.contains { $0.question == s.question } }
            let effect: Phrase
            if !alone.isEmpty {
                effect = Phrase("workshop.effect.alone",
                                ["answers": .joined(alone.map {
                                    .phrase(Phrase("workshop.answer_stage", ["answer": .text(shown($0.answer, s.question)), "stage": stageArg($0.stage)]))
                                }, "; ")])
            } else if let t = with.first {
                effect = Phrase("workshop.effect.together",
                                ["questions": .list(t.picks.filter { $0.question != s.question }.map { .text(short($0.question)) }),
                                 "stage": stageArg(t.stage)])
            } else {
                effect = Phrase(room.together.isEmpty ? "workshop.effect.none" : "workshop.effect.none_alone", ["stage": stageArg(room.stage)])
            }
            disagreements?[i].effectShown = w.say(effect)
        }
        // Said once: which answers would move the stage, alone or only together.
        var moves: [Phrase.Arg] = []
        for s in room.splits {
            let alone = s.stageByAnswer.dropFirst().filter { $0.stage != room.stage }
            guard !alone.isEmpty else { continue }
            moves.append(.phrase(Phrase("workshop.moves.item", ["question": .text(short(s.question)),
                                                               "answers": .joined(alone.map {
                                                                   .phrase(Phrase("workshop.answer_stage",
                                                                                  ["answer": .text(shown($0.answer, s.question)), "stage": stageArg($0.stage)]))
                                                               }, " or ")])))
        }
        for t in room.together {
            let items: [Phrase.Arg] = t.picks.map { .phrase(Phrase("workshop.moves.pick",
                                                                   ["question": .text(short($0.question)), "answer": .text(shown($0.answer, $0.question))])) }
            moves.append(.phrase(Phrase("workshop.moves.together_item", ["picks": .list(items), "stage": stageArg(t.stage)])))
        }
        roomMoves = room.splits.isEmpty ? nil
            : w.say(moves.isEmpty ? Phrase("workshop.moves.nothing", ["stage": stageArg(room.stage)])
                    : Phrase("workshop.moves.some", ["stage": stageArg(room.stage), "moves": .joined(moves, "; ")]))
        personStages = room.people.map { PersonStageJSON(person: $0.person, role: $0.role, executive: $0.executive, stage: $0.stage) }
        stageMovers = room.movers.map {
            MoverJSON(person: $0.person, question: $0.question,
                      questionText: q.question($0.question).map { w.inSentence($0.short ?? $0.prompt) } ?? $0.question,
                      answer: Workshop.text($0.answer), shown: shown($0.answer, $0.question), stage: $0.stage)
        }
        workshopRule = rule.rawValue
        conflicts = room.conflicts.map { c in
            ConflictJSON(item: c.item, field: c.field,
                         values: c.values.map { PersonAnswerJSON(person: $0.person, answer: $0.value, shown: $0.value) }, kept: c.kept)
        }
    }
}

/// Money in whole currency units; returns to one decimal, FTE to two.
private func money(_ v: Double) -> Int { v.roundedInt() }
private func round1(_ v: Double) -> Double { (v * 10).rounded() / 10 }
private func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

extension ReportModel.NextMoveJSON {
    init(_ m: NextMove, _ w: PhraseBook) {
        self.init(kind: m.kind.rawValue, title: w.say(m.title), detail: w.sentences(m.detail), useCase: m.useCase, owner: w.say(m.owner),
                  annualValue: m.annualValue.map(money), annualRunCost: m.annualRunCost.map(money),
                  roi: m.roi.map(round1), costOfDelayPerQuarter: m.costOfDelayPerQuarter.map(money),
                  alongside: m.alongside.map(w.say), agent: m.agent, reuses: m.reuses, then: m.then,
                  fitsIn90Days: m.fitsIn90Days, alternative: m.alternative, weeks: m.weeks,
                  alongsideMoves: m.alongsideMoves.map { .init(kind: $0.kind.rawValue, agent: $0.agent, text: w.say($0.text)) },
                  oneTimeCost: m.oneTimeCost.map { money($0.middle) },
                  oneTimeCostRange: m.oneTimeCost.map { .init(low: money($0.low), high: money($0.high)) },
                  paybackMonths: m.paybackMonths.map(round1), restarts: m.restarts, platformAgents: m.platformAgents,
                  lengthShare: round2(m.lengthShare), weeksToLive: m.weeksToLive, strictGate: m.strictGate)
        ownerNamed = m.ownerNamed
    }
}

extension ReportModel.CostLineJSON {
    init(_ line: CostLine, _ w: PhraseBook) { self.init(id: line.id, label: w.say(line.label), annual: money(line.annual), basis: w.say(line.basis)) }
}

extension ReportModel.UseCaseJSON {
    init(_ u: UseCase, _ w: PhraseBook) {
        self.init(rank: u.rank, name: u.name, department: u.department, side: u.side.rawValue,
                  hoursPerWeek: u.hoursPerWeek, volumePerWeek: u.volumePerWeek, owner: u.owner,
                  annualValue: money(u.annualValue), fteFreed: round2(u.fteFreed),
                  annualRunCost: money(u.annualRunCost), runCost: u.runCost.map { ReportModel.CostLineJSON($0, w) }, roi: round1(u.roi),
                  feasibility: u.feasibility,
                  factors: u.factors.map { .init(id: $0.id, label: w.say($0.label), answer: w.say($0.answer), points: round1($0.points),
                                                 maxPoints: $0.maxPoints) },
                  locked: u.locked, lockedReason: u.lockedReason.map(w.say), quadrant: u.quadrant.rawValue,
                  quadrantLabel: w.say(u.quadrant.label), flags: u.flags, alreadyAutomated: u.alreadyAutomated,
                  agent: u.agent, agentStatus: u.agentStatus?.rawValue, eligible: u.eligible,
                  ineligibleReason: u.ineligibleReason.map(w.say), valueBasis: u.valueBasis.rawValue,
                  oneTimeCost: money(u.oneTimeCost.middle), oneTimeCostRange: .init(low: money(u.oneTimeCost.low), high: money(u.oneTimeCost.high)),
                  paybackMonths: u.paybackMonths.map(round1), strictGate: u.strictGate)
    }
}

extension ReportModel.AgentJSON {
    /// An agent with its gate bar by bar (cleared at any status), its economics and any measured rung.
    init(_ agent: Agent, _ e: Evaluation, _ w: PhraseBook) {
        let q = e.questionnaire
        let missing = Placement.missingBars(agent, questionnaire: q)
        let econ = e.economics.first { $0.agent == agent.name }
        self.init(name: agent.name, process: agent.process, status: agent.status.rawValue, side: agent.side.rawValue,
                  owner: agent.namedOwner, annualDollarValue: agent.annualDollarValue.map(money),
                  reportsDollars: agent.reportsDollars,
                  gate: q.gateBars.map { .init(id: $0.id, label: $0.label, cleared: !missing.contains($0.id), answered: agent.gate[$0.id] != nil) },
                  clearsGate: e.placement.gatedAgents.contains(agent.name),
                  estimatedAnnualValue: econ?.estimatedValue.map(money), annualRunCost: econ?.annualRunCost.map(money),
                  estimatedRoi: econ?.estimatedROI.map(round1), realisedRoi: econ?.realisedROI.map(round1),
                  realisedAnnualValue: econ?.realisedValue.map(money),
                  measured: agent.measured.map {
                      .init(log: $0.log, rung: $0.rung, verdict: $0.verdict, cases: $0.cases, from: $0.from.iso, to: $0.to.iso,
                            weekly: $0.weekly, firstWeek: $0.firstWeek)
                  },
                  statedRung: e.claims.first { $0.agent == agent.name }.map { w.status($0.stated) })
    }
}
