import MaturityCore

/// The measured ladder's facts in words: the one place `LadderReport`'s ids become sentences,
/// each said whole from the phrase table (`ui.trust.*`). A decision log's counts stay plain digits.
struct LadderWords {
    let report: LadderReport
    let parameters: Parameters
    let book: PhraseBook

    var p: Parameters { parameters }

    /// A date as the reader's tables write it.
    func tableDate(iso: String) -> String { book.tableDate(iso: iso) }

    func title(_ id: String?) -> String {
        guard let id else { return book.say("ui.trust.next_rung") }
        if let rung = report.rungs.first(where: { $0.rung == id }) { return rung.title }
        guard let def = p.trustLadder.first(where: { $0.id == id }) else { return id.replacingOccurrences(of: "_", with: "-") }
        return p.fill(def.title, rung: def).split(separator: ":").first.map(String.init) ?? def.title
    }

    func percent(_ v: Double) -> Phrase.Arg { .text(Format.percent(v)) }
    /// A count from the log: plain digits in English, as the log writes them ("10800 cases");
    /// grouped where the reader's language groups every figure ("10.800 Fälle").
    func plain(_ n: Int) -> Phrase.Arg { book.language == "en" ? .text(String(n)) : .text(Format.grouped(Double(n))) }
    func say(_ key: String, _ args: [String: Phrase.Arg] = [:]) -> String { book.say(key, args) }
    func say(_ key: String, n: Int, _ args: [String: Phrase.Arg] = [:]) -> String { book.say(key, plain: n, args) }
    var clauses: String { book.say("ui.clauses.separator") }

    /// Why a rung's gate is met or not, in one line.
    func why(_ x: LadderReport.RungResult) -> String {
        let weekly = p.rung(.autoWithExceptions)?.minReviewedPerWeek ?? LadderDefaults.reviewedPerWeek
        if x.rung == EngineRung.autoWithExceptions.rawValue, x.cases > 0 {
            var parts = [say("ui.trust.why.run", n: report.straightWeeks,
                             ["rate": percent(x.gateRate), "reviewed": plain(weekly), "needed": plain(report.straightWeeksNeeded)])]
            if let restart = report.restart { parts.append(say("ui.trust.why.restarted",
                                                               ["week": .text(book.weekName(restart.week)), "reason": .text(reason(restart.reason))])) }
            if x.shortfalls.contains(.highSeverity) { parts.append(say("ui.trust.why.high_severity", n: x.highSeverity)) }
            if let more = x.auditMore, more > 0 { parts.append(say("ui.trust.why.audit_more", n: more)) }
            return parts.joined(separator: clauses)
        }
        let n = x.judgedCases, judgedRate = n > 0 ? Double(x.judgedSuccesses) / Double(n) : nil
        let since = report.judgedSince.map { Phrase.Arg.text($0.iso) }
        // A sentence with "since {date}" when the rungs are judged from a cut, without it otherwise.
        func said(_ key: String, n count: Int? = nil, _ args: [String: Phrase.Arg]) -> String {
            var all = args
            if let since { all["since"] = since }
            let k = since == nil ? key : key + "_since"
            return count.map { say(k, n: $0, all) } ?? say(k, all)
        }
        if x.gateMet, let rate = judgedRate {
            let onEnough = x.gateCases.map { n >= $0 } ?? false
            return onEnough
                ? said("ui.trust.why.met_on_cases", n: n, ["rate": percent(rate), "gate": percent(x.gateRate), "gate_cases": plain(x.gateCases ?? 0)])
                : said("ui.trust.why.met_interval", n: n, ["rate": percent(rate), "gate": percent(x.gateRate), "low": percent(x.low ?? 0)])
        }
        var short: [String] = []
        for s in x.shortfalls {
            switch s {
            case .noCases: short.append(said("ui.trust.why.no_cases", [:]))
            case .rateBelowGate: short.append(said("ui.trust.why.below_gate", ["rate": percent(judgedRate ?? 0), "gate": percent(x.gateRate)]))
            case .highSeverity: short.append(say("ui.trust.why.high_severity", n: x.highSeverity))
            case .straightWeeksShort: break
            case .sampleTooSmall:
                let args: [String: Phrase.Arg] = ["rate": percent(judgedRate ?? 0), "gate": percent(x.gateRate), "gate_cases": plain(x.gateCases ?? 0),
                                                  "low": percent(x.low ?? 0), "more": plain(x.auditMore ?? 0)]
                short.append(said(x.rung == EngineRung.shadow.rawValue ? "ui.trust.why.sample_floor" : "ui.trust.why.sample_interval", n: n, args))
            }
        }
        return say("ui.trust.why.short", ["reasons": .joined(short.map(Phrase.Arg.text), clauses)])
    }

    func reason(_ status: LadderReport.WeekStatus) -> String {
        switch status {
        case .counts: return say("ui.trust.week.counts")
        case .belowGate: return say("ui.trust.week.below_gate")
        case .tooFewReviewed: return say("ui.trust.week.too_few_reviewed")
        case .alarm: return say("ui.trust.week.alarm", ["window": plain(p.slo.rollingWindowTransactions)])
        case .queueNotManageable: return say("ui.trust.week.queue_not_manageable")
        case .highSeverity: return say("ui.trust.week.high_severity")
        case .noAutoCases: return say("ui.trust.week.no_auto_cases")
        case .inProgress: return say("ui.trust.week.in_progress")
        }
    }

    func mark(_ w: LadderReport.Week) -> String {
        w.counts ? say("ui.trust.week.counts") : reason(w.status)
    }

    func shortMark(_ week: String) -> String {
        guard let w = report.weeks.first(where: { $0.week == week }) else { return "" }
        switch w.status {
        case .counts: return ""
        case .belowGate: return say("ui.trust.week.below_gate")
        case .tooFewReviewed: return say("ui.trust.mark.reviewed", ["n": plain(w.reviewed)])
        case .alarm: return say("ui.trust.mark.alarm")
        case .queueNotManageable: return say("ui.trust.mark.queue")
        case .highSeverity: return say("ui.trust.mark.high_severity")
        case .noAutoCases: return say("ui.trust.no_cases")
        case .inProgress: return say("ui.trust.mark.in_progress")
        }
    }

    /// A week's queue in words: how many of its exceptions cleared in time, and whether that is manageable.
    func weekQueue(_ week: String) -> String {
        guard let w = report.weeks.first(where: { $0.week == week }), w.exceptions > 0 else { return week }
        let share = Double(w.clearedInTime) / Double(w.exceptions)
        return say(share >= p.slo.exceptionQueueManageableShare ? "ui.trust.week_queue.manageable" : "ui.trust.week_queue.not_manageable",
                   ["week": .text(week), "cleared": plain(w.clearedInTime), "exceptions": plain(w.exceptions)])
    }

    func straightLine() -> String {
        let args: [String: Phrase.Arg] = ["weeks": plain(report.straightWeeks), "needed": plain(report.straightWeeksNeeded)]
        guard let restart = report.restart else { return say("ui.trust.straight", args) }
        return say("ui.trust.straight_restarted", args.merging(["week": .text(restart.week), "reason": .text(reason(restart.reason))]) { a, _ in a })
    }

    func queueLine() -> String? {
        guard report.exceptionCases > 0 else { return nil }
        let share = Double(report.exceptionsClearedInTime) / Double(report.exceptionCases)
        return say("ui.trust.queue_line", ["cleared": plain(report.exceptionsClearedInTime), "total": plain(report.exceptionCases),
                                           "hours": .text(Format.decimal(p.slo.exceptionQueueBusinessHours)), "share": percent(share),
                                           "manageable": percent(p.slo.exceptionQueueManageableShare)])
    }

    func verdictReason() -> String {
        let r = report
        switch r.reason {
        case .noCases: return say("ui.trust.reason.no_cases")
        case .alarmOpen:
            let args: [String: Phrase.Arg] = ["window": plain(p.slo.rollingWindowTransactions), "page": percent(p.slo.pageOwnerBelow),
                                              "rung": .text(title(r.stepBackTo))]
            guard let since = r.alarms.last?.from.iso else { return say("ui.trust.reason.alarm", args) }
            return say("ui.trust.reason.alarm_since", args.merging(["since": .text(book.tableDate(iso: since))]) { a, _ in a })
        case .highSeverityError:
            let e = r.highSeverityErrors.last
            return say("ui.trust.reason.high_severity", n: r.currentWindowCases,
                       ["case": .text(e?.caseID ?? "-"), "date": .text(e.map { book.tableDate(iso: $0.day.iso) } ?? "-"), "rung": .text(title(e?.rung)),
                        "back": .text(title(r.stepBackTo))])
        case .gateMet:
            let current = r.rungs.first { $0.rung == r.currentRung }
            return say("ui.trust.reason.gate_met",
                       ["rung": .text(title(r.currentRung)), "why": .text(current.map(why) ?? ""), "next": .text(title(r.advanceTo))])
        case .gateShort:
            let current = r.rungs.first { $0.rung == r.currentRung }
            return say("ui.trust.reason.gate_short", ["rung": .text(title(r.currentRung)), "why": .text(current.map(why) ?? "")])
        }
    }

    /// Lines the summary adds below the figures: the cut a high-severity error made.
    func notes() -> [String] {
        guard let since = report.judgedSince, let e = report.highSeverityErrors.last else { return [] }
        return [say("ui.trust.note.judged_after", ["date": .text(book.tableDate(iso: since.iso)), "case": .text(e.caseID)])]
    }
}
