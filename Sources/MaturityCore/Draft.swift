
/// An assessment that may still be incomplete: what the interview has so far. It is written
/// in the assessment file format, plus an `interview:` key that says where to continue.
public struct Draft: Sendable, Equatable {
    public var version = 1
    public var questionnaireID: String
    public var name: String?
    public var industry: String?
    public var currency: String?
    public var loadedHourlyRate: Double?
    public var usdRate: Double?
    public var usdRateOn: Day?
    public var assessedOn: Day?
    public var planStartsOn: Day?
    public var respondents: [Respondent] = []
    /// Answers by question id; `.none` inside means the person skipped it (written `unknown`).
    public var answers: [String: Answer?] = [:]
    public var agents: [Agent] = []
    public var processes: [InventoryProcess] = []
    /// The interview step to continue at; nil once the interview is finished.
    public var next: String?
    /// What each person in a workshop answered, and how splits were settled.
    public var workshop: Workshop?

    public init(questionnaireID: String) { self.questionnaireID = questionnaireID }

    /// A draft from a finished assessment, e.g. last quarter's, to pre-fill the interview.
    public init(_ a: Assessment) {
        questionnaireID = a.questionnaireID
        name = a.organization.name
        industry = a.organization.industry
        currency = a.organization.currency
        loadedHourlyRate = a.organization.loadedHourlyRate
        usdRate = a.organization.usdRate
        usdRateOn = a.organization.usdRateOn
        assessedOn = a.assessedOn
        planStartsOn = a.planStartsOn
        respondents = a.respondents
        answers = a.answers.mapValues { Optional($0) }
        agents = a.agents
        processes = a.processes
        workshop = a.workshop
    }
}

/// What stops a draft from being an assessment, by the key that is missing. The command line
/// words it (`cli.draft.incomplete`) and makes it a `ToolError`.
public struct DraftIncomplete: Error, Sendable, Equatable {
    public var missing: [String]
    public init(missing: [String]) { self.missing = missing }
    /// Bad data: the file or the interview lacks what every assessment needs.
    public var exitCode: Int32 { ExitStatus.dataError }
}

extension Draft {
    /// The assessment this draft states, once it has what every assessment needs (a company
    /// name, the date it was assessed, an hourly rate when processes are listed). A skipped
    /// answer is left out: unknown counts as no.
    public func assessment() throws(DraftIncomplete) -> Assessment {
        var missing: [String] = []
        if name == nil { missing.append("organization.name") }
        if assessedOn == nil { missing.append("assessed_on") }
        if !processes.isEmpty, loadedHourlyRate == nil { missing.append("organization.loaded_hourly_rate") }
        guard missing.isEmpty, let name, let assessedOn else { throw DraftIncomplete(missing: missing) }
        return Assessment(version: version, questionnaireID: questionnaireID,
                          organization: Organization(name: name, industry: industry, currency: (currency ?? "USD").uppercased(),
                                                     loadedHourlyRate: loadedHourlyRate, usdRate: usdRate, usdRateOn: usdRateOn),
                          assessedOn: assessedOn, planStartsOn: planStartsOn, respondents: respondents,
                          answers: answers.compactMapValues { $0 }, agents: agents, processes: processes, workshop: workshop)
    }
}
