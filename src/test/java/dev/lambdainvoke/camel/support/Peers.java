package dev.lambdainvoke.camel.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Small helpers shared by the test peers (serverless-offline, moto, ...): free ports on 127.0.0.1,
 * waiting for a port, finding tools on the PATH, and the rule for missing tools.
 *
 * <p>The rule: a test that needs a tool which is not installed (say {@code node}) is <em>skipped</em>
 * with a message naming the tool, so a developer without Node.js can still run the rest of the suite.
 * With {@code -Dpeers.required=true} (the pom hands it to surefire; CI sets it) the same test
 * <em>fails</em> with that message instead, so CI never goes green by skipping.
 */
public final class Peers {

    /** System property that turns "skip when a peer's tool is missing" into "fail". */
    public static final String REQUIRED_PROPERTY = "peers.required";

    /** Peers bind to loopback only. */
    public static final String HOST = "127.0.0.1";

    private Peers() {
    }

    /** Whether missing peer tools fail the tests ({@code -Dpeers.required=true}) instead of skipping them. */
    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /**
     * Skips the current test (or class) with {@code message}, or fails it when peers are required.
     * Never returns normally.
     */
    public static RuntimeException unavailable(String message) {
        if (required()) {
            Assertions.fail(message + " (-D" + REQUIRED_PROPERTY + "=true, so this fails instead of skipping)");
        }
        Assumptions.abort(skipMessage(message));
        throw new AssertionError("unreachable");
    }

    /** {@code message} worded as a skip reason. */
    public static String skipMessage(String message) {
        return message + " (skipped; -D" + REQUIRED_PROPERTY + "=true makes this a failure)";
    }

    /** Returns the tool's path on the PATH, or skips/fails (see {@link #unavailable}) naming what is missing. */
    public static Path requireTool(String tool, String neededFor) {
        return which(tool).orElseThrow(() -> unavailable(missingToolMessage(tool, neededFor)));
    }

    /** The message for a tool that is not on the PATH. */
    public static String missingToolMessage(String tool, String neededFor) {
        return "'" + tool + "' is not on the PATH; it is needed for " + neededFor;
    }

    /** Finds an executable on the PATH, like {@code which}. */
    public static Optional<Path> which(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A port that was free on 127.0.0.1 a moment ago (another process may still take it: callers retry). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port right now. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls until 127.0.0.1:port accepts connections. Throws {@link IllegalStateException} when
     * {@code deadline} passes or {@code stillAlive} turns false (the server died: no point waiting),
     * with {@code diagnostics} (e.g. the server's log tail) in the message.
     */
    public static void awaitPort(int port, Duration deadline, BooleanSupplier stillAlive, Supplier<String> diagnostics) {
        Await.poll(deadline, () -> accepts(port) || !stillAlive.getAsBoolean());
        if (accepts(port)) {
            return;
        }
        throw new IllegalStateException((stillAlive.getAsBoolean() ? "port " + port + " did not open within " + deadline
                : "the server exited before port " + port + " opened") + "\n" + diagnostics.get());
    }

    /**
     * Polls a log file until a line contains {@code text} and returns that line. Throws
     * {@link IllegalStateException} with the log tail when {@code deadline} passes or the writer died.
     */
    public static String awaitLine(Path log, String text, Duration deadline, BooleanSupplier stillAlive) {
        AtomicReference<String> hit = new AtomicReference<>();
        AtomicBoolean exited = new AtomicBoolean();
        Await.poll(deadline, () -> {
            exited.set(!stillAlive.getAsBoolean()); // read before the file, so a last line is never missed
            hit.set(firstLineContaining(log, text));
            return hit.get() != null || exited.get();
        });
        if (hit.get() != null) {
            return hit.get();
        }
        throw new IllegalStateException("no line containing '" + text + "' in " + log.toAbsolutePath()
                + (exited.get() ? " (the process has exited)" : " within " + deadline) + "\n" + tail(log, 40));
    }

    private static String firstLineContaining(Path log, String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null; // missing yet, or a partly written UTF-8 sequence: read again
        }
    }

    /** The last {@code lines} lines of a log file, headed by its path, for failure messages. */
    public static String tail(Path log, int lines) {
        StringBuilder text = new StringBuilder("--- last " + lines + " lines of " + log.toAbsolutePath() + " ---\n");
        if (!Files.exists(log)) {
            return text.append("(no log file)\n").toString();
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return text.append("(unreadable: ").append(e.getMessage()).append(")\n").toString();
        }
        return text.append(String.join("\n", last)).append('\n').toString();
    }

    /**
     * Stops a process we started and everything it started: SIGTERM first, SIGKILL for whatever is
     * still alive after {@code grace}. Only this process and its own descendants are touched.
     */
    public static void stop(Process process, Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .collect(Collectors.toList()); // collected first: children are reparented once the parent dies
        tree.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // still running: killed below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
