package dev.lambdainvoke.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockLambda;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.lambdainvoke.camel.OptionValidationTest.messages;
import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials, role, proxy and allowedFunctions options: half-given, conflicting or malformed settings stop the route when
 * its endpoint starts, with a message naming the options and never a secret's value; nothing is sent.
 */
class SecurityOptionValidationTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/invoker";
    private static final String SECRET = "wJalrXUtnFEMI+K7MDENG/bPxRfiCY&EXAMPLEKEY";

    private static WireMockLambda lambda;

    @BeforeAll
    static void startLambda() {
        lambda = new WireMockLambda();
    }

    @AfterAll
    static void stopLambda() {
        lambda.close();
    }

    @BeforeEach
    void answerEveryInvocation() {
        lambda.reset();
        lambda.stub(WireMockLambda.invoke("f").willReturn(ok("{}")));
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(lambda.requestCount()).as("requests that reached the Lambda stub").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "roleExternalId=ext-123                         | Option 'roleExternalId' is set without 'roleArn'",
            "roleSessionName=orders                         | Option 'roleSessionName' is set without 'roleArn'",
            "stsEndpointOverride=http://127.0.0.1:1         | Option 'stsEndpointOverride' is set without 'roleArn'",
            "roleExternalId=ext-123&roleSessionName=orders  | Options 'roleExternalId' and 'roleSessionName' are set without 'roleArn'",
            "proxyPort=3128                                 | Option 'proxyPort' is set without 'proxyHost'",
            "proxyScheme=https                              | Option 'proxyScheme' is set without 'proxyHost'",
            "nonProxyHosts=localhost                        | Option 'nonProxyHosts' is set without 'proxyHost'",
            "proxyHost=proxy.example.com                    | Option 'proxyHost' is set but 'proxyPort' is missing",
    })
    void aCompanionOptionWithoutItsMainOptionStopsTheRoute(String query, String message) throws Exception {
        assertThat(startFailure("lambda-invoke:f?" + query)).contains(message);
    }

    @ParameterizedTest(name = "roleArn={0}")
    @CsvSource({ "invoker", "arn:aws:iam::12345:role/invoker", "arn:aws:iam::123456789012:user/invoker",
                 "arn:aws:s3:::bucket", "arn:aws:iam::123456789012:role/" })
    void aMalformedRoleArnStopsTheRoute(String arn) throws Exception {
        assertThat(startFailure("lambda-invoke:f?roleArn=" + raw(arn)))
                .contains("Option 'roleArn' must be an IAM role ARN like arn:aws:iam::123456789012:role/name, was '"
                          + arn + "'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "roleSessionName=x                   | Option 'roleSessionName' must be 2 to 64 characters",
            "roleSessionName=has space           | Option 'roleSessionName' must be 2 to 64 characters",
            "roleExternalId=x                    | Option 'roleExternalId' must be 2 to 1224 characters",
            "stsEndpointOverride=ftp://sts       | Option 'stsEndpointOverride' must be an http(s) URI with a host",
            "stsEndpointOverride=not a uri       | Option 'stsEndpointOverride' is not a valid URI",
    })
    void aMalformedRoleCompanionStopsTheRoute(String query, String message) throws Exception {
        int eq = query.indexOf('=');
        String uri = "lambda-invoke:f?roleArn=" + ROLE + "&" + query.substring(0, eq) + "=" + raw(query.substring(eq + 1));

        assertThat(startFailure(uri)).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "proxyHost=http://proxy:3128&proxyPort=3128   | Option 'proxyHost' must be a host name or IP address, without scheme or port",
            "proxyHost=proxy&proxyPort=0                  | Option 'proxyPort' must be between 1 and 65535, was 0",
            "proxyHost=proxy&proxyPort=70000              | Option 'proxyPort' must be between 1 and 65535, was 70000",
            "proxyHost=proxy&proxyPort=3128&proxyScheme=socks5 | Option 'proxyScheme' must be http or https, was 'socks5'",
            "proxyHost=proxy&proxyPort=3128&nonProxyHosts=RAW(a b)   | Option 'nonProxyHosts' must list host names or patterns",
    })
    void aMalformedProxySettingStopsTheRoute(String query, String message) throws Exception {
        assertThat(startFailure("lambda-invoke:f?" + query)).contains(message);
    }

    @Test
    void staticKeysWithAProfileStopTheRouteNamingBothAndNoSecret() throws Exception {
        String failure = startFailure("lambda-invoke:f?profile=orders&accessKey=AKIDEXAMPLE&secretKey=" + raw(SECRET));

        assertThat(failure).contains("Options 'accessKey'/'secretKey' and 'profile' each choose the base credentials")
                .doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE");
    }

    @Test
    void staticKeysWithTheEc2RoleOnOneLevelStopTheRouteNamingBoth() throws Exception {
        // both on the component (the harness sets the keys); on the endpoint, useEc2Role would replace them
        assertThat(startFailure("lambda-invoke:f", c -> c.setUseEc2Role(true)))
                .contains("Options 'accessKey'/'secretKey' and 'useEc2Role' each choose the base credentials");
        assertThat(startFailure("lambda-invoke:f?useEc2Role=true&accessKey=AKIDEXAMPLE&secretKey=" + raw(SECRET)))
                .contains("Options 'accessKey'/'secretKey' and 'useEc2Role' each choose the base credentials");
    }

    @Test
    void aProfileWithTheEc2RoleStopsTheRouteNamingBoth() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f?profile=orders&useEc2Role=true",
                CamelHarness::withoutStaticKeys);

        assertThat(messages(failure)).contains("Options 'profile' and 'useEc2Role' each choose the base credentials");
    }

    @Test
    void aSessionTokenWithoutKeysStopsTheRouteWithoutShowingIt() throws Exception {
        Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f?sessionToken=" + raw(SECRET),
                CamelHarness::withoutStaticKeys);

        assertThat(messages(failure)).contains("Option 'sessionToken' is set without 'accessKey' and 'secretKey'")
                .doesNotContain(SECRET);
    }

    @Test
    void aProfileTheFilesDoNotHaveStopsTheRouteNamingIt(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n");
        try (SystemProperties files = SystemProperties.set("aws.sharedCredentialsFile", credentials.toString())
                .and("aws.configFile", dir.resolve("no-config").toString())) {
            Throwable failure = CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:f?profile=orders",
                    CamelHarness::withoutStaticKeys);

            assertThat(messages(failure)).contains("Option 'profile' names profile 'orders', which the shared AWS files "
                                                   + "do not have").contains(credentials.toString())
                    .doesNotContain("other-secret");
        }
    }

    @Test
    void anInvalidAllowedFunctionsExpressionStopsTheRoute() throws Exception {
        assertThat(startFailure("lambda-invoke:f?allowHeaderOverrides=true&allowedFunctions=" + raw("orders-(prod")))
                .contains("Option 'allowedFunctions' is not a valid regular expression");
    }

    @Test
    void aRoleInAnotherPartitionWithAPathIsAccepted() throws Exception {
        // the route starts (no failure to report); nothing is sent at start, STS included
        try (CamelHarness camel = CamelHarness.configured(lambda.endpoint(), c -> {
        })) {
            LambdaInvokeEndpoint endpoint = camel.context().getEndpoint(
                    "lambda-invoke:f?roleArn=arn:aws-cn:iam::123456789012:role/teams/orders-invoker"
                    + "&roleSessionName=orders@route&roleExternalId=" + raw("ext:id/1+2=3"), LambdaInvokeEndpoint.class);
            endpoint.start();
            assertThat(endpoint.isStarted()).isTrue();
        }
    }

    private static String startFailure(String uri) throws Exception {
        return startFailure(uri, c -> {
        });
    }

    private static String startFailure(String uri, Consumer<LambdaInvokeConfiguration> component) throws Exception {
        return messages(CamelHarness.startFailure(lambda.endpoint(), uri, component));
    }
}
