import MaturityCore
import Yams

extension QuestionnaireLoader {
    /// `parameters.assumed_when_unknown`: optional; a key left out assumes nothing for that field
    /// once the block is there, and no block keeps the shipped assumptions.
    static func assumptions(_ r: YAMLReader, _ p: Fields, feasibility: FeasibilityPoints) -> Assumptions {
        var a = Assumptions()
        guard p.has("assumed_when_unknown"),
              let f = r.mapping(p["assumed_when_unknown"], p.path("assumed_when_unknown"), allowed: Assumptions.fieldIDs) else { return a }
        a.writeBackBySystem = [:]
        a.inputStructure = nil
        a.exceptionShare = nil
        a.highSeverityErrorsPossible = nil
        // Keyed by system of record; a system the feasibility table lacks is reported there, not twice.
        if f.has("write_back"), let m = r.mapping(f["write_back"], f.path("write_back"), allowed: nil) {
            let paths = Array(feasibility.writeBack.keys).sorted()
            for key in m.order {
                if let node = m[key], let v = r.choiceValue(node, m.path(key), allowed: paths) { a.writeBackBySystem[key] = v }
            }
        }
        a.inputStructure = r.choice(f, "input_structure", allowed: Array(feasibility.inputStructure.keys).sorted())
        a.exceptionShare = r.double(f, "exception_share", min: 0, max: 1)
        a.highSeverityErrorsPossible = r.bool(f, "high_severity_errors_possible")
        return a
    }
}
