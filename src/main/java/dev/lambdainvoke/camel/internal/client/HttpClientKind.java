package dev.lambdainvoke.camel.internal.client;

import java.util.Locale;

/**
 * The SDK HTTP client a built Lambda client runs on (option {@code httpClient}). Part of a client's identity: endpoints
 * that differ only here get different clients.
 */
public enum HttpClientKind {

    /** The SDK's Netty client: pure Java, the JVM trust store, a socket read timeout. The default. */
    NETTY,
    /** The AWS Common Runtime client: native code, the operating system's trust store, no socket read timeout. */
    CRT;

    /** The option's value: {@code netty} or {@code crt}, in any case; unset or blank is {@code netty}. */
    public static HttpClientKind of(String value) {
        if (value == null || value.isBlank()) {
            return NETTY;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "netty" -> NETTY;
            case "crt" -> CRT;
            default -> throw new IllegalArgumentException("Option 'httpClient' must be netty or crt, was '" + value + "'");
        };
    }

    /** As written in the option. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
