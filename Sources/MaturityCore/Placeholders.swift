/// Prose in the questionnaire that states a number names the parameter instead, as
/// `{min_cases}`, so that editing the parameter changes every sentence that says it.
extension Parameters {
    /// The values, as a reader sees them ("500", "90%", "3x", "three"), by the name a sentence
    /// uses; `rung` supplies the rung's own rate, weeks and cases where it has them. The keys are
    /// every name a questionnaire sentence may use.
    public func placeholderValues(rung: Rung? = nil) -> [String: String] {
        [
            "min_cases": Format.number(Double(rung?.minCases ?? shadowGate.minCases)),
            "min_match": Format.percent(shadowGate.minMatch),
            "min_rate": Format.percent(rung?.minRate ?? shadowGate.minMatch),
            "straight_weeks": Words.number(rung?.straightWeeks ?? autoStraightWeeks),
            "roi_minimum": Format.multiple(roiMinimum),
            "auto_approve_accuracy": Format.percent(slo.autoApproveAccuracy),
            "page_owner_below": Format.percent(slo.pageOwnerBelow),
            "rolling_window": Format.number(Double(slo.rollingWindowTransactions)),
            "exception_queue_hours": Format.number(slo.exceptionQueueBusinessHours),
            "high_severity_allowed": Words.number(rung?.highSeverityAllowed ?? slo.highSeverityErrorsAllowed),
            "plan_days": Format.number(Double(planDays)),
            "line_portfolio_min": Words.number(linePortfolioMin),
            "line_portfolio_max": Words.number(linePortfolioMax),
        ]
    }

    /// `text` with each `{name}` replaced by its value; a name it does not know is left as written
    /// (the questionnaire check reports it, so a shipped questionnaire has none).
    public func fill(_ text: String, rung: Rung? = nil) -> String {
        guard text.contains("{") else { return text }
        let values = placeholderValues(rung: rung)
        return Self.replacingPlaceholders(in: text) { values[$0] }
    }

    /// The `{names}` in `text` that are not placeholders.
    public func unknownPlaceholders(in text: String) -> [String] {
        let known = placeholderValues()
        var unknown: [String] = []
        _ = Self.replacingPlaceholders(in: text) { name in
            if known[name] == nil { unknown.append(name) }
            return nil
        }
        return unknown
    }

    /// Walks the `{name}`s of `text`, putting in what `value` gives for each (nil keeps it as written).
    static func replacingPlaceholders(in text: String, _ value: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += value(String(rest[rest.index(after: open)..<close])) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// Prose outside the parameters (stages, questions, governance, gate bars) may name a parameter
/// too, and the number of gate bars as `{gate_bar_count}`; the loader fills it once.
extension Questionnaire {
    public func placeholderValues() -> [String: String] {
        var values = parameters.placeholderValues()
        values["gate_bar_count"] = Words.number(gateBars.count)
        return values
    }

    /// Every sentence a placeholder may appear in, by where it sits in the file.
    var prose: [(path: String, text: String)] {
        var out: [(String, String)] = []
        for s in stages {
            let at = "stages.\(s.level)"
            out += [(at, s.summary), (at, s.looksLike), (at, s.trap), (at, s.move)]
            out += s.notYet.flatMap { [(at, $0.what), (at, $0.why)] }
        }
        for q in questions + agentFields + processFields {
            out += [("questions.\(q.id)", q.prompt), ("questions.\(q.id)", q.help ?? "")] + q.choices.map { ("questions.\(q.id)", $0.label) }
        }
        out += governance.flatMap { [("governance.\($0.id)", $0.habit), ("governance.\($0.id)", $0.question)] }
        out += gateBars.flatMap { [("gate_bars.\($0.id)", $0.label), ("gate_bars.\($0.id)", $0.help ?? "")] }
        return out
    }

    /// `{names}` in the prose that are not placeholders, with where each sits.
    public func unknownProsePlaceholders() -> [(path: String, name: String)] {
        let known = placeholderValues()
        var unknown: [(String, String)] = []
        for (path, text) in prose where text.contains("{") {
            _ = Parameters.replacingPlaceholders(in: text) { name in
                if known[name] == nil { unknown.append((path, name)) }
                return nil
            }
        }
        return unknown
    }

    /// This questionnaire with every placeholder in its prose replaced by its value.
    public func fillingProse() -> Questionnaire {
        let values = placeholderValues()
        return mappingProse { text in text.contains("{") ? Parameters.replacingPlaceholders(in: text) { values[$0] } : text }
    }

    /// This questionnaire's prose in a company's currency: no "dollars" in a report kept in euros.
    public func inCurrency(_ code: String) -> Questionnaire {
        code.uppercased() == "USD" ? self : mappingProse { inCurrency($0, code) }
    }

    /// One text in a company's currency by this questionnaire's `money_words`, longest first as the
    /// file lists them; a figure quoted in dollars ($200–2,000) is said in USD.
    public func inCurrency(_ text: String, _ code: String) -> String {
        let code = code.uppercased()
        guard code != "USD", text.range(of: "dollar", options: .caseInsensitive) != nil || text.contains("$") else { return text }
        let name = currencyNames.first { $0.code.uppercased() == code }
        func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
        let names = [("{singular}", name?.singular ?? code), ("{plural}", name?.plural ?? code),
                     ("{Singular}", capitalised(name?.singular ?? code)), ("{Plural}", capitalised(name?.plural ?? code))]
        var out = text
        for word in moneyWords {
            var to = word.to
            for (slot, said) in names where to.contains(slot) { to = to.replacingOccurrences(of: slot, with: said) }
            out = out.replacingOccurrences(of: word.from, with: to)
        }
        return out.replacingOccurrences(of: #"\$(?=[0-9])"#, with: "USD ", options: .regularExpression)
    }

    /// This questionnaire with `fill` applied to every sentence a reader sees.
    public func mappingProse(_ fill: (String) -> String) -> Questionnaire {
        var q = self
        for i in q.stages.indices {
            q.stages[i].summary = fill(q.stages[i].summary)
            q.stages[i].looksLike = fill(q.stages[i].looksLike)
            q.stages[i].trap = fill(q.stages[i].trap)
            q.stages[i].move = fill(q.stages[i].move)
            for j in q.stages[i].notYet.indices {
                q.stages[i].notYet[j].what = fill(q.stages[i].notYet[j].what)
                q.stages[i].notYet[j].why = fill(q.stages[i].notYet[j].why)
            }
        }
        func fillQuestions(_ list: inout [Question]) {
            for i in list.indices {
                list[i].prompt = fill(list[i].prompt)
                list[i].help = list[i].help.map(fill)
                list[i].short = list[i].short.map(fill)
                for j in list[i].choices.indices { list[i].choices[j].label = fill(list[i].choices[j].label) }
            }
        }
        fillQuestions(&q.questions)
        fillQuestions(&q.agentFields)
        fillQuestions(&q.processFields)
        for i in q.governance.indices {
            q.governance[i].habit = fill(q.governance[i].habit)
            q.governance[i].question = fill(q.governance[i].question)
        }
        for i in q.gateBars.indices {
            q.gateBars[i].label = fill(q.gateBars[i].label)
            q.gateBars[i].help = q.gateBars[i].help.map(fill)
        }
        for i in q.sources.indices { q.sources[i].fact = fill(q.sources[i].fact) }
        return q
    }
}
