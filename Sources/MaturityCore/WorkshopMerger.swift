/// Combines several people's assessment files into one, keeping every disagreement. The result
/// never depends on the order the files were given: participants are taken in name order, and
/// every figure they gave differently (company profile included) is a conflict settled by the
/// rule — strict takes the least generous figure, majority the median — never by file order.
public enum WorkshopMerger {
    public static func merge(_ given: [(person: Respondent, draft: Draft)], rule: Workshop.Rule,
                             questionnaire q: Questionnaire) -> Draft {
        let files = given.sorted { ($0.person.name.lowercased(), $0.person.role ?? "") < ($1.person.name.lowercased(), $1.person.role ?? "") }
        guard var merged = files.first?.draft else { return Draft(questionnaireID: q.id) }
        let people = files.map(\.person)
        merged.respondents = people
        merged.next = nil
        var disagreements: [Workshop.Disagreement] = []
        for question in q.questions {
            let given = files.map { Workshop.PersonAnswer(person: $0.person.name, answer: $0.draft.answers[question.id] ?? nil) }
            let distinct = Set(given.map(\.answer))
            let settled = distinct.count == 1 ? given[0].answer : Workshop.settle(given.map(\.answer), question: question, rule: rule)
            merged.answers[question.id] = .some(settled)
            if distinct.count > 1 {
                disagreements.append(Workshop.Disagreement(question: question.id, answers: given, rule: rule, result: settled))
            }
            if given.allSatisfy({ $0.answer == nil }) && files.allSatisfy({ $0.draft.answers[question.id] == nil }) {
                merged.answers[question.id] = nil
            }
        }
        if rule == .strict { soberCounts(&merged, &disagreements, q: q) }
        var conflicts: [Workshop.Conflict] = []
        let settle = Settle(rule: rule, q: q)
        mergeProfile(files, into: &merged, settle: settle, conflicts: &conflicts)
        merged.agents = mergeByName(files.map { ($0.person.name, $0.draft.agents) }, name: \.name, kind: "agents",
                                    fields: agentFields(settle), conflicts: &conflicts)
        merged.processes = mergeByName(files.map { ($0.person.name, $0.draft.processes) }, name: \.name, kind: "processes",
                                       fields: processFields(settle), conflicts: &conflicts)
        merged.workshop = Workshop(rule: rule, participants: people, disagreements: disagreements, conflicts: conflicts)
        return merged
    }

    /// A count (pilots run) is sober not by size alone: the answer that places the company lowest
    /// wins, then the one that raises the most flags, then the larger count (more stalled pilots).
    /// So 0 beats 1 (it keeps Stage 0), and 3 beats 1 (both Stage 1; 3 is the sober count).
    static func soberCounts(_ merged: inout Draft, _ disagreements: inout [Workshop.Disagreement], q: Questionnaire) {
        for (index, d) in disagreements.enumerated() {
            guard let question = q.question(d.question), question.type == .count else { continue }
            let counts = Set(d.answers.compactMap { a -> Double? in if case .number(let n)? = a.answer { return n }; return nil }).sorted()
            guard counts.count > 1 else { continue }
            var best: (answer: Answer, stage: Int, flags: Int)?
            for candidate in counts.map(Answer.number) {
                var trial = merged
                trial.answers[question.id] = .some(candidate)
                trial.next = nil
                guard let assessment = try? trial.assessment() else { continue }
                let e = Evaluation(assessment, questionnaire: q)
                let score = (candidate, e.placement.stage, e.allFlags.count)
                // Candidates run smallest first, so on a tie the larger count (more stalled pilots) stands.
                if let b = best, !(score.1 < b.stage || (score.1 == b.stage && score.2 >= b.flags)) { continue }
                best = score
            }
            guard let chosen = best else { continue }
            merged.answers[question.id] = .some(chosen.answer)
            disagreements[index].result = chosen.answer
        }
    }

    /// How each kind of figure is settled when people differ.
    struct Settle {
        let rule: Workshop.Rule
        let q: Questionnaire

        /// Numbers: strict takes the sober end (`lowIsSober`: the smaller), majority the lower median.
        func number(_ values: [Double], lowIsSober: Bool = true) -> Double {
            let sorted = values.sorted()
            guard let first = sorted.first, let last = sorted.last else { return 0 }
            if rule == .majority { return sorted[(sorted.count - 1) / 2] }
            return lowIsSober ? first : last
        }

        /// Choices in the questionnaire's order (best first): strict takes the last, majority the most common.
        func choice(_ values: [String], order: [String]) -> String {
            let rank = { (v: String) in order.firstIndex(of: v) ?? order.count }
            if rule == .majority { return common(values, tie: { rank($0) > rank($1) }) }
            return values.max { rank($0) < rank($1) } ?? values[0]
        }

        /// Yes/no: strict keeps the sober answer (`soberIs`), majority the most common (ties sober).
        func bool(_ values: [Bool], soberIs sober: Bool) -> Bool {
            let yes = values.filter { $0 }.count, no = values.count - yes
            if rule == .majority, yes != no { return yes > no }
            return values.contains(sober) ? sober : !sober
        }

        /// Names and other text: the most common, ties alphabetical.
        func text(_ values: [String]) -> String { common(values, tie: { $0 < $1 }) }

        func common(_ values: [String], tie: (String, String) -> Bool) -> String {
            var counts: [String: Int] = [:]
            for v in values { counts[v, default: 0] += 1 }
            let top = counts.values.max() ?? 0
            return counts.filter { $0.value == top }.keys.sorted(by: tie).first ?? values[0]
        }
    }

    /// One field of an agent or process: how it reads as text, and how to settle differing values.
    struct Field<T> {
        var name: String
        var shown: (T) -> String?
        /// Settles the values of the people who gave one, writing the result into `into`.
        var settle: ([T], inout T) -> Void
    }

    static func mergeProfile(_ files: [(person: Respondent, draft: Draft)], into merged: inout Draft, settle: Settle,
                             conflicts: inout [Workshop.Conflict]) {
        func record(_ field: String, _ values: [(String, String?)], kept: String?) {
            let given = values.compactMap { v in v.1.map { Workshop.PersonValue(person: v.0, value: $0) } }
            guard Set(given.map(\.value)).count > 1 else { return }
            conflicts.append(Workshop.Conflict(item: "organization", field: field, values: given, kept: kept ?? "unknown"))
        }
        func texts(_ key: KeyPath<Draft, String?>) -> [(String, String?)] { files.map { ($0.person.name, $0.draft[keyPath: key]) } }
        for (field, key) in [("name", \Draft.name), ("industry", \Draft.industry), ("currency", \Draft.currency)] {
            let values = texts(key)
            let given = values.compactMap(\.1)
            guard !given.isEmpty else { continue }
            let kept = settle.text(given)
            merged[keyPath: key] = kept
            record(field, values, kept: kept)
        }
        let rates = files.map { ($0.person.name, $0.draft.loadedHourlyRate) }
        if !rates.compactMap(\.1).isEmpty {
            let kept = settle.number(rates.compactMap(\.1))          // a lower rate values the hours less
            merged.loadedHourlyRate = kept
            record("loaded_hourly_rate", rates.map { ($0.0, $0.1.map { Format.number($0) }) }, kept: Format.number(kept))
        }
        let usd = files.map { ($0.person.name, $0.draft.usdRate) }
        if !usd.compactMap(\.1).isEmpty {
            let kept = settle.number(usd.compactMap(\.1))
            merged.usdRate = kept
            record("usd_rate", usd.map { ($0.0, $0.1.map { Format.number($0, maxDecimals: 6) }) }, kept: Format.number(kept, maxDecimals: 6))
        }
        // The workshop's date is the latest anyone answered; the plan starts at the latest start given.
        for (field, key) in [("assessed_on", \Draft.assessedOn), ("plan_starts_on", \Draft.planStartsOn)] {
            let values = files.map { ($0.person.name, $0.draft[keyPath: key]) }
            guard let latest = values.compactMap(\.1).max() else { continue }
            merged[keyPath: key] = latest
            record(field, values.map { ($0.0, $0.1?.iso) }, kept: latest.iso)
        }
    }

    static func processFields(_ s: Settle) -> [Field<InventoryProcess>] {
        let order = { (id: String) in s.q.processFields.first { $0.id == id }?.choiceValues ?? [] }
        // How each field reads in a conflict: as the file writes it (InventoryProcess.fields).
        let shown = { (id: String) in InventoryProcess.field(id)?.value ?? { _ in nil } }
        return [
            Field(name: "side", shown: shown("side")) { v, out in
                out.side = Side(rawValue: s.text(v.map(\.side.rawValue))) ?? out.side
            },
            Field(name: "department", shown: shown("department")) { v, out in
                let given = v.compactMap(\.department)
                if !given.isEmpty { out.department = s.text(given) }
            },
            Field(name: "hours_per_week", shown: shown("hours_per_week")) { v, out in
                out.hoursPerWeek = s.number(v.map(\.hoursPerWeek))                 // fewer hours, less value
            },
            Field(name: "volume_per_week", shown: shown("volume_per_week")) { v, out in
                let given = v.compactMap(\.volumePerWeek)
                if !given.isEmpty { out.volumePerWeek = s.number(given) }          // fewer cases, a longer shadow rung
            },
            Field(name: "system_of_record", shown: shown("system_of_record")) { v, out in
                let given = v.compactMap(\.systemOfRecord)
                if !given.isEmpty { out.systemOfRecord = s.choice(given, order: order("system_of_record")) }
            },
            Field(name: "write_back", shown: shown("write_back")) { v, out in
                let given = v.compactMap(\.writeBack)
                if !given.isEmpty { out.writeBack = s.choice(given, order: order("write_back")) }
            },
            Field(name: "input_structure", shown: shown("input_structure")) { v, out in
                let given = v.compactMap(\.inputStructure)
                if !given.isEmpty { out.inputStructure = s.choice(given, order: order("input_structure")) }
            },
            Field(name: "exception_share", shown: shown("exception_share")) { v, out in
                let given = v.compactMap(\.exceptionShare)
                if !given.isEmpty { out.exceptionShare = s.number(given, lowIsSober: false) }   // more exceptions, less feasible
            },
            Field(name: "high_severity_errors_possible", shown: shown("high_severity_errors_possible")) { v, out in
                let given = v.compactMap(\.highSeverityErrorsPossible)
                if !given.isEmpty { out.highSeverityErrorsPossible = s.bool(given, soberIs: true) }
            },
            Field(name: "owner_candidate", shown: shown("owner_candidate")) { v, out in
                let given = v.compactMap(\.ownerCandidate)
                if !given.isEmpty { out.ownerCandidate = s.text(given) }
            },
        ]
    }

    static func agentFields(_ s: Settle) -> [Field<Agent>] {
        var fields: [Field<Agent>] = [
            Field(name: "process", shown: { $0.process }) { v, out in
                let given = v.compactMap(\.process)
                if !given.isEmpty { out.process = s.text(given) }
            },
            Field(name: "status", shown: { $0.status.rawValue }) { v, out in
                // The least advanced rung anyone reported (strict), or the median (majority).
                let ranks = v.map { Double($0.status.ladderIndex) }
                let kept = s.number(ranks).roundedInt()
                out.status = AgentStatus.allCases.indices.contains(kept) ? AgentStatus.allCases[kept] : out.status
            },
            Field(name: "side", shown: { $0.side.rawValue }) { v, out in
                out.side = Side(rawValue: s.text(v.map(\.side.rawValue))) ?? out.side
            },
            Field(name: "owner", shown: { $0.owner }) { v, out in
                let given = v.compactMap(\.owner)
                if !given.isEmpty { out.owner = s.text(given) }
            },
            Field(name: "annual_dollar_value", shown: { $0.annualDollarValue.map { Format.number($0) } }) { v, out in
                let given = v.compactMap(\.annualDollarValue)
                if !given.isEmpty { out.annualDollarValue = s.number(given) }
            },
            Field(name: "reports_dollars", shown: { $0.reportsDollars.map { "\($0)" } }) { v, out in
                let given = v.compactMap(\.reportsDollars)
                if !given.isEmpty { out.reportsDollars = s.bool(given, soberIs: false) }
            },
            Field(name: "reuses_shared_infrastructure", shown: { $0.reusesSharedInfrastructure.map { "\($0)" } }) { v, out in
                let given = v.compactMap(\.reusesSharedInfrastructure)
                if !given.isEmpty { out.reusesSharedInfrastructure = s.bool(given, soberIs: false) }
            },
        ]
        for bar in s.q.gateBars.map(\.id) {
            fields.append(Field(name: "gate.\(bar)", shown: { $0.gate[bar].map { "\($0)" } }) { v, out in
                let given = v.compactMap { $0.gate[bar] }
                if !given.isEmpty { out.gate[bar] = s.bool(given, soberIs: false) }
            })
        }
        return fields
    }

    /// Merges lists by name in the order names first appear (participants in name order); each
    /// field two people gave differently is a conflict, settled by the rule.
    static func mergeByName<T>(_ lists: [(String, [T])], name: (T) -> String, kind: String,
                               fields: [Field<T>], conflicts: inout [Workshop.Conflict]) -> [T] {
        var order: [String] = []
        var all: [String: [(String, T)]] = [:]
        for (person, items) in lists {
            for item in items {
                let key = name(item).lowercased()
                if all[key] == nil { order.append(key) }
                all[key, default: []].append((person, item))
            }
        }
        return order.compactMap { key -> T? in
            guard let versions = all[key], var kept = versions.first?.1 else { return nil }
            guard versions.count > 1 else { return kept }
            for field in fields {
                let values = versions.map { Workshop.PersonValue(person: $0.0, value: field.shown($0.1) ?? "unknown") }
                guard Set(values.map(\.value)).count > 1 else { continue }
                field.settle(versions.map(\.1), &kept)
                conflicts.append(Workshop.Conflict(item: "\(kind)/\(name(kept))", field: field.name, values: values,
                                                   kept: field.shown(kept) ?? "unknown"))
            }
            return kept
        }
    }
}
