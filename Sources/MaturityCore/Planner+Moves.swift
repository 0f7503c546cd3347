/// Each kind of move as a title, a reason and dated steps.
extension Situation {
    var planLast: Int { p.planDays - 1 }

    /// A step that starts `from` calendar days into the plan (on the first working day from there)
    /// and lasts the working days that `days` calendar days hold.
    func step(_ id: String, _ title: String, from: Int, days: Int, gate: String, owner: String) -> PlanStep {
        planStep(id, rung: id, title: title, from: start.adding(days: from), workdays: schedule.workdays(inCalendarDays: max(days, 1)),
                 gate: gate, owner: owner)
    }

    /// Calendar days from the plan start to the working day after `step` ends.
    func after(_ step: PlanStep) -> Int { dayIndex(schedule.firstWorkday(onOrAfter: step.end.adding(days: 1))) }

    func blankMove(_ kind: NextMove.Kind, _ title: String, _ detail: String, owner: String = Planner.nameAnOwner) -> NextMove {
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

    func within(_ run: LadderRun) -> String { "within \(p.planDays) days" }

    /// A ladder too long for the window, said plainly.
    func realLength(_ run: LadderRun, volume: Double?) -> String {
        let w = weeks(run.productionStartDay - run.startDay)
        // Say why it is long: the cases its gates need, the plant's closures, or the build.
        let closed = run.steps.reduce(0) { $0 + $1.closed.count }
        let cause: String
        if run.stretched {
            cause = volume.map { " at \(Format.number($0)) cases a week" } ?? " with the weekly volume unknown"
        } else if closed > 0 {
            cause = " around \(Words.count(closed, "working day")) the plant is closed"
        } else if let build = run.steps.first(where: { $0.rung == "build" }), schedule.workdaysBetween(build.start, build.end) > 3 * workdaysPerWeek {
            cause = " with a \(weeks(schedule.workdaysBetween(build.start, build.end) * 7 / workdaysPerWeek))-week build"
        } else {
            cause = ""
        }
        return "a \(w)-week climb to production\(cause), not \(p.planDays) days"
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
        let status = Words.rung(agent.status, q)
        var m: NextMove
        var s: PlanStep
        switch f.kind {
        case .ownOrRetireAgent:
            let days = p.moveWeeks.ownWithinDays
            m = blankMove(.ownOrRetireAgent, "Give \(agent.name) an operations owner within \(Words.count(days, "day")), or switch it off",
                          "\(agent.name) acts on live work (\(status)) and nobody is named to own it. Orphaned agents are the ones that die: nobody watches the number, accuracy drifts and trust goes. Name an operations or planning lead, not IT, and put the SLO and the rolling-\(p.slo.rollingWindowTransactions) alarm on the agent under their name. If nobody in operations will take it on, the value is not worth defending: switch it off.",
                          owner: "an operations or planning lead")
            s = step("own_agent", "Own it or switch it off: an operations owner for \(agent.name)", from: 0, days: days,
                     gate: "An operations or planning lead named as owner; SLO and rolling-\(p.slo.rollingWindowTransactions) alarm set under their name; run cost on their budget line. The owner's job: \(p.ownerDuties.joined(separator: "; ")). Nobody willing: the agent is switched off",
                     owner: "executive sponsor")
        case .closeGateGaps:
            let bars = missingBars(agent)
            let earns = placement.stage < 2 && agent.status == .production
                ? " Closing \(bars.count == 1 ? "it" : "them") is what earns Stage 2: \(agent.name) is already live, and one gated agent is the whole difference."
                : (agent.status == .production ? " Until \(bars.count == 1 ? "it closes" : "they close"), \(agent.name) does not count as a gated agent." : " These must close before its go/no-go.")
            m = blankMove(.closeGateGaps, "Close \(agent.name)'s gate \(bars.count == 1 ? "gap" : "gaps"): \(Words.bars(bars))",
                          "\(agent.name) is live (\(status)) but misses \(Words.number(bars.count)) of the \(Words.number(q.gateBars.count)) production-gate bars: \(Words.bars(bars)).\(earns)",
                          owner: agent.namedOwner ?? Planner.nameAnOwner)
            s = step("close_gate_gaps", "Close gate gaps: \(agent.name)", from: 0, days: p.moveWeeks.closeGateGaps * 7,
                     gate: "Every bar cleared: " + bars.map(\.label).joined(separator: "; "),
                     owner: agent.namedOwner ?? Planner.nameAnOwner)
        default:
            let roi = e?.roi ?? 0
            let basis: String
            if let e, e.judgedOnRealised, let realised = e.realisedValue, let cost = e.annualRunCost {
                basis = "it reports \(money(realised)) a year (measured) against a modelled run cost of \(money(cost)) a year"
            } else if let u {
                basis = "its workflow is worth an estimated \(money(u.annualValue)) a year against a modelled run cost of \(money(u.annualRunCost)) (both modelled)"
            } else {
                basis = "its workflow does not pay for itself"
            }
            let climbingAgent = agent.status < .production
            if climbingAgent && !(e?.losesMoney ?? false) {
                m = blankMove(.fixOrStopAgent, "Stop \(agent.name)'s climb and pick a better workflow",
                              "\(agent.name) is at \(status) on a workflow that returns \(Format.ratio(roi)) its run cost: \(basis). The \(Format.multiple(p.roiMinimum)) bar decides what to scale, and this one should not be scaled: hold it where it is, or widen the work it takes on until the estimate clears \(Format.multiple(p.roiMinimum)); otherwise put the team on a workflow that does.",
                              owner: agent.namedOwner ?? Planner.nameAnOwner)
                s = step("fix_economics", "Stop the climb: \(agent.name), and choose the workflow that replaces it", from: 0, days: p.moveWeeks.fixEconomics * 7,
                         gate: "The climb paused; either a wider scope that clears \(Format.multiple(p.roiMinimum)) on the budget, or the next workflow chosen and the agent retired",
                         owner: agent.namedOwner ?? Planner.nameAnOwner)
            } else {
                let loss = (e?.annualRunCost ?? 0) - (e?.realisedValue ?? u?.annualValue ?? 0)
                m = blankMove(.fixOrStopAgent, "Fix \(agent.name) or stop it: it costs more than it earns",
                              "\(agent.name) (\(status)) returns \(Format.ratio(roi)) its run cost: \(basis), a net loss of \(money(max(0, loss))) a year. Breaking even is not the aim: unless a lower run cost (model usage, monitoring, exception handling) or a wider scope gets it to \(Format.multiple(p.roiMinimum)) at steady volume, retire it, release its run cost and put the team on a workflow that clears the bar.",
                              owner: agent.namedOwner ?? Planner.nameAnOwner)
                s = step("fix_economics", "Fix or stop: \(agent.name)", from: 0, days: p.moveWeeks.fixEconomics * 7,
                         gate: "A budgeted case for at least \(Format.multiple(p.roiMinimum)) its run cost at steady volume, or the agent retired and its run cost released",
                         owner: agent.namedOwner ?? Planner.nameAnOwner)
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
                steps.append(step("close_gate_gaps", "Close gate gaps: \(agent.name)", from: 0, days: p.moveWeeks.closeGateGaps * 7,
                                  gate: "Every bar cleared: " + bars.map(\.label).joined(separator: "; "), owner: agent.namedOwner ?? Planner.nameAnOwner))
                m.detail += " Its gate " + (bars.count == 1 ? "gap" : "gaps") + " (\(Words.bars(bars))) close in the same weeks."
            case .fixOrStopAgent where f.kind != .fixOrStopAgent:
                steps.append(step("fix_economics", "Fix or stop: \(agent.name)", from: 0, days: p.moveWeeks.fixEconomics * 7,
                                  gate: "Earns more than its run cost at steady volume, or retired", owner: agent.namedOwner ?? Planner.nameAnOwner))
                m.detail += " Its economics are part of the same decision: " + other.text.prefix(1).lowercased() + other.text.dropFirst() + "."
            default: break
            }
        }
        if let aside = belowBarAsides().first(where: { $0.agent?.name == agent.name }) {
            m.detail += " " + aside.text + "."
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

    /// Rule 7's pick after the move's own work, where its ladder still fits the window.
    func follow(_ built: inout Built, fromDay day: Int) {
        guard !hardenApplies, let next = nextOfficeUseCase, next.name != built.move.useCase else { return }
        let (run, reuse) = freshLadder(next, startDay: day, name: next.name, prefix: "next_")
        guard run.fits else { return }
        built.move.then = next.name
        built.move.detail += (day == 0 ? " Beside it, \(next.name) starts its build" : " Then \(next.name) follows in the same plan")
            + (reuse.map { ", reusing \($0.name)'s connection" } ?? "") + "."
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
        let owner = agent.namedOwner ?? Planner.nameAnOwner
        let run = ladder(LadderRequest(volume: u?.volumePerWeek, from: rung, owner: owner, strictGate: u?.strictGate ?? false))
        let status = Words.rung(agent.status, q)
        let title = run.fits
            ? "Finish \(agent.name)'s climb: from \(status) to production-owned within \(p.planDays) days"
            : "Finish \(agent.name)'s climb from \(status): \(realLength(run, volume: u?.volumePerWeek))"
        var detail = "\(agent.name) is already at \(status). Carry on from that rung, gate by gate, rather than starting again: the plan skips the rungs it has earned."
        if u == nil { detail += " Its process is not in the inventory, so its return against the \(Format.multiple(p.roiMinimum)) bar is unchecked: add it." }
        if agent.namedOwner == nil { detail += " Name its operations owner before it goes further." }
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
        let why = !yes(.newAgentShipsInWeeks) ? "a new agent still takes quarters" : "each new agent costs more to ship than the last"
        let m = blankMove(.hardenPlatform, "Harden the platform before agent \(n + 1): shared connectors, shared monitoring, one portfolio owner",
                          "\(n) agents act on live work, but \(why): each is still its own project. Before another stand-alone agent, move them onto shared connectors and one monitoring dashboard, name one portfolio owner, and measure what the next agent costs to ship. When that cost falls and new agents ship in weeks, this is a portfolio.",
                          owner: "portfolio owner")
        let steps = [
            step("portfolio_owner", "Portfolio owner: one person for the whole set of agents", from: 0, days: 7,
                 gate: "One person named, with the budget and the authority to retire agents", owner: "executive sponsor"),
            step("shared_connectors", "Shared connectors: one connection per system of record", from: 7, days: 35,
                 gate: "Every live agent reads and writes through the shared connector for its system; duplicates switched off", owner: "portfolio owner"),
            step("shared_monitoring", "Shared monitoring: one dashboard and alarm for every agent", from: 42, days: 28,
                 gate: "Every live agent on one dashboard with the rolling-\(p.slo.rollingWindowTransactions) alarm paging its owner", owner: "portfolio owner"),
            step("marginal_cost", "Marginal cost: measure what the next agent costs to ship", from: 70, days: max(1, p.planDays - 70),
                 gate: "Cost and weeks to ship recorded per agent; the next one planned on the shared plumbing", owner: "portfolio owner"),
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
        let system = Words.system(process(named: u.name)?.systemOfRecord, q)
        let when = run.fits ? " within \(p.planDays) days" : ": \(realLength(run, volume: u.volumePerWeek))"
        let title: String
        if let pilot = plan.pilot {
            title = "Restart \(Words.pilot(pilot.name)) and take \(u.name) to production" + (run.fits ? when : "")
        } else if first {
            title = "Ship \(u.name) as your first agent\(when)"
        } else if let reuse {
            title = "Ship \(u.name) as your next agent, reusing \(reuse.name)'s connection to the \(system)\(run.fits ? "" : when)"
        } else {
            title = "Ship \(u.name) as your next agent\(when)"
        }
        var detail = (first ? "The top-ranked office use case: " : "The next-ranked office use case: ")
            + "\(money(u.annualValue)) a year at \(Format.ratio(u.roi)) its run cost, feasibility \(u.feasibility)/100."
        if let pilot = plan.pilot {
            detail += " A pilot already ran on this work (\(pilot.name)): restart it rather than build a second agent for the same job."
            if pilot.namedOwner == nil {
                detail += " It stalled with no owner: name an operations owner in week one (\(u.owner ?? "nobody is listed yet")); if nobody in operations will take it on, stop, because the value is not real enough to defend."
            }
        } else if let reuse {
            detail += " It lives in the same \(system) as \(reuse.name), so it reuses that connection and monitoring and its build is days, not weeks."
        } else if first {
            detail += " No pilot exists yet, so the plan starts with the build: the agent and its connection to the \(system), tested on past cases, by IT or the integrator, while the operations owner writes the SLO."
        } else {
            detail += " Its data lives in the \(system), which no live agent connects to yet, so the plan builds that connection first."
        }
        let speed = plan.share < 1 ? " \(Words.count(platformAgents, "live agent")) already \(platformAgents == 1 ? "runs" : "run") on shared connectors, monitoring and staging, so its build and rungs take \(Format.percent(plan.share)) of a first agent's; the auto rung still runs its \(p.rung(.autoWithExceptions)?.straightWeeks ?? 3) straight weeks before the go/no-go." : ""
        detail += speed
        if u.strictGate {
            detail += " An error in this work could ship bad product or stop a line, so its auto gate is \(Format.percent(p.lineLevel.strictAutoRate)) and a person approves every high-severity action."
        }
        detail += " Owner: \(u.owner ?? Planner.nameAnOwner)."
        var m = blankMove(first ? .shipFirstAgent : .shipNextAgent, title, detail, owner: u.owner ?? Planner.nameAnOwner)
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
        let why = empty
            ? "No office process is listed yet, so no agent can be ranked."
            : "No listed office process returns \(Format.multiple(p.roiMinimum)) its run cost on the figures given, and an agent the economics reject should not be built."
        let m = blankMove(.standardiseTools, using ? "Standardise the AI tools that work, and measure what they save" : "Put one AI tool in staff hands properly, and measure what it saves",
                          "\(why) The move is to make today's tool use count: license what works, train the team, and measure the hours it saves so the gains are numbers, not impressions. Meanwhile list or re-check the office processes; the ranking then names the first agent.")
        let s1 = p.moveWeeks.standardiseTools * 7, s2 = p.moveWeeks.measureGains * 7
        let steps = [
            step("standardise_tools", "Standardise: license the tools that work and train the team", from: 0, days: s1,
                 gate: "One licensed tool set, a short training for every user, and a named person answering questions", owner: Planner.nameAnOwner),
            step("measure_gains", "Measure: the hours the tools save, and what they are worth", from: s1, days: s2,
                 gate: "Hours saved a week, per team, written down and valued at the loaded rate", owner: Planner.nameAnOwner),
            step("inventory", empty ? "Inventory: list \(Words.number(p.inventoryMinProcesses)) to \(Words.number(2 * p.inventoryMinProcesses)) office processes with hours, volume and system of record"
                                    : "Re-check the inventory: hours, volumes and systems of the best processes, and any missing ones",
                 from: s1 + s2, days: max(7, p.planDays - s1 - s2),
                 gate: "An office use case at \(Format.multiple(p.roiMinimum)) or better with a named owner, or a written reason why none exists yet", owner: Planner.nameAnOwner),
        ]
        var built = Built(move: m, steps: steps)
        built.move.weeks = weeks(p.planDays)
        return built
    }

    /// Stage 2 with nothing at or above the bar: fix the inventory before anything else.
    func buildInventory() -> Built {
        let empty = !useCases.contains { $0.side == .office }
        let m = blankMove(empty ? .buildInventory : .findBetterWorkflow,
                          empty ? "Inventory your office processes and rank them" : "Find a workflow that clears the \(Format.multiple(p.roiMinimum)) bar",
                          empty
                              ? "No office process is listed yet. List \(Words.number(p.inventoryMinProcesses)) to \(Words.number(2 * p.inventoryMinProcesses)), with hours, volume and where the data lives; the ranking then names the next agent."
                              : "No listed office process returns \(Format.multiple(p.roiMinimum)) its run cost with the figures given. Add more processes, or check the hours and volumes of the best ones.")
        let steps = [
            step("inventory", "Inventory: list \(Words.number(p.inventoryMinProcesses)) to \(Words.number(2 * p.inventoryMinProcesses)) office processes with hours, volume and system of record", from: 0, days: 14,
                 gate: "At least \(p.inventoryMinProcesses) processes, each with hours a week, cases a week and where its data lives", owner: Planner.nameAnOwner),
            step("rank", "Rank: score the inventory and pick the next agent", from: 14, days: 7,
                 gate: "One office use case at \(Format.multiple(p.roiMinimum)) or better, with a named owner", owner: Planner.nameAnOwner),
            step("commit", "Commit: start that agent up the trust ladder", from: 21, days: max(7, p.planDays - 21),
                 gate: "Shadow running on live volume, SLO written, run cost budgeted", owner: Planner.nameAnOwner),
        ]
        var built = Built(move: m, steps: steps)
        built.move.weeks = weeks(p.planDays)
        return built
    }
}
