/// The details under a temperature, as the screen and `meteo show` write them: "Humidity 71%",
/// "Wind 15 km/h SW", "Pressure 1016 hPa", "Precipitation 0.0 mm", each only when it was sent.
public enum DetailsText {
    public static func items(
        humidity: Double?, windSpeed: Double?, windDirection: Double?, pressure: Double?, precipitation: Double?,
        units: Units, language: Language
    ) -> [String] {
        let measures = Measures(units: units, language: language)
        let labels = measures.labels
        var items: [String] = []
        if let humidity { items.append("\(labels.humidity) \(labels.percent(humidity))") }
        if let windSpeed {
            var text = "\(labels.wind) \(measures.speed(windSpeed))"
            if let windDirection { text += " " + Compass.point(windDirection, language: language) }
            items.append(text)
        }
        if let pressure { items.append("\(labels.pressure) \(measures.pressure(pressure))") }
        if let precipitation { items.append("\(labels.precipitation) \(measures.precipitation(precipitation))") }
        return items
    }
}
