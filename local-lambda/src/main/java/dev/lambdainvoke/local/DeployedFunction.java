package dev.lambdainvoke.local;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A function as a started host runs it: fixed handlers, aliases and limits, plus what it counts. */
final class DeployedFunction {

    /** Prefix of the SLF4J logger of each function's lines: {@code dev.lambdainvoke.local.function.<name>}. */
    static final String LOGGER_PREFIX = "dev.lambdainvoke.local.function.";

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String name;
    private final Map<String, HandlerAdapter> versions;
    private final Map<String, String> aliases;
    private final Duration timeout;
    private final ConcurrencyLimit concurrency;
    private final AtomicInteger invocations = new AtomicInteger();
    private final Logger logger;
    // one pretend execution environment per function: its log streams share this id
    private final String environmentId = UUID.randomUUID().toString().replace("-", "");

    DeployedFunction(String name, Map<String, HandlerAdapter> versions, Map<String, String> aliases, Duration timeout,
                     ConcurrencyLimit concurrency) {
        this.name = name;
        this.versions = versions;
        this.aliases = aliases;
        this.timeout = timeout;
        this.concurrency = concurrency;
        this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + name);
    }

    /** What runs for a qualifier ({@code null}, {@code $LATEST}, a version or an alias); null when there is none. */
    Target target(String qualifier) {
        String version = qualifier == null ? LocalFunction.LATEST : aliases.getOrDefault(qualifier, qualifier);
        HandlerAdapter handler = versions.get(version);
        return handler == null ? null : new Target(this, version, handler);
    }

    String name() {
        return name;
    }

    Duration timeout() {
        return timeout;
    }

    ConcurrencyLimit concurrency() {
        return concurrency;
    }

    Logger logger() {
        return logger;
    }

    void countInvocation() {
        invocations.incrementAndGet();
    }

    int invocations() {
        return invocations.get();
    }

    /** Lambda's log stream name: {@code 2024/05/01/[$LATEST]<environment id>}. */
    String logStreamName(String version) {
        return LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[" + version + "]" + environmentId;
    }

    /** One version of a function, ready to run. */
    record Target(DeployedFunction function, String version, HandlerAdapter handler) {
    }
}
