import CSideThread
import Foundation
import MaturityCore
import Mustache

/// A value worked out on another core, in the run's language, and waited for when it is needed.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Replaced by the work's own result before the group is left.
    private var result: Result<Value, Error> = .failure(CancellationError())

    init(_ work: @escaping @Sendable () throws -> Value) {
        let language = Language.current
        group.enter()
        SideLane.shared.run { [self] in
            result = Result { try Language.$current.withValue(language) { try work() } }
            group.leave()
        }
    }

    func value() throws -> Value {
        group.wait()
        return try result.get()
    }
}

/// One thread for a run's side work, the template parse and then the data block's JSON, taken in
/// the order given. A plain thread rather than Dispatch's pool: the pool took 2–3 ms to start its
/// first thread, most of what the parse on the other core saves, and two side tasks on two cores
/// beside the main thread only took turns with it.
final class SideLane: @unchecked Sendable {
    static let shared = SideLane()
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var started = false

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        if !started {
            started = true
            Self.startThread { [self] in loop() }
        }
        condition.signal()
        condition.unlock()
    }

    /// Starts `body` on a new thread with the main thread's stack size (the parser recurses into
    /// nested sections), on another CPU than the caller's from its start (`CSideThread`): a new
    /// thread otherwise begins on its parent's CPU and shares it for milliseconds until the
    /// scheduler balances, slowing both (measured: the parse began 1–3 ms late and reading the
    /// assessment took twice as long).
    private static func startThread(_ body: @escaping @Sendable () -> Void) {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let started = maturity_start_side_thread({ raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context, 8 << 20)
        guard started != 0 else { return }
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        let thread = Thread(block: body)
        thread.stackSize = 8 << 20
        thread.start()
    }

    private final class ThreadBody {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// The run's template parses, each started once on the side lane and waited for by the
/// render that needs it. The lock guards the table; each result is written before its group leaves.
final class ParseCache: @unchecked Sendable {
    private final class Pending: @unchecked Sendable {
        let group = DispatchGroup()
        var result: Result<MustacheLibrary, TemplateError>?
    }
    private let lock = NSLock()
    private var pending: [ReportTemplate: Pending] = [:]

    func start(_ template: ReportTemplate, _ parse: @escaping @Sendable () throws(TemplateError) -> MustacheLibrary) {
        lock.lock()
        defer { lock.unlock() }
        guard pending[template] == nil else { return }
        let p = Pending()
        pending[template] = p
        p.group.enter()
        SideLane.shared.run {
            p.result = Result { () throws(TemplateError) -> MustacheLibrary in try parse() }
            p.group.leave()
        }
    }

    /// The parse of `template`, once it is done; nil if it was never started.
    func wait(_ template: ReportTemplate) -> Result<MustacheLibrary, TemplateError>? {
        lock.lock()
        let p = pending[template]
        lock.unlock()
        p?.group.wait()
        return p?.result
    }
}
