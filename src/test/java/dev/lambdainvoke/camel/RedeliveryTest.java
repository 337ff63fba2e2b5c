package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static dev.lambdainvoke.camel.support.WireMockLambda.throttled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors", retries: Camel's redelivery is the one retry policy. Routes with the policy the SPEC recommends
 * ({@code onWhen(simple("${exception.retryable}"))}) and with a dead-letter channel, against WireMock answers.
 */
@WireMockLambdaTest
class RedeliveryTest {

    private static final String FUNCTION = "orders";
    private static final String URI = "lambda-invoke:" + FUNCTION;
    /** The route's own redelivery delay: shorter than any Retry-After used here, so the two can be told apart. */
    private static final long POLICY_DELAY_MS = 300;

    private static WireMockLambda lambda;
    private CamelHarness camel;
    /**
     * The Exchange.REDELIVERY_DELAY header of each failed attempt, which Camel reads to decide the delay of the next
     * redelivery. Captured by onExceptionOccurred: an onRedelivery processor cannot see it, because Camel restores the
     * message from its copy of the original before redelivering (after it computed the delay).
     */
    private final List<Object> redeliveryDelays = Collections.synchronizedList(new ArrayList<>());

    /** direct:start to the function, redelivering retryable failures up to twice, POLICY_DELAY_MS apart. */
    private void startRetryingRoute() throws Exception {
        startRetryingRoute(2);
    }

    private void startRetryingRoute(int maximumRedeliveries) throws Exception {
        startRetryingRoute(maximumRedeliveries, URI);
    }

    private void startRetryingRoute(int maximumRedeliveries, String uri) throws Exception {
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(maximumRedeliveries).redeliveryDelay(POLICY_DELAY_MS)
                        .onExceptionOccurred(recordRedeliveryDelay());
                from("direct:start").to(uri);
            }
        });
    }

    private Processor recordRedeliveryDelay() {
        // read as Camel's error handler reads it: as a Long
        return e -> redeliveryDelays.add(e.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
    }

    private Exchange send() {
        return camel.send("direct:start", "{\"id\":1}");
    }

    private static long millisBetween(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }

    @Test
    void retryableFailureIsSentOncePerAttemptAndTheExchangeEndsWithTheException() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(awsError(500, "ServiceException", "boom")));
        startRetryingRoute();

        Exchange result = send();

        assertThat(lambda.requestCount()).isEqualTo(3);
        assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
        assertThat(((LambdaInvokeException) result.getException()).getStatusCode()).isEqualTo(500);
        assertThat(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER)).isEqualTo(2);
    }

    @Test
    void nonRetryableFailureIsNotRedelivered() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(awsError(404, "ResourceNotFoundException", "Function not found")));
        startRetryingRoute();

        Exchange result = send();

        assertThat(lambda.requestCount()).isEqualTo(1);
        assertThat(((LambdaInvokeException) result.getException()).getErrorCode())
                .isEqualTo("ResourceNotFoundException");
        assertThat(redeliveryDelays).isEmpty();
    }

    @Test
    void functionErrorIsNotRedeliveredBecauseTheFunctionAlreadyRan() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{\"errorMessage\":\"bad\",\"errorType\":\"Error\"}")
                .withHeader("X-Amz-Function-Error", "Unhandled")));
        startRetryingRoute(2, URI + "?failOnFunctionError=true");

        Exchange result = send();

        assertThat(result.getException()).isExactlyInstanceOf(LambdaFunctionErrorException.class);
        assertThat(lambda.requestCount()).isEqualTo(1);
    }

    @Test
    void timeoutIsNotRedeliveredBecauseTheFunctionMayHaveRun() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(ok("{}").withFixedDelay(3000)));
        startRetryingRoute(2, URI + "?timeout=1s");

        Exchange result = send();

        assertThat(((LambdaInvokeException) result.getException()).getErrorCode())
                .isEqualTo(LambdaInvokeException.TIMEOUT);
        assertThat(lambda.requestCount()).isEqualTo(1);
    }

    @Test
    void throttledExchangeIsRedeliveredAfterTheDelayLambdaAskedFor() throws Exception {
        lambda.answersInTurn(FUNCTION, throttled(1, "ConcurrentInvocationLimitExceeded"), ok("{\"done\":true}"));
        startRetryingRoute();

        Exchange result = send();

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody()).isEqualTo("{\"done\":true}");
        assertThat(redeliveryDelays).containsExactly(1000L);
        List<LoggedRequest> requests = lambda.requests();
        assertThat(requests).hasSize(2);
        assertThat(millisBetween(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(900);
    }

    @Test
    void laterFailuresOfTheSameExchangeWaitAtLeastAsLongAsLambdaAskedNeverLess() throws Exception {
        // Camel carries on from the last delay it used: after a Retry-After the policy never goes back to a shorter one
        lambda.answersInTurn(FUNCTION, throttled(1, "ConcurrentInvocationLimitExceeded"),
                awsError(500, "ServiceException", "boom"), ok("{\"done\":true}"));
        startRetryingRoute(2);

        Exchange result = send();

        assertThat(result.getException()).isNull();
        assertThat(redeliveryDelays).containsExactly(1000L, null);
        List<LoggedRequest> requests = lambda.requests();
        assertThat(requests).hasSize(3);
        assertThat(millisBetween(requests.get(0), requests.get(1))).as("ms waited after the 429")
                .isGreaterThanOrEqualTo(900);
        assertThat(millisBetween(requests.get(1), requests.get(2))).as("ms waited after the 500 that followed")
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void delayLeftByACaughtThrottleIsNotAppliedToTheNextInvocationsFailure() throws Exception {
        lambda.stub(invoke("first").willReturn(throttled(3, "ConcurrentInvocationLimitExceeded")));
        lambda.answersInTurn(FUNCTION, awsError(500, "ServiceException", "boom"), ok("{\"done\":true}"));
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(1).redeliveryDelay(POLICY_DELAY_MS)
                        .onExceptionOccurred(recordRedeliveryDelay());
                // the throttle is caught, not redelivered: its delay header stays on the message
                from("direct:start").doTry().to("lambda-invoke:first").doCatch(LambdaThrottledException.class).end()
                        .to(URI);
            }
        });

        Exchange result = send();

        assertThat(result.getException()).isNull();
        assertThat(redeliveryDelays).containsExactly((Object) null);
        List<LoggedRequest> requests = lambda.requests();
        assertThat(requests).extracting(LoggedRequest::getUrl).containsExactly(WireMockLambda.invokePath("first"),
                WireMockLambda.invokePath(FUNCTION), WireMockLambda.invokePath(FUNCTION));
        assertThat(millisBetween(requests.get(1), requests.get(2))).as("ms before the redelivery after the 500")
                .isBetween(POLICY_DELAY_MS - 50, 2000L);
    }

    @Test
    void exhaustedExchangeLandsInTheDeadLetterChannelExactlyOnceWithItsException() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(awsError(503, "ServiceException", "unavailable")));
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(2).redeliveryDelay(0));
                from("direct:start").to(URI);
            }
        });
        MockEndpoint dead = camel.context().getEndpoint("mock:dead", MockEndpoint.class);
        dead.expectedMessageCount(1);
        dead.setAssertPeriod(500); // and no second arrival afterwards

        send();

        dead.assertIsSatisfied();
        Exchange landed = dead.getReceivedExchanges().get(0);
        assertThat(landed.getProperty(Exchange.EXCEPTION_CAUGHT)).isExactlyInstanceOf(LambdaInvokeException.class);
        assertThat(((LambdaInvokeException) landed.getProperty(Exchange.EXCEPTION_CAUGHT)).getStatusCode())
                .isEqualTo(503);
        assertThat(lambda.requestCount()).isEqualTo(3);
    }

    /**
     * A step after the lambda-invoke call that fails on its first attempt and records when each attempt ran; its own
     * redelivery policy (POLICY_DELAY_MS) must be the one that spaces them.
     */
    private static final class FailsOnce implements Processor {
        private final List<Long> attempts = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void process(Exchange exchange) {
            attempts.add(System.nanoTime());
            if (attempts.size() == 1) {
                throw new IllegalStateException("the later step fails once");
            }
        }

        long millisBetweenAttempts() {
            assertThat(attempts).as("attempts of the later step").hasSize(2);
            return (attempts.get(1) - attempts.get(0)) / 1_000_000;
        }
    }

    /** Sends, bounded well below the 30 s Retry-After: a leaked delay fails here rather than slowly. */
    private Exchange sendBounded() throws Exception {
        return camel.template().asyncSend("direct:start", e -> e.getMessage().setBody("{\"id\":1}"))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void retryAfterOfAThrottleCaughtByDoCatchDoesNotDelayTheRedeliveryOfALaterStep() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(throttled(30, "ConcurrentInvocationLimitExceeded")));
        FailsOnce later = new FailsOnce();
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).maximumRedeliveries(1).redeliveryDelay(POLICY_DELAY_MS);
                from("direct:start").doTry().to(URI).doCatch(LambdaThrottledException.class).end()
                        .process(later);
            }
        });

        Exchange result = sendBounded();

        assertThat(result.getException()).isNull();
        assertThat(later.millisBetweenAttempts()).as("ms before the later step's redelivery")
                .isBetween(POLICY_DELAY_MS - 50, 5_000L);
    }

    @Test
    void retryAfterOfAThrottleHandledByOnExceptionDoesNotDelayTheRedeliveryOfALaterStep() throws Exception {
        lambda.stub(invoke(FUNCTION).willReturn(throttled(30, "ConcurrentInvocationLimitExceeded")));
        FailsOnce later = new FailsOnce();
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                // handled, and the route goes on with the next step
                onException(LambdaThrottledException.class).continued(true);
                onException(IllegalStateException.class).maximumRedeliveries(1).redeliveryDelay(POLICY_DELAY_MS);
                from("direct:start").to(URI).process(later);
            }
        });

        Exchange result = sendBounded();

        assertThat(result.getException()).isNull();
        assertThat(later.millisBetweenAttempts()).as("ms before the later step's redelivery")
                .isBetween(POLICY_DELAY_MS - 50, 5_000L);
    }

    @Test
    void retryAfterIsCappedByMaxRetryAfterWhileTheExceptionTellsLambdasValue() throws Exception {
        lambda.answersInTurn(FUNCTION, throttled(3600, "ConcurrentInvocationLimitExceeded"), ok("{\"done\":true}"));
        List<LambdaThrottledException> throttles = Collections.synchronizedList(new ArrayList<>());
        camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(1).redeliveryDelay(POLICY_DELAY_MS)
                        .onExceptionOccurred(e -> {
                            throttles.add(e.getException(LambdaThrottledException.class));
                            redeliveryDelays.add(e.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
                        });
                from("direct:start").to(LambdaInvokeUri.function(FUNCTION).maxRetryAfter(Duration.ofMillis(200)).build());
            }
        });

        Exchange result = sendBounded();

        assertThat(result.getException()).isNull();
        assertThat(redeliveryDelays).containsExactly(200L);
        assertThat(throttles).singleElement().extracting(LambdaThrottledException::getRetryAfter)
                .isEqualTo(Duration.ofHours(1));
        List<LoggedRequest> requests = lambda.requests();
        assertThat(requests).hasSize(2);
        assertThat(millisBetween(requests.get(0), requests.get(1))).as("ms waited after the 429")
                .isBetween(150L, 5_000L);
    }
}
