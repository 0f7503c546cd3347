import Foundation
import MaturityCore

/// `maturity ladder`'s view for the text, HTML and Markdown templates: the facts of `LadderData`
/// in words, plus the chart's geometry. The JSON output is `LadderData`, not this.
public struct LadderModel: Encodable, Sendable {
    /// The phrase table's language, for `<html lang>`, and its fixed words (`{{w.…}}`, as `ReportView.w`).
    public var lang: String
    public var w: [String: String]
    /// "Trust ladder: {agent}", the line under it, the verdict's word and its heading, the SLO's
    /// sentences and the line said when there is no rolling accuracy yet.
    public var title = ""
    public var readFrom = ""
    public var verdictText = ""
    public var verdictHead = ""
    public var sloLine = ""
    public var sloLineLong = ""
    public var noRolling = ""
    public var agent: String
    public var from: String?
    public var to: String?
    public var cases: Int
    public var currentRung: String?
    public var rungs: [Rung]
    public var weeks: [Week]
    public var straightWeeks: Int
    public var straightWeeksNeeded: Int
    public var emptyWeeks: [String]
    public var hasWeeks: Bool
    /// Mermaid xychart lines for the Markdown: the weekly accuracy, the gate and the alarm line.
    public var mermaidWeeks: String
    public var mermaidAccuracy: String
    public var mermaidGate: String
    public var mermaidPage: String
    public var slo: SLOView
    public var verdict: String
    public var verdictReason: String
    public var advanceTo: String?
    public var economics: Economics
    public var chart: Chart
    public var notes: [String]
    /// The terminal summary's lines that join several figures (`--format text`).
    public var text = TextLines(head: "", verdict: "", weeks: nil, straight: nil, slo: "", queue: nil, alarms: [], breaches: [])
    public var sentence: String
    /// The data the words are built from (`--format json`).
    public var data: LadderData

    public struct Rung: Encodable, Sendable {
        public var rung: String
        public var title: String
        public var cases: Int
        public var rate: Double?
        public var low: Double?
        public var high: Double?
        public var gate: Double
        public var gateCases: Int?
        public var gateMet: Bool
        public var why: String
        public var uncertain: Bool
        public var projectedOn: String?
        public var rateText: String
        public var intervalText: String
        public var gateText: String
        public var met: String
        public var caution: String?
        /// The rung's line in the terminal summary, and when its gate is projected to be met.
        public var line: String
        public var projectedLine: String?
        public var projectedNote: String?
    }
    public struct Week: Encodable, Sendable {
        public var week: String
        public var start: String
        public var reviewed: Int
        public var accuracy: Double?
        public var accuracyText: String
        public var meetsGate: Bool
        public var mark: String
    }
    public struct SLOView: Encodable, Sendable {
        public var rolling100: Double?
        public var rollingText: String
        public var window: Int
        public var pageBelow: Double
        public var alarms: [Alarm]
        public var hasAlarms: Bool
        public var highSeverity: Int
        public var exceptionSla: ExceptionSLA
    }
    public struct Alarm: Encodable, Sendable {
        public var firstCase: String
        public var lastCase: String
        public var from: String
        public var to: String
        public var lowest: Double
        public var lowestText: String
        public var open: Bool
        /// "INV-1 to INV-9".
        public var casesText: String
    }
    public struct ExceptionSLA: Encodable, Sendable {
        public var limitBusinessHours: Double
        public var exceptions: Int
        public var worstBusinessHours: Double?
        /// The two figures as the report says them ("4", "12.7").
        public var limitText: String
        public var worstText: String?
        public var breaches: [Breach]
        public var hasBreaches: Bool
        public var met: Bool
    }
    public struct Breach: Encodable, Sendable {
        public var caseID: String
        public var opened: String
        public var week: String
        public var businessHours: Double
    }
    public struct Economics: Encodable, Sendable {
        public var casesPerWeek: Double
        public var measuredExceptionShare: Double?
        public var process: String?
        public var estimatedCasesPerWeek: Double?
        public var estimatedExceptionShare: Double?
        public var lines: [String]
    }
    /// Rolling accuracy over time on 60–100%, with the 90/92/95% lines, rung bands and alarms.
    public struct Chart: Encodable, Sendable {
        public var width: Int
        public var height: Int
        public var points: String
        public var lines: [Line]
        public var bands: [Band]
        public var alarms: [Band]
        /// The y-axis scale: 60% to 100%.
        public var ticks: [Line]
        public var hasPoints: Bool
        public var description: String
    }
    public struct Line: Encodable, Sendable { public var y: Int; public var label: String }
    public struct TextLines: Encodable, Sendable {
        public var head: String
        public var verdict: String
        public var weeks: String?
        public var straight: String?
        public var slo: String
        public var queue: String?
        public var alarms: [String]
        public var breaches: [String]
    }
    public struct Band: Encodable, Sendable {
        public var x: Int
        public var width: Int
        public var label: String
        /// A rung before auto (shadow, approve-each): its measured rate as a bar across its pane, and the figure.
        public var rateY: Int? = nil
        public var rateLabel: String? = nil
    }

    public init(_ r: LadderReport, questionnaire q: Questionnaire, process: InventoryProcess?, notes: [String], statedRung: String? = nil,
                words book: PhraseBook) {
        let p = q.parameters
        let words = LadderWords(report: r, parameters: p, book: book)
        lang = book.language
        w = book.fixedWords
        data = LadderData(r, questionnaire: q, process: process, statedRung: statedRung)
        agent = r.agent
        from = r.from?.iso
        to = r.to?.iso
        cases = r.cases
        currentRung = r.currentRung
        rungs = r.rungs.map { Rung($0, why: words.why($0), words: words) }
        weeks = r.weeks.map { w in
            Week(week: w.week, start: w.start.iso, reviewed: w.reviewed, accuracy: w.accuracy.map(Self.round3),
                 accuracyText: w.accuracy.map { Format.percent($0) } ?? book.say("ui.trust.no_cases"),
                 meetsGate: w.counts, mark: words.mark(w))
        }
        straightWeeks = r.straightWeeks
        straightWeeksNeeded = r.straightWeeksNeeded
        emptyWeeks = r.weeks.filter { $0.status == .noAutoCases }.map(\.week)
        hasWeeks = !r.weeks.isEmpty
        let shownWeeks = r.weeks.suffix(26)
        mermaidWeeks = shownWeeks.map { "\"\($0.week)\"" }.joined(separator: ", ")
        mermaidAccuracy = shownWeeks.map { w in w.accuracy.map { Format.number(max(60, $0 * 100), maxDecimals: 1) } ?? "60" }.joined(separator: ", ")
        let autoGate = p.autoGateRate * 100
        mermaidGate = shownWeeks.map { _ in Format.number(autoGate, maxDecimals: 1) }.joined(separator: ", ")
        mermaidPage = shownWeeks.map { _ in Format.number(p.slo.pageOwnerBelow * 100, maxDecimals: 1) }.joined(separator: ", ")
        slo = SLOView(r, p.slo, words: words)
        verdict = r.verdict.rawValue
        let verdictWord = book.say("ui.verdict.\(r.verdict.rawValue)")
        verdictReason = words.verdictReason()
        advanceTo = r.advanceTo
        economics = Economics(r, process: process, p, words: words)
        chart = Self.chart(r, p, words: words)
        self.notes = notes + words.notes()
        sentence = book.say("ui.trust.sentence", ["agent": .text(r.agent), "verdict": .text(verdictWord), "reason": .text(verdictReason)])
        verdictText = verdictWord
        verdictHead = book.say("ui.trust.verdict_head", ["verdict": .text(verdictWord)])
        title = book.say("ui.trust.title", ["agent": .text(r.agent)])
        let span: [String: Phrase.Arg] = ["from": .text(words.tableDate(iso: from ?? "")), "to": .text(words.tableDate(iso: to ?? ""))]
        readFrom = book.say(from != nil && to != nil ? "ui.trust.read_from_dates" : "ui.trust.read_from", plain: r.cases, span)
        let sloArgs: [String: Phrase.Arg] = ["window": .text(String(slo.window)), "rolling": .text(slo.rollingText),
                                             "high_severity": .text(String(slo.highSeverity)),
                                             "exceptions": .text(String(slo.exceptionSla.exceptions)), "worst": .text(slo.exceptionSla.worstText ?? "-"),
                                             "limit": .text(slo.exceptionSla.limitText)]
        sloLine = book.say("ui.trust.slo_line", sloArgs)
        sloLineLong = book.say("ui.trust.slo_line_long", sloArgs)
        noRolling = book.say("ui.trust.no_rolling", sloArgs)
        text = Self.textLines(self, words: words)
    }

    /// Holding only because the cases or weeks are not in yet, at a rate that clears the gate.
    public var onTrack: Bool { data.onTrack }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    static func chart(_ r: LadderReport, _ p: Parameters, words: LadderWords) -> Chart {
        let width = 790, height = 260, left = 70, right = 710, top = 20, bottom = 230
        let lo = 0.6
        func y(_ v: Double) -> Int { bottom - ((max(lo, min(1, v)) - lo) / (1 - lo) * Double(bottom - top)).roundedInt() }
        guard let first = r.from, let last = r.to else {
            return Chart(width: width, height: height, points: "", lines: [], bands: [], alarms: [], ticks: [], hasPoints: false,
                         description: words.say("ui.trust.chart.none"))
        }
        let days = max(1, first.days(until: last) + 1)
        func x(_ d: Day) -> Int { left + (Double(first.days(until: d)) / Double(days) * Double(right - left)).roundedInt() }
        // At most ~700 points: one per pixel column is all a reader can see.
        let stride = max(1, r.rollingPoints.count / 700)
        let points = Swift.stride(from: 0, to: r.rollingPoints.count, by: stride).map { i -> String in
            let pt = r.rollingPoints[i]
            return "\(x(pt.day)),\(y(pt.accuracy))"
        }.joined(separator: " ")
        let gates = [(p.slo.pageOwnerBelow, words.say("ui.trust.chart.page", ["rate": words.percent(p.slo.pageOwnerBelow)])),
                     (p.slo.autoApproveAccuracy, words.say("ui.trust.chart.slo", ["rate": words.percent(p.slo.autoApproveAccuracy)])),
                     (p.autoGateRate, words.say("ui.trust.chart.gate", ["rate": words.percent(p.autoGateRate)]))]
        let bands = r.rungs.compactMap { rung -> Band? in
            guard let f = rung.from, let t = rung.to else { return nil }
            var band = Band(x: x(f), width: max(2, x(t.adding(days: 1)) - x(f)), label: rung.title)
            // The panes before auto are not on the automated line: show the rung's own rate against its gate.
            if rung.rung != EngineRung.autoWithExceptions.rawValue, let rate = rung.rate {
                band.rateY = y(rate)
                band.rateLabel = words.say("ui.trust.chart.rate", ["rate": words.percent(round3(rate)), "gate": words.percent(rung.gateRate)])
            }
            return band
        }
        let ticks = [0.6, 0.7, 0.8, 0.9, 1.0].map { Line(y: y($0), label: Format.percent($0)) }
        let alarms = r.alarms.map { a in Band(x: x(a.from), width: max(2, x(a.to.adding(days: 1)) - x(a.from)),
                                              label: words.say("ui.trust.chart.alarm",
                                                               ["from": .text(words.tableDate(iso: a.from.iso)),
                                                                "to": .text(words.tableDate(iso: a.to.iso))])) }
        let spans = r.alarms.map { Phrase.Arg.text(words.say("ui.trust.chart.span",
                                                             ["from": .text(words.tableDate(iso: $0.from.iso)),
                                                              "to": .text(words.tableDate(iso: $0.to.iso))])) }
        let description = words.say(r.alarms.isEmpty ? "ui.trust.chart.desc_never" : "ui.trust.chart.desc_fell",
                                    ["window": words.plain(p.slo.rollingWindowTransactions), "from": .text(words.tableDate(iso: first.iso)),
                                     "to": .text(words.tableDate(iso: last.iso)),
                                     "page": words.percent(p.slo.pageOwnerBelow), "spans": .joined(spans, " " + words.say("list.and") + " ")])
        return Chart(width: width, height: height, points: points, lines: gates.map { Line(y: y($0.0), label: $0.1) },
                     bands: bands, alarms: alarms, ticks: ticks, hasPoints: !points.isEmpty, description: description)
    }

    /// The exit status a cron job pages on: 0 advance or on track, 10 hold, 11 act now.
    public var exitStatus: Int32 { Int32(clamping: data.exitStatus) }

    public func json() throws -> String { try data.json() }

    /// The same model as a tree the templates read.
    public func tree() throws -> Any { try MustacheTree.make(self) }

    /// The lines of the terminal summary that join several figures; the template lays them out.
    static func textLines(_ m: LadderModel, words: LadderWords) -> TextLines {
        let slo = m.slo, queue = slo.exceptionSla
        var breaches = queue.breaches.prefix(10).map {
            words.say("ui.trust.text.breach",
                      ["case": .text($0.caseID), "opened": .text(words.tableDate(iso: $0.opened)), "hours": .text(Format.decimal($0.businessHours)),
                                               "queue": .text(words.weekQueue($0.week))])
        }
        if queue.breaches.count > 10 { breaches.append(words.say("ui.trust.text.more_breaches", n: queue.breaches.count - 10)) }
        let items = words.say("ui.list.separator")
        let weekItems = m.weeks.map { w in
            Phrase.Arg.text(w.meetsGate ? words.say("ui.trust.text.week", ["week": .text(words.book.weekName(w.week)), "accuracy": .text(w.accuracyText)])
                            : words.say("ui.trust.text.week_marked",
                                        ["week": .text(words.book.weekName(w.week)), "accuracy": .text(w.accuracyText),
                                         "mark": .text(words.shortMark(w.week))]))
        }
        return TextLines(
            head: words.say(m.from != nil && m.to != nil ? "ui.trust.text.head_dates" : "ui.trust.text.head", n: m.cases,
                            ["agent": .text(m.agent), "from": .text(words.tableDate(iso: m.from ?? "")), "to": .text(words.tableDate(iso: m.to ?? ""))]),
            verdict: words.say("ui.trust.text.verdict", ["verdict": .text(m.verdictText), "reason": .text(m.verdictReason)]),
            weeks: m.weeks.isEmpty ? nil : words.say("ui.trust.text.weeks", ["weeks": .joined(weekItems, items)]),
            straight: m.weeks.isEmpty ? nil : words.straightLine(),
            slo: words.say("ui.trust.text.slo",
                           ["window": .text(String(slo.window)), "rolling": .text(slo.rollingText), "high_severity": .text(String(slo.highSeverity)),
                                                 "worst": .text(queue.worstText ?? "-"), "limit": .text(queue.limitText)]),
            queue: words.queueLine(),
            alarms: slo.alarms.map {
                words.say($0.open ? "ui.trust.text.alarm_open" : "ui.trust.text.alarm",
                          ["page": words.percent(slo.pageBelow), "from": .text(words.tableDate(iso: $0.from)), "to": .text(words.tableDate(iso: $0.to)),
                           "first": .text($0.firstCase),
                           "last": .text($0.lastCase), "lowest": .text($0.lowestText)])
            },
            breaches: breaches)
    }
}

extension LadderModel.Rung {
    /// A rung's result with its figures in words, and a caution when its cases are too few to be sure.
    init(_ x: LadderReport.RungResult, why: String, words: LadderWords) {
        let caution: String? = x.cases == 0 || x.rung == EngineRung.autoWithExceptions.rawValue ? nil
            : (x.cases < LadderAnalysis.fewCases ? words.say("ui.trust.caution.few_cases", ["n": words.plain(x.cases)])
               : (x.shortfalls.contains(.sampleTooSmall) ? words.say("ui.trust.caution.straddles") : nil))
        let rateText = x.rate.map { Format.percent($0) } ?? "-"
        let intervalText = x.low.flatMap { lo in x.high.map { words.say("ui.plan.span", ["start": words.percent(lo), "end": words.percent($0)]) } } ?? "-"
        let gate = words.percent(x.gateRate)
        let gateText = x.gateCases.map {
            words.say(x.rung == EngineRung.shadow.rawValue ? "ui.trust.gate_on_cases" : "ui.trust.gate_on_reviewed", ["rate": gate, "n": words.plain($0)])
        } ?? words.say("ui.trust.gate", ["rate": gate])
        let met = words.say(x.gateMet ? "ui.trust.met" : "ui.mark.not_yet")
        let line = words.say("ui.trust.text.rung", n: x.cases, ["title": .text(x.title), "rate": .text(rateText), "interval": .text(intervalText),
                                                               "gate": .text(gateText), "met": .text(met), "why": .text(why)])
        self.init(rung: x.rung, title: x.title, cases: x.cases, rate: x.rate.map(LadderModel.round3), low: x.low.map(LadderModel.round3),
                  high: x.high.map(LadderModel.round3), gate: x.gateRate, gateCases: x.gateCases, gateMet: x.gateMet, why: why,
                  uncertain: x.shortfalls.contains(.sampleTooSmall) || (x.cases > 0 && x.cases < LadderAnalysis.fewCases), projectedOn: x.projectedOn?.iso,
                  rateText: rateText, intervalText: intervalText, gateText: gateText, met: met, caution: caution, line: line,
                  projectedLine: x.projectedOn.map { words.say("ui.trust.projected", ["date": .text(words.tableDate(iso: $0.iso))]) },
                  projectedNote: x.projectedOn.map { words.say("ui.trust.projected_note", ["date": .text(words.tableDate(iso: $0.iso))]) })
    }
}

extension LadderModel.SLOView {
    /// The SLO as measured: rolling accuracy, the alarms, high-severity errors and the exception queue.
    init(_ r: LadderReport, _ slo: SLO, words: LadderWords) {
        let limit = slo.exceptionQueueBusinessHours
        let tenth = { (v: Double) in (v * 10).rounded() / 10 }
        self.init(rolling100: r.rolling100.map(LadderModel.round3),
                  rollingText: r.rolling100.map { Format.percent($0) }
                      ?? words.say("ui.trust.fewer_than", ["window": words.plain(slo.rollingWindowTransactions)]),
                  window: slo.rollingWindowTransactions, pageBelow: slo.pageOwnerBelow,
                  alarms: r.alarms.map { .init(firstCase: $0.firstCase, lastCase: $0.lastCase, from: $0.from.iso, to: $0.to.iso,
                                               lowest: LadderModel.round3($0.lowestAccuracy), lowestText: Format.percent($0.lowestAccuracy), open: $0.open,
                                               casesText: words.say("ui.plan.span", ["start": .text($0.firstCase), "end": .text($0.lastCase)])) },
                  hasAlarms: !r.alarms.isEmpty, highSeverity: r.highSeverityErrors.count,
                  exceptionSla: .init(limitBusinessHours: limit, exceptions: r.exceptionCases,
                                      worstBusinessHours: r.worstQueueHours.map(tenth),
                                      limitText: Format.decimal(limit), worstText: r.worstQueueHours.map { Format.decimal(tenth($0)) },
                                      breaches: r.breaches.map { .init(caseID: $0.caseID, opened: $0.opened.iso, week: $0.week,
                                                                       businessHours: tenth($0.businessHours)) },
                                      hasBreaches: !r.breaches.isEmpty, met: r.breaches.isEmpty))
    }
}

extension LadderModel.Economics {
    /// The log's volume and exception share against the assessment's estimates, and the FTE they imply.
    init(_ r: LadderReport, process: InventoryProcess?, _ p: Parameters, words: LadderWords) {
        let perWeek = Phrase.Arg.text(Format.decimal(r.casesPerWeek, maxDecimals: 0))
        var lines = [process?.volumePerWeek.map { words.say("ui.trust.economics.volume_estimated", ["n": perWeek, "estimate": .text(Format.decimal($0))]) }
                     ?? words.say("ui.trust.economics.volume", ["n": perWeek])]
        if let share = r.exceptionShare {
            lines.append(process?.exceptionShare.map { words.say("ui.trust.economics.exceptions_estimated",
                                                                 ["share": words.percent(share), "estimate": words.percent($0)]) }
                         ?? words.say("ui.trust.economics.exceptions", ["share": words.percent(share)]))
            if let process {
                let freed = process.hoursPerWeek * (1 - share) / p.hoursPerFTEWeek
                let exceptionFTE = min(p.exceptionFTE.upperBound, max(p.exceptionFTE.lowerBound, process.hoursPerWeek * share / p.hoursPerFTEWeek))
                lines.append(words.say("ui.trust.economics.fte",
                                       ["freed": .text(Format.decimal(freed, maxDecimals: 2)), "fte": .text(Format.decimal(exceptionFTE, maxDecimals: 2))]))
            }
        }
        self.init(casesPerWeek: (r.casesPerWeek * 10).rounded() / 10, measuredExceptionShare: r.exceptionShare.map(LadderModel.round3),
                  process: process?.name, estimatedCasesPerWeek: process?.volumePerWeek,
                  estimatedExceptionShare: process?.exceptionShare, lines: lines)
    }
}
