package dev.lambdainvoke.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Java Lambda handlers behind the real AWS Lambda Invoke API on {@code 127.0.0.1}, so that the AWS SDK (and the
 * {@code lambda-invoke} component) talk to them over HTTP exactly as to Lambda: no Docker, no AWS account.
 *
 * <pre>{@code
 * try (LocalLambda local = LocalLambda.builder()
 *         .function("echo", (RequestHandler<Map<String, Object>, Object>) (in, context) -> in)
 *         .function(LocalFunction.named("pricer")
 *                 .handler(new OrderPricer())
 *                 .version("1", new OrderPricerV1())
 *                 .alias("prod", "1")
 *                 .timeout(Duration.ofSeconds(3))
 *                 .reservedConcurrency(2))
 *         .start()) {
 *     LambdaAsyncClient lambda = LambdaAsyncClient.builder()
 *             .endpointOverride(local.endpoint())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any")))
 *             .build();
 *     // or, in a route: to("lambda-invoke:pricer?qualifier=prod&endpointOverride=" + local.endpoint() + ...)
 * }
 * }</pre>
 *
 * <p>
 * Faithful to Lambda where callers can tell: function names, partial and full ARNs, versions and aliases
 * ({@code X-Amz-Executed-Version}); the invocation types {@code RequestResponse} (200), {@code Event} (202, the handler runs
 * afterwards) and {@code DryRun} (204, nothing runs); payload limits (413), bodies that are not JSON (400), unknown
 * functions (404); function errors and timeouts as {@code X-Amz-Function-Error: Unhandled} with the Java runtime's error
 * payload; the 4 KB log tail ({@code X-Amz-Log-Type: Tail}); the client context; reserved concurrency (429 with
 * {@code Retry-After}); tenants ({@code X-Amz-Tenant-Id}, read with {@link #tenantId(Context)}; a function with
 * {@link LocalFunction#tenantIsolation} has a handler per tenant) and durable execution names
 * ({@code X-Amz-Durable-Execution-Name}: the same name and payload answer the first execution's result without running
 * again, another payload 409 {@code DurableExecutionAlreadyStartedException}; {@code X-Amz-Durable-Execution-Arn}). Each handler gets a {@link Context} and a logger whose lines form the log tail and go to SLF4J at
 * DEBUG on the logger {@code dev.lambdainvoke.local.function.<name>}.
 *
 * <p>
 * Not like Lambda: request signatures are not checked (any credentials work); handlers share this JVM (no cold starts,
 * no isolation, {@code System.out} is not captured); a handler past its timeout is interrupted, which stops it only if it
 * heeds interrupts; memory is reported as 128 MB. Only Invoke and InvokeWithResponseStream are served.
 *
 * <p>
 * Handlers run on daemon threads owned by the host; {@link #close()} stops the server, ends running invocations and
 * frees the port. Close it (try-with-resources): until then the JDK's HTTP server keeps a non-daemon thread alive.
 */
public final class LocalLambda implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLambda.class);

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final InvocationRunner runner;
    private final FunctionRegistry functions;
    private final Arns arns;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalLambda(HttpServer server, ExecutorService httpThreads, InvocationRunner runner,
                        FunctionRegistry functions, Arns arns) {
        this.server = server;
        this.httpThreads = httpThreads;
        this.runner = runner;
        this.functions = functions;
        this.arns = arns;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URI to give the SDK's {@code endpointOverride} (or the component's): {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The port the host listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** The unqualified ARN of a function: {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
    public String functionArn(String name) {
        return arns.function(functions.function(name).name());
    }

    /** How many invocations of the function ran its handler, over all qualifiers (DryRun and throttled calls do not). */
    public int invocations(String name) {
        return functions.function(name).invocations();
    }

    /**
     * The tenant a handler runs for ({@code X-Amz-Tenant-Id}), null when the call named none. aws-lambda-java-core
     * 1.2.3's {@link Context} has no {@code getTenantId()}: this reads it from LocalLambda's context, and from any context
     * that has the method (a newer aws-lambda-java-core, as on Lambda), so a handler may call it wherever it runs.
     */
    public static String tenantId(Context context) {
        if (context instanceof LocalContext local) {
            return local.getTenantId();
        }
        try {
            Object tenant = context.getClass().getMethod("getTenantId").invoke(context);
            return tenant == null ? null : tenant.toString();
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null; // a runtime without tenants
        }
    }

    /**
     * Stops accepting calls, ends running invocations (their callers get an error, their handler threads are
     * interrupted) and frees the port. Queued Event invocations are dropped. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        int dropped = 0;
        for (DeployedFunction function : functions.all()) {
            dropped += function.concurrency().dropWaiting();
        }
        runner.close();
        httpThreads.shutdownNow();
        LOG.debug("LocalLambda on {} closed{}", endpoint, dropped == 0 ? "" : "; " + dropped + " queued Event invocations dropped");
    }

    /** Sets up and starts a {@link LocalLambda}. */
    public static final class Builder {

        private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
        private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

        private int port;
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private final Map<String, LocalFunction> functions = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The region in the functions' ARNs; {@code us-east-1} by default. */
        public Builder region(String region) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("Region '" + region + "' is not an AWS region name like us-east-1");
            }
            this.region = region;
            return this;
        }

        /** The 12-digit account in the functions' ARNs; {@code 000000000000} by default. */
        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
                throw new IllegalArgumentException("Account id '" + accountId + "' is not 12 digits");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * A function with only {@code $LATEST} and default settings. {@code handler} is a {@link RequestHandler}, a
         * {@link RequestStreamHandler} or a {@link java.util.function.Function}.
         */
        public Builder function(String name, Object handler) {
            return function(LocalFunction.named(name).handler(handler));
        }

        /** A function with versions, aliases, timeout or reserved concurrency. */
        public Builder function(LocalFunction function) {
            if (functions.putIfAbsent(function.name(), function) != null) {
                throw new IllegalArgumentException("Function '" + function.name() + "' is defined twice");
            }
            return this;
        }

        /**
         * Binds 127.0.0.1 and starts serving.
         *
         * @throws IllegalStateException  when a function's definition is incomplete (no handler, an alias to a missing
         *                                version)
         * @throws UncheckedIOException when the port cannot be bound
         */
        public LocalLambda start() {
            Map<String, DeployedFunction> deployed = new LinkedHashMap<>();
            functions.forEach((name, function) -> deployed.put(name, function.deploy()));
            Arns arns = new Arns(region, accountId);
            FunctionRegistry registry = new FunctionRegistry(deployed, arns);

            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("LocalLambda cannot listen on 127.0.0.1:" + port, e);
            }
            InvocationRunner runner = new InvocationRunner();
            // HTTP threads of their own: a synchronous call waits on one while its handler runs on the runner's threads
            ExecutorService httpThreads = Executors.newCachedThreadPool(new DaemonThreads("local-lambda-http"));
            server.createContext("/", new InvokeExchangeHandler(registry, runner, arns));
            server.createContext(StreamingInvokeHandler.CONTEXT, new StreamingInvokeHandler(registry, runner, arns));
            server.setExecutor(httpThreads);
            server.start();
            LocalLambda local = new LocalLambda(server, httpThreads, runner, registry, arns);
            LOG.info("LocalLambda serving {} on {}", deployed.keySet(), local.endpoint());
            return local;
        }
    }
}
