package dev.lambdainvoke.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.LocalhostTls;
import dev.lambdainvoke.camel.support.Peers;
import dev.lambdainvoke.camel.support.SigV4;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockSts;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * proxyHost/proxyPort/nonProxyHosts with both HTTP clients: a WireMock forward proxy (browser proxying) in front of a
 * WireMock Lambda stub, whose journal shows each request that went through. The configured proxy and nothing else;
 * without one, the JVM's http.proxyHost, http.proxyPort and http.nonProxyHosts; nonProxyHosts in Java's syntax; STS
 * calls use the proxy too. How each client reaches the Lambda differs, see {@link Client}.
 */
class ProxyTest {

    private static WireMockServer lambda;
    private static WireMockServer proxy;
    private static WireMockSts sts;
    private SystemProperties trust;

    /** The two clients, each calling the Lambda the way its proxy path can be seen. */
    enum Client {
        /**
         * Netty calls an https Lambda, tunnelled with CONNECT; the proxy terminates TLS with the localhost certificate,
         * which the JVM trusts for these tests (the component never skips verification).
         */
        NETTY("https") {
            @Override
            int port() {
                return lambda.httpsPort();
            }

            @Override
            void choose(LambdaInvokeConfiguration component) {
                // the default client
            }
        },
        /**
         * CRT does not read the JVM's trust store, so it cannot trust the test certificate: it calls an http Lambda,
         * which it sends to the proxy as a forwarded request (absolute URI). Its CONNECT tunnel for https is shown apart,
         * in {@link #crtTunnelsAnHttpsLambdaWithConnectSoTlsStaysEndToEnd}.
         */
        CRT("http") {
            @Override
            int port() {
                return lambda.port();
            }

            @Override
            void choose(LambdaInvokeConfiguration component) {
                component.setHttpClient("crt");
            }
        };

        private final String scheme;

        Client(String scheme) {
            this.scheme = scheme;
        }

        abstract int port();

        abstract void choose(LambdaInvokeConfiguration component);

        URI lambdaAt(String host) {
            return URI.create(scheme + "://" + host + ":" + port());
        }

        void viaProxy(LambdaInvokeConfiguration component) {
            choose(component);
            component.setProxyHost(Peers.HOST);
            component.setProxyPort(proxy.port());
        }
    }

    @BeforeAll
    static void startPeers() {
        LocalhostTls tls = LocalhostTls.get();
        lambda = new WireMockServer(options().bindAddress(Peers.HOST).dynamicPort().dynamicHttpsPort()
                .keystorePath(tls.keystore().toString()).keystoreType("PKCS12")
                .keystorePassword(LocalhostTls.PASSWORD).keyManagerPassword(LocalhostTls.PASSWORD));
        proxy = new WireMockServer(options().bindAddress(Peers.HOST).dynamicPort().enableBrowserProxying(true)
                // the proxy presents the localhost certificate to Netty; its own hop to the stub is test plumbing
                .keystorePath(tls.keystore().toString()).keystoreType("PKCS12")
                .keystorePassword(LocalhostTls.PASSWORD).keyManagerPassword(LocalhostTls.PASSWORD)
                .trustAllProxyTargets(true));
        sts = new WireMockSts();
        lambda.start();
        proxy.start();
    }

    @AfterAll
    static void stopPeers() {
        proxy.stop();
        lambda.stop();
        sts.close();
    }

    @BeforeEach
    void answerAndTrust() {
        lambda.resetAll();
        proxy.resetAll();
        sts.reset();
        lambda.stubFor(invokeAny().willReturn(ok("\"ok\"")));
        sts.stub(WireMockSts.assumeRole().willReturn(WireMockSts.credentials("ASIAVIAPROXY", "s", "t", Duration.ofHours(1))));
        // for Netty's https Lambda; CRT does not read it
        trust = LocalhostTls.get().trustedByTheJvm();
    }

    @AfterEach
    void untrust() {
        trust.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void invocationsGoThroughTheProxy(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::viaProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(urls(proxy)).containsExactly(client.lambdaAt("localhost") + "/2015-03-31/functions/f/invocations");
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void aHostInNonProxyHostsIsReachedDirectly(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), c -> {
            client.viaProxy(c);
            c.setNonProxyHosts("lambda.internal.example.com|localhost");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void anIpv4WildcardInNonProxyHostsMatchesLikeJavasHttpNonProxyHosts(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("127.0.0.1"), c -> {
            client.viaProxy(c);
            c.setNonProxyHosts("127.0.0.*");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void aHostNotInNonProxyHostsStillGoesThroughTheProxy(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("127.0.0.1"), c -> {
            client.viaProxy(c);
            c.setNonProxyHosts("127.0.1.*|lambda.internal.example.com");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void aConfiguredProxyIgnoresTheJvmsNonProxyHosts(Client client) throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.nonProxyHosts", "localhost")
                .and("https.nonProxyHosts", "localhost");
             CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::viaProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).as("the machine's settings do not mix into the configured proxy")
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void withoutProxyOptionsTheJvmsProxyPropertiesApply(Client client) throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", Peers.HOST)
                .and("http.proxyPort", String.valueOf(proxy.port()));
             CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::choose)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).hasSize(1);
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void withoutProxyOptionsTheJvmsNonProxyHostsApplyWithJavasWildcards(Client client) throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", Peers.HOST)
                .and("http.proxyPort", String.valueOf(proxy.port())).and("http.nonProxyHosts", "example.com|127.0.*");
             CamelHarness camel = CamelHarness.configured(client.lambdaAt("127.0.0.1"), client::choose)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void withoutProxyOptionsOrJvmPropertiesTheCallIsDirect(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::choose)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void aProxysOwn403WithoutAnErrorTypeFailsTheExchangeNotRetryable(Client client) throws Exception {
        // a proxy that refuses answers itself, in HTML, without Lambda's x-amzn-ErrorType
        proxy.stubFor(invokeAny().willReturn(WireMock.aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Access denied by policy</body></html>")));
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::viaProxy)) {
            Exchange result = camel.send("lambda-invoke:f", "{}");

            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.getStatusCode()).isEqualTo(403);
            assertThat(error.isRetryable()).isFalse();
        }
        assertThat(lambda.getAllServeEvents()).as("requests past the proxy").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Client.class)
    void roleAssumptionCallsStsThroughTheProxyToo(Client client) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(client.lambdaAt("localhost"), client::viaProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f?roleArn=arn:aws:iam::123456789012:role/r&stsEndpointOverride="
                                       + "http://localhost:" + sts.server().port(), "{}"));
        }

        assertThat(urls(proxy)).containsExactlyInAnyOrder("http://localhost:" + sts.server().port() + "/",
                client.lambdaAt("localhost") + "/2015-03-31/functions/f/invocations");
        assertThat(sts.assumeRoleCalls()).hasSize(1);
        assertThat(SigV4.accessKeyId(lambda.getAllServeEvents().get(0).getRequest())).isEqualTo("ASIAVIAPROXY");
    }

    @Test
    void aNonProxyHostsPatternCrtCannotFollowStopsTheRouteAtStartNamingTheOption() throws Exception {
        Throwable failure = CamelHarness.startFailure(Client.CRT.lambdaAt("localhost"), "lambda-invoke:f", c -> {
            Client.CRT.viaProxy(c);
            c.setNonProxyHosts("localhost|lambda-*.internal.example.com");
        });

        assertThat(OptionValidationTest.messages(failure)).contains("Option 'nonProxyHosts'")
                .contains("'lambda-*.internal.example.com'").contains("httpClient=crt");
        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).isEmpty();
    }

    @Test
    void crtTunnelsAnHttpsLambdaWithConnectSoTlsStaysEndToEnd() throws Exception {
        try (RecordingProxy recorder = new RecordingProxy()) {
            try (CamelHarness camel = CamelHarness.configured(URI.create("https://lambda.example.com"), c -> {
                Client.CRT.choose(c);
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

    private static List<String> urls(WireMockServer server) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getAbsoluteUrl()).toList();
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("\"ok\"");
    }
}
