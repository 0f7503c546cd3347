/// Where a workshop disagreed and what it means for the stage.
public struct WorkshopAnalysis: Sendable, Equatable {
    public struct PersonStage: Sendable, Equatable {
        public var person: String
        public var role: String?
        public var executive: Bool
        public var stage: Int
    }
    public struct Split: Sendable, Equatable {
        public var question: String
        public var prompt: String
        public var answers: [Workshop.PersonAnswer]
        public var rule: Workshop.Rule
        public var result: Answer?
        public var dissent: String?
        /// The stage the company would be at on each answer given, the consensus first.
        public var stageByAnswer: [(answer: Answer?, stage: Int)]
        /// The split by group: who answered what among executives and among the hands-on people.
        public var executives: [Workshop.PersonAnswer]
        public var handsOn: [Workshop.PersonAnswer]
        public static func == (a: Split, b: Split) -> Bool {
            a.question == b.question && a.answers == b.answers && a.result == b.result && a.dissent == b.dissent
                && a.stageByAnswer.map(\.answer) == b.stageByAnswer.map(\.answer) && a.stageByAnswer.map(\.stage) == b.stageByAnswer.map(\.stage)
        }
    }
    /// One person's single answer that, taken instead of the consensus, changes the stage.
    public struct Mover: Sendable, Equatable {
        public var person: String
        public var question: String
        public var answer: Answer?
        public var stage: Int
    }

    public var stage: Int
    public var people: [PersonStage]
    public var splits: [Split]
    public var movers: [Mover]
    public var conflicts: [Workshop.Conflict]

    /// Roles read as executive; everyone else counts as hands-on.
    static let executiveWords = ["ceo", "coo", "cfo", "cio", "cto", "cdo", "chief", "president", "vp", "vice president",
                                 "director", "owner", "general manager", "gm", "head of", "managing director", "md", "founder"]

    public static func isExecutive(_ role: String?) -> Bool {
        guard let role = role?.lowercased() else { return false }
        let words = role.split { !$0.isLetter }.map(String.init)
        return executiveWords.contains { w in w.contains(" ") ? role.contains(w) : words.contains(w) }
    }
}

extension WorkshopAnalysis {
    public static func analyse(_ e: Evaluation) -> WorkshopAnalysis? {
        guard let w = e.assessment.workshop else { return nil }
        let q = e.questionnaire
        func stage(_ answers: [String: Answer]) -> Int {
            var a = e.assessment
            a.answers = answers
            return Placement.place(a, questionnaire: q).stage
        }
        let people = w.participants.map { p in
            PersonStage(person: p.name, role: p.role, executive: isExecutive(p.role),
                        stage: stage(w.answers(of: p.name, base: e.assessment.answers, questionnaire: q)))
        }
        let roles = Dictionary(w.participants.map { ($0.name, $0.role) }, uniquingKeysWith: { x, _ in x })
        var movers: [Mover] = []
        let splits = w.disagreements.compactMap { d -> Split? in
            guard let question = q.question(d.question) else { return nil }
            var seen: [Answer?] = [d.result]
            for a in d.answers where !seen.contains(a.answer) { seen.append(a.answer) }
            let byAnswer = seen.map { answer -> (answer: Answer?, stage: Int) in
                var answers = e.assessment.answers
                answers[d.question] = answer
                return (answer, stage(answers))
            }
            for a in d.answers {
                if let s = byAnswer.first(where: { $0.answer == a.answer })?.stage, s != e.placement.stage {
                    movers.append(Mover(person: a.person, question: d.question, answer: a.answer, stage: s))
                }
            }
            return Split(question: d.question, prompt: question.prompt, answers: d.answers, rule: d.rule, result: d.result,
                         dissent: d.dissent, stageByAnswer: byAnswer,
                         executives: d.answers.filter { isExecutive(roles[$0.person] ?? nil) },
                         handsOn: d.answers.filter { !isExecutive(roles[$0.person] ?? nil) })
        }
        return WorkshopAnalysis(stage: e.placement.stage, people: people, splits: splits, movers: movers, conflicts: w.conflicts)
    }
}
