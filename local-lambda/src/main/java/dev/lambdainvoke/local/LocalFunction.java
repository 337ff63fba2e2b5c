package dev.lambdainvoke.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * A function for {@link LocalLambda}: its handler ({@code $LATEST}), published versions, aliases, timeout and reserved
 * concurrency.
 *
 * <pre>{@code
 * LocalFunction pricer = LocalFunction.named("pricer")
 *         .handler(new OrderPricer())            // $LATEST
 *         .version("1", new OrderPricerV1())     // published version 1
 *         .alias("prod", "1")                    // invoking pricer:prod runs version 1
 *         .timeout(Duration.ofSeconds(3))
 *         .reservedConcurrency(2);
 * }</pre>
 *
 * A handler is a {@link RequestHandler}, a {@link RequestStreamHandler} or a {@link Function}; anything else is refused
 * here, with a message saying why. The input type of a {@code RequestHandler} or {@code Function} is read from its class's
 * generic interfaces; a lambda has none left after erasure, so give it with {@link #handler(Class, Function)} (or it gets
 * the payload as Maps, Lists, Strings and numbers).
 */
public final class LocalFunction {

    /** {@code $LATEST}: what an unqualified invocation runs. */
    public static final String LATEST = "$LATEST";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,20}");
    // Lambda's alias rule: letters, digits, - and _, but not digits only (that would be a version)
    private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    private final String name;
    private final Map<String, HandlerAdapter> versions = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private Integer reservedConcurrency;

    private LocalFunction(String name) {
        this.name = name;
    }

    /** A function called {@code name}: 1 to 64 letters, digits, hyphens or underscores, as Lambda allows. */
    public static LocalFunction named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Function name '" + name + "' is not one Lambda accepts: use 1 to 64 "
                                               + "letters, digits, hyphens or underscores");
        }
        return new LocalFunction(name);
    }

    /** The handler of {@code $LATEST}: a RequestHandler, RequestStreamHandler or Function. */
    public LocalFunction handler(Object handler) {
        return putVersion(LATEST, Handlers.adapt(handler, describe(LATEST)));
    }

    /** The handler of {@code $LATEST}, a function of an explicit input type (for lambdas, whose types are erased). */
    public <I> LocalFunction handler(Class<I> inputType, Function<? super I, ?> handler) {
        return putVersion(LATEST, Handlers.adapt(inputType, handler, describe(LATEST)));
    }

    /**
     * Tenant isolation: every invocation must name a tenant ({@code X-Amz-Tenant-Id}), and each tenant gets a handler of
     * its own from {@code handlerPerTenant} (a RequestHandler, RequestStreamHandler or Function), made on its first
     * call, as Lambda gives each tenant its own execution environments; state a handler keeps is its tenant's alone. The
     * handler of {@code $LATEST}.
     */
    public LocalFunction tenantIsolation(Supplier<?> handlerPerTenant) {
        Objects.requireNonNull(handlerPerTenant, "handlerPerTenant");
        return putVersion(LATEST, new TenantHandlers(handlerPerTenant, describe(LATEST)));
    }

    /** A published version: {@code version} is a number, as Lambda numbers versions. */
    public LocalFunction version(String version, Object handler) {
        return putVersion(checkVersion(version), Handlers.adapt(handler, describe(version)));
    }

    /** A published version whose handler is a function of an explicit input type. */
    public <I> LocalFunction version(String version, Class<I> inputType, Function<? super I, ?> handler) {
        return putVersion(checkVersion(version), Handlers.adapt(inputType, handler, describe(version)));
    }

    /** An alias for a version ({@code $LATEST} or a published one, which may be added after this call). */
    public LocalFunction alias(String alias, String version) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Alias '" + alias + "' of function '" + name + "' is not one Lambda "
                                               + "accepts: use 1 to 128 letters, digits, hyphens or underscores, not "
                                               + "digits only");
        }
        Objects.requireNonNull(version, "version");
        if (aliases.containsKey(alias)) {
            throw new IllegalArgumentException("Alias '" + alias + "' of function '" + name + "' is defined twice");
        }
        aliases.put(alias, version);
        return this;
    }

    /** How long an invocation may run before Lambda stops it; 3 seconds by default, as in Lambda, at most 900. */
    public LocalFunction timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Timeout of function '" + name + "' must be more than 0 and at most 900 "
                                               + "seconds, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * At most {@code limit} invocations of this function run at once; a synchronous one beyond that is throttled (HTTP
     * 429), an Event one waits. 0 throttles every synchronous invocation. Unlimited when not set.
     */
    public LocalFunction reservedConcurrency(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Reserved concurrency of function '" + name + "' must be 0 or more, was "
                                               + limit);
        }
        this.reservedConcurrency = limit;
        return this;
    }

    public String name() {
        return name;
    }

    /** A snapshot for a started host; checks what only the whole definition can tell. */
    DeployedFunction deploy() {
        if (!versions.containsKey(LATEST)) {
            throw new IllegalStateException("Function '" + name + "' has no handler: call handler(...)");
        }
        aliases.forEach((alias, version) -> {
            if (!versions.containsKey(version)) {
                throw new IllegalStateException("Alias '" + alias + "' of function '" + name + "' points to version '"
                                                + version + "', which is not defined");
            }
        });
        ConcurrencyLimit limit = reservedConcurrency == null
                ? ConcurrencyLimit.unlimited() : ConcurrencyLimit.of(reservedConcurrency);
        return new DeployedFunction(name, Map.copyOf(versions), Map.copyOf(aliases), timeout, limit);
    }

    private LocalFunction putVersion(String version, HandlerAdapter adapter) {
        if (versions.containsKey(version)) {
            throw new IllegalArgumentException(describe(version) + " has a handler already");
        }
        versions.put(version, adapter);
        return this;
    }

    private String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Version '" + version + "' of function '" + name + "' must be a number, "
                                               + "as Lambda numbers published versions ($LATEST is handler(...))");
        }
        return version;
    }

    private String describe(String version) {
        return LATEST.equals(version) ? "function '" + name + "'" : "function '" + name + "' version " + version;
    }
}
