package dev.lambdainvoke.bench.load;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * One measured run, in a JVM of its own: one client, one workload, one HTTP client. Warms up, measures for a fixed
 * time, then reads the heap under load and prints one {@code RESULT key=value ...} line for {@link BenchmarkRun}.
 *
 * <p>Arguments: {@code <stubPort> <W1|W2> <RAW_SDK|LAMBDA_INVOKE|AWS2_LAMBDA> <NETTY|CRT> <minWarmupSeconds>
 * <maxWarmupSeconds> <measureSeconds>}.
 *
 * <p>For finding where the CPU goes, {@code -Dbench.threadCpu=true} also prints the CPU per call of each group of
 * threads (Netty I/O, SDK completion, ..., and what is not a Java thread: GC, JIT).
 */
public final class LoadRun {

    static final String RESULT = "RESULT ";

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        URI stub = URI.create("http://127.0.0.1:" + Integer.parseInt(args[0]));
        Workload workload = Workload.valueOf(args[1]);
        Client client = Client.valueOf(args[2]);
        Http http = Http.valueOf(args[3]);
        long minWarmupSeconds = Long.parseLong(args[4]);
        long maxWarmupSeconds = Long.parseLong(args[5]);
        long measureSeconds = Long.parseLong(args[6]);

        JvmFigures jvm = new JvmFigures();
        LoadCounters counters = new LoadCounters();
        AutoCloseable invocations;
        LoadDriver driver;
        String firstAnswer;
        if (client.isAsync()) {
            AsyncInvocations async = client == Client.RAW_SDK
                    ? new RawSdkInvocations(SdkClients.async(http, stub, workload.concurrency()), workload.function())
                    : new LambdaInvokeRoute(http, stub, workload.function(), workload.concurrency());
            firstAnswer = async.invokeOnce();
            invocations = async;
            driver = new ClosedLoop(async, workload.concurrency(), counters);
        } else {
            Aws2LambdaRoute blocking = new Aws2LambdaRoute(stub, workload.function(), workload.concurrency());
            firstAnswer = blocking.invoke();
            invocations = blocking;
            driver = new ThreadPerCallLoop(blocking, workload.concurrency(), counters);
        }
        if (!StubLambdaServer.answerText().equals(firstAnswer)) {
            throw new IllegalStateException("the client did not bring back the stub's answer: " + firstAnswer);
        }

        driver.start();
        long warmupMillis = new JitWarmup(minWarmupSeconds, maxWarmupSeconds).await();
        counters.latenciesSinceLastCall();
        jvm.resetPeakThreads();
        long succeeded0 = counters.succeeded();
        long cpu0 = jvm.cpuNanos();
        long allocated0 = jvm.allocatedBytes();
        long time0 = System.nanoTime();
        Map<String, Long> threadCpu0 = jvm.cpuNanosByThreadGroup();

        TimeUnit.SECONDS.sleep(measureSeconds);

        long time1 = System.nanoTime();
        Map<String, Long> threadCpu1 = jvm.cpuNanosByThreadGroup();
        long allocated1 = jvm.allocatedBytes();
        long cpu1 = jvm.cpuNanos();
        long succeeded1 = counters.succeeded();
        Histogram latencies = counters.latenciesSinceLastCall();
        int peakJavaThreads = jvm.peakJavaThreads();
        int osThreads = jvm.osThreads();
        long residentKiB = jvm.residentKiB();
        long liveHeap = jvm.liveHeapBytes(); // still under load: what the calls in flight hold

        driver.stopAndDrain();
        invocations.close();

        long calls = succeeded1 - succeeded0;
        double seconds = (time1 - time0) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload);
        result.put("client", client);
        result.put("http", http);
        result.put("invocations", calls);
        result.put("seconds", String.format("%.2f", seconds));
        result.put("warmupSeconds", warmupMillis / 1000);
        result.put("perSecond", Math.round(calls / seconds));
        result.put("p50Micros", latencies.getValueAtPercentile(50));
        result.put("p99Micros", latencies.getValueAtPercentile(99));
        result.put("cpuMicrosPerCall", String.format("%.1f", (cpu1 - cpu0) / 1e3 / calls));
        result.put("cpuCores", String.format("%.2f", (cpu1 - cpu0) / (double) (time1 - time0)));
        result.put("allocatedBytesPerCall", (allocated1 - allocated0) / calls);
        result.put("peakJavaThreads", peakJavaThreads);
        result.put("osThreads", osThreads);
        result.put("liveHeapMiB", String.format("%.1f", liveHeap / 1024.0 / 1024.0));
        result.put("residentMiB", residentKiB < 0 ? -1 : residentKiB / 1024);
        result.put("failures", counters.failed());
        StringBuilder line = new StringBuilder(RESULT);
        result.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
        System.out.println(line.toString().trim());
        if (Boolean.getBoolean("bench.threadCpu")) {
            long javaThreads = 0;
            for (Map.Entry<String, Long> group : threadCpu1.entrySet()) {
                long nanos = group.getValue() - threadCpu0.getOrDefault(group.getKey(), 0L);
                javaThreads += nanos;
                System.out.printf("  cpu %-45s %7.1f µs/call%n", group.getKey(), nanos / 1e3 / calls);
            }
            System.out.printf("  cpu %-45s %7.1f µs/call%n", "(not Java threads: GC, JIT, VM)",
                    ((cpu1 - cpu0) - javaThreads) / 1e3 / calls);
        }
        if (counters.firstFailure() != null) {
            System.err.println("first failure: " + counters.firstFailure());
        }
        System.exit(0);
    }
}
