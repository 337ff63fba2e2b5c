package dev.lambdainvoke.local;

import java.time.Instant;
import java.util.Locale;

/**
 * The log of one invocation, in the lines Lambda writes around a function's own output: {@code START}, the handler's
 * lines, {@code END} and {@code REPORT}. Lines a handler logs after its invocation ended (a timed-out handler that keeps
 * going) are not part of it.
 */
final class InvocationLog {

    // far more than the 4 KB tail needs; bounds the memory of a handler that logs without end
    private static final int KEPT_CHARS = 64 * 1024;
    private static final int MEMORY_SIZE_MB = LocalContext.MEMORY_LIMIT_MB;

    private final String requestId;
    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    InvocationLog(String requestId, String version) {
        this.requestId = requestId;
        text.append("START RequestId: ").append(requestId).append(" Version: ").append(version).append('\n');
    }

    /** Adds one entry; like the runtime's text format, each entry is a line of its own. */
    synchronized void append(String entry) {
        if (ended) {
            return;
        }
        text.append(entry);
        if (entry.isEmpty() || entry.charAt(entry.length() - 1) != '\n') {
            text.append('\n');
        }
        if (text.length() > 2 * KEPT_CHARS) {
            text.delete(0, text.length() - KEPT_CHARS);
        }
    }

    /** The line Lambda writes when it stops a function at its timeout. */
    void timedOut(String timeoutSeconds) {
        append(Instant.now() + " " + requestId + " Task timed out after " + timeoutSeconds + " seconds");
    }

    /** Closes the log with END and REPORT and returns its text. */
    synchronized String end(long durationNanos, boolean timedOut) {
        double millis = durationNanos / 1_000_000.0;
        long billed = Math.max(1, (long) Math.ceil(millis));
        text.append("END RequestId: ").append(requestId).append('\n');
        text.append(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\t"
                                               + "Max Memory Used: 1 MB%s\n",
                requestId, millis, billed, MEMORY_SIZE_MB, timedOut ? "\tStatus: timeout" : ""));
        ended = true;
        return text.toString();
    }
}
