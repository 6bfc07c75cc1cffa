import CommandLineKit
import TextFormats
import WeatherCore

/// `meteo search NAME`: the places a name may mean, to pick the right one.
struct SearchCommand: AsyncMeteoCommand {
    static let spec = CommandSpec(
        name: "search", abstract: "List the places a name may mean, with region, country and population.",
        arguments: [
            ArgumentSpec(
                "name", help: "The name, optionally narrowed: \"Springfield\", \"Springfield, MO\".", isRepeating: true)
        ],
        options: [
            .value("limit", help: "How many candidates at most (1…100)."),
            .flag("json", help: "Print JSON."),
        ] + DisplayOptions.specs([.lang, .provider, .ascii]))

    let query: PlaceQuery
    let limit: Int
    let json: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        limit = try parsed.int("limit") ?? 10
        guard (1...100).contains(limit) else {
            throw parsed.error(Console.labels.say(.withinRange, ["option": "--limit", "low": "1", "high": "100"]))
        }
        guard let query = PlaceQuery(parsed.arguments("name").joined(separator: " ")) else {
            throw parsed.error(Console.labels.say(.nameSearch))
        }
        self.query = query
        json = parsed.flag("json")
        display = try DisplayOptions(parsed)
    }

    func run() async throws {
        let runtime = try display.runtime()
        let places: [Place]
        do {
            places = try await runtime.makeProvider(http: runtime.makeWeatherHTTPClient()).search(query, limit: limit)
        } catch {
            throw ErrorLog.fail(error)
        }
        if json { Console.json(WeatherReport.placesJSON(places)) }
        guard !places.isEmpty else {
            // As the text form: a script can tell "nothing found" from its exit status, with `[]` on stdout.
            let name = query.qualifiers.isEmpty ? nil : query.name
            Console.error(WeatherError.placeNotFound(query: query.text, name: name).message(Console.labels))
            throw ExitStatus.notFound
        }
        if json { return }
        Console.out(PlaceTable.render(places, Console.labels))
    }
}

/// The aligned text table of `meteo search`.
enum PlaceTable {
    static func render(_ places: [Place], _ labels: Labels) -> String {
        let header =
            ["#"]
            + [Phrase.placeColumn, .regionColumn, .countryColumn, .populationColumn, .coordinatesColumn]
            .map { labels.say($0) }
        var rows = [header]
        for (index, place) in places.enumerated() {
            rows.append([
                String(index + 1), place.name, place.admin1 ?? "", place.country ?? place.countryCode ?? "",
                place.population.map(labels.grouped) ?? "",
                // Coordinates as --lat and --lon take them back, whatever the language.
                "\(NumberText.fixed(place.latitude, 4)), \(NumberText.fixed(place.longitude, 4))",
            ])
        }
        // Numbers line up on the right.
        return TextColumns.lines(rows, right: [0, 4]).joined(separator: "\n")
    }
}
