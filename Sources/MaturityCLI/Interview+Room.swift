import Foundation
import MaturityCore
import MaturityStore

/// The facilitator-led workshop: for each placement question every participant answers blind,
/// then the spread is shown and the facilitator records the consensus and any dissent.
extension Interview {
    /// An answer as a person types it back: yes/no for a yes/no, the choice's value, the number.
    static func typed(_ a: Answer) -> String {
        if case .yesNo(let yes) = a { return yes ? "yes" : "no" }
        return a.display
    }

    func roomQuestion(_ id: String, participants: [Respondent]) throws -> StepResult {
        guard let q = questionnaire.question(id) else { return .next }
        let n = (questionnaire.questions.firstIndex { $0.id == id } ?? 0) + 1
        let position = "[" + L("cli.position.question",
                               ["section": .text(q.section ?? L("cli.position.questions")), "i": .int(n), "n": .int(questionnaire.questions.count)]) + "]"
        var workshop = draft.workshop ?? Workshop(rule: .consensus, participants: participants)
        // Re-asked from the review: Enter keeps each person's earlier answer (or the room's), but it
        // is never shown, so the vote stays blind; a dissent already recorded is kept.
        let earlier = workshop.disagreements.first { $0.question == id && !$0.pending }
        // A question in progress keeps the answers already given (so a resumed session goes on).
        var entry = workshop.disagreements.first { $0.question == id && $0.pending }
            ?? Workshop.Disagreement(question: id, answers: [], rule: .consensus, result: nil, pending: true, dissent: earlier?.dissent)
        let agreedBefore = draft.answers[id] ?? nil
        func previousAnswer(_ person: String) -> String? {
            let answer = earlier.map { $0.answers.first { $0.person == person }?.answer ?? nil } ?? agreedBefore
            return answer.map(Self.typed)
        }
        func store(_ e: Workshop.Disagreement?) throws {
            workshop.disagreements.removeAll { $0.question == id }
            if let e { workshop.disagreements.append(e) }
            draft.workshop = workshop
            try save()
        }
        showQuestion(q, position: position)
        // `back` steps back one answer within the question (the last person's answer, then the
        // consensus), and out of the question only from its first answer.
        // As typed (so a default reads back), yes and no in the run's language.
        let shown = { (a: Answer?) -> String in
            guard let a else { return L("cli.review.unknown") }
            if case .yesNo(let yes) = a { return L(yes ? "cli.yes" : "cli.no") }
            return Self.typed(a)
        }
        var agreed: Answer?
        var dissent: String?
        answering: while true {
            if let person = participants.first(where: { p in !entry.answers.contains { $0.person == p.name } }) {
                switch terminal.ask(blindPrompt(q, for: person, default: previousAnswer(person.name))) {
                case .value(let a): entry.answers.append(.init(person: person.name, answer: a))
                case .skip: entry.answers.append(.init(person: person.name, answer: nil))
                case .back:
                    if entry.answers.isEmpty {
                        try store(nil)
                        return .back
                    }
                    entry.answers.removeLast()
                case .quit: return .quit
                case .ended: return .ended
                }
                try store(entry)
                continue
            }
            let spread = Dictionary(grouping: entry.answers, by: \.answer)
            terminal.say("  " + L("cli.room.spread") + " "
                         + spread.keys.sorted { shown($0) < shown($1) }
                             .map { "\(shown($0)) — \((spread[$0] ?? []).map(\.person).joined(separator: ", "))" }.joined(separator: "; "))
            if spread.count == 1 {
                draft.answers[id] = .some(entry.answers[0].answer)
                try store(nil)
                terminal.say("  " + L("cli.room.agrees"))
                return .next
            }
            switch askConsensus(q, strict: Workshop.settle(entry.answers.map(\.answer), question: q, rule: .strict), dissent: entry.dissent, shown: shown) {
            case .recorded(let answer, let note):
                agreed = answer
                dissent = note
                break answering
            case .reaskLast:
                entry.answers.removeLast()
                try store(entry)
                continue answering
            case .quit: return .quit
            case .ended: return .ended
            }
        }
        entry.result = agreed
        entry.pending = false
        entry.dissent = dissent
        draft.answers[id] = .some(agreed)
        try store(entry)
        return .next
    }

    /// The question as the room sees it: where it is, the prompt, why it matters, the choices.
    func showQuestion(_ q: Question, position: String) {
        terminal.say(terminal.dim(position))
        for row in wrap(q.prompt, width: 78) { terminal.heading(row) }
        if let help = q.help { terminal.note(terminal.dim(help)) }
        let ids = Language.current.code == "en"
        for (i, c) in q.choices.enumerated() { terminal.say("    \(i + 1). \(c.label)" + (ids ? terminal.dim(" (\(c.value))") : "")) }
    }

    /// One person's answer, typed blind: nobody sees it until everyone has answered.
    /// An earlier answer is what Enter keeps, never shown: the prompt only says that Enter keeps it.
    func blindPrompt(_ q: Question, for person: Respondent, default previous: String?) -> Prompt<Answer> {
        let who = person.name + (person.role.map { " (\($0))" } ?? "")
        return Prompt<Answer>(position: "  ", text: L("cli.room.your_answer", ["who": .text(who)]) + (q.type == .yesNo ? " " + L("cli.hint.yes_no") : "")
                                + (previous == nil ? "" : " " + L("cli.room.keeps_earlier")),
                              help: (q.help ?? "") + " " + L("cli.room.blind_help"),
                              defaultText: nil, skippable: true, parse: answerParser(q), hidden: true, unshownDefault: previous)
    }

    enum ConsensusStep { case recorded(Answer?, dissent: String?), reaskLast, quit, ended }

    /// The room's answer once everyone has answered: the strict answer offered as the default,
    /// then an optional dissent note. `back` from the consensus re-asks the last person.
    /// A dissent already recorded is the note's default: Enter keeps it, `none` clears it.
    func askConsensus(_ q: Question, strict: Answer?, dissent recorded: String? = nil, shown: (Answer?) -> String) -> ConsensusStep {
        while true {
            let consensus = Prompt<Answer?>(position: "  ", text: L("cli.room.consensus"), help: L("cli.room.consensus_help", ["strict": .text(shown(strict))]),
                                            defaultText: shown(strict), skippable: true, parse: { s in self.answerParser(q)(s).map { Optional($0) } })
            let agreed: Answer?
            switch terminal.ask(consensus) {
            case .value(let a): agreed = a
            case .skip: agreed = nil
            case .back: return .reaskLast
            case .quit: return .quit
            case .ended: return .ended
            }
            let note = Prompt<String?>(position: "  ", text: L(recorded == nil ? "cli.room.dissent" : "cli.room.dissent_kept"),
                                       help: L("cli.room.dissent_help"),
                                       defaultText: recorded, skippable: true,
                                       parse: { s in ["none", "-", L("cli.room.none").lowercased()].contains(s.lowercased()) ? .success(nil)
                                               : Parse.text(s).map { Optional($0) } })
            switch terminal.ask(note) {
            case .value(let text): return .recorded(agreed, dissent: text)
            case .skip: return .recorded(agreed, dissent: nil)
            case .back: continue
            case .quit: return .quit
            case .ended: return .ended
            }
        }
    }
}
