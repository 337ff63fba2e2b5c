package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code lambda-invoke:} URI for the Java DSL, built option by option, with each value written so that it arrives as
 * given: a value with characters a URI would change ({@code & + = %} spaces, quotes, brackets -- JSONata is full of them)
 * is wrapped in {@code RAW(...)}, or {@code RAW{...}} when it contains {@code )&}. A value with both {@code )&} and a
 * closing brace is refused: no URI form carries it intact.
 *
 * <pre>{@code
 * from("direct:orders")
 *     .to(LambdaInvokeUri.function("order-pricer").qualifier("prod")
 *             .jsonata("{\"order\": id, \"label\": sku & \"-\" & $string(qty)}").logType("Tail").build());
 * }</pre>
 *
 * The JSON texts ({@code jsonata}, {@code clientContext}) arrive literally: their <code>{{</code> and <code>}}</code>
 * are escaped (<code>\{{</code>) where Camel would take them for a property placeholder. Other values may hold
 * placeholders, resolved as usual (<code>qualifier("{{orders.alias}}")</code>).
 * <p>
 * Immutable: each method returns a new builder, so a common base can be shared. Options without a method here are set
 * with {@link #option(String, Object)}, checked against the component's option names.
 */
public final class LambdaInvokeUri {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~:/,@*-]+");
    /** What would end or split the path of a URI; anything else may be a name, an ARN, $LATEST or a {{placeholder}}. */
    private static final Pattern NOT_IN_PATH = Pattern.compile("[?&#\\s]");
    private static final Set<String> OPTIONS = new LambdaInvokeEndpointUriFactory().propertyNames();

    private final String function;
    private final Map<String, String> options;

    private LambdaInvokeUri(String function, Map<String, String> options) {
        this.function = function;
        this.options = options;
    }

    /** The function: name, name:alias, name:version, a full ARN, a partial ARN, or a {@code {{property placeholder}}}. */
    public static LambdaInvokeUri function(String function) {
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("A lambda-invoke URI needs a function");
        }
        if (NOT_IN_PATH.matcher(function).find()) {
            throw new IllegalArgumentException("Not a function name or ARN: '" + function + "'");
        }
        return new LambdaInvokeUri(function, Map.of());
    }

    public LambdaInvokeUri region(String region) {
        return option("region", region);
    }

    public LambdaInvokeUri endpointOverride(String endpointOverride) {
        return option("endpointOverride", endpointOverride);
    }

    /** {@code RequestResponse}, {@code Event} or {@code DryRun}. */
    public LambdaInvokeUri invocationType(String invocationType) {
        return option("invocationType", invocationType);
    }

    public LambdaInvokeUri qualifier(String qualifier) {
        return option("qualifier", qualifier);
    }

    /** A constant, or a simple expression evaluated per message such as <code>${header.tenant}</code>. */
    public LambdaInvokeUri tenantId(String tenantId) {
        return option("tenantId", tenantId);
    }

    /** A constant, or a simple expression evaluated once per exchange such as <code>${header.orderId}</code>. */
    public LambdaInvokeUri durableExecutionName(String durableExecutionName) {
        return option("durableExecutionName", durableExecutionName);
    }

    /** {@code None} or {@code Tail}. */
    public LambdaInvokeUri logType(String logType) {
        return option("logType", logType);
    }

    public LambdaInvokeUri clientContext(String clientContextJson) {
        return option("clientContext", clientContextJson);
    }

    /** Inline JSONata, or {@code resource:classpath:...} / {@code file:...}. */
    public LambdaInvokeUri jsonata(String expression) {
        return option("jsonata", expression);
    }

    /** JSONata over the result ({@code $original}, {@code $request}, {@code $headers}): inline or a resource. */
    public LambdaInvokeUri resultJsonata(String expression) {
        return option("resultJsonata", expression);
    }

    public LambdaInvokeUri failOnFunctionError(boolean fail) {
        return option("failOnFunctionError", fail);
    }

    /** {@code InvokeWithResponseStream}: the body becomes a StreamCache spooled past Camel's threshold. */
    public LambdaInvokeUri responseStreaming(boolean streaming) {
        return option("responseStreaming", streaming);
    }

    public LambdaInvokeUri timeout(Duration timeout) {
        return option("timeout", timeout.toMillis());
    }

    public LambdaInvokeUri connectTimeout(Duration connectTimeout) {
        return option("connectTimeout", connectTimeout.toMillis());
    }

    public LambdaInvokeUri maxRetryAfter(Duration maxRetryAfter) {
        return option("maxRetryAfter", maxRetryAfter.toMillis());
    }

    public LambdaInvokeUri maxConcurrency(int maxConcurrency) {
        return option("maxConcurrency", maxConcurrency);
    }

    public LambdaInvokeUri allowHeaderOverrides(boolean allow) {
        return option("allowHeaderOverrides", allow);
    }

    /** A regular expression, written as is. */
    public LambdaInvokeUri allowedFunctions(String regex) {
        return option("allowedFunctions", regex);
    }

    /**
     * Any endpoint option by its name (as in the Options table). Prefer setting credentials on the component rather than
     * in a URI, which Camel keeps as the endpoint's key.
     */
    public LambdaInvokeUri option(String name, Object value) {
        if (name == null || "function".equals(name) || !OPTIONS.contains(name)) {
            throw new IllegalArgumentException("lambda-invoke has no option '" + name + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("Option '" + name + "' needs a value");
        }
        String text = String.valueOf(value);
        written(name, text); // refuses now a value no RAW form carries
        Map<String, String> next = new LinkedHashMap<>(options);
        next.remove(name); // set again: the last value counts, in the position it was last given
        next.put(name, text);
        return new LambdaInvokeUri(function, Collections.unmodifiableMap(next));
    }

    /**
     * The URI, e.g. {@code lambda-invoke:order-pricer?qualifier=prod&logType=Tail}. Fails, naming the option, for JSON
     * text that Camel's placeholder escape cannot carry (see {@link PlaceholderEscape}).
     */
    public String build() {
        // Camel resolves placeholders in the query when it holds "{{" (the function's own are resolved apart from it,
        // unless an optional one, "{{?", makes Camel resolve the URI whole): only then do JSON braces need escaping
        boolean resolved = function.contains("{{?") || options.values().stream().anyMatch(v -> v.contains("{{"));
        StringBuilder uri = new StringBuilder("lambda-invoke:").append(function);
        char separator = '?';
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            if (resolved && PlaceholderEscape.LITERAL_OPTIONS.contains(option.getKey())) {
                value = PlaceholderEscape.escape(option.getKey(), value);
            }
            uri.append(separator).append(option.getKey()).append('=').append(written(option.getKey(), value));
            separator = '&';
        }
        return uri.toString();
    }

    /** The value as Camel will read it back: plain when nothing in it is special, else in a RAW form that fits. */
    private static String written(String name, String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        // Camel ends RAW(...) at a ")" followed by "&" or the end; RAW{...} at a "}" followed by "&", and while it
        // normalises the URI, at the first "}" (checked: a value with both ")&" and "}" comes out cut short)
        if (!value.contains(")&")) {
            return "RAW(" + value + ")";
        }
        if (!value.contains("}")) {
            return "RAW{" + value + "}";
        }
        throw new IllegalArgumentException("The value of option '" + name + "' contains \")&\" and \"}\", which no URI "
                                           + "form carries intact; write \") &\" with a space, put a JSONata expression in "
                                           + "a resource: file, or set the option on the endpoint or component");
    }

    /** The options given, without their values (which may be secret). */
    @Override
    public String toString() {
        return "LambdaInvokeUri[function=" + function + ", options=" + options.keySet() + "]";
    }
}
