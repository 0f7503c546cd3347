import Foundation
import MaturityCore

/// Reading a log straight into the ladder's running totals: each case is folded as it is read,
/// so memory holds the case ids (see `CaseIDSet`) and the totals, never the rows.
extension DecisionLogReader {
    /// A case came earlier than the one before it: the rows must be collected and sorted instead.
    struct OutOfOrder: Error {}

    /// Reads the logs and folds their cases, in time order, into `fold`. Files read in time order
    /// (as logs are written) are folded as they stream; when a case goes back in time, or the logs
    /// are a platform's export or not regular files, the cases are collected and sorted first, as
    /// `read(paths:options:)` does. Either way `fold` sees the same cases in the same order, and
    /// nothing is folded unless the log is clean. The result's `cases` is empty.
    public static func read(paths: [String], options: Options, into fold: inout LadderFold) throws -> Result {
        if paths.allSatisfy(isRegularFile) {
            do {
                let state = try read(paths: paths, state: State(options: options, fold: fold))
                if let folded = state.fold {
                    fold = folded
                } else {
                    fold.add(contentsOf: state.cases)
                }
                return state.result(cases: [])
            } catch is OutOfOrder {
                // Read again, collecting: the rows come back sorted.
            }
        }
        let state = try read(paths: paths, state: State(options: options))
        fold.add(contentsOf: state.cases)
        return state.result(cases: [])
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

extension DecisionLogReader.State {
    /// A case read: collected, or folded in time order. While a slashed date's order is unknown its
    /// case and those after it are held, and released in file order once a row shows the order.
    mutating func emit(_ c: DecisionCase, pendingText: String?) throws {
        taken += 1
        guard fold != nil else {
            if let pendingText { pending.append((cases.count, pendingText, c.row, file)) }
            cases.append(c)
            return
        }
        if let pendingText { heldPending.append((held.count, pendingText, c.row, file)) }
        guard heldPending.isEmpty else {
            held.append(c)
            if detectedOrder != nil { try release() }
            return
        }
        try add(c)
    }

    mutating func add(_ c: DecisionCase) throws {
        if let last = lastKey, (c.at, c.row) < last { throw DecisionLogReader.OutOfOrder() }
        lastKey = (c.at, c.row)
        fold?.add(c)
    }

    /// The held cases with their dates read in the order a row showed; those still unreadable are problems at the end.
    mutating func release() throws {
        guard let order = detectedOrder else { return }
        var failed = Set<Int>()
        for p in heldPending {
            if let (t, z) = Timestamp.parse(p.text, order: order) {
                held[p.index].at = local(t, zoned: z)
                if held[p.index].mode == .exception, held[p.index].exceptionOpened == 0 { held[p.index].exceptionOpened = held[p.index].at }
            } else {
                failedPending.append((p.text, p.row, p.file))
                failed.insert(p.index)
            }
        }
        let cases = held
        held = []
        heldPending = []
        for (i, c) in cases.enumerated() where !failed.contains(i) { try add(c) }
    }

    /// The end of folding: held dates the order never came for are problems, as `finish` words them.
    mutating func finishFolding() throws {
        if detectedOrder != nil, !heldPending.isEmpty { try release() }
        let savedFile = file
        for p in failedPending + heldPending.map({ ($0.text, $0.row, $0.file) }) {
            file = p.file
            problem("at_order", row: p.row, column: nil,
                    "\"\(p.text)\" could be day-first or month-first and no row tells; pass --date-format DD/MM/YYYY or MM/DD/YYYY")
        }
        file = savedFile
    }

    func result(cases: [DecisionCase]) -> DecisionLogReader.Result {
        DecisionLogReader.Result(cases: cases, columns: allColumns, unknownColumns: allUnknown,
                                 agents: agentCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                 platform: platform, droppedDuplicates: dropped)
    }
}
