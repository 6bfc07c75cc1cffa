/// The words around the numbers, in each language meteo speaks.
public struct Labels: Sendable {
    public let temperature, feelsLike, humidity, wind, pressure, precipitation, nextHours, nextDays, from: String
    public let stale, ago, provider: String
    public let weekdays: [String]

    public static func forLanguage(_ language: Language) -> Labels {
        language == .french ? french : english
    }

    static let english = Labels(
        temperature: "Temperature", feelsLike: "feels like", humidity: "Humidity", wind: "Wind", pressure: "Pressure",
        precipitation: "Precipitation", nextHours: "Next hours", nextDays: "Next days", from: "from",
        stale: "stale", ago: "ago", provider: "data", weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])

    static let french = Labels(
        temperature: "Température", feelsLike: "ressenti", humidity: "Humidité", wind: "Vent", pressure: "Pression",
        precipitation: "Précipitations", nextHours: "Heures à venir", nextDays: "Jours à venir", from: "du",
        stale: "ancien", ago: "il y a", provider: "données",
        weekdays: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."])
}
