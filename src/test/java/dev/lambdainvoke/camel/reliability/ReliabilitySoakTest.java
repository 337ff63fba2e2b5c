package dev.lambdainvoke.camel.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.lambdainvoke.camel.LambdaInvokeException;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.LoggerLevel;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invokeAny;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Errors", last paragraph -- nothing is lost -- under load and faults: 10,000 exchanges offered at once to a route
 * with {@code maxConcurrency} far below the load, the SPEC's redelivery policy and a dead-letter channel, against a
 * Lambda that fails a deterministic share of them in every way the SPEC classifies ({@link Fate}). Each exchange must
 * end exactly once; retryable failures are redelivered once and then succeed; non-retryable ones are never sent again
 * and reach the dead-letter channel with their error code; a 429's {@code Retry-After} is honoured under load.
 */
@Tag("reliability")
class ReliabilitySoakTest {

    private static final int EXCHANGES = 10_000;
    private static final int MAX_CONCURRENCY = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Well past TIMEOUT, so a slow answer is a timeout however the machine is loaded. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(3);
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(3);
    private static final String ID_HEADER = "SoakId";
    private static final String FUNCTION = "soak";
    private static final String OPTIONS = "?maxConcurrency=" + MAX_CONCURRENCY + "&timeout=" + TIMEOUT.toSeconds()
                                          + "s&jsonata=" + CamelHarness.raw("{\"id\": id, \"fate\": fate}");
    private static final int WARM_UP = 50;

    @Test
    void tenThousandExchangesUnderFaultsEachEndExactlyOnceAndOnlyRetryableFailuresAreRetried() throws Exception {
        FatefulLambda lambdaSide = new FatefulLambda(FUNCTION, EXCHANGES, SLOW_ANSWER);
        Endings endings = new Endings(EXCHANGES);
        int expectedRequests = 0;
        for (int id = 0; id < EXCHANGES; id++) {
            expectedRequests += Fate.of(id).attempts;
        }
        long millis;
        int requests;
        try (LoggerLevel quiet = LoggerLevel.componentAtInfo();
             // the SDK's Netty client logs a WARN with a stack trace for some cancelled (timed-out) calls, after the
             // exchange has ended with its Timeout: aws/aws-sdk-java-v2#2713; noise in a run with 30 timeouts
             LoggerLevel sdkNoise = LoggerLevel.set("io.netty.channel.DefaultChannelPipeline", Level.ERROR);
             WireMockLambda lambda = new WireMockLambda(options -> options.extensions(lambdaSide));
             CamelHarness camel = CamelHarness.against(lambda.endpoint(), routes(endings));
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            // a cold JVM's first calls can take most of TIMEOUT: warm the client, JSONata and the route up first
            lambda.stub(invokeAny().willReturn(ok("{}")));
            for (int i = 0; i < WARM_UP; i++) {
                assertThat(camel.send("direct:warm-up", "{\"id\":-1,\"fate\":\"OK\"}").getException()).isNull();
            }
            lambda.reset();
            lambda.stub(invokeAny().willReturn(ok("{}"))); // FatefulLambda decides every answer to the soak function

            long started = System.nanoTime();
            for (int id = 0; id < EXCHANGES; id++) {
                int n = id;
                sender.send(exchange -> {
                    exchange.getMessage().setHeader(ID_HEADER, n);
                    exchange.getMessage().setBody(body(n));
                }, exchange -> endings.callback(n, exchange));
            }
            sender.awaitCompleted(EXCHANGES, RUN_DEADLINE);
            millis = (System.nanoTime() - started) / 1_000_000;

            lambda.awaitRequestCount(expectedRequests, Duration.ofSeconds(30));
            assertThat(camel.context().getInflightRepository().size()).as("exchanges still in flight").isZero();
            camel.context().stop(); // from here nothing can end again: a late second ending would be counted by now
            requests = lambda.requestCount();
        }

        Report report = new Report(endings, lambdaSide);
        report.print(millis, requests);

        assertThat(lambdaSide.unexpectedRequests()).as("requests Lambda could not match to an id and its fate")
                .isEmpty();
        assertThat(report.lost).as("ids whose exchange never ended (no callback)").isEmpty();
        assertThat(report.duplicated).as("ids whose exchange ended more than once (callbacks, or success and "
                                         + "dead letter)").isEmpty();
        assertThat(report.exchanges).as("distinct exchanges called back").isEqualTo(EXCHANGES);
        assertThat(report.exchangesNotCalledBackOnce).as("exchange ids called back more than once").isEmpty();
        assertThat(report.leftWithException).as("ids whose exchange came back with an unhandled exception").isEmpty();
        assertThat(report.wrongEnding).as("ids that ended otherwise than their fate says").isEmpty();
        assertThat(report.wrongAttempts).as("ids whose number of requests at Lambda differs from their fate's")
                .isEmpty();
        assertThat(report.retryAfterIgnored).as("throttled ids redelivered sooner than the Retry-After of 1 s")
                .isEmpty();
        assertThat(requests).as("requests received by Lambda").isEqualTo(expectedRequests);
    }

    private static String body(int id) {
        Fate fate = Fate.of(id);
        if (fate == Fate.NOT_JSON) {
            return "order " + id + ", not JSON";
        }
        return "{\"id\":" + id + ",\"fate\":\"" + fate + "\",\"note\":\"dropped by the mapping\"}";
    }

    private static RouteBuilder routes(Endings endings) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead"));
                // the SPEC's policy: redeliver only what is retryable, never sleeping on a thread while waiting
                onException(LambdaInvokeException.class).onWhen(simple("${exception.retryable}"))
                        .maximumRedeliveries(3).redeliveryDelay(10).asyncDelayedRedelivery();
                from("direct:in").to("lambda-invoke:" + FUNCTION + OPTIONS).process(endings::succeeded);
                // same options, so the same client and gate as the soak; a failure stays on the exchange
                from("direct:warm-up").errorHandler(noErrorHandler()).to("lambda-invoke:warm-up" + OPTIONS);
                from("direct:dead").process(endings::deadLettered);
            }
        };
    }

    /** How each id's exchange ended, as Camel reported it: callbacks, the success step, the dead-letter channel. */
    static final class Endings {

        final AtomicIntegerArray callbacks;
        final AtomicIntegerArray successes;
        final AtomicIntegerArray deadLetters;
        final AtomicReferenceArray<String> successBody;
        final AtomicReferenceArray<String> deadLetterCode;
        final AtomicReferenceArray<String> exceptionLeft;
        final Map<String, AtomicInteger> callbacksByExchangeId = new ConcurrentHashMap<>();

        Endings(int ids) {
            callbacks = new AtomicIntegerArray(ids);
            successes = new AtomicIntegerArray(ids);
            deadLetters = new AtomicIntegerArray(ids);
            successBody = new AtomicReferenceArray<>(ids);
            deadLetterCode = new AtomicReferenceArray<>(ids);
            exceptionLeft = new AtomicReferenceArray<>(ids);
        }

        void callback(int id, Exchange exchange) {
            callbacks.incrementAndGet(id);
            callbacksByExchangeId.computeIfAbsent(exchange.getExchangeId(), k -> new AtomicInteger()).incrementAndGet();
            if (exchange.getException() != null) {
                exceptionLeft.set(id, exchange.getException().toString());
            }
        }

        void succeeded(Exchange exchange) {
            int id = exchange.getMessage().getHeader(ID_HEADER, Integer.class);
            successes.incrementAndGet(id);
            successBody.set(id, exchange.getMessage().getBody(String.class));
        }

        void deadLettered(Exchange exchange) {
            int id = exchange.getMessage().getHeader(ID_HEADER, Integer.class);
            deadLetters.incrementAndGet(id);
            Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            deadLetterCode.set(id, caught instanceof LambdaInvokeException e ? e.getErrorCode() : String.valueOf(caught));
        }
    }

    /** The checks, id by id, and the figures the README quotes. */
    static final class Report {

        final List<Integer> lost = new ArrayList<>();
        final List<Integer> duplicated = new ArrayList<>();
        final List<String> leftWithException = new ArrayList<>();
        final List<String> wrongEnding = new ArrayList<>();
        final List<String> wrongAttempts = new ArrayList<>();
        final List<String> retryAfterIgnored = new ArrayList<>();
        final List<String> exchangesNotCalledBackOnce = new ArrayList<>();
        final Map<Fate, Integer> exchangesByFate = new EnumMap<>(Fate.class);
        final Map<String, Integer> deadLettersByCode = new TreeMap<>();
        final FatefulLambda lambdaSide;
        int succeeded;
        int deadLettered;
        int endedOnce;
        int exchanges;
        long shortestRetryAfterWait = Long.MAX_VALUE;

        Report(Endings endings, FatefulLambda lambdaSide) {
            this.lambdaSide = lambdaSide;
            for (int id = 0; id < endings.callbacks.length(); id++) {
                Fate fate = Fate.of(id);
                exchangesByFate.merge(fate, 1, Integer::sum);
                int callbacks = endings.callbacks.get(id);
                int successes = endings.successes.get(id);
                int deadLetters = endings.deadLetters.get(id);
                succeeded += successes;
                deadLettered += deadLetters;
                if (callbacks == 0) {
                    lost.add(id);
                } else if (callbacks > 1 || successes + deadLetters > 1) {
                    duplicated.add(id);
                } else if (successes + deadLetters == 1) {
                    endedOnce++;
                }
                if (endings.exceptionLeft.get(id) != null) {
                    leftWithException.add(id + " " + fate + ": " + endings.exceptionLeft.get(id));
                }
                if (fate.endsInSuccess()) {
                    if (successes != 1 || !Fate.successPayload(id).equals(endings.successBody.get(id))) {
                        wrongEnding.add(id + " " + fate + ": successes=" + successes + " body="
                                        + endings.successBody.get(id) + " deadLetter=" + endings.deadLetterCode.get(id));
                    }
                } else {
                    String code = endings.deadLetterCode.get(id);
                    if (code != null) {
                        deadLettersByCode.merge(code, 1, Integer::sum);
                    }
                    if (deadLetters != 1 || !fate.deadLetterCode.equals(code) || successes != 0) {
                        wrongEnding.add(id + " " + fate + ": deadLetters=" + deadLetters + " code=" + code
                                        + " successes=" + successes);
                    }
                }
                int attempts = lambdaSide.attempts(id);
                if (attempts != fate.attempts) {
                    wrongAttempts.add(id + " " + fate + ": " + attempts + " requests, expected " + fate.attempts);
                }
                if (fate == Fate.THROTTLED_THEN_OK && attempts == 2) {
                    long waited = lambdaSide.millisBetweenFirstTwoAttempts(id);
                    shortestRetryAfterWait = Math.min(shortestRetryAfterWait, waited);
                    // the answer took some ms to travel back, so the stub sees at least the 1,000 ms Camel waited
                    if (waited < 1_000) {
                        retryAfterIgnored.add(id + ": redelivered " + waited + " ms after the 429");
                    }
                }
            }
            exchanges = endings.callbacksByExchangeId.size();
            endings.callbacksByExchangeId.forEach((exchangeId, count) -> {
                if (count.get() != 1) {
                    exchangesNotCalledBackOnce.add(exchangeId + ": " + count.get() + " callbacks");
                }
            });
        }

        void print(long millis, int requests) {
            StringBuilder text = new StringBuilder("\n=== Reliability soak: ").append(EXCHANGES)
                    .append(" exchanges, maxConcurrency ").append(MAX_CONCURRENCY).append(", timeout ")
                    .append(TIMEOUT.toSeconds()).append(" s ===\n");
            text.append(String.format("%-22s %9s %8s %s%n", "fate", "exchanges", "faults", "expected ending"));
            for (Fate fate : Fate.values()) {
                int faults = fate == Fate.NOT_JSON ? exchangesByFate.get(fate) : lambdaSide.faultsInjected(fate);
                text.append(String.format("%-22s %9d %8d %s%n", fate, exchangesByFate.get(fate), faults,
                        fate.endsInSuccess() ? (fate.attempts == 1 ? "success" : "success after 1 redelivery")
                                : "dead letter " + fate.deadLetterCode + ", not redelivered"));
            }
            text.append(String.format("requests at Lambda     %d%n", requests));
            text.append(String.format("succeeded              %d%n", succeeded));
            text.append(String.format("dead-lettered          %d %s%n", deadLettered, deadLettersByCode));
            text.append(String.format("ended exactly once     %d%n", endedOnce));
            text.append(String.format("lost                   %d%n", lost.size()));
            text.append(String.format("duplicates             %d%n", duplicated.size()));
            text.append(String.format("shortest wait after 429 (Retry-After: 1)  %d ms%n", shortestRetryAfterWait));
            text.append(String.format("wall time              %.1f s (%.0f exchanges/s)%n", millis / 1000.0,
                    EXCHANGES * 1000.0 / Math.max(1, millis)));
            System.out.println(text);
        }
    }
}
