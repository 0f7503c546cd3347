/// The maturity model as data: stages, questions, gate bars, field definitions and every
/// number the engine uses. Loaded from `questionnaires/<id>.yaml`.
public struct Questionnaire: Sendable, Equatable {
    public var version: Int
    public var id: String
    public var title: String
    public var revision: String?
    public var stages: [Stage]
    public var questions: [Question]
    public var gateBars: [GateBar]
    public var agentFields: [Question]
    public var processFields: [Question]
    public var parameters: Parameters
    public var governance: [Habit]
    public var sources: [Source]
    /// The questionnaire's own words about money, rewritten for a company that keeps its books
    /// in another currency (`money_words:`); none, and its words stay as written.
    public var moneyWords: [MoneyWord]
    /// The currencies' names its money words use (`currency_names:`); a currency without one is
    /// said by its code.
    public var currencyNames: [CurrencyName]

    public init(version: Int, id: String, title: String, revision: String? = nil, stages: [Stage],
                questions: [Question], gateBars: [GateBar], agentFields: [Question], processFields: [Question],
                parameters: Parameters, governance: [Habit] = [], sources: [Source] = [],
                moneyWords: [MoneyWord] = [], currencyNames: [CurrencyName] = []) {
        self.governance = governance
        self.sources = sources
        self.moneyWords = moneyWords
        self.currencyNames = currencyNames
        self.version = version
        self.id = id
        self.title = title
        self.revision = revision
        self.stages = stages
        self.questions = questions
        self.gateBars = gateBars
        self.agentFields = agentFields
        self.processFields = processFields
        self.parameters = parameters
    }

    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    public func stage(_ level: Int) -> Stage? { stages.first { $0.level == level } }

    /// The name of a stage, or "Stage N" if the questionnaire lacks it.
    public func stageName(_ level: Int) -> String { stage(level)?.name ?? "Stage \(level)" }
}

public struct Stage: Sendable, Equatable {
    public var level: Int
    public var name: String
    public var summary: String
    public var looksLike: String
    public var trap: String
    public var move: String
    /// What not to buy or build at this stage, and why.
    public var notYet: [NotYet]

    public init(level: Int, name: String, summary: String, looksLike: String, trap: String, move: String,
                notYet: [NotYet] = []) {
        self.notYet = notYet
        self.level = level
        self.name = name
        self.summary = summary
        self.looksLike = looksLike
        self.trap = trap
        self.move = move
    }
}

public struct NotYet: Sendable, Equatable {
    public var what: String
    public var why: String
    public init(what: String, why: String) {
        self.what = what
        self.why = why
    }
}

/// A governance habit (value review, kill-or-scale, gate review) and the answer that says whether it runs.
public struct Habit: Sendable, Equatable {
    public var id: String
    public var habit: String
    public var cadence: String
    public var question: String
    /// The question id whose answer says whether the habit is in place.
    public var answer: String?
    public var fromStage: Int
    /// For a choice question: the choices that mean the habit is in place (a yes/no question needs yes).
    public var inPlaceWhen: [String]
    public init(id: String, habit: String, cadence: String, question: String, answer: String?, fromStage: Int,
                inPlaceWhen: [String] = []) {
        self.inPlaceWhen = inPlaceWhen
        self.id = id
        self.habit = habit
        self.cadence = cadence
        self.question = question
        self.answer = answer
        self.fromStage = fromStage
    }
}

extension Habit {
    /// In place, not in place, or unknown (nil) on these answers. Unknown counts as not in place.
    public func inPlace(_ answers: [String: Answer]) -> Bool? {
        guard let id = answer, let given = answers[id] else { return nil }
        switch given {
        case .yesNo(let yes): return yes
        case .choice(let value): return inPlaceWhen.contains(value)
        default: return nil
        }
    }
}

/// A published figure the method cites.
public struct Source: Sendable, Equatable {
    public var fact: String
    public var source: String
    public init(fact: String, source: String) {
        self.fact = fact
        self.source = source
    }
}

public enum QuestionType: String, Sendable, CaseIterable {
    case yesNo = "yes_no"
    case choice
    case count
    case number
    case money
    case share
    case text
    case date
    case list
}

public struct Choice: Sendable, Equatable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

public struct Question: Sendable, Equatable {
    public var id: String
    public var section: String?
    public var type: QuestionType
    public var prompt: String
    public var help: String?
    public var unit: String?
    public var choices: [Choice]
    public var min: Double?
    public var max: Double?
    /// For a yes/no question where "yes" is the sobering answer (funding line-level AI early):
    /// a workshop's strict rule then keeps a yes.
    public var strictPrefersYes: Bool
    /// A few words naming the question inside a sentence ("staff use of AI tools"); the prompt when absent.
    public var short: String?
    /// Only asked once some agent is past the idea stage (the interview skips it otherwise).
    public var needsAgents = false
    /// A process field that only line-level (plant-floor) processes are asked (the interview skips it for office work).
    public var lineOnly = false

    public init(id: String, section: String? = nil, type: QuestionType, prompt: String, help: String? = nil,
                unit: String? = nil, choices: [Choice] = [], min: Double? = nil, max: Double? = nil, strictPrefersYes: Bool = false,
                short: String? = nil) {
        self.short = short
        self.strictPrefersYes = strictPrefersYes
        self.id = id
        self.section = section
        self.type = type
        self.prompt = prompt
        self.help = help
        self.unit = unit
        self.choices = choices
        self.min = min
        self.max = max
    }

    public var choiceValues: [String] { choices.map(\.value) }
}

public struct GateBar: Sendable, Equatable {
    public var id: String
    public var label: String
    public var help: String?
    public init(id: String, label: String, help: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
    }
}

/// One rung of the trust ladder (setup, shadow, approve-each, auto with exceptions, production-owned).
public struct Rung: Sendable, Equatable {
    public var id: String
    public var title: String
    public var weeks: Int
    public var gate: String
    /// The gate in numbers, where the rung has one: the rate to reach (match, approve or accuracy),
    /// the cases it must be measured over, the straight weeks it must hold, the high-severity errors allowed.
    public var minRate: Double?
    public var minCases: Int?
    public var straightWeeks: Int?
    public var highSeverityAllowed: Int?
    /// Auto: the reviewed cases a week needs before its accuracy counts (`min_reviewed_per_week`).
    public var minReviewedPerWeek: Int?
    public init(id: String, title: String, weeks: Int, gate: String, minRate: Double? = nil, minCases: Int? = nil,
                straightWeeks: Int? = nil, highSeverityAllowed: Int? = nil, minReviewedPerWeek: Int? = nil) {
        self.minReviewedPerWeek = minReviewedPerWeek
        self.minRate = minRate
        self.minCases = minCases
        self.straightWeeks = straightWeeks
        self.highSeverityAllowed = highSeverityAllowed
        self.id = id
        self.title = title
        self.weeks = weeks
        self.gate = gate
    }
}

public struct GoNoGoCheck: Sendable, Equatable {
    public var id: String
    public var question: String
    public init(id: String, question: String) {
        self.id = id
        self.question = question
    }
}

/// The measured-rung numbers a questionnaire written before they existed leaves out; the shipped
/// questionnaire states each of them (a test checks they agree).
public enum LadderDefaults {
    /// Exceptions cleared within the SLA, as a share of the week's exceptions, for a manageable queue.
    public static let manageableShare = 0.95
    /// Reviewed automated cases an ISO week needs before its accuracy counts.
    public static let reviewedPerWeek = 40
    /// Reviewed cases the approve-each rung needs when its interval alone cannot show the gate.
    public static let approveEachCases = 100
}

/// One rewrite of the questionnaire's money words: `from` as written for US dollars, `to` for
/// another currency, with `{singular}`, `{plural}`, `{Singular}` and `{Plural}` for its name.
public struct MoneyWord: Sendable, Equatable {
    public var from: String
    public var to: String
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// A currency's name as the questionnaire's words say it: EUR, "euro", "euros".
public struct CurrencyName: Sendable, Equatable {
    public var code: String
    public var singular: String
    public var plural: String
    public init(code: String, singular: String, plural: String) {
        self.code = code
        self.singular = singular
        self.plural = plural
    }
}
