import Foundation
import MaturityCore
import MaturityStore

/// The process-inventory section: a short menu, then one process at a time, or one typed line.
extension Interview {
    enum Menu { case add, edit(Int), remove(Int), done, importFile(String), line(String) }

    func menu(_ title: String, items: [String], noun: String, canImport: Bool = false) -> Reply<Menu> {
        terminal.heading("\(title) (\(items.count))")
        for (i, item) in items.enumerated() { terminal.say("  \(i + 1). \(item)") }
        let commands = canImport ? "a process as name, hours, cases, system; add; import FILE; edit N; or done" : "add, edit N, remove N, or done"
        let importHelp = canImport ? " Fastest: type a whole process on one line, like Quote prep, 40h, 300/wk, ERP; the other fields take sensible defaults you can edit. Type import processes.xlsx (or .csv) to read a spreadsheet; add --sheet NAME for a workbook's other sheets." : ""
        let prompt = Prompt<Menu>(
            position: "[\(title)]", text: commands, help: "Type add to describe a new \(noun); edit 2 or remove 2 to change the second; done (or Enter) to go on.\(importHelp)",
            defaultText: "done", skippable: false,
            parse: { s in
                if canImport, s.lowercased().hasPrefix("import ") {
                    let path = s.dropFirst("import ".count).trimmingCharacters(in: .whitespaces)
                    if !path.isEmpty { return .success(.importFile(path)) }
                }
                // "Quote prep, 40h, 300/wk, ERP": a whole process on one line.
                if canImport, s.contains(",") { return .success(.line(s)) }
                let words = s.lowercased().split(separator: " ")
                let number = words.count == 2 ? Int(words[1]) : nil
                switch words.first.map(String.init) {
                case "add", "a": return .success(.add)
                case "done", "d": return .success(.done)
                case "edit", "e":
                    if let n = number, (1...max(1, items.count)).contains(n), !items.isEmpty { return .success(.edit(n - 1)) }
                case "remove", "r":
                    if let n = number, (1...max(1, items.count)).contains(n), !items.isEmpty { return .success(.remove(n - 1)) }
                default: break
                }
                return .failure(PromptError("Type add, edit N, remove N (N from 1 to \(items.count)), or done."))
            })
        return terminal.ask(prompt)
    }

    func processes() throws -> StepResult {
        if draft.processes.isEmpty, let earlier = previous?.processes, !earlier.isEmpty { draft.processes = earlier; try save() }
        terminal.note("The process inventory: office work an agent could take over. Ten to twenty processes make a good ranking.")
        while true {
            let items = draft.processes.map { "\($0.name): \(Format.number($0.hoursPerWeek)) h/week, \($0.side.rawValue)" }
            switch menu("Processes", items: items, noun: "process", canImport: true) {
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
                terminal.say("  Removed \(draft.processes.remove(at: i).name).")
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
            terminal.warn("  Start the line with the process name, like Quote prep, 40h, 300/wk, ERP.")
            return
        }
        if draft.processes.contains(where: { $0.name.lowercased() == parsed.name.lowercased() }) {
            terminal.warn("  \(parsed.name) is already listed; edit it by its number.")
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
            let position = "[Process \(i + 1) · \(index + 1) of 4]"
            let prompt = words(f.prompt) + (f.unit.map { " (\($0))" } ?? "")
            let p = draft.processes[i]
            let result: StepResult
            switch id {
            case "name":
                result = try field(position: position, text: prompt, help: "What the team calls the work. Or type the whole process on one line: Quote prep, 40h, 300/wk, ERP.",
                                   current: p.name.isEmpty ? nil : p.name, skippable: false, parse: Parse.text) { self.draft.processes[i].name = $0 ?? "" }
            case "hours_per_week":
                result = try field(position: position, text: prompt, help: "All the staff hours the process takes in a week, like 12.5.",
                                   current: p.hoursPerWeek == 0 ? nil : Format.number(p.hoursPerWeek), skippable: false,
                                   parse: Parse.number(unit: "hours per week", example: "12.5", min: 0, max: f.max)) { self.draft.processes[i].hoursPerWeek = $0 ?? 0 }
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

    /// One line that shows what was typed and what was assumed, so a wrong default is caught.
    func echo(_ i: Int) {
        let p = draft.processes[i]
        var typed = ["\(Format.number(p.hoursPerWeek)) h/week"]
        typed.append(p.volumePerWeek.map { "\(Format.number($0)) cases/week" } ?? "cases unknown")
        typed.append(Words.system(p.systemOfRecord, questionnaire))
        let assumed = [p.department.map { "department \($0)" }, p.side.rawValue, "writes back by \(p.writeBack?.replacingOccurrences(of: "_", with: " ") ?? "nothing yet")",
                       "\(p.inputStructure ?? "semi")-structured input", p.exceptionShare.map { "\(Format.percent($0)) exceptions" },
                       p.highSeverityErrorsPossible == true ? "an error could stop the line" : "no line-stopping errors",
                       p.ownerCandidate.map { "owner \($0)" } ?? "no owner yet"].compactMap { $0 }
        terminal.say("  \(i + 1). \(p.name): " + typed.joined(separator: ", ") + terminal.dim(" · assumed: " + assumed.joined(separator: ", ") + " (edit \(i + 1) to change)"))
    }

    /// After the inventory: which process each agent automates, by number.
    func linkAgentsToProcesses() throws -> StepResult? {
        let names = draft.processes.map(\.name)
        guard !names.isEmpty else { return nil }
        for i in draft.agents.indices where draft.agents[i].status != .retired {
            let current = draft.agents[i].process
            if let current, names.contains(where: { $0.lowercased() == current.lowercased() }) { continue }
            terminal.say("  Which process does \(draft.agents[i].name) automate?")
            for (n, name) in names.enumerated() { terminal.say("    \(n + 1). \(name)") }
            let prompt = Prompt<String>(position: "[Agents]", text: "Process number, or Enter for none listed",
                                        help: "Linking an agent to its process lets the ranking know that work is automated, and sets its dollars beside the estimate.",
                                        defaultText: nil, skippable: true, parse: { s in
                                            if let n = Int(s), (1...names.count).contains(n) { return .success(names[n - 1]) }
                                            if let match = names.first(where: { $0.lowercased() == s.lowercased() }) { return .success(match) }
                                            return .failure(PromptError("\(s) is not in the inventory; type a number from 1 to \(names.count), or Enter if it is not listed."))
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
            terminal.say("  Imported \(Words.count(imported.rows.count, "row")): \(summary.added.count) added, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged.")
            if !imported.ignoredColumns.isEmpty { terminal.say("  Ignored columns: \(imported.ignoredColumns.joined(separator: ", "))") }
            for note in imported.notes { terminal.say("  \(note)") }
            for warning in imported.warnings { terminal.warn("  \(warning)") }
            if summary.assumedFields > 0 { terminal.say("  Assumed \(Words.count(summary.assumedFields, "field")) the sheet left unknown (marked assumed).") }
            for d in summary.nearDuplicates {
                terminal.warn("  Row \(d.row) \"\(d.name)\" looks like \"\(d.existing)\" (\(d.reason)); not added. Edit the sheet, or import it with: maturity inventory import \(path) --into \(self.path) --merge-into \"\(d.name)=\(d.existing)\"")
            }
        } catch let failure as ImportFailure {
            terminal.warn("  Nothing imported; fix these and try again:")
            for problem in failure.problems { terminal.warn("  \(problem)") }
        } catch let e as ImportError {
            terminal.warn("  Nothing imported: \(e.description)")
        } catch let e as StoreError {
            terminal.warn("  Nothing imported: \(e.description)")
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
            let position = "[Process \(i + 1) · \(index + 1) of \(fields.count)]"
            let prompt = words(f.prompt) + (f.unit.map { " (\($0))" } ?? "")
            let result: StepResult
            switch f.id {
            case "name":
                result = try field(position: position, text: prompt, help: "What the team calls the work.", current: p.name.isEmpty ? nil : p.name,
                                   skippable: false, parse: Parse.text) { self.draft.processes[i].name = $0 ?? "" }
            case "hours_per_week":
                result = try field(position: position, text: prompt, help: "All the staff hours the process takes in a week, like 12.5.",
                                   current: adding && p.hoursPerWeek == 0 ? nil : Format.number(p.hoursPerWeek), skippable: false,
                                   parse: Parse.number(unit: "hours per week", example: "12.5", min: 0, max: f.max)) { self.draft.processes[i].hoursPerWeek = $0 ?? 0 }
            case "side":
                result = try field(position: position, text: prompt, help: f.help, current: f.choices.firstIndex { $0.value == p.side.rawValue }.map { "\($0 + 1)" },
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
        let help = (f.help ?? "") + " Skip if unknown; the questionnaire's assumption is used and marked assumed, or else it is scored as the worst case."
        switch f.id {
        case "volume_per_week":
            return try field(position: position, text: prompt, help: help, current: p.volumePerWeek.map { Format.number($0) }, skippable: true,
                             parse: Parse.number(unit: "cases per week", example: "400", min: 0)) { self.draft.processes[i].volumePerWeek = $0 }
        case "exception_share":
            return try field(position: position, text: prompt, help: help, current: p.exceptionShare.map { Format.number($0) }, skippable: true,
                             parse: Parse.share) { self.draft.processes[i].exceptionShare = $0; self.draft.processes[i].markStated(f.id) }
        case "high_severity_errors_possible":
            return try field(position: position, text: prompt + " (y/n)", help: help, current: p.highSeverityErrorsPossible.map { $0 ? "yes" : "no" },
                             skippable: true, parse: Parse.yesNo) { self.draft.processes[i].highSeverityErrorsPossible = $0; self.draft.processes[i].markStated(f.id) }
        case "downtime_hours_per_year", "cost_per_downtime_hour", "scrap_cost_per_year":
            let keyPath: WritableKeyPath<InventoryProcess, Double?> = f.id == "downtime_hours_per_year" ? \.downtimeHoursPerYear
                : (f.id == "cost_per_downtime_hour" ? \.costPerDowntimeHour : \.scrapCostPerYear)
            return try field(position: position, text: prompt, help: (f.help ?? "") + " Skip if unknown.", current: p[keyPath: keyPath].map { Format.number($0) },
                             skippable: true, parse: Parse.number(unit: f.unit ?? "a number", example: "120", min: 0, max: f.max)) { self.draft.processes[i][keyPath: keyPath] = $0 }
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
                             skippable: true, choices: f.choices, parse: Parse.choice(f.choices)) { self.draft.processes[i][keyPath: keyPath] = $0; self.draft.processes[i].markStated(f.id) }
        }
    }
}
