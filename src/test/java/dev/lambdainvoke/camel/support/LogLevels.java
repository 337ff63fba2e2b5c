package dev.lambdainvoke.camel.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Loggers turned up (e.g. to TRACE) for the length of a test and put back on {@link #close()}. Open it after the
 * {@link CapturedLogs} that record them, so it is closed first.
 */
public final class LogLevels implements AutoCloseable {

    private final Map<String, Level> previous = new LinkedHashMap<>();

    private LogLevels() {
    }

    public static LogLevels set(Level level, String... loggerNames) {
        LogLevels levels = new LogLevels();
        for (String name : loggerNames) {
            levels.previous.put(name, LogManager.getLogger(name).getLevel());
            Configurator.setLevel(name, level);
        }
        return levels;
    }

    @Override
    public void close() {
        previous.forEach(Configurator::setLevel);
    }
}
