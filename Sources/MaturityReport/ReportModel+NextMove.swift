extension ReportModel {
    public struct NextMoveJSON: Encodable, Sendable {
        public var kind: String
        public var title: String
        public var detail: String
        public var useCase: String?
        public var owner: String
        /// False when `owner` asks for an owner to be named rather than naming one.
        public var ownerNamed: Bool = true
        public var annualValue: Int?
        public var annualRunCost: Int?
        public var roi: Double?
        public var costOfDelayPerQuarter: Int?
        public var alongside: [String]
        public var agent: String?
        public var reuses: String?
        public var then: String?
        public var fitsIn90Days: Bool
        public var alternative: String?
        public var weeks: Int
        public var alongsideMoves: [AlongsideJSON]
        /// What the move costs once (the middle of its range), and the range; null when it ships nothing.
        public var oneTimeCost: Int?
        public var oneTimeCostRange: MoneyRangeJSON?
        /// Months of net value (value less run cost) that repay the one-time cost; null when it ships nothing or never pays.
        public var paybackMonths: Double?
        public var restarts: String?
        public var platformAgents: Int
        public var lengthShare: Double
        public var weeksToLive: Int?
        public var strictGate: Bool

        enum CodingKeys: String, CodingKey {
            case kind, title, detail, useCase, owner, ownerNamed, annualValue, annualRunCost, roi, costOfDelayPerQuarter, alongside
            case agent, reuses, then, fitsIn90Days, alternative, weeks, alongsideMoves
            case oneTimeCost, oneTimeCostRange, paybackMonths, restarts, platformAgents, lengthShare, weeksToLive, strictGate
        }

        /// The names the move points at are always present, as null when there is none.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(detail, forKey: .detail)
            try c.encode(useCase, forKey: .useCase)
            try c.encode(owner, forKey: .owner)
            try c.encode(ownerNamed, forKey: .ownerNamed)
            try c.encodeIfPresent(annualValue, forKey: .annualValue)
            try c.encodeIfPresent(annualRunCost, forKey: .annualRunCost)
            try c.encodeIfPresent(roi, forKey: .roi)
            try c.encodeIfPresent(costOfDelayPerQuarter, forKey: .costOfDelayPerQuarter)
            try c.encode(alongside, forKey: .alongside)
            try c.encode(agent, forKey: .agent)
            try c.encode(reuses, forKey: .reuses)
            try c.encode(then, forKey: .then)
            try c.encode(fitsIn90Days, forKey: .fitsIn90Days)
            try c.encode(alternative, forKey: .alternative)
            try c.encode(weeks, forKey: .weeks)
            try c.encode(alongsideMoves, forKey: .alongsideMoves)
            try c.encode(oneTimeCost, forKey: .oneTimeCost)
            try c.encode(oneTimeCostRange, forKey: .oneTimeCostRange)
            try c.encode(paybackMonths, forKey: .paybackMonths)
            try c.encode(restarts, forKey: .restarts)
            try c.encode(platformAgents, forKey: .platformAgents)
            try c.encode(lengthShare, forKey: .lengthShare)
            try c.encode(weeksToLive, forKey: .weeksToLive)
            try c.encode(strictGate, forKey: .strictGate)
        }
    }

    public struct MoneyRangeJSON: Encodable, Sendable {
        public var low: Int
        public var high: Int
    }
}
