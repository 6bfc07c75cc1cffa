import Foundation
import Testing
import WeatherTestSupport

/// The built `meteo` binary, run as a script would, against the fixture cli.server.
@Suite struct MeteoCommandLineTests: MeteoCommandLineSuite {
    let cli: MeteoHarness

    init() throws { cli = try MeteoHarness() }

    // MARK: output formats

    @Test func plainBlockForAPlace() throws {
        let output = try run("now", "Paris")
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Paris, Île-de-France, FR · 14:15 (UTC+01:00)")
        #expect(lines.contains("☀  Clear sky"))
        #expect(lines.contains("Temperature    9.3°C (feels like 6.9°C)"))
        #expect(lines.contains("Wind           15 km/h SW (225°)"))
        #expect(lines.contains("Pressure       1016 hPa"))
        #expect(lines.contains("Fri 27  ◐ 4° / 13°  Partly cloudy"))
    }

    @Test func oneLineForStatusBars() throws {
        let output = try run("now", "Paris", "--format", "oneline")
        #expect(output.status == 0)
        #expect(output.stdout == "Paris: ☀ 9.3°C Clear sky, wind 15 km/h SW · Rain from 18:15 (35%)\n")
    }

    @Test func jsonIsStableAndComplete() throws {
        let output = try run("now", "Paris", "--json")
        #expect(output.status == 0)
        let report = try json(output.stdout)
        let place = try #require(report["place"] as? [String: Any])
        let current = try #require(report["current"] as? [String: Any])
        #expect(place["name"] as? String == "Paris")
        #expect(place["admin1"] as? String == "Île-de-France")
        #expect(place["country_code"] as? String == "FR")
        #expect(place["timezone"] as? String == "Europe/Paris")
        #expect(current["temperature"] as? Double == 9.3)
        #expect(current["time"] as? String == "2026-11-27T14:15:00+01:00")
        #expect(report["provider"] as? String == "open-meteo")
        #expect(report["stale"] as? Bool == false)
        #expect((report["hourly"] as? [Any])?.count == 48)
        #expect((report["daily"] as? [Any])?.count == 7)
        #expect(try json(try run("now", "Paris", "--format", "json").stdout)["place"] != nil)
    }

    @Test func imperialAndFrench() throws {
        let output = try run("now", "Springfield, MO", "--units", "imperial", "--lang", "fr")
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Springfield, Missouri, US · 07:15 (UTC-06:00)\n❄  Neige faible\n"))
        // French writes a decimal comma and a space before the unit
        #expect(output.stdout.contains("Température     37,6 °F (ressenti 33,3 °F)"))
        #expect(output.stdout.contains("Vent            9 mph SO (225°)"))
        #expect(output.stdout.contains("Pression        30,01 inHg"))
        #expect(output.stdout.contains("07h 34° 0 %  10h 39° 21 %"))
        let fromEnvironment = try run("now", "London", env: ["METEO_LANG": "fr", "METEO_UNITS": "imperial"])
        #expect(fromEnvironment.stdout.hasPrefix("Londres, Angleterre, GB"))
        #expect(fromEnvironment.stdout.contains("°F"))
    }

    @Test func asciiWhenTheLocaleIsNotUTF8() throws {
        let output = try run("now", "Paris", "--format", "oneline", env: ["LANG": "C"])
        #expect(output.stdout == "Paris: * 9.3C Clear sky, wind 15 km/h SW - Rain from 18:15 (35%)\n")
        // The whole text follows the mode: accents folded, the unit without its degree sign, angles in words
        let plain = try run("now", "Paris", env: ["LANG": "C"]).stdout
        #expect(plain.hasPrefix("Paris, Ile-de-France, FR - 14:15 (UTC+01:00)\n"))
        #expect(plain.contains("Temperature    9.3C (feels like 6.9C)"))
        #expect(plain.contains("Wind           15 km/h SW (225deg)"))
        #expect(plain.contains("Fri 27  ( 4C / 13C  Partly cloudy"))
        #expect(plain.utf8.allSatisfy { $0 < 0x80 })
        // JSON keeps its values, written in ASCII with escapes
        let json = try run("now", "Paris", "--json", env: ["LANG": "C"]).stdout
        #expect(json.utf8.allSatisfy { $0 < 0x80 })
        #expect(json.contains(#""admin1" : "\u00cele-de-France""#))
        #expect((try self.json(json)["place"] as? [String: Any])?["admin1"] as? String == "Île-de-France")
    }

    @Test func sameNamePlaces() throws {
        #expect(try run("now", "Paris, Texas", "--json").stdout.contains(#""admin1" : "Texas""#))
        #expect(try run("now", "Paris,", "US", "--json").stdout.contains(#""admin1" : "Texas""#))
        let search = try run("search", "Springfield")
        #expect(search.status == 0)
        let rows = search.stdout.split(separator: "\n")
        #expect(rows.count == 6)
        #expect(rows[2] == "2  Springfield  Missouri       United States     166,810  37.2153, -93.2982")
        let narrowed = try run("search", "Springfield, MO", "--json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(narrowed.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["population"] as? Int == 166_810)
    }

    @Test func coordinatesSkipGeocoding() throws {
        let output = try run("now", "--lat", "48.8534", "--lon", "2.3488", "--json")
        #expect(output.status == 0)
        #expect(
            try json(output.stdout)["place"].flatMap { ($0 as? [String: Any])?["name"] as? String } == "48.8534, 2.3488"
        )
        #expect(cli.server.requests.allSatisfy { ["/v1/forecast", "/v1/air-quality"].contains($0.path) })
    }

    @Test func openWeatherMapWithAKey() throws {
        let output = try run(
            "now", "Paris", "--provider", "openweathermap", "--json", env: ["METEO_OWM_API_KEY": "valid-key"])
        #expect(output.status == 0)
        let report = try json(output.stdout)
        #expect(report["provider"] as? String == "openweathermap")
        // The 5-day forecast's 3-hour steps become hours (rain spread over them) and days; today's sun comes
        // from the current answer's `sys`; the air from the air pollution API, asked at the same time
        let hourly = try #require(report["hourly"] as? [[String: Any]])
        #expect(hourly.count == 46)
        #expect(hourly.first?["time"] as? String == "2026-11-27T17:00:00+01:00")
        let sun = try #require(report["sun"] as? [String: Any])
        #expect(sun["sunrise"] as? String == "2026-11-27T08:12:00+01:00")
        #expect(sun["daylight_seconds"] as? Double == 31_560)
        #expect((report["rain_soon"] as? [String: Any])?["from"] as? String == "2026-11-27T23:00:00+01:00")
        #expect(report["uv"] is NSNull)
        let air = try #require(report["air_quality"] as? [String: Any])
        #expect(air["owm_index"] as? Double == 2)
        #expect(air["owm_category"] as? String == "fair")
        #expect(air["pm2_5"] as? Double == 8.2)
        let text = try run("now", "Paris", "--provider", "openweathermap", env: ["METEO_OWM_API_KEY": "valid-key"])
        #expect(text.stdout.contains("Sun  ↑ 08:12  ↓ 16:58  8 h 46 min of daylight (the place’s time)\n"))
        #expect(text.stdout.contains("Air  AQI 2 of 5 (fair); PM2.5 8, PM10 15, O₃ 52, NO₂ 12 µg/m³\n"))
        #expect(text.stdout.contains("Sat 28  ☁ 4° / 7°  Overcast"))
    }

    @Test func aLineOfYourOwn() throws {
        let line = try run("now", "Paris", "--format", "{icon} {temperature} {rain_soon} UV {uv} ↑{sunrise} {{x}}")
        #expect(line.stdout == "☀ 9.3°C Rain from 18:15 (35%) UV 1 ↑08:12 {x}\n")
        // A value the provider did not send is a dash
        let london = try run("now", "London", "--format", "{feels_like}|{pressure}|{description}")
        #expect(london.stdout == "–|–|Clear sky\n")
        // In the language and the ASCII of the run
        #expect(
            try run("now", "Paris", "--lang", "de", "--ascii", "--format", "{icon} {temperature}").stdout == "* 9,3 C\n"
        )
        // Unknown placeholders and broken braces are usage errors that list what exists
        let unknown = try run("now", "Paris", "--format", "{icon} {pollen}")
        #expect(unknown.status == 64)
        #expect(
            unknown.stderr.hasPrefix(
                "meteo: unknown placeholder '{pollen}' in --format; the placeholders are place, icon,"))
        #expect(try run("now", "Paris", "--format", "{icon").stderr.contains("--format has an unclosed brace"))
        #expect(try run("now", "Paris", "--format", "{icon}", "--json").status == 64)
        // The `format` setting, checked when it is read; a flag wins over it
        #expect(try run("now", "Paris", env: ["METEO_FORMAT": "{place} {temperature}"]).stdout == "Paris 9.3°C\n")
        let json = try run("now", "Paris", "--json", env: ["METEO_FORMAT": "{place}"])
        #expect(try self.json(json.stdout)["place"] != nil)
        let bad = try run("now", "Paris", env: ["METEO_FORMAT": "{nope}"])
        #expect(bad.status == 5)
        #expect(
            bad.stderr.hasPrefix("meteo: Invalid format '{nope}' in METEO_FORMAT: expected plain, oneline, json or"))
    }

    @Test func airQualityBesideTheWeather() throws {
        let plain = try run("now", "Paris").stdout
        #expect(
            plain.contains("Air  European AQI 23 (fair), US AQI 41 (good); PM2.5 8, PM10 15, O₃ 52, NO₂ 12 µg/m³\n"))
        let report = try json(try run("now", "Paris", "--json").stdout)
        let air = try #require(report["air_quality"] as? [String: Any])
        #expect(air["european_aqi"] as? Double == 23)
        #expect(air["us_category"] as? String == "good")
        #expect(air["nitrogen_dioxide"] as? Double == 12.4)
        #expect(report["air_quality_error"] is NSNull)
        #expect(try run("now", "Paris", "--format", "AQI {aqi} ({air_quality})").stdout == "AQI 23 (fair)\n")
        let stopped = try FixtureServer { _ in .close }
        stopped.stop()
        let gone = stopped.baseURL
        // Kept offline with the rest: the network gone, the last answer still has its air
        let offline = try run(
            "now", "Paris", "--json",
            env: [
                "METEO_GEOCODING_URL": gone, "METEO_FORECAST_URL": gone, "METEO_AIR_QUALITY_URL": gone,
                "METEO_NOW": "2026-11-27T13:25:00Z",
            ])
        #expect((try json(offline.stdout)["air_quality"] as? [String: Any])?["european_aqi"] as? Double == 23)
        // Only the air-quality service is down: the weather shows, exit 0, and the air part says why
        let down = try run("now", "Paris", env: ["METEO_AIR_QUALITY_URL": gone])
        #expect(down.status == 0)
        #expect(down.stdout.contains("Temperature    9.3°C"))
        #expect(down.stdout.contains("Air  unavailable: Cannot connect to 127.0.0.1"))
        let downJSON = try json(try run("now", "Paris", "--json", env: ["METEO_AIR_QUALITY_URL": gone]).stdout)
        #expect(downJSON["air_quality"] is NSNull)
        #expect((downJSON["air_quality_error"] as? String)?.hasPrefix("Cannot connect to 127.0.0.1") == true)
    }

    @Test func rainSoonSunAndUV() throws {
        let plain = try run("now", "Paris").stdout
        #expect(
            plain.contains(
                """

                Rain from 18:15 (35%)
                Sun  ↑ 08:12  ↓ 16:58  8 h 46 min of daylight (the place’s time)
                UV   1 now (low), today up to 3 (moderate)

                """))
        let report = try json(try run("now", "Paris", "--json").stdout)
        let rain = try #require(report["rain_soon"] as? [String: Any])
        #expect(rain["state"] as? String == "later")
        #expect(rain["from"] as? String == "2026-11-27T18:15:00+01:00")
        #expect(rain["probability"] as? Double == 35)
        let uv = try #require(report["uv"] as? [String: Any])
        #expect(uv["now"] as? Double == 1.4)
        #expect(uv["max_category"] as? String == "moderate")
        let today = try #require((report["daily"] as? [[String: Any]])?.first)
        #expect(today["sunset"] as? String == "2026-11-27T16:58:00+01:00")
        #expect(today["uv_index_max"] as? Double == 3.2)
        // A place with no quarter hours and sparse data: the claim reaches no further than the data
        let london = try json(try run("now", "London", "--json").stdout)
        #expect((london["rain_soon"] as? [String: Any])?["horizon_hours"] as? Double ?? 99 <= 4)
    }

    // MARK: errors: one line, documented exit codes

    @Test func unknownPlaceExits3() throws {
        let output = try run("now", "Atlantis")
        #expect(output.status == 3)
        #expect(output.stdout == "")
        // Searching the same words would find nothing again: no suggestion to run what just failed
        #expect(output.stderr == "meteo: No place called 'Atlantis'. Check the spelling.\n")
        let search = try run("search", "Atlantis")
        #expect(search.status == 3)
        #expect(search.stderr == "meteo: No place called 'Atlantis'. Check the spelling.\n")
        // The JSON form ends as the text form does, with an empty list for the script
        let json = try run("search", "Atlantis", "--json")
        #expect(json.status == 3)
        #expect(json.stdout == "[]\n")
        // A qualifier that left nothing: the bare name, quoted for the shell, lists every place of that name
        let qualified = try run("now", "Paris, XX")
        #expect(qualified.status == 3)
        #expect(
            qualified.stderr
                == "meteo: No place called 'Paris, XX'. `meteo search Paris` lists every place of that name.\n")
        #expect(try run("now", "New York, XX").stderr.contains("`meteo search 'New York'`"))
        // Echoed input is cut and quoted: a pasted paragraph stays one line
        let long = try run("now", String(repeating: "Atlantis ", count: 40))
        #expect(long.stderr.split(separator: "\n").count == 1)
        #expect(long.stderr.count < 120)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run("now").status == 64)
        #expect(try run("now", "--lat", "91", "--lon", "0").status == 64)
        #expect(try run("now", "--lat", "1").status == 64)
        #expect(try run("now", "Paris", "--units", "kelvin").status == 64)
        #expect(try run("now", "Paris", "--json", "--format", "oneline").status == 64)
        let mistyped = try run("frobnicate")
        #expect(mistyped.status == 64)
        #expect(mistyped.stderr.hasPrefix("meteo: unknown command 'frobnicate'; the commands are tui, now, search,"))
        #expect(mistyped.stderr.hasSuffix(" (see 'meteo --help')\n"))
        let badValue = try run("history", "--limit", "ten")
        #expect(badValue.status == 64)
        #expect(badValue.stderr == "meteo: '--limit' does not take 'ten' (see 'meteo history --help')\n")
        let bogus = try run("now", "Paris", "--bogus")
        #expect(bogus.status == 64)
        #expect(bogus.stderr == "meteo: unknown option '--bogus' (see 'meteo now --help')\n")
        // Each command takes the shared flags that change what it does, and its help lists only those
        for (command, refused) in [
            ("undo", "--provider"), ("delete", "--provider"), ("export", "--ascii"),
            ("export", "--units"), ("import", "--provider"), ("history", "--provider"),
        ] {
            let run = try run(command, refused)
            #expect(run.status == 64, "\(command) \(refused)")
            #expect(run.stderr.hasPrefix("meteo: unknown option '\(refused)'"), "\(command) \(refused)")
            #expect(!(try self.run(command, "--help").stdout.contains(refused)), "\(command) --help")
        }
        #expect(try run("now", "--help").stdout.contains("--provider"))
    }

    @Test func negativeCoordinatesAreValues() throws {
        // South of the equator and west of Greenwich: `-33.9` is a latitude, not an option.
        let output = try run("now", "--lat", "-33.9249", "--lon", "-18.4241", "--format", "oneline")
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.stdout.hasPrefix("-33.9249, -18.4241: ☀ 20.0°C Clear sky, wind 15 km/h SW"))
    }

    @Test func helpAndVersionSucceedOnStdout() throws {
        let help = try run("now", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: Show the weather for a place."))
        #expect(help.stdout.contains("USAGE: meteo now [<place> ...] [--lat <lat>] [--lon <lon>]"))
        #expect(try run("help", "history").stdout == run("history", "-h").stdout)
        let version = try run("--version")
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
    }

    @Test func keyProblemsExit5() throws {
        let missing = try run("now", "Paris", "--provider", "openweathermap")
        #expect(missing.status == 5)
        #expect(
            missing.stderr
                == "meteo: OpenWeatherMap needs an API key. Set METEO_OWM_API_KEY or owm_api_key in config.toml.\n")
        let invalid = try run(
            "now", "Paris", "--provider", "openweathermap", env: ["METEO_OWM_API_KEY": "not-valid-key"])
        #expect(invalid.status == 5)
        #expect(
            invalid.stderr == "meteo: OpenWeatherMap rejected the API key. Check METEO_OWM_API_KEY or owm_api_key.\n")
        #expect(!invalid.stderr.contains("not-valid-key"))
    }

    @Test func badConfigurationExits5() throws {
        let folder = cli.home.path + "/.config/meteo"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "units = [1, 2]\n".write(toFile: folder + "/config.toml", atomically: true, encoding: .utf8)
        let output = try run("now", "Paris")
        #expect(output.status == 5)
        #expect(output.stderr.split(separator: "\n").count == 1)
        try FileManager.default.removeItem(atPath: folder + "/config.toml")
        // A file named by METEO_CONFIG must be there; the default one may be absent
        let named = try run("now", "Paris", env: ["METEO_CONFIG": cli.home.path + "/nowhere.toml"])
        #expect(named.status == 5)
        #expect(
            named.stderr == "meteo: Cannot read \(cli.home.path)/nowhere.toml: no such file (named by METEO_CONFIG).\n")
        // A file saved on Windows (CRLF, byte order mark) is read
        try "\u{FEFF}units = \"imperial\"\r\nlang = \"fr\"\r\n".write(
            toFile: cli.home.path + "/windows.toml", atomically: true, encoding: .utf8)
        let windows = try run("now", "Paris", "--json", env: ["METEO_CONFIG": cli.home.path + "/windows.toml"])
        #expect(windows.status == 0, "\(windows.stderr)")
        let units = try #require(try json(windows.stdout)["units"] as? [String: Any])
        #expect(units["system"] as? String == "imperial", "\(windows.stdout)")
        let environment = try run("now", "Paris", env: ["METEO_FORECAST_URL": "not a url"])
        #expect(environment.status == 5)
        #expect(
            environment.stderr
                == "meteo: Invalid forecast_url 'not a url' in METEO_FORECAST_URL: expected an http:// or https:// URL.\n"
        )
    }

    @Test func configFileSetsDefaultsAndFlagsWin() throws {
        let folder = cli.home.path + "/config"
        try FileManager.default.createDirectory(atPath: folder + "/meteo", withIntermediateDirectories: true)
        try "units = \"imperial\"\nplace = \"London\"\n".write(
            toFile: folder + "/meteo/config.toml", atomically: true, encoding: .utf8)
        let fromFile = try run("now", "--format", "oneline", env: ["XDG_CONFIG_HOME": folder])
        #expect(fromFile.stdout.hasPrefix("London: ☀ 46.8°F"))
        let flag = try run("now", "--format", "oneline", "--units", "metric", env: ["XDG_CONFIG_HOME": folder])
        #expect(flag.stdout.hasPrefix("London: ☀ 8.2°C"))
    }

    @Test(arguments: [
        (
            FixtureServer.Reply.respond(status: 500, body: Data("boom".utf8)),
            "meteo: Open-Meteo reported an error (HTTP 500): unexpected answer\n"
        ),
        (
            .json(
                #"{"error":true,"reason":"Minutely API request limit exceeded"}"#, status: 429,
                headers: ["Retry-After": "90"]),
            "meteo: Open-Meteo is rate limiting requests: retry in 2 min.\n"
        ),
        (
            .json("{\"results\": [", status: 200),
            "meteo: Open-Meteo sent an answer meteo cannot read. Try again later.\n"
        ),
        (.respond(status: 200, body: Data()), "meteo: Open-Meteo sent an answer meteo cannot read. Try again later.\n"),
        (
            .truncated(status: 200, body: Data("{\"results\":".utf8), missing: 30),
            "meteo: The connection closed before the answer was complete. Try again.\n"
        ),
        (
            .json(#"{"error":true,"reason":"Parameter 'name' is required"}"#, status: 400),
            "meteo: Open-Meteo reported an error (HTTP 400): Parameter 'name' is required\n"
        ),
    ])
    func providerAndNetworkFaultsExit4WithOneLine(reply: FixtureServer.Reply, message: String) throws {
        let failing = try FixtureServer { _ in reply }
        let output = try run("now", "Paris", server: failing)
        #expect(output.status == 4)
        #expect(output.stdout == "")
        #expect(output.stderr == message)
    }

    @Test func theCauseBehindAMessageGoesToTheLogFile() throws {
        let failing = try FixtureServer { _ in .json("{\"results\": [", status: 200) }
        let output = try run("now", "Paris", env: ["XDG_STATE_HOME": cli.home.path + "/state"], server: failing)
        #expect(output.status == 4)
        let log = try String(contentsOfFile: cli.home.path + "/state/meteo/meteo.log", encoding: .utf8)
        #expect(
            log.contains("Open-Meteo sent an answer meteo cannot read. Try again later. [open-meteo: body is not JSON]")
        )
        let mode = try FileManager.default.attributesOfItem(atPath: cli.home.path + "/state/meteo/meteo.log")[
            .posixPermissions]
        #expect(mode as? Int == 0o600)
    }

    @Test func timeoutAndRefusedAndDNS() throws {
        let slow = try FixtureServer { _ in .delayed(seconds: 5, then: .json("{}")) }
        let timedOut = try run("now", "Paris", env: ["METEO_TIMEOUT": "0.3"], server: slow)
        #expect(timedOut.status == 4)
        #expect(timedOut.stderr == "meteo: No answer within 0.3 s: the network or the service is slow.\n")

        let gone = try FixtureServer { _ in .close }
        let goneEnvironment = cli.environment([:], server: gone)
        gone.stop()
        let refused = try cli.meteo.run(["now", "Paris"], environment: goneEnvironment)
        #expect(refused.status == 4)
        #expect(
            refused.stderr == "meteo: Cannot connect to 127.0.0.1: the network is down or the service is not running.\n"
        )

        let unresolvable = try run(
            "now", "Paris", env: ["METEO_GEOCODING_URL": "http://no-such-host.invalid", "METEO_CONNECT_TIMEOUT": "3"])
        #expect(unresolvable.status == 4)
        #expect(
            unresolvable.stderr
                == "meteo: Cannot resolve no-such-host.invalid: check the network connection or the URL.\n")
    }

    @Test func offlineShowsTheLastResultMarkedStaleOnlyWhileItCoversThePresent() throws {
        // Given one good answer for Paris at 13:20 UTC (a fixed clock; the reader in New York)
        let clock = ["METEO_NOW": "2026-11-27T13:20:00Z", "TZ": "America/New_York"]
        #expect(try run("now", "Paris", env: clock).status == 0)
        // When the service is gone five minutes later
        let gone = try FixtureServer { _ in .close }
        gone.stop()
        let soon = cli.environment(clock.merging(["METEO_NOW": "2026-11-27T13:25:00Z"]) { $1 }, server: gone)
        let stale = try cli.meteo.run(["now", "paris", "--json"], environment: soon)
        // Then the cached result is shown, marked stale, and stderr says when in the reader's zone and how old
        #expect(stale.status == 0)
        #expect(try json(stale.stdout)["stale"] as? Bool == true)
        let refused = "Cannot connect to 127.0.0.1: the network is down or the service is not running."
        #expect(stale.stderr == "meteo: warning: \(refused) Showing the result from 08:20 (5 min ago).\n")
        let plain = try cli.meteo.run(["now", "Paris"], environment: soon)
        #expect(plain.stdout.split(separator: "\n")[1] == "(stale: Open-Meteo from 08:20 your time, 5 min ago)")

        // When three hours have passed: "now" is what that forecast said for this hour, and says so
        let later = cli.environment(clock.merging(["METEO_NOW": "2026-11-27T16:20:00Z"]) { $1 }, server: gone)
        let forecast = try cli.meteo.run(["now", "Paris"], environment: later)
        #expect(forecast.status == 0)
        #expect(
            forecast.stderr
                == "meteo: warning: \(refused) Showing what the forecast from 08:20 (3 h ago) said for this hour.\n")
        #expect(forecast.stdout.hasPrefix("Paris, Île-de-France, FR · 17:00 (UTC+01:00)\n"))
        #expect(forecast.stdout.contains("(now: what that forecast said for this hour, not an observation)"))

        // When days have passed: not shown as the weather now; one line with the date and age, exit 4
        let days = cli.environment(clock.merging(["METEO_NOW": "2026-11-30T13:20:00Z"]) { $1 }, server: gone)
        let old = try cli.meteo.run(["now", "Paris"], environment: days)
        #expect(old.status == 4)
        #expect(old.stdout == "")
        #expect(
            old.stderr
                == "meteo: \(refused) The last result for this place is from 27 Nov 08:20 (3 days ago): too old to "
                + "show as the weather now.\n")
        // And a place never fetched still fails
        #expect(try cli.meteo.run(["now", "Berlin"], environment: soon).status == 4)
    }

    /// Whether `text` holds a byte sequence that acts on a terminal: C0 (but a line feed), DEL, C1, or a
    /// bidirectional embedding, override or isolate.
    static func hasRawControl(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return true }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            if byte == 0xC2, (0x80...0x9F).contains(next) { return true }
            if byte == 0xE2, next == 0x80, (0xAA...0xAE).contains(third) { return true }
            if byte == 0xE2, next == 0x81, (0xA6...0xA9).contains(third) { return true }
        }
        return false
    }

    static let hostileNames = [
        "Par\u{1B}[31mis", "\u{1B}]0;pwned\u{07}Lyon", "Bell\u{07}ville", "Two\r\nLines", "C1\u{9B}2Jcity",
        "evil\u{202E}gnp.exe", "\u{2066}Isolate\u{2069}", "Del\u{7F}ft",
    ]

    @Test func hostileNamesNeverReachTheTerminalRaw() throws {
        // Given a geocoder whose every name, region and country holds terminal controls
        let routes = FixtureRoutes(directory: FixtureRoutes.projectFixtures)
        let hostile = try FixtureServer { request in
            guard request.path == "/v1/search" else { return routes.reply(to: request) }
            let results = Self.hostileNames.enumerated().map { index, name in
                [
                    "name": name, "admin1": name, "country": name, "country_code": "F\u{1B}", "timezone": name,
                    "latitude": 48.85 + Double(index) / 100, "longitude": 2.35, "population": 1000 - index,
                ] as [String: Any]
            }
            let body = try? JSONSerialization.data(withJSONObject: ["results": results])
            return .respond(status: 200, headers: ["Content-Type": "application/json"], body: body ?? Data())
        }
        var outputs: [ChildProcess.Output] = []
        for arguments in [
            ["search", "x"], ["search", "x", "--json"], ["now", "x"], ["now", "x", "--json"],
            ["now", "x", "--format", "oneline"], ["record", "x"], ["history"], ["history", "--json"],
        ] {
            outputs.append(try cli.meteo.run(arguments, environment: cli.environment([:], server: hostile)))
        }
        // And input typed with controls, echoed in errors
        outputs.append(try run("now", "Par\u{1B}[31mis\u{07}"))
        outputs.append(try run("now", "--units", "\u{1B}]52;c;Zm9v\u{07}"))
        outputs.append(try run("delete", "\u{9B}6n"))
        // And an import file holding the same names
        let file = cli.home.path + "/hostile.json"
        let records = Self.hostileNames.enumerated().map { index, name in
            #"{"id":"00000000-0000-4000-8000-00000000000\#(index)","place":{"name":"\#(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" ? String($0) : String(format: "\\u%04x", $0.value) }.joined())","latitude":1,"longitude":2},"observed_at":"2026-11-27T13:00:00Z","recorded_at":"2026-11-27T13:04:12Z","provider":"open-meteo"}"#
        }
        try #"{"records":[\#(records.joined(separator: ","))]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        outputs.append(try run("import", file))

        // Then no byte that acts on a terminal is written raw, and every JSON output is still JSON
        for output in outputs {
            #expect(!Self.hasRawControl(output.stdout), "\(output.stdout)")
            #expect(!Self.hasRawControl(output.stderr), "\(output.stderr)")
            if output.stdout.hasPrefix("{") || output.stdout.hasPrefix("[") {
                #expect((try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) != nil)
            }
        }
        // And records kept before these rules (written straight into the store) show escaped, never raw
        _ = try run("history")
        let insert = Self.hostileNames.enumerated().map { index, name in
            let sqlName = name.unicodeScalars.map { "char(\($0.value))" }.joined(separator: "||")
            return "INSERT INTO record (id, place_name, place_key, latitude, longitude, observed_at, recorded_at, "
                + "provider, units, dirty) VALUES ('00000000-0000-4000-8000-0000000001\(index)0', \(sqlName), 'x', 1, 2, "
                + "\(1_795_784_652_000 + index), \(1_795_784_652_000 + index), 'open-meteo', 'metric', 0);"
        }.joined()
        let sqlite = try Spawn.run(
            "/usr/bin/sqlite3", [cli.home.path + "/.local/share/meteo/records.sqlite", insert], mergeErrors: true)
        #expect(sqlite.status == 0, "\(sqlite.output)")
        let old = [try run("history"), try run("show", "00000000-0000-4000-8000-000000000100"), try run("export")]
        #expect(old[0].stdout.contains("Par\\x1b[31mis"))
        for output in old {
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!Self.hasRawControl(output.stdout), "\(output.stdout)")
            #expect(!Self.hasRawControl(output.stderr), "\(output.stderr)")
        }

        // And the import was refused whole, naming the field
        #expect(outputs.last?.status == 64)
        #expect(outputs.last?.stderr.contains("place.name must be 1 to 200 characters") == true)
        // And what the geocoder sent was kept without its controls
        #expect(outputs[5].status == 0, "\(outputs[5].stderr)")
        #expect(outputs[6].stdout.contains("Par[31mis"))
    }

    @Test func helpAndVersion() throws {
        let help = try run("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("now"))
        #expect(help.stdout.contains("search"))
        #expect(try run("--version").stdout.hasPrefix("0."))
    }
}
