import CommandLineKit
import RecordStore
import TextFormats
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `meteo record PLACE`: fetch the weather as `meteo now` does and keep it in the record store.
struct RecordCommand: AsyncMeteoCommand {
    static let spec = CommandSpec(
        name: "record", abstract: "Fetch the weather for a place and keep it in your history.",
        arguments: [PlaceOptions.argument],
        options: PlaceOptions.specs + [.flag("json", help: "Print the new record as JSON instead of its id.")]
            + DisplayOptions.specs)

    let location: PlaceOptions
    let json: Bool
    let display: DisplayOptions

    init(_ parsed: ParsedCommand) throws(UsageError) {
        location = try PlaceOptions(parsed)
        json = parsed.flag("json")
        display = try DisplayOptions(parsed)
    }

    func run() async throws {
        let runtime = try display.runtime()
        // Open the store first: a broken store should not cost a network round trip.
        let store = try runtime.openStore()
        let target = try location.target(runtime)
        let (result, _) = try await runtime.forecast(for: target)
        if let reason = result.staleBecause {
            let stale = StaleText.now(fetchedAt: result.forecast.fetchedAt, now: runtime.clock())
            let labels = Console.labels
            Console.warning(
                labels.say(.recordingOffline, ["reason": reason.message(labels), "what": stale.phrase(labels)]))
        }
        guard
            let record = WeatherRecord(
                forecast: result.forecast, id: UUID().uuidString.lowercased(), recordedAt: Date(),
                units: runtime.settings.units, offline: result.isStale)
        else {
            Console.error(Console.labels.say(.noCurrentSent, ["provider": result.forecast.provider.displayName]))
            throw ExitStatus.networkOrProvider
        }
        var kept = record
        do {
            try store.add(record)
        } catch RecordStoreError.alreadyKept(let id) {
            // Not a failure: the observation is kept once, and scripts get its id as they would have.
            Console.warning(RecordStoreError.alreadyKept(id: id).message(Console.labels))
            kept = (try? store.record(idPrefix: id)) ?? record
        } catch {
            throw ErrorLog.fail(error)
        }
        if json { Console.json(RecordExchange.jsonValue(kept).serialized(pretty: true)) } else { Console.out(kept.id) }
        FaultPoint.reach("record.printed")
        await result.cacheWrite?.value
    }
}
