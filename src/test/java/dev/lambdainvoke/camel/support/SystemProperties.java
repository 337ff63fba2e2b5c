package dev.lambdainvoke.camel.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JVM system properties set for the length of a test and put back as they were on {@link #close()} (the SDK reads some
 * of its settings from them: profile files, the instance metadata endpoint, proxies, the trust store).
 */
public final class SystemProperties implements AutoCloseable {

    private final Map<String, String> previous = new LinkedHashMap<>();

    private SystemProperties() {
    }

    public static SystemProperties set(String name, String value) {
        return new SystemProperties().and(name, value);
    }

    /** Also sets {@code name}; null clears it. */
    public SystemProperties and(String name, String value) {
        if (!previous.containsKey(name)) {
            previous.put(name, System.getProperty(name));
        }
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
