package dev.lambdainvoke.camel.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.HeldAnswersLambda;
import dev.lambdainvoke.camel.support.LoggerLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The memory figure: used heap (after full GCs) before, while and after N exchanges with bodies of a given size are in
 * flight against a Lambda that holds its answers (in a JVM of its own), with {@code maxConcurrency} 64, so 64 are at
 * Lambda and the rest wait in the component's gate. Measured for the body sent as it is and for a JSONata mapping.
 *
 * <p>What it shows: the payload is mapped only when the gate admits the call, so a waiting exchange holds its body and
 * little more: heap grows by about one payload per exchange in flight, and all of it is returned when they have ended.
 * Bound what can be in flight with Camel (a throttle, a bounded consumer) when payloads are large.
 *
 * <pre>
 * mvn -B -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.lambdainvoke.camel.reliability.MemoryHarness [-Dexec.args="10000 100"]
 * </pre>
 * {@link MemoryFigureTest} runs the same measurement in the {@code reliability} profile.
 */
public final class MemoryHarness {

    static final int MAX_CONCURRENCY = 64;
    private static final int WARM_UP = 256;
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private MemoryHarness() {
    }

    /** One row of the table: a mapping, measured with {@code exchanges} bodies of {@code payloadBytes} in flight. */
    record Figures(String mapping, int exchanges, int payloadBytes, long heapBefore, long heapDuring, long heapAfter,
                   int threadsBefore, int threadsDuring, int failures) {

        long perExchange() {
            return (heapDuring - heapBefore) / exchanges;
        }
    }

    public static void main(String[] args) throws Exception {
        int exchanges = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int payloadKib = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Figures> rows = measure(exchanges, payloadKib * 1024);
        System.out.println(table(rows));
    }

    static List<Figures> measure(int exchanges, int payloadBytes) throws Exception {
        List<Figures> rows = new ArrayList<>();
        try (LoggerLevel quiet = LoggerLevel.componentAtInfo(); HeldAnswersLambda lambda = HeldAnswersLambda.start()) {
            rows.add(measure(lambda, "none (as sent)", "", exchanges, payloadBytes));
            rows.add(measure(lambda, "jsonata $", "&jsonata=" + CamelHarness.raw("$"), exchanges, payloadBytes));
        }
        return rows;
    }

    private static Figures measure(HeldAnswersLambda lambda, String mapping, String options, int exchanges,
                                   int payloadBytes) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        RouteBuilder route = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("lambda-invoke:held?timeout=5m&maxConcurrency=" + MAX_CONCURRENCY + options);
            }
        };
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), route);
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            // warm up: client, connections, classes, JIT -- none of it is what a waiting exchange costs
            lambda.release();
            send(sender, WARM_UP, payloadBytes, failures);
            sender.awaitCompleted(WARM_UP, DEADLINE);
            long before = usedHeapAfterGc();
            int threadsBefore = threads.getThreadCount();

            lambda.hold();
            long arrivedBefore = lambda.arrived();
            send(sender, exchanges, payloadBytes, failures);
            lambda.awaitArrived(arrivedBefore + Math.min(exchanges, MAX_CONCURRENCY), DEADLINE);
            if (sender.inFlight() != exchanges) {
                throw new IllegalStateException("expected " + exchanges + " in flight, found " + sender.inFlight());
            }
            long during = usedHeapAfterGc();
            int threadsDuring = threads.getThreadCount();

            lambda.release();
            sender.awaitCompleted(WARM_UP + exchanges, DEADLINE);
            long after = usedHeapAfterGc();
            return new Figures(mapping, exchanges, payloadBytes, before, during, after, threadsBefore, threadsDuring,
                    failures.size());
        }
    }

    private static void send(AsyncSender sender, int count, int payloadBytes, Map<Integer, Throwable> failures) {
        for (int i = 0; i < count; i++) {
            int n = sender.sent();
            sender.send(e -> e.getMessage().setBody(body(n, payloadBytes)), e -> {
                if (e.getException() != null) {
                    failures.put(n, e.getException());
                }
            });
        }
    }

    /** A JSON object of exactly {@code bytes} bytes, a new String per exchange (as each message brings its own body). */
    static String body(int id, int bytes) {
        String head = "{\"id\":" + id + ",\"pad\":\"";
        return head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"}";
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a full collection with the default collectors: what is left is what is reachable
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String table(List<Figures> rows) {
        StringBuilder text = new StringBuilder(String.format(
                "%n=== Heap with exchanges in flight (maxConcurrency %d: %d at Lambda, which holds its answers in "
                + "another JVM; the rest wait in the gate) ===%n", MAX_CONCURRENCY, MAX_CONCURRENCY));
        text.append(String.format("%-15s %9s %8s %12s %12s %12s %16s %9s %8s%n", "mapping", "in flight", "payload",
                "heap before", "heap during", "heap after", "per in flight", "x payload", "threads"));
        for (Figures f : rows) {
            text.append(String.format("%-15s %9d %4d KiB %8.1f MiB %8.1f MiB %8.1f MiB %12.1f KiB %9.2f %3d -> %d%s%n",
                    f.mapping(), f.exchanges(), f.payloadBytes() / 1024, mib(f.heapBefore()), mib(f.heapDuring()),
                    mib(f.heapAfter()), f.perExchange() / 1024.0, (double) f.perExchange() / f.payloadBytes(),
                    f.threadsBefore(), f.threadsDuring(), f.failures() == 0 ? "" : "  FAILED: " + f.failures()));
        }
        return text.toString();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
