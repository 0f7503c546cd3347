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
            "straight_weeks": Words.number(rung?.straightWeeks ?? self.rung(.autoWithExceptions)?.straightWeeks ?? 3),
            "roi_minimum": Format.multiple(roiMinimum),
            "auto_approve_accuracy": Format.percent(slo.autoApproveAccuracy),
            "page_owner_below": Format.percent(slo.pageOwnerBelow),
            "rolling_window": Format.number(Double(slo.rollingWindowTransactions)),
            "exception_queue_hours": Format.number(slo.exceptionQueueBusinessHours),
            "high_severity_allowed": Words.number(rung?.highSeverityAllowed ?? slo.highSeverityErrorsAllowed),
            "plan_days": Format.number(Double(planDays)),
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
