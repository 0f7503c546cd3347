import Foundation
import MaturityCore
import MaturityStore

/// The guided interview behind `maturity assess`. Steps run in order (profile, placement
/// questions, agents, processes, review); every confirmed answer is saved at once.
final class Interview {
    enum Outcome: Equatable { case finished, quit, ended }
    enum StepResult { case next, back, quit, ended, pass }

    let terminal: Terminal
    let questionnaire: Questionnaire
    let path: String
    let store: FileStore
    let today: Day
    /// Last quarter's answers, offered as defaults (`--from`).
    let previous: Draft?
    /// Workshop participants: when set, each placement question is answered blind by each.
    var participants: [Respondent] = []
    var draft: Draft
    /// The model's words in the company's currency once it is known: "Euros it earns a year", not "Dollars".
    func words(_ text: String) -> String { questionnaire.inCurrency(text, draft.currency ?? "USD") }

    init(terminal: Terminal, questionnaire: Questionnaire, path: String, draft: Draft, previous: Draft?,
         today: Day, store: FileStore = FileStore()) {
        self.terminal = terminal
        self.questionnaire = questionnaire
        self.path = path
        self.draft = draft
        self.previous = previous
        self.today = today
        self.store = store
    }

    /// Step ids in order. `q:<id>` steps are the questionnaire's placement questions; those about
    /// agents come after the agents, and are passed over when there are none.
    var steps: [String] {
        Self.profile
            + questionnaire.questions.filter { !$0.needsAgents }.map { "q:\($0.id)" } + ["agents"]
            + questionnaire.questions.filter(\.needsAgents).map { "q:\($0.id)" } + ["processes", "review"]
    }

    /// The company's steps; the exchange rate and its date are asked only for a currency other than USD.
    static let profile = ["name", "industry", "currency", "usd_rate", "usd_rate_on", "rate", "assessed_on", "plan_starts_on", "respondents"]

    /// Agents past the idea stage: the questions about agents apply only with one of these.
    var hasAgents: Bool { draft.agents.contains { $0.status != .idea } }

    /// Runs from `start` (a step id) to the end, or until the person quits or input ends.
    func run(from start: String?) throws -> Outcome {
        var index = start.flatMap { steps.firstIndex(of: $0) } ?? 0
        var direction = 1
        while index < steps.count {
            draft.next = steps[index]
            try save()
            switch try runStep(steps[index]) {
            case .next: index += 1; direction = 1
            case .back: index = max(0, index - 1); direction = -1
            case .pass: index = max(0, index + direction)
            case .quit: return .quit
            case .ended: return .ended
            }
        }
        draft.next = nil
        try save()
        return .finished
    }

    func save() throws {
        try store.writeAtomically(AssessmentWriter.yaml(draft, questionnaire: questionnaire), to: path)
    }

    // MARK: Steps

    func runStep(_ id: String) throws -> StepResult {
        if id.hasPrefix("q:") {
            let question = String(id.dropFirst(2))
            if questionnaire.question(question)?.needsAgents == true, !hasAgents { return .pass }
            return participants.isEmpty ? try self.question(question) : try roomQuestion(question, participants: participants)
        }
        switch id {
        case "name":
            return try field(position: position(id), text: L("cli.ask.name"), help: L("cli.ask.name_help"),
                             current: draft.name ?? previous?.name, skippable: false, parse: Parse.text) { self.draft.name = $0 }
        case "industry":
            return try field(position: position(id), text: L("cli.ask.industry"), help: L("cli.ask.industry_help"),
                             current: draft.industry ?? previous?.industry, skippable: true, parse: Parse.text) { self.draft.industry = $0 }
        case "currency":
            return try field(position: position(id), text: L("cli.ask.currency"), help: L("cli.ask.currency_help"),
                             current: draft.currency ?? previous?.currency ?? "USD", skippable: false, parse: Parse.currency) { self.draft.currency = $0 }
        case "usd_rate":
            guard usesRate else { return .pass }
            let currency = draft.currency ?? "USD"
            return try field(position: position(id), text: L("cli.ask.usd_rate", ["currency": .text(currency)]),
                             help: L("cli.ask.usd_rate_help", ["currency": .text(currency)]),
                             current: (draft.usdRate ?? previous?.usdRate).map { Format.decimal($0, maxDecimals: 6) }, skippable: true,
                             parse: Parse.number(unit: L("cli.unit.rate", ["currency": .text(currency)]), example: Format.decimal(0.92), min: 0.000_001,
                                                 max: 1_000_000)) {
                self.draft.usdRate = $0
            }
        case "usd_rate_on":
            guard usesRate, draft.usdRate != nil else { return .pass }
            return try field(position: position(id), text: L("cli.ask.usd_rate_on"), help: L("cli.ask.usd_rate_on_help"),
                             current: Phrases.current.tableDate(iso: (draft.usdRateOn ?? draft.assessedOn ?? today).iso), skippable: true,
                             parse: Parse.day) { self.draft.usdRateOn = $0 }
        case "rate":
            return try field(position: position(id), text: L("cli.ask.rate"),
                             help: L("cli.ask.rate_help"),
                             current: (draft.loadedHourlyRate ?? previous?.loadedHourlyRate).map { Format.number($0) }, skippable: false,
                             parse: Parse.number(unit: L("cli.unit.money_per_hour"), example: "48", min: 0.01)) { self.draft.loadedHourlyRate = $0 }
        case "assessed_on":
            return try field(position: position(id), text: L("cli.ask.assessed_on"), help: L("cli.ask.assessed_on_help"),
                             current: Phrases.current.tableDate(iso: (draft.assessedOn ?? today).iso), skippable: false,
                             parse: Parse.day) { self.draft.assessedOn = $0 }
        case "plan_starts_on":
            return try field(position: position(id), text: L("cli.ask.plan_starts_on"), help: L("cli.ask.plan_starts_on_help"),
                             current: Phrases.current.tableDate(iso: (draft.planStartsOn ?? draft.assessedOn ?? today).iso), skippable: false,
                             parse: Parse.day) { day in
                self.draft.planStartsOn = day == self.draft.assessedOn ? nil : day
            }
        case "respondents": return try respondents()
        case "agents": return try agents()
        case "processes": return try processes()
        default: return try review()
        }
    }

    /// A currency other than the US dollar needs a rate for the run-cost ranges, which are USD figures.
    var usesRate: Bool { (draft.currency ?? "USD") != "USD" }

    /// A step as the person knows it: the question's words, not `q:monthly_value_review`.
    func stepWords(_ id: String?) -> String {
        guard let id else { return L("cli.step.review") }
        if id.hasPrefix("q:"), let q = questionnaire.question(String(id.dropFirst(2))) {
            return L("cli.step.question", ["q": .text(q.short ?? q.prompt)])
        }
        let known = ["name", "industry", "currency", "usd_rate", "usd_rate_on", "rate", "assessed_on", "plan_starts_on", "respondents", "agents", "processes",
                     "review"]
        return known.contains(id) ? L("cli.step.\(id)") : id
    }

    func position(_ id: String) -> String {
        let profile = Self.profile.filter { usesRate || ($0 != "usd_rate" && $0 != "usd_rate_on") }
        if let i = profile.firstIndex(of: id) { return "[" + L("cli.position.company", ["i": .int(i + 1), "n": .int(profile.count)]) + "]" }
        return "[\(id)]"
    }

    /// Asks one value; a confirmed answer is stored and saved before moving on.
    func field<T>(position: String, text: String, help: String?, current: String?, skippable: Bool,
                  choices: [Choice] = [], parse: @escaping (String) -> Result<T, PromptError>, store: (T?) -> Void) throws -> StepResult {
        let reply = terminal.ask(Prompt(position: position, text: text, help: help, defaultText: current,
                                        skippable: skippable, choices: choices, parse: parse))
        switch reply {
        case .value(let v): store(v)
        case .skip: store(nil)
        case .back: return .back
        case .quit: return .quit
        case .ended: return .ended
        }
        try save()
        return .next
    }

    func question(_ id: String) throws -> StepResult {
        guard let q = questionnaire.question(id) else { return .next }
        let questions = questionnaire.questions
        let n = (questions.firstIndex { $0.id == id } ?? 0) + 1
        let section = q.section ?? L("cli.position.questions")
        let position = "[" + L("cli.position.question", ["section": .text(section), "i": .int(n), "n": .int(questions.count)]) + "]"
        let existing = draft.answers[id] ?? previous?.answers[id]
        let shown: String? = existing.flatMap { $0 }.map { answer in
            if case .yesNo(let b) = answer { return L(b ? "cli.yes" : "cli.no") }
            return answer.display
        }
        let help = (q.help ?? "") + " " + L("cli.ask.skip_counts_as_no")
        let hint = q.type == .yesNo ? " " + L("cli.hint.yes_no") : q.type == .share ? " " + L("cli.hint.share") : ""
        // A choice's default is its number in the list.
        let current = q.type == .choice ? shown.flatMap { v in q.choices.firstIndex { $0.value == v }.map { "\($0 + 1)" } } : shown
        return try field(position: position, text: words(q.prompt) + hint, help: words(help), current: current, skippable: true,
                         choices: q.choices, parse: answerParser(q)) { self.draft.answers[id] = .some($0) }
    }

    /// Reads one typed answer to `q`: the one switch over question types, for the interview and the workshop.
    func answerParser(_ q: Question) -> (String) -> Result<Answer, PromptError> {
        switch q.type {
        case .yesNo: return { Parse.yesNo($0).map(Answer.yesNo) }
        case .choice: return { Parse.choice(q.choices)($0).map(Answer.choice) }
        case .count, .number, .money:
            let whole = q.type == .count
            let parse = Parse.number(unit: q.unit ?? L(whole ? "cli.unit.whole_number" : "cli.unit.number"), example: whole ? "2" : Format.decimal(12.5),
                                     min: q.min, max: q.max, whole: whole)
            return { parse($0).map(Answer.number) }
        case .share: return { Parse.share($0).map(Answer.number) }
        case .date: return { Parse.day($0).map { Answer.text($0.iso) } }
        case .text, .list: return { Parse.text($0).map(Answer.text) }
        }
    }

    func respondents() throws -> StepResult {
        if draft.respondents.isEmpty, let earlier = previous?.respondents { draft.respondents = earlier }
        terminal.say(draft.respondents.isEmpty ? L("cli.respondents.who")
            : L("cli.respondents.answering") + " " + draft.respondents.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: ", "))
        while true {
            let prompt = Prompt<Respondent>(position: position("respondents"),
                                            text: L(draft.respondents.isEmpty ? "cli.respondents.first" : "cli.respondents.another"),
                                            help: L("cli.respondents.help"), defaultText: nil,
                                            skippable: true, parse: Parse.respondent)
            switch terminal.ask(prompt) {
            case .value(let r):
                // The same name again corrects that person (a new role), never adds a twin.
                if let i = draft.respondents.firstIndex(where: { $0.name.lowercased() == r.name.lowercased() }) {
                    draft.respondents[i] = r
                } else {
                    draft.respondents.append(r)
                }
                try save()
            case .skip: return .next
            case .back: return .back
            case .quit: return .quit
            case .ended: return .ended
            }
        }
    }
}
