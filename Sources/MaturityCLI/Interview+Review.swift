import Foundation
import MaturityCore
import MaturityStore

/// The review at the end of the interview: every answer on one screen.
extension Interview {
    /// Every answer on one screen; a number re-asks that one.
    func review() throws -> StepResult {
        let reviewable = steps.filter { $0 != "review" && $0 != "agents" && $0 != "processes" && $0 != "respondents" }
        while true {
            terminal.heading("Review")
            for (n, id) in reviewable.enumerated() {
                var text = label(id)
                if text.count > 52 { text = String(text.prefix(51)) + "…" }
                terminal.say("  \(n + 1). \(text): \(value(id))")
            }
            terminal.say("  Agents: \(draft.agents.count) · Processes: \(draft.processes.count) (type agents or processes to change them)")
            let prompt = Prompt<String>(position: "[Review]", text: "Number to change, agents, processes, or Enter to finish",
                                        help: "Nothing is final until you finish; every answer is already saved.", defaultText: "finish", skippable: false,
                                        parse: { s in
                                            let t = s.lowercased()
                                            if ["finish", "agents", "processes"].contains(t) { return .success(t) }
                                            if let n = Int(t), (1...reviewable.count).contains(n) { return .success(reviewable[n - 1]) }
                                            return .failure(PromptError("Type a number from 1 to \(reviewable.count), agents, processes, or press Enter."))
                                        })
            switch terminal.ask(prompt) {
            case .value("finish"): return .next
            case .value(let id):
                let result = try runStep(id)
                if result == .quit || result == .ended { return result }
            case .skip: return .next
            case .back: return .back
            case .quit: return .quit
            case .ended: return .ended
            }
        }
    }

    func label(_ id: String) -> String {
        if id.hasPrefix("q:") { return questionnaire.question(String(id.dropFirst(2)))?.prompt ?? id }
        return ["name": "Company", "industry": "Industry", "currency": "Currency", "rate": "Loaded hourly rate",
                "assessed_on": "Assessed on", "plan_starts_on": "Plan starts on"][id] ?? id
    }

    func value(_ id: String) -> String {
        if id.hasPrefix("q:") {
            switch draft.answers[String(id.dropFirst(2))] {
            case .some(.some(let a)): return a.display
            case .some(.none): return "unknown"
            case .none: return "not answered"
            }
        }
        switch id {
        case "name": return draft.name ?? "-"
        case "industry": return draft.industry ?? "-"
        case "currency": return draft.currency ?? "-"
        case "rate": return draft.loadedHourlyRate.map { Format.number($0) } ?? "-"
        case "assessed_on": return draft.assessedOn?.iso ?? "-"
        default: return (draft.planStartsOn ?? draft.assessedOn)?.iso ?? "-"
        }
    }
}
