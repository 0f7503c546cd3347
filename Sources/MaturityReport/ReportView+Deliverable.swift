import MaturityCore

extension ReportView {
    /// The deliverable's parts as the templates show them: money in the company's currency, staffing by role.
    public struct DeliverableView: Sendable, Encodable {
        public var summary: String
        public var firstFive: [Pick]
        public var hasFirstFive: Bool
        public var staffing: [RoleRow]
        public var hasStaffing: Bool
        public var risks: [ReportModel.RiskJSON]
        public var hasRisks: Bool

        public struct Pick: Sendable, Encodable {
            public var order: Int
            public var useCase: String
            public var net: String
            public var roi: String
            public var feasibility: Int
            public var reason: String
        }

        /// One role over the plan: the weeks it works, its hours in all, and its busiest week.
        public struct RoleRow: Sendable, Encodable {
            public var role: String
            public var weeks: String
            /// "week 1" or "weeks 1–3", for prose.
            public var weeksText: String
            public var total: String
            /// "12 h", for the terminal.
            public var hoursText: String
            public var peak: String
        }

        init(_ m: ReportModel, words: PhraseBook, money: (Int) -> String) {
            summary = m.summary
            firstFive = m.firstFive.map {
                Pick(order: $0.order, useCase: $0.useCase, net: money($0.annualValue - $0.annualRunCost), roi: Format.ratio($0.roi),
                     feasibility: $0.feasibility, reason: $0.reason)
            }
            hasFirstFive = !firstFive.isEmpty
            var rows: [RoleRow] = []
            for role in Deliverable.Role.allCases {
                let weeks = m.staffing.filter { $0.role == role.rawValue }
                guard let first = weeks.map(\.week).min(), let last = weeks.map(\.week).max() else { continue }
                let total = weeks.reduce(0) { $0 + $1.hours }, peak = weeks.map(\.hours).max() ?? 0
                let totalText = Format.decimal(total.rounded(), maxDecimals: 0)
                let span: [String: Phrase.Arg] = ["first": .int(first), "last": .int(last)]
                rows.append(RoleRow(role: weeks[0].roleLabel, weeks: words.say(first == last ? "ui.deliverable.week_span" : "ui.deliverable.weeks_span", span),
                                    weeksText: words.say(first == last ? "ui.deliverable.week" : "ui.deliverable.weeks", span),
                                    total: totalText, hoursText: words.say("ui.text.hours", ["hours": .text(totalText)]),
                                    peak: Format.decimal(peak, maxDecimals: 1)))
            }
            staffing = rows
            hasStaffing = !rows.isEmpty
            risks = m.risks
            hasRisks = !risks.isEmpty
        }
    }
}
