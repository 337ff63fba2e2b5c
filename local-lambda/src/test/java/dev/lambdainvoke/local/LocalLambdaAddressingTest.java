package dev.lambdainvoke.local;

import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import static dev.lambdainvoke.local.SdkClients.invoke;
import static dev.lambdainvoke.local.SdkClients.invokeFailing;
import static org.assertj.core.api.Assertions.assertThat;

/** Function names, ARNs, versions and aliases: which handler runs, what X-Amz-Executed-Version says, and the 400/404s. */
class LocalLambdaAddressingTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:pricer";

    private static LocalLambda local;
    private static LambdaAsyncClient lambda;

    @BeforeAll
    static void start() {
        local = LocalLambda.builder()
                .function(LocalFunction.named("pricer")
                        .handler(answering("latest"))
                        .version("1", answering("v1"))
                        .version("2", answering("v2"))
                        .alias("prod", "1")
                        .alias("next", "$LATEST"))
                .start();
        lambda = SdkClients.against(local);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        local.close();
    }

    private static Function<Object, String> answering(String which) {
        return input -> which;
    }

    @ParameterizedTest(name = "{0} with Qualifier={1} runs {2}")
    @CsvSource(nullValues = "-", value = {
        "pricer,                                          -,       latest, $LATEST",
        "pricer:1,                                        -,       v1,     1",
        "pricer:2,                                        -,       v2,     2",
        "pricer:prod,                                     -,       v1,     1",
        "pricer:next,                                     -,       latest, $LATEST",
        "pricer:$LATEST,                                  -,       latest, $LATEST",
        "pricer,                                          prod,    v1,     1",
        "pricer,                                          2,       v2,     2",
        "pricer,                                          $LATEST, latest, $LATEST",
        "pricer:1,                                        1,       v1,     1",
        "arn:aws:lambda:us-east-1:000000000000:function:pricer,      -,    latest, $LATEST",
        "arn:aws:lambda:us-east-1:000000000000:function:pricer:prod, -,    v1,     1",
        "arn:aws:lambda:us-east-1:000000000000:function:pricer,      2,    v2,     2",
        "000000000000:function:pricer,                    -,       latest, $LATEST",
        "000000000000:function:pricer:prod,               -,       v1,     1",
        "000000000000:function:pricer,                    2,       v2,     2",
    })
    void functionNameArnQualifierVersionAndAliasSelectTheHandler(String functionName, String qualifier,
                                                                 String handler, String executedVersion) {
        InvokeResponse response = invoke(lambda, r -> {
            r.functionName(functionName).payload(SdkBytes.fromUtf8String("{}"));
            if (qualifier != null) {
                r.qualifier(qualifier);
            }
        });

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.payload().asUtf8String()).isEqualTo("\"" + handler + "\"");
        assertThat(response.executedVersion()).isEqualTo(executedVersion);
    }

    @Test
    void qualifierInTheNameAndInTheQueryThatDifferIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("pricer:1").qualifier("prod"));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The derived qualifier from the function name does not match the specified qualifier.");
    }

    @Test
    void unknownFunctionIs404NamingItsArn() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("nope"));

        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope");
    }

    @Test
    void unknownVersionOrAliasIs404NamingTheQualifiedArn() {
        LambdaException version = invokeFailing(lambda, r -> r.functionName("pricer:7"));
        LambdaException alias = invokeFailing(lambda, r -> r.functionName("pricer").qualifier("staging"));

        assertThat(version).isInstanceOf(ResourceNotFoundException.class);
        assertThat(version.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN + ":7");
        assertThat(alias).isInstanceOf(ResourceNotFoundException.class);
        assertThat(alias.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + ARN + ":staging");
    }

    @Test
    void arnOfAnotherAccountOrRegionIsNotFoundHere() {
        LambdaException account = invokeFailing(lambda,
                r -> r.functionName("arn:aws:lambda:us-east-1:123456789012:function:pricer"));
        LambdaException region = invokeFailing(lambda,
                r -> r.functionName("arn:aws:lambda:eu-west-1:000000000000:function:pricer"));

        assertThat(account.statusCode()).isEqualTo(404);
        assertThat(account.awsErrorDetails().errorMessage())
                .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:pricer");
        assertThat(region.statusCode()).isEqualTo(404);
    }

    @Test
    void functionNameLambdaWouldRejectIs400() {
        LambdaException e = invokeFailing(lambda, r -> r.functionName("pricer/../other"));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }
}
