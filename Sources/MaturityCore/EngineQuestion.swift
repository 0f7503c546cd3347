/// The answers the placement rules read. A questionnaire must define each of these with
/// the type shown; the rest of its questions are free for a consultant to add.
public enum EngineQuestion: String, CaseIterable, Sendable {
    case staffAITools = "staff_ai_tools"
    case toolGainsMeasured = "tool_gains_measured"
    case aiPilots = "ai_pilots"
    case newAgentShipsInWeeks = "new_agent_ships_in_weeks"
    case everyAgentReportsDollars = "every_agent_reports_dollars"
    case lineLevelAIFunded = "line_level_ai_funded"
    case aiInCoreDecisions = "ai_in_core_decisions"
    case aiInProduct = "ai_in_product"

    public var requiredType: QuestionType {
        switch self {
        case .staffAITools: return .choice
        case .aiPilots: return .count
        default: return .yesNo
        }
    }

    /// Choice values the rules compare against.
    public var requiredChoices: [String] {
        self == .staffAITools ? ["none", "ad_hoc", "standardized"] : []
    }
}

/// The five production-gate bars, by the ids the rules and the JSON use.
public enum EngineGateBar: String, CaseIterable, Sendable {
    case metricOnRealData = "metric_on_real_data"
    case writesToSystemOfRecord = "writes_to_system_of_record"
    case humanHandoff = "human_handoff"
    case namedOwnerReportsDollars = "named_owner_reports_dollars"
    case monitoring
}

/// Rungs of the trust ladder the plan is built from, in order.
public enum EngineRung: String, CaseIterable, Sendable {
    case setup, shadow
    case approveEach = "approve_each"
    case autoWithExceptions = "auto_with_exceptions"
    case productionOwned = "production_owned"
}

/// Process choice fields that feasibility scores; each needs a points table.
public enum ScoredProcessField: String, CaseIterable, Sendable {
    case systemOfRecord = "system_of_record"
    case writeBack = "write_back"
    case inputStructure = "input_structure"
}
