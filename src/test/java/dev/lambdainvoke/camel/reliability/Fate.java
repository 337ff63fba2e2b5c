package dev.lambdainvoke.camel.reliability;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.lambdainvoke.camel.LambdaInvokeException;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static dev.lambdainvoke.camel.support.WireMockLambda.throttled;

/**
 * What happens to the exchange with a given id in the soak: what Lambda answers to each attempt, how many attempts the
 * SPEC allows (retryable failures once, then success; non-retryable failures never redelivered) and how it must end.
 * Chosen by id, so every run injects the same faults.
 */
enum Fate {

    OK(747, 1, null),
    /** 500 ServiceException, then 200: retryable. */
    SERVER_ERROR_THEN_OK(80, 2, null),
    /** 429 with {@code Retry-After: 1}, then 200: retryable, and the redelivery waits the second Lambda asked for. */
    THROTTLED_THEN_OK(50, 2, null),
    /** The connection is reset before any answer, then 200: retryable. */
    RESET_THEN_OK(50, 2, null),
    /** Answers after the endpoint's timeout: the function may have run, so not retryable. */
    SLOW_PAST_TIMEOUT(3, 1, LambdaInvokeException.TIMEOUT),
    NOT_FOUND(20, 1, "ResourceNotFoundException"),
    INVALID_CONTENT(20, 1, "InvalidRequestContentException"),
    TOO_LARGE(10, 1, "RequestEntityTooLargeException"),
    /** The body is not JSON while the endpoint maps with JSONata: fails before sending, nothing reaches Lambda. */
    NOT_JSON(20, 0, LambdaInvokeException.MAPPING_ERROR);

    /** Shares are per mille of the ids; they add up to 1,000. */
    private static final int BUCKETS = 1000;
    /** Spreads each fate over the run instead of in runs of consecutive ids (coprime with BUCKETS). */
    private static final int SPREAD = 7919;

    final int perMille;
    /** Requests Lambda receives for an exchange of this fate. */
    final int attempts;
    /** The error code the exchange reaches the dead-letter channel with; null: it must end in success. */
    final String deadLetterCode;

    Fate(int perMille, int attempts, String deadLetterCode) {
        this.perMille = perMille;
        this.attempts = attempts;
        this.deadLetterCode = deadLetterCode;
    }

    static Fate of(int id) {
        int bucket = (int) ((long) id * SPREAD % BUCKETS);
        for (Fate fate : values()) {
            if (bucket < fate.perMille) {
                return fate;
            }
            bucket -= fate.perMille;
        }
        throw new IllegalStateException("shares add up to less than " + BUCKETS);
    }

    boolean endsInSuccess() {
        return deadLetterCode == null;
    }

    /** Whether the stub's answer to this attempt is a failure (what the figures call an injected fault). */
    boolean failsAttempt(int attempt) {
        return switch (this) {
            case OK, NOT_JSON -> false;
            case SERVER_ERROR_THEN_OK, THROTTLED_THEN_OK, RESET_THEN_OK -> attempt == 1;
            default -> true;
        };
    }

    /** Lambda's answer to attempt {@code attempt} (1-based) of the exchange with {@code id}. */
    ResponseDefinitionBuilder answer(int id, int attempt, Duration slowAnswer) {
        if (!failsAttempt(attempt)) {
            return success(id);
        }
        return switch (this) {
            case SERVER_ERROR_THEN_OK -> awsError(500, "ServiceException", "internal failure");
            case THROTTLED_THEN_OK -> throttled(1, "ConcurrentInvocationLimitExceeded");
            case RESET_THEN_OK -> WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case SLOW_PAST_TIMEOUT -> success(id).withFixedDelay((int) slowAnswer.toMillis());
            case NOT_FOUND -> awsError(404, "ResourceNotFoundException", "Function not found");
            case INVALID_CONTENT -> awsError(400, "InvalidRequestContentException", "Could not parse request body");
            case TOO_LARGE -> awsError(413, "RequestEntityTooLargeException",
                    "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
            case OK, NOT_JSON -> success(id); // not reached: neither fails an attempt at Lambda
        };
    }

    /** The success payload names the id, so a test can tell that each exchange got its own answer. */
    static String successPayload(int id) {
        return "{\"id\":" + id + "}";
    }

    private static ResponseDefinitionBuilder success(int id) {
        return ok(successPayload(id)).withHeader("x-amzn-RequestId", "req-" + id)
                .withHeader("X-Amz-Executed-Version", "$LATEST");
    }
}
