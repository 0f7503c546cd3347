import Foundation
import MaturityCore
import Yams

/// Reads and checks a questionnaire file: its own structure first, then everything the
/// engine needs from it, every problem in one report.
public enum QuestionnaireLoader {
    /// The newest questionnaire file format this build reads.
    public static let supportedVersion = 1

    public static func load(text: String, file: String) throws(ValidationFailure) -> Questionnaire {
        try load(YAMLDocument(text: text, file: file))
    }

    /// Reads a questionnaire from a file already parsed (`maturity validate` tells files apart first).
    public static func load(_ doc: YAMLDocument) throws(ValidationFailure) -> Questionnaire {
        let r = YAMLReader(file: doc.file)
        let file = doc.file
        guard let root = doc.root else { throw ValidationFailure(doc.parseProblems) }
        let top = ["version", "id", "title", "revision", "stages", "questions", "gate_bars", "agent_fields",
                   "process_fields", "parameters", "governance", "sources", "money_words", "currency_names"]
        guard let f = r.mapping(root, "", allowed: top) else { throw ValidationFailure(r.diagnostics) }
        let version = r.int(f, "version", required: true) ?? supportedVersion
        if version > supportedVersion {
            r.report(f["version"], .newerVersion(found: version, supported: supportedVersion))
            throw ValidationFailure(r.diagnostics)
        }
        let id = r.string(f, "id", required: true) ?? ""
        let idCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        if !id.isEmpty, !(id.allSatisfy(idCharacters.contains) && id.first != "-" && id.first != "_") {
            r.report(f["id"], .badID(path: "id", value: id))
        }
        let stages = (r.sequence(f["stages"], "stages") ?? []).enumerated().compactMap { i, node in
            stage(r, node, "stages[\(i)]")
        }
        if !f.has("stages") { r.missing(f, "stages", "the five stages") }
        let questions = questionList(r, f["questions"], "questions", withSection: true)
        let agentFields = questionList(r, f["agent_fields"], "agent_fields", withSection: false)
        let processFields = questionList(r, f["process_fields"], "process_fields", withSection: false)
        let bars = (r.sequence(f["gate_bars"], "gate_bars") ?? []).enumerated().compactMap { i, node -> GateBar? in
            guard let g = r.mapping(node, "gate_bars[\(i)]", allowed: ["id", "label", "help"]) else { return nil }
            return GateBar(id: r.string(g, "id", required: true) ?? "", label: r.string(g, "label", required: true) ?? "",
                           help: r.string(g, "help"))
        }
        let governance = (r.sequence(f["governance"], "governance") ?? []).enumerated().compactMap { i, node -> Habit? in
            let keys = ["id", "habit", "cadence", "question", "answer", "from_stage", "in_place"]
            guard let g = r.mapping(node, "governance[\(i)]", allowed: keys) else { return nil }
            let inPlace = (r.sequence(g["in_place"], g.path("in_place")) ?? []).compactMap(\.string)
            return Habit(id: r.string(g, "id", required: true) ?? "", habit: r.string(g, "habit", required: true) ?? "",
                         cadence: r.string(g, "cadence", required: true) ?? "", question: r.string(g, "question", required: true) ?? "",
                         answer: r.string(g, "answer"), fromStage: r.int(g, "from_stage", min: 0) ?? 0, inPlaceWhen: inPlace)
        }
        let sources = (r.sequence(f["sources"], "sources") ?? []).enumerated().compactMap { i, node -> Source? in
            guard let g = r.mapping(node, "sources[\(i)]", allowed: ["fact", "source"]) else { return nil }
            return Source(fact: r.string(g, "fact", required: true) ?? "", source: r.string(g, "source", required: true) ?? "")
        }
        let moneyWords = (r.sequence(f["money_words"], "money_words") ?? []).enumerated().compactMap { i, node -> MoneyWord? in
            guard let g = r.mapping(node, "money_words[\(i)]", allowed: ["from", "to"]) else { return nil }
            return MoneyWord(from: r.string(g, "from", required: true) ?? "", to: r.string(g, "to", required: true) ?? "")
        }
        let currencyNames = (r.sequence(f["currency_names"], "currency_names") ?? []).enumerated().compactMap { i, node -> CurrencyName? in
            guard let g = r.mapping(node, "currency_names[\(i)]", allowed: ["code", "singular", "plural"]) else { return nil }
            return CurrencyName(code: r.string(g, "code", required: true) ?? "", singular: r.string(g, "singular", required: true) ?? "",
                                plural: r.string(g, "plural", required: true) ?? "")
        }
        let parameters = f.has("parameters") ? readParameters(r, f["parameters"]) : nil
        if !f.has("parameters") { r.missing(f, "parameters", "the engine's numbers") }
        guard !r.hasErrors, let parameters else { throw ValidationFailure(r.diagnostics) }

        let q = Questionnaire(version: version, id: id, title: r.string(f, "title", required: true) ?? id,
                              revision: r.string(f, "revision"), stages: stages, questions: questions, gateBars: bars,
                              agentFields: agentFields, processFields: processFields, parameters: parameters,
                              governance: governance, sources: sources, moneyWords: moneyWords, currencyNames: currencyNames)
        let problems = q.engineProblems()
        if !problems.isEmpty {
            let diagnostics = problems.map { problem in
                Diagnostic(file: file, line: line(of: problem.path, in: root), message: problem.message)
            }
            throw ValidationFailure(diagnostics)
        }
        // The file's words are English data; the run's language translates them afterwards
        // (Language.localize), which needs them filled the same way on every run.
        return Language.$current.withValue(.english) { q.fillingProse() }
    }

    /// The line of the deepest node a dotted path reaches (list items by their `id`).
    static func line(of path: String, in root: Node) -> Int? {
        var node = root
        for part in path.split(separator: ".").map(String.init) {
            if let next = node.mapping?[part] {
                node = next
            } else if let seq = node.sequence, let item = seq.first(where: { $0.mapping?["id"]?.string == part }) {
                node = item
            } else {
                break
            }
        }
        return node.mark?.line
    }

    static func stage(_ r: YAMLReader, _ node: Node, _ path: String) -> Stage? {
        let keys = ["level", "name", "summary", "looks_like", "trap", "move", "not_yet"]
        guard let s = r.mapping(node, path, allowed: keys) else { return nil }
        let notYet = (r.sequence(s["not_yet"], s.path("not_yet")) ?? []).enumerated().compactMap { i, item -> NotYet? in
            guard let n = r.mapping(item, "\(s.path("not_yet"))[\(i)]", allowed: ["what", "why"]) else { return nil }
            return NotYet(what: r.string(n, "what", required: true) ?? "", why: r.string(n, "why", required: true) ?? "")
        }
        return Stage(level: r.int(s, "level", required: true) ?? -1, name: r.string(s, "name", required: true) ?? "",
                     summary: r.string(s, "summary", required: true) ?? "", looksLike: r.string(s, "looks_like") ?? "",
                     trap: r.string(s, "trap", required: true) ?? "", move: r.string(s, "move", required: true) ?? "",
                     notYet: notYet)
    }

    static func questionList(_ r: YAMLReader, _ node: Node?, _ path: String, withSection: Bool) -> [Question] {
        guard let node else {
            r.report(line: 1, .missingList(path: path))
            return []
        }
        var keys = ["id", "type", "prompt", "help", "unit", "choices", "min", "max", "strict_prefers_yes", "short", "needs_agents", "line_only"]
        if withSection { keys.append("section") }
        return (r.sequence(node, path) ?? []).enumerated().compactMap { i, item -> Question? in
            let p = "\(path)[\(i)]"
            guard let q = r.mapping(item, p, allowed: keys) else { return nil }
            let type = r.choice(q, "type", allowed: QuestionType.allCases.map(\.rawValue), required: true)
                .flatMap(QuestionType.init(rawValue:)) ?? .text
            let choices = (r.sequence(q["choices"], q.path("choices")) ?? []).enumerated().compactMap { j, c -> Choice? in
                guard let cf = r.mapping(c, "\(q.path("choices"))[\(j)]", allowed: ["value", "label"]) else { return nil }
                let value = r.string(cf, "value", required: true) ?? ""
                return Choice(value: value, label: r.string(cf, "label") ?? value)
            }
            var question = Question(id: r.string(q, "id", required: true) ?? "", section: r.string(q, "section"), type: type,
                            prompt: r.string(q, "prompt", required: true) ?? "", help: r.string(q, "help"),
                            unit: r.string(q, "unit"), choices: choices, min: r.double(q, "min"), max: r.double(q, "max"),
                            strictPrefersYes: r.bool(q, "strict_prefers_yes") ?? false, short: r.string(q, "short"))
            question.needsAgents = r.bool(q, "needs_agents") ?? false
            question.lineOnly = r.bool(q, "line_only") ?? false
            return question
        }
    }

    static func readParameters(_ r: YAMLReader, _ node: Node?) -> Parameters? {
        let keys = ["automatable_share", "weeks_per_year", "hours_per_fte_week", "roi_minimum", "run_cost",
                    "feasibility", "quadrant", "placement", "slo", "shadow_gate", "plan_days", "trust_ladder", "go_no_go", "move_weeks", "owner_duties",
                    "build", "line_level", "staffing", "assumed_when_unknown"]
        guard let p = r.mapping(node, "parameters", allowed: keys) else { return nil }
        let read = ParameterReader(r: r)
        let runCost = read.sub(p, "run_cost", ["model_api_monthly", "monitoring_monthly", "exception_fte", "maintenance_hours_monthly"])
        let scaledKeys = ["min", "max", "full_scale_volume_per_week"]
        let model = read.scaled(read.sub(runCost, "model_api_monthly", scaledKeys))
        let monitoring = read.scaled(read.sub(runCost, "monitoring_monthly", scaledKeys))
        let exception = read.sub(runCost, "exception_fte", ["min", "max"])
        let maintenance = read.table(read.sub(runCost, "maintenance_hours_monthly", nil))
        let feasibility = read.feasibility(p)
        let quadrant = read.sub(p, "quadrant", ["high_value", "high_feasibility"])
        let placement = read.sub(p, "placement", ["portfolio_min_agents", "several_agents", "stalled_pilots_for_graveyard",
                                                  "stalled_pilot_share_for_graveyard", "inventory_min_processes", "line_portfolio_min", "line_portfolio_max"])
        let slo = read.slo(p)
        let shadow = read.sub(p, "shadow_gate", ["min_cases", "min_match", "low_volume_per_week"])
        let ladder = read.ladder(p)
        let goNoGo = read.goNoGo(p)
        let num = read.num
        guard let automatable = num(p, "automatable_share"), let weeks = num(p, "weeks_per_year"),
              let hours = num(p, "hours_per_fte_week"), let roi = num(p, "roi_minimum"), let model, let monitoring,
              let exMin = num(exception, "min"), let exMax = num(exception, "max"), let feasibility,
              let highValue = num(quadrant, "high_value"), let highFeas = num(quadrant, "high_feasibility"),
              let minAgents = num(placement, "portfolio_min_agents"), let several = num(placement, "several_agents"),
              let stalled = num(placement, "stalled_pilots_for_graveyard"), let slo,
              let minCases = num(shadow, "min_cases"), let minMatch = num(shadow, "min_match"),
              let lowVolume = num(shadow, "low_volume_per_week"), let planDays = r.int(p, "plan_days", required: true, min: 1)
        else { return nil }
        if exMin > exMax { r.report(exception?.node, .minAboveMax(min: "parameters.run_cost.exception_fte min", max: "max")) }
        var params = Parameters(
            automatableShare: automatable, weeksPerYear: weeks, hoursPerFTEWeek: hours, roiMinimum: roi,
            modelAPIMonthly: model, monitoringMonthly: monitoring, exceptionFTE: exMin...max(exMin, exMax),
            maintenanceHoursMonthly: maintenance, feasibility: feasibility,
            quadrantHighValue: highValue, quadrantHighFeasibility: highFeas, portfolioMinAgents: minAgents.roundedInt(),
            severalAgents: several.roundedInt(), stalledPilotsForGraveyard: stalled.roundedInt(), slo: slo,
            shadowGate: ShadowGate(minCases: minCases.roundedInt(), minMatch: minMatch, lowVolumePerWeek: lowVolume),
            planDays: planDays, trustLadder: ladder, goNoGo: goNoGo)
        read.optional(p, placement: placement, into: &params)
        return params
    }

    /// `parameters.move_weeks`: optional, each key falling back to the shipped duration.
    static func moveWeeks(_ r: YAMLReader, _ p: Fields) -> MoveWeeks {
        var m = MoveWeeks()
        guard p.has("move_weeks"), let f = r.mapping(p["move_weeks"], p.path("move_weeks"),
                                                       allowed: ["own_within_days", "close_gate_gaps", "fix_economics",
                                                                 "standardise_tools", "measure_gains", "select_line_level",
                                                                 "reuse_setup_days", "name_owner_days"]) else { return m }
        func read(_ key: String, _ target: inout Int) { if let v = r.int(f, key, min: 1) { target = v } }
        read("own_within_days", &m.ownWithinDays)
        read("close_gate_gaps", &m.closeGateGaps)
        read("fix_economics", &m.fixEconomics)
        read("standardise_tools", &m.standardiseTools)
        read("measure_gains", &m.measureGains)
        read("select_line_level", &m.selectLineLevel)
        read("reuse_setup_days", &m.reuseSetupDays)
        read("name_owner_days", &m.nameOwnerDays)
        return m
    }
}

extension QuestionnaireLoader {
    /// `parameters.build`: optional, each key falling back to the shipped figure.
    static func build(_ r: YAMLReader, _ p: Fields) -> BuildParameters {
        var b = BuildParameters()
        guard p.has("build"), let f = r.mapping(p["build"], p.path("build"),
                                                 allowed: ["agent", "connection", "write_back", "connection_spread", "reused_connection_share",
                                                           "pilot_share", "weeks", "speedup_per_agent", "speedup_floor"]) else { return b }
        if let range = range(r, f, "agent") { b.agent = range }
        let reader = ParameterReader(r: r)
        if f.has("connection") { b.connection = reader.table(r.mapping(f["connection"], f.path("connection"), allowed: nil)) }
        if f.has("write_back") { b.writeBack = reader.table(r.mapping(f["write_back"], f.path("write_back"), allowed: nil)) }
        if let v = r.double(f, "connection_spread", min: 0, max: 1) { b.connectionSpread = v }
        if let v = r.double(f, "reused_connection_share", min: 0, max: 1) { b.reusedConnectionShare = v }
        if let v = r.double(f, "pilot_share", min: 0, max: 1) { b.pilotShare = v }
        if let v = r.int(f, "weeks", min: 1, max: 52) { b.weeks = v }
        if let v = r.double(f, "speedup_per_agent", min: 0, max: 1) { b.speedupPerAgent = v }
        if let v = r.double(f, "speedup_floor", min: 0.01, max: 1) { b.speedupFloor = v }
        return b
    }

    /// `parameters.line_level`: optional, each key falling back to the shipped figure.
    static func lineLevel(_ r: YAMLReader, _ p: Fields) -> LineLevelParameters {
        var l = LineLevelParameters()
        guard p.has("line_level"), let f = r.mapping(p["line_level"], p.path("line_level"),
                                                      allowed: ["unlocks_at_stage", "one_time_cost", "downtime_avoided", "scrap_avoided", "build_weeks",
                                                                "strict_auto_rate", "human_approves_high_severity",
                                                                "strict_auto_approve_accuracy", "strict_page_owner_below"]) else { return l }
        if let v = r.int(f, "unlocks_at_stage", min: 1, max: 4) { l.unlocksAtStage = v }
        if let range = range(r, f, "one_time_cost") { l.oneTimeCost = range }
        if let v = r.double(f, "downtime_avoided", min: 0, max: 1) { l.downtimeAvoided = v }
        if let v = r.double(f, "scrap_avoided", min: 0, max: 1) { l.scrapAvoided = v }
        if let v = r.int(f, "build_weeks", min: 1, max: 104) { l.buildWeeks = v }
        if let v = r.double(f, "strict_auto_rate", min: 0, max: 1) { l.strictAutoRate = v }
        if let v = r.bool(f, "human_approves_high_severity") { l.humanApprovesHighSeverity = v }
        if let v = r.double(f, "strict_auto_approve_accuracy", min: 0, max: 1) { l.strictAutoApproveAccuracy = v }
        if let v = r.double(f, "strict_page_owner_below", min: 0, max: 1) { l.strictPageOwnerBelow = v }
        return l
    }

    static func staffing(_ r: YAMLReader, _ p: Fields) -> StaffingParameters {
        var s = StaffingParameters()
        let keys = ["build_hours_per_week", "setup_hours_per_week", "shadow_review_minutes_per_case", "approver_minutes_per_case",
                    "owner_minutes_per_day"]
        guard p.has("staffing"), let f = r.mapping(p["staffing"], p.path("staffing"), allowed: keys) else { return s }
        if let v = r.double(f, "build_hours_per_week", min: 0, max: 168) { s.buildHoursPerWeek = v }
        if let v = r.double(f, "setup_hours_per_week", min: 0, max: 168) { s.setupHoursPerWeek = v }
        if let v = r.double(f, "shadow_review_minutes_per_case", min: 0, max: 480) { s.shadowReviewMinutesPerCase = v }
        if let v = r.double(f, "approver_minutes_per_case", min: 0, max: 480) { s.approverMinutesPerCase = v }
        if let v = r.double(f, "owner_minutes_per_day", min: 0, max: 480) { s.ownerMinutesPerDay = v }
        return s
    }

    /// `{min: 15000, max: 40000}`.
    static func range(_ r: YAMLReader, _ f: Fields, _ key: String) -> ClosedRange<Double>? {
        guard f.has(key), let m = r.mapping(f[key], f.path(key), allowed: ["min", "max"]),
              let low = r.double(m, "min", required: true, min: 0), let high = r.double(m, "max", required: true, min: 0) else { return nil }
        guard low <= high else {
            r.report(f[key], .minAboveMax(min: f.path(key) + ".min", max: "max"))
            return nil
        }
        return low...high
    }
}

/// The parts of `parameters:`, each read with its own checks.
struct ParameterReader {
    let r: YAMLReader

    func num(_ f: Fields?, _ key: String) -> Double? {
        guard let f else { return nil }
        return r.double(f, key, required: true, min: 0)
    }

    func sub(_ f: Fields?, _ key: String, _ allowed: [String]?) -> Fields? {
        guard let f else { return nil }
        guard f.has(key) else {
            r.missing(f, key, "a mapping")
            return nil
        }
        return r.mapping(f[key], f.path(key), allowed: allowed)
    }

    func table(_ f: Fields?) -> [String: Double] {
        guard let f else { return [:] }
        var out: [String: Double] = [:]
        for key in f.order { if let v = r.double(f, key, required: true, min: 0) { out[key] = v } }
        return out
    }

    func scaled(_ f: Fields?) -> ScaledCost? {
        guard let min = num(f, "min"), let max = num(f, "max"), let full = num(f, "full_scale_volume_per_week") else { return nil }
        return ScaledCost(min: min, max: max, fullScaleVolumePerWeek: full)
    }

    /// `feasibility:`: points per choice, per exception share, per severity, per owner and side.
    func feasibility(_ p: Fields) -> FeasibilityPoints? {
        let feas = sub(p, "feasibility", ["system_of_record", "write_back", "input_structure", "exception_share",
                                          "high_severity_errors_possible", "owner_candidate", "side"])
        let exShare = sub(feas, "exception_share", ["points", "zero_at"])
        let severe = sub(feas, "high_severity_errors_possible", ["no", "yes", "false", "true"])
        let owner = sub(feas, "owner_candidate", ["named", "none"])
        // YAML reads a bare `no:` key as the text "no"; accept true/false spellings as well.
        func severity(_ yes: Bool) -> Double? {
            guard let severe else { return nil }
            let keys = yes ? ["yes", "true"] : ["no", "false"]
            guard let key = keys.first(where: severe.has) else {
                r.missing(severe, keys[0], "points")
                return nil
            }
            return r.double(severe, key, required: true, min: 0)
        }
        guard let exPoints = num(exShare, "points"), let exZero = num(exShare, "zero_at"),
              let sevNo = severity(false), let sevYes = severity(true),
              let named = num(owner, "named"), let none = num(owner, "none") else { return nil }
        if exZero <= 0 { r.report(exShare?.node, .mustBePositive(path: "parameters.feasibility.exception_share.zero_at")) }
        return FeasibilityPoints(
            systemOfRecord: table(sub(feas, "system_of_record", nil)), writeBack: table(sub(feas, "write_back", nil)),
            inputStructure: table(sub(feas, "input_structure", nil)), exceptionSharePoints: exPoints,
            exceptionShareZeroAt: max(exZero, 0.0001), highSeverityNo: sevNo, highSeverityYes: sevYes,
            ownerNamed: named, ownerNone: none, side: table(sub(feas, "side", nil)))
    }

    func slo(_ p: Fields) -> SLO? {
        let slo = sub(p, "slo", ["auto_approve_accuracy", "page_owner_below", "rolling_window_transactions",
                                 "high_severity_errors_allowed", "exception_queue_business_hours", "exception_queue_manageable_share"])
        guard let accuracy = num(slo, "auto_approve_accuracy"), let page = num(slo, "page_owner_below"),
              let window = num(slo, "rolling_window_transactions"), let severeAllowed = num(slo, "high_severity_errors_allowed"),
              let queue = num(slo, "exception_queue_business_hours") else { return nil }
        var read = SLO(autoApproveAccuracy: accuracy, pageOwnerBelow: page, rollingWindowTransactions: window.roundedInt(),
                       highSeverityErrorsAllowed: severeAllowed.roundedInt(), exceptionQueueBusinessHours: queue)
        // Optional: a questionnaire written before the measured ladder falls back to the shipped share.
        if let slo, let share = r.double(slo, "exception_queue_manageable_share", min: 0) { read.exceptionQueueManageableShare = share }
        return read
    }

    func ladder(_ p: Fields) -> [Rung] {
        if !p.has("trust_ladder") { r.missing(p, "trust_ladder", "the rungs of the plan") }
        return (r.sequence(p["trust_ladder"], "parameters.trust_ladder") ?? []).enumerated().compactMap { i, n -> Rung? in
            guard let f = r.mapping(n, "parameters.trust_ladder[\(i)]",
                                    allowed: ["id", "title", "weeks", "gate", "min_rate", "min_cases", "straight_weeks", "high_severity_allowed",
                                              "min_reviewed_per_week"]) else { return nil }
            var rung = Rung(id: r.string(f, "id", required: true) ?? "", title: r.string(f, "title", required: true) ?? "",
                        weeks: r.int(f, "weeks", required: true, min: 0) ?? 1, gate: r.string(f, "gate", required: true) ?? "",
                        minRate: r.double(f, "min_rate", min: 0), minCases: r.int(f, "min_cases", min: 1),
                        straightWeeks: r.int(f, "straight_weeks", min: 1), highSeverityAllowed: r.int(f, "high_severity_allowed", min: 0))
            rung.minReviewedPerWeek = r.int(f, "min_reviewed_per_week", min: 1)
            return rung
        }
    }

    func goNoGo(_ p: Fields) -> [GoNoGoCheck] {
        if !p.has("go_no_go") { r.missing(p, "go_no_go", "the five go/no-go questions") }
        return (r.sequence(p["go_no_go"], "parameters.go_no_go") ?? []).enumerated().compactMap { i, n -> GoNoGoCheck? in
            guard let f = r.mapping(n, "parameters.go_no_go[\(i)]", allowed: ["id", "question"]) else { return nil }
            return GoNoGoCheck(id: r.string(f, "id", required: true) ?? "", question: r.string(f, "question", required: true) ?? "")
        }
    }

    /// The keys that may be left out, each falling back to the shipped value.
    func optional(_ p: Fields, placement: Fields?, into params: inout Parameters) {
        params.moveWeeks = QuestionnaireLoader.moveWeeks(r, p)
        // The shadow rung counts the cases and the match rate shadow_gate states: one number, one key.
        if let i = params.trustLadder.firstIndex(where: { $0.id == EngineRung.shadow.rawValue }) {
            if params.trustLadder[i].minCases == nil { params.trustLadder[i].minCases = params.shadowGate.minCases }
            if params.trustLadder[i].minRate == nil { params.trustLadder[i].minRate = params.shadowGate.minMatch }
        }
        params.build = QuestionnaireLoader.build(r, p)
        params.lineLevel = QuestionnaireLoader.lineLevel(r, p)
        params.assumedWhenUnknown = QuestionnaireLoader.assumptions(r, p, feasibility: params.feasibility)
        params.staffing = QuestionnaireLoader.staffing(r, p)
        if let placement {
            if let v = r.double(placement, "stalled_pilot_share_for_graveyard", min: 0, max: 1) { params.stalledPilotShareForGraveyard = v }
            if let n = r.int(placement, "inventory_min_processes", min: 1) { params.inventoryMinProcesses = n }
            if let n = r.int(placement, "line_portfolio_min", min: 1) { params.linePortfolioMin = n }
            if let n = r.int(placement, "line_portfolio_max", min: 1) { params.linePortfolioMax = n }
            if params.linePortfolioMin > params.linePortfolioMax {
                r.report(placement["line_portfolio_min"], .minAboveMax(min: "parameters.placement.line_portfolio_min", max: "line_portfolio_max"))
            }
        }
        if !p.has("owner_duties") {
            r.missing(p, "owner_duties", "the production owner's duties, one per line (the plan's owner step says them)")
        } else {
            let duties = (r.sequence(p["owner_duties"], p.path("owner_duties")) ?? []).compactMap(\.string)
            if duties.isEmpty {
                r.report(p["owner_duties"], .emptyList(path: "parameters.owner_duties", fix: "list what the owner does"))
            } else { params.ownerDuties = duties }
        }
    }
}
