package dev.lambdainvoke.camel.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;

/**
 * The settings that make two SDK clients different. Endpoints whose settings are equal share one client (and so one
 * connection pool and one concurrency limit). Holds secrets: {@link #toString()} never prints them.
 */
public final class ClientSettings {

    private final String region;
    private final URI endpointOverride;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int maxConcurrency;
    private final StaticKeys staticKeys;

    private ClientSettings(String region, URI endpointOverride, Duration timeout, Duration connectTimeout,
                           int maxConcurrency, StaticKeys staticKeys) {
        this.region = region;
        this.endpointOverride = endpointOverride;
        this.timeout = timeout;
        this.connectTimeout = connectTimeout;
        this.maxConcurrency = maxConcurrency;
        this.staticKeys = staticKeys;
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
        return new ClientSettings(blankToNull(config.getRegion()), endpointUri(config.getEndpointOverride()),
                Duration.ofMillis(config.getTimeout()), Duration.ofMillis(config.getConnectTimeout()),
                config.getMaxConcurrency(), StaticKeys.of(config));
    }

    private static URI endpointUri(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("Option 'endpointOverride' must be an http(s) URI with a host, was '"
                                                   + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option 'endpointOverride' is not a valid URI: " + e.getMessage(), e);
        }
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

    /** Static keys, or null to use the SDK's default credentials chain. */
    public StaticKeys staticKeys() {
        return staticKeys;
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
                && connectTimeout.equals(that.connectTimeout) && Objects.equals(staticKeys, that.staticKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, endpointOverride, timeout, connectTimeout, maxConcurrency, staticKeys);
    }

    @Override
    public String toString() {
        return "ClientSettings[region=" + region + ", endpointOverride=" + endpointOverride + ", timeout=" + timeout
               + ", connectTimeout=" + connectTimeout + ", maxConcurrency=" + maxConcurrency + ", credentials="
               + (staticKeys == null ? "default chain" : staticKeys) + "]";
    }
}
