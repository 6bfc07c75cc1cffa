#if canImport(FoundationEssentials)
    public import FoundationEssentials
#else
    public import Foundation
#endif

/// A kept record as it was kept, in words: the screen's record view and `meteo show` print the same lines.
///
/// It opens with a mark that cannot be read as live weather, and gives both clocks: the place's, when its zone is
/// known, and the reader's.
public enum KeptRecordText {
    /// How a line should look; the screen turns roles into styles, plain text ignores them.
    public enum Role: Sendable, Equatable {
        case mark, title, accent, normal, muted
    }

    /// One line of the view: parts that a narrow screen puts on rows of their own, and how much it matters
    /// (a small pane keeps the lines of the highest rank).
    public struct Line: Sendable, Equatable {
        public var parts: [String]
        public var role: Role
        /// 0 must stay; higher ranks go first when space is short.
        public var rank: Int

        public init(_ parts: [String], role: Role, rank: Int) {
            self.parts = parts
            self.role = role
            self.rank = rank
        }

        /// The line as plain text prints it.
        public var text: String { parts.joined(separator: " · ") }
    }

    /// The lines for `record`, values in `units`.
    /// - Parameters:
    ///   - placeOffset: the place's offset from UTC when it was observed, when its zone is known.
    ///   - localOffset: the reader's offset from UTC.
    public static func lines(
        _ record: WeatherRecord, units: Units, language: Language, ascii: Bool, placeOffset: Int?, localOffset: Int
    ) -> [Line] {
        let labels = Labels.forLanguage(language)
        var lines: [Line] = []
        lines.append(Line([(ascii ? "# " : "▣ ") + labels.say(.keptMark)], role: .mark, rank: 0))
        if record.keptOffline {
            lines.append(Line([labels.say(.keptOffline), labels.say(.keptOfflineWhy)], role: .mark, rank: 1))
        }
        var place = record.place.name
        if let admin1 = record.place.admin1, !admin1.isEmpty, admin1 != record.place.name { place += ", " + admin1 }
        if let country = record.place.country, !country.isEmpty { place += ", " + country }
        if let code = record.place.countryCode, !code.isEmpty {
            place += record.place.country == nil ? ", " + code : " (" + code + ")"
        }
        lines.append(Line([place], role: .title, rank: 0))
        var position = [coordinates(record.place.latitude, record.place.longitude, labels)]
        if let zone = record.place.timezone, !zone.isEmpty { position.append(zone) }
        lines.append(Line(position, role: .muted, rank: 3))
        if let placeOffset {
            lines.append(
                Line(
                    [
                        labels.say(
                            .observedAtPlace,
                            [
                                "time": CivilTime.clock(record.observedAt, utcOffsetSeconds: placeOffset),
                                "offset": RFC3339Offset.text(placeOffset),
                            ]),
                        labels.say(.yourTime, ["time": dateTime(record.observedAt, offset: localOffset, labels)]),
                    ], role: .normal, rank: 1))
        } else {
            lines.append(
                Line(
                    [labels.say(.observed, ["time": dateTime(record.observedAt, offset: localOffset, labels)])],
                    role: .normal, rank: 1))
        }
        lines.append(
            Line(
                [
                    labels.say(.kept, ["time": dateTime(record.recordedAt, offset: localOffset, labels)]),
                    record.provider.displayName, labels.say(.recordID, ["id": String(record.id.prefix(8))]),
                ], role: .normal, rank: 2))
        if let code = record.weatherCode {
            let weather = WeatherCode(code)
            lines.append(
                Line([weather.icon(ascii: ascii) + " " + weather.description(in: language)], role: .title, rank: 1))
        }
        let measures = Measures(units: units, language: language)
        var temperature = [record.temperature.map(measures.temperature) ?? "–"]
        if let feels = record.apparentTemperature {
            temperature.append("\(labels.feelsLike) \(measures.temperature(feels))")
        }
        lines.append(Line(temperature, role: .accent, rank: 0))
        let details = DetailsText.items(
            humidity: record.humidity, windSpeed: record.windSpeed, windDirection: record.windDirection,
            pressure: record.pressure, precipitation: record.precipitation, units: units, language: language)
        if !details.isEmpty { lines.append(Line(details, role: .normal, rank: 2)) }
        return lines
    }

    /// "27 Nov 2026 14:15" at `offset`, in `labels`' language.
    public static func dateTime(_ date: Date, offset: Int, _ labels: Labels) -> String {
        labels.date(date, offset: offset) + " " + CivilTime.clock(date, utcOffsetSeconds: offset)
    }

    /// "48.8566° N, 2.3522° E", with the language's decimal mark and compass letters.
    static func coordinates(_ latitude: Double, _ longitude: Double, _ labels: Labels) -> String {
        labels.number(abs(latitude), 4) + "° " + labels.compass[latitude < 0 ? 8 : 0] + ", "
            + labels.number(abs(longitude), 4) + "° " + labels.compass[longitude < 0 ? 12 : 4]
    }
}

/// "+01:00", "-03:30", "+00:00": an offset as RFC 3339 writes it (never "Z", which reads oddly after "UTC").
enum RFC3339Offset {
    static func text(_ seconds: Int) -> String {
        seconds == 0 ? "+00:00" : CivilTime.offsetSuffix(seconds)
    }
}
