package dev.lambdainvoke.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The one Lambda every benchmark run calls: the Invoke API on 127.0.0.1, answering each invocation with a fixed payload,
 * at once or after the delay its function name asks for ({@code wait-50ms} answers after 50 ms, without holding a
 * thread). One Netty I/O thread, so that it can take at most one core from the client it serves.
 *
 * <p>Runs in a JVM of its own, so that none of its work counts in the client's CPU, allocation, threads or heap. Prints
 * {@code listening on 127.0.0.1:<port>} when ready; exits when its standard input closes (its parent has gone).
 */
public final class StubLambdaServer {

    static final String READY = "listening on 127.0.0.1:";
    static final String INSTANT_FUNCTION = "instant";
    static final String WAIT_50_MS_FUNCTION = "wait-50ms";

    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations(\\?.*)?");
    private static final Pattern WAIT = Pattern.compile("wait-(\\d+)ms");
    /** A small order confirmation, about what a real function returns for the benchmark's request. */
    static final byte[] ANSWER = ("{\"orderId\":\"A-1042\",\"status\":\"ACCEPTED\",\"lines\":3,\"total\":149.85,"
                                  + "\"currency\":\"EUR\",\"warehouse\":\"eu-west-1b\",\"eta\":\"2026-11-25\"}")
            .getBytes(StandardCharsets.UTF_8);

    private StubLambdaServer() {
    }

    /** The answer's payload as the clients read it. */
    static String answerText() {
        return new String(ANSWER, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        NioEventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            Channel server = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(7 * 1024 * 1024),
                                    new InvokeHandler());
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
            System.out.println(READY + port);
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent writes nothing: end of input means it has gone
            }
            server.close().sync();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static final class InvokeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private static final AtomicLong REQUEST_IDS = new AtomicLong();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            Matcher invoke = INVOKE.matcher(request.uri());
            if (!invoke.matches()) {
                send(ctx, response(HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER), keepAlive);
                return;
            }
            FullHttpResponse answer = response(HttpResponseStatus.OK, Unpooled.wrappedBuffer(ANSWER));
            answer.headers().set("X-Amz-Executed-Version", "$LATEST");
            answer.headers().set("x-amzn-RequestId", "bench-" + REQUEST_IDS.incrementAndGet());
            long delayMillis = delayMillis(invoke.group(1));
            if (delayMillis == 0) {
                send(ctx, answer, keepAlive);
            } else {
                ctx.executor().schedule(() -> send(ctx, answer, keepAlive), delayMillis, TimeUnit.MILLISECONDS);
            }
        }

        private static long delayMillis(String function) {
            Matcher wait = WAIT.matcher(function);
            return wait.matches() ? Long.parseLong(wait.group(1)) : 0;
        }

        private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            return response;
        }

        private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a client that went away mid-request; nothing to report
        }
    }
}
