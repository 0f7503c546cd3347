/// The interval a rate is judged by and the sample it needs (the rolling SLO, the exception queue
/// and the ISO weeks are measured as the log is folded: `LadderFold+Report.swift`).
extension LadderAnalysis {
    /// 95% Wilson score interval for `k` successes in `n` trials.
    public static func wilson(_ k: Int, _ n: Int, z: Double = 1.959964) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        return wilson(rate: Double(k) / Double(n), n, z: z)
    }

    static func wilson(rate p: Double, _ n: Int, z: Double = 1.959964) -> (low: Double, high: Double) {
        let nn = Double(n)
        let denominator = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denominator
        let margin = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()) / denominator
        return (max(0, centre - margin), min(1, centre + margin))
    }

    /// The fewest extra reviewed cases that make the gate provable at the current rate: the smallest
    /// N ≥ n with the Wilson lower bound of (rate, N) at or above the gate, or N at the rung's
    /// minimum cases, whichever comes first; the answer is N − n. The lower bound grows with N at a
    /// fixed rate, so a binary search finds N. Nil when the rate is below the gate (no number of
    /// cases at that rate shows it). `floor`: the minimum is a hard count (shadow's, as the seed states it).
    public static func auditMore(successes k: Int, cases n: Int, gate: Double, minCases: Int?, floor: Bool = false) -> Int? {
        guard n > 0 else { return minCases }
        let rate = Double(k) / Double(n)
        guard rate >= gate else { return nil }
        if floor, let minCases { return max(0, minCases - n) }
        func provable(_ total: Int) -> Bool { (minCases.map { total >= $0 } ?? false) || wilson(rate: rate, total).low >= gate }
        if provable(n) { return 0 }
        var low = n, high = max(n, minCases ?? n)
        while !provable(high) {
            // Only at exactly the gate with no minimum does the interval never clear it.
            guard high < 100_000_000 else { return nil }
            low = high
            high *= 2
        }
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if provable(mid) { high = mid } else { low = mid }
        }
        return high - n
    }
}
