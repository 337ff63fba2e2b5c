package dev.lambdainvoke.camel.internal.mapping;

import java.util.List;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;

/**
 * {@code $now()} and {@code $millis()} reading one time taken when an evaluation starts, bound in that evaluation's frame
 * over the library's own. jsonata-java (0.9.10) has them read the time kept on the thread's copy of the expression
 * ({@code Jsonata.current}, a static {@code ThreadLocal}); that copy is made once per thread and its time is never updated
 * again, so every later evaluation on the thread would see the thread's first time.
 */
final class EvaluationClock {

    /**
     * The time of the evaluation running on this thread: an evaluation runs on one thread from start to end, and
     * {@link #bind} sets it anew before each one.
     */
    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    /** JSONata's signatures, parsed once: optional picture and timezone; no argument. */
    private static final Jsonata.JFunction NOW = new Jsonata.JFunction(
            (input, args) -> Functions.dateTimeFromMillis(STARTED.get(), argument(args, 0), argument(args, 1)),
            "<s?s?:s>");
    private static final Jsonata.JFunction MILLIS = new Jsonata.JFunction((input, args) -> STARTED.get(), "<:n>");

    private EvaluationClock() {
    }

    /** Reads the clock for the evaluation about to run on this thread with {@code frame}, and binds both functions. */
    static void bind(Jsonata.Frame frame) {
        STARTED.set(System.currentTimeMillis());
        frame.bind("now", NOW);
        frame.bind("millis", MILLIS);
    }

    private static String argument(List<?> args, int index) {
        return args != null && args.size() > index && args.get(index) != null ? args.get(index).toString() : null;
    }
}
