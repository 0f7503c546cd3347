/// The trust ladder laid out on working days: from a given rung, each rung as long as the
/// questionnaire says (shorter on shared plumbing) or as the cases its gate needs at the volume,
/// the go/no-go on the last day of auto-with-exceptions, and production-owned after it.
struct LadderRun {
    var steps: [PlanStep] = []
    var shadowWeeks: Int?
    var stretched = false
    /// Day index (from plan start) of the go/no-go.
    var goNoGoDay: Int?
    /// Day index production-owned starts.
    var productionStartDay = 0
    /// Day index auto-with-exceptions starts: the agent acts on live work from here.
    var liveDay: Int?
    /// Day index the first rung starts and the last one ends.
    var startDay = 0
    var endDay = 0
    /// Production-owned starts inside the plan window.
    var fits = true
}

/// The build before shadow, when there is no pilot to start from: who builds it and for how long.
struct BuildStep {
    var workdays: Int
    var title: Phrase
    var gate: Phrase
    var owner: Phrase
}

extension Situation {
    struct LadderRequest {
        var volume: Double?
        var from: EngineRung = .setup
        var startDay = 0
        var owner: Phrase
        /// Added to the set-up gate: the connection to build, or the one reused.
        var setupNote: Phrase?
        /// Set-up length in working days when infrastructure is reused.
        var setupDays: Int?
        /// The build before shadow, run beside the set-up.
        var build: BuildStep?
        /// The share of a first agent's rung lengths this one takes (shared plumbing makes later agents faster).
        var lengthShare: Double = 1
        /// An error could ship bad product or stop a line: the stricter auto gate.
        var strictGate = false
        /// Step ids get this prefix and titles name the use case, for a second ladder in one plan.
        var prefix: String = ""
        var name: String?
    }

    var workdaysPerWeek: Int { max(1, schedule.workdays.count) }

    /// Working days a rung of `weeks` takes at `share` of its length.
    func rungWorkdays(_ weeks: Int, share: Double) -> Int {
        max(1, (Double(weeks * workdaysPerWeek) * share).roundedInt(.up))
    }

    /// Working days until `cases` have come in at `volume` a week.
    func workdaysFor(cases: Int?, volume: Double?) -> Int? {
        guard let cases, let volume, volume > 0 else { return nil }
        return (Double(cases) / volume * Double(workdaysPerWeek)).roundedInt(.up)
    }

    func dayIndex(_ d: Day) -> Int { start.days(until: d) }

    func planStep(_ id: String, rung: String, title: Phrase, from: Day, workdays: Int, gate: Phrase, owner: Phrase) -> PlanStep {
        let span = schedule.span(from: from, workdays: workdays)
        var s = PlanStep(id: id, title: title, start: span.start, end: span.end, gate: gate, owner: owner)
        s.rung = rung
        s.closed = span.closed
        return s
    }

    func ladder(_ r: LadderRequest) -> LadderRun {
        var run = LadderRun(startDay: r.startDay)
        // Where an error ships bad product or stops a line, the SLO and the approve-each bar are the strict ones.
        var p = self.p
        if r.strictGate {
            p.slo = slo(strict: true)
            if let i = p.trustLadder.firstIndex(where: { $0.id == EngineRung.approveEach.rawValue }) {
                p.trustLadder[i].minRate = max(p.trustLadder[i].minRate ?? 0, p.lineLevel.strictAutoRate)
            }
        }
        let rungs = p.trustLadder
        let firstIndex = rungs.firstIndex { $0.id == r.from.rawValue } ?? 0
        let planLastDay = start.adding(days: p.planDays - 1)
        var cursor = schedule.firstWorkday(onOrAfter: start.adding(days: r.startDay))
        // A second ladder in one plan names its use case before each title.
        func named(_ t: Phrase) -> Phrase { r.name.map { Phrase("step.named", ["name": .text($0), "title": .phrase(t)]) } ?? t }
        func title(_ rung: Rung) -> Phrase { named(.verbatim(p.fill(rung.title, rung: rung))) }
        func next(after d: Day) -> Day { schedule.firstWorkday(onOrAfter: d.adding(days: 1)) }
        var buildEnd: Day?
        if let b = r.build, r.from == .setup {
            let step = planStep(r.prefix + "build", rung: "build", title: named(b.title), from: cursor,
                                workdays: b.workdays, gate: b.gate, owner: b.owner)
            run.steps.append(step)
            buildEnd = step.end
        }
        for rung in rungs[firstIndex...] {
            var days = rungWorkdays(rung.weeks, share: r.lengthShare)
            // The questionnaire's gate, then what this plan adds to it.
            var gate = Phrase.verbatim(p.fill(rung.gate, rung: rung))
            var notes: [Phrase] = []
            let needed = workdaysFor(cases: rung.minCases, volume: r.volume)
            switch rung.id {
            case EngineRung.setup.rawValue:
                if let d = r.setupDays { days = d }
                if let note = r.setupNote { notes.append(Phrase("sentence", ["s": .phrase(note)])) }
                notes.append(Phrase("ladder.owner_duties", ["duties": .joined(p.ownerDuties.map(Phrase.Arg.text), "; ")]))
            case EngineRung.shadow.rawValue, EngineRung.approveEach.rawValue, EngineRung.autoWithExceptions.rawValue:
                if rung.id == EngineRung.autoWithExceptions.rawValue {
                    // The gate counts straight weeks: the rung is never shorter than they are.
                    days = max(days, (rung.straightWeeks ?? 0) * workdaysPerWeek)
                    if r.strictGate {
                        gate = Phrase(p.lineLevel.humanApprovesHighSeverity ? "ladder.strict_gate.person_approves" : "ladder.strict_gate",
                                      ["rate": .percent(p.lineLevel.strictAutoRate), "weeks": .int(rung.straightWeeks ?? p.autoStraightWeeks),
                                       "hours": .number(p.slo.exceptionQueueBusinessHours)])
                    }
                }
                if let needed, needed > days {
                    days = needed
                    run.stretched = true
                    gate = Phrase("ladder.gate.stretched", ["gate": .phrase(gate), "volume": .number(r.volume ?? 0), "cases": .int(rung.minCases ?? 0),
                                                             "weeks": .count(max(1, (Double(needed) / Double(workdaysPerWeek)).roundedInt(.up)), "week")])
                } else if r.volume == nil, rung.minCases != nil {
                    run.stretched = rung.id == EngineRung.shadow.rawValue ? true : run.stretched
                    gate = Phrase("ladder.gate.volume_unknown", ["gate": .phrase(gate), "cases": .int(rung.minCases ?? 0)])
                }
            default: break
            }
            if !notes.isEmpty { gate = Phrase("ladder.gate.notes", ["gate": .phrase(gate), "notes": .joined(notes.map(Phrase.Arg.phrase), " ")]) }
            var from = cursor
            if rung.id == EngineRung.shadow.rawValue, let buildEnd, buildEnd >= cursor { from = next(after: buildEnd) }
            if rung.id == EngineRung.productionOwned.rawValue {
                let begin = schedule.firstWorkday(onOrAfter: from)
                run.productionStartDay = dayIndex(begin)
                run.fits = begin <= planLastDay
                let remaining = run.fits ? max(1, countWorkdays(from: begin, to: planLastDay)) : days
                let step = planStep(r.prefix + rung.id, rung: rung.id, title: title(rung), from: begin, workdays: remaining, gate: gate, owner: r.owner)
                run.steps.append(step)
                run.endDay = dayIndex(step.end)
                continue
            }
            let step = planStep(r.prefix + rung.id, rung: rung.id, title: title(rung), from: from, workdays: days, gate: gate, owner: r.owner)
            run.steps.append(step)
            if rung.id == EngineRung.shadow.rawValue { run.shadowWeeks = max(1, (Double(days) / Double(workdaysPerWeek)).roundedInt(.up)) }
            if rung.id == EngineRung.autoWithExceptions.rawValue {
                run.liveDay = dayIndex(step.start)
                run.goNoGoDay = dayIndex(step.end)
                var g = planStep(r.prefix + "go_no_go", rung: "go_no_go",
                                 title: named(Phrase("ladder.go_no_go.title", ["count": .words(p.goNoGo.count)])),
                                 from: step.end, workdays: 1,
                                 gate: Phrase("ladder.go_no_go.gate", ["questions": .joined(p.goNoGo.map {
                                     .text(p.fill($0.question).split(separator: ":").first.map(String.init) ?? $0.id)
                                 }, ", ")]),
                                 owner: r.owner)
                g.closed = []
                run.steps.append(g)
            }
            run.endDay = dayIndex(step.end)
            cursor = next(after: step.end)
        }
        return run
    }

    /// A system of record as people say it ("ERP", "spreadsheets"), or "system of record".
    func systemArg(_ id: String?) -> Phrase.Arg { id.map { .choice("system_of_record", $0) } ?? .phrase(Phrase("system.unknown")) }

    /// A pilot named in a sentence: "the Order entry pilot", or "the Quote bot pilot" when its name says pilot already.
    func pilotPhrase(_ name: String) -> Phrase { Phrase(name.lowercased().hasSuffix("pilot") ? "pilot.the" : "pilot.the_pilot", ["name": .text(name)]) }

    func countWorkdays(from a: Day, to b: Day) -> Int { schedule.workdaysBetween(a, b) }

    /// Live agents on the shared connectors, monitoring and staging: each makes the next agent faster.
    var platformAgents: Int {
        // The first gated agent built the plumbing; it counts once another reuses it or new agents ship in weeks.
        let gated = live.filter { placement.gatedAgents.contains($0.name) && $0.side == .office }
        let reusing = live.filter { $0.reusesSharedInfrastructure == true && $0.side == .office }
        guard !reusing.isEmpty || yes(.newAgentShipsInWeeks) else { return 0 }
        return Set((gated.prefix(1) + reusing).map(\.name)).count
    }

    /// Where a ladder that starts fresh ends up, for choosing what fits in the plan window.
    func freshLadder(_ u: UseCase, startDay: Int, name: String? = nil, prefix: String = "") -> (LadderRun, reuses: Agent?) {
        let plan = buildPlan(u)
        let run = ladder(LadderRequest(volume: u.volumePerWeek, startDay: startDay, owner: Planner.owner(u.owner),
                                       setupNote: plan.build == nil ? plan.setupNote : nil, setupDays: nil, build: plan.build,
                                       lengthShare: plan.share, strictGate: u.strictGate, prefix: prefix, name: name))
        return (run, plan.reuse)
    }

    /// How a new agent (or line-level project) gets built: the pilot restarted, a live agent's
    /// connection reused, or a connection built new; its length and one-time cost follow.
    struct BuildPlan {
        var build: BuildStep?
        var setupNote: Phrase
        var reuse: Agent?
        var pilot: Agent?
        var share: Double
        var cost: CostRange
    }

    func buildPlan(_ u: UseCase) -> BuildPlan {
        let process = self.process(named: u.name)
        let system = systemArg(process?.systemOfRecord)
        let usd = a.usdFactor
        if u.side != .office {
            let weeks = p.lineLevel.buildWeeks
            let cost = CostRange(low: p.lineLevel.oneTimeCost.lowerBound, high: p.lineLevel.oneTimeCost.upperBound).scaled(usd)
            return BuildPlan(build: BuildStep(workdays: weeks * workdaysPerWeek,
                                              title: Phrase("build.line.title"), gate: Phrase("build.line.gate"),
                                              owner: Phrase("owner.integrator_with_engineering")),
                             setupNote: Phrase("build.line.setup_note", ["system": system]), reuse: nil, pilot: nil,
                             share: 1, cost: cost)
        }
        let n = platformAgents
        let share = p.build.lengthShare(after: n)
        let pilot = a.agents.first { $0.status == .pilot && $0.process?.lowercased() == u.name.lowercased() }
        let reuse = reusable(for: u)
        let agentCost = Scoring.agentBuild(p)
        let connection = process.map { Scoring.connection($0, p: p) } ?? CostRange(low: 0, high: 0)
        let buildDays = max(1, (Double(p.build.weeks * workdaysPerWeek) * share).roundedInt(.up))
        if let pilot {
            let days = max(1, (Double(buildDays) * p.build.pilotShare).roundedInt(.up))
            return BuildPlan(build: BuildStep(workdays: days,
                                              title: Phrase("build.pilot.title", ["pilot": .phrase(pilotPhrase(pilot.name)), "system": system]),
                                              gate: Phrase("build.pilot.gate", ["system": system]),
                                              owner: Phrase("owner.it_or_integrator")),
                             setupNote: Phrase("build.pilot.setup_note", ["pilot": .text(pilot.name)]),
                             reuse: nil, pilot: pilot, share: share,
                             cost: (agentCost.scaled(p.build.pilotShare) + connection).scaled(usd))
        }
        if let reuse {
            return BuildPlan(build: BuildStep(workdays: max(1, schedule.workdays(inCalendarDays: p.moveWeeks.reuseSetupDays)),
                                              title: Phrase("build.reuse.title", ["agent": .text(reuse.name), "system": system]),
                                              gate: Phrase("build.reuse.gate"),
                                              owner: Phrase("owner.it_or_integrator")),
                             setupNote: Phrase("build.reuse.setup_note", ["agent": .text(reuse.name), "system": system]),
                             reuse: reuse, pilot: nil, share: share,
                             cost: (agentCost + connection.scaled(p.build.reusedConnectionShare)).scaled(usd))
        }
        let path = Phrase.Arg.optional(process?.writeBack.map { Phrase("build.write_back_path", ["path": .phrase(Phrase("write_back." + $0))]) })
        return BuildPlan(build: BuildStep(workdays: buildDays,
                                          title: Phrase("build.new.title", ["system": system, "path": path]),
                                          gate: Phrase("build.new.gate", ["system": system, "path": path]),
                                          owner: Phrase("owner.it_or_integrator")),
                         setupNote: Phrase("build.new.setup_note", ["system": system, "path": path]),
                         reuse: nil, pilot: nil, share: share, cost: (agentCost + connection).scaled(usd))
    }

    /// A live office agent, clear of the return bar, whose process lives in the same system of record.
    /// Line-level work never reuses an office connection, and an agent under the bar is not copied.
    func reusable(for u: UseCase) -> Agent? {
        guard u.side == .office, let system = process(named: u.name)?.systemOfRecord, system != "none", system != "paper" else { return nil }
        let candidates = live.filter { agent in
            agent.side == .office && process(named: agent.process)?.systemOfRecord == system && clearsBar(agent)
        }
        return candidates.first { placement.gatedAgents.contains($0.name) } ?? candidates.first
    }
}
