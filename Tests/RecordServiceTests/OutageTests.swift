import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import RecordAPI
import Testing
import WeatherTestSupport

@testable import RecordService

@Suite struct OutageTests {
    typealias R = RecordRouteTests

    /// PostgreSQL stopped under a running service: fast 503s with Retry-After, /readyz not ready, /healthz
    /// still up; then the database returns and the service recovers by itself, data intact.
    @Test func aStoppedDatabaseGives503AndTheServiceRecoversAlone() async throws {
        let cluster = try PostgresCluster()
        let configuration = PostgresClient.Configuration(
            host: "127.0.0.1", port: cluster.port, username: "postgres", password: nil, database: "postgres",
            tls: .disable)
        var limits = ServiceLimits()
        limits.databaseTimeout = .seconds(1)
        var options = configuration
        options.options.connectTimeout = limits.databaseTimeout
        let client = PostgresClient(configuration: options)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await Migrator(client: client, logger: TestDatabase.logger).migrate()
            let token = try await TokenStore(client: client, logger: TestDatabase.logger).create(user: "ann")
            let deadlines = DeadlineWatch()
            let router = buildRouter(
                repository: PostgresRecordRepository(client: client, logger: TestDatabase.logger),
                tokens: TokenStore(client: client, logger: TestDatabase.logger), deadlines: deadlines, limits: limits,
                logger: TestDatabase.logger)
            let app = Application(router: router, services: [deadlines])
            try await app.test(.router) { test in
                let record = SampleRecord.wire(1)
                try await test.execute(
                    uri: RecordPaths.records + "/" + record.id, method: .put, headers: R.headers(token),
                    body: R.body(record)
                ) { #expect($0.status == .created) }

                try cluster.stop()
                for _ in 0..<3 {
                    let started = ContinuousClock.now
                    try await test.execute(
                        uri: RecordPaths.records, method: .get, headers: R.headers(token, json: false)
                    ) {
                        #expect($0.status == .serviceUnavailable)
                        #expect(R.error($0)?.code == "database_unavailable")
                        #expect($0.headers[.retryAfter] != nil)
                    }
                    // Generous: the bound is the 1 s deadline; this only catches a request that hangs.
                    #expect(ContinuousClock.now - started < .seconds(20))
                }
                try await test.execute(uri: RecordPaths.ready, method: .get) {
                    #expect($0.status == .serviceUnavailable)
                }
                try await test.execute(uri: RecordPaths.health, method: .get) { #expect($0.status == .ok) }

                try cluster.start()
                var recovered = false
                for _ in 0..<120 where !recovered {
                    try await test.execute(
                        uri: RecordPaths.records, method: .get, headers: R.headers(token, json: false)
                    ) {
                        if $0.status == .ok {
                            recovered = true
                            let page = try JSONDecoder().decode(RecordPage.self, from: Data($0.body.readableBytesView))
                            #expect(page.records == [record])
                        }
                    }
                    if !recovered { try await Task.sleep(for: .milliseconds(250)) }
                }
                #expect(recovered)
                try await test.execute(uri: RecordPaths.ready, method: .get) { #expect($0.status == .ok) }
            }
        }
    }
}
