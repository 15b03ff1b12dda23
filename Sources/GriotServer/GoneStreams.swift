import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client has gone while its live-reload stream is open. The server
/// keeps connections open when a client stops sending (an HTTP client may half-close and still
/// read its answer), so a stream, which sends nothing for seconds at a time, would otherwise
/// hold its connection (and a place under the connection cap) until its next write failed. A
/// browser never half-closes a live-reload stream: its end of input means it has gone.
final class GoneStreams: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    /// Whether a live-reload stream was asked for on this connection.
    private var streams = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let request) = unwrapInboundIn(data), request.path == LiveInjection.eventsPath {
            streams = true
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if streams, case .some(.inputClosed) = event as? ChannelEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Puts a `GoneStreams` after `KeptAnswers` (which answers no stream), once the server has set
    /// up the connection's pipeline.
    static func install(in pipeline: ChannelPipeline) {
        let operations = pipeline.syncOperations
        guard let kept = try? operations.handler(type: KeptAnswers.self) else { return }
        try? operations.addHandler(GoneStreams(), position: .after(kept))
    }
}
