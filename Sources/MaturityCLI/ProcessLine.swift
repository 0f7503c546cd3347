import Foundation
import MaturityCore
import MaturityStore

/// One typed line as a process: `Quote prep, 40h, 300/wk, ERP`. Pieces are recognised by their
/// look (a unit, a system name), else by position: name, hours, cases, system.
enum ProcessLine {
    static func parse(_ text: String, questionnaire q: Questionnaire) -> InventoryProcess {
        // A comma between digits is a thousands separator ("1,200/wk"), not a new piece.
        // A comma between digits is a thousands separator ("1,200/wk"), not a new piece; with one or
        // two digits after it, a decimal comma ("12,5h", as German and Spanish write it).
        let pieces = text.replacingOccurrences(of: #"(?<=\d),(?=\d{3}(\D|$))"#, with: "\u{1F}", options: .regularExpression)
            .replacingOccurrences(of: #"(?<=\d),(?=\d{1,2}(\D|$))"#, with: ".", options: .regularExpression)
        var parts = pieces.split(separator: ",").map { $0.replacingOccurrences(of: "\u{1F}", with: ",").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var p = InventoryProcess(name: parts.isEmpty ? "" : parts.removeFirst(), hoursPerWeek: 0)
        let systems = q.processFields.first { $0.id == "system_of_record" }?.choices ?? []
        var numbers: [Double] = []
        for part in parts {
            let lower = part.lowercased()
            if let prefix = ["owner ", "verantwortlich ", "responsable "].first(where: { lower.hasPrefix($0) }) {
                p.ownerCandidate = String(part.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            if lower.contains("%"), let n = number(lower.replacingOccurrences(of: "exceptions", with: "").trimmingCharacters(in: .whitespaces)), n <= 100 {
                p.exceptionShare = n / 100
                continue
            }
            if let value = Parse.choice(systems)(part).success ?? InventoryImporter.choiceValue(part, field: "system_of_record") {
                p.systemOfRecord = value
            } else if let n = number(lower) {
                // Cases a week in English, German or Spanish: 300/wk, 300 Fälle/Woche, 300 casos/sem.
                let volume = ["/w", "case", "txn", "order", "fäll", "fall", "vorg", "auftr", "caso", "/sem", "pedido"]
                if volume.contains(where: { lower.contains($0) }) || lower.contains("per week") && !lower.contains("h") {
                    p.volumePerWeek = n
                } else if lower.hasSuffix("h") || ["hour", "hrs", "std", "stunde", "hora"].contains(where: { lower.contains($0) }) {
                    p.hoursPerWeek = n
                } else {
                    numbers.append(n)
                }
            }
        }
        // Bare numbers fill hours, then cases, in that order.
        for n in numbers {
            if p.hoursPerWeek == 0 { p.hoursPerWeek = n } else if p.volumePerWeek == nil { p.volumePerWeek = n }
        }
        return p
    }

    /// The number a piece starts with, as `Values` reads it: "1,200/wk", "40k", "12.5h".
    static func number(_ text: String) -> Double? {
        let lead = text.prefix { $0.isNumber || $0 == "." || $0 == "," || $0 == " " || $0 == "k" || $0 == "K" }
        guard lead.contains(where: \.isNumber), let v = Values.number(String(lead)), v.isFinite, v >= 0 else { return nil }
        return v
    }

    /// A department from the process name's words; nil when nothing fits.
    static func departmentGuess(_ name: String) -> String? {
        let n = name.lowercased()
        let table: [(String, String)] = [("invoice", "Accounts payable"), ("payable", "Accounts payable"), ("ap ", "Accounts payable"),
                                         ("supplier", "Purchasing"), ("purchase", "Purchasing"), ("vendor", "Purchasing"),
                                         ("quote", "Sales"), ("order", "Customer service"), ("customer", "Customer service"),
                                         ("freight", "Logistics"), ("shipping", "Logistics"), ("quality", "Quality"),
                                         ("certificate", "Quality"), ("complaint", "Quality"), ("timesheet", "Finance"),
                                         ("credit", "Finance"), ("payroll", "Finance"), ("schedul", "Planning"), ("engineering", "Engineering")]
        return table.first { n.contains($0.0) }?.1
    }
}

extension Result {
    var success: Success? { if case .success(let v) = self { return v } else { return nil } }
}
