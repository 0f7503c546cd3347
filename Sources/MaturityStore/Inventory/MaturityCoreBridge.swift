import MaturityCore

/// Calendar arithmetic the readers borrow from the core.
enum MaturityCoreBridge {
    /// An Excel date serial (days since 1899-12-30) as YYYY-MM-DD.
    static func day(fromSerial serial: Double) -> String {
        Day(iso: "1899-12-30").map { $0.adding(days: Int(serial.rounded(.down))).iso } ?? String(serial)
    }
}
