import Glibc

/// Writes to the terminal's standard streams without buffering surprises between them.
enum Console {
    /// One line on standard output.
    static func out(_ text: String) {
        write(1, text + "\n")
    }

    /// One `meteo: …` line on standard error.
    static func error(_ line: String) {
        write(2, "meteo: " + line + "\n")
    }

    /// One `meteo: warning: …` line on standard error.
    static func warning(_ line: String) {
        write(2, "meteo: warning: " + line + "\n")
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
