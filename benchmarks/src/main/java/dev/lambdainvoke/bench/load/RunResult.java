package dev.lambdainvoke.bench.load;

import java.util.HashMap;
import java.util.Map;

/** One {@link LoadRun}'s figures, read back from its RESULT line. */
record RunResult(Workload workload, Client client, Http http, long perSecond, long p50Micros, long p99Micros,
                 double cpuMicrosPerCall, double cpuCores, long allocatedBytesPerCall, int peakJavaThreads,
                 int osThreads, double liveHeapMiB, long residentMiB, long warmupSeconds, long failures) {

    static RunResult parse(String line) {
        Map<String, String> f = new HashMap<>();
        for (String pair : line.substring(LoadRun.RESULT.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new RunResult(Workload.valueOf(f.get("workload")), Client.valueOf(f.get("client")),
                Http.valueOf(f.get("http")), Long.parseLong(f.get("perSecond")), Long.parseLong(f.get("p50Micros")),
                Long.parseLong(f.get("p99Micros")), Double.parseDouble(f.get("cpuMicrosPerCall")),
                Double.parseDouble(f.get("cpuCores")), Long.parseLong(f.get("allocatedBytesPerCall")),
                Integer.parseInt(f.get("peakJavaThreads")), Integer.parseInt(f.get("osThreads")),
                Double.parseDouble(f.get("liveHeapMiB")), Long.parseLong(f.get("residentMiB")),
                Long.parseLong(f.get("warmupSeconds")),
                Long.parseLong(f.get("failures")));
    }

    /** How the table names it: (a) netty, (b) crt, (c). */
    String label() {
        return "(" + client.letter() + ") " + client.description() + (client.isAsync() ? ", " + http.name().toLowerCase()
                : "");
    }
}
