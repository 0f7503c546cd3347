import MaturityCore

/// Calendar arithmetic the readers borrow from the core.
enum MaturityCoreBridge {
    /// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD, with the time of day
    /// (YYYY-MM-DDTHH:MM:SS) when the serial has one, as a decision log's timestamps do.
    static func day(fromSerial serial: Double) -> String {
        guard (0...2_958_465).contains(serial), let base = Day(iso: "1899-12-30") else { return String(serial) }
        let whole = serial.roundedInt(.down)
        let date = base.adding(days: whole).iso
        let seconds = ((serial - Double(whole)) * 86_400).roundedInt()
        guard seconds > 0, seconds < 86_400 else { return date }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
