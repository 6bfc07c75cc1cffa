/// The words around the numbers, in each language meteo speaks.
public struct Labels: Sendable {
    public let temperature, feelsLike, humidity, wind, pressure, precipitation, nextHours, nextDays, from: String
    public let stale, ago, provider: String
    public let weekdays: [String]
    /// Month abbreviations, as the language writes them beside a day ("27 Nov", "27 nov.").
    public let months: [String]
    /// The screen's words: pane titles, first hints, and the key line's summaries by their English ones.
    public let screen: Screen

    /// The words of the interactive screen.
    public struct Screen: Sendable {
        public let weather, history, keptRecord, typePlace, tabMoves, noRecords, pressR, loading: String
        public let unreadable, searchStillWorks: String
        /// The key line and the help, by the keymap's English summary.
        public let keys: [String: String]

        /// `summary` (the keymap's English words) in this language.
        public func key(_ summary: String) -> String { keys[summary] ?? summary }
    }

    public static func forLanguage(_ language: Language) -> Labels {
        language == .french ? french : english
    }

    static let english = Labels(
        temperature: "Temperature", feelsLike: "feels like", humidity: "Humidity", wind: "Wind", pressure: "Pressure",
        precipitation: "Precipitation", nextHours: "Next hours", nextDays: "Next days", from: "from",
        stale: "stale", ago: "ago", provider: "data", weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        screen: Screen(
            weather: "Weather", history: "History", keptRecord: "Kept record",
            typePlace: "Type a place above and press Enter.",
            tabMoves: "Tab moves between the search bar, the result and your history; ? shows every key.",
            noRecords: "No records yet.", pressR: "Press r on a result to keep it.", loading: "Loading…",
            unreadable: "Your records cannot be read:", searchStillWorks: "see the line below. Search still works.",
            keys: [:]))

    static let french = Labels(
        temperature: "Température", feelsLike: "ressenti", humidity: "Humidité", wind: "Vent", pressure: "Pression",
        precipitation: "Précipitations", nextHours: "Heures à venir", nextDays: "Jours à venir", from: "du",
        stale: "ancien", ago: "il y a", provider: "données",
        weekdays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
        months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        screen: Screen(
            weather: "Météo", history: "Historique", keptRecord: "Relevé conservé",
            typePlace: "Tapez un lieu ci-dessus puis Entrée.",
            tabMoves: "Tab passe de la recherche au résultat et à l’historique ; ? montre toutes les touches.",
            noRecords: "Aucun relevé pour l’instant.", pressR: "r sur un résultat le conserve.",
            loading: "Chargement…", unreadable: "Vos relevés sont illisibles :",
            searchStillWorks: "voir la ligne du bas. La recherche marche.",
            keys: [
                "record": "garder", "weather now": "météo actuelle", "undo delete": "annuler",
                "next pane": "volet suivant",
                "previous pane": "volet précédent", "help": "aide", "quit": "quitter", "search": "chercher",
                "search bar": "recherche", "delete": "supprimer", "show record": "voir", "choose": "choisir",
                "show": "voir", "close": "fermer", "up": "haut", "down": "bas", "page up": "page préc.",
                "page down": "page suiv.", "newest": "plus récent", "oldest": "plus ancien",
                "cancel / close": "annuler / fermer", "°C/°F": "°C/°F",
            ]))
}
