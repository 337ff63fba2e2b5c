package dev.lambdainvoke.camel.internal.client;

import java.time.Duration;
import java.util.function.Consumer;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials and proxy are part of a client's identity (different settings, different clients), and no settings object
 * of ours prints a secret.
 */
class ClientSettingsIdentityTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
    private static final String EXTERNAL_ID = "ext-id-7f3a";

    @Test
    void equalSettingsAreOneIdentity() {
        assertThat(settings(c -> c.setRoleArn("arn:aws:iam::123456789012:role/r")))
                .isEqualTo(settings(c -> c.setRoleArn("arn:aws:iam::123456789012:role/r")))
                .hasSameHashCodeAs(settings(c -> c.setRoleArn("arn:aws:iam::123456789012:role/r")));
    }

    @Test
    void eachCredentialAndProxySettingMakesADifferentIdentity() {
        ClientSettings base = settings(c -> {
        });

        assertThat(base).isNotEqualTo(settings(c -> c.setSecretKey("other")))
                .isNotEqualTo(settings(c -> c.setSessionToken(TOKEN)))
                .isNotEqualTo(settings(c -> c.setRoleArn("arn:aws:iam::123456789012:role/r")))
                .isNotEqualTo(settings(c -> {
                    c.setAccessKey(null);
                    c.setSecretKey(null);
                    c.setUseEc2Role(true);
                }))
                .isNotEqualTo(settings(c -> {
                    c.setAccessKey(null);
                    c.setSecretKey(null);
                }))
                .isNotEqualTo(settings(c -> proxy(c, 3128)));
        ClientSettings role = settings(c -> c.setRoleArn("arn:aws:iam::123456789012:role/r"));
        assertThat(role).isNotEqualTo(settings(c -> {
            c.setRoleArn("arn:aws:iam::123456789012:role/r");
            c.setRoleExternalId(EXTERNAL_ID);
        })).isNotEqualTo(settings(c -> {
            c.setRoleArn("arn:aws:iam::123456789012:role/r");
            c.setRoleSessionName("other-session");
        })).isNotEqualTo(settings(c -> {
            c.setRoleArn("arn:aws:iam::123456789012:role/r");
            c.setStsEndpointOverride("http://127.0.0.1:1");
        }));
        assertThat(settings(c -> proxy(c, 3128))).isNotEqualTo(settings(c -> proxy(c, 3129)))
                .isNotEqualTo(settings(c -> {
                    proxy(c, 3128);
                    c.setNonProxyHosts("localhost");
                }));
    }

    @Test
    void theHttpClientMakesADifferentIdentityWrittenAsTheOptionIs() {
        ClientSettings netty = settings(c -> {
        });
        ClientSettings crt = settings(c -> c.setHttpClient("crt"));

        assertThat(netty.httpClient()).isEqualTo(HttpClientKind.NETTY);
        assertThat(crt).isNotEqualTo(netty).isEqualTo(settings(c -> c.setHttpClient(" CRT ")))
                .hasSameHashCodeAs(settings(c -> c.setHttpClient("Crt")));
        assertThat(settings(c -> c.setHttpClient("netty"))).isEqualTo(netty);
        assertThat(netty.toString()).contains("maxConcurrency=64, httpClient=netty, credentials=");
        assertThat(crt.toString()).contains("httpClient=crt");
    }

    @Test
    void toStringNamesTheSourcesButNoSecret() {
        ClientSettings settings = settings(c -> {
            c.setSessionToken(TOKEN);
            c.setRoleArn("arn:aws:iam::123456789012:role/r");
            c.setRoleExternalId(EXTERNAL_ID);
            proxy(c, 3128);
            c.setNonProxyHosts("*.internal|localhost");
        });

        assertThat(settings.toString()).contains("static session keys (masked)")
                .contains("role arn:aws:iam::123456789012:role/r (session camel-lambda-invoke, external id set)")
                .contains("proxy http://proxy.example.com:3128 (direct: *.internal|localhost)")
                .doesNotContain("AKIDEXAMPLE").doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain(EXTERNAL_ID);
        assertThat(settings.credentials().toString()).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain(EXTERNAL_ID);
    }

    @Test
    void nonProxyHostsBecomeAnchoredCaseInsensitivePatterns() {
        assertThat(ProxySettings.toRegex("*.example.com")).isEqualTo("(?i).*\\Q.example.com\\E");
        assertThat("API.Example.com".matches(ProxySettings.toRegex("*.example.com"))).isTrue();
        assertThat("example.com.evil".matches(ProxySettings.toRegex("*.example.com"))).isFalse();
        assertThat("10.0.0.7".matches(ProxySettings.toRegex("10.*"))).isTrue();
        assertThat("localhost".matches(ProxySettings.toRegex("localhost"))).isTrue();
        assertThat("localhostx".matches(ProxySettings.toRegex("localhost"))).isFalse();
    }

    private static void proxy(LambdaInvokeConfiguration c, int port) {
        c.setProxyHost("proxy.example.com");
        c.setProxyPort(port);
    }

    private static ClientSettings settings(Consumer<LambdaInvokeConfiguration> adjust) {
        LambdaInvokeConfiguration c = new LambdaInvokeConfiguration();
        c.setRegion("us-east-1");
        c.setAccessKey("AKIDEXAMPLE");
        c.setSecretKey(SECRET);
        c.setTimeout(Duration.ofMinutes(1).toMillis());
        adjust.accept(c);
        return ClientSettings.of(c);
    }
}
