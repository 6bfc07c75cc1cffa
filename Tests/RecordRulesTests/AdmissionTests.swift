import Foundation
import RecordAPI
import RecordRules
import RecordStore
import RecordSync
import Testing
import TextFormats
import WeatherCore

/// One verdict whichever way a record comes in: each case changes one field of a valid record, and every way in
/// (recording into the store, JSON import, CSV import, a sync pull, the service's PUT and its sync push) must
/// admit it or refuse it alike.
@Suite struct AdmissionTests {
    enum Value: Sendable, CustomStringConvertible {
        case number(Double)
        case text(String)
        var json: Any {
            switch self {
            case .number(let value): value
            case .text(let value): value
            }
        }
        var description: String {
            switch self {
            case .number(let value): String(value)
            case .text(let value): TerminalText.quoted(value, limit: 24)
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var field: String
        var value: Value
        var admitted: Bool
        var description: String { "\(field) = \(value) → \(admitted ? "kept" : "refused")" }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(_ field: String, _ value: Value, _ admitted: Bool) {
            cases.append(Case(field: field, value: value, admitted: admitted))
        }
        for (field, low, high) in [
            ("temperature", -100.0, 70.0), ("apparent_temperature", -120, 80), ("humidity", 0, 100),
            ("pressure", 850, 1100), ("wind_speed", 0, 500), ("wind_direction", 0, 360), ("precipitation", 0, 2000),
        ] {
            add(field, .number(low), true)
            add(field, .number(high), true)
            add(field, .number(low - 0.5), false)
            add(field, .number(high + 0.5), false)
        }
        add("temperature", .number(1e308), false)
        add("temperature", .number(-1e308), false)
        add("weather_code", .number(99), true)
        add("weather_code", .number(0), true)
        add("weather_code", .number(4), false)
        add("weather_code", .number(100), false)
        add("weather_code", .number(-1), false)
        add("weather_code", .number(1.5), false)
        add("weather_code", .number(1e300), false)
        add("place.latitude", .number(90), true)
        add("place.latitude", .number(-90), true)
        add("place.latitude", .number(90.01), false)
        add("place.longitude", .number(180), true)
        add("place.longitude", .number(-180.5), false)
        add("place.name", .text("A"), true)
        add("place.name", .text("東京"), true)
        add("place.name", .text(String(repeating: "x", count: 200)), true)
        add("place.name", .text(String(repeating: "é", count: 200)), true)
        add("place.name", .text(String(repeating: "x", count: 201)), false)
        add("place.name", .text("e\u{301}" + String(repeating: "x", count: 199)), false)  // 201 code points
        add("place.name", .text("   "), false)
        add("place.name", .text("Par\u{1B}[31mis"), false)
        add("place.name", .text("\u{1B}]0;owned\u{07}"), false)
        add("place.name", .text("two\nlines"), false)
        add("place.name", .text("car\rriage"), false)
        add("place.name", .text("c1\u{85}"), false)
        add("place.name", .text("del\u{7F}"), false)
        add("place.name", .text("evil\u{202E}lmth.exe"), false)
        add("place.name", .text("\u{2066}isolate"), false)
        add("place.admin1", .text("Île-de-France"), true)
        add("place.admin1", .text("bad\u{1B}[2J"), false)
        add("place.country", .text("\u{202D}France"), false)
        add("place.country_code", .text("F"), false)
        add("place.country_code", .text("F1"), false)
        add("place.country_code", .text("fr"), true)
        add("observed_at", .text("1940-01-01T00:00:00Z"), true)
        add("observed_at", .text("1939-12-31T23:59:59Z"), false)
        add("observed_at", .text("2026-11-27T14:04:12Z"), true)  // the allowed skew, exactly
        add("observed_at", .text("2026-11-27T14:04:13Z"), false)
        add("observed_at", .text("2026-11-27t13:00:00.123456789012z"), true)
        add("observed_at", .text("2026-11-27T13:00:00+99:99"), false)
        add("observed_at", .text("2026-02-30T13:00:00Z"), false)
        add("observed_at", .text("27/11/2026"), false)
        add("recorded_at", .text("2199-12-31T23:59:59Z"), true)
        add("recorded_at", .text("2200-01-01T00:00:00Z"), false)
        add("recorded_at", .text("9999-12-31T23:59:59-23:59"), false)
        add("provider", .text("openweathermap"), true)
        add("provider", .text("wunderground"), false)
        add("units", .text("imperial"), true)
        add("units", .text("kelvin"), false)
        add("id", .text("7D3C2A0E-6A7B-4F7E-9A43-2A8D1F0C9B11"), false)
        add("id", .text("not-a-uuid"), false)
        return cases
    }()

    nonisolated(unsafe) static let base: [String: Any] = [
        "id": "7d3c2a0e-6a7b-4f7e-9a43-2a8d1f0c9b11",
        "place": [
            "name": "Paris", "admin1": "Île-de-France", "country": "France", "country_code": "FR", "latitude": 48.85,
            "longitude": 2.35, "timezone": "Europe/Paris",
        ],
        "observed_at": "2026-11-27T13:00:00Z", "recorded_at": "2026-11-27T13:04:12Z", "provider": "open-meteo",
        "temperature": 9.3, "apparent_temperature": 6.9, "weather_code": 3, "wind_speed": 12.0,
        "wind_direction": 250.0, "humidity": 80.0, "pressure": 1012.0, "precipitation": 0.0, "units": "metric",
    ]

    static func object(_ change: Case) -> [String: Any] {
        var object = base
        if change.field.hasPrefix("place.") {
            var place = Self.place(of: object)
            place[String(change.field.dropFirst(6))] = change.value.json
            object["place"] = place
        } else {
            object[change.field] = change.value.json
        }
        return object
    }

    static func place(of object: [String: Any]) -> [String: Any] { object["place"] as? [String: Any] ?? [:] }

    static func jsonText(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The CSV `meteo export` writes, for the same values.
    static func csvText(_ object: [String: Any]) -> String {
        let place = Self.place(of: object)
        func cell(_ value: Any?) -> String {
            switch value {
            case let number as Double:
                number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case let number as Int: String(number)
            case let text as String:
                text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                    ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            default: ""
            }
        }
        let row = [
            object["id"], place["name"], place["admin1"], place["country"], place["country_code"], place["latitude"],
            place["longitude"], place["timezone"], object["observed_at"], object["recorded_at"], object["provider"],
            object["temperature"], object["apparent_temperature"], object["weather_code"], object["wind_speed"],
            object["wind_direction"], object["humidity"], object["pressure"], object["precipitation"], object["units"],
            nil, nil,
        ].map(cell)
        return RecordExchange.csvHeader + "\n" + row.joined(separator: ",") + "\n"
    }

    @Test(arguments: cases)
    func everyWayInGivesTheSameVerdict(_ change: Case) throws {
        let object = Self.object(change)
        let json = try Self.jsonText(object)

        // JSON import and CSV import
        let jsonImport = (try? RecordExchange.parse("{\"records\":[\(json)]}")) != nil
        #expect(jsonImport == change.admitted, "JSON import")
        let csvImport = (try? RecordExchange.parse(Self.csvText(object))) != nil
        #expect(csvImport == change.admitted, "CSV import")

        // The service's PUT and sync push read a WireRecord (a body that does not decode is refused too)
        let wire = try? JSONDecoder().decode(WireRecord.self, from: Data(json.utf8))
        #expect((wire.map { $0.problems().isEmpty } ?? false) == change.admitted, "PUT")
        if let wire {
            let push = WireChange(record: wire).problems(prefix: "changes[0].")
            #expect(push.isEmpty == change.admitted, "sync push")
            // A sync pull keeps what the service sent only when it is admitted
            #expect((WeatherRecord(wire: wire) != nil) == change.admitted, "sync pull")
        }

        // Recording into the store (what a provider answer becomes), when a WeatherRecord can hold the values
        if let record = Self.weatherRecord(object) {
            let store = InMemoryRecordStore()
            #expect(((try? store.add(record)) != nil) == change.admitted, "store")
        }
    }

    /// The values as a `WeatherRecord`, built directly (no validation on the way), when its types can hold them.
    static func weatherRecord(_ object: [String: Any]) -> WeatherRecord? {
        let place = Self.place(of: object)
        func number(_ value: Any?) -> Double? { (value as? Double) ?? (value as? Int).map(Double.init) }
        guard let observed = (object["observed_at"] as? String).flatMap(Timestamp.parse),
            let recorded = (object["recorded_at"] as? String).flatMap(Timestamp.parse),
            let provider = (object["provider"] as? String).flatMap(ProviderID.init),
            let units = (object["units"] as? String).flatMap(Units.init),
            let id = object["id"] as? String, let name = place["name"] as? String,
            let latitude = number(place["latitude"]), let longitude = number(place["longitude"])
        else { return nil }
        var code: Int?
        if let raw = number(object["weather_code"]) {
            guard let exact = Int(exactly: raw) else { return nil }
            code = exact
        }
        return WeatherRecord(
            id: id,
            place: Place(
                name: name, admin1: place["admin1"] as? String,
                country: place["country"] as? String, countryCode: place["country_code"] as? String,
                latitude: latitude, longitude: longitude,
                timezone: place["timezone"] as? String),
            observedAt: observed, recordedAt: recorded, provider: provider,
            temperature: number(object["temperature"]), apparentTemperature: number(object["apparent_temperature"]),
            weatherCode: code, windSpeed: number(object["wind_speed"]), windDirection: number(object["wind_direction"]),
            humidity: number(object["humidity"]), pressure: number(object["pressure"]),
            precipitation: number(object["precipitation"]), units: units)
    }

    @Test func theValidBaseRecordIsKeptEveryWay() throws {
        let json = try Self.jsonText(Self.base)
        #expect(try RecordExchange.parse("{\"records\":[\(json)]}").count == 1)
        #expect(try RecordExchange.parse(Self.csvText(Self.base)).count == 1)
        let wire = try JSONDecoder().decode(WireRecord.self, from: Data(json.utf8))
        #expect(wire.problems() == [])
    }

    @Test func aRefusalNamesTheFieldAndTheRule() {
        var object = Self.base
        object["temperature"] = 1e308
        let text = (try? Self.jsonText(object)) ?? ""
        #expect(throws: RecordStoreError.invalidRecord("record 1: temperature must be a number within -100…70")) {
            try RecordExchange.parse("{\"records\":[\(text)]}")
        }
    }

    @Test func csvNumbersMustBePlainDecimals() {
        for bad in [" 5", "1_000", "0x10", "5 ", "1,5", "+5", "inf", "nan", "1e", "."] {
            var object = Self.base
            object["temperature"] = bad
            let csv = Self.csvText(object)
            #expect(throws: RecordStoreError.self, "\(bad)") { try RecordExchange.parse(csv) }
        }
    }

    @Test func everyKnownCodeHasADescriptionAndNoOtherDoes() {
        for code in 0...100 {
            #expect(RecordRules.weatherCodes.contains(code) == WeatherCode(code).isKnown, "\(code)")
        }
    }
}
