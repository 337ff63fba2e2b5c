package dev.lambdainvoke.camel.internal.client;

import java.util.List;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.support.SystemProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * nonProxyHosts is written in Java's syntax; CRT's bypass list follows curl's no_proxy. What each pattern becomes, and
 * the patterns with no counterpart (ProxyTest shows CRT matching the results). The JVM's proxy properties, which the
 * CRT path reads itself, go the same way.
 */
class CrtNoProxyHostsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "localhost, localhost",
            "lambda.internal.example.com, lambda.internal.example.com",
            "*, *",
            "*.internal.example.com, .internal.example.com",
            "127.0.0.*, 127.0.0.0/24",
            "10.*, 10.0.0.0/8",
            "192.168.*.*, 192.168.0.0/16",
            "[::1], [::1]",
    })
    void aJavaPatternBecomesTheCurlEntryThatCoversIt(String java, String crt) {
        assertThat(ProxySettings.toCrtNoProxy(java)).isEqualTo(crt);
    }

    @ParameterizedTest
    @ValueSource(strings = { "lambda-*.example.com", "*example.com", "*.example.*", "10.*.0.1", "300.*", "*.", "ex*" })
    void aWildcardElsewhereHasNoCounterpart(String java) {
        assertThat(ProxySettings.toCrtNoProxy(java)).isNull();
    }

    @Test
    void aPatternWithoutCounterpartFailsNamingTheOption() {
        LambdaInvokeConfiguration config = new LambdaInvokeConfiguration();
        config.setProxyHost("proxy.example.com");
        config.setProxyPort(3128);
        config.setNonProxyHosts("localhost|lambda-*.example.com");
        ProxySettings proxy = ProxySettings.of(config);

        assertThatThrownBy(() -> proxy.crtNoProxyHosts(false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Option 'nonProxyHosts' has 'lambda-*.example.com'")
                .hasMessageContaining("httpClient=crt");
    }

    @Test
    void theJvmsProxyPropertiesAreReadWithJavasDefaults() {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", "proxy.example.com")
                .and("http.proxyPort", null).and("http.nonProxyHosts", "localhost|*.internal")) {
            ProxySettings proxy = ProxySettings.fromJvmProperties();

            assertThat(proxy.scheme()).isEqualTo("http");
            assertThat(proxy.host()).isEqualTo("proxy.example.com");
            assertThat(proxy.port()).as("Java's default for http.proxyPort").isEqualTo(80);
            assertThat(proxy.crtNoProxyHosts(true)).isEqualTo(List.of("localhost", ".internal"));
        }
    }

    @Test
    void withoutHttpProxyHostTheJvmNamesNoProxy() {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", null).and("http.proxyPort", "3128")) {
            assertThat(ProxySettings.fromJvmProperties()).isNull();
        }
    }

    @Test
    void aJvmPatternWithoutCounterpartFailsNamingTheSystemProperty() {
        try (SystemProperties jvm = SystemProperties.set("http.proxyHost", "proxy.example.com")
                .and("http.nonProxyHosts", "*example.com")) {
            ProxySettings proxy = ProxySettings.fromJvmProperties();

            assertThatThrownBy(() -> proxy.crtNoProxyHosts(true))
                    .hasMessageStartingWith("System property 'http.nonProxyHosts' has '*example.com'");
        }
    }
}
