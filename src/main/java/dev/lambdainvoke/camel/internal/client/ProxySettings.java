package dev.lambdainvoke.camel.internal.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;

/**
 * The proxy options, checked, as the HTTP clients want them: Netty's or CRT's for Lambda, the JDK one's for STS.
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
    // 1 to 3 leading IPv4 octets, then wildcards: 10.* or 127.0.0.*
    private static final Pattern IPV4_PREFIX = Pattern.compile("((?:\\d{1,3}\\.){1,3})\\*(?:\\.\\*)*");
    private static final String OPTION_NON_PROXY_HOSTS = "Option 'nonProxyHosts'";
    private static final String JVM_NON_PROXY_HOSTS = "System property 'http.nonProxyHosts'";

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
        return new ProxySettings(s, host, port, nonProxyHosts(nonProxy, OPTION_NON_PROXY_HOSTS));
    }

    /**
     * The JVM's {@code http.proxyHost}, {@code http.proxyPort} (80 when unset, as in Java) and {@code http.nonProxyHosts}
     * as read when a client is built, or null without {@code http.proxyHost}: what the Netty client applies by itself
     * when no proxy option is set, for the CRT client, which reads them only with a proxy configuration of its own.
     * Proxy credentials ({@code http.proxyUser}) are not read: the component supports no proxy authentication.
     */
    static ProxySettings fromJvmProperties() {
        String host = trimmed(System.getProperty("http.proxyHost"));
        if (host == null) {
            return null;
        }
        String port = trimmed(System.getProperty("http.proxyPort"));
        int p;
        try {
            p = port == null ? 80 : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("System property 'http.proxyPort' must be a port between 1 and 65535, was '"
                                               + port + "'");
        }
        return new ProxySettings("http", host, p,
                nonProxyHosts(trimmed(System.getProperty("http.nonProxyHosts")), JVM_NON_PROXY_HOSTS));
    }

    private static List<String> nonProxyHosts(String value, String source) {
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
                throw new IllegalArgumentException(source + " must list host names or patterns separated by "
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

    /**
     * The hosts to reach directly as the CRT client's bypass list wants them. CRT follows curl's no_proxy: a name matches
     * itself and its subdomains, {@code *} alone matches every host, an IPv4 address may carry a /bits prefix. So
     * {@code localhost} stays as it is (its subdomains go direct too), {@code *.example.com} becomes
     * {@code .example.com} (example.com itself goes direct too) and {@code 127.0.0.*} becomes {@code 127.0.0.0/24}.
     * A {@code *} anywhere else has no counterpart there and fails with a message naming where the pattern came from.
     *
     * @param fromJvm whether these settings came from {@link #fromJvmProperties()} rather than the options
     */
    List<String> crtNoProxyHosts(boolean fromJvm) {
        List<String> entries = new ArrayList<>();
        for (String pattern : nonProxyHosts) {
            String entry = toCrtNoProxy(pattern);
            if (entry == null) {
                throw new IllegalArgumentException((fromJvm ? JVM_NON_PROXY_HOSTS : OPTION_NON_PROXY_HOSTS)
                                                   + " has '" + pattern + "', which httpClient=crt cannot follow: its "
                                                   + "bypass list takes host names (a name covers its subdomains too), "
                                                   + "*.domain, * alone, or an IPv4 prefix such as 10.* or 127.0.0.*");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** One Java http.nonProxyHosts pattern as a curl no_proxy entry, or null when there is none (see above). */
    static String toCrtNoProxy(String pattern) {
        int star = pattern.indexOf('*');
        if (star < 0 || pattern.equals("*")) {
            return pattern;
        }
        if (pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0 && pattern.length() > 2) {
            return pattern.substring(1);
        }
        Matcher ipv4 = IPV4_PREFIX.matcher(pattern);
        if (ipv4.matches()) {
            String[] octets = ipv4.group(1).split("\\.");
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    network.append('.');
                }
                if (i < octets.length) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return null;
                    }
                    network.append(octet);
                } else {
                    network.append('0');
                }
            }
            return network.append('/').append(8 * octets.length).toString();
        }
        return null;
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
