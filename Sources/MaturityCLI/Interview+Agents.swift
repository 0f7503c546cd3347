import Foundation
import MaturityCore
import MaturityStore

/// The agents section: a short menu, then one agent at a time, every gate bar asked.
extension Interview {
    func agents() throws -> StepResult {
        if draft.agents.isEmpty, let earlier = previous?.agents, !earlier.isEmpty { draft.agents = earlier; try save() }
        terminal.note(L("cli.agents.intro"))
        while true {
            let items = draft.agents.map { L("cli.agents.item",
                                             ["name": .text($0.name), "status": .status($0.status), "side": .choice("side", $0.side.rawValue),
                                              "owner": .text($0.namedOwner ?? L("cli.agents.no_owner"))]) }
            switch menu(L("cli.agents.title"), items: items, noun: L("cli.agents.noun")) {
            case .value(.done): return .next
            case .value(.importFile), .value(.line): continue
            case .value(.add):
                draft.agents.append(Agent(name: "", status: .idea))
                if let stop = try editAgent(draft.agents.count - 1, adding: true) { return stop }
            case .value(.edit(let i)):
                if let stop = try editAgent(i, adding: false) { return stop }
            case .value(.remove(let i)):
                terminal.say("  " + L("cli.removed", ["name": .text(draft.agents.remove(at: i).name)]))
                try save()
            case .skip: return .next
            case .back: return .back
            case .quit: return .quit
            case .ended: return .ended
            }
        }
    }

    /// Asks every field of agent `i`; returns a step result only when the interview must stop.
    func editAgent(_ i: Int, adding: Bool) throws -> StepResult? {
        var field = 0
        while true {
            // Which process it automates is asked after the inventory, by number.
            var fields = ["name", "status", "side", "owner", "annual_dollar_value", "reports_dollars", "reuses_shared_infrastructure"]
            if draft.agents[i].status == .production { fields += questionnaire.gateBars.map { "gate:\($0.id)" } }
            guard field < fields.count else { return nil }
            let id = fields[field]
            let position = "[" + L("cli.position.agent", ["a": .int(i + 1), "i": .int(field + 1), "n": .int(fields.count)]) + "]"
            let result = try askAgentField(id, agent: i, position: position, noDefaultStatus: adding && field == 1)
            switch result {
            case .next, .pass: field += 1
            case .back:
                if field == 0 {
                    if adding, draft.agents[i].name.isEmpty { draft.agents.remove(at: i); try save() }
                    return nil
                }
                field -= 1
            case .quit, .ended: return result
            }
        }
    }

    /// One field of agent `i`: its name, status, side, owner, dollars, plumbing, or a gate bar (`gate:ID`).
    func askAgentField(_ id: String, agent i: Int, position: String, noDefaultStatus: Bool) throws -> StepResult {
        let a = draft.agents[i]
        let definition = questionnaire.agentFields.first { $0.id == id }
        let prompt = words(definition?.prompt ?? id)
        switch id {
        case "name":
            return try self.field(position: position, text: prompt, help: L("cli.agents.name_help"), current: a.name.isEmpty ? nil : a.name,
                                    skippable: false, parse: Parse.text) { self.draft.agents[i].name = $0 ?? "" }
        case "process":
            let names = draft.processes.map(\.name)
            return try self.field(position: position, text: prompt,
                                  help: names.isEmpty ? L("cli.agents.process_help")
                                      : L("cli.agents.process_so_far", ["names": .text(names.joined(separator: ", "))]),
                                    current: a.process, skippable: true, parse: Parse.text) { self.draft.agents[i].process = $0 }
        case "status":
            let choices = definition?.choices ?? AgentStatus.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue) }
            return try self.field(position: position, text: prompt, help: L("cli.agents.status_help"),
                                    current: noDefaultStatus && a.status == .idea ? nil
                                        : choices.firstIndex { $0.value == a.status.rawValue }.map { "\($0 + 1)" },
                                    skippable: false, choices: choices, parse: Parse.choice(choices)) { v in
                if let s = v.flatMap(AgentStatus.init(rawValue:)) { self.draft.agents[i].status = s }
            }
        case "side":
            let choices = definition?.choices ?? Side.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue) }
            return try self.field(position: position, text: prompt, help: L("cli.agents.side_help"),
                                    current: choices.firstIndex { $0.value == a.side.rawValue }.map { "\($0 + 1)" },
                                    skippable: false, choices: choices, parse: Parse.choice(choices)) { v in
                if let s = v.flatMap(Side.init(rawValue:)) { self.draft.agents[i].side = s }
            }
        case "owner":
            return try self.field(position: position, text: prompt, help: L("cli.agents.owner_help"),
                                    current: a.owner, skippable: true, parse: Parse.text) { self.draft.agents[i].owner = $0 }
        case "annual_dollar_value":
            return try self.field(position: position, text: prompt, help: L("cli.agents.value_help"),
                                    current: a.annualDollarValue.map { Format.decimal($0) }, skippable: true,
                                    parse: Parse.number(unit: L("cli.unit.money_per_year"), example: "85000",
                                                        min: 0)) { self.draft.agents[i].annualDollarValue = $0 }
        case "reports_dollars", "reuses_shared_infrastructure":
            let current = (id == "reports_dollars" ? a.reportsDollars : a.reusesSharedInfrastructure).map { L($0 ? "cli.yes" : "cli.no") }
            return try self.field(position: position, text: prompt + " " + L("cli.hint.yes_no"), help: definition?.help, current: current,
                                    skippable: true, parse: Parse.yesNo) { v in
                if id == "reports_dollars" { self.draft.agents[i].reportsDollars = v } else { self.draft.agents[i].reusesSharedInfrastructure = v }
            }
        default:
            let barID = String(id.dropFirst("gate:".count))
            let bar = questionnaire.gateBars.first { $0.id == barID }
            let allBars = questionnaire.gateBars.enumerated().map { "\($0.offset + 1). \($0.element.label)" }.joined(separator: "; ")
            return try self.field(position: position, text: L("cli.agents.gate", ["bar": .text(bar?.label ?? barID)]),
                                    help: (bar?.help ?? "") + " "
                                        + L("cli.agents.gate_help", ["n": .words(questionnaire.gateBars.count), "bars": .text(allBars)]),
                                    current: a.gate[barID].map { L($0 ? "cli.yes" : "cli.no") }, skippable: true, parse: Parse.yesNo) { v in
                self.draft.agents[i].gate[barID] = v
            }
        }
    }
}
