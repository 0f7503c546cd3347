/// The fields of a process in the inventory, listed once: the key the assessment file uses, the
/// header the import template writes, whether the value is free text (quoted when YAML needs it),
/// and the value as the file writes it. The file writer, the import template and the workshop's
/// conflict list all read this table; add a field here and they all know it.
public struct ProcessField: Sendable {
    public let id: String
    public let header: String
    /// Free text a person typed (a name, a department, an owner), as opposed to a number or a choice id.
    public let isText: Bool
    /// The value as the file writes it; nil when the process does not state it.
    public let value: @Sendable (InventoryProcess) -> String?
}

extension InventoryProcess {
    public static let fields: [ProcessField] = [
        ProcessField(id: "name", header: "Name", isText: true) { $0.name },
        ProcessField(id: "department", header: "Department", isText: true) { $0.department },
        ProcessField(id: "side", header: "Side", isText: false) { $0.side.rawValue },
        ProcessField(id: "hours_per_week", header: "Hours per week", isText: false) { Format.number($0.hoursPerWeek) },
        ProcessField(id: "volume_per_week", header: "Volume per week", isText: false) { $0.volumePerWeek.map { Format.number($0) } },
        ProcessField(id: "system_of_record", header: "System of record", isText: false) { $0.systemOfRecord },
        ProcessField(id: "write_back", header: "Write back", isText: false) { $0.writeBack },
        ProcessField(id: "input_structure", header: "Input structure", isText: false) { $0.inputStructure },
        ProcessField(id: "exception_share", header: "Exception share", isText: false) { $0.exceptionShare.map { Format.number($0) } },
        ProcessField(id: "high_severity_errors_possible", header: "High severity errors possible", isText: false) {
            $0.highSeverityErrorsPossible.map { $0 ? "true" : "false" }
        },
        ProcessField(id: "owner_candidate", header: "Owner candidate", isText: true) { $0.ownerCandidate },
        ProcessField(id: "downtime_hours_per_year", header: "Downtime hours per year", isText: false) { $0.downtimeHoursPerYear.map { Format.number($0) } },
        ProcessField(id: "cost_per_downtime_hour", header: "Cost per downtime hour", isText: false) { $0.costPerDowntimeHour.map { Format.number($0) } },
        ProcessField(id: "scrap_cost_per_year", header: "Scrap cost per year", isText: false) { $0.scrapCostPerYear.map { Format.number($0) } },
    ]

    /// The field `id`, if the table has it.
    public static func field(_ id: String) -> ProcessField? { fields.first { $0.id == id } }
}
