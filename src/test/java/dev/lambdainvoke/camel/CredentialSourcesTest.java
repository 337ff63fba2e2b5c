package dev.lambdainvoke.camel;

import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.SigV4;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.lambdainvoke.camel.OptionValidationTest.messages;
import static dev.lambdainvoke.camel.support.WireMockLambda.invoke;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "Base credentials": each source signs the invocation when it is the one configured (static keys, a profile from the
 * shared files, the EC2 instance role over IMDSv2, the SDK default chain), and endpoints with different credentials get
 * different clients. What signed a request is read from its SigV4 Authorization header.
 */
@WireMockLambdaTest
class CredentialSourcesTest {

    private static WireMockLambda lambda;
    @TempDir
    Path dir;

    @BeforeEach
    void answer() {
        lambda.stub(invoke("f").willReturn(ok("\"ok\"")));
    }

    @Test
    void staticKeysSignTheInvocation() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            assertSucceeded(camel.send("lambda-invoke:f?accessKey=AKIDSTATIC&secretKey=static-secret", "{}"));
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDSTATIC");
        assertThat(SigV4.sessionToken(lambda.onlyRequest())).isNull();
    }

    @Test
    void aSessionTokenTravelsWithTheStaticKeys() throws Exception {
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            assertSucceeded(camel.send("lambda-invoke:f?accessKey=ASIASTATIC&secretKey=s&sessionToken=the-token", "{}"));
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("ASIASTATIC");
        assertThat(SigV4.sessionToken(lambda.onlyRequest())).isEqualTo("the-token");
    }

    @Test
    void aProfileFromTheSharedCredentialsFileSignsTheInvocation() throws Exception {
        try (SystemProperties files = profileFiles("[orders]\naws_access_key_id = AKIDPROFILE\n"
                                                   + "aws_secret_access_key = profile-secret\n", "")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
                assertSucceeded(camel.send("lambda-invoke:f?profile=orders", "{}"));
            }
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDPROFILE");
    }

    @Test
    void aProfilesRegionAppliesWhenNoRegionIsSet() throws Exception {
        try (SystemProperties files = profileFiles("[orders]\naws_access_key_id = AKIDPROFILE\n"
                                                   + "aws_secret_access_key = profile-secret\n",
                "[profile orders]\nregion = eu-west-3\n")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
                CamelHarness.withoutStaticKeys(c);
                c.setRegion(null);
            })) {
                assertSucceeded(camel.send("lambda-invoke:f?profile=orders", "{}"));
            }
        }
        assertThat(SigV4.region(lambda.onlyRequest())).isEqualTo("eu-west-3");
    }

    @Test
    void theEc2InstanceRoleSignsTheInvocationWithItsSessionCredentials() throws Exception {
        WireMockServer imds = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        imds.start();
        try {
            stubInstanceMetadata(imds, "lambda-invoker", "ASIAEC2ROLE", "ec2-secret", "ec2-session-token");
            try (SystemProperties metadata = SystemProperties.set("aws.ec2MetadataServiceEndpoint",
                    "http://127.0.0.1:" + imds.port())) {
                try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
                    assertSucceeded(camel.send("lambda-invoke:f?useEc2Role=true", "{}"));
                }
            }
            LoggedRequest request = lambda.onlyRequest();
            assertThat(SigV4.accessKeyId(request)).isEqualTo("ASIAEC2ROLE");
            assertThat(SigV4.sessionToken(request)).isEqualTo("ec2-session-token");
            // IMDSv2: a session token was asked for first and then sent with the credential reads
            imds.verify(WireMock.putRequestedFor(WireMock.urlEqualTo("/latest/api/token"))
                    .withHeader("x-aws-ec2-metadata-token-ttl-seconds", WireMock.matching("\\d+")));
            imds.verify(WireMock.getRequestedFor(
                    WireMock.urlEqualTo("/latest/meta-data/iam/security-credentials/lambda-invoker"))
                    .withHeader("x-aws-ec2-metadata-token", WireMock.equalTo("imds-session")));
        } finally {
            imds.stop();
        }
    }

    @Test
    void theSdkDefaultChainAppliesWhenNoSourceIsSet() throws Exception {
        // the chain's first link reads the aws.accessKeyId / aws.secretAccessKey system properties
        try (SystemProperties chain = SystemProperties.set("aws.accessKeyId", "AKIDDEFAULTCHAIN")
                .and("aws.secretAccessKey", "chain-secret")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
                assertSucceeded(camel.send("lambda-invoke:f", "{}"));
            }
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDDEFAULTCHAIN");
    }

    @Test
    void endpointsWithDifferentCredentialsGetDifferentClients() throws Exception {
        try (SystemProperties files = profileFiles("[orders]\naws_access_key_id = AKIDPROFILE\n"
                                                   + "aws_secret_access_key = profile-secret\n", "")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), CamelHarness::withoutStaticKeys)) {
                camel.send("lambda-invoke:f?profile=orders", "{}");
                camel.send("lambda-invoke:f?profile=orders&qualifier=prod", "{}");
                assertThat(camel.component().getClients().size()).as("clients for one profile").isEqualTo(1);

                camel.send("lambda-invoke:f?accessKey=AKIDA&secretKey=a", "{}");
                camel.send("lambda-invoke:f?accessKey=AKIDA&secretKey=b", "{}");
                camel.send("lambda-invoke:f?profile=orders&roleArn=arn:aws:iam::123456789012:role/r", "{}");

                assertThat(camel.component().getClients().size()).isEqualTo(4);
            }
        }
    }

    @Test
    void endpointKeysReplaceAProfileSetOnTheComponent() throws Exception {
        try (SystemProperties files = profileFiles(ORDERS_PROFILE, "")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
                CamelHarness.withoutStaticKeys(c);
                c.setProfile("orders");
            })) {
                assertSucceeded(camel.send("lambda-invoke:f?accessKey=AKIDENDPOINT&secretKey=endpoint-secret", "{}"));
            }
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDENDPOINT");
    }

    @Test
    void endpointKeysReplaceTheEc2RoleSetOnTheComponent() throws Exception {
        // no instance metadata service here: the component's EC2 role must not be asked at all
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
            CamelHarness.withoutStaticKeys(c);
            c.setUseEc2Role(true);
        })) {
            assertSucceeded(camel.send("lambda-invoke:f?accessKey=AKIDENDPOINT&secretKey=endpoint-secret", "{}"));
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDENDPOINT");
    }

    @Test
    void anEndpointProfileReplacesTheKeysSetOnTheComponent() throws Exception {
        // the harness sets static keys (and a session token here) on the component
        try (SystemProperties files = profileFiles(ORDERS_PROFILE, "")) {
            try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> c.setSessionToken("component-token"))) {
                assertSucceeded(camel.send("lambda-invoke:f?profile=orders", "{}"));
            }
        }
        assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("AKIDPROFILE");
        assertThat(SigV4.sessionToken(lambda.onlyRequest())).as("the component's session token").isNull();
    }

    @Test
    void anEndpointEc2RoleReplacesTheKeysSetOnTheComponent() throws Exception {
        WireMockServer imds = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        imds.start();
        try {
            stubInstanceMetadata(imds, "lambda-invoker", "ASIAEC2ROLE", "ec2-secret", "ec2-session-token");
            try (SystemProperties metadata = SystemProperties.set("aws.ec2MetadataServiceEndpoint",
                    "http://127.0.0.1:" + imds.port())) {
                try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
                })) {
                    assertSucceeded(camel.send("lambda-invoke:f?useEc2Role=true", "{}"));
                }
            }
            assertThat(SigV4.accessKeyId(lambda.onlyRequest())).isEqualTo("ASIAEC2ROLE");
        } finally {
            imds.stop();
        }
    }

    @Test
    void twoSourcesOnTheEndpointStopTheRouteNamingBoth() throws Exception {
        try (SystemProperties files = profileFiles(ORDERS_PROFILE, "")) {
            Throwable failure = CamelHarness.startFailure(lambda.endpoint(),
                    "lambda-invoke:f?profile=orders&accessKey=AKIDENDPOINT&secretKey=endpoint-secret", c -> {
                    });
            assertThat(messages(failure)).contains("Options 'accessKey'/'secretKey' and 'profile' each choose the base "
                                                   + "credentials");
        }
    }

    @Test
    void twoSourcesOnTheComponentStopTheRouteNamingBoth() throws Exception {
        try (SystemProperties files = profileFiles(ORDERS_PROFILE, "")) {
            // the harness's static keys and a profile, both on the component; the endpoint sets no source
            Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f",
                    c -> c.setProfile("orders"));
            assertThat(messages(failure)).contains("Options 'accessKey'/'secretKey' and 'profile' each choose the base "
                                                   + "credentials");
        }
    }

    private static final String ORDERS_PROFILE = "[orders]\naws_access_key_id = AKIDPROFILE\n"
                                                 + "aws_secret_access_key = profile-secret\n";

    private SystemProperties profileFiles(String credentials, String config) throws Exception {
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), credentials);
        Path configFile = Files.writeString(dir.resolve("config"), config);
        return SystemProperties.set("aws.sharedCredentialsFile", credentialsFile.toString())
                .and("aws.configFile", configFile.toString());
    }

    static void stubInstanceMetadata(WireMockServer imds, String role, String accessKeyId, String secret, String token) {
        imds.stubFor(WireMock.put("/latest/api/token").willReturn(WireMock.ok("imds-session")));
        imds.stubFor(WireMock.get("/latest/meta-data/iam/security-credentials/")
                .withHeader("x-aws-ec2-metadata-token", WireMock.equalTo("imds-session"))
                .willReturn(WireMock.ok(role)));
        imds.stubFor(WireMock.get("/latest/meta-data/iam/security-credentials/" + role)
                .withHeader("x-aws-ec2-metadata-token", WireMock.equalTo("imds-session"))
                .willReturn(WireMock.okJson("{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + accessKeyId
                                            + "\",\"SecretAccessKey\":\"" + secret + "\",\"Token\":\"" + token
                                            + "\",\"Expiration\":\"{{now offset='6 hours'}}\"}")
                        .withTransformers("response-template")));
    }

    private static void assertSucceeded(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("\"ok\"");
    }
}
