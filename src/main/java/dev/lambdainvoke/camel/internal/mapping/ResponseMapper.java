package dev.lambdainvoke.camel.internal.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.lambdainvoke.camel.LambdaFunctionErrorException;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaInvokeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/** Puts Lambda's answer on the message: payload as body (RequestResponse only) and the result headers. */
public final class ResponseMapper {

    private final boolean failOnFunctionError;
    private final Logger log;

    /** @param log the producer's logger, which also receives the log tail */
    public ResponseMapper(boolean failOnFunctionError, Logger log) {
        this.failOnFunctionError = failOnFunctionError;
        this.log = log;
    }

    /**
     * @throws LambdaFunctionErrorException with failOnFunctionError, when the function reported an error
     * @throws LambdaInvokeException        code ResponseIncomplete, when the body broke off
     */
    public void apply(InvokeResponse response, Invocation invocation, Exchange exchange)
            throws LambdaInvokeException {
        if (invocation.type() == InvocationType.REQUEST_RESPONSE) {
            checkComplete(response, invocation, exchange);
        }
        Message message = exchange.getMessage();
        Integer status = response.statusCode();
        if (status != null) {
            message.setHeader(LambdaInvokeConstants.STATUS_CODE, status);
        }
        String requestId = RequestIds.of(response.sdkHttpResponse());
        setIfPresent(message, LambdaInvokeConstants.REQUEST_ID, requestId);
        setIfPresent(message, LambdaInvokeConstants.EXECUTED_VERSION, response.executedVersion());
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
            message.setBody(payload);
            return;
        }
        message.setHeader(LambdaInvokeConstants.FUNCTION_ERROR, functionError);
        if (!failOnFunctionError) {
            message.setBody(payload);
            return;
        }
        // the body is left as it was, so that a redelivery sends the same request again
        FunctionErrorPayload error = FunctionErrorPayload.parse(payload);
        throw new LambdaFunctionErrorException("Function " + invocation.describe() + " failed (" + functionError + "): "
                                               + (error.errorType() == null ? "" : error.errorType() + ": ")
                                               + (error.errorMessage() == null ? "no error message" : error.errorMessage()),
                exchange, invocation.function(), status == null ? 0 : status, requestId, functionError,
                error.errorType(), error.errorMessage(), error.stackTrace(), payload);
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
        Long declared = http.firstMatchingHeader("Content-Length").map(ResponseMapper::length).orElse(null);
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
}
