package dev.lambdainvoke.camel.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;

/**
 * The proxy options, checked, as the two HTTP clients want them: Netty's for Lambda, the JDK one's for STS.
 * <ul>
 * <li>With proxyHost set, that proxy is exactly the proxy used: the SDK's fallbacks to the JVM's proxy system properties
 * and to HTTP(S)_PROXY / NO_PROXY are off, so nothing from the machine mixes in (not even its non-proxy hosts).</li>
 * <li>Without, Java's convention applies: the JVM's {@code http.proxyHost}/{@code http.proxyPort}/
 * {@code http.nonProxyHosts} system properties, read by the SDK; environment variables, which Java itself ignores, are
 * ignored here too.</li>
 * </ul>
 */
public final class ProxySettings {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern NON_PROXY_HOST = Pattern.compile("[A-Za-z0-9._*:\\[\\]-]+");

    private final String scheme;
    private final String host;
    private final int port;
    private final List<String> nonProxyHosts; // as written, for equality and printing
    private final Set<String> nonProxyPatterns; // as the SDK clients match them: regular expressions on the host

    private ProxySettings(String scheme, String host, int port, List<String> nonProxyHosts) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.nonProxyHosts = List.copyOf(nonProxyHosts);
        Set<String> patterns = new LinkedHashSet<>();
        nonProxyHosts.forEach(h -> patterns.add(toRegex(h)));
        this.nonProxyPatterns = Set.copyOf(patterns);
    }

    /** The proxy, or null when none is configured; half-given or malformed settings fail naming the option. */
    static ProxySettings of(LambdaInvokeConfiguration config) {
        String host = trimmed(config.getProxyHost());
        String scheme = trimmed(config.getProxyScheme());
        String nonProxy = trimmed(config.getNonProxyHosts());
        Integer port = config.getProxyPort();
        if (host == null) {
            List<String> orphans = new ArrayList<>();
            if (port != null) {
                orphans.add("'proxyPort'");
            }
            if (scheme != null) {
                orphans.add("'proxyScheme'");
            }
            if (nonProxy != null) {
                orphans.add("'nonProxyHosts'");
            }
            if (!orphans.isEmpty()) {
                boolean one = orphans.size() == 1;
                throw new IllegalArgumentException((one ? "Option " : "Options ") + String.join(" and ", orphans)
                                                   + (one ? " is" : " are") + " set without 'proxyHost'");
            }
            return null;
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("Option 'proxyHost' must be a host name or IP address, without scheme or "
                                               + "port (those are 'proxyScheme' and 'proxyPort'), was '" + host + "'");
        }
        if (port == null) {
            throw new IllegalArgumentException("Option 'proxyHost' is set but 'proxyPort' is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Option 'proxyPort' must be between 1 and 65535, was " + port);
        }
        String s = scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new IllegalArgumentException("Option 'proxyScheme' must be http or https, was '" + scheme + "'");
        }
        return new ProxySettings(s, host, port, nonProxyHosts(nonProxy));
    }

    private static List<String> nonProxyHosts(String value) {
        List<String> hosts = new ArrayList<>();
        if (value == null) {
            return hosts;
        }
        for (String entry : value.split("\\|")) {
            String h = entry.trim();
            if (h.isEmpty()) {
                continue;
            }
            if (!NON_PROXY_HOST.matcher(h).matches()) {
                throw new IllegalArgumentException("Option 'nonProxyHosts' must list host names or patterns separated by "
                                                   + "| (like localhost|*.example.com), found '" + h + "'");
            }
            hosts.add(h.toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    /** Java's http.nonProxyHosts pattern ({@code *} any characters) as the regular expression both SDK clients match. */
    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder("(?i)");
        String[] literals = pattern.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return regex.toString();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** For the Netty client that invokes Lambda, with or without a configured proxy (see the class comment). */
    static software.amazon.awssdk.http.nio.netty.ProxyConfiguration forNetty(ProxySettings proxy) {
        return proxy == null
                ? software.amazon.awssdk.http.nio.netty.ProxyConfiguration.builder()
                        .useEnvironmentVariableValues(false).build()
                : proxy.forNetty();
    }

    /** For the JDK client that calls STS, with or without a configured proxy (see the class comment). */
    static software.amazon.awssdk.http.urlconnection.ProxyConfiguration forUrlConnection(ProxySettings proxy) {
        return proxy == null
                ? software.amazon.awssdk.http.urlconnection.ProxyConfiguration.builder()
                        .useEnvironmentVariablesValues(false).build()
                : proxy.forUrlConnection();
    }

    /** Netty CONNECT-tunnels every proxied request, so TLS with Lambda stays end to end. */
    private software.amazon.awssdk.http.nio.netty.ProxyConfiguration forNetty() {
        return software.amazon.awssdk.http.nio.netty.ProxyConfiguration.builder()
                .scheme(scheme).host(host).port(port)
                .nonProxyHosts(nonProxyPatterns)
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false)
                .build();
    }

    /**
     * For the JDK client that calls STS. It reaches the proxy over plain HTTP whatever proxyScheme says (the JDK has no
     * TLS-to-proxy); an https STS endpoint is still tunnelled with CONNECT and verified end to end.
     */
    private software.amazon.awssdk.http.urlconnection.ProxyConfiguration forUrlConnection() {
        return software.amazon.awssdk.http.urlconnection.ProxyConfiguration.builder()
                .endpoint(URI.create("http://" + host + ":" + port))
                .nonProxyHosts(nonProxyPatterns)
                .useSystemPropertyValues(false)
                .useEnvironmentVariablesValues(false)
                .build();
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public List<String> nonProxyHosts() {
        return nonProxyHosts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxySettings p && port == p.port && scheme.equals(p.scheme) && host.equals(p.host)
                && nonProxyHosts.equals(p.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port, nonProxyHosts);
    }

    @Override
    public String toString() {
        return "proxy " + scheme + "://" + host + ":" + port
               + (nonProxyHosts.isEmpty() ? "" : " (direct: " + String.join("|", nonProxyHosts) + ")");
    }
}
