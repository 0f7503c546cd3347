/// The trust ladder laid out in days: from a given rung, with the shadow rung stretched to the
/// volume, the go/no-go on the last day of auto-with-exceptions, and production-owned after it.
struct LadderRun {
    var steps: [PlanStep] = []
    var shadowWeeks: Int?
    var stretched = false
    /// Day index (from plan start) of the go/no-go.
    var goNoGoDay: Int?
    /// Day index production-owned starts.
    var productionStartDay = 0
    /// Day index the first rung starts and the last one ends.
    var startDay = 0
    var endDay = 0
    /// Production-owned starts inside the plan window.
    var fits = true
}

extension Situation {
    struct LadderRequest {
        var volume: Double?
        var from: EngineRung = .setup
        var startDay = 0
        var owner: String
        /// Added to the set-up gate: the connection to build, or the one reused.
        var setupNote: String?
        /// Set-up length in days when infrastructure is reused.
        var setupDays: Int?
        /// Step ids get this prefix and titles name the use case, for a second ladder in one plan.
        var prefix: String = ""
        var name: String?
    }

    func ladder(_ r: LadderRequest) -> LadderRun {
        var run = LadderRun(startDay: r.startDay)
        let rungs = p.trustLadder
        let firstIndex = rungs.firstIndex { $0.id == r.from.rawValue } ?? 0
        let planLast = p.planDays - 1
        var day = r.startDay
        func title(_ rung: Rung) -> String { r.name.map { "\($0) · \(p.fill(rung.title, rung: rung))" } ?? p.fill(rung.title, rung: rung) }
        for rung in rungs[firstIndex...] {
            var days = rung.weeks * 7
            var gate = p.fill(rung.gate, rung: rung)
            switch rung.id {
            case EngineRung.setup.rawValue:
                if let d = r.setupDays { days = d }
                if let note = r.setupNote { gate += ". " + note }
                gate += ". The owner's job from here: " + p.ownerDuties.joined(separator: "; ") + "."
            case EngineRung.shadow.rawValue:
                let volume = r.volume ?? 0
                if volume < p.shadowGate.lowVolumePerWeek {
                    let needed = volume > 0 ? min(Limits.rungWeeks.upperBound, (Double(p.shadowGate.minCases) / volume).roundedInt(.up)) : 0
                    if needed > rung.weeks { days = needed * 7 }
                    run.stretched = true
                    gate += volume > 0
                        ? " (at \(Format.number(volume)) cases a week that takes \(Words.count(max(needed, 1), "week")), not \(rung.weeks))"
                        : " (weekly volume unknown: count the cases and extend this rung until \(p.shadowGate.minCases) are in)"
                }
                run.shadowWeeks = days / 7
            case EngineRung.productionOwned.rawValue:
                run.productionStartDay = day
                run.fits = day <= planLast
                let end = run.fits ? max(day, planLast) : day + days - 1
                run.steps.append(PlanStep(id: r.prefix + rung.id, title: title(rung), start: start.adding(days: day),
                                          end: start.adding(days: end), gate: gate, owner: r.owner))
                run.endDay = end
                day = end + 1
                continue
            default: break
            }
            let end = day + max(days, 1) - 1
            run.steps.append(PlanStep(id: r.prefix + rung.id, title: title(rung), start: start.adding(days: day),
                                      end: start.adding(days: end), gate: gate, owner: r.owner))
            if rung.id == EngineRung.autoWithExceptions.rawValue {
                run.goNoGoDay = end
                run.steps.append(PlanStep(
                    id: r.prefix + "go_no_go",
                    title: (r.name.map { "\($0) · " } ?? "") + "Go/no-go: \(Words.number(p.goNoGo.count)) questions before production-owned",
                    start: start.adding(days: end), end: start.adding(days: end),
                    gate: "Every answer yes: " + p.goNoGo.map { p.fill($0.question).split(separator: ":").first.map(String.init) ?? $0.id }.joined(separator: ", ")
                        + ". Any no sends the agent back one rung.",
                    owner: r.owner))
            }
            run.endDay = end
            day = end + 1
        }
        return run
    }

    /// Where a ladder that starts fresh ends up, for choosing what fits in the plan window.
    func freshLadder(_ u: UseCase, startDay: Int, name: String? = nil, prefix: String = "") -> (LadderRun, reuses: Agent?) {
        let reuse = reusable(for: u)
        let process = self.process(named: u.name)
        let system = Words.system(process?.systemOfRecord, q)
        let note = reuse.map { "Reuses \($0.name)'s connection to the \(system) and its monitoring, so set-up is shorter" }
            ?? "Build the connection: read each case from the \(system) and write the result back" + (process?.writeBack.map { " (\($0 == "file_import" ? "file import" : $0))" } ?? "")
        let run = ladder(LadderRequest(volume: u.volumePerWeek, startDay: startDay, owner: u.owner ?? Planner.nameAnOwner,
                                       setupNote: note, setupDays: reuse == nil ? nil : p.moveWeeks.reuseSetupDays,
                                       prefix: prefix, name: name))
        return (run, reuse)
    }

    /// A live agent whose process lives in the same system of record as this use case.
    func reusable(for u: UseCase) -> Agent? {
        guard let system = process(named: u.name)?.systemOfRecord, system != "none", system != "paper" else { return nil }
        let candidates = live.filter { agent in process(named: agent.process)?.systemOfRecord == system }
        return candidates.first { placement.gatedAgents.contains($0.name) } ?? candidates.first
    }
}
