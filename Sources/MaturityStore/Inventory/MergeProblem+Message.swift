import MaturityCore

/// What a row the merge cannot take says, in the words of the other import errors.
extension MergeProblem {
    public var message: String {
        switch self {
        case .mergeTargetMissing(let file, let row, let target):
            return "\(file): row \(row): --merge-into names \"\(target)\", which is not in the inventory; give an existing process name"
        case .hoursMissing(let file, let row):
            return "\(file): row \(row), column \"hours per week\": empty or unreadable; a new process needs its hours per week, like 12.5"
        }
    }
}
