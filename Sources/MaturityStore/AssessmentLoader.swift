import Foundation
import MaturityCore
import MaturityYAML
import Yams

/// Reads and validates an assessment file against its questionnaire, reporting every
/// problem at once with file, line, key path, value and the allowed values.
public enum AssessmentLoader {
    public static let supportedVersion = 1
    static let topKeys = ["version", "questionnaire", "organization", "assessed_on", "plan_starts_on", "respondents",
                          "answers", "agents", "processes", "notes", "interview", "workshop"]

    /// A loaded assessment with any warnings found on the way.
    public struct Loaded: Sendable {
        public var assessment: Assessment
        public var questionnaire: Questionnaire
        public var warnings: [Diagnostic]
    }

    /// What a file says, read once. `strict` asks for everything an assessment needs (a name,
    /// the date, a version) and checks the file as a whole (repeated names, an agent's process);
    /// without it every field may be missing, as in a file the interview is still writing.
    public struct Read: Sendable {
        public var draft: Draft
        public var questionnaire: Questionnaire
        public var warnings: [Diagnostic]
    }

    public static func read(_ doc: YAMLDocument, strict: Bool, resolve: (String) throws -> Questionnaire) throws -> Read {
        let r = YAMLReader(file: doc.file)
        guard let root = doc.root else { throw ValidationFailure(doc.parseProblems) }
        guard let f = r.mapping(root, "", allowed: topKeys) else { throw ValidationFailure(r.diagnostics) }
        let version = r.int(f, "version", required: strict) ?? supportedVersion
        if version > supportedVersion {
            r.report(f["version"], .newerVersion(found: version, supported: supportedVersion))
            throw ValidationFailure(r.diagnostics)
        }
        guard let questionnaireID = r.string(f, "questionnaire", required: true), !questionnaireID.isEmpty else {
            throw ValidationFailure(r.diagnostics)
        }
        let q = try questionnaire(questionnaireID, r, f, resolve)
        var d = Draft(questionnaireID: questionnaireID)
        d.version = version
        readOrganization(r, f, strict: strict, into: &d)
        d.assessedOn = r.day(f, "assessed_on", required: strict)
        d.planStartsOn = r.day(f, "plan_starts_on")
        if strict, let a = d.assessedOn, let p = d.planStartsOn, p < a {
            r.report(f["plan_starts_on"], .planBeforeAssessed(plan: "\(p)", assessed: "\(a)"), severity: .warning)
        }
        d.respondents = (r.sequence(f["respondents"], "respondents") ?? []).enumerated().compactMap { i, node -> Respondent? in
            guard let m = r.mapping(node, "respondents[\(i)]", allowed: ["name", "role"]) else { return nil }
            return Respondent(name: r.string(m, "name", required: strict) ?? "", role: r.string(m, "role"))
        }
        d.answers = readAnswers(r, f["answers"], q)
        d.processes = readProcesses(r, f["processes"], q)
        d.agents = readAgents(r, f["agents"], q)
        if strict {
            if !d.processes.isEmpty, d.loadedHourlyRate == nil, f.has("organization"),
               f["organization"]?.mapping?["loaded_hourly_rate"] == nil {
                r.report(f["organization"], .hourlyRateMissing)
            }
            crossCheck(r, f, agents: d.agents, processes: d.processes)
            if f.has("interview") {
                r.report(f["interview"], .interviewUnfinished(file: doc.file), severity: .warning)
            }
        }
        if let i = r.mapping(f["interview"], "interview", allowed: ["next"]) { d.next = r.string(i, "next") }
        d.workshop = readWorkshop(r, f["workshop"], q)
        if r.hasErrors { throw ValidationFailure(r.diagnostics) }
        return Read(draft: d, questionnaire: q, warnings: ValidationFailure(r.diagnostics).diagnostics)
    }

    /// The questionnaire an assessment names, by id only: a path here would let a shared file
    /// read (and echo) any file. A questionnaire that cannot be had is reported at the key.
    static func questionnaire(_ id: String, _ r: YAMLReader, _ f: Fields, _ resolve: (String) throws -> Questionnaire) throws -> Questionnaire {
        guard QuestionnaireID.isValid(id) else {
            r.report(f["questionnaire"], .badQuestionnaireID(id))
            throw ValidationFailure(r.diagnostics)
        }
        do {
            return try resolve(id)
        } catch let failure as ValidationFailure {
            throw failure
        } catch let e as StoreError {
            r.report(f["questionnaire"], .questionnaireUnavailable(id: id, reason: ": \(e.message)"))
        } catch {
            r.report(f["questionnaire"], .questionnaireUnavailable(id: id, reason: ", which cannot be loaded: \(error)"))
        }
        throw ValidationFailure(r.diagnostics)
    }

    /// Reads a file the interview is writing: every field optional, answers of `unknown` kept as
    /// skipped, problems in the values still reported.
    public static func loadDraft(text: String, file: String, resolve: (String) throws -> Questionnaire) throws -> (Draft, Questionnaire) {
        let read = try read(YAMLDocument(text: text, file: file), strict: false, resolve: resolve)
        return (read.draft, read.questionnaire)
    }

    /// Validates `text` (the contents of `file`) with `resolve` supplying the questionnaire by id.
    public static func load(text: String, file: String, resolve: (String) throws -> Questionnaire) throws -> Loaded {
        try load(YAMLDocument(text: text, file: file), resolve: resolve)
    }

    public static func load(_ doc: YAMLDocument, resolve: (String) throws -> Questionnaire) throws -> Loaded {
        let read = try read(doc, strict: true, resolve: resolve)
        return Loaded(assessment: try read.draft.assessment(), questionnaire: read.questionnaire, warnings: read.warnings)
    }

    static func readWorkshop(_ r: YAMLReader, _ node: Node?, _ q: Questionnaire) -> Workshop? {
        guard let node, !r.isNull(node) else { return nil }
        guard let w = r.mapping(node, "workshop", allowed: ["rule", "participants", "disagreements", "conflicts"]) else { return nil }
        let rules = Workshop.Rule.allCases.map(\.rawValue)
        let rule = r.choice(w, "rule", allowed: rules).flatMap(Workshop.Rule.init(rawValue:)) ?? .strict
        let people = (r.sequence(w["participants"], "workshop.participants") ?? []).enumerated().compactMap { i, n -> Respondent? in
            guard let m = r.mapping(n, "workshop.participants[\(i)]", allowed: ["name", "role"]) else { return nil }
            return Respondent(name: r.string(m, "name", required: true) ?? "", role: r.string(m, "role"))
        }
        // Each person's answer is read as the question types it: a yes/no is a yes or no, a count a number.
        func personAnswers(_ f: Fields, _ key: String, _ question: Question?) -> [Workshop.PersonAnswer] {
            guard let m = r.mapping(f[key], f.path(key), allowed: nil) else { return [] }
            return m.order.compactMap { name -> Workshop.PersonAnswer? in
                guard let node = m[name] else { return nil }
                if r.isUnknown(node) { return Workshop.PersonAnswer(person: name, answer: nil) }
                guard let question else { return nil }
                return readAnswer(r, node, question, path: m.path(name)).map { Workshop.PersonAnswer(person: name, answer: $0) }
            }
        }
        func personValues(_ f: Fields, _ key: String) -> [Workshop.PersonValue] {
            guard let m = r.mapping(f[key], f.path(key), allowed: nil) else { return [] }
            return m.order.compactMap { name in (m[name]?.scalar?.string).map { Workshop.PersonValue(person: name, value: $0) } }
        }
        let disagreements = (r.sequence(w["disagreements"], "workshop.disagreements") ?? []).enumerated().compactMap { i, n -> Workshop.Disagreement? in
            guard let d = r.mapping(n, "workshop.disagreements[\(i)]", allowed: ["question", "answers", "rule", "result", "dissent"]) else { return nil }
            let id = r.string(d, "question", required: true) ?? ""
            let question = q.question(id)
            if !id.isEmpty, question == nil {
                r.report(d["question"], .notAQuestion(path: "workshop.disagreements[\(i)].question", id: id, questionnaire: q.id))
            }
            // The room's answer: typed like the people's, `unknown`, or `pending` while a workshop is still running.
            var result: Answer?
            let pending = d["result"]?.scalar?.string == "pending"
            if let node = d["result"], !pending, !r.isUnknown(node), let question {
                result = readAnswer(r, node, question, path: d.path("result"))
            } else if d["result"] == nil {
                r.missing(d, "result", "the room's answer, or unknown")
            }
            return Workshop.Disagreement(question: id, answers: personAnswers(d, "answers", question),
                                         rule: r.choice(d, "rule", allowed: rules).flatMap(Workshop.Rule.init(rawValue:)) ?? rule,
                                         result: result, pending: pending, dissent: r.string(d, "dissent"))
        }
        let conflicts = (r.sequence(w["conflicts"], "workshop.conflicts") ?? []).enumerated().compactMap { i, n -> Workshop.Conflict? in
            guard let c = r.mapping(n, "workshop.conflicts[\(i)]", allowed: ["item", "field", "values", "kept"]) else { return nil }
            return Workshop.Conflict(item: r.string(c, "item", required: true) ?? "", field: r.string(c, "field", required: true) ?? "",
                                     values: personValues(c, "values"), kept: r.string(c, "kept") ?? "")
        }
        return Workshop(rule: rule, participants: people, disagreements: disagreements, conflicts: conflicts)
    }

    static func readOrganization(_ r: YAMLReader, _ f: Fields, strict: Bool, into d: inout Draft) {
        guard f.has("organization") else {
            if strict { r.missing(f, "organization", "a mapping with name, industry, currency and loaded_hourly_rate") }
            return
        }
        guard let o = r.mapping(f["organization"], "organization",
                                allowed: ["name", "industry", "currency", "loaded_hourly_rate", "usd_rate", "usd_rate_on"]) else {
            return
        }
        if let currency = r.string(o, "currency") ?? (strict ? "USD" : nil) {
            if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
                r.report(o["currency"], .badCurrency(currency))
            }
            d.currency = currency.uppercased()
        }
        d.loadedHourlyRate = r.double(o, "loaded_hourly_rate", min: 0.01, max: Limits.hourlyRate, unit: "money per hour", example: "48")
        d.usdRate = r.double(o, "usd_rate", min: Limits.usdRate.lowerBound, max: Limits.usdRate.upperBound, unit: "units of the currency per US dollar",
                             example: "1.36")
        d.usdRateOn = r.day(o, "usd_rate_on")
        d.name = r.string(o, "name", required: strict) ?? (strict ? "" : nil)
        d.industry = r.string(o, "industry")
    }

    /// Answers by question id; an answer written `unknown` is kept as skipped (`.some(nil)`).
    static func readAnswers(_ r: YAMLReader, _ node: Node?, _ q: Questionnaire) -> [String: Answer?] {
        guard let node, !r.isNull(node) else { return [:] }
        guard let a = r.mapping(node, "answers", allowed: q.questions.map(\.id)) else { return [:] }
        var answers: [String: Answer?] = [:]
        for question in q.questions {
            guard let value = a[question.id] else { continue }
            if r.isUnknown(value) {
                answers[question.id] = .some(nil)
            } else if let answer = readAnswer(r, value, question, path: "answers.\(question.id)") {
                answers[question.id] = answer
            }
        }
        return answers
    }

    static func readAnswer(_ r: YAMLReader, _ node: Node, _ question: Question, path: String) -> Answer? {
        switch question.type {
        case .yesNo:
            return r.boolValue(node, path).map(Answer.yesNo)
        case .choice:
            return r.choiceValue(node, path, allowed: question.choiceValues).map(Answer.choice)
        case .count:
            guard let n = r.doubleValue(node, path, min: question.min ?? 0, max: question.max, unit: "a whole number", example: "2") else { return nil }
            guard n == n.rounded() else {
                r.report(node, .fractional(path: path, value: Format.number(n)))
                return nil
            }
            return .number(n)
        case .number, .money:
            let unit = question.unit.map { "\($0 == "per year" ? "money" : $0)" } ?? "a number"
            return r.doubleValue(node, path, min: question.min, max: question.max, unit: unit).map(Answer.number)
        case .share:
            return r.doubleValue(node, path, min: 0, max: 1, unit: "a share between 0 and 1", example: "0.1 or 10%", allowPercent: true).map(Answer.number)
        case .date:
            guard let text = r.scalarText(node, path) else { return nil }
            guard let day = Day(text: text) else {
                r.report(node, .notADate(path: path, value: text))
                return nil
            }
            return .text(day.iso)
        case .text, .list:
            if let seq = node.sequence {
                return .text(seq.compactMap { $0.scalar?.string }.joined(separator: "; "))
            }
            return r.scalarText(node, path).map(Answer.text)
        }
    }

    static func readProcesses(_ r: YAMLReader, _ node: Node?, _ q: Questionnaire) -> [InventoryProcess] {
        let allowed = q.processFields.map(\.id) + ["notes", "assumed", "key"]
        func choices(_ id: String) -> [String] { q.processFields.first { $0.id == id }?.choiceValues ?? [] }
        let items = r.sequence(node, "processes") ?? []
        if items.count > Limits.processes {
            r.report(node, .tooMany(list: "processes", count: items.count, limit: Limits.processes, fix: "split the inventory"))
            return []
        }
        return items.enumerated().compactMap { i, item -> InventoryProcess? in
            guard let p = r.mapping(item, "processes[\(i)]", allowed: allowed) else { return nil }
            let name = r.string(p, "name", required: true) ?? ""
            let side = r.choice(p, "side", allowed: Side.allCases.map(\.rawValue)).flatMap(Side.init(rawValue:)) ?? .office
            let hours = r.double(p, "hours_per_week", required: true, min: 0, max: Limits.hoursPerWeek, unit: "hours per week", example: "12.5")
            let volume = r.double(p, "volume_per_week", min: 0, max: Limits.casesPerWeek, unit: "cases per week", example: "400")
            var share: Double?
            if let n = p["exception_share"], !r.isUnknown(n) {
                share = r.doubleValue(n, p.path("exception_share"), min: 0, max: 1, unit: "a share between 0 and 1",
                                      example: "0.1 or 10%", allowPercent: true)
            }
            var process = InventoryProcess(name: name, department: r.string(p, "department"), side: side, hoursPerWeek: hours ?? 0,
                           volumePerWeek: volume,
                           systemOfRecord: r.choice(p, "system_of_record", allowed: choices("system_of_record")),
                           writeBack: r.choice(p, "write_back", allowed: choices("write_back")),
                           inputStructure: r.choice(p, "input_structure", allowed: choices("input_structure")),
                           exceptionShare: share, highSeverityErrorsPossible: r.bool(p, "high_severity_errors_possible"),
                           ownerCandidate: r.string(p, "owner_candidate"),
                           downtimeHoursPerYear: r.double(p, "downtime_hours_per_year", min: 0, max: 8784, unit: "hours per year", example: "120"),
                           costPerDowntimeHour: r.double(p, "cost_per_downtime_hour", min: 0, max: 10_000_000, unit: "money per hour", example: "4500"),
                           scrapCostPerYear: r.double(p, "scrap_cost_per_year", min: 0, max: 1_000_000_000_000, unit: "money per year", example: "180000"))
            process.assumed = readAssumed(r, p)
            process.key = r.string(p, "key")
            return process
        }
    }

    /// `assumed: [write_back, input_structure]`: the fields filled from the questionnaire's assumptions.
    static func readAssumed(_ r: YAMLReader, _ p: Fields) -> [String] {
        guard p.has("assumed") else { return [] }
        return (r.sequence(p["assumed"], p.path("assumed")) ?? []).enumerated().compactMap { i, node in
            r.choiceValue(node, p.path("assumed") + "[\(i)]", allowed: Assumptions.fieldIDs)
        }
    }

    static func readAgents(_ r: YAMLReader, _ node: Node?, _ q: Questionnaire) -> [Agent] {
        let allowed = q.agentFields.map(\.id) + ["gate", "notes", "measured"]
        let bars = q.gateBars.map(\.id)
        let items = r.sequence(node, "agents") ?? []
        if items.count > Limits.agents {
            r.report(node, .tooMany(list: "agents", count: items.count, limit: Limits.agents, fix: nil))
            return []
        }
        return items.enumerated().compactMap { i, item -> Agent? in
            guard let a = r.mapping(item, "agents[\(i)]", allowed: allowed) else { return nil }
            let status = r.choice(a, "status", allowed: AgentStatus.allCases.map(\.rawValue), required: true)
                .flatMap(AgentStatus.init(rawValue:)) ?? .idea
            let side = r.choice(a, "side", allowed: Side.allCases.map(\.rawValue)).flatMap(Side.init(rawValue:)) ?? .office
            var gate: [String: Bool] = [:]
            if let g = a["gate"], !r.isNull(g), let gf = r.mapping(g, a.path("gate"), allowed: bars) {
                for bar in bars { if let v = r.bool(gf, bar) { gate[bar] = v } }
            }
            var agent = Agent(name: r.string(a, "name", required: true) ?? "", process: r.string(a, "process"), status: status,
                              side: side, owner: r.string(a, "owner"),
                              annualDollarValue: r.double(a, "annual_dollar_value", min: 0, max: Limits.annualDollars, unit: "money per year",
                                                          example: "85000"),
                              reportsDollars: r.bool(a, "reports_dollars"), gate: gate,
                              reusesSharedInfrastructure: r.bool(a, "reuses_shared_infrastructure"))
            if let m = a["measured"], !r.isNull(m),
               let mf = r.mapping(m, a.path("measured"),
                                  allowed: ["log", "from", "to", "cases", "rung", "verdict", "monitored", "metric_met", "first_week", "weekly"]),
               let from = r.day(mf, "from", required: true), let to = r.day(mf, "to", required: true),
               let rung = r.choice(mf, "rung", allowed: ["shadow", "approve_each", "auto_with_exceptions"], required: true),
               let verdict = r.choice(mf, "verdict", allowed: ["advance", "hold", "step_back"], required: true) {
                agent.measured = MeasuredRung(log: r.string(mf, "log") ?? "", from: from, to: to, cases: r.int(mf, "cases", min: 0) ?? 0,
                                              rung: rung, verdict: verdict, monitored: r.bool(mf, "monitored") ?? false,
                                              metricMet: r.bool(mf, "metric_met") ?? false)
                agent.measured?.firstWeek = r.string(mf, "first_week")
                agent.measured?.weekly = (r.sequence(mf["weekly"], mf.path("weekly")) ?? []).compactMap { r.doubleValue($0, mf.path("weekly"), min: 0, max: 1) }
            }
            return agent
        }
    }

    static func crossCheck(_ r: YAMLReader, _ f: Fields, agents: [Agent], processes: [InventoryProcess]) {
        let processNodes = r.sequence(f["processes"], "processes") ?? []
        var seen: [String: Int] = [:]
        var names = ProcessNames.Index()
        for (i, p) in processes.enumerated() where !p.name.isEmpty {
            let key = p.name.lowercased()
            if let first = seen[key] {
                r.report(i < processNodes.count ? processNodes[i] : nil,
                         .repeatedName(list: "processes", index: i, name: p.name, first: first, noun: "process"))
            } else {
                // Two names for one process ("Quote prep", "Quote preparation") would be ranked twice.
                // Past 20,000 processes the inventory was made by a program, and every load paid for the check.
                if processes.count <= 20_000, let near = names.match(p.name) {
                    r.report(i < processNodes.count ? processNodes[i] : nil,
                             .nearDuplicate(path: "processes[\(i)].name", name: p.name, other: near.name, reason: near.reason), severity: .warning)
                }
                seen[key] = i
                if processes.count <= 20_000 { names.add(p.name) }
            }
        }
        let agentNodes = r.sequence(f["agents"], "agents") ?? []
        var seenAgents: [String: Int] = [:]
        for (i, a) in agents.enumerated() where !a.name.isEmpty {
            let node = i < agentNodes.count ? agentNodes[i] : nil
            if let first = seenAgents[a.name.lowercased()] {
                r.report(node, .repeatedName(list: "agents", index: i, name: a.name, first: first, noun: "agent"))
            } else {
                seenAgents[a.name.lowercased()] = i
            }
            if let process = a.process, !process.isEmpty, !processes.isEmpty, seen[process.lowercased()] == nil {
                r.report(node, .unknownProcess(path: "agents[\(i)].process", process: process, names: processes.map(\.name)), severity: .warning)
            }
        }
    }
}
