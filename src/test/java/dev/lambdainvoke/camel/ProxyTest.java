package dev.lambdainvoke.camel;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.LocalhostTls;
import dev.lambdainvoke.camel.support.SigV4;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockSts;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * proxyHost/proxyPort/nonProxyHosts: a WireMock forward proxy (browser proxying) in front of a WireMock Lambda stub.
 * The Netty client tunnels through the proxy with CONNECT and the proxy terminates TLS with the localhost certificate
 * (trusted by the JVM for these tests; the component never skips verification), so its journal shows each request that
 * went through. Hosts in nonProxyHosts go direct; STS calls use the proxy too.
 */
class ProxyTest {

    private static WireMockServer lambda;
    private static WireMockServer proxy;
    private static WireMockSts sts;
    private SystemProperties trust;

    @BeforeAll
    static void startPeers() {
        LocalhostTls tls = LocalhostTls.get();
        lambda = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(tls.keystore().toString()).keystoreType("PKCS12")
                .keystorePassword(LocalhostTls.PASSWORD).keyManagerPassword(LocalhostTls.PASSWORD));
        proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().enableBrowserProxying(true)
                // the proxy presents the localhost certificate to the client; its own hop to the stub is test plumbing
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
        trust = LocalhostTls.get().trustedByTheJvm();
    }

    @AfterEach
    void untrust() {
        trust.close();
    }

    @Test
    void invocationsGoThroughTheProxy() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), this::useProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(urls(proxy)).containsExactly("https://localhost:" + lambda.httpsPort()
                                                + "/2015-03-31/functions/f/invocations");
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), c -> {
            useProxy(c);
            c.setNonProxyHosts("lambda.internal.example.com|localhost");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aWildcardInNonProxyHostsMatchesLikeJavasHttpNonProxyHosts() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("127.0.0.1"), c -> {
            useProxy(c);
            c.setNonProxyHosts("127.0.0.*");
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aConfiguredProxyIgnoresTheJvmsNonProxyHosts() throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.nonProxyHosts", "localhost")
                .and("https.nonProxyHosts", "localhost");
             CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), this::useProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).as("the machine's settings do not mix into the configured proxy")
                .hasSize(1);
    }

    @Test
    void withoutProxyOptionsTheJvmsProxyPropertiesApply() throws Exception {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", "127.0.0.1")
                .and("http.proxyPort", String.valueOf(proxy.port()));
             CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), c -> {
             })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutProxyOptionsOrJvmPropertiesTheCallIsDirect() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), c -> {
        })) {
            assertSucceeded(camel.send("lambda-invoke:f", "{}"));
        }

        assertThat(proxy.getAllServeEvents()).isEmpty();
        assertThat(lambda.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aProxysOwn403WithoutAnErrorTypeFailsTheExchangeNotRetryable() throws Exception {
        // a proxy that refuses answers itself, in HTML, without Lambda's x-amzn-ErrorType
        proxy.stubFor(invokeAny().willReturn(WireMock.aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Access denied by policy</body></html>")));
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), this::useProxy)) {
            Exchange result = camel.send("lambda-invoke:f", "{}");

            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.getStatusCode()).isEqualTo(403);
            assertThat(error.isRetryable()).isFalse();
        }
        assertThat(lambda.getAllServeEvents()).as("requests past the proxy").isEmpty();
    }

    @Test
    void roleAssumptionCallsStsThroughTheProxyToo() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(httpsLambda("localhost"), this::useProxy)) {
            assertSucceeded(camel.send("lambda-invoke:f?roleArn=arn:aws:iam::123456789012:role/r&stsEndpointOverride="
                                       + "http://localhost:" + sts.server().port(), "{}"));
        }

        assertThat(urls(proxy)).containsExactlyInAnyOrder("http://localhost:" + sts.server().port() + "/",
                "https://localhost:" + lambda.httpsPort() + "/2015-03-31/functions/f/invocations");
        assertThat(sts.assumeRoleCalls()).hasSize(1);
        assertThat(SigV4.accessKeyId(lambda.getAllServeEvents().get(0).getRequest())).isEqualTo("ASIAVIAPROXY");
    }

    private void useProxy(LambdaInvokeConfiguration component) {
        component.setProxyHost("127.0.0.1");
        component.setProxyPort(proxy.port());
    }

    private static URI httpsLambda(String host) {
        return URI.create("https://" + host + ":" + lambda.httpsPort());
    }

    private static List<String> urls(WireMockServer server) {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getAbsoluteUrl()).toList();
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("\"ok\"");
    }
}
