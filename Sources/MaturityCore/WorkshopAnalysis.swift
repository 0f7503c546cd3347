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
        public var stageByAnswer: [AnswerStage]
        /// The split by group: who answered what among executives and among the hands-on people.
        public var executives: [Workshop.PersonAnswer]
        public var handsOn: [Workshop.PersonAnswer]
    }
    /// One answer a split gave and the stage the company would be at on it.
    public struct AnswerStage: Sendable, Equatable {
        public var answer: Answer?
        public var stage: Int
    }
    /// One person's single answer that, taken instead of the consensus, changes the stage.
    public struct Mover: Sendable, Equatable {
        public var person: String
        public var question: String
        public var answer: Answer?
        public var stage: Int
    }

    /// Answers given in the room that move the stage only together: no one of them alone does.
    public struct Together: Sendable, Equatable {
        public struct Pick: Sendable, Equatable {
            public var question: String
            public var answer: Answer?
            /// Who gave this answer, in the order they are listed.
            public var people: [String]
        }
        public var picks: [Pick]
        public var stage: Int
    }

    public var stage: Int
    public var people: [PersonStage]
    public var splits: [Split]
    public var movers: [Mover]
    public var conflicts: [Workshop.Conflict]
    /// The smallest sets of answers that move the stage only together (up and down), best first.
    public var together: [Together] = []

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
            return Placement.stage(a, questionnaire: q)
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
            let byAnswer = seen.map { answer -> AnswerStage in
                var answers = e.assessment.answers
                answers[d.question] = answer
                return AnswerStage(answer: answer, stage: stage(answers))
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
        var analysis = WorkshopAnalysis(stage: e.placement.stage, people: people, splits: splits, movers: movers, conflicts: w.conflicts)
        analysis.together = together(splits, base: e.assessment.answers, stage: e.placement.stage, questionnaire: q, place: stage)
        return analysis
    }

    /// The smallest sets of splits whose answers, taken together, move the stage when none of them
    /// alone does: upward with each split's most generous answer given, downward with its least.
    /// Searched exhaustively for up to 12 splits (4,096 placements at most), smallest sets first.
    static func together(_ splits: [Split], base: [String: Answer], stage: Int, questionnaire q: Questionnaire,
                         place: ([String: Answer]) -> Int) -> [Together] {
        var found: [Together] = []
        for upward in [true, false] {
            var picks: [Together.Pick] = []
            for s in splits {
                guard let question = q.question(s.question) else { continue }
                let given = s.answers.map(\.answer).filter { $0 != nil }
                let ranked = given.sorted { Workshop.generosity($0, question) < Workshop.generosity($1, question) }
                guard let pick = upward ? ranked.last : ranked.first, pick != s.result else { continue }
                // An answer that moves the stage alone is a mover already, not part of a set.
                if let alone = s.stageByAnswer.first(where: { $0.answer == pick })?.stage, upward ? alone > stage : alone < stage { continue }
                picks.append(.init(question: s.question, answer: pick, people: s.answers.filter { $0.answer == pick }.map(\.person)))
            }
            guard picks.count >= 2 else { continue }
            let limited = Array(picks.prefix(12))
            search: for size in 2...limited.count {
                var hits: [Together] = []
                for combo in combinations(limited.count, size) {
                    var answers = base
                    for i in combo { answers[limited[i].question] = limited[i].answer }
                    let moved = place(answers)
                    if upward ? moved > stage : moved < stage { hits.append(.init(picks: combo.map { limited[$0] }, stage: moved)) }
                }
                if !hits.isEmpty {
                    found += hits.prefix(3)
                    break search
                }
            }
        }
        return found
    }

    /// Every way to choose `k` of `n` indices, in order.
    static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k > 0, k <= n else { return k == 0 ? [[]] : [] }
        var out: [[Int]] = []
        var combo = Array(0..<k)
        while true {
            out.append(combo)
            var i = k - 1
            while i >= 0, combo[i] == n - k + i { i -= 1 }
            if i < 0 { return out }
            combo[i] += 1
            for j in (i + 1)..<k { combo[j] = combo[j - 1] + 1 }
        }
    }
}
