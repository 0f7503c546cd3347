import MaturityCore

/// What a questionnaire problem says to the person who wrote the file. Core names the problem and
/// its values; the words are here, beside the other file messages (FileProblem), so they can be
/// said in another language without touching the engine.
extension ContentProblem {
    public var message: String {
        switch self {
        case .duplicateID(_, let id): return "id \"\(id)\" is used more than once; ids must be unique"
        case .unknownHabitAnswer(let habit, let answer): return "habit \"\(habit)\" names answer \"\(answer)\", which is not a question id"
        case .missingStage(let level): return "stage \(level) is missing; the model needs stages 0 to 4"
        case .stageOutOfRange(let level): return "stage level \(level) is outside 0 to 4"
        case .missingQuestion(let id, let type): return "question \"\(id)\" is missing; the placement rules read it (type \(type.rawValue))"
        case .wrongQuestionType(let id, let has, let needs): return "question \"\(id)\" has type \(has.rawValue); the placement rules need \(needs.rawValue)"
        case .missingChoice(let id, let value): return "question \"\(id)\" lacks the choice \"\(value)\"; the placement rules compare against it"
        case .noChoices(let id): return "question \"\(id)\" is a choice with no choices"
        case .missingGateBar(let id): return "gate bar \"\(id)\" is missing; the production gate has five bars"
        case .missingRung(let id): return "rung \"\(id)\" is missing; the plan climbs setup, shadow, approve_each, auto_with_exceptions, production_owned"
        case .rungsOutOfOrder: return "rungs are out of order; expected setup, shadow, approve_each, auto_with_exceptions, production_owned"
        case .rungGateMissing(let rung, let field): return "rung \"\(rung)\" has no \(field); its gate is judged on it"
        case .rungTooShort(let rung, let weeks): return "rung \"\(rung)\" lasts \(weeks) weeks; it needs at least 1"
        case .missingProcessField(let id): return "process field \"\(id)\" is missing; feasibility scores it"
        case .missingTableEntry(_, let value, let field): return "no entry for \"\(value)\" (a choice of process field \(field)); add it"
        case .unknownTableEntry(_, let value, let field, let allowed):
            return "\"\(value)\" is not a choice of process field \(field); allowed: \(allowed.joined(separator: ", "))"
        case .missingSidePoints(let side): return "no points for side \"\(side)\"; add it"
        case .automatableShare(let v): return "automatable_share is \(Format.number(v)); expected a share above 0 and at most 1"
        case .roiMinimumNotPositive: return "roi_minimum must be above 0"
        case .negativeExceptionFTE: return "exception_fte min must not be negative"
        case .badScaledCost(let name): return "\(name) needs 0 <= min <= max and full_scale_volume_per_week above 0"
        case .feasibilityAllZero: return "feasibility points add up to 0; the best answers must score above 0"
        case .badShadowGate: return "shadow_gate needs min_cases of at least 1 and low_volume_per_week above 0"
        case .shadowCasesDiffer(let rung, let gate):
            return "the shadow rung asks for \(rung) cases but shadow_gate.min_cases is \(gate); the plan and the ladder must count the same cases, "
                   + "so set both to one number"
        case .shadowRateDiffers(let rung, let gate):
            return "the shadow rung's min_rate \(Format.number(rung)) differs from shadow_gate.min_match \(Format.number(gate)); set both to one number"
        case .unknownParameterPlaceholder(_, let name, let allowed):
            return "{\(name)} is not a parameter this text can name; use one of \(allowed.map { "{\($0)}" }.joined(separator: ", "))"
        case .unknownPlaceholder(_, let name, let allowed):
            return "{\(name)} is not a number this text can name; use one of \(allowed.map { "{\($0)}" }.joined(separator: ", "))"
        case .outOfRange(let path, let value, let range, let unit):
            return "\(path) is \(Format.number(value)); expected \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))\(unit.suffix)"
        case .noGoNoGoQuestions: return "go_no_go has no questions; the go/no-go needs at least one"
        }
    }


    public var text: String { "\(path): \(message)" }
}

extension RangeUnit {
    /// The words after a range: " hours a month", " (a share: 0.92 is 92%)"; nothing for a bare number.
    var suffix: String {
        switch self {
        case .plain: return ""
        case .hours: return " hours"
        case .fte: return " FTE"
        case .hoursPerMonth: return " hours a month"
        case .share(let example): return " (a share: \(Format.number(example)) is \(Format.number(example * 100))%)"
        }
    }
}
