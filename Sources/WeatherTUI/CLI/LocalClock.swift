import Glibc
import WeatherCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Times in this machine's time zone (TZ and /etc/localtime, through the C library; no ICU).
enum LocalClock {
    /// The machine's offset from UTC at `date`, in seconds.
    static func offset(at date: Date) -> Int {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// "2026-11-27 14:15" in local time.
    static func minute(_ date: Date) -> String {
        let c = CivilTime.components(of: date, utcOffsetSeconds: offset(at: date))
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
