import ArgumentParser
import WeatherCore

/// The place a command looks up: a name (narrowed after a comma) or coordinates.
struct PlaceOptions: ParsableArguments {
    @Argument(help: "The place, e.g. Paris or \"Springfield, MO\".")
    var place: [String] = []

    @Option(help: "Latitude in degrees (with --lon: skips the place search).")
    var lat: Double?

    @Option(help: "Longitude in degrees (with --lat).")
    var lon: Double?

    func validate() throws {
        if (lat == nil) != (lon == nil) { throw ValidationError("--lat and --lon go together.") }
        if let lat, let lon, !Place.isValid(latitude: lat, longitude: lon) {
            throw ValidationError("--lat must be within -90…90 and --lon within -180…180.")
        }
        if lat != nil, !place.isEmpty { throw ValidationError("Give a place or --lat/--lon, not both.") }
    }

    /// What to look up, falling back on the configured default place.
    func target(_ runtime: Runtime) throws -> WeatherLookup.Target {
        try runtime.target(place: place, latitude: lat, longitude: lon)
    }
}
