import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// Answers a request whose answer is kept in memory where the request is read, on the
/// connection's event loop, without handing it to a Swift task: most requests a preview gets are
/// for pages just served, and the hand-over (and back, for each part written) costs more than
/// the answer. Every other request goes on to the server as before.
///
/// It sits after the connection's state handler, which so sees every request and the end of
/// every answer (for its idle timeout and a graceful shutdown), and answers only when no request
/// handed on is still being answered, so answers leave in the order requests came. A whole GET
/// answer is kept as the bytes that go on the wire (its head made once a second) and written
/// first in the pipeline, past the conversions and encoders a head and body would go through.
final class KeptAnswers: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: SiteResponder
    /// The context of the handler nearest the socket, whose writes reach it as they are.
    private let outlet: ChannelHandlerContext
    private let ends: EndDropper
    /// Requests handed on whose answer has not ended yet.
    private var handedOn = 0
    /// The rest of a request answered here (its end, a body it should not have) is not handed on.
    private var discardsRest = false

    init(responder: SiteResponder, outlet: ChannelHandlerContext, ends: EndDropper) {
        self.responder = responder
        self.outlet = outlet
        self.ends = ends
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, let answer = responder.keptAnswer(to: request) {
                discardsRest = true
                switch answer {
                case .bytes(let bytes):
                    // Written where bytes go to the socket, past the HTTP encoders; the end goes
                    // the usual way, so the state handler sees the answer end, and is dropped
                    // before the encoders (which would frame it by the connection's last answer).
                    outlet.write(NIOAny(bytes), promise: nil)
                    ends.dropsNext += 1
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                case .parts(let response, let body):
                    context.write(wrapOutboundOut(.head(response)), promise: nil)
                    if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
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
    /// up the connection's pipeline, with an `EndDropper` before the state handler and an outlet
    /// first of all; without that handler the connection keeps the server's path.
    static func install(in pipeline: ChannelPipeline, responder: SiteResponder) {
        let operations = pipeline.syncOperations
        guard let state = try? operations.handler(type: HTTPConnectionStateHandler.self) else { return }
        let ends = EndDropper()
        guard (try? operations.addHandler(Outlet(), position: .first)) != nil,
            let outlet = try? operations.context(handlerType: Outlet.self),
            (try? operations.addHandler(ends, position: .before(state))) != nil
        else { return }
        try? operations.addHandler(
            KeptAnswers(responder: responder, outlet: outlet, ends: ends), position: .after(state))
    }
}

/// Passes every write on as it is: its place, first in the pipeline, is where `KeptAnswers`
/// writes whole answers.
private final class Outlet: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = IOData
}

/// Drops the ends `KeptAnswers` writes after a whole answer, once the state handler has seen them.
final class EndDropper: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Ends still to drop.
    var dropsNext = 0

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if dropsNext > 0, case .end = unwrapOutboundIn(data) {
            dropsNext -= 1
            promise?.succeed()
            return
        }
        context.write(data, promise: promise)
    }
}
