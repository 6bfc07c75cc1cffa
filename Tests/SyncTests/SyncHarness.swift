import Foundation
import RecordAPI
import RecordStore
import RecordSync
import Synchronization
import WeatherCore
import WeatherTestSupport

/// One PostgreSQL of the test's own, migrated, with replicas of meteo-records in front of it.
final class SyncWorld: Sendable {
    let cluster: PostgresCluster
    let folder: TemporaryDirectory
    let databaseURL: String
    let replicas: [ServiceProcess]

    init(replicas count: Int, environment: [String: String] = [:]) throws {
        cluster = try PostgresCluster()
        folder = try TemporaryDirectory()
        let databaseURL = "postgres://postgres@127.0.0.1:\(cluster.port)/postgres?sslmode=disable"
        self.databaseURL = databaseURL
        let folder = self.folder
        replicas = try (0..<count).map { index in
            try ServiceProcess(
                databaseURL: databaseURL, logPath: folder.path + "/replica\(index).log",
                environment: ["METEO_RECORDS_RATE_LIMIT": "100000"].merging(environment) { $1 })
        }
        try records(["migrate"])
        for replica in replicas { try replica.start() }
    }

    /// Runs `meteo-records ARGS` against this world's database; returns what it printed.
    @discardableResult
    func records(_ arguments: [String]) throws -> String {
        let binary = try ChildProcess.builtProduct("meteo-records")
        let (status, output) = try Spawn.run(
            binary, arguments, environment: ["DATABASE_URL": databaseURL, "PATH": "/usr/bin:/bin"])
        guard status == 0 else { throw SyncWorldError(message: "meteo-records \(arguments) failed: \(output)") }
        return output
    }

    func token(for user: String) throws -> String {
        let output = try records(["token", "create", user])
        guard let token = output.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("mr_") }) else {
            throw SyncWorldError(message: "no token in: \(output)")
        }
        return String(token)
    }

    /// What the service holds for `user`: live ids with their bodies, and tombstones.
    func serverState(user: String) throws -> (live: [String: WireRecord], deleted: Set<String>) {
        let (status, output) = try Spawn.run(
            "/usr/bin/psql",
            [
                "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-d", "postgres", "-tA", "-F", "\t",
                "-c",
                "SELECT r.id, coalesce(r.body::text, ''), r.deleted_at IS NOT NULL FROM record r JOIN api_user u ON u.id = r.user_id WHERE u.name = '\(user)'",
            ], mergeErrors: true)
        guard status == 0 else { throw SyncWorldError(message: "psql failed: \(output)") }
        var live: [String: WireRecord] = [:]
        var deleted = Set<String>()
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            if fields[2] == "t" {
                deleted.insert(fields[0])
            } else {
                live[fields[0]] = try JSONDecoder().decode(WireRecord.self, from: Data(fields[1].utf8))
            }
        }
        return (live, deleted)
    }

    struct SyncWorldError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Delivers requests the way a bad network and a load balancer would: to either replica, sometimes twice,
/// sometimes after replaying an older request, sometimes losing the answer after the service acted on it.
final class ChaosHTTPClient: HTTPClient {
    let base = CurlHTTPClient(options: .init(connectTimeout: 2, totalTimeout: 10))
    let replicas: [String]
    private let state: Mutex<(random: SplitMix, sent: [HTTPRequest], calm: Bool, pinned: Int?)>

    init(replicas: [String], seed: UInt64) {
        self.replicas = replicas
        state = Mutex((SplitMix(state: seed), [], false, nil))
    }

    /// Calm: every request once, in order, answer delivered (the final rounds).
    func setCalm(_ calm: Bool) { state.withLock { $0.calm = calm } }
    /// Sends everything to one replica (to kill it under a batch).
    func pin(_ replica: Int?) { state.withLock { $0.pinned = replica } }

    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let (target, replay, twice, loseAnswer) = state.withLock { state in
            let replica = state.pinned ?? Int(state.random.next() % UInt64(replicas.count))
            var routed = request
            for prefix in replicas where request.url.hasPrefix(prefix) {
                routed.url = replicas[replica] + request.url.dropFirst(prefix.count)
            }
            let roll = state.random.next() % 100
            let replay =
                !state.calm && roll < 10 && !state.sent.isEmpty
                ? state.sent[Int(state.random.next() % UInt64(state.sent.count))] : nil
            state.sent.append(routed)
            if state.sent.count > 50 { state.sent.removeFirst() }
            return (routed, replay, !state.calm && (10..<20).contains(roll), !state.calm && (20..<30).contains(roll))
        }
        if let replay { _ = try? await base.send(replay) }  // an old batch arriving late
        if twice { _ = try? await base.send(target) }  // a duplicate delivery
        let response = try await base.send(target)
        if loseAnswer { throw .connectionClosed }  // the service acted; the answer was lost
        return response
    }
}

/// One device: its own store file and its own view of the network.
struct Device: Sendable {
    let store: SQLiteRecordStore
    let network: ChaosHTTPClient
    let endpoint: SyncEndpoint

    func sync() async throws(SyncError) -> SyncSummary {
        var syncer = RecordSyncer(store: store, http: network, endpoint: endpoint)
        syncer.baseDelay = .milliseconds(20)
        syncer.maxDelay = .milliseconds(200)
        return try await syncer.run()
    }

    /// A new record at a random place, recorded now.
    static func newRecord(_ random: inout SplitMix, index: Int) -> WeatherRecord {
        let places = ["Paris", "Lyon", "Oslo", "Quito", "São Paulo", "Köln", "Nairobi"]
        return SampleRecord.make(
            index, id: UUID().uuidString.lowercased(),
            place: Place(
                name: places[Int(random.next() % UInt64(places.count))], countryCode: "FR",
                latitude: Double(random.next() % 180) - 90, longitude: Double(random.next() % 360) - 180,
                timezone: "Europe/Paris"),
            observedAt: Date(timeIntervalSince1970: 1_795_790_000 + Double(index) * 60),
            recordedAt: Date(timeIntervalSince1970: 1_795_790_030 + Double(index) * 60),
            temperature: Double(Int(random.next() % 600) - 200) / 10, weatherCode: Int(random.next() % 4),
            humidity: Double(random.next() % 101), units: random.next() % 2 == 0 ? .metric : .imperial)
    }
}
