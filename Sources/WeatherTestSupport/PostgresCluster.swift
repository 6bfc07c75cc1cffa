import CTestSupport
public import Foundation

/// A PostgreSQL server of a test's own, which the test may stop and start (scripts/pg-cluster.sh).
public final class PostgresCluster: Sendable {
    public let port: Int
    let folder: TemporaryDirectory
    let script: String

    /// Makes and starts a cluster; needs `METEO_PG_CLUSTER` (scripts/with-postgres.sh exports it).
    public init() throws {
        guard let script = ProcessInfo.processInfo.environment["METEO_PG_CLUSTER"] else {
            throw ClusterError(message: "METEO_PG_CLUSTER is not set: run through scripts/with-postgres.sh")
        }
        self.script = script
        folder = try TemporaryDirectory()
        // The server runs as the postgres user, who must be able to reach its folder inside ours.
        chmod(folder.path, 0o755)
        port = try FreePort.pick()
        try run(["init", folder.path + "/pg"])
        try start()
    }

    public func start() throws { try run(["start", folder.path + "/pg", String(port)]) }

    /// Fast shutdown: open connections are cut, new ones refused.
    public func stop() throws { try run(["stop", folder.path + "/pg"]) }

    /// Stops the server's processes without closing a connection (a partition); `thaw` resumes them.
    public func freeze() throws { try run(["freeze", folder.path + "/pg"]) }
    public func thaw() throws { try run(["thaw", folder.path + "/pg"]) }

    deinit {
        _ = try? Spawn.run(script, ["thaw", folder.path + "/pg"])
        _ = try? Spawn.run(script, ["stop", folder.path + "/pg"])
    }

    private func run(_ arguments: [String]) throws {
        let (status, output) = try Spawn.run(script, arguments, mergeErrors: true)
        guard status == 0 else { throw ClusterError(message: "pg-cluster.sh \(arguments[0]) failed: \(output)") }
    }

    /// The cluster could not be made, started or stopped.
    public struct ClusterError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
