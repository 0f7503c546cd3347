/// The demo's decision log: twelve weeks of the AP invoice matcher, made the same way every time.
/// Two weeks in shadow, three approving each, then auto with exceptions; in week eight a large
/// customer changes its document format and accuracy slides below the alarm line for a few days
/// before the fix, then it recovers.
public enum DemoLog {
    public static let fileName = "ap-invoice-matcher-log.csv"

    public static func csv(start: Day = Day(iso: "2026-08-31") ?? Day(daysSinceEpoch: 20_696), casesPerWeek: Int = 900) -> String {
        var seed: UInt64 = 20_261_120
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        func stamp(_ minutes: Int) -> String {
            let day = Day(daysSinceEpoch: minutes / 1440)
            let m = minutes % 1440
            return "\(day.iso)T\(m / 60 < 10 ? "0" : "")\(m / 60):\(m % 60 < 10 ? "0" : "")\(m % 60):00Z"
        }
        var rows = ["case_id,at,mode,agent_action,human_action,approved,correct,severity,exception_opened_at,exception_cleared_at"]
        let perDay = casesPerWeek / 5
        var n = 0
        for week in 0..<12 {
            for weekday in 0..<5 {
                let day = start.adding(days: week * 7 + weekday)
                for i in 0..<perDay {
                    n += 1
                    let at = day.daysSinceEpoch * 1440 + 8 * 60 + i * (9 * 60) / perDay
                    let id = "INV-\(100_000 + n)"
                    let r = random()
                    let vendor = "V\(1000 + Int(random() * 400))"
                    switch week {
                    case 0...1:
                        let match = r < 0.925
                        rows.append("\(id),\(stamp(at)),shadow,match \(vendor),\(match ? "match \(vendor)" : "hold \(vendor)"),,,none,,")
                    case 2...4:
                        let outcome = r < 0.965 ? "yes" : (r < 0.985 ? "edited" : "no")
                        rows.append("\(id),\(stamp(at)),approve_each,,,\(outcome),,\(r > 0.997 ? "low" : "none"),,")
                    default:
                        // About a tenth go to the exception queue; a third of the rest are audited.
                        if r < 0.10 {
                            let cleared = at + 30 + Int(random() * 200)
                            let late = random() < 0.02 ? 24 * 60 : 0
                            rows.append("\(id),\(stamp(at)),exception,,,,,none,\(stamp(at)),"
                                        + "\(stamp(min(cleared + late, day.daysSinceEpoch * 1440 + 17 * 60 + late)))")
                        } else if random() < 0.34 {
                            // Week eight, Wednesday to Friday: the new document format.
                            let drift = week == 7 && weekday >= 2
                            let right = random() < (drift ? 0.80 : 0.975)
                            rows.append("\(id),\(stamp(at)),auto,,,,\(right ? "yes" : "no"),\(right ? "none" : "low"),,")
                        } else {
                            rows.append("\(id),\(stamp(at)),auto,,,,,none,,")
                        }
                    }
                }
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
