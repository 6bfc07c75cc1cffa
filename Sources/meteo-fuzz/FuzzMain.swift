import CommandLineKit
import Dispatch
import Foundation
import RecordAPI
import RecordStore
import RecordSync
import TextFormats
import WeatherCore

/// Every parser that reads bytes from outside, as a libFuzzer target (`make fuzz`), or as a replay of saved
/// inputs in a normal build (`meteo-fuzz TARGET FILE…`, how `make test` runs the committed corpus).
///
/// The target is chosen by `METEO_FUZZ_TARGET` under libFuzzer. A target passes when the parser answers with a
/// value or an error: a trap, a hang or a memory error is what the fuzzer reports.
enum FuzzTarget: String, CaseIterable {
    case json
    case openMeteoForecast = "open-meteo-forecast"
    case openMeteoSearch = "open-meteo-search"
    case openWeatherMap = "openweathermap"
    case toml
    case importFile = "import"
    case rfc3339
    case commandLine = "command-line"
    case wireRecord = "wire-record"
    case syncRequest = "sync-request"
    case terminalText = "terminal-text"
    case cursor
    case lineFormat = "line-format"
    case gatewayQuery = "gateway-query"

    /// Runs one input through the parser this target names.
    func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .json:
            if let value = JSONValue.parse(Data(bytes)) { _ = value.serialized(pretty: false) }
        case .openMeteoForecast, .openMeteoSearch, .openWeatherMap:
            Self.provider(self, bytes)
        case .toml:
            _ = try? TOMLReader.parse(text)
        case .importFile:
            if let records = try? RecordExchange.parse(text) {
                _ = RecordExchange.exportJSON(records)
                _ = RecordExchange.exportCSV(records)
            }
        case .rfc3339:
            if let time = RFC3339.parse(text) { _ = RFC3339.format(time, offsetSeconds: bytes.count * 60) }
        case .commandLine:
            let words = text.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            _ = try? CommandLineParser.parse(words, root: Self.commandTree)
        case .wireRecord:
            if let record = try? JSONDecoder().decode(WireRecord.self, from: Data(bytes)) {
                _ = record.problems()
                _ = record.json
                _ = WeatherRecord(wire: record)
            }
        case .syncRequest:
            if let request = try? JSONDecoder().decode(SyncRequest.self, from: Data(bytes)) {
                _ = request.problems()
                _ = request.json
            }
        case .cursor:
            // A cursor a client sends back: read, and what it says written again reads the same.
            if let page = PageCursor(text: text) { precondition(PageCursor(text: page.text)?.id == page.id) }
            if let change = ChangeCursor(text: text) { precondition(ChangeCursor(text: change.text) == change) }
            if let raw = OpaqueText.decode(text) { precondition(OpaqueText.decode(OpaqueText.encode(raw)) == raw) }
        case .lineFormat:
            // A `--format` template, as a flag or config.toml gives it: parsed, then written in every language.
            if let line = try? LineFormat(text) {
                for language in Language.allCases {
                    _ = line.render(Self.sampleForecast, units: .imperial, language: language, ascii: true, now: Date())
                }
            }
        case .gatewayQuery:
            // A client's request to the weather gateway: the first line is the path under /v1/gateway, the rest
            // the query (the service takes both from the request line).
            let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            let route = parts[0].split(separator: "/", maxSplits: 1).map(String.init)
            if let upstream = route.first.flatMap(GatewayUpstream.init(rawValue:)) {
                let path = route.count > 1 ? "/" + route[1] : ""
                if let query = try? GatewayQuery.parse(
                    upstream: upstream, path: path, query: parts.count > 1 ? String(parts[1]) : "")
                {
                    precondition(query.key.hasPrefix(upstream.rawValue + " " + path + "?"))
                    precondition(!query.parameters.contains { GatewayQuery.secretNames.contains($0.name.lowercased()) })
                }
            }
        case .terminalText:
            _ = TerminalText.visible(text)
            _ = TerminalText.quoted(text)
            _ = TerminalText.removingUnsafe(text)
        }
    }

    /// A forecast with a value in every field a format names, and one without any.
    static let sampleForecast: Forecast = {
        let time = Date(timeIntervalSince1970: 1_795_789_200)
        var forecast = Forecast(
            place: Place(name: "Fuzz", latitude: 0, longitude: 0), provider: .openMeteo, utcOffsetSeconds: -12_600,
            current: Conditions(
                time: time, temperature: -40, apparentTemperature: -45, weatherCode: 99, humidity: 100,
                windSpeed: 300, windDirection: 359, pressure: 1100, precipitation: 500, uvIndex: 15),
            hourly: [
                HourlyForecast(time: time.addingTimeInterval(3600), precipitationProbability: 90, precipitation: 9)
            ],
            daily: [
                DailyForecast(
                    date: LocalDate(time, utcOffsetSeconds: -12_600), sunrise: time, sunset: time, daylightSeconds: 0,
                    uvIndexMax: 15)
            ], fetchedAt: time)
        forecast.airQuality = AirQuality(europeanAQI: 500, usAQI: 500, owmIndex: 5)
        return forecast
    }()

    /// A command tree with every kind of option, as meteo's are built.
    static let commandTree = CommandSpec(
        name: "fuzz", abstract: "fuzz",
        subcommands: [
            CommandSpec(
                name: "now", abstract: "now",
                arguments: [ArgumentSpec("place", help: "", isRepeating: true, isOptional: true)],
                options: [
                    .value("lat", help: ""), .value("limit", help: ""), .flag("json", help: ""),
                    .invertibleFlag("ascii", help: ""),
                ]),
            CommandSpec(name: "history", abstract: "history", options: [.value("before", help: "")]),
        ], defaultSubcommand: "now", version: "0")

    /// A provider answering with `bytes`, as a server would send them, asked for a forecast or a search.
    static func provider(_ target: FuzzTarget, _ bytes: [UInt8]) {
        let http = FixedAnswer(body: Data(bytes))
        let place = Place(name: "Fuzz", latitude: 1, longitude: 2)
        let done = DispatchSemaphore(value: 0)
        Task {
            switch target {
            case .openWeatherMap:
                let provider = OpenWeatherMapProvider(baseURL: "http://127.0.0.1", apiKey: "k", http: http)
                _ = try? await provider.forecast(for: place)
                _ = try? await provider.airQuality(for: place)
                if let query = PlaceQuery("Fuzz") { _ = try? await provider.search(query, limit: 5) }
            case .openMeteoSearch:
                let provider = OpenMeteoProvider(
                    geocodingURL: "http://127.0.0.1", forecastURL: "http://127.0.0.1", http: http)
                if let query = PlaceQuery("Fuzz, FR") { _ = try? await provider.search(query, limit: 10) }
            default:
                let provider = OpenMeteoProvider(
                    geocodingURL: "http://127.0.0.1", forecastURL: "http://127.0.0.1",
                    airQualityURL: "http://127.0.0.1", http: http)
                _ = try? await provider.airQuality(for: place)
                if let forecast = try? await provider.forecast(for: place) {
                    _ = WeatherReport(forecast: forecast, units: .imperial, language: .french, stale: true).json()
                    _ = TextReport(forecast: forecast, units: .metric, language: .english, ascii: true).plain()
                    _ = forecast.forPresent(at: forecast.fetchedAt.addingTimeInterval(7200))
                }
            }
            done.signal()
        }
        done.wait()
    }
}

/// An HTTP client that answers every request with the same 200 body.
struct FixedAnswer: HTTPClient {
    let body: Data

    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: body)
    }
}

private let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["METEO_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data(
                "set METEO_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))\n".utf8)
        )
        exit(64)
    }
    return target
}()

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selected.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if METEO_FUZZING
    /// libFuzzer's driver: SwiftPM links an executable's entry point as `meteo_fuzz_main` (main is an alias of
    /// it), so the fuzzer is started from there rather than from libFuzzer's own main.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("meteo_fuzz_main")
    func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
    }
#else
    /// `meteo-fuzz TARGET FILE…`: each file once through the target, without libFuzzer (the regression replay).
    @main
    enum FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print(
                    "usage: meteo-fuzz TARGET FILE…  (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")))"
                )
                exit(64)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    print("meteo-fuzz: cannot read \(path)")
                    exit(1)
                }
                target.run([UInt8](data))
            }
            print("meteo-fuzz: \(arguments.count - 1) inputs through \(name), none failed")
        }
    }
#endif
