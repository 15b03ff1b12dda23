import NIOCore
import Synchronization

/// Caps the connections open at once: one more is closed as soon as it is accepted, so a flood of
/// clients cannot use up the descriptors the server needs to answer the others. Also installs
/// `HTTP10Close`, `KeptAnswers` and `GoneStreams` on each connection.
final class ConnectionLimiter: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    /// The connections open now, shared by every connection's limiter.
    final class Count: Sendable {
        let maximum: Int
        let open = Atomic<Int>(0)

        init(maximum: Int) {
            self.maximum = maximum
        }
    }

    private let count: Count
    private let counted = Atomic<Bool>(false)
    private let responder: SiteResponder

    init(_ count: Count, responder: SiteResponder) {
        self.count = count
        self.responder = responder
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Added once for each connection, after the server's own handlers: the place to add ours.
        HTTP10Close.install(in: context.pipeline)
        if count.open.add(1, ordering: .relaxed).newValue > count.maximum {
            count.open.subtract(1, ordering: .relaxed)
            context.close(promise: nil)
        } else {
            counted.store(true, ordering: .relaxed)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        // By now the server has finished the connection's pipeline.
        KeptAnswers.install(in: context.pipeline, responder: responder)
        GoneStreams.install(in: context.pipeline)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if counted.exchange(false, ordering: .relaxed) { count.open.subtract(1, ordering: .relaxed) }
    }
}
