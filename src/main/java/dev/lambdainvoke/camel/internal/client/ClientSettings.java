package dev.lambdainvoke.camel.internal.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;

/**
 * The settings that make two SDK clients different, credentials and proxy included. Endpoints whose settings are equal
 * share one client (and so one connection pool and one concurrency limit). Holds secrets: {@link #toString()} never
 * prints them.
 */
public final class ClientSettings {

    private final String region;
    private final URI endpointOverride;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int maxConcurrency;
    private final HttpClientKind httpClient;
    private final CredentialSettings credentials;
    private final ProxySettings proxy;

    private ClientSettings(String region, URI endpointOverride, Duration timeout, Duration connectTimeout,
                           int maxConcurrency, HttpClientKind httpClient, CredentialSettings credentials,
                           ProxySettings proxy) {
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.maxConcurrency = maxConcurrency;
        this.httpClient = httpClient;
        this.credentials = credentials;
        this.proxy = proxy;
    }

    /** Reads and checks the client options; a wrong or half-given setting fails with a message naming the option. */
    public static ClientSettings of(LambdaInvokeConfiguration config) {
        if (config.getTimeout() <= 0) {
            throw new IllegalArgumentException("Option 'timeout' must be positive, was " + config.getTimeout() + " ms");
        }
        if (config.getConnectTimeout() <= 0) {
            throw new IllegalArgumentException(
                    "Option 'connectTimeout' must be positive, was " + config.getConnectTimeout() + " ms");
        }
        if (config.getMaxConcurrency() < 1) {
            throw new IllegalArgumentException(
                    "Option 'maxConcurrency' must be at least 1, was " + config.getMaxConcurrency());
        }
        return new ClientSettings(blankToNull(config.getRegion()),
                EndpointUris.parse(config.getEndpointOverride(), "endpointOverride"),
                Duration.ofMillis(config.getTimeout()), Duration.ofMillis(config.getConnectTimeout()),
                config.getMaxConcurrency(), HttpClientKind.of(config.getHttpClient()), CredentialSettings.of(config),
                ProxySettings.of(config));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String region() {
        return region;
    }

    public URI endpointOverride() {
        return endpointOverride;
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** The SDK HTTP client to build the Lambda client on (the STS client for roleArn is the JDK one either way). */
    public HttpClientKind httpClient() {
        return httpClient;
    }

    public CredentialSettings credentials() {
        return credentials;
    }

    /** The configured proxy, or null: then the JVM's proxy system properties apply, never environment variables. */
    public ProxySettings proxy() {
        return proxy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClientSettings)) {
            return false;
        }
        ClientSettings that = (ClientSettings) o;
        return maxConcurrency == that.maxConcurrency && Objects.equals(region, that.region)
                && Objects.equals(endpointOverride, that.endpointOverride) && timeout.equals(that.timeout)
                && connectTimeout.equals(that.connectTimeout) && httpClient == that.httpClient
                && credentials.equals(that.credentials)
                && Objects.equals(proxy, that.proxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, endpointOverride, timeout, connectTimeout, maxConcurrency, httpClient, credentials,
                proxy);
    }

    @Override
    public String toString() {
        return "ClientSettings[region=" + region + ", endpointOverride=" + endpointOverride + ", timeout=" + timeout
               + ", connectTimeout=" + connectTimeout + ", maxConcurrency=" + maxConcurrency + ", httpClient="
               + httpClient.optionValue() + ", credentials="
               + credentials + (proxy == null ? "" : ", " + proxy) + "]";
    }
}
