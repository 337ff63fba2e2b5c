package dev.lambdainvoke.camel.internal.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaInvokeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Decides what each message invokes: the endpoint's checked settings, or, with {@code allowHeaderOverrides}, the
 * override headers, each checked as strictly as the URI options; a function or qualifier chosen by a header must also
 * be one that {@code allowedFunctions} allows (see {@link AllowedFunctions}).
 */
public final class InvocationResolver {

    // Lambda's own rule for FunctionName: name, name:qualifier, partial or full ARN
    private static final Pattern FUNCTION = Pattern.compile(
            "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                                                            + "([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final int FUNCTION_MAX_LENGTH = 170;
    private static final Pattern QUALIFIER = Pattern.compile("\\$LATEST|[a-zA-Z0-9-_]{1,128}");
    /** Lambda's limit on the base64 client context. */
    public static final int CLIENT_CONTEXT_MAX_BYTES = 3583;

    private final Invocation defaults;
    private final boolean allowOverrides;
    private final AllowedFunctions allowedFunctions;

    private InvocationResolver(Invocation defaults, boolean allowOverrides, AllowedFunctions allowedFunctions) {
        this.defaults = defaults;
        this.allowOverrides = allowOverrides;
        this.allowedFunctions = allowedFunctions;
    }

    /** Checks the endpoint's settings; a wrong one fails naming the option. */
    public static InvocationResolver of(String function, LambdaInvokeConfiguration config) {
        Invocation defaults = new Invocation(
                checkFunction(function, "function"),
                checkQualifier(config.getQualifier(), "qualifier"),
                invocationType(config.getInvocationType(), "invocationType"),
                logType(config.getLogType(), "logType"),
                clientContext(config.getClientContext(), "clientContext"));
        return new InvocationResolver(defaults, config.isAllowHeaderOverrides(),
                AllowedFunctions.of(config.getAllowedFunctions()));
    }

    public Invocation defaults() {
        return defaults;
    }

    public Invocation resolve(Exchange exchange) throws LambdaInvokeException {
        if (!allowOverrides) {
            return defaults;
        }
        Message message = exchange.getMessage();
        String function = message.getHeader(LambdaInvokeConstants.FUNCTION, String.class);
        String qualifier = message.getHeader(LambdaInvokeConstants.QUALIFIER, String.class);
        String type = message.getHeader(LambdaInvokeConstants.INVOCATION_TYPE, String.class);
        String logType = message.getHeader(LambdaInvokeConstants.LOG_TYPE, String.class);
        String context = message.getHeader(LambdaInvokeConstants.CLIENT_CONTEXT, String.class);
        if (function == null && qualifier == null && type == null && logType == null && context == null) {
            return defaults;
        }
        try {
            Invocation invocation = new Invocation(
                    function == null ? defaults.function() : checkFunction(function, header(LambdaInvokeConstants.FUNCTION)),
                    qualifier == null ? defaults.qualifier() : checkQualifier(qualifier, header(LambdaInvokeConstants.QUALIFIER)),
                    type == null ? defaults.type() : invocationType(type, header(LambdaInvokeConstants.INVOCATION_TYPE)),
                    logType == null ? defaults.logType() : logType(logType, header(LambdaInvokeConstants.LOG_TYPE)),
                    context == null ? defaults.clientContextBase64()
                            : clientContext(context, header(LambdaInvokeConstants.CLIENT_CONTEXT)));
            checkAllowed(invocation, function != null, qualifier != null);
            return invocation;
        } catch (IllegalArgumentException e) {
            throw new LambdaInvokeException(e.getMessage(), exchange, null, function == null ? defaults.function() : function,
                    0, LambdaInvokeException.INVALID_HEADER, null, false);
        }
    }

    /**
     * Refuses a target chosen by headers that {@code allowedFunctions} does not admit: the function a header names, and
     * every qualifier a header chose (the {@code LambdaQualifier} header, or one inside the {@code LambdaFunction}
     * header's value), checked as {@code function:qualifier}. The endpoint's own function and qualifier are not checked.
     */
    private void checkAllowed(Invocation invocation, boolean functionFromHeader, boolean qualifierFromHeader) {
        if (!allowedFunctions.restricts() || !functionFromHeader && !qualifierFromHeader) {
            return;
        }
        String[] split = AllowedFunctions.split(invocation.function());
        String function = split[0];
        String inFunction = split[1];
        if (functionFromHeader && inFunction != null && !allowedFunctions.admits(function, inFunction, true)) {
            throw notAllowed(LambdaInvokeConstants.FUNCTION, "names function '" + invocation.function() + "'",
                    function + ":" + inFunction);
        }
        if (qualifierFromHeader && !allowedFunctions.admits(function, invocation.qualifier(), true)) {
            throw notAllowed(LambdaInvokeConstants.QUALIFIER, "chooses qualifier '" + invocation.qualifier()
                                                              + "' of function '" + function + "'",
                    function + ":" + invocation.qualifier());
        }
        if (functionFromHeader && inFunction == null && !qualifierFromHeader
            && !allowedFunctions.admits(function, invocation.qualifier(), false)) {
            throw new IllegalArgumentException(header(LambdaInvokeConstants.FUNCTION) + " names function '"
                                               + invocation.function() + "', which option 'allowedFunctions' does not "
                                               + "allow; nothing was sent");
        }
    }

    private static IllegalArgumentException notAllowed(String header, String what, String target) {
        return new IllegalArgumentException(header(header) + " " + what + ", which option 'allowedFunctions' does not "
                                            + "allow: a qualifier chosen by a header needs an entry with ':' matching '"
                                            + target + "'; nothing was sent");
    }

    private static String header(String name) {
        return "Header '" + name + "'";
    }

    private static String option(String name) {
        return "Option '" + name + "'";
    }

    static String checkFunction(String value, String what) {
        String label = label(what);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(label + " must name a function (name, name:alias or ARN)");
        }
        if (value.length() > FUNCTION_MAX_LENGTH || !FUNCTION.matcher(value).matches()) {
            throw new IllegalArgumentException(label + " is not a valid Lambda function name or ARN: '" + value + "'");
        }
        return value;
    }

    static String checkQualifier(String value, String what) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!QUALIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(label(what) + " is not a valid version or alias: '" + value + "'");
        }
        return value;
    }

    static InvocationType invocationType(String value, String what) {
        InvocationType type = value == null ? InvocationType.REQUEST_RESPONSE : InvocationType.fromValue(value);
        if (type == null || type == InvocationType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(label(what) + " must be RequestResponse, Event or DryRun, was '" + value
                                               + "'");
        }
        return type;
    }

    static LogType logType(String value, String what) {
        LogType type = value == null ? LogType.NONE : LogType.fromValue(value);
        if (type == null || type == LogType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException(label(what) + " must be None or Tail, was '" + value + "'");
        }
        return type;
    }

    static String clientContext(String json, String what) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            JsonCodec.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException(label(what) + " must be JSON text");
        }
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() > CLIENT_CONTEXT_MAX_BYTES) {
            throw new IllegalArgumentException(label(what) + " is " + encoded.length()
                                               + " bytes once base64-encoded; Lambda accepts at most "
                                               + CLIENT_CONTEXT_MAX_BYTES);
        }
        return encoded;
    }

    private static String label(String what) {
        return what.startsWith("Header") ? what : option(what);
    }
}
