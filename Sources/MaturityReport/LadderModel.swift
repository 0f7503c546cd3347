import Foundation
import MaturityCore

/// `maturity ladder`'s view for the text, HTML and Markdown templates: the facts of `LadderData`
/// in words, plus the chart's geometry. The JSON output is `LadderData`, not this.
public struct LadderModel: Encodable, Sendable {
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

    public init(_ r: LadderReport, questionnaire q: Questionnaire, process: InventoryProcess?, notes: [String], statedRung: String? = nil) {
        let p = q.parameters
        let words = LadderWords(report: r, parameters: p)
        data = LadderData(r, questionnaire: q, process: process, statedRung: statedRung)
        agent = r.agent
        from = r.from?.iso
        to = r.to?.iso
        cases = r.cases
        currentRung = r.currentRung
        rungs = r.rungs.map { Rung($0, why: words.why($0)) }
        weeks = r.weeks.map { w in
            Week(week: w.week, start: w.start.iso, reviewed: w.reviewed, accuracy: w.accuracy.map(Self.round3),
                 accuracyText: w.accuracy.map { Format.percent($0) } ?? "no cases",
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
        slo = SLOView(r, p.slo)
        verdict = r.verdict.rawValue
        verdictReason = words.verdictReason()
        advanceTo = r.advanceTo
        economics = Economics(r, process: process, p)
        chart = Self.chart(r, p)
        self.notes = notes + words.notes()
        sentence = "\(r.agent): \(r.verdict == .advance ? "advance" : r.verdict == .hold ? "hold" : "step back"). \(verdictReason)."
        text = Self.textLines(self, words: words)
    }

    /// Holding only because the cases or weeks are not in yet, at a rate that clears the gate.
    public var onTrack: Bool { data.onTrack }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    static func chart(_ r: LadderReport, _ p: Parameters) -> Chart {
        let width = 790, height = 260, left = 70, right = 710, top = 20, bottom = 230
        let lo = 0.6
        func y(_ v: Double) -> Int { bottom - ((max(lo, min(1, v)) - lo) / (1 - lo) * Double(bottom - top)).roundedInt() }
        guard let first = r.from, let last = r.to else {
            return Chart(width: width, height: height, points: "", lines: [], bands: [], alarms: [], ticks: [], hasPoints: false, description: "No cases.")
        }
        let days = max(1, first.days(until: last) + 1)
        func x(_ d: Day) -> Int { left + (Double(first.days(until: d)) / Double(days) * Double(right - left)).roundedInt() }
        // At most ~700 points: one per pixel column is all a reader can see.
        let stride = max(1, r.rollingPoints.count / 700)
        let points = Swift.stride(from: 0, to: r.rollingPoints.count, by: stride).map { i -> String in
            let pt = r.rollingPoints[i]
            return "\(x(pt.day)),\(y(pt.accuracy))"
        }.joined(separator: " ")
        let gates = [(p.slo.pageOwnerBelow, "page \(Format.percent(p.slo.pageOwnerBelow))"),
                     (p.slo.autoApproveAccuracy, "SLO \(Format.percent(p.slo.autoApproveAccuracy))"),
                     (p.autoGateRate, "gate \(Format.percent(p.autoGateRate))")]
        let bands = r.rungs.compactMap { rung -> Band? in
            guard let f = rung.from, let t = rung.to else { return nil }
            var band = Band(x: x(f), width: max(2, x(t.adding(days: 1)) - x(f)), label: rung.title)
            // The panes before auto are not on the automated line: show the rung's own rate against its gate.
            if rung.rung != EngineRung.autoWithExceptions.rawValue, let rate = rung.rate {
                band.rateY = y(rate)
                band.rateLabel = "\(Format.percent(round3(rate))) (gate \(Format.percent(rung.gateRate)))"
            }
            return band
        }
        let ticks = [0.6, 0.7, 0.8, 0.9, 1.0].map { Line(y: y($0), label: Format.percent($0)) }
        let alarms = r.alarms.map { a in Band(x: x(a.from), width: max(2, x(a.to.adding(days: 1)) - x(a.from)), label: "alarm \(a.from.iso) to \(a.to.iso)") }
        let description = "Rolling \(p.slo.rollingWindowTransactions)-case accuracy of the automated cases from \(first.iso) to \(last.iso)"
            + (r.alarms.isEmpty ? "; it never fell below \(Format.percent(p.slo.pageOwnerBelow))." : "; it fell below \(Format.percent(p.slo.pageOwnerBelow)) " + r.alarms.map { "from \($0.from.iso) to \($0.to.iso)" }.joined(separator: " and ") + ".")
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
        var breaches = queue.breaches.prefix(10).map { "Queue breach: case \($0.caseID) opened \($0.opened), \(Format.number($0.businessHours)) business hours (\(words.weekQueue($0.week)))" }
        if queue.breaches.count > 10 { breaches.append("… and \(queue.breaches.count - 10) more breaches") }
        return TextLines(
            head: "\(m.agent) · \(m.cases) cases" + (m.from.map { " from \($0)" } ?? "") + (m.to.map { " to \($0)" } ?? ""),
            verdict: "Verdict: \(m.verdict.replacingOccurrences(of: "_", with: " ")) — \(m.verdictReason)",
            weeks: m.weeks.isEmpty ? nil : "Auto weeks: " + m.weeks.map { "\($0.week) \($0.accuracyText)\($0.meetsGate ? "" : " (\(words.shortMark($0.week)))")" }.joined(separator: ", "),
            straight: m.weeks.isEmpty ? nil : words.straightLine(),
            slo: "SLO: rolling \(slo.window) accuracy \(slo.rollingText); high-severity errors \(slo.highSeverity); exception queue worst \(queue.worstText ?? "-") of \(queue.limitText) business hours",
            queue: words.queueLine(),
            alarms: slo.alarms.map { "Alarm: below \(Format.percent(slo.pageBelow)) from \($0.from) to \($0.to) (cases \($0.firstCase) to \($0.lastCase), lowest \($0.lowestText))\($0.open ? ", still open" : "")" },
            breaches: breaches)
    }
}

extension LadderModel.Rung {
    /// A rung's result with its figures in words, and a caution when its cases are too few to be sure.
    init(_ x: LadderReport.RungResult, why: String) {
        let caution: String? = x.cases == 0 || x.rung == EngineRung.autoWithExceptions.rawValue ? nil
            : (x.cases < LadderAnalysis.fewCases ? "Too few cases to be sure (\(x.cases)); the interval is wide."
               : (x.shortfalls.contains(.sampleTooSmall) ? "The interval straddles the gate: too few cases to be sure yet." : nil))
        self.init(rung: x.rung, title: x.title, cases: x.cases, rate: x.rate.map(LadderModel.round3), low: x.low.map(LadderModel.round3),
                  high: x.high.map(LadderModel.round3), gate: x.gateRate, gateCases: x.gateCases, gateMet: x.gateMet, why: why,
                  uncertain: x.shortfalls.contains(.sampleTooSmall) || (x.cases > 0 && x.cases < LadderAnalysis.fewCases), projectedOn: x.projectedOn?.iso,
                  rateText: x.rate.map { Format.percent($0) } ?? "-",
                  intervalText: x.low.flatMap { lo in x.high.map { "\(Format.percent(lo)) to \(Format.percent($0))" } } ?? "-",
                  gateText: "at least \(Format.percent(x.gateRate))" + (x.gateCases.map { x.rung == EngineRung.shadow.rawValue ? " on \($0) cases" : " (on \($0) reviewed cases, or an interval that clears it)" } ?? ""),
                  met: x.gateMet ? "met" : "not yet", caution: caution)
    }
}

extension LadderModel.SLOView {
    /// The SLO as measured: rolling accuracy, the alarms, high-severity errors and the exception queue.
    init(_ r: LadderReport, _ slo: SLO) {
        let limit = slo.exceptionQueueBusinessHours
        let tenth = { (v: Double) in (v * 10).rounded() / 10 }
        self.init(rolling100: r.rolling100.map(LadderModel.round3),
                  rollingText: r.rolling100.map { Format.percent($0) } ?? "fewer than \(slo.rollingWindowTransactions) reviewed auto cases",
                  window: slo.rollingWindowTransactions, pageBelow: slo.pageOwnerBelow,
                  alarms: r.alarms.map { .init(firstCase: $0.firstCase, lastCase: $0.lastCase, from: $0.from.iso, to: $0.to.iso,
                                               lowest: LadderModel.round3($0.lowestAccuracy), lowestText: Format.percent($0.lowestAccuracy), open: $0.open) },
                  hasAlarms: !r.alarms.isEmpty, highSeverity: r.highSeverityErrors.count,
                  exceptionSla: .init(limitBusinessHours: limit, exceptions: r.exceptionCases,
                                      worstBusinessHours: r.worstQueueHours.map(tenth),
                                      limitText: Format.number(limit), worstText: r.worstQueueHours.map { Format.number(tenth($0)) },
                                      breaches: r.breaches.map { .init(caseID: $0.caseID, opened: $0.opened.iso, week: $0.week, businessHours: tenth($0.businessHours)) },
                                      hasBreaches: !r.breaches.isEmpty, met: r.breaches.isEmpty))
    }
}

extension LadderModel.Economics {
    /// The log's volume and exception share against the assessment's estimates, and the FTE they imply.
    init(_ r: LadderReport, process: InventoryProcess?, _ p: Parameters) {
        var lines = ["The log shows \(Format.number(r.casesPerWeek, maxDecimals: 0)) cases a week"
                     + (process?.volumePerWeek.map { " (the assessment estimates \(Format.number($0)))" } ?? "") + "."]
        if let share = r.exceptionShare {
            lines.append("Exceptions are \(Format.percent(share)) of the automated cases" + (process?.exceptionShare.map { " (estimated \(Format.percent($0)))" } ?? "") + ".")
            if let process {
                let freed = process.hoursPerWeek * (1 - share) / p.hoursPerFTEWeek
                let exceptionFTE = min(p.exceptionFTE.upperBound, max(p.exceptionFTE.lowerBound, process.hoursPerWeek * share / p.hoursPerFTEWeek))
                lines.append("At the measured rates the agent frees about \(Format.number(freed, maxDecimals: 2)) FTE and needs \(Format.number(exceptionFTE, maxDecimals: 2)) FTE on the exception queue.")
            }
        }
        self.init(casesPerWeek: (r.casesPerWeek * 10).rounded() / 10, measuredExceptionShare: r.exceptionShare.map(LadderModel.round3),
                  process: process?.name, estimatedCasesPerWeek: process?.volumePerWeek,
                  estimatedExceptionShare: process?.exceptionShare, lines: lines)
    }
}
