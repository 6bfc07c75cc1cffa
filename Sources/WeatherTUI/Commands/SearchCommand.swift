import ArgumentParser
import WeatherCore

/// `meteo search NAME`: the places a name may mean, to pick the right one.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "List the places a name may mean, with region, country and population.")

    @Argument(help: "The name, optionally narrowed: \"Springfield\", \"Springfield, MO\".")
    var name: [String]

    @Option(help: "How many candidates at most (1…100).")
    var limit = 10

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be within 1…100.") }
        guard PlaceQuery(name.joined(separator: " ")) != nil else { throw ValidationError("Name a place to search.") }
    }

    func run() async throws {
        let runtime = try display.runtime()
        guard let query = PlaceQuery(name.joined(separator: " ")) else { return }
        let places: [Place]
        do {
            places = try await runtime.makeProvider(http: runtime.makeHTTPClient()).search(query, limit: limit)
        } catch {
            throw ErrorLog.fail(error)
        }
        if json {
            Console.out(WeatherReport.placesJSON(places))
            return
        }
        guard !places.isEmpty else {
            Console.error(WeatherError.placeNotFound(query: query.text).userMessage)
            throw ExitStatus.notFound
        }
        Console.out(PlaceTable.render(places))
    }
}

/// The aligned text table of `meteo search`.
enum PlaceTable {
    static func render(_ places: [Place]) -> String {
        let header = ["#", "Place", "Region", "Country", "Population", "Coordinates"]
        var rows = [header]
        for (index, place) in places.enumerated() {
            rows.append([
                String(index + 1), place.name, place.admin1 ?? "", place.country ?? place.countryCode ?? "",
                place.population.map(NumberText.grouped) ?? "",
                "\(NumberText.fixed(place.latitude, 4)), \(NumberText.fixed(place.longitude, 4))",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { column in
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Numbers line up on the right.
                return column == 0 || column == 4 ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
