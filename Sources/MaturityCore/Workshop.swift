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

    /// One person's answer to a question, typed as the question asks; nil when they skipped it.
    public struct PersonAnswer: Sendable, Equatable {
        public var person: String
        public var answer: Answer?
        public init(person: String, answer: Answer?) {
            self.person = person
            self.answer = answer
        }
    }

    /// One person's figure for a field of the company, an agent or a process, as text.
    public struct PersonValue: Sendable, Equatable {
        public var person: String
        public var value: String
        public init(person: String, value: String) {
            self.person = person
            self.value = value
        }
    }

    public struct Disagreement: Sendable, Equatable {
        public var question: String
        public var answers: [PersonAnswer]
        public var rule: Rule
        /// The answer recorded for the room; nil is unknown.
        public var result: Answer?
        /// The facilitator has not yet recorded the room's answer (a workshop still running).
        public var pending: Bool
        public var dissent: String?
        public init(question: String, answers: [PersonAnswer], rule: Rule, result: Answer?, pending: Bool = false, dissent: String? = nil) {
            self.question = question
            self.answers = answers
            self.rule = rule
            self.result = result
            self.pending = pending
            self.dissent = dissent
        }
    }

    /// A figure two people gave differently for the same agent or process; the first is kept.
    public struct Conflict: Sendable, Equatable {
        public var item: String
        public var field: String
        public var values: [PersonValue]
        public var kept: String
        public init(item: String, field: String, values: [PersonValue], kept: String) {
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
    /// Settles one question's answers by `rule`. Generosity follows the question: no before yes
    /// (unless the question says yes is the sobering answer), fewer before more, and choices in
    /// the questionnaire's order (least mature first). A skip (nil) never beats an answer given.
    public static func settle(_ all: [Answer?], question: Question, rule: Rule) -> Answer? {
        let given = all.filter { $0 != nil }
        let answers = given.isEmpty ? all : given
        let ranked = answers.sorted { (generosity($0, question), text($0)) < (generosity($1, question), text($1)) }
        guard let least = ranked.first else { return nil }
        guard rule == .majority else { return least }
        var counts: [Answer?: Int] = [:]
        for a in answers { counts[a, default: 0] += 1 }
        let top = counts.values.max() ?? 0
        return ranked.first { counts[$0] == top } ?? least
    }

    /// A rank where lower is less generous.
    static func generosity(_ answer: Answer?, _ q: Question) -> Double {
        switch answer {
        case nil: return -1
        case .yesNo(let yes)?: return yes != q.strictPrefersYes ? 1 : 0
        case .choice(let c)?: return Double(q.choiceValues.firstIndex(of: c) ?? -1)
        // For a count where more is the sober answer (pilots run: the more, the more stalled), strict keeps the higher.
        case .number(let n)?: return n * (q.strictPrefersYes ? -1 : 1)
        case .text?: return 0
        }
    }

    /// The answers a person gave, as the whole assessment would read on their word alone.
    public func answers(of person: String, base: [String: Answer], questionnaire q: Questionnaire) -> [String: Answer] {
        var out = base
        for d in disagreements {
            guard let mine = d.answers.first(where: { $0.person == person }) else { continue }
            out[d.question] = mine.answer
        }
        return out
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
