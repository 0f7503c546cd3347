import MaturityCore

/// What is wrong at one place in a file, one case per kind, so tests pin the kind and its values;
/// `message` is the sentence a person reads (the file and line are the `Diagnostic`'s). Rules
/// particular to one kind of file (a repeated process name, a missing hourly rate) are `rule`.
public enum FileProblem: Sendable, Equatable {
    case emptyFile
    case notYAML(String)
    /// An alias (`*name`) used as a mapping key: each one multiplies the work of reading the file.
    case aliasAsKey(String)
    case tooManyAliases(count: Int, limit: Int)
    case yamlSyntax(String)
    case duplicateKey([String])
    case notAMapping(path: String, found: String)
    case keyNotText(path: String)
    case unknownKey(path: String, allowed: [String], suggestion: String?)
    case notAList(path: String, found: String)
    case notAValue(path: String, found: String)
    case missing(path: String, expected: String)
    case empty(path: String)
    case notYesNo(path: String, value: String)
    case notANumber(path: String, value: String, unit: String, example: String)
    case notWhole(path: String, value: String)
    case belowMinimum(path: String, value: String, minimum: String)
    case aboveMaximum(path: String, value: String, maximum: String, range: String?)
    case notAChoice(path: String, value: String, allowed: [String])
    case notADate(path: String, value: String)
    /// A count given with a fraction: `ai_pilots: 2.5`.
    case fractional(path: String, value: String)
    case newerVersion(found: Int, supported: Int)
    case badID(path: String, value: String)
    /// An assessment names its questionnaire by id, never by path.
    case badQuestionnaireID(String)
    case questionnaireUnavailable(id: String, reason: String)
    case notAQuestion(path: String, id: String, questionnaire: String)
    case badCurrency(String)
    case hourlyRateMissing
    case tooMany(list: String, count: Int, limit: Int, fix: String?)
    case repeatedName(list: String, index: Int, name: String, first: Int, noun: String)
    case unknownProcess(path: String, process: String, names: [String])
    case nearDuplicate(path: String, name: String, other: String, reason: ProcessNames.Reason)
    case planBeforeAssessed(plan: String, assessed: String)
    case interviewUnfinished(file: String)
    case minAboveMax(min: String, max: String)
    case missingList(path: String)
    case mustBePositive(path: String)
    case emptyList(path: String, fix: String)
    case notAWeekday(String)
    case badOpeningHours(String)
    case notAHoliday(String)
    case unknownTimeZone(String)
    case logoNotDataURI
    case notAColour(key: String, value: String)
    case colourTooLight(key: String, value: String, contrast: String)
    case rule(String)

    public var message: String {
        switch self {
        case .emptyFile: return say("file.empty_file", [:], "the file is empty; expected a YAML mapping")
        case .aliasAsKey(let alias): return "the alias \(alias) is used as a key; write the key out (aliases may only stand for values)"
        case .tooManyAliases(let count, let limit): return "the file uses \(count) aliases (*name); at most \(limit) are read, so write the repeated values out"
        case .notYAML(let reason): return "not valid YAML (\(reason))"
        case .yamlSyntax(let text):
            return say("file.yaml_syntax", ["text": text], "YAML syntax: {text}; check indentation, colons and quotes on this line or the one before")
        case .duplicateKey(let keys):
            return say("file.duplicate_key", ["key": keys.joined(separator: ", ")], "the key {key} appears twice in one mapping; keep one")
        case .notAMapping(let path, let found): return "\(path.isEmpty ? "the file" : path) should be a mapping of key: value lines; found \(found)"
        case .keyNotText(let path): return "\(path) has a key that is not text"
        case .unknownKey(let path, let allowed, let suggestion):
            if let suggestion {
                return say("file.unknown_key_suggest", ["path": path, "suggestion": suggestion, "allowed": allowed.joined(separator: ", ")],
                           "{path} is not a known key (did you mean {suggestion}?); allowed keys: {allowed}")
            }
            return say("file.unknown_key", ["path": path, "allowed": allowed.joined(separator: ", ")], "{path} is not a known key; allowed keys: {allowed}")
        case .notAList(let path, let found): return "\(path) should be a list (lines starting with \"- \"); found \(found)"
        case .notAValue(let path, let found): return "\(path) should be a single value; found \(found)"
        case .missing(let path, let expected): return say("file.missing", ["path": path, "expected": expected], "{path} is missing; add it ({expected})")
        case .empty(let path): return say("file.empty", ["path": path], "{path} is empty; it needs a value")
        case .notYesNo(let path, let value):
            return say("file.not_yes_no", ["path": path, "value": value],
                       "{path} is \"{value}\"; expected yes or no (also y/n, true/false, on/off, 1/0, or x for yes)")
        case .notANumber(let path, let value, let unit, let example):
            return say("file.not_a_number", ["path": path, "value": value, "unit": Self.unit(unit), "example": example],
                       "{path} is \"{value}\"; expected {unit}, like {example}")
        case .notWhole(let path, let value):
            return say("file.not_whole", ["path": path, "value": value], "{path} is \"{value}\"; expected a whole number, like 3")
        case .belowMinimum(let path, let value, let minimum):
            return say("file.below_minimum", ["path": path, "value": value, "minimum": minimum], "{path} is {value}; it must be at least {minimum}")
        case .aboveMaximum(let path, let value, let maximum, let range):
            return "\(path) is \(value); it must be at most \(maximum)\(range.map { " (\($0))" } ?? "")"
        case .notAChoice(let path, let value, let allowed):
            let or = say("file.or", [:], "or")
            return say("file.not_a_choice", ["path": path, "value": value, "allowed": Format.list(allowed, conjunction: or)],
                       "{path} is \"{value}\"; expected {allowed}")
        case .notADate(let path, let value):
            return say("file.not_a_date", ["path": path, "value": value],
                       "{path} is \"{value}\"; expected a date between 1900 and 2199, like 2026-11-20 or 20.11.2026")
        case .fractional(let path, let value):
            return say("file.fractional", ["path": path, "value": value], "{path} is {value}; expected a whole number, like 2")
        case .newerVersion(let found, let supported): return "version is \(found), newer than this maturity reads (\(supported)); upgrade maturity"
        case .badID(let path, let value): return "\(path) is \"\(value)\"; use lower-case letters, digits, - and _ (it names the file)"
        case .badQuestionnaireID(let value):
            return "questionnaire is \"\(value)\"; expected an id such as ai-maturity-manufacturing (lower-case letters, digits, - and _); "
                   + "to use a questionnaire file, pass --questionnaire PATH"
        case .questionnaireUnavailable(let id, let reason): return "questionnaire is \"\(id)\"\(reason)"
        case .notAQuestion(let path, let id, let q): return "\(path) is \"\(id)\", which is not a question of \(q)"
        case .badCurrency(let value):
            return say("file.bad_currency", ["value": value], "organization.currency is \"{value}\"; expected a three-letter code like USD or EUR")
        case .hourlyRateMissing:
            return say("file.hourly_rate_missing", [:],
                       "organization.loaded_hourly_rate is missing; processes are valued with it (a loaded cost per staff hour, like 48)")
        case .tooMany(let list, let count, let limit, let fix):
            return "\(list) lists \(Format.grouped(Double(count))) \(list); the limit is \(Format.grouped(Double(limit)))\(fix.map { ": \($0)" } ?? "")"
        case .repeatedName(let list, let index, let name, let first, let noun):
            return say("file.repeated_name", ["list": list, "index": String(index), "name": name, "first": String(first)],
                       "{list}[{index}].name \"{name}\" repeats {list}[{first}]; give each one its own name",
                       english: "\(list)[\(index)].name \"\(name)\" repeats \(list)[\(first)]; give each \(noun) its own name")
        case .nearDuplicate(let path, let name, let other, let reason):
            return say("file.near_duplicate", ["path": path, "name": name, "other": other, "reason": reason.message],
                       "{path} \"{name}\" looks like the process \"{other}\" ({reason}); if they are one process, merge them into one entry (keep the better figures and delete the other), or rename one so they differ")
        case .unknownProcess(let path, let process, let names):
            let shown = names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", and \(names.count - 10) more" : "")
            return "\(path) is \"\(process)\", which names no process in the inventory; the ranking cannot tell that this work is automated (names: \(shown))"
        case .planBeforeAssessed(let plan, let assessed):
            return say("file.plan_before_assessed", ["plan": plan, "assessed": assessed],
                       "plan_starts_on ({plan}) is before assessed_on ({assessed}); the plan's first weeks are already past")
        case .interviewUnfinished(let file):
            return say("file.interview_unfinished", ["file": file],
                       "the interview that writes this file is not finished; continue it with: maturity assess --output {file} --resume")
        case .minAboveMax(let min, let max): return "\(min) is above \(max)"
        case .missingList(let path): return "\(path) is missing; add the list"
        case .mustBePositive(let path): return "\(path) must be above 0"
        case .emptyList(let path, let fix): return "\(path) is empty; \(fix)"
        case .notAWeekday(let value): return "workdays has \"\(value)\"; expected mon, tue, wed, thu, fri, sat or sun"
        case .badOpeningHours(let value): return "hours is \"\(value)\"; expected opening and closing times like \"08:00-17:00\""
        case .notAHoliday(let value): return "holidays has \"\(value)\"; expected a date like 2026-12-25"
        case .unknownTimeZone(let value): return "timezone is \"\(value)\"; expected an IANA time zone name like America/Los_Angeles or Europe/Berlin"
        case .logoNotDataURI: return "logo must be a data URI like data:image/png;base64,...; a link to a file would break the offline report"
        case .notAColour(let key, let value): return "\(key) is \"\(value)\"; expected a colour like \"#1f4e79\" (quote it: YAML reads # as a comment)"
        case .colourTooLight(let key, let value, let contrast):
            return "\(key) \(value) is too light for white text (contrast \(contrast):1, needs 4.5:1); pick a darker colour"
        case .rule(let message): return message
        }
    }
}

extension FileProblem {
    /// A message in the run's language: the translation under `key` (phrases/<language>.yaml),
    /// else the English `template`, with each `{name}` filled. `english` is the English text when
    /// it says more than the template can (a noun only English inflects).
    func say(_ key: String, _ args: [String: String], _ template: String, english: String? = nil) -> String {
        guard let translated = Language.current.messages[key] else { return english ?? Self.fill(template, args) }
        return Self.fill(translated, args)
    }

    /// A unit the checker names ("money per year", "a whole number") in the run's language
    /// (`file.unit.money_per_year`), else as given.
    static func unit(_ english: String) -> String {
        let key = "file.unit." + english.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return Language.current.messages[key] ?? english
    }

    static func fill(_ template: String, _ args: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            out += args[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
