// swift-format-ignore-file: a table reads best one entry a line, whatever its length.

extension Labels {
    /// German: numbers with a decimal comma (9,3 °C), dates as "27. Nov.", east is "O".
    static let german = Labels(
        language: .german,
        temperature: "Temperatur", feelsLike: "gefühlt", humidity: "Feuchte", wind: "Wind", pressure: "Luftdruck",
        precipitation: "Niederschlag", nextHours: "Nächste Stunden", nextDays: "Nächste Tage",
        weekdays: ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."],
        months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        compass: ["N", "NNO", "NO", "ONO", "O", "OSO", "SO", "SSO", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"],
        decimalMark: ",", thousandsMark: ".", unitGap: " ",
        weather: [
            0: "Klarer Himmel", 1: "Überwiegend klar", 2: "Teilweise bewölkt", 3: "Bedeckt",
            45: "Nebel", 48: "Gefrierender Nebel",
            51: "Leichter Nieselregen", 53: "Nieselregen", 55: "Starker Nieselregen",
            56: "Leichter gefrierender Nieselregen", 57: "Gefrierender Nieselregen",
            61: "Leichter Regen", 63: "Regen", 65: "Starker Regen", 66: "Leichter gefrierender Regen",
            67: "Gefrierender Regen",
            71: "Leichter Schneefall", 73: "Schneefall", 75: "Starker Schneefall", 77: "Schneegriesel",
            80: "Leichte Regenschauer", 81: "Regenschauer", 82: "Heftige Regenschauer", 85: "Leichte Schneeschauer",
            86: "Schneeschauer",
            95: "Gewitter", 96: "Gewitter mit Hagel", 99: "Gewitter mit starkem Hagel",
        ],
        screen: Screen(
            weather: "Wetter", history: "Verlauf", keptRecord: "Gespeicherter Eintrag",
            typePlace: "Oben einen Ort eingeben und Enter drücken.",
            tabMoves: "Tab wechselt zwischen Suche, Ergebnis und Verlauf; ? zeigt alle Tasten.",
            noRecords: "Noch keine Einträge.", pressR: "r auf einem Ergebnis speichert es.", loading: "Lädt…",
            unreadable: "Ihre Einträge sind nicht lesbar:", searchStillWorks: "siehe unten. Die Suche geht weiter.",
            keys: [
                "record": "speichern", "weather now": "Wetter jetzt", "undo delete": "rückgängig",
                "next pane": "nächster Bereich", "previous pane": "voriger Bereich", "help": "Hilfe", "quit": "beenden",
                "search": "suchen", "search bar": "Suche", "delete": "löschen", "show record": "anzeigen",
                "choose": "wählen", "show": "anzeigen", "close": "schließen", "up": "hoch", "down": "runter",
                "page up": "Seite hoch", "page down": "Seite runter", "newest": "neueste", "oldest": "älteste",
                "cancel / close": "abbrechen / schließen", "°C/°F": "°C/°F",
            ]),
        phrases: [
            .dayMonth: "{day}. {month}",
            .dayMonthYear: "{day}. {month} {year}",
            .seconds: "{n} s",
            .minutes: "{n} Min.",
            .hours: "{n} Std.",
            .days: "{n} Tg.",
            .either: "{some} oder {last}",

            .staleShort: "veraltet, {age}",
            .staleLine: "(veraltet: {provider} von {when} Ihrer Zeit, vor {age})",
            .nowIsForecast: "(jetzt: was diese Vorhersage für diese Stunde sagte, keine Beobachtung)",
            .resultFrom: "das Ergebnis von {when} (vor {age})",
            .forecastFrom: "was die Vorhersage von {when} (vor {age}) für diese Stunde sagte",
            .showing: "{reason} Angezeigt wird {what}.",
            .recordingOffline: "{reason} Gespeichert wird {what}, als Offline-Ergebnis.",
            .offlineResult: "Offline: von {when} (vor {age})",
            .offlineForecast: "Offline: Vorhersage von {when} (vor {age}) für diese Stunde",
            .unknownWeather: "Unbekannt (Code {code})",
            .rain: "Regen",
            .windInLine: "Wind {speed}",
            .most: "max. {value}",

            .rainNow: "Regen jetzt, bis etwa {time}",
            .rainNowLasting: "Regen jetzt, für die nächsten {hours} Std.",
            .rainFrom: "Regen ab {time}",
            .rainFromChance: "Regen ab {time} ({chance})",
            .noRain: "Kein Regen in den nächsten {hours} Std.",

            .sunRow: "Sonne",
            .uvRow: "UV",
            .sunTimes: "↑ {sunrise}  ↓ {sunset}",
            .sunPlaceTime: "{times}  {daylight} Tageslicht (Ortszeit)",
            .daylight: "{h} Std. {m} Min.",
            .uvNow: "{index} jetzt ({category})",
            .uvToday: "heute bis {index} ({category})",
            .uvLow: "niedrig",
            .uvModerate: "mäßig",
            .uvHigh: "hoch",
            .uvVeryHigh: "sehr hoch",
            .uvExtreme: "extrem",

            .trendTitle: "{place}: {count} Einträge gespeichert, {from} – {to}",
            .airRow: "Luft",
            .europeanAQI: "Europ. Index {index} ({category})",
            .usAQI: "US-Index {index} ({category})",
            .owmAQI: "Index {index} von 5 ({category})",
            .pollutants: "PM2,5 {pm25}, PM10 {pm10}, O₃ {o3}, NO₂ {no2} µg/m³",
            .airUnavailable: "nicht verfügbar: {reason}",
            .aqGood: "gut",
            .aqFair: "ordentlich",
            .aqModerate: "mäßig",
            .aqPoor: "schlecht",
            .aqVeryPoor: "sehr schlecht",
            .aqExtremelyPoor: "extrem schlecht",
            .aqSensitive: "ungesund für Empfindliche",
            .aqUnhealthy: "ungesund",
            .aqVeryUnhealthy: "sehr ungesund",
            .aqHazardous: "gefährlich",

            .trendHere: "{count} Einträge hier seit {from}",
            .trendOne: "{place}: 1 Eintrag gespeichert, am {date}",
            .trendLatest: "Zuletzt: {temperature} am {date}",
            .warmerThan: "{delta} wärmer als der Eintrag davor ({age} davor)",
            .colderThan: "{delta} kälter als der Eintrag davor ({age} davor)",
            .asWarmAs: "so warm wie der Eintrag davor ({age} davor)",
            .warmestKept: "Am wärmsten: {temperature} am {date}",
            .coldestKept: "Am kältesten: {temperature} am {date}",
            .noTrend:
                "Keine gespeicherten Einträge für {place}: einen mit `meteo record {place}` speichern, oder r in der Ansicht.",

            .keptMark: "Gespeicherter Eintrag, kein aktuelles Wetter",
            .keptOffline: "Aus einem Offline-Ergebnis gespeichert",
            .keptOfflineWhy: "die letzte Antwort, aus dem Cache",
            .observedAtPlace: "Beobachtet um {time} vor Ort (UTC{offset})",
            .yourTime: "{time} Ihrer Zeit",
            .observed: "Beobachtet am {time} Ihrer Zeit",
            .kept: "Gespeichert am {time} Ihrer Zeit",
            .recordID: "ID {id}",
            .offlineObserved: "(Offline-Ergebnis, beobachtet am {time})",

            .recordKeys: "f Wetter jetzt · Esc zurück zum Verlauf",

            .recorded: "{place} gespeichert ({id}).",
            .deleted: "{place} gelöscht ({id}). u macht es rückgängig.",
            .restored: "{place} wiederhergestellt ({id}).",
            .nothingToUndo: "Nichts rückgängig zu machen.",
            .keptAlreadyPressF: "Dieser Eintrag ist schon gespeichert: f für das Wetter jetzt.",
            .nothingToRecord: "Noch nichts zu speichern: erst einen Ort suchen.",
            .noCurrentToRecord: "Dieses Ergebnis hat kein aktuelles Wetter zum Speichern.",
            .typePlaceFirst: "Erst einen Ort eingeben, z. B. Paris oder Springfield, MO.",
            .searching: "Suche {query}…",
            .fetching: "Wetter für {place} wird geholt…",
            .cancelled: "Abgebrochen.",
            .alreadyKeptAs: "Schon gespeichert als {id}: nichts hinzugefügt.",
            .metricUnits: "Metrische Einheiten (°C, km/h, hPa, mm).",
            .imperialUnits: "Angloamerikanische Einheiten (°F, mph, inHg, in).",
            .syncing: "synchronisiert…",
            .synced: "synchron",
            .offlineWaiting: "offline ({count} wartend)",
            .offline: "offline",
            .syncError: "Sync-Fehler",
            .whichOne: "Welcher?",
            .pickHint: "↑↓ wählen · Enter anzeigen · Esc schließen",
            .keysTitle: "Tasten",
            .helpHint: "Esc oder ? schließt",
            .inSearch: "Suche",
            .inResult: "Ergebnis",
            .inHistory: "Verlauf",
            .anywhere: "überall",
            .more: "{count} weitere",
            .pressSlash: "/ drücken und Ort eingeben",
            .tooSmall: "Terminal zu klein|für meteo: mindestens|{size} nötig.",
            .storeUnavailable: "Der Eintragsspeicher ist nicht verfügbar (siehe Meldung beim Start).",
            .storeFailed: "Der Eintragsspeicher ist fehlgeschlagen.",
            .needsTerminal: "Die interaktive Ansicht braucht ein Terminal; für Skripte `meteo now ORT` verwenden.",

            .deletedLine: "Gelöscht: {record}",
            .undoHint: "Rückgängig mit `meteo undo`.",
            .restoredLine: "Wiederhergestellt: {record}",
            .importedOne: "1 Eintrag importiert ({skipped} schon vorhanden).",
            .importedMany: "{count} Einträge importiert ({skipped} schon vorhanden).",
            .standardInput: "die Standardeingabe",
            .stdinIsTerminal:
                "Die Standardeingabe ist ein Terminal: einen Export hineinleiten (meteo import - < DATEI).",
            .cannotReadFile: "{file} ist nicht lesbar: {reason}.",
            .noSuchFile: "Datei nicht gefunden",
            .notReadable: "keine Leserechte",
            .isFolder: "{name} ist ein Ordner, keine Exportdatei.",
            .isEmpty: "{name} ist leer: nichts zu importieren.",
            .noRecordsYet: "Noch keine Einträge: einen mit `meteo record ORT` speichern, oder r in der Ansicht.",
            .noRecordsMatch: "Keine passenden Einträge.",
            .placeColumn: "Ort",
            .regionColumn: "Region",
            .countryColumn: "Land",
            .populationColumn: "Einwohner",
            .coordinatesColumn: "Koordinaten",
            .notHTTPURL: "{url} ist keine http://- oder https://-URL.",
            .plainHTTPRefused:
                "Ein Token wird nicht unverschlüsselt per http an {url} gesendet: https verwenden oder --allow-insecure angeben.",
            .loggedIn:
                "Angemeldet bei {url}. `meteo sync` synchronisiert jetzt; die Ansicht synchronisiert von selbst.",
            .cannotReadTokenFile: "Die Token-Datei {file} ist nicht lesbar.",
            .tokenShape: "Das Token muss ein Wort aus höchstens 200 Zeichen sein (siehe `meteo-records token create`).",
            .tokenPrompt: "Token für {url}: ",
            .tokenUnchecked: "{reason} Das Token wurde ungeprüft gespeichert.",
            .loggedOut: "Abgemeldet von {url}; Ihre Einträge bleiben auf diesem Rechner.",
            .noCurrentSent: "{provider} hat kein aktuelles Wetter zum Speichern gesendet. Später erneut versuchen.",
            .unexpectedError: "Unerwarteter Fehler: {error}",
            .theRecordService: "dem Eintragsdienst",
            .stillInEnvironment: "METEO_RECORDS_URL oder METEO_RECORDS_TOKEN ist noch in der Umgebung gesetzt.",
            .asciiUpDown: "hoch {up} runter {down}",
            .deletedElsewhere: "{count} anderswo gelöscht",
            .refusedByService: "{count} vom Dienst abgelehnt",
            .upToDate: "aktuell",

            .errorLine: "meteo: {message}",
            .warningLine: "meteo: Warnung: {message}",
            .usageLine: "{program}: {reason} (siehe '{command} --help')",
            .unknownOption: "unbekannte Option {option}",
            .missingValue: "Wert für '{option}' fehlt",
            .takesNoValue: "{option} nimmt keinen Wert",
            .missingArgument: "Argument <{name}> fehlt",
            .unexpectedArgument: "unerwartetes Argument {word}",
            .unknownCommand: "unbekannter Befehl {word}; die Befehle sind {names}",
            .notOneOf: "'{option}' nimmt {names}, nicht {value}",
            .notAValue: "'{option}' nimmt nicht {value}",
            .placeOrCoordinates: "einen Ort oder --lat/--lon angeben, nicht beides",
            .coordinatesTogether: "--lat und --lon gehören zusammen",
            .coordinatesRange: "--lat muss in -90…90 liegen und --lon in -180…180",
            .namePlace:
                "einen Ort nennen (meteo now Paris), --lat und --lon angeben oder `place` in config.toml setzen",
            .nameSearch: "einen Ort zum Suchen nennen",
            .withinRange: "{option} muss in {low}…{high} liegen",
            .notBoth: "{one} oder {other} wählen, nicht beides",
            .formatDisagrees: "--json und --format {format} widersprechen sich",

            .placeNotFound: "Kein Ort namens {query}. Schreibweise prüfen.",
            .placeNotFoundSearch: "Kein Ort namens {query}. `meteo search {name}` listet alle Orte dieses Namens.",
            .missingAPIKey:
                "{provider} braucht einen API-Schlüssel. METEO_OWM_API_KEY oder owm_api_key in config.toml setzen.",
            .invalidAPIKey: "{provider} hat den API-Schlüssel abgelehnt. METEO_OWM_API_KEY oder owm_api_key prüfen.",
            .rateLimited: "{provider} begrenzt die Anfragen: {when}.",
            .retryIn: "erneut in {duration}",
            .tryLater: "später erneut versuchen",
            .providerError: "{provider} meldet einen Fehler{status}: {reason}",
            .malformedAnswer:
                "{provider} hat eine Antwort gesendet, die meteo nicht lesen kann. Später erneut versuchen.",
            .outdated:
                "{reason} Das letzte Ergebnis für diesen Ort ist {age} alt: zu alt, um als Wetter jetzt zu gelten.",
            .outdatedFrom:
                "{reason} Das letzte Ergebnis für diesen Ort ist von {when} (vor {age}): zu alt, um als Wetter jetzt zu gelten.",
            .dnsFailure: "{host} lässt sich nicht auflösen: Netzverbindung oder URL prüfen.",
            .connectionRefused: "Keine Verbindung zu {host}: das Netz ist weg oder der Dienst läuft nicht.",
            .timeout: "Keine Antwort in {duration}: das Netz oder der Dienst ist langsam.",
            .connectionClosed: "Die Verbindung wurde vor dem Ende der Antwort geschlossen. Erneut versuchen.",
            .tlsFailure: "Sichere Verbindung zu {host} fehlgeschlagen: sein Zertifikat ließ sich nicht prüfen.",
            .tooLarge: "Die Antwort war größer als {size} MiB und wurde verworfen.",
            .badRedirect: "Der Dienst hat zu oft oder an eine unsichere Adresse umgeleitet.",
            .invalidURL: "Ungültige URL {url}: die Basis-URL-Einstellungen prüfen.",
            .noLibcurl: "libcurl ist nicht installiert: `apt-get install libcurl4` ausführen.",
            .networkError: "Netzwerkfehler. Verbindung prüfen und erneut versuchen.",

            .noSuchRecord: "Kein Eintrag mit ID {id}. `meteo history` zeigt die IDs.",
            .ambiguousID: "{prefix} passt auf {count} Einträge: mehr von der ID angeben.",
            .duplicateID: "Ein Eintrag mit ID {id} existiert schon.",
            .alreadyKept: "Schon gespeichert: diese Beobachtung ist Eintrag {id}; nichts hinzugefügt.",
            .invalidRecord: "Ungültiger Eintrag: {reason}.",
            .emptyInput: "Sie ist leer: nichts zu importieren.",
            .cannotOpenStore: "Der Eintragsspeicher {path} lässt sich nicht öffnen: {reason}.",
            .notAStore:
                "{path} ist kein meteo-Eintragsspeicher; er blieb unberührt. Verschieben oder METEO_DATA_DIR setzen.",
            .storeDamaged:
                "Der Eintragsspeicher {path} ist beschädigt; er blieb unberührt. Eine Sicherung einspielen oder ihn verschieben.",
            .storeNewer:
                "Der Eintragsspeicher {path} stammt von einem neueren meteo; meteo aktualisieren, um ihn zu nutzen.",
            .storeReadOnly: "Der Eintragsspeicher {path} ist schreibgeschützt: seine Rechte prüfen.",
            .diskFull: "Kein Platz, um {path} zu schreiben: Speicherplatz freigeben und erneut versuchen.",
            .storeBusy: "Der Eintragsspeicher {path} blieb von einem anderen Programm gesperrt: erneut versuchen.",
            .storeFailedAt: "Der Eintragsspeicher {path} ist fehlgeschlagen: erneut versuchen.",

            .syncNotSetUp:
                "Sync ist nicht eingerichtet: `meteo login URL` ausführen (oder METEO_RECORDS_URL und METEO_RECORDS_TOKEN setzen).",
            .weatherServiceNotSetUp:
                "weather = service braucht einen Eintragsdienst: `meteo login URL` ausführen (oder METEO_RECORDS_URL und METEO_RECORDS_TOKEN setzen) oder weather = direct setzen.",
            .insecureURL:
                "Das Token wird nicht unverschlüsselt per http an {url} gesendet: https verwenden oder `meteo login {url} --allow-insecure`.",
            .serviceUnreachable:
                "Der Eintragsdienst {url} ist nicht erreichbar ({reason}); Ihre Einträge bleiben und werden später synchronisiert.",
            .tokenRejected:
                "Der Eintragsdienst {url} hat das Token abgelehnt: `meteo login {url}` mit einem gültigen ausführen.",
            .serviceIncompatible:
                "Der Eintragsdienst {url} spricht nicht den Sync dieses meteo (HTTP {status}): die ältere Seite aktualisieren.",
            .serviceFailed:
                "Der Eintragsdienst {url} ist fehlgeschlagen (HTTP {status}); Ihre Einträge bleiben und werden später synchronisiert.",
            .serviceRefused: "Der Eintragsdienst {url} hat die Änderungen abgelehnt: {reason}.",
            .serviceUnreadable:
                "Der Eintragsdienst {url} hat eine unlesbare Antwort gesendet: ist es ein meteo-records-Dienst?",

            .whyUnknownHost: "unbekannter Host",
            .whyRefused: "Verbindung abgelehnt",
            .whyTimeout: "keine Antwort in {n} s",
            .whyClosed: "die Verbindung wurde geschlossen",
            .whyCertificate: "sein Zertifikat ließ sich nicht prüfen",
            .whyTooLarge: "die Antwort war zu groß",
            .whyRedirect: "fehlerhafte Umleitung",
            .whyURL: "ungültige URL",
            .whyNoLibcurl: "libcurl ist nicht installiert",
            .whyCancelled: "abgebrochen",
            .whyNetwork: "Netzwerkfehler",

            .invalidSetting: "Ungültiges {key} {value} in {source}: erwartet {expected}.",
            .cannotReadConfig: "{path} ist nicht lesbar: {reason}.",
            .configNotTOML: "{path} ist kein gültiges TOML: {reason}. Korrigieren oder entfernen.",
            .namedByConfigVariable: "Datei nicht gefunden (genannt von METEO_CONFIG)",
            .expectURL: "eine http://- oder https://-URL",
            .expectSeconds: "eine Zahl von Sekunden zwischen {low} und {high}",
            .expectBool: "true oder false",
            .expectFormat: "plain, oneline, json oder eine Zeile mit Platzhaltern aus {names}",
            .unknownPlaceholder: "unbekannter Platzhalter {placeholder} in {option}; die Platzhalter sind {names}",
            .unclosedBrace: "{option} hat eine nicht geschlossene Klammer",
            .notRegularFile: "keine normale Datei",
            .permissionDenied: "keine Berechtigung",
            .notUTF8: "kein UTF-8-Text",
            .secretsReadable: "{path} enthält {keys} und andere können sie lesen: `chmod 600 {path}` ausführen.",
            .unknownSetting: "{path}: unbekannte Einstellung {key} ignoriert.",
            .tomlLine: "Zeile {line}: {reason}",
        ],
        help: [
            "Only the records of the last N days (1…36500).":
                "Nur die Einträge der letzten N Tage (1…36500).",
            #"Reads your kept records only (every synced device's too), never the network. PLACE is a name, narrowed as for `meteo now`: "Paris, US"."#:
                #"Liest nur Ihre gespeicherten Einträge (auch die aller synchronisierten Geräte), nie das Netz. ORT ist ein Name, eingegrenzt wie bei `meteo now`: "Paris, US"."#,
            "Show what your records at a place say over time: a chart, the warmest and coldest.":
                "Zeigt, was Ihre Einträge an einem Ort über die Zeit sagen: ein Diagramm, das Wärmste und das Kälteste.",
            "(default)":
                "(Standard)",
            "ARGUMENTS:":
                "ARGUMENTE:",
            "OPTIONS:":
                "OPTIONEN:",
            "OVERVIEW:":
                "ÜBERSICHT:",
            "SUBCOMMANDS:":
                "BEFEHLE:",
            "USAGE:":
                "AUFRUF:",
            "See '{command} help <subcommand>' for detailed help.":
                "Ausführliche Hilfe mit '{command} help <Befehl>'.",
            "Show help information.":
                "Zeigt die Hilfe.",
            "Show the version.":
                "Zeigt die Version.",
            "Add the records of a `meteo export` file (JSON or CSV); known ids are skipped.":
                "Fügt die Einträge einer `meteo export`-Datei hinzu (JSON oder CSV); bekannte IDs werden übersprungen.",
            "Allow plain http to a host other than this machine (the token travels in clear).":
                "Erlaubt unverschlüsseltes http zu einem anderen Rechner (das Token geht im Klartext).",
            "CSV with a header row.":
                "CSV mit Kopfzeile.",
            "Commands, options, their values and record ids (read from your store) complete. Load it in your shell (bash: `source <(meteo completions bash)`) or let `make install` put it where each shell looks.":
                "Ergänzt Befehle, Optionen, ihre Werte und Eintrags-IDs (aus Ihrem Speicher). In die Shell laden (bash: `source <(meteo completions bash)`) oder `make install` dorthin legen lassen, wo jede Shell sucht.",
            "Delete a kept record by its id or a unique start of it.":
                "Löscht einen gespeicherten Eintrag über seine ID oder einen eindeutigen Anfang davon.",
            "Fetch the weather for a place and keep it in your history.":
                "Holt das Wetter für einen Ort und speichert es im Verlauf.",
            "How many candidates at most (1…100).":
                "Wie viele Kandidaten höchstens (1…100).",
            "How many records (1…10000).":
                "Wie viele Einträge (1…10000).",
            "JSON (the default).":
                "JSON (Standard).",
            "Language of every word meteo writes and of place names: en, fr or de.":
                "Sprache jedes Worts, das meteo schreibt, und der Ortsnamen: en, fr oder de.",
            "Latitude in degrees (with --lon: skips the place search).":
                "Breite in Grad (mit --lon: ohne Ortssuche).",
            "List kept records, newest first.":
                "Listet gespeicherte Einträge, neueste zuerst.",
            "List the places a name may mean, with region, country and population.":
                "Listet die Orte, die ein Name meinen kann, mit Region, Land und Einwohnern.",
            "Longitude in degrees (with --lat).":
                "Länge in Grad (mit --lat).",
            "Only places whose name starts with this text.":
                "Nur Orte, deren Name mit diesem Text beginnt.",
            "Only records older than this record.":
                "Nur Einträge, die älter als dieser sind.",
            "Open the interactive screen (the default).":
                "Öffnet die interaktive Ansicht (Standard).",
            "Output format: plain, oneline, json, or a line of your own such as '{icon} {temperature}'.":
                "Ausgabeformat: plain, oneline, json oder eine eigene Zeile wie '{icon} {temperature}'.",
            #"PLACE is a name, narrowed by what follows a comma: "Paris", "Springfield, MO", "Paris, US", "Paris, Texas". Without PLACE, the `place` setting is used. When the network or the service fails, the last result for the same place is shown, marked stale."#:
                #"ORT ist ein Name, eingegrenzt durch das, was nach einem Komma folgt: "Paris", "Springfield, MO", "Paris, US", "Paris, Texas". Ohne ORT gilt die Einstellung `place`. Fallen Netz oder Dienst aus, wird das letzte Ergebnis für denselben Ort gezeigt, als veraltet markiert."#,
            "Pass the last id of a page to --before to see the next one.":
                "Die letzte ID einer Seite an --before übergeben, um die nächste zu sehen.",
            "Print JSON (same as --format json).":
                "Gibt JSON aus (wie --format json).",
            "Print JSON.":
                "Gibt JSON aus.",
            "Print only the records' ids, one a line (for scripts and shell completion).":
                "Gibt nur die IDs der Einträge aus, eine pro Zeile (für Skripte und Shell-Ergänzung).",
            "Print the new record as JSON instead of its id.":
                "Gibt den neuen Eintrag als JSON statt seiner ID aus.",
            "Print the record as JSON (the shape `meteo export` writes).":
                "Gibt den Eintrag als JSON aus (in der Form von `meteo export`).",
            #"Print {"records": [...], "next": ID-or-null}."#:
                #"Gibt {"records": [...], "next": ID-oder-null} aus."#,
            "Read the token from this file.":
                "Liest das Token aus dieser Datei.",
            "Restore the last deleted record.":
                "Stellt den zuletzt gelöschten Eintrag wieder her.",
            "Set up sync with a meteo-records service.":
                "Richtet den Sync mit einem meteo-records-Dienst ein.",
            "Show a kept record as it was kept, by its id or a unique start of it.":
                "Zeigt einen Eintrag so, wie er gespeichert wurde, über seine ID oder einen eindeutigen Anfang davon.",
            "Show the weather for a place.":
                "Zeigt das Wetter für einen Ort.",
            "Stop syncing: forget the service and its token (records stay).":
                "Beendet den Sync: vergisst den Dienst und sein Token (die Einträge bleiben).",
            "Sync kept records with the meteo-records service now.":
                "Synchronisiert die Einträge jetzt mit dem meteo-records-Dienst.",
            "The file, or - for standard input.":
                "Die Datei, oder - für die Standardeingabe.",
            #"The name, optionally narrowed: "Springfield", "Springfield, MO"."#:
                #"Der Name, optional eingegrenzt: "Springfield", "Springfield, MO"."#,
            #"The place, e.g. Paris or "Springfield, MO"."#:
                #"Der Ort, z. B. Paris oder "Springfield, MO"."#,
            "The record's id, or enough of its start to name one record (see `meteo history`).":
                "Die ID des Eintrags, oder so viel von ihrem Anfang, dass sie genau einen nennt (siehe `meteo history`).",
            "The service's base URL, such as https://records.example.org.":
                "Die Basis-URL des Dienstes, etwa https://records.example.org.",
            "The token is read from --token-file, else from standard input when it is not a terminal, else asked for without echo. It is stored in config.toml, which is made readable by you only.":
                "Das Token wird aus --token-file gelesen, sonst von der Standardeingabe, wenn sie kein Terminal ist, sonst ohne Echo erfragt. Es wird in config.toml gespeichert, die nur für Sie lesbar gemacht wird.",
            "The weather, in your terminal.":
                "Das Wetter, in Ihrem Terminal.",
            "Type a place and press Enter; r keeps a result, d deletes a kept one, ? lists every key.":
                "Einen Ort eingeben und Enter drücken; r speichert ein Ergebnis, d löscht einen Eintrag, ? listet alle Tasten.",
            "Unit system: metric or imperial.":
                "Einheitensystem: metric oder imperial.",
            "Weather service: open-meteo or openweathermap.":
                "Wetterdienst: open-meteo oder openweathermap.",
            "Write ASCII only: icons, the degree sign, accents (default: when the locale is not UTF-8).":
                "Schreibt nur ASCII: Symbole, Gradzeichen, Akzente (Standard: wenn die Locale nicht UTF-8 ist).",
            "Write every record to standard output as JSON or CSV.":
                "Schreibt alle Einträge als JSON oder CSV auf die Standardausgabe.",
            "Write meteo's manual page (roff) to standard output (`make man` uses it).":
                "Schreibt die Handbuchseite von meteo (roff) auf die Standardausgabe (`make man` nutzt sie).",
            "Write the completion script for a shell to standard output.":
                "Schreibt das Ergänzungsskript für eine Shell auf die Standardausgabe.",
            "bash, zsh or fish.":
                "bash, zsh oder fish.",
        ])
}
