import Foundation
import Testing
import WeatherTestSupport

/// Every command speaks the reader's language, errors included: `--lang`, `lang` in config.toml, `METEO_LANG`,
/// then the locale.
@Suite struct LanguageCommandLineTests: MeteoCommandLineSuite {
    let cli: MeteoHarness

    init() throws { cli = try MeteoHarness() }

    @Test func theReportInGermanWritesCommasAndGermanDays() throws {
        let output = try run("now", "Paris", "--lang", "de")
        #expect(output.status == 0)
        #expect(output.stdout.contains("Temperatur    9,3 °C (gefühlt 6,9 °C)\nFeuchte       71 %\n"))
        #expect(output.stdout.contains("Wind          15 km/h SW (225°)"))
        #expect(output.stdout.contains("Niederschlag  0,0 mm"))
        #expect(output.stdout.contains("Nächste Stunden"))
        #expect(output.stdout.contains("Fr. 27"))
        let oneLine = try run("now", "Paris", "--lang", "de", "--format", "oneline")
        #expect(oneLine.stdout.contains("9,3 °C"))
        #expect(oneLine.stdout.contains("Wind 15 km/h SW"))
    }

    @Test func usageErrorsFollowTheFlagTheVariableAndTheLocale() throws {
        let french = try run("now", "Paris", "--bogus", "--lang", "fr")
        #expect(french.status == 64)
        #expect(french.stderr == "meteo : option inconnue '--bogus' (voir 'meteo now --help')\n")
        let german = try run("now", "Paris", "--bogus", env: ["LANG": "de_DE.UTF-8"])
        #expect(german.stderr == "meteo: unbekannte Option '--bogus' (siehe 'meteo now --help')\n")
        let fromVariable = try run("history", "--limit", "0", env: ["METEO_LANG": "de"])
        #expect(fromVariable.stderr == "meteo: --limit muss in 1…10000 liegen (siehe 'meteo history --help')\n")
        let choice = try run("now", "Paris", "--units", "kelvin", "--lang", "fr")
        #expect(
            choice.stderr == "meteo : '--units' prend metric ou imperial, pas 'kelvin' (voir 'meteo now --help')\n")
    }

    @Test func helpIsInTheLanguage() throws {
        let french = try run("history", "--help", "--lang", "fr")
        #expect(french.status == 0)
        #expect(french.stdout.hasPrefix("RÉSUMÉ : Liste les relevés conservés, du plus récent au plus ancien.\n"))
        #expect(french.stdout.contains("OPTIONS :\n  --limit <limit>         Combien de relevés (1…10000)."))
        let german = try run("help", env: ["LANG": "de_DE.UTF-8"])
        #expect(german.stdout.hasPrefix("ÜBERSICHT: Das Wetter, in Ihrem Terminal.\n"))
        #expect(german.stdout.contains("  tui (Standard)"))
    }

    @Test func errorsAndResultsAreInTheLanguage() throws {
        let missing = try run("now", "Atlantis", "--lang", "de")
        #expect(missing.status == 3)
        #expect(missing.stderr == "meteo: Kein Ort namens 'Atlantis'. Schreibweise prüfen.\n")
        let config = try run("now", "Paris", env: ["METEO_LANG": "fr", "METEO_UNITS": "kelvin"])
        #expect(config.status == 5)
        #expect(config.stderr == "meteo : units invalide 'kelvin' dans METEO_UNITS : attendu metric ou imperial.\n")
        let empty = try run("history", env: ["METEO_LANG": "de"])
        #expect(empty.stderr.hasPrefix("meteo: Noch keine Einträge: einen mit `meteo record ORT` speichern"))
        let noFile = try run("import", cli.home.path + "/nothing.json", "--lang", "fr")
        #expect(noFile.stderr == "meteo : Impossible de lire '\(cli.home.path)/nothing.json' : fichier introuvable.\n")
        let search = try run("search", "Springfield", "--lang", "de")
        #expect(search.stdout.hasPrefix("#  Ort "))
        #expect(search.stdout.contains("Einwohner"))
        #expect(search.stdout.contains("166.810"))
    }

    @Test func keepingDeletingAndUndoingSpeakFrench() throws {
        let id = try run("record", "Paris").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let deleted = try run("delete", String(id.prefix(8)), "--lang", "fr")
        #expect(deleted.stdout.hasPrefix("Supprimé : \(id.prefix(8))"))
        #expect(deleted.stdout.contains("9,3 °C"))
        #expect(deleted.stdout.hasSuffix("Annulez avec `meteo undo`.\n"))
        #expect(try run("undo", "--lang", "fr").stdout.hasPrefix("Rétabli : \(id.prefix(8))"))
        #expect(try run("undo", "--lang", "de").stdout == "Nichts rückgängig zu machen.\n")
        let shown = try run("show", String(id.prefix(8)), "--lang", "de").stdout
        #expect(shown.hasPrefix("▣ Gespeicherter Eintrag, kein aktuelles Wetter\n"))
        #expect(shown.contains("48,8534° N, 2,3488° O"))
        #expect(shown.contains("Beobachtet um 14:15 vor Ort (UTC+01:00) · 27. Nov. 2026 13:15 Ihrer Zeit"))
    }
}
