package dev.lambdainvoke.camel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route carries on after lambda-invoke on the SDK's completion thread: never on the Netty I/O thread (a slow step
 * there would stall every connection it serves), and with no hop to a thread pool of the component's own (each hop costs
 * a context switch per invocation).
 */
class CompletionThreadTest {

    private static final String SDK_COMPLETION_THREAD = "sdk-async-response";
    private static final String IO_THREAD = "lambda-invoke-io";

    private static WireMockLambda lambda;

    @BeforeAll
    static void startLambda() {
        lambda = new WireMockLambda();
        lambda.stub(invoke("ok").willReturn(ok("{\"done\":true}")));
        lambda.stub(invoke("broken").willReturn(WireMockLambda.awsError(500, "ServiceException", "try again")));
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
    }

    @Test
    void theStepAfterASuccessfulInvocationRunsOnTheSdkCompletionThread() throws Exception {
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

        assertThat(threads.get("after")).startsWith(SDK_COMPLETION_THREAD).doesNotStartWith(IO_THREAD)
                .isNotEqualTo(threads.get("before"));
    }

    @Test
    void errorHandlingAfterAFailedInvocationRunsOnTheSdkCompletionThreadToo() throws Exception {
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

        assertThat(threads.get("catch")).startsWith(SDK_COMPLETION_THREAD);
    }
}
