import Foundation
import MaturityCore

/// Columns the import reads that are not fields of a process but lead to one: an RPA assessment
/// sheet's frequency, volume per frequency, handling time, FTEs and share of structured input, and an
/// APQC Process Classification Framework list's ids and level.
///
/// The RPA columns follow UiPath Automation Hub's detailed assessment (process_name, category,
/// frequency daily/weekly/bi-weekly/monthly/quarterly/yearly, volumes, average processing time,
/// error rate, % rule-based, % structured digital input, application stability: the Automation Hub
/// API guide, "Input for Detailed Assessment", docs.uipath.com/automation-hub/automation-cloud/latest/api-guide/input-for-detailed-assessment),
/// which Blue Prism-style assessment sheets share. The APQC columns follow the PCF Cross-Industry
/// Excel download (PCF ID, Hierarchy ID such as 9.6.2.3, Name; levels Category, Process Group,
/// Process, Activity, Task: apqc.org/process-frameworks).
enum ExtraColumns {
    static let synonyms: [String: [String]] = [
        "frequency": ["frequency", "taskfrequency", "processfrequency", "taskprocessfrequency", "executionfrequency", "runfrequency"],
        "volume_per_frequency": ["volumeperfrequency", "volumes", "averagevolume", "averagevolumeofactivity", "volumeperperiod", "transactionvolume"],
        "handling_minutes": ["averagehandlingtime", "aht", "handlingtime", "averageprocessingtime", "processingtime", "averagehandlingtimemin",
                             "averageprocessingtimemin", "handlingtimemin", "ahtmin", "minutespercase", "minutespertransaction",
                             "averagetimepertransaction", "timepercase", "timepertransaction", "averagehandlingtimeminutes"],
        "ftes": ["ftes", "fte", "numberofftes", "ftesinvolved", "ftecount", "fulltimeequivalents", "numberofemployees"],
        "structured_share": ["structured", "percentstructured", "structuredpercent", "structureddigitalinput", "inputtypestructured",
                             "structuredinput", "inputstructured", "structureddigital", "structureddigitalinputpercent", "inputtypepercentstructured"],
        "pcf_id": ["pcfid", "pcf", "pcfelementid", "elementid"],
        "hierarchy_id": ["hierarchyid", "hierarchy", "hierarchynumber", "pcfhierarchyid"],
        "level": ["level", "pcflevel", "hierarchylevel", "elementlevel"],
    ]

    /// A header read by its unit suffix: `Current Manual Time (hrs/week)` is hours per week,
    /// `Average Error Rate (%)` an exception share, `Handling time (sec)` a handling time.
    /// Returns the field and, for a handling time, how many minutes one unit is.
    static func byUnit(_ header: String) -> (field: String, minutes: Double)? {
        guard let open = header.lastIndex(where: { $0 == "(" || $0 == "[" }) else { return nil }
        let base = InventoryImporter.normalize(String(header[..<open]))
        let unitText = String(header[header.index(after: open)...]).lowercased()
        let unit = InventoryImporter.normalize(unitText)
        func says(_ words: [String]) -> Bool { words.contains { base.contains($0) } }
        let timeWords = ["time", "hours", "effort", "workload", "duration", "handling", "processing", "aht"]
        if ["hoursweek", "hoursperweek", "week"].contains(unit), says(timeWords) { return ("hours_per_week", 0) }
        if ["hoursweek", "casesweek", "perweek", "week", "transactionsweek"].contains(unit), says(["volume", "cases", "transactions", "items", "orders"]) {
            return ("volume_per_week", 0)
        }
        if says(timeWords) {
            if ["min", "mins", "minutes", "minute", "minutespercase", "mincase"].contains(unit) { return ("handling_minutes", 1) }
            if ["sec", "secs", "seconds", "s"].contains(unit) { return ("handling_minutes", 1.0 / 60) }
            if ["hours", "hour", "hrs"].contains(unit) { return ("handling_minutes", 60) }
        }
        if unitText.contains("%") || unit == "percent" {
            if says(["error", "exception", "rework", "fallout"]) { return ("exception_share", 0) }
            if says(["structured", "digital"]) { return ("structured_share", 0) }
        }
        return nil
    }

    /// Cases a week from a count per period: daily × working days a week, monthly ÷ 4.33, ….
    static func perWeek(_ frequency: String, workingDays: Double) -> Double? {
        let f = frequency.lowercased().filter(\.isLetter)
        switch f {
        case "daily", "day", "perday", "everyday", "eachday": return workingDays
        case "weekly", "week", "perweek": return 1
        case "biweekly", "fortnightly", "everytwoweeks": return 0.5
        case "monthly", "month", "permonth": return 1 / 4.33
        case "quarterly", "quarter", "perquarter": return 1 / 13
        case "yearly", "annually", "annual", "year", "peryear": return 1.0 / 52
        case "hourly", "hour", "perhour": return workingDays * 8
        default: return nil
        }
    }

    /// An APQC level as a number: 1 Category, 2 Process Group, 3 Process, 4 Activity, 5 Task.
    static func level(_ text: String) -> Int? {
        if let n = Int(text.trimmingCharacters(in: .whitespaces)) { return n }
        switch text.lowercased().filter(\.isLetter) {
        case "category": return 1
        case "processgroup": return 2
        case "process": return 3
        case "activity": return 4
        case "task": return 5
        default: return text.lowercased().hasPrefix("level") ? Int(text.filter(\.isNumber)) : nil
        }
    }

    /// The input structure a share of structured, digital input gives.
    static func inputStructure(structuredShare s: Double) -> String {
        s >= 0.8 ? "structured" : (s >= 0.4 ? "semi" : "unstructured")
    }
}

/// What an RPA or APQC row states beside the process fields, finished into the process once the row is read.
struct ExtraCells {
    var frequency: String?
    var volumePerFrequency: Double?
    var handlingMinutes: Double?
    var ftes: Double?
    var structuredShare: Double?
    var pcfID: String?
    var hierarchyID: String?
    var level: Int?

    /// Fills cases and hours a week, the input structure and the key; checks hours against FTEs.
    /// `warn` takes a message about the row.
    func finish(_ p: inout ProcessRow, workingDays: Double, hoursPerFTE: Double, cells: inout CellReader,
                frequencyColumn: Int?, warn: (String) -> Void) {
        p.key = pcfID ?? hierarchyID ?? p.key
        var weekly: Double?
        if let frequency {
            weekly = ExtraColumns.perWeek(frequency, workingDays: workingDays)
            if weekly == nil {
                cells.column = frequencyColumn ?? 0
                cells.unreadable("\"\(frequency)\" is not a frequency; expected daily, weekly, bi-weekly, monthly, quarterly or yearly")
            }
        }
        if p.volumePerWeek == nil, let v = volumePerFrequency, let weekly { p.volumePerWeek = (v * weekly * 100).rounded() / 100 }
        if p.hoursPerWeek == nil, let cases = p.volumePerWeek, let minutes = handlingMinutes {
            p.hoursPerWeek = (cases * minutes / 60 * 100).rounded() / 100
        }
        if p.hoursPerWeek == nil, let ftes { p.hoursPerWeek = ftes * hoursPerFTE }
        if p.inputStructure == nil, let s = structuredShare { p.inputStructure = ExtraColumns.inputStructure(structuredShare: s) }
        // FTEs are a cross-check: hours a week that disagree with them by half or more are worth a look.
        if let ftes, ftes > 0, let hours = p.hoursPerWeek, hours > 0, handlingMinutes != nil || frequency == nil {
            let fteHours = ftes * hoursPerFTE
            let ratio = hours / fteHours
            if ratio > 1.5 || ratio < 1 / 1.5 {
                warn("\(Format.number(hours)) hours a week, but \(Format.number(ftes)) FTEs are \(Format.number(fteHours)) hours; "
                     + "check the volume, handling time or FTEs (hours were kept)")
            }
        }
    }
}
