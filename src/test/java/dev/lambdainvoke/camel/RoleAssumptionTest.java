package dev.lambdainvoke.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.Await;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.SigV4;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import dev.lambdainvoke.camel.support.WireMockSts;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static dev.lambdainvoke.camel.support.WireMockSts.assumeRole;
import static dev.lambdainvoke.camel.support.WireMockSts.credentials;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "roleArn then assumes a role": the base credentials sign the STS AssumeRole call (at stsEndpointOverride, never at
 * the Lambda override) with the role, external id and session name; the role's temporary credentials sign the
 * invocation, and are refreshed before they expire.
 */
@WireMockLambdaTest
class RoleAssumptionTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/invoker";

    private static WireMockLambda lambda;
    private static WireMockSts sts;

    @BeforeAll
    static void startPeers() {
        sts = new WireMockSts();
    }

    @AfterAll
    static void stopPeers() {
        sts.close();
    }

    @BeforeEach
    void answer() {
        sts.reset();
        lambda.stub(invoke("f").willReturn(ok("\"ok\"")));
        sts.stub(assumeRole().willReturn(credentials("ASIAROLE1", "role-secret-1", "role-token-1", Duration.ofHours(1))));
    }

    @Test
    void theBaseKeysAssumeTheRoleAndTheRolesCredentialsSignTheInvocation() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) { // the harness's static keys (test-access-key) are the base
            assertSucceeded(camel.send(roleUri() + "&roleExternalId=ext-123", "{}"));
        }

        LoggedRequest assume = onlyAssumeRoleCall();
        assertThat(WireMockSts.form(assume)).containsEntry("RoleArn", ROLE).containsEntry("ExternalId", "ext-123")
                .containsEntry("RoleSessionName", "camel-lambda-invoke");
        assertThat(SigV4.accessKeyId(assume)).isEqualTo("test-access-key");
        assertThat(SigV4.service(assume)).isEqualTo("sts");
        assertThat(SigV4.region(assume)).as("STS region: the Lambda client's").isEqualTo("us-east-1");

        LoggedRequest invocation = lambda.onlyRequest();
        assertThat(SigV4.accessKeyId(invocation)).isEqualTo("ASIAROLE1");
        assertThat(SigV4.sessionToken(invocation)).isEqualTo("role-token-1");
        assertThat(SigV4.service(invocation)).isEqualTo("lambda");
    }

    @Test
    void theSessionNameIsSentAsGivenAndNoExternalIdWhenNoneIsSet() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            assertSucceeded(camel.send(roleUri() + "&roleSessionName=orders-route", "{}"));
        }

        assertThat(WireMockSts.form(onlyAssumeRoleCall())).containsEntry("RoleSessionName", "orders-route")
                .doesNotContainKey("ExternalId");
    }

    @Test
    void stsIsCalledAtItsOwnOverrideAndTheLambdaOverrideOnlyGetsInvocations() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            assertSucceeded(camel.send(roleUri(), "{}"));
        }

        assertThat(lambda.requests()).hasSize(1).allSatisfy(r -> assertThat(r.getUrl()).contains("/invocations"));
        assertThat(sts.server().getAllServeEvents()).hasSize(1);
    }

    @Test
    void aRoleIsAssumedOnTopOfAProfile(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[base]\naws_access_key_id = AKIDPROFILEBASE\naws_secret_access_key = profile-secret\n");
        try (SystemProperties files = SystemProperties.set("aws.sharedCredentialsFile", credentials.toString())
                .and("aws.configFile", dir.resolve("none").toString());
             CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
            assertSucceeded(camel.send(roleUri() + "&profile=base", "{}"));
        }

        assertThat(SigV4.accessKeyId(onlyAssumeRoleCall())).isEqualTo("AKIDPROFILEBASE");
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("ASIAROLE1");
    }

    @Test
    void credentialsAreRefreshedInTheBackgroundBeforeTheyExpire() throws Exception {
        // the first credentials expire in 90 s: past the provider's prefetch time (5 min before expiry, jittered to at
        // most 1 min before they go stale, 1 min before expiry), so the next use starts a refresh on the SDK's background
        // thread while the current credentials still serve; the second credentials last an hour
        sts.reset();
        sts.stub(assumeRole().inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(credentials("ASIASHORTLIVED", "s1", "token-1", Duration.ofSeconds(90)))
                .willSetStateTo("refreshed"));
        sts.stub(assumeRole().inScenario("refresh").whenScenarioStateIs("refreshed")
                .willReturn(credentials("ASIAREFRESHED", "s2", "token-2", Duration.ofHours(1))));
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            assertSucceeded(camel.send(roleUri(), "{}"));
            assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("ASIASHORTLIVED");

            IdentityProvider<? extends AwsCredentialsIdentity> provider = client(camel).serviceClientConfiguration()
                    .credentialsProvider();
            awaitAccessKey(provider, "ASIAREFRESHED", Duration.ofSeconds(20));
            lambda.reset();
            lambda.stub(invoke("f").willReturn(ok("\"ok\"")));

            assertSucceeded(camel.send(roleUri(), "{}"));
            assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("ASIAREFRESHED");
            assertThat(SigV4.sessionToken(lambda.onlyRequest())).isEqualTo("token-2");
        }
        assertThat(sts.assumeRoleCalls()).hasSize(2);
    }

    @Test
    void aRefusedAssumeRoleFailsTheExchangeWithoutInvokingAndIsNotRetryable() throws Exception {
        sts.reset();
        sts.stub(assumeRole().willReturn(WireMockSts.error(403, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/caller is not authorized to perform: sts:AssumeRole")));
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            Exchange result = camel.send(roleUri(), "{}");

            assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.isRetryable()).isFalse();
            assertThat(error.getStatusCode()).isEqualTo(403);
            assertThat(error.getErrorCode()).isEqualTo("AccessDenied");
            assertThat(error.getMessage()).contains("sts:AssumeRole");
            assertThat(error.getMessage()).startsWith("Assuming role " + ROLE + " failed")
                    .doesNotContain("test-secret-key");
            assertThat(error.getRequestId()).as("STS's request id").isEqualTo("sts-err-1");
        }
        assertThat(lambda.requestCount()).isZero();
    }

    @ParameterizedTest(name = "STS {0} {1}")
    @CsvSource({ "400, Throttling", "500, InternalFailure", "503, ServiceUnavailable" })
    void stsThrottlingOrServerErrorFailsTheExchangeAsARetryableRoleAssumptionFailure(int status, String code)
            throws Exception {
        sts.reset();
        sts.stub(assumeRole().willReturn(WireMockSts.error(status, code, "Rate exceeded")));
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            Exchange result = camel.send(roleUri(), "{}");

            assertThat(result.getException()).isExactlyInstanceOf(LambdaInvokeException.class);
            LambdaInvokeException error = (LambdaInvokeException) result.getException();
            assertThat(error.isRetryable()).isTrue();
            assertThat(error.getStatusCode()).isEqualTo(status);
            assertThat(error.getErrorCode()).isEqualTo(code);
            assertThat(error.getFunction()).isEqualTo("f");
            assertThat(error.getMessage()).startsWith("Assuming role " + ROLE + " failed").contains("STS answered HTTP "
                                                                                                     + status);
        }
        assertThat(lambda.requestCount()).isZero();
    }

    private static String roleUri() {
        return "lambda-invoke:f?roleArn=" + ROLE + "&stsEndpointOverride=" + sts.endpoint();
    }

    private static LoggedRequest onlyAssumeRoleCall() {
        assertThat(sts.assumeRoleCalls()).hasSize(1);
        return sts.assumeRoleCalls().get(0);
    }

    private static LambdaAsyncClient client(CamelHarness camel) {
        return camel.context().getEndpoint(roleUri(), LambdaInvokeEndpoint.class).invoker().client();
    }

    /** Polls the client's own provider until it hands out {@code accessKeyId}: no invocation needed, none made. */
    private static void awaitAccessKey(IdentityProvider<? extends AwsCredentialsIdentity> provider, String accessKeyId,
                                       Duration within) {
        Await.until(within, () -> "refreshed credentials " + accessKeyId + ", still " + accessKeyOf(provider),
                () -> accessKeyId.equals(accessKeyOf(provider)));
    }

    private static String accessKeyOf(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        return provider.resolveIdentity().join().accessKeyId();
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("\"ok\"");
    }
}
