package dev.lambdainvoke.camel.reliability;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.lambdainvoke.camel.support.WireMockLambda;

/**
 * The soak's Lambda: a WireMock transformer that reads, for invocations of one function, {@code {"id": n, "fate": "..."}} from each invocation, counts
 * the attempts per id, and answers as the fate says for that attempt ({@link Fate#answer}). What it saw is what the
 * test checks: attempts per id, the gap between the first two attempts, the faults it injected, and requests it could
 * not read.
 */
final class FatefulLambda implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final Duration slowAnswer;
    private final AtomicIntegerArray attempts;
    private final AtomicLongArray firstAttemptNanos;
    private final AtomicLongArray secondAttemptNanos;
    private final Map<Fate, AtomicInteger> faults = new EnumMap<>(Fate.class);
    /** Requests whose body was not {@code {"id", "fate"}} for a known id, or whose fate did not match the id's. */
    private final Map<String, String> unexpected = new ConcurrentHashMap<>();

    FatefulLambda(String function, int ids, Duration slowAnswer) {
        this.function = function;
        this.slowAnswer = slowAnswer;
        this.attempts = new AtomicIntegerArray(ids);
        this.firstAttemptNanos = new AtomicLongArray(ids);
        this.secondAttemptNanos = new AtomicLongArray(ids);
        for (Fate fate : Fate.values()) {
            faults.put(fate, new AtomicInteger());
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        long now = System.nanoTime();
        if (!serveEvent.getRequest().getUrl().startsWith(WireMockLambda.invokePath(function))) {
            return serveEvent.getResponseDefinition(); // another function (a warm-up): its own stub answers
        }
        String body = serveEvent.getRequest().getBodyAsString();
        int id;
        Fate fate;
        try {
            JsonNode request = JSON.readTree(body);
            id = request.get("id").intValue();
            fate = Fate.valueOf(request.get("fate").textValue());
        } catch (Exception unreadable) {
            unexpected.put(serveEvent.getId().toString(), "unreadable: " + abbreviate(body));
            return serveEvent.getResponseDefinition();
        }
        if (id < 0 || id >= attempts.length() || Fate.of(id) != fate) {
            unexpected.put(serveEvent.getId().toString(), "id/fate mismatch: " + abbreviate(body));
            return serveEvent.getResponseDefinition();
        }
        int attempt = attempts.incrementAndGet(id);
        if (attempt == 1) {
            firstAttemptNanos.set(id, now);
        } else if (attempt == 2) {
            secondAttemptNanos.set(id, now);
        }
        if (fate.failsAttempt(attempt)) {
            faults.get(fate).incrementAndGet();
        }
        return fate.answer(id, attempt, slowAnswer).build();
    }

    private static String abbreviate(String body) {
        return body.length() <= 80 ? body : body.substring(0, 80) + "...";
    }

    /** Invocations received for {@code id}. */
    int attempts(int id) {
        return attempts.get(id);
    }

    /** Milliseconds between the arrival of the first and the second attempt for {@code id}; -1 without a second. */
    long millisBetweenFirstTwoAttempts(int id) {
        return attempts.get(id) < 2 ? -1 : (secondAttemptNanos.get(id) - firstAttemptNanos.get(id)) / 1_000_000;
    }

    /** Failing answers given, by fate. */
    int faultsInjected(Fate fate) {
        return faults.get(fate).get();
    }

    Map<String, String> unexpectedRequests() {
        return Map.copyOf(unexpected);
    }

    @Override
    public String getName() {
        return "fateful-lambda";
    }
}
