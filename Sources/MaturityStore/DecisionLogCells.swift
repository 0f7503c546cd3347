import Foundation
import MaturityCore

/// How a decision log's cells are read: yes/no in its many spellings, timestamps, field positions.
/// yes/no as logs write them.
enum YesNo {
    static func read(_ text: String) -> Bool? {
        switch text {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: break
        }
        if let value = Values.yesNo(text) { return value }
        switch text.lowercased() {
        case "match", "matched", "correct", "approved", "ok", "pass", "passed": return true
        case "mismatch", "incorrect", "wrong", "rejected", "fail", "failed": return false
        default: return nil
        }
    }
}

/// Timestamps as logs write them, as minutes since 1970 in UTC when they carry a zone.
enum Timestamp {
    static func parse(_ raw: String) -> (minutes: Int, zoned: Bool)? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        // An Excel serial date (days since 1899-12-30, the fraction the time of day).
        if let serial = Double(text), serial > 1, serial < 2_958_466 {
            let minutes = ((serial - 25_569) * 1440).roundedInt(.down)
            return (minutes, false)
        }
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes chars: UnsafeBufferPointer<UInt8>) -> (minutes: Int, zoned: Bool)? {
        func digits(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= chars.count else { return nil }
            var v = 0
            for k in a..<(a + n) {
                let c = chars[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
              (1...12).contains(mo), d >= 1, d <= Day.daysIn(month: mo, year: y) else { return nil }
        let day = Day(year: y, month: mo, day: d)
        var minutes = day.daysSinceEpoch * 1440
        guard chars.count > 10 else { return (minutes, false) }
        guard chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
        func number(_ a: Int, _ n: Int) -> Int? {
            guard a + n <= chars.count else { return nil }
            var v = 0
            for c in chars[a..<(a + n)] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let hh = number(11, 2), chars.count > 13, chars[13] == UInt8(ascii: ":"), let mm = number(14, 2), hh < 24, mm < 60 else { return nil }
        minutes += hh * 60 + mm
        var i = 16
        if i < chars.count, chars[i] == UInt8(ascii: ":") {
            guard number(17, 2) != nil else { return nil }
            i = 19
            if i < chars.count, chars[i] == UInt8(ascii: ".") {
                i += 1
                while i < chars.count, chars[i] >= 48, chars[i] <= 57 { i += 1 }
            }
        }
        guard i < chars.count else { return (minutes, false) }
        if chars[i] == UInt8(ascii: "Z"), i + 1 == chars.count { return (minutes, true) }
        guard chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-"), let oh = number(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < chars.count {
            let at = chars[i + 3] == UInt8(ascii: ":") ? i + 4 : i + 3
            guard let m = number(at, 2) else { return nil }
            om = m
        }
        let offset = oh * 60 + om
        return (minutes - (chars[i] == UInt8(ascii: "+") ? offset : -offset), true)
    }
}

/// Where each field sits in a row, worked out once from the header.
struct FieldIndex {
    var positions: [String: Int] = [:]
    init() {}
    init(_ fieldAt: [Int: String]) {
        for (i, f) in fieldAt { positions[f] = i }
    }
}

/// One row's cells by field name, looked up through the index.
struct Row {
    let value: (Int?) -> String?
    let at: FieldIndex
    subscript(_ field: String) -> String? { value(at.positions[field]) }
}
