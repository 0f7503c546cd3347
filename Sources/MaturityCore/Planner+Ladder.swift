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
    var title: String
    var gate: String
    var owner: String
}

extension Situation {
    struct LadderRequest {
        var volume: Double?
        var from: EngineRung = .setup
        var startDay = 0
        var owner: String
        /// Added to the set-up gate: the connection to build, or the one reused.
        var setupNote: String?
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

    func planStep(_ id: String, rung: String, title: String, from: Day, workdays: Int, gate: String, owner: String) -> PlanStep {
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
        func title(_ rung: Rung) -> String { r.name.map { "\($0) · \(p.fill(rung.title, rung: rung))" } ?? p.fill(rung.title, rung: rung) }
        func next(after d: Day) -> Day { schedule.firstWorkday(onOrAfter: d.adding(days: 1)) }
        var buildEnd: Day?
        if let b = r.build, r.from == .setup {
            let step = planStep(r.prefix + "build", rung: "build", title: (r.name.map { "\($0) · " } ?? "") + b.title, from: cursor,
                                workdays: b.workdays, gate: b.gate, owner: b.owner)
            run.steps.append(step)
            buildEnd = step.end
        }
        for rung in rungs[firstIndex...] {
            var days = rungWorkdays(rung.weeks, share: r.lengthShare)
            var gate = p.fill(rung.gate, rung: rung)
            let needed = workdaysFor(cases: rung.minCases, volume: r.volume)
            switch rung.id {
            case EngineRung.setup.rawValue:
                if let d = r.setupDays { days = d }
                if let note = r.setupNote { gate += ". " + note }
                gate += ". The owner's job from here: " + p.ownerDuties.joined(separator: "; ") + "."
            case EngineRung.shadow.rawValue, EngineRung.approveEach.rawValue, EngineRung.autoWithExceptions.rawValue:
                if rung.id == EngineRung.autoWithExceptions.rawValue {
                    // The gate counts straight weeks: the rung is never shorter than they are.
                    days = max(days, (rung.straightWeeks ?? 0) * workdaysPerWeek)
                    if r.strictGate {
                        gate = "An error here could ship bad product or stop a line, so the gate is stricter than the office one: auto-handled accuracy at least \(Format.percent(p.lineLevel.strictAutoRate)) for \(rung.straightWeeks ?? 3) straight weeks"
                            + (p.lineLevel.humanApprovesHighSeverity ? ", and a person approves every high-severity action even in auto" : "")
                            + "; exception queue cleared within \(Format.number(p.slo.exceptionQueueBusinessHours)) business hours; then the go/no-go on the last day"
                    }
                }
                if let needed, needed > days {
                    days = needed
                    run.stretched = true
                    gate += " (at \(Format.number(r.volume ?? 0)) cases a week the \(rung.minCases ?? 0) cases take \(Words.count(max(1, (Double(needed) / Double(workdaysPerWeek)).roundedInt(.up)), "week")))"
                } else if r.volume == nil, rung.minCases != nil {
                    run.stretched = rung.id == EngineRung.shadow.rawValue ? true : run.stretched
                    gate += " (weekly volume unknown: count the cases and keep this rung until \(rung.minCases ?? 0) are in)"
                }
            default: break
            }
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
                                 title: (r.name.map { "\($0) · " } ?? "") + "Go/no-go: \(Words.number(p.goNoGo.count)) questions before production-owned",
                                 from: step.end, workdays: 1,
                                 gate: "Every answer yes: " + p.goNoGo.map { p.fill($0.question).split(separator: ":").first.map(String.init) ?? $0.id }.joined(separator: ", ")
                                     + ". Any no sends the agent back one rung.",
                                 owner: r.owner)
                g.closed = []
                run.steps.append(g)
            }
            run.endDay = dayIndex(step.end)
            cursor = next(after: step.end)
        }
        return run
    }

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
        let run = ladder(LadderRequest(volume: u.volumePerWeek, startDay: startDay, owner: u.owner ?? Planner.nameAnOwner,
                                       setupNote: plan.build == nil ? plan.setupNote : nil, setupDays: nil, build: plan.build,
                                       lengthShare: plan.share, strictGate: u.strictGate, prefix: prefix, name: name))
        return (run, plan.reuse)
    }

    /// How a new agent (or line-level project) gets built: the pilot restarted, a live agent's
    /// connection reused, or a connection built new; its length and one-time cost follow.
    struct BuildPlan {
        var build: BuildStep?
        var setupNote: String
        var reuse: Agent?
        var pilot: Agent?
        var share: Double
        var cost: CostRange
    }

    func buildPlan(_ u: UseCase) -> BuildPlan {
        let process = self.process(named: u.name)
        let system = Words.system(process?.systemOfRecord, q)
        let usd = a.usdFactor
        if u.side != .office {
            let weeks = p.lineLevel.buildWeeks
            let cost = CostRange(low: p.lineLevel.oneTimeCost.lowerBound, high: p.lineLevel.oneTimeCost.upperBound).scaled(usd)
            return BuildPlan(build: BuildStep(workdays: weeks * workdaysPerWeek,
                                              title: "Build: the line connection, sensors or cameras, the model, and a test on past production data",
                                              gate: "Runs on the line's own data (not an office connection); validated on past cases by quality or maintenance engineering; capital spent within the approved case",
                                              owner: "the integrator, with maintenance or quality engineering"),
                             setupNote: "A line-level project: its own connection to the \(system), never an office agent's", reuse: nil, pilot: nil,
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
                                              title: "Restart \(Words.pilot(pilot.name)): connect it to the \(system) and test it on past cases",
                                              gate: "The pilot reads each case from the \(system) and writes back; it matches people on past cases before it sees live ones",
                                              owner: "IT or the integrator"),
                             setupNote: "Restarts \(pilot.name) rather than building a second agent for the same work",
                             reuse: nil, pilot: pilot, share: share,
                             cost: (agentCost.scaled(p.build.pilotShare) + connection).scaled(usd))
        }
        if let reuse {
            return BuildPlan(build: BuildStep(workdays: max(1, schedule.workdays(inCalendarDays: p.moveWeeks.reuseSetupDays)),
                                              title: "Build: the agent on \(reuse.name)'s connection to the \(system), and a test on past cases",
                                              gate: "Reads and writes through the shared connection; matches people on past cases",
                                              owner: "IT or the integrator"),
                             setupNote: "Reuses \(reuse.name)'s connection to the \(system) and its monitoring, so the build is days, not weeks",
                             reuse: reuse, pilot: nil, share: share,
                             cost: (agentCost + connection.scaled(p.build.reusedConnectionShare)).scaled(usd))
        }
        let path = process?.writeBack.map { " (\($0 == "file_import" ? "file import" : $0))" } ?? ""
        return BuildPlan(build: BuildStep(workdays: buildDays,
                                          title: "Build or buy the agent: the connection to the \(system)\(path), and a test on past cases",
                                          gate: "Reads each case from the \(system) and writes the result back\(path); matches people on past cases before it sees live ones",
                                          owner: "IT or the integrator"),
                         setupNote: "Build the connection: read each case from the \(system) and write the result back\(path)",
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
