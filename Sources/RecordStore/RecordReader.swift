import Glibc
import TextFormats
public import WeatherCore

/// Reads the records of a `meteo export` file (JSON or CSV) one at a time, from bytes read as they are needed:
/// memory stays flat whatever the file's size, and each record is checked as it comes.
///
/// JSON is `{"records": [...]}` (other keys are skipped) or a bare array; each element is cut out by a byte scan
/// that follows strings and nesting, then parsed on its own. CSV rows are cut at line breaks outside quotes (the
/// special characters are ASCII, so bytes suffice and a cell is decoded once whole).
public struct RecordReader {
    private enum Format { case unknown, json, csv }
    private enum JSONState { case start, objectKey, array, done }

    private var buffer: [UInt8] = []
    private var position = 0
    private var ended = false
    private let more: (inout [UInt8]) -> Bool
    private var format = Format.unknown
    private var json = JSONState.start
    private var header: [String]?
    private var count = 0
    /// An element larger than this is refused (a record is under 1 KiB; a hostile file could be one huge value).
    static let maxElement = 1 << 20

    /// Reads from `bytes` already in memory.
    public init(bytes: [UInt8]) {
        buffer = bytes
        ended = true
        more = { _ in false }
    }

    /// Reads from `descriptor` (a file or standard input) in 64 KiB chunks.
    public init(descriptor: Int32) {
        more = { buffer in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                buffer += chunk[0..<count]
                return true
            }
        }
    }

    /// The next record; `nil` at the end of the file.
    /// - Throws: `RecordStoreError.invalidRecord` naming the record (JSON) or line (CSV) at fault.
    public mutating func next() throws(RecordStoreError) -> WeatherRecord? {
        try nextRead()?.record()
    }

    /// The next record as read, before it is built and checked (`ReadAhead` leaves that to the thread that keeps
    /// the records, to share the work between two cores).
    mutating func nextRead() throws(RecordStoreError) -> ReadRecord? {
        if format == .unknown {
            skipBOMAndWhitespace()
            guard let first = peek() else { throw .emptyInput }
            format = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") ? .json : .csv
        }
        return format == .json ? try nextJSON() : try nextCSV()
    }

    // MARK: - JSON

    private mutating func nextJSON() throws(RecordStoreError) -> ReadRecord? {
        while true {
            switch json {
            case .start:
                skipWhitespace()
                if peek() == UInt8(ascii: "[") {
                    position += 1
                    json = .array
                } else {
                    position += 1  // {
                    json = .objectKey
                }
            case .objectKey:
                skipWhitespace()
                guard let key = try jsonString() else { throw shapeError }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw notJSON }
                position += 1
                skipWhitespace()
                if key == "records" {
                    guard peek() == UInt8(ascii: "[") else { throw shapeError }
                    position += 1
                    json = .array
                } else {
                    _ = try element()
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ",") else { throw shapeError }
                    position += 1
                }
            case .array:
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    guard count > 0 else { throw notJSON }
                    position += 1
                    skipWhitespace()
                } else if peek() == UInt8(ascii: "]") {
                    position += 1
                    json = .done
                    continue
                } else if count > 0 {
                    throw notJSON
                }
                guard let bytes = try element() else { throw notJSON }
                count += 1
                guard let value = JSONValue.parse(bytes: bytes) else { throw notJSON }
                return .json(value, number: count)
            case .done:
                // After the array: other keys of the object (skipped), its end, then nothing.
                skipWhitespace()
                switch peek() {
                case nil:
                    return nil
                case UInt8(ascii: "}"):
                    position += 1
                case UInt8(ascii: ","):
                    position += 1
                    skipWhitespace()
                    guard try jsonString() != nil else { throw notJSON }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { throw notJSON }
                    position += 1
                    skipWhitespace()
                    guard try element() != nil else { throw notJSON }
                default:
                    throw notJSON
                }
            }
        }
    }

    private var notJSON: RecordStoreError { .invalidRecord("the file is not valid JSON") }
    private var shapeError: RecordStoreError { .invalidRecord("expected {\"records\": [...]}") }

    /// The bytes of the next JSON value (an object, array, string or scalar), cut by a scan that follows strings
    /// and nesting; `nil` at the end of the input.
    private mutating func element() throws(RecordStoreError) -> [UInt8]? {
        guard peek() != nil else { return nil }
        let start = position
        var depth = 0
        var inString = false
        var escaped = false
        while let byte = peek() {
            if position - start > Self.maxElement { throw .invalidRecord("record \(count + 1) is larger than 1 MiB") }
            if inString {
                position += 1
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { break }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // At depth 0 this closes what holds the value (a scalar ends before it).
                if depth == 0 { return Array(buffer[start..<position]) }
                depth -= 1
                if depth == 0 {
                    position += 1
                    let bytes = Array(buffer[start..<position])
                    compact()
                    return bytes
                }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 { return Array(buffer[start..<position]) }
            default:
                break
            }
            position += 1
        }
        guard !inString, depth == 0 else { throw notJSON }
        return Array(buffer[start..<position])
    }

    /// A JSON string at the position, as text (for object keys).
    private mutating func jsonString() throws(RecordStoreError) -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        guard let bytes = try element(), case .string(let text)? = JSONValue.parse(bytes: bytes) else {
            throw notJSON
        }
        return text
    }

    // MARK: - CSV

    private mutating func nextCSV() throws(RecordStoreError) -> ReadRecord? {
        while true {
            guard let row = try csvRow() else {
                if header == nil { throw .emptyInput }
                return nil
            }
            guard let header else {
                self.header = try RecordExchange.csvHeader(row)
                continue
            }
            count += 1
            if row == [""] { continue }
            return .record(try RecordExchange.record(csvRow: row, header: header, line: count - 1))
        }
    }

    /// The cells of the next CSV row (RFC 4180: quoted cells may hold commas, quotes and line breaks).
    private mutating func csvRow() throws(RecordStoreError) -> [String]? {
        guard peek() != nil else { return nil }
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        let start = position
        while let first = peek() {
            // A run of ordinary bytes is taken whole; the special ones go through the state machine below.
            var end = position
            if quoted {
                while end < buffer.count, buffer[end] != UInt8(ascii: "\"") { end += 1 }
            } else {
                while end < buffer.count, !Self.csvSpecial(buffer[end]) { end += 1 }
            }
            if end > position {
                if end - start > Self.maxElement { throw .invalidRecord("line \(count + 1) is longer than 1 MiB") }
                cell.append(contentsOf: buffer[position..<end])
                position = end
                continue
            }
            let byte = first
            position += 1
            if position - start > Self.maxElement { throw .invalidRecord("line \(count + 1) is longer than 1 MiB") }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peek() == UInt8(ascii: "\"") {
                        cell.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                cells.append(String(decoding: cell, as: UTF8.self))
                cell.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r") where peek() == UInt8(ascii: "\n") || peek() == nil: break
            case UInt8(ascii: "\n"):
                cells.append(String(decoding: cell, as: UTF8.self))
                compact()
                return cells
            default: cell.append(byte)
            }
        }
        cells.append(String(decoding: cell, as: UTF8.self))
        compact()
        return cells
    }

    /// The bytes that end or quote an unquoted CSV cell.
    private static func csvSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\"")
    }

    // MARK: - Bytes

    /// The byte at the position, reading more when the buffer is used up; `nil` at the end.
    private mutating func peek() -> UInt8? {
        while position >= buffer.count {
            guard !ended, more(&buffer) else {
                ended = true
                return nil
            }
        }
        return buffer[position]
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func skipBOMAndWhitespace() {
        skipWhitespace()
        if peek() == 0xEF {
            let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
            var matched = true
            for (offset, byte) in mark.enumerated() {
                while position + offset >= buffer.count, !ended, more(&buffer) {}
                if position + offset >= buffer.count || buffer[position + offset] != byte { matched = false }
            }
            if matched { position += 3 }
        }
        skipWhitespace()
    }

    /// Drops what has been read, now and then, so the buffer holds about one chunk.
    private mutating func compact() {
        guard position > 1 << 20 else { return }
        buffer.removeFirst(position)
        position = 0
    }
}

/// A record as `RecordReader` read it: built already (a CSV row), or a parsed JSON object still to be built.
enum ReadRecord: Sendable {
    case record(WeatherRecord)
    case json(JSONValue, number: Int)

    /// The record, built and checked.
    /// - Throws: `RecordStoreError.invalidRecord` naming the record.
    func record() throws(RecordStoreError) -> WeatherRecord {
        switch self {
        case .record(let record):
            return record
        case .json(let value, let number):
            do {
                return try RecordExchange.record(from: value)
            } catch {
                throw .invalidRecord("record \(number): \(error.reason)")
            }
        }
    }
}
