package dev.lambdainvoke.camel.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lambda Invoke API on 127.0.0.1 that can hold its answers: invocations arrive, are counted, and stay unanswered
 * until {@link #release()}. It runs in a child JVM ({@link HeldAnswersLambdaServer}), started here and stopped by its
 * PID on {@link #close()}, so the threads and bytes it spends holding are not in the figures of the JVM under test.
 *
 * <p>Control calls use a plain socket with {@code Connection: close}: no HTTP client, and so no client threads, in the
 * measured JVM.
 */
public final class HeldAnswersLambda implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;
    private final int port;

    private HeldAnswersLambda(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the child JVM (with {@code -Xmx512m}) and waits until it listens. Its output goes to {@code target/}. */
    public static HeldAnswersLambda start() throws IOException {
        return start(240);
    }

    /** As {@link #start()}, holding up to {@code held} invocations at once (each holds a thread of the child JVM). */
    public static HeldAnswersLambda start(int held) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve("held-answers-lambda-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", classpath(), HeldAnswersLambdaServer.class.getName(),
                Integer.toString(held));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String ready = Peers.awaitLine(log, HeldAnswersLambdaServer.READY, START_TIMEOUT, process::isAlive);
            int port = Integer.parseInt(ready.substring(ready.indexOf(HeldAnswersLambdaServer.READY)
                                                        + HeldAnswersLambdaServer.READY.length()).trim());
            return new HeldAnswersLambda(process, log, port);
        } catch (RuntimeException e) {
            Peers.stop(process, STOP_GRACE);
            throw e;
        }
    }

    /**
     * The class path of this JVM for the child: the class loader's URLs when it has them (exec:java runs code in a
     * URLClassLoader inside Maven), else {@code java.class.path} (surefire puts the test class path there).
     */
    private static String classpath() {
        ClassLoader loader = HeldAnswersLambda.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("class path entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    public URI endpoint() {
        return URI.create("http://" + Peers.HOST + ":" + port);
    }

    /** From now on, invocations wait unanswered until {@link #release()}. */
    public void hold() {
        control("POST", "hold");
    }

    /** Answers every held invocation, and those to come, at once. */
    public void release() {
        control("POST", "release");
    }

    /** Invocations received so far, held or answered. */
    public long arrived() {
        return Long.parseLong(control("GET", "arrived").trim());
    }

    /** Waits until at least {@code count} invocations have arrived (polling), failing after {@code deadline}. */
    public void awaitArrived(long count, Duration deadline) {
        Await.until(deadline, () -> count + " invocations at the held-answers Lambda, got " + arrived(),
                () -> arrived() >= count);
    }

    private String control(String method, String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Peers.HOST, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + HeldAnswersLambdaServer.CONTROL + command + " HTTP/1.1\r\nHost: " + Peers.HOST
                       + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("held-answers Lambda answered " + command + " with: " + response);
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException("held-answers Lambda on port " + port + " did not answer " + command + "\n"
                                           + Peers.tail(log, 20), e);
        }
    }

    @Override
    public void close() {
        Peers.stop(process, STOP_GRACE);
    }
}
