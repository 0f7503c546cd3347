import MaturityCore

/// The measured ladder's facts in words: the one place `LadderReport`'s ids become sentences.
struct LadderWords {
    let report: LadderReport
    let parameters: Parameters

    var p: Parameters { parameters }

    func title(_ id: String?) -> String {
        guard let id else { return "the next rung" }
        if let rung = report.rungs.first(where: { $0.rung == id }) { return rung.title }
        guard let def = p.trustLadder.first(where: { $0.id == id }) else { return id.replacingOccurrences(of: "_", with: "-") }
        return p.fill(def.title, rung: def).split(separator: ":").first.map(String.init) ?? def.title
    }

    func cases(_ n: Int) -> String { n == 1 ? "1 case" : "\(n) cases" }

    /// Why a rung's gate is met or not, in one line.
    func why(_ x: LadderReport.RungResult) -> String {
        let weekly = p.rung(.autoWithExceptions)?.minReviewedPerWeek ?? LadderDefaults.reviewedPerWeek
        if x.rung == EngineRung.autoWithExceptions.rawValue, x.cases > 0 {
            let run = "\(report.straightWeeks) straight \(report.straightWeeks == 1 ? "week" : "weeks") at or above \(Format.percent(x.gateRate)) "
                + "on at least \(weekly) reviewed cases, with no alarm and the queue manageable, \(report.straightWeeksNeeded) needed"
            var parts = [run]
            if let restart = report.restart { parts.append("the count restarted after \(restart.week) (\(reason(restart.reason)))") }
            if x.shortfalls.contains(.highSeverity) { parts.append("\(x.highSeverity) high-severity errors") }
            if let more = x.auditMore, more > 0 { parts.append("this week needs \(cases(more)) more reviewed") }
            return parts.joined(separator: "; ")
        }
        let n = x.judgedCases, judgedRate = n > 0 ? Double(x.judgedSuccesses) / Double(n) : nil
        let since = report.judgedSince.map { " since \($0.iso)" } ?? ""
        if x.gateMet, let rate = judgedRate {
            let shown = x.gateCases.map { n >= $0 } ?? false
                ? "on at least \(x.gateCases ?? 0)"
                : "and its interval's lower bound \(Format.percent(x.low ?? 0)) clears it too"
            return "\(Format.percent(rate)) on \(n) cases\(since) clears \(Format.percent(x.gateRate)) \(shown)"
        }
        var short: [String] = []
        for s in x.shortfalls {
            switch s {
            case .noCases: short.append("no cases yet" + since)
            case .rateBelowGate: short.append("\(Format.percent(judgedRate ?? 0))\(since) against \(Format.percent(x.gateRate)); not at this rate")
            case .highSeverity: short.append("\(x.highSeverity) high-severity \(x.highSeverity == 1 ? "error" : "errors")")
            case .straightWeeksShort: break
            case .sampleTooSmall:
                let floor = x.rung == EngineRung.shadow.rawValue
                short.append("\(Format.percent(judgedRate ?? 0)) on \(cases(n))\(since) clears \(Format.percent(x.gateRate)) but "
                             + (floor ? "the gate asks for \(x.gateCases ?? 0) cases"
                                      : "the sample cannot show it yet (lower bound \(Format.percent(x.low ?? 0)))")
                             + "; audit \(x.auditMore ?? 0) more")
            }
        }
        return "short: " + short.joined(separator: "; ")
    }

    func reason(_ status: LadderReport.WeekStatus) -> String {
        switch status {
        case .counts: return "counts"
        case .belowGate: return "below the gate"
        case .tooFewReviewed: return "too few reviewed cases"
        case .alarm: return "a rolling-\(p.slo.rollingWindowTransactions) alarm"
        case .queueNotManageable: return "exception queue not manageable"
        case .highSeverity: return "a high-severity error"
        case .noAutoCases: return "no automated cases: neither counts nor breaks the run"
        case .inProgress: return "in progress: too few reviewed cases yet"
        }
    }

    func mark(_ w: LadderReport.Week) -> String {
        w.counts ? "counts" : reason(w.status)
    }

    func shortMark(_ week: String) -> String {
        guard let w = report.weeks.first(where: { $0.week == week }) else { return "" }
        switch w.status {
        case .counts: return ""
        case .belowGate: return "below the gate"
        case .tooFewReviewed: return "\(w.reviewed) reviewed"
        case .alarm: return "alarm"
        case .queueNotManageable: return "queue"
        case .highSeverity: return "high-severity error"
        case .noAutoCases: return "no cases"
        case .inProgress: return "in progress"
        }
    }

    /// A week's queue in words: how many of its exceptions cleared in time, and whether that is manageable.
    func weekQueue(_ week: String) -> String {
        guard let w = report.weeks.first(where: { $0.week == week }), w.exceptions > 0 else { return week }
        let share = Double(w.clearedInTime) / Double(w.exceptions)
        return "\(week): \(w.clearedInTime) of \(w.exceptions) cleared in time, "
            + (share >= p.slo.exceptionQueueManageableShare ? "manageable" : "not manageable")
    }

    func straightLine() -> String {
        "Straight weeks at the gate: \(report.straightWeeks), \(report.straightWeeksNeeded) needed"
            + (report.restart.map { "; the count restarted after \($0.week) (\(reason($0.reason)))" } ?? "")
    }

    func queueLine() -> String? {
        guard report.exceptionCases > 0 else { return nil }
        let share = Double(report.exceptionsClearedInTime) / Double(report.exceptionCases)
        return "Exception queue: \(report.exceptionsClearedInTime) of \(report.exceptionCases) cleared within \(Format.number(p.slo.exceptionQueueBusinessHours)) business hours "
            + "(\(Format.percent(share))); a week's queue is manageable at \(Format.percent(p.slo.exceptionQueueManageableShare)) or more"
    }

    func verdictReason() -> String {
        let r = report
        switch r.reason {
        case .noCases: return "no cases in the log"
        case .alarmOpen:
            let since = r.alarms.last.map { " (since \($0.from.iso))" } ?? ""
            return "the rolling \(p.slo.rollingWindowTransactions) accuracy is below \(Format.percent(p.slo.pageOwnerBelow)) now\(since): page the owner and step back to \(title(r.stepBackTo))"
        case .highSeverityError:
            let e = r.highSeverityErrors.last
            return "a high-severity error (case \(e?.caseID ?? "-"), \(e?.day.iso ?? "-"), in \(title(e?.rung))) in the last \(cases(r.currentWindowCases)): step back to \(title(r.stepBackTo)) now"
        case .gateMet:
            let current = r.rungs.first { $0.rung == r.currentRung }
            return "\(title(r.currentRung)) gate met (\(current.map(why) ?? "")); advance to \(title(r.advanceTo))"
        case .gateShort:
            let current = r.rungs.first { $0.rung == r.currentRung }
            return "\(title(r.currentRung)): \(current.map(why) ?? "")"
        }
    }

    /// Lines the summary adds below the figures: the cut a high-severity error made.
    func notes() -> [String] {
        guard let since = report.judgedSince, let e = report.highSeverityErrors.last else { return [] }
        return ["The rungs are judged on the cases after the high-severity error of \(since.iso) (case \(e.caseID))."]
    }
}
