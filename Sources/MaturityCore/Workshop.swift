/// What a room of people answered, kept beside the consensus: who said what on every split
/// question, the rule that settled it, and any dissent.
public struct Workshop: Sendable, Equatable {
    public enum Rule: String, Sendable, CaseIterable {
        /// The least generous answer wins: do not grade generously.
        case strict
        /// The most common answer wins; a tie goes to the least generous.
        case majority
        /// The facilitator recorded the room's consensus.
        case consensus
    }

    public struct PersonAnswer: Sendable, Equatable {
        public var person: String
        /// The answer as written in the file; "unknown" when skipped.
        public var answer: String
        public init(person: String, answer: String) {
            self.person = person
            self.answer = answer
        }
    }

    public struct Disagreement: Sendable, Equatable {
        public var question: String
        public var answers: [PersonAnswer]
        public var rule: Rule
        public var result: String
        public var dissent: String?
        public init(question: String, answers: [PersonAnswer], rule: Rule, result: String, dissent: String? = nil) {
            self.question = question
            self.answers = answers
            self.rule = rule
            self.result = result
            self.dissent = dissent
        }
    }

    /// A figure two people gave differently for the same agent or process; the first is kept.
    public struct Conflict: Sendable, Equatable {
        public var item: String
        public var field: String
        public var values: [PersonAnswer]
        public var kept: String
        public init(item: String, field: String, values: [PersonAnswer], kept: String) {
            self.item = item
            self.field = field
            self.values = values
            self.kept = kept
        }
    }

    public var rule: Rule
    public var participants: [Respondent]
    public var disagreements: [Disagreement]
    public var conflicts: [Conflict]

    public init(rule: Rule, participants: [Respondent], disagreements: [Disagreement] = [], conflicts: [Conflict] = []) {
        self.rule = rule
        self.participants = participants
        self.disagreements = disagreements
        self.conflicts = conflicts
    }
}

extension Workshop {
    /// Settles one question's answers by `rule`. Answers are strings as written ("true", "2",
    /// "ad_hoc", "unknown"); generosity follows the question: no before yes (unless the question
    /// says yes is the sobering answer), fewer before more, and choices in the questionnaire's
    /// order (least mature first). Unknown counts as no.
    public static func settle(_ all: [String], question: Question, rule: Rule) -> String {
        // A skip is no answer: it never beats an answer a person gave.
        let given = all.filter { $0 != "unknown" }
        let answers = given.isEmpty ? all : given
        let ranked = answers.sorted { (generosity($0, question), $0) < (generosity($1, question), $1) }
        guard let least = ranked.first else { return "unknown" }
        guard rule == .majority else { return least }
        var counts: [String: Int] = [:]
        for a in answers { counts[a, default: 0] += 1 }
        let top = counts.values.max() ?? 0
        return ranked.first { counts[$0] == top } ?? least
    }

    /// A rank where lower is less generous.
    static func generosity(_ answer: String, _ q: Question) -> Double {
        if answer == "unknown" { return -1 }
        switch q.type {
        case .yesNo: return (answer == "true") != q.strictPrefersYes ? 1 : 0
        case .choice: return Double(q.choiceValues.firstIndex(of: answer) ?? -1)
        // For a count where more is the sober answer (pilots run: the more, the more stalled), strict keeps the higher.
        case .count, .number, .money, .share: return (Double(answer) ?? -1) * (q.strictPrefersYes ? -1 : 1)
        default: return 0
        }
    }

    /// The answers a person gave, as the whole assessment would read on their word alone.
    public func answers(of person: String, base: [String: Answer], questionnaire q: Questionnaire) -> [String: Answer] {
        var out = base
        for d in disagreements {
            guard let mine = d.answers.first(where: { $0.person == person }), let question = q.question(d.question) else { continue }
            out[d.question] = Self.answer(mine.answer, question)
        }
        return out
    }

    /// Reads an answer string back into a typed answer; nil for unknown.
    public static func answer(_ text: String, _ q: Question) -> Answer? {
        if text == "unknown" { return nil }
        switch q.type {
        case .yesNo: return .yesNo(text == "true" || text == "yes")
        case .choice: return .choice(text)
        case .count, .number, .money, .share: return Double(text).map(Answer.number)
        default: return .text(text)
        }
    }

    /// The string form the files and rules use for an answer.
    public static func text(_ answer: Answer?) -> String {
        switch answer {
        case .yesNo(let b)?: return b ? "true" : "false"
        case .choice(let c)?: return c
        case .number(let n)?: return Format.number(n)
        case .text(let t)?: return t
        case nil: return "unknown"
        }
    }
}
