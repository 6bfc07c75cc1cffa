/// The details under a temperature, as the screen and `meteo show` write them: "Humidity 71%",
/// "Wind 15 km/h SW", "Pressure 1016 hPa", "Precipitation 0.0 mm", each only when it was sent.
public enum DetailsText {
    public static func items(
        humidity: Double?, windSpeed: Double?, windDirection: Double?, pressure: Double?, precipitation: Double?,
        units: Units, language: Language
    ) -> [String] {
        let labels = Labels.forLanguage(language)
        var items: [String] = []
        if let humidity { items.append("\(labels.humidity) \(NumberText.fixed(humidity, 0))%") }
        if let windSpeed {
            var text = "\(labels.wind) \(NumberText.fixed(units.speed(windSpeed), 0)) \(units.speedSymbol)"
            if let windDirection { text += " " + Compass.point(windDirection, language: language) }
            items.append(text)
        }
        if let pressure {
            let digits = units == .metric ? 0 : 2
            items.append(
                "\(labels.pressure) \(NumberText.fixed(units.pressure(pressure), digits)) \(units.pressureSymbol)")
        }
        if let precipitation {
            let digits = units == .metric ? 1 : 2
            items.append(
                "\(labels.precipitation) \(NumberText.fixed(units.precipitation(precipitation), digits)) "
                    + units.precipitationSymbol)
        }
        return items
    }
}
