package dev.lambdainvoke.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.lambdainvoke.camel.support.CamelHarness;
import dev.lambdainvoke.camel.support.SystemProperties;
import dev.lambdainvoke.camel.support.WireMockLambda;
import dev.lambdainvoke.camel.support.WireMockLambdaTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.lambdainvoke.camel.support.CamelHarness.raw;
import static dev.lambdainvoke.camel.support.WireMockLambda.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC "URI" and "Coordinates", and the credentials, role, proxy and allowedFunctions options: a wrong, half-given,
 * conflicting or malformed option stops the route when its endpoint starts, with a message naming the options and never
 * a secret's value, before anything is sent. One table: the endpoint URI, the component's options, what the message says.
 */
@WireMockLambdaTest
class OptionValidationTest {

    private static final String LONG_NAME = "f".repeat(200);
    // 2,700 JSON characters: 3,600 bytes once base64-encoded, over Lambda's 3,583
    private static final String BIG_CONTEXT = "{\"custom\":{\"k\":\"" + "x".repeat(2700 - 19) + "\"}}";
    private static final String ROLE = "arn:aws:iam::123456789012:role/invoker";
    private static final String SECRET = "wJalrXUtnFEMI+K7MDENG/bPxRfiCY&EXAMPLEKEY";
    /** Values of the table's URIs that no message may show. */
    private static final List<String> NEVER_SHOWN = List.of(SECRET, "s3cr3t", "AKIDEXAMPLE");

    private static WireMockLambda lambda;

    @BeforeEach
    void answerEveryInvocation() {
        lambda.stub(WireMockLambda.invoke("f").willReturn(ok("{}")));
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(lambda.requestCount()).as("requests that reached the Lambda stub").isZero();
    }

    /** The component's options under the endpoint's: the harness's static keys, or changed as named. */
    enum Component implements Consumer<LambdaInvokeConfiguration> {
        DEFAULTS(c -> {
        }),
        WITHOUT_STATIC_KEYS(CamelHarness::withoutStaticKeys),
        WITHOUT_SECRET_KEY(c -> c.setSecretKey(null)),
        WITHOUT_ACCESS_KEY(c -> c.setAccessKey(null)),
        WITH_EC2_ROLE(c -> c.setUseEc2Role(true));

        private final Consumer<LambdaInvokeConfiguration> adjust;

        Component(Consumer<LambdaInvokeConfiguration> adjust) {
            this.adjust = adjust;
        }

        @Override
        public void accept(LambdaInvokeConfiguration configuration) {
            adjust.accept(configuration);
        }
    }

    /** One row: {@code lambda-invoke:<uri>} on {@code component} stops the route with a message saying each of {@code says}. */
    record Row(String uri, Component component, List<String> says) {
        @Override
        public String toString() {
            String shown = uri.length() > 100 ? uri.substring(0, 97) + "..." : uri;
            return component == Component.DEFAULTS ? shown : shown + " on a component " + component;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                // option values (SPEC "URI")
                value("invocationType", "Sometimes", "must be RequestResponse, Event or DryRun"),
                value("logType", "Verbose", "must be None or Tail"),
                value("timeout", "0", "must be positive"),
                value("timeout", "-1", "must be positive"),
                value("timeout", "-1s", "must be positive"),
                value("connectTimeout", "0", "must be positive"),
                value("maxRetryAfter", "-1", "must not be negative"),
                value("maxConcurrency", "0", "must be at least 1"),
                value("maxConcurrency", "-5", "must be at least 1"),
                value("httpClient", "okhttp", "must be netty or crt"),
                value("endpointOverride", "ftp://x", "must be an http(s) URI"),
                value("endpointOverride", "not a uri", "is not a valid URI"),
                value("endpointOverride", "http://", "is not a valid URI"),
                value("clientContext", "not json", "must be JSON text"),
                value("clientContext", "{\"unclosed\":", "must be JSON text"),
                value("qualifier", "no/slashes", "is not a valid version or alias"),
                stops("f?clientContext=" + raw(BIG_CONTEXT), "Option 'clientContext' is 3600 bytes once base64-encoded",
                        "at most 3583"),
                // the function (SPEC "Coordinates")
                function("bad name!"),
                function("a/b"),
                function("arn:aws:s3:::bucket"),
                function(LONG_NAME),
                // a companion option without its main option
                stops("f?roleExternalId=ext-123", "Option 'roleExternalId' is set without 'roleArn'"),
                stops("f?roleSessionName=orders", "Option 'roleSessionName' is set without 'roleArn'"),
                stops("f?stsEndpointOverride=http://127.0.0.1:1", "Option 'stsEndpointOverride' is set without 'roleArn'"),
                stops("f?roleExternalId=ext-123&roleSessionName=orders",
                        "Options 'roleExternalId' and 'roleSessionName' are set without 'roleArn'"),
                stops("f?proxyPort=3128", "Option 'proxyPort' is set without 'proxyHost'"),
                stops("f?proxyScheme=https", "Option 'proxyScheme' is set without 'proxyHost'"),
                stops("f?nonProxyHosts=localhost", "Option 'nonProxyHosts' is set without 'proxyHost'"),
                stops("f?proxyHost=proxy.example.com", "Option 'proxyHost' is set but 'proxyPort' is missing"),
                // a malformed role or role companion
                roleArn("invoker"),
                roleArn("arn:aws:iam::12345:role/invoker"),
                roleArn("arn:aws:iam::123456789012:user/invoker"),
                roleArn("arn:aws:s3:::bucket"),
                roleArn("arn:aws:iam::123456789012:role/"),
                withRole("roleSessionName", "x", "Option 'roleSessionName' must be 2 to 64 characters"),
                withRole("roleSessionName", "has space", "Option 'roleSessionName' must be 2 to 64 characters"),
                withRole("roleExternalId", "x", "Option 'roleExternalId' must be 2 to 1224 characters"),
                withRole("stsEndpointOverride", "ftp://sts", "Option 'stsEndpointOverride' must be an http(s) URI with a host"),
                withRole("stsEndpointOverride", "not a uri", "Option 'stsEndpointOverride' is not a valid URI"),
                // a malformed proxy setting
                stops("f?proxyHost=http://proxy:3128&proxyPort=3128",
                        "Option 'proxyHost' must be a host name or IP address, without scheme or port"),
                stops("f?proxyHost=proxy&proxyPort=0", "Option 'proxyPort' must be between 1 and 65535, was 0"),
                stops("f?proxyHost=proxy&proxyPort=70000", "Option 'proxyPort' must be between 1 and 65535, was 70000"),
                stops("f?proxyHost=proxy&proxyPort=3128&proxyScheme=socks5",
                        "Option 'proxyScheme' must be http or https, was 'socks5'"),
                stops("f?proxyHost=proxy&proxyPort=3128&nonProxyHosts=RAW(a b)",
                        "Option 'nonProxyHosts' must list host names or patterns"),
                // credentials: half-given or two base sources at once
                stops("f?accessKey=AKIDEXAMPLE", Component.WITHOUT_SECRET_KEY, "'accessKey'", "'secretKey'"),
                stops("f?secretKey=s3cr3t", Component.WITHOUT_ACCESS_KEY, "'accessKey'", "'secretKey'"),
                stops("f?sessionToken=" + raw(SECRET), Component.WITHOUT_STATIC_KEYS,
                        "Option 'sessionToken' is set without 'accessKey' and 'secretKey'"),
                stops("f?profile=orders&accessKey=AKIDEXAMPLE&secretKey=" + raw(SECRET),
                        "Options 'accessKey'/'secretKey' and 'profile' each choose the base credentials"),
                // both on one level: on the component (the harness sets the keys), and on the endpoint
                stops("f", Component.WITH_EC2_ROLE,
                        "Options 'accessKey'/'secretKey' and 'useEc2Role' each choose the base credentials"),
                stops("f?useEc2Role=true&accessKey=AKIDEXAMPLE&secretKey=" + raw(SECRET),
                        "Options 'accessKey'/'secretKey' and 'useEc2Role' each choose the base credentials"),
                stops("f?profile=orders&useEc2Role=true", Component.WITHOUT_STATIC_KEYS,
                        "Options 'profile' and 'useEc2Role' each choose the base credentials"),
                // allowedFunctions
                stops("f?allowHeaderOverrides=true&allowedFunctions=" + raw("orders-(prod"),
                        "Option 'allowedFunctions' is not a valid regular expression"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aWrongOptionStopsTheRouteNamingItAndNoSecret(Row row) throws Exception {
        String failure = messages(CamelHarness.startFailure(lambda.endpoint(), "lambda-invoke:" + row.uri(), row.component()));

        assertThat(failure).contains(row.says());
        for (String secret : NEVER_SHOWN) {
            assertThat(failure).doesNotContain(secret);
        }
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

    private static Row stops(String uri, String... says) {
        return stops(uri, Component.DEFAULTS, says);
    }

    private static Row stops(String uri, Component component, String... says) {
        return new Row(uri, component, List.of(says));
    }

    private static Row value(String option, String value, String problem) {
        return stops("f?" + option + "=" + raw(value), "Option '" + option + "' " + problem);
    }

    private static Row function(String name) {
        return stops(name, "Option 'function'", "is not a valid Lambda function name or ARN: '" + name + "'");
    }

    private static Row roleArn(String arn) {
        return stops("f?roleArn=" + raw(arn),
                "Option 'roleArn' must be an IAM role ARN like arn:aws:iam::123456789012:role/name, was '" + arn + "'");
    }

    private static Row withRole(String option, String value, String says) {
        return stops("f?roleArn=" + ROLE + "&" + option + "=" + raw(value), says);
    }

    /** The messages of the whole cause chain: Camel wraps the endpoint's own message. */
    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
