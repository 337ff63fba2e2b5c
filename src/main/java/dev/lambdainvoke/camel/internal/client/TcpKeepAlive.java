package dev.lambdainvoke.camel.internal.client;

import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

import io.netty.channel.socket.nio.NioChannelOption;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * TCP keep-alive for both HTTP clients, with the same figures. A call may wait minutes for a function with nothing on the
 * wire; NAT gateways drop a mapping after 350 s idle (AWS NAT Gateway), and the OS's default first probe comes after 2
 * hours. The first probe after 30 s idle keeps the mapping alive, and unanswered probes every 5 s, 9 of them, find a dead
 * peer 75 s after it went silent.
 */
final class TcpKeepAlive {

    private static final Logger LOG = LoggerFactory.getLogger(TcpKeepAlive.class);

    static final Duration IDLE = Duration.ofSeconds(30);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    static final int PROBES = 9;

    private static final List<SocketOption<Integer>> JDK_OPTIONS = List.of(ExtendedSocketOptions.TCP_KEEPIDLE,
            ExtendedSocketOptions.TCP_KEEPINTERVAL, ExtendedSocketOptions.TCP_KEEPCOUNT);
    private static final boolean JDK_SUPPORTS_TIMING = jdkSupportsTiming();

    private TcpKeepAlive() {
    }

    /** Keep-alive on, with the figures above where the JDK can set them here (Linux, macOS); else the OS's timing. */
    static NettyNioAsyncHttpClient.Builder onNetty(NettyNioAsyncHttpClient.Builder netty) {
        netty.tcpKeepAlive(true);
        if (JDK_SUPPORTS_TIMING) {
            // the component's event loops are NIO, whose channels pass these options to the JDK's socket
            netty.putChannelOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE), (int) IDLE.toSeconds())
                    .putChannelOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL),
                            (int) PROBE_INTERVAL.toSeconds())
                    .putChannelOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT), PROBES);
        }
        return netty;
    }

    private static boolean jdkSupportsTiming() {
        try (SocketChannel probe = SocketChannel.open()) {
            if (probe.supportedOptions().containsAll(JDK_OPTIONS)) {
                return true;
            }
        } catch (IOException | RuntimeException unsupported) {
            LOG.debug("Cannot tell whether TCP keep-alive timing can be set here", unsupported);
        }
        LOG.debug("TCP keep-alive timing cannot be set on {}: the Netty client probes on the OS's schedule",
                System.getProperty("os.name"));
        return false;
    }
}
