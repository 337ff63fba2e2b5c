package dev.lambdainvoke.camel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Lambda Invoke API on 127.0.0.1: serverless-offline running the Node.js handlers of
 * {@code src/test/peers/serverless-offline} (see its {@code serverless.yml} for the functions and quirks).
 *
 * <p>One shared instance per test JVM, started on first use (npm install ~30 s the first time, start
 * ~3 s) and stopped, by the PID it started, when the JUnit run ends or the JVM exits. Two ways in:
 *
 * <pre>{@code
 * @ExtendWith(ServerlessOfflineExtension.class)      // skips the class when node/npm are missing
 * class MyTest {
 *     @Test
 *     void echo(ServerlessOfflinePeer peer) {        // injected; or ServerlessOfflinePeer.get()
 *         URI endpoint = peer.endpoint();            // http://127.0.0.1:<port>
 *         String fn = peer.functionName("echo");     // "peer-dev-echo"
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #get()} works from anywhere (e.g. a {@code CamelTestSupport} route builder). Without
 * {@code node}/{@code npm} it skips the calling test, or fails it with {@code -Dpeers.required=true}
 * (see {@link Peers}).
 */
public final class ServerlessOfflinePeer implements AutoCloseable {

    /** Service and stage in serverless.yml: function {@code echo} is invoked as {@code peer-dev-echo}. */
    private static final String FUNCTION_PREFIX = "peer-dev-";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;

    private static ServerlessOfflinePeer instance;
    private static RuntimeException startFailure;
    private static boolean shutdownHookAdded;
    private static String nodeVersion;

    private final Process process;
    private final int lambdaPort;
    private final Path log;

    private ServerlessOfflinePeer(Process process, int lambdaPort, Path log) {
        this.process = process;
        this.lambdaPort = lambdaPort;
        this.log = log;
    }

    /**
     * The shared peer, started on first call. Skips (or, with {@code peers.required}, fails) the caller
     * when node or npm is missing; a failed start is reported once and then rethrown quickly.
     */
    public static synchronized ServerlessOfflinePeer get() {
        requireNode();
        if (instance != null && !instance.process.isAlive()) {
            // should not happen (preload.js keeps it alive): fail the caller loudly, restart for the next one
            ServerlessOfflinePeer dead = instance;
            instance = null;
            throw new IllegalStateException("serverless-offline (pid " + dead.process.pid() + ") exited with "
                    + dead.process.exitValue() + " during the test run\n" + dead.logTail());
        }
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) { // don't repeat a slow failing install/start for every test class
            throw new IllegalStateException("serverless-offline failed to start earlier in this JVM: "
                    + startFailure.getMessage(), startFailure);
        }
        try {
            instance = start();
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(ServerlessOfflinePeer::stopShared, "serverless-offline-stop"));
            shutdownHookAdded = true;
        }
        return instance;
    }

    /** Skips (or fails, see {@link Peers}) when node/npm are missing or node is older than serverless-offline needs. */
    private static void requireNode() {
        missingTool().ifPresent(message -> {
            throw Peers.unavailable(message);
        });
    }

    /** Why this peer cannot run here (node or npm missing, node too old), or empty when it can. */
    public static synchronized Optional<String> missingTool() {
        if (Peers.which("node").isEmpty()) {
            return Optional.of(Peers.missingToolMessage("node", "the serverless-offline Lambda peer (install Node.js 18+)"));
        }
        if (Peers.which("npm").isEmpty()) {
            return Optional.of(Peers.missingToolMessage("npm", "installing the serverless-offline Lambda peer"));
        }
        if (nodeVersion == null) {
            nodeVersion = run(List.of("node", "--version")).trim();
        }
        String major = nodeVersion.replaceFirst("^v(\\d+).*$", "$1");
        if (!major.matches("\\d+") || Integer.parseInt(major) < 18) {
            return Optional.of("'node' is '" + nodeVersion + "'; the serverless-offline Lambda peer needs Node.js 18+");
        }
        return Optional.empty();
    }

    /** Output of a short command, or "" when it cannot run. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                Peers.stop(p, STOP_GRACE);
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Stops the shared peer if it runs; a later {@link #get()} starts a new one. */
    public static synchronized void stopShared() {
        if (instance != null) {
            Peers.stop(instance.process, STOP_GRACE);
            instance = null;
        }
    }

    /** Base URI for the SDK's {@code endpointOverride}: {@code http://127.0.0.1:<lambdaPort>}. */
    public URI endpoint() {
        return URI.create("http://" + Peers.HOST + ":" + lambdaPort);
    }

    /** The name to invoke a function of serverless.yml by: {@code functionName("echo")} is {@code peer-dev-echo}. */
    public String functionName(String function) {
        return FUNCTION_PREFIX + function;
    }

    /** The server's log file (stdout and stderr of serverless-offline, including handler console output). */
    public Path log() {
        return log;
    }

    /** The log's path and last lines, for assertion messages. */
    public String logTail() {
        return Peers.tail(log, LOG_TAIL_LINES);
    }

    /**
     * Polls the server log until a line contains {@code text} (e.g. a unique marker an Event-invoked
     * handler logs or throws), failing after {@code deadline} with the log tail. Returns that line.
     */
    public String awaitLogLine(String text, Duration deadline) {
        return Peers.awaitLine(log, text, deadline, process::isAlive);
    }

    @Override
    public void close() {
        stopShared();
    }

    private static ServerlessOfflinePeer start() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path source = base.resolve("src/test/peers/serverless-offline");
        Path peersDir = base.resolve("target/peers");
        Path work = peersDir.resolve("serverless-offline");
        if (!Files.isRegularFile(source.resolve("serverless.yml"))) {
            throw new IllegalStateException("peer sources not found: " + source.toAbsolutePath());
        }
        try {
            Files.createDirectories(peersDir);
            // a file lock, in case two surefire forks install into the same folder at once
            try (FileChannel channel = FileChannel.open(peersDir.resolve("serverless-offline.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                copyPeerSources(source, work);
                installIfNeeded(work, peersDir.resolve("serverless-offline-npm.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("preparing " + work, e);
        }
        // a free port may be taken by someone else before node binds it: try fresh ports a few times
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(work, peersDir);
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw new IllegalStateException(e.getMessage());
                }
            }
        }
    }

    /** Copies the peer's own files (not node_modules) into target, where npm and serverless may write. */
    private static void copyPeerSources(Path source, Path work) throws IOException {
        Files.createDirectories(work);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Runs {@code npm ci} only when node_modules is missing or package-lock.json changed since the last install. */
    private static void installIfNeeded(Path work, Path npmLog) throws IOException {
        Path stamp = work.resolve("node_modules/.peer-install-stamp");
        String lockHash = sha256(Files.readAllBytes(work.resolve("package-lock.json")));
        if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(lockHash)) {
            return;
        }
        long started = System.nanoTime();
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(npmLog.toFile())
                .start();
        try {
            if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Peers.stop(npm, STOP_GRACE);
                throw new IllegalStateException("npm ci did not finish within " + INSTALL_TIMEOUT + " in " + work
                        + "\n" + Peers.tail(npmLog, LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            Peers.stop(npm, STOP_GRACE);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci", e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed with exit code " + npm.exitValue() + " in " + work
                    + "\n" + Peers.tail(npmLog, LOG_TAIL_LINES));
        }
        Files.writeString(stamp, lockHash + "\n");
        System.out.printf("[serverless-offline peer] npm ci took %d s (log: %s)%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), npmLog.toAbsolutePath());
    }

    private static ServerlessOfflinePeer launch(Path work, Path peersDir) throws PortTakenException {
        int lambdaPort = Peers.freePort();
        int httpPort = Peers.freePort();
        int websocketPort = Peers.freePort();
        Path home = peersDir.resolve("serverless-offline-home"); // serverless writes ~/.serverlessrc
        Path log = peersDir.resolve("serverless-offline-" + lambdaPort + ".log");
        List<String> command = List.of("node", "node_modules/serverless/bin/serverless.js", "offline", "start",
                "--host", Peers.HOST,
                "--lambdaPort", String.valueOf(lambdaPort),
                "--httpPort", String.valueOf(httpPort),
                "--websocketPort", String.valueOf(websocketPort),
                "--useInProcess", "--noSponsor");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // keep the developer's AWS settings out: the handlers must not see real credentials or profiles
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("HOME", home.toAbsolutePath().toString());
        env.put("SLS_TELEMETRY_DISABLED", "1");
        env.put("SLS_TRACKING_DISABLED", "1");
        env.put("SLS_NOTIFICATIONS_MODE", "off");
        env.put("CI", "1");
        env.put("AWS_ACCESS_KEY_ID", "peer-dummy-key");
        env.put("AWS_SECRET_ACCESS_KEY", "peer-dummy-secret");
        // quoted: Node parses NODE_OPTIONS like a shell would, and the project path may contain spaces
        env.put("NODE_OPTIONS", "--require \"" + work.resolve("preload.js").toAbsolutePath() + "\"");
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(home);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting serverless-offline in " + work, e);
        }
        try {
            Peers.awaitPort(lambdaPort, START_TIMEOUT, process::isAlive, () -> Peers.tail(log, LOG_TAIL_LINES));
            // the port could belong to someone else who took it after freePort(): make sure it is ours
            Peers.awaitLine(log, "listening on http://" + Peers.HOST + ":" + lambdaPort, START_TIMEOUT, process::isAlive);
        } catch (RuntimeException e) {
            Peers.stop(process, STOP_GRACE);
            if (Peers.tail(log, LOG_TAIL_LINES).contains("EADDRINUSE")) {
                throw new PortTakenException(e.getMessage());
            }
            throw new IllegalStateException("serverless-offline did not start: " + e.getMessage(), e);
        }
        System.out.printf("[serverless-offline peer] pid %d listening on %s:%d after %d ms (log: %s)%n",
                process.pid(), Peers.HOST, lambdaPort,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log.toAbsolutePath());
        return new ServerlessOfflinePeer(process, lambdaPort, log);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
    }
}
