/// Imported rows merged into an inventory: pure, so the interview, the import command and the
/// tests share one rule.
/// A process as one spreadsheet row states it: only the cells that were filled in.
public struct ProcessRow: Sendable, Equatable {
    public var row: Int
    public var name: String
    public var department: String?
    public var side: Side?
    public var hoursPerWeek: Double?
    public var volumePerWeek: Double?
    public var systemOfRecord: String?
    public var writeBack: String?
    public var inputStructure: String?
    public var exceptionShare: Double?
    public var highSeverityErrorsPossible: Bool?
    public var ownerCandidate: String?
    public var downtimeHoursPerYear: Double?
    public var costPerDowntimeHour: Double?
    public var scrapCostPerYear: Double?
    /// A stable id from the source list (APQC PCF or hierarchy id), matched before the name.
    public var key: String?

    public init(row: Int, name: String, department: String? = nil, side: Side? = nil, hoursPerWeek: Double? = nil,
                volumePerWeek: Double? = nil, systemOfRecord: String? = nil, writeBack: String? = nil, inputStructure: String? = nil,
                exceptionShare: Double? = nil, highSeverityErrorsPossible: Bool? = nil, ownerCandidate: String? = nil) {
        self.row = row
        self.name = name
        self.department = department
        self.side = side
        self.hoursPerWeek = hoursPerWeek
        self.volumePerWeek = volumePerWeek
        self.systemOfRecord = systemOfRecord
        self.writeBack = writeBack
        self.inputStructure = inputStructure
        self.exceptionShare = exceptionShare
        self.highSeverityErrorsPossible = highSeverityErrorsPossible
        self.ownerCandidate = ownerCandidate
    }
}

/// A row the merge cannot take, with the file, the row and the values a message names;
/// MaturityStore words it beside the other import errors.
public enum MergeProblem: Sendable, Equatable {
    /// `--merge-into` sends the row to a process the inventory does not have.
    case mergeTargetMissing(file: String, row: Int, target: String)
    /// A new process whose hours per week are empty or unreadable.
    case hoursMissing(file: String, row: Int)
}

/// Every row the merge cannot take, reported together.
public struct MergeFailure: Error, Sendable, Equatable {
    public var problems: [MergeProblem]
    public init(problems: [MergeProblem]) { self.problems = problems }
}

/// The outcome of merging imported rows into an inventory.
public struct MergeSummary: Sendable, Equatable {
    public var processes: [InventoryProcess]
    public var added: [String]
    public var updated: [String]
    public var unchanged: [String]
    public var removed: [String]
    /// Fields filled from the questionnaire's assumptions, over all the rows.
    public var assumedFields = 0
    /// Rows not added because an existing process looks like the same one.
    public var nearDuplicates: [NearDuplicate] = []
}

/// A row held back because its name looks like a process already there.
public struct NearDuplicate: Sendable, Equatable {
    public var row: Int
    public var name: String
    public var existing: String
    public var reason: ProcessNames.Reason
}

/// What the user decided about rows that look like existing processes.
public struct MergeChoices: Sendable, Equatable {
    /// Row name (any case) → the existing process it updates.
    public var mergeInto: [String: String] = [:]
    /// Row names (lower case) to add as new processes even though they look like existing ones.
    public var addAsNew: Set<String> = []
    public init(mergeInto: [String: String] = [:], addAsNew: Set<String> = []) {
        self.mergeInto = Dictionary(mergeInto.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.addAsNew = Set(addAsNew.map { $0.lowercased() })
    }
}

public enum InventoryMerge {
    /// Merges rows by key, then by process name (ignoring case): filled cells overwrite, empty ones
    /// keep what was there. With `replace`, the imported rows become the whole inventory. A row whose
    /// name is near an existing one is held back (`nearDuplicates`) unless `choices` says where it
    /// goes. Fields still empty get the questionnaire's `assumptions`, each marked assumed.
    public static func merge(_ rows: [ProcessRow], into existing: [InventoryProcess], replace: Bool,
                             file: String, assumptions: Assumptions? = nil,
                             choices: MergeChoices = MergeChoices()) throws(MergeFailure) -> MergeSummary {
        var result = replace ? [] : existing
        var index: [String: Int] = [:], keys: [String: Int] = [:]
        var names = ProcessNames.Index()
        for (i, p) in result.enumerated() {
            index[p.name.lowercased()] = i
            names.add(p.name)
            if let k = p.key { keys[k] = i }
        }
        var added: [String] = [], updated: [String] = [], unchanged: [String] = []
        var near: [NearDuplicate] = []
        var problems: [MergeProblem] = []
        var assumedCount = 0
        for row in rows {
            var target = row.key.flatMap { keys[$0] } ?? index[row.name.lowercased()]
            if target == nil, let wanted = choices.mergeInto[row.name.lowercased()] {
                guard let i = index[wanted.lowercased()] else {
                    problems.append(.mergeTargetMissing(file: file, row: row.row, target: wanted))
                    continue
                }
                target = i
            }
            if let i = target {
                let before = result[i]
                apply(row, to: &result[i])
                if let assumptions { assumedCount += assumptions.fill(&result[i]) }
                (result[i] == before ? { unchanged.append(row.name) } : { updated.append(row.name) })()
                continue
            }
            if !choices.addAsNew.contains(row.name.lowercased()),
               let match = names.match(row.name) {
                near.append(NearDuplicate(row: row.row, name: row.name, existing: match.0, reason: match.1))
                continue
            }
            guard let hours = row.hoursPerWeek else {
                problems.append(.hoursMissing(file: file, row: row.row))
                continue
            }
            var p = InventoryProcess(name: row.name, hoursPerWeek: hours)
            apply(row, to: &p)
            if let assumptions { assumedCount += assumptions.fill(&p) }
            index[row.name.lowercased()] = result.count
            names.add(row.name)
            if let k = row.key { keys[k] = result.count }
            result.append(p)
            added.append(row.name)
        }
        if !problems.isEmpty { throw MergeFailure(problems: problems) }
        let kept = Set(rows.map { $0.name.lowercased() }), keptKeys = Set(rows.compactMap(\.key))
        let removed = replace ? existing.filter { p in !kept.contains(p.name.lowercased()) && !(p.key.map(keptKeys.contains) ?? false) }.map(\.name) : []
        var summary = MergeSummary(processes: result, added: added, updated: updated, unchanged: unchanged, removed: removed)
        summary.assumedFields = assumedCount
        summary.nearDuplicates = near
        return summary
    }

    static func apply(_ row: ProcessRow, to p: inout InventoryProcess) {
        if let v = row.department { p.department = v }
        if let v = row.side { p.side = v }
        if let v = row.hoursPerWeek { p.hoursPerWeek = v }
        if let v = row.volumePerWeek { p.volumePerWeek = v }
        if let v = row.systemOfRecord {
            // An assumed write-back path followed the old system; it is assumed again from the new one.
            if v != p.systemOfRecord, p.isAssumed("write_back") { p.writeBack = nil; p.markStated("write_back") }
            p.systemOfRecord = v
        }
        if let v = row.writeBack { p.writeBack = v; p.markStated("write_back") }
        if let v = row.inputStructure { p.inputStructure = v; p.markStated("input_structure") }
        if let v = row.exceptionShare { p.exceptionShare = v; p.markStated("exception_share") }
        if let v = row.highSeverityErrorsPossible { p.highSeverityErrorsPossible = v; p.markStated("high_severity_errors_possible") }
        if let v = row.ownerCandidate { p.ownerCandidate = v }
        if let v = row.downtimeHoursPerYear { p.downtimeHoursPerYear = v }
        if let v = row.costPerDowntimeHour { p.costPerDowntimeHour = v }
        if let v = row.scrapCostPerYear { p.scrapCostPerYear = v }
        if let v = row.key { p.key = v }
    }
}
