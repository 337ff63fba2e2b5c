package dev.lambdainvoke.local;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.DurableExecutionAlreadyStartedException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenants and durable execution names, through the real SDK. */
class LocalLambdaTenantAndDurableTest {

    /** Counts its own calls: with tenant isolation, one instance per tenant, so each tenant counts alone. */
    static final class CountingHandler implements RequestHandler<Map<String, Object>, String> {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return LocalLambda.tenantId(context) + ":" + calls.incrementAndGet();
        }
    }

    private final AtomicInteger durableRuns = new AtomicInteger();
    private LocalLambda local;
    private LambdaAsyncClient lambda;

    @BeforeEach
    void start() {
        local = LocalLambda.builder()
                .function(LocalFunction.named("isolated").tenantIsolation(CountingHandler::new))
                .function("shared", (RequestHandler<Map<String, Object>, String>) (in, context) ->
                        String.valueOf(LocalLambda.tenantId(context)))
                .function("durable", (RequestHandler<Map<String, Object>, String>) (in, context) ->
                        "run " + durableRuns.incrementAndGet())
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterEach
    void stop() {
        lambda.close();
        local.close();
    }

    private String text(InvokeResponse response) {
        return response.payload().asUtf8String();
    }

    @Test
    void handlerSeesTheTenantIdTheCallerSent() {
        InvokeResponse response = SdkClients.invoke(lambda, r -> r.functionName("shared").tenantId("acme:eu/1")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(text(response)).isEqualTo("\"acme:eu/1\"");
    }

    @Test
    void functionWithTenantIsolationKeepsStatePerTenant() {
        String a1 = text(SdkClients.invoke(lambda, r -> r.functionName("isolated").tenantId("a").payload(SdkBytes.fromUtf8String("{}"))));
        String a2 = text(SdkClients.invoke(lambda, r -> r.functionName("isolated").tenantId("a").payload(SdkBytes.fromUtf8String("{}"))));
        String b1 = text(SdkClients.invoke(lambda, r -> r.functionName("isolated").tenantId("b").payload(SdkBytes.fromUtf8String("{}"))));

        assertThat(a1).isEqualTo("\"a:1\"");
        assertThat(a2).isEqualTo("\"a:2\"");
        assertThat(b1).isEqualTo("\"b:1\"");
    }

    @Test
    void functionWithTenantIsolationRefusesACallWithoutTenant() {
        LambdaException refused = SdkClients.invokeFailing(lambda, r -> r.functionName("isolated")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
    }

    @Test
    void sameDurableNameAndPayloadReturnsTheFirstResultWithoutRunningAgain() {
        InvokeResponse first = SdkClients.invoke(lambda, r -> r.functionName("durable").durableExecutionName("order-7")
                .payload(SdkBytes.fromUtf8String("{\"id\":7}")));
        InvokeResponse second = SdkClients.invoke(lambda, r -> r.functionName("durable").durableExecutionName("order-7")
                .payload(SdkBytes.fromUtf8String("{\"id\":7}")));

        assertThat(text(first)).isEqualTo("\"run 1\"");
        assertThat(text(second)).isEqualTo("\"run 1\"");
        assertThat(durableRuns).hasValue(1);
        assertThat(first.durableExecutionArn())
                .matches("arn:aws:lambda:us-east-1:000000000000:function:durable:\\$LATEST/durable-execution/order-7/[a-f0-9]+")
                .isEqualTo(second.durableExecutionArn());
    }

    @Test
    void sameDurableNameWithAnotherPayloadIsDurableExecutionAlreadyStarted() {
        SdkClients.invoke(lambda, r -> r.functionName("durable").durableExecutionName("order-8")
                .payload(SdkBytes.fromUtf8String("{\"id\":8}")));

        LambdaException refused = SdkClients.invokeFailing(lambda, r -> r.functionName("durable")
                .durableExecutionName("order-8").payload(SdkBytes.fromUtf8String("{\"id\":9}")));

        assertThat(refused).isInstanceOf(DurableExecutionAlreadyStartedException.class);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(durableRuns).hasValue(1);
    }

    @Test
    void eventWithTheSameDurableNameStartsOneExecution() {
        InvokeResponse first = SdkClients.invoke(lambda, r -> r.functionName("durable").durableExecutionName("ev-1")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}")));
        InvokeResponse second = SdkClients.invoke(lambda, r -> r.functionName("durable").durableExecutionName("ev-1")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.durableExecutionArn()).isEqualTo(first.durableExecutionArn()).isNotNull();
    }

    @Test
    void malformedDurableNameIsRefused() {
        LambdaException refused = SdkClients.invokeFailing(lambda, r -> r.functionName("durable")
                .durableExecutionName("no spaces").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(durableRuns).hasValue(0);
    }
}
