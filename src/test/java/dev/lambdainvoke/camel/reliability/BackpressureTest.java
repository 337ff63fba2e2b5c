package dev.lambdainvoke.camel.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.CapturedLogs;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.HeldAnswersLambda;
import dev.lambdainvoke.camel.support.LoggerLevel;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC, option {@code maxConcurrency}: "more exchanges wait, holding no thread, and none fails because it waited".
 * Exchanges are offered from one thread through Camel's async API, so any thread that appears is the component's.
 */
class BackpressureTest {

    private static RouteBuilder directTo(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        };
    }

    @Test
    void exchangesWaitingForAPlaceLongerThanTheTimeoutStillSucceed() throws Exception {
        int exchanges = 10;
        long answerMillis = 500;
        Duration timeout = Duration.ofSeconds(1);
        String options = "?maxConcurrency=1&timeout=" + timeout.toSeconds() + "s";
        Map<Integer, Long> waitedMillis = new ConcurrentHashMap<>();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        try (WireMockLambda lambda = new WireMockLambda();
             CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
                 @Override
                 public void configure() {
                     from("direct:in").to("lambda-invoke:queued" + options);
                     // same settings, so the same client and gate: warms both up, a cold JVM's first call being slow
                     from("direct:warm-up").to("lambda-invoke:warm-up" + options);
                 }
             });
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            lambda.stub(invoke("warm-up").willReturn(ok("{}")));
            assertThat(camel.send("direct:warm-up", "{}").getException()).as("warm-up call").isNull();
            lambda.reset();
            lambda.stub(invoke("queued").willReturn(ok("{\"done\":true}").withFixedDelay((int) answerMillis)));

            long started = System.nanoTime();
            for (int i = 0; i < exchanges; i++) {
                int n = i;
                sender.send(e -> e.getMessage().setBody("{\"n\":" + n + "}"), e -> {
                    waitedMillis.put(n, (System.nanoTime() - started) / 1_000_000);
                    recordFailure(n, e, failures);
                });
            }
            sender.awaitCompleted(exchanges, Duration.ofSeconds(60));

            long longest = waitedMillis.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("maxConcurrency=1, timeout=%d ms, answers after %d ms: the last of %d exchanges ended "
                              + "after %d ms; failed: %d%n", timeout.toMillis(), answerMillis, exchanges, longest,
                    failures.size());
            assertThat(failures.values().stream().map(BackpressureTest::describe).toList()).as("exchanges that failed")
                    .isEmpty();
            // one at a time: each request reached Lambda only after the previous answer, so the gate did the waiting
            List<LoggedRequest> requests = lambda.requests();
            assertThat(requests).hasSize(exchanges);
            for (int i = 1; i < exchanges; i++) {
                assertThat(requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime())
                        .as("ms between request %d and %d", i - 1, i).isGreaterThanOrEqualTo(answerMillis - 50);
            }
            // what makes this test mean something: the last exchange waited several timeouts for its place
            assertThat(longest).as("ms the last exchange took, most of it waiting for a place")
                    .isGreaterThan(4 * timeout.toMillis());
        }
    }

    /**
     * Threads stay flat from 10 to 10,000 exchanges in flight. The Lambda holds its answers in a JVM of its own, so its
     * threads do not count; 64 invocations are at Lambda and the rest wait at the gate.
     */
    @Test
    @Tag("reliability")
    void liveThreadsStayFlatFromTenToTenThousandExchangesInFlight() throws Exception {
        int maxConcurrency = 64;
        int fewInFlight = 10;
        int manyInFlight = 10_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        try (LoggerLevel quiet = LoggerLevel.componentAtInfo();
             HeldAnswersLambda lambda = HeldAnswersLambda.start();
             CamelHarness camel = CamelHarness.against(lambda.endpoint(),
                     directTo("lambda-invoke:held?maxConcurrency=" + maxConcurrency + "&timeout=5m"));
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            lambda.hold();

            sendUpTo(fewInFlight, sender, failures);
            lambda.awaitArrived(fewInFlight, Duration.ofSeconds(30));
            assertThat(sender.inFlight()).isEqualTo(fewInFlight);
            int threadsAtFew = threads.getThreadCount();
            threads.resetPeakThreadCount();

            sendUpTo(manyInFlight, sender, failures);
            lambda.awaitArrived(maxConcurrency, Duration.ofSeconds(30));
            assertThat(sender.inFlight()).as("exchanges in flight").isEqualTo(manyInFlight);
            assertThat(lambda.arrived()).as("invocations at Lambda: the rest wait in the gate")
                    .isEqualTo(maxConcurrency);
            int threadsAtMany = threads.getThreadCount();
            int peak = threads.getPeakThreadCount();

            lambda.release();
            sender.awaitCompleted(manyInFlight, Duration.ofMinutes(3));

            System.out.printf("%n=== Threads with exchanges in flight (maxConcurrency %d, Lambda holding answers) ===%n"
                              + "in flight %6d: %d live threads%nin flight %6d: %d live threads (peak %d)%n%n",
                    maxConcurrency, fewInFlight, threadsAtFew, manyInFlight, threadsAtMany, peak);
            assertThat(failures.values().stream().map(BackpressureTest::describe).toList()).as("exchanges that failed")
                    .isEmpty();
            assertThat(threadsAtMany - threadsAtFew).as("threads added going from %d to %d in flight (%d -> %d)",
                    fewInFlight, manyInFlight, threadsAtFew, threadsAtMany).isLessThan(16);
            assertThat(peak - threadsAtFew).as("peak threads over the %d in flight", fewInFlight).isLessThan(16);
        }
    }

    /**
     * The same promise with a user's own client ({@code lambdaClient}) whose pool is smaller than {@code maxConcurrency}:
     * 2 connections and a 1 s acquire timeout, {@code maxConcurrency=8}, a function that takes 2 s. The calls the
     * client cannot carry get no connection in time and nothing is sent for them: they wait again at the gate, which
     * from then on admits 2 at a time and says so once, naming both numbers (issue 10, defect 9). Netty and CRT report
     * the acquire timeout each their own way.
     */
    @ParameterizedTest(name = "user''s client on {0}")
    @ValueSource(strings = {"netty", "crt"})
    void aUsersClientWithASmallerPoolThanMaxConcurrencyFailsNoExchangeForWaiting(String http) throws Exception {
        int exchanges = 10;
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        SdkAsyncHttpClient.Builder<?> smallPool = http.equals("crt")
                ? AwsCrtAsyncHttpClient.builder().maxConcurrency(2).connectionAcquisitionTimeout(Duration.ofSeconds(1))
                : NettyNioAsyncHttpClient.builder().maxConcurrency(2).connectionAcquisitionTimeout(Duration.ofSeconds(1));
        try (CapturedLogs logs = CapturedLogs.component();
             WireMockLambda lambda = new WireMockLambda();
             LambdaAsyncClient client = usersClient(lambda.endpoint(), smallPool);
             CamelHarness camel = CamelHarness.against(lambda.endpoint(), Map.of("usersClient", client),
                     directTo("lambda-invoke:slow?lambdaClient=#usersClient&maxConcurrency=8"));
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            lambda.stub(invoke("slow").willReturn(ok("{}").withFixedDelay(2_000)));

            sendUpTo(exchanges, sender, failures);
            sender.awaitCompleted(exchanges, Duration.ofSeconds(60));

            assertThat(failures.values().stream().map(BackpressureTest::describe).toList()).as("exchanges that failed")
                    .isEmpty();
            assertThat(lambda.requestCount()).as("requests at Lambda: one per exchange").isEqualTo(exchanges);
            // 2 on a quiet machine; 1 when the second connection took longer than the acquire timeout to open
            int limit = camel.component().getClients().status().get(0).limit();
            assertThat(limit).as("calls admitted at once now").isBetween(1, 2);
            List<String> warnings = logs.messages(Level.WARN, "dev.lambdainvoke.camel");
            assertThat(warnings).as("warnings").hasSize(1);
            assertThat(warnings.get(0)).contains("carried only " + limit + " of the 8 calls at once")
                    .contains("maxConcurrency=8");
        }
    }

    private static String describe(Throwable failure) {
        return failure instanceof LambdaInvokeException e
                ? "errorCode=" + e.getErrorCode() + " retryable=" + e.isRetryable() : failure.toString();
    }

    /** A client as a user builds one: their HTTP settings, SDK retries off (Camel redelivers), dummy keys. */
    private static LambdaAsyncClient usersClient(URI endpoint, SdkAsyncHttpClient.Builder<?> http) {
        return LambdaAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .httpClientBuilder(http)
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    private static void sendUpTo(int total, AsyncSender sender, Map<Integer, Throwable> failures) {
        for (int i = sender.sent(); i < total; i++) {
            int n = i;
            sender.send(e -> e.getMessage().setBody("{\"n\":" + n + "}"), e -> recordFailure(n, e, failures));
        }
    }

    private static void recordFailure(int n, Exchange e, Map<Integer, Throwable> failures) {
        if (e.getException() != null) {
            failures.put(n, e.getException());
        }
    }
}
