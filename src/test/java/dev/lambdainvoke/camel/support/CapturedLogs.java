package dev.lambdainvoke.camel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records what the component logs while open, at every level, by attaching an appender to the
 * {@code dev.lambdainvoke.camel} logger. Use in try-with-resources.
 */
public final class CapturedLogs implements AutoCloseable {

    /** One logged line: level, logger name and the formatted message. */
    public record Line(Level level, String logger, String message) {
    }

    private static final String COMPONENT_LOGGER = "dev.lambdainvoke.camel";

    private final List<Line> lines = new ArrayList<>();
    private final Recorder appender = new Recorder("captured-" + UUID.randomUUID());
    private final LoggerConfig config;

    public CapturedLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        config = configuration.getLoggerConfig(COMPONENT_LOGGER);
        appender.start();
        config.addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    /** Lines logged so far. */
    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Lines logged so far at {@code level} by a logger whose name starts with {@code loggerPrefix}. */
    public List<Line> at(Level level, String loggerPrefix) {
        return lines().stream().filter(l -> l.level() == level && l.logger().startsWith(loggerPrefix)).toList();
    }

    /** Everything logged so far as one text, for "never appears" checks. */
    public String text() {
        StringBuilder all = new StringBuilder();
        lines().forEach(l -> all.append(l.level()).append(' ').append(l.logger()).append(" - ").append(l.message())
                .append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        config.removeAppender(appender.getName());
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        appender.stop();
    }

    private final class Recorder extends AbstractAppender {
        Recorder(String name) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            synchronized (CapturedLogs.this) {
                lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage()));
            }
        }
    }
}
