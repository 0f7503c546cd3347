/// Each kind of move as a title, a reason and dated steps.
extension Situation {
    var planLast: Int { p.planDays - 1 }

    /// A step that starts `from` calendar days into the plan (on the first working day from there)
    /// and lasts the working days that `days` calendar days hold.
    func step(_ id: String, _ title: Phrase, from: Int, days: Int, gate: Phrase, owner: Phrase) -> PlanStep {
        planStep(id, rung: id, title: title, from: start.adding(days: from), workdays: schedule.workdays(inCalendarDays: max(days, 1)),
                 gate: gate, owner: owner)
    }

    /// Calendar days from the plan start to the working day after `step` ends.
    func after(_ step: PlanStep) -> Int { dayIndex(schedule.firstWorkday(onOrAfter: step.end.adding(days: 1))) }

    func blankMove(_ kind: NextMove.Kind, _ title: Phrase, _ detail: [Phrase], owner: Phrase = Planner.nameAnOwner) -> NextMove {
        NextMove(kind: kind, title: title, detail: detail, useCase: nil, agent: nil, reuses: nil, then: nil,
                 fitsIn90Days: true, alternative: nil, weeks: 0, owner: owner, annualValue: nil, annualRunCost: nil,
                 roi: nil, costOfDelayPerQuarter: nil, alongside: [], alongsideMoves: [])
    }

    func withUseCase(_ m: NextMove, _ u: UseCase?, costOfDelay: Bool = true) -> NextMove {
        guard let u else { return m }
        var m = m
        m.useCase = u.name
        m.annualValue = u.annualValue
        m.annualRunCost = u.annualRunCost
        m.roi = u.roi
        if costOfDelay { m.costOfDelayPerQuarter = max(0, u.annualValue - u.annualRunCost) / 4 }
        return m
    }

    func weeks(_ days: Int) -> Int { max(1, (Double(days) / 7).roundedInt(.up)) }

    /// A ladder too long for the window, said plainly.
    func realLength(_ run: LadderRun, volume: Double?) -> Phrase {
        let w = weeks(run.productionStartDay - run.startDay)
        // Say why it is long: the cases its gates need, the plant's closures, or the build.
        let closed = run.steps.reduce(0) { $0 + $1.closed.count }
        let cause: Phrase
        if run.stretched {
            cause = volume.map { Phrase("length.cause.volume", ["volume": .number($0)]) } ?? Phrase("length.cause.volume_unknown")
        } else if closed > 0 {
            cause = Phrase("length.cause.closed", ["days": .count(closed, "working_day")])
        } else if let build = run.steps.first(where: { $0.rung == "build" }), schedule.workdaysBetween(build.start, build.end) > 3 * workdaysPerWeek {
            cause = Phrase("length.cause.build", ["weeks": .int(weeks(schedule.workdaysBetween(build.start, build.end) * 7 / workdaysPerWeek))])
        } else {
            cause = .empty
        }
        return Phrase("length.climb", ["weeks": .int(w), "cause": .phrase(cause), "days": .int(p.planDays)])
    }

    /// The best use case at or above the bar, other than `excluding`, whose fresh ladder fits the window.
    func alternative(excluding name: String?) -> UseCase? {
        useCases.first { u in
            u.eligible && u.side == .office && u.name != name && (u.agentStatus.map { $0 < .shadow } ?? true)
                && freshLadder(u, startDay: 0).0.fits
        }
    }

    // MARK: kinds 1 to 6

    func build(_ f: Finding) -> Built {
        switch f.kind {
        case .ownOrRetireAgent, .closeGateGaps, .fixOrStopAgent:
            return buildAgentFix(f)
        case .finishLadder:
            return buildFinishLadder(f)
        case .hardenPlatform:
            return buildHarden()
        case .installGovernance:
            return buildGovernance()
        default:
            return buildWhenNothingIsLive()
        }
    }

    /// Own it, close its gaps or fix its economics: one step, then the next use case where the window leaves room.
    func buildAgentFix(_ f: Finding) -> Built {
        guard let agent = f.agent else { return buildWhenNothingIsLive() }
        let u = useCase(of: agent)
        let e = economics(of: agent)
        let name = Phrase.Arg.text(agent.name)
        let status = Phrase.Arg.status(agent.status)
        let owner = Planner.owner(agent.namedOwner)
        let bar = Phrase.Arg.multiple(p.roiMinimum)
        var m: NextMove
        var s: PlanStep
        switch f.kind {
        case .ownOrRetireAgent:
            let days = p.moveWeeks.ownWithinDays
            m = blankMove(.ownOrRetireAgent, Phrase("move.own.title", ["agent": name, "days": .count(days, "day")]),
                          [Phrase("move.own.detail", ["agent": name, "status": status, "window": .int(p.slo.rollingWindowTransactions)])],
                          owner: Phrase("owner.operations_lead"))
            s = step("own_agent", Phrase("step.own_agent.title", ["agent": name]), from: 0, days: days,
                     gate: Phrase("step.own_agent.gate", ["window": .int(p.slo.rollingWindowTransactions),
                                                         "duties": .joined(p.ownerDuties.map(Phrase.Arg.text), "; ")]),
                     owner: Phrase("owner.executive_sponsor"))
        case .closeGateGaps:
            let bars = missingBars(agent)
            let n = Phrase.Arg.int(bars.count)
            let earns = placement.stage < 2 && agent.status == .production ? Phrase("move.gaps.earns_stage_2", ["agent": name, "n": n])
                : (agent.status == .production ? Phrase("move.gaps.not_gated_until", ["agent": name, "n": n]) : Phrase("move.gaps.before_go_no_go"))
            m = blankMove(.closeGateGaps, Phrase("move.gaps.title", ["agent": name, "n": n, "bars": .bars(bars.map(\.id))]),
                          [Phrase("move.gaps.detail", ["agent": name, "status": status, "missing": .words(bars.count),
                                                       "total": .words(q.gateBars.count), "bars": .bars(bars.map(\.id))]), earns],
                          owner: owner)
            s = closeGapsStep(agent, bars)
        default:
            let roi = e?.roi ?? 0
            let basis: Phrase
            if let e, e.judgedOnRealised, let realised = e.realisedValue, let cost = e.annualRunCost {
                basis = Phrase("move.fix.basis.reported", ["value": .money(realised), "cost": .money(cost)])
            } else if let u {
                basis = Phrase("move.fix.basis.estimated", ["value": .money(u.annualValue), "cost": .money(u.annualRunCost)])
            } else {
                basis = Phrase("move.fix.basis.none")
            }
            let climbingAgent = agent.status < .production
            if climbingAgent && !(e?.losesMoney ?? false) {
                m = blankMove(.fixOrStopAgent, Phrase("move.stop_climb.title", ["agent": name]),
                              [Phrase("move.stop_climb.detail", ["agent": name, "status": status, "roi": .ratio(roi), "basis": .phrase(basis), "bar": bar])],
                              owner: owner)
                s = step("fix_economics", Phrase("step.stop_climb.title", ["agent": name]), from: 0, days: p.moveWeeks.fixEconomics * 7,
                         gate: Phrase("step.stop_climb.gate", ["bar": bar]), owner: owner)
            } else {
                let loss = (e?.annualRunCost ?? 0) - (e?.realisedValue ?? u?.annualValue ?? 0)
                m = blankMove(.fixOrStopAgent, Phrase("move.fix.title", ["agent": name]),
                              [Phrase("move.fix.detail", ["agent": name, "status": status, "roi": .ratio(roi), "basis": .phrase(basis),
                                                          "loss": .money(max(0, loss)), "bar": bar])],
                              owner: owner)
                s = step("fix_economics", Phrase("step.fix_economics.title", ["agent": name]), from: 0, days: p.moveWeeks.fixEconomics * 7,
                         gate: Phrase("step.fix_economics.gate", ["bar": bar]), owner: owner)
            }
        }
        m.agent = agent.name
        m = withUseCase(m, u, costOfDelay: false)
        // What the agent is judged on: its reported dollars once it reports them, else the estimate.
        if let e, e.judgedOnRealised, let realised = e.realisedValue { m.annualValue = realised }
        if let roi = e?.roi { m.roi = roi }
        var steps = [s]
        // The agent's other problems are part of this move, in parallel, not a second line beside it.
        for other in findings() where other.agent?.name == agent.name && other.kind != f.kind {
            switch other.kind {
            case .closeGateGaps where f.kind != .closeGateGaps:
                let bars = missingBars(agent)
                steps.append(closeGapsStep(agent, bars))
                m.detail.append(Phrase("move.gaps.same_weeks", ["n": .int(bars.count), "bars": .bars(bars.map(\.id))]))
            case .fixOrStopAgent where f.kind != .fixOrStopAgent:
                steps.append(step("fix_economics", Phrase("step.fix_economics.title", ["agent": name]), from: 0, days: p.moveWeeks.fixEconomics * 7,
                                  gate: Phrase("step.fix_economics.gate_beside"), owner: owner))
                m.detail.append(Phrase("move.fix.same_decision", ["finding": .inSentence(other.text)]))
            default: break
            }
        }
        if let aside = belowBarAsides().first(where: { $0.agent?.name == agent.name }) {
            m.detail.append(Phrase("sentence", ["s": .phrase(aside.text)]))
        }
        let last = steps.map(\.end).max() ?? s.end
        m.weeks = weeks(s.start.days(until: last) + 1 + dayIndex(s.start))
        var built = Built(move: m, steps: steps)
        // A stopped or money-losing agent is not followed by the next agent on its plumbing; nor is
        // anything while the platform under the live agents needs hardening first.
        // The next agent's build (IT's or the integrator's work) runs beside a fix of the live one;
        // a climb that stops hands its team to the next workflow when the stop is done.
        // A stopped agent's plumbing is never reused (reusable() skips agents under the bar).
        follow(&built, fromDay: 0)
        return built
    }

    /// Every bar an agent misses, closed in one step.
    func closeGapsStep(_ agent: Agent, _ bars: [GateBar]) -> PlanStep {
        step("close_gate_gaps", Phrase("step.close_gate_gaps.title", ["agent": .text(agent.name)]), from: 0, days: p.moveWeeks.closeGateGaps * 7,
             gate: Phrase("step.close_gate_gaps.gate", ["bars": .joined(bars.map { .text($0.label) }, "; ")]), owner: Planner.owner(agent.namedOwner))
    }

    /// Rule 7's pick after the move's own work, where its ladder still fits the window.
    func follow(_ built: inout Built, fromDay day: Int) {
        guard !hardenApplies, let next = nextOfficeUseCase, next.name != built.move.useCase else { return }
        let (run, reuse) = freshLadder(next, startDay: day, name: next.name, prefix: "next_")
        guard run.fits else { return }
        built.move.then = next.name
        built.move.detail.append(Phrase(day == 0 ? "move.follow.beside" : "move.follow.then",
                                        ["next": .text(next.name), "reuse": .optional(reuse.map { Phrase("move.follow.reusing", ["agent": .text($0.name)]) })]))
        built.steps += run.steps
        if built.shadowWeeks == nil { built.shadowWeeks = run.shadowWeeks }
        if built.goNoGoOn == nil { built.goNoGoOn = run.goNoGoDay.map { start.adding(days: $0) } }
        if run.stretched, (next.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { built.flags.append(FlagID.lowVolumeForShadow.rawValue) }
        if built.budget.isEmpty { built.budget = next.runCost }
    }

    func buildFinishLadder(_ f: Finding) -> Built {
        guard let agent = f.agent else { return buildWhenNothingIsLive() }
        let u = useCase(of: agent)
        let rung = EngineRung(rawValue: agent.status.rawValue) ?? .shadow
        let owner = Planner.owner(agent.namedOwner)
        let run = ladder(LadderRequest(volume: u?.volumePerWeek, from: rung, owner: owner, strictGate: u?.strictGate ?? false))
        let name = Phrase.Arg.text(agent.name), status = Phrase.Arg.status(agent.status)
        let title = run.fits
            ? Phrase("move.finish.title", ["agent": name, "status": status, "days": .int(p.planDays)])
            : Phrase("move.finish.title_long", ["agent": name, "status": status, "length": .phrase(realLength(run, volume: u?.volumePerWeek))])
        var detail = [Phrase("move.finish.detail", ["agent": name, "status": status])]
        if u == nil { detail.append(Phrase("move.finish.not_in_inventory", ["bar": .multiple(p.roiMinimum)])) }
        if agent.namedOwner == nil { detail.append(Phrase("move.finish.name_owner")) }
        var m = blankMove(.finishLadder, title, detail, owner: owner)
        m.agent = agent.name
        m = withUseCase(m, u)
        m.fitsIn90Days = run.fits
        m.weeks = weeks(run.productionStartDay)
        m.strictGate = u?.strictGate ?? false
        var built = Built(move: m, steps: run.steps, shadowWeeks: run.shadowWeeks,
                          goNoGoOn: run.goNoGoDay.map { start.adding(days: $0) }, budget: u?.runCost ?? [])
        if run.stretched, (u?.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { built.flags.append(FlagID.lowVolumeForShadow.rawValue) }
        if run.fits, let g = run.goNoGoDay {
            follow(&built, fromDay: g + 1)
        } else if !run.fits {
            built.move.alternative = alternative(excluding: u?.name)?.name
        }
        return built
    }

    func buildHarden() -> Built {
        let n = live.count
        let why = Phrase(!yes(.newAgentShipsInWeeks) ? "move.harden.why.takes_quarters" : "move.harden.why.costs_more")
        let portfolioOwner = Phrase("owner.portfolio_owner")
        let m = blankMove(.hardenPlatform, Phrase("move.harden.title", ["next": .int(n + 1)]),
                          [Phrase("move.harden.detail", ["live": .int(n), "why": .phrase(why)])], owner: portfolioOwner)
        func fixed(_ id: String, from: Int, days: Int, owner: Phrase, _ args: [String: Phrase.Arg] = [:]) -> PlanStep {
            step(id, Phrase("step.\(id).title"), from: from, days: days, gate: Phrase("step.\(id).gate", args), owner: owner)
        }
        let steps = [
            fixed("portfolio_owner", from: 0, days: 7, owner: Phrase("owner.executive_sponsor")),
            fixed("shared_connectors", from: 7, days: 35, owner: portfolioOwner),
            fixed("shared_monitoring", from: 42, days: 28, owner: portfolioOwner, ["window": .int(p.slo.rollingWindowTransactions)]),
            fixed("marginal_cost", from: 70, days: max(1, p.planDays - 70), owner: portfolioOwner),
        ]
        var built = Built(move: m, steps: steps)
        built.move.weeks = weeks(p.planDays)
        return built
    }

    // MARK: kinds 7 to 9, when nothing live needs attention first

    func buildWhenNothingIsLive() -> Built {
        let stage = placement.stage
        if stage >= 4 { return buildLineLevel(portfolio: true) }
        if stage == 3 {
            // Governed, and each agent cheaper than the last: the first line-level use case, when one is
            // listed; otherwise the next office agent, and only with nothing else to ship, choosing one.
            let solid = a.answers["marginal_cost_trend"] == .choice("falling")
            if (solid && lineUseCase != nil) || nextOfficeUseCase == nil { return buildLineLevel(portfolio: false) }
        }
        if let u = nextOfficeUseCase { return buildShip(u) }
        if stage <= 1 { return buildStandardise() }
        return buildInventory()
    }

    func buildShip(_ u: UseCase) -> Built {
        let first = live.isEmpty && climbing.isEmpty
        let plan = buildPlan(u)
        let (run, reuse) = freshLadder(u, startDay: 0)
        let system = systemArg(process(named: u.name)?.systemOfRecord)
        let name = Phrase.Arg.text(u.name)
        let when = run.fits ? Phrase("move.when.within", ["days": .int(p.planDays)])
            : Phrase("move.when.length", ["length": .phrase(realLength(run, volume: u.volumePerWeek))])
        let title: Phrase
        if let pilot = plan.pilot {
            title = Phrase("move.ship.restart.title", ["pilot": .phrase(pilotPhrase(pilot.name)), "use_case": name, "when": .optional(run.fits ? when : nil)])
        } else if first {
            title = Phrase("move.ship.first.title", ["use_case": name, "when": .phrase(when)])
        } else if let reuse {
            title = Phrase("move.ship.reuse.title", ["use_case": name, "agent": .text(reuse.name), "system": system, "when": .optional(run.fits ? nil : when)])
        } else {
            title = Phrase("move.ship.next.title", ["use_case": name, "when": .phrase(when)])
        }
        var detail = [Phrase(first ? "move.ship.top_ranked" : "move.ship.next_ranked",
                             ["value": .money(u.annualValue), "roi": .ratio(u.roi), "feasibility": .int(u.feasibility)])]
        if let pilot = plan.pilot {
            detail.append(Phrase("move.ship.restart.detail", ["pilot": .text(pilot.name)]))
            if pilot.namedOwner == nil {
                detail.append(Phrase("move.ship.restart.no_owner", ["candidate": .phrase(u.owner.map(Phrase.verbatim) ?? Phrase("owner.nobody_listed"))]))
            }
        } else if let reuse {
            detail.append(Phrase("move.ship.reuse.detail", ["system": system, "agent": .text(reuse.name)]))
        } else if first {
            detail.append(Phrase("move.ship.first.detail", ["system": system]))
        } else {
            detail.append(Phrase("move.ship.next.detail", ["system": system]))
        }
        if plan.share < 1 {
            detail.append(Phrase("move.ship.faster", ["n": .int(platformAgents), "share": .percent(plan.share),
                                                      "weeks": .int(p.autoStraightWeeks)]))
        }
        if u.strictGate { detail.append(Phrase("move.ship.strict", ["rate": .percent(p.lineLevel.strictAutoRate)])) }
        detail.append(Phrase("move.owner", ["owner": .phrase(Planner.owner(u.owner))]))
        var m = blankMove(first ? .shipFirstAgent : .shipNextAgent, title, detail, owner: Planner.owner(u.owner))
        m = withUseCase(m, u)
        m.reuses = reuse?.name
        m.restarts = plan.pilot?.name
        m.agent = plan.pilot?.name
        m.fitsIn90Days = run.fits
        m.weeks = weeks(run.productionStartDay)
        m.weeksToLive = run.liveDay.map { weeks($0) }
        m.platformAgents = platformAgents
        m.lengthShare = plan.share
        m.strictGate = u.strictGate
        m.oneTimeCost = plan.cost
        m.paybackMonths = plan.cost.paybackMonths(annualNet: u.annualValue - u.annualRunCost)
        if !run.fits { m.alternative = alternative(excluding: u.name)?.name }
        var built = Built(move: m, steps: run.steps, shadowWeeks: run.shadowWeeks,
                          goNoGoOn: run.goNoGoDay.map { start.adding(days: $0) }, budget: u.runCost)
        if run.stretched, (u.volumePerWeek ?? 0) < p.shadowGate.lowVolumePerWeek { built.flags.append(FlagID.lowVolumeForShadow.rawValue) }
        return built
    }

    func buildStandardise() -> Built {
        let empty = !useCases.contains { $0.side == .office }
        let tools = a.answers[EngineQuestion.staffAITools.rawValue]
        let using = tools == .choice("ad_hoc") || tools == .choice("standardized")
        let bar = Phrase.Arg.multiple(p.roiMinimum)
        let why = empty ? Phrase("move.standardise.why.empty") : Phrase("move.standardise.why.under_bar", ["bar": bar])
        let m = blankMove(.standardiseTools, Phrase(using ? "move.standardise.title" : "move.standardise.title_first_tool"),
                          [why, Phrase("move.standardise.detail")])
        let s1 = p.moveWeeks.standardiseTools * 7, s2 = p.moveWeeks.measureGains * 7
        let steps = [
            step("standardise_tools", Phrase("step.standardise_tools.title"), from: 0, days: s1,
                 gate: Phrase("step.standardise_tools.gate"), owner: Planner.nameAnOwner),
            step("measure_gains", Phrase("step.measure_gains.title"), from: s1, days: s2,
                 gate: Phrase("step.measure_gains.gate"), owner: Planner.nameAnOwner),
            step("inventory", empty ? inventoryTitle : Phrase("step.recheck_inventory.title"),
                 from: s1 + s2, days: max(7, p.planDays - s1 - s2),
                 gate: Phrase("step.recheck_inventory.gate", ["bar": bar]), owner: Planner.nameAnOwner),
        ]
        var built = Built(move: m, steps: steps)
        built.move.weeks = weeks(p.planDays)
        return built
    }

    /// "Inventory: list five to ten office processes …".
    var inventoryTitle: Phrase {
        Phrase("step.inventory.title", ["min": .words(p.inventoryMinProcesses), "max": .words(2 * p.inventoryMinProcesses)])
    }

    /// Stage 2 with nothing at or above the bar: fix the inventory before anything else.
    func buildInventory() -> Built {
        let empty = !useCases.contains { $0.side == .office }
        let bar = Phrase.Arg.multiple(p.roiMinimum)
        let m = blankMove(empty ? .buildInventory : .findBetterWorkflow,
                          empty ? Phrase("move.inventory.title") : Phrase("move.find_workflow.title", ["bar": bar]),
                          [empty ? Phrase("move.inventory.detail", ["min": .words(p.inventoryMinProcesses), "max": .words(2 * p.inventoryMinProcesses)])
                                 : Phrase("move.find_workflow.detail", ["bar": bar])])
        let steps = [
            step("inventory", inventoryTitle, from: 0, days: 14,
                 gate: Phrase("step.inventory.gate", ["min": .int(p.inventoryMinProcesses)]), owner: Planner.nameAnOwner),
            step("rank", Phrase("step.rank.title"), from: 14, days: 7, gate: Phrase("step.rank.gate", ["bar": bar]), owner: Planner.nameAnOwner),
            step("commit", Phrase("step.commit.title"), from: 21, days: max(7, p.planDays - 21),
                 gate: Phrase("step.commit.gate"), owner: Planner.nameAnOwner),
        ]
        var built = Built(move: m, steps: steps)
        built.move.weeks = weeks(p.planDays)
        return built
    }
}
