public import Hummingbird

/// A request's context: Hummingbird's, plus the user the bearer token named.
public struct RecordsRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var userID: Int64?
    /// The client's IP address, for the rate of failed authentications.
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        userID = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The authenticated caller (the authenticator runs before every route that asks).
    func requireUser() throws -> Int64 {
        guard let userID else { throw APIError.unauthorized }
        return userID
    }
}
