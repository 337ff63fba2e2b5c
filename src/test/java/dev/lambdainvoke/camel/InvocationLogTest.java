package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdainvoke.camel.internal.client.InvocationGate;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.awsError;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's DEBUG line per invocation: function, qualifier, invocation type, status, request id, the time from
 * admission at the {@code maxConcurrency} gate to the answer ("in") and the time waited at the gate ("waited") -- and
 * never a payload.
 */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class InvocationLogTest {

    private static final String PRODUCER = LambdaInvokeProducer.class.getName();
    private static final Pattern TIMES = Pattern.compile(" in (\\d+) ms waited=(\\d+) ms");
    /** How long the stub takes to answer the held function: the time the next call in line waits at the gate. */
    private static final int ANSWER_DELAY_MS = 400;

    private static WireMockLambda lambda;
    private CamelHarness camel;
    private CapturedLogs logs;

    @BeforeEach
    void captureLogs() {
        logs = CapturedLogs.of(PRODUCER);
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    private String onlyDebugLine() {
        List<String> lines = logs.messages(Level.DEBUG, PRODUCER);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private String debugLineAbout(String function) {
        return logs.messages(Level.DEBUG, PRODUCER).stream().filter(line -> line.startsWith("Invoked " + function + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no DEBUG line about " + function + ": " + logs.text()));
    }

    private static long[] inAndWaited(String line) {
        Matcher m = TIMES.matcher(line);
        assertThat(m.find()).as("times in: " + line).isTrue();
        return new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) };
    }

    @Test
    void aSuccessfulInvocationIsLoggedWithFunctionQualifierTypeStatusTimesAndRequestId() {
        lambda.stub(invoke("order-pricer").willReturn(ok("{\"total\":\"ANSWER-MARKER\"}")
                .withHeader("x-amzn-RequestId", "req-42").withHeader("X-Amz-Executed-Version", "3")));

        Exchange result = camel.send("lambda-invoke:order-pricer?qualifier=prod", "{\"order\":\"PAYLOAD-MARKER\"}");

        assertThat(result.getException()).isNull();
        assertThat(onlyDebugLine()).matches("Invoked order-pricer \\(qualifier prod\\) type=RequestResponse in \\d+ ms "
                                            + "waited=\\d+ ms: status=200 functionError=null requestId=req-42");
    }

    @Test
    void aFailedInvocationIsLoggedWithItsStatusErrorCodeAndWhetherItIsRetryable() {
        lambda.stub(invoke("order-pricer").willReturn(awsError(503, "ServiceException", "unavailable")));

        Exchange result = camel.send("lambda-invoke:order-pricer?invocationType=Event", "{}");

        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        assertThat(onlyDebugLine()).matches("Invoked order-pricer type=Event failed in \\d+ ms waited=\\d+ ms: "
                                            + "status=503 code=ServiceException retryable=true requestId=req-err");
    }

    @Test
    void theTimeWaitedForAPlaceUnderMaxConcurrencyIsLoggedApartFromTheTimeLambdaTook() throws Exception {
        // one client (same settings) with one place: "second" waits at the gate until "first" is answered
        lambda.stub(invoke("first").willReturn(ok("{}").withFixedDelay(ANSWER_DELAY_MS)));
        lambda.stub(invoke("second").willReturn(ok("{}").withFixedDelay(ANSWER_DELAY_MS)));
        lambda.stub(invoke("warm-up").willReturn(ok("{}")));
        try (AsyncSender first = AsyncSender.to(camel.context(), "lambda-invoke:first?maxConcurrency=1");
             AsyncSender second = AsyncSender.to(camel.context(), "lambda-invoke:second?maxConcurrency=1")) {
            // a cold SDK client spends long on the sending thread, which would delay the second send: warm it up
            camel.send("lambda-invoke:warm-up?maxConcurrency=1", "{}");
            first.send(e -> e.getMessage().setBody("{}"));
            second.send(e -> e.getMessage().setBody("{}"));
            first.awaitCompleted(1, Duration.ofSeconds(30));
            second.awaitCompleted(1, Duration.ofSeconds(30));
        }

        long[] firstTimes = inAndWaited(debugLineAbout("first"));
        long[] secondTimes = inAndWaited(debugLineAbout("second"));
        assertThat(firstTimes[0]).as("first: ms from sending to answer").isGreaterThanOrEqualTo(ANSWER_DELAY_MS);
        assertThat(secondTimes[0]).as("second: ms from sending to answer").isGreaterThanOrEqualTo(ANSWER_DELAY_MS);
        // the second went in only once the first was answered; sending the second lets a little of that pass first
        assertThat(secondTimes[1]).as("second: ms waited at the gate").isGreaterThanOrEqualTo(ANSWER_DELAY_MS / 2);
        assertThat(firstTimes[1]).as("first: ms waited at the gate").isLessThan(secondTimes[1]);
    }

    @Test
    void anInvocationThatNeverGotAPlaceSaysSoWithTheTimeItWaited() throws Exception {
        String uri = "lambda-invoke:held?maxConcurrency=1";
        lambda.stub(invoke("held").willReturn(ok("{}").withFixedDelay(ANSWER_DELAY_MS)));
        try (AsyncSender sender = AsyncSender.to(camel.context(), uri)) {
            sender.send(e -> e.getMessage().setBody("{}"));
            sender.send(e -> e.getMessage().setBody("{}"));
            InvocationGate gate = camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class).invoker().gate();
            Await.until(Duration.ofSeconds(10), () -> "one waiting, was " + gate.waiting(), () -> gate.waiting() == 1);

            gate.close(); // what a stop does first: the waiting call fails, nothing of it is sent
            sender.awaitCompleted(2, Duration.ofSeconds(30));
        }

        assertThat(logs.messages(Level.DEBUG, PRODUCER)).anySatisfy(line -> assertThat(line).matches(
                "Invoked held type=RequestResponse failed in 0 ms waited=\\d+ ms: status=0 code=StoppedBeforeSending "
                + "retryable=true requestId=null \\(never sent\\)"));
        assertThat(lambda.requestCount()).isEqualTo(1);
    }

    @Test
    void neitherTheRequestNorTheAnswerPayloadIsLoggedAtAnyLevel() {
        lambda.stub(invoke("order-pricer").willReturn(ok("{\"total\":\"ANSWER-MARKER\"}")));
        try (CapturedLogs everything = CapturedLogs.component()) {
            camel.send("lambda-invoke:order-pricer", "{\"order\":\"PAYLOAD-MARKER\"}");
            camel.send("lambda-invoke:order-pricer?jsonata=RAW({\"wrapped\": $})", "{\"order\":\"PAYLOAD-MARKER\"}");

            assertThat(everything.text()).contains("Invoked order-pricer").doesNotContain("PAYLOAD-MARKER")
                    .doesNotContain("ANSWER-MARKER");
        }
    }
}
