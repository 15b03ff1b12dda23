import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// Answers a request whose answer is kept in memory where the request is read, on the
/// connection's event loop, without handing it to a Swift task: most requests a preview gets are
/// for pages just served, and the hand-over (and back, for each part written) costs more than
/// the answer. Every other request goes on to the server as before.
///
/// It sits after the connection's state handler, which so sees every request and answer (for
/// its idle timeout and a graceful shutdown), and answers only when no request handed on is
/// still being answered, so answers leave in the order requests came.
final class KeptAnswers: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: SiteResponder
    /// Requests handed on whose answer has not ended yet.
    private var handedOn = 0
    /// The rest of a request answered here (its end, a body it should not have) is not handed on.
    private var discardsRest = false

    init(responder: SiteResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, let (response, body) = responder.keptAnswer(to: request) {
                discardsRest = true
                context.write(wrapOutboundOut(.head(response)), promise: nil)
                if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                return
            }
            discardsRest = false
            handedOn += 1
            context.fireChannelRead(data)
        case .body:
            if !discardsRest { context.fireChannelRead(data) }
        case .end:
            if discardsRest {
                discardsRest = false
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { handedOn = max(0, handedOn - 1) }
        context.write(data, promise: promise)
    }

    /// Puts a `KeptAnswers` right after the connection's state handler, once the server has set
    /// up the connection's pipeline; without that handler the connection keeps the server's path.
    static func install(in pipeline: ChannelPipeline, responder: SiteResponder) {
        let operations = pipeline.syncOperations
        guard let state = try? operations.handler(type: HTTPConnectionStateHandler.self) else { return }
        try? operations.addHandler(KeptAnswers(responder: responder), position: .after(state))
    }
}
