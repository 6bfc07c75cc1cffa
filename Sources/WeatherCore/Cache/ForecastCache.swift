#if canImport(Glibc)
    import Glibc
#endif

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The last good forecast for each place asked, kept on disk so that `meteo now` works offline.
///
/// One small JSON file per query, written atomically, so a crash or a second process never leaves
/// half a file behind.
public struct ForecastCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The cache key for a typed place name: provider plus the folded query, so "paris" and "Paris" share it.
    public static func key(provider: ProviderID, query: PlaceQuery) -> String {
        "\(provider.rawValue)|\(TextFolding.fold(query.text))"
    }

    /// The cache key for coordinates given directly.
    public static func key(provider: ProviderID, latitude: Double, longitude: Double) -> String {
        "\(provider.rawValue)|\(NumberText.fixed(latitude, 4)),\(NumberText.fixed(longitude, 4))"
    }

    /// Keeps `forecast` as the newest result for `key`.
    /// - Throws: the file system's error; callers treat a failed cache write as a warning, not a failure.
    public func store(_ forecast: Forecast, key: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(Entry(key: key, forecast: forecast))
        // An atomic write goes to a temporary file that is renamed into place.
        do {
            try data.write(to: URL(fileURLWithPath: path(for: key)), options: .atomic)
        } catch {
            throw CacheWriteError(path: path(for: key))
        }
    }

    /// The newest forecast kept for `key`, or `nil` when there is none or the file is unreadable.
    public func load(key: String) -> Forecast? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
        else { return nil }
        return entry.forecast
    }

    func path(for key: String) -> String {
        directory + "/forecast-" + Self.hash(key) + ".json"
    }

    /// FNV-1a, 64 bits: a stable file name for any key (the key itself is checked on load).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private struct Entry: Codable {
        var version = 1
        var key: String
        var forecast: Forecast
    }
}

/// A forecast could not be written to the cache.
public struct CacheWriteError: Error, Sendable {
    public let path: String
}
