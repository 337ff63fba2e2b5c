package dev.lambdainvoke.camel;

import java.net.URI;

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
 * trusts (a private CA added to its trust store, the way to trust one: there is no trust-all option) is accepted.
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
