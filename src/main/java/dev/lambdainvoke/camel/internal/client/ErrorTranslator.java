package dev.lambdainvoke.camel.internal.client;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.LambdaThrottledException;
import dev.lambdainvoke.camel.internal.mapping.Invocation;
import org.apache.camel.Exchange;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.DurableExecutionAlreadyStartedException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns what the SDK raised into the component's exceptions, classifying each as retryable or not: retryable only when
 * another attempt may succeed without the risk of a surprise second run of the function.
 */
public final class ErrorTranslator {

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(500, 502, 503, 504);
    private static final Set<String> RETRYABLE_CODES = Set.of("ResourceNotReadyException", "ResourceConflictException");
    private static final String PAYLOAD_TOO_LARGE_WIRE_NAME = "RequestEntityTooLargeException";

    private ErrorTranslator() {
    }

    public static LambdaInvokeException translate(Throwable failure, Invocation invocation, Exchange exchange) {
        return translate(failure, invocation, exchange, null, null);
    }

    /**
     * As {@link #translate(Throwable, Invocation, Exchange)}, knowing whether Lambda's answer had begun and which role the
     * credentials assume.
     *
     * @param answer  the status and headers of Lambda's answer when they had arrived before the failure, else null
     * @param roleArn the role the endpoint's credentials assume through STS, or null
     */
    public static LambdaInvokeException translate(Throwable failure, Invocation invocation, Exchange exchange,
                                                  SdkHttpResponse answer, String roleArn) {
        return translate(failure, invocation, exchange, answer, roleArn, false);
    }

    /**
     * As {@link #translate(Throwable, Invocation, Exchange, SdkHttpResponse, String)}; {@code durableName}: the request
     * carried a durable execution name, on which Lambda deduplicates, so a timeout after sending may be retried.
     */
    public static LambdaInvokeException translate(Throwable failure, Invocation invocation, Exchange exchange,
                                                  SdkHttpResponse answer, String roleArn, boolean durableName) {
        Throwable error = unwrap(failure);
        StsException sts = stsFailure(error);
        if (sts != null) {
            return roleAssumptionFailed(sts, roleArn, invocation, exchange);
        }
        String function = invocation.function();
        if (error instanceof LambdaInvokeException) {
            return (LambdaInvokeException) error;
        }
        if (error instanceof InvocationNotSentException) {
            return notSent(error, function, invocation.describe(), exchange);
        }
        if (error instanceof InvocationStoppedInFlightException) {
            Throwable sdkFailure = error.getCause();
            return new LambdaInvokeException("The endpoint stopped while the invocation of " + invocation.describe()
                                             + " was in flight; the function may have run, so it is not retried ("
                                             + rootMessage(sdkFailure == null ? error : sdkFailure) + ")",
                    exchange, sdkFailure, function, 0, LambdaInvokeException.STOPPED_IN_FLIGHT, null, false);
        }
        if (error instanceof AwsServiceException) {
            return serviceError((AwsServiceException) error, invocation, exchange);
        }
        if (isConnectionAcquireTimeout(error)) {
            return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: no connection became free "
                                             + "within the HTTP client's acquire timeout; nothing was sent. With your own "
                                             + "lambdaClient, keep maxConcurrency at or below its connection pool size; "
                                             + "with httpClient=crt, a call that timed out keeps its connection until "
                                             + "Lambda answers",
                    exchange, error, function, 0, LambdaInvokeException.CONNECTION_FAILURE, null, true);
        }
        if (isCertificateFailure(error)) {
            // retrying cannot fix a certificate: not a connection failure, not retryable
            return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: the TLS certificate check "
                                             + "failed (certificate not trusted, expired or not for this host; TLS "
                                             + "verification is always on): " + rootMessage(error),
                    exchange, error, function, 0, LambdaInvokeException.CLIENT_ERROR, null, false);
        }
        if (CrtFailures.isTlsFailure(error)) {
            // CRT says only that the handshake failed; a certificate is by far the likeliest cause, and no retry fixes it
            return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: the TLS handshake failed, "
                                             + "nothing was sent (most likely a certificate the operating system's trust "
                                             + "store does not trust, which httpClient=crt uses instead of the JVM's; or "
                                             + "one expired or not for this host, or no TLS version in common; TLS "
                                             + "verification is always on): " + rootMessage(error),
                    exchange, error, function, 0, LambdaInvokeException.CLIENT_ERROR, null, false);
        }
        if (isTimeout(error) && durableName) {
            return new LambdaInvokeException("Invoking " + invocation.describe() + " timed out after the request was "
                                             + "sent; retryable, since Lambda runs a durable execution name once: "
                                             + error.getMessage(),
                    exchange, error, function, 0, LambdaInvokeException.TIMEOUT, null, true);
        }
        if (isTimeout(error)) {
            return new LambdaInvokeException("Invoking " + invocation.describe() + " timed out after the request was "
                                             + "sent; the function may have run, so it is not retried: " + error.getMessage(),
                    exchange, error, function, 0, LambdaInvokeException.TIMEOUT, null, false);
        }
        if (answer != null && answer.isSuccessful()) {
            return incomplete(invocation, exchange, answer, rootMessage(error), error);
        }
        if (isConnectionFailure(error) || CrtFailures.isConnectionFailure(error)) {
            return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: no response ("
                                             + rootMessage(error) + ")",
                    exchange, error, function, 0, LambdaInvokeException.CONNECTION_FAILURE, null, true);
        }
        return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: " + rootMessage(error), exchange,
                error, function, 0, LambdaInvokeException.CLIENT_ERROR, null, false);
    }

    /**
     * Lambda answered with a 2xx status but its body broke off: not retryable, since the function ran (a retry would
     * run it again), and never a success with a partial body.
     */
    public static LambdaInvokeException incomplete(Invocation invocation, Exchange exchange, SdkHttpResponse answer,
                                                   String how, Throwable cause) {
        return new LambdaInvokeException("Invoking " + invocation.describe() + " failed: Lambda answered HTTP "
                                         + answer.statusCode() + " but the response body broke off (" + how
                                         + "); the function ran, so it is not retried",
                exchange, cause, invocation.function(), answer.statusCode(), LambdaInvokeException.RESPONSE_INCOMPLETE,
                requestId(answer), false);
    }

    /** Lambda's request id, read from the HTTP answer itself: the SDK's response metadata says "UNKNOWN" when there is none. */
    public static String requestId(SdkHttpResponse answer) {
        if (answer == null) {
            return null;
        }
        return answer.firstMatchingHeader("x-amzn-RequestId")
                .or(() -> answer.firstMatchingHeader("x-amz-request-id"))
                .orElse(null);
    }

    /** Nothing was sent: retryable, since another attempt cannot make the function run twice. */
    public static LambdaInvokeException notSent(InvocationNotSentException error, String function, Exchange exchange) {
        return notSent(error, function, function, exchange);
    }

    private static LambdaInvokeException notSent(Throwable error, String function, String described, Exchange exchange) {
        return new LambdaInvokeException("Invoking " + described + " failed: " + error.getMessage() + "; nothing was sent",
                exchange, null, function, 0, LambdaInvokeException.STOPPED_BEFORE_SENDING, null, true);
    }

    private static LambdaInvokeException serviceError(AwsServiceException e, Invocation invocation, Exchange exchange) {
        int status = e.statusCode();
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        if ((code == null || code.isEmpty()) && status == 413) {
            code = PAYLOAD_TOO_LARGE_WIRE_NAME; // some Lambda lookalikes send 413 without an error type
        }
        String requestId = e.requestId();
        String awsMessage = details == null ? null : details.errorMessage();
        String message = "Invoking " + invocation.describe() + " failed: HTTP " + status + (code == null ? "" : " " + code)
                         + (awsMessage == null ? "" : ": " + awsMessage);
        if (status == 429 || e instanceof TooManyRequestsException) {
            String reason = e instanceof TooManyRequestsException ? ((TooManyRequestsException) e).reasonAsString() : null;
            return new LambdaThrottledException(message, exchange, e, invocation.function(), code, requestId,
                    retryAfter(e), reason);
        }
        if (e instanceof DurableExecutionAlreadyStartedException
                || "DurableExecutionAlreadyStartedException".equals(code)) {
            // the name ran with another payload: the same request would get the same answer (409 is otherwise retryable)
            return new LambdaInvokeException(message, exchange, e, invocation.function(), status,
                    LambdaInvokeException.DURABLE_EXECUTION_ALREADY_STARTED, requestId, false);
        }
        // Set.of(...).contains(null) throws: an answer without an error type (a bare 418, a proxy's 302) has no code
        boolean retryable = RETRYABLE_STATUS.contains(status) || status == 409
                            || (code != null && RETRYABLE_CODES.contains(code));
        return new LambdaInvokeException(message, exchange, e, invocation.function(), status, code, requestId,
                retryable);
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(AwsServiceException e) {
        String value = null;
        if (e instanceof TooManyRequestsException) {
            value = ((TooManyRequestsException) e).retryAfterSeconds();
        }
        if (value == null && e.awsErrorDetails() != null) {
            SdkHttpResponse http = e.awsErrorDetails().sdkHttpResponse();
            value = http == null ? null : http.firstMatchingHeader("Retry-After").orElse(null);
        }
        return parseRetryAfter(value);
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /**
     * STS refused or failed the AssumeRole call of the credentials provider: the invocation was never sent. Status, code
     * and request id are STS's; retryable when STS throttled or failed on its side (5xx), not when it denied the role.
     */
    private static LambdaInvokeException roleAssumptionFailed(StsException e, String roleArn, Invocation invocation,
                                                              Exchange exchange) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String stsMessage = details == null ? null : details.errorMessage();
        int status = e.statusCode();
        boolean retryable = e.isThrottlingException() || status >= 500;
        // STS's own message names the caller and the role, never a key or token
        String message = (roleArn == null ? "Assuming the role of the client's credentials" : "Assuming role " + roleArn)
                         + " failed, so " + invocation.describe() + " was not invoked: STS answered HTTP " + status
                         + (code == null ? "" : " " + code) + (stsMessage == null ? "" : ": " + stsMessage);
        return new LambdaInvokeException(message, exchange, e, invocation.function(), status, code, e.requestId(),
                retryable);
    }

    /** An STS answer anywhere in the chain: the credentials provider could not assume the role, Lambda was not called. */
    private static StsException stsFailure(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof StsException sts) {
                return sts;
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * The HTTP client's wait for a pooled connection ran out: the request never left, so the call may simply be made
     * again (the gate of a user's client queues it again). The SDK has no type for it: Netty reports a TimeoutException
     * with this text, so the text is what we can go by; CRT an error code of its own.
     */
    static boolean isConnectionAcquireTimeout(Throwable error) {
        for (Throwable e = error; e != null && e.getCause() != e; e = e.getCause()) {
            if (e instanceof TimeoutException && e.getMessage() != null
                    && e.getMessage().startsWith("Acquire operation took longer than")) {
                return true;
            }
        }
        return CrtFailures.isAcquireTimeout(error);
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                    || e instanceof TimeoutException) {
                return true;
            }
            String name = e.getClass().getName();
            // Netty's read/write idle timeouts, without depending on Netty's classes
            if (name.equals("io.netty.handler.timeout.ReadTimeoutException")
                    || name.equals("io.netty.handler.timeout.WriteTimeoutException")) {
                return true;
            }
            if (e instanceof IOException && e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("read timed out")) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    /** A handshake refused over the peer's certificate (path, expiry, host name), not over a dropped connection. */
    private static boolean isCertificateFailure(Throwable error) {
        boolean handshake = false;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SSLPeerUnverifiedException) {
                return true;
            }
            handshake |= e instanceof SSLHandshakeException;
            if (handshake && e instanceof GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ConnectException || e instanceof ClosedChannelException
                    || e.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) {
                return true;
            }
            if (e instanceof IOException) {
                return true; // reset, premature close, malformed or missing response: no answer was read
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        String crtError = CrtFailures.errorName(root);
        if (crtError != null) {
            text += " [" + crtError + "]"; // CRT's texts are terse ("socket is closed."); its names are what to search for
        }
        return root == error ? text : error.getMessage() + " <- " + text;
    }
}
