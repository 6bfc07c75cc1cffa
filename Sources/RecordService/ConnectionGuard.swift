import Foundation
import HTTPTypes
public import Logging
public import NIOCore
import NIOHTTP1
public import NIOHTTPTypes
import RecordAPI

/// Answers what happens on a connection before a request reaches the router, in the service's JSON error shape
/// with an `X-Request-ID`: a request head that does not arrive within `headerTimeout` of its first byte (408,
/// so a client sending a byte now and then cannot hold a connection) and bytes the HTTP parser refuses (400).
/// Sits after the HTTP codec; it puts a `FirstByteSignal` before the parser to learn when a head begins.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let headerTimeout: TimeAmount
    let logger: Logger
    /// Heads read whose response has not ended yet.
    private var unanswered = 0
    private var headTimer: Scheduled<Void>?
    private var closing = false

    init(headerTimeout: Duration, logger: Logger) {
        self.headerTimeout = TimeAmount(headerTimeout)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loop = context.eventLoop
        let guardian = NIOLoopBound(self, eventLoop: loop)
        let context = NIOLoopBound(context, eventLoop: loop)
        try? context.value.pipeline.syncOperations.addHandler(
            FirstByteSignal { guardian.value.bytesArrived(context: context.value) }, position: .first)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        headTimer?.cancel()
        headTimer = nil
    }

    /// Bytes came in before the parser: when no request is being answered they begin a head, and the head has
    /// `headerTimeout` to be whole.
    func bytesArrived(context: ChannelHandlerContext) {
        guard unanswered == 0, headTimer == nil, !closing else { return }
        headTimer = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) {
            self.headTimer = nil
            guard self.unanswered == 0 else { return }
            self.answerAndClose(
                context: context,
                error: APIError(
                    status: .requestTimeout, code: "header_timeout", message: "the request head did not arrive in time"
                ))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            unanswered += 1
            headTimer?.cancel()
            headTimer = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered = max(unanswered - 1, 0) }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Mid-response the connection can only be cut, as Hummingbird does.
        guard error is HTTPParserError, unanswered == 0 else { return context.fireErrorCaught(error) }
        answerAndClose(
            context: context,
            error: APIError(status: .badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1"))
    }

    /// Writes `error` as a whole response, logs it as a request line does, and closes the connection.
    private func answerAndClose(context: ChannelHandlerContext, error: APIError) {
        guard !closing else { return }
        closing = true
        let requestID = RequestObservation.requestID(nil)
        let body = ByteBuffer(bytes: error.jsonBody)
        let head = HTTPResponse(
            status: error.status,
            headerFields: [
                .contentType: "application/json", .contentLength: String(body.readableBytes), .connection: "close",
                .requestID: requestID,
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
        logger.info(
            "request",
            metadata: [
                "method": "-", "path": "-", "status": "\(error.status.code)", "duration_ms": "-",
                "request_id": "\(requestID)", "error": "\(error.code)",
            ])
    }
}

/// Tells its owner that bytes arrived, before the HTTP parser sees them.
final class FirstByteSignal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let arrived: () -> Void

    init(_ arrived: @escaping () -> Void) {
        self.arrived = arrived
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        arrived()
        context.fireChannelRead(data)
    }
}
