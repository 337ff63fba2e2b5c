package dev.lambdainvoke.camel;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.LocalhostTls;
import dev.lambdainvoke.camel.support.SystemProperties;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS is always verified: an https endpoint whose certificate the JVM does not trust (WireMock's self-signed one) fails
 * the exchange with a non-retryable ClientError that says so, and the function is never invoked. A certificate the JVM
 * trusts (a private CA added to its trust store, the way to trust one: there is no trust-all option) is accepted. With
 * httpClient=crt the operating system's trust store decides instead.
 */
class TlsVerificationTest {

    private static WireMockServer selfSigned;
    private static WireMockServer localhostCertified;

    @BeforeAll
    static void startHttpsLambdas() {
        selfSigned = new WireMockServer(options().bindAddress("127.0.0.1").dynamicHttpsPort().httpDisabled(true));
        LocalhostTls tls = LocalhostTls.get();
        localhostCertified = new WireMockServer(options().bindAddress("127.0.0.1").dynamicHttpsPort().httpDisabled(true)
                .keystorePath(tls.keystore().toString()).keystoreType("PKCS12")
                .keystorePassword(LocalhostTls.PASSWORD).keyManagerPassword(LocalhostTls.PASSWORD));
        for (WireMockServer server : new WireMockServer[] { selfSigned, localhostCertified }) {
            server.start();
            server.stubFor(invokeAny().willReturn(ok("\"invoked\"")));
        }
    }

    @AfterAll
    static void stop() {
        selfSigned.stop();
        localhostCertified.stop();
    }

    @Test
    void anUntrustedCertificateFailsWithANonRetryableClientErrorAndNothingIsInvoked() throws Exception {
        URI https = URI.create("https://localhost:" + selfSigned.httpsPort());
        try (CamelHarness camel = CamelHarness.against(https)) {
            Exchange result = camel.send("lambda-invoke:f", "{}");

            assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.CLIENT_ERROR);
            assertThat(error.isRetryable()).isFalse();
            assertThat(error.getStatusCode()).isZero();
            assertThat(error.getMessage()).contains("TLS").containsIgnoringCase("certificate");
        }
        assertThat(selfSigned.getAllServeEvents()).as("requests the function's server answered").isEmpty();
    }

    /**
     * httpClient=crt verifies too, against the operating system's trust store: it refuses the self-signed certificate,
     * and also the one the JVM trusts (CRT does not read javax.net.ssl.trustStore). Either way nothing is invoked and
     * the failure is Netty's: a non-retryable ClientError about TLS. CRT's TLS library reports a refused handshake only
     * after a random 10 to 30 s delay (s2n's "blinding" against timing attacks), so both calls run at once.
     */
    @Test
    void withCrtAnUntrustedCertificateFailsTheSameWayAndTheJvmTrustStoreDoesNotApply() throws Exception {
        URI untrusted = URI.create("https://localhost:" + selfSigned.httpsPort());
        URI trustedByTheJvmOnly = URI.create("https://localhost:" + localhostCertified.httpsPort());
        try (SystemProperties trust = LocalhostTls.get().trustedByTheJvm();
             CamelHarness camel = CamelHarness.against(untrusted)) {
            CompletableFuture<Exchange> first = camel.template().asyncSend("lambda-invoke:f?httpClient=crt",
                    e -> e.getMessage().setBody("{}"));
            CompletableFuture<Exchange> second = camel.template().asyncSend(
                    "lambda-invoke:f?httpClient=crt&endpointOverride=" + trustedByTheJvmOnly, e -> e.getMessage()
                            .setBody("{}"));

            for (Exchange result : List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS))) {
                assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
                LambdaInvokeException error = (LambdaInvokeException) result.getException();
                assertThat(error.getErrorCode()).isEqualTo(LambdaInvokeException.CLIENT_ERROR);
                assertThat(error.isRetryable()).isFalse();
                assertThat(error.getStatusCode()).isZero();
                assertThat(error.getMessage()).contains("TLS").containsIgnoringCase("certificate")
                        .contains("operating system's trust store");
            }
        }
        assertThat(selfSigned.getAllServeEvents()).as("requests the function's server answered").isEmpty();
        assertThat(localhostCertified.getAllServeEvents()).as("requests the function's server answered").isEmpty();
    }

    @Test
    void aCertificateTheJvmTrustsIsAccepted() throws Exception {
        URI https = URI.create("https://localhost:" + localhostCertified.httpsPort());
        try (SystemProperties trust = LocalhostTls.get().trustedByTheJvm();
             CamelHarness camel = CamelHarness.against(https)) {
            Exchange result = camel.send("lambda-invoke:f", "{}");

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody(String.class)).isEqualTo("\"invoked\"");
        }
        assertThat(localhostCertified.getAllServeEvents()).hasSize(1);
    }
}
