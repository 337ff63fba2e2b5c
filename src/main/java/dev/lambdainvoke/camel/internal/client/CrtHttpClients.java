package dev.lambdainvoke.camel.internal.client;

import java.util.LinkedHashSet;

import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.crt.ProxyConfiguration;

/**
 * The CRT HTTP client for {@code httpClient=crt}. The only class that names CRT types: it is loaded when a crt client is
 * built, after {@link CrtRequirement} found CRT on the class path, so an application without CRT never loads it.
 */
final class CrtHttpClients {

    private CrtHttpClients() {
    }

    static SdkAsyncHttpClient.Builder<?> builder(ClientSettings settings) {
        loadNativeRuntime();
        return AwsCrtAsyncHttpClient.builder()
                // the gate keeps calls at or below maxConcurrency, so a connection is free for each admitted call
                // (but see README: a call cut off by timeout keeps its connection until Lambda answers)
                .maxConcurrency(settings.maxConcurrency())
                .connectionTimeout(settings.connectTimeout())
                // connecting and the TLS handshake count here too: never cut them shorter than the call may take
                .connectionAcquisitionTimeout(settings.timeout())
                // no socket read timeout exists in CRT: the SDK's apiCallTimeout (= timeout) bounds each call
                // CRT has no read timeout either: probes find a dead peer. Its names: keepAliveInterval is the idle time
                // before the first probe (TCP_KEEPIDLE), keepAliveTimeout the time between probes (TCP_KEEPINTVL)
                .tcpKeepAliveConfiguration(k -> k.keepAliveInterval(TcpKeepAlive.IDLE)
                        .keepAliveTimeout(TcpKeepAlive.PROBE_INTERVAL).keepAliveProbes(TcpKeepAlive.PROBES))
                .proxyConfiguration(proxy(settings.proxy()));
    }

    /**
     * As the Netty path: the configured proxy and nothing else; without one, the JVM's http.proxyHost/http.proxyPort/
     * http.nonProxyHosts (read here, since CRT's own reading would hand Java's wildcards to its curl-style matcher), and
     * never HTTP(S)_PROXY / NO_PROXY, which CRT's builder reads by default. Null: no proxy.
     */
    static ProxyConfiguration proxy(ProxySettings configured) {
        ProxySettings proxy = configured != null ? configured : ProxySettings.fromJvmProperties();
        if (proxy == null) {
            return null;
        }
        return ProxyConfiguration.builder()
                .scheme(proxy.scheme()).host(proxy.host()).port(proxy.port())
                .nonProxyHosts(new LinkedHashSet<>(proxy.crtNoProxyHosts(configured == null)))
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false)
                .build();
    }

    /** Loads CRT's native library now, so that a platform it does not support fails at start, saying so. */
    private static void loadNativeRuntime() {
        try {
            CRT.getOSIdentifier(); // the class's initialiser extracts and loads the library
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("Option 'httpClient' is crt, but the AWS CRT native library does not load "
                                               + "here (" + System.getProperty("os.name") + ", "
                                               + System.getProperty("os.arch") + "): " + e
                                               + "; use httpClient=netty", e);
        }
    }
}
