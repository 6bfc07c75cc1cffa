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

/// A fresh database on the PostgreSQL that `make test` starts (scripts/with-postgres.sh).
///
/// The tests fail, never skip, without POSTGRES_HOST and POSTGRES_PORT.
struct TestDatabase {
    static let logger = Logger(label: "test")

    static func configuration(database: String?) throws -> PostgresClient.Configuration {
        let environment = ProcessInfo.processInfo.environment
        let host = try #require(environment["POSTGRES_HOST"], "run through scripts/with-postgres.sh (make test does)")
        let port = try #require(environment["POSTGRES_PORT"].flatMap(Int.init))
        return PostgresClient.Configuration(
            host: host, port: port, username: environment["POSTGRES_USER"] ?? "postgres",
            password: environment["POSTGRES_PASSWORD"], database: database, tls: .disable)
    }

    /// Runs `body` with a client connected to a new, empty database.
    static func withFresh<T: Sendable>(
        migrated: Bool = true, _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let name = "meteo_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = PostgresClient(configuration: try configuration(database: "postgres"))
        let client = PostgresClient(configuration: try configuration(database: String(name)))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await admin.run()
                return nil
            }
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
            if migrated { try await Migrator(client: client, logger: logger).migrate() }
            return try await body(client)
        }
    }
}

@Suite struct MigratorTests {
    @Test func concurrentMigrationsApplyOnceAndServeChecksTheSchema() async throws {
        try await TestDatabase.withFresh(migrated: false) { client in
            let migrator = Migrator(client: client, logger: TestDatabase.logger)
            await #expect(throws: MigrationError.missingMigrations(Migrator.knownNames)) { try await migrator.verify() }
            async let first = migrator.migrate()
            async let second = migrator.migrate()
            let applied = try await [first, second]
            #expect(applied.flatMap { $0 } == Migrator.knownNames)
            try await migrator.verify()
            #expect(try await migrator.migrate().isEmpty)

            try await client.query("INSERT INTO meteo_migration (name) VALUES ('v99-from-the-future')")
            await #expect(throws: MigrationError.unknownMigrations(["v99-from-the-future"])) {
                try await migrator.verify()
            }
            await #expect(throws: MigrationError.unknownMigrations(["v99-from-the-future"])) {
                try await migrator.migrate()
            }
        }
    }
}

@Suite struct TokenStoreTests {
    @Test func tokensAreShownOnceStoredHashedAndRevocable() async throws {
        try await TestDatabase.withFresh { client in
            let tokens = TokenStore(client: client, logger: TestDatabase.logger)
            let token = try await tokens.create(user: "ann")
            #expect(token.hasPrefix("mr_") && token.count == 67)
            let user = try await tokens.user(for: token)
            #expect(user != nil)
            #expect(try await tokens.user(for: token + "x") == nil)
            var stored: [String] = []
            for try await hash in try await client.query("SELECT token_hash FROM api_token").decode(String.self) {
                stored.append(hash)
            }
            #expect(stored == [TokenStore.hash(token)])
            #expect(!stored.contains(token))
            let list = try await tokens.list()
            #expect(list.map(\.user) == ["ann"])
            #expect(try await tokens.revoke(id: list[0].id))
            #expect(try await tokens.user(for: token) == nil)
            #expect(try await !tokens.revoke(id: list[0].id))
        }
    }
}

/// Where the routes keep records: what a route test is about decides (SQL, or only HTTP and validation).
enum Backend: String, CaseIterable, Sendable {
    case memory, postgres
}

/// The record routes' contract: what is about storage runs on both repositories, so that the in-memory one
/// answers as PostgreSQL does; what is about HTTP and validation runs in memory.
@Suite struct RecordRouteTests {
    static func body(_ record: WireRecord) -> ByteBuffer {
        ByteBuffer(bytes: (try? JSONEncoder().encode(record)) ?? Data())
    }

    static func headers(_ token: String?, json: Bool = true) -> HTTPFields {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    static func error(_ response: TestResponse) -> ErrorBody.Detail? {
        try? JSONDecoder().decode(ErrorBody.self, from: Data(response.body.readableBytesView)).error
    }

    /// The service's limits with a database deadline these tests never meet by accident: the whole suite shares
    /// two cooperative threads with tests that wait on child processes, and a request starved of a thread for 2 s
    /// was answered 503. The deadline's own tests (OutageTests, ServiceConnectionTests) set theirs.
    static func limits(ratePerMinute: Int = 1200, authFailuresPerMinute: Int = 60) -> ServiceLimits {
        ServiceLimits(
            ratePerMinute: ratePerMinute, databaseTimeout: .seconds(60), authFailuresPerMinute: authFailuresPerMinute)
    }

    /// Runs `body` against the routes over `backend`, with two users' tokens (ann's, then bob's).
    func withRouter(
        _ backend: Backend = .memory, limits: ServiceLimits = Self.limits(), headAsGet: Bool = false,
        _ body: @escaping @Sendable (any TestClientProtocol, String, String) async throws -> Void
    ) async throws {
        let deadlines = DeadlineWatch()
        @Sendable func run(_ router: Router<RecordsRequestContext>, _ ann: String, _ bob: String) async throws {
            if headAsGet {
                try await Application(router: HeadAsGet(router), services: [deadlines]).test(.router) {
                    try await body($0, ann, bob)
                }
            } else {
                try await Application(router: router, services: [deadlines]).test(.router) {
                    try await body($0, ann, bob)
                }
            }
        }
        switch backend {
        case .memory:
            let router = buildRouter(
                repository: MemoryRecordRepository(), tokens: MemoryTokens(["mr_ann": 1, "mr_bob": 2]),
                deadlines: deadlines, limits: limits, logger: TestDatabase.logger)
            try await run(router, "mr_ann", "mr_bob")
        case .postgres:
            try await TestDatabase.withFresh { client in
                let tokens = TokenStore(client: client, logger: TestDatabase.logger)
                let ann = try await tokens.create(user: "ann")
                let bob = try await tokens.create(user: "bob")
                let router = buildRouter(
                    repository: PostgresRecordRepository(client: client, logger: TestDatabase.logger), tokens: tokens,
                    deadlines: deadlines, limits: limits, logger: TestDatabase.logger)
                try await run(router, ann, bob)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func putIsIdempotentAndConflictsAreNamed(backend: Backend) async throws {
        try await withRouter(backend) { client, ann, _ in
            let record = SampleRecord.wire(1)
            let uri = RecordPaths.records + "/" + record.id
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(record)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(record)) {
                #expect($0.status == .ok)
            }
            let other = SampleRecord.wire(1, temperature: 29)
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(other)) {
                #expect($0.status == .conflict)
                #expect(Self.error($0)?.code == "conflict")
            }
            try await client.execute(uri: uri, method: .get, headers: Self.headers(ann, json: false)) {
                #expect($0.status == .ok)
                #expect((try? JSONDecoder().decode(WireRecord.self, from: Data($0.body.readableBytesView))) == record)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func listIsNewestFirstInKeysetPages(backend: Backend) async throws {
        try await withRouter(backend) { client, ann, _ in
            for index in 1...7 {
                let record = SampleRecord.wire(
                    index, recordedAt: Date(timeIntervalSince1970: 1_795_784_400 + Double(index) * 60))
                try await client.execute(
                    uri: RecordPaths.records + "/" + record.id, method: .put, headers: Self.headers(ann),
                    body: Self.body(record)
                ) { #expect($0.status == .created) }
            }
            var seen: [String] = []
            var next: String? = nil
            repeat {
                let query = "?limit=3" + (next.map { "&before=\($0)" } ?? "")
                try await client.execute(
                    uri: RecordPaths.records + query, method: .get, headers: Self.headers(ann, json: false)
                ) {
                    #expect($0.status == .ok)
                    let page = try JSONDecoder().decode(RecordPage.self, from: Data($0.body.readableBytesView))
                    seen += page.records.map(\.id)
                    next = page.next
                }
            } while next != nil
            #expect(seen == (1...7).reversed().map(SampleRecord.id))
            try await client.execute(
                uri: RecordPaths.records + "?limit=501", method: .get, headers: Self.headers(ann, json: false)
            ) {
                #expect($0.status == .badRequest)
                #expect(Self.error($0)?.field == "limit")
            }
            try await client.execute(
                uri: RecordPaths.records + "?before=garbage!", method: .get, headers: Self.headers(ann, json: false)
            ) {
                #expect($0.status == .badRequest)
            }
            // A well-formed cursor whose time no calendar holds: refused, not a crash while encoding it.
            for micros in ["-9223372036854775808", "-62135596800000001", "253402300800000000", "9223372036854775807"] {
                let crafted = OpaqueText.encode("\(micros).0f8fad5b-d9cb-469f-a165-70867728950e")
                try await client.execute(
                    uri: RecordPaths.records + "?before=" + crafted, method: .get,
                    headers: Self.headers(ann, json: false)
                ) {
                    #expect($0.status == .badRequest, "\(micros)")
                }
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func deleteWritesATombstoneThatWins(backend: Backend) async throws {
        try await withRouter(backend) { client, ann, _ in
            let record = SampleRecord.wire(2)
            let uri = RecordPaths.records + "/" + record.id
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(record)) { _ in
            }
            for _ in 0..<2 {
                try await client.execute(uri: uri, method: .delete, headers: Self.headers(ann, json: false)) {
                    #expect($0.status == .noContent)
                }
            }
            try await client.execute(uri: uri, method: .get, headers: Self.headers(ann, json: false)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(record)) {
                #expect($0.status == .conflict)
                #expect(Self.error($0)?.code == "deleted")
            }
            // A delete that arrives before its record still wins.
            let early = SampleRecord.wire(3)
            let earlyURI = RecordPaths.records + "/" + early.id
            try await client.execute(uri: earlyURI, method: .delete, headers: Self.headers(ann, json: false)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: earlyURI, method: .put, headers: Self.headers(ann), body: Self.body(early)) {
                #expect($0.status == .conflict)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func anotherUsersRecordsAreInvisible(backend: Backend) async throws {
        try await withRouter(backend) { client, ann, bob in
            let record = SampleRecord.wire(4)
            let uri = RecordPaths.records + "/" + record.id
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(record)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: uri, method: .get, headers: Self.headers(bob, json: false)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: RecordPaths.records, method: .get, headers: Self.headers(bob, json: false)) {
                let page = try JSONDecoder().decode(RecordPage.self, from: Data($0.body.readableBytesView))
                #expect(page.records.isEmpty)
            }
            try await client.execute(uri: uri, method: .delete, headers: Self.headers(bob, json: false)) { _ in }
            let overwrite = SampleRecord.wire(4, temperature: -5)
            try await client.execute(uri: uri, method: .put, headers: Self.headers(bob), body: Self.body(overwrite)) {
                _ in
            }
            try await client.execute(uri: uri, method: .get, headers: Self.headers(ann, json: false)) {
                #expect($0.status == .ok)
                #expect((try? JSONDecoder().decode(WireRecord.self, from: Data($0.body.readableBytesView))) == record)
            }
        }
    }

    @Test func badRequestsGetTheRightStatusAndField() async throws {
        try await withRouter { client, ann, _ in
            let good = SampleRecord.wire(5)
            let uri = RecordPaths.records + "/" + good.id
            try await client.execute(uri: uri, method: .get) {
                #expect($0.status == .unauthorized)
                #expect(Self.error($0)?.code == "unauthorized")
            }
            try await client.execute(uri: uri, method: .get, headers: Self.headers("mr_wrong", json: false)) {
                #expect($0.status == .unauthorized)
            }
            var far = good
            far.place.latitude = 91
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: Self.body(far)) {
                #expect($0.status == .badRequest)
                #expect(Self.error($0)?.field == "place.latitude")
            }
            let missing = ByteBuffer(string: #"{"id":"\#(good.id)","provider":"open-meteo"}"#)
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: missing) {
                #expect($0.status == .badRequest)
                #expect(Self.error($0)?.field == "place")
            }
            let wrongType = ByteBuffer(
                string: String(decoding: try JSONEncoder().encode(good), as: UTF8.self)
                    .replacingOccurrences(of: "\"temperature\":23.5", with: "\"temperature\":\"warm\""))
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: wrongType) {
                #expect($0.status == .badRequest)
                #expect(Self.error($0)?.field == "temperature")
            }
            try await client.execute(
                uri: RecordPaths.records + "/not-a-uuid", method: .get, headers: Self.headers(ann, json: false)
            ) {
                #expect($0.status == .badRequest)
                #expect(Self.error($0)?.field == "id")
            }
            try await client.execute(
                uri: uri, method: .put, headers: Self.headers(ann, json: false), body: Self.body(good)
            ) {
                #expect($0.status == .unsupportedMediaType)
            }
            let huge = ByteBuffer(string: String(repeating: " ", count: 70_000))
            try await client.execute(uri: uri, method: .put, headers: Self.headers(ann), body: huge) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
        }
    }
}

@Suite struct ConfigurationTests {
    @Test func databaseURLIsRead() throws {
        let configuration = try DatabaseURL.parse("postgres://meteo:s%40cret@db.internal:6543/records?sslmode=disable")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "meteo")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == "records")
        #expect(throws: ConfigurationError.self) { try DatabaseURL.parse("mysql://x") }
        #expect(throws: ConfigurationError.self) { try DatabaseURL.parse("postgres://h:port/db") }
        #expect(throws: ConfigurationError.missing("DATABASE_URL")) { try ServiceConfiguration.fromEnvironment([:]) }
        let service = try ServiceConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://a@b/c", "METEO_RECORDS_PORT": "9090", "METEO_RECORDS_HOST": "0.0.0.0",
        ])
        #expect(service.port == 9090)
        #expect(service.host == "0.0.0.0")
    }

    @Test func cursorsRoundTripAndRejectGarbage() {
        let cursor = PageCursor(recordedAt: Date(timeIntervalSince1970: 1_795_790_000.123456), id: UUID())
        #expect(PageCursor(text: cursor.text)?.id == cursor.id)
        #expect(PageCursor(text: "garbage!") == nil)
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e"
        for micros in ["-9223372036854775808", "-62135596800000001", "253402300800000000", "99999999999999999999"] {
            #expect(PageCursor(text: OpaqueText.encode("\(micros).\(id)")) == nil, "\(micros)")
        }
        #expect(PageCursor(text: OpaqueText.encode("-62135596800000000.\(id)")) != nil)
    }

    @Test func tokenHashIsSHA256Hex() {
        #expect(TokenStore.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenStore.hex([0, 9, 10, 255]) == "00090aff")
    }

    @Test func logDurationsHaveTwoDecimals() {
        #expect(RequestObservation.milliseconds(.microseconds(12_345)) == "12.35")
        #expect(RequestObservation.milliseconds(.microseconds(12_344)) == "12.34")
        #expect(RequestObservation.milliseconds(.microseconds(70)) == "0.07")
        #expect(RequestObservation.milliseconds(.seconds(2)) == "2000.00")
        #expect(RequestObservation.milliseconds(.zero) == "0.00")
    }

    @Test func opaqueTextIsUnpaddedBase64URL() {
        // Every length modulo 3, and bytes that need '-' and '_' (which standard base64 spells '+' and '/').
        for raw in ["", "a", "ab", "abc", "abcd", "1795790000123456.0f8fad5b-d9cb-469f-a165-70867728950e", "~~~?>>"] {
            let text = OpaqueText.encode(raw)
            let standard = Data(raw.utf8).base64EncodedString()
            let expected = String(
                standard.filter { $0 != "=" }.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
            #expect(text == expected, "\(raw)")
            #expect(OpaqueText.decode(text) == raw, "\(raw)")
        }
        // One spelling per cursor: padding, a lone trailing digit, stray bits and foreign letters are refused.
        for text in ["YQ==", "YWJjZ", "YR", "YW+j", "YW/j", "YW j", String(repeating: "A", count: 132)] {
            #expect(OpaqueText.decode(text) == nil, "\(text)")
        }
    }

    @Test func wireProblemsNameTheirFields() {
        var record = SampleRecord.wire(9)
        #expect(record.problems().isEmpty)
        record.id = "NOT-A-UUID"
        record.humidity = 120
        record.provider = "weather.com"
        #expect(record.problems().map(\.field) == ["id", "provider", "humidity"])
    }
}
