package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.camel.internal.client.InvocationGate;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.ExchangeEndings;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping with more exchanges than {@code maxConcurrency}: some in flight at Lambda, the rest queued in the component.
 * Each ends exactly once -- in success on a graceful stop; past the shutdown timeout, queued ones as
 * {@code StoppedBeforeSending} (retryable, nothing was sent) and those in flight as {@code StoppedInFlight} (not
 * retryable, the function may have run).
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ShutdownTest {

    private static final int MAX_CONCURRENCY = 2;
    private static final int EXCHANGES = 8;
    private static final String ORDERS = "lambda-invoke:orders?maxConcurrency=" + MAX_CONCURRENCY;
    private static final String IN_FLIGHT = "LambdaInvokeException:" + LambdaInvokeException.STOPPED_IN_FLIGHT;
    private static final String NOT_SENT = "LambdaInvokeException:" + LambdaInvokeException.STOPPED_BEFORE_SENDING;

    private static WireMockLambda lambda;
    private CamelHarness camel;
    private MockEndpoint dead;
    private final ExchangeEndings endings = new ExchangeEndings();

    @BeforeEach
    void addRoutes() throws Exception {
        camel.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("direct:start").to(ORDERS);
            }
        });
        dead = camel.context().getEndpoint("mock:dead", MockEndpoint.class);
    }

    private InvocationGate gateOf(String uri) {
        return camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class).invoker().gate();
    }

    /** Sends EXCHANGES at once; returns when MAX_CONCURRENCY are at Lambda and the rest wait in the gate. */
    private void sendMoreThanMaxConcurrency() {
        for (int i = 0; i < EXCHANGES; i++) {
            endings.sendAsync(camel.template(), "direct:start", "{\"n\":" + i + "}");
        }
        InvocationGate gate = gateOf(ORDERS);
        lambda.awaitRequestCount(MAX_CONCURRENCY, Duration.ofSeconds(30));
        Await.until(Duration.ofSeconds(30), () -> "queued: " + gate.waiting(),
                () -> gate.waiting() == EXCHANGES - MAX_CONCURRENCY);
    }

    @Test
    void gracefulStopSendsTheQueuedExchangesTooAndEachEndsOnceInSuccess() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(300)));
        sendMoreThanMaxConcurrency();

        camel.context().stop(); // graceful: Camel waits for every exchange in flight, queued ones included

        assertThat(endings.byExchange()).hasSize(EXCHANGES);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
        assertThat(lambda.requestCount()).isEqualTo(EXCHANGES);
    }

    @Test
    void forcedStopEndsQueuedExchangesAsNotSentAndThoseInFlightAsStoppedInFlight() {
        lambda.stub(invoke("orders").willReturn(ok("{}").withFixedDelay(10_000)));
        camel.context().getShutdownStrategy().setTimeout(1);
        camel.context().getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        sendMoreThanMaxConcurrency();

        camel.context().stop(); // forced after 1 s: the gate closes, then the client under the invocations in flight
        endings.awaitAllEnded(Duration.ofSeconds(10));

        assertThat(endings.byExchange()).hasSize(EXCHANGES);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).hasSize(1));
        assertThat(endings.count(IN_FLIGHT)).isEqualTo(MAX_CONCURRENCY);
        assertThat(endings.count(NOT_SENT)).isEqualTo(EXCHANGES - MAX_CONCURRENCY);
        assertThat(endings.all()).allSatisfy(ending -> {
            LambdaInvokeException e = (LambdaInvokeException) ending.failure();
            if (ending.how().equals(IN_FLIGHT)) {
                assertThat(e.isRetryable()).as("the function may have run").isFalse();
                assertThat(e.getMessage()).contains("the function may have run");
            } else {
                assertThat(e.isRetryable()).as("nothing ran").isTrue();
                assertThat(e.getMessage()).contains("the endpoint stopped before the invocation was sent")
                        .contains("nothing was sent");
            }
        });
        assertThat(lambda.requestCount()).as("requests that reached Lambda").isEqualTo(MAX_CONCURRENCY);
        // Camel's, documented in the README: past the timeout the route's error handler is stopped before the client
        assertThat(dead.getReceivedCounter()).as("exchanges in the dead-letter channel").isZero();
    }

    @Test
    void removingOneOfTwoEndpointsSharingAClientLeavesTheOthersInvocationsAlone() throws Exception {
        lambda.stub(invokeAny().willReturn(ok("{}").withFixedDelay(500)));
        String a = "lambda-invoke:a?maxConcurrency=" + MAX_CONCURRENCY;
        String b = "lambda-invoke:b?maxConcurrency=" + MAX_CONCURRENCY;
        LambdaInvokeEndpoint removed = camel.context().getEndpoint(a, LambdaInvokeEndpoint.class);
        InvocationGate shared = gateOf(b);
        assertThat(removed.invoker().gate()).as("one client for both").isSameAs(shared);
        for (int i = 0; i < 4; i++) {
            endings.sendAsync(camel.template(), b, "{}");
        }
        lambda.awaitRequestCount(MAX_CONCURRENCY, Duration.ofSeconds(30));
        Await.until(Duration.ofSeconds(30), () -> "queued: " + shared.waiting(), () -> shared.waiting() == 2);

        camel.context().removeEndpoint(removed);
        endings.awaitAllEnded(Duration.ofSeconds(30));

        assertThat(endings.byExchange()).hasSize(4);
        assertThat(endings.byExchange().values()).allSatisfy(how -> assertThat(how).containsExactly("ok"));
        assertThat(shared.isClosed()).isFalse();
        assertThat(camel.component().getClients().size()).isEqualTo(1);
    }

    @Test
    void aSendToAStoppedEndpointEndsAtOnceAsNotSent() throws Exception {
        lambda.stub(invokeAny().willReturn(ok("{}")));
        LambdaInvokeEndpoint stopped = camel.context().getEndpoint("lambda-invoke:late", LambdaInvokeEndpoint.class);
        camel.context().removeEndpoint(stopped);

        CompletableFuture<Exchange> sent = camel.template().asyncSend(stopped, e -> e.getMessage().setBody("{}"));
        Exchange result = sent.get(10, TimeUnit.SECONDS);

        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        LambdaInvokeException e = (LambdaInvokeException) result.getException();
        assertThat(e.getErrorCode()).isEqualTo(LambdaInvokeException.STOPPED_BEFORE_SENDING);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getFunction()).isEqualTo("late");
        assertThat(e.getMessage()).contains("lambda-invoke://late is not started (or has stopped)")
                .contains("nothing was sent");
        assertThat(lambda.requestCount()).isZero();
    }

    @Test
    void anExchangeFailingAtAStoppedEndpointCarriesNoResultHeadersOfAnEarlierCall() throws Exception {
        lambda.stub(invokeAny().willReturn(ok("{}").withHeader("x-amzn-RequestId", "req-earlier")
                .withHeader("X-Amz-Function-Error", "Handled").withHeader("X-Amz-Executed-Version", "3")));
        Exchange earlier = camel.send("lambda-invoke:earlier", "{}");
        assertThat(earlier.getMessage().getHeaders()).containsKeys(LambdaInvokeConstants.STATUS_CODE,
                LambdaInvokeConstants.REQUEST_ID, LambdaInvokeConstants.FUNCTION_ERROR,
                LambdaInvokeConstants.EXECUTED_VERSION);
        LambdaInvokeEndpoint stopped = camel.context().getEndpoint("lambda-invoke:late", LambdaInvokeEndpoint.class);
        camel.context().removeEndpoint(stopped);

        Exchange result = camel.template().send(stopped, earlier);

        assertThat(((LambdaInvokeException) result.getException()).getErrorCode())
                .isEqualTo(LambdaInvokeException.STOPPED_BEFORE_SENDING);
        assertThat(result.getMessage().getHeaders()).as("result headers of the earlier call")
                .doesNotContainKeys(LambdaInvokeConstants.STATUS_CODE, LambdaInvokeConstants.REQUEST_ID,
                        LambdaInvokeConstants.FUNCTION_ERROR, LambdaInvokeConstants.EXECUTED_VERSION);
    }
}
