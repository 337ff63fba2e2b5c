package dev.lambdainvoke.bench.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The warm-up of one run: at least the minimum, then until the JIT compiler has been nearly idle for a few seconds (at
 * most the maximum). On two cores the compiler competes with the load for CPU, and the SDK's path alone keeps it busy for
 * 15 s and more; measuring before it is done would charge its work to whichever client has more code.
 */
final class JitWarmup {

    private static final int QUIET_WINDOW_SECONDS = 5;
    /** Compiler time allowed in the window: 2% of it. */
    private static final long QUIET_COMPILE_MILLIS = QUIET_WINDOW_SECONDS * 1000 / 50;

    private final long minSeconds;
    private final long maxSeconds;
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();

    JitWarmup(long minSeconds, long maxSeconds) {
        this.minSeconds = minSeconds;
        this.maxSeconds = Math.max(minSeconds, maxSeconds);
    }

    /** Returns after the warm-up, with how long it took in milliseconds. */
    long await() throws InterruptedException {
        long started = System.nanoTime();
        Deque<Long> compileMillisPerSecond = new ArrayDeque<>();
        long seconds = 0;
        while (seconds < maxSeconds) {
            TimeUnit.SECONDS.sleep(1); // a sampling period of the warm-up, not a wait for an event
            seconds++;
            compileMillisPerSecond.addLast(jit.getTotalCompilationTime());
            if (compileMillisPerSecond.size() > QUIET_WINDOW_SECONDS + 1) {
                compileMillisPerSecond.removeFirst();
            }
            boolean quiet = compileMillisPerSecond.size() == QUIET_WINDOW_SECONDS + 1
                            && compileMillisPerSecond.getLast() - compileMillisPerSecond.getFirst() < QUIET_COMPILE_MILLIS;
            if (seconds >= minSeconds && quiet) {
                break;
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
