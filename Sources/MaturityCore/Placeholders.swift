/// Prose in the questionnaire that states a number names the parameter instead, as
/// `{min_cases}`, so that editing the parameter changes every sentence that says it.
extension Parameters {
    /// Every name a questionnaire sentence may use, and where its value comes from.
    public static let placeholderNames: [String] = [
        "min_cases", "min_match", "min_rate", "straight_weeks", "roi_minimum", "auto_approve_accuracy",
        "page_owner_below", "rolling_window", "exception_queue_hours", "high_severity_allowed", "plan_days",
    ]

    /// The values, as a reader sees them ("500", "90%", "3x", "three"); `rung` supplies the rung's
    /// own rate, weeks and cases where it has them.
    public func placeholderValues(rung: Rung? = nil) -> [String: String] {
        var values = [
            "min_cases": Format.number(Double(rung?.minCases ?? shadowGate.minCases)),
            "min_match": Format.percent(shadowGate.minMatch),
            "roi_minimum": Format.multiple(roiMinimum),
            "auto_approve_accuracy": Format.percent(slo.autoApproveAccuracy),
            "page_owner_below": Format.percent(slo.pageOwnerBelow),
            "rolling_window": Format.number(Double(slo.rollingWindowTransactions)),
            "exception_queue_hours": Format.number(slo.exceptionQueueBusinessHours),
            "high_severity_allowed": Words.number(rung?.highSeverityAllowed ?? slo.highSeverityErrorsAllowed),
            "plan_days": Format.number(Double(planDays)),
        ]
        values["min_rate"] = (rung?.minRate).map(Format.percent) ?? values["min_match"]
        values["straight_weeks"] = Words.number(rung?.straightWeeks ?? self.rung(.autoWithExceptions)?.straightWeeks ?? 3)
        return values
    }

    /// `text` with each `{name}` replaced by its value; a name it does not know is left as written
    /// (the questionnaire check reports it, so a shipped questionnaire has none).
    public func fill(_ text: String, rung: Rung? = nil) -> String {
        guard text.contains("{") else { return text }
        let values = placeholderValues(rung: rung)
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The `{names}` in `text` that are not placeholders.
    public static func unknownPlaceholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholderNames.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
