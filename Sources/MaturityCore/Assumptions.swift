/// What a process that leaves a field empty is taken to have (`parameters.assumed_when_unknown`).
/// One rule wherever the process came from: a line typed in the interview and a row imported from
/// a sheet get the same assumptions, each is recorded in the file as `assumed:`, and the report
/// says "(assumed)" beside it, so the same process scores the same and nobody mistakes a guess
/// for a fact. A field nobody assumed and nobody stated stays unknown and scores the worst case.
public struct Assumptions: Sendable, Equatable {
    /// The write-back path, by the system of record; assumed only when the system is known.
    public var writeBackBySystem: [String: String] = ["erp": "api", "mes": "api", "crm": "api", "spreadsheet": "file_import",
                                                      "email": "manual", "paper": "manual", "none": "none"]
    public var inputStructure: String? = "semi"
    public var exceptionShare: Double? = 0.1
    public var highSeverityErrorsPossible: Bool? = false
    public init() {}

    /// The fields that may be assumed, in the order the file lists them.
    public static let fieldIDs = ["write_back", "input_structure", "exception_share", "high_severity_errors_possible"]

    /// Fills the empty fields of `p` that have an assumption and marks each in `p.assumed`;
    /// returns how many it filled.
    @discardableResult
    public func fill(_ p: inout InventoryProcess) -> Int {
        var filled: [String] = []
        if p.writeBack == nil, let system = p.systemOfRecord, let path = writeBackBySystem[system] {
            p.writeBack = path
            filled.append("write_back")
        }
        if p.inputStructure == nil, let v = inputStructure { p.inputStructure = v; filled.append("input_structure") }
        if p.exceptionShare == nil, let v = exceptionShare { p.exceptionShare = v; filled.append("exception_share") }
        if p.highSeverityErrorsPossible == nil, let v = highSeverityErrorsPossible {
            p.highSeverityErrorsPossible = v
            filled.append("high_severity_errors_possible")
        }
        let marked = Set(p.assumed + filled)
        p.assumed = Self.fieldIDs.filter(marked.contains)
        return filled.count
    }
}

extension InventoryProcess {
    /// Whether `field` holds an assumption rather than a stated value.
    public func isAssumed(_ field: String) -> Bool { assumed.contains(field) }

    /// `field` is now stated by someone: it is no longer an assumption.
    public mutating func markStated(_ field: String) { assumed.removeAll { $0 == field } }
}
