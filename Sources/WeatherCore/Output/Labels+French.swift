// swift-format-ignore-file: a table reads best one entry a line, whatever its length.

extension Labels {
    /// French: numbers with a decimal comma (9,3 °C), days before months (27 nov.).
    static let french = Labels(
        language: .french,
        temperature: "Température", feelsLike: "ressenti", humidity: "Humidité", wind: "Vent", pressure: "Pression",
        precipitation: "Précipitations", nextHours: "Heures à venir", nextDays: "Jours à venir",
        weekdays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        compass: ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSO", "SO", "OSO", "O", "ONO", "NO", "NNO"],
        decimalMark: ",", thousandsMark: " ", unitGap: " ",
        weather: [
            0: "Ciel dégagé", 1: "Plutôt dégagé", 2: "Partiellement nuageux", 3: "Couvert",
            45: "Brouillard", 48: "Brouillard givrant",
            51: "Bruine légère", 53: "Bruine", 55: "Bruine dense", 56: "Bruine verglaçante légère",
            57: "Bruine verglaçante",
            61: "Pluie faible", 63: "Pluie", 65: "Forte pluie", 66: "Pluie verglaçante faible", 67: "Pluie verglaçante",
            71: "Neige faible", 73: "Neige", 75: "Forte neige", 77: "Grains de neige",
            80: "Averses faibles", 81: "Averses", 82: "Averses violentes", 85: "Averses de neige faibles",
            86: "Averses de neige",
            95: "Orage", 96: "Orage avec grêle", 99: "Orage avec forte grêle",
        ],
        screen: Screen(
            weather: "Météo", history: "Historique", keptRecord: "Relevé conservé",
            typePlace: "Tapez un lieu ci-dessus puis Entrée.",
            tabMoves: "Tab passe de la recherche au résultat et à l’historique ; ? montre toutes les touches.",
            noRecords: "Aucun relevé pour l’instant.", pressR: "r sur un résultat le conserve.",
            loading: "Chargement…", unreadable: "Vos relevés sont illisibles :",
            searchStillWorks: "voir la ligne du bas. La recherche marche.",
            keys: [
                "record": "garder", "weather now": "météo actuelle", "undo delete": "annuler",
                "next pane": "volet suivant", "previous pane": "volet précédent", "help": "aide", "quit": "quitter",
                "search": "chercher", "search bar": "recherche", "delete": "supprimer", "show record": "voir",
                "choose": "choisir", "show": "voir", "close": "fermer", "up": "haut", "down": "bas",
                "page up": "page préc.", "page down": "page suiv.", "newest": "plus récent", "oldest": "plus ancien",
                "cancel / close": "annuler / fermer", "°C/°F": "°C/°F",
            ]),
        phrases: [
            .dayMonth: "{day} {month}",
            .dayMonthYear: "{day} {month} {year}",
            .seconds: "{n} s",
            .minutes: "{n} min",
            .hours: "{n} h",
            .days: "{n} jours",
            .either: "{some} ou {last}",

            .staleShort: "ancien, {age}",
            .staleLine: "(ancien : {provider} de {when} à votre heure, il y a {age})",
            .nowIsForecast: "(maintenant : ce que cette prévision disait pour cette heure, pas une observation)",
            .resultFrom: "le résultat de {when} (il y a {age})",
            .forecastFrom: "ce que la prévision de {when} (il y a {age}) disait pour cette heure",
            .showing: "{reason} Affichage de {what}.",
            .recordingOffline: "{reason} Enregistrement de {what}, conservé comme résultat hors ligne.",
            .offlineResult: "Hors ligne : de {when} (il y a {age})",
            .offlineForecast: "Hors ligne : prévision de {when} (il y a {age}) pour cette heure",
            .unknownWeather: "Inconnu (code {code})",
            .rain: "pluie",
            .windInLine: "vent {speed}",
            .most: "max {value}",

            .rainNow: "Pluie en cours, jusque vers {time}",
            .rainNowLasting: "Pluie en cours, pour les {hours} h à venir",
            .rainFrom: "Pluie à partir de {time}",
            .rainFromChance: "Pluie à partir de {time} ({chance})",
            .noRain: "Pas de pluie dans les {hours} h",

            .sunRow: "Soleil",
            .uvRow: "UV",
            .sunTimes: "↑ {sunrise}  ↓ {sunset}",
            .sunPlaceTime: "{times}  {daylight} de jour (heure du lieu)",
            .daylight: "{h} h {m} min",
            .uvNow: "{index} maintenant ({category})",
            .uvToday: "jusqu’à {index} aujourd’hui ({category})",
            .uvLow: "faible",
            .uvModerate: "modéré",
            .uvHigh: "élevé",
            .uvVeryHigh: "très élevé",
            .uvExtreme: "extrême",

            .trendTitle: "{place} : {count} relevés conservés, du {from} au {to}",
            .airRow: "Air",
            .europeanAQI: "indice européen {index} ({category})",
            .usAQI: "indice US {index} ({category})",
            .owmAQI: "indice {index} sur 5 ({category})",
            .pollutants: "PM2,5 {pm25}, PM10 {pm10}, O₃ {o3}, NO₂ {no2} µg/m³",
            .airUnavailable: "indisponible : {reason}",
            .aqGood: "bon",
            .aqFair: "correct",
            .aqModerate: "moyen",
            .aqPoor: "médiocre",
            .aqVeryPoor: "très médiocre",
            .aqExtremelyPoor: "extrêmement médiocre",
            .aqSensitive: "mauvais pour les personnes sensibles",
            .aqUnhealthy: "mauvais",
            .aqVeryUnhealthy: "très mauvais",
            .aqHazardous: "dangereux",

            .trendHere: "{count} relevés ici depuis le {from}",
            .trendOne: "{place} : 1 relevé conservé, le {date}",
            .trendLatest: "Dernier : {temperature} le {date}",
            .warmerThan: "{delta} de plus que le relevé d’avant ({age} avant)",
            .colderThan: "{delta} de moins que le relevé d’avant ({age} avant)",
            .asWarmAs: "aussi chaud que le relevé d’avant ({age} avant)",
            .warmestKept: "Le plus chaud : {temperature} le {date}",
            .coldestKept: "Le plus froid : {temperature} le {date}",
            .noTrend:
                "Aucun relevé conservé pour {place} : conservez-en un avec `meteo record {place}`, ou r à l’écran.",

            .keptMark: "Relevé conservé, pas la météo actuelle",
            .keptOffline: "Conservé depuis un résultat hors ligne",
            .keptOfflineWhy: "la dernière réponse, tirée du cache",
            .observedAtPlace: "Observé à {time} sur place (UTC{offset})",
            .yourTime: "{time} à votre heure",
            .observed: "Observé le {time} à votre heure",
            .kept: "Conservé le {time} à votre heure",
            .recordID: "id {id}",
            .offlineObserved: "(résultat hors ligne, observé le {time})",

            .recordKeys: "f météo actuelle · Esc historique",

            .recorded: "{place} conservé ({id}).",
            .deleted: "{place} supprimé ({id}). u pour annuler.",
            .restored: "{place} rétabli ({id}).",
            .nothingToUndo: "Rien à annuler.",
            .keptAlreadyPressF: "Ce relevé est déjà conservé : f pour la météo actuelle.",
            .nothingToRecord: "Rien à conserver : cherchez d’abord un lieu.",
            .noCurrentToRecord: "Ce résultat n’a pas de météo actuelle à conserver.",
            .typePlaceFirst: "Tapez d’abord un lieu, par exemple Paris ou Springfield, MO.",
            .searching: "Recherche de {query}…",
            .fetching: "Météo de {place} en cours…",
            .cancelled: "Annulé.",
            .alreadyKeptAs: "Déjà conservé sous {id} : rien d’ajouté.",
            .metricUnits: "Unités métriques (°C, km/h, hPa, mm).",
            .imperialUnits: "Unités impériales (°F, mph, inHg, in).",
            .syncing: "synchro…",
            .synced: "synchronisé",
            .offlineWaiting: "hors ligne ({count} en attente)",
            .offline: "hors ligne",
            .syncError: "erreur de synchro",
            .whichOne: "Lequel ?",
            .pickHint: "↑↓ choisir · Enter voir · Esc fermer",
            .keysTitle: "Touches",
            .helpHint: "Esc ou ? pour fermer",
            .inSearch: "recherche",
            .inResult: "résultat",
            .inHistory: "historique",
            .anywhere: "partout",
            .more: "{count} de plus",
            .pressSlash: "/ puis tapez un lieu",
            .tooSmall: "Terminal trop petit|pour meteo : il faut|au moins {size}.",
            .storeUnavailable: "Le magasin de relevés est indisponible (voir le message au démarrage).",
            .storeFailed: "Le magasin de relevés a échoué.",
            .needsTerminal: "L’écran interactif demande un terminal ; pour les scripts, utilisez `meteo now LIEU`.",

            .deletedLine: "Supprimé : {record}",
            .undoHint: "Annulez avec `meteo undo`.",
            .restoredLine: "Rétabli : {record}",
            .importedOne: "1 relevé importé ({skipped} déjà présents).",
            .importedMany: "{count} relevés importés ({skipped} déjà présents).",
            .standardInput: "l’entrée standard",
            .stdinIsTerminal: "L’entrée standard est un terminal : envoyez-y un export (meteo import - < FICHIER).",
            .cannotReadFile: "Impossible de lire {file} : {reason}.",
            .noSuchFile: "fichier introuvable",
            .notReadable: "illisible",
            .isFolder: "{name} est un dossier, pas un fichier d’export.",
            .isEmpty: "{name} est vide : rien à importer.",
            .noRecordsYet: "Aucun relevé pour l’instant : conservez-en un avec `meteo record LIEU`, ou r à l’écran.",
            .noRecordsMatch: "Aucun relevé ne correspond.",
            .placeColumn: "Lieu",
            .regionColumn: "Région",
            .countryColumn: "Pays",
            .populationColumn: "Population",
            .coordinatesColumn: "Coordonnées",
            .notHTTPURL: "{url} n’est pas une URL http:// ou https://.",
            .plainHTTPRefused:
                "Refus d’envoyer un jeton en http non chiffré à {url} : utilisez https, ou ajoutez --allow-insecure.",
            .loggedIn: "Connecté à {url}. `meteo sync` synchronise maintenant ; l’écran synchronise de lui-même.",
            .cannotReadTokenFile: "Impossible de lire le fichier de jeton {file}.",
            .tokenShape: "Le jeton doit être un seul mot d’au plus 200 caractères (voir `meteo-records token create`).",
            .tokenPrompt: "Jeton pour {url} : ",
            .tokenUnchecked: "{reason} Le jeton a été enregistré sans vérification.",
            .loggedOut: "Déconnecté de {url} ; vos relevés restent sur cette machine.",
            .noCurrentSent: "{provider} n’a pas envoyé de météo actuelle à conserver. Réessayez plus tard.",
            .unexpectedError: "Erreur inattendue : {error}",
            .theRecordService: "le service de relevés",
            .stillInEnvironment: "METEO_RECORDS_URL ou METEO_RECORDS_TOKEN est encore défini dans l’environnement.",
            .asciiUpDown: "envoyés {up} reçus {down}",
            .deletedElsewhere: "{count} supprimés ailleurs",
            .refusedByService: "{count} refusés par le service",
            .upToDate: "à jour",

            .errorLine: "meteo : {message}",
            .warningLine: "meteo : avertissement : {message}",
            .usageLine: "{program} : {reason} (voir '{command} --help')",
            .unknownOption: "option inconnue {option}",
            .missingValue: "valeur manquante pour '{option}'",
            .takesNoValue: "{option} ne prend pas de valeur",
            .missingArgument: "argument <{name}> manquant",
            .unexpectedArgument: "argument inattendu {word}",
            .unknownCommand: "commande inconnue {word} ; les commandes sont {names}",
            .notOneOf: "'{option}' prend {names}, pas {value}",
            .notAValue: "'{option}' n’accepte pas {value}",
            .placeOrCoordinates: "donnez un lieu ou --lat/--lon, pas les deux",
            .coordinatesTogether: "--lat et --lon vont ensemble",
            .coordinatesRange: "--lat doit être dans -90…90 et --lon dans -180…180",
            .namePlace: "nommez un lieu (meteo now Paris), donnez --lat et --lon, ou réglez `place` dans config.toml",
            .nameSearch: "nommez un lieu à chercher",
            .withinRange: "{option} doit être dans {low}…{high}",
            .notBoth: "choisissez {one} ou {other}, pas les deux",
            .formatDisagrees: "--json et --format {format} se contredisent",

            .placeNotFound: "Aucun lieu nommé {query}. Vérifiez l’orthographe.",
            .placeNotFoundSearch: "Aucun lieu nommé {query}. `meteo search {name}` liste tous les lieux de ce nom.",
            .missingAPIKey:
                "{provider} demande une clé d’API. Réglez METEO_OWM_API_KEY ou owm_api_key dans config.toml.",
            .invalidAPIKey: "{provider} a refusé la clé d’API. Vérifiez METEO_OWM_API_KEY ou owm_api_key.",
            .rateLimited: "{provider} limite les requêtes : {when}.",
            .retryIn: "réessayez dans {duration}",
            .tryLater: "réessayez plus tard",
            .providerError: "{provider} signale une erreur{status} : {reason}",
            .malformedAnswer: "{provider} a envoyé une réponse que meteo ne sait pas lire. Réessayez plus tard.",
            .outdated:
                "{reason} Le dernier résultat pour ce lieu date de {age} : trop ancien pour passer pour la météo actuelle.",
            .outdatedFrom:
                "{reason} Le dernier résultat pour ce lieu est de {when} (il y a {age}) : trop ancien pour passer pour la météo actuelle.",
            .dnsFailure: "Impossible de résoudre {host} : vérifiez la connexion au réseau ou l’URL.",
            .connectionRefused: "Connexion à {host} impossible : le réseau est coupé ou le service ne tourne pas.",
            .timeout: "Pas de réponse en {duration} : le réseau ou le service est lent.",
            .connectionClosed: "La connexion s’est fermée avant la fin de la réponse. Réessayez.",
            .tlsFailure: "La connexion sécurisée à {host} a échoué : son certificat n’a pas pu être vérifié.",
            .tooLarge: "La réponse dépassait {size} Mio et a été écartée.",
            .badRedirect: "Le service a redirigé trop souvent ou vers une adresse non sûre.",
            .invalidURL: "URL invalide {url} : vérifiez les réglages d’URL de base.",
            .noLibcurl: "libcurl n’est pas installée : lancez `apt-get install libcurl4`.",
            .networkError: "Erreur réseau. Vérifiez la connexion et réessayez.",

            .noSuchRecord: "Aucun relevé d’id {id}. `meteo history` montre les ids.",
            .ambiguousID: "{prefix} correspond à {count} relevés : donnez plus de l’id.",
            .duplicateID: "Un relevé d’id {id} existe déjà.",
            .alreadyKept: "Déjà conservé : cette observation est le relevé {id} ; rien d’ajouté.",
            .invalidRecord: "Relevé invalide : {reason}.",
            .emptyInput: "C’est vide : rien à importer.",
            .cannotOpenStore: "Impossible d’ouvrir le magasin de relevés {path} : {reason}.",
            .notAStore:
                "{path} n’est pas un magasin de relevés meteo ; il est resté intact. Déplacez-le ou réglez METEO_DATA_DIR.",
            .storeDamaged:
                "Le magasin de relevés {path} est endommagé ; il est resté intact. Restaurez une sauvegarde ou déplacez-le.",
            .storeNewer:
                "Le magasin de relevés {path} vient d’un meteo plus récent ; mettez meteo à jour pour l’utiliser.",
            .storeReadOnly: "Le magasin de relevés {path} est en lecture seule : vérifiez ses droits.",
            .diskFull: "Plus de place pour écrire {path} : libérez de l’espace disque et réessayez.",
            .storeBusy: "Le magasin de relevés {path} est resté verrouillé par un autre programme : réessayez.",
            .storeFailedAt: "Le magasin de relevés {path} a échoué : réessayez.",

            .syncNotSetUp:
                "La synchro n’est pas configurée : lancez `meteo login URL` (ou réglez METEO_RECORDS_URL et METEO_RECORDS_TOKEN).",
            .weatherServiceNotSetUp:
                "weather = service demande un service de relevés : lancez `meteo login URL` (ou réglez METEO_RECORDS_URL et METEO_RECORDS_TOKEN), ou réglez weather = direct.",
            .insecureURL:
                "Refus d’envoyer le jeton en http non chiffré à {url} : utilisez https, ou `meteo login {url} --allow-insecure`.",
            .serviceUnreachable:
                "Le service de relevés {url} est injoignable ({reason}) ; vos relevés sont gardés et se synchroniseront plus tard.",
            .tokenRejected:
                "Le service de relevés {url} a refusé le jeton : lancez `meteo login {url}` avec un jeton valide.",
            .serviceIncompatible:
                "Le service de relevés {url} ne parle pas la synchro de ce meteo (HTTP {status}) : mettez à jour le plus ancien.",
            .serviceFailed:
                "Le service de relevés {url} a échoué (HTTP {status}) ; vos relevés sont gardés et se synchroniseront plus tard.",
            .serviceRefused: "Le service de relevés {url} a refusé les changements : {reason}.",
            .serviceUnreadable:
                "Le service de relevés {url} a envoyé une réponse illisible : est-ce un service meteo-records ?",

            .whyUnknownHost: "hôte inconnu",
            .whyRefused: "connexion refusée",
            .whyTimeout: "pas de réponse en {n} s",
            .whyClosed: "la connexion s’est fermée",
            .whyCertificate: "son certificat n’a pas pu être vérifié",
            .whyTooLarge: "la réponse était trop grande",
            .whyRedirect: "mauvaise redirection",
            .whyURL: "URL invalide",
            .whyNoLibcurl: "libcurl n’est pas installée",
            .whyCancelled: "annulé",
            .whyNetwork: "erreur réseau",

            .invalidSetting: "{key} invalide {value} dans {source} : attendu {expected}.",
            .cannotReadConfig: "Impossible de lire {path} : {reason}.",
            .configNotTOML: "{path} n’est pas du TOML valide : {reason}. Corrigez-le ou supprimez-le.",
            .namedByConfigVariable: "fichier introuvable (nommé par METEO_CONFIG)",
            .expectURL: "une URL http:// ou https://",
            .expectSeconds: "un nombre de secondes entre {low} et {high}",
            .expectBool: "true ou false",
            .expectFormat: "plain, oneline, json ou une ligne dont les valeurs sont parmi {names}",
            .unknownPlaceholder: "valeur inconnue {placeholder} dans {option} ; les valeurs sont {names}",
            .unclosedBrace: "{option} a une accolade non fermée",
            .notRegularFile: "pas un fichier ordinaire",
            .permissionDenied: "permission refusée",
            .notUTF8: "pas du texte UTF-8",
            .secretsReadable: "{path} contient {keys} et d’autres peuvent le lire : lancez `chmod 600 {path}`.",
            .unknownSetting: "{path} : réglage inconnu {key} ignoré.",
            .tomlLine: "ligne {line} : {reason}",
        ],
        help: [
            "Only the records of the last N days (1…36500).":
                "Seulement les relevés des N derniers jours (1…36500).",
            #"Reads your kept records only (every synced device's too), never the network. PLACE is a name, narrowed as for `meteo now`: "Paris, US"."#:
                #"Ne lit que vos relevés conservés (ceux de tous les appareils synchronisés aussi), jamais le réseau. LIEU est un nom, précisé comme pour `meteo now` : "Paris, US"."#,
            "Show what your records at a place say over time: a chart, the warmest and coldest.":
                "Montre ce que disent vos relevés d’un lieu au fil du temps : un graphique, le plus chaud et le plus froid.",
            "(default)":
                "(par défaut)",
            "ARGUMENTS:":
                "ARGUMENTS :",
            "OPTIONS:":
                "OPTIONS :",
            "OVERVIEW:":
                "RÉSUMÉ :",
            "SUBCOMMANDS:":
                "COMMANDES :",
            "USAGE:":
                "USAGE :",
            "See '{command} help <subcommand>' for detailed help.":
                "Voir '{command} help <commande>' pour l’aide détaillée.",
            "Show help information.":
                "Affiche l’aide.",
            "Show the version.":
                "Affiche la version.",
            "Add the records of a `meteo export` file (JSON or CSV); known ids are skipped.":
                "Ajoute les relevés d’un fichier de `meteo export` (JSON ou CSV) ; les ids connus sont ignorés.",
            "Allow plain http to a host other than this machine (the token travels in clear).":
                "Autorise le http non chiffré vers une autre machine (le jeton circule en clair).",
            "CSV with a header row.":
                "CSV avec une ligne d’en-tête.",
            "Commands, options, their values and record ids (read from your store) complete. Load it in your shell (bash: `source <(meteo completions bash)`) or let `make install` put it where each shell looks.":
                "Complète les commandes, les options, leurs valeurs et les ids de relevés (lus dans votre magasin). Chargez-le dans votre shell (bash : `source <(meteo completions bash)`) ou laissez `make install` le placer là où chaque shell regarde.",
            "Delete a kept record by its id or a unique start of it.":
                "Supprime un relevé conservé par son id ou un début d’id unique.",
            "Fetch the weather for a place and keep it in your history.":
                "Récupère la météo d’un lieu et la conserve dans votre historique.",
            "How many candidates at most (1…100).":
                "Combien de candidats au plus (1…100).",
            "How many records (1…10000).":
                "Combien de relevés (1…10000).",
            "JSON (the default).":
                "JSON (par défaut).",
            "Language of every word meteo writes and of place names: en, fr or de.":
                "Langue de chaque mot écrit par meteo et des noms de lieux : en, fr ou de.",
            "Latitude in degrees (with --lon: skips the place search).":
                "Latitude en degrés (avec --lon : sans recherche de lieu).",
            "List kept records, newest first.":
                "Liste les relevés conservés, du plus récent au plus ancien.",
            "List the places a name may mean, with region, country and population.":
                "Liste les lieux qu’un nom peut désigner, avec région, pays et population.",
            "Longitude in degrees (with --lat).":
                "Longitude en degrés (avec --lat).",
            "Only places whose name starts with this text.":
                "Seulement les lieux dont le nom commence par ce texte.",
            "Only records older than this record.":
                "Seulement les relevés plus anciens que celui-ci.",
            "Open the interactive screen (the default).":
                "Ouvre l’écran interactif (par défaut).",
            "Output format: plain, oneline, json, or a line of your own such as '{icon} {temperature}'.":
                "Format de sortie : plain, oneline, json, ou une ligne à vous comme '{icon} {temperature}'.",
            #"PLACE is a name, narrowed by what follows a comma: "Paris", "Springfield, MO", "Paris, US", "Paris, Texas". Without PLACE, the `place` setting is used. When the network or the service fails, the last result for the same place is shown, marked stale."#:
                #"LIEU est un nom, précisé par ce qui suit une virgule : "Paris", "Springfield, MO", "Paris, US", "Paris, Texas". Sans LIEU, le réglage `place` sert. Quand le réseau ou le service échoue, le dernier résultat pour ce lieu est montré, marqué ancien."#,
            "Pass the last id of a page to --before to see the next one.":
                "Passez le dernier id d’une page à --before pour voir la suivante.",
            "Print JSON (same as --format json).":
                "Écrit du JSON (comme --format json).",
            "Print JSON.":
                "Écrit du JSON.",
            "Print only the records' ids, one a line (for scripts and shell completion).":
                "N’écrit que les ids des relevés, un par ligne (pour les scripts et la complétion).",
            "Print the new record as JSON instead of its id.":
                "Écrit le nouveau relevé en JSON plutôt que son id.",
            "Print the record as JSON (the shape `meteo export` writes).":
                "Écrit le relevé en JSON (la forme qu’écrit `meteo export`).",
            #"Print {"records": [...], "next": ID-or-null}."#:
                #"Écrit {"records": [...], "next": ID-ou-null}."#,
            "Read the token from this file.":
                "Lit le jeton dans ce fichier.",
            "Restore the last deleted record.":
                "Rétablit le dernier relevé supprimé.",
            "Set up sync with a meteo-records service.":
                "Configure la synchro avec un service meteo-records.",
            "Show a kept record as it was kept, by its id or a unique start of it.":
                "Montre un relevé tel qu’il a été conservé, par son id ou un début d’id unique.",
            "Show the weather for a place.":
                "Montre la météo d’un lieu.",
            "Stop syncing: forget the service and its token (records stay).":
                "Arrête la synchro : oublie le service et son jeton (les relevés restent).",
            "Sync kept records with the meteo-records service now.":
                "Synchronise maintenant les relevés avec le service meteo-records.",
            "The file, or - for standard input.":
                "Le fichier, ou - pour l’entrée standard.",
            #"The name, optionally narrowed: "Springfield", "Springfield, MO"."#:
                #"Le nom, éventuellement précisé : "Springfield", "Springfield, MO"."#,
            #"The place, e.g. Paris or "Springfield, MO"."#:
                #"Le lieu, par exemple Paris ou "Springfield, MO"."#,
            "The record's id, or enough of its start to name one record (see `meteo history`).":
                "L’id du relevé, ou assez de son début pour n’en désigner qu’un (voir `meteo history`).",
            "The service's base URL, such as https://records.example.org.":
                "L’URL de base du service, comme https://records.example.org.",
            "The token is read from --token-file, else from standard input when it is not a terminal, else asked for without echo. It is stored in config.toml, which is made readable by you only.":
                "Le jeton est lu dans --token-file, sinon sur l’entrée standard si ce n’est pas un terminal, sinon demandé sans écho. Il est rangé dans config.toml, rendu lisible par vous seul.",
            "The weather, in your terminal.":
                "La météo, dans votre terminal.",
            "Type a place and press Enter; r keeps a result, d deletes a kept one, ? lists every key.":
                "Tapez un lieu puis Entrée ; r conserve un résultat, d supprime un relevé, ? liste toutes les touches.",
            "Unit system: metric or imperial.":
                "Système d’unités : metric ou imperial.",
            "Weather service: open-meteo or openweathermap.":
                "Service météo : open-meteo ou openweathermap.",
            "Write ASCII only: icons, the degree sign, accents (default: when the locale is not UTF-8).":
                "N’écrit que de l’ASCII : icônes, signe degré, accents (par défaut quand la locale n’est pas UTF-8).",
            "Write every record to standard output as JSON or CSV.":
                "Écrit tous les relevés sur la sortie standard en JSON ou CSV.",
            "Write meteo's manual page (roff) to standard output (`make man` uses it).":
                "Écrit la page de manuel de meteo (roff) sur la sortie standard (`make man` s’en sert).",
            "Write the completion script for a shell to standard output.":
                "Écrit le script de complétion d’un shell sur la sortie standard.",
            "bash, zsh or fish.":
                "bash, zsh ou fish.",
        ])
}
