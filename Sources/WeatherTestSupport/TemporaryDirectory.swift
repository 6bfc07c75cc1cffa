public import Foundation

/// A fresh folder under the system's temporary directory, removed when the last reference goes.
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// - Throws: when the folder cannot be made.
    public init() throws {
        var root = NSTemporaryDirectory()
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        var template = Array((root + "/meteo-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    public var url: URL { URL(fileURLWithPath: path) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
