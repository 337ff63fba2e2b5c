package dev.lambdainvoke.camel.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.lambdainvoke.camel.LambdaFunctionErrorException;
import dev.lambdainvoke.camel.LambdaInvokeConfiguration;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.LambdaMappingException;
import dev.lambdainvoke.camel.LambdaThrottledException;
import dev.lambdainvoke.camel.internal.client.ErrorTranslator;
import dev.lambdainvoke.camel.internal.client.InvocationStoppedInFlightException;
import dev.lambdainvoke.camel.internal.client.StreamedAnswer;
import dev.lambdainvoke.camel.internal.mapping.DurableExecutionNames;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import dev.lambdainvoke.camel.internal.mapping.InvocationResolver;
import dev.lambdainvoke.camel.internal.mapping.JsonCodec;
import dev.lambdainvoke.camel.internal.mapping.JsonataPayloadMapper;
import dev.lambdainvoke.camel.internal.mapping.JsonataResultMapper;
import dev.lambdainvoke.camel.internal.mapping.MessageValue;
import dev.lambdainvoke.camel.internal.mapping.PassThroughPayloadMapper;
import dev.lambdainvoke.camel.internal.mapping.PayloadMapper;
import dev.lambdainvoke.camel.internal.mapping.TenantIds;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Turns an exchange into the invocation request, and the answer or failure back into the message. One per endpoint,
 * built when it starts (every option checked, the JSONata expression compiled); thread-safe.
 *
 * <ul>
 * <li>Out: {@link #target} (the function, from the endpoint or the override headers, checked against
 * {@code allowedFunctions}), then {@link #request} (the body mapped as it is or through JSONata, the size checked).</li>
 * <li>Back: {@link #toMessage} (body and result headers, or {@link LambdaFunctionErrorException}) or {@link #toFailure}
 * (the typed exception, and the redelivery delay a 429 asks for).</li>
 * </ul>
 */
public final class LambdaInvokeBinding {

    private final InvocationResolver targets;
    private final PayloadMapper payloads;
    /** {@code resultJsonata}, or null without it. */
    private final JsonataResultMapper results;
    private final boolean failOnFunctionError;
    private final boolean responseStreaming;
    private final Duration maxRetryAfter;
    /** The role the endpoint's credentials assume, for messages when assuming it fails; null without one. */
    private final String roleArn;
    /** The producer's logger, which also receives the log tail. */
    private final Logger log;
    /** tenantId, or null without one. */
    private final MessageValue tenantId;
    /** durableExecutionName, or null without one. */
    private final DurableExecutionNames durableNames;

    private LambdaInvokeBinding(InvocationResolver targets, PayloadMapper payloads, JsonataResultMapper results,
                                LambdaInvokeConfiguration config, Logger log, MessageValue tenantId,
                                DurableExecutionNames durableNames) {
        this.tenantId = tenantId;
        this.durableNames = durableNames;
        this.targets = targets;
        this.payloads = payloads;
        this.results = results;
        this.failOnFunctionError = config.isFailOnFunctionError();
        this.responseStreaming = config.isResponseStreaming();
        this.maxRetryAfter = Duration.ofMillis(config.getMaxRetryAfter());
        this.roleArn = config.getLambdaClient() == null ? config.getRoleArn() : null;
        this.log = log;
    }

    /** Checks the endpoint's options and compiles its expression; a wrong option fails naming it. */
    public static LambdaInvokeBinding of(String function, LambdaInvokeConfiguration config, CamelContext context,
                                         Logger log) throws Exception {
        if (config.getMaxRetryAfter() < 0) {
            throw new IllegalArgumentException("Option 'maxRetryAfter' must not be negative, was "
                                               + config.getMaxRetryAfter() + " ms");
        }
        InvocationResolver targets = InvocationResolver.of(function, config);
        if (config.isResponseStreaming() && targets.defaults().type() == InvocationType.EVENT) {
            throw new IllegalArgumentException("Option 'responseStreaming' cannot be used with invocationType=Event: a "
                                               + "streamed answer needs RequestResponse (or DryRun)");
        }
        String jsonata = config.getJsonata();
        PayloadMapper payloads = jsonata == null || jsonata.isBlank()
                ? new PassThroughPayloadMapper()
                : JsonataPayloadMapper.compile(expressionText("jsonata", jsonata, context));
        String resultJsonata = config.getResultJsonata();
        if (config.isResponseStreaming() && resultJsonata != null && !resultJsonata.isBlank()) {
            throw new IllegalArgumentException("Options 'resultJsonata' and 'responseStreaming' cannot be used together: "
                                               + "a streamed answer is spooled as it arrives, not mapped");
        }
        JsonataResultMapper results = resultJsonata == null || resultJsonata.isBlank()
                ? null
                : JsonataResultMapper.compile(expressionText("resultJsonata", resultJsonata, context));
        RedeliveryDelay.register(context);
        MessageValue durableName = MessageValue.of("durableExecutionName", config.getDurableExecutionName(), context);
        return new LambdaInvokeBinding(targets, payloads, results, config, log, tenantId(config, context),
                durableName == null ? null : new DurableExecutionNames(durableName));
    }

    /** The tenantId option, a constant checked now. */
    private static MessageValue tenantId(LambdaInvokeConfiguration config, CamelContext context) {
        MessageValue tenantId = MessageValue.of("tenantId", config.getTenantId(), context);
        if (tenantId != null && tenantId.isConstant()) {
            String problem = TenantIds.problem(tenantId.evaluate(null));
            if (problem != null) {
                throw new IllegalArgumentException("Option 'tenantId' " + problem);
            }
        }
        return tenantId;
    }

    /** Inline JSONata, or the text of the resource it names (resource:classpath:..., file:..., classpath:...). */
    private static String expressionText(String option, String value, CamelContext context) {
        String v = value.trim();
        if (v.startsWith("resource:")) {
            v = v.substring("resource:".length());
        } else if (!v.startsWith("classpath:") && !v.startsWith("file:")) {
            return value;
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, v)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalArgumentException("Option '" + option + "' names a resource that cannot be read: " + v, e);
        }
    }

    // ---- exchange -> request

    /**
     * Removes what an earlier call or attempt left on the message (result headers, a delay this component asked for):
     * first, so that an exchange that fails before it is sent carries none of it.
     */
    public static void clearResults(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeader(LambdaInvokeConstants.STATUS_CODE);
        message.removeHeader(LambdaInvokeConstants.EXECUTED_VERSION);
        message.removeHeader(LambdaInvokeConstants.REQUEST_ID);
        message.removeHeader(LambdaInvokeConstants.FUNCTION_ERROR);
        message.removeHeader(LambdaInvokeConstants.LOG_TAIL);
        message.removeHeader(LambdaInvokeConstants.DURABLE_EXECUTION_ARN);
        RedeliveryDelay.clearOwn(exchange);
        JsonataResultMapper.forget(exchange);
    }

    /** What this message invokes: the endpoint's target, or the one its override headers choose (when allowed). */
    public Invocation target(Exchange exchange) throws LambdaInvokeException {
        return targets.resolve(exchange);
    }

    /** The request for {@code invocation}: the body mapped to the payload, checked against Lambda's size limit. */
    public InvokeRequest request(Exchange exchange, Invocation invocation) throws LambdaInvokeException {
        String tenant = tenantFor(exchange, invocation);
        String durableName = durableNameFor(exchange, invocation);
        byte[] payload = payloads.toPayload(exchange, invocation.function());
        if (payload.length > invocation.payloadLimit()) {
            throw new LambdaInvokeException("Payload of " + payload.length + " bytes is over Lambda's limit of "
                                            + invocation.payloadLimit() + " bytes for " + invocation.type()
                                            + " invocations; nothing was sent",
                    exchange, null, invocation.function(), 0, LambdaInvokeException.PAYLOAD_TOO_LARGE, null, false);
        }
        if (results != null && invocation.type() == InvocationType.REQUEST_RESPONSE) {
            results.admitted(exchange, payload);
        }
        return invocation.toRequest(payload, tenant, durableName);
    }

    private String tenantFor(Exchange exchange, Invocation invocation) throws LambdaInvokeException {
        if (tenantId == null) {
            return null;
        }
        String tenant = tenantId.evaluate(exchange);
        String problem = TenantIds.problem(tenant);
        if (problem != null) {
            throw new LambdaInvokeException("The tenant id of this message (option 'tenantId') " + problem
                                            + "; nothing was sent to " + invocation.describe(),
                    exchange, null, invocation.function(), 0, LambdaInvokeException.INVALID_TENANT_ID, null, false);
        }
        return tenant;
    }

    private String durableNameFor(Exchange exchange, Invocation invocation) throws LambdaInvokeException {
        if (durableNames == null) {
            return null;
        }
        String name = durableNames.nameFor(exchange);
        if (name == null || name.isEmpty()) {
            throw new LambdaInvokeException("The durable execution name of this message (option "
                                            + "'durableExecutionName') is empty; nothing was sent to "
                                            + invocation.describe(),
                    exchange, null, invocation.function(), 0, LambdaInvokeException.INVALID_DURABLE_EXECUTION_NAME,
                    null, false);
        }
        return name;
    }

    /** True when the endpoint invokes with {@code InvokeWithResponseStream} ({@code responseStreaming}). */
    public boolean streaming() {
        return responseStreaming;
    }

    /**
     * The streamed request for {@code invocation}, from {@code request} (the plain one, its payload already checked): an
     * Event chosen by a header cannot be streamed, and fails the exchange before anything is sent.
     */
    public InvokeWithResponseStreamRequest streamRequest(InvokeRequest request, Invocation invocation, Exchange exchange)
            throws LambdaInvokeException {
        if (invocation.type() == InvocationType.EVENT) {
            throw new LambdaInvokeException("Invocation type Event cannot be used with option 'responseStreaming': a "
                                            + "streamed answer needs RequestResponse (or DryRun); nothing was sent",
                    exchange, null, invocation.function(), 0, LambdaInvokeException.INVALID_HEADER, null, false);
        }
        return StreamedAnswer.requestFor(request);
    }

    // ---- answer -> message

    /**
     * Puts a stream that has ended on the message: the streamed bytes as a {@link org.apache.camel.StreamCache} body
     * (RequestResponse), the result headers, and the final event's function error and log tail.
     *
     * @throws LambdaFunctionErrorException with failOnFunctionError, when the final event reports an error
     * @throws LambdaInvokeException        code StreamInterrupted, when the stream ended without its final event
     */
    public void toStreamedMessage(StreamedAnswer answer, SpooledStreamBody body, Invocation invocation,
                                  Exchange exchange) throws Exception {
        InvokeWithResponseStreamResponse response = answer.response();
        SdkHttpResponse http = response == null ? null : response.sdkHttpResponse();
        int status = response == null || response.statusCode() == null ? 0 : response.statusCode();
        String requestId = ErrorTranslator.requestId(http);
        InvokeWithResponseStreamCompleteEvent last = answer.completeEvent();
        boolean dryRun = invocation.type() == InvocationType.DRY_RUN;
        if (!dryRun && (last == null || answer.sinkFailure() != null)) {
            body.discard();
            String how = answer.sinkFailure() != null
                    ? "its bytes could not be kept: " + answer.sinkFailure().getMessage()
                    : "it ended after " + body.length() + " bytes without its final InvokeComplete event";
            throw new LambdaInvokeException("Invoking " + invocation.describe() + " failed: the response stream broke off ("
                                            + how + "); the function ran, so it is not retried",
                    exchange, answer.sinkFailure(), invocation.function(), status,
                    LambdaInvokeException.STREAM_INTERRUPTED, requestId, false);
        }
        Message message = exchange.getMessage();
        if (status != 0) {
            message.setHeader(LambdaInvokeConstants.STATUS_CODE, status);
        }
        setIfPresent(message, LambdaInvokeConstants.REQUEST_ID, requestId);
        setIfPresent(message, LambdaInvokeConstants.EXECUTED_VERSION, response == null ? null : response.executedVersion());
        if (dryRun || last == null) {
            body.discard();
            return; // the body stays what the route had
        }
        if (invocation.logType() == LogType.TAIL) {
            setIfPresent(message, LambdaInvokeConstants.LOG_TAIL, logTail(last.logResult(), invocation));
        }
        String functionError = last.errorCode() == null || last.errorCode().isEmpty() ? null : last.errorCode();
        if (functionError == null) {
            message.setBody(body.toStreamCache());
            return;
        }
        message.setHeader(LambdaInvokeConstants.FUNCTION_ERROR, functionError);
        if (!failOnFunctionError) {
            message.setBody(body.toStreamCache());
            return;
        }
        // the error's details, else what the function streamed before failing (when small enough to be in memory)
        String details = last.errorDetails() != null && !last.errorDetails().isEmpty()
                ? last.errorDetails() : body.textInMemory();
        body.discard(); // the body is left as it was, so that a redelivery sends the same request again
        FunctionError error = FunctionError.parse(details);
        throw new LambdaFunctionErrorException("Function " + invocation.describe() + " failed (" + functionError + "): "
                                               + (error.type() == null ? "" : error.type() + ": ")
                                               + (error.message() == null ? "no error message" : error.message()),
                exchange, invocation.function(), status, requestId, functionError,
                error.type(), error.message(), error.stackTrace(), details);
    }

    /**
     * A streamed call's failure: after a 2xx answer began, the stream broke off (code StreamInterrupted, the function
     * ran); before it, as {@link #toFailure}.
     */
    public LambdaInvokeException toStreamFailure(Throwable failure, Invocation invocation, Exchange exchange,
                                                 SdkHttpResponse answer, SpooledStreamBody body) {
        body.discard();
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (answer != null && answer.isSuccessful() && !(cause instanceof InvocationStoppedInFlightException)) {
            LambdaInvokeException error = new LambdaInvokeException("Invoking " + invocation.describe()
                                                                    + " failed: the response stream broke off after "
                                                                    + body.length() + " bytes (" + cause.getClass().getSimpleName()
                                                                    + "); the function ran, so it is not retried",
                    exchange, cause, invocation.function(), answer.statusCode(), LambdaInvokeException.STREAM_INTERRUPTED,
                    ErrorTranslator.requestId(answer), false);
            exchange.setException(error);
            return error;
        }
        return toFailure(failure, invocation, exchange, answer);
    }


    /**
     * Puts Lambda's answer on the message: the payload as body (RequestResponse only; through resultJsonata when set)
     * and the result headers.
     *
     * @throws LambdaFunctionErrorException with failOnFunctionError, when the function reported an error
     * @throws LambdaInvokeException        code ResponseIncomplete, when the body broke off
     * @throws LambdaMappingException      when resultJsonata fails; the raw result is left as the body
     */
    public void toMessage(InvokeResponse response, Invocation invocation, Exchange exchange)
            throws LambdaInvokeException {
        JsonataResultMapper.CallInputs admitted = JsonataResultMapper.take(exchange); // first: dropped whatever follows
        if (invocation.type() == InvocationType.REQUEST_RESPONSE) {
            checkComplete(response, invocation, exchange);
        }
        Message message = exchange.getMessage();
        Integer status = response.statusCode();
        if (status != null) {
            message.setHeader(LambdaInvokeConstants.STATUS_CODE, status);
        }
        String requestId = ErrorTranslator.requestId(response.sdkHttpResponse());
        setIfPresent(message, LambdaInvokeConstants.REQUEST_ID, requestId);
        setIfPresent(message, LambdaInvokeConstants.EXECUTED_VERSION, response.executedVersion());
        setIfPresent(message, LambdaInvokeConstants.DURABLE_EXECUTION_ARN, response.durableExecutionArn());
        if (invocation.logType() == LogType.TAIL) {
            // only when asked for: the tail may hold sensitive data, and an endpoint could send it unasked
            setIfPresent(message, LambdaInvokeConstants.LOG_TAIL, logTail(response.logResult(), invocation));
        }
        if (invocation.type() != InvocationType.REQUEST_RESPONSE) {
            return; // Event and DryRun: the body stays what the route had
        }
        String payload = text(response.payload());
        String functionError = response.functionError();
        if (functionError == null) {
            message.setBody(payload); // also what a failed result mapping leaves
            if (results != null) {
                byte[] result = response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
                message.setBody(results.map(result, admitted, exchange, invocation.function()));
            }
            return;
        }
        message.setHeader(LambdaInvokeConstants.FUNCTION_ERROR, functionError);
        if (!failOnFunctionError) {
            message.setBody(payload);
            return;
        }
        // the body is left as it was, so that a redelivery sends the same request again
        FunctionError error = FunctionError.parse(payload);
        throw new LambdaFunctionErrorException("Function " + invocation.describe() + " failed (" + functionError + "): "
                                               + (error.type() == null ? "" : error.type() + ": ")
                                               + (error.message() == null ? "no error message" : error.message()),
                exchange, invocation.function(), status == null ? 0 : status, requestId, functionError,
                error.type(), error.message(), error.stackTrace(), payload);
    }

    /**
     * The failure as the component's typed exception, set on the exchange; a throttled call also asks Camel to wait its
     * {@code Retry-After} (capped by {@code maxRetryAfter}) before redelivering it.
     *
     * @param answer the status and headers of Lambda's answer when they had arrived before the failure, else null
     */
    public LambdaInvokeException toFailure(Throwable failure, Invocation invocation, Exchange exchange,
                                           SdkHttpResponse answer) {
        JsonataResultMapper.forget(exchange);
        LambdaInvokeException error = ErrorTranslator.translate(failure, invocation, exchange, answer, roleArn,
                durableNames != null);
        if (error instanceof LambdaThrottledException throttled) {
            RedeliveryDelay.set(exchange, throttled, maxRetryAfter);
        }
        exchange.setException(error);
        return error;
    }

    /**
     * Lambda answers a RequestResponse with a body even when the function returns nothing ({@code null}), and with its
     * Content-Length: a body shorter than that, or an empty one without {@code Content-Length: 0}, broke off, though the
     * HTTP client handed it over as complete (the SDK's Netty client does so with a malformed chunk).
     */
    private static void checkComplete(InvokeResponse response, Invocation invocation, Exchange exchange)
            throws LambdaInvokeException {
        SdkHttpResponse http = response.sdkHttpResponse();
        int received = response.payload() == null ? 0 : response.payload().asByteArrayUnsafe().length;
        Long declared = http.firstMatchingHeader("Content-Length").map(LambdaInvokeBinding::length).orElse(null);
        if (declared != null && declared != received) {
            throw ErrorTranslator.incomplete(invocation, exchange, http,
                    received + " of the " + declared + " bytes its Content-Length announced", null);
        }
        if (declared == null && received == 0) {
            throw ErrorTranslator.incomplete(invocation, exchange, http, "an empty body without Content-Length: 0", null);
        }
    }

    private static Long length(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException unreadable) {
            return null; // judged like an answer without the header
        }
    }

    /**
     * The payload as UTF-8 text, bytes that are not UTF-8 becoming U+FFFD: SdkBytes.asUtf8String() would throw instead, and
     * a function's odd output must not fail an invocation that ran.
     */
    private static String text(SdkBytes payload) {
        return payload == null ? "" : new String(payload.asByteArrayUnsafe(), StandardCharsets.UTF_8);
    }

    private String logTail(String base64, Invocation invocation) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        String tail;
        try {
            tail = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            log.warn("Function {} returned a log result that is not base64; LambdaLogTail not set", invocation.describe());
            return null;
        }
        log.info("Log tail of {}:\n{}", invocation.describe(), tail);
        return tail;
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    /**
     * The error a function returned, read from the payload shapes the runtimes use: {@code errorType}, {@code errorMessage}
     * and {@code stackTrace} (Java, Python) or {@code trace} (Node.js). A payload of another shape leaves the fields null.
     */
    record FunctionError(String type, String message, List<String> stackTrace) {

        static FunctionError parse(String payload) {
            Object json;
            try {
                json = JsonCodec.read(payload.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                return new FunctionError(null, null, List.of());
            }
            if (!(json instanceof Map<?, ?> map)) {
                return new FunctionError(null, null, List.of());
            }
            Object trace = map.containsKey("stackTrace") ? map.get("stackTrace") : map.get("trace");
            return new FunctionError(text(map.get("errorType")), text(map.get("errorMessage")), lines(trace));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

        private static List<String> lines(Object trace) {
            if (!(trace instanceof List<?> list)) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            for (Object line : list) {
                lines.add(String.valueOf(line));
            }
            return lines;
        }
    }
}
