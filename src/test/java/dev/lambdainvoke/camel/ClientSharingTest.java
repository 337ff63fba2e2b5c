package dev.lambdainvoke.camel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.lambdainvoke.camel.internal.client.LambdaInvoker;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.Peers;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** One SDK client per distinct setting, shared and closed with its last endpoint; a user's client used as is. */
@WireMockLambdaTest(camel = WireMockLambdaTest.Camel.PER_TEST)
class ClientSharingTest {

    private static WireMockLambda lambda;
    private CamelHarness camel;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("a").willReturn(ok("\"a\"")));
        lambda.stub(invoke("b").willReturn(ok("\"b\"")));
    }

    private LambdaInvokeEndpoint endpoint(String uri) {
        return camel.context().getEndpoint(uri, LambdaInvokeEndpoint.class);
    }

    @Test
    void endpointsWithTheSameClientSettingsShareOneClient() {
        assertThat(camel.send("lambda-invoke:a", "{}").getMessage().getBody()).isEqualTo("\"a\"");
        assertThat(camel.send("lambda-invoke:b?qualifier=prod", "{}").getMessage().getBody()).isEqualTo("\"b\"");

        assertThat(camel.component().getClients().size()).isEqualTo(1);
        assertThat(endpoint("lambda-invoke:a").invoker())
                .isSameAs(endpoint("lambda-invoke:b?qualifier=prod").invoker());
    }

    @Test
    void endpointsWithDifferentClientSettingsGetTheirOwnClient() {
        camel.send("lambda-invoke:a", "{}");
        camel.send("lambda-invoke:b?timeout=30s", "{}");

        assertThat(camel.component().getClients().size()).isEqualTo(2);
        assertThat(endpoint("lambda-invoke:a").invoker()).isNotSameAs(endpoint("lambda-invoke:b?timeout=30s").invoker());
    }

    @Test
    void theSharedClientIsClosedWhenItsLastEndpointStops() throws Exception {
        LambdaInvokeEndpoint a = endpoint("lambda-invoke:a");
        LambdaInvokeEndpoint b = endpoint("lambda-invoke:b");
        LambdaAsyncClient shared = a.invoker().client();

        camel.context().removeEndpoint(a);
        assertThat(camel.component().getClients().size()).isEqualTo(1);
        assertThat(invokeDirectly(shared, "b").statusCode()).isEqualTo(200); // b still holds it

        camel.context().removeEndpoint(b);
        assertThat(camel.component().getClients().size()).isZero();
        assertThat(invokeOutcome(shared, "b")).failsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aUsersClientFromTheRegistryIsUsedAsIsAndNeverClosed() throws Exception {
        // the component points at a port nobody listens on: only the user's client can reach the stub
        CamelHarness elsewhere = CamelHarness.against(java.net.URI.create("http://127.0.0.1:" + Peers.freePort()));
        LambdaAsyncClient own = clientFor(lambda);
        try {
            elsewhere.context().getRegistry().bind("myLambda", own);

            Exchange result = elsewhere.send("lambda-invoke:a?lambdaClient=#myLambda", "{}");
            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody()).isEqualTo("\"a\"");
            assertThat(elsewhere.context().getEndpoint("lambda-invoke:a?lambdaClient=#myLambda",
                    LambdaInvokeEndpoint.class).invoker().client()).isSameAs(own);

            elsewhere.close();
            assertThat(invokeDirectly(own, "a").statusCode()).isEqualTo(200);
        } finally {
            elsewhere.close();
            own.close();
        }
    }

    @Test
    void aSingleUsersClientInTheRegistryIsAutowired() throws Exception {
        LambdaAsyncClient own = clientFor(lambda);
        CamelHarness elsewhere = CamelHarness.against(java.net.URI.create("http://127.0.0.1:" + Peers.freePort()),
                Map.of("theOnlyLambdaClient", own));
        try {
            Exchange result = elsewhere.send("lambda-invoke:b", "{}");

            assertThat(result.getException()).isNull();
            assertThat(result.getMessage().getBody()).isEqualTo("\"b\"");
        } finally {
            elsewhere.close();
            own.close();
        }
    }

    @Test
    void endpointsSharingAUsersClientShareOneConcurrencyLimit() throws Exception {
        LambdaAsyncClient own = clientFor(lambda);
        try {
            camel.context().getRegistry().bind("myLambda", own);
            LambdaInvoker a = endpoint("lambda-invoke:a?lambdaClient=#myLambda&maxConcurrency=3").invoker();
            LambdaInvoker b = endpoint("lambda-invoke:b?lambdaClient=#myLambda&maxConcurrency=3").invoker();
            LambdaInvoker otherLimit = endpoint("lambda-invoke:b?lambdaClient=#myLambda&maxConcurrency=5").invoker();

            assertThat(a).isSameAs(b);
            assertThat(a.gate().limit()).isEqualTo(3);
            assertThat(otherLimit).isNotSameAs(a);
            assertThat(otherLimit.gate().limit()).isEqualTo(5);
        } finally {
            camel.close();
            own.close();
        }
    }

    private static LambdaAsyncClient clientFor(WireMockLambda lambda) {
        return LambdaAsyncClient.builder()
                .endpointOverride(lambda.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
    }

    private static InvokeResponse invokeDirectly(LambdaAsyncClient client, String function) throws Exception {
        return invokeOutcome(client, function).get(10, TimeUnit.SECONDS);
    }

    private static CompletableFuture<InvokeResponse> invokeOutcome(LambdaAsyncClient client, String function) {
        try {
            return client.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String("{}")));
        } catch (RuntimeException closed) {
            return CompletableFuture.failedFuture(closed);
        }
    }
}
