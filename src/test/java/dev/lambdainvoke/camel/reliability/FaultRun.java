package dev.lambdainvoke.camel.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.LambdaInvokeConstants;
import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.LambdaInvokePredicates;
import dev.lambdainvoke.camel.reliability.FaultScenario.Call;
import dev.lambdainvoke.camel.reliability.FaultScenario.RouteShape;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ScriptedLambda;
import dev.lambdainvoke.camel.support.ScriptedLambda.Answer;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;

/**
 * Runs one {@link FaultScenario} in a Camel context of its own against a {@link ScriptedLambda}, and compares every
 * call with its {@link ExpectedFate}: ends exactly once, 1 + redeliveries requests, the same bytes on every attempt, the
 * failure (or success) the model says, and the result headers of its own last call. Returns what differs, call by call.
 */
final class FaultRun {

    /** The endpoint's timeout; a {@link Answer#SLOW} answer comes well after it. */
    static final Duration TIMEOUT = Duration.ofMillis(1_500);
    static final Duration SLOW_ANSWER = Duration.ofMillis(3_500);
    private static final long REDELIVERY_DELAY_MS = 10;
    /** Headers the route puts on each exchange before the call: a result must replace or remove every one. */
    private static final Map<String, Object> STALE_RESULT = Map.of(LambdaInvokeConstants.STATUS_CODE, 599,
            LambdaInvokeConstants.REQUEST_ID, "stale-before-the-call", LambdaInvokeConstants.FUNCTION_ERROR, "Stale",
            LambdaInvokeConstants.EXECUTED_VERSION, "stale");
    private static final String CALL_HEADER = "FaultCallFunction";
    /** Which handler took the failure (doCatch, deadLetter, fallback): Camel leaves EXCEPTION_CAUGHT after a redelivery
     * that succeeded, so the caught exception alone does not say the exchange failed. */
    private static final String HANDLED_BY = "FaultHandledBy";
    private static final Pattern INVOKED = Pattern.compile("/2015-03-31/functions/([^/?]+)/invocations");
    /** Exchanges per parent under {@link RouteShape#PARALLEL_SPLIT}. */
    private static final int SPLIT_SIZE = 5;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** A call on its way: its function name (the exchange's own, so the journal tells its requests apart) and script. */
    record Sent(String function, Call call) {
        String fallbackFunction() {
            return "fb-" + function;
        }
    }

    /** How an exchange (a sub-exchange under split) ended, read when Camel called back. */
    record Ending(Throwable exception, Throwable caught, Map<String, Object> resultHeaders, Object body,
                  String handledBy) {
        static Ending of(Exchange exchange) {
            Map<String, Object> result = new HashMap<>();
            for (String header : STALE_RESULT.keySet()) {
                Object value = exchange.getMessage().getHeader(header);
                if (value != null) {
                    result.put(header, value);
                }
            }
            Object body = exchange.getMessage().getBody();
            return new Ending(exchange.getException(), exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                    result, body instanceof String ? body : body == null ? null : body.getClass().getName(),
                    exchange.getProperty(HANDLED_BY, String.class));
        }

        Throwable failure() {
            return exception != null ? exception : handledBy != null ? caught : null;
        }
    }

    private final WireMockLambda lambda;
    private final ScriptedLambda answers;
    private final FaultScenario scenario;
    /** Prefix of this run's function names. */
    private final String run;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, List<Ending>> endings = new ConcurrentHashMap<>();

    FaultRun(WireMockLambda lambda, ScriptedLambda answers, FaultScenario scenario) {
        this.lambda = lambda;
        this.answers = answers;
        this.scenario = scenario;
        this.run = "r" + RUNS.incrementAndGet();
        for (int i = 0; i < scenario.calls().size(); i++) {
            Sent call = new Sent(run + "-c" + i, scenario.calls().get(i));
            sent.add(call);
            answers.script(call.function(), call.call().script());
        }
    }

    /** Runs the scenario; the list of differences from the model is empty when every call did what the SPEC says. */
    List<String> run() throws Exception {
        List<String> problems = new ArrayList<>();
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), routes());
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            camel.context().getShutdownStrategy().setTimeout(3); // a hung try must not wait the default 45 s
            Map<Integer, AtomicInteger> parentCallbacks = new ConcurrentHashMap<>();
            List<List<Sent>> parents = parents();
            for (int p = 0; p < parents.size(); p++) {
                List<Sent> parent = parents.get(p);
                int id = p;
                sender.send(exchange -> exchange.getMessage().setBody(scenario.shape() == RouteShape.PARALLEL_SPLIT
                        ? parent : parent.get(0)), exchange -> {
                    parentCallbacks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    if (scenario.shape() != RouteShape.PARALLEL_SPLIT) {
                        record(parent.get(0).function(), exchange);
                    }
                });
            }
            Duration bound = bound();
            try {
                sender.awaitCompleted(parents.size(), bound);
            } catch (AssertionError hung) {
                problems.add("not every exchange ended within " + bound.toMillis() + " ms: " + sender.completed()
                             + " of " + parents.size() + " called back; calls with no ending: "
                             + sent.stream().map(Sent::function).filter(f -> !endings.containsKey(f)).toList());
            }
            camel.context().stop(); // nothing can end again from here: a late second ending is counted by now
            parentCallbacks.forEach((id, count) -> {
                if (count.get() != 1) {
                    problems.add("exchange " + id + " was called back " + count.get() + " times, expected once");
                }
            });
        }
        Map<String, List<byte[]>> requests = requestsByFunction();
        for (Sent call : sent) {
            ExpectedFate expected = ExpectedFate.of(scenario, call.call(), call.function(), call.fallbackFunction());
            compare(call, expected, requests, problems);
        }
        return problems;
    }

    private void record(String function, Exchange exchange) {
        endings.computeIfAbsent(function, f -> new CopyOnWriteArrayList<>()).add(Ending.of(exchange));
    }

    private List<List<Sent>> parents() {
        List<List<Sent>> parents = new ArrayList<>();
        int size = scenario.shape() == RouteShape.PARALLEL_SPLIT ? SPLIT_SIZE : 1;
        for (int i = 0; i < sent.size(); i += size) {
            parents.add(sent.subList(i, Math.min(sent.size(), i + size)));
        }
        return parents;
    }

    /**
     * How long the batch may take, from its scripts: every attempt's time in a slot shared by maxConcurrency, plus the
     * longest chain of one call's Retry-After waits and timeouts, plus a margin for a loaded machine.
     */
    private Duration bound() {
        long slots = 0;
        long longestChain = 0;
        for (Call call : scenario.calls()) {
            long chain = 0;
            int attempts = Math.min(call.script().size() + 1, scenario.maximumRedeliveries() + 1);
            for (int a = 0; a < attempts; a++) {
                Answer answer = a < call.script().size() ? call.script().get(a) : Answer.OK;
                long inSlot = answer == Answer.SLOW ? TIMEOUT.toMillis() + 250 : 100;
                slots += inSlot;
                chain += inSlot + REDELIVERY_DELAY_MS + (answer.retryAfterSeconds() == null ? 0
                        : answer.retryAfterSeconds() * 1_000L);
            }
            longestChain = Math.max(longestChain, chain);
        }
        return Duration.ofMillis(5_000 + slots / scenario.maxConcurrency() + longestChain);
    }

    /**
     * Request bodies in the WireMock journal, per function (so per call), oldest first; taken out of the journal, which
     * other tries share (their function names differ).
     */
    private Map<String, List<byte[]>> requestsByFunction() {
        RequestPatternBuilder thisRun = WireMock.postRequestedFor(
                WireMock.urlPathMatching(WireMockLambda.invokePath("(fb-)?" + run + "-c[0-9]+")));
        List<LoggedRequest> logged = new ArrayList<>(lambda.server().findAll(thisRun));
        lambda.server().removeServeEventsMatching(thisRun.build());
        logged.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        Map<String, List<byte[]>> byFunction = new HashMap<>();
        for (LoggedRequest request : logged) {
            Matcher invoked = INVOKED.matcher(request.getUrl());
            if (invoked.lookingAt()) {
                byFunction.computeIfAbsent(invoked.group(1), f -> new ArrayList<>()).add(request.getBody());
            }
        }
        return byFunction;
    }

    private void compare(Sent call, ExpectedFate expected, Map<String, List<byte[]>> requests, List<String> problems) {
        List<String> wrong = new ArrayList<>();
        List<Ending> ended = endings.getOrDefault(call.function(), List.of());
        if (ended.size() != 1) {
            wrong.add("ended " + ended.size() + " times, expected exactly once");
        }
        List<byte[]> attempts = requests.getOrDefault(call.function(), List.of());
        if (attempts.size() != expected.requests()) {
            wrong.add("Lambda received " + attempts.size() + " requests, expected " + expected.requests()
                      + (expected.requests() == 0 ? " (the mapping fails before sending)" : " (1 + its redeliveries)"));
        }
        for (int a = 0; a < attempts.size(); a++) {
            String payloadProblem = payloadProblem(attempts.get(a), expected.payload(), expected.rawPayload());
            if (payloadProblem != null) {
                wrong.add("attempt " + (a + 1) + " " + payloadProblem);
            }
        }
        if (ended.size() == 1) {
            endingProblems(ended.get(0), expected, wrong);
        }
        List<byte[]> fallback = requests.getOrDefault(call.fallbackFunction(), List.of());
        if (fallback.size() != expected.fallbackRequests()) {
            wrong.add("the fallback endpoint received " + fallback.size() + " requests, expected "
                      + expected.fallbackRequests());
        } else if (!fallback.isEmpty()) {
            // the fallback endpoint maps nothing: it sends the body as the route has it, which must still be readable
            Call c = call.call();
            boolean json = c.kind() == FaultScenario.BodyKind.MAP || c.kind() == FaultScenario.BodyKind.NULL;
            String payloadProblem = payloadProblem(fallback.get(0), json ? ExpectedFate.asJson(c) : null,
                    json ? null : c.bytes());
            if (payloadProblem != null) {
                wrong.add("the fallback endpoint's request " + payloadProblem);
            }
        }
        for (String w : wrong) {
            problems.add("call " + call.function() + " {" + call.call() + "}: " + w);
        }
    }

    private static String payloadProblem(byte[] sentBytes, JsonNode json, byte[] raw) {
        if (raw != null && !Arrays.equals(sentBytes, raw)) {
            return "sent " + quote(sentBytes) + ", expected the body's bytes " + quote(raw);
        }
        if (json != null && !json.equals(ExpectedFate.parse(sentBytes))) {
            return "sent " + quote(sentBytes) + ", expected JSON " + json;
        }
        return null;
    }

    private void endingProblems(Ending ending, ExpectedFate expected, List<String> wrong) {
        Throwable failure = ending.failure();
        boolean handled = switch (scenario.shape()) {
            case DO_TRY, FALLBACK_ENDPOINT, DEAD_LETTER -> true;
            case PLAIN, PARALLEL_SPLIT -> false;
        };
        if (expected.succeeds()) {
            if (failure != null) {
                wrong.add("expected success, ended with " + describe(failure));
            }
        } else if (!(failure instanceof LambdaInvokeException error)) {
            wrong.add("expected failure " + expected.failureCode() + " (status " + expected.statusCode()
                      + ", retryable=" + expected.retryable() + "), ended with "
                      + (failure == null ? "success, body " + ending.body() : describe(failure)));
        } else {
            if (!expected.failureCode().equals(error.getErrorCode()) || expected.statusCode() != error.getStatusCode()
                    || expected.retryable() != error.isRetryable()) {
                wrong.add("expected failure " + expected.failureCode() + " (status " + expected.statusCode()
                          + ", retryable=" + expected.retryable() + "), ended with " + describe(failure));
            }
            if (handled && ending.exception() != null) {
                wrong.add(scenario.shape() + " must handle the failure, but the exchange still carries it");
            }
            String handler = switch (scenario.shape()) {
                case DO_TRY -> "doCatch";
                case DEAD_LETTER -> "deadLetter";
                case FALLBACK_ENDPOINT -> "fallback";
                case PLAIN, PARALLEL_SPLIT -> null;
            };
            if (handler != null && !handler.equals(ending.handledBy())) {
                wrong.add("failed but " + handler + " never took it (handled by " + ending.handledBy() + ")");
            }
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        if (expected.resultOf() != null) {
            headers.put(LambdaInvokeConstants.STATUS_CODE, 200);
            headers.put(LambdaInvokeConstants.REQUEST_ID, expected.resultOf().requestId());
            headers.put(LambdaInvokeConstants.EXECUTED_VERSION, "$LATEST");
            if (expected.functionError() != null) {
                headers.put(LambdaInvokeConstants.FUNCTION_ERROR, expected.functionError());
            }
        }
        if (!headers.equals(ending.resultHeaders())) {
            wrong.add("result headers " + ending.resultHeaders() + ", expected "
                      + (headers.isEmpty() ? "none (no answer was mapped)" : headers + " (of its own last call)"));
        }
        if (expected.body() != null && !expected.body().equals(ending.body())) {
            wrong.add("body " + ending.body() + ", expected " + expected.body());
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof LambdaInvokeException e) {
            return e.getClass().getSimpleName() + " " + e.getErrorCode() + " (status " + e.getStatusCode()
                   + ", retryable=" + e.isRetryable() + "): " + e.getMessage();
        }
        return failure.toString();
    }

    private static String quote(byte[] bytes) {
        String text = ExpectedFate.text(bytes);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "' (" + bytes.length + " bytes)";
    }

    private RouteBuilder routes() {
        String main = "lambda-invoke:scripted?allowHeaderOverrides=true&maxConcurrency=" + scenario.maxConcurrency()
                      + "&timeout=" + TIMEOUT.toMillis()
                      + (scenario.failOnFunctionError() ? "&failOnFunctionError=true" : "")
                      + (scenario.jsonata() ? "&jsonata=" + CamelHarness.raw(ExpectedFate.EXPRESSION) : "");
        // other client settings (timeout, maxConcurrency), so another client and another gate
        String fallback = "lambda-invoke:fallback?allowHeaderOverrides=true&maxConcurrency=2&timeout="
                          + (TIMEOUT.toMillis() * 4);
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (scenario.shape() == RouteShape.DEAD_LETTER) {
                    errorHandler(deadLetterChannel("direct:dead"));
                }
                // the SPEC's policy: redeliver only what is retryable, never sleeping on a thread
                OnExceptionDefinition retry = onException(LambdaInvokeException.class)
                        .onWhen(LambdaInvokePredicates.retryable())
                        .maximumRedeliveries(scenario.maximumRedeliveries()).redeliveryDelay(REDELIVERY_DELAY_MS)
                        .asyncDelayedRedelivery();
                // Camel keeps the last matched clause's policy when no clause matches a later failure: without a clause
                // of its own, a Timeout after a 500 would be redelivered under the retryable clause's policy
                OnExceptionDefinition notRetried = onException(LambdaInvokeException.class).maximumRedeliveries(0);
                if (scenario.shape() == RouteShape.FALLBACK_ENDPOINT) {
                    retry.handled(true).to("direct:fallback");
                    notRetried.handled(true).to("direct:fallback");
                    from("direct:fallback").streamCache(Boolean.toString(scenario.streamCaching())).setProperty(HANDLED_BY, constant("fallback"))
                            .setHeader(LambdaInvokeConstants.FUNCTION, simple("fb-${header." + CALL_HEADER + "}"))
                            .to(fallback);
                }
                if (scenario.shape() == RouteShape.DEAD_LETTER) {
                    from("direct:dead").streamCache(Boolean.toString(scenario.streamCaching())).setProperty(HANDLED_BY, constant("deadLetter"));
                }
                // Camel caches stream bodies by default; without it a one-shot stream reaches the component as it is
                String caching = Boolean.toString(scenario.streamCaching());
                switch (scenario.shape()) {
                    case PLAIN, FALLBACK_ENDPOINT, DEAD_LETTER -> from("direct:in").streamCache(caching)
                            .process(FaultRun::prepare).to(main);
                    case DO_TRY -> from("direct:in").streamCache(caching).process(FaultRun::prepare)
                            .doTry().to(main).doCatch(LambdaInvokeException.class).setProperty(HANDLED_BY, constant("doCatch"))
                            .end();
                    case PARALLEL_SPLIT -> from("direct:in").streamCache(caching).split(body(), new RecordingStrategy())
                            .parallelProcessing().process(FaultRun::prepare).to(main).end();
                }
            }
        };
    }

    /**
     * Puts the call's body on the exchange inside the route, after Camel's stream caching at the route's input: a
     * one-shot stream reaches the component as it is. Stale result headers too, which the call must not leave.
     */
    private static void prepare(Exchange exchange) {
        Sent call = exchange.getMessage().getBody(Sent.class);
        exchange.getMessage().setHeaders(new HashMap<>(STALE_RESULT));
        exchange.getMessage().setHeader(CALL_HEADER, call.function());
        exchange.getMessage().setHeader(LambdaInvokeConstants.FUNCTION, call.function());
        exchange.getMessage().setBody(call.call().body());
    }

    /** Records each sub-exchange's ending under split, and lets the parent succeed: its parts are checked one by one. */
    private final class RecordingStrategy implements AggregationStrategy {
        @Override
        public Exchange aggregate(Exchange parts, Exchange part) {
            record(part.getMessage().getHeader(CALL_HEADER, String.class), part);
            part.setException(null);
            return parts == null ? part : parts;
        }
    }
}
