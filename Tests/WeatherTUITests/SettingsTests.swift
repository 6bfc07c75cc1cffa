import Foundation
import Testing
import WeatherCore
import WeatherTestSupport

@testable import WeatherTUI

@Suite struct SettingsTests {
    @Test func defaultsAreOpenMeteoMetricEnglish() throws {
        let settings = try Settings.resolve(file: [:], environment: ["HOME": "/home/ann", "LANG": "C.UTF-8"])
        #expect(settings.provider == .openMeteo)
        #expect(settings.units == .metric)
        #expect(settings.language == .english)
        #expect(settings.geocodingURL == "https://geocoding-api.open-meteo.com")
        #expect(settings.forecastURL == "https://api.open-meteo.com")
        #expect(settings.owmURL == "https://api.openweathermap.org")
        #expect(settings.connectTimeout == 5)
        #expect(settings.timeout == 15)
        #expect(settings.ascii == false)
        #expect(settings.cacheDirectory == "/home/ann/.cache/meteo")
    }

    @Test func fileThenEnvironmentThenFlagsWin() throws {
        let file = ["units": "imperial", "lang": "fr", "timeout": "30", "place": "Lyon"]
        let fromFile = try Settings.resolve(file: file, environment: [:])
        #expect(fromFile.units == .imperial)
        #expect(fromFile.language == .french)
        #expect(fromFile.timeout == 30)
        #expect(fromFile.defaultPlace == "Lyon")

        let fromEnvironment = try Settings.resolve(
            file: file, environment: ["METEO_UNITS": "metric", "METEO_TIMEOUT": "2.5"])
        #expect(fromEnvironment.units == .metric)
        #expect(fromEnvironment.timeout == 2.5)

        let fromFlags = try Settings.resolve(
            file: file, environment: ["METEO_UNITS": "metric"], overrides: .init(units: .imperial, language: .english))
        #expect(fromFlags.units == .imperial)
        #expect(fromFlags.language == .english)
    }

    @Test func localeChoosesLanguageAndAsciiFallback() throws {
        let french = try Settings.resolve(file: [:], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.language == .french)
        #expect(french.ascii == false)
        let posix = try Settings.resolve(file: [:], environment: ["LANG": "C"])
        #expect(posix.ascii == true)
        #expect(posix.language == .english)
        let forced = try Settings.resolve(
            file: [:], environment: ["LANG": "C", "METEO_ASCII": "no", "METEO_LANG": "fr"])
        #expect(forced.ascii == false)
        #expect(forced.language == .french)
        #expect(try Settings.resolve(file: [:], environment: ["LC_ALL": "de_DE.UTF-8"]).language == .german)
        #expect(try Settings.resolve(file: [:], environment: ["LC_ALL": "nl_NL.UTF-8"]).language == .english)
    }

    @Test func utf8IsReadFromTheLocaleCodeset() {
        for locale in ["C.UTF-8", "en_US.utf8", "de_DE.UTF-8@euro", "fr_FR.Utf-8"] {
            #expect(Settings.localeIsUTF8(["LANG": locale]), "\(locale)")
        }
        for locale in ["C", "POSIX", "en_US.ISO-8859-1", "utf8_without_codeset", "xx_XX.ISO@utf8", ""] {
            #expect(!Settings.localeIsUTF8(["LANG": locale]), "\(locale)")
        }
        // LC_ALL wins over LANG; an empty variable is skipped.
        #expect(!Settings.localeIsUTF8(["LC_ALL": "C", "LANG": "C.UTF-8"]))
        #expect(Settings.localeIsUTF8(["LC_ALL": "", "LANG": "C.UTF-8"]))
    }

    @Test func xdgFoldersAreHonoured() throws {
        let environment = ["HOME": "/h", "XDG_CACHE_HOME": "/x/cache", "XDG_CONFIG_HOME": "/x/config"]
        #expect(try Settings.resolve(file: [:], environment: environment).cacheDirectory == "/x/cache/meteo")
        #expect(Paths.configFile(environment) == "/x/config/meteo/config.toml")
        #expect(Paths.configFile(["HOME": "/h", "XDG_CONFIG_HOME": "relative"]) == "/h/.config/meteo/config.toml")
        #expect(Paths.configFile(["METEO_CONFIG": "/etc/m.toml"]) == "/etc/m.toml")
    }

    @Test(arguments: [
        (["units": "kelvin"], "Invalid units 'kelvin' in config.toml: expected metric or imperial."),
        (
            ["provider": "weather.com"],
            "Invalid provider 'weather.com' in config.toml: expected open-meteo or openweathermap."
        ),
        (["timeout": "-1"], "Invalid timeout '-1' in config.toml: expected a number of seconds between 0 and 600."),
        (
            ["forecast_url": "ftp://x"],
            "Invalid forecast_url 'ftp://x' in config.toml: expected an http:// or https:// URL."
        ),
        (["ascii": "maybe"], "Invalid ascii 'maybe' in config.toml: expected true or false."),
    ])
    func badValuesAreNamedInOneLine(file: [String: String], message: String) {
        #expect(throws: ConfigError.self) { try Settings.resolve(file: file, environment: [:]) }
        do {
            _ = try Settings.resolve(file: file, environment: [:])
        } catch {
            #expect(error.message(.forLanguage(.english)) == message)
        }
    }

    @Test func badEnvironmentValueNamesTheVariable() {
        do {
            _ = try Settings.resolve(file: [:], environment: ["METEO_LANG": "nl"])
            Issue.record("accepted METEO_LANG=nl")
        } catch {
            #expect(error.message(.forLanguage(.english)) == "Invalid lang 'nl' in METEO_LANG: expected en, fr or de.")
            #expect(
                error.message(.forLanguage(.french))
                    == "lang invalide 'nl' dans METEO_LANG : attendu en, fr ou de.")
        }
    }
}

@Suite struct ConfigFileTests {
    @Test func readsKnownKeysAndWarnsOfUnknownOnes() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/config.toml"
        try "units = \"imperial\"\ntimeout = 20\nascii = true\ncolour = \"blue\"\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let file = try ConfigFile.load(path: path)
        #expect(file.values == ["units": "imperial", "timeout": "20", "ascii": "true"])
        #expect(file.warnings == ["\(path): unknown setting 'colour' ignored."])
    }

    @Test func missingFileIsAnEmptyConfiguration() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/meteo/config.toml") == ConfigFile())
    }

    @Test func invalidTOMLIsOneClearError() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/config.toml"
        try "units = \"imperial\nprovider = \n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(throws: ConfigError.unreadableFile(path: folder.path, reason: "not a regular file")) {
            try ConfigFile.load(path: folder.path)
        }
    }

    @Test func aKeyReadableByOthersGetsAWarningUntilChmod600() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path + "/config.toml"
        try "owm_api_key = \"abc\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        let open = try ConfigFile.load(path: path)
        #expect(open.warnings.count == 1)
        #expect(open.warnings.first?.contains("chmod 600") == true)
        #expect(open.warnings.first?.contains("abc") == false)
        chmod(path, 0o600)
        #expect(try ConfigFile.load(path: path).warnings.isEmpty)
    }

    @Test func searchTableAlignsColumns() {
        let table = PlaceTable.render(
            [
                Place(
                    name: "Springfield", admin1: "Missouri", country: "United States", latitude: 37.2153,
                    longitude: -93.2982, population: 166_810),
                Place(
                    name: "Springfield", admin1: "Queensland", country: "Australia", latitude: -27.654,
                    longitude: 152.917),
            ], .forLanguage(.english))
        #expect(
            table == """
                #  Place        Region      Country        Population  Coordinates
                1  Springfield  Missouri    United States     166,810  37.2153, -93.2982
                2  Springfield  Queensland  Australia                  -27.6540, 152.9170
                """)
    }
}
