package dev.lambdainvoke.camel.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static dev.lambdainvoke.camel.support.WireMockLambda.throttled;

/**
 * A WireMock transformer that answers each function by its own script: the n-th invocation of a function gets the n-th
 * {@link Answer} scripted for it (a 200 once the script is used up, and for functions with no script). Tests give each
 * exchange its own function name, so the journal's requests per function are that exchange's attempts. Answers that
 * reach the result mapping carry {@link #requestId(String, int)} and {@link #payload(String, int)}, so a test can tell
 * whose answer an exchange ended with.
 */
public final class ScriptedLambda implements ResponseDefinitionTransformerV2 {

    private static final Pattern FUNCTION = Pattern.compile("/2015-03-31/functions/([^/?]+)/invocations");

    /** What Lambda does with one invocation. */
    public enum Answer {
        OK,
        /** 200 with {@code X-Amz-Function-Error: Unhandled} and an error payload: the function ran and failed. */
        FUNCTION_ERROR,
        /** 429 TooManyRequestsException without Retry-After. */
        THROTTLED,
        THROTTLED_RETRY_AFTER_0,
        THROTTLED_RETRY_AFTER_1,
        /** 500 ServiceException. */
        SERVER_ERROR,
        /** The connection is reset after the request arrived, before any answer. */
        RESET,
        /** 200 and its headers, then a malformed chunk and the connection closes: the body breaks off. */
        TRUNCATED,
        /** A 200 that comes after the endpoint's timeout. */
        SLOW;

        /** Retry-After in seconds, when this answer sends one. */
        public Integer retryAfterSeconds() {
            return switch (this) {
                case THROTTLED_RETRY_AFTER_0 -> 0;
                case THROTTLED_RETRY_AFTER_1 -> 1;
                default -> null;
            };
        }
    }

    private final Duration slowAnswer;
    private final Map<String, List<Answer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    /** @param slowAnswer how long a {@link Answer#SLOW} answer takes: longer than the endpoint's timeout */
    public ScriptedLambda(Duration slowAnswer) {
        this.slowAnswer = slowAnswer;
    }

    /** Invocations of {@code function} get these answers in turn. */
    public void script(String function, List<Answer> answers) {
        scripts.put(function, List.copyOf(answers));
    }

    /** The request id of the answer to the {@code attempt}-th (1-based) invocation of {@code function}. */
    public static String requestId(String function, int attempt) {
        return function + "#" + attempt;
    }

    /** The payload of a 200 to the {@code attempt}-th invocation of {@code function}. */
    public static String payload(String function, int attempt) {
        return "{\"function\":\"" + function + "\",\"attempt\":" + attempt + "}";
    }

    /** The error payload of a {@link Answer#FUNCTION_ERROR} to the {@code attempt}-th invocation. */
    public static String errorPayload(String function, int attempt) {
        return "{\"errorType\":\"Scripted\",\"errorMessage\":\"failure of " + requestId(function, attempt) + "\"}";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Matcher invocation = FUNCTION.matcher(serveEvent.getRequest().getUrl());
        if (!invocation.lookingAt()) {
            return serveEvent.getResponseDefinition();
        }
        String function = invocation.group(1);
        int attempt = invocations.computeIfAbsent(function, f -> new AtomicInteger()).incrementAndGet();
        List<Answer> script = scripts.getOrDefault(function, List.of());
        Answer answer = attempt <= script.size() ? script.get(attempt - 1) : Answer.OK;
        return answer(answer, function, attempt).build();
    }

    private ResponseDefinitionBuilder answer(Answer answer, String function, int attempt) {
        return switch (answer) {
            case OK -> success(function, attempt);
            case FUNCTION_ERROR -> ok(errorPayload(function, attempt)).withHeader("X-Amz-Function-Error", "Unhandled")
                    .withHeader("x-amzn-RequestId", requestId(function, attempt))
                    .withHeader("X-Amz-Executed-Version", "$LATEST");
            case THROTTLED, THROTTLED_RETRY_AFTER_0, THROTTLED_RETRY_AFTER_1 ->
                    throttled(answer.retryAfterSeconds(), "ConcurrentInvocationLimitExceeded");
            case SERVER_ERROR -> awsError(500, "ServiceException", "scripted failure");
            case RESET -> WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case TRUNCATED -> WireMock.aResponse().withStatus(200)
                    .withHeader("x-amzn-RequestId", requestId(function, attempt))
                    .withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case SLOW -> success(function, attempt).withFixedDelay((int) slowAnswer.toMillis());
        };
    }

    private static ResponseDefinitionBuilder success(String function, int attempt) {
        return ok(payload(function, attempt)).withHeader("x-amzn-RequestId", requestId(function, attempt))
                .withHeader("X-Amz-Executed-Version", "$LATEST");
    }

    @Override
    public String getName() {
        return "scripted-lambda";
    }
}
