package dev.lambdainvoke.camel.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on 127.0.0.1 speaking the Lambda Invoke API's wire format, for what no real peer can show: throttling,
 * 5xx, socket faults, log tails, qualifiers. Start one per test class; {@link #close()} stops it.
 */
public final class WireMockLambda implements AutoCloseable {

    private final WireMockServer server;

    public WireMockLambda() {
        this(options -> options);
    }

    /**
     * As {@link #WireMockLambda()}, with {@code adjust} applied to the options before the server starts: extensions
     * (e.g. a {@code ResponseDefinitionTransformerV2} that decides answers per request), asynchronous delays, journal
     * settings. The address stays 127.0.0.1.
     */
    public WireMockLambda(UnaryOperator<WireMockConfiguration> adjust) {
        server = new WireMockServer(adjust.apply(defaultOptions()).bindAddress("127.0.0.1"));
        server.start();
    }

    /** The options every instance starts from: 127.0.0.1, a free port, 64 request threads, one acceptor. */
    public static WireMockConfiguration defaultOptions() {
        return options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64).jettyAcceptors(1);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public WireMockServer server() {
        return server;
    }

    /** The path the SDK posts to for this function name (as written in the URI, URL-encoded by the SDK). */
    public static String invokePath(String function) {
        return "/2015-03-31/functions/" + function + "/invocations";
    }

    /** A stub for invocations of {@code function} (any query string). */
    public static MappingBuilder invoke(String function) {
        return WireMock.post(WireMock.urlPathEqualTo(invokePath(function)));
    }

    /** A stub for invocations of any function. */
    public static MappingBuilder invokeAny() {
        return WireMock.post(WireMock.urlPathMatching(invokePath("[^/]+")));
    }

    public static RequestPatternBuilder invoked(String function) {
        return WireMock.postRequestedFor(WireMock.urlPathEqualTo(invokePath(function)));
    }

    /** 200 with a JSON payload; add Lambda's headers (x-amzn-RequestId, X-Amz-Executed-Version, ...) as needed. */
    public static ResponseDefinitionBuilder ok(String payload) {
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(payload);
    }

    /** An AWS error answer as Lambda sends it: status, x-amzn-ErrorType and a JSON body. */
    public static ResponseDefinitionBuilder awsError(int status, String errorType, String message) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "req-err").withHeader("x-amzn-ErrorType", errorType)
                .withBody("{\"Type\":\"User\",\"message\":\"" + message + "\"}");
    }

    /** A 429 as Lambda throttles: TooManyRequestsException, a {@code Reason} in the body, {@code Retry-After} when given. */
    public static ResponseDefinitionBuilder throttled(Integer retryAfterSeconds, String reason) {
        ResponseDefinitionBuilder answer = WireMock.aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-RequestId", "req-throttled")
                .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                .withBody("{\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"Reason\":\"" + reason + "\"}");
        return retryAfterSeconds == null ? answer : answer.withHeader("Retry-After", retryAfterSeconds.toString());
    }

    /** 200 whose payload is the request body, byte for byte (WireMock response templating). */
    public static ResponseDefinitionBuilder echo() {
        return ok("{{{request.body}}}").withTransformers("response-template");
    }

    /**
     * Invocations of {@code function} get these answers one after the other (a WireMock scenario); the last answer stays
     * for any further invocation.
     */
    public void answersInTurn(String function, ResponseDefinitionBuilder... answers) {
        String scenario = "answers-of-" + function;
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder mapping = invoke(function).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i).willReturn(answers[i]);
            server.stubFor(i + 1 < answers.length ? mapping.willSetStateTo("answer-" + (i + 1)) : mapping);
        }
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    public int count(RequestPatternBuilder pattern) {
        return server.countRequestsMatching(pattern.build()).getCount();
    }

    public int requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Every request received since the last reset, oldest first. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .collect(Collectors.toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** When each request arrived since the last reset, oldest first (WireMock logs milliseconds). */
    public List<Instant> arrivals() {
        return requests().stream().map(r -> r.getLoggedDate().toInstant()).sorted().toList();
    }

    /** The one request received since the last reset; fails when there were none or several. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly 1 request to the Lambda stub, got " + all.size());
        }
        return all.get(0);
    }

    /** Waits until at least {@code count} requests have arrived (polling the journal), failing after {@code deadline}. */
    public void awaitRequestCount(int count, Duration deadline) {
        Await.until(deadline, () -> count + " requests, got " + requestCount(), () -> requestCount() >= count);
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
