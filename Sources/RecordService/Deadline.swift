public import ServiceLifecycle
import Synchronization

/// The database did not answer within the service's deadline.
public struct DatabaseTimeout: Error, Equatable {}

/// Runs `body`, cancelling it once `deadline` has passed; then throws `DatabaseTimeout`. The pool and
/// PostgresNIO honour cancellation, so a database that does not answer becomes a fast 503.
///
/// `watch` wakes every 100 ms and cancels what is overdue, instead of a timer and a task group per call: those
/// were a fifth of the service's CPU per request (measured under wrk).
func withDeadline<T: Sendable>(
    _ deadline: Duration, watch: DeadlineWatch, _ body: () async throws -> T
) async throws -> T {
    try await withoutActuallyEscaping(body) { body in
        // Safe: `task.value` is awaited below, so `body` never outlives this call.
        nonisolated(unsafe) let body = body
        let due = ContinuousClock.now + deadline
        let task = Task { try await RequestDeadline.$due.withValue(due) { try await body() } }
        let ticket = watch.add(due: due) { task.cancel() }
        defer { watch.remove(ticket) }
        do {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            // Whatever the cancelled work threw, past the deadline it is a timeout (unless it already said
            // what went wrong in the API's own terms, or this request itself was cancelled).
            if ContinuousClock.now >= due, !(error is APIError), !Task.isCancelled { throw DatabaseTimeout() }
            throw error
        }
    }
}

/// Cancels work whose deadline has passed, checking every 100 ms: a service of the application's
/// `ServiceGroup`, which ends it after the HTTP server, once no request is left to watch.
public final class DeadlineWatch: Service {
    static let tick = Duration.milliseconds(100)

    private struct State {
        var nextTicket = 0
        var entries: [Int: (due: ContinuousClock.Instant, cancel: @Sendable () -> Void)] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Watches one piece of work; `remove` the ticket when it ends.
    func add(due: ContinuousClock.Instant, cancel: @escaping @Sendable () -> Void) -> Int {
        state.withLock { state in
            state.nextTicket += 1
            state.entries[state.nextTicket] = (due, cancel)
            return state.nextTicket
        }
    }

    func remove(_ ticket: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket) }
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: Self.tick)
            expire(now: ContinuousClock.now)
        }
    }

    /// Cancels what is due by `now`.
    func expire(now: ContinuousClock.Instant) {
        let overdue = state.withLock { state in
            let expired = state.entries.filter { $0.value.due <= now }
            for ticket in expired.keys { state.entries[ticket] = nil }
            return expired.values.map(\.cancel)
        }
        for cancel in overdue { cancel() }
    }
}

/// The deadline of the request being served (set by `withDeadline`), for work that must answer by it.
enum RequestDeadline {
    @TaskLocal static var due: ContinuousClock.Instant?
}

/// Runs `work` and returns what it returns, or gives up on it when the request is cancelled at its deadline (which
/// `withDeadline` then reports as `DatabaseTimeout`), even when `work` ignores cancellation. A frozen database (a partition, a stopped host) answers neither a query nor its
/// cancellation; the client is answered anyway, and the abandoned work, cancelled, ends when its connection does.
/// Outside a request it is `work()`.
func byDeadline<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
    guard RequestDeadline.due != nil else { return try await work() }
    let outcome = Outcome<T>()
    let task = Task {
        do {
            outcome.finish(.success(try await work()))
        } catch {
            outcome.finish(.failure(error))
        }
    }
    // No watch of its own: at the deadline `withDeadline` cancels the request's work, which lands below.
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { outcome.attach($0) }
    } onCancel: {
        task.cancel()
        outcome.finish(.failure(CancellationError()))
    }
}

/// The first of several possible endings of a piece of work, handed to whoever waits for it.
private final class Outcome<T: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<T, any Error>?)
        case ended(Result<T, any Error>)
        case delivered
    }

    private let state = Mutex(State.waiting(nil))

    /// The first ending wins; later ones are dropped.
    func finish(_ result: Result<T, any Error>) {
        let waiter: CheckedContinuation<T, any Error>? = state.withLock { state in
            guard case .waiting(let continuation) = state else { return nil }
            state = continuation == nil ? .ended(result) : .delivered
            return continuation
        }
        waiter?.resume(with: result)
    }

    func attach(_ continuation: CheckedContinuation<T, any Error>) {
        let ended: Result<T, any Error>? = state.withLock { state in
            switch state {
            case .waiting:
                state = .waiting(continuation)
                return nil
            case .ended(let result):
                state = .delivered
                return result
            case .delivered:
                return nil
            }
        }
        if let ended { continuation.resume(with: ended) }
    }
}
