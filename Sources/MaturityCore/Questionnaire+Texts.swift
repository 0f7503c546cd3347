/// The words of a questionnaire a reader sees, each under a stable key, so a language can give its
/// own: `q.stage.1.summary`, `q.question.ai_pilots.prompt`, `q.question.ai_pilots.choice.none`,
/// `q.rung.shadow.gate`. A translation is the phrase table's `q.` entries (phrases/<language>.yaml).
extension Questionnaire {
    /// The prefix every questionnaire key carries in a phrase table.
    public static let textPrefix = "q."

    /// Every text by key, in the order the file gives them.
    public var texts: [(key: String, text: String)] {
        var out: [(String, String)] = []
        _ = mapTexts { key, text in
            out.append((key, text))
            return text
        }
        return out
    }

    /// The questionnaire with each text replaced by `translate(key, text)`; ids, numbers and rules stay.
    public func mapTexts(_ translate: (String, String) -> String) -> Questionnaire {
        var q = self
        func t(_ key: String, _ text: String) -> String { translate(Self.textPrefix + key, text) }
        func t(_ key: String, _ text: String?) -> String? { text.map { t(key, $0) } }
        q.title = t("title", title)
        q.stages = stages.map { s in
            var s = s
            let k = "stage.\(s.level)."
            s.name = t(k + "name", s.name)
            s.summary = t(k + "summary", s.summary)
            s.looksLike = t(k + "looks_like", s.looksLike)
            s.trap = t(k + "trap", s.trap)
            s.move = t(k + "move", s.move)
            s.notYet = s.notYet.enumerated().map { i, n in
                NotYet(what: t(k + "not_yet.\(i + 1).what", n.what), why: t(k + "not_yet.\(i + 1).why", n.why))
            }
            return s
        }
        func fields(_ list: [Question], _ kind: String) -> [Question] {
            list.map { f in
                var f = f
                let k = "\(kind).\(f.id)."
                f.section = t(k + "section", f.section)
                f.prompt = t(k + "prompt", f.prompt)
                f.help = t(k + "help", f.help)
                f.unit = t(k + "unit", f.unit)
                f.short = t(k + "short", f.short)
                f.choices = f.choices.map { Choice(value: $0.value, label: t(k + "choice.\($0.value)", $0.label)) }
                return f
            }
        }
        q.questions = fields(questions, "question")
        q.agentFields = fields(agentFields, "agent_field")
        q.processFields = fields(processFields, "process_field")
        q.gateBars = gateBars.map { b in
            GateBar(id: b.id, label: t("bar.\(b.id).label", b.label), help: t("bar.\(b.id).help", b.help))
        }
        q.governance = governance.map { h in
            var h = h
            h.habit = t("habit.\(h.id).habit", h.habit)
            h.cadence = t("habit.\(h.id).cadence", h.cadence)
            h.question = t("habit.\(h.id).question", h.question)
            return h
        }
        q.sources = sources.enumerated().map { i, s in
            Source(fact: t("source.\(i + 1).fact", s.fact), source: t("source.\(i + 1).source", s.source))
        }
        q.parameters.trustLadder = parameters.trustLadder.map { r in
            var r = r
            r.title = t("rung.\(r.id).title", r.title)
            r.gate = t("rung.\(r.id).gate", r.gate)
            return r
        }
        q.parameters.goNoGo = parameters.goNoGo.map { GoNoGoCheck(id: $0.id, question: t("go_no_go.\($0.id).question", $0.question)) }
        q.parameters.ownerDuties = parameters.ownerDuties.enumerated().map { i, d in t("owner_duty.\(i + 1)", d) }
        return q
    }
}
