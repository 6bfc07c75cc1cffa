import Foundation
import RecordStore
import WeatherCore

/// Writes records into a store one transaction at a time, printing each id once it is committed.
///
/// For tests and benchmarks only: two of these at once prove concurrent writers work, and killing one
/// mid-stream proves every printed id survives. Usage: meteo-store-writer PATH COUNT [SEED]
@main
enum StoreWriterMain {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3, let count = Int(arguments[2]) else {
            FileHandle.standardError.write(Data("usage: meteo-store-writer PATH COUNT [SEED]\n".utf8))
            exit(64)
        }
        let seed = arguments.count > 3 ? arguments[3] : "0"
        do {
            let store = try SQLiteRecordStore(path: arguments[1])
            let output = FileHandle.standardOutput
            for index in 0..<count {
                let record = WeatherRecord(
                    id: UUID().uuidString.lowercased(),
                    place: Place(name: "Writer \(seed)", countryCode: "FR", latitude: 45, longitude: 5),
                    // One observation per record: a second earlier each time (the store keeps an observation once).
                    observedAt: Date().addingTimeInterval(-Double(index)), recordedAt: Date(), provider: .openMeteo,
                    temperature: Double(index % 40),
                    weatherCode: 3)
                try store.add(record)
                output.write(Data((record.id + "\n").utf8))
            }
        } catch {
            FileHandle.standardError.write(
                Data(("meteo-store-writer: " + error.message(.forLanguage(.english)) + "\n").utf8))
            exit(6)
        }
    }
}
