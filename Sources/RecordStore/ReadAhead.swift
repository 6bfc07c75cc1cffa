import Dispatch
import Synchronization
public import WeatherCore

/// Reads an import's records on a thread of its own, a few batches ahead of the one keeping them: parsing the
/// file and SQLite's work run side by side on two cores instead of one after the other. A JSON object is built
/// into its record by the keeping thread, which has time to spare while the parser has none. At most `depth` batches
/// of `batchSize` records wait, so memory stays flat; a refusal is handed over in its place in the stream.
final class ReadAhead: @unchecked Sendable {
    static let batchSize = 256
    static let depth = 4

    private enum Item {
        case records([ReadRecord])
        case failed(RecordStoreError)
        case end
    }

    private let queue = Mutex<[Item]>([])
    private let filled = DispatchSemaphore(value: 0)
    private let free = DispatchSemaphore(value: ReadAhead.depth)
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Atomic(false)
    private var current: [ReadRecord] = []
    private var position = 0
    private var done = false

    /// Starts reading `reader` (a copy of it: the caller's is left where it was).
    init(_ reader: RecordReader) {
        nonisolated(unsafe) var reader = reader
        DispatchQueue.global().async { [self] in
            defer { finished.signal() }
            while !stopped.load(ordering: .relaxed) {
                var batch: [ReadRecord] = []
                batch.reserveCapacity(Self.batchSize)
                let item: Item
                do throws(RecordStoreError) {
                    while batch.count < Self.batchSize, let record = try reader.nextRead() { batch.append(record) }
                    item = batch.count < Self.batchSize ? .end : .records(batch)
                } catch {
                    item = .failed(error)
                }
                if case .end = item, !batch.isEmpty { put(.records(batch)) }
                put(item)
                if case .records = item { continue }
                return
            }
        }
    }

    private func put(_ item: Item) {
        free.wait()
        queue.withLock { $0.append(item) }
        filled.signal()
    }

    /// The next record, `nil` at the end, or the refusal the reader met.
    func next() throws(RecordStoreError) -> WeatherRecord? {
        while position == current.count {
            guard !done else { return nil }
            filled.wait()
            let item = queue.withLock { $0.removeFirst() }
            free.signal()
            switch item {
            case .records(let records):
                current = records
                position = 0
            case .failed(let error):
                done = true
                throw error
            case .end:
                done = true
                return nil
            }
        }
        defer { position += 1 }
        return try current[position].record()
    }

    /// Stops the reading thread and waits for it, whether the import ended, failed or gave up early.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        // Room for whatever the thread still wants to hand over, so it never waits on a reader that left.
        for _ in 0..<(Self.depth + 2) { free.signal() }
        finished.wait()
    }
}
