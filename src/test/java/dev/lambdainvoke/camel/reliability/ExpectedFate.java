package dev.lambdainvoke.camel.reliability;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.reliability.FaultScenario.Call;
import dev.lambdainvoke.camel.reliability.FaultScenario.RouteShape;
import dev.lambdainvoke.camel.support.ScriptedLambda;
import dev.lambdainvoke.camel.support.ScriptedLambda.Answer;

/**
 * The model: what the SPEC says must happen to one call, from its script alone. Attempts go on while the failure is
 * retryable and the policy has redeliveries left; the payload is what the body must become; the ending says which
 * failure (or none) the exchange carries and whose result headers it must have.
 *
 * @param requests            invocations Lambda must receive for the call: 1 + its redeliveries, 0 when mapping fails
 * @param payload             what every attempt must send, as JSON (null when nothing is sent or the payload is raw)
 * @param rawPayload          what every attempt must send byte for byte (null when compared as JSON)
 * @param failureCode         the error code the call fails with; null when it succeeds
 * @param statusCode          the failure's {@code getStatusCode()}
 * @param resultOf            the function and attempt whose result headers the ended exchange must carry; null: none
 * @param functionError       the {@code LambdaFunctionError} header expected with them
 * @param body                the body the ended exchange must have; null: not checked (a failure leaves it as it was)
 * @param fallbackRequests    invocations of the fallback endpoint
 */
record ExpectedFate(int requests, JsonNode payload, byte[] rawPayload, String failureCode, int statusCode,
                    boolean retryable, ResultOf resultOf, String functionError, String body, int fallbackRequests) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The expression every jsonata scenario maps with: valid for any JSON body. */
    static final String EXPRESSION = "{\"in\": $}";
    static final String RESPONSE_INCOMPLETE = "ResponseIncomplete";

    /** Whose answer set the result headers. */
    record ResultOf(String function, int attempt) {
        String requestId() {
            return ScriptedLambda.requestId(function, attempt);
        }
    }

    static ExpectedFate of(FaultScenario scenario, Call call, String function, String fallbackFunction) {
        boolean mappingFails = scenario.jsonata() && !call.readsAsJson();
        JsonNode payload = null;
        byte[] raw = null;
        if (!mappingFails) {
            if (scenario.jsonata() && call.kind() == FaultScenario.BodyKind.NULL) {
                payload = JSON.createObjectNode(); // no input: $ is undefined, and so is the "in" member
            } else if (scenario.jsonata()) {
                payload = JSON.createObjectNode().set("in", asJson(call));
            } else if (call.kind() == FaultScenario.BodyKind.MAP || call.kind() == FaultScenario.BodyKind.NULL) {
                payload = asJson(call);
            } else {
                raw = call.bytes();
            }
        }
        if (mappingFails) {
            return failed(scenario, 0, payload, raw, LambdaInvokeException.MAPPING_ERROR, 0, false, null, null,
                    call, fallbackFunction);
        }
        int attempt = 1;
        while (true) {
            Answer answer = attempt <= call.script().size() ? call.script().get(attempt - 1) : Answer.OK;
            ResultOf result = new ResultOf(function, attempt);
            Failure failure = failureOf(answer, scenario.failOnFunctionError());
            if (failure == null) {
                boolean functionError = answer == Answer.FUNCTION_ERROR;
                return new ExpectedFate(attempt, payload, raw, null, 0, false, result, functionError ? "Unhandled" : null,
                        functionError ? ScriptedLambda.errorPayload(function, attempt)
                                : ScriptedLambda.payload(function, attempt), 0);
            }
            if (!failure.retryable || attempt > redeliveriesOf(scenario)) {
                return failed(scenario, attempt, payload, raw, failure.code, failure.status, failure.retryable,
                        failure.answered ? result : null, failure.answered ? "Unhandled" : null, call,
                        fallbackFunction);
            }
            attempt++;
        }
    }

    /** The policy's redeliveries; none inside doTry, where Camel's error handler stands aside for doCatch. */
    private static int redeliveriesOf(FaultScenario scenario) {
        return scenario.shape() == RouteShape.DO_TRY ? 0 : scenario.maximumRedeliveries();
    }

    private static ExpectedFate failed(FaultScenario scenario, int requests, JsonNode payload, byte[] raw, String code,
                                       int status, boolean retryable, ResultOf resultOf, String functionError, Call call,
                                       String fallbackFunction) {
        if (scenario.shape() == RouteShape.FALLBACK_ENDPOINT) {
            // the handled onException's endpoint answers 200 at once: its result is the exchange's last call
            return new ExpectedFate(requests, payload, raw, code, status, retryable,
                    new ResultOf(fallbackFunction, 1), null, ScriptedLambda.payload(fallbackFunction, 1), 1);
        }
        return new ExpectedFate(requests, payload, raw, code, status, retryable, resultOf, functionError, null, 0);
    }

    private record Failure(String code, int status, boolean retryable, boolean answered) {
    }

    /** SPEC "Errors": how each answer fails the attempt, or null when the attempt succeeds. */
    private static Failure failureOf(Answer answer, boolean failOnFunctionError) {
        return switch (answer) {
            case OK -> null;
            case FUNCTION_ERROR -> failOnFunctionError
                    ? new Failure(LambdaInvokeException.FUNCTION_ERROR, 200, false, true) : null;
            case THROTTLED, THROTTLED_RETRY_AFTER_0, THROTTLED_RETRY_AFTER_1 ->
                    new Failure("TooManyRequestsException", 429, true, false);
            case SERVER_ERROR -> new Failure("ServiceException", 500, true, false);
            case RESET -> new Failure(LambdaInvokeException.CONNECTION_FAILURE, 0, true, false);
            // SPEC: a 200 whose body breaks off is ResponseIncomplete, status 200, not retryable (the function ran)
            case TRUNCATED -> new Failure(RESPONSE_INCOMPLETE, 200, false, false);
            case SLOW -> new Failure(LambdaInvokeException.TIMEOUT, 0, false, false);
        };
    }

    /** The body as JSON: a JSON text parsed, a Map as written, null as {@code {}} (SPEC "The request"). */
    static JsonNode asJson(Call call) {
        return switch (call.kind()) {
            case MAP -> JSON.valueToTree(call.map());
            case NULL -> JSON.createObjectNode();
            default -> parse(call.bytes());
        };
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return null; // not JSON: the caller reports the bytes
        }
    }

    boolean succeeds() {
        return failureCode == null;
    }

    /** Seconds of Retry-After the call's attempts ask for (the part of its time that holds no slot). */
    static int retryAfterSeconds(Call call) {
        return call.script().stream().map(Answer::retryAfterSeconds).filter(s -> s != null).mapToInt(s -> s).sum();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
