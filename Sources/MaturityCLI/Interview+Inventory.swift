import Foundation
import MaturityCore
import MaturityStore

/// The process-inventory section: a short menu, then one process at a time, or one typed line.
extension Interview {
    enum Menu { case add, edit(Int), remove(Int), done, importFile(String), line(String) }

    func menu(_ title: String, items: [String], noun: String, canImport: Bool = false) -> Reply<Menu> {
        terminal.heading("\(title) (\(items.count))")
        for (i, item) in items.enumerated() { terminal.say("  \(i + 1). \(item)") }
        let commands = L(canImport ? "cli.menu.commands_import" : "cli.menu.commands")
        let importHelp = canImport ? " " + L("cli.menu.import_help") : ""
        let prompt = Prompt<Menu>(
            position: "[\(title)]", text: commands, help: L("cli.menu.help", ["noun": .text(noun)]) + importHelp,
            defaultText: L("cli.cmd.done"), skippable: false,
            parse: { s in
                if canImport, s.lowercased().hasPrefix("import ") {
                    let path = s.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                    if !path.isEmpty { return .success(.importFile(path)) }
                }
                // "Quote prep, 40h, 300/wk, ERP": a whole process on one line.
                if canImport, s.contains(",") { return .success(.line(s)) }
                let words = s.lowercased().split(separator: " ")
                let number = words.count == 2 ? Int(words[1]) : nil
                switch words.first.map(String.init).map(Self.menuWord) {
                case "add", "a": return .success(.add)
                case "done", "d": return .success(.done)
                case "edit", "e":
                    if let n = number, (1...max(1, items.count)).contains(n), !items.isEmpty { return .success(.edit(n - 1)) }
                case "remove", "r":
                    if let n = number, (1...max(1, items.count)).contains(n), !items.isEmpty { return .success(.remove(n - 1)) }
                default: break
                }
                return .failure(PromptError(L("cli.menu.error", ["n": .int(items.count)])))
            })
        return terminal.ask(prompt)
    }

    /// A menu word in the run's language, as its English command ("hinzufügen" → "add").
    static func menuWord(_ typed: String) -> String {
        for word in ["add", "done", "edit", "remove"] where typed == L("cli.cmd.\(word)").lowercased() { return word }
        return typed
    }

    func processes() throws -> StepResult {
        if draft.processes.isEmpty, let earlier = previous?.processes, !earlier.isEmpty { draft.processes = earlier; try save() }
        terminal.note(L("cli.processes.intro"))
        while true {
            let items = draft.processes.map { L("cli.processes.item",
                                                ["name": .text($0.name), "hours": .number($0.hoursPerWeek, decimals: 4),
                                                 "side": .choice("side", $0.side.rawValue)]) }
            switch menu(L("cli.processes.title"), items: items, noun: L("cli.processes.noun"), canImport: true) {
            case .value(.done):
                if let stop = try linkAgentsToProcesses() { return stop }
                return .next
            case .value(.line(let text)):
                try addProcess(fromLine: text)
            case .value(.importFile(let spec)):
                try importSpreadsheet(spec)
            case .value(.add):
                draft.processes.append(InventoryProcess(name: "", hoursPerWeek: 0))
                if let stop = try addProcessQuickly(draft.processes.count - 1) { return stop }
            case .value(.edit(let i)):
                if let stop = try editProcess(i, adding: false) { return stop }
            case .value(.remove(let i)):
                terminal.say("  " + L("cli.removed", ["name": .text(draft.processes.remove(at: i).name)]))
                try save()
            case .skip: return .next
            case .back: return .back
            case .quit: return .quit
            case .ended: return .ended
            }
        }
    }

    /// Adds a process from one typed line; asks only for the essentials it lacks.
    func addProcess(fromLine text: String) throws {
        let parsed = ProcessLine.parse(text, questionnaire: questionnaire)
        guard !parsed.name.isEmpty else {
            terminal.warn("  " + L("cli.processes.line_needs_name"))
            return
        }
        if draft.processes.contains(where: { $0.name.lowercased() == parsed.name.lowercased() }) {
            terminal.warn("  " + L("cli.processes.already_listed", ["name": .text(parsed.name)]))
            return
        }
        draft.processes.append(parsed)
        let i = draft.processes.count - 1
        if parsed.hoursPerWeek == 0 {
            if let stop = try addProcessQuickly(i, skipName: true) { if stop == .quit || stop == .ended { return } }
            return
        }
        applyDefaults(i)
        try save()
        echo(i)
    }

    /// A new process in at most four prompts (name, hours, cases, system); the rest defaulted.
    func addProcessQuickly(_ i: Int, skipName: Bool = false) throws -> StepResult? {
        let essentials = ["name", "hours_per_week", "volume_per_week", "system_of_record"]
        var index = skipName ? 1 : 0
        while index < essentials.count {
            let id = essentials[index]
            guard let f = questionnaire.processFields.first(where: { $0.id == id }) else { index += 1; continue }
            let position = "[" + L("cli.position.process", ["p": .int(i + 1), "i": .int(index + 1), "n": .int(4)]) + "]"
            let prompt = words(f.prompt) + (f.unit.map { " (\($0))" } ?? "")
            let p = draft.processes[i]
            let result: StepResult
            switch id {
            case "name":
                result = try field(position: position, text: prompt, help: L("cli.processes.name_help_line"),
                                   current: p.name.isEmpty ? nil : p.name, skippable: false, parse: Parse.text) { self.draft.processes[i].name = $0 ?? "" }
            case "hours_per_week":
                result = try field(position: position, text: prompt, help: L("cli.processes.hours_help"),
                                   current: p.hoursPerWeek == 0 ? nil : Format.number(p.hoursPerWeek), skippable: false,
                                   parse: Parse.number(unit: L("cli.unit.hours_per_week"), example: Format.decimal(12.5), min: 0,
                                                       max: f.max)) { self.draft.processes[i].hoursPerWeek = $0 ?? 0 }
            default:
                result = try optionalProcessField(f, index: i, position: position, prompt: prompt)
            }
            switch result {
            case .next, .pass: index += 1
            case .back:
                if index == 0 || (skipName && index == 1) {
                    draft.processes.remove(at: i)
                    try save()
                    return nil
                }
                index -= 1
            case .quit, .ended: return result
            }
        }
        applyDefaults(i)
        try save()
        echo(i)
        return nil
    }

    /// Fills what was not typed with the questionnaire's assumptions (`assumed_when_unknown`), the
    /// same ones an imported row gets, each marked assumed; and a department from the name.
    func applyDefaults(_ i: Int) {
        var p = draft.processes[i]
        questionnaire.parameters.assumedWhenUnknown.fill(&p)
        if p.department == nil { p.department = ProcessLine.departmentGuess(p.name) }
        draft.processes[i] = p
    }

    /// A system of record as people say it: erp → "ERP", spreadsheet → "spreadsheets"; an id the
    /// questionnaire does not list, as typed.
    func systemLabel(_ id: String) -> String {
        let label = questionnaire.processFields.first { $0.id == "system_of_record" }?.choices.first { $0.value == id }?.label
        return label.map(Words.inSentence) ?? id
    }

    /// One line that shows what was typed and what was assumed, so a wrong default is caught.
    func echo(_ i: Int) {
        let p = draft.processes[i]
        var typed = [L("cli.echo.hours", ["v": .number(p.hoursPerWeek, decimals: 4)])]
        typed.append(p.volumePerWeek.map { L("cli.echo.cases", ["v": .number($0, decimals: 4)]) } ?? L("cli.echo.cases_unknown"))
        typed.append(p.systemOfRecord.map(systemLabel) ?? L("cli.echo.system_unknown"))
        let assumed = [p.department.map { L("cli.echo.department", ["v": .text($0)]) }, Phrases.current.value(.choice("side", p.side.rawValue)),
                       L("cli.echo.writes_back", ["v": p.writeBack.map { .choice("write_back", $0) } ?? .text(L("cli.echo.nothing_yet"))]),
                       L("cli.echo.input", ["v": .choice("input_structure", p.inputStructure ?? "semi")]),
                       p.exceptionShare.map { L("cli.echo.exceptions", ["v": .percent($0)]) },
                       L(p.highSeverityErrorsPossible == true ? "cli.echo.could_stop_line" : "cli.echo.no_line_stop"),
                       p.ownerCandidate.map { L("cli.echo.owner", ["v": .text($0)]) } ?? L("cli.echo.no_owner")].compactMap { $0 }
        terminal.say("  \(i + 1). \(p.name): " + typed.joined(separator: ", ")
            + terminal.dim(" · " + L("cli.echo.assumed", ["list": .text(assumed.joined(separator: ", ")), "n": .int(i + 1)])))
    }

    /// After the inventory: which process each agent automates, by number.
    func linkAgentsToProcesses() throws -> StepResult? {
        let names = draft.processes.map(\.name)
        guard !names.isEmpty else { return nil }
        for i in draft.agents.indices where draft.agents[i].status != .retired {
            let current = draft.agents[i].process
            if let current, names.contains(where: { $0.lowercased() == current.lowercased() }) { continue }
            terminal.say("  " + L("cli.link.which", ["agent": .text(draft.agents[i].name)]))
            for (n, name) in names.enumerated() { terminal.say("    \(n + 1). \(name)") }
            let prompt = Prompt<String>(position: "[" + L("cli.agents.title") + "]", text: L("cli.link.ask"),
                                        help: L("cli.link.help"),
                                        defaultText: nil, skippable: true, parse: { s in
                                            if let n = Int(s), (1...names.count).contains(n) { return .success(names[n - 1]) }
                                            if let match = names.first(where: { $0.lowercased() == s.lowercased() }) { return .success(match) }
                                            return .failure(PromptError(L("cli.link.error", ["typed": .text(s), "n": .int(names.count)])))
                                        })
            switch terminal.ask(prompt) {
            case .value(let name): draft.agents[i].process = name
            case .skip: draft.agents[i].process = nil
            case .back: return nil
            case .quit: return .quit
            case .ended: return .ended
            }
            try save()
        }
        return nil
    }

    /// A path as a terminal pastes it when a file is dragged in: quoted ('…' or "…"), or with
    /// spaces escaped (`My\ Sheets/q4.xlsx`), or as a file:// URL.
    static func droppedPath(_ raw: String) -> String {
        var path = raw.trimmingCharacters(in: .whitespaces)
        if path.count > 1, let first = path.first, (first == "\"" || first == "'"), path.last == first {
            path = String(path.dropFirst().dropLast())
        } else if path.contains("\\") {
            var out = ""
            var escaped = false
            for c in path {
                if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
            }
            path = out
        }
        if path.hasPrefix("file://"), let url = URL(string: path), url.isFileURL { path = url.path }
        return path
    }

    /// `import FILE [--sheet NAME]` from the processes menu: merges by name, says what changed.
    func importSpreadsheet(_ spec: String) throws {
        var path = spec
        var sheet: String?
        if let range = spec.range(of: " --sheet ") {
            path = String(spec[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            sheet = String(spec[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        path = Self.droppedPath(path)
        do {
            let imported = try InventoryImporter.read(path: path, sheet: sheet, questionnaire: questionnaire)
            let summary = try InventoryImporter.merge(imported, into: draft.processes, replace: false, file: (path as NSString).lastPathComponent)
            draft.processes = summary.processes
            try save()
            terminal.say("  " + L("cli.import.done",
                                  ["rows": .count(imported.rows.count, "row"), "added": .int(summary.added.count), "updated": .int(summary.updated.count),
                                   "unchanged": .int(summary.unchanged.count)]))
            if !imported.ignoredColumns.isEmpty {
                terminal.say("  " + L("cli.import.ignored", ["columns": .text(imported.ignoredColumns.joined(separator: ", "))]))
            }
            for note in imported.notes { terminal.say("  \(note)") }
            for warning in imported.warnings { terminal.warn("  \(warning)") }
            if summary.assumedFields > 0 { terminal.say("  " + L("cli.import.assumed", ["fields": .count(summary.assumedFields, "field")])) }
            for d in summary.nearDuplicates {
                let command = "maturity inventory import \(path) --into \(self.path) --merge-into \"\(d.name)=\(d.existing)\""
                terminal.warn("  " + L("cli.import.near_duplicate", ["row": .text(String(d.row)), "name": .text(d.name), "existing": .text(d.existing),
                                                                     "reason": .text(d.reason.message), "command": .text(command)]))
            }
        } catch let failure as ImportFailure {
            terminal.warn("  " + L("cli.import.fix_these"))
            for problem in failure.problems { terminal.warn("  \(problem)") }
        } catch let e as ImportError {
            terminal.warn("  " + L("cli.import.nothing", ["why": .text(e.description)]))
        } catch let e as StoreError {
            terminal.warn("  " + L("cli.import.nothing", ["why": .text(e.description)]))
        }
    }

    func editProcess(_ i: Int, adding: Bool) throws -> StepResult? {
        let fields = questionnaire.processFields
        var index = 0
        while index < fields.count {
            let f = fields[index]
            let p = draft.processes[i]
            if f.lineOnly, p.side == .office {
                index += 1
                continue
            }
            let position = "[" + L("cli.position.process", ["p": .int(i + 1), "i": .int(index + 1), "n": .int(fields.count)]) + "]"
            let prompt = words(f.prompt) + (f.unit.map { " (\($0))" } ?? "")
            let result: StepResult
            switch f.id {
            case "name":
                result = try field(position: position, text: prompt, help: L("cli.processes.name_help"), current: p.name.isEmpty ? nil : p.name,
                                   skippable: false, parse: Parse.text) { self.draft.processes[i].name = $0 ?? "" }
            case "hours_per_week":
                result = try field(position: position, text: prompt, help: L("cli.processes.hours_help"),
                                   current: adding && p.hoursPerWeek == 0 ? nil : Format.number(p.hoursPerWeek), skippable: false,
                                   parse: Parse.number(unit: L("cli.unit.hours_per_week"), example: Format.decimal(12.5), min: 0,
                                                       max: f.max)) { self.draft.processes[i].hoursPerWeek = $0 ?? 0 }
            case "side":
                result = try field(position: position, text: prompt, help: f.help,
                                   current: f.choices.firstIndex { $0.value == p.side.rawValue }.map { "\($0 + 1)" },
                                   skippable: false, choices: f.choices, parse: Parse.choice(f.choices)) { v in
                    if let s = v.flatMap(Side.init(rawValue:)) { self.draft.processes[i].side = s }
                }
            default:
                result = try optionalProcessField(f, index: i, position: position, prompt: prompt)
            }
            switch result {
            case .next, .pass: index += 1
            case .back:
                if index == 0 {
                    if adding, draft.processes[i].name.isEmpty { draft.processes.remove(at: i); try save() }
                    return nil
                }
                index -= 1
            case .quit, .ended: return result
            }
        }
        return nil
    }

    /// The optional process fields: skip leaves them unknown, which scores as the worst case.
    func optionalProcessField(_ f: Question, index i: Int, position: String, prompt: String) throws -> StepResult {
        let p = draft.processes[i]
        let help = (f.help ?? "") + " " + L("cli.processes.skip_help")
        switch f.id {
        case "volume_per_week":
            return try field(position: position, text: prompt, help: help, current: p.volumePerWeek.map { Format.number($0) }, skippable: true,
                             parse: Parse.number(unit: L("cli.unit.cases_per_week"), example: "400", min: 0)) { self.draft.processes[i].volumePerWeek = $0 }
        case "exception_share":
            return try field(position: position, text: prompt, help: help, current: p.exceptionShare.map { Format.number($0) }, skippable: true,
                             parse: Parse.share) { self.draft.processes[i].exceptionShare = $0; self.draft.processes[i].markStated(f.id) }
        case "high_severity_errors_possible":
            return try field(position: position, text: prompt + " " + L("cli.hint.yes_no"), help: help,
                             current: p.highSeverityErrorsPossible.map { L($0 ? "cli.yes" : "cli.no") },
                             skippable: true, parse: Parse.yesNo) {
                self.draft.processes[i].highSeverityErrorsPossible = $0; self.draft.processes[i].markStated(f.id)
            }
        case "downtime_hours_per_year", "cost_per_downtime_hour", "scrap_cost_per_year":
            let keyPath: WritableKeyPath<InventoryProcess, Double?> = f.id == "downtime_hours_per_year" ? \.downtimeHoursPerYear
                : (f.id == "cost_per_downtime_hour" ? \.costPerDowntimeHour : \.scrapCostPerYear)
            return try field(position: position, text: prompt, help: (f.help ?? "") + " " + L("cli.processes.skip_if_unknown"),
                             current: p[keyPath: keyPath].map { Format.number($0) },
                             skippable: true, parse: Parse.number(unit: f.unit ?? L("cli.unit.number"), example: "120", min: 0,
                                                                  max: f.max)) { self.draft.processes[i][keyPath: keyPath] = $0 }
        case "department", "owner_candidate":
            let current = f.id == "department" ? p.department : p.ownerCandidate
            return try field(position: position, text: prompt, help: help, current: current, skippable: true, parse: Parse.text) { v in
                if f.id == "department" { self.draft.processes[i].department = v } else { self.draft.processes[i].ownerCandidate = v }
            }
        default:
            let keyPath: WritableKeyPath<InventoryProcess, String?>
            switch f.id {
            case "system_of_record": keyPath = \.systemOfRecord
            case "write_back": keyPath = \.writeBack
            case "input_structure": keyPath = \.inputStructure
            default: return .next
            }
            return try field(position: position, text: prompt, help: help,
                             current: p[keyPath: keyPath].flatMap { v in f.choices.firstIndex { $0.value == v }.map { "\($0 + 1)" } },
                             skippable: true, choices: f.choices,
                             parse: Parse.choice(f.choices)) { self.draft.processes[i][keyPath: keyPath] = $0; self.draft.processes[i].markStated(f.id) }
        }
    }
}
