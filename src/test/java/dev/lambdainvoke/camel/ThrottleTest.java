package dev.lambdainvoke.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ExchangeEndings;
import dev.lambdainvoke.camel.support.Timeline;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors": the rate limit is Camel's throttle EIP in front of {@code lambda-invoke:}, and it holds at Lambda.
 * In Camel 4.18 the Java DSL's {@code throttle(n)} is in TotalRequests mode (n per {@code timePeriodMillis}, 1 s by
 * default); ConcurrentRequests mode (n at once) is asked for with {@code concurrentRequestsMode()}. Both are spelled out
 * here. {@code asyncDelayed()}: a throttled exchange waits as a scheduled task, holding no thread, like a queued
 * invocation.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ThrottleTest {

    private static final int PER_SECOND = 10;
    private static final int AT_ONCE = 3;
    private static final Duration LAMBDA_TAKES = Duration.ofMillis(300);
    /** Requests travel to the stub with some jitter, so a window a little shorter than the period is checked. */
    private static final Duration EDGE_TOLERANCE = Duration.ofMillis(100);

    private static WireMockLambda lambda;
    private CamelHarness camel;
    private final ExchangeEndings endings = new ExchangeEndings();

    @BeforeEach
    void addRoutes() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:per-second")
                        .throttle(PER_SECOND).totalRequestsMode().timePeriodMillis(1000).asyncDelayed()
                        .to("lambda-invoke:rated");
                from("direct:at-once")
                        .throttle(AT_ONCE).concurrentRequestsMode().asyncDelayed()
                        .to("lambda-invoke:slow"); // maxConcurrency stays 64: the throttle is what limits
            }
        });
    }

    private void sendAtOnceAndAwaitAll(String uri, int exchanges) {
        for (int i = 0; i < exchanges; i++) {
            endings.sendAsync(camel.template(), uri, "{\"n\":" + i + "}");
        }
        endings.awaitAllEnded(Duration.ofSeconds(30));
        assertThat(endings.byExchange()).hasSize(exchanges);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
    }

    @Test
    void totalRequestsModeLetsNoMoreThanTheLimitReachLambdaInAnySecond() {
        lambda.stub(invoke("rated").willReturn(ok("{}")));

        sendAtOnceAndAwaitAll("direct:per-second", 3 * PER_SECOND);

        List<Instant> arrivals = lambda.arrivals();
        assertThat(arrivals).hasSize(3 * PER_SECOND);
        assertThat(Timeline.mostInAnyWindow(arrivals, Duration.ofSeconds(1).minus(EDGE_TOLERANCE)))
                .as("requests in any second").isLessThanOrEqualTo(PER_SECOND);
        assertThat(Timeline.span(arrivals)).as("30 at 10 per second: the last waits two periods")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2).minus(EDGE_TOLERANCE));
    }

    @Test
    void concurrentRequestsModeKeepsNoMoreThanTheLimitInFlightAtLambda() {
        lambda.stub(invoke("slow").willReturn(ok("{}").withFixedDelay((int) LAMBDA_TAKES.toMillis())));

        sendAtOnceAndAwaitAll("direct:at-once", 4 * AT_ONCE);

        // each request is busy at the stub for its delay; a permit comes back only when the exchange has its answer
        List<Instant> arrivals = lambda.arrivals();
        assertThat(arrivals).hasSize(4 * AT_ONCE);
        assertThat(Timeline.mostAtOnce(arrivals, LAMBDA_TAKES.minus(Duration.ofMillis(20))))
                .as("invocations in flight at once").isEqualTo(AT_ONCE);
    }
}
