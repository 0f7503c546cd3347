import Foundation
import MaturityCore
import MaturityStore

/// The review at the end of the interview: every answer on one screen.
extension Interview {
    /// Every answer on one screen; a number re-asks that one.
    func review() throws -> StepResult {
        let reviewable = steps.filter { $0 != "review" && $0 != "agents" && $0 != "processes" && $0 != "respondents"
                                       && (usesRate || !$0.hasPrefix("usd_rate")) }
        while true {
            terminal.heading(L("cli.review.heading"))
            for (n, id) in reviewable.enumerated() {
                var text = label(id)
                if text.count > 52 { text = String(text.prefix(51)) + "…" }
                terminal.say("  \(n + 1). \(text): \(value(id))")
            }
            terminal.say("  " + L("cli.review.counts", ["agents": .int(draft.agents.count), "processes": .int(draft.processes.count)]))
            let prompt = Prompt<String>(position: "[Review]", text: L("cli.review.ask"),
                                        help: L("cli.review.help"), defaultText: L("cli.cmd.finish"), skippable: false,
                                        parse: { s in
                                            let t = s.lowercased()
                                            for word in ["finish", "agents", "processes"] where isCommand(t, word) { return .success(word) }
                                            if let n = Int(t), (1...reviewable.count).contains(n) { return .success(reviewable[n - 1]) }
                                            return .failure(PromptError(L("cli.review.error", ["n": .int(reviewable.count)])))
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
        return Self.profile.contains(id) ? L("cli.review.label.\(id)") : id
    }

    func value(_ id: String) -> String {
        if id.hasPrefix("q:") {
            switch draft.answers[String(id.dropFirst(2))] {
            case .some(.some(let a)): return a.display
            case .some(.none): return L("cli.review.unknown")
            case .none: return L("cli.review.not_answered")
            }
        }
        switch id {
        case "name": return draft.name ?? "-"
        case "industry": return draft.industry ?? "-"
        case "currency": return draft.currency ?? "-"
        case "rate": return draft.loadedHourlyRate.map { Format.decimal($0) } ?? "-"
        case "usd_rate": return draft.usdRate.map { Format.decimal($0, maxDecimals: 6) } ?? "-"
        case "usd_rate_on": return draft.usdRateOn?.iso ?? "-"
        case "assessed_on": return draft.assessedOn?.iso ?? "-"
        default: return (draft.planStartsOn ?? draft.assessedOn)?.iso ?? "-"
        }
    }
}
