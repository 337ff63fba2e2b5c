package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.lambdainvoke.camel.internal.client.LambdaClientCache;
import dev.lambdainvoke.camel.support.AsyncSender;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.HeldAnswersLambda;
import dev.lambdainvoke.camel.support.LoggerLevel;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route carries on after lambda-invoke on the thread the SDK completes the call on, from the completion pool the
 * component gives its clients: never on the Netty I/O thread (a slow step there would stall every connection it serves),
 * and with no further hop (each hop costs a context switch per invocation).
 */
@WireMockLambdaTest
class CompletionThreadTest {

    private static final String COMPLETION_THREAD = "lambda-invoke-completion";
    private static final String IO_THREAD = "lambda-invoke-io";

    private static WireMockLambda lambda;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("ok").willReturn(ok("{\"done\":true}")));
        lambda.stub(invoke("broken").willReturn(WireMockLambda.awsError(500, "ServiceException", "try again")));
    }

    @Test
    void theStepAfterASuccessfulInvocationRunsOnACompletionThread() throws Exception {
        Map<String, String> threads = new ConcurrentHashMap<>();
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .process(e -> threads.put("before", Thread.currentThread().getName()))
                        .to("lambda-invoke:ok")
                        .process(e -> threads.put("after", Thread.currentThread().getName()));
            }
        })) {
            assertThat(camel.send("direct:start", "{}").getException()).isNull();
        }

        assertThat(threads.get("after")).startsWith(COMPLETION_THREAD).doesNotStartWith(IO_THREAD)
                .isNotEqualTo(threads.get("before"));
    }

    @Test
    void errorHandlingAfterAFailedInvocationRunsOnACompletionThreadToo() throws Exception {
        Map<String, String> threads = new ConcurrentHashMap<>();
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .doTry()
                            .to("lambda-invoke:broken")
                        .doCatch(LambdaInvokeException.class)
                            .process(e -> threads.put("catch", Thread.currentThread().getName()))
                        .end();
            }
        })) {
            assertThat(camel.send("direct:start", "{}").getException()).isNull();
        }

        assertThat(threads.get("catch")).startsWith(COMPLETION_THREAD);
    }

    @Test
    void onCrtTheStepAfterAnInvocationRunsOnTheSameCompletionThreads() throws Exception {
        Map<String, String> threads = new ConcurrentHashMap<>();
        try (CamelHarness camel = CamelHarness.against(lambda.endpoint(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .to("lambda-invoke:ok?httpClient=crt")
                        .process(e -> threads.put("after", Thread.currentThread().getName()));
            }
        })) {
            assertThat(camel.send("direct:start", "{}").getException()).isNull();
        }

        assertThat(threads.get("after")).startsWith(COMPLETION_THREAD);
    }

    /**
     * Issue 10, defect 12: 5,000 invocations in flight whose answers all arrive while the route after lambda-invoke is
     * busy (its step waits until every answer has been read). The SDK's default completion pool (a queue of 1,000, at most
     * 64 threads) overflowed and ran the rest on the I/O thread that read the answer; the component's clients complete on
     * a pool of their own whose queue takes every answer.
     */
    @Test
    void fiveThousandAnswersArrivingWhileTheRouteIsBusyNeverContinueItOnAnIoThread() throws Exception {
        int inFlight = 5_000;
        Map<String, LongAdder> threadsAfter = new ConcurrentHashMap<>();
        AtomicInteger entered = new AtomicInteger();
        CountDownLatch routeMayGoOn = new CountDownLatch(1);
        try (LoggerLevel quiet = LoggerLevel.componentAtInfo();
             HeldAnswersLambda held = HeldAnswersLambda.start(inFlight);
             CamelHarness camel = CamelHarness.against(held.endpoint(), new RouteBuilder() {
                 @Override
                 public void configure() {
                     from("direct:in")
                             .to("lambda-invoke:held?maxConcurrency=" + inFlight + "&timeout=2m&connectTimeout=30s")
                             .process(e -> {
                                 threadsAfter.computeIfAbsent(Thread.currentThread().getName(), name -> new LongAdder())
                                         .increment();
                                 entered.incrementAndGet();
                                 routeMayGoOn.await(2, TimeUnit.MINUTES); // a busy route step
                             });
                 }
             });
             AsyncSender sender = AsyncSender.to(camel.context(), "direct:in")) {
            held.hold();
            for (int i = 0; i < inFlight; i++) {
                sender.send(e -> e.getMessage().setBody("{}"));
            }
            held.awaitArrived(inFlight, Duration.ofSeconds(60));

            held.release();
            LambdaClientCache clients = camel.component().getClients();
            Await.until(Duration.ofSeconds(60), () -> entered.get() + " in the busy step, "
                                                    + clients.answersWaitingForACompletionThread() + " waiting for a "
                                                    + "completion thread; threads: " + threadsAfter.keySet(),
                    () -> onAnIoThread(threadsAfter.keySet())
                          || entered.get() + clients.answersWaitingForACompletionThread() == inFlight);
            routeMayGoOn.countDown();
            sender.awaitCompleted(inFlight, Duration.ofSeconds(60));
        }

        long after = threadsAfter.values().stream().mapToLong(LongAdder::sum).sum();
        assertThat(after).as("exchanges that went on after lambda-invoke").isEqualTo(inFlight);
        assertThat(onAnIoThread(threadsAfter.keySet())).as("the route went on on an I/O thread: " + threadsAfter)
                .isFalse();
        assertThat(threadsAfter.keySet()).allMatch(name -> name.startsWith(COMPLETION_THREAD));
    }

    private static boolean onAnIoThread(Set<String> threads) {
        return threads.stream().anyMatch(name -> name.startsWith(IO_THREAD)
                                                 || name.startsWith("aws-java-sdk-NettyEventLoop"));
    }
}
