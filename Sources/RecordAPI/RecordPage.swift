/// A page of records, newest first; `next` goes back as `?before=` (null on the last page).
public struct RecordPage: Codable, Sendable, Hashable {
    public var records: [WireRecord]
    public var next: String?

    public init(records: [WireRecord], next: String?) {
        self.records = records
        self.next = next
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(records, forKey: .records)
        try container.encode(next, forKey: .next)  // null, not absent, on the last page
    }
}
