package dev.lambdainvoke.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.MotoExtension;
import dev.lambdainvoke.camel.support.MotoPeer;
import dev.lambdainvoke.camel.support.SystemProperties;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials against a real peer that checks them: moto in auth mode verifies each SigV4 signature and evaluates IAM
 * (it sees an invocation as {@code lambda:Invoke} on {@code *}). The user {@code caller} may only assume roles, so a
 * successful invocation through {@code roleArn} can only have been signed by the role's credentials: the user alone is
 * denied.
 */
@ExtendWith(MotoExtension.class)
class MotoCredentialsTest {

    private static final String ACCOUNT = MotoPeer.ACCOUNT;
    private static final String INVOKER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/invoker";
    private static final String NO_INVOKE_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/no-invoke";
    private static final String EXTERNAL_ID = "ext-7f3a";
    // moto evaluates the invocation as lambda:Invoke; AWS as lambda:InvokeFunction: the policy allows both
    private static final String INVOKE = "{\"Effect\":\"Allow\",\"Action\":[\"lambda:InvokeFunction\",\"lambda:Invoke\"],"
                                         + "\"Resource\":\"*\"}";
    /** Every setup call below, done while moto still skips authentication; auth applies from the next request on. */
    private static final int SETUP_ACTIONS = 10;

    private static MotoPeer moto;
    private static Keys invoker;
    private static Keys caller;

    record Keys(String accessKeyId, String secretKey) {
    }

    @BeforeAll
    static void startMotoAndSetUpIam() {
        moto = MotoPeer.start(SETUP_ACTIONS);
        invoker = user("invoker", "[" + INVOKE + "]");
        caller = user("caller", "[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":[\"" + INVOKER_ROLE
                                + "\",\"" + NO_INVOKE_ROLE + "\"]}]");
        String trustCaller = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":user/caller\"},"
                             + "\"Action\":\"sts:AssumeRole\"";
        moto.iam("CreateRole", Map.of("RoleName", "invoker", "AssumeRolePolicyDocument", policy(trustCaller
                + ",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + EXTERNAL_ID + "\"}}}")));
        moto.iam("PutRolePolicy", Map.of("RoleName", "invoker", "PolicyName", "invoke", "PolicyDocument",
                policy(INVOKE)));
        moto.iam("CreateRole", Map.of("RoleName", "no-invoke", "AssumeRolePolicyDocument", policy(trustCaller + "}")));
        moto.createFunction("echo", INVOKER_ROLE);
        assertThat(moto.signedRequests()).as("setup calls, all inside moto's unauthenticated allowance")
                .isEqualTo(SETUP_ACTIONS);
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
            assertThat(moto.isAlive()).isFalse();
        }
    }

    @Test
    void theRightKeysInvoke() throws Exception {
        Exchange result = send("lambda-invoke:echo", keys(invoker));

        assertEchoed(result);
    }

    @Test
    void aWrongSecretIsRefusedWith403AndIsNotRetryable() throws Exception {
        Exchange result = send("lambda-invoke:echo", c -> {
            c.setAccessKey(invoker.accessKeyId());
            c.setSecretKey(invoker.secretKey() + "x");
        });

        LambdaInvokeException error = failure(result);
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.isRetryable()).isFalse();
        assertThat(motosAnswer(error)).contains("SignatureDoesNotMatch");
    }

    @Test
    void aUserWithoutInvokePermissionIsDenied() throws Exception {
        Exchange result = send("lambda-invoke:echo", keys(caller));

        LambdaInvokeException error = failure(result);
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.isRetryable()).isFalse();
        assertThat(motosAnswer(error)).contains("AccessDenied")
                .contains("user/caller is not authorized to perform: lambda:Invoke");
    }

    @Test
    void sessionCredentialsWithTheirTokenInvoke() throws Exception {
        Credentials session = assumedByHand();

        Exchange result = send("lambda-invoke:echo", c -> {
            c.setAccessKey(session.accessKeyId());
            c.setSecretKey(session.secretAccessKey());
            c.setSessionToken(session.sessionToken());
        });

        assertThat(session.accessKeyId()).startsWith("ASIA");
        assertEchoed(result);
    }

    @Test
    void sessionCredentialsWithAWrongTokenAreRefused() throws Exception {
        Credentials session = assumedByHand();

        Exchange result = send("lambda-invoke:echo", c -> {
            c.setAccessKey(session.accessKeyId());
            c.setSecretKey(session.secretAccessKey());
            c.setSessionToken(session.sessionToken() + "x");
        });

        LambdaInvokeException error = failure(result);
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(motosAnswer(error)).contains("InvalidClientTokenId");
    }

    @Test
    void theRoleIsAssumedWithItsExternalIdAndItsCredentialsInvoke() throws Exception {
        Exchange result = send("lambda-invoke:echo?roleArn=" + INVOKER_ROLE + "&roleExternalId=" + EXTERNAL_ID
                               + "&stsEndpointOverride=" + moto.endpoint(), keys(caller));

        assertEchoed(result); // caller alone is denied (aUserWithoutInvokePermissionIsDenied): the role signed this
    }

    @Test
    void aWrongExternalIdIsRefusedBySts() throws Exception {
        Exchange result = send("lambda-invoke:echo?roleArn=" + INVOKER_ROLE + "&roleExternalId=wrong-id"
                               + "&stsEndpointOverride=" + moto.endpoint(), keys(caller));

        LambdaInvokeException error = failure(result);
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getCause()).isInstanceOf(StsException.class);
        assertThat(motosAnswer(error)).contains("user/caller is not authorized to perform: sts:AssumeRole");
    }

    /** What moto does not check (RoleAssumptionTest shows the ExternalId is sent, against a WireMock STS). */
    @Test
    void motoLetsTheRoleBeAssumedWithoutTheExternalIdItsTrustPolicyRequires() throws Exception {
        Exchange result = send("lambda-invoke:echo?roleArn=" + INVOKER_ROLE + "&stsEndpointOverride=" + moto.endpoint(),
                keys(caller));

        assertEchoed(result);
    }

    @Test
    void theAssumedRolesSessionIsNamedCamelLambdaInvokeByDefault() throws Exception {
        Exchange result = send("lambda-invoke:echo?roleArn=" + NO_INVOKE_ROLE + "&stsEndpointOverride=" + moto.endpoint(),
                keys(caller));

        // the role may not invoke: moto's refusal names the caller, the assumed role's session
        LambdaInvokeException error = failure(result);
        assertThat(error.getStatusCode()).isEqualTo(403);
        assertThat(motosAnswer(error)).contains("assumed-role/no-invoke/camel-lambda-invoke is not authorized");
    }

    @Test
    void profileCredentialsFromATemporaryFileInvoke(@TempDir Path dir) throws Exception {
        try (SystemProperties files = profileFile(dir, "moto-invoker", invoker)) {
            Exchange result = send("lambda-invoke:echo?profile=moto-invoker", c -> {
            });

            assertEchoed(result);
        }
    }

    @Test
    void aRoleIsAssumedOnTopOfAProfile(@TempDir Path dir) throws Exception {
        try (SystemProperties files = profileFile(dir, "moto-caller", caller)) {
            Exchange result = send("lambda-invoke:echo?profile=moto-caller&roleArn=" + INVOKER_ROLE + "&roleExternalId="
                                   + EXTERNAL_ID + "&stsEndpointOverride=" + moto.endpoint(), c -> {
                                   });

            assertEchoed(result);
        }
    }

    private static Keys user(String name, String statements) {
        moto.iam("CreateUser", Map.of("UserName", name));
        moto.iam("PutUserPolicy", Map.of("UserName", name, "PolicyName", name + "-policy", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}"));
        String key = moto.iam("CreateAccessKey", Map.of("UserName", name));
        return new Keys(MotoPeer.xml(key, "AccessKeyId"), MotoPeer.xml(key, "SecretAccessKey"));
    }

    private static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    private static Consumer<LambdaInvokeConfiguration> keys(Keys keys) {
        return c -> {
            c.setAccessKey(keys.accessKeyId());
            c.setSecretKey(keys.secretKey());
        };
    }

    /**
     * Temporary credentials (key, secret, session token) made outside the component, as a user would pass them in:
     * from AssumeRole, because moto's GetSessionToken hands out fixed example keys that its own auth then refuses.
     */
    private static Credentials assumedByHand() {
        try (StsClient sts = StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(moto.endpoint()).region(Region.of(MotoPeer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(caller.accessKeyId(), caller.secretKey())))
                .build()) {
            return sts.assumeRole(r -> r.roleArn(INVOKER_ROLE).roleSessionName("by-hand").externalId(EXTERNAL_ID))
                    .credentials();
        }
    }

    private static SystemProperties profileFile(Path dir, String profile, Keys keys) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"), "[" + profile + "]\naws_access_key_id = "
                                             + keys.accessKeyId() + "\naws_secret_access_key = " + keys.secretKey() + "\n");
        return SystemProperties.set("aws.sharedCredentialsFile", credentials.toString())
                .and("aws.configFile", dir.resolve("none").toString());
    }

    /** Sends {"from":"camel"} to moto with only the credentials {@code credentials} sets on the component. */
    private static Exchange send(String uri, Consumer<LambdaInvokeConfiguration> credentials) throws Exception {
        try (CamelHarness camel = CamelHarness.configured(moto.endpoint(), c -> {
            CamelHarness.withoutStaticKeys(c);
            credentials.accept(c);
        })) {
            return camel.send(uri, "{\"from\":\"camel\"}");
        }
    }

    private static void assertEchoed(Exchange result) {
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(String.class)).isEqualTo("{\"from\":\"camel\"}");
        assertThat(result.getMessage().getHeader(LambdaInvokeConstants.STATUS_CODE)).isEqualTo(200);
    }

    /**
     * moto's error body, read from the SDK's exception: moto answers Lambda calls in XML, which the SDK's JSON protocol
     * cannot parse into an error code, so the code and message are only in the raw answer.
     */
    private static String motosAnswer(LambdaInvokeException error) {
        assertThat(error.getCause()).isInstanceOf(AwsServiceException.class);
        return ((AwsServiceException) error.getCause()).awsErrorDetails().rawResponse().asUtf8String();
    }

    private static LambdaInvokeException failure(Exchange result) {
        assertThat(result.getException()).isInstanceOf(LambdaInvokeException.class);
        return (LambdaInvokeException) result.getException();
    }
}
