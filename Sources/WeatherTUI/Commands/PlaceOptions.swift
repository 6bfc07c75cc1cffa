import CommandLineKit
import WeatherCore

/// The place a command looks up: a name (narrowed after a comma) or coordinates.
struct PlaceOptions {
    static let argument = ArgumentSpec(
        "place", help: "The place, e.g. Paris or \"Springfield, MO\".", isRepeating: true, isOptional: true)
    static let specs: [OptionSpec] = [
        .value("lat", help: "Latitude in degrees (with --lon: skips the place search)."),
        .value("lon", help: "Longitude in degrees (with --lat)."),
    ]

    let place: [String]
    let lat: Double?
    let lon: Double?
    /// Kept to word a refusal only when one is needed (a usage line costs a little to build).
    private let parsed: ParsedCommand

    init(_ parsed: ParsedCommand) throws(UsageError) {
        place = parsed.arguments("place")
        lat = try parsed.double("lat")
        lon = try parsed.double("lon")
        if (lat == nil) != (lon == nil) { throw parsed.error(Console.labels.say(.coordinatesTogether)) }
        if let lat, let lon, !Place.isValid(latitude: lat, longitude: lon) {
            throw parsed.error(Console.labels.say(.coordinatesRange))
        }
        if lat != nil, !place.isEmpty { throw parsed.error(Console.labels.say(.placeOrCoordinates)) }
        self.parsed = parsed
    }

    /// What to look up, falling back on the configured default place.
    func target(_ runtime: Runtime) throws(UsageError) -> WeatherLookup.Target {
        guard let target = runtime.target(place: place, latitude: lat, longitude: lon) else {
            throw parsed.error(Console.labels.say(.namePlace))
        }
        return target
    }
}
