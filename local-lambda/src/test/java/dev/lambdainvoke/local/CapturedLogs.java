package dev.lambdainvoke.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * The log events of one logger and its children while a test runs (SLF4J reaches them through log4j), for the
 * LocalLambda tests: this artifact does not depend on the component, so it does not borrow the component's helper.
 * Use in try-with-resources.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger logger;
    private final AbstractAppender appender;
    private final LinkedBlockingQueue<LogEvent> arriving = new LinkedBlockingQueue<>();
    private final List<LogEvent> seen = new ArrayList<>();

    private CapturedLogs(String loggerName) {
        this.logger = (Logger) LogManager.getLogger(loggerName);
        this.appender = new AbstractAppender("captured-" + loggerName, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                arriving.add(event.toImmutable());
            }
        };
        appender.start();
        logger.addAppender(appender);
    }

    static CapturedLogs of(String loggerName) {
        return new CapturedLogs(loggerName);
    }

    /** Every event so far. */
    synchronized List<LogEvent> events() {
        arriving.drainTo(seen);
        return List.copyOf(seen);
    }

    /** The first event that matches, waiting for it (it may come from another thread); null if none came in time. */
    synchronized LogEvent await(Predicate<LogEvent> wanted, Duration within) throws InterruptedException {
        for (LogEvent event : events()) {
            if (wanted.test(event)) {
                return event;
            }
        }
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LogEvent event = arriving.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            seen.add(event);
            if (wanted.test(event)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
