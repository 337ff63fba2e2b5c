package dev.lambdainvoke.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The table of one benchmark run, and each target with the figures it is judged on. */
final class Report {

    private Report() {
    }

    static String markdown(List<RunResult> results, long warmup, long maxWarmup, long measure, boolean quick) {
        StringBuilder md = new StringBuilder();
        if (quick) {
            md.append("**--quick run: a check that the benchmark works; these figures mean nothing.**\n\n");
        }
        md.append(String.format(Locale.ROOT, "Each row: a fresh client JVM (Java %s, -Xms1g -Xmx1g, %d cores), warmed up "
                                             + "for %d s or until the JIT is quiet (at most %d s; the warm-up column), "
                                             + "then measured for %d s.%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), warmup, maxWarmup, measure));
        md.append("| workload | client | inv/s | p50 ms | p99 ms | CPU µs/inv | CPU cores | alloc KB/inv "
                  + "| Java threads | OS threads | live heap MiB | RSS MiB | warm-up s |\n");
        md.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (RunResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %.2f | %.1f | %.2f | %.1f | %d | %d | %.1f | %d | %d |%n",
                    r.workload(), r.label(), r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0,
                    r.cpuMicrosPerCall(), r.cpuCores(), r.allocatedBytesPerCall() / 1024.0, r.peakJavaThreads(),
                    r.osThreads(), r.liveHeapMiB(), r.residentMiB(), r.warmupSeconds()));
        }
        md.append('\n');
        targets(md, results);
        return md.toString();
    }

    private static void targets(StringBuilder md, List<RunResult> results) {
        Optional<RunResult> a1 = find(results, Workload.W1, Client.RAW_SDK, Http.NETTY);
        Optional<RunResult> b1 = find(results, Workload.W1, Client.LAMBDA_INVOKE, Http.NETTY);
        if (a1.isPresent() && b1.isPresent()) {
            double rate = ratio(b1.get().perSecond(), a1.get().perSecond());
            double cpu = b1.get().cpuMicrosPerCall() / a1.get().cpuMicrosPerCall();
            check(md, "W1 (b) inv/s ≥ 0.9 × (a)", rate >= 0.9, String.format(Locale.ROOT, "%.2f ×", rate));
            check(md, "W1 (b) CPU per call ≤ 1.15 × (a)", cpu <= 1.15, String.format(Locale.ROOT, "%.2f ×", cpu));
        }
        Optional<RunResult> a2 = find(results, Workload.W2, Client.RAW_SDK, Http.NETTY);
        Optional<RunResult> b2 = find(results, Workload.W2, Client.LAMBDA_INVOKE, Http.NETTY);
        Optional<RunResult> c2 = find(results, Workload.W2, Client.AWS2_LAMBDA, Http.NETTY);
        if (a2.isPresent() && b2.isPresent()) {
            double rate = ratio(b2.get().perSecond(), a2.get().perSecond());
            String beside = c2.map(c -> String.format(Locale.ROOT, "; (c) %.2f × with %d Java threads",
                    ratio(c.perSecond(), a2.get().perSecond()), c.peakJavaThreads())).orElse("");
            check(md, "W2 (b) inv/s ≥ 0.9 × (a), under 100 live threads", rate >= 0.9
                                                                          && b2.get().peakJavaThreads() < 100,
                    String.format(Locale.ROOT, "%.2f ×, %d Java threads%s", rate, b2.get().peakJavaThreads(), beside));
        }
        for (Workload w : Workload.values()) {
            Optional<RunResult> netty = find(results, w, Client.LAMBDA_INVOKE, Http.NETTY);
            Optional<RunResult> crt = find(results, w, Client.LAMBDA_INVOKE, Http.CRT);
            if (netty.isPresent() && crt.isPresent()) {
                double rate = ratio(crt.get().perSecond(), netty.get().perSecond());
                double cpu = crt.get().cpuMicrosPerCall() / netty.get().cpuMicrosPerCall();
                md.append(String.format(Locale.ROOT, "- %s, CRT against Netty under (b): %.2f × the invocations/s, "
                                                     + "%.2f × the CPU per call%n", w, rate, cpu));
            }
        }
    }

    private static void check(StringBuilder md, String target, boolean met, String figure) {
        md.append("- ").append(target).append(": ").append(figure).append(" — ").append(met ? "met" : "**missed**")
                .append('\n');
    }

    private static double ratio(long x, long y) {
        return y == 0 ? 0 : (double) x / y;
    }

    private static Optional<RunResult> find(List<RunResult> results, Workload w, Client c, Http h) {
        return results.stream().filter(r -> r.workload() == w && r.client() == c && r.http() == h).findFirst();
    }
}
