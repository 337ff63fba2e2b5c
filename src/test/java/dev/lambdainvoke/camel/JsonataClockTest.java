package dev.lambdainvoke.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdainvoke.local.LocalFunction;
import dev.lambdainvoke.local.LocalLambda;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "The request": JSONata's clock functions ({@code $now()}, {@code $millis()}) give each evaluation its own time,
 * also for evaluations on one thread (jsonata-java keeps a per-thread copy of the expression whose time was set once),
 * and stay constant within one evaluation. The mapped payload is read back from an echoing LocalLambda function.
 */
class JsonataClockTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalLambda local;
    private CamelHarness camel;
    /** Every exchange is sent from this one thread, on which the endpoint maps the payload (its gate is free). */
    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void startLambda() throws Exception {
        local = LocalLambda.builder().function(LocalFunction.named("echo").handler(Map.class, in -> in)).start();
    }

    @AfterAll
    static void stopLambda() {
        local.close();
    }

    @AfterEach
    void stop() throws Exception {
        oneThread.shutdownNow();
        oneThread.awaitTermination(10, TimeUnit.SECONDS);
        if (camel != null) {
            camel.close();
        }
    }

    private void startRoute(String expression) throws Exception {
        camel = CamelHarness.against(local.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:clock").to("lambda-invoke:echo?jsonata=" + raw(expression));
            }
        });
    }

    /** Sends from the one thread and returns what the function received. */
    private JsonNode mappedOnTheOneThread(Map<String, Object> headers) throws Exception {
        Exchange result = oneThread.submit(() -> camel.send("direct:clock", "{}", headers)).get(30, TimeUnit.SECONDS);
        assertThat(result.getException()).as("exception of the exchange").isNull();
        return JSON.readTree(result.getMessage().getBody(String.class));
    }

    private static void awaitTheClockPast(long millis) {
        Await.until(Duration.ofSeconds(5), () -> "the clock to move past " + millis,
                () -> System.currentTimeMillis() > millis);
    }

    @Test
    void twoEvaluationsOnOneThreadAtDifferentTimesSeeDifferentTimes() throws Exception {
        startRoute("{\"millis\": $millis(), \"now\": $now()}");

        JsonNode first = mappedOnTheOneThread(Map.of());
        awaitTheClockPast(first.get("millis").asLong());
        JsonNode second = mappedOnTheOneThread(Map.of());

        assertThat(second.get("millis").asLong()).isGreaterThan(first.get("millis").asLong());
        assertThat(Instant.parse(second.get("now").asText())).isAfter(Instant.parse(first.get("now").asText()));
    }

    @Test
    void nowKeepsItsPictureAndTimezoneArguments() throws Exception {
        startRoute("{\"millis\": $millis(), \"year\": $now(\"[Y0001]\"), \"zoned\": $now(\"[H01]:[m01][Z]\", \"-0500\")}");

        JsonNode mapped = mappedOnTheOneThread(Map.of());

        Instant at = Instant.ofEpochMilli(mapped.get("millis").asLong());
        assertThat(mapped.get("year").asText()).isEqualTo(String.valueOf(at.atZone(java.time.ZoneOffset.UTC).getYear()));
        assertThat(mapped.get("zoned").asText()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atOffset(java.time.ZoneOffset.ofHours(-5)))
                + "-05:00");
    }

    @Test
    void withinOneEvaluationTheClockStandsStill() throws Exception {
        // $headers.tick, called between the two readings, returns only once the wall clock has moved on
        Jsonata.Fn0<Boolean> tick = () -> {
            awaitTheClockPast(System.currentTimeMillis());
            return true;
        };
        startRoute("($before := $millis(); $nowBefore := $now(); $ticked := $headers.tick();"
                   + " {\"before\": $before, \"after\": $millis(), \"nowBefore\": $nowBefore, \"nowAfter\": $now(),"
                   + " \"ticked\": $ticked})");

        JsonNode mapped = mappedOnTheOneThread(Map.of("tick", tick));

        assertThat(mapped.get("ticked").asBoolean()).as("the clock moved during the evaluation").isTrue();
        assertThat(mapped.get("after").asLong()).isEqualTo(mapped.get("before").asLong());
        assertThat(mapped.get("nowAfter").asText()).isEqualTo(mapped.get("nowBefore").asText());
    }
}
