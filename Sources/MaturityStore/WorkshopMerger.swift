import MaturityCore

/// Combines several people's assessment files into one, keeping every disagreement.
public enum WorkshopMerger {
    /// `files` pairs each person with their draft. The first file supplies the company profile;
    /// agents and processes merge by name, and a figure two people gave differently is listed
    /// as a conflict (the first person's figure is kept, never an average).
    public static func merge(_ files: [(person: Respondent, draft: Draft)], rule: Workshop.Rule,
                             questionnaire q: Questionnaire) -> Draft {
        guard var merged = files.first?.draft else { return Draft(questionnaireID: q.id) }
        let people = files.map(\.person)
        merged.respondents = people
        merged.next = nil
        var disagreements: [Workshop.Disagreement] = []
        for question in q.questions {
            let given = files.map { Workshop.PersonAnswer(person: $0.person.name, answer: Workshop.text($0.draft.answers[question.id] ?? nil)) }
            let distinct = Set(given.map(\.answer))
            let settled = distinct.count == 1 ? given[0].answer : Workshop.settle(given.map(\.answer), question: question, rule: rule)
            merged.answers[question.id] = .some(Workshop.answer(settled, question))
            if distinct.count > 1 {
                disagreements.append(Workshop.Disagreement(question: question.id, answers: given, rule: rule, result: settled))
            }
            if given.allSatisfy({ $0.answer == "unknown" }) && files.allSatisfy({ $0.draft.answers[question.id] == nil }) {
                merged.answers[question.id] = nil
            }
        }
        var conflicts: [Workshop.Conflict] = []
        merged.agents = mergeByName(files.map { ($0.person.name, $0.draft.agents) }, name: \.name, kind: "agents",
                                    fields: agentFields, conflicts: &conflicts)
        merged.processes = mergeByName(files.map { ($0.person.name, $0.draft.processes) }, name: \.name, kind: "processes",
                                       fields: processFields, conflicts: &conflicts)
        merged.workshop = Workshop(rule: rule, participants: people, disagreements: disagreements, conflicts: conflicts)
        return merged
    }

    static let agentFields: [(String, @Sendable (Agent) -> String?)] = [
        ("status", { $0.status.rawValue }), ("side", { $0.side.rawValue }), ("owner", { $0.owner }),
        ("annual_dollar_value", { $0.annualDollarValue.map { Format.number($0) } }),
        ("reports_dollars", { $0.reportsDollars.map { "\($0)" } }),
        ("gate", { a in a.gate.isEmpty ? nil : a.gate.keys.sorted().map { "\($0)=\(a.gate[$0] == true)" }.joined(separator: ",") }),
    ]

    static let processFields: [(String, @Sendable (InventoryProcess) -> String?)] = [
        ("side", { $0.side.rawValue }), ("hours_per_week", { Format.number($0.hoursPerWeek) }),
        ("volume_per_week", { $0.volumePerWeek.map { Format.number($0) } }), ("system_of_record", { $0.systemOfRecord }),
        ("write_back", { $0.writeBack }), ("input_structure", { $0.inputStructure }),
        ("exception_share", { $0.exceptionShare.map { Format.number($0) } }),
        ("high_severity_errors_possible", { $0.highSeverityErrorsPossible.map { "\($0)" } }), ("owner_candidate", { $0.ownerCandidate }),
    ]

    static func mergeByName<T>(_ lists: [(String, [T])], name: (T) -> String, kind: String,
                               fields: [(String, @Sendable (T) -> String?)], conflicts: inout [Workshop.Conflict]) -> [T] {
        var order: [String] = []
        var first: [String: T] = [:]
        var all: [String: [(String, T)]] = [:]
        for (person, items) in lists {
            for item in items {
                let key = name(item).lowercased()
                if first[key] == nil { first[key] = item; order.append(key) }
                all[key, default: []].append((person, item))
            }
        }
        for key in order {
            guard let versions = all[key], versions.count > 1, let kept = first[key] else { continue }
            for (field, value) in fields {
                let values = versions.map { Workshop.PersonAnswer(person: $0.0, answer: value($0.1) ?? "unknown") }
                if Set(values.map(\.answer)).count > 1 {
                    conflicts.append(Workshop.Conflict(item: "\(kind)/\(name(kept))", field: field, values: values, kept: value(kept) ?? "unknown"))
                }
            }
        }
        return order.compactMap { first[$0] }
    }
}
