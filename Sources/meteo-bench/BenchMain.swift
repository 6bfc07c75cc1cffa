import CSQLite
import Foundation
import RecordAPI
import RecordStore
import RecordSync
import WeatherCore

/// Benchmark helpers for `make bench` (not shipped).
///
/// - `insert N DIR`: N durable inserts through `SQLiteRecordStore`, then N through the raw SQLite C API with
///   the same pragmas and schema, each insert its own transaction; prints `store_ms raw_ms`.
/// - `populate PATH N`: a store with N records (for the history benchmark).
/// - `naive-upload PATH URL` (the token in `METEO_RECORDS_TOKEN`, never on a command line): every record of the store sent with its own `PUT /v1/records/{id}`, one after
///   the other over one kept-alive connection (the baseline of the sync benchmark); prints `requests ms`.
@main
enum BenchMain {
    static func main() async throws {
        let arguments = CommandLine.arguments
        switch arguments.dropFirst().first {
        case "insert":
            guard arguments.count == 4, let count = Int(arguments[2]) else { usage() }
            try insert(count: count, folder: arguments[3])
        case "populate":
            guard arguments.count == 4, let count = Int(arguments[3]) else { usage() }
            let store = try SQLiteRecordStore(path: arguments[2])
            var batch: [WeatherRecord] = []
            for index in 0..<count {
                batch.append(record(index))
                if batch.count == 10_000 {
                    _ = try store.importRecords(batch)
                    batch.removeAll()
                }
            }
            _ = try store.importRecords(batch)
        case "naive-upload":
            guard arguments.count == 4, let token = ProcessInfo.processInfo.environment["METEO_RECORDS_TOKEN"] else {
                usage()
            }
            try await naiveUpload(store: arguments[2], url: arguments[3], token: token)
        default:
            usage()
        }
    }

    static func naiveUpload(store path: String, url: String, token: String) async throws {
        let store = try SQLiteRecordStore(path: path)
        let records = try store.allRecords()
        let http = CurlHTTPClient()
        let encoder = JSONEncoder()
        let started = ContinuousClock.now
        for record in records {
            let response = try await http.send(
                HTTPRequest(
                    method: "PUT", url: url + "/v1/records/" + record.id,
                    headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                    body: try encoder.encode(record.wire)))
            guard response.status == 201 || response.status == 200 else {
                FileHandle.standardError.write(Data("naive-upload: HTTP \(response.status)\n".utf8))
                exit(1)
            }
        }
        let elapsed = ContinuousClock.now - started
        let millis = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        print(records.count, String(format: "%.0f", millis))
    }

    static func usage() -> Never {
        FileHandle.standardError.write(
            Data(
                "usage: meteo-bench insert N DIR | populate PATH N | naive-upload PATH URL (METEO_RECORDS_TOKEN set)\n"
                    .utf8))
        exit(64)
    }

    static let places = ["Paris", "London", "Tokyo", "São Paulo", "Springfield", "Berlin", "Lyon", "Oslo"]

    static func record(_ index: Int) -> WeatherRecord {
        WeatherRecord(
            id: UUID().uuidString.lowercased(),
            place: Place(
                name: places[index % places.count], countryCode: "FR", latitude: 45, longitude: 5,
                timezone: "Europe/Paris"),
            observedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60),
            recordedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index) * 60),
            provider: .openMeteo, temperature: Double(index % 40), apparentTemperature: Double(index % 38),
            weatherCode: 3, windSpeed: 10, windDirection: 180, humidity: 50, pressure: 1013, precipitation: 0)
    }

    static func insert(count: Int, folder: String) throws {
        let records = (0..<count).map(record)
        let store = try SQLiteRecordStore(path: folder + "/store.sqlite")
        let storeStart = ContinuousClock.now
        for record in records { try store.add(record) }
        let storeTime = ContinuousClock.now - storeStart

        // The same inserts, straight through the C API: the floor the store stands on.
        let raw = folder + "/raw.sqlite"
        _ = try SQLiteRecordStore(path: raw)  // same schema and pragmas, then set aside
        var db: OpaquePointer?
        guard sqlite3_open_v2(raw, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else { exit(1) }
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nil, nil, nil)
        var statement: OpaquePointer?
        let sql = """
            INSERT INTO record (id, place_name, place_key, admin1, country, country_code, latitude, longitude, timezone,
                observed_at, recorded_at, provider, temperature, apparent_temperature, weather_code, wind_speed,
                wind_direction, humidity, pressure, precipitation, units, deleted_at, dirty)
            VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'metric', NULL, 1)
            """
        sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        let rawStart = ContinuousClock.now
        for record in records {
            sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil)
            sqlite3_reset(statement)
            bind(statement, 1, record.id)
            bind(statement, 2, record.place.name)
            bind(statement, 3, record.place.name.lowercased())
            bind(statement, 4, record.place.countryCode ?? "")
            sqlite3_bind_double(statement, 5, record.place.latitude)
            sqlite3_bind_double(statement, 6, record.place.longitude)
            bind(statement, 7, record.place.timezone ?? "")
            sqlite3_bind_int64(statement, 8, Int64(record.observedAt.timeIntervalSince1970 * 1000))
            sqlite3_bind_int64(statement, 9, Int64(record.recordedAt.timeIntervalSince1970 * 1000))
            bind(statement, 10, record.provider.rawValue)
            for (offset, value) in [record.temperature, record.apparentTemperature].enumerated() {
                sqlite3_bind_double(statement, Int32(11 + offset), value ?? 0)
            }
            sqlite3_bind_int64(statement, 13, Int64(record.weatherCode ?? 0))
            for (offset, value) in [
                record.windSpeed, record.windDirection, record.humidity, record.pressure, record.precipitation,
            ].enumerated() {
                sqlite3_bind_double(statement, Int32(14 + offset), value ?? 0)
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { exit(1) }
            sqlite3_exec(db, "COMMIT", nil, nil, nil)
        }
        let rawTime = ContinuousClock.now - rawStart
        sqlite3_finalize(statement)
        sqlite3_close(db)
        print(milliseconds(storeTime), milliseconds(rawTime))
    }

    static func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer {
            meteo_sqlite_bind_text(statement, index, $0.baseAddress, Int32($0.count - 1))
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let parts = duration.components
        return String(Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15)
    }
}
