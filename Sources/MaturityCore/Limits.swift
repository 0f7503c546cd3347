/// The documented caps on every input: numbers no plant has, files and lists past what a person
/// keeps. Past them the tool refuses with a message that names the limit; nothing is computed on
/// a value that could overflow. The README's Reliability section lists them.
public enum Limits {
    /// Any number in a file that has no tighter range of its own.
    public static let anyNumber: Double = 1_000_000_000_000
    /// Any whole number (counts, days, weeks) with no tighter range of its own.
    public static let anyCount = 1_000_000_000
    /// Staff hours a week on one process: 168 hours × about 60 people.
    public static let hoursPerWeek: Double = 10_000
    public static let casesPerWeek: Double = 10_000_000
    public static let hourlyRate: Double = 10_000
    /// Dollars one agent earns a year.
    public static let annualDollars: Double = 10_000_000_000
    public static let usdRate: ClosedRange<Double> = 0.000_001...1_000_000
    /// Processes in one assessment, and rows in one imported sheet.
    public static let processes = 100_000
    public static let agents = 1_000
    /// An assessment, questionnaire or brand file, in bytes.
    public static let dataFileBytes = 64 * 1024 * 1024
    /// A CSV or .xlsx inventory, in bytes.
    public static let sheetBytes = 256 * 1024 * 1024
    /// One template file, in bytes, and its tags.
    public static let templateBytes = 256 * 1024
    public static let templateTags = 4_000
    public static let planDays = 7...730
    public static let rungWeeks = 1...104
}

extension Double {
    /// The nearest whole number as an Int, never trapping: NaN is 0, and anything past ±9e15
    /// is held there. Every Double that becomes an Int goes through this (CI greps for others).
    public func roundedInt(_ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
        guard !isNaN else { return 0 }
        let r = rounded(rule)
        return Int(Swift.max(-9e15, Swift.min(9e15, r)))
    }
}
