package dev.lambdainvoke.camel.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * moto ({@code moto_server}, Python) on 127.0.0.1 in auth mode: a real SigV4 check, IAM policies evaluated for Lambda
 * and STS, STS AssumeRole with trust policies. Started by a test class on a free port, stopped by the PID it started.
 *
 * <p>Auth mode: the first {@code initialNoAuthActions} requests skip authentication and authorization (moto's
 * {@code INITIAL_NO_AUTH_ACTION_COUNT}), for the test's setup of users, keys, policies, roles and functions; every later
 * request must be signed by a known key and allowed by IAM. Setup calls are signed anyway (with any key): moto tells the
 * service from the signature's scope.
 *
 * <p>Without {@code moto_server} on the PATH the calling test is skipped, or fails with {@code -Dpeers.required=true}
 * (see {@link Peers}). A pyenv shim on the PATH is resolved to the real script, so the process started is the server.
 */
public final class MotoPeer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final AwsCredentialsIdentity SETUP_KEY = AwsCredentialsIdentity.create("AKIASETUPSETUPSETUP0", "setup");
    private static final Set<String> UNSIGNABLE_HEADERS = Set.of("host", "content-length");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int signedRequests;

    private MotoPeer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Why moto cannot run here, or empty when it can. */
    public static Optional<String> missingTool() {
        return Peers.which("moto_server").isPresent() ? Optional.empty()
                : Optional.of(Peers.missingToolMessage("moto_server",
                        "the moto peer (Python: pip install 'moto[server]==5.2.1')"));
    }

    /** Starts moto in auth mode; skips or fails the caller when moto_server is missing. */
    public static MotoPeer start(int initialNoAuthActions) {
        missingTool().ifPresent(message -> {
            throw Peers.unavailable(message);
        });
        Path command = realScript(Peers.which("moto_server").orElseThrow());
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(command, initialNoAuthActions);
            } catch (PortTakenException e) {
                if (attempt == 3) {
                    throw new IllegalStateException(e.getMessage());
                }
            }
        }
    }

    private static MotoPeer launch(Path command, int initialNoAuthActions) throws PortTakenException {
        int port = Peers.freePort();
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "peers");
        Path log = dir.resolve("moto-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command.toString(), "-H", Peers.HOST, "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // the developer's AWS settings stay out; moto's own switches are ours to set
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("MOTO_"));
        env.put("INITIAL_NO_AUTH_ACTION_COUNT", String.valueOf(initialNoAuthActions));
        env.put("PYTHONUNBUFFERED", "1");
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(dir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command, e);
        }
        try {
            Peers.awaitPort(port, START_TIMEOUT, process::isAlive, () -> Peers.tail(log, 40));
            Peers.awaitLine(log, "Running on http://" + Peers.HOST + ":" + port, START_TIMEOUT, process::isAlive);
            requireListenerIsOurs(process, port);
        } catch (RuntimeException e) {
            Peers.stop(process, STOP_GRACE);
            if (Peers.tail(log, 40).contains("Address already in use")) {
                throw new PortTakenException(e.getMessage());
            }
            throw new IllegalStateException("moto did not start: " + e.getMessage(), e);
        }
        System.out.printf("[moto peer] pid %d listening on %s:%d after %d ms (log: %s)%n", process.pid(), Peers.HOST, port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), log.toAbsolutePath());
        MotoPeer peer = new MotoPeer(process, port, log);
        peer.post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}"); // echo invocations, no Docker
        return peer;
    }

    /** The server on our port must be the process we started (what {@link #close()} stops), or one of its children. */
    private static void requireListenerIsOurs(Process process, int port) {
        if (!ListeningProcess.supported()) {
            return;
        }
        OptionalLong listener = ListeningProcess.of(port);
        boolean ours = listener.isPresent() && (listener.getAsLong() == process.pid()
                || process.descendants().anyMatch(d -> d.pid() == listener.getAsLong()));
        if (!ours) {
            throw new IllegalStateException("port " + port + " is held by pid " + listener + ", not by moto (pid "
                                            + process.pid() + ")");
        }
    }

    /** A pyenv shim execs pyenv, which execs the script: start the script itself so that our PID is the server's. */
    static Path realScript(Path onPath) {
        try {
            String head = Files.readString(onPath, StandardCharsets.ISO_8859_1);
            Matcher pyenv = Pattern.compile("exec \"([^\"]+/libexec/pyenv)\" exec").matcher(head);
            Matcher root = Pattern.compile("export PYENV_ROOT=\"([^\"]+)\"").matcher(head);
            if (!pyenv.find()) {
                return onPath;
            }
            ProcessBuilder which = new ProcessBuilder(pyenv.group(1), "which", onPath.getFileName().toString())
                    .redirectErrorStream(true);
            if (root.find()) {
                which.environment().put("PYENV_ROOT", root.group(1));
            }
            Process p = which.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isExecutable(Path.of(out))) {
                return Path.of(out);
            }
            return onPath;
        } catch (IOException | RuntimeException e) {
            return onPath;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onPath;
        }
    }

    public URI endpoint() {
        return URI.create("http://" + Peers.HOST + ":" + port);
    }

    /** The server's PID, the process this peer started. */
    public long pid() {
        return process.pid();
    }

    public String logTail() {
        return Peers.tail(log, 40);
    }

    /** An IAM query-API call (during setup: signed with any key); fails unless moto answers 2xx. Returns the XML. */
    public String iam(String action, Map<String, String> parameters) {
        return query("iam", "2010-05-08", action, parameters, SETUP_KEY);
    }

    /** A query-API call (IAM, STS) signed with {@code key}. */
    public String query(String service, String version, String action, Map<String, String> parameters,
                        AwsCredentialsIdentity key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", version);
        form.putAll(parameters);
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return signed(service, "POST", "/", "application/x-www-form-urlencoded; charset=utf-8", body, key);
    }

    /** Creates a Lambda function (docker-less moto never runs it: invocations echo their payload). */
    public String createFunction(String name, String roleArn) {
        String json = "{\"FunctionName\":\"" + name + "\",\"Runtime\":\"python3.11\",\"Role\":\"" + roleArn
                      + "\",\"Handler\":\"handler.handle\",\"Code\":{\"ZipFile\":\"" + handlerZip() + "\"}}";
        return signed("lambda", "POST", "/2015-03-31/functions", "application/json", json, SETUP_KEY);
    }

    private static String handlerZip() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("handler.py"));
            out.write("def handle(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(zip.toByteArray());
    }

    /** The text of {@code <element>} in an XML answer. */
    public static String xml(String answer, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no <" + element + "> in " + answer);
        }
        return m.group(1);
    }

    private String signed(String service, String method, String path, String contentType, String body,
                          AwsCredentialsIdentity key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(endpoint().resolve(path)).putHeader("Content-Type", contentType).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(key).request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service));
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        signed.request().forEachHeader((name, values) -> {
            if (!UNSIGNABLE_HEADERS.contains(name.toLowerCase())) {
                values.forEach(v -> http.header(name, v));
            }
        });
        signedRequests++;
        return send(http.build(), service + " " + path + " " + body.lines().findFirst().orElse(""));
    }

    /** Signed API calls made through this peer so far: a setup checks it used exactly the unauthenticated allowance. */
    public int signedRequests() {
        return signedRequests;
    }

    private void post(String path, String json) {
        send(HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), path);
    }

    private String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to " + what + ": "
                                                + response.body() + "\n" + logTail());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("calling moto: " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Stops the server by the PID this peer started (and anything it started). */
    @Override
    public void close() {
        Peers.stop(process, STOP_GRACE);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
    }
}
