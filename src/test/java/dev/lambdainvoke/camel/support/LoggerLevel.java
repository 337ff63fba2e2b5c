package dev.lambdainvoke.camel.support;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Sets a logger's level for a while and puts the old one back on close. Load runs use it to silence the component's
 * per-invocation DEBUG lines (log4j2-test.properties turns them on for the functional tests): tens of thousands of
 * console lines would measure the console, not the component.
 */
public final class LoggerLevel implements AutoCloseable {

    private final String name;
    private final Level previous;

    private LoggerLevel(String name, Level level) {
        this.name = name;
        this.previous = LogManager.getLogger(name).getLevel();
        Configurator.setLevel(name, level);
    }

    public static LoggerLevel set(String name, Level level) {
        return new LoggerLevel(name, level);
    }

    /** The component's loggers ({@code dev.lambdainvoke.camel}) at INFO. */
    public static LoggerLevel componentAtInfo() {
        return set("dev.lambdainvoke.camel", Level.INFO);
    }

    @Override
    public void close() {
        Configurator.setLevel(name, previous);
    }
}
