public import RecordAPI
public import RecordStore
public import WeatherCore

#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// What the sync client asks of a local store: where it stands, what waits to be sent, and one round applied
/// at once. `SQLiteRecordStore` is the one the product uses.
public protocol SyncStore: Sendable {
    /// This store's name on the service and where its last pull ended; a new `account` starts over.
    func beginSync(account: String) throws(RecordStoreError) -> (device: String, cursor: String?)
    /// Up to `limit` changes not yet on the service; those `sendable` refuses are set aside and counted.
    func pendingChanges(limit: Int, sendable: (WeatherRecord) -> Bool) throws(RecordStoreError)
        -> (changes: [PendingChange], setAside: Int)
    /// What the service said of each sent change, the changes it sent back and the next cursor, in one
    /// transaction.
    func applySync(
        sent: [PendingChange], results: [PushResult], pulled: [RemoteChange], cursor: String?, now: Date
    ) throws(RecordStoreError) -> AppliedSync
    /// How many local changes wait for the service.
    func pendingCount() throws(RecordStoreError) -> Int
}

extension SQLiteRecordStore: SyncStore {}
