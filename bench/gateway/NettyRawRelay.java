import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;

/**
 * The floor for a relay in Java without Reactor: Netty's own channel handlers, each client connection paired with
 * one keep-alive connection to the backend on the same event loop, whole messages forwarded (fine for JSON answers;
 * an SSE answer would need streaming). No authentication, sessions, metrics or resilience. A benchmark baseline,
 * never a product. Run as a single-file program on the gateway's classpath:
 * java -cp CP NettyRawRelay.java PORT BACKEND_BASE_URL
 */
public class NettyRawRelay {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        URI backend = URI.create(args[1]);
        // NIO, as the gateway runs (its classpath, which this relay uses, has no epoll transport)
        EventLoopGroup loops = new NioEventLoopGroup(2);
        Channel server = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new Inbound(backend));
                    }
                })
                .bind("127.0.0.1", port)
                .sync()
                .channel();
        System.err.println("raw relay listening on " + port + " (nio)");
        server.closeFuture().sync();
    }

    /** One client connection: its requests, one at a time, to its own backend connection. */
    static final class Inbound extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final URI backend;
        private Channel outbound;

        Inbound(URI backend) {
            super(false);
            this.backend = backend;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            request.headers().set(HttpHeaderNames.HOST, backend.getHost() + ":" + backend.getPort());
            request.headers().remove(HttpHeaderNames.AUTHORIZATION);
            if (outbound != null && outbound.isActive()) {
                outbound.writeAndFlush(request);
                return;
            }
            Channel inbound = ctx.channel();
            new Bootstrap()
                    .group(inbound.eventLoop())
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline()
                                    .addLast(new HttpClientCodec())
                                    .addLast(new HttpObjectAggregator(1 << 20))
                                    .addLast(new Outbound(inbound));
                        }
                    })
                    .connect(backend.getHost(), backend.getPort())
                    .addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            outbound = connected.channel();
                            outbound.writeAndFlush(request);
                        } else {
                            request.release();
                            inbound.writeAndFlush(new DefaultFullHttpResponse(
                                    HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY));
                        }
                    });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (outbound != null) {
                outbound.close();
            }
        }
    }

    /** The backend's answers, back to the client connection they belong to. */
    static final class Outbound extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Channel inbound;

        Outbound(Channel inbound) {
            super(false);
            this.inbound = inbound;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            inbound.writeAndFlush(response);
        }
    }
}
