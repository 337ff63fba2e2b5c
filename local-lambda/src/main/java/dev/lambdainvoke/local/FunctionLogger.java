package dev.lambdainvoke.local;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.slf4j.Logger;

/**
 * The {@link LambdaLogger} a handler gets: its lines go to the invocation's log (for {@code X-Amz-Log-Result}) and to
 * SLF4J at DEBUG on the function's logger. Never higher: handler lines may hold payload data.
 */
final class FunctionLogger implements LambdaLogger {

    private final InvocationLog log;
    private final Logger slf4j;
    private final String requestId;

    FunctionLogger(InvocationLog log, Logger slf4j, String requestId) {
        this.log = log;
        this.slf4j = slf4j;
        this.requestId = requestId;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(message, LogLevel.UNDEFINED);
    }

    /** As the runtime's text format: a level other than UNDEFINED prefixes the line with {@code [LEVEL] }. */
    @Override
    public void log(String message, LogLevel level) {
        String text = String.valueOf(message);
        String line = level == null || level == LogLevel.UNDEFINED ? text : "[" + level + "] " + text;
        log.append(line);
        slf4j.debug("{} {}", requestId, line);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(message == null ? "null" : new String(message, StandardCharsets.UTF_8), level);
    }
}
