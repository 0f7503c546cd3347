/// The fields of a process in the inventory, listed once: the key the assessment file uses, the
/// header the import template writes, whether the value is free text (quoted when YAML needs it),
/// and the value as the file writes it. The file writer, the import template and the workshop's
/// conflict list all read this table; add a field here and they all know it.
public struct ProcessField: Sendable {
    public let id: String
    /// The import template's column header: the id with its first letter capitalised and `_` as
    /// a space (`hours_per_week` → "Hours per week"), so the header and the key cannot drift apart.
    public var header: String {
        let spaced = String(id.map { $0 == "_" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
    /// Free text a person typed (a name, a department, an owner), as opposed to a number or a choice id.
    public let isText: Bool
    /// The value as the file writes it; nil when the process does not state it.
    public let value: @Sendable (InventoryProcess) -> String?
}

extension InventoryProcess {
    public static let fields: [ProcessField] = [
        ProcessField(id: "name", isText: true) { $0.name },
        ProcessField(id: "department", isText: true) { $0.department },
        ProcessField(id: "side", isText: false) { $0.side.rawValue },
        ProcessField(id: "hours_per_week", isText: false) { Format.number($0.hoursPerWeek) },
        ProcessField(id: "volume_per_week", isText: false) { $0.volumePerWeek.map { Format.number($0) } },
        ProcessField(id: "system_of_record", isText: false) { $0.systemOfRecord },
        ProcessField(id: "write_back", isText: false) { $0.writeBack },
        ProcessField(id: "input_structure", isText: false) { $0.inputStructure },
        ProcessField(id: "exception_share", isText: false) { $0.exceptionShare.map { Format.number($0) } },
        ProcessField(id: "high_severity_errors_possible", isText: false) {
            $0.highSeverityErrorsPossible.map { $0 ? "true" : "false" }
        },
        ProcessField(id: "owner_candidate", isText: true) { $0.ownerCandidate },
        ProcessField(id: "downtime_hours_per_year", isText: false) { $0.downtimeHoursPerYear.map { Format.number($0) } },
        ProcessField(id: "cost_per_downtime_hour", isText: false) { $0.costPerDowntimeHour.map { Format.number($0) } },
        ProcessField(id: "scrap_cost_per_year", isText: false) { $0.scrapCostPerYear.map { Format.number($0) } },
    ]

    /// The field `id`, if the table has it.
    public static func field(_ id: String) -> ProcessField? { fields.first { $0.id == id } }
}
