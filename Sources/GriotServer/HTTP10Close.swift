import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Marks each HTTP/1.0 request that did not ask to keep its connection alive with
/// `Connection: close`, so the server closes the connection after answering, as HTTP/1.0 clients
/// expect. It sits before the conversion to version-independent HTTP types, which drops the version.
final class HTTP10Close: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), head.version == .http1_0, !head.isKeepAlive else {
            return context.fireChannelRead(data)
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// Puts itself in front of the HTTP type conversion of the pipeline `context` belongs to.
    /// Added by a handler placed after that conversion (where the server lets one be added).
    static func install(in pipeline: ChannelPipeline) {
        let operations = pipeline.syncOperations
        guard let codec = try? operations.handler(type: HTTP1ToHTTPServerCodec.self) else { return }
        try? operations.addHandler(HTTP10Close(), position: .before(codec))
    }
}
