package dev.lambdainvoke.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.Peers;
import dev.lambdainvoke.camel.support.SystemProperties;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ProxyTest's rules with httpClient=crt: the configured proxy and nothing else; without one, the JVM's http.proxyHost,
 * http.proxyPort and http.nonProxyHosts; nonProxyHosts in Java's syntax. ProxyTest calls an https Lambda whose
 * certificate the tests trust through the JVM trust store, which CRT does not read, so these call an http Lambda, which
 * CRT sends to the proxy as a forwarded request (absolute URI) that the WireMock proxy journals; an https Lambda is
 * tunnelled with CONNECT, shown against a proxy that only records what it is asked.
 */
class CrtProxyTest {

    private static WireMockServer lambda;
    private static WireMockServer proxy;

    @BeforeAll
    static void startPeers() {
        lambda = new WireMockServer(options().bindAddress(Peers.HOST).dynamicPort());
        proxy = new WireMockServer(options().bindAddress(Peers.HOST).dynamicPort().enableBrowserProxying(true));
        lambda.start();
        proxy.start();
    }

    @AfterAll
    static void stopPeers() {
        proxy.stop();
        lambda.stop();
    }

    @BeforeEach
    void answer() {
        lambda.resetAll();
        proxy.resetAll();
        lambda.stubFor(invokeAny().willReturn(ok("\"ok\"")));
    }

    @Test
    void invocationsGoThroughTheProxy() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambdaAt("localhost"), this::crtViaProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(urls(proxy)).containsExactly("http://localhost:" + lambda.port()
                                                + "/2015-03-31/functions/f/invocations");
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambdaAt("localhost"), c -> {
            crtViaProxy(c);
            c.setNonProxyHosts("lambda.internal.example.com|localhost");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anIpv4WildcardInNonProxyHostsMatchesLikeJavasHttpNonProxyHosts() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambdaAt("127.0.0.1"), c -> {
            crtViaProxy(c);
            c.setNonProxyHosts("127.0.0.*");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aHostNotInNonProxyHostsStillGoesThroughTheProxy() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambdaAt("127.0.0.1"), c -> {
            crtViaProxy(c);
            c.setNonProxyHosts("127.0.1.*|lambda.internal.example.com");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aConfiguredProxyIgnoresTheJvmsNonProxyHosts() throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.nonProxyHosts", "localhost");
             CamelHarness camel = CamelHarness.configured(lambdaAt("localhost"), this::crtViaProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).as("the machine's settings do not mix into the configured proxy")
                .hasSize(1);
    }

    @Test
    void withoutProxyOptionsTheJvmsProxyPropertiesApply() throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", Peers.HOST)
                .and("http.proxyPort", String.valueOf(proxy.port()));
             CamelHarness camel = CamelHarness.configured(lambdaAt("localhost"), CrtProxyTest::crt)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).hasSize(1);
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutProxyOptionsTheJvmsNonProxyHostsApplyWithJavasWildcards() throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", Peers.HOST)
                .and("http.proxyPort", String.valueOf(proxy.port())).and("http.nonProxyHosts", "example.com|127.0.*");
             CamelHarness camel = CamelHarness.configured(lambdaAt("127.0.0.1"), CrtProxyTest::crt)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutProxyOptionsOrJvmPropertiesTheCallIsDirect() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambdaAt("localhost"), CrtProxyTest::crt)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aNonProxyHostsPatternCrtCannotFollowStopsTheRouteAtStartNamingTheOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambdaAt("localhost"), "lambda-invoke:f", c -> {
            crtViaProxy(c);
            c.setNonProxyHosts("localhost|lambda-*.internal.example.com");
        });

        assertThat(messages(failure)).contains("Option 'nonProxyHosts'").contains("'lambda-*.internal.example.com'")
                .contains("httpClient=crt");
        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).isEmpty();
    }

    @Test
    void anHttpsLambdaIsTunnelledWithConnectSoTlsStaysEndToEnd() throws Exception {
        try (RecordingProxy recorder = new RecordingProxy()) {
            try (CamelHarness camel = CamelHarness.configured(URI.create("https://lambda.example.com"), c -> {
                crt(c);
                c.setProxyHost(Peers.HOST);
                c.setProxyPort(recorder.port());
            })) {
                Exchange result = camel.send("lambda-invoke:f", "{}");

                assertThat(result.getException()).as("the recording proxy refuses every tunnel").isNotNull();
            }
            assertThat(recorder.firstLine.get(10, TimeUnit.SECONDS))
                    .isEqualTo("CONNECT lambda.example.com:443 HTTP/1.1");
        }
    }

    /** A proxy that reads the first request line and refuses: what was it asked? */
    private static final class RecordingProxy implements AutoCloseable {
        final ServerSocket server;
        final CompletableFuture<String> firstLine = new CompletableFuture<>();

        RecordingProxy() throws IOException {
            server = new ServerSocket(0, 8, InetAddress.getByName(Peers.HOST));
            Thread accept = new Thread(this::serveOne, "recording-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serveOne() {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    line.append((char) b);
                }
                firstLine.complete(line.toString().trim());
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                firstLine.completeExceptionally(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static void crt(LambdaInvokeConfiguration component) {
        component.setHttpClient("crt");
    }

    private void crtViaProxy(LambdaInvokeConfiguration component) {
        crt(component);
        component.setProxyHost(Peers.HOST);
        component.setProxyPort(proxy.port());
    }

    private static URI lambdaAt(String host) {
        return URI.create("http://" + host + ":" + lambda.port());
    }

    private static List<String> urls(WireMockServer server) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getAbsoluteUrl()).toList();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("\"ok\"");
    }
}
