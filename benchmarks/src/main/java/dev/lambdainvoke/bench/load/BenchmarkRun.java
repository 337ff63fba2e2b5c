package dev.lambdainvoke.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole load benchmark, one command: starts the stub in a JVM of its own, then each (workload, client, HTTP client)
 * in a fresh client JVM with the same heap, one after another, and prints the table and the targets.
 *
 * <p>Options: {@code --quick} (a few seconds each: proves the benchmark works, figures mean nothing),
 * {@code --warmup=S} (the least warm-up; it goes on while the JIT compiler is busy, up to {@code --max-warmup=S}),
 * {@code --measure=S}, {@code --workloads=W1,W2}, {@code --clients=RAW_SDK,LAMBDA_INVOKE,AWS2_LAMBDA},
 * {@code --http=NETTY,CRT}, {@code --out=FILE} (the table as Markdown).
 */
public final class BenchmarkRun {

    private static final List<String> CLIENT_JVM = List.of("-Xms1g", "-Xmx1g");
    private static final List<String> STUB_JVM = List.of("-Xms256m", "-Xmx256m");

    private BenchmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        long warmup = 20;
        long maxWarmup = 90;
        long measure = 20;
        boolean quick = false;
        Set<Workload> workloads = EnumSet.allOf(Workload.class);
        Set<Client> clients = EnumSet.allOf(Client.class);
        Set<Http> https = EnumSet.allOf(Http.class);
        Path out = null;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
                warmup = 2;
                maxWarmup = 2;
                measure = 3;
            } else if (arg.startsWith("--warmup=")) {
                warmup = Long.parseLong(value(arg));
            } else if (arg.startsWith("--max-warmup=")) {
                maxWarmup = Long.parseLong(value(arg));
            } else if (arg.startsWith("--measure=")) {
                measure = Long.parseLong(value(arg));
            } else if (arg.startsWith("--workloads=")) {
                workloads = parse(value(arg), Workload.class);
            } else if (arg.startsWith("--clients=")) {
                clients = parse(value(arg), Client.class);
            } else if (arg.startsWith("--http=")) {
                https = parse(value(arg), Http.class);
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value(arg));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }

        List<RunResult> results = new ArrayList<>();
        try (ChildJvm stub = ChildJvm.start(STUB_JVM, StubLambdaServer.class, List.of())) {
            int port = Integer.parseInt(stub.awaitLine(StubLambdaServer.READY, 30).substring(StubLambdaServer.READY.length()));
            for (Workload workload : workloads) {
                for (Http http : https) {
                    for (Client client : clients) {
                        if (!client.isAsync() && http != Http.NETTY) {
                            continue; // aws2-lambda runs once per workload, on its own blocking client
                        }
                        System.out.printf("%s %s %s: %d-%d s warm-up, %d s measured%n", workload, client, http, warmup,
                                maxWarmup, measure);
                        RunResult result = run(port, workload, client, http, warmup, maxWarmup, measure);
                        System.out.println("  " + result);
                        results.add(result);
                    }
                }
            }
        }

        String report = Report.markdown(results, warmup, maxWarmup, measure, quick);
        System.out.println();
        System.out.println(report);
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        }
        if (results.stream().anyMatch(r -> r.failures() > 0)) {
            System.err.println("Some invocations failed: the figures are not valid");
            System.exit(1);
        }
    }

    private static RunResult run(int port, Workload workload, Client client, Http http, long warmup, long maxWarmup,
                                 long measure) throws Exception {
        try (ChildJvm child = ChildJvm.start(CLIENT_JVM, LoadRun.class, List.of(String.valueOf(port), workload.name(),
                client.name(), http.name(), String.valueOf(warmup), String.valueOf(maxWarmup),
                String.valueOf(measure)))) {
            String line = child.awaitLine(LoadRun.RESULT, maxWarmup + measure + 180);
            return RunResult.parse(line);
        }
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static <E extends Enum<E>> Set<E> parse(String list, Class<E> type) {
        return Arrays.stream(list.split(",")).map(s -> Enum.valueOf(type, s.trim().toUpperCase()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }

    /** A JVM on this one's classpath; its standard input stays open while it should live. */
    private static final class ChildJvm implements AutoCloseable {
        private final Process process;
        private final BufferedReader output;

        private ChildJvm(Process process) {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static ChildJvm start(List<String> jvmOptions, Class<?> main, List<String> args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(main.getName());
            command.addAll(args);
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        /** Reads the child's output until a line starting with {@code prefix}; other lines are passed on. */
        String awaitLine(String prefix, long timeoutSeconds) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            // a child that hangs is killed by close(); readLine then ends with null
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                    System.out.println("  | " + line);
                }
            } finally {
                watchdog.interrupt();
            }
            throw new IllegalStateException("child JVM " + process.pid() + " ended or timed out without '" + prefix + "'");
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close(); // the stub exits when its input closes
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
