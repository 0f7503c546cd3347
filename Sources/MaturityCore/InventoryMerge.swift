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

/// Every bad cell in a spreadsheet, reported together.
public struct ImportFailure: ToolError, Sendable {
    public var exitCode: Int32 { ExitStatus.dataError }
    public var problems: [String]
    public init(problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

/// The outcome of merging imported rows into an inventory.
public struct MergeSummary: Sendable, Equatable {
    public var processes: [InventoryProcess]
    public var added: [String]
    public var updated: [String]
    public var unchanged: [String]
    public var removed: [String]
}

public enum InventoryMerge {
    /// Merges rows by process name (ignoring case): filled cells overwrite, empty ones keep what
    /// was there. With `replace`, the imported rows become the whole inventory.
    public static func merge(_ rows: [ProcessRow], into existing: [InventoryProcess], replace: Bool,
                             file: String) throws(ImportFailure) -> MergeSummary {
        var result = replace ? [] : existing
        var index: [String: Int] = [:]
        for (i, p) in result.enumerated() { index[p.name.lowercased()] = i }
        var added: [String] = [], updated: [String] = [], unchanged: [String] = []
        var problems: [String] = []
        for row in rows {
            if let i = index[row.name.lowercased()] {
                let before = result[i]
                apply(row, to: &result[i])
                (result[i] == before ? { unchanged.append(row.name) } : { updated.append(row.name) })()
            } else {
                guard let hours = row.hoursPerWeek else {
                    problems.append("\(file): row \(row.row), column \"hours per week\": empty; a new process needs its hours per week, like 12.5")
                    continue
                }
                var p = InventoryProcess(name: row.name, hoursPerWeek: hours)
                apply(row, to: &p)
                index[row.name.lowercased()] = result.count
                result.append(p)
                added.append(row.name)
            }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
        let kept = Set(rows.map { $0.name.lowercased() })
        let removed = replace ? existing.map(\.name).filter { !kept.contains($0.lowercased()) } : []
        return MergeSummary(processes: result, added: added, updated: updated, unchanged: unchanged, removed: removed)
    }

    static func apply(_ row: ProcessRow, to p: inout InventoryProcess) {
        if let v = row.department { p.department = v }
        if let v = row.side { p.side = v }
        if let v = row.hoursPerWeek { p.hoursPerWeek = v }
        if let v = row.volumePerWeek { p.volumePerWeek = v }
        if let v = row.systemOfRecord { p.systemOfRecord = v }
        if let v = row.writeBack { p.writeBack = v }
        if let v = row.inputStructure { p.inputStructure = v }
        if let v = row.exceptionShare { p.exceptionShare = v }
        if let v = row.highSeverityErrorsPossible { p.highSeverityErrorsPossible = v }
        if let v = row.ownerCandidate { p.ownerCandidate = v }
        if let v = row.downtimeHoursPerYear { p.downtimeHoursPerYear = v }
        if let v = row.costPerDowntimeHour { p.costPerDowntimeHour = v }
        if let v = row.scrapCostPerYear { p.scrapCostPerYear = v }
    }
}
