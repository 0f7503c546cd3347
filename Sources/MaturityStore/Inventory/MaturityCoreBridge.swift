import MaturityCore

/// Calendar arithmetic the readers borrow from the core.
enum MaturityCoreBridge {
    /// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD.
    static func day(fromSerial serial: Double) -> String {
        (0...2_958_465).contains(serial) ? (Day(iso: "1899-12-30").map { $0.adding(days: serial.roundedInt(.down)).iso } ?? String(serial)) : String(serial)
    }
}
